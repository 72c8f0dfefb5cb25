"""Phrases the site's style refuses, with what to write instead; the content check reports them as STYLE_PHRASE.

Why: a reader of the English pages (issue 15 §5) found calques and terms that read badly or wrongly —
"prestigious people" for *người có uy tín*, "from the full age of 18" for *từ đủ 18 tuổi*, American "Program"
for the programme, the label "Take first" — and the Vietnamese pages had passive "được … bởi" calques and
"lăng kính giới". They were fixed once; this list keeps them from coming back. The terms themselves are
decided in the glossary (the English for *người có uy tín* is on the page `t-gia-lang-truong-ban`).

Each pattern is kept precise so that it flags no correct text: it is matched only in prose (not in fenced
code, inline code or URLs), "Program" only with a capital P (a computer "program" is correct British
English), and "bởi" not when it means "because" (bởi vì, bởi lẽ, bởi thế, bởi vậy). A proper name that
must keep a refused spelling (a quoted official English title) goes in the phrase's `allow`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from sitekit.content.references import prose_spans


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern
    replacement: str
    allow: tuple[str, ...] = ()  # exact texts containing a match that may stay (official titles)


_NOT_BECAUSE = r"(?!\s+(?:vì|lẽ|thế|vậy)\b)"

PHRASES: dict[str, tuple[Phrase, ...]] = {
    "en": (
        Phrase(re.compile(r"\bprestigious (?:people|persons?)\b", re.I),
               "“respected community members” (người có uy tín; singular “a respected community member”)"),
        Phrase(re.compile(r"\bfull age of\b", re.I),
               "“at least” (e.g. “men at least 20 years old, women at least 18”)"),
        Phrase(re.compile(r"\bTake first\b"), "“Prerequisites”"),
        Phrase(re.compile(r"\bPrograms?\b"), "the British spelling “Programme”"),
    ),
    "vi": (
        Phrase(re.compile(r"\blăng kính giới\b", re.I), "“góc nhìn giới” or “nhìn từ góc độ giới”"),
        Phrase(re.compile(r"(?:\bđược\s+[^.;:!?()\[\]\n]{1,40}?\s|\b(?:ban hành|sửa đổi|bổ sung|thực hiện|"
                          r"hướng dẫn thi hành|phê duyệt|lôi kéo)\s)bởi\b" + _NOT_BECAUSE, re.I),
               "the active voice or “do …”: “do Chính phủ ban hành”, “đã được Nghị định 127/2024/NĐ-CP sửa đổi”"),
    ),
}

# URLs and link targets are not prose: `[text](https://…)`, `<https://…>`, bare https://…
_URL = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<[a-z]+://[^>]*>|\b[a-z]+://[^\s)\]>]+", re.I)


def findings(body: str, lang: str) -> Iterator[tuple[int, str, str]]:
    """(0-based line index, phrase found, replacement) for each refused phrase in the prose of `body`."""
    phrases = PHRASES.get(lang, ())
    if not phrases or not any(p.pattern.search(body) for p in phrases):
        return
    lines = body.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    for index, start, end in prose_spans(body):
        text = _URL.sub(lambda m: " " * len(m.group()), body[start:end])
        line = lines[index]
        for phrase in phrases:
            for m in phrase.pattern.finditer(text):
                at = start - line_starts[index] + m.start()
                if any(_inside(line, allowed, at) for allowed in phrase.allow):
                    continue
                yield index, m.group(), phrase.replacement


def _inside(line: str, allowed: str, at: int) -> bool:
    return any(s <= at < s + len(allowed) for s in (m.start() for m in re.finditer(re.escape(allowed), line)))
