#!/usr/bin/env python3
"""Build benchmark: this project's build against vanilla Material + static-i18n on the same content.

    python scripts/bench_build.py [--sizes 100 400 1000] [--repeat 2] [--validate 5000] [--markdown]

In one run: the real site, then a synthetic site of each size (pages per language, Vietnamese and
English, in folders of 25 pages with references to the agreement's clauses), each built three ways:
  vanilla   Material + static-i18n + search (navigation.prune), MkDocs' default Markdown;
  markdown  the same, with this project's Markdown extensions (what the content is written in);
  project   this project's mkdocs.yml and hooks.
The middle one splits the difference between the other two into what the Markdown costs and what
the project's hooks and features cost. PDFs and git dates are off: scripts/bench_pdf.py measures
the PDFs, and dates need history. The configurations are built in turn, --repeat times, and the
fastest build of each is kept: the one the rest of the machine disturbed least. Then the content
check command alone runs on --validate generated page files.

It prints the machine, then per site: build time, time per page (growth is linear when it stays
flat), its CPU time (user + system: steadier than wall time on a shared machine), peak memory,
median page weight (gzip) and the search index a Vietnamese page loads; and the ratios. Then where the project's build of the largest synthetic site spends its time, event by event
and plugin or hook by hook (both languages). --markdown also prints the table as Markdown, for
docs/editors/performance.md.

    python scripts/bench_build.py --serve [--edits 5]

measures the editor's loop instead: `mkdocs serve` as `scripts/dev.sh serve` runs it, on a copy of
the project (a clone with the working tree's files: git dates work as for an editor), one Markdown
file edited --edits times, each time the seconds from the save until the server returns the page
with the edit (the browser reloads then), and the CPU time of that rebuild; each, and the medians.

A measurement, not a test: it prints and exits 0.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION = 25  # pages per folder of the synthetic site: navigation.prune then shows one folder's pages
CONFIGS = ("vanilla", "markdown", "project")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0", "SITE_GIT_DATES": "false"}

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


@dataclass
class Build:
    seconds: float  # wall
    cpu: float  # user + system seconds of the build process: less moved by the rest of the machine
    peak_mib: float
    page_kb: float  # median HTML page, gzip
    index_kb: float  # the search index a Vietnamese page loads


def machine() -> str:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":" if ":" in line else "=", 1)[1].strip().strip('"')
        except OSError:
            pass
        return "?"

    memory = first("/proc/meminfo", "MemTotal")
    memory = f"{int(memory.split()[0]) / 1024 ** 2:.0f} GiB RAM" if memory != "?" else "RAM ?"
    versions = ", ".join(f"{name} {metadata.version(name)}"
                         for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Markdown"))
    return (f"{first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores, {memory}; "
            f"{first('/etc/os-release', 'PRETTY_NAME')}; Python {platform.python_version()}; {versions}")


def generate(folder: Path, pages: int, config: str) -> None:
    """A synthetic site of `pages` pages per language, built with the configuration `config`."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    shutil.copytree(ROOT / "data", folder / "data")
    (folder / "data/trainers.yml").unlink()  # the roster refers to modules the synthetic site lacks
    shutil.rmtree(folder / "data/questions")  # so do the modules' question banks
    for name in ("agreement/index.md", "agreement/index.en.md"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        # its links to pages the synthetic site lacks would be warnings
        (docs / name).write_text(re.sub(r"\]\((?!#)[^)]*\)", "](#)", text), encoding="utf-8")
    for lang, text, suffix in (("vi", TEXT_VI, ".md"), ("en", TEXT_EN, ".en.md")):
        (docs / f"index{suffix}").write_text(f"---\nid: home\nkind: page\ntitle: Home {lang}\n---\n{text}\n",
                                             encoding="utf-8")
        for i in range(pages):
            section = docs / "p" / f"s{i // SECTION:03d}"
            section.mkdir(parents=True, exist_ok=True)
            body = "\n\n".join(f"## Mục {j}\n\n{text * 6} Xem [[II.1.a.{1 + j % 5}]]." for j in range(4))
            (section / f"page{i:05d}{suffix}").write_text(
                f"---\nid: page-{i}\nkind: page\ntitle: Trang {i} {lang}\n---\n{body}\n", encoding="utf-8")
    if config == "project":
        shutil.copytree(ROOT / "docs/assets", docs / "assets")
    (folder / "mkdocs.yml").write_text(config_text(config, auto_nav=True), encoding="utf-8")


def config_text(name: str, auto_nav: bool) -> str:
    """The mkdocs.yml of a configuration; this project's usable from another folder."""
    project = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if name == "vanilla":
        return VANILLA
    if name == "markdown":
        return VANILLA + re.search(r"^markdown_extensions:\n(?:[ #].*\n|\n)*", project, re.M).group(0)
    if auto_nav:
        project = project.split("\nnav:")[0]
    return (project.replace("  - hooks/", f"  - {ROOT}/hooks/")
                   .replace("custom_dir: overrides", f"custom_dir: {ROOT}/overrides")
                   .replace("strict: true", "strict: false"))


def real_site(folder: Path, config: str) -> None:
    """The real content (without the hooks, `[[ID]]` and `{{ placeholders }}` stay as text)."""
    folder.mkdir()
    for name in ("docs", "data"):  # linked, not copied: the pages keep their git history
        (folder / name).symlink_to(ROOT / name)
    (folder / "mkdocs.yml").write_text(config_text(config, auto_nav=False), encoding="utf-8")


def build(folder: Path, pattern: str) -> Build:
    """One build in a child process: wall time and its own peak memory (from wait4)."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(folder / "site")],
                             cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed in {folder}:\n{stderr.decode()[-3000:]}")
    site = folder / "site"
    pages = sorted(site.glob(pattern))[:200]
    page_kb = statistics.median(len(gzip.compress(p.read_bytes())) for p in pages) / 1024
    index_kb = (site / "search/search_index.json").stat().st_size / 1024
    shutil.rmtree(site)
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, page_kb, index_kb)


def compare(make, pattern: str, repeat: int) -> dict[str, Build]:
    """The fastest of `repeat` builds of each configuration, built in turn."""
    best: dict[str, Build] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folders = {}
        for name in CONFIGS:
            folders[name] = Path(tmp) / name
            make(folders[name], name)
        for _ in range(repeat):
            for name, folder in folders.items():
                result = build(folder, pattern)
                if name not in best or result.seconds < best[name].seconds:
                    best[name] = result
    return best


def events(folder: Path) -> None:
    """Build `folder` in this process, timing every plugin and hook at every event (both languages);
    print the costliest. static-i18n's post_build holds the other language's whole build."""
    from mkdocs import plugins
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    spent: dict[tuple[str, str], float] = {}
    run_event = plugins.PluginCollection.run_event

    def timed(collection, name, item=None, **kwargs):
        methods = collection.events[name]
        originals = list(methods)

        def wrap(method):
            module = getattr(method, "__module__", "?")
            key = (name, f"hooks/{Path(module).name}" if module.endswith(".py") else module)

            def call(*args, **kw):
                start = time.perf_counter()
                try:
                    return method(*args, **kw)
                finally:
                    spent[key] = spent.get(key, 0.0) + time.perf_counter() - start
            return call

        methods[:] = [wrap(m) for m in originals]
        try:
            return run_event(collection, name, item, **kwargs)
        finally:
            methods[:] = originals

    plugins.PluginCollection.run_event = timed
    start = time.perf_counter()
    mkdocs_build(load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))
    print(f"whole build {time.perf_counter() - start:.2f} s; by event and plugin or hook (s):")
    for (event, owner), seconds in sorted(spent.items(), key=lambda item: -item[1])[:12]:
        print(f"  {seconds:6.2f}  {event:<14}{owner}")


def validate(pages: int) -> tuple[float, str]:
    """Wall time of scripts/check_content.py on `pages` generated page files, and what it printed."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), pages // 2, "project")
        start = time.perf_counter()
        out = subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), "--root", tmp],
                             env=ENV, capture_output=True, text=True)
        return time.perf_counter() - start, (out.stdout + out.stderr).strip().splitlines()[-1]


