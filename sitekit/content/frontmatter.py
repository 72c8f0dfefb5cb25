"""Split a Markdown file into its YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitekit.content import messages, unicodeform, yamlsource
from sitekit.content.problems import Problem


@dataclass
class Parsed:
    meta: dict
    lines: yamlsource.Lines
    body: str
    body_line: int  # line of the file where the body starts
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False: missing, not closed, not YAML or not `key: value` (its problem says which)
    source: str = ""  # the front matter as written (for a page that could not be read: what it meant to say)

    def line(self, *key) -> int:
        return yamlsource.YamlResult(None, self.lines, []).line(*key)


def parse(text: str, path: str) -> Parsed:
    """Front matter is a block between a first line `---` and the next line `---` (or `...`)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    all_lines = text.split("\n")
    if not all_lines or all_lines[0].rstrip() != "---":
        return Parsed({}, {}, text, 1, [Problem(path, 1, "FRONT_MATTER_MISSING")], readable=False)
    for end, line in enumerate(all_lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            break
    else:
        problem = Problem(path, 1, "FRONT_MATTER_INVALID", "unclosed", hint=messages.text("hint.close_front_matter"))
        return Parsed({}, {}, text, 1, [problem], readable=False, source=text)
    source = "\n".join(all_lines[1:end])
    result = yamlsource.load(source, path, first_line=2, code="FRONT_MATTER_INVALID")
    body = "\n".join(all_lines[end + 1:])
    meta = result.data
    problems = list(result.problems)
    if meta is None and not problems:
        meta = {}
    readable = isinstance(meta, dict)
    if not readable:
        if not problems:
            problems.append(Problem(path, 2, "FRONT_MATTER_INVALID", "not_mapping"))
        meta = {}
    lines = dict(result.lines)
    lines.setdefault((), 1)
    problems += unicodeform.problems(body, path, end + 2)  # the front matter's: read by yamlsource
    return Parsed(meta, lines, body, end + 2, problems, readable, source)
