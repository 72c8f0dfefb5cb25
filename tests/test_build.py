"""Real `mkdocs build --strict` runs on broken copies of the site and on a fixture site."""

from __future__ import annotations

import subprocess
import sys

from bs4 import BeautifulSoup

from tests.conftest import ENV, ROOT, copy_project, mkdocs_build
from tests.sites import make_site


def _append(path, text: str) -> int:
    """Append `text` as a new last line; return its line number."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def test_reference_to_a_missing_clause_fails_the_build_naming_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    line = _append(project / "docs/about/index.md", "Xem thêm nhiệm vụ [[II.1.a.6]].")
    result = mkdocs_build(project, tmp_path / "out", LC_ALL="C.UTF-8")  # the editors' language: Vietnamese
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about/index.md:{line}: REF_UNKNOWN dẫn chiếu tới mã `II.1.a.6`, nhưng không có mã này" in output
    assert "cách sửa: Có phải là mã " in output and "`II.1.a.5`" in output


def test_the_build_lists_every_problem_at_once(tmp_path):
    project = copy_project(tmp_path / "project")
    first = _append(project / "docs/index.md", "[[II.2.b.99]]")
    second = _append(project / "docs/agreement/matrix.en.md", "{{ responsibility_matrx }}")
    result = mkdocs_build(project, tmp_path / "out", LC_ALL="en_US.UTF-8")  # an English locale: English words
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "2 content problem(s) found" in output
    assert f"docs/index.md:{first}: REF_UNKNOWN" in output
    assert f"docs/agreement/matrix.en.md:{second}: PLACEHOLDER_UNKNOWN" in output


def test_a_missing_translation_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs/agreement/matrix.en.md").unlink()
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/agreement/matrix.md:1: TRANSLATION_MISSING" in result.stdout + result.stderr


def _fixture_config(project) -> None:
    """The real mkdocs.yml, with the navigation generated and the real hook."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\nnav:")[0].replace("  - hooks/", f"  - {ROOT}/hooks/")
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT}/overrides")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


def test_backlinks_and_links_in_a_built_fixture_site(tmp_path):
    project = make_site(tmp_path / "project")
    _fixture_config(project)
    out = tmp_path / "out"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr

    def soup(rel):
        return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "html.parser")

    # each clause shows the modules and policies that reference it, in the page's language
    refs = soup("agreement/index.html").select_one("#ii-1-a-2 .clause-refs")
    assert " ".join(refs.get_text(" ").split()) == "Được dẫn chiếu tại: Học phần: Học phần 1"
    assert refs.select_one("a")["href"] == "../modules/m01.html"
    refs_en = soup("en/agreement/index.html").select_one("#ii-1-a-1 .clause-refs")
    assert " ".join(refs_en.get_text(" ").split()) == "Referenced by: Policy documents: Resolution 88/2019/QH14"
    # a clause nobody references has no backlink line
    assert soup("agreement/index.html").select_one("#ii-1-a-1 .clause-refs a")["href"] == "../policies/nq-88.html"
    # each policy shows the modules that use it
    backlinks = soup("policies/nq-88.html").select_one("#referenced-by").find_next("p")
    assert backlinks.select_one("a").get_text() == "Học phần 1"
    # a module lists what it references, each link titled in the page's language
    related = soup("en/modules/m01.html").select_one("#related").find_next("ul")
    texts = [a.get_text() for a in related.select("a")]
    assert texts == ["II.1.a.2 · Training", "Resolution 88/2019/QH14"]
    assert related.select("a")[0]["href"] == "../agreement/index.html#ii-1-a-2"
    # inline references: custom text, and code is left alone
    body = soup("en/modules/m01.html").select_one("article")
    assert body.find("a", string="the training task")["href"] == "../agreement/index.html#ii-1-a-2"
    assert body.find("code", string="[[literal]]")


def test_check_command_reports_problems_with_lines_and_github_annotations(tmp_path):
    project = make_site(tmp_path, {"docs/index.en.md": "---\nid: home\nkind: page\ntitle: Home\n---\nSee [[II.1.a.9]].\n"})
    command = [sys.executable, str(ROOT / "scripts/check_content.py"), "--root", str(project), "--lang", "en"]
    local = subprocess.run(command, env={**ENV, "CI": "false"}, capture_output=True, text=True)
    assert local.returncode == 1
    assert "docs/index.en.md:6: REF_UNKNOWN the reference names `II.1.a.9`" in local.stdout
    assert "::error" not in local.stdout
    ci = subprocess.run(command, env={**ENV, "CI": "true"}, capture_output=True, text=True)
    assert "::error file=docs/index.en.md,line=6,title=REF_UNKNOWN::" in ci.stdout


def test_check_command_passes_on_the_real_content():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), "--lang", "en"], env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK: ")
