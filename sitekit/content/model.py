"""The content model: every page and every agreement clause as an object with a stable id.

A page object has one Markdown file per language (`name.md`, `name.en.md`) carrying the same id and
kind; its shared fields come from the Vietnamese file. Clause objects come from data/agreement.yml.
Loading collects structural problems (front matter, pairing, duplicate ids); `validation` checks
fields and references.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.content import abbreviations
from sitekit.content import roster as roster_data
from sitekit.content import agreement as agreement_data
from sitekit.content import cascade, frontmatter, questions as question_banks
from sitekit.languages import DEFAULT, LANGUAGES, language_of
from sitekit.content.messages import closest, did_you_mean, kind as kind_name, language_name, text
from sitekit.content.problems import Problem
from sitekit.content.references import InlineRef, inline_refs, placeholders
from sitekit.content.schema import KINDS, fields_of, ref_fields

AGREEMENT_DATA = "data/agreement.yml"
AGREEMENT_PLACEHOLDER = "agreement_text"


@dataclass
class Version:
    """One language file of a page object."""

    path: str  # relative to the project root, for messages: docs/modules/m01.en.md
    lang: str
    meta: dict
    parsed: frontmatter.Parsed
    refs: list[InlineRef]

    def line(self, *key) -> int:
        return self.parsed.line(*key)


@dataclass
class ContentObject:
    id: str
    kind: str
    path: str  # where it is defined
    line: int
    page: str | None  # docs-relative source of the Vietnamese page that shows it
    anchor: str | None = None
    versions: dict[str, Version] = field(default_factory=dict)
    clause: agreement_data.Clause | None = None
    names: dict[str, str] | None = None  # title per language of an object defined in data (a trainer)

    @property
    def meta(self) -> dict:
        """Shared fields, from the Vietnamese file."""
        version = self.versions.get(DEFAULT)
        return version.meta if version else {}

    def version(self, lang: str) -> Version:
        """The file of `lang`, or the Vietnamese one for a page not translated yet (`translation: pending`)."""
        return self.versions.get(lang) or self.versions[DEFAULT]

    def languages(self) -> set[str]:
        if self.clause:
            return {lang for lang, value in self.clause.text.items() if value}
        if self.names is not None:
            return set(self.names)
        if self.meta.get("translation") == "pending":
            return set(LANGUAGES)  # shown in Vietnamese to every language (static-i18n's fallback)
        return set(self.versions)

    def title(self, lang: str) -> str:
        if self.clause:
            return self.clause.title(lang)
        if self.names is not None:
            return self.names.get(lang) or self.id
        version = self.versions.get(lang) or self.versions.get(DEFAULT)
        return str(version.meta.get("title") or self.id) if version else self.id

    def link(self, from_page: str) -> str:
        """Relative Markdown link target from the page `from_page` (docs-relative Vietnamese path)."""
        target = posixpath.relpath(self.page, posixpath.dirname(from_page) or ".")
        return f"{target}#{self.anchor}" if self.anchor else target

    def href(self, from_page: str) -> str:
        """The same link as a built-site address, for raw HTML (MkDocs rewrites only Markdown links)."""
        return page_href(from_page, self.page, self.anchor)


@dataclass
class Site:
    root: Path
    docs_dir: str
    objects: dict[str, ContentObject]
    pages: dict[str, ContentObject]  # docs-relative Vietnamese path -> object
    agreement: agreement_data.Agreement | None
    problems: list[Problem]
    placeholder_pages: dict[str, str] = field(default_factory=dict)  # {{ name }} -> first page using it
    abbreviations: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> ABBR -> meaning
    downloads: dict[str, int] = field(default_factory=dict)  # PDF file name -> bytes, set when PDFs are made
    roster: roster_data.Roster | None = None
    questions: dict[str, question_banks.Bank] = field(default_factory=dict)  # module id -> its question bank
    # every Markdown file, readable or not: docs-relative Vietnamese path -> language -> file
    files: dict[str, dict[str, Version]] = field(default_factory=dict)
    # ids of objects whose own front matter is broken -> the file at fault (sitekit/content/cascade.py)
    poisoned: dict[str, str] = field(default_factory=dict)

    _references: list[Reference] | None = None
    _sources: dict[str, set[str]] | None = None

    def references(self) -> list[Reference]:
        """Every reference of every object: front matter fields (shown in all languages) and inline."""
        if self._references is None:
            self._references = [ref for obj in self.objects.values() for ref in _references_of(obj)]
        return self._references

    def backlinks(self, target_id: str) -> list[ContentObject]:
        """Objects that reference `target_id`, by a front matter field or inline, in page order."""
        if self._sources is None:
            self._sources = {}
            for ref in self.references():
                self._sources.setdefault(ref.target, set()).add(ref.source)
        sources = self._sources.get(target_id, set())
        return [obj for obj in self.objects.values() if obj.id in sources and obj.id != target_id]


def page_url(docs_path: str) -> str:
    """`modules/m04/l1.md` -> `modules/m04/l1.html`: pages are files, not folders (mkdocs.yml sets
    `use_directory_urls: false`, so that the site works opened from disk)."""
    return docs_path.removesuffix(".md") + ".html"


def site_href(path: str, page: str, lang: str) -> str:
    """Relative address of a file of the built site (`downloads/x.pdf`, `assets/…`, shared by all
    languages) from the built page of `page` (docs path) in `lang`."""
    page_dir = posixpath.dirname((f"{lang}/" if lang != DEFAULT else "") + page_url(page))
    return posixpath.relpath(path, page_dir or ".")


def page_href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative address from one built page to another (both in the same language tree)."""
    target = posixpath.relpath(page_url(to_page), posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@dataclass(frozen=True)
class Reference:
    source: str  # id of the referring object
    target: str
    path: str
    line: int
    field: str | None = None  # front matter field, or None for an inline [[ref]]
    kinds: tuple[str, ...] = ()  # kinds the field accepts; () accepts any
    lang: str | None = None  # language of an inline ref; None: shown in every language


def _references_of(obj: ContentObject) -> list[Reference]:
    refs = []
    default = obj.versions.get(DEFAULT)
    if default is None:
        return refs
    for name, spec in ref_fields(obj.kind).items():
        values = default.meta.get(name)
        if values is None:
            continue
        for index, value in enumerate(values if isinstance(values, list) else [values]):
            line = default.line(name, index) if isinstance(values, list) else default.line(name)
            refs.append(Reference(obj.id, str(value), default.path, line, name, spec.ref))
    for lang, version in obj.versions.items():
        refs += [Reference(obj.id, r.target, version.path, r.line, lang=lang) for r in version.refs if r.target]
    return refs


_FIELD_NAMES = {name for kind in KINDS for name in fields_of(kind)}


def _markdown_files(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md") if p.is_file())


def load(root: Path, docs_dir: str = "docs") -> Site:
    """Read every page under `docs_dir` and the agreement data under `root`."""
    root = Path(root)
    problems: list[Problem] = []
    groups: dict[str, dict[str, Version]] = {}
    for file in _markdown_files(root / docs_dir):
        rel = file.relative_to(root / docs_dir).as_posix()
        path = f"{docs_dir}/{rel}"
        lang, norm = language_of(rel)
        parsed = frontmatter.parse(file.read_text(encoding="utf-8"), path)
        problems += parsed.problems
        refs = inline_refs(parsed.body, parsed.body_line)
        groups.setdefault(norm, {})[lang] = Version(path, lang, parsed.meta, parsed, refs)

    objects: dict[str, ContentObject] = {}
    pages: dict[str, ContentObject] = {}
    poisoned: dict[str, str] = {}
    twins_apart: list[tuple[Version, Version, str]] = []  # (Vietnamese file, English file, its other id)

    def add(obj: ContentObject) -> None:
        first = objects.get(obj.id)
        if first:
            problems.append(Problem(obj.path, obj.line, "ID_DUPLICATE", id=obj.id, other=f"{first.path}:{first.line}"))
            return
        objects[obj.id] = obj

    placeholder_pages: dict[str, str] = {}
    for norm, versions in sorted(groups.items()):
        default = versions.get(DEFAULT)
        if default is None:
            for version in versions.values():
                problems.append(Problem(version.path, 1, "DEFAULT_LANGUAGE_MISSING", file=f"{docs_dir}/{norm}"))
            continue
        twin_ids = {str(v.meta["id"]) for v in versions.values() if v is not default and v.meta.get("id")}
        if not default.parsed.readable:  # already reported; what the page would have been is poisoned
            for obj_id in twin_ids | set(cascade.recovered_ids(default.parsed.source)):
                poisoned.setdefault(obj_id, default.path)
            for _, name in placeholders(default.parsed.body, 1):
                placeholder_pages.setdefault(name, norm)
            continue
        obj_id, kind = default.meta.get("id"), default.meta.get("kind")
        if not obj_id:
            misspelt = next((k for k in default.meta if k not in _FIELD_NAMES and closest(str(k), ["id"])), None)
            if misspelt is not None:  # `idd: t-gioi`: the id is there, under a wrong name
                problems.append(Problem(default.path, default.line(misspelt), "FIELD_UNKNOWN", field=misspelt,
                                        kind=kind_name(str(kind)), hint=did_you_mean(str(misspelt), ["id"], "field")))
            else:
                problems.append(Problem(default.path, default.line(), "FIELD_MISSING", "id", hint=text("hint.add_id")))
            for twin_id in twin_ids | ({str(default.meta[misspelt])} if misspelt is not None else set()):
                poisoned.setdefault(twin_id, default.path)
            continue
        obj_id = str(obj_id)
        known_kind = kind in KINDS and kind != "clause"
        if not known_kind:
            poisoned[obj_id] = default.path  # KIND_UNKNOWN, from validation
        for lang, version in versions.items():
            if lang == DEFAULT or not version.meta:
                continue
            other = version.meta.get("id")
            if other is not None and str(other) != obj_id:
                twins_apart.append((default, version, str(other)))
            elif other is None:
                problems.append(Problem(version.path, version.line(), "FIELD_MISSING", "twin", key="id",
                                        expected=obj_id, file=default.path))
            other = version.meta.get("kind")
            if other is not None and str(other) != str(kind) and known_kind:
                problems.append(Problem(version.path, version.line("kind"), "ID_MISMATCH", key="kind", got=other,
                                        expected=kind, file=default.path))
            elif other is None:
                problems.append(Problem(version.path, version.line(), "FIELD_MISSING", "twin", key="kind",
                                        expected=kind, file=default.path))
        for lang in LANGUAGES:
            if lang not in versions and default.meta.get("translation") != "pending":
                problems.append(Problem(default.path, 1, "TRANSLATION_MISSING", language=language_name(lang),
                                        hint=text("hint.add_translation", file=f"{docs_dir}/{norm[:-3]}.{lang}.md",
                                                  id=obj_id, kind=kind)))
        obj = ContentObject(obj_id, str(kind or ""), default.path, default.line("id"), norm, versions=versions)
        add(obj)
        pages[norm] = obj
        for _, name in placeholders(default.parsed.body, 1):
            placeholder_pages.setdefault(name, norm)

    agreement_page = placeholder_pages.get(AGREEMENT_PLACEHOLDER)

    agreement = None
    if (root / AGREEMENT_DATA).exists():
        agreement = agreement_data.load(root, AGREEMENT_DATA)
        problems += agreement.problems
        for clause in agreement.clauses:
            add(ContentObject(clause.id, "clause", AGREEMENT_DATA, clause.line,
                              agreement_page, clause.anchor, clause=clause))
        if agreement_page is None and pages:
            problems.append(Problem(AGREEMENT_DATA, 1, "DATA_INVALID", "agreement_page", hint=text("hint.agreement_page")))
    abbr_table, abbr_problems = abbreviations.load(root, objects.values())
    problems += abbr_problems
    roster = roster_data.load(root, {obj_id: obj.kind for obj_id, obj in objects.items()})
    if roster:
        problems += roster.problems
        for trainer in roster.trainers:
            if trainer.id and trainer.id not in objects:
                names = {lang: trainer.full_name for lang in LANGUAGES}
                add(ContentObject(trainer.id, "trainer", roster_data.TRAINERS, trainer.line,
                                  placeholder_pages.get("roster"), trainer.id, names=names))
    banks, bank_problems = question_banks.load(root)
    problems += bank_problems
    site = Site(root, docs_dir, objects, pages, agreement, problems, placeholder_pages, abbr_table, roster=roster,
                questions=banks, files=groups, poisoned=poisoned)
    if twins_apart:
        problems += cascade.twins_apart(site, twins_apart)
    return site
