"""The participant and the facilitator view of one source, in the real built site and its PDFs.

The facilitator blocks (`??? trainer`, `??? solution`, `??? answer`) are read from the Markdown
sources here, independently of the code that drops them, and their text is looked for in the text
extracted from the PDFs: none of it in the participant pack, all of it in the facilitator guide.
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from sitekit.content import curriculum
from sitekit.pages import downloads, render
from sitekit.output import pdf, siteconfig
from sitekit.ui import text
from tests.conftest import ROOT
from tests.test_pdf import JOBS, MODULE_JOBS, SITE, pdf_pages, pdf_text, squeeze

_BLOCK = re.compile(r"^\?\?\?\+?\s+(trainer|solution|answer)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?;:”])\s+")


def facilitator_blocks(source: str) -> tuple[list[str], str]:
    """The Markdown of every facilitator block of a page body, and the body without them."""
    blocks, outside, current = [], [], None
    for line in source.split("\n"):
        if current is not None:
            if not line.strip() or line.startswith("    "):
                current.append(line)
                continue
            blocks.append(textwrap.dedent("\n".join(current)))
            current = None
        if _BLOCK.match(line):
            current = []
        else:
            outside.append(line)
    if current is not None:
        blocks.append(textwrap.dedent("\n".join(current)))
    return blocks, "\n".join(outside)


@lru_cache(maxsize=None)
def _converter(lang: str):
    return pdf.Printer(SITE, siteconfig.load(ROOT), ROOT / ".cache/none")._markdown("trainer", lang)


def _elements(markdown_text: str, page: str, lang: str, cut_at_links: bool = True) -> list[str]:
    """The text of each paragraph, list item and cell as a reader sees it; `cut_at_links`: each link
    replaced by a NUL (a printed link may be followed by a page or source number)."""
    md = _converter(lang)
    md.reset()
    doc = BeautifulSoup(md.convert(render.expand(SITE, page, lang, markdown_text)), "html.parser")
    for a in doc.find_all("a") if cut_at_links else []:
        a.replace_with("\x00")
    return [element.get_text() for element in doc.find_all(["p", "li", "td", "th", "h3", "h4"])
            if not element.find(["p", "ul", "ol"])]  # an item holding paragraphs or a list: its parts count


def fragments(markdown_text: str, page: str, lang: str) -> set[str]:
    """Pieces of that text (≥ 24 characters, white space removed), cut at sentence ends and links."""
    pieces = set()
    for value in _elements(markdown_text, page, lang):
        for piece in re.split(r"\x00|" + _SENTENCE_END.pattern, value):
            piece = squeeze(piece).strip(";:,.\"“”'‘’")
            if len(piece) >= 24:
                pieces.add(piece)
    return pieces


def plain(markdown_text: str, page: str, lang: str) -> str:
    """All of that text, each element's whole with its links' text, white space removed."""
    return "\x00".join(squeeze(value) for value in _elements(markdown_text, page, lang, cut_at_links=False))


@lru_cache(maxsize=None)
def module_sources(module_id: str, lang: str) -> tuple[set[str], str, list[str], list[str]]:
    """(text of the facilitator blocks, all text outside them, handout titles, self-check questions)."""
    module = SITE.objects[module_id]
    inside, outside = set(), []
    for obj in [module, *curriculum.lessons_of(SITE, module_id)]:
        body = obj.version(lang).parsed.body
        blocks, rest = facilitator_blocks(body)
        for block in blocks:
            inside |= fragments(block, obj.page, lang)
        outside.append(plain(rest, obj.page, lang))
    for other in [*(module.meta.get("terms") or []), *(module.meta.get("policies") or [])]:
        other = SITE.objects[other]  # the pack's glossary and further reading print these
        outside += [plain(other.version(lang).parsed.body, other.page, lang), squeeze(other.title(lang))]
    outside = "\x00".join(outside)
    body = module.version(lang).parsed.body
    handouts = body.split("{#handouts}")[1].split("\n## ")[0]
    titles = [squeeze(t) for t in re.findall(r"^### (.+)$", handouts, re.M)]
    # the self-check: the first item of the module's bank for each objective; its explanation is an answer
    bank = SITE.questions[module_id]
    objectives = module.versions["vi"].meta.get("objectives") or []
    self_check = [bank.for_objective(n)[0] for n in range(1, len(objectives) + 1) if bank.for_objective(n)]
    questions = [squeeze(item.texts[lang].question) for item in self_check]
    inside |= {squeeze(item.texts[lang].explanation)[:60] for item in self_check}
    return inside, outside, titles, questions


def body_text(path) -> str:
    """The text of every page after the cover, without the running header and the page footer, so
    that a paragraph broken over two pages reads as one."""
    return squeeze("".join(pdf_pages(path, body=True)[1:]))


@pytest.mark.parametrize("job", [j for j in MODULE_JOBS if j.edition == "trainer"], ids=lambda j: j.filename[:-4])
def test_participant_pack_has_no_facilitator_text_and_the_guide_has_all(site, job):
    inside, outside, handouts, questions = module_sources(job.object_id, job.lang)
    facilitator_only = {f for f in inside if f not in outside}  # a phrase also in the participants' part may print
    assert len(facilitator_only) >= 20, "the module's lessons have facilitator blocks"
    trainee = next(j for j in MODULE_JOBS if (j.object_id, j.lang, j.edition) == (job.object_id, job.lang, "trainee"))
    guide = body_text(site / downloads.OUTPUT_DIR / job.filename)
    pack = body_text(site / downloads.OUTPUT_DIR / trainee.filename)
    leaked = sorted(f for f in facilitator_only if f in pack)
    assert not leaked, leaked[:5]
    missing = sorted(f for f in inside if f not in guide)
    assert not missing, missing[:5]
    assert handouts and questions
    for needed in handouts + questions:
        assert needed in pack and needed in guide, needed
    notes = squeeze({"vi": "Ghi chú cho báo cáo viên", "en": "Facilitator notes"}[job.lang])
    assert notes in guide and notes not in pack


@pytest.mark.parametrize("job", [j for j in MODULE_JOBS if j.edition == "trainee"], ids=lambda j: j.filename[:-4])
def test_participant_pack_holds_objectives_lessons_terms_and_further_reading(site, job):
    module = SITE.objects[job.object_id]
    pack = pdf_text(site / downloads.OUTPUT_DIR / job.filename)
    for objective in module.version(job.lang).meta["objectives"]:
        assert squeeze(objective) in pack
    pack_body = body_text(site / downloads.OUTPUT_DIR / job.filename)
    for lesson in curriculum.lessons_of(SITE, module.id):
        objectives = lesson.version(job.lang).parsed.body.split("{#objectives}")[1].split("\n## ")[0]
        found = fragments(objectives, lesson.page, job.lang)
        assert found and all(f in pack_body for f in found), lesson.id
    assert squeeze(text("glossary_part", job.lang)) in pack and squeeze(text("reading_part", job.lang)) in pack
    for term in module.meta.get("terms") or []:
        assert squeeze(SITE.objects[term].title(job.lang)) in pack, term
    for policy in module.meta.get("policies") or []:
        title, number = SITE.objects[policy].title(job.lang), SITE.objects[policy].meta.get("number")
        assert squeeze(title) in pack, policy
        assert not number or squeeze(f"{title} ({number})") not in pack or number not in title  # the number once
    guide = pdf_text(site / downloads.OUTPUT_DIR / job.filename.replace("-trainee-", "-trainer-"))
    for lesson in curriculum.lessons_of(SITE, module.id):  # the trainer's list of things to prepare
        first = squeeze(text("materials", job.lang) + lesson.version(job.lang).meta["materials"][0])[:40]
        assert first not in pack and first in guide, lesson.id


def _labels(lang: str) -> list[str]:
    """The words a PDF prints around the content: block titles, cover, contents, header, footer."""
    keys = ("block_trainer", "block_solution", "block_answer", "contents", "trainee", "trainer", "full", "version",
            "language", "audience", "duration", "glossary_part", "reading_part", "sources_part", "online_link",
            "trainee_note", "trainer_note", "lesson", "objectives", "handouts", "handouts_note", "course_trainer_note")
    return [squeeze(text(key, lang)) for key in keys if text(key, lang)]


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.filename[:-4])
def test_every_label_of_a_pdf_is_in_its_language(site, job):
    other = "en" if job.lang == "vi" else "vi"
    content = pdf_text(site / downloads.OUTPUT_DIR / job.filename)
    own = [label for label in _labels(job.lang) if label in content]
    assert len(own) >= 3, own
    wrong = [label for label in _labels(other) if re.search(rf"(?<![A-Za-zÀ-ỹ]){re.escape(label)}(?![a-zà-ỹ])", content)]
    assert not wrong, wrong
    page_word = {"vi": r"Trang\d+/\d+", "en": r"Page\d+of\d+"}
    assert re.search(page_word[job.lang], content) and not re.search(page_word[other], content)


def _link_targets(path) -> tuple[list[str], int]:
    """(the addresses of the PDF's outside links, how many links jump inside the document)."""
    uris, internal = [], 0
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
            elif action.get("/S") == "/GoTo" or "/Dest" in annot:
                internal += 1
    return uris, internal


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.filename[:-4])
def test_links_work_from_the_published_site(site, job):
    from tests.conftest import SITE_URL

    uris, internal = _link_targets(site / downloads.OUTPUT_DIR / job.filename)
    assert internal >= (0 if job.edition == "handouts" else 10)  # the contents, cross-references, sources (handouts: none)
    for uri in uris:
        assert not uri.startswith("file:"), uri
        if uri.startswith(SITE_URL):
            target = site / uri[len(SITE_URL):].partition("#")[0]
            assert target.is_file(), uri
        else:
            assert re.match(r"https?://", uri) and not uri.startswith("https://tap-huan.example"), uri


