"""MkDocs hook: the site works opened from disk, and can be downloaded as one zip.

- on_post_page: drop the `<link rel="alternate" hreflang>` tags from the page head. Material fetches
  a sitemap.xml next to each of them to map pages between languages; static-i18n's alternates point
  at pages, not language roots, so the fetch 404s online and is refused from disk (CORS). The
  language menu in the header keeps its direct links, and sitemap.xml keeps the alternates.
- on_startup: note whether this is `mkdocs serve`.
- on_post_build (last, in the outer build): zip the whole built site, both languages, into
  downloads/offline-site.zip, for trainers who need it without a connection; then write its size
  into the pages that link it. Not while serving: an editor previews pages, and the zip cost about a
  second of every rebuild (the home page's link to it then leads nowhere, its size stays blank).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.output import offline

log = logging.getLogger("mkdocs.hooks.offline")
_serving = False  # `mkdocs serve`: set once, at startup, for all its rebuilds


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_post_page(output: str, page, config) -> str:
    return offline.without_alternates(output)


@event_priority(-300)
def on_post_build(config) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the outer build: the site is not complete yet
    if _serving:
        log.info("Offline copy: not made while serving (`mkdocs build` makes it)")
        return
    path, size = offline.make_zip(Path(config.site_dir))
    offline.show_size(Path(config.site_dir), size)
    log.info(f"Offline copy: {path.name}, {size // 1024} KB")
