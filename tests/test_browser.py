"""The built site in a real browser (Playwright driving Debian's Chromium): search without diacritics
in each language, over http and from disk, the language switch, downloads, no
request to another host and no console error."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlparse

import pytest

from sitekit.content import curriculum
from sitekit.content.validation import check
from tests.conftest import ROOT

playwright_api = pytest.importorskip("playwright.sync_api")
SITE, _ = check(ROOT)


@pytest.fixture(params=["http", "file"])
def base(request, server, site):
    return server if request.param == "http" else site.as_uri() + "/"


class Watched:
    """A page that records every request and every console error."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.page.close()


def search(page, query: str) -> list[str]:
    """Type the query the way a keyboard does; return the result links, in order.

    Material searches on keyup; Playwright types letters outside ASCII (ữ, ả) as text input without
    key events, so a last key (End) is pressed as a keyboard would send it."""
    page.wait_for_load_state("networkidle")  # the search index is loaded
    field = page.locator("input.md-search__input")
    field.focus()
    field.fill("")
    field.press_sequentially(query, delay=40)
    field.press("End")
    links = page.locator(".md-search-result__item > .md-search-result__link")
    try:
        links.first.wait_for(timeout=5000)
    except playwright_api.TimeoutError:
        return []
    page.wait_for_timeout(200)
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def path_of(href: str, base: str) -> str:
    return urlparse(href).path.removeprefix(urlparse(base).path)


VIETNAMESE_QUERIES = [
    ("tao hon", "tao-hon"),  # no diacritics: finds "tảo hôn"
    ("dong bao", None),  # "đồng bào": đ is not decomposed by NFD
    ("phu nu", None),
    ("binh dang gioi", "binh-dang-gioi"),
    ("tảo hon", "tao-hon"),  # mixed
    (unicodedata.normalize("NFD", "tảo hôn"), "tao-hon"),  # decomposed input
    ("tảo hôn", "tao-hon"),  # accented still works
]


@pytest.mark.parametrize("query, expected", VIETNAMESE_QUERIES, ids=lambda q: repr(q) if isinstance(q, str) else "")
def test_vietnamese_search_without_diacritics(browser, base, query, expected):
    with Watched(browser) as w:
        w.page.goto(base + "index.html")
        results = [path_of(h, base) for h in search(w.page, query)]
        assert results, f"no result for {query!r}"
        assert not any(r.startswith("en/") for r in results), "Vietnamese page, Vietnamese results only"
        if expected:
            assert any(expected in r for r in results), results[:10]
        assert not w.errors, w.errors


def test_english_pages_search_english_pages_only(browser, base):
    with Watched(browser) as w:
        w.page.goto(base + "en/modules/m04/index.html")
        results = [path_of(h, base) for h in search(w.page, "child marriage")]
        assert results and all(r.startswith("en/") for r in results), results[:10]
        assert any("tao-hon" in r or "m04" in r for r in results)
        assert not w.errors, w.errors


def test_language_switch_on_a_deep_page_keeps_the_page(browser, base):
    with Watched(browser) as w:
        w.page.goto(base + "agreement/matrix.html")
        w.page.locator(f"a.md-select__link[hreflang=en]").first.dispatch_event("click")
        w.page.wait_for_url(base + "en/agreement/matrix.html")
        assert w.page.locator("html").get_attribute("lang") == "en"
        w.page.locator(f"a.md-select__link[hreflang=vi]").first.dispatch_event("click")
        w.page.wait_for_url(base + "agreement/matrix.html")  # not the English page it left
        assert w.page.locator("html").get_attribute("lang") == "vi"
        assert not w.errors, w.errors


PAGES = ["index.html", "en/index.html", "modules/m04/index.html", "en/modules/m04/l1.html", "trainers/index.html",
         "agreement/index.html", "en/policies/luat-hngd-2014.html", "downloads.html"]


@pytest.mark.parametrize("rel", PAGES)
def test_no_request_to_another_host_and_no_console_error(browser, server, rel):
    with Watched(browser) as w:
        w.page.goto(server + rel)
        w.page.wait_for_load_state("networkidle")
        search(w.page, "gioi")  # loads the search worker and index too
        outside = [u for u in w.requests if not u.startswith(server) and not u.startswith(("data:", "blob:"))]
        assert not outside, outside
        assert not w.errors, w.errors


def test_download_links_resolve(browser, server):
    with Watched(browser) as w:
        for rel in ("modules/m04/index.html", "en/modules/m04/index.html", "downloads.html", "index.html"):
            w.page.goto(server + rel)
            hrefs = w.page.eval_on_selector_all("a[download]", "els => els.map(e => e.href)")
            assert hrefs, rel
            for href in hrefs:
                response = w.page.request.get(href)
                assert response.status == 200 and len(response.body()) > 1000, href


def test_module_pages_read_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    module = curriculum.modules(SITE)[0]
    page.goto(server + "modules/m01/index.html")
    assert page.locator("article h1").text_content().strip() == module.title("vi")
    assert page.locator(".trainer-card").count() == 0
    page.goto(server + "trainers/index.html")
    assert page.locator(".trainer-card").count() == len(SITE.roster.trainers)  # no filter needed
    context.close()