def test_without_a_public_address_links_are_relative_to_the_downloads_folder(site, tmp_path):
    config = siteconfig.load(ROOT)
    config.site_url = None
    chosen = [j for j in JOBS if j.object_id in ("m04", "agreement")]
    made = pdf.Printer(SITE, config, tmp_path).make(chosen)
    relative = 0
    for m in made:
        uris, _ = _link_targets(m.path)
        for uri in uris:
            assert not uri.startswith(("file:", "/")), (m.job.filename, uri)
            if not uri.startswith("http"):
                relative += 1
                target = (site / downloads.OUTPUT_DIR / uri.partition("#")[0]).resolve()
                assert target.is_file(), (m.job.filename, uri)
        cover = squeeze(pdf_pages(m.path)[0])
        assert squeeze(text("online_link", m.job.lang)) in cover and "modules/" not in cover
    assert relative >= 20


@pytest.mark.parametrize("job", MODULE_JOBS, ids=lambda j: j.filename[:-4])
def test_cover_says_the_edition_version_and_date_in_words_without_a_commit(site, job):
    pages = pdf_pages(site / downloads.OUTPUT_DIR / job.filename)
    cover = squeeze(pages[0])
    module = SITE.objects[job.object_id]
    band = squeeze(text(job.edition, job.lang).upper())
    assert cover.startswith(band)
    released = module.version(job.lang).meta["changelog"][0]["date"]
    words = {"vi": f"ngày{released.day}tháng{released.month}năm{released.year}",
             "en": f"{released.day}{released:%B}{released.year}"}[job.lang]
    assert squeeze(str(module.meta["version"])) + "," + words in cover
    assert not re.search(r"\b[0-9a-f]{7,}\b", pages[0])
    # every later page's header names the edition too
    assert squeeze(text(job.edition, job.lang)) in squeeze(pages[4])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_agreement_pdf_holds_the_agreement_without_the_web_page_wording(site, lang):
    job = next(j for j in JOBS if j.slug == "agreement" and j.lang == lang)
    content = pdf_text(site / downloads.OUTPUT_DIR / job.filename)
    agreement = SITE.agreement
    for clause in agreement.clauses:
        assert squeeze(clause.id) in content, clause.id
    for signature in agreement.signatures:
        assert squeeze(str(signature["name"])) in content
    assert squeeze(str(agreement.recipients["heading"][lang])) in content
    assert squeeze(text("not_recorded", lang)) in content and squeeze(text("from_section_ii", lang)) in content
    assert squeeze(text("lead", lang)) in content
    for web_only in (text("referenced_by", lang), "Trang này đăng", "địa chỉ riêng", "This page publishes",
                     "own address on this page"):
        assert squeeze(web_only) not in content, web_only


