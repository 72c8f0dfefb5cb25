"""The resource-trainer network (mạng lưới báo cáo viên nguồn): validated records, privacy by
consent, coverage by commune and module.

Data lives outside the docs: data/trainers.yml (one record per trainer), data/communes.yml and
data/ethnic-groups.yml (the code lists the records are checked against). The raw file is never
copied into the site: only the public fields are rendered, and phone and email only for records
with `consent_publish: true`. Every value is HTML-escaped where it is written.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.content import yamlsource
from sitekit.content.messages import did_you_mean, kind as kind_name, text
from sitekit.content.problems import Problem
from sitekit.content.schema import ID_PATTERN

TRAINERS = "data/trainers.yml"
COMMUNES = "data/communes.yml"
GROUPS = "data/ethnic-groups.yml"
GENDERS = ("female", "male")
STATUSES = ("active", "inactive")
AGENCIES = ("hlhpn", "bdt")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 .]{7,15}$")


@dataclass
class Certification:
    module: str
    date: datetime.date
    ended: datetime.date | None
    line: int


@dataclass
class Trainer:
    id: str
    full_name: str
    gender: str
    ethnicity: str
    languages: list[str]
    agency: str
    position: str
    commune: str
    status: str
    inactive_since: datetime.date | None
    certifications: list[Certification]
    phone: str
    email: str
    consent: bool
    line: int

    @property
    def active(self) -> bool:
        return self.status == "active"

    def certified_for(self) -> list[str]:
        """Modules this trainer may teach now: an active trainer's certifications without an end."""
        return [c.module for c in self.certifications if c.ended is None] if self.active else []

    def public_contact(self) -> tuple[str, str]:
        """(phone, email) if the person agreed to publish them, else empty."""
        return (self.phone, self.email) if self.consent else ("", "")


@dataclass
class Roster:
    trainers: list[Trainer]
    communes: dict[str, dict]
    groups: dict[str, dict]
    example: bool
    problems: list[Problem] = field(default_factory=list)

    def group_name(self, key: str, lang: str) -> str:
        if key == "vi":
            return {"vi": "Tiếng Việt", "en": "Vietnamese"}[lang]
        return self.groups.get(key, {}).get(lang, key)

    def language_name(self, key: str, lang: str) -> str:
        if key == "vi":
            return self.group_name(key, lang)
        return ("tiếng " + self.group_name(key, lang)) if lang == "vi" else self.group_name(key, lang)

    def commune_name(self, key: str, lang: str) -> str:
        return self.communes.get(key, {}).get(lang, key)


def _load(root: Path, rel: str) -> yamlsource.YamlResult:
    return yamlsource.load((root / rel).read_text(encoding="utf-8"), rel)


def _closest(word: str, choices):
    return did_you_mean(str(word), choices, "value")


