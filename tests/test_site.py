"""The real site, built strictly once (see conftest): what trainers, trainees and editors get."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from sitekit.content import agreement
from sitekit import languages
from tests.conftest import ROOT

AGREEMENT = agreement.load(ROOT)
LANG_PREFIX = {"vi": "", "en": "en/"}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_exists_in_both_languages_with_the_right_lang(site, page):
    rels = [p.relative_to(site).as_posix() for p in html_pages(site)]
    vi_pages = [rel for rel in rels if not rel.startswith("en/") and rel != "404.html"]  # one 404 serves all
    assert len(vi_pages) >= 4
    for rel in vi_pages:
        assert (site / "en" / rel).exists(), f"no English page for {rel}"
        assert page(rel).html["lang"] == "vi"
        assert page("en/" + rel).html["lang"] == "en"


def test_mkdocs_config_matches_the_model_and_the_rules():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
    Loader.add_constructor("!ENV", lambda loader, node: f"ENV:{node.value}")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert config["site_url"] == "ENV:SITE_URL"  # set where the site is published, never guessed
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    locales = [lang["locale"] for lang in i18n["languages"]]
    default = [lang["locale"] for lang in i18n["languages"] if lang.get("default")]
    assert tuple(locales) == languages.LANGUAGES and default == [languages.DEFAULT]
    assert config["theme"]["font"] is False
    assert "navigation.instant" not in config["theme"]["features"]
    assert "navigation.prune" in config["theme"]["features"]
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["slugify"] == "name:sitekit.content.slugs.slugify"


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_every_clause_has_its_anchor(page, lang):
    doc = page(LANG_PREFIX[lang] + "agreement/")
    ids = {tag["id"] for tag in doc.select("[id]")}
    missing = [c.id for c in AGREEMENT.clauses if c.anchor not in ids]
    assert not missing
    assert len(AGREEMENT.clauses) == 38  # 2 sections, 2 headings, 4 groups, 24 tasks, 6 points
    for clause in AGREEMENT.clauses:
        if clause.type in ("task", "point"):
            badge = doc.select_one(f"#{clause.anchor} a.clause-id")
            assert badge.get_text() == clause.id and badge["href"] == f"#{clause.anchor}"
    assert doc.select_one("#signatures") and doc.select_one("#recipients")


def _published_text(doc) -> str:
    """The official text as a reader sees it: headings, clause texts, signatures and recipients,
    without the site's own additions (id badges, roles, backlinks, [sic], permalinks)."""
    article = copy.copy(doc.select_one("article"))  # the parsed page is shared between tests
    anchors = {c.anchor for c in AGREEMENT.clauses}
    for extra in article.select(".clause-id, .clause-roles, .clause-refs, .sic, .headerlink, .signature-agency"):
        extra.decompose()
    parts = []
    for br in article.select("br"):
        br.replace_with("\n")
    for el in article.select("h2, h3, h4, .clause > p, .signature p, .recipients p, .recipients li"):
        if el.name.startswith("h") and el.get("id") not in anchors:
            continue
        parts.append(el.get_text())  # inline elements (abbr tooltips) are not word breaks
    return " ".join(" ".join(parts).split())


def _source_text() -> str:
    raw = (ROOT / "data/agreement-source.txt").read_text(encoding="utf-8")
    raw = raw.replace("tổng\n\nkết vào năm 2025", "tổng kết vào năm 2025")  # a page break in the source
    lines = [re.sub(r"^- ", "", line.strip()).replace("**", "") for line in raw.splitlines() if line.strip()]
    return " ".join(" ".join(lines).split())


def test_published_agreement_is_the_source_text_verbatim(page):
    assert _published_text(page("agreement/")) == _source_text()


def test_source_copy_is_the_shared_original():
    shared = ROOT.parent / "shared/source/000_03ff24e2c29fa156.txt"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert (ROOT / "data/agreement-source.txt").read_bytes() == shared.read_bytes()


def test_source_typo_is_kept_and_marked_sic(page):
    doc = page("agreement/")
    clause = doc.select_one("#ii-2-b-6")
    sic = clause.select_one(".sic")
    assert sic.get_text() == "[sic]" and "Lồng ghép" in sic["title"]
    text = " ".join(clause.get_text(" ").split())
    assert text.startswith("II.2.b.6 Lòng ghép [sic] tổ chức thực hiện")


