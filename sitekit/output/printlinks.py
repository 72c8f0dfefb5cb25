"""How the links of a printed document work, on paper and on screen.

- A link to a page (or a part of a page) that the document itself holds becomes an internal link,
  followed in print by its page number ("(tr. 12)"); a link inside the same page stays a plain jump.
  A term links to its entry in the document's glossary, marked by a dotted underline rather than a
  page number: terms recur on most pages, and a number after each would clutter the text (and make
  WeasyPrint lay out every page twice).
- A link to another page of the site keeps its title as the text and points to the page: with the
  site's public address, an absolute link; without it, a link relative to `downloads/`, where the
  PDFs are published, so that it works in the served site and in the offline copy. Never a path
  printed as a footnote, never a `file://` address.
- A link to an outside source gets a number; the sources are listed once, in order, at the end of the
  document with their full address.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

from sitekit.pages.downloads import OUTPUT_DIR
from sitekit.languages import DEFAULT
from sitekit.content.model import page_url

_ANCHOR = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>[^"]*)"(?P<more>[^>]*)>(?P<text>.*?)</a>', re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
TERM_PREFIX = "term-"  # the id prefix of a term's entry in the document's glossary


def online_path(docs_path: str, lang: str) -> str:
    """docs path of a page (`modules/m04/l1.md#x`) -> its address on the site (`en/modules/m04/l1.html#x`)."""
    path, _, anchor = docs_path.partition("#")
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return f"{prefix}{page_url(path)}" + (f"#{anchor}" if anchor else "")


@dataclass
class Links:
    """The links of one document: which pages it holds (docs path -> id prefix of that part), where
    the site is published, and the outside sources met so far (numbered in order of appearance)."""

    lang: str
    site_url: str | None
    parts: dict[str, str]  # docs path of a page the document holds -> the prefix of its ids
    sources: list[tuple[str, str]] = field(default_factory=list)  # (address, the link's text)

    def site_href(self, docs_path: str) -> str:
        """The address of a page of the site, from a PDF published under downloads/."""
        path = online_path(docs_path, self.lang)
        if self.site_url:
            return f"{self.site_url.rstrip('/')}/{path}"
        return posixpath.relpath(path.partition("#")[0], OUTPUT_DIR) + (f"#{path.partition('#')[2]}" if "#" in path else "")

    def part_id(self, docs_path: str) -> str | None:
        """The id of a page the document holds (its part or, with an anchor, the element)."""
        path, _, anchor = docs_path.partition("#")
        prefix = self.parts.get(path)
        if prefix is None:
            return None
        return f"{prefix}-{anchor}" if anchor else prefix

    def source_number(self, url: str, label: str) -> int:
        for number, (known, _) in enumerate(self.sources, start=1):
            if known == url:
                return number
        self.sources.append((url, label))
        return len(self.sources)

    def rewrite(self, body: str, page: str, prefix: str | None = None) -> str:
        """HTML made from the page `page` (docs path): its ids prefixed (by default with the prefix
        of that page's part) and every link resolved from that page."""
        prefix = prefix or self.parts[page]
        body = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', body)

        def anchor(m: re.Match) -> str:
            target, label = html.unescape(m.group("href")), m.group("text")
            attrs = m.group("attrs") + m.group("more")
            if target.startswith("#"):
                return f'<a{attrs}href="#{prefix}-{html.escape(target[1:])}">{label}</a>'
            if _SCHEME.match(target):
                number = self.source_number(target, re.sub(r"<[^>]+>", "", label))
                return (f'<a{attrs}class="external" href="{html.escape(target)}">{label}</a>'
                        f'<sup class="source-ref"><a href="#source-{number}">{number}</a></sup>')
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            inside = self.part_id(resolved)
            if inside and inside.startswith(TERM_PREFIX):  # a term: its definition in the glossary part
                return f'<a{attrs}class="term-ref" href="#{html.escape(inside)}">{label}</a>'
            if inside:
                return f'<a{attrs}class="xref" href="#{html.escape(inside)}">{label}</a>'
            return f'<a{attrs}class="site" href="{html.escape(self.site_href(resolved))}">{label}</a>'

        return _ANCHOR.sub(anchor, body)

    def sources_html(self, heading: str, intro: str) -> str:
        """The list of outside sources, numbered as in the text, with their full address."""
        if not self.sources:
            return ""
        items = "".join(f'<li id="source-{n}"><span class="source-label">{html.escape(label)}</span> '
                        f'<a href="{html.escape(url)}">{html.escape(url)}</a></li>'
                        for n, (url, label) in enumerate(self.sources, start=1))
        return (f'<section class="part sources" id="part-sources"><h1>{html.escape(heading)}</h1>'
                f'<p>{html.escape(intro)}</p><ol>{items}</ol></section>')
