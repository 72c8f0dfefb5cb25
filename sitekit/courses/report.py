"""The class report: a filled class workbook checked, counted and written as one HTML page.

Three steps, each testable alone: `check_class` reads the workbook and returns the class as data
together with every problem found (row, column, what is wrong, in the trainer's language);
`summarize` computes the numbers the programme reports (participants by sex and ethnicity,
ethnic-minority women, attendance, test results, evaluation averages) as plain data; `render_html`
only lays them out. A workbook with any problem gives no report at all: a half-checked report
would be sent on as if it were right.
"""

from __future__ import annotations

import datetime
import difflib
import html
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from sitekit.courses import workbook as wb

LANGUAGES = wb.LANGUAGES
KINH = "kinh"  # the majority group; every other group is an ethnic minority

_M = {  # problems: key -> (vi, en)
    "row": ("dòng {row}, cột '{column}': {message}", "row {row}, column '{column}': {message}"),
    "sheet_row": ("trang tính '{sheet}', dòng {row}: {message}", "sheet '{sheet}', row {row}: {message}"),
    "file_missing": ("không tìm thấy tệp '{path}'", "file '{path}' not found"),
    "file_not_xlsx": ("'{path}' không phải là tệp Excel .xlsx ({detail}): mở tệp bằng Excel hoặc LibreOffice "
                      "rồi lưu lại ở dạng .xlsx",
                      "'{path}' is not an Excel .xlsx workbook ({detail}): open it in Excel or LibreOffice and "
                      "save it as .xlsx"),
    "not_template": ("tệp này không được lập từ mẫu của trang: tải sổ lớp tập huấn ở trang khóa học",
                     "this file was not made by the site's template: download the class workbook from the course "
                     "page"),
    "sheet_missing": ("không có trang tính '{sheet}' (bị xóa hoặc đổi tên?): trả lại tên trang tính như trong mẫu",
                      "there is no sheet '{sheet}' (deleted or renamed?): restore its name as in the template"),
    "column_missing": ("không thấy cột '{column}' (cột bị xóa hoặc tiêu đề bị sửa): trả lại tiêu đề như trong mẫu",
                       "no column '{column}' (deleted, or its heading changed): restore the heading as in the "
                       "template"),
    "label_missing": ("không thấy dòng '{label}' ở cột A (bị xóa hoặc đổi tên): trả lại như trong mẫu",
                      "no row '{label}' in column A (deleted or renamed): restore it as in the template"),
    "required": ("chưa ghi '{label}'", "'{label}' is empty"),
    "course_id_changed": ("mã khóa '{got}' khác với mã '{expected}' mà tệp được lập cho; không sửa mã khóa",
                          "the course id '{got}' differs from '{expected}', the id this workbook was made for; "
                          "do not change it"),
    "date_invalid": ("'{got}' không phải là ngày: ghi ngày/tháng/năm, ví dụ 12/05/2025",
                     "'{got}' is not a date: write day/month/year, e.g. 12/05/2025"),
    "date_order": ("ngày kết thúc {to} trước ngày bắt đầu {start}",
                   "the last day {to} is before the first day {start}"),
    "date_span": ("lớp có {days} ngày học nhưng từ {start} đến {to} chỉ có {span} ngày",
                  "the class has {days} days but {start} to {to} is only {span} day(s)"),
    "date_to_missing": ("lớp {days} ngày cần ghi '{label}'", "a {days}-day class needs '{label}'"),
    "no_participants": ("chưa có học viên nào: mỗi học viên ghi một dòng, từ dòng {row}",
                        "no participants: one row per participant, from row {row}"),
    "name_missing": ("chưa ghi họ và tên (dòng này đã có số liệu)",
                     "the full name is missing (the row has other data)"),
    "sex_missing": ("chưa chọn giới tính ({choices})", "the sex is missing ({choices})"),
    "sex_invalid": ("'{got}' không có trong danh sách: chọn {choices}", "'{got}' is not in the list: pick {choices}"),
    "ethnicity_missing": ("chưa chọn dân tộc", "the ethnicity is missing"),
    "ethnicity_unknown": ("'{got}' không có trong danh sách 54 dân tộc", "'{got}' is not one of the 54 ethnic groups"),
    "did_you_mean": ("; có phải là '{name}'?", "; did you mean '{name}'?"),
    "pick_from_list": ("; chọn trong danh sách thả xuống", "; pick it from the drop-down list"),
    "score_not_whole": ("'{got}' không phải là số nguyên: ghi số câu đúng, từ 0 đến {max}",
                        "'{got}' is not a whole number: write the number of correct answers, 0 to {max}"),
    "score_range": ("điểm {got} nằm ngoài khoảng 0–{max}", "the score {got} is outside 0–{max}"),
    "attendance_invalid": ("'{got}': ghi x nếu có mặt, để trống nếu vắng",
                           "'{got}': write x if present, leave empty if absent"),
    "duplicate": ("'{name}' cùng xã, phường đã có ở dòng {other}: có thể bị nhập hai lần; nếu là hai người khác "
                  "nhau, ghi thêm tên thôn, bản sau họ tên",
                  "'{name}' of the same commune is already on row {other}: probably entered twice; if they are two "
                  "people, add the village after the name"),
    "rating_missing": ("chưa ghi điểm chấm (số nguyên từ 1 đến {scale})",
                       "no rating (a whole number from 1 to {scale})"),
    "rating_not_whole": ("'{got}' không phải là số nguyên từ 1 đến {scale}",
                         "'{got}' is not a whole number from 1 to {scale}"),
    "rating_range": ("điểm chấm {got} nằm ngoài thang 1–{scale}", "the rating {got} is outside the scale 1–{scale}"),
}


