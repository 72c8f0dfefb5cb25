"""Work done once while an editor works: `mkdocs serve` rebuilds every page of both languages after
each save. Converting the Markdown was half of that (about 3 s of CPU on this machine), indexing each
page for search another 0.8 s; both are now redone only for the pages whose input changed.

A page is converted again only when something its HTML depends on changed: its Markdown as the
hooks left it (references, generated lists and tables are in it, so an edit of another file that
changes this page's text counts), its address and language, the Markdown extensions and their
settings, and the site's list of files (links are resolved against it). Otherwise the HTML, the
table of contents, the title and the anchors from the previous conversion are given back, and MkDocs
goes on as after a conversion: the hooks that follow still run on every page.

Search entries likewise: a page's entries are made again only when its final HTML, address, title
or search settings changed. And the theme's templates are compiled once: each rebuild loads the
configuration anew, with a new template environment that compiled all 83 of them again (about 1 s);
Jinja's bytecode cache keeps them, checked against each template's source.

Only for `serve`: a build converts and indexes every page, as before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import jinja2


@dataclass
class Rendered:
    """What MkDocs' `Page.render` leaves on a page."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's source path


def settings_key(config, files) -> str:
    """What every page's conversion depends on besides its own Markdown: extensions, their settings
    and the files that links resolve to (their source paths and addresses)."""
    digest = hashlib.sha256()
    digest.update(repr(config["markdown_extensions"]).encode())
    digest.update(repr(sorted((config["mdx_configs"] or {}).items(), key=lambda item: item[0])).encode())
    digest.update(repr(config.get("use_directory_urls")).encode())
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"{file.src_uri}\0{file.url}\0".encode())
    return digest.hexdigest()


class RenderCache:
    """The last conversion of each page (by language and source file) in this `serve`, with what it
    was made from."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], tuple[str, Rendered]] = {}
        self.hits = self.misses = 0

    @staticmethod
    def key(page, language: str, settings: str) -> tuple[tuple[str, str], str]:
        """(the page, a fingerprint of everything its conversion depends on)."""
        made_from = hashlib.sha256(f"{settings}\0{page.file.url}\0{page.markdown or ''}".encode()).hexdigest()
        return (language, page.file.src_uri), made_from

    def reuse(self, page, key) -> bool:
        """Make the page's next `render` give back the stored conversion; False when there is none."""
        where, made_from = key
        fingerprint, stored = self._pages.get(where, (None, None))
        if fingerprint != made_from:
            self.misses += 1
            return False
        self.hits += 1

        def render(config, files_now) -> None:
            page.content = stored.content
            page.toc = stored.toc
            page._title_from_render = stored.title
            page.present_anchor_ids = set(stored.anchors) if stored.anchors is not None else None
            if stored.links_to_anchors is not None:
                page.links_to_anchors = {
                    linked: dict(anchors) for src, anchors in stored.links_to_anchors.items()
                    if (linked := files_now.get_file_from_path(src)) is not None}

        page.render = render  # this page object only: MkDocs calls it instead of converting
        return True

    def store(self, page, key) -> None:
        """Keep what `render` just left on the page (before other hooks change its HTML)."""
        where, made_from = key
        links = getattr(page, "links_to_anchors", None)
        self._pages[where] = made_from, Rendered(
            content=page.content, toc=page.toc, title=getattr(page, "_title_from_render", None),
            anchors=set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            links_to_anchors=None if links is None else {f.src_uri: dict(a) for f, a in links.items()})


class SearchEntryCache:
    """The search entries of each page (by language and address) from the last time it was indexed,
    with a fingerprint of what they were made from."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], tuple[str, list[dict]]] = {}
        self.hits = self.misses = 0

    def wrap(self, index, language: str) -> None:
        """Make Material's search index reuse the entries of a page that did not change."""
        if getattr(index.add_entry_from_context, "reuses_entries", False):
            return
        original = index.add_entry_from_context

        def add_entry_from_context(page) -> None:
            where = (language, page.url)
            meta = page.meta or {}
            made_from = hashlib.sha256(repr((page.content, page.title, meta.get("title"), meta.get("tags"),
                                             meta.get("search"))).encode()).hexdigest()
            fingerprint, entries = self._pages.get(where, (None, None))
            if fingerprint == made_from:
                self.hits += 1
                index.entries.extend(dict(entry) for entry in entries)
                return
            self.misses += 1
            first = len(index.entries)
            original(page)
            self._pages[where] = made_from, [dict(entry) for entry in index.entries[first:]]

        add_entry_from_context.reuses_entries = True
        index.add_entry_from_context = add_entry_from_context


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory across rebuilds; Jinja drops one whose source changed."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
