"""The policy pages against the fact sheet (facts.md §11): the facts box shows only what was read,
the status comes with its source, the first source is the copy of the document's own text, the
page says where the official text is published; and the policy library's order. On the real built
site in both languages, and on fixture sites for the content check."""

from __future__ import annotations

import datetime
import unicodedata

import pytest

from sitekit.pages import indexes
from sitekit import languages
from sitekit.content import model
from sitekit.content.model import page_url
from sitekit.ui import date, text
from sitekit.content.validation import check
from tests.conftest import ROOT
from tests.sites import BASELINE, make_site

SITE, _ = check(ROOT)
PREFIX = {"vi": "", "en": "en/"}
POLICIES = sorted(o.id for o in SITE.objects.values() if o.kind == "policy")

# The copies of the documents' own texts that §11.A read ("Best copy read"); None: none was found.
COPY = {
    "luat-bdg-2006": "https://viup.vn/vn/download.php?filename=Luat+binh+dang+gioi.doc",
    "luat-hngd-2014": "https://thukyluat.vn/3A430/luat-hon-nhan-va-gia-dinh-2014/tag.html",
    "luat-pcblgd-2022": "http://c3thachban.edu.vn/so-gd-dt-ha-noi/van-ban/Luat-Phong-chong-bao-luc-gia-dinh-So-13-2022-QH15-63/",
    "luat-tre-em-2016": "https://thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Law-102-2016-QH13-children-312407.aspx",
    "nd-05-2011": "https://thuvienphapluat.vn/van-ban/Bo-may-hanh-chinh/Van-ban-hop-nhat-01-VBHN-UBDT-2024-Nghi-dinh-ve-Cong-tac-dan-toc-628628.aspx",
    "nd-41-2025": "https://english.luatvietnam.vn/co-cau-to-chuc/decree-41-2025-nd-cp-organizational-structure-of-ministry-of-ethnic-and-religious-affairs-391223-d1.html",
    "nq-120-2020": "https://english.luatvietnam.vn/resolution-no-120-2020-qh14-dated-june-19-2020-of-the-national-assembly-approving-the-investment-policy-of-the-national-target-program-on-socio-econ-186685-doc1.html",
    "nq-28-2021-cp": "https://thuvienphapluat.vn/van-ban/van-hoa-xa-hoi/nghi-quyet-28-nq-cp-2021-chien-luoc-quoc-gia-ve-binh-dang-gioi-giai-doan-2021-2030-466613.aspx",
    "nq-88-2019": "https://thuvienphapluat.vn/van-ban/Thuong-mai/Resolution-88-2019-QH14-socio-economic-development-of-ethnic-minority-for-the-2021-2030-period-440809.aspx",
    "qd-1719-2021": "https://luatvietnam.vn/chinh-sach/quyet-dinh-1719-qd-ttg-211004-d1.html",
    "qd-498-2015": "https://m.thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Quyet-dinh-498-QD-TTg-2015-Giam-tao-hon-hon-nhan-can-huyet-thong-vung-dan-toc-thieu-so-2015-2025-271746.aspx",
    "tt-01-2022-ubdt": "https://hieuluat.vn/chinh-sach/thong-tu-01-2022-tt-ubdt-uy-ban-dan-toc-363a0.html",
    "tt-02-2025-bdttg": "http://www.hethongphapluat.com/thong-tu-02-2025-tt-bdttg-0d0432abb5fde6afc50e65a90447b2fd.html",
    "hd-15-2022-dct": None, "nq-202-2025": None, "nq-257-2025": None, "qd-2282-2020": None, "qd-33-2020": None,
}

