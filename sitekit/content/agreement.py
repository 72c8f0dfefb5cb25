"""The agreement (chương trình phối hợp), clause by clause, from data/agreement.yml.

Loads and checks the data, and writes the Markdown of the agreement text, its metadata and the
responsibility matrix. The Vietnamese text is official and reproduced verbatim; tests compare it
with data/agreement-source.txt.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sitekit.content import yamlsource
from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.content.messages import language_name
from sitekit.content.problems import Problem
from sitekit.content.schema import ID_PATTERN
from sitekit.markdown import escape as escape_md
from sitekit.ui import text

TYPES = ("section", "heading", "group", "task", "point")
ACTIONABLE = ("task", "point")  # the rows of the responsibility matrix


@dataclass
class Clause:
    id: str
    type: str
    label: str
    text: dict[str, str]
    short: dict[str, str]
    lead: tuple[str, ...]
    support: tuple[str, ...]
    line: int
    parent: str | None = None
    sic: dict[str, str] | None = None
    # False marks a task that no training module implements (coverage); `training_note` says why
    training: bool = True
    training_note: dict[str, str] = field(default_factory=dict)
    # what of a training task no lesson trains yet, or trains only in part (shown on the coverage page)
    coverage_note: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """II.1.a.4 -> ii-1-a-4: stable, readable, valid in a URL and a CSS selector."""
        return self.id.lower().replace(".", "-")

    def title(self, lang: str) -> str:
        """Link text of a reference: the id and the editorial label (or the heading text)."""
        name = self.short.get(lang) or self.text.get(lang, "").rstrip(":")
        return f"{self.id} · {name}" if name else self.id


@dataclass
class Agreement:
    path: str
    document: dict
    agencies: dict[str, dict[str, str]]
    clauses: list[Clause]
    signatures: list[dict]
    recipients: dict
    problems: list[Problem] = field(default_factory=list)

    def clause(self, clause_id: str) -> Clause:
        return next(c for c in self.clauses if c.id == clause_id)

    def agency_name(self, key: str, lang: str) -> str:
        return self.agencies.get(key, {}).get(lang, key)

    def current_name(self, key: str, lang: str) -> str:
        """The agency's name since the 2025 reforms (who does the work today)."""
        names = self.agencies.get(key, {})
        return str((names.get("current") or names).get(lang, key))


