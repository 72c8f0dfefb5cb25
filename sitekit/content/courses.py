"""A course: the modules' lessons arranged into the days of one class, with the sessions a real class
day also has (registration, tests, breaks, lunch, evaluation, closing), as a trainer plans it.

A course page (`docs/courses/<name>.md`, `kind: course`) writes its days once, in the Vietnamese file
(`days:` is shared: an English file that repeats it must repeat it exactly, FIELD_MISMATCH):

    days:
      - start: "07:30"
        sessions:
          - {fixed: registration, minutes: 30}
          - {lesson: m04-l1}
          - {fixed: break, minutes: 15}
          - {lesson: m10-l4, break: 15}   # a lesson over two hours, with a break between its activities

The check reports every problem at its line (COURSE_SESSION_INVALID, COURSE_LESSON_TWICE,
COURSE_DAY_TOO_LONG, COURSE_NO_BREAK, COURSE_PREREQUISITE_LATER; an unknown lesson is REF_UNKNOWN).
What a course generates (agenda, tests, forms) is sitekit.courses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitekit.content import curriculum
from sitekit.content.messages import did_you_mean
from sitekit.content.problems import Problem
from sitekit.languages import DEFAULT

# fixed sessions: kind -> (Vietnamese, English) name. Breaks and lunch rest the participants.
FIXED = {
    "registration": ("Đón tiếp, đăng ký", "Registration"),
    "opening": ("Khai mạc, giới thiệu mục tiêu lớp học", "Opening and the class's objectives"),
    "pre-test": ("Bài kiểm tra đầu khóa", "Pre-test"),
    "energiser": ("Khởi động", "Energiser"),
    "recap": ("Ôn lại ngày hôm trước", "Recap of the day before"),
    "break": ("Giải lao", "Break"),
    "lunch": ("Nghỉ trưa", "Lunch"),
    "post-test": ("Bài kiểm tra cuối khóa", "Post-test"),
    "evaluation": ("Đánh giá khóa học", "Course evaluation"),
    "closing": ("Bế mạc", "Closing"),
}
RESTS = ("break", "lunch")
MAX_DAY = 8 * 60  # minutes of a day from its start to its end, breaks and lunch included
MAX_STRETCH = 120  # minutes of sessions in a row without a break
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Session:
    lesson: str | None  # a lesson's id, or None for a fixed session
    fixed: str | None
    minutes: int  # with the break inside a lesson, if any
    line: int
    pause: int = 0  # a lesson longer than two hours: minutes of the break between two of its activities
    before_pause: int = 0  # minutes of its activities before that break

    @property
    def stretches(self) -> tuple[int, ...]:
        """Minutes of teaching between rests: two for a lesson with a break inside, else one."""
        if self.pause:
            return self.before_pause, self.minutes - self.pause - self.before_pause
        return (self.minutes,)


@dataclass(frozen=True)
class Day:
    number: int  # 1-based
    start: int  # minutes after midnight
    sessions: tuple[Session, ...]
    line: int
    timed: bool = True  # False: its start is not a time (reported); its lessons still count

    @property
    def end(self) -> int:
        return self.start + sum(s.minutes for s in self.sessions)


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def days(site, course) -> tuple[list[Day], list[Problem]]:
    """The course's days as written in its Vietnamese file, and the problems of their form. A lesson's
    minutes are the lesson's own; a lesson id that does not exist is left to the reference check."""
    version = course.versions.get(DEFAULT)
    if version is None:
        return [], []
    path, problems, result = version.path, [], []
    written = version.meta.get("days")
    if not isinstance(written, list) or not written:
        return [], [Problem(path, version.line("days"), "COURSE_SESSION_INVALID", "days")]
    for d, day in enumerate(written):
        at = ("days", d)
        start = str(day.get("start", "")) if isinstance(day, dict) else ""
        match = _CLOCK.match(start)
        if not match:
            problems.append(Problem(path, version.line(*at, "start"), "COURSE_SESSION_INVALID", "start",
                                    day=d + 1, start=start or "—"))
        sessions = []
        for s, session in enumerate(day.get("sessions") or [] if isinstance(day, dict) else []):
            item, problem = _session(site, session, path, version.line(*at, "sessions", s), d + 1)
            problems += [problem] if problem else []
            if item:
                sessions.append(item)
        if isinstance(day, dict) and not day.get("sessions"):
            problems.append(Problem(path, version.line(*at), "COURSE_SESSION_INVALID", "empty_day", day=d + 1))
        start_at = int(match.group(1)) * 60 + int(match.group(2)) if match else 0
        result.append(Day(d + 1, start_at, tuple(sessions), version.line(*at), timed=bool(match)))
    return result, problems


