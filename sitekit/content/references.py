"""The inline syntax of pages: `[[ID]]` / `[[ID|text]]` references and `{{ name }}` placeholders.

Both are found only in prose: fenced code blocks and inline code are left alone, so a page can show
the syntax itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from sitekit.content.schema import ID_PATTERN

REF = re.compile(r"\[\[([^\[\]\n]*)\]\]")
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\n]*?)\s*\}\}")
# The placeholders a page may hold, `{{ name }}`. sitekit.pages.render fills each one (and refuses to
# start if the two lists differ); the check refuses any other name.
PLACEHOLDER_NAMES = ("agreement_text", "agreement_metadata", "responsibility_matrix", "policy_index",
                     "module_index", "glossary", "coverage_matrix", "downloads", "offline_download", "roster",
                     "roster_coverage", "error_codes", "translation_status", "course_index", "self_check")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


@dataclass(frozen=True)
class InlineRef:
    line: int  # line in the file
    raw: str
    target: str  # "" when malformed
    text: str | None


def prose_spans(body: str) -> Iterator[tuple[int, int, int]]:
    """(line index, start, end) of every part of `body` that is prose, not code."""
    fence: str | None = None
    pos = 0
    for index, line in enumerate(body.split("\n")):
        start = pos
        pos += len(line) + 1
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        last = 0
        for code in _CODE_SPAN.finditer(line):
            yield index, start + last, start + code.start()
            last = code.end()
        yield index, start + last, start + len(line)


def find(body: str, pattern: re.Pattern) -> Iterator[tuple[int, re.Match]]:
    """Matches of `pattern` in the prose of `body`, with their 0-based line index."""
    if not pattern.search(body):
        return  # most pages have no placeholder: skip the line-by-line walk
    for index, start, end in prose_spans(body):
        for m in pattern.finditer(body, start, end):
            yield index, m


def substitute(body: str, pattern: re.Pattern, replace: Callable[[re.Match], str]) -> str:
    """`body` with every prose match of `pattern` replaced."""
    out, last = [], 0
    for _, m in find(body, pattern):
        out.append(body[last:m.start()])
        out.append(replace(m))
        last = m.end()
    out.append(body[last:])
    return "".join(out)


def parse_ref(inner: str) -> tuple[str, str | None]:
    """"II.1.a.4|this task" -> ("II.1.a.4", "this task"); ("", None) when malformed."""
    target, bar, label = inner.partition("|")
    target = target.strip()
    if not ID_PATTERN.match(target) or (bar and not label.strip()):
        return "", None
    return target, (label.strip() if bar else None)


def inline_refs(body: str, body_line: int) -> list[InlineRef]:
    refs = []
    for index, m in find(body, REF):
        target, label = parse_ref(m.group(1))
        refs.append(InlineRef(body_line + index, m.group(0), target, label))
    return refs


def placeholders(body: str, body_line: int) -> list[tuple[int, str]]:
    return [(body_line + index, m.group(1)) for index, m in find(body, PLACEHOLDER)]