# What §11.A and §11.D support for the facts box: number, date, in force, status. None: nothing was read,
# so the page shows "not yet recorded". PARTLY marks the documents whose values rest on the press or an
# inference: their pages must be `verification: partly` with a caveat.
FACTS = {
    "hd-15-2022-dct": ("15/HD-ĐCT", "2022-11-14", None, None),
    "luat-bdg-2006": ("73/2006/QH11", "2006-11-29", "2007-07-01", None),
    "luat-hngd-2014": ("52/2014/QH13", "2014-06-19", "2015-01-01", None),
    "luat-pcblgd-2022": ("13/2022/QH15", "2022-11-14", "2023-07-01", "in-force"),
    "luat-tre-em-2016": ("102/2016/QH13", "2016-04-05", "2017-06-01", "in-force"),
    "nd-05-2011": ("05/2011/NĐ-CP", "2011-01-14", "2011-03-04", "in-force"),
    "nd-41-2025": ("41/2025/NĐ-CP", "2025-02-26", None, None),  # not 01/3/2025: the Ministry's first day
    "nq-120-2020": ("120/2020/QH14", "2020-06-19", None, None),
    "nq-202-2025": ("202/2025/QH15", "2025-06-12", "2025-06-12", None),
    "nq-257-2025": ("257/2025/QH15", "2025-12-11", None, None),
    "nq-28-2021-cp": ("28/NQ-CP", "2021-03-03", None, None),
    "nq-88-2019": ("88/2019/QH14", "2019-11-18", None, None),
    "qd-1719-2021": ("1719/QĐ-TTg", "2021-10-14", None, "phase-ended"),
    "qd-2282-2020": ("2282/QĐ-TTg", "2020-12-31", None, None),
    "qd-33-2020": ("33/2020/QĐ-TTg", "2020-11-12", "2020-12-31", "phase-ended"),
    "qd-498-2015": ("498/QĐ-TTg", "2015-04-14", None, "phase-ended"),
    "tt-01-2022-ubdt": ("01/2022/TT-UBDT", "2022-05-26", "2022-07-15", "in-force"),
    "tt-02-2025-bdttg": ("02/2025/TT-BDTTG", "2025-06-24", None, None),
}
PARTLY = {"hd-15-2022-dct", "nq-202-2025", "qd-2282-2020", "qd-33-2020", "qd-498-2015", "tt-01-2022-ubdt",
          "luat-tre-em-2016", "nq-257-2025"}

# Amendments and replacements (§11.A, §11.B-2, §11.D) that the status line must name.
STATUS_NOTES = {"nd-05-2011": "127/2024/NĐ-CP", "nd-41-2025": "114/2025/NĐ-CP", "luat-pcblgd-2022": "02/2007/QH12",
                "luat-tre-em-2016": "25/2004/QH11", "qd-33-2020": "272/2025/NĐ-CP"}
OFFICIAL_PORTALS = ("vanban.chinhphu.vn", "vbpl.vn", "congbao.chinhphu.vn", "quochoi.vn", "chinhphu.vn")
LANGS = languages.LANGUAGES


def url(policy_id: str, lang: str) -> str:
    return PREFIX[lang] + page_url(SITE.objects[policy_id].page)


def facts_box(doc) -> dict[str, object]:
    """The facts box as {label: dd element}."""
    box = doc.select_one(".policy-card")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in box.select("dt")}


def shown(value: str | None, lang: str) -> str:
    return date(datetime.date.fromisoformat(value), lang) if value else text("not_recorded", lang)


def test_the_fact_sheet_covers_every_policy():
    assert set(FACTS) == set(COPY) == set(POLICIES)


@pytest.mark.parametrize("lang", LANGS)
def test_every_policy_page_starts_its_sources_with_the_copy_of_the_text(page, lang):
    for policy_id, copy in COPY.items():
        doc = page(url(policy_id, lang))
        first = doc.select_one("#sources").find_next_sibling("ul").select_one("li")
        notes = " ".join(n.get_text(" ", strip=True) for n in doc.select(".admonition.note"))
        if copy:
            assert first.select_one("a")["href"] == copy, policy_id
            assert text("full_text_copy", lang) in first.get_text(), policy_id
            official = doc.select_one(".admonition.warning")
            assert official.select_one(f'a[href="{copy}"]'), policy_id  # "copy checked", named in the reminder
            assert text("no_full_text", lang) not in notes, policy_id
        else:
            assert text("full_text_copy", lang) not in first.get_text(), policy_id
            assert text("no_full_text", lang) in notes, policy_id  # the page says no copy was found


