"""The curriculum's structure checks on fixture sites: sections, quiz answers, trainer-only notes,
lesson timing and order, coverage of the agreement's tasks, abbreviations."""

from __future__ import annotations

from sitekit.content import curriculum
from sitekit.pages import indexes
from sitekit.content.validation import check
from tests.sites import BASELINE, make_site

LESSON = """
---
id: m01-l{n}
kind: lesson
title: Bài {n}
module: m01
order: {order}
minutes: {minutes}
materials: [Giấy A0]
questions: [Hỏi gì?]
---
## Mục tiêu bài học {{#objectives}}

- Hiểu.

## Hoạt động {{#activities}}

### Hoạt động 1: Khởi động (15 phút)

1. Chào hỏi.

### Hoạt động 2: Thảo luận nhóm (30 phút)

1. Chia nhóm.

## Kiểm tra nhanh {{#check}}

1. Hỏi lại.

??? solution
    Đáp lại.

## Tóm tắt {{#summary}}

- Ghi nhớ.
"""


def lesson(n: int, order: int | None = None, minutes: int = 45) -> dict[str, str]:
    vi = LESSON.format(n=n, order=order or n, minutes=minutes)
    en = (vi.replace("Bài", "Lesson").replace("Giấy A0", "A0 paper").replace("phút", "minutes")
          .replace("Mục tiêu bài học", "Objectives").replace("Hoạt động", "Activities").replace("Tóm tắt", "Summary")
          .replace("Kiểm tra nhanh", "Quick check").replace("Hỏi", "Ask").replace("Đáp", "Answer"))
    return {f"docs/modules/l{n}.md": vi, f"docs/modules/l{n}.en.md": en}


def found(tmp_path, changes, data=None):
    root = make_site(tmp_path, changes)
    if data:
        path = root / "data/agreement.yml"
        path.write_text(data(path.read_text(encoding="utf-8")), encoding="utf-8")
    _, problems = check(root)
    return [(p.path, p.line, p.code) for p in problems], problems


def test_valid_lessons_pass(tmp_path):
    assert found(tmp_path, {**lesson(1), **lesson(2)})[0] == []


def test_lesson_minutes_must_add_up(tmp_path):
    problems, _ = found(tmp_path, lesson(1, minutes=60))
    assert ("docs/modules/l1.md", 15, "LESSON_TIMING") in problems
    assert ("docs/modules/l1.en.md", 15, "LESSON_TIMING") in problems


def test_two_lessons_with_the_same_order(tmp_path):
    problems, _ = found(tmp_path, {**lesson(1), **lesson(2, order=1)})
    assert ("docs/modules/l2.md", 6, "LESSON_ORDER") in problems


def test_missing_section_in_one_language(tmp_path):
    english = BASELINE["docs/modules/m01.en.md"].replace("## Handouts {#handouts}", "## Handouts")
    problems, _ = found(tmp_path, {"docs/modules/m01.en.md": english})
    assert [code for _, _, code in problems] == ["SECTION_MISSING"]
    assert problems[0][0] == "docs/modules/m01.en.md"


def test_quiz_question_without_answer(tmp_path):
    vi = BASELINE["docs/modules/m01.md"].replace(
        "        ## Ghi chú cho báo cáo viên",
        "        ### Câu 2\n\n        Câu hỏi thứ hai?\n\n        ## Ghi chú cho báo cáo viên")
    problems, _ = found(tmp_path, {"docs/modules/m01.md": vi})
    assert problems == [("docs/modules/m01.md", 40, "QUIZ_ANSWER_MISSING")]


def test_facilitator_notes_must_be_trainer_only(tmp_path):
    vi = BASELINE["docs/modules/m01.md"].replace("??? trainer\n            Ghi chú.", "Ghi chú công khai.")
    problems, _ = found(tmp_path, {"docs/modules/m01.md": vi})
    assert problems == [("docs/modules/m01.md", 40, "TRAINER_NOTES_MISSING")]


def test_every_task_is_covered_or_marked(tmp_path):
    problems, _ = found(tmp_path, {}, data=lambda text: text.replace("    training: false\n", ""))
    assert problems == [("data/agreement.yml", 32, "COVERAGE_MISSING")]


def test_not_training_mark_needs_its_reason(tmp_path):
    problems, _ = found(tmp_path, {}, data=lambda text: text.replace("      en: \"Communication work, not training.\"\n", ""))
    assert problems == [("data/agreement.yml", 34, "FIELD_MISSING")]


