"""Link integrity of the built site: every internal link and anchor of every page resolves, in both
languages, including the links the hooks generate and the online links printed in the PDFs.

Runs on the output (the built `site/` folder), so it checks what readers get, not what authors wrote.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, mailto:, data:, …


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the built file, relative to the site
    target: str  # as written
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key) and (key == "id" or tag == "a"):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and "canonical" in (attrs.get("rel") or "")):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8", errors="replace"))
    return collector


def check_site(site: Path, site_url: str | None = None) -> list[BrokenLink]:
    """Every broken internal link or anchor of the HTML pages and of the PDFs."""
    site = Path(site)
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in site.rglob("*.html")}
    broken: list[BrokenLink] = []

    def resolve(page: str, target: str, report_as: str | None = None) -> None:
        def bad(reason: str) -> None:
            broken.append(BrokenLink(report_as or page, target, reason))

        parts = urlsplit(target)
        path = unquote(parts.path)
        if path.startswith("/"):  # absolute (the 404 page): from the root of the site
            path, page_dir = path.lstrip("/"), ""
        else:
            page_dir = posixpath.dirname(page)
        rel = posixpath.normpath(posixpath.join(page_dir, path)) if path else page
        if rel.startswith("../"):
            bad("points outside the site")
            return
        file = site / rel
        if file.is_dir():
            bad("a folder: opened from disk it shows no page")
            return
        if not file.is_file():
            bad("no such file")
            return
        if parts.fragment and rel.endswith(".html") and unquote(parts.fragment) not in pages[rel].ids:
            bad(f"no anchor #{parts.fragment} in {rel}")

    for page, collector in pages.items():
        for target in collector.links:
            if _EXTERNAL.match(target) or target.startswith("//"):
                continue
            resolve(page, target)
    _check_pdfs(site, site_url.rstrip("/") + "/" if site_url else None, resolve)
    return broken


def _check_pdfs(site: Path, site_url: str | None, resolve) -> None:
    """The links of the PDFs that point at the site itself: its online address (site_url + path) or,
    in a build without one, an address relative to the PDF's folder."""
    from pypdf import PdfReader

    for pdf in sorted(site.rglob("*.pdf")):
        name = pdf.relative_to(site).as_posix()
        for page in PdfReader(pdf).pages:
            for annotation in page.get("/Annots") or []:
                uri = str((annotation.get_object().get("/A") or {}).get("/URI") or "")
                if site_url and uri.startswith(site_url):  # an online address: relative to the site root
                    resolve("index.html", uri[len(site_url):], report_as=name)
                elif uri and not _EXTERNAL.match(uri) and not uri.startswith("//"):
                    resolve(name, uri)
