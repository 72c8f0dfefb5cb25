"""Readers know where they are: breadcrumbs on module, lesson, policy and term pages, their section
marked in the sidebar, lessons linked to the lesson before and after, and a 404 page in each
language whose links work from any address (all on the built site)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pytest

from sitekit.content import curriculum
from sitekit import languages
from sitekit.content.model import page_url
from sitekit.content.validation import check
from tests.conftest import ROOT

SITE, _ = check(ROOT)
PREFIX = {"vi": "", "en": "en/"}
MODULES = curriculum.modules(SITE)
SECTION_TITLE = {"module_index": {"vi": "Chương trình tập huấn", "en": "Training curriculum"},
                 "policy_index": {"vi": "Thư viện chính sách", "en": "Policy library"},
                 "glossary": {"vi": "Thuật ngữ", "en": "Glossary"}}
LESSON = {"vi": "Bài", "en": "Lesson"}


def built(rel: str, href: str) -> str:
    """The site path a relative link of the page `rel` leads to."""
    path = PurePosixPath(rel).parent
    for part in href.partition("#")[0].split("/"):
        path = path.parent if part == ".." else path / part
    return str(path)


def url(obj, lang: str) -> str:
    return PREFIX[lang] + page_url(obj.page)


def trail(doc) -> list[tuple[str, str | None]]:
    return [(item.get_text(" ", strip=True), (item.select_one("a") or {}).get("href"))
            for item in doc.select("nav.md-path li.md-path__item")]


def active_section(doc, rel: str) -> list[str]:
    return [built(rel, a["href"]) for a in doc.select("nav.md-nav--primary li.md-nav__item--active > a.md-nav__link")]


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_lesson_pages_show_their_place_and_their_neighbours(page, lang):
    catalogue = PREFIX[lang] + "modules/index.html"
    for module in MODULES:
        lessons = curriculum.lessons_of(SITE, module.id)
        for i, lesson in enumerate(lessons):
            rel = url(lesson, lang)
            doc = page(rel)
            steps = trail(doc)
            assert [label for label, _ in steps] == [SECTION_TITLE["module_index"][lang], module.meta["code"],
                                                     f"{LESSON[lang]} {i + 1}/{len(lessons)}"], rel
            assert built(rel, steps[0][1]) == catalogue and built(rel, steps[1][1]) == url(module, lang)
            assert steps[2][1] is None and doc.select_one(".md-path [aria-current=page]")
            assert active_section(doc, rel) == [catalogue], rel
            before = doc.select_one("a.md-footer__link--prev")
            after = doc.select_one("a.md-footer__link--next")
            assert built(rel, before["href"]) == url(lessons[i - 1] if i else module, lang), rel
            if i + 1 < len(lessons):
                assert built(rel, after["href"]) == url(lessons[i + 1], lang), rel
                assert lessons[i + 1].title(lang) in after.get_text(" ", strip=True)
            else:
                assert after is None, rel


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_module_pages_show_their_place_and_number_their_timed_lessons(page, lang):
    minutes = {"vi": "phút", "en": "minutes"}[lang]
    for module in MODULES:
        rel = url(module, lang)
        doc = page(rel)
        assert [label for label, _ in trail(doc)] == [SECTION_TITLE["module_index"][lang], module.meta["code"]]
        assert active_section(doc, rel) == [PREFIX[lang] + "modules/index.html"]
        lessons = curriculum.lessons_of(SITE, module.id)
        listed = doc.select_one("#lessons").find_next_sibling("ol").find_all("li", recursive=False)
        assert len(listed) == len(lessons)
        for item, lesson in zip(listed, lessons):
            assert built(rel, item.select_one("a")["href"]) == url(lesson, lang)
            assert re.search(rf"— {lesson.meta['minutes']} {minutes}", item.get_text(" ", strip=True)), item
        assert built(rel, doc.select_one("a.md-footer__link--next")["href"]) == url(lessons[0], lang)
        assert doc.select_one("a.md-footer__link--prev") is None  # the catalogue is in the breadcrumb


@pytest.mark.parametrize("lang", languages.LANGUAGES)
@pytest.mark.parametrize("kind, section", [("policy", "policy_index"), ("term", "glossary")])
def test_policy_and_term_pages_lead_back_to_their_index(page, lang, kind, section):
    index = PREFIX[lang] + page_url(SITE.placeholder_pages[section])
    objects = [o for o in SITE.objects.values() if o.kind == kind]
    assert len(objects) >= 10
    for obj in objects:
        rel = url(obj, lang)
        doc = page(rel)
        steps = trail(doc)
        assert [label for label, _ in steps] == [SECTION_TITLE[section][lang]], rel
        assert built(rel, steps[0][1]) == index
        assert active_section(doc, rel) == [index], rel


def test_pages_in_the_navigation_keep_materials_own_breadcrumb(page):
    doc = page("agreement/matrix.html")
    assert [label for label, _ in trail(doc)] == ["Chương trình phối hợp"]  # its section; the site name leads home
    assert not page("modules/index.html").select("nav.md-path")  # a top-level page: nothing above it


@pytest.mark.parametrize("lang, other", [("vi", "en"), ("en", "vi")])
def test_404_page_in_each_language_with_links_that_work_from_any_address(site, page, lang, other):
    rel = PREFIX[lang] + "404.html"
    doc = page(rel)
    assert doc.html["lang"] == lang
    assert doc.select_one("article h1").get_text(strip=True) == {"vi": "Không tìm thấy trang", "en": "Page not found"}[lang]
    assert "search" in doc.select_one("article").get_text().lower() or "tìm kiếm" in doc.select_one("article").get_text()
    links = doc.select("article a")
    hrefs = [a["href"] for a in links]
    assert hrefs[0] == f"/{PREFIX[lang]}index.html" and len(hrefs) >= 4
    for href in hrefs:
        assert href.startswith("/"), href  # absolute from the site's root: the same from any missing address
        assert (site / href.lstrip("/")).is_file(), href
    assert doc.select_one(f'article p[lang="{other}"] a')["href"] == f"/{PREFIX[other]}index.html"
    for tag in doc.select("link[href], script[src]"):  # the page's own style and scripts load from anywhere too
        assert (tag.get("href") or tag.get("src")).startswith("/"), tag
    assert not doc.select('link[rel="alternate"][hreflang]')
