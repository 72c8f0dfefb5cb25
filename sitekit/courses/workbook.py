"""The class workbook: the spreadsheet a provincial trainer fills for one class.

One workbook per class, in one language: the class details, one row per participant (sex and
ethnicity as Dự án 8 of programme 1719 reports them, attendance per day, pre/post test scores) and
one row per anonymous evaluation form. Drop-down lists and range checks stop most mistakes while
the trainer types; `sitekit.courses.report` checks the rest and makes the class report.

The layout is described here once (sheet names, headings, the rows of the class sheet) and both
the writer and the reader use it; the course's numbers (days, test maximum, scale, criteria) are
also written to a hidden sheet, so the reader never has to parse a visible heading to learn them.
"""

from __future__ import annotations

import datetime
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = Path(__file__).resolve().parents[2]
GROUPS_FILE = "data/ethnic-groups.yml"
LANGUAGES = ("vi", "en")
SCALES = (3, 5)
MAX_DAYS = 5

HEADER_ROW = 2  # row 1 of the data sheets is a one-line reminder, row 2 the column headings
FIRST_ROW = 3
EMPTY_ROWS = 60  # formatted rows ready to fill
VALIDATED_ROWS = 500  # the drop-downs and range checks reach further, for a larger class

META_SHEET = "_course_kit"  # very hidden; what the report reads instead of the visible headings
META_FORMAT = "sitekit.class-workbook"
META_VERSION = 1

CRITERIA: dict[str, tuple[tuple[str, str], ...]] = {
    "vi": (("content", "Nội dung tập huấn"),
           ("relevance", "Mức độ phù hợp với công việc"),
           ("trainers", "Báo cáo viên"),
           ("methods", "Phương pháp tập huấn"),
           ("organisation", "Cơ sở vật chất và công tác tổ chức")),
    "en": (("content", "Training content"),
           ("relevance", "Relevance to my work"),
           ("trainers", "Trainers"),
           ("methods", "Training methods"),
           ("organisation", "Facilities and organisation")),
}

SHEETS = {  # key -> (vi, en)
    "instructions": ("Hướng dẫn", "Instructions"),
    "class": ("Thông tin lớp", "Class"),
    "participants": ("Học viên", "Participants"),
    "evaluations": ("Phiếu đánh giá", "Evaluations"),
    "lists": ("Danh mục", "Lists"),
}

CLASS_ROWS = (  # key, (vi, en) label, required; row 1 is the heading, these follow from row 2
    ("title", ("Tên khóa tập huấn", "Course title"), True),
    ("course_id", ("Mã khóa tập huấn", "Course id"), True),
    ("place", ("Địa điểm tổ chức", "Place (venue)"), False),
    ("commune", ("Xã, phường", "Commune or ward"), True),
    ("province", ("Tỉnh, thành phố", "Province or city"), True),
    ("date_from", ("Từ ngày (ngày/tháng/năm)", "From (day/month/year)"), True),
    ("date_to", ("Đến ngày (ngày/tháng/năm)", "To (day/month/year)"), False),
    ("organiser", ("Cơ quan tổ chức", "Organising agency"), False),
    ("trainers", ("Báo cáo viên (họ và tên)", "Trainers (full names)"), False),
    ("notes", ("Ghi chú", "Notes"), False),
)
DATE_KEYS = ("date_from", "date_to")

SEXES = (("female", ("Nữ", "Female")), ("male", ("Nam", "Male")))

FACES = {  # the low-literacy form: one face per number
    "vi": ("☹ chưa hài lòng", "😐 tương đối hài lòng", "☺ hài lòng"),
    "en": ("☹ not satisfied", "😐 fairly satisfied", "☺ satisfied"),
}
FULL_SCALE = {
    "vi": ("rất không hài lòng", "không hài lòng", "bình thường", "hài lòng", "rất hài lòng"),
    "en": ("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"),
}

