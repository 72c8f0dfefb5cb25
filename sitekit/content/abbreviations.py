"""Abbreviations explained as tooltips on every page (Python-Markdown `abbr`), per language.

They come from data/abbreviations.yml and from the `abbr:` of glossary terms, so a term's
abbreviation is explained everywhere it is used without anyone writing it twice.
"""

from __future__ import annotations

from pathlib import Path

from sitekit.content import yamlsource
from sitekit.languages import LANGUAGES
from sitekit.content.messages import text
from sitekit.content.problems import Problem

DATA = "data/abbreviations.yml"


def load(root: Path, objects) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """{lang: {abbreviation: expansion}} and the problems met (a repeated abbreviation)."""
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    where: dict[tuple[str, str], str] = {}
    problems: list[Problem] = []
    path = Path(root) / DATA
    if path.exists():
        source = yamlsource.load(path.read_text(encoding="utf-8"), DATA)
        problems += source.problems
        data = source.data or {}
        for lang, entries in (data.items() if isinstance(data, dict) else []):
            if lang not in LANGUAGES or not isinstance(entries, dict):
                problems.append(Problem(DATA, source.line(lang), "DATA_INVALID", "abbr_language", lang=lang,
                                        langs=LANGUAGES))
                continue
            for abbr, meaning in entries.items():
                table[lang][str(abbr)] = str(meaning)
                where[(lang, str(abbr))] = f"{DATA}:{source.line(lang, abbr)}"
    for obj in objects:
        if obj.kind != "term":
            continue
        for lang, version in obj.versions.items():
            abbr = version.meta.get("abbr")
            if not abbr:
                continue
            if (lang, str(abbr)) in where:
                problems.append(Problem(version.path, version.line("abbr"), "DATA_INVALID", "abbr_twice", abbr=abbr,
                                        other=where[(lang, str(abbr))], hint=text("hint.remove_one")))
                continue
            table[lang][str(abbr)] = str(version.meta.get("title"))
            where[(lang, str(abbr))] = version.path
    return table, problems


def configure(extension_configs: dict, table: dict[str, dict[str, str]], lang: str) -> None:
    """Give Python-Markdown's abbr extension the abbreviations of `lang` as its `glossary`.

    A glossary costs nothing to parse; the same `*[ABBR]: meaning` lines appended to every page
    were parsed again on every page, a third of the Markdown time of a build. A page's own
    `*[ABBR]:` lines still apply, and win."""
    options = extension_configs.setdefault("abbr", {})
    options["glossary"] = dict(table.get(lang, {}))
