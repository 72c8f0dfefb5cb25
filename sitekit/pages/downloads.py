"""The printable files of the site: which PDFs exist (every module in a trainee and a trainer
edition, every course as the facilitator's kit and the class handouts, and the agreement, in each
language), their names, and the download blocks that link them.

`sitekit.output.pdf` makes the files; the build records their sizes in `Site.downloads`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitekit.content import curriculum
from sitekit.courses.page import workbook_buttons
from sitekit.languages import LANGUAGES
from sitekit.markdown import link
from sitekit.content.model import Site, site_href
from sitekit.ui import text

EDITIONS = ("trainee", "trainer")
COURSE_EDITIONS = ("trainer", "handouts")  # the facilitator's kit; the tests and forms to photocopy
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
    for course in sorted((o for o in site.objects.values() if o.kind == "course"), key=lambda o: o.id):
        result += [Job(course.id, lang, edition, course.id) for lang in LANGUAGES for edition in COURSE_EDITIONS]
    return result


def size_label(size: int, lang: str) -> str:
    """320 KB, 7,8 MB (Vietnamese writes a decimal comma), 7.8 MB."""
    label = f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"
    return label.replace(".", ",") if lang == "vi" else label


def file_href(filename: str, page: str, lang: str) -> str:
    return site_href(f"{OUTPUT_DIR}/{filename}", page, lang)


def buttons(site: Site, object_id: str, page: str, lang: str, languages=LANGUAGES) -> str:
    """The PDF buttons of one object, one per edition and language, each a direct link to the file
    with its size (a reader on a weak signal decides before the download starts)."""
    links = []
    for job in jobs(site):
        if job.object_id != object_id or job.lang not in languages:
            continue
        size = site.downloads.get(job.filename)
        label = f"{text(job.edition + '_short', lang)} · {text('language_name', job.lang)}"
        links.append(f'<a class="md-button pdf-button" href="{file_href(job.filename, page, lang)}" download '
                     f'hreflang="{job.lang}">{label}<span class="pdf-size">PDF{f", {size_label(size, lang)}" if size else ""}'
                     f"</span></a>")
    return f'<span class="pdf-buttons">{"".join(links)}</span>' if links else ""


def block(site: Site, object_id: str, page: str, lang: str) -> str:
    """The download block of an object's page: its PDFs in every edition and language."""
    if not any(job.object_id == object_id for job in jobs(site)):
        return ""
    heading = f"## {text('downloads', lang)} {{#downloads data-search-exclude}}\n\n"
    if not site.downloads:
        return heading + f"*{text('pdf_off', lang)}*\n"
    return heading + buttons(site, object_id, page, lang) + "\n"


def index(site: Site, page: str, lang: str) -> str:
    """The downloads page: a card per module with its four PDFs, the agreement, the roster's lists
    and the offline copy of the whole site."""
    if not site.downloads:
        return f"*{text('pdf_off', lang)}*\n"
    cards = []
    for module in curriculum.modules(site):
        cards.append(f"-   **{module.meta.get('code', '')}** · {link(module, page, lang)}\n\n"
                     f"    {buttons(site, module.id, page, lang)}\n")
    out = [f"## {text('modules_heading', lang)} {{#modules}}\n",
           '<div class="grid cards download-cards" markdown>\n', "\n".join(cards), "</div>\n"]
    courses = sorted((o for o in site.objects.values() if o.kind == "course"), key=lambda o: o.id)
    if courses:
        cards = [f"-   {link(course, page, lang)}\n\n    {buttons(site, course.id, page, lang)}{workbook_buttons(course, page, lang)}\n"
                 for course in courses]
        out += [f"## {text('courses_heading', lang)} {{#courses}}\n",
                '<div class="grid cards download-cards" markdown>\n', "\n".join(cards), "</div>\n"]
    agreement = site.placeholder_pages.get("agreement_text")
    if agreement:
        out += [f"## {text('agreement_heading', lang)} {{#agreement}}\n",
                buttons(site, site.pages[agreement].id, page, lang) + "\n"]
    if site.roster:
        csv = "".join(f'<a class="md-button pdf-button" href="{file_href(f"roster-{code}.csv", page, lang)}" download '
                       f'hreflang="{code}">{text("roster_csv_button", lang)} · {text("language_name", code)}</a>'
                       for code in LANGUAGES)
        out += [f"## {text('roster_heading', lang)} {{#roster}}\n", f"{text('roster_csv_note', lang)}\n",
                f'<span class="pdf-buttons">{csv}</span>\n']
    out += [f"## {text('offline_heading', lang)} {{#offline}}\n", offline_block(site, page, lang)]
    return "\n".join(out)


OFFLINE_ZIP = "offline-site.zip"  # made by sitekit.output.offline at the end of the build


SIZE_SLOT = '<span class="offline-size" data-lang="{lang}"></span>'  # the zip is made last: sitekit.output.offline fills it


def offline_link(site: Site, page: str, lang: str) -> str:
    """The link to the zip of the whole site, with its size once the build has made it."""
    return (f'<a href="{file_href(OFFLINE_ZIP, page, lang)}" download>{text("offline_zip", lang)}</a> '
            f"({SIZE_SLOT.format(lang=lang)})")


def offline_block(site: Site, page: str, lang: str) -> str:
    """The offline copy on the downloads page: the button, its size, and where it works."""
    return (f'<span class="pdf-buttons"><a class="md-button pdf-button" href="{file_href(OFFLINE_ZIP, page, lang)}" '
            f'download>{text("offline_zip", lang)}<span class="pdf-size">ZIP, {SIZE_SLOT.format(lang=lang)}</span></a>'
            f'</span>\n\n{text("offline_advice", lang)}\n')
