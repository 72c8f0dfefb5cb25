#!/usr/bin/env python3
"""Benchmark of the PDFs: cold (empty cache) and warm (everything cached) time per document.

    python scripts/bench_pdf.py [--workers N]
    python scripts/bench_pdf.py --against HEAD~3 [--repeat 2] [--only m04,m10]

Cold: every document laid out by WeasyPrint, one at a time, so each time is its own; then the wall
time of the parallel build the site uses. Warm: the same documents again, all from the cache (what a
`mkdocs serve` rebuild pays). `--against REV` also lays out the documents of another commit (checked
out in a temporary worktree), interleaved with this tree's, and prints the ratio of the cold times
per edition: a comparison made in one run, on one machine, so its noise falls on both sides.
A measurement, not a test: it prints, and always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from sitekit.output import pdf, siteconfig  # noqa: E402
from sitekit.pages.downloads import jobs  # noqa: E402
from sitekit.content.validation import check  # noqa: E402

# Run in a child process for either tree: the cold time of each selected document, one at a time.
_COLD = """
import json, sys, tempfile
from pathlib import Path
root = Path(sys.argv[1]); sys.path.insert(0, str(root))
from sitekit.output import pdf, siteconfig
from sitekit.pages.downloads import jobs
from sitekit.content.validation import check
site, problems = check(root)
assert not problems, problems
only = set(filter(None, sys.argv[2].split(",")))
selected = [j for j in jobs(site) if not only or j.object_id in only]
with tempfile.TemporaryDirectory() as tmp:
    made = pdf.Printer(site, siteconfig.load(root), Path(tmp)).make(selected, workers=1)
print(json.dumps({m.job.filename: [m.seconds, m.job.edition] for m in made}))
"""


def cold_times(root: Path, only: str) -> dict[str, list]:
    out = subprocess.run([sys.executable, "-c", _COLD, str(root), only], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare(rev: str, repeat: int, only: str) -> None:
    """Cold times of this tree against those of `rev`, interleaved; the fastest of the repeats."""
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(other), rev], cwd=ROOT, check=True)
        try:
            best: dict[str, dict[str, float]] = {"this": {}, "other": {}}
            editions: dict[str, str] = {}
            for _ in range(repeat):
                for side, root in (("this", ROOT), ("other", other)):
                    for name, (seconds, edition) in cold_times(root, only).items():
                        best[side][name] = min(seconds, best[side].get(name, seconds))
                        editions[name] = edition
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, check=False)
    print(f"\nCold time against {rev} (fastest of {repeat}, interleaved, one worker):")
    print(f"{'edition':<10}{'documents':>10}{rev + ' s':>14}{'this s':>10}{'ratio':>8}")
    for edition in sorted(set(editions.values())):
        names = [n for n, e in editions.items() if e == edition and n in best["other"] and n in best["this"]]
        if names:
            before = statistics.median(best["other"][n] for n in names)
            after = statistics.median(best["this"][n] for n in names)
            print(f"{edition:<10}{len(names):>10}{before:>14.2f}{after:>10.2f}{after / before:>8.2f}")
    common = [n for n in best["this"] if n in best["other"]]
    total_before, total_after = sum(best["other"][n] for n in common), sum(best["this"][n] for n in common)
    print(f"{'all':<10}{len(common):>10}{total_before:>14.1f}{total_after:>10.1f}{total_after / total_before:>8.2f}"
          "   (sums)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--against", metavar="REV", help="also compare cold times with this commit")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side with --against")
    parser.add_argument("--only", default="", help="object ids to lay out, e.g. m04,agreement (default: all)")
    args = parser.parse_args()
    site, problems = check(ROOT)
    assert not problems, problems
    config = siteconfig.load(ROOT)
    only = set(filter(None, args.only.split(",")))
    selected = [j for j in jobs(site) if not only or j.object_id in only]
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
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d')}")
    print(f"{'document':<28}{'pages':>6}{'cold s':>9}{'s/page':>8}")
    for m in cold:
        print(f"{m.job.filename:<28}{pages[m.job]:>6}{m.seconds:>9.2f}{m.seconds / pages[m.job]:>8.3f}")
    for edition in ("trainee", "trainer", "full"):
        chosen = [m for m in cold if m.job.edition == edition]
        if chosen:
            times = [m.seconds for m in chosen]
            print(f"\n{edition}: {len(chosen)} documents; cold median {statistics.median(times):.2f} s, "
                  f"max {max(times):.2f} s; per page {sum(times) / sum(pages[m.job] for m in chosen):.3f} s; "
                  f"median {statistics.median(pages[m.job] for m in chosen):.0f} pages")
    print(f"\nCold, all {len(cold)} documents with {args.workers} worker(s): {parallel:.1f} s wall")
    print(f"Warm, all {len(warm)} documents from the cache: {warm_total:.2f} s "
          f"({warm_total / len(warm) * 1000:.0f} ms each: the HTML is made and hashed, nothing laid out)")
    if args.against:
        compare(args.against, args.repeat, args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
