"""Two views of one source: what participants get, and what only the facilitator gets.

A lesson plan is written once. Whatever is for the facilitator alone sits in a marked block:

- `??? trainer`  how to run an activity, preparation, timing notes, expected outputs (open on the web);
- `??? solution` keys and solutions of an activity (collapsed on the web: no spoilers at a glance);
- `??? answer`   the answer of a self-check question (collapsed on the web).

The web page keeps everything (trainers read it there); the participant pack (the trainee edition of
the PDFs) drops these blocks, the facilitator-notes section and the trainer's list of materials. The
content check refuses facilitator-only text written outside a block, so nothing leaks by mistake,
and the checkbox glyph "☐" (checklists are Markdown task items, `- [ ] …`).
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from sitekit.content.messages import Text, text as words
from sitekit.content.model import Site, Version
from sitekit.content.problems import Problem
from sitekit.content.references import find, prose_spans, substitute
from sitekit.ui import text

# block kind -> shown open on the web. Titles are the ui strings `block_<kind>`.
FACILITATOR_BLOCKS = {"trainer": True, "solution": False, "answer": False}
FACILITATOR_SECTION = "facilitator-notes"  # a module's notes for trainers: left out of the participant pack

_BLOCK = re.compile(r"^(?P<indent>[ ]*)(?P<marker>\?\?\?\+?|!!!)[ ]+(?P<kind>[a-z]+)\b(?P<rest>.*)$")
_BLOCK_LINE = re.compile(r"^[ ]*(?:\?\?\?\+?|!!!)[ ]+(?:trainer|solution|answer)\b[^\n]*$", re.M)
_CHECKBOX = re.compile(r"[☐☑☒]")

# Facilitator-only text, recognised by its form rather than by single words, so that the same words
# in ordinary prose ("câu trả lời đúng", "báo cáo viên nguồn") pass.
_ITEM = r"^\s*(?:>\s*)?(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__|\*|_)?"
_LEAKS: list[tuple[re.Pattern, Text]] = [
    (re.compile(r"\((?:Đúng|Sai|True|False)\)[.;,]?\s*$", re.I),
     words("leak.answer_key")),
    (re.compile(_ITEM + r"(?:Kết quả mong đợi|Expected (?:outputs?|results?))(?:\*\*|__|\*|_)?\s*[:：]", re.I),
     words("leak.expected_output")),
    (re.compile(_ITEM + r"(?:Đáp án|Lời giải|Answers?|Answer key|Solutions?)(?:\*\*|__|\*|_)?\s*[:：]", re.I),
     words("leak.answer_line")),
    (re.compile(_ITEM + r"(?:Báo cáo viên|BCV|The trainer|Trainer|The facilitator|Facilitator)(?:\*\*|__)?\s+"
                r"(?:dán|chốt|đọc|phát|chia|hỏi|ghi|mời|vẽ|treo|chiếu|làm mẫu|giải thích|trình bày|hướng dẫn|"
                r"tổng kết|tóm tắt|kết luận|nhấn mạnh|giới thiệu|yêu cầu|cho cả lớp|"
                r"sums? up|summari[sz]es?|reads?|explains?|asks?|hands? out|sticks?|puts? up|divides?|splits?|"
                r"writes?|draws?|invites?|presents?|shows?|introduces?|models?|concludes?|gives?|reminds?)\b"
                r"|" + _ITEM + r"(?:Báo cáo viên|BCV|The trainer|Trainer|The facilitator|Facilitator)(?:\*\*|__)?\s*:"),
     words("leak.instruction")),
]


def titled(markdown: str, lang: str) -> str:
    """Facilitator blocks with their title in `lang` and their web state (trainer notes open, keys
    and answers collapsed). A title the author wrote (`??? solution "Thẻ A–D"`) is kept."""

    def title(m: re.Match) -> str:
        block = _BLOCK.match(m.group(0))
        kind, rest = block.group("kind"), block.group("rest").strip()
        marker = block.group("marker") if block.group("marker") == "!!!" else ("???+" if FACILITATOR_BLOCKS[kind] else "???")
        return f'{block.group("indent")}{marker} {kind} ' + (rest or f'"{text("block_" + kind, lang)}"')

    return substitute(markdown, _BLOCK_LINE, title)


class _DropFacilitatorOnly(Treeprocessor):
    def run(self, root):
        for parent in list(root.iter()):
            for child in list(parent):
                classes = set((child.get("class") or "").split())
                if classes & FACILITATOR_BLOCKS.keys() or child.get("id") == FACILITATOR_SECTION:
                    parent.remove(child)


class ParticipantView(Extension):
    """Python-Markdown extension of the participant pack: leaves out every facilitator block."""

    def extendMarkdown(self, md):
        md.treeprocessors.register(_DropFacilitatorOnly(md), "participant_view", 1)  # after attr_list and toc


def _outside_blocks(body: str):
    """(line index, text) of the prose lines of `body` that are not inside a facilitator block."""
    lines = body.split("\n")
    inside_indent: int | None = None
    for index, start, end in prose_spans(body):
        line = lines[index]
        if inside_indent is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > inside_indent:
                continue
            inside_indent = None
        block = _BLOCK.match(line)
        if block and block.group("kind") in FACILITATOR_BLOCKS:
            inside_indent = len(block.group("indent"))
            continue
        yield index, body[start:end]


def _check_version(version: Version, curriculum: bool) -> list[Problem]:
    problems = []
    body, first = version.parsed.body, version.parsed.body_line
    for index, m in find(body, _CHECKBOX):
        problems.append(Problem(version.path, first + index, "CHECKBOX_GLYPH", glyph=m.group(0)))
    if curriculum:
        seen = set()
        for index, span in _outside_blocks(body):
            for pattern, what in _LEAKS:
                m = pattern.search(span)
                if m and index not in seen:
                    seen.add(index)
                    start = span.rfind(" ", 0, m.start() - 40) + 1 if m.start() > 40 else 0
                    shown = ("…" if start else "") + span[start:m.end() + 20].strip()  # what matched, in context
                    problems.append(Problem(version.path, first + index, "FACILITATOR_TEXT", what=what, shown=shown))
    return problems


def check(site: Site) -> list[Problem]:
    problems: list[Problem] = []
    for obj in site.objects.values():
        for version in obj.versions.values():
            problems += _check_version(version, obj.kind in ("module", "lesson"))
    return problems

