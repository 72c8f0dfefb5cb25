#!/usr/bin/env python3
"""Turn a filled class workbook into the class report (one HTML page, prints on A4).

    python scripts/class_report.py lop-xa-a.xlsx                  # writes lop-xa-a-bao-cao.html beside it
    python scripts/class_report.py class.xlsx --out r.html --lang en

Every problem of the workbook is listed as `row N, column 'X': problem` (Vietnamese `dòng N, cột 'X'`)
and then nothing is written, not even over an old report (exit 1). A missing file, or one that is
not an .xlsx, gives one error (exit 2). The language is the workbook's unless --lang says otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing sitekit

from sitekit.courses import report, workbook  # noqa: E402

SUFFIX = {"vi": "-bao-cao.html", "en": "-report.html"}
_SAID = {  # key -> (vi, en)
    "problems": ("{source}: {count} lỗi, chưa lập báo cáo. Sửa các lỗi dưới đây rồi chạy lại lệnh.",
                 "{source}: {count} problem(s), no report written. Correct them and run the command again."),
    "sheet": ("Trang tính '{sheet}':", "Sheet '{sheet}':"),
    "wrote": ("Đã ghi báo cáo vào {out} ({count} học viên).", "Wrote the report to {out} ({count} participants)."),
    "cannot_write": ("không ghi được báo cáo vào {out}: {detail}", "cannot write the report to {out}: {detail}"),
}


def say(key: str, lang: str, **fields: object) -> str:
    return _SAID[key][workbook.LANGUAGES.index(lang)].format(**fields)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workbook", type=Path, help="the filled class workbook (.xlsx)")
    parser.add_argument("--out", type=Path, help="the report to write (default: beside the workbook)")
    parser.add_argument("--lang", choices=workbook.LANGUAGES, help="language of the report and the messages "
                        "(default: the workbook's)")
    args = parser.parse_args(argv)
    try:
        book = report.open_workbook(args.workbook)
    except report.FileError as error:
        print(error.message(args.lang or "vi"), file=sys.stderr)
        return 2
    lang = args.lang or report.workbook_language(book)
    groups = workbook.load_groups(ROOT)
    record, problems = report.check_class(book, lang, groups)
    if problems:
        print_problems(problems, args.workbook.name, lang)
        return 1
    summary = report.summarize(record, groups, lang)
    page = report.render_html(record, summary, lang, source=args.workbook.name)
    out = args.out or args.workbook.with_name(args.workbook.stem + SUFFIX[lang])
    try:
        write_whole(out, page)
    except OSError as error:
        print(say("cannot_write", lang, out=out, detail=error.strerror or error), file=sys.stderr)
        return 2
    print(say("wrote", lang, out=out, count=summary.participants))
    return 0


def print_problems(problems: list[report.Problem], source: str, lang: str) -> None:
    """Every problem, one a line, under the name of its sheet."""
    print(say("problems", lang, source=source, count=len(problems)))
    sheet = None
    for problem in problems:
        if problem.column is not None and problem.sheet != sheet:
            sheet = problem.sheet
            print(say("sheet", lang, sheet=sheet))
        indent = "  " if problem.column is not None else ""
        if problem.column is None:
            sheet = None
        print(indent + problem.format(lang))


def write_whole(out: Path, text: str) -> None:
    """Write `text` to `out` in one step: a reader never sees half a report, and an old one stays
    whole if writing fails."""
    temporary = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
