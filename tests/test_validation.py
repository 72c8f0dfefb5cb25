"""The model and the validator on small fixture sites, each with one deliberate mistake.

Every test asserts the problem's code, file and line, and that the rest of the site still checks.
"""

from __future__ import annotations

import pytest

from sitekit.content.problems import CODES
from sitekit.content.validation import check
from tests.sites import make_site


def problems_of(tmp_path, changes):
    site, problems = check(make_site(tmp_path, changes))
    return [(p.path, p.line, p.code) for p in problems], problems


def test_baseline_fixture_is_valid(tmp_path):
    site, problems = check(make_site(tmp_path))
    assert problems == []
    assert {"home", "agreement", "nq-88", "m01", "II.1.a.1"} <= set(site.objects)


def test_code_blocks_are_not_read_as_references(tmp_path):
    site, _ = check(make_site(tmp_path))
    targets = {ref.target for ref in site.references()}
    assert "not-a-reference" not in targets and "literal" not in targets


MODULE = """
---
id: m01
kind: module
title: Học phần 1
code: HP01
audience: Cán bộ Hội
objectives: [Hiểu]
lead: hlhpn
clauses:
  - II.1.a.2
{extra}version: '1.0'
changelog: [{{date: 2026-11-26, text: Bản đầu tiên.}}]
---
Nội dung. {body}
"""


def module(extra: str = "", body: str = "") -> dict[str, str]:
    return {"docs/modules/m01.md": MODULE.format(extra=extra, body=body)}


@pytest.mark.parametrize(
    "changes, expected, hint",
    [
        pytest.param(module(extra="  - II.1.a.9\n"), ("docs/modules/m01.md", 11, "REF_UNKNOWN"), "`II.1.a.",
                     id="unknown-id-in-front-matter"),
        pytest.param(module(body="Xem [[II.1.a.7]]."), ("docs/modules/m01.md", 14, "REF_UNKNOWN"), "`II.1.a.",
                     id="unknown-id-inline"),
        pytest.param(module(extra="policies:\n  - II.1.a.1\n"), ("docs/modules/m01.md", 12, "REF_WRONG_KIND"), "",
                     id="wrong-kind"),
        pytest.param(module(body="[[bad id!]]"), ("docs/modules/m01.md", 14, "REF_SYNTAX"), "",
                     id="malformed-reference"),
        pytest.param(module(body="{{ agreement_txt }}"), ("docs/modules/m01.md", 14, "PLACEHOLDER_UNKNOWN"),
                     "`agreement_text`", id="unknown-placeholder"),
        pytest.param(module(extra="clausess:\n  - II.1.a.1\n"), ("docs/modules/m01.md", 11, "FIELD_UNKNOWN"),
                     "`clauses`", id="misspelt-field"),
        pytest.param(module(extra="title: Lặp\n"), ("docs/modules/m01.md", 11, "DUPLICATE_KEY"), "",
                     id="duplicate-key"),
        pytest.param(module(extra="lead: [hlhpn]\n"), ("docs/modules/m01.md", 11, "DUPLICATE_KEY"), "",
                     id="duplicate-key-list"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("code: HP01\n", "")},
                     ("docs/modules/m01.md", 2, "FIELD_MISSING"), "", id="missing-required-field"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("kind: module", "kind: modul")},
                     ("docs/modules/m01.md", 3, "KIND_UNKNOWN"), "`module`", id="unknown-kind"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("lead: hlhpn", "lead: hlphn")},
                     ("docs/modules/m01.md", 8, "FIELD_INVALID"), "", id="unknown-agency"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace('title: Học phần 1', 'title: "Học phần 1')},
                     ("docs/modules/m01.md", 4, "FRONT_MATTER_INVALID"), "", id="malformed-front-matter"),
        pytest.param({"docs/modules/m01.md": "Không có front matter.\n"},
                     ("docs/modules/m01.md", 1, "FRONT_MATTER_MISSING"), "", id="no-front-matter"),
        pytest.param({"docs/modules/m01.md": "---\nid: m01\nkind: module\n"},
                     ("docs/modules/m01.md", 1, "FRONT_MATTER_INVALID"), "", id="unclosed-front-matter"),
        pytest.param(module(body="Xem [học phần 9](m09.md)."), ("docs/modules/m01.md", 14, "LINK_PAGE_MISSING"),
                     "`m01.md`", id="link-to-a-missing-page"),
        pytest.param(module(body="Xem [điểm chính](m01.md#diem-chinh)."), ("docs/modules/m01.md", 14, "LINK_ANCHOR_MISSING"),
                     "", id="link-to-a-missing-anchor"),
        pytest.param(module(body="![Sơ đồ ba đời](so-do.png)"), ("docs/modules/m01.md", 14, "LINK_FILE_MISSING"),
                     "", id="link-to-a-missing-file"),
    ],
)
def test_each_mistake_is_reported_with_code_file_and_line(tmp_path, changes, expected, hint):
    found, problems = problems_of(tmp_path, changes)
    assert expected in found, "\n".join(p.format("en") for p in problems)
    problem = next(p for p in problems if (p.path, p.line, p.code) == expected)
    for lang in ("vi", "en"):
        assert problem.message_in(lang) and problem.fix_in(lang), "every problem says what and how to fix it"
        if hint:
            assert hint in problem.fix_in(lang)


