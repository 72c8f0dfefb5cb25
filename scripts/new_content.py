#!/usr/bin/env python3
"""Create new content in both languages, with a free id and front matter that passes the checks.

    python scripts/new_content.py module --title "Tên học phần" --title-en "Module title" --clause II.1.a.4
    python scripts/new_content.py lesson --module m04 --title "Tên bài" --title-en "Lesson title"
    python scripts/new_content.py policy --title "Luật …" --title-en "Law on …" [--number 52/2014/QH13]
    python scripts/new_content.py term --title "Tảo hôn" --title-en "Child marriage"

Then replace every «…» in the new files, and run bash scripts/dev.sh check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitekit.editing import scaffold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("module", "lesson", "policy", "term"))
    parser.add_argument("--title", required=True, help="the title in Vietnamese")
    parser.add_argument("--title-en", required=True, help="the title in English")
    parser.add_argument("--clause", action="append", default=[], help="module: a task it implements (repeatable)")
    parser.add_argument("--lead", default="hlhpn", choices=("hlhpn", "bdt"), help="module: the lead agency")
    parser.add_argument("--module", help="lesson: the module id, e.g. m04")
    parser.add_argument("--number", help="policy: the document number, if verified")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    try:
        if args.kind == "module":
            if not args.clause:
                parser.error("a module implements at least one task: --clause II.1.a.4")
            paths = scaffold.new_module(args.root, args.title, args.title_en, args.clause, args.lead)
        elif args.kind == "lesson":
            if not args.module:
                parser.error("a lesson belongs to a module: --module m04")
            paths = scaffold.new_lesson(args.root, args.module, args.title, args.title_en)
        elif args.kind == "policy":
            paths = scaffold.new_policy(args.root, args.title, args.title_en, args.number)
        else:
            paths = scaffold.new_term(args.root, args.title, args.title_en)
    except scaffold.ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"created {path.relative_to(args.root)}")
    print("Replace every «…» in these files, then run: bash scripts/dev.sh check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
