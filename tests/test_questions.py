"""Question banks: every module has one, every objective is tested, no item invents an objective, and
each item is whole in both languages (sitekit/content/questions.py), each problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.content.questions import LETTERS, MIN_ITEMS, load
from sitekit.content.validation import check
from tests.sites import BASELINE, make_site, question_bank

ROOT = Path(__file__).resolve().parent.parent
BANK = "data/questions/m01.yml"


def _problems(tmp_path, changes):
    _, problems = check(make_site(tmp_path, changes))
    return [(p.path, p.line, p.code) for p in problems]


def _line(text: str, needle: str, occurrence: int = 1) -> int:
    lines = text.splitlines()
    hits = [n for n, line in enumerate(lines, 1) if needle in line]
    return hits[occurrence - 1]


def test_the_baseline_with_its_bank_has_no_problem(tmp_path):
    assert _problems(tmp_path, {}) == []


def test_an_objective_without_an_item_is_reported_on_the_objective(tmp_path):
    module = BASELINE["docs/modules/m01.md"].replace("objectives: [Hiểu nhiệm vụ]",
                                                     "objectives:\n          - Hiểu nhiệm vụ\n          - Lập kế hoạch")
    found = _problems(tmp_path, {"docs/modules/m01.md": module})
    line = _line((tmp_path / "docs/modules/m01.md").read_text(encoding="utf-8"), "Lập kế hoạch")
    assert found == [("docs/modules/m01.md", line, "QUESTION_OBJECTIVE_UNCOVERED")]


def test_an_item_naming_an_objective_the_module_lacks(tmp_path):
    bank = question_bank("m01").replace("objective: 1", "objective: 3", 1)
    assert _problems(tmp_path, {BANK: bank}) == [(BANK, _line(bank, "objective: 3"), "QUESTION_OBJECTIVE_UNKNOWN")]


@pytest.mark.parametrize("old, new, needle", [
    ("    answer: B", "    answer: D", "answer: D"),  # three options: A-C
    ("[Question A, Question B, Question C]", "[Question A, Question B]", "[Question A, Question B]"),
    ("[Câu A, Câu B, Câu C]", "[Câu A, Câu B, Câu C, Câu D]", "[Question A, Question B, Question C]"),
    ("      explanation: Câu B.", "", "vi:"),
    ("  - id: m01-q01", "  - id: m02-q01", "id: m02-q01"),
])
def test_an_item_that_is_not_whole_is_reported_where_it_is_wrong(tmp_path, old, new, needle):
    bank = question_bank("m01").replace(old, new, 1)
    assert _problems(tmp_path, {BANK: bank}) == [(BANK, _line(bank, needle), "QUESTION_INVALID")]


def test_a_module_without_a_bank_and_a_bank_too_small(tmp_path):
    assert _problems(tmp_path, {BANK: None}) == [("docs/modules/m01.md", 1, "QUESTION_BANK_MISSING")]
    small = question_bank("m01", items=MIN_ITEMS - 1)
    assert _problems(tmp_path / "small", {BANK: small}) == [(BANK, 1, "QUESTION_INVALID")]


def test_the_real_banks_test_every_objective_of_every_module_in_both_languages():
    banks, problems = load(ROOT)
    assert problems == []
    assert sorted(banks) == [f"m{n:02d}" for n in range(1, 11)]
    for module, bank in banks.items():
        assert len(bank.items) >= MIN_ITEMS, module
        letters = {item.answer for item in bank.items}
        assert len(letters) >= 3, (module, letters)  # the right answer is not always the same letter
        for item in bank.items:
            assert len(item.texts["vi"].options) == len(item.texts["en"].options)
            assert item.answer in LETTERS[:len(item.texts["vi"].options)]