def test_policy_fields_are_checked_for_form(tmp_path):
    policy = """
    ---
    id: nq-88
    kind: policy
    title: Nghị quyết 88/2019/QH14
    number: 88/2019/QH14
    issuer: Quốc hội
    date: 2019-13-45
    status: valid
    source: thuvienphapluat.vn
    full_title: Nghị quyết
    doc_type: resolution
    in_force: null
    topics: [ethnic-affairs]
    verification: verified
    ---
    """
    found, _ = problems_of(tmp_path, {"docs/policies/nq-88.md": policy})
    assert ("docs/policies/nq-88.md", 7, "FIELD_INVALID") in found  # not a date
    assert ("docs/policies/nq-88.md", 8, "FIELD_INVALID") in found  # not a status
    assert ("docs/policies/nq-88.md", 9, "FIELD_INVALID") in found  # not a list of web addresses


def test_duplicate_id_names_both_files(tmp_path):
    copy = {"docs/policies/copy.md": "---\nid: nq-88\nkind: page\ntitle: Bản sao\n---\n",
            "docs/policies/copy.en.md": "---\nid: nq-88\nkind: page\ntitle: Copy\n---\n"}
    found, problems = problems_of(tmp_path, copy)
    dup = [p for p in problems if p.code == "ID_DUPLICATE"]
    assert len(dup) == 1 and dup[0].line == 2
    assert {dup[0].path, dup[0].fields["other"].split(":")[0]} == {
        "docs/policies/copy.md", "docs/policies/nq-88.md"}


def test_translation_pairing(tmp_path):
    found, _ = problems_of(tmp_path, {
        "docs/only-vi.md": "---\nid: only-vi\nkind: page\ntitle: Chỉ tiếng Việt\n---\n",
        "docs/only-en.en.md": "---\nid: only-en\nkind: page\ntitle: English only\n---\n",
        "docs/modules/m01.en.md": "---\nid: m02\nkind: module\ntitle: Module 1\naudience: a\nobjectives: [b]\nchangelog: [{date: 2026-11-26, text: c}]\n---\n",
    })
    assert ("docs/only-vi.md", 1, "TRANSLATION_MISSING") in found
    assert ("docs/only-en.en.md", 1, "DEFAULT_LANGUAGE_MISSING") in found
    assert ("docs/modules/m01.en.md", 2, "ID_MISMATCH") in found


def test_shared_field_must_not_differ_in_translation(tmp_path):
    english = """
    ---
    id: nq-88
    kind: policy
    title: Resolution 88
    full_title: Resolution
    issuer: National Assembly
    number: 88/2019/QH15
    ---
    """
    found, _ = problems_of(tmp_path, {"docs/policies/nq-88.en.md": english})
    assert ("docs/policies/nq-88.en.md", 7, "FIELD_MISMATCH") in found


def test_target_missing_in_the_pages_language(tmp_path):
    site_root = make_site(tmp_path)
    data = site_root / "data/agreement.yml"
    data.write_text(data.read_text(encoding="utf-8").replace('en: "Train Union cadres."', 'en: ""'), encoding="utf-8")
    site, problems = check(site_root)
    found = [(p.path, p.line, p.code) for p in problems]
    assert ("data/agreement.yml", 49, "TRANSLATION_MISSING") in found
    # m01 lists II.1.a.2 in its front matter (shown in both languages) and the English body links it
    assert ("docs/modules/m01.md", 13, "REF_MISSING_IN_LANGUAGE") in found
    assert ("docs/modules/m01.en.md", 10, "REF_MISSING_IN_LANGUAGE") in found


