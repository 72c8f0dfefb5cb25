"""The build benchmark runs end to end (tiny sizes), and its recorded results stay on the developer page."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ENV, ROOT

ROW = re.compile(r"^(real site|synthetic)\s+(\d+) (vanilla|markdown|project)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+(\d+)"
                 r"\s+([\d.]+)\s+(\d+)$")


def test_build_benchmark_builds_each_site_three_ways_and_times_the_check():
    out = subprocess.run([sys.executable, str(ROOT / "scripts/bench_build.py"), "--sizes", "8", "--repeat", "1",
                          "--validate", "60", "--markdown"], env=ENV, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.splitlines()
    assert re.match(r"\d{4}-\d\d-\d\d · .+, \d+ cores, .*Python 3", lines[0])  # when and on what
    rows = [m.groups() for m in map(ROW.match, lines) if m]
    assert [(site, config) for site, _, config, *_ in rows] == [
        (site, config) for site in ("real site", "synthetic") for config in ("vanilla", "markdown", "project")]
    assert all(float(wall) > 0 and 0 < float(cpu) < 4 * float(wall) and int(peak) > 10
               for _, _, _, wall, cpu, _, peak, _, _ in rows)
    assert {pages for site, pages, *_ in rows if site == "synthetic"} == {"8"}
    assert sum(line.strip().startswith("ratio") for line in lines) == 4
    # the breakdown is of the project's build: its hooks ran, next to static-i18n
    breakdown = out.stdout.split("spends its time:")[1]
    assert "hooks/content.py" in breakdown and "mkdocs_static_i18n.plugin" in breakdown
    assert re.search(r"Content check command alone on 60 generated page files: [\d.]+ s wall "
                     r"\(it says: (?:OK: \d+ objects|Không có lỗi: đã kiểm tra \d+ đối tượng)", out.stdout)
    assert "| synthetic | 8 |" in out.stdout  # the Markdown table for the developer page


def test_developer_page_records_the_benchmark_with_date_and_machine():
    for name in ("performance.md", "performance.en.md"):
        text = (ROOT / "docs/editors" / name).read_text(encoding="utf-8")
        assert "scripts/bench_build.py" in text
        assert re.search(r"\b20\d\d-\d\d-\d\d\b", text)  # the date of the measurement
        for pages in (100, 400, 1000):
            assert re.search(rf"^\| [^|]+ \| {pages} \|", text, re.M), (name, pages)
