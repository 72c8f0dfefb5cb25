"""MkDocs hook: the site works opened from disk, and can be downloaded as one zip.

- on_post_page: drop the `<link rel="alternate" hreflang>` tags from the page head. Material fetches
  a sitemap.xml next to each of them to map pages between languages; static-i18n's alternates point
  at pages, not language roots, so the fetch 404s online and is refused from disk (CORS). The
  language menu in the header keeps its direct links, and sitemap.xml keeps the alternates.
- on_post_template: the site's single 404.html stays Vietnamese (the default language); static-i18n's
  English build writes the same file and would replace it.
- on_post_build (last, in the outer build): zip the whole built site, both languages, into
  downloads/offline-site.zip, for trainers who need it without a connection.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit import offline
from sitekit.languages import DEFAULT

log = logging.getLogger("mkdocs.hooks.offline")
_not_found: str | None = None  # the Vietnamese 404 page of this build
_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page, config) -> str:
    head, sep, body = output.partition("</head>")  # the tags are in the head: leave the body unread
    return _ALTERNATE.sub("", head) + sep + body


def on_post_template(output: str, template_name: str, config) -> str:
    global _not_found
    if template_name != "404.html":
        return output
    if config.theme["language"] == DEFAULT:
        _not_found = output
        return output
    return _not_found or output


@event_priority(-300)
def on_post_build(config) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the outer build: the site is not complete yet
    path, size = offline.make_zip(Path(config.site_dir))
    log.info(f"Offline copy: {path.name}, {size // 1024} KB")
