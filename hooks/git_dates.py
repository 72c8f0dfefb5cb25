"""MkDocs hook: page dates for files that git does not know yet.

- on_pre_build: the git-revision-date plugin dates a page that is not committed yet (an editor's new
  page, previewed before the commit) with the build time, taking it twice a few moments apart; when
  the clock ticks in between, it warns that the page was created after its last change, and a strict
  build stops. That warning is dropped for files without git history, and only for them: for a
  committed file it still stops the build.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

_PREFIX = "First revision timestamp is older than last revision timestamp for page "
_tracked: set[str] | None = None  # docs-relative paths git knows, read once per build


class _UntrackedPages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _PREFIX not in message or _tracked is None:
            return True
        page = message.split(_PREFIX, 1)[1].split(". ", 1)[0]
        return page in _tracked


_FILTER = _UntrackedPages()


def on_pre_build(config) -> None:
    global _tracked
    docs = Path(config.docs_dir)
    out = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=docs, capture_output=True, text=True)
    _tracked = set(out.stdout.split("\0")) if out.returncode == 0 else set()
    logger = logging.getLogger("mkdocs.plugins.mkdocs_git_revision_date_localized_plugin.plugin")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
