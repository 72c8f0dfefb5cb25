"""The curriculum: modules, their lessons, and how they cover the agreement's tasks.

Also the structure every module and lesson must have in each language, so that trainers always find
key points, handouts, a quiz with answers and trainer-only notes. What is for the facilitator only,
and how the participant edition leaves it out, is sitekit.content.editions.
"""

from __future__ import annotations

import re

from sitekit.languages import DEFAULT
from sitekit.content.messages import kind as kind_name
from sitekit.content.model import ContentObject, Site, Version
from sitekit.content.problems import Problem
from sitekit.content.references import prose_spans

REQUIRED_SECTIONS = {
    "module": ("key-points", "handouts", "quiz", "facilitator-notes"),
    "lesson": ("objectives", "activities", "check", "summary"),
}
_SECTION = re.compile(r"^##\s+.*\{\s*#([a-z0-9-]+)[^}]*\}\s*$")
_QUESTION = re.compile(r"^###\s")
_ANSWER = re.compile(r"^\?\?\?\+?\s+answer\b")
_TRAINER = re.compile(r"^\s*\?\?\?\+?\s+trainer\b")
_SOLUTION = re.compile(r"^\?\?\?\+?\s+solution\b")
MAX_QUESTIONS = 3  # a lesson answers one to three questions (front matter `questions:`)
_ACTIVITY_MINUTES = re.compile(r"^###\s.*\((\d+)\s*(?:phút|minutes?|min)\)\s*(?:\{[^}]*\})?\s*$")


def activity_minutes(lines) -> list[int]:
    """The minutes of each activity heading (`### Hoạt động 1: … (15 phút)`) among these lines."""
    return [int(m.group(1)) for text in lines if (m := _ACTIVITY_MINUTES.match(text))]


def lessons_of(site: Site, module_id: str) -> list[ContentObject]:
    lessons = [o for o in site.objects.values() if o.kind == "lesson" and o.meta.get("module") == module_id]
    return sorted(lessons, key=lambda o: (o.meta.get("order") or 0, o.id))


def modules(site: Site) -> list[ContentObject]:
    return sorted((o for o in site.objects.values() if o.kind == "module"), key=lambda o: str(o.meta.get("code")))


def total_minutes(site: Site, module_id: str) -> int:
    return sum(int(lesson.meta.get("minutes") or 0) for lesson in lessons_of(site, module_id))


def _tasks(site: Site) -> list:
    return [c for c in (site.agreement.clauses if site.agreement else []) if c.type == "task"]


def coverage(site: Site) -> dict[str, list[ContentObject]]:
    """Each task of the agreement -> the lessons that address it (list it in their `clauses:`), in module
    and lesson order. A task counts as trained only through a lesson: a module's `clauses:` is its plan."""
    addressed: dict[str, list[ContentObject]] = {c.id: [] for c in _tasks(site)}
    for module in modules(site):
        for lesson in lessons_of(site, module.id):
            for clause_id in dict.fromkeys(lesson.meta.get("clauses") or []):
                if clause_id in addressed:
                    addressed[clause_id].append(lesson)
    return addressed


def planned(site: Site) -> dict[str, list[ContentObject]]:
    """Each task of the agreement -> the modules that name it in their own `clauses:`."""
    named: dict[str, list[ContentObject]] = {c.id: [] for c in _tasks(site)}
    for module in modules(site):
        for clause_id in dict.fromkeys(module.meta.get("clauses") or []):
            if clause_id in named:
                named[clause_id].append(module)
    return named


def _check_not_training(site: Site) -> list[Problem]:
    """A `training: false` task listed in a module's or a lesson's `clauses:` (a shared field: the
    Vietnamese file is the one read)."""
    problems = []
    not_training = {c.id for c in _tasks(site) if not c.training}
    for obj in site.objects.values():
        if obj.kind not in REQUIRED_SECTIONS or DEFAULT not in obj.versions:
            continue
        version = obj.versions[DEFAULT]
        for index, clause_id in enumerate(version.meta.get("clauses") or []):
            if clause_id in not_training:
                problems.append(Problem(version.path, version.line("clauses", index), "CLAUSE_NOT_TRAINING",
                                        kind=kind_name(obj.kind), clause=clause_id))
    return problems


