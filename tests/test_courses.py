"""Courses: the check of each kind of mistake at its line; the real courses' pages, agendas, tests,
forms, PDFs and workbooks in the session build, read as a trainer and a participant would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sitekit.content import courses as course_model
from sitekit.content.validation import check
from sitekit.courses import agenda, assessment
from sitekit.courses.workbook import read_spec
from sitekit.pages import downloads
from tests.conftest import ROOT, copy_project
from tests.test_pdf import pdf_text, squeeze

SITE, _ = check(ROOT)
COURSES = sorted((o for o in SITE.objects.values() if o.kind == "course"), key=lambda o: o.id)
CADRES = "docs/courses/can-bo-hoi-xa.md"


def _line(text: str, needle: str) -> int:
    """The line where `needle` (which may span lines: its first line is the one) stands."""
    return text[:text.index(needle)].count("\n") + 1


def _edit(project: Path, rel: str, old: str, new: str) -> str:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


MISTAKES = [  # (file, old, new, the line's marker in the new text, code)
    (CADRES, "{lesson: m04-l1}", "{lesson: m04-l9}", "m04-l9", "REF_UNKNOWN"),
    (CADRES, "{lesson: m04-l2}", "{lesson: m02-l1}", "      - {lesson: m02-l1}\n      - {fixed: break, minutes: 15}\n"
     "      - {lesson: m04-l3}", "COURSE_LESSON_TWICE"),
    (CADRES, "{fixed: lunch, minutes: 90}\n      - {fixed: energiser", "{fixed: lunch, minutes: 120}\n      - {fixed: energiser",
     "start: \"07:30\"", "COURSE_DAY_TOO_LONG"),
    (CADRES, "      - {fixed: break, minutes: 15}\n      - {lesson: m02-l2}", "      - {lesson: m02-l2}", "{lesson: m02-l2}",
     "COURSE_NO_BREAK"),
    (CADRES, "{fixed: closing, minutes: 15}", "{fixed: closng, minutes: 15}", "closng", "COURSE_SESSION_INVALID"),
    (CADRES, "{fixed: opening, minutes: 15}", "{fixed: opening, minutes: 150}", "minutes: 150", "COURSE_SESSION_INVALID"),
    (CADRES, 'start: "07:30"', 'start: "7h30"', "7h30", "COURSE_SESSION_INVALID"),
    (CADRES, "test: {m02: [1, 2],", "test: {m09: [1], m02: [1, 2],", "test:", "COURSE_SESSION_INVALID"),
]


@pytest.mark.parametrize("rel, old, new, marker, code", MISTAKES, ids=[f"{m[4]}-{i}" for i, m in enumerate(MISTAKES)])
def test_each_mistake_in_a_course_is_one_problem_at_its_line(tmp_path, rel, old, new, marker, code):
    project = copy_project(tmp_path / "project")
    text = _edit(project, rel, old, new)
    _, problems = check(project)
    found = [(p.path, p.line, p.code) for p in problems]
    line = _line(text, marker)
    assert found == [(rel, line, code)], "\n".join(p.format("en") for p in problems)


def test_a_prerequisite_taught_later_and_days_that_differ_in_english(tmp_path):
    project = copy_project(tmp_path / "project")
    tot = "docs/courses/tap-huan-giang-vien-nguon.md"
    _edit(project, tot, "{lesson: m02-l1}", "{lesson: SWAP}")  # m10-l1 first, then m02-l1 where it was
    _edit(project, tot, "{lesson: m10-l1}", "{lesson: m02-l1}")
    text = _edit(project, tot, "{lesson: SWAP}", "{lesson: m10-l1}")
    english = _edit(project, "docs/courses/can-bo-hoi-xa.en.md", "place:",
                    'days:\n  - start: "07:30"\n    sessions:\n      - {fixed: registration, minutes: 25}\nplace:')
    _, problems = check(project)
    found = sorted((p.path, p.line, p.code) for p in problems)
    first_m10 = _line(text, "{lesson: m10-l1}")
    assert found == sorted([(tot, first_m10, "COURSE_PREREQUISITE_LATER"),
                            ("docs/courses/can-bo-hoi-xa.en.md", _line(english, "minutes: 25"), "FIELD_MISMATCH")]), \
        "\n".join(p.format("en") for p in problems)


# --- the real courses -------------------------------------------------------------------------------

def test_three_courses_of_one_two_and_three_days():
    assert sorted(len(agenda.plan(SITE, c)) for c in COURSES) == [1, 2, 3]


@pytest.mark.parametrize("lang, prefix", [("vi", ""), ("en", "en/")])
@pytest.mark.parametrize("course", COURSES, ids=lambda c: c.id)
def test_the_agenda_gives_every_session_its_clock_times(page, course, lang, prefix):
    """The times are computed here from the front matter and the lessons' minutes, independently."""
    html = page(prefix + course.page.removesuffix(".md") + ".html")
    rows = [[" ".join(cell.get_text().split()) for cell in tr.find_all("td")]
            for table in html.select("article table") if "–" in table.get_text()
            for tr in table.find_all("tr") if tr.find("td")]
    expected = []
    for day in course.versions["vi"].meta["days"]:
        hours, minutes = map(int, day["start"].split(":"))
        now = hours * 60 + minutes
        for session in day["sessions"]:
            if "lesson" in session:
                lesson = SITE.objects[session["lesson"]]
                length, title = int(lesson.meta["minutes"]) + session.get("break", 0), lesson.title(lang)
            else:
                length = session["minutes"]
                title = course_model.FIXED[session["fixed"]][0 if lang == "vi" else 1]
            expected.append((f"{now // 60:02d}:{now % 60:02d}–{(now + length) // 60:02d}:{(now + length) % 60:02d}", title))
            now += length
    assert len(rows) == len(expected)
    for (times, title), row in zip(expected, rows):
        assert row[0] == times and row[1].startswith(title), (row, times, title)  # a break inside: "(…)" after
    text = html.get_text(" ", strip=True)
    assert {"vi": "Chuẩn bị cho ngày 1", "en": "To prepare for day 1"}[lang] in text


