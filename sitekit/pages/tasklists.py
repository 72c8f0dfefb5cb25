"""Checklists of the handouts: Markdown task items (`- [ ] …`, pymdownx.tasklist) whose checkbox is
named by the item's own text, so that a screen reader says what is to be checked.

pymdownx.tasklist writes `<label><input><span></span></label> text`: the label holds no text, and the
checkbox has no accessible name (axe-core: "Form elements must have labels"). This moves the item's
text, up to a nested list or the end of the item, into the label. It works on the HTML string because
the tasklist stores its markup as raw HTML. Listed in mkdocs.yml after the tasklist.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

_EMPTY_LABEL = re.compile(r'(<label class="task-list-control">.*?</label>)(.*?)(?=<ul|<ol|</li>|</p>)', re.S)


class _LabelTasks(Postprocessor):
    def run(self, text: str) -> str:
        if "task-list-control" not in text:
            return text
        return _EMPTY_LABEL.sub(lambda m: m.group(1)[:-len("</label>")] + m.group(2) + "</label>", text)


class LabelledTaskList(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(_LabelTasks(md), "labelled_tasks", 5)  # after raw HTML is put back (30)


def makeExtension(**kwargs):
    return LabelledTaskList(**kwargs)
