"""MkDocs hook: while `mkdocs serve` runs, a page is converted from Markdown and indexed for search
again only when what it is made from changed (sitekit.editing.rebuild_cache); a build does all of it.

- on_startup: remember whether this run is `serve`.
- on_pre_build: forget the previous build's settings fingerprint (each language's build makes its
  own), and let Material's search index (made anew with each configuration) reuse entries. The
  converted pages and entries are kept on purpose: they are what the next rebuild reuses.
- on_env: the template environment keeps its compiled templates across rebuilds.
- on_page_markdown (last, after the content hook has written references and generated parts into
  the Markdown): give the page its previous conversion when nothing it depends on changed.
- on_page_content (first, before any hook changes the HTML): keep a new conversion.
"""

from __future__ import annotations

import logging

from mkdocs.plugins import event_priority

from sitekit.editing.rebuild_cache import RenderCache, SearchEntryCache, TemplateCache, settings_key

log = logging.getLogger("mkdocs.hooks.rebuild_cache")
_cache: RenderCache | None = None  # only while serving; lives across rebuilds, by design
_entries: SearchEntryCache | None = None
_templates: TemplateCache | None = None
_settings: str | None = None  # this build's fingerprint of extensions, settings and files
_keys: dict[int, tuple] = {}  # page object -> its key, from markdown to content in one build


def on_startup(command: str, dirty: bool) -> None:
    global _cache, _entries, _templates
    serving = command == "serve"
    _cache = RenderCache() if serving else None
    _entries = SearchEntryCache() if serving else None
    _templates = TemplateCache() if serving else None


def on_env(env, config, files):
    if _templates is not None:
        env.bytecode_cache = _templates
    return env


def on_pre_build(config) -> None:
    global _settings
    _settings = None
    _keys.clear()
    if _entries is not None:
        _entries.wrap(config.plugins["material/search"].search_index, config.theme["language"])


@event_priority(-100)
def on_page_markdown(markdown: str, page, config, files):
    global _settings
    if _cache is None:
        return markdown
    if _settings is None:
        _settings = settings_key(config, files)
    page.markdown = markdown  # the key is taken from the Markdown as MkDocs will convert it
    key = _cache.key(page, config.theme["language"], _settings)
    if not _cache.reuse(page, key):
        _keys[id(page)] = key
    return markdown


@event_priority(100)
def on_page_content(html: str, page, config, files):
    key = _keys.pop(id(page), None)
    if _cache is not None and key is not None:
        _cache.store(page, key)
    return html


def on_post_build(config) -> None:
    if _cache is not None and _entries is not None and not config.plugins["i18n"].building:
        log.debug(f"Pages reused: {_cache.hits}, converted: {_cache.misses}; "
                  f"search entries reused: {_entries.hits}, made: {_entries.misses}")