def message(key: str, lang: str, **fields: object) -> str:
    """A problem's words in `lang` ("vi" or "en")."""
    return _M[key][LANGUAGES.index(lang)].format(**fields)


# --- reading and checking -------------------------------------------------------------------------------------

class FileError(Exception):
    """The file cannot be read as a workbook at all (missing, not an .xlsx): the one thing to say."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key, self.fields = key, fields

    def message(self, lang: str) -> str:
        return message(self.key, lang, **self.fields)


@dataclass(frozen=True)
class Problem:
    """One thing to correct. `row` is the row number the trainer sees; `column` the visible heading."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def format(self, lang: str) -> str:
        if self.column is not None:
            return message("row", lang, row=self.row, column=self.column, message=self.message)
        if self.row is not None:
            return message("sheet_row", lang, sheet=self.sheet, row=self.row, message=self.message)
        return self.message


@dataclass(frozen=True)
class ClassInfo:
    title: str
    course_id: str
    place: str
    commune: str
    province: str
    date_from: datetime.date | None
    date_to: datetime.date | None
    organiser: str
    trainers: str
    notes: str


@dataclass(frozen=True)
class Participant:
    row: int
    name: str
    sex: str  # female | male
    ethnicity: str  # key of data/ethnic-groups.yml
    position: str
    commune: str
    present: tuple[bool, ...]  # one per day
    pre: int | None  # None: did not take the test
    post: int | None


@dataclass(frozen=True)
class Evaluation:
    row: int
    ratings: tuple[int, ...]  # in the order of spec.criteria
    apply: str
    comments: str


@dataclass(frozen=True)
class ClassRecord:
    """A checked class: what the report is computed from."""

    spec: wb.ClassSheet
    info: ClassInfo
    participants: tuple[Participant, ...]
    evaluations: tuple[Evaluation, ...]