_T = {  # words of the workbook: key -> (vi, en); `{…}` fields are filled by `text`
    "no": ("STT", "No."),
    "full_name": ("Họ và tên", "Full name"),
    "sex": ("Giới tính", "Sex"),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "position": ("Chức vụ, vai trò", "Position or role"),
    "commune": ("Xã, phường", "Commune or ward"),
    "day": ("Ngày {n}", "Day {n}"),
    "day_column": ("Cột {names}", "Column {names}"),
    "day_columns": ("Các cột {names}", "Columns {names}"),
    "pre": ("Điểm trước (tối đa {max})", "Pre-test score (max {max})"),
    "post": ("Điểm sau (tối đa {max})", "Post-test score (max {max})"),
    "form_no": ("Số phiếu", "Form no."),
    "criterion_full": ("{label} (1–{scale})", "{label} (1–{scale})"),
    "criterion_faces": ("{label} (1 ☹ · 2 😐 · 3 ☺)", "{label} (1 ☹ · 2 😐 · 3 ☺)"),
    "apply": ("Điều tôi sẽ áp dụng", "What I will apply"),
    "comments": ("Ý kiến, góp ý", "Comments"),
    "class_heading": ("Thông tin", "Item"),
    "class_value": ("Nội dung", "Value"),
    "lists_ethnicity": ("Dân tộc", "Ethnicity"),
    "lists_code": ("Mã trong danh mục của trang (không phải mã thống kê chính thức)",
                   "Code in this site's list (not an official statistics code)"),
    "lists_key": ("Khóa", "Key"),
    "lists_sex": ("Giới tính", "Sex"),
    "participants_note": (
        "Mỗi học viên một dòng. Giới tính, dân tộc: chọn trong danh sách. Cột ngày: ghi x nếu có mặt. "
        "Điểm: số câu đúng, từ 0 đến {max}; không làm bài thì để trống.",
        "One participant per row. Sex, ethnicity: pick from the list. Day columns: x if present. "
        "Scores: correct answers, 0 to {max}; leave empty if the participant did not take the test."),
    "evaluations_note": (
        "Mỗi phiếu đánh giá một dòng, chép đúng như trên phiếu; phiếu không ghi tên. Thang chấm: {scale}.",
        "One evaluation form per row, copied as written; the forms are anonymous. Scale: {scale}."),
    # input messages (Excel shows at most 32 characters of title and 255 of message)
    "tip_name": ("Họ và tên", "Full name"),
    "tip_name_msg": ("Ghi đủ họ và tên như trong danh sách ký tên.",
                     "The full name as on the attendance sheet."),
    "tip_sex_msg": ("Chọn Nữ hoặc Nam.", "Pick Female or Male."),
    "tip_ethnicity_msg": ("Chọn dân tộc trong danh sách 54 dân tộc.", "Pick one of the 54 ethnic groups."),
    "tip_day_msg": ("Ghi x nếu học viên có mặt ngày này; vắng thì để trống.",
                    "x if the participant was present that day; empty if absent."),
    "tip_score_msg": ("Số câu đúng: số nguyên từ 0 đến {max}. Không làm bài thì để trống.",
                      "Correct answers: a whole number from 0 to {max}. Empty if not taken."),
    "tip_rating_msg": ("Số nguyên từ 1 đến {scale}: {legend}.", "A whole number from 1 to {scale}: {legend}."),
    "tip_text_msg": ("Chép đúng như học viên viết; không ghi tên người viết.",
                     "Copy as written; never the writer's name."),
    "tip_date_msg": ("Ghi ngày/tháng/năm, ví dụ 12/05/2025.", "Day/month/year, e.g. 12/05/2025."),
    "tip_prefilled_msg": ("Đã ghi sẵn từ trang khóa học; không sửa.",
                          "Filled in from the course page; do not change."),
    "tip_fill_msg": ("Ghi vào ô này.", "Write it in this cell."),
    "error_title": ("Giá trị không hợp lệ", "Value not accepted"),
    "error_list_msg": ("Chỉ chọn một giá trị trong danh sách thả xuống.", "Pick a value from the drop-down list."),
    "error_day_msg": ("Chỉ ghi x (có mặt) hoặc để trống (vắng).", "Only x (present) or empty (absent)."),
    "error_score_msg": ("Điểm phải là số nguyên từ 0 đến {max}.", "The score must be a whole number from 0 to {max}."),
    "error_rating_msg": ("Điểm chấm phải là số nguyên từ 1 đến {scale}.",
                         "The rating must be a whole number from 1 to {scale}."),
}

