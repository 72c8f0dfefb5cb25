"""What the content check says: in Vietnamese by default, in English on request, with the specific
details in both, from the same words as the editors' error reference."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from sitekit.content import error_reference, yamlsource
from sitekit.content.messages import LANGS, TEMPLATES, fields_of, language
from sitekit.content.problems import CODES, Problem
from sitekit.content.validation import check
from tests.conftest import ENV, ROOT
from tests.sites import make_site

SITEKIT = ROOT / "sitekit"


def test_every_code_has_a_template_in_both_languages_with_the_same_fields():
    for code in CODES:
        assert any(key == code or key.startswith(code + ".") for key in TEMPLATES), code
    for key, (vi, en) in TEMPLATES.items():
        if key[0].isupper():
            assert key.split(".")[0] in CODES, key
        assert fields_of(vi) == fields_of(en), key  # both languages say the specific thing
        assert vi and en


def test_vietnamese_words_are_composed_unicode_and_not_english():
    """NFC (a decomposed letter looks right but is another string) and really Vietnamese: a
    template that only repeats its fields, or the English, is not a translation."""
    for key, (vi, en) in TEMPLATES.items():
        assert unicodedata.is_normalized("NFC", vi), key
        if vi != en:
            continue
        assert vi.replace(" ", "").strip("{}") in fields_of(vi), f"{key} is not translated"
    for code, (meaning, fix, example) in error_reference.REFERENCE.items():
        assert all(unicodedata.is_normalized("NFC", t) for t in (meaning, fix, example)), code
    assert set(error_reference.REFERENCE) == set(CODES)


# --- every call site gives the fields of its template ------------------------------------------------

def _strings(node: ast.AST) -> list[str] | None:
    """The string values an argument can have: a constant, or both sides of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _strings(node.body), _strings(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


VARIABLE_CODES = {"yamlsource.py": yamlsource.CODES}  # modules whose problems take their code from the caller


def _calls():
    """(where, codes, variants, fields given) of every call that makes a problem or a text: `Problem(…)`,
    the checks' `bad(…)` helpers (a code among the arguments), `text("key", …)`."""
    for path in sorted(SITEKIT.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not any(m in source for m in ("sitekit.content.problems import", "sitekit.content.messages import", "import messages")):
            continue  # makes no problem and no message
        tree = ast.parse(source)
        texts = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 and node.module == "sitekit.content.messages" for alias in node.names if alias.name == "text"}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
                continue  # `**fields`: a helper passing its own on
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            given = {k.arg for k in node.keywords if k.arg != "hint"}
            where = f"{path.name}:{node.lineno}"
            is_text = (isinstance(node.func, ast.Name) and name in texts) or (
                isinstance(node.func, ast.Attribute) and name == "text" and getattr(node.func.value, "id", "") == "messages")
            if is_text and node.args and _strings(node.args[0]):
                yield where, _strings(node.args[0]), [""], given
                continue
            at = next((i for i, a in enumerate(node.args) if (_strings(a) or [None])[0] in CODES), None)
            if at is None and name == "Problem" and len(node.args) >= 3:
                assert path.name in VARIABLE_CODES, f"{where}: write the code out, for this test to read it"
                at, codes = 2, VARIABLE_CODES[path.name]
            elif at is None:
                continue
            else:
                codes = _strings(node.args[at])
            variants = _strings(node.args[at + 1]) if len(node.args) > at + 1 else [""]
            assert variants is not None, f"{where}: the variant must be written out, for this test to read it"
            yield where, codes, variants, given


def test_every_call_site_gives_exactly_the_fields_of_its_template():
    """Read from the source, so that every variant of every code is covered, not only those a
    fixture happens to reach; a field missing would raise when an editor's page has that mistake."""
    calls = list(_calls())
    assert len(calls) > 60
    used = set()
    for where, codes, variants, given in calls:
        for code in codes:
            for variant in variants:
                key = f"{code}.{variant}" if variant and code in CODES else (code if code in CODES else variant or code)
                assert key in TEMPLATES, f"{where}: no template {key!r}"
                used.add(key)
                needed = fields_of(TEMPLATES[key][0]) | fields_of(TEMPLATES[key][1])
                assert needed == given, f"{where}: {key} needs {sorted(needed)}, is given {sorted(given)}"
    unused = {key for key in TEMPLATES if key[0].isupper() or key.startswith(("hint.", "form.", "leak."))} - used
    assert not unused, f"templates no check uses: {sorted(unused)}"


def test_a_missing_field_fails_where_the_problem_is_made():
    with pytest.raises(ValueError, match="REF_UNKNOWN"):
        Problem("docs/a.md", 1, "REF_UNKNOWN")
    with pytest.raises(KeyError):
        Problem("docs/a.md", 1, "REF_UNKNOWN", "no_such_variant", target="x")


# --- every code, exercised: one copy of the real content with one mistake per code ---------------------

PAGE = "---\nid: {id}\nkind: page\ntitle: {title}\n{extra}---\n{body}\n"
MODULE = """---
id: thu-hp
kind: module
title: Học phần thử
code: HP99
audience: Cán bộ
lead: hlhpn
version: "1.0"
changelog: [{date: 2026-11-26, text: Bản đầu tiên.}]
objectives: [Hiểu]
clauses: [II.1.a.4, II.2.a.5]
---
## Điểm chính {#key-points}

- Một điểm.

#### Nhảy cấp

## Tự kiểm tra {#quiz}

### Câu 1

Câu hỏi?

## Ghi chú cho báo cáo viên {#facilitator-notes}

Ghi chú công khai.

Đáp án: B.

- ☐ Việc cần làm.
"""
LESSON = """---
id: thu-hp-l{n}
kind: lesson
title: Bài {n}
module: thu-hp
order: 1
minutes: 90
materials: [Giấy]
---
## Mục tiêu {{#objectives}}

## Hoạt động {{#activities}}

### Hoạt động 1: Khởi động (15 phút)

## Tóm tắt {{#summary}}
"""
POLICY = """---
id: thu-vb
kind: policy
title: Văn bản thử
number: 1/2026/NĐ-CP
full_title: null
doc_type: decree
issuer: Chính phủ
date: 2026-13-45
in_force: null
status: in-force
topics: [gender-equality]
verification: verified
full_text: null
source: [https://example.org/]
---
Tóm tắt.
"""
TERM = ("---\nid: thu-tn\nkind: term\ntitle: Thuật ngữ thử\nabbr: null\nverification: verified\nbasis: null\n"
        "related: [m02]\n---\nĐịnh nghĩa.\n")
NFD = unicodedata.normalize("NFD", "tảo hôn")


def with_one_mistake_per_code(root: Path) -> Path:
    """The real project's content, plus new pages and data edits that each make one code."""
    en = lambda text: text.replace("title: ", "title: EN ")  # noqa: E731
    files = {
        "docs/thu/a.md": "Không có phần đầu trang.\n",
        "docs/thu/b.md": "---\nid: thu-b\nkind: page\n",
        "docs/thu/c.md": PAGE.format(id="thu-c", title="C", extra="title: Lặp\n", body=""),
        "docs/thu/d.md": PAGE.format(id="thu-d", title="D", extra="", body="").replace("kind: page", "kind: modul"),
        "docs/thu/e.md": PAGE.format(id="thu-e", title="E", extra="titel: E\ntranslation: later\n", body=""),
        "docs/thu/e.en.md": PAGE.format(id="thu-e", title="E", extra="translation: pending\n", body="").replace(
            "title: E\n", ""),
        "docs/thu/f.md": PAGE.format(id="t-gioi", title="F", extra="", body=""),
        "docs/thu/g.md": PAGE.format(id="thu-g", title="G", extra="", body=""),
        "docs/thu/g.en.md": PAGE.format(id="thu-g", title="G", extra="", body="").replace("kind: page", "kind: term"),
        "docs/thu/h.md": PAGE.format(id="thu-h", title="H", extra="", body=""),
        "docs/thu/i.en.md": PAGE.format(id="thu-i", title="I", extra="", body=""),
        "docs/thu/j.md": PAGE.format(id="thu-j", title="J", extra="", body=(
            "Xem [[khong-co]], [[bad id!]], {{ agreement_txt }}, [bài](khong-co.md), [mục](#khong-co), "
            f"![](khong-co.png), lăng kính giới, {NFD}.")),
        "docs/thu/j.en.md": PAGE.format(id="thu-j", title="J", extra="", body="See [[thu-h]]."),
        "docs/thu/index.md": MODULE, "docs/thu/index.en.md": en(MODULE),
        "docs/thu/l1.md": LESSON.format(n=1), "docs/thu/l1.en.md": en(LESSON.format(n=1)),
        "docs/thu/l2.md": LESSON.format(n=2), "docs/thu/l2.en.md": en(LESSON.format(n=2)),
        "docs/thu/p.md": POLICY, "docs/thu/p.en.md": en(POLICY),
        "docs/thu/t.md": TERM, "docs/thu/t.en.md": en(TERM),
    }
    for rel, content in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(content, encoding="utf-8")

    def edit(rel: str, old: str, new: str) -> None:
        text = (root / rel).read_text(encoding="utf-8")
        assert old in text, (rel, old)
        (root / rel).write_text(text.replace(old, new, 1), encoding="utf-8")

    edit("data/agreement.yml", "    training: false  # no module implements it (coverage)\n", "")  # II.1.a.2
    edit("data/trainers.yml", "      consent_publish: true\n", "")
    edit("data/trainers.yml", "    status: active\n", "    status: inactive\n    inactive_since: 2025-01-01\n")
    edit("data/abbreviations.yml", "vi:\n", "fr:\n  X: y\nvi:\n")
    edit("data/questions/m04.yml", "    objective: 2\n", "    objective: 9\n")  # m04 has 5 objectives
    edit("data/questions/m06.yml", "    answer: C\n", "    answer: Z\n")
    edit("docs/modules/m05/index.md", "objectives:\n", "objectives:\n  - Một mục tiêu chưa có câu hỏi.\n")
    edit("docs/modules/m05/l1.md", "questions:\n", "questions:\n  - Một?\n  - Hai?\n  - Ba?\n")  # 4 or more
    lesson = root / "docs/modules/m04/l1.md"
    text = lesson.read_text(encoding="utf-8")
    check_at = text.index("{#check}")
    solution = text.index("??? solution", check_at)
    lesson.write_text(text[:solution] + "??? trainer" + text[solution + len("??? solution"):], encoding="utf-8")
    course = "docs/courses/can-bo-hoi-xa.md"
    edit(course, "{fixed: closing, minutes: 15}", "{fixed: closng, minutes: 15}")
    edit(course, "{fixed: lunch, minutes: 90}\n      - {fixed: post-test", "{fixed: lunch, minutes: 115}\n      - {fixed: post-test")
    edit(course, "      - {lesson: m04-l3}\n", "      - {lesson: m04-l3}\n      - {fixed: break, minutes: 15}\n"
                                            "      - {lesson: m04-l1}\n")  # twice; day 2 then too long
    edit(course, "      - {fixed: break, minutes: 15}\n      - {lesson: m02-l2}", "      - {lesson: m02-l2}")  # no break
    tot = "docs/courses/tap-huan-giang-vien-nguon.md"
    edit(tot, "{lesson: m02-l1}", "{lesson: SWAP}")  # m10-l1 first, m02-l1 where it was: m10 before m02
    edit(tot, "{lesson: m10-l1}", "{lesson: m02-l1}")
    edit(tot, "{lesson: SWAP}", "{lesson: m10-l1}")
    edit(tot, "{fixed: recap, minutes: 15}", "{fixed: recap, minutes: 150}")  # minutes out of range
    edit(tot, "{lesson: m10-l4, break: 15}", "{lesson: m10-l4, break: 45}")  # a break too long inside a lesson
    edit(tot, "      - {fixed: registration, minutes: 30}", "      - {fixed: registration, minutes: 30}\n      - opening")
    return root


@pytest.fixture(scope="module")
def every_code(tmp_path_factory):
    root = tmp_path_factory.mktemp("every-code")
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, root / name)
    _, problems = check(with_one_mistake_per_code(root))
    return root, problems


