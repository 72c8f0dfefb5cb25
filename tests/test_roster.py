"""The trainer roster: validation of the data, privacy by consent, pages, CSV and the import command."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sitekit.content import model
from sitekit.pages import roster_pages
from sitekit.ui import date
from sitekit.content.validation import check
from tests.conftest import ENV, ROOT, mkdocs_build
from tests.sites import make_site
from tests.test_build import _fixture_config

SITE, _ = check(ROOT)
ROSTER = SITE.roster
PREFIX = {"vi": "", "en": "en/"}


def test_example_data_is_about_forty_fictional_trainers():
    assert ROSTER.example is True
    assert 35 <= len(ROSTER.trainers) <= 45
    assert len({t.id for t in ROSTER.trainers}) == len(ROSTER.trainers)
    assert any(not t.active for t in ROSTER.trainers) and any(t.consent for t in ROSTER.trainers)
    assert all(t.email.endswith(".example") for t in ROSTER.trainers)  # reserved domain: nobody's address


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_roster_page_says_it_is_example_data(page, lang):
    title = {"vi": "Dữ liệu ví dụ", "en": "Example data"}[lang]
    for url in ("trainers/", "trainers/coverage.html"):
        admonition = page(PREFIX[lang] + url).select_one("article .admonition.warning")
        assert admonition and title in admonition.get_text(), url
    module = page(PREFIX[lang] + "modules/m02/")
    assert title in module.select_one("#trainers").find_next("p").get_text()


def test_one_switch_removes_the_banner_when_real_data_is_loaded(tmp_path):
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    data = tmp_path / "data/trainers.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("example_data: true", "example_data: false"),
                    encoding="utf-8")
    site = model.load(tmp_path)
    assert site.roster.example is False
    assert roster_pages.banner(site, "vi") == "" and "Dữ liệu ví dụ" not in roster_pages.cards(site, "trainers/index.md", "vi")
    assert roster_pages.banner(SITE, "vi")


def _hidden_contacts() -> list[str]:
    values = []
    for t in ROSTER.trainers:
        if not t.consent:
            values += [t.email, t.phone, t.phone.replace(" ", "")]
    return [v for v in values if v]


def test_no_contact_without_consent_anywhere_in_the_built_site(site):
    hidden = _hidden_contacts()
    assert len(hidden) >= 20
    shown = [t.email for t in ROSTER.trainers if t.consent]
    texts = {}
    for path in site.rglob("*"):
        if path.is_dir():
            continue
        if path.suffix == ".pdf":
            texts[path] = "".join(p.extract_text() for p in PdfReader(path).pages)
        elif path.suffix in (".gz", ".png", ".jpg", ".svg", ".woff", ".woff2", ".ico"):
            continue
        else:
            texts[path] = path.read_bytes().decode("utf-8", errors="replace")
    assert any(p.suffix == ".json" for p in texts) and any(p.suffix == ".csv" for p in texts)
    for path, text in texts.items():
        for value in hidden:
            assert value not in text, f"{value} in {path}"
    everything = "".join(texts.values())
    assert all(email in everything for email in shown), "consented contacts are published"
    raw = (ROOT / "data/trainers.yml").read_text(encoding="utf-8").splitlines()
    assert not list(site.rglob("trainers.yml")) and raw[0] not in everything and "example_data: true" not in everything


HOSTILE_NAME = "<script>alert(1)</script> Lò Thị <b>Mai</b>"
# names and positions a spreadsheet would run as formulas (OWASP "CSV injection"): id -> (full_name,
# position, phone); the phone starts with "+" too, which a spreadsheet reads as a formula as well
FORMULAS = {"bcv-f1": ('=HYPERLINK("http://evil.example","Bấm")', "+1+2", "+84 200 000 777"),
            "bcv-f2": ("-2+3 Lò Văn Tâm", "@SUM(1+1)", "0200 000 778"),
            "bcv-f3": ("\tTab Thị Lan", "\r=1+1", "0200 000 779")}
FORMULA_RECORD = """  - id: {id}
    full_name: {name}
    gender: male
    ethnicity: thai
    languages: [vi]
    agency: bdt
    position: {position}
    commune: suoi-may
    status: active
    certifications:
      - {{module: m01, date: 2024-01-02}}
    contact: {{phone: "{phone}", email: {id}@vi-du.example, consent_publish: true}}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A fixture site whose roster has markup in a name and formulas in its cells, built once."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    project = make_site(tmp_path / "project", {
        "docs/trainers/index.md": "---\nid: trainers\nkind: page\ntitle: Báo cáo viên\n---\n{{ roster }}\n",
        "docs/trainers/index.en.md": "---\nid: trainers\nkind: page\ntitle: Trainers\n---\n{{ roster }}\n",
    })
    for name in ("communes.yml", "ethnic-groups.yml"):
        shutil.copy(ROOT / "data" / name, project / "data" / name)
    formulas = "".join(FORMULA_RECORD.format(id=tid, name=json.dumps(name, ensure_ascii=False),  # JSON is YAML
                                             position=json.dumps(position), phone=phone)
                       for tid, (name, position, phone) in FORMULAS.items())
    (project / "data/trainers.yml").write_text("""example_data: true
trainers:
  - id: bcv-x
    full_name: "<script>alert(1)</script> Lò Thị <b>Mai</b>"
    gender: female
    ethnicity: thai
    languages: [vi, thai]
    agency: hlhpn
    position: "Chi hội trưởng \\" onmouseover=\\"alert(2)"
    commune: suoi-may
    status: active
    certifications:
      - {module: m01, date: 2024-01-02}
    contact: {phone: "0200 000 999", email: x@vi-du.example, consent_publish: true}
""" + formulas, encoding="utf-8")
    _fixture_config(project)
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "out"


