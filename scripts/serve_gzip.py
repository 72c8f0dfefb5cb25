#!/usr/bin/env python3
"""The built site over HTTP, gzip-compressed as hosts serve it: shared by the benchmarks.

    python scripts/serve_gzip.py [--site site] [--port 8000]

Text files (HTML, CSS, JavaScript, JSON, SVG, XML) go out gzip-compressed when the client accepts
gzip, at zlib's default level 6 (Apache's mod_deflate; nginx's default level 1 makes a first view a
fifth heavier: 104 KB instead of 86 for a module page); the rest (images, fonts, zips) as they are,
as hosts leave them. Python's own server sends everything uncompressed: the home page's first view
weighs four times as much through it (320 KB against 80 KB).
bench_search.py and lighthouse.py import `serving`; run alone, it serves a folder until Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".webmanifest"}
LEVEL = 6  # zlib's default


@functools.lru_cache(maxsize=None)
def _gzip(path: str, mtime: float) -> bytes:  # the mtime in the key: a rebuilt file is compressed again
    return gzip.compress(Path(path).read_bytes(), compresslevel=LEVEL, mtime=0)


def transfer_size(path: Path) -> int:
    """The bytes of the file's body as this server sends it to a browser (gzip-compressed or not)."""
    return len(_gzip(str(path), path.stat().st_mtime)) if path.suffix in COMPRESSED else path.stat().st_size


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections kept open, as hosts do

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = _gzip(str(path), path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serving(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve `folder` in a thread (on a free port by default); yield its base URL, ending in '/'."""
    if not (folder / "index.html").is_file():
        raise SystemExit(f"{folder}/index.html is missing: build the site first (bash scripts/dev.sh build)")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    with serving(args.site, args.port) as base:
        print(f"Serving {args.site} at {base} with gzip (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