def test_every_code_is_reported_and_worded_in_both_languages(every_code):
    _, problems = every_code
    assert {p.code for p in problems} == set(CODES), "\n".join(p.format("en") for p in problems)
    for problem in problems:
        for lang in LANGS:
            message, fix = problem.message_in(lang), problem.fix_in(lang)
            assert message and fix and "{" not in message.replace("{{", "").replace("{#", ""), problem
        assert problem.format("vi").split("\n")[1].startswith("    cách sửa: ")
        assert problem.format("en").split("\n")[1].startswith("    fix: ")


def test_the_specific_details_are_said_in_vietnamese_too(every_code):
    _, problems = every_code
    said = {p.code: p.format("vi") for p in sorted(problems, reverse=True)}
    assert "`kind: modul`" in said["KIND_UNKNOWN"] and "Có phải là loại `module` không?" in said["KIND_UNKNOWN"]
    assert "`titel:`" in said["FIELD_UNKNOWN"] and "`title`" in said["FIELD_UNKNOWN"]
    assert "`khong-co`" in said["REF_UNKNOWN"]
    assert "`related:`" in said["REF_WRONG_KIND"] and "thuật ngữ" in said["REF_WRONG_KIND"] and "học phần" in said["REF_WRONG_KIND"]
    assert "`khong-co.md`" in said["LINK_PAGE_MISSING"] and "`#khong-co`" in said["LINK_ANCHOR_MISSING"]
    assert "“tảo”" in said["TEXT_NOT_NFC"] and "tiếng Anh" in said["REF_MISSING_IN_LANGUAGE"]
    # the general fix is the error reference's, word for word
    fix = next(p for p in problems if p.code == "LESSON_ORDER").fix_in("vi")
    assert fix == error_reference.REFERENCE["LESSON_ORDER"][1]


