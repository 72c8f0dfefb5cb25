"""MkDocs hook: the content model of the site (sitekit does the work).

- on_pre_build: load and validate all content; stop the build listing every problem.
- on_page_markdown: turn `[[ID]]` references and `{{ placeholders }}` into Markdown.

mkdocs-static-i18n runs each event once per language; the model is loaded anew in every
on_pre_build, so each language build and each `mkdocs serve` rebuild starts from the files.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit import render, session, validation
from sitekit.problems import report


def on_pre_build(config) -> None:
    session.site = None
    root = Path(config.config_file_path).resolve().parent
    docs_dir = Path(os.path.relpath(config.docs_dir, root)).as_posix()
    site, problems = validation.check(root, docs_dir)
    if problems:
        raise PluginError(report(problems))
    session.site = site


def on_page_markdown(markdown: str, page, config, files) -> str:
    # static-i18n names each language's file by its Vietnamese path in `norm_src_uri`
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    return render.page_markdown(session.site, src, config.theme["language"], markdown)