def test_unknown_metadata_is_shown_as_not_yet_recorded(page):
    vi = page("agreement/").select_one(".agreement-metadata").get_text(" ")
    en = page("en/agreement/").select_one(".agreement-metadata").get_text(" ")
    assert vi.count("chưa cập nhật") == 3 and en.count("not yet recorded") == 3
    assert "mục II" in vi and "section II" in en


def test_english_agreement_is_labelled_unofficial_and_complete(page):
    doc = page("en/agreement/")
    assert "Unofficial translation" in doc.select_one(".admonition").get_text()
    for clause in AGREEMENT.clauses:
        if clause.type in ("task", "point"):
            text = " ".join(doc.select_one(f"#{clause.anchor} > p").get_text().split())
            assert " ".join(clause.text["en"].split()) in text


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_responsibility_matrix_is_generated_from_the_clauses(page, lang):
    doc = page(LANG_PREFIX[lang] + "agreement/matrix.html")
    rows = doc.select("article table tbody tr")
    actionable = [c for c in AGREEMENT.clauses if c.type in ("task", "point")]
    assert [r.select_one("td a").get_text() for r in rows] == [c.id for c in actionable]
    lead_word = {"vi": "Chủ trì", "en": "Lead"}[lang]
    for row, clause in zip(rows, actionable):
        cells = [td.get_text() for td in row.select("td")[2:]]
        for key, cell in zip(AGREEMENT.agencies, cells):
            assert (cell in (lead_word, {"vi": "Cùng thực hiện", "en": "Joint"}[lang])) == (key in clause.lead)
        link = row.select_one("td a")["href"]
        assert link.endswith(f"#{clause.anchor}")
    assert AGREEMENT.clause("II.1.b.1").lead == ("bdt",) and AGREEMENT.clause("II.2.a.3").lead == ("hlhpn",)


def _switcher(doc) -> dict[str, str]:
    return {a["hreflang"]: a["href"] for a in doc.select("a.md-select__link[hreflang]")}


def test_language_switcher_of_a_deep_page_leads_to_the_same_page(site, page):
    for rel, other_lang, other_rel in (("agreement/matrix.html", "en", "en/agreement/matrix.html"),
                                       ("en/agreement/matrix.html", "vi", "agreement/matrix.html")):
        href = _switcher(page(rel))[other_lang]
        target = urlparse(urljoin(f"http://x/{rel}", href)).path.lstrip("/")
        assert target == other_rel
        assert (site / target).is_file()


def test_inline_references_link_to_the_clause_with_its_title_in_the_page_language(page):
    clause = AGREEMENT.clause("II.2.b.8")
    for rel, lang in (("modules/m10/index.html", "vi"), ("en/modules/m10/index.html", "en")):
        links = [a for a in page(rel).select("article a") if a.get("href", "").endswith("#ii-2-b-8")]
        assert links, f"no link to II.2.b.8 on {rel}"
        assert links[0].get_text() == clause.title(lang)
        assert urlparse(links[0]["href"]).path == "../../agreement/index.html"


def test_heading_anchors_are_readable_ascii(site, page):
    for path in html_pages(site):
        doc = page(path.relative_to(site).as_posix())
        for heading in doc.select("article h2[id], article h3[id], article h4[id]"):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", heading["id"]), (path, heading["id"])
    about = page("about/")
    dong_bao = [h["id"] for h in about.select("article h2, article h3") if "đ" in h.get_text().lower()]
    assert dong_bao and all(re.fullmatch(r"[a-z0-9-]+", i) for i in dong_bao)


_ASSET_ATTRS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                "video": "src", "audio": "src", "embed": "src", "object": "data"}


def test_no_asset_is_loaded_from_another_host(site, page):
    offenders = []
    for path in html_pages(site):
        doc = page(path.relative_to(site).as_posix())
        for tag, attr in _ASSET_ATTRS.items():
            for el in doc.find_all(tag):
                url = el.get(attr) or ""
                if tag == "link" and not set(el.get("rel", [])) & {"stylesheet", "preload", "icon", "modulepreload", "manifest"}:
                    continue
                if urlparse(url).netloc:
                    offenders.append(f"{path}: <{tag} {attr}={url}>")
        for style in doc.find_all(style=True):
            if re.search(r"url\(\s*['\"]?(https?:)?//", style["style"]):
                offenders.append(f"{path}: inline style {style['style']}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            offenders.append(f"{css}: {url}")
        if re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")):
            offenders.append(f"{css}: @import")
    assert not offenders, "\n".join(offenders)


def first_view_bytes(site: Path, rel: str) -> int:
    """HTML + every stylesheet and script the page loads at once, each gzip-compressed."""
    import gzip

    path = site / rel
    html = path.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode("utf-8"), 9))
    for ref in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        asset = (path.parent / ref.split("?")[0]).resolve()
        assert asset.is_file(), ref
        total += len(gzip.compress(asset.read_bytes(), 9))
    return total


