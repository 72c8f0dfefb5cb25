"""MkDocs hook: lighter pages for weak connections.

- on_env: the theme's templates are read without the indentation at the start of their lines, so
  the pages they render carry none (about 0.5 KB less after gzip on a module page, 10 KB before).
  Done once per template when it is compiled, not on every page's HTML: the same pages, byte for
  byte, as stripping each page after rendering, without its cost (0.6 s at 1000 pages per
  language; see docs/editors/performance.md). Material's templates hold no <pre> or <textarea>,
  whose whitespace would be content; a line break stays, so no two words are joined.
- on_post_build: drop the comments of the site's own stylesheets and scripts in the built copies
  (the sources keep them); about 0.4 KB less on every page.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

_INDENT = re.compile(r"\n[ \t]+")


class _Unindented(jinja2.BaseLoader):
    """The theme's loader, handing out each template without its lines' indentation."""

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_source(self, environment, template):
        source, filename, uptodate = self.loader.get_source(environment, template)
        return _INDENT.sub("\n", source), filename, uptodate

    def list_templates(self):
        return self.loader.list_templates()


def on_env(env: jinja2.Environment, config, files) -> jinja2.Environment:
    if not isinstance(env.loader, _Unindented):
        env.loader = _Unindented(env.loader)
    return env


# The site's own assets (Material's are minified already). Their comments are /* … */ only.
OWN_ASSETS = ("assets/stylesheets/site.css", "assets/stylesheets/roster.css", "assets/stylesheets/course.css",
              "assets/javascripts/search.js",
              "assets/javascripts/roster.js", "assets/vendor/iframe-worker/iframe-worker-loader.js")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_BLANK = re.compile(r"\n\s*\n+")


def on_post_build(config) -> None:
    for rel in OWN_ASSETS:
        path = Path(config.site_dir) / rel
        if path.is_file():
            text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
            path.write_text(_BLANK.sub("\n", _INDENT.sub("\n", text)).strip() + "\n", encoding="utf-8")
