#!/usr/bin/env python3
"""Import the agencies' trainer spreadsheet (CSV or XLSX) into data/trainers.yml.

    python scripts/import_roster.py trainers.csv            # check, then write data/trainers.yml
    python scripts/import_roster.py trainers.xlsx --check    # check only

Every bad row is reported as `file: row N, column 'X': problem`; if there is any, nothing is written.
The imported data is real data: the example-data banner disappears from the pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitekit.content import roster
from sitekit.editing import roster_import  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spreadsheet", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    args = parser.parse_args(argv)
    records, problems = roster_import.convert(roster_import.read_rows(args.spreadsheet), args.root)
    if problems:
        for problem in problems:
            print(problem.format(args.spreadsheet.name))
        print(f"{len(problems)} problem(s): nothing was written.")
        return 1
    if args.check:
        print(f"OK: {len(records)} trainers, no problems.")
        return 0
    out = args.root / roster.TRAINERS
    out.write_text(roster_import.dump(records, args.spreadsheet.name), encoding="utf-8")
    print(f"Wrote {len(records)} trainers to {out.relative_to(args.root)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
