"""The question bank of each module (`data/questions/<module>.yml`): multiple-choice items, each tied to
one of the module's objectives, written in both languages with the right option and why.

A module's self-check and a course's pre-test and post-test draw from its bank, so the bank must test
what the module promises: every objective has an item (QUESTION_OBJECTIVE_UNCOVERED), no item names
an objective the module does not have (QUESTION_OBJECTIVE_UNKNOWN), and each item is whole in both
languages with the same options in the same order (QUESTION_INVALID).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.content import yamlsource
from sitekit.content.problems import Problem
from sitekit.languages import DEFAULT, LANGUAGES

FOLDER = "data/questions"
MIN_ITEMS = 10  # a bank smaller than this cannot give a pre-test and a self-check that differ
LETTERS = "ABCD"
_ID = re.compile(r"^(m\d\d)-q\d\d+$")


@dataclass(frozen=True)
class Text:
    question: str
    options: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class Item:
    id: str
    module: str
    objective: int  # 1-based, in the module's `objectives:`
    answer: str  # the letter of the right option
    texts: dict[str, Text]  # language -> the item in it
    line: int
    objective_line: int

    @property
    def answer_index(self) -> int:
        return LETTERS.index(self.answer)


@dataclass
class Bank:
    module: str
    path: str
    items: list[Item] = field(default_factory=list)
    lines: dict[tuple, int] = field(default_factory=dict)  # YAML path -> line, for problems found later
    written: int = 0  # items in the file, whole or not (one that is not whole is reported on its own)

    def for_objective(self, objective: int) -> list[Item]:
        return [item for item in self.items if item.objective == objective]


def load(root: Path) -> tuple[dict[str, Bank], list[Problem]]:
    """Every bank under data/questions/, by module id, and the problems of their form."""
    banks: dict[str, Bank] = {}
    problems: list[Problem] = []
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return banks, problems
    seen: dict[str, str] = {}
    for file in sorted(folder.glob("*.yml")):
        rel = f"{FOLDER}/{file.name}"
        source = yamlsource.load(file.read_text(encoding="utf-8"), rel)
        problems += source.problems
        data = source.data
        if source.problems and data is None:
            continue
        module = file.stem
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            problems.append(Problem(rel, source.line(), "QUESTION_INVALID", "bank"))
            continue
        if data.get("module") != module:
            problems.append(Problem(rel, source.line("module"), "QUESTION_INVALID", "module",
                                    found=data.get("module"), module=module))
        bank = Bank(module, rel, lines=source.lines, written=len(data["items"]))
        for index, record in enumerate(data["items"]):
            item, item_problems = _item(record, module, rel, source, ("items", index))
            problems += item_problems
            if item is None:
                continue
            if item.id in seen:
                problems.append(Problem(rel, item.line, "QUESTION_INVALID", "duplicate", id=item.id, other=seen[item.id]))
                continue
            seen[item.id] = f"{rel}:{item.line}"
            bank.items.append(item)
        banks[module] = bank
    return banks, problems


def _item(record, module: str, rel: str, source, at: tuple) -> tuple[Item | None, list[Problem]]:
    line = source.line(*at)
    if not isinstance(record, dict):
        return None, [Problem(rel, line, "QUESTION_INVALID", "item")]
    problems = []
    item_id = str(record.get("id") or "")
    match = _ID.match(item_id)
    if not match or match.group(1) != module:
        problems.append(Problem(rel, source.line(*at, "id"), "QUESTION_INVALID", "id", id=item_id or "—", module=module))
    objective = record.get("objective")
    if not isinstance(objective, int) or isinstance(objective, bool):
        problems.append(Problem(rel, source.line(*at, "objective"), "QUESTION_INVALID", "objective", id=item_id))
    texts: dict[str, Text] = {}
    for lang in LANGUAGES:
        block = record.get(lang)
        if not isinstance(block, dict) or not all(isinstance(block.get(k), str) and block.get(k).strip()
                                                  for k in ("question", "explanation")) \
                or not isinstance(block.get("options"), list) \
                or not all(isinstance(o, str) and o.strip() for o in block["options"]):
            problems.append(Problem(rel, source.line(*at, lang), "QUESTION_INVALID", "language", id=item_id, lang=lang))
            continue
        texts[lang] = Text(block["question"].strip(), tuple(o.strip() for o in block["options"]),
                           block["explanation"].strip())
    counts = {lang: len(text.options) for lang, text in texts.items()}
    wrong = [lang for lang, n in counts.items() if not 3 <= n <= len(LETTERS)]
    if wrong:
        problems.append(Problem(rel, source.line(*at, wrong[0], "options"), "QUESTION_INVALID", "options", id=item_id,
                                count=counts[wrong[0]]))
    elif len(set(counts.values())) > 1:  # the English follows the Vietnamese: it is the one to fix
        problems.append(Problem(rel, source.line(*at, "en", "options"), "QUESTION_INVALID", "option_counts", id=item_id,
                                counts=", ".join(f"{lang} {n}" for lang, n in counts.items())))
    answer = str(record.get("answer") or "")
    options = min(counts.values()) if counts else 0
    if answer not in LETTERS[:options]:
        problems.append(Problem(rel, source.line(*at, "answer"), "QUESTION_INVALID", "answer", id=item_id, answer=answer,
                                letters=", ".join(LETTERS[:options]) or "A–D"))
    if problems:
        return None, problems
    return Item(item_id, module, objective, answer, texts, line, source.line(*at, "objective")), []


def check(site) -> list[Problem]:
    """Each module against its bank: a bank, big enough, every objective tested, no objective invented."""
    problems: list[Problem] = []
    modules = {obj.id: obj for obj in site.objects.values() if obj.kind == "module"}
    for bank in site.questions.values():
        if bank.module not in modules and bank.module not in site.poisoned:  # a broken module is reported itself
            problems.append(Problem(bank.path, bank.lines.get(("module",), 1), "QUESTION_INVALID", "unknown_module",
                                    module=bank.module))
    for module_id, module in sorted(modules.items()):
        version = module.versions.get(DEFAULT)
        if version is None:
            continue
        bank = site.questions.get(module_id)
        if bank is None:
            problems.append(Problem(version.path, 1, "QUESTION_BANK_MISSING", module=module_id,
                                    file=f"{FOLDER}/{module_id}.yml"))
            continue
        objectives = version.meta.get("objectives") or []
        if bank.written < MIN_ITEMS:
            problems.append(Problem(bank.path, 1, "QUESTION_INVALID", "too_few", count=bank.written, least=MIN_ITEMS))
        for item in bank.items:
            if not 1 <= item.objective <= len(objectives):
                problems.append(Problem(bank.path, item.objective_line, "QUESTION_OBJECTIVE_UNKNOWN", id=item.id, objective=item.objective,
                                        count=len(objectives), module=module_id))
        for number in range(1, len(objectives) + 1):
            if not bank.for_objective(number):
                problems.append(Problem(version.path, version.line("objectives", number - 1),
                                        "QUESTION_OBJECTIVE_UNCOVERED", objective=number, file=bank.path))
    return problems