_INSTRUCTIONS = {  # the "Instructions" sheet, one paragraph per row; "#" starts a heading
    "vi": [
        "# Hướng dẫn điền sổ lớp tập huấn",
        "Khóa: {title} (mã {course_id}). Lớp {days} ngày; bài kiểm tra có tối đa {max} điểm; "
        "phiếu đánh giá chấm theo thang 1–{scale}.",
        "",
        "## Các bước điền",
        "1. Trang tính “{class}”: ghi địa điểm, xã/phường, tỉnh, ngày bắt đầu và ngày kết thúc (ngày/tháng/năm, "
        "ví dụ 12/05/2025), cơ quan tổ chức và họ tên báo cáo viên. Không sửa tên khóa và mã khóa đã ghi sẵn.",
        "2. Trang tính “{participants}”: mỗi học viên một dòng, chép theo danh sách ký tên. Giới tính và dân tộc: "
        "bấm vào ô rồi chọn trong danh sách thả xuống.",
        "3. {day_columns}: ghi x nếu học viên có mặt ngày đó, để trống nếu vắng.",
        "4. Hai cột điểm: ghi số câu trả lời đúng của bài kiểm tra trước và sau tập huấn, là số nguyên từ 0 đến {max}. "
        "Học viên không làm bài thì để trống, không ghi 0.",
        "5. Trang tính “{evaluations}”: mỗi phiếu đánh giá một dòng; chép đúng điểm chấm và ý kiến trên phiếu.",
        "6. Không thêm, xóa hay đổi tên cột, trang tính. Lớp đông hơn {rows} người thì ghi tiếp vào các dòng bên dưới.",
        "7. Lưu tệp ở dạng .xlsx, rồi chạy lệnh lập báo cáo (hoặc gửi tệp cho cán bộ phụ trách trang).",
        "",
        "## Lệnh lập báo cáo",
        "python scripts/class_report.py <tên tệp>.xlsx",
        "Lệnh kiểm tra từng dòng của tệp. Nếu có lỗi, lệnh liệt kê tất cả các lỗi cùng một lúc, mỗi lỗi một dòng, "
        "ví dụ “dòng 7, cột '{ethnicity}': …”, và không lập báo cáo; sửa hết các lỗi rồi chạy lại lệnh.",
        "Khi không còn lỗi, lệnh lập một tệp báo cáo HTML đặt cạnh tệp này (mở bằng trình duyệt, in được trên "
        "giấy A4): số học viên theo giới tính và theo dân tộc, số phụ nữ dân tộc thiểu số, số người có mặt từng "
        "ngày, điểm trung bình trước và sau tập huấn, kết quả phiếu đánh giá và các ý kiến. Báo cáo không ghi "
        "họ tên học viên.",
        "Hai người trùng họ tên ở cùng một xã sẽ bị báo là có thể nhập hai lần. Nếu đúng là hai người, ghi thêm "
        "tên thôn, bản sau họ tên, ví dụ “Lò Thị Mai (bản Nà Hẩu)”.",
        "",
        "## Phiếu đánh giá không ghi tên",
        "Học viên không ghi tên trên phiếu đánh giá. Khi chép phiếu vào trang tính, không ghi tên, không đánh dấu "
        "hay sắp xếp phiếu theo cách có thể đoán ra ai đã viết. Số phiếu chỉ là số thứ tự.",
        "Thang chấm: {scale_legend}.",
    ],
    "en": [
        "# How to fill in the class workbook",
        "Course: {title} (id {course_id}). A {days}-day class; the test has a maximum of {max} points; "
        "the evaluation form uses a 1–{scale} scale.",
        "",
        "## Steps",
        "1. Sheet “{class}”: write the place, commune or ward, province, first and last day (day/month/year, "
        "e.g. 12/05/2025), organising agency and trainers' names. Do not change the course title and id.",
        "2. Sheet “{participants}”: one participant per row, copied from the attendance sheet. Sex and ethnicity: "
        "click the cell and pick from the drop-down list.",
        "3. {day_columns}: write x if the participant was present that day, leave empty if absent.",
        "4. The two score columns: the number of correct answers in the pre-test and the post-test, a whole number "
        "from 0 to {max}. If a participant did not take a test, leave it empty (not 0).",
        "5. Sheet “{evaluations}”: one evaluation form per row; copy the ratings and comments as written.",
        "6. Do not add, delete or rename columns or sheets. For more than {rows} participants, go on in the rows "
        "below.",
        "7. Save as .xlsx, then run the report command (or send the file to the site's editor).",
        "",
        "## The report command",
        "python scripts/class_report.py <file name>.xlsx",
        "It checks every row. If anything is wrong, it lists all the problems at once, one per line, such as "
        "“row 7, column '{ethnicity}': …”, and makes no report; correct them all and run it again.",
        "When nothing is wrong, it writes an HTML report beside this file (open it in a browser; it prints on A4): "
        "participants by sex and by ethnicity, ethnic-minority women, attendance per day, pre- and post-test "
        "averages, the evaluation results and the comments. The report does not show participants' names.",
        "Two people with the same name in the same commune are reported as probably entered twice. If they really "
        "are two people, add the village after the name, e.g. “Lò Thị Mai (Nà Hẩu village)”.",
        "",
        "## The evaluation forms are anonymous",
        "Participants do not write their name on the evaluation form. When copying the forms, write no names and "
        "do not mark or order the forms in a way that shows who wrote which. The form number is only a count.",
        "Scale: {scale_legend}.",
    ],
}