def _sections(version: Version) -> dict[str, tuple[int, list[tuple[int, str]]]]:
    """Level-2 sections by anchor: (line of the heading, [(line, text) of its prose lines])."""
    body, first = version.parsed.body, version.parsed.body_line
    lines = body.split("\n")
    prose = {index for index, _, _ in prose_spans(body)}
    sections: dict[str, tuple[int, list[tuple[int, str]]]] = {}
    current: list[tuple[int, str]] | None = None
    for index, line in enumerate(lines):
        if index in prose and line.startswith("## "):
            m = _SECTION.match(line)
            current = None
            if m:
                current = []
                sections[m.group(1)] = (first + index, current)
            continue
        if current is not None:
            current.append((first + index, line))
    return sections


def _check_structure(obj: ContentObject, version: Version) -> list[Problem]:
    problems = []
    sections = _sections(version)
    for anchor in REQUIRED_SECTIONS[obj.kind]:
        if anchor not in sections:
            problems.append(Problem(version.path, version.parsed.body_line, "SECTION_MISSING", kind=kind_name(obj.kind),
                                    anchor=anchor))
    if "quiz" in sections and not any("{{ self_check }}" in line for _, line in sections["quiz"][1]):
        heading_line, lines = sections["quiz"]  # written by hand (the module's bank makes it: {{ self_check }})
        questions = [(n, answered) for n, answered in _questions(lines)]
        if not questions:
            problems.append(Problem(version.path, heading_line, "SECTION_MISSING", "quiz"))
        for line, answered in questions:
            if not answered:
                problems.append(Problem(version.path, line, "QUIZ_ANSWER_MISSING"))
    if "facilitator-notes" in sections:
        heading_line, lines = sections["facilitator-notes"]
        if not any(_TRAINER.match(text) for _, text in lines):
            problems.append(Problem(version.path, heading_line, "TRAINER_NOTES_MISSING"))
    if obj.kind == "lesson" and "check" in sections:
        heading_line, lines = sections["check"]
        if not any(_SOLUTION.match(text) for _, text in lines):
            problems.append(Problem(version.path, heading_line, "CHECK_SOLUTION_MISSING"))
    questions = version.meta.get("questions")
    if obj.kind == "lesson" and isinstance(questions, list) and not 1 <= len(questions) <= MAX_QUESTIONS:
        problems.append(Problem(version.path, version.line("questions"), "LESSON_QUESTIONS", count=len(questions),
                                most=MAX_QUESTIONS))
    if obj.kind == "lesson" and "activities" in sections:
        heading_line, lines = sections["activities"]
        minutes = activity_minutes(text for _, text in lines)
        expected = obj.meta.get("minutes")
        if isinstance(expected, int) and sum(minutes) != expected:
            problems.append(Problem(version.path, heading_line, "LESSON_TIMING", total=sum(minutes), minutes=expected))
    return problems


def _questions(lines: list[tuple[int, str]]):
    """(line of each `###` question, whether an answer block follows it before the next question)."""
    current = None
    for line, text in lines:
        if _QUESTION.match(text):
            if current is not None:
                yield current, False
            current = line
        elif _ANSWER.match(text) and current is not None:
            yield current, True
            current = None
    if current is not None:
        yield current, False


def check(site: Site) -> list[Problem]:
    problems: list[Problem] = []
    for obj in site.objects.values():
        if obj.kind in REQUIRED_SECTIONS:
            for version in obj.versions.values():
                problems += _check_structure(obj, version)
    for module in modules(site):
        seen: dict[int, ContentObject] = {}
        for lesson in lessons_of(site, module.id):
            order = lesson.meta.get("order")
            if order in seen:
                problems.append(Problem(lesson.path, lesson.versions[DEFAULT].line("order"), "LESSON_ORDER",
                                        order=order, other=seen[order].path))
            seen[order] = lesson
    if site.agreement and modules(site):
        problems += _check_not_training(site)
        named = planned(site)
        for clause_id, lessons in coverage(site).items():
            clause = site.agreement.clause(clause_id)
            if clause.training and not lessons and not named[clause_id]:
                problems.append(Problem(site.agreement.path, clause.line, "COVERAGE_MISSING", clause=clause_id))
    return problems