@pytest.mark.parametrize("lang", LANGS)
def test_every_policy_page_says_where_the_official_text_is_without_a_portal_link(page, lang):
    for policy_id in POLICIES:
        doc = page(url(policy_id, lang))
        reminder = " ".join(doc.select_one(".admonition.warning").get_text().split())  # abbreviations are <abbr>
        number = SITE.objects[policy_id].meta["number"]
        if "/20" in number:  # a legal normative document: 73/2006/QH11
            assert "Công báo" in reminder and number in reminder, policy_id
        else:
            assert number in reminder or policy_id == "hd-15-2022-dct", policy_id
        article = doc.select_one("article")
        for a in article.select("a[href]"):
            assert not any(portal in a["href"] for portal in OFFICIAL_PORTALS), (policy_id, a["href"])
        assert "vanban.chinhphu.vn" not in article.get_text(), policy_id


@pytest.mark.parametrize("lang", LANGS)
def test_the_facts_box_shows_only_what_the_fact_sheet_supports(page, lang):
    labels = {key: text(key, lang) for key in ("number_short", "date", "in_force", "status", "verification")}
    for policy_id, (number, issued, in_force, status) in FACTS.items():
        box = facts_box(page(url(policy_id, lang)))
        assert box[labels["number_short"]].get_text(strip=True) == number, policy_id
        assert box[labels["date"]].get_text(strip=True) == shown(issued, lang), policy_id
        assert box[labels["in_force"]].get_text(strip=True) == shown(in_force, lang), policy_id
        status_text = box[labels["status"]].get_text(" ", strip=True)
        expected = text(status, lang) if status else text("status_not_recorded", lang)
        assert status_text.startswith(expected), (policy_id, status_text)
        if policy_id in PARTLY:
            assert box[labels["verification"]].get_text(strip=True) == text("partly", lang), policy_id


@pytest.mark.parametrize("lang", LANGS)
def test_every_status_shows_its_basis(page, lang):
    for policy_id in POLICIES:
        meta = SITE.objects[policy_id].meta
        cell = facts_box(page(url(policy_id, lang)))[text("status", lang)]
        if meta["status"] is None:
            assert cell.get_text(" ", strip=True).startswith(text("status_not_recorded", lang)), policy_id
            assert not cell.select("a"), policy_id
        else:
            assert cell.select_one("a")["href"] == meta["status_source"], policy_id
        if policy_id in STATUS_NOTES:
            assert STATUS_NOTES[policy_id] in cell.get_text(), policy_id


@pytest.mark.parametrize("lang", LANGS)
def test_partly_verified_pages_state_their_caveat(page, lang):
    for policy_id in POLICIES:
        obj = SITE.objects[policy_id]
        if obj.meta["verification"] != "partly":
            continue
        caveat = obj.version(lang).meta.get("caveat")
        assert caveat, (policy_id, lang)
        notes = page(url(policy_id, lang)).select(".admonition.note")
        assert any(_plain(caveat)[:50] in _plain(n.get_text()) for n in notes), policy_id


def _plain(value: str) -> str:
    """Text without quotation marks (the site may print "…" as “…”), in NFC."""
    return unicodedata.normalize("NFC", value).translate({ord(c): None for c in "\"“”'‘’"})


def test_the_titles_shown_as_verified_were_read():
    """§11.A: the full titles of NĐ 41/2025 and TT 02/2025 were read; that of NQ 202/2025 only in the press."""
    assert SITE.objects["nd-41-2025"].meta["verification"] == "verified"
    assert SITE.objects["tt-02-2025-bdttg"].meta["verification"] == "verified"
    nq202 = SITE.objects["nq-202-2025"]
    assert nq202.meta["verification"] == "partly" and "tên đầy đủ" in nq202.meta["caveat"]
    assert "full title" in nq202.version("en").meta["caveat"]
    assert SITE.objects["hd-15-2022-dct"].meta["full_title"] is None  # never read: "not yet recorded"


@pytest.mark.parametrize("lang", LANGS)
def test_the_domestic_violence_law_names_the_law_it_replaced(page, lang):
    body = page(url("luat-pcblgd-2022", lang)).select_one("article").get_text(" ", strip=True)
    for fact in ("02/2007/QH12", "13/2022/QH15"):
        assert fact in body
    assert {"vi": "21/11/2007", "en": "21 November 2007"}[lang] in body
    assert {"vi": "01/7/2008", "en": "1 July 2008"}[lang] in body
    assert "giáo dục, hỗ trợ chuyển đổi hành vi bạo lực gia đình" in body.lower()


