"""Printable documents: every module in a trainee and a trainer edition, and the agreement, in each
language, as PDF made by WeasyPrint.

The text is the same expanded Markdown as the site's pages (sitekit.render), turned into HTML by
Python-Markdown with the site's own extensions. The trainee edition drops every `??? trainer` and
`??? answer` block and the facilitator-notes section before layout, so none of it is in the file.
A print stylesheet gives the cover, the contents with page numbers, the running header and the
"Trang x / y" footer. Each PDF is cached under the hash of its HTML: an unchanged document is never
laid out again, so `mkdocs serve` rebuilds stay fast.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import posixpath
import re
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from sitekit import abbreviations, cards, curriculum, render
from sitekit.downloads import OUTPUT_DIR, Job
from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.model import ContentObject, Site, page_url
from sitekit.siteconfig import SiteConfig
from sitekit.ui import duration, text

STYLESHEET = Path(__file__).with_name("print.css")
TRAINER_ONLY = {"trainer", "answer"}  # classes of the blocks only trainers get


@dataclass
class Made:
    job: Job
    path: Path  # the file in the cache
    size: int
    rendered: bool  # False: taken from the cache
    seconds: float


class _DropTrainerOnly(Treeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                classes = set((child.get("class") or "").split())
                if classes & TRAINER_ONLY or child.get("id") == "facilitator-notes":
                    parent.remove(child)


class TraineeEdition(Extension):
    """Leaves out what only trainers get: `??? trainer` and `??? answer` blocks, facilitator notes."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_DropTrainerOnly(md), "trainee_edition", 1)  # after attr_list and toc


def online_path(docs_path: str, lang: str) -> str:
    """docs path of a page (`modules/m04/l1.md#x`) -> its address on the site (`en/modules/m04/l1/#x`)."""
    path, _, anchor = docs_path.partition("#")
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return f"{prefix}{page_url(path)}" + (f"#{anchor}" if anchor else "")


