"""The printable modules and the agreement: real PDFs from the session build, read back with pypdf."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from sitekit.content import curriculum
from sitekit.pages import downloads
from sitekit.content.model import page_url
from sitekit.content.validation import check
from tests.conftest import ROOT, SITE_URL, build_real_site

SITE, _ = check(ROOT)
JOBS = downloads.jobs(SITE)
MODULE_JOBS = [j for j in JOBS if SITE.objects[j.object_id].kind == "module"]


# The body of an A4 page in points, inside the margins that hold the running header and the footer
# (sitekit/output/print.css: 22 mm at the top, 20 mm at the bottom).
BODY_AREA = ["-x", "0", "-y", "63", "-W", "595", "-H", "721"]


@lru_cache(maxsize=None)
def pdf_pages(path: Path, body: bool = False) -> tuple[str, ...]:
    """The text of each page in reading order, NFC (poppler's pdftotext: fast, and it keeps list
    markers where they stand); `body`: without the running header and the footer."""
    command = ["pdftotext", "-enc", "UTF-8", *(BODY_AREA if body else []), str(path), "-"]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return tuple(unicodedata.normalize("NFC", page) for page in out.stdout.split("\f")[:-1])


def pdf_text(path: Path) -> str:
    """The text of every page, with all white space removed (line breaks fall anywhere)."""
    return squeeze("".join(pdf_pages(path)))


def squeeze(value: str) -> str:
    """Text as it is compared with a PDF's: NFC, without white space (line breaks fall anywhere) and
    without hyphens (pdftotext joins a word broken at a hyphen at the end of a line, dropping it)."""
    return re.sub(r"\s+|-", "", unicodedata.normalize("NFC", value))


def test_every_module_and_the_agreement_has_its_pdfs():
    assert len(MODULE_JOBS) == 4 * len(curriculum.modules(SITE)) >= 32
    assert {(j.lang, j.edition) for j in JOBS if j.slug == "agreement"} == {("vi", "full"), ("en", "full")}


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.filename)
def test_each_pdf_opens_with_a_plausible_page_count_and_its_titles(site, job):
    path = site / downloads.OUTPUT_DIR / job.filename
    reader = PdfReader(path)
    least = {"module": 8, "course": 4}.get(SITE.objects[job.object_id].kind, 5)
    assert least <= len(reader.pages) <= 80
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2)  # A4
    text = pdf_text(path)
    obj = SITE.objects[job.object_id]
    assert squeeze(obj.title(job.lang)) in text
    if obj.kind == "module":
        for lesson in curriculum.lessons_of(SITE, obj.id):
            assert squeeze(lesson.title(job.lang)) in text, lesson.id
    page_word = {"vi": "Trang", "en": "Page"}[job.lang]
    assert f"{page_word}3" in text and ("/" + str(len(reader.pages)) in text or f"of{len(reader.pages)}" in text)


def test_cover_names_edition_language_version_agencies_and_online_address(site):
    for job in (JOBS[0], MODULE_JOBS[0], MODULE_JOBS[3]):
        reader = PdfReader(site / downloads.OUTPUT_DIR / job.filename)
        cover = squeeze(pdf_pages(site / downloads.OUTPUT_DIR / job.filename)[0])
        words = {"vi": ("Ngônngữ", "HộiLHPNtỉnh"), "en": ("Language", "ProvincialWomen'sUnion")}[job.lang]
        for word in words:
            assert word in cover, (job.filename, word)
        url = SITE_URL + ("en/" if job.lang == "en" else "") + page_url(SITE.objects[job.object_id].page)
        assert squeeze(url) in cover
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
    # Determinism: the second build of the same commit gives the same files, byte for byte. Dates are
    # days, none a time: the pages' dates come from git, or are the build's day for what is not
    # committed yet, as is every page's <lastmod> in the sitemaps (and the time in their gzip copies).
    first, again = site_build[0], tmp_path / "again"
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    lastmod = re.compile(rb"<lastmod>[^<]*</lastmod>")
    if lastmod.findall((first / "sitemap.xml").read_bytes()) != lastmod.findall((again / "sitemap.xml").read_bytes()):
        return  # the two builds were made on either side of midnight: their build days differ
    different = [f for f in files if (first / f).read_bytes() != (again / f).read_bytes()]
    assert not different, different


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_module_pages_offer_every_edition_and_language_with_its_size(site, page, lang):
    prefix = "" if lang == "vi" else "en/"
    for module in curriculum.modules(SITE):
        url = prefix + page_url(module.page)
        doc = page(url)
        links = doc.select_one("#downloads").find_next_sibling("p").select("a.pdf-button[download]")
        assert len(links) == 4, module.id
        for a in links:
            target = (site / url).parent.joinpath(a["href"]).resolve()
            assert target.is_file() and target.suffix == ".pdf"
            size = downloads.size_label(target.stat().st_size, lang)
            assert a.select_one(".pdf-size").get_text() == f"PDF, {size}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_downloads_page_lists_every_pdf(site, page, lang):
    prefix = "" if lang == "vi" else "en/"
    links = page(prefix + "downloads.html").select('article a[download][href$=".pdf"]')
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