def test_a_module_may_not_list_a_task_marked_not_training(tmp_path):
    vi = BASELINE["docs/modules/m01.md"].replace("          - II.1.a.2\n", "          - II.1.a.2\n          - II.1.a.1\n")
    problems, details = found(tmp_path, {"docs/modules/m01.md": vi})
    assert problems == [("docs/modules/m01.md", 14, "CLAUSE_NOT_TRAINING")]
    assert "II.1.a.1" in details[0].message and "training: false" in details[0].fix


def lesson_with_clauses(clauses: str) -> dict[str, str]:
    files = lesson(1)
    files["docs/modules/l1.md"] = files["docs/modules/l1.md"].replace("module: m01\n", f"module: m01\nclauses: {clauses}\n")
    return files


def test_a_lesson_may_not_list_a_task_marked_not_training(tmp_path):
    problems, details = found(tmp_path, lesson_with_clauses("[II.1.a.2, II.1.a.1]"))
    assert problems == [("docs/modules/l1.md", 6, "CLAUSE_NOT_TRAINING")]
    assert details[0].format().startswith("docs/modules/l1.md:6: CLAUSE_NOT_TRAINING ")


def test_a_lesson_listing_a_training_task_passes_and_a_non_training_task_becomes_trainable(tmp_path):
    assert found(tmp_path / "a", lesson_with_clauses("[II.1.a.2]"))[0] == []
    problems, _ = found(tmp_path / "b", lesson_with_clauses("[II.1.a.1]"),
                        data=lambda text: text.replace("    training: false\n", ""))
    assert problems == []


def test_a_task_counts_as_covered_only_through_a_lesson(tmp_path):
    root = make_site(tmp_path / "module-only")
    site, problems = check(root)
    assert problems == []  # the module names II.1.a.2: planned, not an error, but not trained either
    assert curriculum.coverage(site)["II.1.a.2"] == []
    assert [m.id for m in curriculum.planned(site)["II.1.a.2"]] == ["m01"]
    table = indexes.coverage_matrix(site, "agreement/coverage.md", "en")
    row = next(line for line in table.splitlines() if "II.1.a.2" in line.split("|")[1])
    assert "**Not trained yet.** Planned in: [HP01" in row
    assert "Not a training task:* Communication work, not training." in table
    vi_row = next(line for line in indexes.coverage_matrix(site, "agreement/coverage.md", "vi").splitlines()
                  if "II.1.a.2" in line.split("|")[1])
    assert "**Chưa có bài học.**" in vi_row

    root = make_site(tmp_path / "lesson", lesson_with_clauses("[II.1.a.2]"))
    site, _ = check(root)
    assert [o.id for o in curriculum.coverage(site)["II.1.a.2"]] == ["m01-l1"]
    row = next(line for line in indexes.coverage_matrix(site, "agreement/coverage.md", "en").splitlines()
               if "II.1.a.2" in line.split("|")[1])
    assert "Not trained yet" not in row and "HP01" in row and "Lesson 1" in row


def test_a_coverage_note_is_shown_and_needs_both_languages(tmp_path):
    note = '    coverage_note:\n      vi: "Chưa có phần B."\n      en: "Part B has no lesson yet."\n'
    add = lambda text: text.replace('      en: "Training"\n', '      en: "Training"\n' + note)
    problems, _ = found(tmp_path / "a", {}, data=add)
    assert problems == []
    site, _ = check(tmp_path / "a")
    assert "*Not fully trained:* Part B has no lesson yet." in indexes.coverage_matrix(site, "agreement/coverage.md", "en")
    problems, _ = found(tmp_path / "b", {}, data=lambda text: add(text).replace('      en: "Part B has no lesson yet."\n', ""))
    assert [(path, code) for path, _, code in problems] == [("data/agreement.yml", "FIELD_MISSING")]


def test_abbreviation_defined_twice(tmp_path):
    term = "---\nid: t-dtts\nkind: term\ntitle: Dân tộc thiểu số\nabbr: DTTS\nverification: verified\nbasis: null\n---\nĐịnh nghĩa.\n"
    term_en = "---\nid: t-dtts\nkind: term\ntitle: Ethnic minority\nabbr: EM\nbasis: null\n---\nDefinition.\n"
    root = tmp_path
    (root / "data").mkdir()
    (root / "data/abbreviations.yml").write_text("vi:\n  DTTS: dân tộc thiểu số\nen:\n  NTP: National Target Program\n",
                                                  encoding="utf-8")
    problems, _ = found(root, {"docs/glossary/dtts.md": term, "docs/glossary/dtts.en.md": term_en})
    assert problems == [("docs/glossary/dtts.md", 5, "DATA_INVALID")]