def test_data_is_escaped_a_name_is_always_text(hostile_site):
    raw = (hostile_site / "trainers/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "<b>Mai</b>" not in raw and 'onmouseover="alert' not in raw
    doc = BeautifulSoup(raw, "html.parser")
    assert doc.select_one("#bcv-x h3").get_text() == HOSTILE_NAME
    assert doc.select_one("#bcv-x summary").get_text() == "Hồ sơ đầy đủ: " + HOSTILE_NAME  # and its hidden part
    assert 'Chi hội trưởng " onmouseover="alert(2)' in doc.select_one("#bcv-x details").get_text()  # as text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_module_page_shows_a_name_exactly_as_written(hostile_site, lang):
    """Markdown escaping showed a backslash ("\\<script>…") on the module pages: the list is HTML now."""
    raw = (hostile_site / PREFIX[lang] / "modules/m01.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "<b>Mai</b>" not in raw
    items = BeautifulSoup(raw, "html.parser").select("#trainers ~ ul.module-trainers li")
    assert [li.a.get_text().strip() for li in items] == [HOSTILE_NAME] + [n.strip() for n, _, _ in FORMULAS.values()]
    assert items[0].a["href"] == "../trainers/index.html#bcv-x"
    place = f"{ROSTER.commune_name('suoi-may', lang)} ({ROSTER.language_name('thai', lang)})"
    assert items[0].get_text() == f"{HOSTILE_NAME} — {place}"
    assert "\\" not in "".join(li.get_text() for li in items)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_csv_cell_never_starts_a_formula(start):
    from sitekit.content.roster import CSV_FIELDS, to_csv

    row = dict.fromkeys(CSV_FIELDS, "") | {"full_name": start + "1+1", "position": "Cán bộ; =1+1", "id": "bcv-1"}
    written = to_csv([row])
    parsed = next(csv.DictReader(io.StringIO(written.removeprefix("\ufeff"), newline="")))
    assert parsed["full_name"] == "'" + start + "1+1"
    assert parsed["position"] == "Cán bộ; =1+1" and parsed["id"] == "bcv-1"  # the rest as it was
    assert written.split("\n")[1].startswith('"bcv-1","'), "every cell quoted: a `;` inside cannot start a cell"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_roster_csv_download_is_safe_in_a_spreadsheet(hostile_site, lang):
    written = (hostile_site / "downloads" / f"roster-{lang}.csv").read_bytes().decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(written, newline=""))}
    for tid, (name, position, phone) in FORMULAS.items():
        assert (rows[tid]["full_name"], rows[tid]["position"]) == ("'" + name, "'" + position), tid
        assert rows[tid]["phone"] == ("'" + phone if phone.startswith("+") else phone)
    assert rows["bcv-x"]["full_name"] == HOSTILE_NAME  # a cell that starts no formula is left alone
    for row in rows.values():
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values()), row


