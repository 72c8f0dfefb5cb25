"""A course's agenda: every session of every day with its clock times, and what to prepare each day.

The times follow from the day's start and the sessions' minutes (a lesson's are its own, plus the
break inside it when the course gives one). The materials of a day are those its lessons list, once
each, with what the fixed sessions need (the attendance sheet, the tests, the evaluation forms).
"""

from __future__ import annotations

from dataclasses import dataclass

from sitekit.content import courses as course_model
from sitekit.content import curriculum
from sitekit.content.model import ContentObject, Site
from sitekit.courses.words import say


@dataclass(frozen=True)
class Slot:
    start: int  # minutes after midnight
    end: int
    session: course_model.Session
    lesson: ContentObject | None

    def title(self, lang: str) -> str:
        if self.lesson is not None:
            return self.lesson.title(lang)
        vi, en = course_model.FIXED[self.session.fixed]
        return vi if lang == "vi" else en


@dataclass(frozen=True)
class DayPlan:
    number: int
    slots: tuple[Slot, ...]

    @property
    def start(self) -> int:
        return self.slots[0].start if self.slots else 0

    @property
    def end(self) -> int:
        return self.slots[-1].end if self.slots else 0


def plan(site: Site, course: ContentObject) -> list[DayPlan]:
    """The days with each session's start and end (a course that does not pass the check gives what
    can be read of it: the check reports the rest)."""
    days, _ = course_model.days(site, course)
    plans = []
    for day in days:
        slots, now = [], day.start
        for session in day.sessions:
            lesson = site.objects.get(session.lesson) if session.lesson else None
            slots.append(Slot(now, now + session.minutes, session, lesson))
            now += session.minutes
        plans.append(DayPlan(day.number, tuple(slots)))
    return plans


def lessons(site: Site, course: ContentObject) -> list[ContentObject]:
    return [slot.lesson for day in plan(site, course) for slot in day.slots if slot.lesson is not None]


def modules(site: Site, course: ContentObject) -> list[ContentObject]:
    """The modules whose lessons the course teaches, in the order it first teaches them."""
    seen: dict[str, ContentObject] = {}
    for lesson in lessons(site, course):
        module = site.objects.get(str(lesson.meta.get("module")))
        if module is not None:
            seen.setdefault(module.id, module)
    return list(seen.values())


def courses_using(site: Site, module_id: str) -> list[ContentObject]:
    """The courses that teach at least one lesson of the module, by title."""
    found = [c for c in site.objects.values() if c.kind == "course"
             and any(str(lesson.meta.get("module")) == module_id for lesson in lessons(site, c))]
    return sorted(found, key=lambda c: c.id)


def teaching_minutes(site: Site, course: ContentObject) -> int:
    return sum(int(lesson.meta.get("minutes") or 0) for lesson in lessons(site, course))


FIXED_NEEDS = {  # what a fixed session needs prepared, besides what the lessons list
    "registration": ("need_attendance",),
    "pre-test": ("need_pretest",),
    "post-test": ("need_posttest",),
    "evaluation": ("need_evaluation",),
}


def materials(site: Site, day: DayPlan, lang: str) -> list[str]:
    """What to prepare for the day, once each, in the order of the day."""
    items: dict[str, None] = {}
    for slot in day.slots:
        if slot.lesson is not None:
            for item in slot.lesson.version(lang).meta.get("materials") or []:
                items.setdefault(str(item).strip(), None)
        for key in FIXED_NEEDS.get(slot.session.fixed or "", ()):
            items.setdefault(say(key, lang), None)
    return list(items)


def module_order_ok(site: Site, course: ContentObject) -> bool:
    """True when every module comes after the modules it requires that the course also teaches."""
    order = {m.id: i for i, m in enumerate(modules(site, course))}
    return all(order.get(str(p), -1) < i for m_id, i in order.items()
               for p in site.objects[m_id].meta.get("prerequisites") or [])


def lesson_count(site: Site, module_id: str) -> int:
    return len(curriculum.lessons_of(site, module_id))
