"""The downloadable offline copy of the site: every file of the built site in one zip, made so that
the same site always gives the same bytes (sorted names, fixed dates)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from sitekit.downloads import OFFLINE_ZIP as ZIP_NAME
from sitekit.downloads import OUTPUT_DIR

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
