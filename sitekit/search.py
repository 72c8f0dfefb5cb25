"""Search that works the way trainers type: one index per language, with Vietnamese folded.

Material's lunr search neither folds diacritics nor knows languages: "tao hon" finds nothing, and an
English page gets Vietnamese results. Each index entry gets `title_folded` and `text_folded` (no
diacritics, "đ" as "d") where folding changes the text, as extra fields that mkdocs.yml declares to
the search plugin; and each language gets its own index at its own root (`search/…`, `en/search/…`),
as JSON and as the `.js` that pages opened from disk load.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.slugs import fold


def fold_entry(entry: dict) -> dict:
    """The entry with folded copies of its title and text, when folding changes them."""
    entry = dict(entry)
    for field in ("title", "text"):
        value = entry.get(field) or ""
        folded = fold(value)
        if folded != value:
            entry[f"{field}_folded"] = folded
    return entry


def language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT and "/" in location else DEFAULT


def split(config: dict, entries: list[dict]) -> dict[str, dict]:
    """{language: index}: each language's entries, located relative to that language's root."""
    indexes = {lang: {"config": config, "docs": []} for lang in LANGUAGES}
    for entry in entries:
        lang = language_of(entry["location"])
        entry = fold_entry(entry)
        if lang != DEFAULT:
            entry["location"] = entry["location"][len(lang) + 1:]
        indexes[lang]["docs"].append(entry)
    return indexes


def write(site_dir: Path, indexes: dict[str, dict]) -> dict[str, int]:
    """Write `search/search_index.json` and `.js` under each language root; return the JSON sizes."""
    sizes = {}
    for lang, index in indexes.items():
        folder = Path(site_dir) / ("" if lang == DEFAULT else lang) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
        (folder / "search_index.json").write_bytes(data)
        with open(folder / "search_index.js", "wb") as js:  # what a page opened from disk loads
            js.write(b"var __index = ")
            js.write(data)
        sizes[lang] = len(data)
    return sizes


def language_base(base: str, lang: str) -> str:
    """The `base` of Material's page config for a page in `lang`: the root of its language, so the
    page loads its own language's index and resolves its results there."""
    if lang == DEFAULT:
        return base
    # a trailing slash: Material resolves `search/search_index.json` against it as a folder
    return f"{base.rstrip('/')}/{lang}/" if base not in ("", ".") else f"{lang}/"
