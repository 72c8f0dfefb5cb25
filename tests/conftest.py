"""Shared fixtures: the real site, built once per test run, and a way to build a fixture site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as an editor runs it; the caller checks the outcome."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=project, env=ENV, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built strictly once for the whole run."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def page(site):
    """Parsed HTML of a built page, by its path under the site (cached)."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(rel: str) -> BeautifulSoup:
        if rel not in cache:
            path = site / rel
            if path.is_dir() or rel.endswith("/") or rel == "":
                path = path / "index.html"
            cache[rel] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[rel]

    return parse


def copy_project(dest: Path) -> Path:
    """A copy of the real project's content and configuration, to break on purpose."""
    for name in ("docs", "data", "hooks"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest
