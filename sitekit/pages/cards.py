"""What the site writes around an object's own text: the facts box at the top of a policy, module,
lesson or term page, and what comes after the text (a policy's sources).

Authors write prose; numbers, dates, durations, lesson lists and reminders come from the front
matter and the model, so they are the same on every page and cannot drift.
"""

from __future__ import annotations

import re
from posixpath import dirname, relpath
from urllib.parse import urlparse

from sitekit.content import curriculum
from sitekit.content.questions import LETTERS
from sitekit.courses import page as course_page
from sitekit.pages import roster_pages
from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.markdown import card, escape, link
from sitekit.content.model import ContentObject, Site
from sitekit.ui import date, duration, text


# A number with its year (`73/2006/QH11`, `05/2011/NĐ-CP`) is that of a legal normative document, which
# is published in the Official Gazette; `1719/QĐ-TTg`, `28/NQ-CP` are not.
LEGAL_NUMBER = re.compile(r"^\d+/\d{4}/")
GOVERNMENT = ("Chính phủ", "Thủ tướng Chính phủ")  # `issuer:` as written in the Vietnamese file


def _admonition(kind: str, title: str, body: str) -> str:
    indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
    return f'!!! {kind} "{title}"\n{indented}\n'


def _links(site: Site, ids, page: str, lang: str) -> str:
    return ", ".join(link(site.objects[str(i)], page, lang) for i in ids or [])


def _index_link(site: Site, placeholder: str, anchor: str, label: str, page: str) -> str:
    index = site.placeholder_pages.get(placeholder)
    if not index:
        return escape(label)
    return f"[{escape(label)}]({relpath(index, dirname(page) or '.')}#{anchor})"


def _caveat(obj: ContentObject, lang: str) -> str:
    caveat = obj.version(lang).meta.get("caveat")
    if obj.meta.get("verification") == "partly" or caveat:
        return _admonition("note", text("caveat_title", lang), escape(caveat or text("partly", lang)))
    return ""


def _site_link(url: str) -> str:
    """A source named by its site: `[thuvienphapluat.vn](https://thuvienphapluat.vn/…)`."""
    host = (urlparse(url).hostname or url).removeprefix("www.")
    return f"[{escape(host)}]({url})"


def _policy_status(meta: dict, own: dict, lang: str) -> str:
    """The status with the source it was read in, or "not yet recorded"; then what amended or replaced it."""
    status = meta.get("status")
    source = meta.get("status_source")  # required with a status (STATUS_SOURCE_MISSING)
    if status is None:
        cell = text("status_not_recorded", lang)
    else:
        basis = f" ({text('status_per', lang).format(source=_site_link(source))})" if source else ""
        cell = text(status, lang) + basis
    note = own.get("status_note")
    return f"{cell}. {escape(note)}" if note else cell


def _official_where(meta: dict, own: dict, lang: str) -> str:
    """Where the official text is published, by the kind of document; never a link nobody opened."""
    number = meta.get("number")
    if number and LEGAL_NUMBER.match(number):
        return text("official_gazette", lang).format(number=escape(number))
    if number and meta.get("issuer") in GOVERNMENT:
        return text("official_government", lang).format(number=escape(number))
    return text("official_issuer", lang).format(issuer=escape(own.get("issuer", "")))


def _policy_header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    meta, own = obj.meta, obj.version(lang).meta
    topics = ", ".join(_index_link(site, "policy_index", f"topic-{t}", text(t, lang), page)
                       for t in meta.get("topics") or [])
    rows = [
        (text("number_short", lang), escape(meta.get("number") or text("not_recorded", lang))),
        (text("full_title", lang), escape(own.get("full_title") or text("not_recorded", lang))),
        (text("doc_type", lang), text(meta.get("doc_type"), lang)),
        (text("issuer", lang), escape(own.get("issuer", ""))),
        (text("date", lang), date(meta.get("date"), lang)),
        (text("in_force", lang), date(meta.get("in_force"), lang)),
        (text("status", lang), _policy_status(meta, own, lang)),
        (text("topics", lang), topics),
        (text("verification", lang), text(meta.get("verification"), lang)),
    ]
    official = [text("official_text", lang), _official_where(meta, own, lang)]
    if meta.get("full_text"):
        official.append(text("official_copy", lang).format(link=_site_link(meta["full_text"])))
    caveats = [escape(own["caveat"]) if own.get("caveat") else "",
               "" if meta.get("full_text") else text("no_full_text", lang)]  # no copy of the text: say so
    if not any(caveats) and meta.get("verification") == "partly":
        caveats = [text("partly", lang)]
    caveat = "\n\n".join(c for c in caveats if c)
    return "\n".join([card("policy-card", rows),
                      _admonition("warning", text("official_title", lang), "\n\n".join(official)),
                      _admonition("note", text("caveat_title", lang), caveat) if caveat else ""])


