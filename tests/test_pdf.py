"""The printable modules and the agreement: real PDFs from the session build, read back with pypdf."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sitekit import curriculum, downloads, pdf, siteconfig
from sitekit.model import page_url
from sitekit.validation import check
from tests.conftest import ROOT, SITE_URL, build_real_site

SITE, _ = check(ROOT)
JOBS = downloads.jobs(SITE)
MODULE_JOBS = [j for j in JOBS if j.edition in downloads.EDITIONS]


@lru_cache(maxsize=None)
def pdf_text(path: Path) -> str:
    """The text of every page, NFC, with all white space removed (line breaks fall anywhere)."""
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", value))


def test_every_module_and_the_agreement_has_its_pdfs():
    assert len(MODULE_JOBS) == 4 * len(curriculum.modules(SITE)) >= 32
    assert {(j.lang, j.edition) for j in JOBS if j.slug == "agreement"} == {("vi", "full"), ("en", "full")}


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.filename)
def test_each_pdf_opens_with_a_plausible_page_count_and_its_titles(site, job):
    path = site / downloads.OUTPUT_DIR / job.filename
    reader = PdfReader(path)
    assert 8 <= len(reader.pages) <= 80
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4
    text = pdf_text(path)
    obj = SITE.objects[job.object_id]
    assert squeeze(obj.title(job.lang)) in text
    if obj.kind == "module":
        for lesson in curriculum.lessons_of(SITE, obj.id):
            assert squeeze(lesson.title(job.lang)) in text, lesson.id
    page_word = {"vi": "Trang", "en": "Page"}[job.lang]
    assert f"{page_word}3" in text and ("/" + str(len(reader.pages)) in text or f"of{len(reader.pages)}" in text)


@lru_cache(maxsize=None)
def trainer_only_snippets(module_id: str, lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A stretch of the text of every facilitator note and every quiz answer, from the trainer HTML."""
    printer = pdf.Printer(SITE, siteconfig.load(ROOT), Path("/nonexistent"))
    job = next(j for j in MODULE_JOBS if j.object_id == module_id and j.lang == lang and j.edition == "trainer")
    doc = BeautifulSoup(printer.html(job), "html.parser")

    def snippets(css: str) -> tuple[str, ...]:
        found = []
        for block in doc.select(css):
            # the end of its longest paragraph without links (a link adds a footnote number to the text)
            texts = [squeeze(p.get_text()) for p in block.select("p, li") if not p.select("a")]
            if texts:
                found.append(max(texts, key=len)[-80:])
        return tuple(found)

    return snippets("details.trainer"), snippets("details.answer")


@pytest.mark.parametrize("job", [j for j in MODULE_JOBS if j.edition == "trainer"], ids=lambda j: j.filename)
def test_trainee_edition_leaves_out_notes_and_answers_the_trainer_edition_has_them(site, job):
    notes, answers = trainer_only_snippets(job.object_id, job.lang)
    assert len(notes) >= 1 and len(answers) >= 4
    trainer = pdf_text(site / downloads.OUTPUT_DIR / job.filename)
    trainee = pdf_text(site / downloads.OUTPUT_DIR / job.filename.replace("-trainer-", "-trainee-"))
    for snippet in notes + answers:
        # the block's text is in the trainer edition only (a phrase may also occur in the lessons)
        assert trainer.count(snippet) > trainee.count(snippet), snippet
    heading = {"vi": "Ghichúchobáocáoviên", "en": "Facilitatornotes"}[job.lang]
    assert heading in trainer and heading not in trainee


