"""Text in composed Unicode (NFC). A word typed in decomposed form ("ả" as "a" and a combining hook,
as some keyboards and copies from PDFs give it) looks the same on screen but is another string:
search, the glossary's order and a comparison of titles miss it, and it reached 18 pages unseen.
The content check refuses it where it is written, front matter, body or data file alike."""

from __future__ import annotations

import re
import unicodedata

from sitekit.content.problems import Problem

_WORD = re.compile(r"\S+")


def problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """A problem for each line of `text` that is not NFC, quoting its first such word."""
    found = []
    for index, line in enumerate(text.split("\n")):
        if unicodedata.is_normalized("NFC", line):
            continue
        word = next((w for w in _WORD.findall(line) if not unicodedata.is_normalized("NFC", w)), line.strip())
        found.append(Problem(path, first_line + index, "TEXT_NOT_NFC", word=unicodedata.normalize("NFC", word)))
    return found
