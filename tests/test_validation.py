"""The model and the validator on small fixture sites, each with one deliberate mistake.

Every test asserts the problem's code, file and line, and that the rest of the site still checks.
"""

from __future__ import annotations

import pytest

from sitekit.problems import CODES
from sitekit.validation import check
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
        pytest.param(module(extra="  - II.1.a.9\n"), ("docs/modules/m01.md", 11, "REF_UNKNOWN"), "Did you mean the id 'II.1.a.",
                     id="unknown-id-in-front-matter"),
        pytest.param(module(body="Xem [[II.1.a.7]]."), ("docs/modules/m01.md", 14, "REF_UNKNOWN"), "Did you mean the id 'II.1.a.",
                     id="unknown-id-inline"),
        pytest.param(module(extra="policies:\n  - II.1.a.1\n"), ("docs/modules/m01.md", 12, "REF_WRONG_KIND"), "",
                     id="wrong-kind"),
        pytest.param(module(body="[[bad id!]]"), ("docs/modules/m01.md", 14, "REF_SYNTAX"), "",
                     id="malformed-reference"),
        pytest.param(module(body="{{ agreement_txt }}"), ("docs/modules/m01.md", 14, "PLACEHOLDER_UNKNOWN"),
                     "agreement_text", id="unknown-placeholder"),
        pytest.param(module(extra="clausess:\n  - II.1.a.1\n"), ("docs/modules/m01.md", 11, "FIELD_UNKNOWN"),
                     "clauses", id="misspelt-field"),
        pytest.param(module(extra="title: Lặp\n"), ("docs/modules/m01.md", 11, "DUPLICATE_KEY"), "",
                     id="duplicate-key"),
        pytest.param(module(extra="lead: [hlhpn]\n"), ("docs/modules/m01.md", 11, "DUPLICATE_KEY"), "",
                     id="duplicate-key-list"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("code: HP01\n", "")},
                     ("docs/modules/m01.md", 2, "FIELD_MISSING"), "", id="missing-required-field"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("kind: module", "kind: modul")},
                     ("docs/modules/m01.md", 3, "KIND_UNKNOWN"), "module", id="unknown-kind"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace("lead: hlhpn", "lead: hlphn")},
                     ("docs/modules/m01.md", 8, "FIELD_INVALID"), "", id="unknown-agency"),
        pytest.param({"docs/modules/m01.md": MODULE.format(extra="", body="").replace('title: Học phần 1', 'title: "Học phần 1')},
                     ("docs/modules/m01.md", 4, "FRONT_MATTER_INVALID"), "", id="malformed-front-matter"),
        pytest.param({"docs/modules/m01.md": "Không có front matter.\n"},
                     ("docs/modules/m01.md", 1, "FRONT_MATTER_MISSING"), "", id="no-front-matter"),
        pytest.param({"docs/modules/m01.md": "---\nid: m01\nkind: module\n"},
                     ("docs/modules/m01.md", 1, "FRONT_MATTER_INVALID"), "", id="unclosed-front-matter"),
    ],
)
def test_each_mistake_is_reported_with_code_file_and_line(tmp_path, changes, expected, hint):
    found, problems = problems_of(tmp_path, changes)
    assert expected in found, "\n".join(p.format() for p in problems)
    problem = next(p for p in problems if (p.path, p.line, p.code) == expected)
    assert problem.fix, "every problem says how to fix it"
    if hint:
        assert hint in problem.fix


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
    assert {dup[0].path, dup[0].message.split(" used by ")[1].split(":")[0]} == {
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
