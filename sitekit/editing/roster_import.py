"""Import of the agencies' spreadsheet (CSV, or XLSX) into data/trainers.yml.

Every row is checked against the same code lists and rules as the build; every bad cell is reported
(row, column, problem) and, if there is any, nothing is written. The agencies' spreadsheet has one
row per trainer, with these columns (Vietnamese or English headers, in any order):

  Mã | Họ và tên | Giới tính | Dân tộc | Ngôn ngữ | Cơ quan | Chức vụ | Xã, phường | Học phần |
  Ngày chứng nhận | Trạng thái | Ngừng hoạt động từ | Điện thoại | Email | Đồng ý công khai liên hệ

`Học phần` lists module codes, each with its own date if it differs: "HP02 (12/05/2024); HP04";
`Ngày chứng nhận` is the date of the others. Dates are dd/mm/yyyy or yyyy-mm-dd.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitekit.content import roster as roster_data
from sitekit.content.slugs import fold

COLUMNS = {  # field -> accepted headers (compared without diacritics or case)
    "id": ("ma", "id"),
    "full_name": ("ho va ten", "full name", "name"),
    "gender": ("gioi tinh", "gender"),
    "ethnicity": ("dan toc", "ethnicity", "ethnic group"),
    "languages": ("ngon ngu", "languages"),
    "agency": ("co quan", "agency"),
    "position": ("chuc vu", "position"),
    "commune": ("xa, phuong", "xa/phuong", "xa", "commune"),
    "modules": ("hoc phan", "modules"),
    "certified_on": ("ngay chung nhan", "certified on", "certification date"),
    "status": ("trang thai", "status"),
    "inactive_since": ("ngung hoat dong tu", "inactive since"),
    "phone": ("dien thoai", "phone"),
    "email": ("email", "thu dien tu"),
    "consent_publish": ("dong y cong khai lien he", "dong y cong khai", "consent to publish contact", "consent"),
}
REQUIRED = ("id", "full_name", "gender", "ethnicity", "languages", "agency", "position", "commune", "status",
            "consent_publish")
YES = {"co", "yes", "true", "x", "1", "dong y"}
NO = {"khong", "no", "false", "0", ""}
GENDERS = {"nu": "female", "female": "female", "nam": "male", "male": "male"}
STATUSES = {"dang hoat dong": "active", "active": "active", "hoat dong": "active",
            "ngung hoat dong": "inactive", "inactive": "inactive"}


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the spreadsheet numbers it (the header is row 1)
    column: str
    message: str

    def format(self, source: str) -> str:
        return f"{source}: row {self.row}, column '{self.column}': {self.message}"


def _key(value: str) -> str:
    return " ".join(fold(str(value)).lower().replace("_", " ").split())


def read_rows(path: Path) -> list[list[str]]:
    """All rows of a CSV (UTF-8, comma or semicolon) or XLSX file, as text."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
        return [["" if v is None else (v.date().isoformat() if isinstance(v, datetime.datetime) else str(v))
                 for v in row] for row in sheet.iter_rows(values_only=True)]
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    return [row for row in csv.reader(text.splitlines(), dialect)]


