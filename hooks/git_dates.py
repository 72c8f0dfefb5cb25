"""MkDocs hook: each page's "last updated" and "created" dates, from git (sitekit.content.git_dates).

- on_pre_build (outer build): read the dates of every file under the docs folder in one `git log`
  pass. The languages static-i18n builds inside the outer build reuse them.
- on_page_context: put the dates of the page's own file (`x.en.md` for an English page) into
  `page.meta.date_updated` and `page.meta.date_created`, as words in the page's language, for
  overrides/partials/source-file.html.

A file changed and not committed yet says it was updated on the day of the build; a file git does
not know, that it was created then too. SITE_GIT_DATES=false builds without dates (outside a git
checkout, or in a shallow clone, whose dates would be wrong and which the build refuses).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitekit.content import git_dates

_history: git_dates.History | None = None  # this build's dates; None: no dates
_root: Path | None = None  # the project: the history's paths are relative to it


def _enabled() -> bool:
    return os.environ.get("SITE_GIT_DATES", "true").lower() not in ("0", "off", "false", "no")


def on_pre_build(config) -> None:
    global _history, _root
    if config.plugins["i18n"].building:
        return  # another language inside the outer build: same files, same dates
    _history, _root = None, Path(config.config_file_path).resolve().parent
    if not _enabled():
        return
    docs = Path(os.path.relpath(config.docs_dir, _root)).as_posix()
    try:
        _history = git_dates.read(_root, [docs])
    except git_dates.GitDatesError as error:
        raise PluginError(f"Page dates come from git, but: {error}.\nBuild in a clone of the repository, or set "
                          "SITE_GIT_DATES=false to build without dates.") from None


def on_page_context(context, page, config, nav):
    if _history is None or not page.file.abs_src_path:
        return context
    dates = _history.of(Path(os.path.relpath(page.file.abs_src_path, _root)).as_posix())
    lang = config.theme["language"]
    page.meta["date_updated"] = git_dates.words(dates.updated, lang)
    page.meta["date_created"] = git_dates.words(dates.created, lang)
    return context
