"""Markdown links between the site's own files, checked where they are written.

A link to a page, a file or an anchor that does not exist stops the strict build, but MkDocs names
neither the line nor what was meant. Here every link and image of every page is resolved as
MkDocs 1.6 and mkdocs-static-i18n resolve it: relative to the file, in each language the file is
built in (a Vietnamese page without an English file is built into the English site too), looking
for `x.<lang>.md`, then `x.vi.md`, then `x.md` among the files of that language's site — so `l2.md`
written in an English page is `l2.en.md` when that file exists. An anchor is looked for among the
ids the target page will have (`anchors`). External links (`http:`, `mailto:`), code spans and
fenced code are left alone; a link to a file under docs/ that exists (a PDF, an image) passes.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.extensions.toc import unique

from sitekit.languages import DEFAULT, LANGUAGES, language_of
from sitekit.content.messages import did_you_mean, language_name, text
from sitekit.content.model import Site, Version
from sitekit.content.problems import Problem
from sitekit.content.references import PLACEHOLDER, REF, find, parse_ref, prose_spans, substitute
from sitekit.content.slugs import slugify  # mkdocs.yml's `toc.slugify`: the same ids as the build

_LINK = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*))"
                   r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
_INTERNAL = re.compile(r"\]\(\s*<?(?![A-Za-z][A-Za-z0-9+.-]*:|//)")  # a link that is not to another site
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?", re.M)

# --- the ids of a page ------------------------------------------------------------------------------

_ATX = re.compile(r"^[ \t]*(#{1,6})(.*?)#*[ \t]*$")
_SETEXT = re.compile(r"^[ ]{0,3}(=+|-+)[ ]*$")
_HEADER_ATTRS = AttrListTreeprocessor.HEADER_RE
_ATTRS = re.compile(r"(?<!\{)\{:?[ ]*([^}\n ][^}\n]*)\}(?!\})")
_HTML_ID = re.compile(r"<([A-Za-z][\w-]*)\b[^>]*?\s(id|name)\s*=\s*[\"']([^\"']+)[\"']")
_FOOTNOTE = re.compile(r"\[\^([^\]\n]+)\](:?)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TEXT = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")


def _attr_ids(attrs: str) -> list[str]:
    found, _ = get_attrs_and_remainder(attrs)
    return [str(value) for key, value in found if key == "id" and value]


def anchors(markdown: str, title_of=None) -> set[str]:
    """The ids a page built from `markdown` has: the `{#id}` of headings and of other elements
    (attr_list), the ids Python-Markdown's toc gives the other headings (slugified text, `_1`, `_2`
    for repeats, in page order, after the ids written), ids of raw HTML and footnotes.
    `title_of(id, label)` is the text a `[[ID]]` reference shows (None: as written)."""
    lines = markdown.split("\n")
    spans: dict[int, list[str]] = {}  # line index -> its prose, without code spans
    for index, start, end in prose_spans(markdown):
        spans.setdefault(index, []).append(markdown[start:end])
    written: set[str] = set()
    headings: list[str] = []  # text of the headings without an id, in order
    for index, parts in spans.items():
        line = lines[index]
        for part in parts:
            for m in _ATTRS.finditer(part):
                written.update(_attr_ids(m.group(1)))
            for m in _HTML_ID.finditer(part):
                if m.group(2) == "id" or m.group(1).lower() == "a":
                    written.add(m.group(3))
            for m in _FOOTNOTE.finditer(part):
                written.add(("fn:" if m.group(2) else "fnref:") + m.group(1))
        heading = _ATX.match(line)
        if heading:
            name = heading.group(2).strip()
        elif (index + 1 < len(lines) and _SETEXT.match(lines[index + 1]) and line.strip()
              and (index == 0 or not lines[index - 1].strip()) and index + 1 in spans):
            name = line.strip()
        else:
            continue
        attrs = _HEADER_ATTRS.search(name)
        if attrs:
            ids = _attr_ids(attrs.group(1))
            if ids:
                written.update(ids)
                continue
            name = name[:attrs.start()]
        headings.append(_heading_text(name, title_of))
    ids = set(written)
    for name in headings:
        unique(slugify(name, "-"), ids)
    return ids


def _heading_text(name: str, title_of) -> str:
    """What the toc extension slugifies: the heading's text without its markup."""
    if title_of is not None and "[[" in name:
        name = REF.sub(lambda m: title_of(*parse_ref(m.group(1))) or m.group(0), name)
    name = _IMAGE.sub("", name)
    name = _LINK_TEXT.sub(r"\1", name)
    name = _FOOTNOTE.sub("", name)
    return html.unescape(name)


# --- links ----------------------------------------------------------------------------------------

