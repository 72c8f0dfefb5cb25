"""The printable files of the site: which PDFs exist (every module in a trainee and a trainer
edition, and the agreement, in each language), their names, and the download blocks that link them.

`sitekit.pdf` makes the files; the build records their sizes in `Site.downloads`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from sitekit import curriculum
from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.markdown import link, table
from sitekit.model import Site, page_url
from sitekit.ui import text

EDITIONS = ("trainee", "trainer")
OUTPUT_DIR = "downloads"  # under the built site


@dataclass(frozen=True)
class Job:
    """One PDF: an object (a module, or the agreement page) in one language and edition."""

    object_id: str
    lang: str
    edition: str  # trainee | trainer | full (the agreement)
    slug: str  # hp04, agreement

    @property
    def filename(self) -> str:
        return f"{self.slug}-{self.edition}-{self.lang}.pdf"


def jobs(site: Site) -> list[Job]:
    result = []
    agreement_page = site.placeholder_pages.get("agreement_text")
    if agreement_page:
        result += [Job(site.pages[agreement_page].id, lang, "full", "agreement") for lang in LANGUAGES]
    for module in curriculum.modules(site):
        slug = re.sub(r"[^a-z0-9]+", "-", str(module.meta.get("code", module.id)).lower()).strip("-")
        result += [Job(module.id, lang, edition, slug) for lang in LANGUAGES for edition in EDITIONS]
    return result


def size_label(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def site_href(path: str, page: str, lang: str) -> str:
    """Relative address of a file of the built site (`downloads/x.pdf`, shared by all languages)
    from the built page of `page` (docs path) in `lang`."""
    page_dir = posixpath.dirname((f"{lang}/" if lang != DEFAULT else "") + page_url(page))
    return posixpath.relpath(path, page_dir or ".")


def file_href(filename: str, page: str, lang: str) -> str:
    return site_href(f"{OUTPUT_DIR}/{filename}", page, lang)


def _file_link(site: Site, job: Job, page: str, lang: str) -> str:
    size = site.downloads.get(job.filename)
    label = f"PDF, {size_label(size)}" if size else "PDF"
    return f'<a href="{file_href(job.filename, page, lang)}" download>{label}</a>'


def block(site: Site, object_id: str, page: str, lang: str) -> str:
    """The download block of one object's page: a table of edition x language."""
    mine = [job for job in jobs(site) if job.object_id == object_id]
    if not mine:
        return ""
    heading = f"## {text('downloads', lang)} {{#downloads}}\n\n"
    if not site.downloads:
        return heading + f"*{text('pdf_off', lang)}*\n"
    editions = list(dict.fromkeys(job.edition for job in mine))
    rows = []
    for edition in editions:
        cells = [_file_link(site, job, page, lang) for code in LANGUAGES
                 for job in mine if job.edition == edition and job.lang == code]
        rows.append([text(edition, lang)] + cells)
    header = [text("edition", lang)] + [text("language_name", code) for code in LANGUAGES]
    return heading + table(header, rows) + "\n"


def index(site: Site, page: str, lang: str) -> str:
    """Every printable file of the site, for the downloads page."""
    if not site.downloads:
        return f"*{text('pdf_off', lang)}*\n"
    rows = []
    for job in jobs(site):
        obj = site.objects[job.object_id]
        rows.append([link(obj, page, lang), text(job.edition, lang), text("language_name", job.lang),
                     _file_link(site, job, page, lang)])
    return table([text("document", lang), text("edition", lang), text("language", lang), text("file", lang)],
                 rows) + "\n"


OFFLINE_ZIP = "offline-site.zip"  # made by sitekit.offline at the end of the build


def offline_link(site: Site, page: str, lang: str) -> str:
    """The link to the zip of the whole site, to read without a connection."""
    return f'<a href="{file_href(OFFLINE_ZIP, page, lang)}" download>{text("offline_zip", lang)}</a>'
