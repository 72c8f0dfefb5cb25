#!/usr/bin/env python3
"""Benchmark of the PDFs: cold (empty cache) and warm (everything cached) time per document.

    python scripts/bench_pdf.py [--workers N]

Cold: every module edition laid out by WeasyPrint, one at a time, so each time is its own; then the
wall time of the parallel build the site uses. Warm: the same documents again, all from the cache
(what a `mkdocs serve` rebuild pays). A measurement, not a test: it prints, and always exits 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from sitekit import pdf, siteconfig  # noqa: E402
from sitekit.downloads import jobs  # noqa: E402
from sitekit.validation import check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    site, problems = check(ROOT)
    assert not problems, problems
    config = siteconfig.load(ROOT)
    selected = jobs(site)
    with tempfile.TemporaryDirectory() as tmp:
        printer = pdf.Printer(site, config, Path(tmp) / "one")
        cold = printer.make(selected, workers=1)
        pages = {m.job: len(PdfReader(m.path).pages) for m in cold}
        start = time.perf_counter()
        pdf.Printer(site, config, Path(tmp) / "parallel").make(selected, workers=args.workers)
        parallel = time.perf_counter() - start
        start = time.perf_counter()
        warm = printer.make(selected)
        warm_total = time.perf_counter() - start
    assert not any(m.rendered for m in warm)
    modules = [m for m in cold if m.job.edition in ("trainee", "trainer")]
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{'document':<28}{'pages':>6}{'cold s':>9}{'s/page':>8}")
    for m in cold:
        print(f"{m.job.filename:<28}{pages[m.job]:>6}{m.seconds:>9.2f}{m.seconds / pages[m.job]:>8.3f}")
    per_doc = [m.seconds for m in modules]
    print(f"\nModule editions: {len(modules)}; cold per edition: median {statistics.median(per_doc):.2f} s, "
          f"max {max(per_doc):.2f} s; per page {sum(per_doc) / sum(pages[m.job] for m in modules):.3f} s")
    print(f"Cold, all {len(cold)} documents with {args.workers} worker(s): {parallel:.1f} s wall")
    print(f"Warm, all {len(warm)} documents from the cache: {warm_total:.2f} s "
          f"({warm_total / len(warm) * 1000:.0f} ms each: the HTML is made and hashed, nothing laid out)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
