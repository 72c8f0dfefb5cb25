"""MkDocs hook: the printable modules and the agreement as PDF (sitekit.output.pdf does the work).

- on_pre_build: make every PDF (each module in a trainee and a trainer edition, the agreement; every
  language) through the cache, and record the sizes for the download blocks. Runs after the content
  hook, on the model it validated. The other language's build reuses the result while no source
  changed, so PDFs are made once per build.
- on_post_build: copy the PDFs into site/downloads/.

SITE_PDF=0 skips the PDFs (a fast `mkdocs serve`); the pages then say that none were made.
SITE_PDF_CACHE names the cache folder (default .cache/pdf).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sitekit.output import pdf, siteconfig
from sitekit.content import session
from sitekit.pages.downloads import jobs

log = logging.getLogger("mkdocs.hooks.pdf")
_made: list[pdf.Made] = []
_fingerprint: str | None = None


def _enabled() -> bool:
    return os.environ.get("SITE_PDF", "1").lower() not in ("0", "off", "false", "no")


def on_pre_build(config) -> None:
    global _made, _fingerprint
    site = session.site
    if not _enabled():
        _made, _fingerprint = [], None
        return
    settings = siteconfig.load(site.root)  # the same settings as scripts/build_pdf.py: same files
    fingerprint = pdf.source_fingerprint(site, settings)
    if fingerprint != _fingerprint:
        cache = Path(os.environ.get("SITE_PDF_CACHE") or site.root / ".cache/pdf")
        _made = pdf.Printer(site, settings, cache).make(jobs(site))
        _fingerprint = fingerprint
        laid_out = sum(m.rendered for m in _made)
        log.info(f"PDF: {len(_made)} documents, {laid_out} laid out, {len(_made) - laid_out} from cache")
    site.downloads = {m.job.filename: m.size for m in _made}


def on_post_build(config) -> None:
    if _made:
        pdf.publish(_made, Path(config.site_dir))