@pytest.mark.parametrize("job", JOBS, ids=lambda j: j.filename[:-4])
def test_pdfs_are_tagged_with_language_and_title(site, job):
    reader = PdfReader(site / downloads.OUTPUT_DIR / job.filename)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == job.lang
    assert bool(root["/MarkInfo"]["/Marked"])
    tree = root["/StructTreeRoot"]
    kids = tree["/K"] if isinstance(tree["/K"], list) else [tree["/K"]]
    assert kids and reader.metadata.title.endswith(text(job.edition, job.lang))
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


@pytest.mark.parametrize("job", MODULE_JOBS, ids=lambda j: j.filename[:-4])
def test_checklists_print_as_boxes_not_brackets(site, job):
    content = pdf_text(site / downloads.OUTPUT_DIR / job.filename)
    assert "[]" not in content and "☐" not in content
    # every task item of the sources this edition prints is a box (drawn, so counted in the HTML)
    expected = 0
    for obj in [SITE.objects[job.object_id], *curriculum.lessons_of(SITE, job.object_id)]:
        body = obj.version(job.lang).parsed.body
        printed = body if job.edition == "trainer" else facilitator_blocks(body)[1]
        expected += len(re.findall(r"^\s*[-*] \[ \] ", printed, re.M))
    document = pdf.Printer(SITE, siteconfig.load(ROOT), ROOT / ".cache/none").html(job)
    assert document.count('class="task-list-indicator"') == expected


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_on_the_web_trainer_notes_are_open_and_solutions_collapsed_titled_in_the_language(page, lang):
    prefix = "" if lang == "vi" else "en/"
    doc = page(f"{prefix}modules/m04/l1.html")
    trainer, solutions = doc.select("details.trainer"), doc.select("details.solution")
    assert trainer and solutions
    assert all(d.has_attr("open") for d in trainer) and not any(d.has_attr("open") for d in solutions)
    assert trainer[0].summary.get_text(strip=True) == text("block_trainer", lang)
    assert solutions[0].summary.get_text(strip=True) == text("block_solution", lang)
    answers = page(f"{prefix}modules/m04/index.html").select("details.answer")
    assert answers and not any(d.has_attr("open") for d in answers)
    assert answers[0].summary.get_text(strip=True) == text("block_answer", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_checklists_are_task_lists_on_the_web(page, lang):
    prefix = "" if lang == "vi" else "en/"
    for module in curriculum.modules(SITE):
        body = module.version(lang).parsed.body
        doc = page(prefix + module.page.removesuffix(".md") + ".html")
        assert len(doc.select("li.task-list-item input[type=checkbox]")) == body.count("- [ ]"), module.id


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cross_references_print_their_page_and_terms_point_to_the_glossary(site, lang):
    guide = pdf_text(site / downloads.OUTPUT_DIR / f"hp04-trainer-{lang}.pdf")
    word = {"vi": "tr.", "en": "p."}[lang]
    numbers = [int(n) for n in re.findall(rf"\({re.escape(word)}(\d+)\)", guide)]
    assert numbers and all(3 <= n <= len(pdf_pages(site / downloads.OUTPUT_DIR / f"hp04-trainer-{lang}.pdf"))
                           for n in numbers)  # m04's notes point to lesson 2
    assert squeeze(text("glossary_intro", lang)) in guide
    for term in SITE.objects["m04"].meta["terms"]:
        assert squeeze(SITE.objects[term].title(lang)) + f"({word}" not in guide, term
