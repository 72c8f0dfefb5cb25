"""The site builds the same with ProperDocs, the maintained continuation of MkDocs 1.x.

MkDocs 1.x is unmaintained. ProperDocs (pinned in requirements-test.txt, installed beside mkdocs: Material
and static-i18n require the `mkdocs` package, which ProperDocs leaves in place and does not import) reads the
same mkdocs.yml and runs the same theme, plugins and hooks. Both generators build one snapshot of the
project, and every file of the two sites must be the same but for the one tag that names the generator.
This is what lets README promise that switching changes nothing a reader sees.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("docs", "data", "hooks", "overrides", "sitekit")  # what a build reads, with mkdocs.yml

# Material writes <meta name="generator" content="mkdocs-{version}, mkdocs-material-{version}">, and the
# version is the generator's: "mkdocs-1.6.1, …" or "mkdocs-ProperDocs 1.6.7, …". It is the only thing
# that differs between the two builds, so it is the only thing set aside.
# Nothing else needs to be: the one other value a build takes from its time, the day (the sitemaps'
# <lastmod>, the "last updated" date of a file not committed yet), is the same for both since both get the
# same SOURCE_DATE_EPOCH, which MkDocs, ProperDocs and sitekit.content.git_dates all honour.
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')
GENERATOR_SET_ASIDE = b'<meta name="generator" content="(the generator)">'


def pinned_version(package: str) -> str:
    """The version of `package` pinned in requirements-test.txt or the requirements.txt it includes."""
    for name in ("requirements-test.txt", "requirements.txt"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            match = re.fullmatch(rf"{re.escape(package)}==(\S+)", line.split("#")[0].strip(), re.IGNORECASE)
            if match:
                return match.group(1)
    raise AssertionError(f"{package} is not pinned in requirements-test.txt nor requirements.txt")


def snapshot(dest: Path) -> Path:
    """The working tree's sources with the project's git history, so that both builds read the same files
    even while someone edits the tree, and the pages' "last updated" dates come from git as published."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True, capture_output=True)
    for name in SOURCES:
        shutil.rmtree(dest / name, ignore_errors=True)
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def start_build(engine: str, project: Path, out: Path, build_day: int) -> subprocess.Popen:
    """`<engine> build --strict` of the snapshot, without PDFs (the same for both builds, and fast)."""
    env = {**os.environ, "SITE_PDF": "0", "SITE_GIT_DATES": "true", "SOURCE_DATE_EPOCH": str(build_day),
           "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": str(project)}  # the hooks import the snapshot's sitekit, not the editable install's
    return subprocess.Popen([sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return snapshot(tmp_path_factory.mktemp("engines") / "project")


@pytest.fixture(scope="module")
def sites(project) -> dict[str, Path]:
    """The snapshot built by MkDocs and by ProperDocs, side by side (two cores: at the same time)."""
    for engine in ("mkdocs", "properdocs"):
        found = subprocess.run([sys.executable, "-m", engine, "--version"], capture_output=True, text=True)
        assert found.returncode == 0, (f"{engine} is not installed in {sys.prefix}: run `bash scripts/dev.sh test`, "
                                       "which installs requirements-test.txt")
    build_day = int(time.time())
    builds = {engine: (project.parent / engine, start_build(engine, project, project.parent / engine, build_day))
              for engine in ("mkdocs", "properdocs")}
    for engine, (out, process) in builds.items():
        log, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"`{engine} build --strict` failed:\n{log[-6000:]}"
    return {engine: out for engine, (out, _) in builds.items()}


def comparable(name: str, data: bytes) -> bytes | dict:
    """A file's content as the comparison sees it: a page with its generator tag set aside, a zip (the
    offline copy of the site, which holds the pages) member by member, anything else byte for byte."""
    if name.endswith(".html"):
        return GENERATOR.sub(GENERATOR_SET_ASIDE, data, count=1)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: (info.date_time, info.external_attr, comparable(info.filename, archive.read(info)))
                    for info in archive.infolist()}
    return data


def excerpt(name: str, left: bytes | dict, right: bytes | dict) -> str:
    """A few lines showing how one file differs, for the failure message."""
    if isinstance(left, dict) and isinstance(right, dict):
        members = [member for member in left.keys() | right.keys() if left.get(member) != right.get(member)]
        return f"{name}: members differ: {sorted(members)[:5]}"
    if isinstance(left, dict) or isinstance(right, dict):
        return f"{name}: a zip in one site only"
    lines = difflib.unified_diff(left.decode("utf-8", "replace").splitlines(),
                                 right.decode("utf-8", "replace").splitlines(), "mkdocs/" + name,
                                 "properdocs/" + name, n=0, lineterm="")
    return "\n".join(line[:300] for line in list(lines)[:12])


def differences(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    """Every file that is not the same in the two sites (missing from one, or different), explained."""
    def files(site: Path) -> set[str]:
        return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}

    left_files, right_files = files(mkdocs_site), files(properdocs_site)
    found = [f"{name}: only in the MkDocs build" for name in sorted(left_files - right_files)]
    found += [f"{name}: only in the ProperDocs build" for name in sorted(right_files - left_files)]
    for name in sorted(left_files & right_files):
        left = comparable(name, (mkdocs_site / name).read_bytes())
        right = comparable(name, (properdocs_site / name).read_bytes())
        if left != right:
            found.append(excerpt(name, left, right))
    return found


def built_page(source: str) -> str:
    """Where a Markdown file's page is in the built site: `x.en.md` under en/, pages as files."""
    return "en/" + source.removesuffix(".en.md") + ".html" if source.endswith(".en.md") else \
        source.removesuffix(".md") + ".html"


def test_properdocs_builds_every_page_and_index_the_same(project, sites):
    sources = [path.relative_to(project / "docs").as_posix() for path in (project / "docs").rglob("*.md")]
    missing = [built_page(source) for source in sources if not (sites["mkdocs"] / built_page(source)).is_file()]
    indexes = [path.relative_to(sites["mkdocs"]).as_posix() for path in sites["mkdocs"].rglob("search_index.json")]
    assert sources and not missing and sorted(indexes) == ["en/search/search_index.json", "search/search_index.json"], \
        f"the MkDocs build is not the whole site (missing {missing[:5]}, indexes {indexes}): comparing proves nothing"
    found = differences(sites["mkdocs"], sites["properdocs"])
    assert not found, (f"{len(found)} files differ between the MkDocs and the ProperDocs builds of the same sources "
                       "(fix the hook or template that depends on the generator, or explain the difference in "
                       "tests/test_engine.py if it is legitimate):\n" + "\n\n".join(found[:8]))


def test_each_build_is_made_by_the_pinned_generator(sites):
    """The comparison would prove nothing if both builds were MkDocs; and the site's own build must stay on
    the MkDocs of requirements.txt, ProperDocs installed beside it or not."""
    expected = {"mkdocs": f"mkdocs-{pinned_version('mkdocs')},",
                "properdocs": f"mkdocs-ProperDocs {pinned_version('properdocs')},"}
    for engine, site in sites.items():
        wrong = []
        for page in sorted(site.rglob("*.html")):
            tags = GENERATOR.findall(page.read_bytes())
            if len(tags) != 1 or not tags[0].decode().startswith(expected[engine]):
                wrong.append(f"{page.relative_to(site)}: {tags}")
        assert not wrong, (f"pages of the {engine} build do not say they were made by {expected[engine]!r} "
                           f"(one generator tag each): {wrong[:5]}; check which generator `python -m {engine}` runs")


def write_site(root: Path, generator: str, page_text: str = "Tảo hôn", index: str = '{"docs": []}',
               zipped_page: str = "Đồng bào") -> Path:
    """A tiny built site: two pages, a search index and an offline zip holding a page."""
    head = f'<head><meta name="generator" content="{generator}, mkdocs-material-9.8.2"></head>'
    (root / "en" / "search").mkdir(parents=True)
    (root / "index.html").write_text(f"<html>{head}<body>{page_text}</body></html>", encoding="utf-8")
    (root / "en" / "index.html").write_text(f"<html>{head}<body>Early marriage</body></html>", encoding="utf-8")
    (root / "en" / "search" / "search_index.json").write_text(index, encoding="utf-8")
    with zipfile.ZipFile(root / "offline-site.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo("index.html", (2021, 1, 1, 0, 0, 0)),
                         f"<html>{head}<body>{zipped_page}</body></html>")
    return root


@pytest.mark.parametrize("change, expected", [
    ({"page_text": "Tảo hôn!"}, "--- mkdocs/index.html"),
    ({"index": '{"docs": [1]}'}, "--- mkdocs/en/search/search_index.json"),
    ({"zipped_page": "Đồng bào "}, "offline-site.zip: members differ: ['index.html']"),
])
def test_the_comparison_catches_a_page_that_differs(tmp_path, change, expected):
    """Only the generator tag is set aside: a page, an index or a zipped page that differs is reported."""
    mkdocs_site = write_site(tmp_path / "mkdocs", "mkdocs-1.6.1")
    assert differences(mkdocs_site, write_site(tmp_path / "same", "mkdocs-ProperDocs 1.6.7")) == []
    found = differences(mkdocs_site, write_site(tmp_path / "changed", "mkdocs-ProperDocs 1.6.7", **change))
    assert len(found) == 1 and expected in found[0], found


def test_the_comparison_catches_a_missing_page(tmp_path):
    mkdocs_site = write_site(tmp_path / "mkdocs", "mkdocs-1.6.1")
    properdocs_site = write_site(tmp_path / "properdocs", "mkdocs-ProperDocs 1.6.7")
    (properdocs_site / "en" / "index.html").unlink()
    assert differences(mkdocs_site, properdocs_site) == ["en/index.html: only in the MkDocs build"]
