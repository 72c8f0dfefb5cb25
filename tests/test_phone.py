"""Every kind of page on a cheap phone (Chromium at 360 × 800): nothing wider than the screen and no
word broken inside itself; the 404 page served for a deep missing address, with links that work.

The sample: every page that `nav:` lists and, of modules, lessons, policies and terms, the five
largest pages of each kind (long tables and long names are what break a layout), in both languages.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from sitekit import languages
from sitekit.content.model import page_url
from sitekit.content.validation import check
from tests.conftest import BROKEN_WORDS, ROOT

pytest.importorskip("playwright.sync_api")
SITE, _ = check(ROOT)
PREFIX = {"vi": "", "en": "en/"}
WIDTH = 360
PER_KIND = 5



def sample(site) -> list[str]:
    by_kind = defaultdict(list)
    for obj in SITE.pages.values():
        by_kind[obj.kind].append(obj)
    pages = [page_url(obj.page) for obj in by_kind.pop("page", [])]
    for kind, objects in by_kind.items():
        largest = sorted(objects, key=lambda o: -(site / page_url(o.page)).stat().st_size)[:PER_KIND]
        pages += [page_url(o.page) for o in largest]
    return [PREFIX[lang] + rel for lang in languages.LANGUAGES for rel in pages]


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 800}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_every_kind_of_page_fits_a_360_px_phone_without_broken_words(site, server, phone):
    pages = sample(site)
    kinds = {SITE.pages[rel.removeprefix("en/").removesuffix(".html") + ".md"].kind for rel in pages}
    assert {"module", "lesson", "policy", "term", "page"} <= kinds and len(pages) >= 60
    problems = {}
    for rel in pages:
        phone.goto(server + rel)
        wider = phone.evaluate("document.documentElement.scrollWidth") - WIDTH
        broken = phone.evaluate(BROKEN_WORDS)
        if wider > 0 or broken:
            problems[rel] = {"wider by px": wider, "broken words": broken[:5]}
    assert not problems, problems


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_404_page_served_for_a_deep_missing_address_works(site, server, phone, lang):
    """A host serves the 404 page in place of any missing address: its style, its links and the
    other language must work from there."""
    missing = f"{server}{PREFIX[lang]}modules/m99/no/such/page.html"
    body = (site / PREFIX[lang] / "404.html").read_bytes()
    failed = []
    record = lambda request: failed.append(request.url)  # noqa: E731
    phone.on("requestfailed", record)
    phone.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html; charset=utf-8"))
    try:
        response = phone.goto(missing)
        assert response.status == 404
        assert phone.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # styled
        hrefs = phone.eval_on_selector_all("article a", "els => els.map(e => e.href)")
        assert len(hrefs) >= 5
        for href in hrefs:
            assert phone.request.get(href).status == 200, href
        assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
        assert not failed, failed
    finally:
        phone.unroute(missing)
        phone.remove_listener("requestfailed", record)


@pytest.mark.parametrize("rel", ["index.html", "en/modules/m04/index.html", "modules/m04/l2.html", "glossary/index.html",
                                 "en/trainers/index.html", "downloads.html"])
def test_pages_fit_a_phone_without_javascript(browser, server, rel):
    """Without JavaScript, too: Material's language menu, centred under its button, once reached past
    the right edge of the screen."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 800}, is_mobile=True, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + rel)
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    finally:
        context.close()
