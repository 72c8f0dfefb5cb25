#!/usr/bin/env python3
"""Check every internal link and anchor of a built site (both languages; and the PDFs' links to the
site, given its address).

    python scripts/check_links.py [site] [--site-url https://…/]

Prints each broken link as `page: target (reason)` and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitekit.output.linkcheck import check_site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    parser.add_argument("--site-url", default=os.environ.get("SITE_URL"), help="the address the PDFs link to")
    args = parser.parse_args(argv)
    broken = check_site(args.site, args.site_url)
    for link in broken:
        print(link.format())
    print(f"{len(broken)} broken link(s)" if broken else "OK: every internal link and anchor resolves")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
