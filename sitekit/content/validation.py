"""Checks of the whole content: fields of every object and every reference.

`check(root)` loads and validates without MkDocs and returns all problems at once; the build hook
and `scripts/check_content.py` both call it.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlparse

from sitekit.content import cascade, courses, curriculum, editions, mdlinks, model, questions, style
from sitekit.languages import DEFAULT
from sitekit.content.messages import Text, closest, did_you_mean, kind as kind_name, language_name, text
from sitekit.content.problems import Problem
from sitekit.content.references import PLACEHOLDER_NAMES as PLACEHOLDERS, find, placeholders, prose_spans
from sitekit.content.schema import ID_PATTERN, KINDS, Field, fields_of


def _form_problem(value, spec: Field, agencies: dict) -> Text | None:
    """What one value of a field should be, when it is not, or None."""
    if spec.form == "any":
        return None
    if spec.form == "date":
        return None if isinstance(value, datetime.date) else text("form.date")
    if spec.form == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) else text("form.int")
    if spec.form == "change":
        ok = isinstance(value, dict) and isinstance(value.get("date"), datetime.date) and str(value.get("text") or "").strip()
        return None if ok and set(value) == {"date", "text"} else text("form.change")
    if isinstance(value, (dict, list)) or value is None:
        return text("form.single")
    value = str(value)
    if spec.form == "id" and not ID_PATTERN.match(value):
        return text("form.id")
    if spec.form == "url" and urlparse(value).scheme not in ("http", "https"):
        return text("form.url")
    if spec.form == "choice" and value not in spec.choices:
        return text("form.choice", choices=spec.choices)
    if spec.form == "agency" and value not in agencies:
        return text("form.agency", choices=tuple(agencies))
    if not value.strip():
        return text("form.text")
    return None


def _check_fields(obj: model.ContentObject, agencies: dict) -> list[Problem]:
    problems = []
    if obj.kind not in KINDS or obj.kind == "clause":
        hint = did_you_mean(obj.kind, [k for k in KINDS if k != "clause"], "kind")
        problems.append(Problem(obj.path, obj.versions[DEFAULT].line("kind"), "KIND_UNKNOWN", kind=obj.kind, hint=hint))
        return problems
    spec_of = fields_of(obj.kind)
    default = obj.versions[DEFAULT]
    for lang, version in obj.versions.items():
        if not version.parsed.readable:
            continue  # its front matter could not be read: that is the one problem
        misspelt = set()  # a field written under a wrong name is not reported missing as well
        for name in version.meta:
            spec = spec_of.get(name)
            if spec is None:
                hint = did_you_mean(str(name), spec_of, "field")
                misspelt.update(closest(str(name), spec_of)[:1])
                problems.append(Problem(version.path, version.line(name), "FIELD_UNKNOWN", field=name,
                                        kind=kind_name(obj.kind), hint=hint))
                continue
            value = version.meta[name]
            if lang != DEFAULT and not spec.translated and name not in ("id", "kind") and value != default.meta.get(name):
                where = _first_difference(value, default.meta.get(name), (name,))
                if where is None:
                    problems.append(Problem(version.path, version.line(name), "FIELD_MISMATCH", field=name, got=value,
                                            expected=default.meta.get(name), file=default.path))
                else:  # a block of blocks (a course's days): the line where the two files part
                    problems.append(Problem(version.path, version.line(*where), "FIELD_MISMATCH", "structure",
                                            field=name, file=default.path, line=default.line(*where)))
                continue
            if value is None and spec.nullable:
                continue
            values = value if isinstance(value, list) else [value]
            if spec.many != isinstance(value, list) and spec.form != "any":
                problems.append(Problem(version.path, version.line(name), "FIELD_INVALID",
                                        "list" if spec.many else "single", field=name))
                continue
            for index, item in enumerate(values):
                wrong = _form_problem(item, spec, agencies)
                if wrong:
                    line = version.line(name, index) if spec.many else version.line(name)
                    problems.append(Problem(version.path, line, "FIELD_INVALID", field=name, got=item, expected=wrong))
        for name, spec in spec_of.items():
            present = name in version.meta and (spec.nullable or version.meta[name] not in (None, "", []))
            if spec.required and (spec.translated or lang == DEFAULT) and not present and name not in misspelt:
                problems.append(Problem(version.path, version.line(), "FIELD_MISSING", kind=kind_name(obj.kind),
                                        field=name))
    return problems


def _check_policy(obj: model.ContentObject) -> list[Problem]:
    """A policy's status is shown with the source it was read in, or not at all (`status: null`)."""
    version = obj.versions[DEFAULT]
    if obj.meta.get("status") is not None and not obj.meta.get("status_source"):
        return [Problem(version.path, version.line("status"), "STATUS_SOURCE_MISSING", status=obj.meta["status"])]
    return []