@pytest.mark.parametrize("lang", languages.LANGUAGES)
def test_first_view_weighs_at_most_72_kib(site, lang):
    """70 KiB until the breadcrumbs, the footer links and the phone tables (issue 13) added 0.7 KiB."""
    from sitekit.content import curriculum, model
    from sitekit.content.validation import check

    prefix = LANG_PREFIX[lang]
    loaded, _ = check(ROOT)
    pages = ["index.html"] + [model.page_url(m.page) for m in curriculum.modules(loaded)]
    weights = {rel: first_view_bytes(site, prefix + rel) for rel in pages}
    heavy = {rel: w for rel, w in weights.items() if w > 72 * 1024}
    assert not heavy, heavy


@pytest.mark.parametrize("rel", ["index.html", "en/modules/m04/index.html", "modules/m04/l1.html", "trainers/index.html",
                                 "404.html"])
def test_pages_carry_no_indentation_outside_preformatted_text(site, rel):
    html = (site / rel).read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|textarea)\b.*?</\1>", "", html, flags=re.S | re.I)
    indented = [line for line in outside.split("\n") if line[:1] in (" ", "\t")]
    assert not indented, indented[:5]
    assert "<nav" in html and html.count("\n") > 50  # a real page, its line breaks kept


def test_each_language_has_its_own_search_index(site):
    import json

    vi = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert vi["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in vi["docs"])
    assert (vi["config"]["lang"], en["config"]["lang"]) == (["vi"], ["en"])
    js = (site / "en/search/search_index.js").read_text(encoding="utf-8")
    assert js.startswith("var __index = ") and json.loads(js.removeprefix("var __index = ")) == en


def test_offline_zip_holds_the_whole_site_in_both_languages(site, page):
    import zipfile

    link = page("index.html").select_one('a[href$="offline-site.zip"]')
    archive = zipfile.ZipFile(site / link["href"])
    names = set(archive.namelist())
    for rel in ("index.html", "en/index.html", "search/search_index.js", "en/search/search_index.js",
                "modules/m04/index.html", "downloads/hp04-trainee-vi.pdf",
                "assets/vendor/iframe-worker/iframe-worker-shim.js", "assets/vendor/iframe-worker/LICENSE"):
        assert f"chuong-trinh-phoi-hop/{rel}" in names, rel
    assert not any(n.endswith("offline-site.zip") for n in names)
    assert page("en/index.html").select_one('a[href$="offline-site.zip"]')["href"] == "../downloads/offline-site.zip"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_heading_permalinks_say_what_they_are_in_the_page_language(page, lang):
    from sitekit.ui import text

    prefix = "" if lang == "vi" else "en/"
    for path in ("modules/m04/l1.html", "agreement/index.html"):
        titles = {a.get("title") for a in page(prefix + path).select("a.headerlink")}
        assert titles == {text("permalink_title", lang)}, (path, titles)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_home_page_gives_each_audience_one_action_in_readers_words(page, lang):
    doc = page("index.html" if lang == "vi" else "en/index.html")
    cards = doc.select("article .grid.cards > ul > li")
    assert len(cards) == 3
    assert [[a["href"] for a in card.select("a")] for card in cards] == [
        ["modules/index.html"], ["downloads.html"], ["editors/index.html"]]
    words = doc.select_one("article").get_text(" ")
    assert not re.search(r"\b(?:II|III)\.\d", words), "clause ids"
    assert not re.search(r"\bgit\b|dựng trang|\bbuild\b|\.yml\b", words, re.I), "developer words"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_performance_page_is_for_developers_not_in_the_readers_navigation(site, page, lang):
    prefix = "" if lang == "vi" else "en/"
    guide = page(prefix + "editors/index.html")
    assert not guide.select('nav a[href$="performance.html"]')  # the editors' section of the navigation
    assert guide.select('article a[href="performance.html"]')  # the guide links it for developers
    assert (site / prefix / "editors/performance.html").is_file()