@dataclass(frozen=True)
class ClassSheet:
    """What a class workbook is made for: the course, its language and the numbers its checks need."""

    course_id: str
    title: str
    language: str
    days: int
    test_items: int
    evaluation_scale: int = 5
    criteria: tuple[tuple[str, str], ...] = ()  # (key, label); empty: CRITERIA[language]

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        if not self.criteria:
            object.__setattr__(self, "criteria", CRITERIA[self.language])
        object.__setattr__(self, "criteria", tuple((str(k), str(label)) for k, label in self.criteria))
        if not str(self.course_id).strip() or not str(self.title).strip():
            raise ValueError("course_id and title must not be empty")
        if not _is_int(self.days) or not 1 <= self.days <= MAX_DAYS:
            raise ValueError(f"days must be a whole number from 1 to {MAX_DAYS}, not {self.days!r}")
        if not _is_int(self.test_items) or self.test_items < 1:
            raise ValueError(f"test_items must be a whole number of at least 1, not {self.test_items!r}")
        if self.evaluation_scale not in SCALES or not _is_int(self.evaluation_scale):
            raise ValueError(f"evaluation_scale must be 5 (full form) or 3 (faces), not {self.evaluation_scale!r}")
        keys = [key for key, _ in self.criteria]
        reserved = {"form_no", "apply", "comments"}
        if len(set(keys)) != len(keys) or reserved & set(keys) or not all(re.fullmatch(r"[a-z][a-z0-9_-]*", k)
                                                                           for k in keys):
            raise ValueError(f"criteria keys must be distinct lower-case ASCII words, not {keys}")
        if not all(label.strip() for _, label in self.criteria):
            raise ValueError("every criterion needs a label")


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def text(key: str, lang: str, **fields: object) -> str:
    """A word of the workbook in `lang`, its `{fields}` filled."""
    return _T[key][LANGUAGES.index(lang)].format(**fields)