def _check_reference(site: model.Site, ref: model.Reference) -> Problem | None:
    target = site.objects.get(ref.target)
    if target is None:
        hint = did_you_mean(ref.target, site.objects, "id")
        if ref.field:
            return Problem(ref.path, ref.line, "REF_UNKNOWN", "field", field=ref.field, target=ref.target, hint=hint)
        return Problem(ref.path, ref.line, "REF_UNKNOWN", target=ref.target, hint=hint)
    if ref.kinds and target.kind not in ref.kinds:
        return Problem(ref.path, ref.line, "REF_WRONG_KIND", field=ref.field, target=ref.target,
                       expected=tuple(kind_name(k) for k in ref.kinds), kind=kind_name(target.kind))
    source = site.objects[ref.source]
    needed = {ref.lang} if ref.lang else source.languages()
    missing = sorted(needed - target.languages())
    if missing:
        return Problem(ref.path, ref.line, "REF_MISSING_IN_LANGUAGE", target=ref.target,
                       languages=tuple(language_name(lang) for lang in missing))
    return None


_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\(")
_HEADING = re.compile(r"^(#{1,6})\s")


def _check_accessibility(version: model.Version) -> list[Problem]:
    """Images need a text alternative; headings go down one level at a time, from `##`."""
    problems = []
    body, first = version.parsed.body, version.parsed.body_line
    for index, _ in find(body, _IMAGE_NO_ALT):
        problems.append(Problem(version.path, first + index, "IMAGE_ALT_MISSING"))
    level = 1  # the page title
    lines = body.split("\n")
    for index in sorted({i for i, _, _ in prose_spans(body)}):
        m = _HEADING.match(lines[index])
        if not m:
            continue
        depth = len(m.group(1))
        if depth > level + 1 or depth == 1:
            problems.append(Problem(version.path, first + index, "HEADING_ORDER", depth=depth, level=level))
        level = depth
    return problems


def _check_style(version: model.Version) -> list[Problem]:
    """Phrases refused in the page's language (sitekit/content/style.py), each with its replacement."""
    body, first = version.parsed.body, version.parsed.body_line
    return [Problem(version.path, first + index, "STYLE_PHRASE", found=found, replacement=replacement)
            for index, found, replacement in style.findings(body, version.lang)]


def _first_difference(here, there, path: tuple) -> tuple | None:
    """For a value made of blocks (lists of mappings), the YAML path of the first place where the two
    differ; None for a plain value or a list of plain values, which a message can show whole."""
    def plain(value) -> bool:
        return not isinstance(value, (list, dict)) or (isinstance(value, list) and all(
            not isinstance(v, (list, dict)) for v in value))

    if plain(here) and plain(there):
        return None
    if isinstance(here, list) and isinstance(there, list):
        for index, (a, b) in enumerate(zip(here, there)):
            if a != b:
                return _first_difference(a, b, path + (index,)) or path + (index,)
        return path + (min(len(here), len(there)),) if len(here) != len(there) else path
    if isinstance(here, dict) and isinstance(there, dict):
        for key in list(here) + [k for k in there if k not in here]:
            if here.get(key) != there.get(key):
                return _first_difference(here.get(key), there.get(key), path + (key,)) or path + (key,)
    return path


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
                    problems.append(Problem(version.path, ref.line, "REF_SYNTAX", raw=ref.raw))
            for line, name in placeholders(version.parsed.body, version.parsed.body_line):
                if name not in PLACEHOLDERS:
                    hint = did_you_mean(name, PLACEHOLDERS, "placeholder") or text("hint.placeholders",
                                                                                   names=tuple(PLACEHOLDERS))
                    problems.append(Problem(version.path, line, "PLACEHOLDER_UNKNOWN", name=name, hint=hint))
    for ref in site.references():
        problem = _check_reference(site, ref)
        if problem:
            problems.append(problem)
    problems += curriculum.check(site)
    problems += questions.check(site)
    problems += courses.check(site)
    problems += editions.check(site)
    problems += mdlinks.check(site)
    return sorted(set(cascade.suppress(site, problems)))


def check(root: Path, docs_dir: str = "docs") -> tuple[model.Site, list[Problem]]:
    site = model.load(root, docs_dir)
    return site, validate(site)