def load(root: Path, rel_path: str = "data/agreement.yml") -> Agreement:
    """Read the agreement data; every structural problem is collected, nothing is skipped silently."""
    source = yamlsource.load((root / rel_path).read_text(encoding="utf-8"), rel_path)
    problems = list(source.problems)
    data = source.data if isinstance(source.data, dict) else {}
    if source.data is None and problems:
        return Agreement(rel_path, {}, {}, [], [], {}, problems)  # unreadable: the YAML error says why
    if not isinstance(source.data, dict):
        problems.append(Problem(rel_path, 1, "DATA_INVALID", "sections"))

    def bad(path: tuple, code: str, variant: str, **fields) -> None:
        problems.append(Problem(rel_path, source.line(*path), code, variant, **fields))

    for key in ("document", "agencies", "clauses", "signatures", "recipients"):
        if key not in data:
            bad((), "FIELD_MISSING", "section", key=key)
    agencies = data.get("agencies") or {}
    clauses: list[Clause] = []
    group: Clause | None = None
    parents: dict[str, Clause] = {}
    for i, raw in enumerate(data.get("clauses") or []):
        at = ("clauses", i)
        if not isinstance(raw, dict):
            bad(at, "DATA_INVALID", "clause")
            continue
        cid, ctype = str(raw.get("id", "")), raw.get("type")
        if not ID_PATTERN.match(cid):
            bad(at + ("id",), "FIELD_INVALID", "clause_id", id=cid)
            continue
        if ctype not in TYPES:
            bad(at + ("type",), "FIELD_INVALID", "clause_type", id=cid, got=ctype, choices=tuple(TYPES))
            continue
        texts = {lang: str(raw.get(lang) or "") for lang in LANGUAGES}
        short = raw.get("short") or {}
        for lang in LANGUAGES:
            if not texts[lang]:
                if lang == DEFAULT:
                    bad(at + (lang,), "FIELD_MISSING", "clause_text", id=cid, language=language_name(lang))
                else:
                    bad(at + (lang,), "TRANSLATION_MISSING", "clause", id=cid, language=language_name(lang))
            if ctype in ACTIONABLE and not short.get(lang):
                bad(at + ("short",), "FIELD_MISSING", "clause_short", id=cid, lang=lang)
        lead = tuple(raw.get("lead") or ())
        support = tuple(raw.get("support") or ())
        for role in ("lead", "support"):
            for index, key in enumerate(raw.get(role) or ()):
                if key not in agencies:
                    bad(at + (role, index), "FIELD_INVALID", "clause_agency", id=cid, got=key, choices=tuple(agencies))
        if ctype == "task" and group and not lead:
            lead, support = group.lead, group.support
        if ctype in ("group", "task", "point") and not lead:
            bad(at, "FIELD_MISSING", "clause_lead", id=cid)
        sic = raw.get("sic")
        if sic and sic.get("text", "") not in texts[DEFAULT]:
            bad(at + ("sic",), "FIELD_INVALID", "clause_sic", id=cid, got=sic.get("text"))
        training = raw.get("training", True)
        if not isinstance(training, bool):
            bad(at + ("training",), "FIELD_INVALID", "clause_training", id=cid)
            training = True
        note = raw.get("training_note") or {}
        if training is False and not all(note.get(lang) for lang in LANGUAGES):
            bad(at + ("training",), "FIELD_MISSING", "training_note", id=cid, langs=LANGUAGES)
        coverage_note = raw.get("coverage_note") or {}
        if coverage_note and not (isinstance(coverage_note, dict) and all(coverage_note.get(lang) for lang in LANGUAGES)):
            bad(at + ("coverage_note",), "FIELD_MISSING", "coverage_note", id=cid, langs=LANGUAGES)
            coverage_note = {}
        parent_id = cid.rpartition(".")[0] or None
        if parent_id and parent_id not in parents:
            bad(at + ("id",), "DATA_INVALID", "clause_order", id=cid, parent=parent_id)
        clause = Clause(cid, ctype, str(raw.get("label", "")), texts, {k: str(v) for k, v in short.items()},
                        lead, support, source.line(*at), parent_id, sic, training, dict(note),
                        {k: str(v) for k, v in coverage_note.items()})
        clauses.append(clause)
        parents[cid] = clause
        if ctype == "group":
            group = clause
        elif ctype in ("section", "heading"):
            group = None
    return Agreement(rel_path, data.get("document") or {}, agencies, clauses,
                     data.get("signatures") or [], data.get("recipients") or {}, problems)


# --- Markdown ---------------------------------------------------------------------------------

def _clause_text(clause: Clause, lang: str) -> str:
    body = escape_md(clause.text[lang])
    if clause.sic and lang == DEFAULT:
        marked = escape_md(clause.sic["text"])
        note = html.escape(text("sic_note", lang).format(correct=clause.sic.get("correct", "")), quote=True)
        body = body.replace(marked, f'{marked} <span class="sic" title="{note}">[sic]</span>', 1)
    return body


def roles_line(agreement: Agreement, clause: Clause, lang: str) -> str:
    parts = [f"{text('lead', lang)}: " + ", ".join(agreement.agency_name(a, lang) for a in clause.lead)]
    if clause.support:
        parts.append(f"{text('support', lang)}: " + ", ".join(agreement.agency_name(a, lang) for a in clause.support))
    return " · ".join(parts)


