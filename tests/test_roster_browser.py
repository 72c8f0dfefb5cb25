"""The trainers' roster as resource trainers read it: a cheap Android phone (360 × 800) in Debian's
Chromium, both languages. The cards fit the screen and no name is broken inside a word; the filters
hide cards and count them, say when nobody matches, live in the address (shared, reloaded, the back
button); without JavaScript every card shows; the coverage table scrolls inside its box, not the page."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlparse

import pytest

from sitekit.content.validation import check
from tests.conftest import BROKEN_WORDS, ROOT

pytest.importorskip("playwright.sync_api")
ROSTER = check(ROOT)[0].roster
PHONE = {"width": 360, "height": 800}
PREFIX = {"vi": "", "en": "en/"}
COUNT = {"vi": ("{n} báo cáo viên", "{n} báo cáo viên"), "en": ("{n} trainer", "{n} trainers")}  # one, other
NO_MATCH = {"vi": "Không có báo cáo viên nào phù hợp với bộ lọc.",
            "en": "No trainer matches these filters."}

PAGE_WIDTH_JS = "() => document.documentElement.scrollWidth"


class Phone:
    """A 360 px wide page that records console errors; JavaScript on or off."""

    def __init__(self, browser, javascript: bool = True):
        self.context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                           java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.context.close()


def shown(page) -> list[str]:
    """The ids of the cards a reader sees."""
    return page.eval_on_selector_all(".trainer-card", "cards => cards.filter(c => c.offsetParent).map(c => c.id)")


def ids(keep) -> list[str]:
    return [t.id for t in ROSTER.trainers if keep(t)]


def count(lang: str, n: int) -> str:
    return COUNT[lang][n != 1].format(n=n)


def filters_in(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlparse(url).query))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_roster_fits_a_phone_and_no_name_is_broken(browser, server, lang):
    with Phone(browser) as phone:
        phone.page.goto(server + PREFIX[lang] + "trainers/index.html")
        assert shown(phone.page) == ids(lambda t: True)
        assert phone.page.evaluate(PAGE_WIDTH_JS) <= PHONE["width"]
        assert phone.page.evaluate(BROKEN_WORDS) == []
        # the profiles are folded: the page was ~46,000 px tall with a table and 40 open profiles
        height = phone.page.evaluate("() => document.documentElement.scrollHeight")
        assert height < 400 * len(ROSTER.trainers), height
        # every profile opened: still no overflow, no broken word (the label column used to eat the card)
        phone.page.eval_on_selector_all("details.trainer-more", "ds => ds.forEach(d => d.open = true)")
        assert phone.page.evaluate(PAGE_WIDTH_JS) <= PHONE["width"]
        assert phone.page.evaluate(BROKEN_WORDS) == []
        labels = phone.page.eval_on_selector_all(
            ".trainer-more dl", "ds => ds.map(d => d.querySelector('dt').offsetWidth / d.offsetWidth)")
        assert max(labels) <= 0.41, "the label column leaves the value most of the card"
        assert not phone.errors, phone.errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_filter_hides_the_cards_that_do_not_match_and_counts_the_rest(browser, server, lang):
    with Phone(browser) as phone:
        page = phone.page
        page.goto(server + PREFIX[lang] + "trainers/index.html")
        counter = page.locator(".roster-count")
        assert counter.text_content() == count(lang, len(ROSTER.trainers))
        for label in page.locator(".roster-filters label").all():  # visible labels that fit the phone
            box = label.bounding_box()
            assert label.locator("span").is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        page.select_option("select[name=module]", "m02")
        expected = ids(lambda t: "m02" in t.certified_for())
        assert shown(page) == expected and 0 < len(expected) < len(ROSTER.trainers)
        assert counter.text_content() == count(lang, len(expected))
        page.select_option("select[name=commune]", "suoi-may")
        expected = ids(lambda t: "m02" in t.certified_for() and t.commune == "suoi-may")
        assert shown(page) == expected and counter.text_content() == count(lang, len(expected))
        page.select_option("select[name=module]", "")
        page.select_option("select[name=commune]", "")
        for key, value, keep in (("agency", "bdt", lambda t: t.agency == "bdt"),
                                 ("language", "mong", lambda t: "mong" in t.languages),
                                 ("status", "inactive", lambda t: not t.active)):
            page.select_option(f"select[name={key}]", value)
            assert shown(page) == ids(keep) and ids(keep), key
            assert counter.text_content() == count(lang, len(ids(keep)))
            page.select_option(f"select[name={key}]", "")
        assert shown(page) == ids(lambda t: True)
        assert not phone.errors, phone.errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_match_says_so_and_the_button_clears_the_filters(browser, server, lang):
    with Phone(browser) as phone:
        page = phone.page
        page.goto(server + PREFIX[lang] + "trainers/index.html")
        empty = page.locator(".roster-empty")
        assert not empty.is_visible()
        page.select_option("select[name=status]", "inactive")
        page.select_option("select[name=module]", "m01")  # an inactive trainer teaches nothing
        assert shown(page) == [] and page.locator(".roster-count").text_content() == count(lang, 0)
        assert empty.is_visible() and NO_MATCH[lang] in empty.text_content()
        assert page.locator(".roster-status").get_attribute("aria-live") == "polite"
        assert page.evaluate(PAGE_WIDTH_JS) <= PHONE["width"]
        empty.locator("button").click()
        assert shown(page) == ids(lambda t: True) and not empty.is_visible()
        assert page.eval_on_selector_all(".roster-filters select", "ss => ss.map(s => s.value)") == [""] * 5
        assert filters_in(page.url) == {}
        assert page.evaluate("() => document.activeElement.name") == "agency", "focus stays in the filters"
        assert not phone.errors, phone.errors


def test_the_address_carries_the_filters_reload_and_back_restore_them(browser, server):
    with Phone(browser) as phone:
        page = phone.page
        page.goto(server + "en/trainers/index.html")
        page.select_option("select[name=module]", "m02")
        page.select_option("select[name=commune]", "suoi-may")
        both = ids(lambda t: "m02" in t.certified_for() and t.commune == "suoi-may")
        assert filters_in(page.url) == {"commune": "suoi-may", "module": "m02"}
        assert urlparse(page.url).query == "commune=suoi-may&module=m02", "in the order of the controls"
        page.reload()
        assert shown(page) == both
        assert page.locator("select[name=commune]").input_value() == "suoi-may"
        page.go_back()  # the step before: the module alone
        assert filters_in(page.url) == {"module": "m02"}
        assert shown(page) == ids(lambda t: "m02" in t.certified_for())
        assert page.locator("select[name=commune]").input_value() == ""
        assert page.locator(".roster-count").text_content() == count("en", len(shown(page)))
        page.go_back()
        assert filters_in(page.url) == {} and shown(page) == ids(lambda t: True)
        page.go_forward()
        assert shown(page) == ids(lambda t: "m02" in t.certified_for())
        assert not phone.errors, phone.errors


def test_a_shared_address_opens_with_its_filters_also_from_disk(browser, server, site):
    for base in (server, site.as_uri() + "/"):
        with Phone(browser) as phone:
            phone.page.goto(base + "trainers/index.html?language=mong&status=active")
            assert shown(phone.page) == ids(lambda t: "mong" in t.languages and t.active), base
            assert phone.page.locator("select[name=language]").input_value() == "mong"
            phone.page.goto(base + "trainers/index.html?module=m99&agency=bdt")  # an old link: m99 is ignored
            assert shown(phone.page) == ids(lambda t: t.agency == "bdt")
            assert not phone.errors, phone.errors


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_every_card_shows_and_no_control(browser, server, lang):
    with Phone(browser, javascript=False) as phone:
        page = phone.page
        page.goto(server + PREFIX[lang] + "trainers/index.html?module=m02")
        assert shown(page) == ids(lambda t: True)
        assert page.locator(".roster-filters select, .roster-filters button").count() == 0
        # the cards fit (the page itself does not without JavaScript: Material's hidden language menu)
        rights = page.eval_on_selector_all(".trainer-card", "cs => cs.map(c => c.getBoundingClientRect().right)")
        assert max(rights) <= PHONE["width"]
        page.locator(f"#{ROSTER.trainers[0].id} summary").click()  # <details> opens without a script
        assert page.locator(f"#{ROSTER.trainers[0].id} details dl").is_visible()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_coverage_table_scrolls_in_its_box_with_the_communes_in_view(browser, server, lang):
    hint = {"vi": "vuốt sang ngang", "en": "swipe sideways"}[lang]
    with Phone(browser) as phone:
        page = phone.page
        page.goto(server + PREFIX[lang] + "trainers/coverage.html")
        assert page.evaluate(PAGE_WIDTH_JS) <= PHONE["width"]
        scroll_hint = page.locator(".roster-scroll-hint")
        assert scroll_hint.is_visible() and hint in scroll_hint.text_content()
        box = page.locator(".roster-table")
        assert box.evaluate("b => b.scrollWidth > b.clientWidth"), "the table is wider than a phone: it scrolls"
        codes = page.eval_on_selector_all(".roster-coverage thead a",
                                          "as => as.map(a => [a.textContent, a.getClientRects().length])")
        assert codes[0] == ["HP01", 1] and all(lines == 1 for _, lines in codes), codes
        assert page.evaluate(BROKEN_WORDS) == []
        commune = page.locator(".roster-coverage tbody th").first
        left = commune.bounding_box()["x"]
        first_code = page.locator(".roster-coverage thead a").first.bounding_box()["x"]
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        assert box.evaluate("b => b.scrollLeft") > 100
        assert abs(commune.bounding_box()["x"] - left) <= 1, "the commune column stays in view"
        assert page.locator(".roster-coverage thead a").first.bounding_box()["x"] < first_code - 100
        assert page.evaluate(PAGE_WIDTH_JS) <= PHONE["width"]
    desktop = browser.new_page(viewport={"width": 1280, "height": 800})
    desktop.goto(server + PREFIX[lang] + "trainers/coverage.html")
    assert not desktop.locator(".roster-scroll-hint").is_visible(), "the hint is for narrow screens only"
    assert desktop.locator(".roster-table").evaluate("b => b.scrollWidth <= b.clientWidth"), "it fits a desktop"
    desktop.close()
