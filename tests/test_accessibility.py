"""Accessibility: axe-core (npm, pinned; injected by Playwright into Debian's chromium) finds no
serious or critical WCAG 2.2 A/AA violation on the pages people use, in both languages; and the
content check refuses images without a text alternative and headings that skip a level."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.content.validation import check
from tests.conftest import ROOT
from tests.sites import make_site

AXE = ROOT / ".cache/npm/node_modules/axe-core/axe.min.js"  # installed by bash scripts/dev.sh test
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["index.html", "modules/m04/index.html", "modules/m04/l1.html", "trainers/index.html",
         "agreement/index.html", "policies/luat-hngd-2014.html"]


@pytest.mark.parametrize("rel", PAGES + ["en/" + p for p in PAGES])
def test_no_serious_or_critical_violation(browser, server, rel):
    assert AXE.is_file(), "axe-core is missing: bash scripts/dev.sh test installs it"
    page = browser.new_page()
    page.goto(server + rel)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    page.close()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    assert result["passes"], "axe ran its checks"


def test_images_need_a_text_alternative_and_headings_go_in_order(tmp_path):
    page = ("---\nid: home\nkind: page\ntitle: Trang chủ\n---\n![](so-do.png)\n\n## Mục\n\n#### Quá sâu\n\n"
            "![Sơ đồ ba đời](so-do.png)\n\n```\n![](trong-code.png)\n```\n")
    root = make_site(tmp_path, {"docs/index.md": page})
    (root / "docs/so-do.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # the image exists: only its text is missing
    _, problems = check(root)
    found = [(p.path, p.line, p.code) for p in problems]
    assert found == [("docs/index.md", 6, "IMAGE_ALT_MISSING"), ("docs/index.md", 10, "HEADING_ORDER")]


def test_every_page_says_its_language(site):
    import re

    for path in Path(site).rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        lang = re.search(r'<html lang="([a-z]+)"', path.read_text(encoding="utf-8")).group(1)
        assert lang == ("en" if rel.startswith("en/") else "vi"), rel
