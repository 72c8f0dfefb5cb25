#!/usr/bin/env python3
"""Check the site's content without building it: every page, reference and the agreement data.

    python scripts/check_content.py [--root DIR]

Prints every problem as `path:line: CODE message` with its fix, and exits 1 if there is any.
With CI=true it also prints GitHub annotation lines, so problems show on the diff.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing sitekit

from sitekit.problems import report  # noqa: E402
from sitekit.validation import check  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (with docs/ and data/)")
    parser.add_argument("--docs-dir", default="docs", help="folder of the pages, relative to --root")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    site, problems = check(args.root, args.docs_dir)
    elapsed = time.perf_counter() - start
    if problems:
        print(report(problems))
        if os.environ.get("CI") == "true":
            for problem in problems:
                print(problem.github_annotation())
        return 1
    print(f"OK: {len(site.objects)} objects, {len(site.references())} references checked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