def _session(site, session, path: str, line: int, day: int) -> tuple[Session | None, Problem | None]:
    if not isinstance(session, dict) or ("lesson" in session) == ("fixed" in session):
        return None, Problem(path, line, "COURSE_SESSION_INVALID", "session", day=day)
    if "lesson" in session:
        lesson_id = str(session["lesson"])
        lesson = site.objects.get(lesson_id)
        if lesson is None:
            if lesson_id in site.poisoned:
                return None, None  # its own file is broken, and reported
            lessons = [i for i, o in site.objects.items() if o.kind == "lesson"]
            return None, Problem(path, line, "REF_UNKNOWN", "field", field="days", target=lesson_id,
                                 hint=did_you_mean(lesson_id, lessons, "id"))
        if lesson.kind != "lesson":
            return None, Problem(path, line, "COURSE_SESSION_INVALID", "not_lesson", id=lesson_id)
        minutes, pause = int(lesson.meta.get("minutes") or 0), session.get("break", 0)
        if set(session) - {"lesson", "break"}:
            return None, Problem(path, line, "COURSE_SESSION_INVALID", "session", day=day)
        if pause:
            if not isinstance(pause, int) or isinstance(pause, bool) or not 5 <= pause <= 30:
                return None, Problem(path, line, "COURSE_SESSION_INVALID", "break", day=day, found=pause)
            return Session(lesson.id, None, minutes + pause, line, pause, _middle(lesson, minutes)), None
        return Session(lesson.id, None, minutes, line), None
    kind, minutes = str(session["fixed"]), session.get("minutes")
    if kind not in FIXED:
        return None, Problem(path, line, "COURSE_SESSION_INVALID", "fixed", day=day, found=kind, choices=", ".join(FIXED))
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 5 <= minutes <= 120:
        return None, Problem(path, line, "COURSE_SESSION_INVALID", "minutes", day=day,
                             found=minutes if minutes is not None else "—")
    return Session(None, kind, minutes, line), None


def _middle(lesson, minutes: int) -> int:
    """Minutes of the lesson's activities before the boundary between two activities nearest its middle:
    where a class breaks inside a long lesson."""
    version = lesson.versions.get(DEFAULT)
    parts = curriculum.activity_minutes(version.parsed.body.split("\n")) if version else []
    boundaries = [sum(parts[:i]) for i in range(1, len(parts))] or [minutes // 2]
    return min(boundaries, key=lambda b: abs(b - minutes / 2))


def _check_test(site, course, version, taught: dict[str, int]) -> list[Problem]:
    """`test:` names modules the course teaches and objectives they have."""
    written = version.meta.get("test")
    if written is None:
        return []
    if not isinstance(written, dict):
        return [Problem(version.path, version.line("test"), "COURSE_SESSION_INVALID", "test_form")]
    problems = []
    for module_id, numbers in written.items():
        if str(module_id) in site.poisoned:
            continue  # the module's own front matter is broken, and reported
        line = version.line("test", module_id)
        module = site.objects.get(str(module_id))
        if module is None or module.kind != "module" or str(module_id) not in taught:
            problems.append(Problem(version.path, line, "COURSE_SESSION_INVALID", "test_module", module=module_id))
            continue
        count = len((module.versions.get(DEFAULT).meta.get("objectives") or []) if DEFAULT in module.versions else [])
        if not isinstance(numbers, list) or not numbers or not all(
                isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= count for n in numbers):
            problems.append(Problem(version.path, line, "COURSE_SESSION_INVALID", "test_objectives", module=module_id,
                                    count=count))
    return problems


def check(site) -> list[Problem]:
    """Every course: its days' form, then a class that can run: no lesson twice, no day over eight
    hours, a break at least every two hours, and the lessons of a prerequisite module first."""
    problems: list[Problem] = []
    for course in sorted((o for o in site.objects.values() if o.kind == "course"), key=lambda o: o.id):
        version = course.versions.get(DEFAULT)
        if version is None:
            continue
        path = version.path
        course_days, found = days(site, course)
        problems += found
        seen: dict[str, int] = {}
        position: dict[str, int] = {}  # module -> the first place one of its lessons is taught
        order = 0
        for day in course_days:
            if day.timed and day.end - day.start > MAX_DAY:
                problems.append(Problem(path, day.line, "COURSE_DAY_TOO_LONG", day=day.number,
                                        minutes=day.end - day.start, start=clock(day.start), end=clock(day.end)))
            stretch = 0
            for session in day.sessions:
                if session.fixed in RESTS:
                    stretch = 0
                    continue
                for n, part in enumerate(session.stretches):
                    stretch = part if n else stretch + part  # the break inside a lesson rests too
                    if stretch > MAX_STRETCH:
                        problems.append(Problem(path, session.line, "COURSE_NO_BREAK", day=day.number, minutes=stretch))
                        stretch = 0  # one problem per stretch
                if session.lesson:
                    order += 1
                    if session.lesson in seen:
                        problems.append(Problem(path, session.line, "COURSE_LESSON_TWICE", id=session.lesson,
                                                other=seen[session.lesson]))
                    seen.setdefault(session.lesson, session.line)
                    module = str(site.objects[session.lesson].meta.get("module"))
                    position.setdefault(module, order)
        problems += _check_test(site, course, version, position)
        said = set()
        for day in course_days:
            for session in day.sessions:
                if not session.lesson:
                    continue
                module = site.objects.get(str(site.objects[session.lesson].meta.get("module")))
                for needed in (module.meta.get("prerequisites") or []) if module else []:
                    if needed in position and position[needed] > position[module.id] and (module.id, needed) not in said:
                        said.add((module.id, needed))  # at the module's first lesson, once
                        problems.append(Problem(path, session.line, "COURSE_PREREQUISITE_LATER", module=module.id,
                                                prerequisite=needed))
    return problems
