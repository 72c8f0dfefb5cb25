"""Problems found in the content, reported all together as `path:line: CODE message`.

Every check reports through `Problem`, with a code from `CODES`; the code's fix is the default hint,
so an editor always reads what to do. On CI the same problems are printed as GitHub annotations.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        "Use one of: page, clause, policy, module, lesson, term, trainer.",
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
        "Write the replacement named in the message; the list is in sitekit/style.py.",
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


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    code: str
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    @property
    def fix(self) -> str:
        return self.hint or CODES[self.code][1]

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}\n    fix: {self.fix}"

    def github_annotation(self) -> str:
        """A `::error` workflow command; GitHub shows it on the line of the diff."""
        text = f"{self.message} Fix: {self.fix}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line},title={self.code}::{text}"


def report(problems: list[Problem]) -> str:
    """All problems, sorted by file and line, under a count line."""
    lines = [f"{len(problems)} content problem(s) found:"]
    lines += [p.format() for p in sorted(set(problems))]
    return "\n".join(lines)


class ContentError(Exception):
    """Raised when content has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))