def sheet_name(key: str, lang: str) -> str:
    return SHEETS[key][LANGUAGES.index(lang)]


def sex_names(lang: str) -> dict[str, str]:
    """female/male -> the list value in `lang` (Nữ, Nam)."""
    return {key: names[LANGUAGES.index(lang)] for key, names in SEXES}


def class_rows(lang: str) -> list[tuple[str, str, bool]]:
    """(key, label, required) of the class sheet, in sheet order from row 2."""
    return [(key, labels[LANGUAGES.index(lang)], required) for key, labels, required in CLASS_ROWS]


def scale_legend(scale: int, lang: str) -> str:
    """What each number of the evaluation scale means, for headings, instructions and the report."""
    words = FACES[lang] if scale == 3 else FULL_SCALE[lang]
    return ", ".join(f"{n} = {word}" for n, word in enumerate(words, start=1))


def participant_columns(spec: ClassSheet) -> list[tuple[str, str]]:
    """(key, visible heading) of the participants sheet, left to right."""
    lang = spec.language
    columns = [(key, text(key, lang)) for key in ("no", "full_name", "sex", "ethnicity", "position", "commune")]
    columns += [(f"day{n}", text("day", lang, n=n)) for n in range(1, spec.days + 1)]
    columns += [(key, text(key, lang, max=spec.test_items)) for key in ("pre", "post")]
    return columns


def evaluation_columns(spec: ClassSheet) -> list[tuple[str, str]]:
    """(key, visible heading) of the evaluations sheet, left to right; the criteria keep their keys."""
    lang = spec.language
    form = "criterion_faces" if spec.evaluation_scale == 3 else "criterion_full"
    return ([("form_no", text("form_no", lang))]
            + [(key, text(form, lang, label=label, scale=spec.evaluation_scale)) for key, label in spec.criteria]
            + [("apply", text("apply", lang)), ("comments", text("comments", lang))])


def load_groups(root: Path = ROOT) -> dict[str, dict[str, str]]:
    """The 54 ethnic groups, key -> {code, vi, en}, in the order of data/ethnic-groups.yml.

    `code` is the order number of the site's own list, not an official statistics code."""
    data = yaml.safe_load((root / GROUPS_FILE).read_text(encoding="utf-8"))
    return {str(key): {field: str(value) for field, value in entry.items()} for key, entry in data["groups"].items()}


# --- the metadata the report reads back ---------------------------------------------------------------------

class MetaError(ValueError):
    """The hidden sheet is missing or does not describe a class: not a workbook of the site's template.

    `damage` says what is wrong with a hidden sheet that is there (empty when there is none)."""

    def __init__(self, damage: str = "") -> None:
        super().__init__(damage or "no hidden course sheet")
        self.damage = damage


def meta_rows(spec: ClassSheet) -> list[tuple[str, object]]:
    return [("format", META_FORMAT), ("version", META_VERSION), ("course_id", spec.course_id),
            ("title", spec.title), ("language", spec.language), ("days", spec.days),
            ("test_items", spec.test_items), ("evaluation_scale", spec.evaluation_scale),
            ("criteria", json.dumps([list(c) for c in spec.criteria], ensure_ascii=False))]


def read_spec(workbook) -> ClassSheet:
    """The ClassSheet a workbook was made for, from its hidden sheet; MetaError if it has none."""
    if META_SHEET not in workbook.sheetnames:
        raise MetaError()
    values = {}
    for row in workbook[META_SHEET].iter_rows(min_row=1, max_col=2, values_only=True):
        if row and isinstance(row[0], str):
            values[row[0].strip()] = row[1]
    if values.get("format") != META_FORMAT:
        raise MetaError()
    try:
        criteria = tuple(tuple(pair) for pair in json.loads(values["criteria"]))
        return ClassSheet(course_id=str(values["course_id"]), title=str(values["title"]),
                          language=str(values["language"]), days=_whole(values["days"]),
                          test_items=_whole(values["test_items"]), evaluation_scale=_whole(values["evaluation_scale"]),
                          criteria=criteria)
    except (KeyError, TypeError, ValueError) as error:
        raise MetaError(f"{META_SHEET}: {error}") from error


