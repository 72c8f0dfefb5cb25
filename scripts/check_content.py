#!/usr/bin/env python3
"""Check the site's content without building it: every page, reference and the agreement data.

    python scripts/check_content.py [--root DIR] [--lang vi|en]

Prints every problem as `path:line: CODE message` with its fix, and exits 1 if there is any.
With CI=true it also prints GitHub annotation lines, so problems show on the diff. The words are
Vietnamese, or English with `--lang en` or an English locale (LANG/LC_ALL=en_…); the flag wins.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing sitekit

from sitekit.content.messages import LANGS, language, text  # noqa: E402
from sitekit.content.problems import report  # noqa: E402
from sitekit.content.validation import check  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (with docs/ and data/)")
    parser.add_argument("--docs-dir", default="docs", help="folder of the pages, relative to --root")
    parser.add_argument("--lang", choices=LANGS, help="language of the messages (default: the locale's, else vi)")
    args = parser.parse_args(argv)
    lang = language(args.lang)
    start = time.perf_counter()
    site, problems = check(args.root, args.docs_dir)
    elapsed = time.perf_counter() - start
    if problems:
        print(report(problems, lang))
        if os.environ.get("CI") == "true":
            for problem in problems:
                print(problem.github_annotation(lang))
        return 1
    seconds = f"{elapsed:.2f}" if lang == "en" else f"{elapsed:.2f}".replace(".", ",")
    print(text("report.ok", objects=len(site.objects), references=len(site.references()), seconds=seconds).render(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
