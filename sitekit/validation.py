"""Checks of the whole content: fields of every object and every reference.

`check(root)` loads and validates without MkDocs and returns all problems at once; the build hook
and `scripts/check_content.py` both call it.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from urllib.parse import urlparse

from sitekit import curriculum, editions, model, style
from sitekit.languages import DEFAULT
from sitekit.problems import Problem
from sitekit.references import find, placeholders, prose_spans
from sitekit.render import PLACEHOLDERS
from sitekit.schema import ID_PATTERN, KINDS, Field, fields_of


def closest(word: str, choices, what: str) -> str:
    """A hint naming the closest existing choice, for a typo."""
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return f"Did you mean {what} '{lowered[word.lower()]}'?"
    matches = [f"'{lowered[m]}'" for m in difflib.get_close_matches(word.lower(), list(lowered), n=3, cutoff=0.6)]
    if not matches:
        return ""
    return f"Did you mean {what} {' or '.join(matches)}?"


def _form_problem(value, spec: Field, agencies: dict) -> str | None:
    """What is wrong with one value of a field, or None."""
    if spec.form == "any":
        return None
    if spec.form == "date":
        return None if isinstance(value, datetime.date) else "a date written YYYY-MM-DD"
    if spec.form == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else "a whole number"
    if spec.form == "change":
        ok = isinstance(value, dict) and isinstance(value.get("date"), datetime.date) and str(value.get("text") or "").strip()
        return None if ok and set(value) == {"date", "text"} else "an entry `- date: YYYY-MM-DD` with `text: what changed`"
    if isinstance(value, (dict, list)) or value is None:
        return "a single value"
    value = str(value)
    if spec.form == "id" and not ID_PATTERN.match(value):
        return "an id (letters, digits, `.`, `-`, `_`)"
    if spec.form == "url" and urlparse(value).scheme not in ("http", "https"):
        return "a web address starting with https://"
    if spec.form == "choice" and value not in spec.choices:
        return "one of: " + ", ".join(spec.choices)
    if spec.form == "agency" and value not in agencies:
        return "an agency key: " + ", ".join(agencies)
    if not value.strip():
        return "a non-empty text"
    return None


def _check_fields(obj: model.ContentObject, agencies: dict) -> list[Problem]:
    problems = []
    if obj.kind not in KINDS or obj.kind == "clause":
        hint = closest(obj.kind, [k for k in KINDS if k != "clause"], "the kind")
        problems.append(Problem(obj.path, obj.versions[DEFAULT].line("kind"), "KIND_UNKNOWN",
                                f"`kind: {obj.kind}` is not a kind of page", hint))
        return problems
    spec_of = fields_of(obj.kind)
    default = obj.versions[DEFAULT]
    for lang, version in obj.versions.items():
        for name in version.meta:
            spec = spec_of.get(name)
            if spec is None:
                problems.append(Problem(version.path, version.line(name), "FIELD_UNKNOWN",
                                        f"`{name}:` is not a field of a {obj.kind}",
                                        closest(str(name), spec_of, "the field")))
                continue
            value = version.meta[name]
            if lang != DEFAULT and not spec.translated and name not in ("id", "kind") and value != default.meta.get(name):
                problems.append(Problem(version.path, version.line(name), "FIELD_MISMATCH",
                                        f"`{name}:` is {value!r} here but {default.meta.get(name)!r} in {default.path}"))
                continue
            if value is None and spec.nullable:
                continue
            values = value if isinstance(value, list) else [value]
            if spec.many != isinstance(value, list) and spec.form != "any":
                form = "a list (`- item` lines)" if spec.many else "a single value, not a list"
                problems.append(Problem(version.path, version.line(name), "FIELD_INVALID", f"`{name}:` must be {form}"))
                continue
            for index, item in enumerate(values):
                wrong = _form_problem(item, spec, agencies)
                if wrong:
                    line = version.line(name, index) if spec.many else version.line(name)
                    problems.append(Problem(version.path, line, "FIELD_INVALID",
                                            f"`{name}:` {item!r} must be {wrong}"))
        for name, spec in spec_of.items():
            present = name in version.meta and (spec.nullable or version.meta[name] not in (None, "", []))
            if spec.required and (spec.translated or lang == DEFAULT) and not present:
                problems.append(Problem(version.path, version.line(), "FIELD_MISSING",
                                        f"a {obj.kind} needs the field `{name}:`"))
    return problems


def _check_policy(obj: model.ContentObject) -> list[Problem]:
    """A policy's status is shown with the source it was read in, or not at all (`status: null`)."""
    version = obj.versions[DEFAULT]
    if obj.meta.get("status") is not None and not obj.meta.get("status_source"):
        return [Problem(version.path, version.line("status"), "STATUS_SOURCE_MISSING",
                        f"`status: {obj.meta['status']}` has no `status_source:`")]
    return []