def _words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_one_card_per_trainer_with_its_facts_and_a_folded_profile(page, lang):
    doc = page(PREFIX[lang] + "trainers/")
    assert not doc.select("table.roster") and not doc.select(".trainer-profile"), "no table, no separate profiles"
    cards = doc.select(".trainer-cards > article.trainer-card")
    assert [c["id"] for c in cards] == [t.id for t in ROSTER.trainers]
    agencies = roster_pages.agency_names(SITE, lang)
    label = {"vi": ("Cơ quan", "Xã, phường", "Ngôn ngữ", "Học phần được chứng nhận"),
             "en": ("Agency", "Commune", "Languages", "Certified modules")}[lang]
    for card, t in zip(cards, ROSTER.trainers):
        assert card.select_one("h3").get_text() == t.full_name
        assert (card["data-agency"], card["data-commune"], card["data-status"]) == (t.agency, t.commune, t.status)
        assert card["data-module"].split() == t.certified_for() and card["data-language"].split() == t.languages
        facts = card.find("dl", recursive=False)
        shown = dict(zip([dt.get_text() for dt in facts.select("dt")], facts.select("dd")))
        assert list(shown) == list(label)
        assert shown[label[0]].get_text() == agencies[t.agency]
        assert shown[label[1]].get_text() == ROSTER.commune_name(t.commune, lang)
        assert shown[label[2]].get_text() == ", ".join(ROSTER.language_name(c, lang) for c in t.languages)
        links = shown[label[3]].select("a")
        assert [a["href"] for a in links] == [f"../modules/{m}/index.html" for m in t.certified_for()]
        for a, module_id in zip(links, t.certified_for()):
            module = SITE.objects[module_id]
            assert a.contents[0] == module.meta["code"] and a["title"] == module.title(lang)
            assert a.select_one(".visually-hidden").get_text() == f" · {module.title(lang)}"
        status = card.select_one(".trainer-status")
        assert (status is None) == t.active, t.id
        if status:
            since = {"vi": "Ngừng hoạt động từ ", "en": "Inactive since "}[lang] + date(t.inactive_since, lang)
            assert status.get_text() == since
        details = card.select_one("details.trainer-more")
        assert details is not None and not details.has_attr("open"), "the full profile starts folded"
        assert _words(details.summary).startswith({"vi": "Hồ sơ đầy đủ", "en": "Full profile"}[lang])
        profile = _words(details)
        assert ROSTER.group_name(t.ethnicity, lang) in profile and " ".join(t.position.split()) in profile
        assert len(details.select("dd ul li")) == len(t.certifications)
        assert bool(details.select('a[href^="mailto:"]')) == bool(t.consent and t.email), t.id
    outside = [a for a in doc.select('.trainer-card a[href^="mailto:"]') if not a.find_parent("details")]
    assert not outside, "a contact is only in the full profile"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_filters_get_their_choices_and_words_in_the_page_language(page, lang):
    box = page(PREFIX[lang] + "trainers/").select_one(".roster-filters")
    assert not box.find(), "without JavaScript there is no control (the script builds them)"
    choices = json.loads(box["data-choices"])
    assert [c["key"] for c in choices] == ["agency", "commune", "module", "language", "status"]
    options = {c["key"]: dict(c["options"]) for c in choices}
    assert list(options["module"]) == [f"m{n:02d}" for n in range(1, 11)]
    assert set(options["commune"]) == set(ROSTER.communes) and list(options["status"]) == ["active", "inactive"]
    assert set(options["language"]) == {code for t in ROSTER.trainers for code in t.languages}
    words = json.loads(box["data-words"])
    expected = {"vi": ("{n} báo cáo viên", "Không có báo cáo viên nào phù hợp với bộ lọc.", "Tất cả"),
                "en": ("{n} trainers", "No trainer matches these filters.", "All")}[lang]
    assert (words["other"], words["empty"], words["all"]) == expected
    assert all(unicodedata.is_normalized("NFC", value) for value in words.values())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_module_page_lists_its_certified_active_trainers(page, lang):
    for module_id in [f"m{n:02d}" for n in range(1, 11)]:
        doc = page(PREFIX[lang] + f"modules/{module_id}/")
        listed = [a["href"].split("#")[1] for a in doc.select("#trainers ~ ul li a")
                  if "#bcv-" in a.get("href", "")]
        expected = [t.id for t in ROSTER.trainers if module_id in t.certified_for()]
        assert listed == expected, module_id
    inactive = next(t for t in ROSTER.trainers if not t.active)
    assert not inactive.certified_for() and inactive.certifications


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_coverage_counts_communes_by_modules_and_marks_gaps(page, lang):
    doc = page(PREFIX[lang] + "trainers/coverage.html")
    rows = doc.select("table.roster-coverage tbody tr:not(.total)")
    modules = [f"m{n:02d}" for n in range(1, 11)]
    assert len(rows) == len(ROSTER.communes)
    gaps = 0
    for row, commune in zip(rows, ROSTER.communes):
        cells = row.select("td")
        active = [t for t in ROSTER.trainers if t.commune == commune and t.active]
        for cell, module in zip(cells, modules):
            n = sum(module in t.certified_for() for t in active)
            assert int(cell.get_text()) == n
            assert ("gap" in cell.get("class", [])) == (n == 0)
            gaps += n == 0
        assert int(cells[-1].get_text()) == len(active)
    assert gaps > 0
    hint = {"vi": "Bảng rộng: vuốt sang ngang để xem hết các cột.",
            "en": "Wide table: swipe sideways to see every column."}[lang]
    assert doc.select_one("p.roster-scroll-hint").get_text() == hint
    box = doc.select_one("div.roster-table")
    assert box.select_one("table.roster-coverage") and box["role"] == "region" and box["tabindex"] == "0"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_download_has_public_fields_only(site, page, lang):
    link = page(PREFIX[lang] + "trainers/").select_one(".roster-csv a")
    path = (site / PREFIX[lang] / "trainers" / link["href"]).resolve()
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(ROSTER.trainers)
    assert set(rows[0]) == {"id", "full_name", "gender", "ethnicity", "languages", "agency", "position", "commune",
                            "former_district", "status", "certified_modules", "phone", "email"}
    for row, t in zip(rows, ROSTER.trainers):
        assert (row["email"] == t.email) == t.consent and (row["phone"] == "") == (not t.consent)


