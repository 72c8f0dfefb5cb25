"""Printable documents: every module in a participant and a facilitator edition, every course as the
facilitator's kit and the class handouts, and the agreement, in each language, as tagged PDF made by
WeasyPrint.

A module's participant edition (`trainee`) is the participant pack: the module's overview, objectives,
key points, handouts and self-check, each lesson's objectives, activities and summary with the
participants' material only (sitekit.content.editions drops every facilitator block), the module's terms and
further reading. The facilitator edition (`trainer`) is the facilitator guide: all of it, with every
lesson plan, solution, answer and note. The agreement's PDF holds the agreement alone: its data,
clauses, agencies, signatures and recipients, without the web page's wording or back-references.

The text is the same expanded Markdown as the site's pages (sitekit.pages.render), turned into HTML by
Python-Markdown with the site's own extensions; sitekit.output.printlinks makes its links work on paper and
on screen. A print stylesheet gives the cover, the contents with page numbers, the running header and
the "Trang x / y" footer, all in the document's language. Each PDF is cached under the hash of its
HTML: an unchanged document is never laid out again, so `mkdocs serve` rebuilds stay fast.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import markdown

from sitekit.content import abbreviations, agreement, curriculum, editions, git_dates
from sitekit.courses import agenda as course_agenda
from sitekit.courses import assessment
from sitekit.courses import forms as course_forms
from sitekit.courses.words import say
from sitekit.pages import render
from sitekit.pages.downloads import OUTPUT_DIR, Job
from sitekit.content.model import ContentObject, Site
from sitekit.output.printlinks import TERM_PREFIX, Links
from sitekit.output.siteconfig import SiteConfig
from sitekit.ui import date_words, duration, text

STYLESHEET = Path(__file__).with_name("print.css")
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}  # tagged (structure tree, language, title): read aloud in order


@dataclass
class Made:
    job: Job
    path: Path  # the file in the cache
    size: int
    rendered: bool  # False: taken from the cache
    seconds: float


def qr_svg(url: str) -> str:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=4, border=0)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@dataclass
class _Part:
    anchor: str  # the id of its section, also the prefix of the ids inside it
    title: str
    html: str


class Printer:
    """Makes the HTML of each printed document and lays it out, through the cache."""

    def __init__(self, site: Site, config: SiteConfig, cache_dir: Path):
        self.site, self.config, self.cache_dir = site, config, Path(cache_dir)
        self.css = STYLESHEET.read_text(encoding="utf-8")

    # --- HTML ---------------------------------------------------------------------------------

    def _markdown(self, edition: str, lang: str) -> markdown.Markdown:
        configs = {name: dict(options) for name, options in self.config.extension_configs.items()}
        configs.setdefault("toc", {})["permalink"] = False
        abbreviations.configure(configs, self.site.abbreviations, lang)
        extensions = list(self.config.extensions) + ([editions.ParticipantView()] if edition == "trainee" else [])
        return markdown.Markdown(extensions=extensions, extension_configs=configs)

    def _convert(self, md: markdown.Markdown, source: str, page: str, links: Links, prefix: str | None = None) -> str:
        md.reset()
        return links.rewrite(md.convert(source), page, prefix)

    def _page(self, obj: ContentObject, job: Job, md: markdown.Markdown, links: Links, title: str) -> _Part:
        """One page of the site (a module, a lesson) as a part of the document."""
        body = render.page_markdown(self.site, obj.page, job.lang, obj.version(job.lang).parsed.body, job.edition)
        return _Part(links.parts[obj.page], title, self._convert(md, body, obj.page, links))

    def _glossary(self, terms: list[ContentObject], job: Job, md: markdown.Markdown, links: Links) -> _Part | None:
        """The module's terms: each with its basis and its definition (the first paragraph of its page)."""
        entries = []
        for term in terms:
            version = term.version(job.lang)
            paragraphs = [p.strip() for p in version.parsed.body.split("\n\n")]
            definition = next((p for p in paragraphs if p and not re.match(r"[#!?<|>]", p)), "")
            basis = version.meta.get("basis")
            source = (f"### {term.title(job.lang)}\n\n" + (f"*{text('basis', job.lang)}: {basis}*\n\n" if basis else "")
                      + render.expand(self.site, term.page, job.lang, definition))
            entries.append(f'<div class="term" id="{links.parts[term.page]}">'
                           f"{self._convert(md, source, term.page, links)}</div>")
        intro = f'<p class="part-intro">{html.escape(text("glossary_intro", job.lang))}</p>'
        return _Part("part-glossary", text("glossary_part", job.lang), intro + "".join(entries)) if entries else None

    def _reading(self, module: ContentObject, job: Job, md: markdown.Markdown, links: Links) -> _Part | None:
        """Where to read more: the module's laws and policy documents, and its tasks in the agreement."""
        lang, sections = job.lang, []
        policies = [self.site.objects[str(p)] for p in module.meta.get("policies") or []]
        if policies:
            items = "\n".join(f"- [[{p.id}]]" + (f" ({p.meta['number']})" if p.meta.get("number")
                                                 and str(p.meta["number"]) not in p.title(lang) else "")
                              for p in policies)  # the number once: most titles hold it
            sections.append(f"## {text('reading_policies', lang)}\n\n{items}")
        tasks = [str(c) for c in module.meta.get("clauses") or []]
        if tasks:
            items = "\n".join(f"- [[{c}|{c}]]: {self.site.objects[c].title(lang)}" for c in tasks)
            sections.append(f"## {text('reading_tasks', lang)}\n\n{items}")
        if not sections:
            return None
        source = render.expand(self.site, module.page, lang, "\n\n".join(sections))
        return _Part("part-reading", text("reading_part", lang),
                     self._convert(md, source, module.page, links, prefix="part-reading"))

    def _toc(self, parts: list[_Part], lang: str) -> str:
        items = []
        for part in parts:
            items.append(f'<li class="part"><a href="#{part.anchor}">{html.escape(part.title)}</a></li>')
            for hid, heading in re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', part.html):
                label = re.sub(r"<[^>]+>", "", heading)
                items.append(f'<li class="section"><a href="#{hid}">{label}</a></li>')
        return f'<nav class="toc"><h2>{text("contents", lang)}</h2><ol>{"".join(items)}</ol></nav>'

    def _cover(self, job: Job, obj: ContentObject, rows: list[tuple[str, str]], code: str, links: Links) -> str:
        lang = job.lang
        agencies = self.site.agreement.agencies if self.site.agreement else {}
        url = links.site_href(obj.page)
        if self.config.site_url:
            online = (f'<img src="{qr_svg(url)}" alt="{html.escape(text("online", lang))}">'
                      f'<p>{html.escape(text("online", lang))}:<br><a href="{html.escape(url)}">{html.escape(url)}</a></p>')
        else:
            online = f'<p><a href="{html.escape(url)}">{html.escape(text("online_link", lang))}</a></p>'
        dl = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows if v)
        note = {"trainee": "trainee_note", "trainer": "trainer_note", "full": "unofficial",
                "handouts": "handouts_note"}[job.edition]
        if obj.kind == "course" and job.edition == "trainer":
            note = "course_trainer_note"
        edition = text(job.edition, lang)
        header = f"{code} · {edition}" if code else edition
        return (f'<section class="cover edition-{job.edition}">'
                f'<p class="band"><span class="edition-name">{html.escape(edition)}</span></p>'
                f'<p class="running">{html.escape(header)}</p>'
                f'<p class="programme">{html.escape(text("programme", lang))}</p>'
                + (f'<p class="code">{html.escape(code)}</p>' if code else "")
                + f'<h1>{html.escape(obj.title(lang))}</h1><dl>{dl}</dl>'
                + (f'<p class="edition-note">{html.escape(text(note, lang))}</p>' if text(note, lang) else "")
                + f'<div class="agencies">{"".join(f"<p>{html.escape(a.get(lang, k))}</p>" for k, a in agencies.items())}</div>'
                f'<div class="online">{online}</div></section>')

    def _module(self, job: Job, obj: ContentObject, md: markdown.Markdown, links: Links):
        site, lang = self.site, job.lang
        lessons = curriculum.lessons_of(site, obj.id)
        terms = [site.objects[str(t)] for t in obj.meta.get("terms") or []]
        links.parts.update({obj.page: "part-module"})
        links.parts.update({lesson.page: f"part-l{i}" for i, lesson in enumerate(lessons, start=1)})
        links.parts.update({term.page: f"{TERM_PREFIX}{term.id}" for term in terms})
        parts = [self._page(obj, job, md, links, obj.title(lang))]
        parts += [self._page(lesson, job, md, links, f"{text('lesson', lang)} {i}. {lesson.title(lang)}")
                  for i, lesson in enumerate(lessons, start=1)]
        parts += [part for part in (self._glossary(terms, job, md, links), self._reading(obj, job, md, links)) if part]
        changes = obj.version(lang).meta.get("changelog") or []
        released = date_words(changes[0]["date"], lang) if changes else text("not_recorded", lang)
        rows = [(text("audience", lang), str(obj.version(lang).meta.get("audience", ""))),
                (text("duration", lang),
                 f"{text('n_lessons', lang).format(n=len(lessons))}, {duration(curriculum.total_minutes(site, obj.id), lang)}"),
                (text("language", lang), text("language_name", lang)),
                (text("version", lang), text("version_of", lang).format(version=obj.meta.get("version", ""), date=released))]
        return parts, rows, str(obj.meta.get("code", ""))

    def _agreement(self, job: Job, obj: ContentObject, md: markdown.Markdown, links: Links):
        """The agreement alone: its data (what is not yet known said so), clauses, signatures, recipients."""
        lang, data = job.lang, self.site.agreement
        links.parts[obj.page] = "part-text"
        source = agreement.render_metadata(data, lang) + "\n\n" + agreement.render_text(data, lang)
        parts = [_Part("part-text", obj.title(lang), self._convert(md, source, obj.page, links))]
        updated = git_dates.last_change(self.site.root, [v.path for v in obj.versions.values()] + ["data/agreement.yml"])
        rows = [(text("language", lang), text("language_name", lang)),
                (text("updated", lang), date_words(updated, lang) if updated else text("not_recorded", lang))]
        return parts, rows, ""

    def _course(self, job: Job, obj: ContentObject, md: markdown.Markdown, links: Links):
        """A course as the facilitator's kit (its page with the agenda, both tests with the answer key,
        the forms and the report template) or as the class handouts (the tests without answers and the
        forms, each a part of its own: a new page to photocopy)."""
        site, lang = self.site, job.lang
        pre = assessment.items(site, obj)
        post = assessment.post_order(obj, pre)
        days = len(course_agenda.plan(site, obj))
        links.parts[obj.page] = "part-course"

        def part(anchor: str, title: str, body: str) -> _Part:
            return _Part(anchor, title, body)

        parts = []
        if job.edition == "trainer":
            parts.append(self._page(obj, job, md, links, obj.title(lang)))
        parts += [part("part-pretest", say("pretest", lang), assessment.sheet(obj, pre, lang)),
                  part("part-posttest", say("posttest", lang), assessment.sheet(obj, post, lang))]
        if job.edition == "trainer":
            parts.append(part("part-key", say("answer_key", lang), assessment.key(site, pre, post, lang)))
        parts += [part("part-evaluation", say("evaluation_form", lang), course_forms.evaluation(obj, lang)),
                  part("part-attendance", say("attendance", lang), course_forms.attendance(site, obj, days, lang))]
        if job.edition == "trainer":
            parts.append(part("part-report", say("report", lang), course_forms.report_template(obj, len(pre), lang)))
        own = obj.version(lang).meta
        rows = [(say("audience", lang), str(own.get("audience", ""))),
                (say("place", lang), str(own.get("place", ""))),
                (say("length", lang), say("n_days", lang, n=days)),
                (text("language", lang), text("language_name", lang))]
        return parts, rows, ""

    def html(self, job: Job) -> str:
        lang = job.lang
        obj = self.site.objects[job.object_id]
        md = self._markdown(job.edition, lang)
        links = Links(lang, self.config.site_url, {})
        make = {"module": self._module, "course": self._course}.get(obj.kind, self._agreement)
        parts, rows, code = make(job, obj, md, links)
        body = "".join(f'<section class="part" id="{p.anchor}"><h1>{html.escape(p.title)}</h1>{p.html}</section>'
                       for p in parts)
        body += links.sources_html(text("sources_part", lang), text("sources_intro", lang))
        if links.sources:
            parts.append(_Part("part-sources", text("sources_part", lang), ""))
        page_label = text("page_x_of_y", lang).format(x='" counter(page) "', y='" counter(pages) "')
        style = (f'{self.css}\n@page {{ @bottom-center {{ content: "{page_label}"; }} }}\n'
                 f'a.xref::after {{ content: " ({text("page_ref", lang)}\\A0" target-counter(attr(href), page) ")"; }}')
        title = (code + " · " if code else "") + obj.title(lang) + " · " + text(job.edition, lang)
        contents = "" if job.edition == "handouts" else self._toc(parts, lang)  # sheets to photocopy: no page wasted
        return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{html.escape(title)}</title>"
                f"<style>{style}</style></head><body>{self._cover(job, obj, rows, code, links)}"
                f"{contents}{body}</body></html>")

    # --- PDF ----------------------------------------------------------------------------------

    def make(self, selected: list[Job], workers: int | None = None) -> list[Made]:
        """Every selected PDF, from the cache when its HTML is unchanged; the rest laid out in parallel."""
        import weasyprint

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        pending, made = {}, {}
        for job in selected:
            document = self.html(job)
            key = hashlib.sha256(f"{weasyprint.__version__}\n{PDF_OPTIONS}\n{document}".encode()).hexdigest()[:24]
            path = self.cache_dir / f"{job.filename[:-4]}.{key}.pdf"
            if path.exists():
                made[job] = Made(job, path, path.stat().st_size, False, 0.0)
            else:
                pending[job] = (document, path)
        if pending:
            workers = workers or min(len(pending), os.cpu_count() or 1)
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = pool.map(_lay_out, [(doc, str(path)) for doc, path in pending.values()])
                for job, seconds in zip(pending, results):
                    path = pending[job][1]
                    made[job] = Made(job, path, path.stat().st_size, True, seconds)
            self._prune(made.values())
        record = {m.job.filename: {"size": m.size, "rendered": m.rendered, "seconds": round(m.seconds, 3)}
                  for m in made.values()}
        (self.cache_dir / "last-run.json").write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
        return [made[job] for job in selected]

    def _prune(self, current) -> None:
        """Drop cached versions of a document other than the current one."""
        keep = {m.path.name for m in current}
        names = {m.job.filename[:-4] for m in current}
        for path in self.cache_dir.glob("*.pdf"):
            if path.name not in keep and path.name.split(".")[0] in names:
                path.unlink()


def _lay_out(args: tuple[str, str]) -> float:
    """In a worker process: lay out one document and write its PDF (atomically). No base address:
    relative links stay relative (to downloads/, where the PDFs are published), never `file://`."""
    import weasyprint

    document, path = args
    start = time.perf_counter()
    tmp = f"{path}.tmp"
    weasyprint.HTML(string=document).write_pdf(tmp, **PDF_OPTIONS)
    os.replace(tmp, path)
    return time.perf_counter() - start


def source_fingerprint(site: Site, config: SiteConfig) -> str:
    """Changes whenever anything a PDF is made from may have changed: the files, the commit, the settings."""
    digest = hashlib.sha256()
    for folder in (site.root / site.docs_dir, site.root / "data", STYLESHEET.parent):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=site.root, capture_output=True, text=True)
    digest.update(f"{head.stdout}{config.site_url}{config.extensions}".encode())
    return digest.hexdigest()


def publish(made: list[Made], site_dir: Path) -> None:
    """Copy the PDFs into the built site, under downloads/."""
    out = Path(site_dir) / OUTPUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    for m in made:
        shutil.copyfile(m.path, out / m.job.filename)
