"""MkDocs hook: readers know where they are on the pages that `nav:` does not list (modules,
lessons, policies, terms); sitekit.pages.wayfinding finds their place in the content model.

- on_nav: remember this language's pages by their Vietnamese path (static-i18n's `norm_src_uri`).
- on_page_context: give the breadcrumb (overrides/partials/path.html) its trail, mark the page's
  section in the sidebar, and point Material's footer at the lesson before and after.
- on_post_page: unmark the section, so that the next page starts from a clean sidebar.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from sitekit.content import session
from sitekit.pages import wayfinding

_pages: dict = {}  # Vietnamese docs path -> Page of the language being built
_marked = None  # the section page marked active for the page being rendered


@event_priority(-150)  # after static-i18n has made this language's navigation (-100)
def on_nav(nav, config, files):
    global _marked
    _pages.clear()
    _marked = None
    for file in files.documentation_pages():
        if file.page is not None:
            _pages[getattr(file, "norm_src_uri", file.src_uri)] = file.page
    return nav


def on_page_context(context, page, config, nav):
    global _marked
    src = getattr(page.file, "norm_src_uri", page.file.src_uri)
    where = wayfinding.place(session.site, src, config.theme["language"])
    if where is None:
        return context
    context["trail"] = [{"label": step.label, "title": step.title,
                         "url": get_relative_url(_pages[step.page].url, page.url) if step.page in _pages else None}
                        for step in where.trail]
    section = _pages.get(where.section)
    if section is not None and not section.active:
        section.active = True  # Material marks the item and opens its section in the sidebar
        _marked = section
    page.previous_page = _pages.get(where.previous)
    page.next_page = _pages.get(where.next)
    return context


def on_post_page(output, page, config):
    global _marked
    if _marked is not None:
        _marked.active = False
        _marked = None
    return output