# --- validation of the data --------------------------------------------------------------------

RECORD = """  - id: {id}
    full_name: Lò Thị Mai
    gender: female
    ethnicity: {ethnicity}
    languages: [vi, thai]
    agency: hlhpn
    position: Chi hội trưởng
    commune: {commune}
    status: {status}
    certifications:
      - {{module: {module}, date: {date}}}
    contact:
      phone: "0200 000 001"
{consent}"""


def roster_problems(tmp_path, **overrides):
    values = dict(id="bcv-1", ethnicity="thai", commune="suoi-may", status="active", module="m01",
                  date="2024-05-12", consent="      consent_publish: false\n")
    values.update(overrides)
    root = make_site(tmp_path)
    for name in ("communes.yml", "ethnic-groups.yml"):
        shutil.copy(ROOT / "data" / name, root / "data" / name)
    second = RECORD.format(**{**values, "id": overrides.get("second_id", "bcv-2")})
    (root / "data/trainers.yml").write_text("example_data: true\ntrainers:\n" + RECORD.format(**values) + second,
                                            encoding="utf-8")
    _, problems = check(root)
    return [(p.path, p.line, p.code) for p in problems], problems


@pytest.mark.parametrize("overrides, line, code", [
    ({"module": "m99"}, 13, "REF_UNKNOWN"),
    ({"commune": "suoi-mayy"}, 10, "FIELD_INVALID"),
    ({"ethnicity": "thay"}, 6, "FIELD_INVALID"),
    ({"second_id": "bcv-1"}, 17, "ID_DUPLICATE"),
    ({"date": "2024-02-30"}, 13, "FIELD_INVALID"),
    ({"consent": ""}, 14, "CONSENT_MISSING"),
    ({"status": "inactive\n    inactive_since: 2025-07-01"}, 14, "INACTIVE_CERTIFIED"),
], ids=["unknown-module", "unknown-commune", "unknown-ethnicity", "duplicate-id", "invalid-date",
        "missing-consent", "inactive-shown-as-certified"])