def _date(value: str) -> datetime.date | None:
    value = value.strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def convert(rows: list[list[str]], root: Path) -> tuple[list[dict], list[RowProblem]]:
    """Spreadsheet rows -> trainer records, and every problem found (nothing is guessed or dropped)."""
    problems: list[RowProblem] = []
    if not rows:
        return [], [RowProblem(1, "-", "the file is empty")]
    header = [_key(h) for h in rows[0]]
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    for field, accepted in COLUMNS.items():
        for index, h in enumerate(header):
            if h in accepted:
                columns[field], names[field] = index, rows[0][index]
    for index, h in enumerate(header):
        if h and index not in columns.values():
            problems.append(RowProblem(1, rows[0][index], "unknown column: its values would be lost "
                                       f"(known: {', '.join(a[0] for a in COLUMNS.values())})"))
    for field in REQUIRED:
        if field not in columns:
            problems.append(RowProblem(1, COLUMNS[field][0], "required column is missing"))
    if problems:
        return [], problems

    groups = yaml.safe_load((root / roster_data.GROUPS).read_text(encoding="utf-8"))["groups"]
    communes = yaml.safe_load((root / roster_data.COMMUNES).read_text(encoding="utf-8"))["communes"]
    group_keys = {_key(k): k for k in groups} | {_key(v["vi"]): k for k, v in groups.items()} | \
                 {_key(v["en"]): k for k, v in groups.items()}
    commune_keys = {_key(k): k for k in communes} | {_key(v["vi"]): k for k, v in communes.items()} | \
                   {_key(v["en"]): k for k, v in communes.items()}
    agency_keys = {"hlhpn": "hlhpn", "hoi lhpn tinh": "hlhpn", "hoi lhpn": "hlhpn", "hoi lien hiep phu nu tinh": "hlhpn",
                   "provincial women's union": "hlhpn", "women's union": "hlhpn", "bdt": "bdt",
                   "so dan toc va ton giao": "bdt", "ban dan toc tinh": "bdt", "ban dan toc": "bdt",
                   "department of ethnic and religious affairs": "bdt"}
    module_keys = _module_keys(root)

    records = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        cell = {f: (row[i].strip() if i < len(row) else "") for f, i in columns.items()}

        def bad(field: str, message: str) -> None:
            problems.append(RowProblem(number, names.get(field, field), message))

        for field in REQUIRED:
            if not cell.get(field) and field != "consent_publish":
                bad(field, "empty")
        if cell["id"] in first_row:
            bad("id", f"{cell['id']!r} is already the id of row {first_row[cell['id']]}")
        first_row.setdefault(cell["id"], number)
        def lookup(field: str, table: dict, what: str):
            """The value a cell names in `table`, or a problem naming what it should be."""
            value = table.get(_key(cell[field]))
            if cell[field] and not value:
                bad(field, f"{cell[field]!r} is not {what}")
            return value

        gender = lookup("gender", GENDERS, "Nữ/Nam")
        ethnicity = lookup("ethnicity", group_keys, f"one of the 54 ethnic groups ({roster_data.GROUPS})")
        languages = []
        for part in re.split(r"[;,]", cell["languages"]):
            name = _key(part).removeprefix("tieng ")
            if not name:
                continue
            code = "vi" if name in ("viet", "vi", "vietnamese") else group_keys.get(name)
            if code is None:
                bad("languages", f"{part.strip()!r} is not Vietnamese or the language of an ethnic group")
            elif code not in languages:
                languages.append(code)
        agency = lookup("agency", agency_keys, "the Women's Union or the Sở Dân tộc và Tôn giáo")
        commune = lookup("commune", commune_keys, f"a commune of {roster_data.COMMUNES}")
        status = lookup("status", STATUSES, "Đang hoạt động / Ngừng hoạt động")
        default_date = _date(cell.get("certified_on", "")) if cell.get("certified_on") else None
        if cell.get("certified_on") and not default_date:
            bad("certified_on", f"{cell['certified_on']!r} is not a date (dd/mm/yyyy)")
        certifications = []
        for part in filter(None, (p.strip() for p in cell.get("modules", "").split(";"))):
            m = re.fullmatch(r"([^()]+?)\s*(?:\((.+)\))?", part)
            module = module_keys.get(_key(m.group(1))) if m else None
            when = _date(m.group(2)) if m and m.group(2) else default_date
            if module is None:
                codes = sorted(k.upper() for k in module_keys if k.startswith("hp"))
                bad("modules", f"{part!r}: unknown module (codes: {', '.join(codes)})")
                continue
            if when is None:
                bad("modules", f"{part!r}: no certification date (in brackets or in the date column)")
                continue
            certification = {"module": module, "date": when}
            if status == "inactive":
                ended = _date(cell.get("inactive_since", ""))
                if ended:
                    certification["ended"] = ended
            certifications.append(certification)
        consent = _key(cell["consent_publish"])
        if consent not in YES | NO or not cell["consent_publish"]:
            bad("consent_publish", "write Có (written consent received) or Không")
        record = {"id": cell["id"], "full_name": cell["full_name"], "gender": gender, "ethnicity": ethnicity,
                  "languages": languages, "agency": agency, "position": cell["position"], "commune": commune,
                  "status": status}
        if status == "inactive":
            since = _date(cell.get("inactive_since", ""))
            if not since:
                bad("inactive_since", "an inactive trainer needs the date (dd/mm/yyyy)")
            record["inactive_since"] = since
        record["certifications"] = certifications
        record["contact"] = {"phone": cell.get("phone", ""), "email": cell.get("email", ""),
                             "consent_publish": consent in YES}
        records.append((number, record))
    flagged = {p.row for p in problems}
    return [r for _, r in records], problems + [p for p in _check_whole(records, root) if p.row not in flagged]


def _module_keys(root: Path) -> dict[str, str]:
    from sitekit.content import curriculum, model

    keys = {}
    for module in curriculum.modules(model.load(root)):
        keys[_key(module.id)] = module.id
        keys[_key(str(module.meta.get("code", "")))] = module.id
    return keys


HEADER = """# The resource-trainer network (mạng lưới báo cáo viên nguồn, agreement II.2.b.8), one record per trainer.
# Imported by scripts/import_roster.py from {source} on {today}: edit the spreadsheet and import
# again, or edit here. Privacy: never copied into the site; contact data only with `consent_publish`.
"""


def dump(records: list[dict], source: str, example: bool = False) -> str:
    body = yaml.safe_dump({"example_data": example, "trainers": records}, allow_unicode=True, sort_keys=False,
                          width=110)
    return HEADER.format(source=source, today=datetime.date.today().isoformat()) + body


def _check_whole(records: list[tuple[int, dict]], root: Path) -> list[RowProblem]:
    """The build's own checks on the result, mapped back to spreadsheet rows: a safety net behind the
    cell checks above, so that an import can never write what the build would refuse."""
    if not records:
        return []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_root = Path(tmp)
        (tmp_root / "data").mkdir()
        for rel in (roster_data.GROUPS, roster_data.COMMUNES):
            (tmp_root / rel).write_text((root / rel).read_text(encoding="utf-8"), encoding="utf-8")
        text = dump([r for _, r in records], "check")
        (tmp_root / roster_data.TRAINERS).write_text(text, encoding="utf-8")
        kinds = {key: "module" for key in set(_module_keys(root).values())}
        checked = roster_data.load(tmp_root, kinds)
    starts = [t.line for t in checked.trainers]
    found = []
    for problem in checked.problems:
        index = max((i for i, line in enumerate(starts) if line <= problem.line), default=0)
        found.append(RowProblem(records[index][0], "-", f"{problem.code} {problem.message}"))
    return found
