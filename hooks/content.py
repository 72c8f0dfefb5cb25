"""MkDocs hook: the content model of the site (sitekit does the work).

- on_pre_build: load and validate all content; stop the build listing every problem. Give the
  abbr extension the abbreviations of the language being built, and the headings' permalinks their
  tooltip in that language.
- on_page_markdown: turn `[[ID]]` references and `{{ placeholders }}` into Markdown.

mkdocs-static-i18n runs each event once per language: the other languages are built inside the
default language's build, from the same files, so they reuse the model it validated. Every outer
build (each `mkdocs serve` rebuild) loads it anew from the files.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit.content import abbreviations, session, validation
from sitekit.pages import render
from sitekit.content.problems import report
from sitekit.ui import text


def on_pre_build(config) -> None:
    inner = config.plugins["i18n"].building  # another language, inside the outer build: same files
    if not inner or session.site is None:
        session.site = None
        session.site = _checked_model(config)
    lang = config.theme["language"]
    abbreviations.configure(config.mdx_configs, session.site.abbreviations, lang)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = text("permalink_title", lang)


def _checked_model(config):
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
    site, problems = validation.check(root, docs_dir)
    if problems:
        raise PluginError(report(problems))
    return site


def on_page_markdown(markdown: str, page, config, files) -> str:
    # static-i18n names each language's file by its Vietnamese path in `norm_src_uri`
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return render.page_markdown(session.site, src, config.theme["language"], markdown)