def _check_reference(site: model.Site, ref: model.Reference) -> Problem | None:
    target = site.objects.get(ref.target)
    where = f"`{ref.field}:`" if ref.field else "the reference"
    if target is None:
        return Problem(ref.path, ref.line, "REF_UNKNOWN", f"{where} names {ref.target!r}, which does not exist",
                       closest(ref.target, site.objects, "the id"))
    if ref.kinds and target.kind not in ref.kinds:
        return Problem(ref.path, ref.line, "REF_WRONG_KIND",
                       f"{where} expects a {' or '.join(ref.kinds)}, but {ref.target!r} is a {target.kind}")
    source = site.objects[ref.source]
    needed = {ref.lang} if ref.lang else source.languages()
    missing = sorted(needed - target.languages())
    if missing:
        return Problem(ref.path, ref.line, "REF_MISSING_IN_LANGUAGE",
                       f"{ref.target!r} has no {', '.join(missing)} version, so the link cannot be shown in that language")
    return None


_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\(")
_HEADING = re.compile(r"^(#{1,6})\s")


def _check_accessibility(version: model.Version) -> list[Problem]:
    """Images need a text alternative; headings go down one level at a time, from `##`."""
    problems = []
    body, first = version.parsed.body, version.parsed.body_line
    for index, _ in find(body, _IMAGE_NO_ALT):
        problems.append(Problem(version.path, first + index, "IMAGE_ALT_MISSING", "this image has no text alternative"))
    level = 1  # the page title
    lines = body.split("\n")
    for index in sorted({i for i, _, _ in prose_spans(body)}):
        m = _HEADING.match(lines[index])
        if not m:
            continue
        depth = len(m.group(1))
        if depth > level + 1 or depth == 1:
            problems.append(Problem(version.path, first + index, "HEADING_ORDER",
                                    f"a level-{depth} heading after level {level}"))
        level = depth
    return problems


def _check_style(version: model.Version) -> list[Problem]:
    """Phrases refused in the page's language (sitekit/style.py), each with its replacement."""
    body, first = version.parsed.body, version.parsed.body_line
    return [Problem(version.path, first + index, "STYLE_PHRASE", f"“{found}”: write {replacement} instead")
            for index, found, replacement in style.findings(body, version.lang)]


def validate(site: model.Site) -> list[Problem]:
    problems = list(site.problems)
    agencies = site.agreement.agencies if site.agreement else {}
    pages = [obj for obj in site.objects.values() if obj.versions]  # not clauses or trainers (data)
    for obj in pages:
        problems += _check_fields(obj, agencies)
        if obj.kind == "policy" and DEFAULT in obj.versions:
            problems += _check_policy(obj)
        for version in obj.versions.values():
            problems += _check_accessibility(version)
            problems += _check_style(version)
            for ref in version.refs:
                if not ref.target:
                    problems.append(Problem(version.path, ref.line, "REF_SYNTAX", f"{ref.raw} is not a valid reference"))
            for line, name in placeholders(version.parsed.body, version.parsed.body_line):
                if name not in PLACEHOLDERS:
                    problems.append(Problem(version.path, line, "PLACEHOLDER_UNKNOWN",
                                            f"{{{{ {name} }}}} is not a placeholder the site fills in",
                                            closest(name, PLACEHOLDERS, "the placeholder")
                                            or "Known: " + ", ".join(PLACEHOLDERS)))
    for ref in site.references():
        problem = _check_reference(site, ref)
        if problem:
            problems.append(problem)
    problems += curriculum.check(site)
    problems += editions.check(site)
    return sorted(set(problems))


def check(root: Path, docs_dir: str = "docs") -> tuple[model.Site, list[Problem]]:
    site = model.load(root, docs_dir)
    return site, validate(site)