EDITED = "modules/m04/l1"  # the page the editor's loop edits: a lesson, an ordinary page of the site
COPIED = ("docs", "data", "hooks", "overrides", "sitekit", "mkdocs.yml")  # the working tree's, over the clone


def editor_copy(folder: Path) -> Path:
    """The project as an editor has it: a clone (git history for the dates) with the working tree's
    files, uncommitted changes included."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(folder)], check=True)
    for name in COPIED:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
            shutil.copytree(ROOT / name, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, target)
    return folder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a process and the children it waited for (git) have used so far:
    steadier than wall time on a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _wait_for(url: str, marker: str, timeout: float, server: subprocess.Popen) -> float:
    """Poll `url` until its page holds `marker`; the moment it did (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve stopped (exit {server.returncode})")
        try:
            # the server holds a request while it rebuilds, and answers it from the new build
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if marker in response.read().decode("utf-8"):
                    return time.perf_counter()
        except OSError:
            pass  # not listening yet
        time.sleep(0.05)
    raise SystemExit(f"{url} did not show {marker!r} within {timeout:.0f} s")


def editor_loop(edits: int) -> tuple[float, list[float], list[float]]:
    """`mkdocs serve` on an editor's copy: seconds to the first page; from each save of one Markdown
    file to the rebuilt page with the edit, in wall time and in CPU time (the server's and git's)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDF": "0", "SITE_GIT_DATES": "true"}  # as dev.sh serve
    with tempfile.TemporaryDirectory() as tmp:
        project = editor_copy(Path(tmp) / "project")
        source = project / "docs" / f"{EDITED}.md"
        original = source.read_text(encoding="utf-8")
        port = _free_port()
        url = f"http://127.0.0.1:{port}/{EDITED}.html"
        log = Path(tmp) / "serve.log"
        with open(log, "wb") as out:
            start = time.perf_counter()
            server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                      cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
            try:
                first = _wait_for(url, "</html>", 300, server) - start
                times, cpu = [], []
                for i in range(edits):
                    time.sleep(1.0)  # the watcher settles; the edit starts a rebuild of its own
                    marker = f"bench-edit-{i}-{time.time_ns()}"
                    saved, cpu_before = time.perf_counter(), _cpu(server.pid)
                    source.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                    times.append(_wait_for(url, marker, 120, server) - saved)
                    cpu.append(_cpu(server.pid) - cpu_before)
            except SystemExit as error:
                raise SystemExit(f"{error}; the server said:\n{log.read_text(errors='replace')[-3000:]}") from None
            finally:
                server.terminate()
                server.wait(timeout=30)
    return first, times, cpu


def print_editor_loop(edits: int) -> None:
    first, times, cpu = editor_loop(edits)
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"\nEditor's loop (`mkdocs serve`, PDFs off, git dates on, {git}; docs/{EDITED}.md edited {edits} times):")
    print(f"  first page served {first:.1f} s after the start")
    print("  save to the rebuilt page served: " + ", ".join(f"{t:.2f}" for t in times)
          + f" s; median {statistics.median(times):.2f} s")
    print("  CPU time of the server and its git processes in each: " + ", ".join(f"{t:.2f}" for t in cpu)
          + f" s; median {statistics.median(cpu):.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--validate", type=int, default=5000)
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--serve", action="store_true", help="measure the editor's loop (mkdocs serve) instead")
    parser.add_argument("--edits", type=int, default=5, help="how many edits the editor's loop times")
    parser.add_argument("--events", type=Path, help=argparse.SUPPRESS)  # the child process of the breakdown
    args = parser.parse_args()
    if args.events:
        os.environ.update(ENV)
        events(args.events)
        return 0
    print(f"{datetime.date.today()} · {machine()}\n")
    if args.serve:
        print_editor_loop(args.edits)
        return 0
    real_pages = len(list((ROOT / "docs").rglob("*.md"))) - len(list((ROOT / "docs").rglob("*.en.md")))
    sites = [("real site", real_pages, real_site, "**/*.html")]
    sites += [("synthetic", size, lambda folder, config, size=size: generate(folder, size, config), "p/*/*.html")
              for size in args.sizes]
    header = f"{'site':<10}{'pages/lang':>11} {'config':<8}{'build s':>8}{'CPU s':>7}{'ms/page':>8}{'peak MiB':>9}" \
             f"{'page KB gz':>11}{'index KB':>9}"
    print(header)
    rows = []
    for label, pages, make, pattern in sites:
        best = compare(make, pattern, args.repeat)
        for name, b in best.items():
            print(f"{label:<10}{pages:>11} {name:<8}{b.seconds:>8.1f}{b.cpu:>7.1f}{b.seconds / pages / 2 * 1000:>8.1f}"
                  f"{b.peak_mib:>9.0f}{b.page_kb:>11.1f}{b.index_kb:>9.0f}")
        v, m, p = (best[name] for name in CONFIGS)
        print(f"{'':<10}{'':>11} {'ratio':<8}{p.seconds / v.seconds:>8.2f}{p.cpu / v.cpu:>7.2f}{'':>8}"
              f"{p.peak_mib / v.peak_mib:>9.2f}{p.page_kb / v.page_kb:>11.2f}{p.index_kb / v.index_kb:>9.2f}"
              "   project / vanilla")
        print(f"{'':<10}{'':>11} {'ratio':<8}{p.seconds / m.seconds:>8.2f}{p.cpu / m.cpu:>7.2f}{'':>8}"
              f"{p.peak_mib / m.peak_mib:>9.2f}{'':>11}{'':>9}   project / markdown")
        rows.append((label, pages, v, m, p))
    if args.sizes:
        size = max(args.sizes)
        print(f"\nWhere the project's build of the synthetic site of {size} pages per language spends its time:")
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), size, "project")
            out = subprocess.run([sys.executable, __file__, "--events", tmp], env=ENV, capture_output=True, text=True)
        print(out.stdout.rstrip() if out.returncode == 0 else out.stderr[-3000:])
    seconds, said = validate(args.validate)
    print(f"\nContent check command alone on {args.validate} generated page files: {seconds:.2f} s wall "
          f"(it says: {said})")
    if args.markdown:
        print("\n| Site | Pages per language | Vanilla s | + Markdown s | Project s | Ratio to vanilla "
              "| Ratio to + Markdown | Project ms per page |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for label, pages, v, m, p in rows:
            print(f"| {label} | {pages} | {v.seconds:.1f} | {m.seconds:.1f} | {p.seconds:.1f} "
                  f"| {p.seconds / v.seconds:.2f} | {p.seconds / m.seconds:.2f} | {p.seconds / pages / 2 * 1000:.1f} |")
        print("\nMemory and weight, each cell vanilla → project:\n")
        print("| Site | Pages per language | Peak memory MiB | Page, KB gzip | Search index KB |")
        print("|---|--:|--:|--:|--:|")
        for label, pages, v, m, p in rows:
            print(f"| {label} | {pages} | {v.peak_mib:.0f} → {p.peak_mib:.0f} | {v.page_kb:.1f} → {p.page_kb:.1f} "
                  f"| {v.index_kb:.0f} → {p.index_kb:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
