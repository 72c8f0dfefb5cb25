#!/usr/bin/env python3
"""Lighthouse on the built site: the home, a module and a lesson page of each language.

    python scripts/lighthouse.py [--site site] [--runs 1] [--json DIR]

Lighthouse 12.2.3 (npm, pinned: later majors need Node 22), installed into .cache/npm when missing,
as scripts/dev.sh installs axe-core; it drives Debian's chromium (headless, never a downloaded
browser) with its defaults: the mobile preset (a mid-range phone's screen, a CPU four times slower)
and simulated throttling (a slow 4G connection). The site is served with gzip as hosts serve it
(serve_gzip.py). It prints, per page, the scores of Performance, Accessibility, Best Practices and
SEO, the largest contentful paint and the total blocking time (medians over --runs runs), the audits
that fail in Accessibility and Best Practices (id and title), then the targets, met or not.
--json DIR keeps each report (DIR/<lang>-<page>-<run>.json; open them in the Lighthouse viewer).
A benchmark, not a test: it prints and exits 0. Build the site first (bash scripts/dev.sh build).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from serve_gzip import serving

ROOT = Path(__file__).resolve().parent.parent
VERSION = "12.2.3"
NPM = ROOT / ".cache/npm"
CLI = NPM / "node_modules/lighthouse/cli/index.js"
PAGES = [(lang, kind, prefix + path) for lang, prefix in (("vi", ""), ("en", "en/"))
         for kind, path in (("home", "index.html"), ("module", "modules/m04/index.html"),
                            ("lesson", "modules/m04/l2.html"))]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}  # scores out of 100
LISTED = ("accessibility", "best-practices")  # the categories whose failing audits are listed


def install() -> None:
    package = NPM / "node_modules/lighthouse/package.json"
    if package.is_file() and json.loads(package.read_text(encoding="utf-8"))["version"] == VERSION:
        return
    print(f"Installing Lighthouse {VERSION} from npm ...", file=sys.stderr)
    subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--no-save", "--prefix", str(NPM),
                    f"lighthouse@{VERSION}"], check=True, stdout=subprocess.DEVNULL)


def lighthouse(url: str, report: Path) -> dict:
    """One Lighthouse run on `url`, its JSON report written to `report`."""
    command = ["node", str(CLI), url, "--output=json", f"--output-path={report}", "--quiet",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
               f"--only-categories={','.join(CATEGORIES)}"]
    done = subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                          capture_output=True, text=True)
    if done.returncode or not report.is_file():
        raise SystemExit(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def summary(result: dict) -> dict:
    """The scores out of 100, LCP in s, TBT in ms, and the failing audits {category: {id: title}}."""
    audits = result["audits"]
    failing = {}
    for name in LISTED:
        failing[name] = {}
        for ref in result["categories"][name]["auditRefs"]:
            audit = audits[ref["id"]]
            if audit["score"] is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in ("binary", "numeric"):
                failing[name][ref["id"]] = audit["title"] + ("" if ref["weight"] else " (not scored)")
    return {
        **{name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "failing": failing,
        "warnings": result.get("runWarnings", []),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", type=Path, metavar="DIR", help="keep the JSON reports in this folder")
    args = parser.parse_args()
    install()

    version = subprocess.run(["node", str(CLI), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"Lighthouse {version}, Debian's chromium, mobile preset, simulated throttling; "
          f"{os.cpu_count()} cores; {args.runs} run(s) per page; {args.site}")
    samples: dict[str, list[dict]] = {path: [] for _, _, path in PAGES}
    with tempfile.TemporaryDirectory() as tmp, serving(args.site.resolve()) as base:
        folder = args.json or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for run in range(args.runs):  # pages in turn in each run: they share the machine's noise
            for lang, kind, path in PAGES:
                samples[path].append(summary(lighthouse(base + path, folder / f"{lang}-{kind}-{run + 1}.json")))
                print(f"run {run + 1}/{args.runs}: {lang} {kind} done", file=sys.stderr)

    print(f"\n{'page':<11}{'Perf.':>7}{'Access.':>9}{'Best Pr.':>10}{'SEO':>6}{'LCP s':>8}{'TBT ms':>8}")
    rows = []
    for lang, kind, path in PAGES:
        runs = samples[path]
        row = {key: statistics.median(r[key] for r in runs) for key in (*CATEGORIES, "lcp", "tbt")}
        rows.append(row)
        print(f"{lang + ' ' + kind:<11}{row['performance']:>7.0f}{row['accessibility']:>9.0f}"
              f"{row['best-practices']:>10.0f}{row['seo']:>6.0f}{row['lcp']:>8.1f}{row['tbt']:>8.0f}")

    print("\nFailing audits (pages where they fail, in any run):")
    failing: dict[tuple[str, str, str], list[str]] = {}
    for lang, kind, path in PAGES:
        for r in samples[path]:
            for category, audits in r["failing"].items():
                for audit, title in audits.items():
                    pages = failing.setdefault((category, audit, title), [])
                    if f"{lang} {kind}" not in pages:
                        pages.append(f"{lang} {kind}")
    for (category, audit, title), pages in sorted(failing.items()):
        print(f"  {category:<15}{audit:<28}{title}  [{', '.join(pages)}]")
    if not failing:
        print("  none")
    warnings = {w for path in samples for r in samples[path] for w in r["warnings"]}
    for warning in sorted(warnings):
        print(f"Lighthouse warned: {warning}")

    print("\nTargets (medians, every page):")
    for category, target in TARGETS.items():
        worst = min(row[category] for row in rows)
        sign = "=" if target == 100 else "≥"
        print(f"  {category:<15} {sign} {target:<4} {'met' if worst >= target else 'NOT met':<8} lowest {worst:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
