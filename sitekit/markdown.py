"""Small writers of Markdown shared by the generated parts of pages."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}])")


def escape(value: str) -> str:
    """Text that Markdown shows as written (data never becomes markup or HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", str(value))


def link(target, page: str, lang: str, label: str | None = None) -> str:
    """A link from the page `page` to a content object, titled in `lang` unless `label` is given."""
    return f"[{escape(label or target.title(lang))}]({target.link(page)})"


def table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> str:
    align = align or ["---"] * len(header)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def card(css_class: str, rows: list[tuple[str, str]]) -> str:
    """A box of facts about the page's object: a definition list (label, Markdown value). Left out of
    the search index: run together, its labels and values made the results' snippets unreadable."""
    items = "\n\n".join(f"{label}\n:   {value}" for label, value in rows if value)
    return f'<div class="card {css_class}" data-search-exclude markdown>\n\n{items}\n\n</div>\n'
