"""Search that works the way trainers type: one index per language, each read with its own rules.

Material's lunr search knows one language per site: an English page got Vietnamese results, and the
English index was not stemmed ("marriages" missed "marriage"). Each language gets its own index at
its own root (`search/…`, `en/search/…`, as JSON and as the `.js` that pages opened from disk load),
with its own lunr settings: Vietnamese without a stemmer, English stemmed. Folding diacritics ("tao
hon" finds "tảo hôn") happens in the browser, in the search worker (sitekit/output/search-worker-fold.js,
which hooks/search.py appends to Material's worker): the index holds each text once.

What the site generates around a page's text is left out of the index (`data-search-exclude` where
it is written): the facts box, the changelog, and the lists of links (related pages, "referenced
by", a module's lessons and trainers, downloads, a policy's sources). They repeat other pages'
titles, so that every page linking to a term matched a search for it, and snippets began with them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitekit.languages import DEFAULT, LANGUAGES

# lunr settings per language. No trimmer: lunr's strips letters such as "đ" from Vietnamese words
# on English pages, and the separator (mkdocs.yml) already splits words from punctuation.
RULES = {
    "vi": {"lang": ["vi"], "pipeline": ["stopWordFilter"]},
    "en": {"lang": ["en"], "pipeline": ["stopWordFilter", "stemmer"]},
}
WORKER_ADDITION = Path(__file__).with_name("search-worker-fold.js")  # appended to Material's worker
WORKERS = "assets/javascripts/workers"
_COMMENT = re.compile(r"/\*.*?\*/", re.S)  # the file's comments are for its readers, not for the browser


_TAG = re.compile(r"\s*<[^>]+>\s*")


def plain(text: str) -> str:
    """The text without its markup (lists and paragraphs): a result shows a line of it, and the tags
    were a twentieth of the index. Entities stay escaped, as the results read them."""
    return _TAG.sub(" ", text).strip()


def language_of(location: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT and "/" in location else DEFAULT


def split(config: dict, entries: list[dict], numbers: dict[str, str] | None = None) -> dict[str, dict]:
    """{language: index}: each language's entries, located relative to that language's root.

    `numbers` maps a policy page (`policies/x.html`) to its document number, added to the title of
    the page's entry when the title lacks it: readers search by number ("13/2022", "Quyết định 498"),
    the facts box that shows it is not indexed, and the result then says which document it is."""
    numbers = numbers or {}
    indexes = {lang: {"config": {**config, **RULES[lang]}, "docs": []} for lang in LANGUAGES}
    for entry in entries:
        lang = language_of(entry["location"])
        entry = {**entry, "text": plain(entry.get("text") or "")}
        if lang != DEFAULT:
            entry["location"] = entry["location"][len(lang) + 1:]
        number = numbers.get(entry["location"])
        if number and number.casefold() not in entry["title"].casefold():
            entry["title"] = f"{entry['title']} ({number})"
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


def extend_worker(site_dir: Path) -> Path:
    """Append the folding and ranking code to Material's search worker in the built site: it must run
    where lunr builds the index, over http and from disk alike."""
    workers = sorted((Path(site_dir) / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise RuntimeError(f"expected one Material search worker in {WORKERS}, found {[w.name for w in workers]}: "
                           "was Material upgraded? sitekit/output/search-worker-fold.js is written for 9.8.2")
    code = _COMMENT.sub("", WORKER_ADDITION.read_text(encoding="utf-8")).strip() + "\n"
    worker = workers[0].read_text(encoding="utf-8")
    if code not in worker:
        workers[0].write_text(worker.rstrip("\n") + "\n" + code, encoding="utf-8")
    return workers[0]


def language_base(base: str, lang: str) -> str:
    """The `base` of Material's page config for a page in `lang`: the root of its language, so the
    page loads its own language's index and resolves its results there."""
    if lang == DEFAULT:
        return base
    # a trailing slash: Material resolves `search/search_index.json` against it as a folder
    return f"{base.rstrip('/')}/{lang}/" if base not in ("", ".") else f"{lang}/"