# --- the command: Vietnamese by default, English on request ---------------------------------------------

@pytest.mark.parametrize("flag, env, expected", [
    (None, {}, "vi"), (None, {"LANG": "C.UTF-8"}, "vi"), (None, {"LANG": "vi_VN.UTF-8"}, "vi"),
    (None, {"LANG": "en_US.UTF-8"}, "en"), (None, {"LANG": "vi_VN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
    (None, {"LANG": "en_US.UTF-8", "LC_ALL": "C"}, "vi"), ("vi", {"LANG": "en_US.UTF-8"}, "vi"), ("en", {}, "en"),
])
def test_the_language_is_the_flag_else_the_locale_else_vietnamese(flag, env, expected):
    assert language(flag, env) == expected


def run_check(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in ENV.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    return subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), "--root", str(project), *args],
                          env={**clean, "LANG": "C.UTF-8", **env}, capture_output=True, text=True)


def test_the_command_speaks_vietnamese_then_english_on_request(tmp_path):
    project = make_site(tmp_path, {"docs/index.md": "---\nid: home\nkind: page\ntitle: Trang chủ\n---\nXem [[nq-8]].\n"})
    vi = run_check(project, CI="true")
    assert vi.returncode == 1
    assert vi.stdout.startswith("Có 1 lỗi nội dung:\ndocs/index.md:6: REF_UNKNOWN dẫn chiếu tới mã `nq-8`, ")
    assert "    cách sửa: Có phải là mã `nq-88` không? Sửa mã" in vi.stdout
    assert "::error file=docs/index.md,line=6,title=REF_UNKNOWN::dẫn chiếu tới mã `nq-8`" in vi.stdout
    assert "Cách sửa: Có phải là mã `nq-88` không?" in vi.stdout  # the annotation says the same words
    for en in (run_check(project, "--lang", "en"), run_check(project, LANG="en_US.UTF-8")):
        assert en.returncode == 1 and en.stdout.startswith("1 content problem(s) found:\n")
        assert "REF_UNKNOWN the reference names `nq-8`, which does not exist\n    fix: Did you mean the id `nq-88`?" in en.stdout
    assert run_check(project, "--lang", "vi", LANG="en_US.UTF-8").stdout.startswith("Có 1 lỗi")  # the flag wins
    ok = run_check(make_site(tmp_path / "ok"))
    assert ok.returncode == 0 and ok.stdout.startswith("Không có lỗi: đã kiểm tra ")
