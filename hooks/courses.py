"""MkDocs hook: each course's class workbook, in each language (sitekit.courses.workbook does the work).

- on_post_build (the outer build, once): write downloads/<course id>-<language>.xlsx, the spreadsheet a
  trainer fills after the class (attendance, test scores, evaluations) and from which the class
  report is made (scripts/class_report.py). The file's dates are those of the course's last change,
  so that an unchanged course gives the same file at every build.
"""

from __future__ import annotations

import datetime
import logging
from pathlib import Path

from sitekit.content import git_dates, session
from sitekit.courses import agenda, assessment
from sitekit.courses.page import WORKBOOKS, workbook_name
from sitekit.courses.workbook import ClassSheet, make_workbook
from sitekit.languages import LANGUAGES

log = logging.getLogger("mkdocs.hooks.courses")


def on_post_build(config) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the outer build: the outer build writes both
    site = session.site
    courses = sorted((o for o in site.objects.values() if o.kind == "course"), key=lambda o: o.id)
    out = Path(config.site_dir) / WORKBOOKS
    out.mkdir(parents=True, exist_ok=True)
    for course in courses:
        changed = git_dates.last_change(site.root, [v.path for v in course.versions.values()]) or datetime.date(2026, 1, 1)
        when = datetime.datetime.combine(changed, datetime.time())
        for lang in LANGUAGES:
            spec = ClassSheet(course.id, course.title(lang), lang, len(agenda.plan(site, course)),
                              len(assessment.items(site, course)), 3 if course.meta.get("evaluation") == "faces" else 5)
            make_workbook(spec, out / workbook_name(course, lang), when)
    if courses:
        log.info(f"Class workbooks: {len(courses) * len(LANGUAGES)}")
