#!/usr/bin/env python3
"""Make printable PDFs without building the site: one module, or all of them.

    python scripts/build_pdf.py                       # every module and the agreement, all editions
    python scripts/build_pdf.py --module m04 --lang vi --edition trainee

The content is checked first (as scripts/check_content.py does). The PDFs come from the same code
and cache as the site build (.cache/pdf, or SITE_PDF_CACHE), and are copied to --out.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing sitekit

from sitekit.output import pdf, siteconfig  # noqa: E402
from sitekit.pages.downloads import EDITIONS, jobs  # noqa: E402
from sitekit.languages import LANGUAGES  # noqa: E402
from sitekit.content.problems import report  # noqa: E402
from sitekit.content.validation import check  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--module", help="module id (e.g. m04), or 'agreement'; default: all")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--edition", choices=EDITIONS + ("full",))
    parser.add_argument("--out", type=Path, default=ROOT / "build/pdf", help="folder for the PDFs")
    args = parser.parse_args(argv)

    site, problems = check(args.root)
    if problems:
        print(report(problems))
        return 1
    selected = [job for job in jobs(site)
                if (not args.module or job.object_id == args.module or job.slug == args.module)
                and (not args.lang or job.lang == args.lang) and (not args.edition or job.edition == args.edition)]
    if not selected:
        print(f"No document matches; modules: {', '.join(sorted({j.object_id for j in jobs(site)}))}")
        return 2
    cache = Path(os.environ.get("SITE_PDF_CACHE") or args.root / ".cache/pdf")
    start = time.perf_counter()
    made = pdf.Printer(site, siteconfig.load(args.root), cache).make(selected)
    args.out.mkdir(parents=True, exist_ok=True)
    for m in made:
        (args.out / m.job.filename).write_bytes(m.path.read_bytes())
        state = f"laid out in {m.seconds:.2f} s" if m.rendered else "from the cache"
        print(f"{args.out / m.job.filename}  {m.size // 1024} KB  {state}")
    print(f"{len(made)} PDF(s) in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
