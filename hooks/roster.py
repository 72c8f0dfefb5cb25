"""MkDocs hook: the trainer roster's CSV download (sitekit.content.roster does the work).

- on_post_build: write downloads/roster-<language>.csv with the public fields only (phone and email
  only with consent), every cell safe to open in a spreadsheet (no formula runs). The raw data file
  is never copied into the site.
"""

from __future__ import annotations

from pathlib import Path

from sitekit.content import roster
from sitekit.content import session
from sitekit.pages.roster_pages import CSV_NAME, agency_names


def on_post_build(config) -> None:
    site = session.site
    if not site.roster:
        return
    lang = config.theme["language"]
    agencies = agency_names(site, lang)
    out = Path(config.site_dir) / "downloads" / CSV_NAME.format(lang=lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(roster.to_csv(roster.public_rows(site.roster, agencies, lang)), encoding="utf-8")