def open_workbook(path: Path):
    """The workbook with the values last calculated (data_only); FileError if it cannot be one."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise FileError("file_missing", path=path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise FileError("file_not_xlsx", path=path, detail=path.suffix or "?")
    try:
        return openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileError("file_not_xlsx", path=path, detail=type(error).__name__) from error


def workbook_language(book) -> str:
    """The language the workbook was made in: its hidden sheet's, else its sheet names', else vi."""
    try:
        return wb.read_spec(book).language
    except wb.MetaError:
        english = {names[1] for key, names in wb.SHEETS.items()}
        return "en" if english & set(book.sheetnames) else "vi"


def check_class(book, lang: str, groups: dict[str, dict[str, str]]) -> tuple[ClassRecord | None, list[Problem]]:
    """The class in `book`, or None, and every problem found, worded in `lang`."""
    try:
        spec = wb.read_spec(book)
    except wb.MetaError as error:
        detail = f" ({error.damage})" if error.damage else ""
        return None, [Problem(None, None, None, message("not_template", lang) + detail)]
    problems: list[Problem] = []
    sheets = {}
    for key in ("class", "participants", "evaluations"):
        name = wb.sheet_name(key, spec.language)
        if name in book.sheetnames:
            sheets[key] = book[name]
        else:
            problems.append(Problem(None, None, None, message("sheet_missing", lang, sheet=name)))
    info = _read_class_info(sheets["class"], spec, lang, problems) if "class" in sheets else None
    participants = _read_participants(sheets["participants"], spec, lang, groups, problems) \
        if "participants" in sheets else ()
    evaluations = _read_evaluations(sheets["evaluations"], spec, lang, problems) if "evaluations" in sheets else ()
    if problems or info is None:
        return None, problems
    return ClassRecord(spec, info, tuple(participants), tuple(evaluations)), []


def _read_class_info(sheet, spec: wb.ClassSheet, lang: str, problems: list[Problem]) -> ClassInfo | None:
    def bad(row: int, key: str, **fields: object) -> None:
        problems.append(Problem(sheet.title, row, None, message(key, lang, **fields)))

    found = {}
    for row, cells in enumerate(sheet.iter_rows(min_row=1, max_row=60, max_col=2, values_only=True), start=1):
        if cells and cells[0] is not None:
            found.setdefault(_norm(_text(cells[0])), (row, cells[1] if len(cells) > 1 else None))
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    labels = {}
    before = len(problems)
    for expected_row, (key, label, required) in enumerate(wb.class_rows(spec.language), start=2):
        labels[key] = label
        if _norm(label) not in found:
            bad(expected_row, "label_missing", label=label)
            continue
        rows[key], values[key] = found[_norm(label)]
        if required and _blank(values[key]):
            bad(rows[key], "required", label=label)
    if len(problems) > before and len(rows) < len(labels):
        return None
    course_id = _text(values["course_id"])
    if course_id and course_id != spec.course_id:
        bad(rows["course_id"], "course_id_changed", got=course_id, expected=spec.course_id)
    dates = {}
    for key in wb.DATE_KEYS:
        dates[key] = _as_date(values[key])
        if dates[key] is None and not _blank(values[key]):
            bad(rows[key], "date_invalid", got=_shown(values[key], lang))
    start, end = dates["date_from"], dates["date_to"]
    if start and end is None and _blank(values["date_to"]):
        if spec.days > 1:
            bad(rows["date_to"], "date_to_missing", days=spec.days, label=labels["date_to"])
        else:
            end = start
    if start and end:
        span = (end - start).days + 1
        if span < 1:
            bad(rows["date_to"], "date_order", to=_date_text(end, lang), start=_date_text(start, lang))
        elif span < spec.days:
            bad(rows["date_to"], "date_span", days=spec.days, start=_date_text(start, lang),
                to=_date_text(end, lang), span=span)
    texts = {key: _text(values[key]) for key in ("title", "place", "commune", "province", "organiser", "trainers",
                                                   "notes")}
    return ClassInfo(course_id=spec.course_id, date_from=start, date_to=end, **texts)


def _read_participants(sheet, spec: wb.ClassSheet, lang: str, groups: dict, problems: list[Problem]) -> list:
    columns = _locate_columns(sheet, wb.participant_columns(spec), lang, problems)
    if columns is None:
        return []
    ethnicities = EthnicityNames(groups, spec.language)
    days = [f"day{n}" for n in range(1, spec.days + 1)]
    participants, first_row = [], {}
    for row, cells in _data_rows(sheet, columns):
        found: dict[str, str] = {}  # column key -> problem
        name = _text(cells["full_name"])
        if not name:
            found["full_name"] = message("name_missing", lang)
        sex, found["sex"] = _sex_of(cells["sex"], spec.language, lang)
        ethnicity, found["ethnicity"] = _ethnicity_of(cells["ethnicity"], ethnicities, lang)
        present = []
        for day in days:
            mark, found[day] = _attendance_of(cells[day], lang)
            present.append(mark)
        pre, found["pre"] = _score_of(cells["pre"], spec.test_items, lang)
        post, found["post"] = _score_of(cells["post"], spec.test_items, lang)
        commune = _text(cells["commune"])
        same = (_norm(name), _norm(commune))
        if name and same in first_row:
            found["full_name"] = message("duplicate", lang, name=name, other=first_row[same])
        first_row.setdefault(same, row)
        problems += [Problem(sheet.title, row, columns[key][1], problem) for key, problem in found.items() if problem]
        participants.append(Participant(row, name, sex, ethnicity, _text(cells["position"]), commune,
                                        tuple(present), pre, post))
    if not participants and not any(p.sheet == sheet.title for p in problems):
        problems.append(Problem(sheet.title, wb.FIRST_ROW, None, message("no_participants", lang, row=wb.FIRST_ROW)))
    return participants


def _read_evaluations(sheet, spec: wb.ClassSheet, lang: str, problems: list[Problem]) -> list[Evaluation]:
    columns = _locate_columns(sheet, wb.evaluation_columns(spec), lang, problems)
    if columns is None:
        return []
    evaluations = []
    for row, cells in _data_rows(sheet, columns):
        ratings = []
        for key, _label in spec.criteria:
            rating, problem = _rating_of(cells[key], spec.evaluation_scale, lang)
            if problem:
                problems.append(Problem(sheet.title, row, columns[key][1], problem))
            ratings.append(rating)
        evaluations.append(Evaluation(row, tuple(ratings), _text(cells["apply"]), _text(cells["comments"])))
    return evaluations


# Each cell check returns (value, problem): the value read, and the words of what is wrong or "".

def _sex_of(value: object, workbook_lang: str, lang: str) -> tuple[str, str]:
    """female/male from either language's word; the problem names the workbook's own choices."""
    sexes = {_norm(name): key for language in LANGUAGES for key, name in wb.sex_names(language).items()}
    choices = ", ".join(wb.sex_names(workbook_lang).values())
    if _blank(value):
        return "", message("sex_missing", lang, choices=choices)
    sex = sexes.get(_norm(_text(value)))
    return (sex, "") if sex else ("", message("sex_invalid", lang, got=_shown(value, lang), choices=choices))


def _ethnicity_of(value: object, names: EthnicityNames, lang: str) -> tuple[str, str]:
    if _blank(value):
        return "", message("ethnicity_missing", lang)
    key = names.key(_text(value))
    if key:
        return key, ""
    close = names.suggestion(_text(value))
    hint = message("did_you_mean", lang, name=close) if close else message("pick_from_list", lang)
    return "", message("ethnicity_unknown", lang, got=_shown(value, lang)) + hint


def _attendance_of(value: object, lang: str) -> tuple[bool, str]:
    mark = _text(value).lower()
    if mark in ("", "x"):
        return mark == "x", ""
    return False, message("attendance_invalid", lang, got=_shown(value, lang))


def _score_of(value: object, maximum: int, lang: str) -> tuple[int | None, str]:
    """A test score; empty is allowed (the participant did not take that test)."""
    score, ok = _as_whole(value)
    if not ok:
        return None, message("score_not_whole", lang, got=_shown(value, lang), max=maximum)
    if score is not None and not 0 <= score <= maximum:
        return None, message("score_range", lang, got=score, max=maximum)
    return score, ""


def _rating_of(value: object, scale: int, lang: str) -> tuple[int | None, str]:
    """An evaluation rating; every criterion of a form must be rated."""
    rating, ok = _as_whole(value)
    if _blank(value):
        return None, message("rating_missing", lang, scale=scale)
    if not ok:
        return None, message("rating_not_whole", lang, got=_shown(value, lang), scale=scale)
    if not 1 <= rating <= scale:
        return None, message("rating_range", lang, got=rating, scale=scale)
    return rating, ""


def _locate_columns(sheet, expected: list[tuple[str, str]], lang: str, problems: list[Problem]):
    """key -> (index, heading) of each expected column, found by its heading in the heading row (so a
    column moved by the trainer is still read right); None, with a problem each, if any is missing."""
    row = next(sheet.iter_rows(min_row=wb.HEADER_ROW, max_row=wb.HEADER_ROW, values_only=True), ())
    where = {}
    for index, value in enumerate(row):
        if value is not None:
            where.setdefault(_norm(_text(value)), index)
    columns, missing = {}, False
    for key, heading in expected:
        if _norm(heading) in where:
            columns[key] = (where[_norm(heading)], heading)
        else:
            missing = True
            problems.append(Problem(sheet.title, wb.HEADER_ROW, None, message("column_missing", lang, column=heading)))
    return None if missing else columns


def _data_rows(sheet, columns: dict[str, tuple[int, str]]):
    """(row number, {key: value}) of every row below the headings with anything but its number."""
    for row, values in enumerate(sheet.iter_rows(min_row=wb.FIRST_ROW, values_only=True), start=wb.FIRST_ROW):
        cells = {key: values[index] if index < len(values) else None for key, (index, _) in columns.items()}
        if any(not _blank(value) for key, value in cells.items() if key not in ("no", "form_no")):
            yield row, cells


class EthnicityNames:
    """The 54 groups by any of their names: Vietnamese, English or key, whatever the case or the
    Unicode form the keyboard gave (NFC/NFD); a near miss is offered as the list's own name."""

    def __init__(self, groups: dict[str, dict[str, str]], lang: str) -> None:
        self.groups, self.lang = groups, lang
        self.exact, self.folded = {}, {}
        for key, group in groups.items():
            for name in (key, group["vi"], group["en"]):
                self.exact.setdefault(_norm(name), key)
                self.folded.setdefault(fold(_norm(name)), key)

    def key(self, value: str) -> str | None:
        return self.exact.get(_norm(value))

    def suggestion(self, value: str) -> str | None:
        """The list name closest to `value`, in the workbook's language, or None."""
        folded = fold(_norm(value))
        key = self.folded.get(folded)
        if key is None:
            close = difflib.get_close_matches(folded, list(self.folded), n=1, cutoff=0.6)
            key = self.folded[close[0]] if close else None
        return self.groups[key][self.lang] if key else None


