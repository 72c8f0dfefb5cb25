"""What a trainer downloads, seen on the built site: the module catalogue as cards with their PDFs,
the downloads page (a card per module with its four PDFs, the agreement, the roster's lists, the
offline copy with its size and where it works), and tables that fold into cards on a phone."""

from __future__ import annotations

import pytest

from sitekit.content import curriculum
from sitekit import languages
from sitekit.pages import downloads
from sitekit.content.model import page_url
from sitekit.content.validation import check
from tests.conftest import ROOT

SITE, _ = check(ROOT)
PREFIX = {"vi": "", "en": "en/"}
MODULES = curriculum.modules(SITE)
EDITION = {"vi": {"trainee": "Bản học viên", "trainer": "Bản báo cáo viên", "full": "Toàn văn"},
           "en": {"trainee": "Participant edition", "trainer": "Facilitator edition", "full": "Full text"}}
LANGUAGE = {"vi": "Tiếng Việt", "en": "English"}


def pdf_buttons(site, rel: str, scope) -> list[tuple[str, str, int]]:
    """(label, file name, size in bytes) of every download button in `scope`, checking the size it shows."""
    found = []
    for a in scope.select("a.pdf-button[download]"):
        target = (site / rel).parent.joinpath(a["href"]).resolve()
        assert target.is_file(), a["href"]
        size = a.select_one(".pdf-size").get_text() if a.select_one(".pdf-size") else ""
        label = a.get_text(" ", strip=True).removesuffix(size).strip()
        found.append((label, target.name, size))
    return found


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_catalogue_is_a_card_per_module_with_its_pdfs_in_the_page_language(site, page, lang):
    rel = PREFIX[lang] + "modules/index.html"
    cards = page(rel).select("article .grid.cards.module-cards > ul > li")
    assert len(cards) == len(MODULES)
    for card, module in zip(cards, MODULES):
        own = module.version(lang).meta
        assert card.select_one(".module-code").get_text() == module.meta["code"]
        assert card.select_one("strong a").get_text() == module.title(lang)
        assert (site / rel).parent.joinpath(card.select_one("strong a")["href"]).resolve() == site / PREFIX[lang] / page_url(module.page)
        text = " ".join(card.get_text().split())
        lessons = len(curriculum.lessons_of(SITE, module.id))
        assert " ".join(str(own["audience"]).split()) in text, module.id
        assert {"vi": f"{lessons} bài", "en": f"{lessons} lessons"}[lang] in text
        assert SITE.agreement.agency_name(module.meta["lead"], lang) in text
        buttons = pdf_buttons(site, rel, card)
        slug = module.meta["code"].lower()
        assert [(label, name) for label, name, _ in buttons] == [
            (f"{EDITION[lang][e]} · {LANGUAGE[lang]}", f"{slug}-{e}-{lang}.pdf") for e in ("trainee", "trainer")]
        for _, name, shown in buttons:
            assert shown == f"PDF, {downloads.size_label((site / 'downloads' / name).stat().st_size, lang)}"


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_downloads_page_has_four_labelled_buttons_per_module_and_every_file(site, page, lang):
    rel = PREFIX[lang] + "downloads.html"
    doc = page(rel)
    grids = doc.select("article .grid.cards.download-cards")
    cards = grids[0].select(":scope > ul > li")  # the modules; then the courses
    assert len(cards) == len(MODULES)
    for card, module in zip(cards, MODULES):
        assert module.title(lang) in card.get_text()
        labels = [label for label, _, _ in pdf_buttons(site, rel, card)]
        assert labels == [f"{EDITION[lang][e]} · {LANGUAGE[code]}" for code in ("vi", "en") for e in ("trainee", "trainer")]
    files = {name for _, name, _ in pdf_buttons(site, rel, doc)}
    assert {job.filename for job in downloads.jobs(SITE)} <= files
    assert {"roster-vi.csv", "roster-en.csv", downloads.OFFLINE_ZIP} <= files
    courses = [o for o in SITE.objects.values() if o.kind == "course"]
    assert {f"{c.id}-{code}.xlsx" for c in courses for code in ("vi", "en")} <= files  # the class workbooks
    assert doc.select_one("#downloads") is None  # no table of 42 rows any more
    assert not doc.select("article table")


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_offline_copy_says_its_size_and_where_it_works(site, page, lang):
    size = downloads.size_label((site / "downloads" / downloads.OFFLINE_ZIP).stat().st_size, lang)
    doc = page(PREFIX[lang] + "downloads.html")
    offline = doc.select_one("#offline").find_next_sibling()
    assert offline.select_one(".pdf-size").get_text() == f"ZIP, {size}"
    advice = offline.find_next_sibling("p").get_text()
    assert {"vi": "điện thoại", "en": "phone"}[lang] in advice and "PDF" in advice and "USB" in advice
    home = page(PREFIX[lang] + "index.html")
    link = home.select_one(f'a[href$="{downloads.OFFLINE_ZIP}"]')
    assert link.find_next_sibling("span", class_="offline-size").get_text() == size


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_wide_tables_carry_their_column_labels_for_a_phone(page, lang):
    doc = page(PREFIX[lang] + "glossary/index.html")
    table = doc.select_one("article .stack-table table")
    labels = [th.get_text(strip=True) for th in table.select("thead th")]
    assert len(labels) == 4
    for row in table.select("tbody tr"):
        assert [td.get("data-label") for td in row.select("td")] == labels
    two_columns = page(PREFIX[lang] + "agreement/index.html").select_one(".agreement-metadata table")
    assert two_columns.parent.get("class") != ["stack-table"]  # label | value already reads as a list
