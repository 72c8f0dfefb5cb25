"""The kinds of content objects and the fields each kind may carry in its front matter.

A field is *shared* (written once, in the Vietnamese file: numbers, dates, references) or
*translated* (each language file has its own: titles, audience). An English file may repeat a
shared field, but then it must be equal (FIELD_MISMATCH), so the two languages never drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True)
class Field:
    required: bool = False
    nullable: bool = False  # required, but `null` is allowed: a value not known yet ("chưa cập nhật")
    translated: bool = False
    ref: tuple[str, ...] = ()  # kinds an id in this field may name
    many: bool = False  # a list of values
    form: str = "text"  # text | id | date | int | url | agency | choice | change | any
    choices: tuple[str, ...] = ()
    label: dict[str, str] = field(default_factory=dict)  # heading when listed on a page, per language


def _refs(kind: str, vi: str, en: str, *, many: bool = True, required: bool = False) -> Field:
    return Field(required=required, ref=(kind,), many=many, form="id", label={"vi": vi, "en": en})


COMMON: dict[str, Field] = {
    "id": Field(required=True, form="id"),
    "kind": Field(required=True),
    "title": Field(required=True, translated=True),
    "description": Field(translated=True),
    # `pending`: the English file is not written yet; English readers get the Vietnamese page
    "translation": Field(form="choice", choices=("pending",)),
    # Material for MkDocs page options, passed through untouched.
    "hide": Field(form="any"),
    "icon": Field(form="any"),
    "search": Field(form="any"),
    "template": Field(form="any"),
}

CLAUSES = _refs("clause", "Nhiệm vụ trong Chương trình phối hợp", "Tasks of the agreement")
POLICIES = _refs("policy", "Văn bản chính sách", "Policy documents")
TERMS = _refs("term", "Thuật ngữ", "Terms")

TOPICS = ("ethnic-affairs", "programme-1719", "gender-equality", "marriage-family", "domestic-violence",
          "children", "administration-2025")
VERIFICATION = Field(required=True, form="choice", choices=("verified", "partly"))

KINDS: dict[str, dict[str, Field]] = {
    # Entry and overview pages: home, about, the agreement page, indexes.
    "page": {},
    # A task or point of the agreement. Defined in data/agreement.yml, not in a page.
    "clause": {},
    "policy": {
        "number": Field(required=True, nullable=True),
        "full_title": Field(required=True, nullable=True, translated=True),  # null: the official title was not read
        "doc_type": Field(required=True, form="choice",
                          choices=("law", "resolution", "decree", "decision", "circular", "guidance")),
        "issuer": Field(required=True, translated=True),
        "date": Field(required=True, nullable=True, form="date"),
        "in_force": Field(required=True, nullable=True, form="date"),
        # null: no source that states the status was read. A status needs its `status_source:`
        # (STATUS_SOURCE_MISSING), so the facts box never states one without its basis.
        "status": Field(required=True, nullable=True, form="choice", choices=("in-force", "replaced", "phase-ended")),
        "status_source": Field(form="url"),  # where the status was read: a legal database's status line, the period
        "status_note": Field(translated=True),  # shown with the status: amended by …, replaces …
        "topics": Field(required=True, many=True, form="choice", choices=TOPICS),
        "verification": VERIFICATION,
        "caveat": Field(translated=True),
        # The best copy of the document's own text that was read (a legal database), listed first under
        # the sources; never the official publication, which the page names without a link. null: no
        # copy of the text was found, and the page says so.
        "full_text": Field(required=True, nullable=True, form="url"),
        "source": Field(required=True, form="url", many=True),  # the other sources: press, Q&A, citing documents
        "clauses": CLAUSES,
        "related": _refs("policy", "Văn bản liên quan", "Related documents"),
    },
    "module": {
        "code": Field(required=True),
        "audience": Field(required=True, translated=True),
        "lead": Field(required=True, form="agency"),
        "objectives": Field(required=True, translated=True, many=True),
        "version": Field(required=True),  # the module's edition, e.g. "1.0"; printed on its PDF cover
        "changelog": Field(required=True, translated=True, many=True, form="change"),  # {date:, text:}, newest first
        "clauses": _refs("clause", "Nhiệm vụ thực hiện", "Tasks implemented", required=True),
        "policies": POLICIES,
        "terms": TERMS,
        "prerequisites": _refs("module", "Học phần cần học trước", "Prerequisite modules"),
    },
    "lesson": {
        "module": _refs("module", "Thuộc học phần", "Part of module", many=False, required=True),
        # one to three questions the lesson answers, as a learner asks them (shown at the top of the lesson)
        "questions": Field(required=True, translated=True, many=True),
        "order": Field(required=True, form="int"),
        "minutes": Field(required=True, form="int"),
        "materials": Field(required=True, translated=True, many=True),
        "clauses": CLAUSES,
        "policies": POLICIES,
        "terms": TERMS,
    },
    "term": {
        "abbr": Field(required=True, nullable=True, translated=True),
        "verification": VERIFICATION,
        "caveat": Field(translated=True),
        "basis": Field(required=True, nullable=True, translated=True),
        "policies": _refs("policy", "Căn cứ pháp lý", "Legal basis"),
        "related": _refs("term", "Thuật ngữ liên quan", "Related terms"),
    },
    "trainer": {
        "modules": _refs("module", "Học phần được chứng nhận", "Certified modules"),
    },
    # A class of one to five days built from the modules' lessons (sitekit/content/courses.py).
    "course": {
        "audience": Field(required=True, translated=True),
        "place": Field(required=True, translated=True),  # where such a class meets: a commune hall, a village house
        "evaluation": Field(required=True, form="choice", choices=("scale", "faces")),  # faces: low literacy
        "days": Field(required=True, form="any"),  # checked by sitekit/content/courses.py
        # the objectives the tests cover, by module ({m04: [1, 3]}); without it, every objective of each module
        "test": Field(form="any"),
    },
}

# The human names of the kinds, for messages and backlink headings.
KIND_NAMES: dict[str, dict[str, str]] = {
    "page": {"vi": "Trang", "en": "Pages"},
    "clause": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "policy": {"vi": "Văn bản chính sách", "en": "Policy documents"},
    "module": {"vi": "Học phần", "en": "Training modules"},
    "lesson": {"vi": "Bài học", "en": "Lessons"},
    "term": {"vi": "Thuật ngữ", "en": "Terms"},
    "trainer": {"vi": "Báo cáo viên", "en": "Trainers"},
    "course": {"vi": "Lớp tập huấn", "en": "Courses"},
}


def fields_of(kind: str) -> dict[str, Field]:
    return {**COMMON, **KINDS.get(kind, {})}


def ref_fields(kind: str) -> dict[str, Field]:
    return {name: f for name, f in KINDS.get(kind, {}).items() if f.ref}