def fold(text: str) -> str:
    """Text without diacritics ("Mường" -> "Muong"), only to find a near miss or to sort names;
    "đ" has no decomposition, so it is mapped by hand."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _norm(value: str) -> str:
    """Compared form of a name: NFC, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    """A cell as the trainer meant it: NFC text, no outer spaces; 7.0 as "7"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _shown(value: object, lang: str) -> str:
    """A cell's value quoted back as the trainer's spreadsheet shows it (7,5 in Vietnamese)."""
    if isinstance(value, float) and not value.is_integer():
        return format_number(Decimal(repr(value)), lang)
    return _text(value)


_WHOLE = re.compile(r"[+-]?\d+(?:[.,]0+)?")


def _as_whole(value: object) -> tuple[int | None, bool]:
    """(number, True) for a whole number, (None, True) for an empty cell, (None, False) for anything else."""
    if _blank(value):
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return value, True
    if isinstance(value, float):
        return (int(value), True) if value.is_integer() else (None, False)
    if isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        return int(re.split(r"[.,]", value.strip())[0]), True
    return None, False


def _as_date(value: object) -> datetime.date | None:
    """A date cell, or a date typed as text day/month/year (the template keeps date cells as text)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


# --- the numbers ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Share:
    """`count` of `total`, and the percentage rounded to one decimal (None when total is 0)."""

    count: int
    total: int
    percent: Decimal | None