def git_version(root: Path, paths: list[str]) -> str:
    """`abc1234 (2026-11-26)`: the last commit that changed these files, or '' outside git."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%h (%cs)", "--", *paths], cwd=root,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def qr_svg(url: str) -> str:
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=4, border=0)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


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
        extensions = list(self.config.extensions) + ([TraineeEdition()] if edition == "trainee" else [])
        return markdown.Markdown(extensions=extensions, extension_configs=configs)

    def _url(self, docs_path: str, lang: str) -> str:
        path = online_path(docs_path, lang)
        base = (self.config.site_url or "").rstrip("/")
        return f"{base}/{path}" if base else f"/{path}"

    def _part(self, obj: ContentObject, lang: str, edition: str, prefix: str) -> str:
        """One page of the site (a module, a lesson, the agreement) as print HTML, its ids prefixed."""
        version = obj.version(lang)
        body = render.page_markdown(self.site, obj.page, lang, version.parsed.body, printing=True)
        md = self._markdown(edition, lang)
        out = md.convert(body)
        out = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', out)

        def href(m: re.Match) -> str:
            target = html.unescape(m.group(1))
            if target.startswith("#"):
                return f'href="#{prefix}-{target[1:]}"'
            if not re.match(r"^[a-z]+:", target):
                resolved = posixpath.normpath(posixpath.join(posixpath.dirname(obj.page), target))
                target = self._url(resolved, lang)
            return f'href="{html.escape(target)}"'

        out = re.sub(r'href="([^"]+)"', href, out)
        # every link's target printed as a footnote
        return re.sub(r'(<a href="((?!#)[^"]+)"[^>]*>.*?</a>)', r'\1<span class="link-note">\2</span>', out)

    def _toc(self, parts: list[tuple[str, str, str]], lang: str) -> str:
        items = []
        for anchor, title, body in parts:
            items.append(f'<li class="part"><a href="#{anchor}">{html.escape(title)}</a></li>')
            for hid, heading in re.findall(r'<h2 id="([^"]+)">(.*?)</h2>', body):
                label = re.sub(r"<[^>]+>", "", heading)
                items.append(f'<li class="section"><a href="#{hid}">{label}</a></li>')
        return f'<nav class="toc"><h2>{text("contents", lang)}</h2><ol>{"".join(items)}</ol></nav>'

    def _cover(self, job: Job, obj: ContentObject, lang: str, rows: list[tuple[str, str]], code: str) -> str:
        agencies = self.site.agreement.agencies if self.site.agreement else {}
        url = self._url(obj.page, lang)
        qr = f'<img src="{qr_svg(url)}" alt="QR">' if self.config.site_url else ""
        dl = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows if v)
        note = {"trainee": "trainee_note", "trainer": "trainer_note"}.get(job.edition)
        unofficial = text("unofficial", lang) if job.edition == "full" else ""
        extra = text(note, lang) if note else unofficial
        return (f'<section class="cover"><p class="programme">{html.escape(text("programme", lang))}</p>'
                f'<p class="code"><span class="code-value">{html.escape(code)}</span></p>'
                f'<h1>{html.escape(obj.title(lang))}</h1><dl>{dl}</dl>'
                f'<div class="agencies">{"".join(f"<p>{html.escape(a.get(lang, k))}</p>" for k, a in agencies.items())}</div>'
                f'<div class="online">{qr}<p>{html.escape(text("online", lang))}:<br>{html.escape(url)}</p></div>'
                + (f'<p class="edition-note">{html.escape(extra)}</p>' if extra else "") + "</section>")

    def html(self, job: Job) -> str:
        site, lang = self.site, job.lang
        obj = site.objects[job.object_id]
        files = [v.path for v in obj.versions.values()]
        if obj.kind == "module":
            lessons = curriculum.lessons_of(site, obj.id)
            files += [v.path for lesson in lessons for v in lesson.versions.values()]
            parts = [("part-module", obj.title(lang), self._part(obj, lang, job.edition, "module"))]
            parts += [(f"part-l{i}", f"{text('lesson', lang)} {i}. {lesson.title(lang)}",
                       self._part(lesson, lang, job.edition, f"l{i}")) for i, lesson in enumerate(lessons, start=1)]
            own = obj.version(lang).meta
            minutes = curriculum.total_minutes(site, obj.id)
            rows = [(text("audience", lang), str(own.get("audience", ""))),
                    (text("duration", lang), f"{text('n_lessons', lang).format(n=len(lessons))}, {duration(minutes, lang)}"),
                    (text("edition", lang), text(job.edition, lang))]
            code = str(obj.meta.get("code", ""))
        else:
            files.append("data/agreement.yml")
            parts = [("part-text", obj.title(lang), self._part(obj, lang, job.edition, "text"))]
            rows = [(text("edition", lang), text("full", lang))]
            code = ""
        commit = git_version(site.root, files) or text("not_recorded", lang)
        version = f"{cards.module_version(obj, lang)} · {commit}" if obj.kind == "module" else commit
        rows += [(text("language", lang), text("language_name", lang)), (text("version", lang), version)]
        page_label = text("page_x_of_y", lang).format(x='" counter(page) "', y='" counter(pages) "')
        style = f'{self.css}\n@page {{ @bottom-center {{ content: "{page_label}"; }} }}'
        body = "".join(f'<section class="part" id="{a}"><h1>{html.escape(t)}</h1>{b}</section>' for a, t, b in parts)
        return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
                f"<title>{html.escape((code + ' · ' if code else '') + obj.title(lang))}</title>"
                f"<style>{style}</style></head><body>{self._cover(job, obj, lang, rows, code)}"
                f"{self._toc(parts, lang)}{body}</body></html>")

    # --- PDF ----------------------------------------------------------------------------------

    def make(self, selected: list[Job], workers: int | None = None) -> list[Made]:
        """Every selected PDF, from the cache when its HTML is unchanged; the rest laid out in parallel."""
        import weasyprint

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        base_url = str(self.site.root / self.site.docs_dir)
        pending, made = {}, {}
        for job in selected:
            document = self.html(job)
            key = hashlib.sha256(f"{weasyprint.__version__}\n{document}".encode()).hexdigest()[:24]
            path = self.cache_dir / f"{job.filename[:-4]}.{key}.pdf"
            if path.exists():
                made[job] = Made(job, path, path.stat().st_size, False, 0.0)
            else:
                pending[job] = (document, path)
        if pending:
            workers = workers or min(len(pending), os.cpu_count() or 1)
            with ProcessPoolExecutor(max_workers=workers) as pool:
                results = pool.map(_lay_out, [(doc, base_url, str(path)) for doc, path in pending.values()])
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


def _lay_out(args: tuple[str, str, str]) -> float:
    """In a worker process: lay out one document and write its PDF (atomically)."""
    import weasyprint

    document, base_url, path = args
    start = time.perf_counter()
    tmp = f"{path}.tmp"
    weasyprint.HTML(string=document, base_url=base_url).write_pdf(tmp)
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