def links(version: Version) -> list[tuple[int, str]]:
    """(line, target as written) of every Markdown link and image in the prose of a page, and of
    every link definition (`[label]: target`) that a link uses."""
    body, first = version.parsed.body, version.parsed.body_line
    found = []
    if _INTERNAL.search(body):  # most pages link only to other sites: no need to walk their lines
        found = [(first + index, m.group(1) if m.group(1) is not None else m.group(2)) for index, m in find(body, _LINK)]
    for index, m in find(body, _DEFINITION):
        label = re.escape(m.group(1))
        if re.search(rf"\[{label}\](?!:)", body, re.I):
            found.append((first + index, m.group(2)))
    return found


class _Site:
    """The files of each language's site, as mkdocs-static-i18n makes them (`docs_structure: suffix`,
    `fallback_to_default: true`), and the ids of their pages."""

    def __init__(self, site: Site):
        self.site = site
        self.docs = Path(site.root) / site.docs_dir
        self.prefix = site.docs_dir + "/"
        self.pages = {v.path[len(self.prefix):]: v for group in site.files.values() for v in group.values()}
        self._exists: dict[str, bool] = {}
        self._anchors: dict[tuple[str, str | None], set[str] | None] = {}
        self._others: list[str] | None = None

    def exists(self, rel: str) -> bool:
        if rel.endswith(".md"):
            return rel in self.pages
        if rel not in self._exists:
            self._exists[rel] = not rel.startswith("../") and (self.docs / rel).is_file()
        return self._exists[rel]

    def in_site(self, rel: str, lang: str) -> bool:
        """Whether the file `rel` is in the site of `lang`: its own language's file, or the
        Vietnamese file when that language has none."""
        file_lang, norm = language_of(rel)
        if not self.exists(rel):
            return False
        if file_lang == lang:
            return True
        return file_lang == DEFAULT and not self.exists(_localized(norm, lang))

    def resolve(self, target_uri: str, lang: str) -> str | None:
        """The file a link resolves to in the site of `lang` (static-i18n's `get_file_from_path`)."""
        path = PurePosixPath(target_uri if target_uri != "." else "index.md")
        for suffix in (f".{lang}{path.suffix}", f".{DEFAULT}{path.suffix}", None):
            try:
                candidate = path.with_suffix(suffix).as_posix() if suffix else path.as_posix()
            except ValueError:
                continue
            if self.in_site(candidate, lang):
                return candidate
        return None

    def built_in(self, version: Version) -> list[str]:
        """The languages a file is built in: its own, and for a Vietnamese file every language that
        has no file of its own for the page (static-i18n's fallback)."""
        if version.lang != DEFAULT:
            return [version.lang]
        group = self.site.files[language_of(version.path[len(self.prefix):])[1]]
        return [lang for lang in LANGUAGES if lang == DEFAULT or lang not in group]

    def ids(self, rel: str, lang: str | None) -> set[str] | None:
        """The ids of the page `rel`: as written (lang None), or as built in `lang` with what the
        site generates into it (placeholders, facts boxes, related links). None when the page
        cannot be generated: the site has other problems, reported on their own."""
        key = (rel, lang)
        if key not in self._anchors:
            version = self.pages[rel]
            if lang is None:
                self._anchors[key] = anchors(version.parsed.body, self._title_of(version.lang))
            else:
                self._anchors[key] = self._built_ids(version, lang)
        return self._anchors[key]

    def _built_ids(self, version: Version, lang: str) -> set[str] | None:
        from sitekit.pages import render  # the renderer imports the checks' modules

        # A reference or a placeholder that is wrong (reported on its own) is left as text, so that
        # the rest of the page is generated; anything else that fails to generate leaves the page's
        # anchors unchecked until the problem that breaks it is fixed.
        body = substitute(version.parsed.body, REF, lambda m: m.group(0) if parse_ref(m.group(1))[0] in self.site.objects
                          else m.group(1))
        body = substitute(body, PLACEHOLDER, lambda m: m.group(0) if m.group(1) in render.PLACEHOLDERS else "")
        try:
            markdown = render.page_markdown(self.site, language_of(version.path[len(self.prefix):])[1], lang, body)
        except Exception:  # noqa: BLE001 - rendering assumes a valid site; its problems are reported elsewhere
            return None
        return anchors(markdown)

    def _title_of(self, lang: str):
        def title(target: str, label: str | None) -> str | None:
            obj = self.site.objects.get(target)
            return label or (obj.title(lang) if obj else None)
        return title

    def page_links(self, from_rel: str, lang: str) -> list[str]:
        """Links to every page of the site of `lang`, written from `from_rel` (by the Vietnamese
        name, as a page links them in every language)."""
        here = posixpath.dirname(from_rel) or "."
        return sorted({posixpath.relpath(language_of(rel)[1], here) for rel in self.pages if self.in_site(rel, lang)})

    def file_links(self, from_rel: str) -> list[str]:
        if self._others is None:
            self._others = [p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*")
                            if p.is_file() and p.suffix != ".md"]
        here = posixpath.dirname(from_rel) or "."
        return [posixpath.relpath(rel, here) for rel in self._others]