@dataclass(frozen=True)
class Mean:
    """An average rounded to one decimal (None when n is 0), and how many values it is over."""

    value: Decimal | None
    n: int


@dataclass(frozen=True)
class GroupCount:
    key: str
    name: str
    code: str  # order number in the site's list, not an official statistics code
    share: Share


@dataclass(frozen=True)
class CriterionMean:
    key: str
    label: str
    mean: Mean


@dataclass(frozen=True)
class ClassSummary:
    """Every number of the class report."""

    participants: int
    by_sex: dict[str, Share]  # female, male
    by_ethnicity: tuple[GroupCount, ...]  # most participants first, then by name
    ethnic_minority: Share  # not Kinh
    ethnic_minority_women: Share
    attendance: tuple[Share, ...]  # one per day
    pre: Mean  # over participants with a pre-test score
    post: Mean
    gain: Mean  # post - pre, over participants with both scores
    improved: Share  # post > pre, of participants with both scores
    forms: int
    criteria: tuple[CriterionMean, ...]
    apply: tuple[str, ...]
    comments: tuple[str, ...]


def round1(value: Fraction) -> Decimal:
    """One decimal, halves away from zero (7.25 -> 7.3), as a reader rounds by hand."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def share(count: int, total: int) -> Share:
    return Share(count, total, round1(Fraction(100 * count, total)) if total else None)


def mean(values: list[int]) -> Mean:
    return Mean(round1(Fraction(sum(values), len(values))) if values else None, len(values))


def summarize(record: ClassRecord, groups: dict[str, dict[str, str]], lang: str) -> ClassSummary:
    """The report's numbers for a checked class; names (groups, criteria) in `lang`."""
    people = record.participants
    total = len(people)
    minority = [p for p in people if p.ethnicity != KINH]
    both = [p for p in people if p.pre is not None and p.post is not None]
    counts: dict[str, int] = {}
    for person in people:
        counts[person.ethnicity] = counts.get(person.ethnicity, 0) + 1
    by_ethnicity = sorted((GroupCount(key, groups[key][lang], groups[key]["code"], share(n, total))
                           for key, n in counts.items()),
                          key=lambda g: (-g.share.count, fold(g.name).casefold(), g.name))
    labels = dict(wb.CRITERIA[lang])
    criteria = tuple(CriterionMean(key, labels.get(key, label) if lang != record.spec.language else label,
                                   mean([form.ratings[index] for form in record.evaluations]))
                     for index, (key, label) in enumerate(record.spec.criteria))
    return ClassSummary(
        participants=total,
        by_sex={sex: share(sum(p.sex == sex for p in people), total) for sex, _ in wb.SEXES},
        by_ethnicity=tuple(by_ethnicity),
        ethnic_minority=share(len(minority), total),
        ethnic_minority_women=share(sum(p.sex == "female" for p in minority), total),
        attendance=tuple(share(sum(p.present[day] for p in people), total) for day in range(record.spec.days)),
        pre=mean([p.pre for p in people if p.pre is not None]),
        post=mean([p.post for p in people if p.post is not None]),
        gain=mean([p.post - p.pre for p in both]),
        improved=share(sum(p.post > p.pre for p in both), len(both)),
        forms=len(record.evaluations),
        criteria=criteria,
        apply=tuple(form.apply for form in record.evaluations if form.apply),
        comments=tuple(form.comments for form in record.evaluations if form.comments),
    )


# --- words and numbers as the reader writes them ------------------------------------------------------------------