def test_broken_agreement_data_is_reported_with_its_line(tmp_path):
    site_root = make_site(tmp_path)
    data = site_root / "data/agreement.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("    lead: [hlhpn]\n", "    lead: [hlhpn, bdtt]\n"), encoding="utf-8")
    _, problems = check(site_root)
    assert [(p.path, p.code) for p in problems] == [("data/agreement.yml", "FIELD_INVALID")]
    data.write_text(text.replace('label: "a)"', 'label: "a)'), encoding="utf-8")
    _, problems = check(site_root)
    # where the quote opened (line 27), not where YAML stumbled on the next quote (30)
    assert [(p.path, p.line, p.code) for p in problems][:1] == [("data/agreement.yml", 27, "DATA_INVALID")]


def test_all_problems_are_reported_together(tmp_path):
    found, _ = problems_of(tmp_path, {
        **module(extra="  - II.1.a.9\n", body="[[nq-8]]"),
        "docs/index.md": "---\nid: home\nkind: page\ntitle: Trang chủ\ntitel: x\n---\n{{ oops }}\n",
    })
    codes = {code for _, _, code in found}
    assert {"REF_UNKNOWN", "FIELD_UNKNOWN", "PLACEHOLDER_UNKNOWN"} <= codes
    assert len(found) >= 4


def test_every_code_has_a_meaning_and_a_fix():
    for code, (meaning, fix) in CODES.items():
        assert code.isupper() and meaning and fix


def test_decomposed_unicode_is_refused_where_it_is_written(tmp_path):
    """Text in NFD ("ả" as "a" + a combining hook) looks right but search and sorting miss it: the
    check names the file and line, in the front matter, the body and a data file alike."""
    import unicodedata

    nfd = unicodedata.normalize("NFD", "tảo hôn")
    root = make_site(tmp_path)
    page = root / "docs/policies/nq-88.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title] = f"title: Nghị quyết 88 về {nfd}"
    lines.append(f"Một đoạn nói về {nfd}.")
    page.write_text("\n".join(lines), encoding="utf-8")
    agreement = root / "data/agreement.yml"
    data = agreement.read_text(encoding="utf-8").split("\n")
    data.insert(1, f"# {nfd}")
    agreement.write_text("\n".join(data), encoding="utf-8")
    _, problems = check(root)
    found = [(p.path, p.line, p.code) for p in problems if p.code == "TEXT_NOT_NFC"]
    assert found == sorted([("docs/policies/nq-88.md", title + 1, "TEXT_NOT_NFC"),
                            ("docs/policies/nq-88.md", len(lines), "TEXT_NOT_NFC"),
                            ("data/agreement.yml", 2, "TEXT_NOT_NFC")])
    assert all("“tảo”" in p.message for p in problems if p.code == "TEXT_NOT_NFC")
    page.write_text(unicodedata.normalize("NFC", page.read_text(encoding="utf-8")), encoding="utf-8")
    agreement.write_text(unicodedata.normalize("NFC", agreement.read_text(encoding="utf-8")), encoding="utf-8")
    assert check(root)[1] == []  # the same text composed passes


def test_a_quote_left_open_is_reported_where_it_opened(tmp_path):
    """`title: "Nghị quyết 88` without its closing quote: YAML reads on to the next quote and used
    to report that later, valid line."""
    root = make_site(tmp_path)
    page = root / "docs/policies/nq-88.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[title] = 'title: "Nghị quyết 88'
    lines.insert(title + 1, 'description: "Tóm tắt"')
    page.write_text("\n".join(lines), encoding="utf-8")
    _, problems = check(root)
    mine = [p for p in problems if p.path == "docs/policies/nq-88.md"]  # (pages citing it: issue 15 §7)
    assert [(p.line, p.code) for p in mine] == [(title + 1, "FRONT_MATTER_INVALID")]
    assert "quote opened on this line is not closed" in mine[0].message and '"1.0"' in mine[0].hint
    lines[title] = 'title: "Nghị quyết 88"'
    page.write_text("\n".join(lines), encoding="utf-8")
    assert check(root)[1] == []  # closed, the same page passes


