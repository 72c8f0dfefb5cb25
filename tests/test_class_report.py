"""The class workbook and the class report: a trainer's filled workbook gives the right numbers, and
a wrong row gives the exact row and column to correct, and no report.

The expected numbers are computed here from the fixture's own data (each participant's true sex and
group key written beside what the trainer typed), never by sitekit.courses.report."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from bs4 import BeautifulSoup

from sitekit.courses.workbook import CRITERIA, ClassSheet, make_workbook

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "class_report.py"
GROUPS = yaml.safe_load((ROOT / "data" / "ethnic-groups.yml").read_text(encoding="utf-8"))["groups"]
ENV = {**os.environ, "PYTHONUTF8": "1"}
FIRST = 3  # first data row of the participants and evaluations sheets (row 1: a reminder, row 2: headings)
MAX_SCORE = 15

SHEETS = {"vi": ("Hướng dẫn", "Thông tin lớp", "Học viên", "Phiếu đánh giá", "Danh mục"),
          "en": ("Instructions", "Class", "Participants", "Evaluations", "Lists")}
PARTICIPANT_HEADINGS = {
    "vi": ["STT", "Họ và tên", "Giới tính", "Dân tộc", "Chức vụ, vai trò", "Xã, phường", "Ngày 1", "Ngày 2",
           "Điểm trước (tối đa 15)", "Điểm sau (tối đa 15)"],
    "en": ["No.", "Full name", "Sex", "Ethnicity", "Position or role", "Commune or ward", "Day 1", "Day 2",
           "Pre-test score (max 15)", "Post-test score (max 15)"],
}
SEX_WORDS = {"vi": {"female": "Nữ", "male": "Nam"}, "en": {"female": "Female", "male": "Male"}}
SCALE = {"vi": 5, "en": 3}  # the Vietnamese fixture uses the full form, the English one the faces form


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def spec(lang: str) -> ClassSheet:
    return ClassSheet(course_id="hp04-lop-thu", title="Công tác dân tộc cho cán bộ Hội" if lang == "vi"
                      else "Ethnic affairs for Union cadres", language=lang, days=2, test_items=MAX_SCORE,
                      evaluation_scale=SCALE[lang])


# --- the blank workbook ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["vi", "en"])
def blank(request, tmp_path_factory) -> tuple[str, openpyxl.Workbook]:
    lang = request.param
    path = make_workbook(spec(lang), tmp_path_factory.mktemp("blank") / f"class-{lang}.xlsx")
    return lang, openpyxl.load_workbook(path)


def validation_at(sheet, cell: str):
    found = [dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, f"{sheet.title}!{cell}: {len(found)} validations"
    return found[0]


def list_values(book, formula: str) -> list[str]:
    """The values a list validation offers, read from the range it references."""
    sheet_part, cells = formula.rsplit("!", 1)
    sheet = book[sheet_part.strip("'").replace("''", "'")]
    return [cell.value for row in sheet[cells.replace("$", "")] for cell in row]


def test_sheets_and_their_visibility(blank):
    lang, book = blank
    instructions, class_sheet, participants, evaluations, lists = SHEETS[lang]
    visible = [s.title for s in book.worksheets if s.sheet_state == "visible"]
    assert visible == [instructions, class_sheet, participants, evaluations]
    assert book[lists].sheet_state == "hidden"
    hidden = [s for s in book.worksheets if s.sheet_state == "veryHidden"]
    assert len(hidden) == 1, "one very hidden sheet holds the course's numbers"


def test_hidden_properties_hold_the_course_numbers(blank):
    lang, book = blank
    hidden = next(s for s in book.worksheets if s.sheet_state == "veryHidden")
    values = {row[0]: row[1] for row in hidden.iter_rows(values_only=True)}
    assert values["course_id"] == "hp04-lop-thu"
    assert values["language"] == lang
    assert (values["days"], values["test_items"], values["evaluation_scale"]) == (2, MAX_SCORE, SCALE[lang])


def test_headings_in_the_language_of_the_workbook(blank):
    lang, book = blank
    _, class_sheet, participants, evaluations, _ = SHEETS[lang]
    assert [c.value for c in book[participants][2]] == PARTICIPANT_HEADINGS[lang]
    criteria = [label for _, label in CRITERIA[lang]]
    suffix = " (1–5)" if SCALE[lang] == 5 else " (1 ☹ · 2 😐 · 3 ☺)"
    first, last = ("Số phiếu", ["Điều tôi sẽ áp dụng", "Ý kiến, góp ý"]) if lang == "vi" else \
        ("Form no.", ["What I will apply", "Comments"])
    assert [c.value for c in book[evaluations][2]] == [first] + [c + suffix for c in criteria] + last
    assert book[class_sheet]["B2"].value == spec(lang).title
    assert book[class_sheet]["B3"].value == "hp04-lop-thu"
    assert book[participants].freeze_panes == "C3" and book[evaluations].freeze_panes == "B3"
    assert book[class_sheet].freeze_panes == "A2"


def test_criteria_in_the_briefs_order():
    assert [key for key, _ in CRITERIA["vi"]] == [key for key, _ in CRITERIA["en"]]
    assert [label for _, label in CRITERIA["vi"]] == ["Nội dung tập huấn", "Mức độ phù hợp với công việc",
                                                       "Báo cáo viên", "Phương pháp tập huấn",
                                                       "Cơ sở vật chất và công tác tổ chức"]


def test_drop_down_lists_offer_the_54_groups_and_the_two_sexes(blank):
    lang, book = blank
    sheet = book[SHEETS[lang][2]]
    ethnicity = validation_at(sheet, "D3")
    assert ethnicity.type == "list"
    assert list_values(book, ethnicity.formula1) == [group[lang] for group in GROUPS.values()]
    assert len(GROUPS) == 54
    sex = validation_at(sheet, "C3")
    assert list_values(book, sex.formula1) == list(SEX_WORDS[lang].values())
    assert validation_at(sheet, "G3").formula1 == '"x"'


def test_range_checks_refuse_out_of_range_values_and_say_what_to_write(blank):
    lang, book = blank
    participants, evaluations = book[SHEETS[lang][2]], book[SHEETS[lang][3]]
    checks = [(validation_at(participants, cell), 0, MAX_SCORE) for cell in ("I3", "J62")]
    checks += [(validation_at(evaluations, cell), 1, SCALE[lang]) for cell in ("B3", "F62")]
    for rule, low, high in checks:
        assert (rule.type, rule.operator, rule.formula1, rule.formula2) == ("whole", "between", str(low), str(high))
        assert rule.showErrorMessage and rule.errorStyle == "stop" and rule.error
    for rule in participants.data_validations.dataValidation + evaluations.data_validations.dataValidation:
        assert rule.showInputMessage and rule.prompt and len(rule.prompt) <= 255
        assert rule.promptTitle and len(rule.promptTitle) <= 32


def test_every_text_is_composed_unicode(blank):
    _, book = blank
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert unicodedata.is_normalized("NFC", value), (sheet.title, value)


def test_instructions_say_the_forms_are_anonymous_and_what_the_command_does(blank):
    lang, book = blank
    words = " ".join(str(c.value) for row in book[SHEETS[lang][0]] for c in row if c.value)
    assert "scripts/class_report.py" in words
    assert ("không ghi tên" in words) if lang == "vi" else ("anonymous" in words)


def test_class_sheet_rejects_a_bad_spec():
    with pytest.raises(ValueError):
        ClassSheet("x", "X", "fr", 1, 10)
    with pytest.raises(ValueError):
        ClassSheet("x", "X", "vi", 6, 10)
    with pytest.raises(ValueError):
        ClassSheet("x", "X", "vi", 1, 10, evaluation_scale=4)


# --- a filled workbook ----------------------------------------------------------------------------------------

# name, sex typed, true sex, ethnicity typed, true group key, commune, day 1, day 2, pre, post
PEOPLE = [
    ("Lò Thị Mai", "Nữ", "female", "Thái", "thai", "Nà Hẩu", "x", "x", 6, 11),
    (nfd("Giàng Thị Dợ"), nfd("Nữ"), "female", nfd("Mông"), "mong", "Nà Hẩu", "x", "x", 4, 9),
    ("Vàng A Sùng", "nam", "male", "mong", "mong", "Nà Hẩu", "x", None, 5, 5),
    ("Nguyễn Thị Hoa", "NỮ", "female", "Kinh", "kinh", "Bản Liền", "x", "X", None, 12),
    ("Hoàng Văn Tú", "Nam", "male", "Tay", "tay", "Bản Liền", "x", "x", 9, 8),
    ("Y Hen Niê", "Nữ", "female", "ê đê", "e-de", "Ea Tul", "x", "x", 3, 10),
    ("Đinh Thị Hương", "Nữ", "female", "ba-na", "ba-na", "Ea Tul", None, "x", None, 7),
    ("Triệu Thị Nhất", "Nữ", "female", nfd("Dao"), "dao", "Bản Liền", "x", "x", 7, 13),
    ("Trần Văn Bình", "Nam", "male", "Kinh", "kinh", "Nà Hẩu", "x", "x", 10, 14),
    ("Lò Văn Pọm", "Nam", "male", "  thái ", "thai", "Ea Tul", "x", "x", 8, 8),
    ("Sùng Thị Mỷ", "Nữ", "female", "Mông", "mong", "Bản Liền", "x", "x", 2, 6),
    ("Nông Thị Lan", "Nữ", "female", "Tày", "tay", "Nà Hẩu", "x", None, 11, 15),
]
# one evaluation form per row: ratings in criteria order, what I will apply, comments
FORMS_FULL = [
    ((5, 4, 5, 4, 3), "Họp chi hội bằng tiếng dân tộc", "Cần thêm tài liệu có hình"),
    ((4, 4, 4, 5, 3), "Lập danh sách hộ nghèo có nữ chủ hộ", ""),
    ((5, 5, 5, 5, 4), "", "Thời gian hơi ngắn"),
    ((3, 4, 4, 4, 2), "Chia sẻ với chị em trong bản", ""),
    ((4, 3, 5, 4, 4), "", ""),
    ((5, 5, 4, 4, 3), "Hướng dẫn chị em vay vốn", "Hội trường nóng"),
    ((4, 4, 4, 3, 3), "", ""),
    ((5, 4, 5, 5, 5), "Tuyên truyền luật bình đẳng giới", ""),
    ((2, 3, 4, 4, 3), "", "Nói chậm hơn"),
    ((4, 5, 5, 4, 4), "Họp thôn có phụ nữ phát biểu", ""),
]
FORMS_FACES = [(tuple(1 + (a + i) % 3 for a in range(5)), apply, comment)
               for i, (_, apply, comment) in enumerate(FORMS_FULL)]
CLASS_VALUES = {4: "Hội trường UBND xã", 5: "Xã Nà Hẩu", 6: "Lào Cai", 7: "12/05/2025", 8: "13/05/2025",
                9: "Hội LHPN tỉnh và Sở Dân tộc và Tôn giáo", 10: "Lò Thị Mai, Vàng Thị Dua"}


def forms(lang: str) -> list:
    return FORMS_FULL if SCALE[lang] == 5 else FORMS_FACES


def fill(path: Path, lang: str) -> Path:
    """A workbook made by make_workbook, filled as a trainer would."""
    make_workbook(spec(lang), path)
    book = openpyxl.load_workbook(path)
    _, class_name, participants_name, evaluations_name, _ = SHEETS[lang]
    for row, value in CLASS_VALUES.items():
        if lang == "en" and row in (7, 8):  # a date cell as Excel stores it, besides the text the template expects
            value = datetime.datetime.strptime(value, "%d/%m/%Y")
        book[class_name].cell(row=row, column=2, value=value)
    sheet = book[participants_name]
    for offset, (name, sex, _, ethnicity, _, commune, day1, day2, pre, post) in enumerate(PEOPLE):
        for column, value in zip((2, 3, 4, 5, 6, 7, 8, 9, 10),
                                 (name, sex, ethnicity, "Hội viên", commune, day1, day2, pre, post)):
            sheet.cell(row=FIRST + offset, column=column, value=value)
    sheet = book[evaluations_name]
    for offset, (ratings, apply, comment) in enumerate(forms(lang)):
        for column, value in enumerate((*ratings, apply or None, comment or None), start=2):
            sheet.cell(row=FIRST + offset, column=column, value=value)
    book.save(path)
    return path


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, env=ENV,
                          cwd=ROOT)


def one_decimal(numerator: int, denominator: int) -> Decimal:
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def number(text: str, lang: str) -> Decimal:
    """A number as the report writes it: 7,5 / 58,3% in Vietnamese, 7.5 / 58.3% in English."""
    text = text.strip().rstrip("%").replace("+", "")
    text = text.replace(".", "").replace(",", ".") if lang == "vi" else text.replace(",", "")
    return Decimal(text)


def plain(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
                   if not unicodedata.combining(c)).casefold()


@pytest.fixture(scope="module")
def filled_vi(tmp_path_factory) -> Path:
    return fill(tmp_path_factory.mktemp("filled") / "lop-na-hau.xlsx", "vi")


@pytest.fixture(scope="module")
def filled_en(tmp_path_factory) -> Path:
    return fill(tmp_path_factory.mktemp("filled") / "class-na-hau.xlsx", "en")


@pytest.fixture(scope="module", params=[("vi", None), ("en", None), ("vi", "en")],
                ids=["vi-workbook", "en-workbook", "vi-workbook-en-report"])
def report(request, filled_vi, filled_en, tmp_path_factory):
    """(workbook language, report language, parsed report, the command's output)."""
    workbook_lang, lang_option = request.param
    source = filled_vi if workbook_lang == "vi" else filled_en
    folder = tmp_path_factory.mktemp("report")
    workbook = shutil.copy(source, folder / source.name)
    result = run(workbook, *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 0, result.stdout + result.stderr
    lang = lang_option or workbook_lang
    out = Path(workbook).with_name(Path(workbook).stem + ("-bao-cao.html" if lang == "vi" else "-report.html"))
    assert sorted(p.name for p in folder.iterdir()) == sorted([Path(workbook).name, out.name])
    return workbook_lang, lang, BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser"), result.stdout


def cell(soup, selector: str) -> str:
    found = soup.select(selector)
    assert len(found) == 1, selector
    return found[0].get_text(strip=True)


def check_share(soup, selector: str, count: int, total: int, lang: str) -> None:
    assert int(number(cell(soup, f"{selector} .count"), lang)) == count, selector
    assert number(cell(soup, f"{selector} .percent"), lang) == one_decimal(100 * count, total), selector


def test_the_command_says_where_and_how_many(report):
    _, lang, _, stdout = report
    lines = stdout.strip().splitlines()
    assert len(lines) == 1
    assert str(len(PEOPLE)) in lines[0] and ".html" in lines[0]
    assert ("học viên" in lines[0]) if lang == "vi" else ("participants" in lines[0])


def test_participants_by_sex_and_ethnicity(report):
    _, lang, soup, _ = report
    total = len(PEOPLE)
    assert soup.html["lang"] == lang
    assert int(cell(soup, "#participants-total")) == total
    for sex in ("female", "male"):
        check_share(soup, f"#sex-{sex}", sum(p[2] == sex for p in PEOPLE), total, lang)
    minority = [p for p in PEOPLE if p[4] != "kinh"]
    check_share(soup, "#ethnic-minority", len(minority), total, lang)
    check_share(soup, "#ethnic-minority-women", sum(p[2] == "female" for p in minority), total, lang)
    counts: dict[str, int] = {}
    for person in PEOPLE:
        counts[person[4]] = counts.get(person[4], 0) + 1
    expected = sorted(counts, key=lambda key: (-counts[key], plain(GROUPS[key][lang])))
    rows = soup.select("#by-ethnicity tbody tr")
    assert [row["data-group"] for row in rows] == expected
    for row in rows:
        key = row["data-group"]
        assert row.th.get_text(strip=True) == GROUPS[key][lang]
        assert row.select_one(".code").get_text(strip=True) == GROUPS[key]["code"]
        assert int(number(row.select_one(".count").get_text(), lang)) == counts[key]
        assert number(row.select_one(".percent").get_text(), lang) == one_decimal(100 * counts[key], total)
    note = soup.select_one("#participants .note").get_text()
    assert ("không phải mã dân tộc chính thức" in note) if lang == "vi" else ("not an official" in note)


def test_attendance_per_day(report):
    _, lang, soup, _ = report
    for day, column in ((1, 6), (2, 7)):
        present = sum(str(p[column] or "").lower() == "x" for p in PEOPLE)
        check_share(soup, f'#attendance tr[data-day="{day}"]', present, len(PEOPLE), lang)


def test_pre_and_post_test(report):
    _, lang, soup, _ = report
    pre = [p[8] for p in PEOPLE if p[8] is not None]
    post = [p[9] for p in PEOPLE if p[9] is not None]
    both = [(p[8], p[9]) for p in PEOPLE if p[8] is not None and p[9] is not None]
    assert len(pre) == len(PEOPLE) - 2, "the fixture has two participants absent from the pre-test"
    for key, values in (("pre", pre), ("post", post), ("gain", [b - a for a, b in both])):
        assert number(cell(soup, f"#test-{key} .value"), lang) == one_decimal(sum(values), len(values)), key
        assert int(cell(soup, f"#test-{key} .n")) == len(values), key
    improved = sum(b > a for a, b in both)
    assert int(cell(soup, "#test-improved .count")) == improved
    assert number(cell(soup, "#test-improved .percent"), lang) == one_decimal(100 * improved, len(both))
    assert int(cell(soup, "#test-improved td.n")) == len(both)


def test_evaluation_averages_per_criterion(report):
    workbook_lang, lang, soup, _ = report
    filled = forms(workbook_lang)
    assert int(cell(soup, "#forms")) == len(filled)
    rows = soup.select("#criteria tbody tr")
    assert [row["data-criterion"] for row in rows] == [key for key, _ in CRITERIA[lang]]
    for index, row in enumerate(rows):
        ratings = [form[0][index] for form in filled]
        assert row.th.get_text(strip=True) == CRITERIA[lang][index][1]
        assert number(row.select_one(".value").get_text(), lang) == one_decimal(sum(ratings), len(ratings))
        assert int(row.select_one(".n").get_text()) == len(ratings)
    assert f"1–{SCALE[workbook_lang]}" in soup.select_one("#evaluation").get_text()


def test_answers_and_comments_listed(report):
    workbook_lang, _, soup, _ = report
    assert [li.get_text() for li in soup.select("#apply li")] == [f[1] for f in forms(workbook_lang) if f[1]]
    assert [li.get_text() for li in soup.select("#comments li")] == [f[2] for f in forms(workbook_lang) if f[2]]


def test_class_information_and_no_names_of_participants(report):
    _, lang, soup, _ = report
    text = soup.select_one("#class-info").get_text(" ")
    for value in ("Hội trường UBND xã", "Xã Nà Hẩu", "Lào Cai", "Lò Thị Mai, Vàng Thị Dua"):
        assert value in text
    assert ("12/05/2025" in text) if lang == "vi" else ("12 May 2025" in text)
    body = soup.get_text(" ")
    assert "Giàng Thị Dợ" not in body and nfd("Giàng Thị Dợ") not in body


def test_self_contained_printable_page_with_an_accessible_chart(report):
    _, lang, soup, _ = report
    assert soup.find("meta", charset=True)["charset"].lower() == "utf-8"
    assert "width=device-width" in soup.find("meta", attrs={"name": "viewport"})["content"]
    assert not soup.find_all(["link", "script", "img", "iframe"])
    assert not [tag for tag in soup.find_all(True) if tag.get("src") or str(tag.get("href", "")).startswith("http")]
    style = soup.style.get_text()
    assert "size:A4" in style.replace(" ", "") and "url(" not in style and "@import" not in style
    svg = soup.select_one("#chart svg")
    assert svg.title.get_text() and svg.desc.get_text()
    assert svg["aria-labelledby"] == "chart-title chart-desc"
    labels = [t.get_text() for t in svg.find_all("text")]
    pre = [p[8] for p in PEOPLE if p[8] is not None]
    assert any(number(label, lang) == one_decimal(sum(pre), len(pre)) for label in labels
               if re.fullmatch(r"[0-9.,]+", label))
    assert len(svg.find_all("rect")) == 2 + len(CRITERIA[lang])


# --- bad workbooks ------------------------------------------------------------------------------------------

OLD_REPORT = "<p>the previous report, to be kept byte for byte</p>\n".encode("utf-8")
HEADINGS = {lang: dict(zip(("no", "name", "sex", "ethnicity", "position", "commune", "day1", "day2", "pre", "post"),
                           headings)) for lang, headings in PARTICIPANT_HEADINGS.items()}


def damaged(source: Path, folder: Path, change) -> Path:
    """A copy of a good filled workbook, changed by `change(book)`."""
    path = folder / source.name
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(path)
    return path


def set_cell(sheet, row: int, column: int, value) -> None:
    """Also empties a cell (openpyxl's `cell(..., value=None)` leaves the old value)."""
    sheet.cell(row=row, column=column).value = value


def participants_cell(lang: str, row: int, key: str, value):
    column = list(HEADINGS[lang]).index(key) + 1
    return lambda book: set_cell(book[SHEETS[lang][2]], row, column, value)


def run_refused(workbook: Path, *options: str) -> subprocess.CompletedProcess:
    """Run the command on a bad workbook, with an old report at --out; check that nothing was written."""
    out = workbook.parent / "report.html"
    out.write_bytes(OLD_REPORT)
    before = sorted(p.name for p in workbook.parent.iterdir())
    result = run(workbook, "--out", out, *options)
    assert out.read_bytes() == OLD_REPORT
    assert sorted(p.name for p in workbook.parent.iterdir()) == before
    return result


def problem_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line.strip() for line in result.stdout.splitlines()]


LAST = FIRST + len(PEOPLE) - 1  # last participant row
BAD_ROWS = {  # case -> (cell change, key of the column, expected problem in vi and en)
    "unknown ethnicity": ((LAST, "ethnicity", "Hmong"), "ethnicity",
                          ("'Hmong' không có trong danh sách 54 dân tộc; có phải là 'Mông'?",
                           "'Hmong' is not one of the 54 ethnic groups; did you mean 'Mông'?")),
    "ethnicity with a wrong tone mark": ((FIRST, "ethnicity", "Mương"), "ethnicity",
                                          ("'Mương' không có trong danh sách 54 dân tộc; có phải là 'Mường'?",
                                           "'Mương' is not one of the 54 ethnic groups; did you mean 'Mường'?")),
    "bad sex": ((FIRST + 1, "sex", "F"), "sex",
                ("'F' không có trong danh sách: chọn Nữ, Nam", "'F' is not in the list: pick Nữ, Nam")),
    "score above the maximum": ((FIRST + 2, "post", 16), "post",
                                ("điểm 16 nằm ngoài khoảng 0–15", "the score 16 is outside 0–15")),
    "non-integer score": ((FIRST + 3, "post", 7.5), "post",
                          ("'7,5' không phải là số nguyên: ghi số câu đúng, từ 0 đến 15",
                           "'7.5' is not a whole number: write the number of correct answers, 0 to 15")),
    "score as text": ((FIRST + 4, "pre", "bảy"), "pre",
                      ("'bảy' không phải là số nguyên: ghi số câu đúng, từ 0 đến 15",
                       "'bảy' is not a whole number: write the number of correct answers, 0 to 15")),
    "missing name": ((FIRST + 5, "name", None), "name",
                     ("chưa ghi họ và tên (dòng này đã có số liệu)",
                      "the full name is missing (the row has other data)")),
    "bad attendance mark": ((FIRST + 6, "day1", "có"), "day1",
                            ("'có': ghi x nếu có mặt, để trống nếu vắng",
                             "'có': write x if present, leave empty if absent")),
}


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_participant_cell_is_named_by_row_and_column(case, lang_option, filled_vi, tmp_path):
    (row, key, value), column_key, messages = BAD_ROWS[case]
    workbook = damaged(filled_vi, tmp_path, participants_cell("vi", row, key, value))
    result = run_refused(workbook, *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 1, result.stdout + result.stderr
    heading = HEADINGS["vi"][column_key]
    expected = (f"dòng {row}, cột '{heading}': {messages[0]}" if lang_option is None
                else f"row {row}, column '{heading}': {messages[1]}")
    assert expected in problem_lines(result), result.stdout


def test_messages_of_an_english_workbook_are_english(filled_en, tmp_path):
    workbook = damaged(filled_en, tmp_path, participants_cell("en", FIRST, "ethnicity", "Hmong"))
    result = run_refused(workbook)
    assert result.returncode == 1
    assert (f"row {FIRST}, column 'Ethnicity': 'Hmong' is not one of the 54 ethnic groups; did you mean 'Mong'?"
            in problem_lines(result)), result.stdout


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
def test_a_participant_entered_twice(lang_option, filled_vi, tmp_path):
    """The same name and commune, even typed in another case or Unicode form, is probably one person."""
    name, commune = PEOPLE[0][0], PEOPLE[0][5]
    row = LAST + 1

    def add_twice(book):
        for key, value in (("name", nfd(name.upper())), ("sex", "Nữ"), ("ethnicity", "Thái"), ("commune", commune)):
            participants_cell("vi", row, key, value)(book)

    result = run_refused(damaged(filled_vi, tmp_path, add_twice), *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 1
    shown = unicodedata.normalize("NFC", name.upper())
    expected = (f"dòng {row}, cột 'Họ và tên': '{shown}' cùng xã, phường đã có ở dòng {FIRST}: có thể bị nhập hai "
                "lần; nếu là hai người khác nhau, ghi thêm tên thôn, bản sau họ tên") if lang_option is None else \
        (f"row {row}, column 'Họ và tên': '{shown}' of the same commune is already on row {FIRST}: probably entered "
         "twice; if they are two people, add the village after the name")
    assert expected in problem_lines(result), result.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("value", [None, 0, "tốt", 6])
def test_a_criterion_out_of_range(lang, value, filled_vi, filled_en, tmp_path):
    source = filled_vi if lang == "vi" else filled_en
    scale = SCALE[lang]
    value = scale + 1 if value == 6 else value
    row = FIRST + 4
    workbook = damaged(source, tmp_path, lambda book: set_cell(book[SHEETS[lang][3]], row, 2, value))
    result = run_refused(workbook)
    assert result.returncode == 1
    label = CRITERIA[lang][0][1]
    heading = f"{label} (1–5)" if scale == 5 else f"{label} (1 ☹ · 2 😐 · 3 ☺)"
    if lang == "vi":
        problem = {None: "chưa ghi điểm chấm (số nguyên từ 1 đến 5)", "tốt": "'tốt' không phải là số nguyên từ 1 đến 5"
                   }.get(value, f"điểm chấm {value} nằm ngoài thang 1–5")
        expected = f"dòng {row}, cột '{heading}': {problem}"
    else:
        problem = {None: f"no rating (a whole number from 1 to {scale})",
                   "tốt": f"'tốt' is not a whole number from 1 to {scale}"
                   }.get(value, f"the rating {value} is outside the scale 1–{scale}")
        expected = f"row {row}, column '{heading}': {problem}"
    assert expected in problem_lines(result), result.stdout


def test_an_empty_evaluation_row_is_skipped(filled_vi, tmp_path):
    """A form number alone is not a form: the template numbers its rows."""
    workbook = damaged(filled_vi, tmp_path, lambda book: book[SHEETS["vi"][3]].cell(row=FIRST + 30, column=1,
                                                                                      value=31))
    out = tmp_path / "r.html"
    result = run(workbook, "--out", out)
    assert result.returncode == 0, result.stdout
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert int(cell(soup, "#forms")) == len(FORMS_FULL)


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
def test_class_sheet_problems_name_the_sheet_and_row(lang_option, filled_vi, tmp_path):
    def change(book):
        sheet = book["Thông tin lớp"]
        sheet["B5"] = None  # commune
        sheet["B7"] = "32/05/2025"  # from

    result = run_refused(damaged(filled_vi, tmp_path, change), *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 1
    lines = problem_lines(result)
    if lang_option is None:
        assert "trang tính 'Thông tin lớp', dòng 5: chưa ghi 'Xã, phường'" in lines
        assert ("trang tính 'Thông tin lớp', dòng 7: '32/05/2025' không phải là ngày: ghi ngày/tháng/năm, "
                "ví dụ 12/05/2025") in lines
    else:
        assert "sheet 'Thông tin lớp', row 5: 'Xã, phường' is empty" in lines
        assert ("sheet 'Thông tin lớp', row 7: '32/05/2025' is not a date: write day/month/year, "
                "e.g. 12/05/2025") in lines


def test_dates_in_the_wrong_order(filled_en, tmp_path):
    def swap(book):
        book["Class"]["B7"], book["Class"]["B8"] = "13/05/2025", "12/05/2025"

    result = run_refused(damaged(filled_en, tmp_path, swap))
    assert result.returncode == 1
    assert "sheet 'Class', row 8: the last day 12 May 2025 is before the first day 13 May 2025" in problem_lines(result)


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
def test_a_renamed_column_is_reported_not_guessed(lang_option, filled_vi, tmp_path):
    workbook = damaged(filled_vi, tmp_path, lambda book: set_cell(book["Học viên"], 2, 4, "Dân tộc (ghi rõ)"))
    result = run_refused(workbook, *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 1
    expected = ("trang tính 'Học viên', dòng 2: không thấy cột 'Dân tộc' (cột bị xóa hoặc tiêu đề bị sửa): trả lại "
                "tiêu đề như trong mẫu") if lang_option is None else \
        ("sheet 'Học viên', row 2: no column 'Dân tộc' (deleted, or its heading changed): restore the heading as in "
         "the template")
    assert expected in problem_lines(result), result.stdout


def test_a_moved_column_is_still_read_by_its_heading(filled_vi, tmp_path):
    """Columns are found by heading, not position: swapping two columns changes nothing."""
    def swap_columns(book):
        sheet = book["Học viên"]
        for row in range(2, FIRST + len(PEOPLE)):
            a, b = sheet.cell(row=row, column=9), sheet.cell(row=row, column=10)
            a.value, b.value = b.value, a.value

    out = tmp_path / "r.html"
    assert run(damaged(filled_vi, tmp_path, swap_columns), "--out", out).returncode == 0
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    pre = [p[8] for p in PEOPLE if p[8] is not None]
    assert number(cell(soup, "#test-pre .value"), "vi") == one_decimal(sum(pre), len(pre))


def test_all_problems_are_reported_together(filled_vi, tmp_path):
    changes = [participants_cell("vi", row, key, value) for (row, key, value), _, _ in BAD_ROWS.values()]
    workbook = damaged(filled_vi, tmp_path, lambda book: [change(book) for change in changes])
    result = run_refused(workbook)
    assert result.returncode == 1
    lines = problem_lines(result)
    for (row, _, _), column_key, messages in BAD_ROWS.values():
        assert f"dòng {row}, cột '{HEADINGS['vi'][column_key]}': {messages[0]}" in lines
    assert f"{len(BAD_ROWS)} lỗi" in lines[0]


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
def test_a_workbook_without_the_hidden_properties(lang_option, filled_vi, tmp_path):
    def strip_properties(book):
        for sheet in [s for s in book.worksheets if s.sheet_state == "veryHidden"]:
            book.remove(sheet)

    result = run_refused(damaged(filled_vi, tmp_path, strip_properties),
                         *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 1
    expected = ("tệp này không được lập từ mẫu của trang: tải sổ lớp tập huấn ở trang khóa học" if lang_option is None
                else "this file was not made by the site's template: download the class workbook from the course page")
    assert expected in problem_lines(result), result.stdout


@pytest.mark.parametrize("lang_option", [None, "en"], ids=["vi-messages", "en-messages"])
@pytest.mark.parametrize("kind", ["text renamed .xlsx", "csv", "missing"])
def test_a_file_that_is_not_a_workbook(kind, lang_option, tmp_path):
    path = tmp_path / {"text renamed .xlsx": "lop.xlsx", "csv": "lop.csv", "missing": "khong-co.xlsx"}[kind]
    if kind != "missing":
        path.write_text("Họ và tên;Giới tính\nLò Thị Mai;Nữ\n", encoding="utf-8")
    out = tmp_path / "report.html"
    out.write_bytes(OLD_REPORT)
    result = run(path, "--out", out, *(["--lang", lang_option] if lang_option else []))
    assert result.returncode == 2, result.stdout + result.stderr
    assert out.read_bytes() == OLD_REPORT
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    if kind == "missing":
        expected = f"không tìm thấy tệp '{path}'" if lang_option is None else f"file '{path}' not found"
    else:
        expected = (f"'{path}' không phải là tệp Excel .xlsx" if lang_option is None
                    else f"'{path}' is not an Excel .xlsx workbook")
    assert errors[0].startswith(expected), errors


def test_summary_is_plain_data(filled_vi):
    """The numbers exist as data before any HTML: another page or an export can use them."""
    from sitekit.courses import report as class_report

    book = openpyxl.load_workbook(filled_vi, data_only=True)
    record, problems = class_report.check_class(book, "vi", GROUPS)
    assert problems == []
    summary = class_report.summarize(record, GROUPS, "vi")
    assert summary.participants == len(PEOPLE)
    assert summary.by_sex["female"].count == sum(p[2] == "female" for p in PEOPLE)
    assert summary.pre.n == sum(p[8] is not None for p in PEOPLE)
    both = [(p[8], p[9]) for p in PEOPLE if p[8] is not None and p[9] is not None]
    assert summary.gain.value == one_decimal(sum(b - a for a, b in both), len(both))
    assert [c.mean.n for c in summary.criteria] == [len(FORMS_FULL)] * len(CRITERIA["vi"])