def format_number(value: Decimal | int, lang: str, signed: bool = False) -> str:
    """7,5 and 1.234 in Vietnamese; 7.5 and 1,234 in English."""
    text = f"{value:+,}" if signed else f"{value:,}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def format_percent(value: Decimal | None, lang: str) -> str:
    return "—" if value is None else format_number(value, lang) + "%"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _date_text(day: datetime.date, lang: str) -> str:
    return f"{day:%d/%m/%Y}" if lang == "vi" else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_R = {  # report words: key -> (vi, en)
    "title": ("Báo cáo lớp tập huấn", "Class report"),
    "class": ("Thông tin lớp", "The class"),
    "dates": ("Thời gian", "Dates"),
    "participants": ("Học viên", "Participants"),
    "total": ("Tổng số học viên", "Participants in total"),
    "by_sex": ("Theo giới tính", "By sex"),
    "sex": ("Giới tính", "Sex"),
    "people": ("Số người", "People"),
    "share": ("Tỷ lệ", "Share"),
    "female": ("Nữ", "Women"),
    "male": ("Nam", "Men"),
    "minorities": ("Người dân tộc thiểu số", "Ethnic minorities"),
    "ethnic_minority": ("Học viên dân tộc thiểu số (mọi dân tộc trừ Kinh)",
                        "Ethnic-minority participants (every group but Kinh)"),
    "ethnic_minority_women": ("Phụ nữ dân tộc thiểu số", "Ethnic-minority women"),
    "by_ethnicity": ("Theo dân tộc", "By ethnicity"),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "code": ("Mã trong danh mục của trang", "Code in this site's list"),
    "code_note": ("Mã trong danh mục của trang là số thứ tự trong danh sách 54 dân tộc của trang này, không phải "
                  "mã dân tộc chính thức của cơ quan thống kê.",
                  "The code in this site's list is the order number of this site's list of the 54 groups, not an "
                  "official statistics code."),
    "attendance": ("Có mặt theo ngày", "Attendance per day"),
    "day": ("Ngày {n}", "Day {n}"),
    "present": ("Có mặt", "Present"),
    "tests": ("Bài kiểm tra trước – sau (tối đa {max} điểm)", "Pre- and post-test (maximum {max} points)"),
    "measure": ("Chỉ số", "Measure"),
    "result": ("Kết quả", "Result"),
    "n": ("Số học viên (n)", "Participants (n)"),
    "pre": ("Điểm trung bình trước tập huấn", "Average pre-test score"),
    "post": ("Điểm trung bình sau tập huấn", "Average post-test score"),
    "gain": ("Mức tăng trung bình (học viên làm cả hai bài)", "Average gain (participants with both tests)"),
    "improved": ("Học viên có điểm sau cao hơn điểm trước", "Participants who scored higher after"),
    "people_unit": (" người", ""),
    "evaluation": ("Phiếu đánh giá", "Evaluation forms"),
    "forms": ("Số phiếu", "Forms"),
    "scale": ("thang 1–{scale}", "scale 1–{scale}"),
    "criterion": ("Tiêu chí", "Criterion"),
    "average": ("Điểm trung bình", "Average"),
    "forms_n": ("Số phiếu (n)", "Forms (n)"),
    "chart": ("Biểu đồ", "Chart"),
    "chart_title": ("Điểm trung bình trước – sau và điểm đánh giá trung bình",
                    "Average pre- and post-test scores and average evaluation ratings"),
    "chart_tests": ("Bài kiểm tra (tối đa {max} điểm)", "Test (maximum {max} points)"),
    "chart_pre": ("Trước tập huấn", "Before"),
    "chart_post": ("Sau tập huấn", "After"),
    "chart_ratings": ("Đánh giá ({scale})", "Evaluation ({scale})"),
    "apply": ("Điều học viên sẽ áp dụng", "What participants will apply"),
    "comments": ("Ý kiến, góp ý", "Comments"),
    "none": ("Không có.", "None."),
    "footer": ("Lập ngày {today} từ tệp {source} bằng lệnh scripts/class_report.py. Phiếu đánh giá không ghi tên; "
               "báo cáo không ghi họ tên học viên.",
               "Made on {today} from {source} by scripts/class_report.py. The evaluation forms are anonymous; the "
               "report does not show participants' names."),
}


def _r(key: str, lang: str, **fields: object) -> str:
    return _R[key][LANGUAGES.index(lang)].format(**fields)


# --- the page ----------------------------------------------------------------------------------------------------

_CSS = """
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--line:#c8c8c8;--pre:#8c9db5;--post:#1f5f99;--rate:#2e7d4f}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.2rem 0 1rem}
h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
.kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;font-size:.85rem}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;margin:.6rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
td.count,td.percent,td.value,td.n,td.code{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead th{font-size:.9rem;color:var(--muted)}
thead th+th{text-align:right}
.note{color:var(--muted);font-size:.9rem}
.big{font-size:1.4rem;font-weight:700}
ul.answers{padding-left:1.2rem}ul.answers li{margin:.2rem 0;overflow-wrap:anywhere}
svg{display:block;width:100%;max-width:34rem;height:auto}
svg text{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;fill:var(--ink)}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}main{padding:.6rem}}
@page{size:A4;margin:15mm 14mm}
@media print{body{font-size:10.5pt}main{max-width:none;padding:0}h2{break-after:avoid;margin-top:1.1rem}
table,svg{break-inside:avoid}svg{max-width:11cm}}
"""


