#!/usr/bin/env python3
"""Build benchmark: this project's hooks against vanilla Material + static-i18n on the same content.

    python scripts/bench_build.py [--sizes 100 400 1000] [--validate 5000]

For each size, a synthetic site of that many pages per language (Vietnamese prose with references
to the agreement's clauses, in both languages) is built twice, in one run: with vanilla Material +
static-i18n + search, and with this project's mkdocs.yml and hooks (PDFs and git dates off: they
have their own benchmark or need history). It prints build time, peak memory, median page weight
(gzip) and search index size, and the ratios; then it times the content check alone on --validate
generated pages. A measurement, not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VANILLA = """site_name: Bench
use_directory_urls: false
theme:
  name: material
  language: vi
  font: false
  features: [navigation.prune]
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: vi, name: Tiếng Việt, default: true, build: true}
        - {locale: en, name: English, build: true}
"""
TEXT_VI = ("Phụ nữ dân tộc thiểu số tham gia tổ truyền thông cộng đồng, phòng chống tảo hôn và hôn nhân cận "
           "huyết thống, bình đẳng giới trong vùng đồng bào DTTS và miền núi. ")
TEXT_EN = ("Ethnic minority women take part in community communication teams, prevent child marriage and "
           "consanguineous marriage, and promote gender equality in mountainous areas. ")


def generate(folder: Path, pages: int, project: bool) -> None:
    docs = folder / "docs"
    (docs / "p").mkdir(parents=True)
    shutil.copytree(ROOT / "data", folder / "data")
    (folder / "data/trainers.yml").unlink()  # the roster refers to modules the synthetic site lacks
    for name in ("agreement/index.md", "agreement/index.en.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "docs" / name, docs / name)
    for lang, text, suffix in (("vi", TEXT_VI, ".md"), ("en", TEXT_EN, ".en.md")):
        (docs / f"index{suffix}").write_text(f"---\nid: home\nkind: page\ntitle: Home {lang}\n---\n{text}\n",
                                             encoding="utf-8")
        for i in range(pages):
            body = "\n\n".join(f"## Mục {j}\n\n{text * 6} Xem [[II.1.a.{1 + j % 5}]]." for j in range(4))
            (docs / "p" / f"page{i:05d}{suffix}").write_text(
                f"---\nid: page-{i}\nkind: page\ntitle: Trang {i} {lang}\n---\n{body}\n", encoding="utf-8")
    if project:
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
        config = config.replace("  - hooks/", f"  - {ROOT}/hooks/").replace("custom_dir: overrides",
                                                                            f"custom_dir: {ROOT}/overrides")
        shutil.copytree(ROOT / "docs/assets", docs / "assets")
    else:
        config = VANILLA
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


def build(folder: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one strict-free build, as a child process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0", "SITE_GIT_DATES": "false"}
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "mkdocs", "build", "-q", "-d",
                          str(folder / "site")], cwd=folder, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(out.stderr[-2000:])
    return seconds, int(out.stderr.strip().splitlines()[-1]) / 1024


def weight(site: Path) -> tuple[float, float]:
    pages = sorted((site / "p").glob("*.html"))[:50]
    html = statistics.median(len(gzip.compress(p.read_bytes())) for p in pages) / 1024
    index = (site / "search/search_index.json").stat().st_size / 1024
    return html, index


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1000])
    parser.add_argument("--validate", type=int, default=5000)
    args = parser.parse_args()
    print(f"{'pages/lang':>10} {'config':<9}{'build s':>9}{'peak MiB':>10}{'page KB gz':>11}{'index KB':>10}")
    for size in args.sizes:
        results = {}
        for name, project in (("vanilla", False), ("project", True)):
            with tempfile.TemporaryDirectory() as tmp:
                generate(Path(tmp), size, project)
                seconds, peak = build(Path(tmp))
                page, index = weight(Path(tmp) / "site")
            results[name] = (seconds, peak)
            print(f"{size:>10} {name:<9}{seconds:>9.1f}{peak:>10.0f}{page:>11.1f}{index:>10.0f}")
        print(f"{'':>10} ratio    {results['project'][0] / results['vanilla'][0]:>9.2f}"
              f"{results['project'][1] / results['vanilla'][1]:>10.2f}")
    from sitekit.validation import check

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), args.validate // 2, True)
        start = time.perf_counter()
        site, problems = check(Path(tmp))
        elapsed = time.perf_counter() - start
    print(f"\nContent check alone on {len(site.pages) * 2} page files: {elapsed:.2f} s "
          f"({len(problems)} problems)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
