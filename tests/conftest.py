"""Shared fixtures: the real site, built once per test run, and a way to build a fixture site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# Fixture builds make no PDFs, and have no git history for the page dates (copies outside a checkout).
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0", "SITE_GIT_DATES": "false"}
SITE_URL = "https://tap-huan.example/"  # where the test build says it is published (QR codes, canonical links)


def mkdocs_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as an editor runs it; the caller checks the outcome."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=project, env={**ENV, **env}, capture_output=True, text=True)


@pytest.fixture(scope="session")
def pdf_cache(tmp_path_factory) -> Path:
    """An empty PDF cache: the session build lays out every PDF (cold), as on a fresh machine."""
    return tmp_path_factory.mktemp("pdf-cache")


def build_real_site(out: Path, cache: Path) -> subprocess.CompletedProcess:
    return mkdocs_build(ROOT, out, SITE_PDF="1", SITE_PDF_CACHE=str(cache), SITE_URL=SITE_URL, SITE_GIT_DATES="true")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, pdf_cache) -> tuple[Path, str]:
    """The real site with its PDFs, built strictly once for the whole run: (folder, build log)."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = build_real_site(out, pdf_cache)
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout + result.stderr


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


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
    for name in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


CHROMIUM = "/usr/bin/chromium"  # Debian's package; never a downloaded browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def server(site):
    """The built site over http on a free port of this machine, for the browser tests."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run (Playwright driving Debian's package)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: bash scripts/dev.sh test installs it"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Words split across two lines inside the word (a name shown "Ng/uyễn"). A break at a hyphen, dash
# or slash is a normal line break; addresses and codes with : . _ @ = % are not words.
BROKEN_WORDS = r"""
() => {
  const out = [];
  const root = document.querySelector('.md-content');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.parentElement.closest('code, pre, script, style, .md-path') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  let node;
  while ((node = walker.nextNode())) {
    for (const m of node.data.matchAll(/[^\s\-\u2010-\u2015\/]{2,40}/g)) {
      if (/[:._@=%]/.test(m[0])) continue;
      const r = document.createRange();
      r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return out;
}
"""
