"""Where a page sits, for a reader who arrived from a search or a link: its breadcrumb trail, the
section of the sidebar it belongs to, and the pages before and after it.

Modules, lessons, policies and terms are not listed in `nav:` (readers reach them through their
generated index pages, and a nav of 200 pages would weigh on every page), so MkDocs knows no place
for them. The content model does: a lesson belongs to its module, a module to the catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitekit.content import curriculum
from sitekit.content.model import Site
from sitekit.ui import text

SECTION_OF = {  # kind -> the placeholder of the index page that lists it (that page is in `nav:`)
    "module": "module_index",
    "lesson": "module_index",
    "policy": "policy_index",
    "term": "glossary",
    "course": "course_index",
}


@dataclass(frozen=True)
class Step:
    label: str
    page: str | None = None  # docs path (Vietnamese name); None: the page itself, not a link
    title: str = ""  # the full name of a linked step whose label is short (a module code)


@dataclass(frozen=True)
class Place:
    section: str  # docs path of the index page: marked in the sidebar
    trail: tuple[Step, ...]
    previous: str | None = None  # docs paths of the neighbours (lessons of one module, in order)
    next: str | None = None


def place(site: Site, page: str, lang: str) -> Place | None:
    """The place of the page `page` (docs path), or None for a page that `nav:` already places."""
    obj = site.pages.get(page)
    section = site.placeholder_pages.get(SECTION_OF.get(obj.kind, "")) if obj else None
    if not section or section == page:
        return None
    home = Step(site.pages[section].title(lang), section)
    if obj.kind == "module":  # the catalogue before it is in the breadcrumb
        lessons = curriculum.lessons_of(site, obj.id)
        return Place(section, (home, Step(_code(obj))), None, lessons[0].page if lessons else None)
    if obj.kind == "lesson":
        module = site.objects[obj.meta["module"]]
        lessons = curriculum.lessons_of(site, module.id)
        i = lessons.index(obj)
        here = Step(f"{text('lesson', lang)} {i + 1}/{len(lessons)}")  # its title is the heading below
        return Place(section, (home, Step(_code(module), module.page, module.title(lang)), here),
                     lessons[i - 1].page if i else module.page,
                     lessons[i + 1].page if i + 1 < len(lessons) else None)
    return Place(section, (home,))


def _code(module) -> str:
    return str(module.meta.get("code") or module.id)