def _library(doc, heading_id: str):
    """The sections under an `h2` of the library: [(h3 id, [(href, title, details)])]."""
    sections, h2 = [], doc.select_one(f"article h2#{heading_id}")
    for el in h2.find_next_siblings():
        if el.name == "h2":
            break
        if el.name == "h3":
            sections.append((el["id"], []))
        elif el.name == "ul" and sections:
            for li in el.select("li"):
                a = li.select_one("a")
                details = li.get_text().split(" — ", 1)[1]
                sections[-1][1].append((a["href"], a.get_text(), details))
    return sections


def _policy_of(href: str):
    return next(SITE.objects[p] for p in POLICIES if href.endswith(SITE.objects[p].page.split("/")[-1][:-3] + ".html"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_library_is_in_date_order_and_gives_each_number_once(page, lang):
    doc = page(PREFIX[lang] + "policies/")
    for heading in ("by-topic", "by-year"):
        sections = _library(doc, heading)
        assert sections, heading
        for _, lines in sections:
            for href, title, details in lines:
                number = _policy_of(href).meta["number"]
                assert (title + details).count(number) == 1, (title, details)  # in the title, or after it
        for _, lines in sections if heading == "by-topic" else []:
            dates = [_policy_of(href).meta["date"] for href, _, _ in lines]
            assert dates == sorted(dates), lines  # oldest first
    years = [anchor for anchor, _ in _library(doc, "by-year")]
    dated = [int(a.removeprefix("year-")) for a in years if a != "year-unknown"]
    assert dated == sorted(dated, reverse=True)
    assert "year-unknown" not in years[:-1]  # documents without a date come last


def test_undated_policies_come_last_in_the_library(tmp_path):
    undated = BASELINE["docs/policies/nq-88.md"].replace("id: nq-88", "id: nq-99").replace(
        "date: 2019-11-18", "date: null").replace("88/2019/QH14", "99/2019/QH14")
    root = make_site(tmp_path, {"docs/policies/nq-99.md": undated,
                                "docs/policies/nq-99.en.md": BASELINE["docs/policies/nq-88.en.md"].replace(
                                    "id: nq-88", "id: nq-99").replace("88/2019/QH14", "99/2019/QH14")})
    site = model.load(root)
    listing = indexes.policy_index(site, "policies/index.md", "vi")
    by_topic, by_year = listing.split("{#by-year}")
    assert by_topic.index("nq-88.md") < by_topic.index("nq-99.md")
    assert by_year.index("{#year-2019}") < by_year.index("{#year-unknown}") < by_year.index("nq-99.md")
    assert "— 99/2019/QH14" not in listing and "chưa cập nhật" in listing  # the number is in the title


def _problems(tmp_path, vi: str):
    _, problems = check(make_site(tmp_path, {"docs/policies/nq-88.md": vi}))
    return problems


def test_a_status_without_its_source_is_reported_with_file_line_and_fix(tmp_path):
    vi = BASELINE["docs/policies/nq-88.md"].replace("        status_source: https://thuvienphapluat.vn/van-ban/nq-88\n", "")
    problems = _problems(tmp_path, vi)
    assert [(p.path, p.line, p.code) for p in problems] == [("docs/policies/nq-88.md", 11, "STATUS_SOURCE_MISSING")]
    assert "status_source:" in problems[0].fix and "status: null" in problems[0].fix


def test_an_unrecorded_status_needs_no_source(tmp_path):
    vi = BASELINE["docs/policies/nq-88.md"].replace("status: in-force", "status: null").replace(
        "        status_source: https://thuvienphapluat.vn/van-ban/nq-88\n", "")
    assert _problems(tmp_path, vi) == []


def test_the_copy_of_the_text_must_be_given_or_declared_missing(tmp_path):
    vi = BASELINE["docs/policies/nq-88.md"].replace("        full_text: https://thuvienphapluat.vn/van-ban/nq-88\n", "")
    assert [(p.path, p.code) for p in _problems(tmp_path, vi)] == [("docs/policies/nq-88.md", "FIELD_MISSING")]
    vi = vi.replace("        source:\n", "        full_text: null\n        source:\n")
    assert _problems(tmp_path / "null", vi) == []
