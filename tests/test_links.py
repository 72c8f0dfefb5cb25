"""Link integrity on the real built site: every internal link and anchor, both languages, the links
the hooks generate, and the PDFs' links back to the site."""

from __future__ import annotations

import shutil

from sitekit.output.linkcheck import check_site
from tests.conftest import SITE_URL


def test_every_internal_link_and_anchor_resolves(site):
    broken = check_site(site, SITE_URL)
    assert not broken, "\n".join(b.format() for b in broken[:40])


def test_the_checker_finds_a_broken_link_an_anchor_and_a_pdf_link(site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "modules/m04/index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('href="l1.html"', 'href="l9.html"', 1).replace('href="#quiz"', 'href="#quizz"', 1)
    page.write_text(html, encoding="utf-8")
    (copy / "modules/m04/l2.html").unlink()
    (copy / "policies/luat-hngd-2014.html").unlink()  # the printed modules link it (further reading)
    broken = {(b.page, b.target) for b in check_site(copy, SITE_URL)}
    assert ("modules/m04/index.html", "l9.html") in broken and ("modules/m04/index.html", "#quizz") in broken
    assert any(target.endswith("l2.html") for _, target in broken)
    assert ("downloads/hp04-trainee-vi.pdf", "policies/luat-hngd-2014.html") in broken, "PDF links checked"
