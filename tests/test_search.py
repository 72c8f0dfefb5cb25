"""Search that costs nothing until used and finds what trainers type, in a real browser: no index
before the reader acts, a first view of at most 100 KB, folded Vietnamese that ranks exact words
first and marks folded ones, stemmed English, no console warning; and the indexes themselves."""

from __future__ import annotations

import gzip
import json
import unicodedata
from urllib.parse import urlparse

import pytest

from sitekit.output import search as site_search

pytest.importorskip("playwright.sync_api")
FIRST_VIEW_BUDGET = 100 * 1024  # bytes, gzip: everything a page fetches before the reader acts
SECTIONS_SHOWN = 4  # sections of a page under its result (sitekit/output/search-worker-fold.js)
EXCERPT_LIMIT = 360  # characters of a result's text: the worker's excerpt (300) to the next space, and "… "
FIRST_VIEWS = ["index.html", "modules/m04/index.html", "modules/m04/l2.html",
               "en/index.html", "en/modules/m04/index.html", "en/modules/m04/l2.html"]


class Reader:
    """A browser page that records requests and console messages, and searches like a keyboard."""

    def __init__(self, browser, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}")
                     if m.type in ("warning", "error") else None)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")

    def index_requests(self) -> list[str]:
        return [u for u in self.requests if "search_index" in u]

    def search(self, query: str) -> list[str]:
        field = self.page.locator("input.md-search__input")
        field.focus()
        field.fill("")
        field.press_sequentially(query, delay=30)
        field.press("End")
        links = self.page.locator(".md-search-result__item > .md-search-result__link")
        links.first.wait_for(timeout=10000)
        self.page.wait_for_timeout(300)
        return [links.nth(i).get_attribute("href") for i in range(links.count())]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser):
    r = Reader(browser, viewport={"width": 1280, "height": 800})
    yield r
    r.close()


def site_path(href: str, server: str, page: str) -> str:
    """The built page a result link leads to, from the page it was shown on."""
    url = urlparse(href if "://" in href else server + page.rsplit("/", 1)[0] + "/" + href)
    parts = []
    for part in url.path.removeprefix(urlparse(server).path).split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def test_no_index_before_the_reader_acts_and_search_works_after(server, reader):
    reader.open(server + "index.html")
    reader.page.wait_for_timeout(500)
    assert not reader.index_requests(), "the index was fetched before the reader searched"
    results = [site_path(h, server, "index.html") for h in reader.search("tao hon")]
    assert "glossary/tao-hon.html" in results[:3], results[:5]
    assert len(reader.index_requests()) == 1
    assert not reader.console, reader.console


def test_every_prefix_of_a_number_is_answered_without_an_error(server, reader):
    """Typed slowly, each key is a query: "1*" once broke lunr's minimised vocabulary (an error in the
    console, no results) once the folded words were in it."""
    reader.open(server + "index.html")
    reader.search("tao hon")  # the index is ready
    field = reader.page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially("1719", delay=150)
    reader.page.wait_for_timeout(800)
    links = reader.page.locator(".md-search-result__item > .md-search-result__link")
    hrefs = [site_path(links.nth(i).get_attribute("href"), server, "index.html") for i in range(links.count())]
    assert "policies/qd-1719-2021.html" in hrefs[:3], hrefs[:5]
    assert not reader.console, reader.console


@pytest.mark.parametrize("rel", FIRST_VIEWS)
def test_first_view_transfers_at_most_100_kb(site, server, browser, rel):
    """Counted in the browser: every file the page fetched before the reader did anything, as gzip
    (the way a host serves them)."""
    r = Reader(browser, viewport={"width": 360, "height": 800}, is_mobile=True)
    try:
        r.open(server + rel)
        r.page.wait_for_timeout(500)
        total = 0
        for url in r.requests:
            path = site / urlparse(url).path.lstrip("/")
            assert path.is_file(), url
            total += len(gzip.compress(path.read_bytes(), 9))
        assert total <= FIRST_VIEW_BUDGET, f"{rel}: {total / 1024:.1f} KB: {r.requests}"
    finally:
        r.close()


def test_vietnamese_typed_any_way_finds_the_same_pages_with_folded_words_marked(server, reader):
    reader.open(server + "index.html")
    ways = ["tảo hôn", "tao hon", "tảo hon", unicodedata.normalize("NFD", "tảo hôn")]
    found = [reader.search(q) for q in ways]
    pages = [[site_path(h, server, "index.html").partition("#")[0] for h in hrefs] for hrefs in found]
    assert all(set(p) == set(pages[0]) for p in pages), [p[:5] for p in pages]  # the same pages
    assert all(p[0] == "glossary/tao-hon.html" for p in pages), [p[:3] for p in pages]  # the term first
    # the term's page holds both words, diacritics and all: neither is shown as missing
    assert not reader.page.locator(".md-search-result__item").first.locator("del").count()
    marks = reader.page.locator(".md-search-result__item mark").all_inner_texts()
    assert any(unicodedata.normalize("NFC", m).lower() == "tảo" for m in marks), marks[:10]
    # each result shows an excerpt around its match, not its whole section
    teasers = reader.page.evaluate("""() => Array.from(document.querySelectorAll('.md-search-result__article'), article => {
        const teaser = article.cloneNode(true);  // the text Material shows under the title
        teaser.querySelectorAll('h1, h2, nav, .md-search-result__terms, .md-search-result__icon').forEach(e => e.remove());
        return teaser.textContent.trim(); })""")
    assert teasers and any(teasers), teasers
    assert max(len(t) for t in teasers) <= EXCERPT_LIMIT, max(teasers, key=len)[:400]
    # and a page's result with its best sections, not all of them (a long lesson has dozens)
    reader.page.locator(".md-search-result__item").first.wait_for()
    shown = reader.page.evaluate("""() => Array.from(document.querySelectorAll('.md-search-result__item'),
                                                        item => item.querySelectorAll('article').length)""")
    assert shown and max(shown) <= 1 + SECTIONS_SHOWN, shown
    link = next(h for h in found[1] if "glossary/tao-hon.html" in site_path(h, server, "index.html"))
    reader.page.goto(server + site_path(link, server, "index.html") + "?" + urlparse(link).query)
    on_page = reader.page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert {"tảo", "hôn"} <= {m.lower() for m in on_page}, on_page[:10]


