"""MkDocs hook: the 404 page in each language, Vietnamese at the root (what a host shows for any
missing address) and English under en/ (for a host that can serve one per folder).

- on_template_context: the words and links of overrides/404.html in the language being built.
- on_post_template: static-i18n's English build renders its 404.html to the same root file as the
  Vietnamese one: keep the Vietnamese one there and set the English one aside. Drop the
  `<link rel="alternate" hreflang>` tags, as on every page (hooks/offline.py says why).
- on_post_build (the outer build, before the offline zip): write the English one to en/404.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.output import offline
from sitekit.content import session
from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.content.model import page_url
from sitekit.ui import text

LINKS = ("index.md", "modules/index.md", "downloads.md", "glossary/index.md")  # where a lost reader starts again
_english: str | None = None
_vietnamese_written = False


def on_pre_build(config) -> None:
    global _english, _vietnamese_written
    if not config.plugins["i18n"].building:
        _english, _vietnamese_written = None, False


def _prefix(lang: str) -> str:
    return "" if lang == DEFAULT else f"{lang}/"


def on_template_context(context, template_name, config):
    if template_name != "404.html":
        return context
    lang = config.theme["language"]
    site = session.site
    other = next(code for code in LANGUAGES if code != lang)
    links = [{"url": _prefix(lang) + page_url(path),
              "label": text("not_found_home", lang) if path == "index.md" else site.pages[path].title(lang)}
             for path in LINKS if path == "index.md" or path in site.pages]
    context["not_found"] = {
        "title": text("not_found_title", lang), "text": text("not_found_text", lang),
        "search": text("not_found_search", lang), "links": links,
        "other": {"lang": other, "url": _prefix(other) + "index.html", "label": text("not_found_other", other)},
    }
    return context


def on_post_template(output: str, template_name: str, config) -> str:
    global _english, _vietnamese_written
    if template_name != "404.html":
        return output
    output = offline.without_alternates(output)
    if config.theme["language"] == DEFAULT:
        _vietnamese_written = True
        return output
    _english = output
    return output if not _vietnamese_written else _vietnamese_page(config)


def _vietnamese_page(config) -> str:
    return (Path(config.site_dir) / "404.html").read_text(encoding="utf-8")


@event_priority(-200)  # after static-i18n's English build (-100), before the offline zip (-300)
def on_post_build(config) -> None:
    if config.plugins["i18n"].building or _english is None:
        return
    target = Path(config.site_dir) / "en" / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_english, encoding="utf-8")
