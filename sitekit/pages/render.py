"""The Markdown a page is built from: references become links, placeholders become generated
content, object pages get their facts box, links and backlinks.

Runs after validation passed, so every reference here resolves.
"""

from __future__ import annotations

from typing import Callable

from sitekit.content import agreement as agreement_data
from sitekit.content import editions
from sitekit.pages import cards, downloads, error_codes, indexes, translation
from sitekit.markdown import escape, link
from sitekit.pages import roster_pages
from sitekit.content.model import ContentObject, Site
from sitekit.content.references import PLACEHOLDER, PLACEHOLDER_NAMES, REF, parse_ref, prose_spans, substitute
from sitekit.content.schema import KIND_NAMES, ref_fields
from sitekit.ui import text


def _backlinks(site: Site, target_id: str, page: str, lang: str) -> str:
    """`Kind: [A](..), [B](..)` per kind of referring object, '' when nothing refers to it."""
    by_kind: dict[str, list[str]] = {}
    for source in site.backlinks(target_id):
        if source.kind == "page":
            continue  # entry pages only point the way; backlinks list the substance
        if source.kind == "lesson" and source.meta.get("module") == target_id:
            continue  # a module's own lessons are listed on its page already
        by_kind.setdefault(source.kind, []).append(link(source, page, lang))
    return " · ".join(f"{KIND_NAMES[kind][lang]}: {', '.join(links)}" for kind, links in by_kind.items())


def _agreement_text(site: Site, page: str, lang: str) -> str:
    def extra(clause: agreement_data.Clause) -> str:
        refs = _backlinks(site, clause.id, page, lang)
        return f"*{text('referenced_by', lang)}:* {refs}\n{{: .clause-refs data-search-exclude }}" if refs else ""
    return agreement_data.render_text(site.agreement, lang, extra)


def _matrix(site: Site, page: str, lang: str) -> str:
    return agreement_data.render_matrix(site.agreement, lang, lambda c: f"[{c.id}]({site.objects[c.id].link(page)})")


# {{ name }} -> what fills it: one for each of the names the check accepts (references.PLACEHOLDER_NAMES).
PLACEHOLDERS: dict[str, Callable[[Site, str, str], str]] = {
    "agreement_text": _agreement_text,
    "agreement_metadata": lambda site, page, lang: agreement_data.render_metadata(site.agreement, lang),
    "responsibility_matrix": _matrix,
    "policy_index": indexes.policy_index,
    "module_index": indexes.module_index,
    "course_index": indexes.course_index,
    "self_check": cards.self_check,
    "glossary": indexes.glossary,
    "coverage_matrix": indexes.coverage_matrix,
    "downloads": downloads.index,
    "offline_download": downloads.offline_link,
    "roster": roster_pages.cards,
    "roster_coverage": roster_pages.coverage,
    "error_codes": error_codes.page,
    "translation_status": lambda site, page, lang: translation.status_page(site, page, lang),
}
if set(PLACEHOLDERS) != set(PLACEHOLDER_NAMES):
    raise RuntimeError(f"the placeholders filled here {sorted(PLACEHOLDERS)} and those the check accepts "
                       f"{sorted(PLACEHOLDER_NAMES)} differ: update sitekit/content/references.py")


def _appendix(site: Site, obj: ContentObject, page: str, lang: str) -> str:
    """Links of an object page's reference fields, then what refers to it (web pages only: a PDF
    has its own further-reading and glossary parts)."""
    parts = []
    items = []
    for name, spec in ref_fields(obj.kind).items():
        values = obj.meta.get(name)
        if not values or (obj.kind == "module" and name == "prerequisites") or (obj.kind == "lesson" and name == "module"):
            continue  # already in the facts box
        values = values if isinstance(values, list) else [values]
        links = ", ".join(link(site.objects[str(v)], page, lang) for v in values)
        items.append(f"- **{escape(spec.label.get(lang, name))}:** {links}")
    if items:
        parts.append(f"## {text('related', lang)} {{#related data-search-exclude}}\n\n" + "\n".join(items))
    backlinks = _backlinks(site, obj.id, page, lang)
    if backlinks:
        parts.append(f"## {text('referenced_by', lang)} {{#referenced-by data-search-exclude}}\n\n{backlinks}")
    return "\n\n".join(parts)


def _split_intro(markdown: str) -> tuple[str, str]:
    """The author's introduction (before the first `## ` heading) and the rest."""
    lines = markdown.split("\n")
    prose = {index for index, _, _ in prose_spans(markdown)}
    first = next((i for i, line in enumerate(lines) if i in prose and line.startswith("## ")), len(lines))
    return "\n".join(lines[:first]).strip(), "\n".join(lines[first:]).strip()


def expand(site: Site, page: str, lang: str, markdown: str) -> str:
    """References as links, placeholders filled, facilitator blocks titled: Markdown written for
    the page `page`, without what is generated around an object page."""

    def ref(m) -> str:
        target_id, label = parse_ref(m.group(1))
        return link(site.objects[target_id], page, lang, label)

    markdown = substitute(markdown, REF, ref)
    markdown = substitute(markdown, PLACEHOLDER, lambda m: PLACEHOLDERS[m.group(1)](site, page, lang))
    return editions.titled(markdown, lang)


def page_markdown(site: Site, page: str, lang: str, markdown: str, edition: str | None = None) -> str:
    """Expand the Markdown body of the page `page` (docs-relative Vietnamese path) in `lang`.
    `edition`: None for the web page; for a PDF, the edition (trainee, trainer, full), which prints
    no download block, no lesson navigation, no links and backlinks, no trainer list."""

    markdown = expand(site, page, lang, markdown)
    obj = site.pages.get(page)
    if obj:
        web = edition is None
        intro, body = _split_intro(markdown)
        parts = [translation.notice(obj, lang), cards.header(site, obj, page, lang, edition), intro,
                 cards.sections(site, obj, page, lang, edition),
                 downloads.block(site, obj.id, page, lang) if web else "", body,
                 cards.footer(site, obj, page, lang, edition),
                 _appendix(site, obj, page, lang) if web and obj.kind != "page" else ""]
        markdown = "\n\n".join(part for part in parts if part) + "\n"
    return markdown
