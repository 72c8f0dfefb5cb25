"""The editors' workflow: scaffolding, translation status, the error reference, dates and versions."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit.content import error_reference, model
from sitekit.content.problems import CODES
from sitekit.content.validation import check
from tests.conftest import ENV, ROOT, copy_project, mkdocs_build
from tests.sites import make_site
from tests.test_build import _fixture_config


def new(project, *args):
    result = subprocess.run([sys.executable, str(ROOT / "scripts/new_content.py"), *args, "--root", str(project)],
                            env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return [line.split(" ", 1)[1] for line in result.stdout.splitlines() if line.startswith("created ")]


def test_scaffolding_creates_valid_buildable_content_in_both_languages(tmp_path):
    project = copy_project(tmp_path / "project")
    created = new(project, "module", "--title", "Học phần thử", "--title-en", "Trial module", "--clause", "II.1.a.4")
    assert created == ["docs/modules/m11/index.md", "docs/modules/m11/index.en.md", "docs/modules/m11/l1.md",
                       "docs/modules/m11/l1.en.md", "data/questions/m11.yml"]  # a module needs its question bank
    created += new(project, "lesson", "--module", "m11", "--title", "Bài hai", "--title-en", "Lesson two")
    created += new(project, "policy", "--title", "Luật thử", "--title-en", "Trial law", "--number", "99/2026/QH15")
    created += new(project, "term", "--title", "Định kiến giới", "--title-en", "Gender bias")  # the id is taken
    assert "docs/glossary/dinh-kien-gioi-2.md" in created and "docs/modules/m11/l2.en.md" in created
    site, problems = check(project)
    assert problems == []
    assert site.objects["m11-l2"].meta["order"] == 2 and site.objects["99-2026-qh15"].kind == "policy"
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    for rel in ("modules/m11/index.html", "en/modules/m11/l2.html", "policies/99-2026-qh15.html",
                "en/glossary/dinh-kien-gioi-2.html"):
        assert (tmp_path / "out" / rel).is_file(), rel


def test_scaffolding_refuses_an_unknown_clause_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/new_content.py"), "module", "--title", "X",
                             "--title-en", "X", "--clause", "II.9", "--root", str(project)], env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "'II.9' is not a clause" in result.stderr
    assert not (project / "docs/modules/m11").exists()


def _git(project, *args, date=None):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x.example", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x.example"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def test_translation_status_lists_pending_and_outdated_pages(tmp_path):
    status_page = "---\nid: status\nkind: page\ntitle: Tình trạng\n---\n{{ translation_status }}\n"
    project = make_site(tmp_path / "project", {
        "docs/status.md": status_page,
        "docs/status.en.md": status_page.replace("Tình trạng", "Status"),
        "docs/pending.md": "---\nid: pending\nkind: page\ntitle: Chỉ tiếng Việt\ntranslation: pending\n---\nNội dung.\n",
    })
    _fixture_config(project)
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "first", date="2026-01-01T10:00:00+07:00")
    policy = project / "docs/policies/nq-88.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("Tóm tắt.", "Tóm tắt mới."), encoding="utf-8")
    _git(project, "commit", "-qam", "vi changed", date="2026-03-01T10:00:00+07:00")
    result = mkdocs_build(project, tmp_path / "out", SITE_GIT_DATES="true")  # a git checkout: dates work
    assert result.returncode == 0, result.stdout + result.stderr

    def soup(rel):
        return BeautifulSoup((tmp_path / "out" / rel).read_text(encoding="utf-8"), "html.parser")

    for rel in ("status.html", "en/status.html"):
        doc = soup(rel)
        pending = [a.get_text() for a in doc.select("#pending + ul a")]
        assert pending == ["Chỉ tiếng Việt"]
        rows = [[td.get_text() for td in tr.select("td")] for tr in doc.select_one("#outdated").find_next("table").select("tbody tr")]
        assert len(rows) == 1 and rows[0][1:] == ["2026-03-01", "2026-01-01"]
        assert rows[0][0] in ("Nghị quyết 88/2019/QH14", "Resolution 88/2019/QH14")
    fallback = soup("en/pending.html")
    assert "Not yet translated" in fallback.select_one(".admonition.info").get_text()
    assert fallback.html["lang"] == "en" and "Nội dung." in fallback.select_one("article").get_text()


def test_error_reference_covers_every_code_in_both_languages(page):
    assert set(error_reference.REFERENCE) == set(CODES)
    for lang, prefix in (("vi", ""), ("en", "en/")):
        doc = page(prefix + "editors/errors.html")
        listed = [h.get_text().strip().rstrip("¶").strip() for h in doc.select("article h3")]
        assert listed == list(CODES)
        assert len(doc.select("article pre")) == len(CODES)


def test_pages_show_localised_dates_and_modules_their_version(page):
    vi = page("modules/m04/index.html").select_one(".md-source-file").get_text(" ")
    en = page("en/modules/m04/index.html").select_one(".md-source-file").get_text(" ")
    assert "tháng" in vi and any(month in en for month in ("January", "February", "March", "April", "May", "June",
                                                           "July", "August", "September", "October", "November",
                                                           "December"))
    card = page("modules/m04/index.html").select_one(".module-card").get_text(" ")
    assert "Phiên bản" in card and model.load(ROOT).objects["m04"].meta["version"] in card


def test_checks_before_and_after_a_push_call_the_tested_commands():
    precommit = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in precommit["repos"] if r["repo"] == "local")["hooks"][0]
    assert local["entry"] == "python scripts/check_content.py"
    assert any("markdownlint" in r["repo"] for r in precommit["repos"])
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert "bash scripts/dev.sh test" in steps and "bash scripts/dev.sh build" in steps


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "docs/editors/index.md", "docs/editors/index.en.md"])
def test_contributing_guide_names_the_real_commands(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for command in ("scripts/dev.sh", "scripts/new_content.py", "scripts/import_roster.py"):
        assert command in text, command