def test_cover_names_edition_language_version_agencies_and_online_address(site):
    for job in (JOBS[0], MODULE_JOBS[0], MODULE_JOBS[3]):
        reader = PdfReader(site / downloads.OUTPUT_DIR / job.filename)
        cover = squeeze(reader.pages[0].extract_text())
        words = {"vi": ("Ấnbản", "Ngônngữ", "Phiênbản", "HộiLHPNtỉnh"),
                 "en": ("Edition", "Language", "Version", "ProvincialWomen'sUnion")}[job.lang]
        for word in words:
            assert word in cover, (job.filename, word)
        url = SITE_URL + ("en/" if job.lang == "en" else "") + page_url(SITE.objects[job.object_id].page)
        assert squeeze(url) in cover
        assert re.search(r"[0-9a-f]{7}\(\d{4}-\d{2}-\d{2}\)", cover), "version from git"
        assert list(reader.pages[0].images) or "/XObject" in str(reader.pages[0].get("/Resources")), "QR code"
        assert reader.metadata.title.startswith(SITE.objects[job.object_id].meta.get("code", "") or "")


def test_second_build_lays_out_nothing_and_gives_the_same_files(site_build, pdf_cache, tmp_path):
    _, first_log = site_build
    assert f"PDF: {len(JOBS)} documents, {len(JOBS)} laid out, 0 from cache" in first_log
    result = build_real_site(tmp_path / "again", pdf_cache)
    assert result.returncode == 0, result.stderr
    assert f"PDF: {len(JOBS)} documents, 0 laid out, {len(JOBS)} from cache" in result.stdout + result.stderr
    record = json.loads((pdf_cache / "last-run.json").read_text(encoding="utf-8"))
    assert len(record) == len(JOBS) and not any(entry["rendered"] for entry in record.values())
    # Determinism: the second build of the same commit gives the same files, byte for byte, except
    # what must differ: (1) the gzip copy of the sitemap holds the time it was written; (2) the
    # git-revision-date plugin finds no "last updated" commit for a page unchanged since the
    # repository's first (root) commit and uses the build time: its tooltip holds the time of day,
    # and the offline zip holds those pages.
    first, again = site_build[0], tmp_path / "again"
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    may_differ = {"sitemap.xml.gz", "en/sitemap.xml.gz", "downloads/offline-site.zip"}
    build_time = re.compile(rb'title="[^"]*\d\d:\d\d:\d\d UTC"')

    def same(rel: str) -> bool:
        a, b = (first / rel).read_bytes(), (again / rel).read_bytes()
        return a == b or (rel.endswith(".html") and build_time.sub(b"", a) == build_time.sub(b"", b))

    different = [f for f in files if f not in may_differ and not same(f)]
    assert not different, different


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_module_pages_offer_every_edition_and_language_with_its_size(site, page, lang):
    prefix = "" if lang == "vi" else "en/"
    for module in curriculum.modules(SITE):
        url = prefix + page_url(module.page)
        doc = page(url)
        links = doc.select("#downloads + table a[download]")
        assert len(links) == 4, module.id
        for a in links:
            target = (site / url).parent.joinpath(a["href"]).resolve()
            assert target.is_file() and target.suffix == ".pdf"
            size = downloads.size_label(target.stat().st_size)
            assert a.get_text() == f"PDF, {size}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_downloads_page_lists_every_pdf(site, page, lang):
    prefix = "" if lang == "vi" else "en/"
    links = page(prefix + "downloads.html").select("article table a[download]")
    files = {(site / prefix / a["href"]).resolve().name for a in links}
    assert all((site / prefix / a["href"]).resolve().is_file() for a in links)
    assert files == {job.filename for job in JOBS}


def test_build_pdf_command_renders_one_module(tmp_path):
    import os
    import subprocess
    import sys

    out = tmp_path / "out"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/build_pdf.py"), "--module", "m04", "--lang", "en",
                             "--edition", "trainee", "--out", str(out)],
                            env={**os.environ, "SITE_PDF_CACHE": str(tmp_path / "cache")},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    files = list(out.glob("*.pdf"))
    assert [f.name for f in files] == ["hp04-trainee-en.pdf"]
    assert squeeze(SITE.objects["m04"].title("en")) in pdf_text(files[0])
