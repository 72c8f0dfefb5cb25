"""The Markdown a page is built from: references become links, placeholders become generated
content, and object pages get their links and backlinks appended.

Runs after validation passed, so every reference here resolves.
"""

from __future__ import annotations

from sitekit import agreement as agreement_data
from sitekit.agreement import escape_md
from sitekit.model import ContentObject, Site
from sitekit.references import PLACEHOLDER, REF, parse_ref, substitute
from sitekit.schema import KIND_NAMES, ref_fields
from sitekit.ui import text

# {{ name }} -> what fills it. Validation rejects any other name.
PLACEHOLDERS = ("agreement_text", "agreement_metadata", "responsibility_matrix")


def link(target: ContentObject, page: str, lang: str, label: str | None = None) -> str:
    return f"[{escape_md(label or target.title(lang))}]({target.link(page)})"


def _backlinks(site: Site, target_id: str, page: str, lang: str) -> str:
    """`Kind: [A](..), [B](..)` per kind of referring object, '' when nothing refers to it."""
    by_kind: dict[str, list[str]] = {}
    for source in site.backlinks(target_id):
        if source.kind == "page":
            continue  # entry pages only point the way; backlinks list the substance
        by_kind.setdefault(source.kind, []).append(link(source, page, lang))
    return " · ".join(f"{KIND_NAMES[kind][lang]}: {', '.join(links)}" for kind, links in by_kind.items())


def _placeholder(site: Site, name: str, page: str, lang: str) -> str:
    agreement = site.agreement
    if name == "agreement_text":
        def extra(clause: agreement_data.Clause) -> str:
            refs = _backlinks(site, clause.id, page, lang)
            return f"*{text('referenced_by', lang)}:* {refs}\n{{: .clause-refs }}" if refs else ""
        return agreement_data.render_text(agreement, lang, extra)
    if name == "agreement_metadata":
        return agreement_data.render_metadata(agreement, lang)
    if name == "responsibility_matrix":
        return agreement_data.render_matrix(
            agreement, lang, lambda c: f"[{c.id}]({site.objects[c.id].link(page)})")
    raise ValueError(f"unknown placeholder {name!r}")


def _appendix(site: Site, obj: ContentObject, page: str, lang: str) -> str:
    """Links of an object page's reference fields, then what refers to it."""
    parts = []
    items = []
    for name, spec in ref_fields(obj.kind).items():
        values = obj.meta.get(name)
        if not values:
            continue
        values = values if isinstance(values, list) else [values]
        links = ", ".join(link(site.objects[str(v)], page, lang) for v in values)
        items.append(f"- **{spec.label.get(lang, name)}:** {links}")
    if items:
        parts.append(f"## {text('related', lang)} {{#related}}\n\n" + "\n".join(items))
    backlinks = _backlinks(site, obj.id, page, lang)
    if backlinks:
        parts.append(f"## {text('referenced_by', lang)} {{#referenced-by}}\n\n{backlinks}")
    return "\n\n".join(parts)


def page_markdown(site: Site, page: str, lang: str, markdown: str) -> str:
    """Expand the Markdown body of the page `page` (docs-relative Vietnamese path) in `lang`."""

    def ref(m) -> str:
        target_id, label = parse_ref(m.group(1))
        return link(site.objects[target_id], page, lang, label)

    markdown = substitute(markdown, REF, ref)
    markdown = substitute(markdown, PLACEHOLDER, lambda m: _placeholder(site, m.group(1), page, lang))
    obj = site.pages.get(page)
    if obj and obj.kind != "page":
        appendix = _appendix(site, obj, page, lang)
        if appendix:
            markdown = f"{markdown.rstrip()}\n\n{appendix}\n"
    return markdown