def _whole(value: object) -> int:
    """A stored number back as int (a spreadsheet program may save 5 as 5.0)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value  # ClassSheet refuses anything else


# --- writing ------------------------------------------------------------------------------------------------

_THIN = Side(style="thin", color="9E9E9E")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADING_FILL = PatternFill("solid", fgColor="DCE9F5")
_PREFILLED_FILL = PatternFill("solid", fgColor="EEEEEE")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_HEADING_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")


def make_workbook(spec: ClassSheet, path: Path, when: datetime.datetime | None = None) -> Path:
    """Write the blank class workbook for `spec` to `path` (.xlsx) and return the path. With `when`,
    the file is the same byte for byte at every build: its dates are `when`, not the clock's."""
    groups = load_groups()
    workbook = Workbook()
    workbook.remove(workbook.active)
    _instructions_sheet(workbook, spec)
    _class_sheet(workbook, spec)
    lists = _lists_sheet(workbook, spec, groups)
    _participants_sheet(workbook, spec, _list_ranges(lists, len(groups)))
    _evaluations_sheet(workbook, spec)
    workbook.move_sheet(lists, offset=len(workbook.sheetnames) - 1 - workbook.sheetnames.index(lists.title))
    _meta_sheet(workbook, spec)
    workbook.active = 0
    workbook.properties.title = spec.title
    workbook.properties.subject = spec.course_id
    workbook.properties.creator = "sitekit"
    if when is not None:
        workbook.properties.created = workbook.properties.modified = when
    path = Path(path)
    workbook.save(path)
    if when is not None:
        _fix_zip_dates(path, when)
    return path


