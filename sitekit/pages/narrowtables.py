"""Tables that fold into cards on a phone: every data cell carries the label of its column.

A table of three columns or more does not fit a 360 px screen: Material scrolls it sideways and the
columns that matter (a duration, an agency, a file) are off-screen with no hint. This extension wraps
such a table in `<div class="stack-table">` and gives each `<td>` a `data-label` with its column's
heading; on a narrow screen site.css shows each row as a card of "label: value" lines, the first cell
as its title. Listed in mkdocs.yml.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3  # a two-column table (label, value) already reads as a list on a phone


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _wrap_content(cell: etree.Element) -> None:
    """Put a cell's text and inline elements in one span: the folded cell is a two-column grid
    (label, value), where every child element would otherwise take a grid cell of its own. Text
    alone is one grid cell already."""
    if not len(cell):
        return
    span = etree.Element("span")
    span.text, cell.text = cell.text, None
    for child in list(cell):
        cell.remove(child)
        span.append(child)
    cell.append(span)


class _StackTables(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._visit(root)

    def _visit(self, parent: etree.Element) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag == "table" and self._label(child):
                wrapper = etree.Element("div", {"class": "stack-table"})
                wrapper.tail, child.tail = child.tail, None
                parent.remove(child)
                wrapper.append(child)
                parent.insert(index, wrapper)
            else:
                self._visit(child)

    @staticmethod
    def _label(table: etree.Element) -> bool:
        """Give every data cell its column's heading; False when the table is too narrow to fold."""
        head = table.find("thead/tr")
        labels = [_text(th) for th in head.findall("th")] if head is not None else []
        if len(labels) < MIN_COLUMNS:
            return False
        for row in table.iter("tr"):
            for label, cell in zip(labels, row.findall("td")):
                if label:
                    cell.set("data-label", label)
                    _wrap_content(cell)
        return True


class NarrowTables(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_StackTables(md), "narrow_tables", 1)  # after inline text (20) and abbr


def makeExtension(**kwargs):
    return NarrowTables(**kwargs)