def render_html(record: ClassRecord, summary: ClassSummary, lang: str, source: str,
                today: datetime.date | None = None) -> str:
    """The whole report as one self-contained HTML page (no external files)."""
    info = record.info
    title = f"{_r('title', lang)}: {info.title}"
    body = "\n".join([
        f'<p class="kicker">{_e(_r("title", lang))}</p>',
        f"<h1>{_e(info.title)}</h1>",
        _class_section(record, lang),
        _participants_section(summary, lang),
        _tests_section(record, summary, lang),
        _evaluation_section(record, summary, lang),
        _chart_section(record, summary, lang),
        _answers_section("apply", summary.apply, lang),
        _answers_section("comments", summary.comments, lang),
        f'<footer><p>{_e(_r("footer", lang, today=_date_text(today or datetime.date.today(), lang), source=source))}'
        "</p></footer>",
    ])
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
            "</body>\n</html>\n")


def _e(value: object) -> str:
    return html.escape(unicodedata.normalize("NFC", str(value)))


def _class_section(record: ClassRecord, lang: str) -> str:
    info = record.info
    labels = {key: label for key, label, _ in wb.class_rows(lang)}
    dates = ""
    if info.date_from:
        dates = _date_text(info.date_from, lang)
        if info.date_to and info.date_to != info.date_from:
            dates += f" – {_date_text(info.date_to, lang)}"
    rows = [(labels["title"], info.title), (labels["course_id"], info.course_id), (labels["place"], info.place),
            (labels["commune"], info.commune), (labels["province"], info.province), (_r("dates", lang), dates),
            (labels["organiser"], info.organiser), (labels["trainers"], info.trainers), (labels["notes"], info.notes)]
    items = "".join(f"<dt>{_e(label)}</dt><dd>{_e(value) or '—'}</dd>" for label, value in rows)
    return f'<section id="class-info"><h2>{_e(_r("class", lang))}</h2><dl>{items}</dl></section>'


def _share_cells(value: Share, lang: str) -> str:
    return (f'<td class="count">{format_number(value.count, lang)}</td>'
            f'<td class="percent">{format_percent(value.percent, lang)}</td>')