def test_roster_mistakes_are_reported_with_file_line_and_code(tmp_path, overrides, line, code):
    found, problems = roster_problems(tmp_path, **overrides)
    assert ("data/trainers.yml", line, code) in found, "\n".join(p.format() for p in problems)


def test_valid_fixture_roster_passes(tmp_path):
    assert roster_problems(tmp_path)[0] == []


# --- the import command ------------------------------------------------------------------------

HEADER = ("Mã,Họ và tên,Giới tính,Dân tộc,Ngôn ngữ,Cơ quan,Chức vụ,\"Xã, phường\",Học phần,Ngày chứng nhận,"
          "Trạng thái,Ngừng hoạt động từ,Điện thoại,Email,Đồng ý công khai liên hệ\n")
GOOD = ("bcv-101,Hờ Thị Ví,Nữ,Mông,\"Tiếng Việt, tiếng Mông\",Hội LHPN tỉnh,Chi hội trưởng,Xã Suối Mây,"
        "HP02 (12/05/2024); HP04,01/03/2023,Đang hoạt động,,0200 111 222,vi@vi-du.example,Có\n"
        "bcv-102,Lò Văn Xôm,Nam,Thái,Tiếng Việt,Sở Dân tộc và Tôn giáo,Chuyên viên,Phường Hoa Ban,HP01,"
        "02/03/2024,Ngừng hoạt động,01/07/2025,,,Không\n")


def _import(tmp_path, content: str, suffix: str = ".csv", check_only: bool = False):
    project = tmp_path / "project"
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, project / folder)
    sheet = tmp_path / f"sheet{suffix}"
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for line in csv.reader(io.StringIO(content)):
            book.active.append(line)
        book.save(sheet)
    else:
        sheet.write_text(content, encoding="utf-8")
    before = (project / "data/trainers.yml").read_bytes()
    command = [sys.executable, str(ROOT / "scripts/import_roster.py"), str(sheet), "--root", str(project)]
    result = subprocess.run(command + (["--check"] if check_only else []), env=ENV, capture_output=True, text=True)
    return project, before, result


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_import_writes_validated_real_data(tmp_path, suffix):
    project, before, result = _import(tmp_path, HEADER + GOOD, suffix)
    assert result.returncode == 0, result.stdout
    site, problems = check(project)
    assert problems == [] and site.roster.example is False
    by_id = {t.id: t for t in site.roster.trainers}
    assert by_id["bcv-101"].certified_for() == ["m02", "m04"] and by_id["bcv-101"].languages == ["vi", "mong"]
    assert str(by_id["bcv-101"].certifications[1].date) == "2023-03-01" and by_id["bcv-101"].consent
    assert by_id["bcv-102"].certified_for() == [] and by_id["bcv-102"].certifications[0].ended is not None
    assert unicodedata.is_normalized("NFC", (project / "data/trainers.yml").read_text(encoding="utf-8"))


def test_import_reports_every_bad_row_and_writes_nothing(tmp_path):
    bad = (GOOD + "bcv-103,Ca Thị Bé,Nữ,Mong Xanh,tiếng Mông,Hội LHPN,Cán bộ,Xã Không Có,HP99,31/02/2024,"
           "Đang hoạt động,,,,\nbcv-101,Lặp Lại,Nữ,Dao,Tiếng Dao,Hội LHPN,Cán bộ,Xã Bản Mây,HP03,01/01/2024,"
           "Ngừng hoạt động,,,,Không\n")
    project, before, result = _import(tmp_path, HEADER + bad)
    assert result.returncode == 1
    out = result.stdout
    for row, column in ((4, "Dân tộc"), (4, "Xã, phường"), (4, "Học phần"), (4, "Ngày chứng nhận"),
                        (4, "Đồng ý công khai liên hệ"), (5, "Mã"), (5, "Ngừng hoạt động từ")):
        assert f"row {row}, column '{column}'" in out, (row, column, out)
    assert "nothing was written" in out
    assert (project / "data/trainers.yml").read_bytes() == before


def test_import_refuses_an_unknown_column_rather_than_dropping_it(tmp_path):
    project, before, result = _import(tmp_path, HEADER.replace("Email", "Emial") + GOOD)
    assert result.returncode == 1 and "row 1, column 'Emial': unknown column" in result.stdout
    assert (project / "data/trainers.yml").read_bytes() == before