# --- Markdown links, resolved as the build resolves them -------------------------------------------

def about(vi: str = "", en: str = "", **extra: str) -> dict[str, str]:
    """A page whose headings differ by language (`## Tảo hôn` -> #tao-hon, `## Child marriage` ->
    #child-marriage) and share one written anchor; `vi`/`en` start on line 10 of each file."""
    head = "---\nid: about\nkind: page\ntitle: {title}\n---\n"
    return {"docs/about.md": head.format(title="Giới thiệu") + f"## Tảo hôn\n\n## Điểm chính {{#key-points}}\n\n{vi}\n",
            "docs/about.en.md": head.format(title="About") + f"## Child marriage\n\n## Key points {{#key-points}}\n\n{en}\n",
            "docs/modules/phieu.pdf": "%PDF-1.4 (a handout)\n", **extra}


def test_links_that_resolve_pass(tmp_path):
    """Pages, anchors (written, made from a heading, generated by the site), files under docs/;
    external links, code spans and fenced code are not read."""
    vi = ("Xem [học phần](modules/m01.md), [điểm chính](modules/m01.md#key-points), [mục](#tao-hon), "
          "[văn bản](policies/nq-88.md), [tiêu đề](#key-points), [phiếu](modules/phieu.pdf), [chủ](index.md?x=1),\n"
          "[web](https://example.org/khong.md), [thư](mailto:a@b.example), `[mã](khong-co.md)`, "
          "[văn bản liên quan](policies/nq-88.md#related), [dẫn chiếu](policies/nq-88.md#referenced-by).\n\n"
          "```\n[rào](khong-co.md#khong)\n```")
    en = ("See [the module](modules/m01.md#key-points), [this](#child-marriage), [the page](about.md#child-marriage), "
          "[the English file](about.en.md), [the handout](modules/phieu.pdf).")
    site, problems = check(make_site(tmp_path, about(vi, en)))
    assert problems == [], "\n".join(p.format("en") for p in problems)


@pytest.mark.parametrize("lang, link, expected, hint", [
    ("vi", "[xem](modules/m10.md)", "LINK_PAGE_MISSING", "`modules/m01.md`"),
    ("vi", "[xem](modules/m01.en.md)", "LINK_PAGE_MISSING", "`modules/m01.md`"),  # the English file: not in the vi site
    ("vi", "[xem](modules/)", "LINK_PAGE_MISSING", ""),
    ("vi", "[xem](/about.md)", "LINK_PAGE_MISSING", "`about.md`"),
    ("vi", "[xem](#tao-hon-1)", "LINK_ANCHOR_MISSING", "`#tao-hon`"),
    ("vi", "[xem](#child-marriage)", "LINK_ANCHOR_MISSING", ""),
    ("vi", "[xem](modules/m01.md#diem-chinh)", "LINK_ANCHOR_MISSING", ""),
    ("vi", "![Sơ đồ](modules/phieu-1.pdf)", "LINK_FILE_MISSING", "`modules/phieu.pdf`"),
    ("vi", "[xem][hp]\n\n[hp]: modules/m10.md", "LINK_PAGE_MISSING", ""),
    ("en", "[see](modules/m10.md)", "LINK_PAGE_MISSING", "`modules/m01.md`"),
    ("en", "[see](about.md#tao-hon)", "LINK_ANCHOR_MISSING", "`{#tao-hon}`"),  # the Vietnamese heading's id
    ("en", "[see](#tao-hon)", "LINK_ANCHOR_MISSING", "`{#tao-hon}`"),
], ids=["page", "english-file-from-vietnamese", "folder", "absolute", "anchor-near", "anchor-of-english-page",
        "anchor-of-other-page", "file", "reference-style", "page-en", "vietnamese-anchor-from-english",
        "vietnamese-anchor-on-english-page"])
