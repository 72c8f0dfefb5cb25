"""One mistake, one problem: what only follows from a broken object is not reported.

An object whose own front matter is broken — not readable (missing, not closed, not YAML), without
an id, of an unknown kind, or with an id that differs from its English file's — is *poisoned*, as a
compiler treats a declaration it could not read. Every page that refers to it, every kind check
against it and the coverage count that misses it would otherwise report the same mistake again, in
other files and without its hint (`kind: terrm` gave six REF_WRONG_KIND and an ID_MISMATCH around
one KIND_UNKNOWN). The broken object's own problem is reported; these echoes are not. A reference to
an id that no file gives, broken or not, is still reported.
"""

from __future__ import annotations

import re
from collections import Counter

from sitekit.content.messages import text
from sitekit.content.problems import Problem

# problems about a reference: each names the id it refers to in the field `target`
_ECHOES = {"REF_UNKNOWN", "REF_WRONG_KIND", "REF_MISSING_IN_LANGUAGE"}
_ID_LINE = re.compile(r"^id:[ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]*)", re.M)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def recovered_ids(source: str) -> list[str]:
    """The id that a front matter YAML could not read was meant to give (its `id:` line)."""
    return _ID_LINE.findall(source)[:1]


def twins_apart(site, pairs) -> list[Problem]:
    """Problems of pages whose Vietnamese and English files have different ids. `pairs`:
    (Vietnamese file, English file, the English file's id). The mistake is in the file whose id
    nothing uses: in the Vietnamese file when references use the English id and none the
    Vietnamese one (then the English id is the page's, poisoned until fixed), else in the English file."""
    used = Counter(ref.target for ref in site.references())
    problems = []
    for default, twin, twin_id in pairs:
        obj_id = str(default.meta["id"])
        if used[twin_id] and not used[obj_id] and twin_id not in site.objects:
            problems.append(Problem(default.path, default.line("id"), "ID_MISMATCH", "used", got=obj_id,
                                    expected=twin_id, file=twin.path, count=used[twin_id],
                                    hint=text("hint.write_id", id=twin_id)))
            site.poisoned.setdefault(twin_id, default.path)
        else:
            problems.append(Problem(twin.path, twin.line("id"), "ID_MISMATCH", key="id", got=twin_id,
                                    expected=obj_id, file=default.path))
    return problems


def suppress(site, problems: list[Problem]) -> list[Problem]:
    """`problems` without those that only follow from a poisoned object."""
    if not site.poisoned:
        return problems
    unseen = _unseen_tasks(site)
    return [p for p in problems
            if not (p.code in _ECHOES and str(p.fields.get("target")) in site.poisoned)
            and not (p.code == "COVERAGE_MISSING" and p.fields.get("clause") in unseen)]


def _unseen_tasks(site) -> set[str]:
    """Tasks that a poisoned page, or a lesson of a poisoned module, may name: coverage cannot be
    counted for them until the page is fixed."""
    words: set[str] = set()
    for path in set(site.poisoned.values()):
        file = site.root / path
        if file.is_file():
            words.update(w.rstrip(".") for w in _WORD.findall(file.read_text(encoding="utf-8")))
    for obj in site.objects.values():
        if obj.kind == "lesson" and str(obj.meta.get("module")) in site.poisoned:
            words.update(str(c) for c in obj.meta.get("clauses") or [])
    return words
