"""The downloadable offline copy of the site: every file of the built site in one zip, made so that
the same site always gives the same bytes (sorted names, fixed dates)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from sitekit.pages.downloads import OFFLINE_ZIP as ZIP_NAME
from sitekit.pages.downloads import OUTPUT_DIR, SIZE_SLOT, size_label

FOLDER = "chuong-trinh-phoi-hop"  # the folder the zip unpacks into
_FIXED_DATE = (2021, 1, 1, 0, 0, 0)  # no build time inside: two builds of one commit give one zip


def make_zip(site_dir: Path) -> tuple[Path, int]:
    site_dir = Path(site_dir)
    target = site_dir / OUTPUT_DIR / ZIP_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in (target, tmp))
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", _FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    tmp.replace(target)
    return target, target.stat().st_size


_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def without_alternates(html: str) -> str:
    """The page without its `<link rel="alternate" hreflang>` tags: Material fetches a sitemap.xml
    beside each to map pages between languages, which 404s online and is refused from disk."""
    head, sep, body = html.partition("</head>")  # the tags are in the head: leave the body unread
    return _ALTERNATE.sub("", head) + sep + body


_SLOT = re.compile(re.escape(SIZE_SLOT).replace(re.escape("{lang}"), r"(\w+)"))


def show_size(site_dir: Path, size: int) -> int:
    """Write the zip's size into the pages that link it: they were written before the zip existed.
    The copies inside the zip keep the empty slot (a reader of the zip has it already). Returns
    the number of pages changed."""
    changed = 0
    for path in Path(site_dir).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="offline-size"' in html:
            path.write_text(_SLOT.sub(lambda m: f'<span class="offline-size">{size_label(size, m[1])}</span>', html),
                            encoding="utf-8")
            changed += 1
    return changed