def _fix_zip_dates(path: Path, when: datetime.datetime) -> None:
    """openpyxl stamps each part of the zip, and the file's "modified" property, with the clock when it
    saves: stamp them all with `when` instead."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    modified = f"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when.strftime('%Y-%m-%dT%H:%M:%SZ')}</dcterms:modified>"
    parts = [(info, re.sub(rb"<dcterms:modified [^>]*>[^<]*</dcterms:modified>", modified.encode(), data)
              if info.filename == "docProps/core.xml" else data) for info, data in parts]
    stamp = (max(when.year, 1980),) + tuple(when.timetuple()[1:6])
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(fixed, data)
    tmp.replace(path)


def _instructions_sheet(workbook: Workbook, spec: ClassSheet) -> None:
    lang = spec.language
    sheet = workbook.create_sheet(sheet_name("instructions", lang))
    days = [f"“{text('day', lang, n=n)}”" for n in range(1, spec.days + 1)]
    fields = {"title": spec.title, "course_id": spec.course_id, "days": spec.days, "max": spec.test_items,
              "scale": spec.evaluation_scale, "rows": EMPTY_ROWS,
              "scale_legend": scale_legend(spec.evaluation_scale, lang),
              "day_columns": text("day_columns" if spec.days > 1 else "day_column", lang, names=", ".join(days)),
              "ethnicity": text("ethnicity", lang),
              **{key: sheet_name(key, lang) for key in ("class", "participants", "evaluations")}}
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(_INSTRUCTIONS[lang], start=1):
        cell = sheet.cell(row=row, column=1, value=line.lstrip("# ").format(**fields) or None)
        cell.alignment = _WRAP_TOP
        if line.startswith("# "):
            cell.font = Font(bold=True, size=14)
        elif line.startswith("## "):
            cell.font = Font(bold=True, size=12)
        elif line.startswith("python "):
            cell.font = Font(name="Courier New")


def _class_sheet(workbook: Workbook, spec: ClassSheet) -> None:
    lang = spec.language
    sheet = workbook.create_sheet(sheet_name("class", lang))
    _heading_row(sheet, 1, [text("class_heading", lang), text("class_value", lang)])
    prefilled = {"title": spec.title, "course_id": spec.course_id}
    for row, (key, label, _required) in enumerate(class_rows(lang), start=2):
        sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
        value = sheet.cell(row=row, column=2, value=prefilled.get(key))
        value.alignment = _WRAP_TOP
        for cell in (sheet.cell(row=row, column=1), value):
            cell.border = _BORDER
        if key in prefilled:
            value.fill = _PREFILLED_FILL
            message = text("tip_prefilled_msg", lang)
        elif key in DATE_KEYS:
            value.number_format = "@"  # typed as text: a dd/mm date is not turned into mm/dd by the locale
            message = text("tip_date_msg", lang)
        else:
            message = text("tip_fill_msg", lang)
        _add(sheet, _tip(label, message), f"B{row}")
    sheet.column_dimensions["A"].width = 32
    sheet.column_dimensions["B"].width = 70
    sheet.freeze_panes = "A2"


def _lists_sheet(workbook: Workbook, spec: ClassSheet, groups: dict):
    """The hidden sheet behind the drop-downs (moved after the visible sheets once they exist)."""
    lang = spec.language
    sheet = workbook.create_sheet(sheet_name("lists", lang))
    _heading_row(sheet, 1, [text("lists_ethnicity", lang), text("lists_code", lang), text("lists_key", lang), None,
                            text("lists_sex", lang)])
    for row, (key, group) in enumerate(groups.items(), start=2):
        sheet.cell(row=row, column=1, value=group[lang])
        sheet.cell(row=row, column=2, value=group["code"])
        sheet.cell(row=row, column=3, value=key)
    sexes = list(sex_names(lang).values())
    for row, name in enumerate(sexes, start=2):
        sheet.cell(row=row, column=5, value=name)
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 30
    sheet.sheet_state = "hidden"
    return sheet


def _list_ranges(lists, group_count: int) -> dict[str, str]:
    """The cells of the lists sheet that the drop-downs offer."""
    quoted = "'" + lists.title.replace("'", "''") + "'"
    return {"ethnicity": f"{quoted}!$A$2:$A${group_count + 1}", "sex": f"{quoted}!$E$2:$E${len(SEXES) + 1}"}


def _participants_sheet(workbook: Workbook, spec: ClassSheet, lists: dict[str, str]) -> None:
    lang = spec.language
    sheet = workbook.create_sheet(sheet_name("participants", lang))
    columns = participant_columns(spec)
    _note_row(sheet, text("participants_note", lang, max=spec.test_items), len(columns))
    _heading_row(sheet, HEADER_ROW, [heading for _, heading in columns])
    _empty_rows(sheet, len(columns), numbered=True)
    widths = {"no": 6, "full_name": 26, "sex": 10, "ethnicity": 14, "position": 20, "commune": 16, "pre": 12,
              "post": 12}
    for index, (key, heading) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(key, 9)
        cells = f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + VALIDATED_ROWS - 1}"
        if key == "sex":
            _add(sheet, _choice(lists["sex"], heading, text("tip_sex_msg", lang), lang), cells)
        elif key == "ethnicity":
            _add(sheet, _choice(lists["ethnicity"], heading, text("tip_ethnicity_msg", lang), lang), cells)
        elif key.startswith("day"):
            rule = _choice('"x"', heading, text("tip_day_msg", lang), lang, error=text("error_day_msg", lang))
            _add(sheet, rule, cells)
        elif key in ("pre", "post"):
            rule = _whole_between(0, spec.test_items, heading, text("tip_score_msg", lang, max=spec.test_items),
                                  text("error_score_msg", lang, max=spec.test_items), lang)
            _add(sheet, rule, cells)
        elif key == "full_name":
            _add(sheet, _tip(heading, text("tip_name_msg", lang)), cells)
    _data_sheet_setup(sheet, freeze="C3")


def _evaluations_sheet(workbook: Workbook, spec: ClassSheet) -> None:
    lang = spec.language
    sheet = workbook.create_sheet(sheet_name("evaluations", lang))
    columns = evaluation_columns(spec)
    legend = scale_legend(spec.evaluation_scale, lang)
    _note_row(sheet, text("evaluations_note", lang, scale=legend), len(columns))
    _heading_row(sheet, HEADER_ROW, [heading for _, heading in columns])
    _empty_rows(sheet, len(columns), numbered=True)
    criteria = {key for key, _ in spec.criteria}
    for index, (key, heading) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + VALIDATED_ROWS - 1}"
        if key in criteria:
            sheet.column_dimensions[letter].width = 16
            tip = text("tip_rating_msg", lang, scale=spec.evaluation_scale, legend=legend)
            rule = _whole_between(1, spec.evaluation_scale, heading, tip,
                                  text("error_rating_msg", lang, scale=spec.evaluation_scale), lang)
            _add(sheet, rule, cells)
        elif key in ("apply", "comments"):
            sheet.column_dimensions[letter].width = 40
            _add(sheet, _tip(heading, text("tip_text_msg", lang)), cells)
        else:
            sheet.column_dimensions[letter].width = 8
    _data_sheet_setup(sheet, freeze="B3")


def _meta_sheet(workbook: Workbook, spec: ClassSheet) -> None:
    sheet = workbook.create_sheet(META_SHEET)
    for row, (key, value) in enumerate(meta_rows(spec), start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "veryHidden"


def _note_row(sheet, note: str, width: int) -> None:
    sheet.cell(row=1, column=1, value=note).alignment = Alignment(wrap_text=True, vertical="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 36


def _heading_row(sheet, row: int, headings: list[str | None]) -> None:
    for column, heading in enumerate(headings, start=1):
        if heading is None:
            continue
        cell = sheet.cell(row=row, column=column, value=heading)
        cell.font = Font(bold=True)
        cell.fill = _HEADING_FILL
        cell.alignment = _HEADING_ALIGN
        cell.border = _BORDER
    sheet.row_dimensions[row].height = 48


def _empty_rows(sheet, width: int, numbered: bool) -> None:
    for offset in range(EMPTY_ROWS):
        row = FIRST_ROW + offset
        for column in range(1, width + 1):
            cell = sheet.cell(row=row, column=column)
            cell.border = _BORDER
            cell.alignment = _WRAP_TOP
        if numbered:
            number = sheet.cell(row=row, column=1, value=offset + 1)
            number.fill = _PREFILLED_FILL


def _data_sheet_setup(sheet, freeze: str) -> None:
    """Headings stay in view while scrolling, and print on every page of a landscape A4."""
    sheet.freeze_panes = freeze
    sheet.print_title_rows = f"1:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _title(label: str) -> str:
    """Excel shows at most 32 characters of an input message's title."""
    return label if len(label) <= 32 else label[:31] + "…"


def _tip(label: str, message: str) -> DataValidation:
    """Any value accepted; the cell only shows what to write in it."""
    return DataValidation(allow_blank=True, showInputMessage=True, promptTitle=_title(label), prompt=message[:255])


def _choice(source: str, label: str, message: str, lang: str, error: str | None = None) -> DataValidation:
    return DataValidation(type="list", formula1=source, allow_blank=True, showInputMessage=True,
                          showErrorMessage=True, errorStyle="stop", promptTitle=_title(label), prompt=message[:255],
                          errorTitle=text("error_title", lang), error=(error or text("error_list_msg", lang))[:255])


def _whole_between(low: int, high: int, label: str, message: str, error: str, lang: str) -> DataValidation:
    return DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high), allow_blank=True,
                          showInputMessage=True, showErrorMessage=True, errorStyle="stop", promptTitle=_title(label),
                          prompt=message[:255], errorTitle=text("error_title", lang), error=error[:255])


def _add(sheet, rule: DataValidation, cells: str) -> None:
    sheet.add_data_validation(rule)
    rule.add(cells)