def test_the_catalogue_lists_the_courses_and_modules_name_the_courses_that_use_them(page):
    for lang, prefix in (("vi", ""), ("en", "en/")):
        catalogue = page(prefix + "courses/index.html")
        links = {a["href"].split("#")[0] for a in catalogue.select("article .course-cards a[href$='.html']")}
        assert {c.page.removeprefix("courses/").removesuffix(".md") + ".html" for c in COURSES} <= links
        m04 = page(prefix + "modules/m04/index.html").select_one("#courses")
        assert m04 is not None
        listed = m04.find_next("ul").get_text(" ", strip=True)
        assert all(c.title(lang) in listed for c in COURSES if "m04" in {m.id for m in agenda.modules(SITE, c)})


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c.id)
def test_pre_and_post_test_ask_the_same_items_in_another_order_one_per_objective_tested(course):
    pre = assessment.items(SITE, course)
    post = assessment.post_order(course, pre)
    assert len(pre) >= 6 and sorted(i.id for i in pre) == sorted(i.id for i in post) and pre != post
    tested = course.meta.get("test")
    assert {(i.module, i.objective) for i in pre} == {(m, o) for m, objectives in tested.items() for o in objectives}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("course", COURSES, ids=lambda c: c.id)
def test_the_handouts_hold_no_answer_and_the_kit_holds_the_key(site, course, lang):
    handouts = pdf_text(site / downloads.OUTPUT_DIR / f"{course.id}-handouts-{lang}.pdf")
    kit = pdf_text(site / downloads.OUTPUT_DIR / f"{course.id}-trainer-{lang}.pdf")
    items = assessment.items(SITE, course)
    for item in items:
        assert squeeze(item.texts[lang].question) in handouts
        assert squeeze(item.texts[lang].explanation) not in handouts  # no explanation leaks
        assert squeeze(item.texts[lang].explanation[:80]) in kit
    key_word = {"vi": "Đápán", "en": "Answerkey"}[lang]
    assert key_word not in handouts and key_word in kit
    labels = {"vi": ["Bàikiểmtrađầukhóa", "Phiếuđánhgiá", "Danhsáchđiểmdanh", "Họvàtên", "Dântộc"],
              "en": ["Pretest", "Evaluationform", "Attendancesheet", "Fullname", "Ethnicity"]}[lang]
    for label in labels:
        assert label in handouts and label in kit, label
    other = {"vi": "Attendancesheet", "en": "Danhsáchđiểmdanh"}[lang]
    assert other not in handouts  # the right language's labels only


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c.id)
def test_the_evaluation_form_matches_the_class(page, course):
    form = page(course.page.removesuffix(".md") + ".html").select_one(".evaluation-form")
    faces = course.meta["evaluation"] == "faces"
    assert len(form.select("svg.face")) == (3 if faces else 0)
    assert len(form.select("thead th")) == 1 + (3 if faces else 5)
    assert len(form.select("tbody tr")) == 5


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("course", COURSES, ids=lambda c: c.id)
def test_each_course_offers_its_workbook_made_for_it(site, page, course, lang):
    path = site / "downloads" / f"{course.id}-{lang}.xlsx"
    spec = read_spec(load_workbook(path))
    assert (spec.course_id, spec.language, spec.days) == (course.id, lang, len(agenda.plan(SITE, course)))
    assert spec.test_items == len(assessment.items(SITE, course))
    assert spec.evaluation_scale == (3 if course.meta["evaluation"] == "faces" else 5)
    prefix = "" if lang == "vi" else "en/"
    hrefs = [a["href"] for a in page(prefix + course.page.removesuffix(".md") + ".html").select("a.workbook-button")]
    assert any(re.search(rf"downloads/{course.id}-{lang}\.xlsx$", h) for h in hrefs), hrefs


@pytest.mark.parametrize("lang, prefix", [("vi", ""), ("en", "en/")])
def test_each_module_self_check_is_drawn_from_its_bank_and_the_tests_ask_other_items(page, lang, prefix):
    """One question per objective, the bank's first for it; a course's tests take the others first."""
    for module in (o for o in SITE.objects.values() if o.kind == "module"):
        bank = SITE.questions[module.id]
        objectives = module.versions["vi"].meta["objectives"]
        quiz = page(prefix + module.page.removesuffix(".md") + ".html").select_one("#quiz")
        shown = []
        for sibling in quiz.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "p" and sibling.find_previous_sibling("h3"):
                shown.append(" ".join(sibling.get_text().split()))
        firsts = [bank.for_objective(n)[0] for n in range(1, len(objectives) + 1)]
        questions = [" ".join(item.texts[lang].question.split()) for item in firsts]
        assert [q for q in shown if q in questions] == questions, module.id
    for course in COURSES:
        asked = {item.id for item in assessment.items(SITE, course)}
        for item in assessment.items(SITE, course):
            first = SITE.questions[item.module].for_objective(item.objective)[0]
            assert first.id not in asked or len(SITE.questions[item.module].for_objective(item.objective)) == 1
