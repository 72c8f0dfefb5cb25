"""The editor's loop reuses work (hooks/rebuild_cache.py) and still gives the pages it gave before.

`mkdocs serve` loads the configuration again before each rebuild and calls `build`; the script below
does the same in one process, on a copy of the project: a first build as `serve`, an edit (a lesson's
title and a paragraph), a rebuild. Then a new process builds the edited copy as `serve`, with nothing
to reuse. Every page and both search indexes must be the same, byte for byte, and the rebuild must
have reused pages and entries. (A `serve` build is compared with a `serve` build: `serve` makes no
offline zip, so the home page shows no size for it.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ENV, copy_project

SERVE_THEN_BUILD = r"""
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

out, edit = Path(sys.argv[1]), sys.argv[2] == "edit"
config = load_config("mkdocs.yml", site_dir=str(out))
config.plugins.on_startup(command="serve", dirty=False)
build(config)
if not edit:
    sys.exit()
cache = sys.modules["hooks/rebuild_cache.py"]  # MkDocs names a hook module by its path
first = [cache._cache.hits, cache._cache.misses, cache._entries.hits, cache._entries.misses]
lesson = Path("docs/modules/m04/l1.md")
text = lesson.read_text(encoding="utf-8")
title = "title: Pháp luật về tuổi kết hôn, tảo hôn và hôn nhân cận huyết thống"
assert title in text, "the lesson's title changed: update the test's edit"
lesson.write_text(text.replace(title, title + " (sửa)") + "\nMột đoạn mới về tảo hôn.\n", encoding="utf-8")
build(load_config("mkdocs.yml", site_dir=str(out)))  # as serve's rebuild: configuration anew
after = [cache._cache.hits, cache._cache.misses, cache._entries.hits, cache._entries.misses]
print(json.dumps({"first": first, "rebuild": [a - b for a, b in zip(after, first)]}))
"""


def _compared(folder: Path) -> dict[str, bytes]:
    files = sorted(folder.rglob("*.html")) + sorted(folder.rglob("search_index.json"))
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_a_rebuild_while_serving_gives_the_pages_of_a_build(tmp_path):
    project = copy_project(tmp_path / "project")
    runs = {}
    for name, edit in (("served", "edit"), ("built", "no-edit")):  # the second run sees the edited copy
        runs[name] = subprocess.run([sys.executable, "-c", SERVE_THEN_BUILD, str(tmp_path / name), edit],
                                    cwd=project, env=ENV, capture_output=True, text=True)
        assert runs[name].returncode == 0, runs[name].stderr[-3000:]
    counts = json.loads(runs["served"].stdout.strip().splitlines()[-1])

    served_pages, built_pages = _compared(tmp_path / "served"), _compared(tmp_path / "built")
    assert set(served_pages) == set(built_pages)
    different = [name for name in built_pages if served_pages[name] != built_pages[name]]
    assert not different, different[:10]
    assert "(sửa)" in built_pages["modules/m04/l1.html"].decode() and "(sửa)" in built_pages["modules/m04/index.html"].decode()
    # the first build converted and indexed every page; the rebuild only the edited lesson and the
    # pages whose text shows its title (its module, its neighbours, the indexes), and reused the rest
    first_hits, first_pages, _, first_entries = counts["first"]
    hits, converted, entry_hits, indexed = counts["rebuild"]
    assert first_hits == 0 and first_pages > 200 and first_entries > 200, counts
    assert hits + converted == first_pages and 1 <= converted <= 20, counts
    assert entry_hits + indexed == first_entries and 1 <= indexed <= 20, counts