def _localized(norm: str, lang: str) -> str:
    stem, dot, ext = norm.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{norm}.{lang}"


def check(site: Site) -> list[Problem]:
    """A problem for each link of a page whose page, file or anchor the build would not find."""
    files = _Site(site)
    problems: list[Problem] = []
    for obj in site.objects.values():
        for version in obj.versions.values():
            for line, url in links(version):
                problem = _check_link(files, version, line, url)
                if problem:
                    problems.append(problem)
    return problems


def _check_link(files: _Site, version: Version, line: int, url: str) -> Problem | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None  # external: http:, mailto:, …
    rel = version.path[len(files.prefix):]
    here = posixpath.dirname(rel)
    path = unquote(parts.path)
    if url.startswith(("/", "\\")):
        inside = posixpath.normpath(path.lstrip("/"))
        suggestion = posixpath.relpath(language_of(inside)[1], here or ".")
        hint = text("hint.relative_link", suggestion=suggestion) if files.exists(inside) else None
        return Problem(version.path, line,
                       "LINK_FILE_MISSING" if posixpath.splitext(path)[1] not in ("", ".md") else "LINK_PAGE_MISSING",
                       "absolute", link=url, hint=hint)
    if not path:
        return _check_anchor(files, version, line, url, rel, parts.fragment) if parts.fragment else None
    target_uri = posixpath.normpath(posixpath.join(here, path).lstrip("/"))
    for lang in files.built_in(version):
        found = files.resolve(target_uri, lang)
        if found is None:
            return _missing(files, version, line, url, rel, path, target_uri, lang)
        if parts.fragment and found.endswith(".md"):
            problem = _check_anchor(files, version, line, url, found, parts.fragment, lang)
            if problem:
                return problem
    return None


def _missing(files: _Site, version: Version, line: int, url: str, rel: str, path: str, target_uri: str,
             lang: str) -> Problem:
    """The problem of a link whose target is not in the site, with the page or file meant."""
    extension = posixpath.splitext(path)[1]
    guesses = [posixpath.join(target_uri, "index.md")] if not extension else []
    if extension == ".html":
        guesses.append(target_uri[:-5] + ".md")
    here = posixpath.dirname(rel) or "."
    meant = next((posixpath.relpath(language_of(g)[1], here) for g in guesses if files.resolve(g, lang)), None)
    if extension and extension not in (".md", ".html"):
        hint = did_you_mean(path, files.file_links(rel), "file")
        return Problem(version.path, line, "LINK_FILE_MISSING", link=url, target=f"{files.prefix}{target_uri}", hint=hint)
    if extension == ".md" and files.exists(target_uri):  # a file of another language: link its Vietnamese name
        meant = posixpath.relpath(language_of(target_uri)[1], here)
        return Problem(version.path, line, "LINK_PAGE_MISSING", "language", link=url, target=f"{files.prefix}{target_uri}",
                       language=language_name(language_of(target_uri)[0]), site=language_name(lang),
                       hint=did_you_mean(meant, [meant], "page"))
    hint = did_you_mean(meant, [meant], "page") if meant else did_you_mean(path, files.page_links(rel, lang), "page")
    if not extension:
        return Problem(version.path, line, "LINK_PAGE_MISSING", "not_a_file", link=url, hint=hint)
    return Problem(version.path, line, "LINK_PAGE_MISSING", link=url, target=f"{files.prefix}{target_uri}", hint=hint)


def _check_anchor(files: _Site, version: Version, line: int, url: str, target: str, anchor: str,
                  lang: str | None = None) -> Problem | None:
    """An anchor is looked for in the page as written first (fast), then as the site builds it."""
    if anchor in files.ids(target, None):
        return None
    built = [files.ids(target, built_lang) for built_lang in ([lang] if lang else files.built_in(version))]
    if any(ids is None for ids in built) or all(anchor in ids for ids in built):
        return None
    known = set().union(*built)
    hint = did_you_mean(f"#{anchor}", sorted(f"#{a}" for a in known), "anchor")
    file_lang, norm = language_of(target)
    if file_lang != DEFAULT and norm in files.pages and anchor in files.ids(norm, None):
        hint = text("hint.anchor_language", anchor=anchor, file=f"{files.prefix}{norm}", target=f"{files.prefix}{target}",
                    language=language_name(file_lang))
    return Problem(version.path, line, "LINK_ANCHOR_MISSING", link=url, target=f"{files.prefix}{target}",
                   anchor=anchor, hint=hint)

