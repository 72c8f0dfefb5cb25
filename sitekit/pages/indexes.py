"""Generated lists: the policy library by topic and by year, the module catalogue, the glossary and
the coverage of the agreement's tasks by modules. Each fills a `{{ placeholder }}` of a page."""

from __future__ import annotations

import datetime
import unicodedata

from sitekit.content import curriculum
from sitekit.courses import agenda as course_agenda
from sitekit.courses.words import say
from sitekit.pages import downloads
from sitekit.markdown import escape, link, table
from sitekit.content.model import Site
from sitekit.content.schema import TOPICS
from sitekit.content.slugs import fold
from sitekit.ui import date, duration, text


def _policies(site: Site):
    """Oldest first; the documents without a date last."""
    return sorted((o for o in site.objects.values() if o.kind == "policy"),
                  key=lambda o: (o.meta.get("date") is None, o.meta.get("date") or datetime.date.min, o.id))


def _policy_line(site: Site, policy, page: str, lang: str) -> str:
    """`- [title](link) — number, date`; the number only when the title does not already give it."""
    number = policy.meta.get("number")
    title = unicodedata.normalize("NFC", policy.title(lang)).casefold()
    shown = number and unicodedata.normalize("NFC", str(number)).casefold() not in title
    details = ", ".join(x for x in (escape(number) if shown else "", date(policy.meta.get("date"), lang)) if x)
    return f"- {link(policy, page, lang)} — {details}"


def policy_index(site: Site, page: str, lang: str) -> str:
    """By topic, oldest first; by year, the newest year first and the documents without a date last."""
    out = [f"## {text('by_topic', lang)} {{#by-topic}}\n"]
    for topic in TOPICS:
        members = [p for p in _policies(site) if topic in (p.meta.get("topics") or [])]
        if members:
            out.append(f"### {text(topic, lang)} {{#topic-{topic}}}\n")
            out.append("\n".join(_policy_line(site, p, page, lang) for p in members) + "\n")
    out.append(f"## {text('by_year', lang)} {{#by-year}}\n")
    dated = [p for p in _policies(site) if p.meta.get("date")]
    years: dict[str, list] = {}
    for policy in sorted(dated, key=lambda o: o.meta["date"], reverse=True):
        years.setdefault(str(policy.meta["date"].year), []).append(policy)
    undated = [p for p in _policies(site) if not p.meta.get("date")]
    sections = [(year, f"year-{year}", members) for year, members in years.items()]
    if undated:
        sections.append((text("year_unknown", lang), "year-unknown", undated))
    for heading, anchor, members in sections:
        out.append(f"### {heading} {{#{anchor}}}\n")
        out.append("\n".join(_policy_line(site, p, page, lang) for p in members) + "\n")
    return "\n".join(out)


def module_index(site: Site, page: str, lang: str) -> str:
    """The catalogue: a card per module with what a trainer chooses by (audience, length, lead agency)
    and its two PDFs in the page's language (the downloads page has the other language)."""
    cards = []
    for module in curriculum.modules(site):
        lessons = curriculum.lessons_of(site, module.id)
        own = module.version(lang).meta
        agency = site.agreement.agency_name(module.meta.get("lead"), lang) if site.agreement else module.meta.get("lead")
        facts = [(text("audience", lang), escape(own.get("audience", ""))),
                 (text("duration", lang), f"{text('n_lessons', lang).format(n=len(lessons))}, "
                                          f"{duration(curriculum.total_minutes(site, module.id), lang)}"),
                 (text("lead_agency", lang), escape(agency))]
        lines = "\n".join(f"    **{label}:** {value}{'  ' if i < len(facts) - 1 else ''}"
                          for i, (label, value) in enumerate(facts))
        pdfs = downloads.buttons(site, module.id, page, lang, languages=(lang,))
        cards.append(f"-   <span class=\"module-code\">{escape(module.meta.get('code', ''))}</span> "
                     f"**{link(module, page, lang)}**\n\n    ---\n\n{lines}\n" + (f"\n    {pdfs}\n" if pdfs else ""))
    return '<div class="grid cards module-cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"


