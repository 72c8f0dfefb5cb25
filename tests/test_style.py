"""The style rule (STYLE_PHRASE): refused phrases in prose are reported with their replacement; the same
phrases in code, inline code or a URL, or in the other language, pass."""

from __future__ import annotations

from sitekit.content import error_reference, problems as problem_codes, style
from sitekit.content.validation import check
from tests.sites import BASELINE, make_site


def found(tmp_path, changes):
    _, problems = check(make_site(tmp_path, changes))
    return problems


def with_text(path: str, text: str) -> dict[str, str]:
    return {path: BASELINE[path].rstrip() + "\n\n" + text + "\n"}


EN_PROSE = """\
        Ask village elders and prestigious people for advice.

        Men from the full age of 20 may marry; see the National Target Program.

        **Take first:** module 1."""

EN_CODE = """\
        Write `prestigious people` or `Program` only in code.

        ```text
        from the full age of 20; Take first; National Target Program
        ```

        See [the decision](https://example.org/national-target-program-prestigious-people) and
        <https://example.org/Program>, or https://example.org/full age."""


def test_refused_phrases_in_english_prose_are_reported_with_their_replacement(tmp_path):
    problems = found(tmp_path, with_text("docs/index.en.md", EN_PROSE))
    style_problems = [p for p in problems if p.code == "STYLE_PHRASE"]
    assert [(p.path, p.line) for p in style_problems] == [
        ("docs/index.en.md", 8), ("docs/index.en.md", 10), ("docs/index.en.md", 10), ("docs/index.en.md", 12)]
    messages = " ".join(p.message for p in style_problems)
    assert "“prestigious people”" in messages and "respected community members" in messages
    assert "“full age of”" in messages and "at least" in messages
    assert "“Program”" in messages and "Programme" in messages
    assert "“Take first”" in messages and "Prerequisites" in messages
    assert style_problems[0].format().startswith("docs/index.en.md:8: STYLE_PHRASE “prestigious people”")


def test_the_same_phrases_in_code_and_urls_pass(tmp_path):
    assert [p for p in found(tmp_path, with_text("docs/index.en.md", EN_CODE)) if p.code == "STYLE_PHRASE"] == []


def test_refused_vietnamese_phrases_and_their_safe_neighbours(tmp_path):
    text = """\
        Luật được hướng dẫn thi hành bởi Nghị định 70/2008/NĐ-CP.

        Viết câu hỏi có lăng kính giới.

        Khoản 4, sửa đổi bởi Nghị định 127/2024/NĐ-CP.

        Nghị định đã được Nghị định 127/2024/NĐ-CP sửa đổi; việc này được chú ý bởi vì quan trọng.

        Xem `được ban hành bởi` và https://example.org/lang-kinh-gioi."""
    problems = [p for p in found(tmp_path, with_text("docs/index.md", text)) if p.code == "STYLE_PHRASE"]
    assert [(p.line, p.message.split("”")[0]) for p in problems] == [
        (8, "“được hướng dẫn thi hành bởi"), (10, "“lăng kính giới"), (12, "“sửa đổi bởi")]
    assert "do …" in problems[0].message and "góc nhìn giới" in problems[1].message


def test_a_phrase_is_refused_only_in_its_language(tmp_path):
    changes = {**with_text("docs/index.md", "Chương trình (National Target Program, prestigious people)."),
               **with_text("docs/index.en.md", "The term *lăng kính giới* is not used.")}
    assert [p for p in found(tmp_path, changes) if p.code == "STYLE_PHRASE"] == []


def test_an_allowed_proper_name_passes():
    phrase = style.Phrase(style.PHRASES["en"][3].pattern, "Programme", allow=("United Nations Development Program",))
    body = "The United Nations Development Program and the Program."
    original = style.PHRASES["en"]
    style.PHRASES["en"] = (phrase,)
    try:
        assert [(i, f) for i, f, _ in style.findings(body, "en")] == [(0, "Program")]
    finally:
        style.PHRASES["en"] = original


def test_the_code_is_documented_in_both_languages():
    assert "STYLE_PHRASE" in problem_codes.CODES and "STYLE_PHRASE" in error_reference.REFERENCE