def render_text(agreement: Agreement, lang: str, extra: Callable[[Clause], str] = lambda c: "") -> str:
    """The agreement text in `lang`, every clause with its anchor; `extra` adds lines under a clause."""
    out: list[str] = []
    depth = {"section": "##", "heading": "###", "group": "####"}
    for clause in agreement.clauses:
        body = _clause_text(clause, lang)
        if clause.type in depth:
            out.append(f"{depth[clause.type]} {escape_md(clause.label)} {body} {{#{clause.anchor}}}\n")
            if clause.type == "group":
                out.append(f'<p class="clause-roles">{html.escape(roles_line(agreement, clause, lang))}</p>\n')
            continue
        label = f"{escape_md(clause.label)} " if clause.type == "point" else ""
        out.append(f'<div class="clause clause-{clause.type}" id="{clause.anchor}" markdown>\n')
        out.append(f'<a class="clause-id" href="#{clause.anchor}">{clause.id}</a> {label}{body}\n')
        if clause.type == "point":
            out.append(f'<p class="clause-roles">{html.escape(roles_line(agreement, clause, lang))}</p>\n')
        more = extra(clause)
        if more:
            out.append(f"{more}\n")
        out.append("</div>\n")
    out.append(render_signatures(agreement, lang))
    out.append(render_recipients(agreement, lang))
    return "\n".join(out)


def render_signatures(agreement: Agreement, lang: str) -> str:
    blocks = []
    for sig in agreement.signatures:
        title = "<br>".join(html.escape(t) for t in str(sig.get("title", {}).get(lang, "")).split("\n"))
        agency = html.escape(agreement.agency_name(sig.get("agency", ""), lang))
        blocks.append(f'<div class="signature"><p class="signature-title"><strong>{title}</strong></p>'
                      f'<p class="signature-name">{html.escape(str(sig.get("name", "")))}</p>'
                      f'<p class="signature-agency">({agency})</p></div>')
    return f'<div class="signatures" id="signatures">\n{"".join(blocks)}\n</div>\n'


def render_recipients(agreement: Agreement, lang: str) -> str:
    heading = escape_md(str(agreement.recipients.get("heading", {}).get(lang, "")))
    items = "\n".join(f"- {escape_md(str(item.get(lang, '')))}" for item in agreement.recipients.get("items", []))
    return f'<div class="recipients" id="recipients" markdown>\n{heading}\n\n{items}\n\n</div>\n'


def render_metadata(agreement: Agreement, lang: str) -> str:
    """Province, number and date are unknown: shown as "not yet recorded", never guessed."""
    doc = agreement.document
    missing = f"*{text('not_recorded', lang)}*"
    rows = [
        (text("province", lang), escape_md(str(doc.get("province") or "")) or missing),
        (text("number", lang), escape_md(str(doc.get("number") or "")) or missing),
        (text("signed_on", lang), escape_md(str(doc.get("signed_on") or "")) or missing),
        (text("period", lang), escape_md(str(doc.get("period") or "")) or missing),
        (text("parties", lang), " · ".join(escape_md(a.get(lang, "")) for a in agreement.agencies.values())),
        (text("digitised_from", lang), text("from_section_ii", lang)),
    ]
    table = [f"| {text('field', lang)} | {text('value', lang)} |", "| --- | --- |"]
    table += [f"| {k} | {v} |" for k, v in rows]
    return '<div class="agreement-metadata" markdown>\n\n' + "\n".join(table) + "\n\n</div>\n"


def render_matrix(agreement: Agreement, lang: str, link: Callable[[Clause], str]) -> str:
    """Task x agency: who leads (chủ trì) and who supports (phối hợp) each task and point."""
    keys = list(agreement.agencies)
    header = f"| {text('clause', lang)} | {text('task', lang)} | " + " | ".join(  # short: the summary names them in full
        escape_md(agreement.current_name(k, lang)) for k in keys) + " |"
    rows = [header, "| --- | --- | " + " | ".join(":---:" for _ in keys) + " |"]
    counts = {k: 0 for k in keys}
    for clause in agreement.clauses:
        if clause.type not in ACTIONABLE:
            continue
        cells = []
        for k in keys:
            if k in clause.lead:
                cells.append(text("joint" if len(clause.lead) > 1 else "lead", lang))
                counts[k] += 1
            elif k in clause.support:
                cells.append(text("support", lang))
            else:
                cells.append("—")
        rows.append(f"| {link(clause)} | {escape_md(clause.short.get(lang, ''))} | " + " | ".join(cells) + " |")
    summary = [f"- {escape_md(agreement.agency_name(k, lang))}: " + text("leads_n", lang).format(n=counts[k])
               for k in keys]
    return "\n".join(summary) + "\n\n" + "\n".join(rows) + "\n"