def _policy_footer(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    """The sources: the copy of the document's own text first, then the others."""
    full_text = obj.meta.get("full_text")
    items = [f"- <{full_text}> — {text('full_text_copy', lang)}"] if full_text else []
    items += [f"- <{url}>" for url in obj.meta.get("source") or [] if url != full_text]
    return f"## {text('sources', lang)} {{#sources data-search-exclude}}\n\n" + "\n".join(items) + "\n"


def _module_header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    lessons = curriculum.lessons_of(site, obj.id)
    minutes = curriculum.total_minutes(site, obj.id)
    own = obj.version(lang).meta
    rows = [
        (text("code", lang), escape(obj.meta.get("code", ""))),
        (text("audience", lang), escape(own.get("audience", ""))),
        (text("duration", lang), f"{text('n_lessons', lang).format(n=len(lessons))}, {duration(minutes, lang)}"),
        (text("lead_agency", lang), escape(site.agreement.agency_name(obj.meta.get("lead"), lang))
         if site.agreement else escape(obj.meta.get("lead"))),
        (text("prerequisites", lang), _links(site, obj.meta.get("prerequisites"), page, lang) or text("none", lang)),
        (text("version", lang), module_version(obj, lang)),
    ]
    return card("module-card", rows)


def module_version(obj: ContentObject, lang: str) -> str:
    """`1.0 (26/11/2026: First edition.)`: the version and the newest change of the changelog."""
    changes = obj.version(lang).meta.get("changelog") or []
    latest = changes[0] if changes else None
    return f"{escape(obj.meta.get('version', ''))}" + (
        f" ({date(latest['date'], lang)}: {escape(latest['text'])})" if latest else "")


def _module_sections(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    objectives = "\n".join(f"- {escape(o)}" for o in obj.version(lang).meta.get("objectives") or [])
    # in print the lessons follow in the same document, and the contents give their pages
    lesson_list = "\n".join(
        f"{i}. {escape(lesson.title(lang)) if edition else link(lesson, page, lang)} — "
        f"{duration(int(lesson.meta.get('minutes') or 0), lang)}"
        for i, lesson in enumerate(curriculum.lessons_of(site, obj.id), start=1))
    changes = "\n".join(f"- {date(c['date'], lang)}: {escape(c['text'])}"
                        for c in obj.version(lang).meta.get("changelog") or [])
    # folded, and left out of the search index (a result's snippet is about the module, not its edits);
    # in print, the version and date are on the cover
    history = (f'<details class="note" data-search-exclude markdown>\n<summary>{text("changelog", lang)}</summary>\n\n'
               f"{changes}\n\n</details>\n\n") if changes and not edition else ""
    return (f"{history}## {text('objectives', lang)} {{#module-objectives}}\n\n{objectives}\n\n"
            f"## {text('lessons', lang)} {{#lessons data-search-exclude}}\n\n{lesson_list}\n\n"
            + ("" if edition else roster_pages.module_trainers(site, obj.id, page, lang)
               + "\n\n" + course_page.module_courses(site, obj.id, page, lang)))


def self_check(site: Site, page: str, lang: str) -> str:
    """A module's self-check: the first item of its question bank for each of its objectives, each
    with its answer in a folded block (the participant pack leaves the answers out; the courses' tests
    take other items)."""
    module = site.pages.get(page)
    bank = site.questions.get(module.id) if module is not None else None
    if bank is None:
        return ""
    objectives = module.version(DEFAULT).meta.get("objectives") or [] if DEFAULT in module.versions else []
    out = []
    for number in range(1, len(objectives) + 1):
        items = bank.for_objective(number)
        if not items:
            continue
        item = items[0]
        words = item.texts[lang]
        options = "\n".join(f"- {LETTERS[i]}. {escape(option)}" for i, option in enumerate(words.options))
        out.append(f"### {text('question_n', lang).format(n=len(out) + 1)}\n\n{escape(words.question)}\n\n{options}\n\n"
                   f"??? answer\n    **{item.answer}.** {escape(words.explanation)}\n")
    return "\n".join(out)


def _lesson_header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    module = site.objects[obj.meta["module"]]
    lessons = curriculum.lessons_of(site, module.id)
    position = lessons.index(obj) + 1
    own = obj.version(lang).meta
    rows = [
        (text("module", lang), escape(module.title(lang)) if edition else link(module, page, lang)),  # print: this document
        (text("lesson", lang), f"{position}/{len(lessons)}"),
        (text("duration", lang), duration(int(obj.meta.get("minutes") or 0), lang)),
        # the trainer prepares the materials: not in the participant pack
        (text("materials", lang), "" if edition == "trainee" else "; ".join(escape(m) for m in own.get("materials") or [])),
    ]
    return card("lesson-card", rows)


def _lesson_sections(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    """The questions the lesson answers, first: what a learner will be able to answer by its end."""
    questions = obj.version(lang).meta.get("questions") or []
    if not questions:
        return ""
    items = "\n".join(f"    - {escape(q)}" for q in questions)
    return f'!!! question "{text("lesson_questions", lang)}"\n\n{items}\n'


def _term_header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    own = obj.version(lang).meta
    other = next((lang_ for lang_ in LANGUAGES if lang_ != lang), lang)
    basis = escape(own.get("basis") or "") or text("not_recorded", lang)
    policies = _links(site, obj.meta.get("policies"), page, lang)
    rows = [
        (text("in_other_language", lang), escape(obj.title(other))),
        (text("abbr", lang), escape(own.get("abbr") or "")),
        (text("basis", lang), f"{basis} ({policies})" if policies else basis),
        (text("verification", lang), text(obj.meta.get("verification"), lang)),
    ]
    return card("term-card", rows) + "\n" + _caveat(obj, lang)


HEADERS = {"policy": _policy_header, "module": _module_header, "lesson": _lesson_header, "term": _term_header,
           "course": course_page.header}
SECTIONS = {"module": _module_sections,  # after the author's introduction, before the first section
            "lesson": _lesson_sections, "course": course_page.sections}
FOOTERS = {"policy": _policy_footer,  # a lesson's neighbours: in the page footer (hooks/navigation.py)
           "course": course_page.footer}


def header(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    make = HEADERS.get(obj.kind)
    return make(site, obj, page, lang, edition) if make else ""


def sections(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    make = SECTIONS.get(obj.kind)
    return make(site, obj, page, lang, edition) if make else ""


def footer(site: Site, obj: ContentObject, page: str, lang: str, edition: str | None = None) -> str:
    make = FOOTERS.get(obj.kind)
    return make(site, obj, page, lang, edition) if make else ""
