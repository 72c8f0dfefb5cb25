"""Page dates from git: created at the first commit of the page's own file, updated at its last, today
for what is not committed yet; the same dates on the PDF covers; none without git."""

from __future__ import annotations

import datetime
import os
import subprocess

import pytest
from bs4 import BeautifulSoup

from sitekit.content import git_dates
from tests.conftest import copy_project, mkdocs_build

D1, D2 = "2025-03-04T10:00:00+07:00", "2025-06-07T23:30:00+07:00"  # late evening: the committer's day counts


def _git(repo, *args, date=None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x.example", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x.example"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def _edit(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


def _dates(out, rel: str) -> list[str]:
    aside = BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser").select_one("aside.md-source-file")
    return [span.get_text() for span in aside.select(".md-source-file__fact")] if aside else []


def test_pages_show_the_dates_of_their_own_files_commits_in_both_languages(tmp_path):
    project = copy_project(tmp_path / "project")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "rm", "-q", "--cached", "docs/policies/luat-bdg-2006.md")  # never committed
    _git(project, "commit", "-qm", "first", date=D1)
    _edit(project / "docs/about/index.md", "Đoạn mới.")  # both languages changed at D2
    _edit(project / "docs/about/index.en.md", "A new paragraph.")
    _edit(project / "docs/downloads.md", "Đoạn mới.")  # only the Vietnamese file changed at D2
    _git(project, "commit", "-qam", "second", date=D2)
    _edit(project / "docs/glossary/binh-dang-gioi.md", "Chưa lưu vào git.")  # changed, not committed

    result = mkdocs_build(project, tmp_path / "out", SITE_GIT_DATES="true")
    assert result.returncode == 0, result.stdout + result.stderr
    out, today = tmp_path / "out", git_dates.words(datetime.date.today(), "vi")
    d2_vi = ["Cập nhật lần cuối: 7 tháng 6, 2025", "Tạo: 4 tháng 3, 2025"]
    d1_en = ["Last update: March 4, 2025", "Created: March 4, 2025"]
    assert _dates(out, "about/index.html") == d2_vi
    assert _dates(out, "en/about/index.html") == ["Last update: June 7, 2025", "Created: March 4, 2025"]
    assert _dates(out, "downloads.html") == d2_vi
    assert _dates(out, "en/downloads.html") == d1_en  # its own file, unchanged since D1
    assert _dates(out, "glossary/binh-dang-gioi.html") == [f"Cập nhật lần cuối: {today}", d2_vi[1]]
    assert _dates(out, "en/glossary/binh-dang-gioi.html") == d1_en
    assert _dates(out, "policies/luat-bdg-2006.html") == [f"Cập nhật lần cuối: {today}", f"Tạo: {today}"]
    assert _dates(out, "en/policies/luat-bdg-2006.html") == d1_en


def test_without_git_the_site_builds_without_dates_only_when_told(tmp_path):
    project = copy_project(tmp_path / "project")  # a copy in a temporary folder: not a git checkout
    refused = mkdocs_build(project, tmp_path / "refused", SITE_GIT_DATES="true")
    assert refused.returncode != 0
    assert "Page dates come from git" in refused.stderr and "SITE_GIT_DATES=false" in refused.stderr
    built = mkdocs_build(project, tmp_path / "out", SITE_GIT_DATES="false")
    assert built.returncode == 0, built.stdout + built.stderr
    assert _dates(tmp_path / "out", "about/index.html") == []
    assert _dates(tmp_path / "out", "en/about/index.html") == []


@pytest.fixture
def repo(tmp_path):
    """A small repository: a.md committed at D2, then again at D1 (the log's order is not the dates'),
    b.md committed at D1 and changed since, c.md staged and d.md untracked, e.md outside `docs`."""
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    _git(root, "init", "-q")
    for name in ("a.md", "b.md"):
        (root / "docs" / name).write_text("1\n", encoding="utf-8")
    (root / "e.md").write_text("1\n", encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "one", date=D2)
    _edit(root / "docs/a.md", "2")
    _git(root, "commit", "-qam", "two", date=D1)
    _edit(root / "docs/b.md", "2")
    (root / "docs/c.md").write_text("1\n", encoding="utf-8")
    _git(root, "add", "docs/c.md")
    (root / "docs/d.md").write_text("1\n", encoding="utf-8")
    return root


def test_one_history_pass_dates_every_file(repo):
    today = datetime.date(2026, 12, 1)
    history = git_dates.read(repo, ["docs"], today=today)
    d1, d2 = datetime.date(2025, 3, 4), datetime.date(2025, 6, 7)
    assert history.of("docs/a.md") == git_dates.FileDates(d1, d2)
    assert history.of("docs/b.md") == git_dates.FileDates(d2, today)
    assert history.of("docs/c.md") == history.of("docs/d.md") == git_dates.FileDates(today, today)
    assert "e.md" not in history.committed
    assert history.updated(["docs/a.md"]) == d2 and history.updated(["docs/a.md", "docs/b.md"]) == today


def test_the_pdf_cover_dates_a_document_by_the_same_dates(repo):
    assert git_dates.last_change(repo, ["docs/a.md"]) == datetime.date(2025, 6, 7)
    assert git_dates.last_change(repo, ["docs/a.md", "docs/b.md"]) == git_dates.build_date()
    assert git_dates.last_change(repo.parent, ["docs/a.md"]) is None  # not a checkout: "not yet recorded"


def test_an_empty_repository_dates_every_file_today(tmp_path):
    _git(tmp_path, "init", "-q")
    today = datetime.date(2026, 12, 1)
    assert git_dates.read(tmp_path, today=today).of("docs/x.md") == git_dates.FileDates(today, today)


def test_a_shallow_clone_is_refused_with_the_fix(repo, tmp_path):
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", "shallow")
    with pytest.raises(git_dates.GitDatesError, match="git fetch --unshallow"):
        git_dates.read(tmp_path / "shallow")
