"""YAML that remembers where each value was written, so a problem can name its line.

PyYAML keeps the last of two equal keys without a word; here a repeated key is a problem, since
an editor's value would otherwise be lost.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from sitekit.content import messages, unicodeform
from sitekit.content.problems import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# (key, index, ...) path of a value -> line number in the file (1-based)
Lines = dict[tuple, int]


class YamlResult:
    """Data, the line of every value, and the problems met while reading."""

    def __init__(self, data: Any, lines: Lines, problems: list[Problem]):
        self.data = data
        self.lines = lines
        self.problems = problems

    def line(self, *path: Any, default: int = 1) -> int:
        """Line of the value at `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?[^\s:#"'][^:#"']*:\s+(["'])(.*)$""")


def _unclosed_quote(text: str, error_line: int | None) -> int | None:
    """The first line, up to the error, whose value opens a quote that the line does not close: with
    a quote left open, YAML reads on to the next quote and reports a later, valid line."""
    lines = text.split("\n")
    for index, line in enumerate(lines[: (error_line + 1) if error_line is not None else None]):
        m = _QUOTED_VALUE.match(line)
        if not m:
            continue
        quote, rest = m.groups()
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else "'" in rest.replace("''", "")
        if not closed:
            return index
    return None


# the codes a YAML error is reported under: a data file's, or a page's front matter
CODES = ("DATA_INVALID", "FRONT_MATTER_INVALID")


def load(text: str, path: str, first_line: int = 1, code: str = "DATA_INVALID") -> YamlResult:
    """Parse `text` (which starts at `first_line` of file `path`); errors are reported as `code`."""
    assert code in CODES, code
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        # An unclosed quote is only noticed at the end of the text: name the line where it opened.
        mark = err.problem_mark or err.context_mark
        if err.context_mark and "end of stream" in str(err.problem):
            mark = err.context_mark
        # `verification verified` (no `:`): YAML notices on the next line; the key began on this one
        if err.context_mark and "simple key" in str(err.context):
            mark = err.context_mark
        line = mark.line + 1 + offset if mark else first_line
        context = err.context or ""
        if err.context and err.context_mark and err.context_mark is not mark:
            context += f" (from line {err.context_mark.line + 1 + offset})"
        message = ": ".join(x for x in (context, str(err.problem or "")) if x)
        opened = _unclosed_quote(text, mark.line if mark else None)
        if opened is not None:  # a later quote closed it, and YAML stumbled further down
            return YamlResult(None, {}, [Problem(path, opened + 1 + offset, code, "quote",
                                                 hint=messages.text("hint.close_quote"))])
        return YamlResult(None, {}, [Problem(path, line, code, detail=messages.yaml_detail(message))])
    lines: Lines = {}
    problems: list[Problem] = unicodeform.problems(text, path, first_line)
    constructor = SafeConstructor()

    def line_of(n: yaml.Node) -> int:
        return n.start_mark.line + 1 + offset

    def build(n: yaml.Node, key: tuple) -> Any:
        lines.setdefault(key, line_of(n))
        if isinstance(n, yaml.MappingNode):
            result: dict = {}
            for k_node, v_node in n.value:
                k = build(k_node, key + ("<key>",))
                if k in result:
                    problems.append(Problem(path, line_of(k_node), "DUPLICATE_KEY", key=k))
                    continue  # the first value stays; the problem stops the build
                lines[key + (k,)] = line_of(k_node)  # a field's line is where its name is written
                result[k] = build(v_node, key + (k,))
            return result
        if isinstance(n, yaml.SequenceNode):
            return [build(item, key + (i,)) for i, item in enumerate(n.value)]
        try:
            return constructor.construct_object(n, deep=True)
        except (yaml.YAMLError, ValueError):
            return n.value  # e.g. an impossible date: kept as text, so the schema check names it

    data = build(node, ()) if node is not None else None
    return YamlResult(data, lines, problems)