def test_exact_diacritics_rank_above_folded_matches(site, server, reader):
    """For "hơn", every page holding "hơn" as written comes before the pages that hold only "hôn",
    "hon" or another word folded the same."""
    index = {d["location"]: d for d in json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    reader.open(server + "index.html")
    results = [site_path(h, server, "index.html").partition("?")[0] for h in reader.search("hơn")][:15]
    exact = []
    for rel in results:
        entry = index.get(rel) or next(d for loc, d in index.items() if loc.startswith(rel.partition("#")[0]))
        exact.append("hơn" in (entry["title"] + " " + entry["text"]).lower())
    assert any(exact) and not all(exact), exact
    assert exact == sorted(exact, reverse=True), list(zip(results, exact))


def test_english_is_stemmed_so_inflections_find_the_same_pages(site, server, reader):
    config = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en"] and "stemmer" in config["pipeline"]
    reader.open(server + "en/index.html")
    for one, other in [("marriage", "marriages"), ("trainer", "trainers"), ("stereotype", "stereotypes")]:
        first = [site_path(h, server, "en/index.html") for h in reader.search(one)][:5]
        second = [site_path(h, server, "en/index.html") for h in reader.search(other)][:5]
        assert first == second, (one, first, other, second)
    assert not reader.console, reader.console


def test_each_index_holds_its_text_once_without_what_the_site_generates(site):
    vi = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert vi["config"]["lang"] == ["vi"] and "stemmer" not in vi["config"]["pipeline"]
    for index in (vi, en):
        assert set(index["config"]["fields"]) == {"title", "text", "tags"}
        assert not any(k.endswith("_folded") for d in index["docs"] for k in d)
        assert not any("<" in d["text"] and ">" in d["text"] and "<p>" in d["text"] for d in index["docs"])
    texts = " ".join(d["text"] for d in vi["docs"])
    # the facts box, the changelog and the generated link lists are not searched
    assert "Mã học phần HP04" not in texts and "Lịch sử thay đổi" not in texts
    assert not any(d["location"].endswith(("#related", "#referenced-by", "#lessons", "#downloads"))
                   for d in vi["docs"] + en["docs"])
    worker = next((site / site_search.WORKERS).glob("search.*.min.js")).read_text(encoding="utf-8")
    assert "foldWords" in worker and "/*" not in worker.rpartition("foldWords")[2]  # appended, comments out


# lunr and its Vietnamese rules, as Material's worker loads them, then the worker itself (with the
# site's code appended) into a blank page: lunr's builder and the site's must give the same index.
SAME_INDEX = """async ([docs, fields]) => {
  const build = useLunr => {
    lunr.siteUseLunrBuilder(useLunr);
    try {
      return JSON.stringify(lunr(function () {
        this.metadataWhitelist = ["position"];
        this.b(0);
        this.use(lunr.vi);
        this.ref("location");
        for (const [name, spec] of Object.entries(fields)) this.field(name, spec);
        for (const doc of docs) this.add(doc, {boost: doc.boost});
      }));
    } finally {
      lunr.siteUseLunrBuilder(false);
    }
  };
  const ours = build(false), theirs = build(true);
  return {same: ours === theirs, length: ours.length, terms: Object.keys(JSON.parse(ours).invertedIndex).length};
}"""


def test_the_sites_index_builder_gives_lunrs_index(site, server, browser):
    """The worker replaces two of lunr's builder functions with faster ones (the reader waits for the
    index): built from the real Vietnamese entries, both give the same serialised index, byte for byte."""
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    worker = next((site / site_search.WORKERS).glob("search.*.min.js")).name
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server + "index.html")  # a page of the site: scripts load from its own host
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(url=server + "assets/javascripts/workers/" + worker)
        for script in ("lunr.stemmer.support.min.js", "lunr.vi.min.js"):
            page.add_script_tag(url=server + "assets/javascripts/lunr/min/" + script)
        result = page.evaluate(SAME_INDEX, [index["docs"], index["config"]["fields"]])
    finally:
        context.close()
    assert result["terms"] > 1000, result  # the real entries were indexed
    assert result["same"], result