def load(root: Path, module_ids: dict[str, str]) -> Roster | None:
    """Read and check the roster; `module_ids` maps every id of the model to its kind."""
    root = Path(root)
    if not (root / TRAINERS).exists():
        return None
    problems: list[Problem] = []
    code_lists = {}
    for rel, key in ((COMMUNES, "communes"), (GROUPS, "groups")):
        source = _load(root, rel)
        problems += source.problems
        entries = (source.data or {}).get(key) if isinstance(source.data, dict) else None
        if not isinstance(entries, dict):
            problems.append(Problem(rel, 1, "DATA_INVALID", "code_list", key=key))
            entries = {}
        code_lists[key] = entries
    communes, groups = code_lists["communes"], code_lists["groups"]

    source = _load(root, TRAINERS)
    problems += source.problems
    data = source.data if isinstance(source.data, dict) else {}
    records = data.get("trainers")
    if source.data is not None and not isinstance(records, list):
        problems.append(Problem(TRAINERS, 1, "DATA_INVALID", "trainers"))
        records = []
    example = data.get("example_data", True)
    if not isinstance(example, bool):
        problems.append(Problem(TRAINERS, source.line("example_data"), "FIELD_INVALID", "example_data"))
    trainers: list[Trainer] = []
    seen: dict[str, int] = {}
    for index, record in enumerate(records or []):
        at = ("trainers", index)

        def bad(code: str, variant: str, *key, hint=None, **fields) -> None:
            problems.append(Problem(TRAINERS, source.line(*at, *key), code, variant, hint=hint, **fields))

        if not isinstance(record, dict):
            bad("DATA_INVALID", "trainer")
            continue
        tid = str(record.get("id", ""))
        label = text("trainer", id=tid or index + 1)
        for name in ("id", "full_name", "gender", "ethnicity", "languages", "agency", "position", "commune",
                     "status", "certifications", "contact"):
            if record.get(name) in (None, ""):
                bad("FIELD_MISSING", "trainer", trainer=label, field=name)
        if tid and not ID_PATTERN.match(tid):
            bad("FIELD_INVALID", "trainer_id", "id", trainer=label)
        if tid in seen:
            bad("ID_DUPLICATE", "trainer", "id", id=tid, other=seen[tid], hint=text("hint.new_trainer_id"))
        seen.setdefault(tid, source.line(*at, "id"))
        if tid in module_ids:
            bad("ID_DUPLICATE", "kind", "id", id=tid, kind=kind_name(module_ids[tid]))

        def check_choice(name: str, value, choices, what) -> None:
            if value not in (None, "") and value not in choices:
                bad("FIELD_INVALID", "trainer_choice", name, trainer=label, field=name, got=value, expected=what,
                    hint=_closest(value, choices) or text("hint.use_one_of", choices=tuple(choices)))

        check_choice("gender", record.get("gender"), GENDERS, text("form.gender"))
        check_choice("ethnicity", record.get("ethnicity"), groups, text("form.ethnicity", file=GROUPS))
        check_choice("agency", record.get("agency"), AGENCIES, text("form.trainer_agency"))
        check_choice("commune", record.get("commune"), communes, text("form.commune", file=COMMUNES))
        check_choice("status", record.get("status"), STATUSES, text("form.status"))
        languages = record.get("languages") or []
        if not isinstance(languages, list):
            bad("FIELD_INVALID", "trainer_languages", "languages", trainer=label)
            languages = []
        for i, code in enumerate(languages):
            if code != "vi" and code not in groups:
                bad("FIELD_INVALID", "trainer_language", "languages", i, trainer=label, got=code, file=GROUPS,
                    hint=_closest(code, ["vi", *groups]))
        inactive_since = record.get("inactive_since")
        if record.get("status") == "inactive" and not isinstance(inactive_since, datetime.date):
            bad("FIELD_MISSING", "inactive_since", "status", trainer=label)
        certifications = []
        for i, cert in enumerate(record.get("certifications") or []):
            where = ("certifications", i)
            if not isinstance(cert, dict):
                bad("DATA_INVALID", "certification", *where, trainer=label)
                continue
            module, when, ended = cert.get("module"), cert.get("date"), cert.get("ended")
            if module not in module_ids:
                bad("REF_UNKNOWN", "certification", *where, trainer=label, target=module,
                    hint=_closest(module, [k for k, v in module_ids.items() if v == "module"]))
            elif module_ids[module] != "module":
                bad("REF_WRONG_KIND", "certification", *where, trainer=label, target=module,
                    kind=kind_name(module_ids[module]))
            if not isinstance(when, datetime.date):
                bad("FIELD_INVALID", "certification_date", *where, trainer=label, got=when)
            if ended is not None and not isinstance(ended, datetime.date):
                bad("FIELD_INVALID", "certification_ended", *where, trainer=label, got=ended)
            if any(c.module == module for c in certifications):
                bad("FIELD_INVALID", "certification_twice", *where, trainer=label, module=module)
            certifications.append(Certification(str(module), when, ended, source.line(*at, *where)))
        if record.get("status") == "inactive":
            for cert in certifications:
                if cert.ended is None:
                    problems.append(Problem(TRAINERS, cert.line, "INACTIVE_CERTIFIED", trainer=label, module=cert.module))
        contact = record.get("contact") or {}
        if not isinstance(contact, dict):
            bad("DATA_INVALID", "contact", "contact", trainer=label)
            contact = {}
        consent = contact.get("consent_publish")
        if not isinstance(consent, bool):
            bad("CONSENT_MISSING", "", "contact", trainer=label)
        phone, email = str(contact.get("phone") or ""), str(contact.get("email") or "")
        if phone and not _PHONE.match(phone):
            bad("FIELD_INVALID", "phone", "contact", "phone", trainer=label, got=phone)
        if email and not _EMAIL.match(email):
            bad("FIELD_INVALID", "email", "contact", "email", trainer=label, got=email)
        trainers.append(Trainer(tid, str(record.get("full_name") or ""), str(record.get("gender") or ""),
                                str(record.get("ethnicity") or ""), [str(x) for x in languages],
                                str(record.get("agency") or ""), str(record.get("position") or ""),
                                str(record.get("commune") or ""), str(record.get("status") or ""),
                                inactive_since if isinstance(inactive_since, datetime.date) else None,
                                certifications, phone, email, consent is True, source.line(*at)))
    return Roster(trainers, communes, groups, example is not False, problems)


# --- public output ------------------------------------------------------------------------------

CSV_FIELDS = ("id", "full_name", "gender", "ethnicity", "languages", "agency", "position", "commune",
              "former_district", "status", "certified_modules", "phone", "email")


def public_rows(roster: Roster, agency_names: dict[str, str], lang: str) -> list[dict[str, str]]:
    """The roster's public fields, one dict per trainer: what the CSV download holds."""
    rows = []
    for t in roster.trainers:
        phone, email = t.public_contact()
        rows.append({
            "id": t.id, "full_name": t.full_name, "gender": t.gender,
            "ethnicity": roster.group_name(t.ethnicity, lang),
            "languages": "; ".join(roster.language_name(code, lang) for code in t.languages),
            "agency": agency_names.get(t.agency, t.agency), "position": t.position,
            "commune": roster.commune_name(t.commune, lang),
            "former_district": roster.communes.get(t.commune, {}).get("former_district", ""),
            "status": t.status, "certified_modules": " ".join(t.certified_for()),
            "phone": phone, "email": email,
        })
    return rows


# A cell starting with one of these runs as a formula when a spreadsheet opens the file (OWASP "CSV
# injection"): `=HYPERLINK(…)` in a name could send whoever clicks it anywhere.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The cell as text a spreadsheet shows and never runs: a leading single quote, as OWASP advises."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_csv(rows: list[dict[str, str]]) -> str:
    """The CSV download. Every cell is quoted (a `;` or `,` inside a value cannot start a new cell in a
    spreadsheet that splits on it) and made safe from formulas."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({key: spreadsheet_safe(value) for key, value in row.items()} for row in rows)
    return "\ufeff" + out.getvalue()  # the BOM makes spreadsheet programs read UTF-8

