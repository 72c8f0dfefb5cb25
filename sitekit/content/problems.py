"""Problems found in the content, reported all together as `path:line: CODE message`.

Every check reports through `Problem`, with a code from `CODES`; the code's fix is the default hint,
so an editor always reads what to do. On CI the same problems are printed as GitHub annotations.
The words are Vietnamese by default and English on request (sitekit/content/messages.py).
"""

from __future__ import annotations

from typing import Any

from sitekit.content.error_reference import REFERENCE
from sitekit.content.messages import LANGS, Text, language, text

# code -> (what it means, how to fix it). The editors' error reference is generated from this table.
CODES: dict[str, tuple[str, str]] = {
    "FRONT_MATTER_MISSING": (
        "The page has no front matter.",
        "Start the file with a `---` line, then `id:`, `kind:` and `title:`, then a closing `---` line.",
    ),
    "FRONT_MATTER_INVALID": (
        "The front matter is not valid YAML, not closed, or not a list of `key: value` pairs.",
        "Check the line named: a missing space after `:`, an unclosed quote, or a tab used for indent.",
    ),
    "DUPLICATE_KEY": (
        "The same field is written twice; only one value would be kept.",
        "Keep one of the two lines (merge their values).",
    ),
    "KIND_UNKNOWN": (
        "The `kind:` is not one of the site's kinds.",
        "Use one of: page, policy, module, lesson, term, course.",
    ),
    "FIELD_MISSING": ("A required field is missing.", "Add the field named."),
    "FIELD_UNKNOWN": (
        "The field is not part of this kind; its value would be ignored.",
        "Fix the spelling of the field name, or remove the line.",
    ),
    "FIELD_INVALID": ("The field's value has the wrong form.", "Write the value in the form named."),
    "FIELD_MISMATCH": (
        "A shared field (not translated) differs between the Vietnamese and the English file.",
        "Shared fields are taken from the Vietnamese file: make the English value equal, or remove it.",
    ),
    "STATUS_SOURCE_MISSING": (
        "A policy states its status (in force, replaced, period ended) without the source it was read in.",
        "Add `status_source:` with the address of the page that states the status (a legal database's status "
        "line, or the text that sets the document's period), or write `status: null` (shown as “not yet recorded”).",
    ),
    "ID_DUPLICATE": (
        "Two objects have the same id.",
        "Give one of them a new id that is not used yet (ids never change once published).",
    ),
    "ID_MISMATCH": (
        "The Vietnamese and English files of one page have different ids or kinds.",
        "Both language files of a page carry the same `id:` and `kind:`.",
    ),
    "TRANSLATION_MISSING": (
        "A Vietnamese page has no English file.",
        "Add the English file beside it (`name.en.md`) with the same id and kind.",
    ),
    "DEFAULT_LANGUAGE_MISSING": (
        "An English file has no Vietnamese file.",
        "Vietnamese comes first: add `name.md` beside `name.en.md`, or rename the file.",
    ),
    "REF_UNKNOWN": (
        "A reference names an id that does not exist.",
        "Fix the id, or create the object with that id first.",
    ),
    "REF_WRONG_KIND": (
        "A reference names an object of the wrong kind for this field.",
        "Move the id to the field of its kind, or fix the id.",
    ),
    "REF_MISSING_IN_LANGUAGE": (
        "A reference's target has no version in the referring page's language.",
        "Translate the target first, or remove the reference from this language.",
    ),
    "REF_SYNTAX": (
        "An inline reference is malformed.",
        "Write `[[ID]]` or `[[ID|link text]]`, where ID has letters, digits, `.`, `-` or `_`.",
    ),
    "PLACEHOLDER_UNKNOWN": (
        "A `{{ name }}` placeholder is not one the site fills in.",
        "Use one of the placeholders listed in the editors' guide, or remove the braces.",
    ),
    "LINK_PAGE_MISSING": (
        "A Markdown link points to a page that is not in the site (in the page's language), or names no page.",
        "Fix the link's path, relative to this file (`../m04/index.md`), or create the page first. From an English "
        "page, write the Vietnamese file's name (`l2.md`): the English site takes `l2.en.md` when it exists.",
    ),
    "LINK_FILE_MISSING": (
        "A link or an image points to a file (a PDF, an image) that is not under docs/.",
        "Fix the file's path, relative to this file, or put the file under docs/ first.",
    ),
    "LINK_ANCHOR_MISSING": (
        "A link points to an anchor (`#…`) that the target page does not have.",
        "Link to an anchor the page has: a heading's `{#id}`, or the id the site makes from a heading without one "
        "(`## Tảo hôn` gives `#tao-hon`); or give the heading that id.",
    ),
    "SECTION_MISSING": (
        "A module or lesson lacks one of its required sections.",
        "Add the section with its heading and anchor, e.g. `## Điểm chính {#key-points}`.",
    ),
    "QUIZ_ANSWER_MISSING": (
        "A quiz question has no answer block.",
        "Under the question, add `??? answer` and the answer indented by 4 spaces.",
    ),
    "TRAINER_NOTES_MISSING": (
        "The facilitator notes are not marked as trainer-only.",
        "Put the notes in a `??? trainer` block (indented by 4 spaces) under `{#facilitator-notes}`.",
    ),
    "FACILITATOR_TEXT": (
        "Text for the facilitator only (an answer key, an expected output, an answer line, an instruction "
        "to the trainer) is outside a facilitator block, so the participant pack would print it.",
        "Move it into a `??? trainer` block (instructions, expected outputs) or a `??? solution` block (keys, "
        "solutions) placed after the participants' material, its lines indented by 4 spaces.",
    ),
    "CHECKBOX_GLYPH": (
        "A checklist item is written with a checkbox character (☐) instead of a Markdown task item.",
        "Write the item as `- [ ] text` (a space between the brackets): it prints as an empty box and shows as a checkbox on the site.",
    ),
    "LESSON_TIMING": (
        "The minutes of a lesson's activities do not add up to its `minutes:`.",
        "Give each activity heading its minutes, e.g. `### Hoạt động 1: Khởi động (15 phút)`, "
        "and make them add up to `minutes:`.",
    ),
    "LESSON_ORDER": (
        "Two lessons of a module have the same `order:`.",
        "Number the lessons of a module 1, 2, 3 … without repeats.",
    ),
    "QUESTION_BANK_MISSING": (
        "A module has no question bank: its self-check and the courses' tests have nothing to draw from.",
        "Create data/questions/<module id>.yml with at least 10 items, each tied to one of the module's objectives.",
    ),
    "QUESTION_OBJECTIVE_UNCOVERED": (
        "An objective of the module has no item in the module's question bank: nothing tests it.",
        "Add an item with `objective:` set to this objective's number (counted from 1 in `objectives:`).",
    ),
    "QUESTION_OBJECTIVE_UNKNOWN": (
        "An item of a question bank names an objective the module does not have.",
        "Set `objective:` to the number of one of the module's objectives (counted from 1), or add the objective.",
    ),
    "QUESTION_INVALID": (
        "An item of a question bank is not whole: a field missing, options that differ between languages, "
        "or an answer that is not one of the options.",
        "Give each item `id:`, `objective:`, `answer:` (A–D) and, in `vi:` and `en:`, `question:`, `options:` "
        "(3 or 4, in the same order in both languages) and `explanation:`.",
    ),
    "COURSE_SESSION_INVALID": (
        "A day or a session of a course is not written in the expected form.",
        "Write each day as `- start: \"07:30\"` with `sessions:`, each session `{lesson: m04-l1}` or "
        "`{fixed: break, minutes: 15}` (fixed kinds: registration, opening, pre-test, energiser, recap, break, "
        "lunch, post-test, evaluation, closing).",
    ),
    "COURSE_LESSON_TWICE": ("A lesson is listed twice in one course.", "Remove one of the two sessions."),
    "COURSE_DAY_TOO_LONG": (
        "A day of the course lasts more than 8 hours from its start to its end, breaks and lunch included.",
        "Move lessons to another day, or start earlier and shorten the lunch.",
    ),
    "COURSE_NO_BREAK": (
        "More than 120 minutes of sessions follow each other without a break or lunch.",
        "Add `{fixed: break, minutes: 15}` between two sessions; a lesson longer than two hours takes a break "
        "between its activities: `{lesson: m10-l4, break: 15}`.",
    ),
    "COURSE_PREREQUISITE_LATER": (
        "A course teaches a module's lessons before those of a module it requires first (`prerequisites:`).",
        "Move the prerequisite module's lessons earlier in the course.",
    ),
    "CHECK_SOLUTION_MISSING": (
        "A lesson's quick check (`{#check}`) has no solution: the facilitator cannot check the answers.",
        "Under each check, add its solution in a `??? solution` block (indented 4 spaces): the participants' "
        "pack leaves it out.",
    ),
    "LESSON_QUESTIONS": (
        "A lesson names no question, or more than three, in `questions:`.",
        "List the one to three questions the lesson answers, as a learner would ask them.",
    ),
    "COVERAGE_MISSING": (
        "A task of the agreement is named by no module and addressed by no lesson, and not marked as a "
        "non-training task.",
        "List the task in the `clauses:` of the lessons that train it (and of their module), or set "
        "`training: false` with a `training_note:` on the clause in data/agreement.yml.",
    ),
    "CLAUSE_NOT_TRAINING": (
        "A module or lesson lists in its `clauses:` a task that data/agreement.yml marks `training: false`, "
        "so the coverage page would contradict itself.",
        "If the lesson trains the task, remove `training: false` and its `training_note:` from the task in "
        "data/agreement.yml; if it only mentions it, remove the id from `clauses:` (a `[[ID]]` link in the text "
        "can stay).",
    ),
    "CONSENT_MISSING": (
        "A trainer record does not say whether the person agreed to publish their contact details.",
        "Add `consent_publish: true` (written consent received) or `consent_publish: false` under `contact:`.",
    ),
    "INACTIVE_CERTIFIED": (
        "An inactive trainer still has a certification without an end date, so would be shown as certified.",
        "Add `ended: YYYY-MM-DD` to each certification of an inactive trainer, or set `status: active`.",
    ),
    "IMAGE_ALT_MISSING": (
        "An image has no text alternative: readers who cannot see it get nothing.",
        "Describe the image between the brackets: `![Sơ đồ ba đời của một gia đình](so-do.png)`.",
    ),
    "HEADING_ORDER": (
        "A heading skips a level (e.g. `####` right after `##`), which breaks the page's outline.",
        "Use the next level down (`###` under `##`); the page title is the only level-1 heading.",
    ),
    "STYLE_PHRASE": (
        "The prose uses a phrase the site's style refuses (a calque or a term decided otherwise in the glossary).",
        "Write the replacement named in the message; the list is in sitekit/content/style.py.",
    ),
    "TEXT_NOT_NFC": (
        "A word is written in decomposed Unicode (NFD): it looks right but search and sorting miss it.",
        "Retype the word with the keyboard set to precomposed Unicode (Unicode dựng sẵn), or save the "
        "file as NFC (in VS Code: the command 'Normalize to NFC' of an extension, or any converter).",
    ),
    "DATA_INVALID": (
        "A data file (YAML) cannot be read or has the wrong structure.",
        "Check the line named against the comment at the top of the data file.",
    ),
}


