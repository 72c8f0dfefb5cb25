"""What a course's page shows around the editor's text: its facts, the agenda with clock times and what
to prepare each day, the class's documents (the PDFs, the workbook), and on the web the tests and
forms folded away (participants' versions: the answer key is in the facilitator's kit only)."""

from __future__ import annotations

from sitekit.content.model import ContentObject, Site, site_href
from sitekit.courses import agenda, assessment, forms
from sitekit.courses.words import say
from sitekit.languages import LANGUAGES
from sitekit.markdown import card, escape, link
from sitekit.ui import duration, text

WORKBOOKS = "downloads"  # beside the PDFs


def workbook_name(course: ContentObject, lang: str) -> str:
    return f"{course.id}-{lang}.xlsx"


def _stylesheet(page: str, lang: str) -> str:
    """The course pages' own stylesheet (tests and forms): only they load it."""
    return f'<link rel="stylesheet" href="{site_href("assets/stylesheets/course.css", page, lang)}">\n\n'


def header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    own = obj.version(lang).meta
    days = agenda.plan(site, obj)
    taught = [slot.lesson for day in days for slot in day.slots if slot.lesson is not None]
    modules = "; ".join(
        f"{escape(m.title(lang)) if edition else link(m, page, lang)} ("
        + say("lessons_of", lang, n=sum(1 for x in taught if x.meta.get("module") == m.id),
              total=agenda.lesson_count(site, m.id)) + ")"
        for m in agenda.modules(site, obj))
    evaluation = say("evaluation_faces" if obj.meta.get("evaluation") == "faces" else "evaluation_scale", lang)
    rows = [
        (say("audience", lang), escape(own.get("audience", ""))),
        (say("place", lang), escape(own.get("place", ""))),
        (say("length", lang), f"{say('n_days', lang, n=len(days))}; "
                              f"{say('teaching', lang, time=duration(agenda.teaching_minutes(site, obj), lang))}"),
        (say("modules", lang), modules),
        (say("evaluation_form", lang), escape(evaluation)),
    ]
    return ("" if edition else _stylesheet(page, lang)) + card("course-card", rows)


def agenda_markdown(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    out = [f"## {say('agenda', lang)} {{#agenda}}"]
    for day in agenda.plan(site, obj):
        out.append(f"### {say('day', lang, n=day.number)}: {agenda.course_model.clock(day.start)}–"
                   f"{agenda.course_model.clock(day.end)} {{#day-{day.number}}}")
        rows = []
        for slot in day.slots:  # two columns: a table that stays a table on a phone
            title = escape(slot.title(lang)) if edition or slot.lesson is None else link(slot.lesson, page, lang)
            module = site.objects.get(str(slot.lesson.meta.get("module"))) if slot.lesson is not None else None
            if module is not None:
                title += f" ({escape(module.meta.get('code', ''))})"
            if slot.session.pause:
                title += f", {say('inner_break', lang, n=slot.session.pause)}"
            rows.append(f"| {agenda.course_model.clock(slot.start)}–{agenda.course_model.clock(slot.end)} | {title} |")
        out.append(f"| {say('time', lang)} | {say('session', lang)} |\n|---|---|\n" + "\n".join(rows))
        needs = agenda.materials(site, day, lang)
        if needs:
            out.append(f"**{say('prepare', lang, n=day.number)}:**\n\n" + "\n".join(f"- {escape(n)}" for n in needs))
    return "\n\n".join(out)


def workbook_buttons(course: ContentObject, page: str, lang: str) -> str:
    """The course's class workbook in each language, as buttons like the PDFs' (the course page and
    the downloads page)."""
    links = []
    for code in LANGUAGES:
        href = site_href(f"{WORKBOOKS}/{workbook_name(course, code)}", page, lang)
        links.append(f'<a class="md-button pdf-button workbook-button" href="{href}" download hreflang="{code}">'
                     f'{say("workbook", lang)} · {text("language_name", code)}<span class="pdf-size">XLSX</span></a>')
    links = "".join(links)
    return f'<span class="pdf-buttons">{links}</span>'


def kit(site: Site, obj: ContentObject, page: str, lang: str) -> str:
    """The class workbook in each language, with what the class's documents are."""
    return (f"## {say('kit', lang)} {{#kit data-search-exclude}}\n\n{say('kit_intro', lang)}\n\n"
            f"{workbook_buttons(obj, page, lang)}\n\n{say('workbook_how', lang)}")


def folded(summary: str, body_html: str) -> str:
    return f'<details class="note course-preview" markdown>\n<summary>{escape(summary)}</summary>\n\n{body_html}\n\n</details>'


def sections(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    """After the editor's introduction: the agenda (the PDF buttons follow it, from the page's download
    block, then the editor's preparation and follow-up)."""
    return agenda_markdown(site, obj, page, lang, edition)


def footer(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    """At the end of the web page: the workbook, then the tests and forms, folded (in print they are
    parts of their own)."""
    if edition is not None:
        return ""
    items = assessment.items(site, obj)
    days = len(agenda.plan(site, obj))
    return "\n\n".join([
        kit(site, obj, page, lang),
        f"## {say('tests', lang)} {{#tests data-search-exclude}}\n\n{say('tests_intro', lang, n=len(items))}\n\n"
        + folded(say("pretest", lang), assessment.sheet(obj, items, lang)),
        f"## {say('evaluation_form', lang)} {{#evaluation data-search-exclude}}\n\n"
        + folded(say("evaluation_form", lang), forms.evaluation(obj, lang)),
        f"## {say('attendance', lang)} {{#attendance data-search-exclude}}\n\n"
        + folded(say("attendance", lang), forms.attendance(site, obj, days, lang)),
    ])


def module_courses(site: Site, module_id: str, page: str, lang: str) -> str:
    """The courses that teach a module's lessons, for the module's page."""
    courses = agenda.courses_using(site, module_id)
    if not courses:
        return ""
    items = "\n".join(f"- {link(c, page, lang)}" for c in courses)
    return f"## {say('courses_of_module', lang)} {{#courses data-search-exclude}}\n\n{items}\n"