def test_a_broken_link_is_reported_where_it_is_written(tmp_path, lang, link, expected, hint):
    site_root = make_site(tmp_path, about(**{lang: link}))
    _, problems = check(site_root)
    path = "docs/about.md" if lang == "vi" else "docs/about.en.md"
    line = 10 + link.count("\n")  # a reference-style link: where its target is written
    assert [(p.path, p.line, p.code) for p in problems] == [(path, line, expected)], \
        "\n".join(p.format("en") for p in problems)
    written = link.rsplit("(", 1)[-1].rstrip(")") if "](" in link else link.rsplit(": ", 1)[-1]
    for text_lang in ("vi", "en"):
        assert f"`{written}`" in problems[0].message_in(text_lang)  # the link as written, in both languages
        if hint:
            assert hint in problems[0].fix_in(text_lang)
    # the same link, fixed, passes
    fixed = {"LINK_PAGE_MISSING": "[xem](modules/m01.md)", "LINK_FILE_MISSING": "[xem](modules/phieu.pdf)",
             "LINK_ANCHOR_MISSING": "[xem](#key-points)"}[expected]
    assert check(make_site(tmp_path, about(**{lang: fixed})))[1] == []


def test_a_page_without_english_file_is_checked_as_the_english_site_builds_it(tmp_path):
    """A `translation: pending` page is built into the English site too: its link to another page
    resolves to that page's English file there, whose headings have other ids."""
    pending = "---\nid: pending\nkind: page\ntitle: Chờ dịch\ntranslation: pending\n---\nXem [tảo hôn](about.md#tao-hon).\n"
    _, problems = check(make_site(tmp_path, about(**{"docs/pending.md": pending})))
    assert [(p.path, p.line, p.code) for p in problems] == [("docs/pending.md", 7, "LINK_ANCHOR_MISSING")]
    assert "docs/about.en.md" in problems[0].message
    fixed = pending.replace("#tao-hon", "#key-points")
    assert check(make_site(tmp_path, about(**{"docs/pending.md": fixed})))[1] == []


def test_anchors_are_the_ids_the_build_gives():
    """The toc extension's ids (mkdocs.yml's slugify, `_1` for a repeat, after the ids written),
    attr_list ids on any element, raw HTML ids, footnotes; nothing from code."""
    from sitekit.content.mdlinks import anchors

    markdown = ("## Câu 1\n\n## Câu 1\n\n## Tảo hôn {#child-marriage .x}\n\n### Đồng bào `DTTS` *và* [Luật](x.md)\n\n"
                "Đoạn văn.\n{: #doan }\n\n<div id=\"hop\" markdown>\n\nChữ[^1].\n\n</div>\n\n[^1]: Chú thích.\n\n"
                "Tiêu đề Setext\n--------------\n\n`{#trong-ma}`\n\n```\n## Không phải tiêu đề {#ma}\n```\n")
    assert anchors(markdown) == {"cau-1", "cau-1_1", "child-marriage", "dong-bao-dtts-va-luat", "doan", "hop",
                                 "fn:1", "fnref:1", "tieu-de-setext"}


def test_the_check_uses_the_slugify_of_mkdocs_yml():
    import re

    from tests.conftest import ROOT

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"slugify: !!python/name:sitekit\.content\.slugs\.slugify\b", config)


# --- one mistake, one problem, on the real content -----------------------------------------------------

@pytest.fixture(scope="module")
def real_copy(tmp_path_factory):
    """A copy of the real content (which has no problem), and a way to break one file of it for one test."""
    import shutil

    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("real")
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, root / name)
    assert check(root)[1] == []
    return root


NFD_WORD = __import__("unicodedata").normalize("NFD", "Tảo hôn")