def with_activity_text(extra: str, en_extra: str = "") -> dict[str, str]:
    """Lesson 1 with `extra` written into its first activity (and `en_extra` into the English one)."""
    files = lesson(1)
    vi, en = files["docs/modules/l1.md"], files["docs/modules/l1.en.md"]
    files["docs/modules/l1.md"] = vi.replace("1. Chào hỏi.\n", f"1. Chào hỏi.\n\n{extra}\n", 1)
    files["docs/modules/l1.en.md"] = en.replace("1. Chào hỏi.\n", f"1. Chào hỏi.\n\n{en_extra}\n", 1)
    return files


def line_of(files: dict[str, str], path: str, needle: str) -> int:
    return next(i for i, line in enumerate(files[path].lstrip("\n").split("\n"), start=1) if needle in line)


LEAKS_VI = """- “Con gái 17 tuổi được lấy chồng nếu bố mẹ đồng ý.” (Sai)
- “Con trai 19 tuổi chưa được kết hôn.” (Đúng).

Kết quả mong đợi: mỗi nhóm có một sơ đồ đúng.

**Đáp án:** Thẻ A là tảo hôn.

2. Báo cáo viên chốt: Thẻ A là tảo hôn.
3. Báo cáo viên dán chữ “ĐÚNG” ở một đầu phòng.

- ☐ Đã hỏi ý kiến riêng của phụ nữ."""

LEAKS_EN = """**Expected output:** each group has a correct tree.

The trainer sums up: card A is child marriage.

- "A 17-year-old girl may marry if both families agree." (False)

Answer: B."""


def test_facilitator_text_outside_a_block_is_refused_line_by_line(tmp_path):
    files = with_activity_text(LEAKS_VI, LEAKS_EN)
    problems, found_problems = found(tmp_path, files)
    vi, en = "docs/modules/l1.md", "docs/modules/l1.en.md"
    expected = [(vi, line_of(files, vi, needle), "FACILITATOR_TEXT") for needle in
                ("(Sai)", "(Đúng).", "Kết quả mong đợi", "**Đáp án:**", "Báo cáo viên chốt", "Báo cáo viên dán")]
    expected += [(vi, line_of(files, vi, "☐"), "CHECKBOX_GLYPH")]
    expected += [(en, line_of(files, en, needle), "FACILITATOR_TEXT") for needle in
                 ("Expected output", "The trainer sums up", "(False)", "Answer: B")]
    assert sorted(problems) == sorted(expected)
    message = next(p for p in found_problems if p.code == "FACILITATOR_TEXT").format()
    assert "??? trainer" in message and "??? solution" in message  # the fix says where it goes


def test_the_same_text_inside_facilitator_blocks_passes(tmp_path):
    def blocked(text: str, kind: str) -> str:
        return f"??? {kind}\n" + "\n".join(f"    {line}" if line else "" for line in text.split("\n"))

    files = with_activity_text(blocked(LEAKS_VI.replace("- ☐", "- [ ]"), "trainer"), blocked(LEAKS_EN, "solution"))
    assert found(tmp_path, files)[0] == []


def test_the_same_words_in_ordinary_prose_pass(tmp_path):
    prose_vi = """Báo cáo viên nguồn là người đã được tập huấn và chứng nhận.

Học viên hỏi báo cáo viên khi chưa rõ; câu trả lời (Đúng hay Sai) tùy từng hoàn cảnh.

Kết quả mong đợi của cả khóa là giảm tảo hôn ở thôn, bản.

Đáp án không có sẵn: cả lớp cùng thảo luận.

- [ ] Đã hỏi ý kiến riêng của phụ nữ.

```text
- “Con gái 17 tuổi được lấy chồng.” (Sai)
```"""
    prose_en = """Trainers in the network keep their certificates up to date.

Expected outputs of the whole course are listed in the module.

The answer depends on the family (True or False is not enough)."""
    assert found(tmp_path, with_activity_text(prose_vi, prose_en))[0] == []


def test_facilitator_blocks_are_titled_in_the_page_language_and_open_or_collapsed():
    from sitekit.content.editions import titled

    source = "??? trainer\n    Bước 1.\n\n??? solution\n    Thẻ A.\n\n???+ answer\n    B.\n\n??? solution \"Thẻ A–D\"\n    x"
    assert titled(source, "vi").split("\n")[::3] == [
        '???+ trainer "Dành cho báo cáo viên"', '??? solution "Lời giải (xem sau khi làm bài)"',
        '??? answer "Đáp án"', '??? solution "Thẻ A–D"']
    assert titled(source, "en").split("\n")[0] == '???+ trainer "For trainers"'
    assert titled("```\n??? trainer\n```", "vi") == "```\n??? trainer\n```"  # code stays as written