class Problem:
    """One mistake at one place: a code, and the details of its message as data (`fields`), worded
    in each language by `messages.TEMPLATES` (the code's template, or `code.variant`'s).

    `hint` is said instead of the code's fix (a suggestion, "did you mean …?", before it). Both
    languages are worded when the problem is made, so a template naming a field that the call
    site does not give fails there, not when an editor reads it.
    """

    __slots__ = ("path", "line", "code", "variant", "fields", "hint_text", "_words")

    def __init__(self, path: str, line: int, code: str, variant: str = "", /, *, hint: Text | None = None,
                 **fields: Any):
        if code not in CODES:
            raise ValueError(f"unknown problem code {code!r}")
        self.path, self.line, self.code, self.variant = path, line, code, variant
        self.hint_text = hint
        self.fields = dict(text(self.key, **fields).fields)
        message = Text(self.key, tuple(sorted(self.fields.items())))
        try:
            self._words = {lang: (message.render(lang), hint.render(lang) if hint else "") for lang in LANGS}
        except (KeyError, IndexError) as err:
            raise ValueError(f"{self.key}: the call site gives no field {err}") from None

    @property
    def key(self) -> str:
        """The message's template: the code's own, or its variant's."""
        return f"{self.code}.{self.variant}" if self.variant else self.code

    def _sort_key(self) -> tuple:
        return (self.path, self.line, self.code, self._words["en"])

    def __eq__(self, other) -> bool:
        return isinstance(other, Problem) and self._sort_key() == other._sort_key()

    def __lt__(self, other: Problem) -> bool:
        return self._sort_key() < other._sort_key()

    def __hash__(self) -> int:
        return hash(self._sort_key())

    def __repr__(self) -> str:
        return f"Problem({self.path}:{self.line} {self.code} {self._words['en'][0]!r})"

    def message_in(self, lang: str) -> str:
        return self._words[lang][0]

    def fix_in(self, lang: str) -> str:
        """The hint; a suggestion followed by the code's fix; or the code's fix."""
        general = CODES[self.code][1] if lang == "en" else REFERENCE[self.code][1]
        hint = self._words[lang][1]
        if hint and not self.hint_text.suggestion:
            return hint
        return f"{hint} {general}" if hint else general

    @property
    def message(self) -> str:
        """In English (logs, tests); an editor reads `format()` in their language."""
        return self.message_in("en")

    @property
    def hint(self) -> str:
        return self._words["en"][1]

    @property
    def fix(self) -> str:
        return self.fix_in("en")

    def format(self, lang: str | None = None) -> str:
        lang = lang or language()
        return (f"{self.path}:{self.line}: {self.code} {self.message_in(lang)}\n"
                f"    {text('report.fix').render(lang)}: {self.fix_in(lang)}")

    def github_annotation(self, lang: str | None = None) -> str:
        """A `::error` workflow command; GitHub shows it on the line of the diff."""
        lang = lang or language()
        label = text("report.fix").render(lang)
        words = f"{self.message_in(lang)}. {label[0].upper()}{label[1:]}: {self.fix_in(lang)}"
        return f"::error file={self.path},line={self.line},title={self.code}::" + words.replace("%", "%25").replace("\n", "%0A")


def report(problems: list[Problem], lang: str | None = None) -> str:
    """All problems, sorted by file and line, under a count line, in `lang` (default: the locale's,
    Vietnamese unless it is English)."""
    lang = lang or language()
    unique = sorted(set(problems))
    lines = [text("report.count", count=len(unique)).render(lang)]
    lines += [p.format(lang) for p in unique]
    return "\n".join(lines)


class ContentError(Exception):
    """Raised when content has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))
