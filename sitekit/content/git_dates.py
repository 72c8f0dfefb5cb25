"""When each file was created and last updated, from git, for the pages and the PDF covers.

One `git log` pass over the content folders gives every file the dates of its first and its last
commit; the pages (hooks/git_dates.py) and the PDF covers (sitekit.output.pdf) read the same dates. A file
changed in the working tree and not committed yet was updated on the day of the build, and a file
git does not know (new, not committed) was created and updated that day: what an editor previewing
an edit expects. Renames are not followed: a moved file starts again.

Dates are committer dates, in the committer's time zone: the day the change landed.
"""

from __future__ import annotations

import datetime
import functools
import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FOLDERS = ("docs", "data")  # where pages and the PDFs' sources live, relative to the project
_TIMEOUT = 60  # seconds; the whole history of the folders is one `git log`, well under a second


class GitDatesError(Exception):
    """Git cannot give the dates; the message says how to build anyway."""


@dataclass(frozen=True)
class FileDates:
    created: datetime.date
    updated: datetime.date


@dataclass(frozen=True)
class History:
    """The dates of every file under the folders read, by path relative to the project."""

    committed: dict[str, FileDates]  # from the commits alone
    changed: frozenset[str]  # committed files changed in the working tree since the last commit
    today: datetime.date  # the build date: what is not committed yet is dated with it

    def of(self, path: str) -> FileDates:
        dates = self.committed.get(path)
        if dates is None:  # never committed: new today
            return FileDates(self.today, self.today)
        if path in self.changed:
            return FileDates(dates.created, self.today)
        return dates

    def updated(self, paths: Iterable[str]) -> datetime.date:
        """The last time any of these files changed (a document made from several files)."""
        return max(self.of(path).updated for path in paths)


def build_date() -> datetime.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set (reproducible builds), as MkDocs does."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def read(root: Path, folders: Iterable[str] = FOLDERS, today: datetime.date | None = None) -> History:
    """Every file's dates under `folders` of the project at `root`: three quick git commands in all,
    however many files (one per file is what made the plugin slow). Raises GitDatesError outside a
    git checkout, or in a shallow clone (its dates would be wrong)."""
    folders, today = list(folders), today or build_date()
    try:
        inside, shallow, _head = _git(root, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository",
                                      "HEAD").split()
    except GitDatesError:
        if _git(root, "rev-parse", "--is-inside-work-tree").strip() == "true":
            return History({}, frozenset(), today)  # `git init`, nothing committed yet: every file is new
        raise
    if inside != "true":
        raise GitDatesError(f"{root} is not inside a git work tree")
    if shallow == "true":
        raise GitDatesError(f"{root} is a shallow clone: the first commits of its files are missing, so the dates "
                            "would be wrong. Fetch the whole history (`git fetch --unshallow`; on CI, "
                            "actions/checkout with `fetch-depth: 0`)")
    log = _git(root, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--relative", "--", *folders)
    changed = _git(root, "diff", "--name-only", "--no-renames", "--relative", "HEAD", "--", *folders)
    return History(_dates(log), frozenset(changed.splitlines()), today)


def last_change(root: Path, paths: list[str]) -> datetime.date | None:
    """When any of these files last changed, by the same dates as the pages' "last updated" (the
    build's day for a change not committed yet); None outside a git checkout. For what is dated
    outside a page: the agreement's PDF, a course's class workbook."""
    try:
        return read(root, paths).updated(paths)
    except GitDatesError:
        return None


def _dates(log: str) -> dict[str, FileDates]:
    """Parse `git log --format=%x00%cs --name-only`: per commit its date, then the files it changed."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for block in log.split("\0")[1:]:
        day, *names = block.split("\n")
        for name in names:
            if name:  # ISO dates compare as text; min and max, whatever order the log walked in
                if name not in last or day > last[name]:
                    last[name] = day
                if name not in first or day < first[name]:
                    first[name] = day
    parse = functools.lru_cache(maxsize=None)(datetime.date.fromisoformat)
    return {name: FileDates(parse(first[name]), parse(last[name])) for name in last}


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True, text=True,
                             encoding="utf-8", timeout=_TIMEOUT)
    except (OSError, subprocess.SubprocessError) as error:
        raise GitDatesError(f"git could not run in {root}: {error}") from None
    if out.returncode != 0:
        raise GitDatesError(f"`git {' '.join(args[:2])}` failed in {root}: {out.stderr.strip() or out.returncode}")
    return out.stdout


@functools.lru_cache(maxsize=None)
def words(day: datetime.date, lang: str) -> str:
    """A page's date as words in its language: "1 tháng 12, 2026", "December 1, 2026" (CLDR's long
    date, the same words the site showed with the git-revision-date plugin)."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=lang)
