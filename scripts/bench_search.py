#!/usr/bin/env python3
"""Benchmark of the search, in a real browser (Playwright + Debian's chromium).

    python scripts/bench_search.py [--site site] [--runs 5]

For the Vietnamese home page, with this project's index (one per language, Vietnamese folded) and
with the index vanilla Material would write for the same content (both languages merged, no folded
fields): time from navigation to search-ready (the first query answered), time from the last key
to the results shown (when they last change), the number of matches with and without diacritics,
and the index size. A measurement, not a test: it prints and exits 0.
Build the site first (bash scripts/dev.sh build).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["tảo hôn", "đồng bào", "bình đẳng giới", "phụ nữ", "địa chỉ tin cậy"]
UNACCENTED = ["tao hon", "dong bao", "binh dang gioi", "phu nu", "dia chi tin cay"]


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


def vanilla_copy(site: Path, into: Path) -> Path:
    """The site with the search index as vanilla Material + static-i18n would write it."""
    shutil.copytree(site, into)
    docs = []
    for lang_root in (site, site / "en"):
        index = json.loads((lang_root / "search/search_index.json").read_text(encoding="utf-8"))
        prefix = "" if lang_root == site else "en/"
        for entry in index["docs"]:
            docs.append({k: v for k, v in entry.items() if not k.endswith("_folded")} |
                        {"location": prefix + entry["location"]})
        config = index["config"]
    config = dict(config, fields={k: v for k, v in config["fields"].items() if not k.endswith("_folded")})
    data = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    (into / "search/search_index.json").write_text(data, encoding="utf-8")
    return into


def measure(browser, base: str, queries: list[str], runs: int) -> dict:
    ready, answer, found = [], [], []
    for _ in range(runs):
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(base + "index.html")
        field = page.locator("input.md-search__input")
        field.focus()
        field.press_sequentially("gioi", delay=0)
        page.locator(".md-search-result__item").first.wait_for(timeout=30000)
        ready.append(time.perf_counter() - start)
        # the time of the last change to the results, seen by the page itself
        page.evaluate("""() => { window.__changed = 0;
            new MutationObserver(() => { window.__changed = performance.now(); })
              .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true,
                                                                    characterData: true}); }""")
        for query in queries:
            field.fill("")
            field.press("End")  # an empty query: Material clears the results
            page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
            field.press_sequentially(query, delay=0)
            pressed = page.evaluate("() => performance.now()")
            field.press("End")  # the last key
            page.wait_for_timeout(700)  # long after any answer: then read when the results last changed
            answer.append(max(0.0, (page.evaluate("() => window.__changed") - pressed) / 1000))
            meta = page.locator(".md-search-result__meta").text_content()
            found.append(int(re.search(r"\d+", meta).group()) if re.search(r"\d+", meta) else 0)
        page.close()
    return {"ready": statistics.median(ready), "answer": statistics.median(answer), "found": statistics.median(found)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = args.site
    assert (site / "en/search/search_index.json").exists(), "build the site first (bash scripts/dev.sh build)"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        vanilla = vanilla_copy(site, Path(tmp) / "vanilla")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        rows = []
        for name, folder in (("this project", site), ("vanilla Material", vanilla)):
            base, httpd = serve(folder)
            accented = measure(browser, base, QUERIES, args.runs)
            plain = measure(browser, base, UNACCENTED, 1)
            httpd.shutdown()
            size = (folder / "search/search_index.json").read_bytes()
            rows.append((name, accented, plain, len(size), len(gzip.compress(size))))
        browser.close()
    print("Median over the queries; 'pages' is the number of matching documents Material reports.")
    print(f"{'index':<18}{'ready s':>9}{'results s':>11}{'pages':>7}{'pages, no accents':>19}{'index KB':>10}{'gzip KB':>9}")
    for name, acc, plain, raw, gz in rows:
        print(f"{name:<18}{acc['ready']:>9.2f}{acc['answer']:>11.3f}{acc['found']:>7.0f}{plain['found']:>19.0f}"
              f"{raw / 1024:>10.0f}{gz / 1024:>9.0f}")
    ours, vanilla = rows[0], rows[1]
    print(f"\nRatios (this project / vanilla): ready {ours[1]['ready'] / vanilla[1]['ready']:.2f}, "
          f"results {ours[1]['answer'] / vanilla[1]['answer']:.2f}, index loaded by a Vietnamese page "
          f"{ours[3] / vanilla[3]:.2f} (raw), {ours[4] / vanilla[4]:.2f} (gzip)")
    en = (site / "en/search/search_index.json").read_bytes()
    print(f"English index: {len(en) / 1024:.0f} KB raw, {len(gzip.compress(en)) / 1024:.0f} KB gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