# (file, text to replace (None: add a line at the end), new text, the code, a text of the line reported)
MISTAKES = [
    ("docs/glossary/gioi.md", "kind: term\n", "kind: terrm\n", "KIND_UNKNOWN", "kind: terrm"),
    ("docs/glossary/gioi.md", "verification: verified\n", "verification verified\n", "FRONT_MATTER_INVALID",
     "verification verified"),
    ("docs/glossary/gioi.md", "related: [t-gioi-tinh, t-binh-dang-gioi, t-khuon-mau-gioi]\n---\n",
     "related: [t-gioi-tinh, t-binh-dang-gioi, t-khuon-mau-gioi]\n\n", "FRONT_MATTER_INVALID", "---"),
    ("docs/glossary/gioi.md", "id: t-gioi\n", "id: t-gioii\n", "ID_MISMATCH", "id: t-gioii"),
    ("docs/glossary/gioi.md", "id: t-gioi\n", "idd: t-gioi\n", "FIELD_UNKNOWN", "idd: t-gioi"),
    ("docs/glossary/gioi.md", "abbr: null\n", "abrr: null\n", "FIELD_UNKNOWN", "abrr: null"),
    ("docs/glossary/gioi.md", "title: Giới\n", 'title: "Giới\n', "FRONT_MATTER_INVALID", 'title: "Giới'),
    ("docs/glossary/gioi.en.md", "title: Gender\n", 'title: "Gender\n', "FRONT_MATTER_INVALID", 'title: "Gender'),
    ("docs/modules/m02/index.md", "kind: module\n", "kind: modul\n", "KIND_UNKNOWN", "kind: modul"),
    ("docs/modules/m02/index.md", "lead: hlhpn\n", "lead hlhpn\n", "FRONT_MATTER_INVALID", "lead hlhpn"),
    ("docs/agreement/index.md", "kind: page\n", "kind: page\n- oops\n", "FRONT_MATTER_INVALID", "- oops"),
    ("docs/modules/m04/l1.md", None, "Xem [[t-khong-co]].", "REF_UNKNOWN", "[[t-khong-co]]"),
    ("docs/modules/m04/l1.md", None, "Xem [bài 9](../m99/l9.md).", "LINK_PAGE_MISSING", "(../m99/l9.md)"),
    ("docs/modules/m04/l1.en.md", None, "See [lesson 2](l2.md#khong-co).", "LINK_ANCHOR_MISSING", "#khong-co"),
    ("docs/modules/m04/l1.md", None, "Xem [mục này](#khong-co).", "LINK_ANCHOR_MISSING", "#khong-co"),
    ("docs/modules/m04/l1.md", None, f"{NFD_WORD} là vi phạm pháp luật.", "TEXT_NOT_NFC", NFD_WORD),
]


@pytest.mark.parametrize("path, old, new, code, needle", MISTAKES, ids=[
    "kind-misspelt", "front-matter-not-yaml", "front-matter-not-closed", "vietnamese-id-misspelt",
    "id-field-misspelt", "field-misspelt", "quote-left-open", "english-twin-quote-left-open", "module-kind-misspelt",
    "module-front-matter-not-yaml", "agreement-page-front-matter-not-yaml", "unknown-id", "broken-link",
    "missing-anchor-in-english", "missing-anchor", "decomposed-unicode"])
def test_one_mistake_in_the_real_content_is_one_problem(real_copy, path, old, new, code, needle):
    """What only follows from the mistake (references to the broken page, its English file, the
    coverage of its tasks, the trainers certified for it) is not reported: the cause is, with its hint."""
    file = real_copy / path
    original = file.read_text(encoding="utf-8")
    assert old is None or old in original
    changed = original.rstrip("\n") + f"\n\n{new}\n" if old is None else original.replace(old, new, 1)
    try:
        file.write_text(changed, encoding="utf-8")
        _, problems = check(real_copy)
    finally:
        file.write_text(original, encoding="utf-8")
    line = next(i for i, text in enumerate(changed.split("\n"), start=1) if needle in text)
    assert [(p.path, p.line, p.code) for p in problems] == [(path, line, code)], \
        "\n".join(p.format("en") for p in problems)


def test_a_reference_to_an_id_that_exists_nowhere_is_still_reported(real_copy):
    """Beside a poisoned term, a reference to an id that no file gives is not an echo."""
    term, lesson = real_copy / "docs/glossary/gioi.md", real_copy / "docs/modules/m04/l1.md"
    originals = {f: f.read_text(encoding="utf-8") for f in (term, lesson)}
    try:
        term.write_text(originals[term].replace("kind: term\n", "kind: terrm\n"), encoding="utf-8")
        lesson.write_text(originals[lesson] + "\nXem [[t-gioi]] và [[t-gioi-khong-co]].\n", encoding="utf-8")
        _, problems = check(real_copy)
    finally:
        for f, text in originals.items():
            f.write_text(text, encoding="utf-8")
    assert [(p.path, p.code) for p in problems] == [("docs/glossary/gioi.md", "KIND_UNKNOWN"),
                                                    ("docs/modules/m04/l1.md", "REF_UNKNOWN")]
    assert problems[1].fields["target"] == "t-gioi-khong-co"
    assert "`term`" in problems[0].fix_in("vi") and "`term`" in problems[0].fix_in("en")


def test_the_real_content_has_no_problem():
    from tests.conftest import ROOT

    site, problems = check(ROOT)
    assert problems == [], "\n".join(p.format("en") for p in problems)