def course_index(site: Site, page: str, lang: str) -> str:
    """The courses: a card each with who it is for, where it meets, how long, which modules, and its
    two PDFs in the page's language."""
    cards = []
    for course in sorted((o for o in site.objects.values() if o.kind == "course"),
                         key=lambda o: (len(course_agenda.plan(site, o)), o.id)):
        own = course.version(lang).meta
        modules = ", ".join(escape(m.meta.get("code", m.id)) for m in course_agenda.modules(site, course))
        facts = [(say("audience", lang), escape(own.get("audience", ""))),
                 (say("place", lang), escape(own.get("place", ""))),
                 (say("length", lang), f"{say('n_days', lang, n=len(course_agenda.plan(site, course)))}; "
                                       f"{say('teaching', lang, time=duration(course_agenda.teaching_minutes(site, course), lang))}"),
                 (say("modules", lang), modules)]
        lines = "\n".join(f"    **{label}:** {value}{'  ' if i < len(facts) - 1 else ''}"
                          for i, (label, value) in enumerate(facts))
        pdfs = downloads.buttons(site, course.id, page, lang, languages=(lang,))
        cards.append(f"-   **{link(course, page, lang)}**\n\n    ---\n\n{lines}\n" + (f"\n    {pdfs}\n" if pdfs else ""))
    return '<div class="grid cards module-cards course-cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"


def glossary(site: Site, page: str, lang: str) -> str:
    """All terms in the order of the page's language, without regard to diacritics (đ after d)."""
    terms = sorted((o for o in site.objects.values() if o.kind == "term"),
                   key=lambda o: (fold(o.title(lang)).lower(), o.title(lang)))
    other = "en" if lang == "vi" else "vi"
    rows = [[link(t, page, lang), escape(t.title(other)), escape(t.version(lang).meta.get("abbr") or ""),
             escape(t.version(lang).meta.get("basis") or "")] for t in terms]
    return table([text("term", lang), text("in_other_language", lang), text("abbr", lang), text("basis", lang)],
                 rows) + "\n"


def coverage_matrix(site: Site, page: str, lang: str) -> str:
    """Each task of the agreement -> the lessons that train it (grouped under their module), or why it is not
    a training task, or that no lesson trains it yet; a task's `coverage_note` says what is not (fully) trained."""
    rows = []
    planned = curriculum.planned(site)
    for clause_id, lessons in curriculum.coverage(site).items():
        clause = site.agreement.clause(clause_id)
        if not clause.training:
            cell = f"*{text('not_training', lang)}:* {escape(clause.training_note.get(lang, ''))}"
        elif lessons:
            by_module: dict[str, list] = {}
            for lesson in lessons:
                by_module.setdefault(lesson.meta.get("module"), []).append(lesson)
            cell = "<br>".join(
                link(site.objects[module_id], page, lang,
                     f"{site.objects[module_id].meta.get('code')} · {site.objects[module_id].title(lang)}") + ": "
                + ", ".join(link(lesson, page, lang, f"{text('lesson', lang)} {lesson.meta.get('order')}")
                            for lesson in module_lessons)
                for module_id, module_lessons in by_module.items())
        else:
            cell = f"**{text('not_trained_yet', lang)}.**"
            if planned[clause_id]:
                cell += f" {text('planned_in', lang)}: " + ", ".join(
                    link(m, page, lang, f"{m.meta.get('code')} · {m.title(lang)}") for m in planned[clause_id])
        if clause.training and clause.coverage_note:
            cell += f"<br>*{text('partly_trained', lang)}:* {escape(clause.coverage_note.get(lang, ''))}"
        rows.append([link(site.objects[clause_id], page, lang, clause_id), escape(clause.short.get(lang, "")), cell])
    return table([text("clause", lang), text("task", lang), text("implemented_by", lang)], rows) + "\n"