def _table(table_id: str, caption: str | None, headings: list[str], rows: list[str]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headings)
    caption_html = f"<caption>{_e(caption)}</caption>" if caption else ""
    return (f'<table id="{table_id}">{caption_html}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _participants_section(summary: ClassSummary, lang: str) -> str:
    columns = [_r("people", lang), _r("share", lang)]
    sexes = [f'<tr id="sex-{sex}"><th scope="row">{_e(_r(sex, lang))}</th>{_share_cells(value, lang)}</tr>'
             for sex, value in summary.by_sex.items()]
    minorities = [f'<tr id="{key.replace("_", "-")}"><th scope="row">{_e(_r(key, lang))}</th>'
                  f"{_share_cells(getattr(summary, key), lang)}</tr>"
                  for key in ("ethnic_minority", "ethnic_minority_women")]
    groups = [f'<tr data-group="{_e(g.key)}"><th scope="row">{_e(g.name)}</th><td class="code">{_e(g.code)}</td>'
              f"{_share_cells(g.share, lang)}</tr>" for g in summary.by_ethnicity]
    days = [f'<tr data-day="{n}"><th scope="row">{_e(_r("day", lang, n=n))}</th>{_share_cells(value, lang)}</tr>'
            for n, value in enumerate(summary.attendance, start=1)]
    return "".join([
        f'<section id="participants"><h2>{_e(_r("participants", lang))}</h2>',
        f'<p>{_e(_r("total", lang))}: <span class="big" id="participants-total">'
        f"{format_number(summary.participants, lang)}</span></p>",
        _table("by-sex", _r("by_sex", lang), [_r("sex", lang), *columns], sexes),
        _table("minorities", _r("minorities", lang), ["", *columns], minorities),
        _table("by-ethnicity", _r("by_ethnicity", lang), [_r("ethnicity", lang), _r("code", lang), *columns], groups),
        f'<p class="note">{_e(_r("code_note", lang))}</p>',
        _table("attendance", _r("attendance", lang), ["", _r("present", lang), _r("share", lang)], days),
        "</section>",
    ])


def _mean_text(value: Mean, lang: str, signed: bool = False) -> str:
    return "—" if value.value is None else format_number(value.value, lang, signed=signed)


def _tests_section(record: ClassRecord, summary: ClassSummary, lang: str) -> str:
    rows = [f'<tr id="test-{key}"><th scope="row">{_e(_r(key, lang))}</th>'
            f'<td class="value">{_mean_text(getattr(summary, key), lang, signed=key == "gain")}</td>'
            f'<td class="n">{format_number(getattr(summary, key).n, lang)}</td></tr>'
            for key in ("pre", "post", "gain")]
    improved = summary.improved
    rows.append(f'<tr id="test-improved"><th scope="row">{_e(_r("improved", lang))}</th>'
                f'<td class="value"><span class="count">{format_number(improved.count, lang)}</span>'
                f'{_e(_r("people_unit", lang))} '
                f'(<span class="percent">{format_percent(improved.percent, lang)}</span>)</td>'
                f'<td class="n">{format_number(improved.total, lang)}</td></tr>')
    heading = _r("tests", lang, max=record.spec.test_items)
    table = _table("test-results", None, [_r("measure", lang), _r("result", lang), _r("n", lang)], rows)
    return f'<section id="tests"><h2>{_e(heading)}</h2>{table}</section>'


def _evaluation_section(record: ClassRecord, summary: ClassSummary, lang: str) -> str:
    scale = _r("scale", lang, scale=record.spec.evaluation_scale)
    legend = wb.scale_legend(record.spec.evaluation_scale, lang)
    rows = [f'<tr data-criterion="{_e(c.key)}"><th scope="row">{_e(c.label)}</th>'
            f'<td class="value">{_mean_text(c.mean, lang)}</td><td class="n">{format_number(c.mean.n, lang)}</td></tr>'
            for c in summary.criteria]
    table = _table("criteria", f"{_r('average', lang)} ({scale})",
                   [_r("criterion", lang), _r("average", lang), _r("forms_n", lang)], rows)
    return (f'<section id="evaluation"><h2>{_e(_r("evaluation", lang))}</h2>'
            f'<p>{_e(_r("forms", lang))}: <span class="big" id="forms">{format_number(summary.forms, lang)}</span>'
            f' ({_e(scale)}: {_e(legend)})</p>{table}</section>')


def _answers_section(key: str, answers: tuple[str, ...], lang: str) -> str:
    items = "".join(f"<li>{_e(answer)}</li>" for answer in answers)
    content = f'<ul class="answers">{items}</ul>' if answers else f'<p>{_e(_r("none", lang))}</p>'
    return f'<section id="{key}"><h2>{_e(_r(key, lang))}</h2>{content}</section>'


def _chart_section(record: ClassRecord, summary: ClassSummary, lang: str) -> str:
    spec = record.spec
    scale = _r("scale", lang, scale=spec.evaluation_scale)
    groups = [
        (_r("chart_tests", lang, max=spec.test_items), spec.test_items,
         [(_r("chart_pre", lang), summary.pre.value, "pre"), (_r("chart_post", lang), summary.post.value, "post")]),
        (_r("chart_ratings", lang, scale=scale), spec.evaluation_scale,
         [(c.label, c.mean.value, "rate") for c in summary.criteria]),
    ]
    return (f'<section id="chart"><h2>{_e(_r("chart", lang))}</h2>'
            f"{bar_chart(_r('chart_title', lang), groups, lang)}</section>")


_BAR_COLOURS = {"pre": "#8c9db5", "post": "#1f5f99", "rate": "#2e7d4f"}


def bar_chart(title: str, groups: list, lang: str) -> str:
    """Horizontal bars, label above each, value beside it; each group on its own scale.

    `groups`: (heading, maximum, [(label, value or None, kind)]). The description repeats every value
    in words, for a screen reader and for a reader of the printed page without colour."""
    width, left, bar_width, y = 400, 2, 330, 0
    parts, described = [], []
    for heading, maximum, bars in groups:
        y += 24
        parts.append(f'<text x="{left}" y="{y}" font-size="17" font-weight="700">{_e(heading)}</text>')
        said = []
        for label, value, kind in bars:
            y += 24
            parts.append(f'<text x="{left}" y="{y}" font-size="16">{_e(label)}</text>')
            shown = "—" if value is None else format_number(value, lang)
            length = 0 if value is None else round(bar_width * float(value) / maximum, 1)
            parts.append(f'<rect x="{left}" y="{y + 6}" width="{length}" height="18" fill="{_BAR_COLOURS[kind]}"/>')
            parts.append(f'<text x="{left + length + 6}" y="{y + 21}" font-size="16">{shown}</text>')
            said.append(f"{label}: {shown}")
            y += 26
        described.append(f"{heading}: {'; '.join(said)}.")
        y += 6
    height = y + 4
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="chart-title chart-desc"><title id="chart-title">{_e(title)}</title>'
            f'<desc id="chart-desc">{_e(" ".join(described))}</desc>{"".join(parts)}</svg>')
