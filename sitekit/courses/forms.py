"""The paper a class runs on: the participants' evaluation form (a 1–5 scale, or faces for people not
used to reading and writing), the attendance sheet, and the class report template.

The evaluation asks about what Thông tư 10/2017/TT-BNV has training evaluated (content, relevance to
the work, trainers, methods, organisation and facilities) without claiming to follow it: whether that
circular is still in force was not verified. The criteria are those of the class workbook
(sitekit.courses.workbook), so that each form's answers go into it column by column.
"""

from __future__ import annotations

import html

from sitekit.content.model import ContentObject, Site
from sitekit.courses.workbook import CRITERIA
from sitekit.courses.words import say

ATTENDANCE_ROWS = 25
_FACE = {  # mouth of each face: a path in a 40 x 40 box
    "sad": "M12 29 Q20 21 28 29",
    "neutral": "M12 26 L28 26",
    "happy": "M12 24 Q20 32 28 24",
}


def face(kind: str, lang: str) -> str:
    """A face drawn in SVG (no font has all three): it prints on any printer and reads without words."""
    label = html.escape(say(f"face_{kind}", lang))
    return (f'<svg class="face" viewBox="0 0 40 40" width="40" height="40" role="img" aria-label="{label}">'
            f'<circle cx="20" cy="20" r="18" fill="none" stroke="currentColor" stroke-width="2"/>'
            f'<circle cx="14" cy="15" r="2" fill="currentColor"/><circle cx="26" cy="15" r="2" fill="currentColor"/>'
            f'<path d="{_FACE[kind]}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>')


def evaluation(course: ContentObject, lang: str) -> str:
    """The anonymous evaluation form: one line per criterion, then two open questions."""
    faces = course.meta.get("evaluation") == "faces"
    if faces:
        scale = ["sad", "neutral", "happy"]
        head = "".join(f'<th scope="col">{face(kind, lang)}<br>{html.escape(say("face_" + kind, lang))}</th>'
                       for kind in scale)
        legend = say("evaluation_faces_legend", lang)
    else:
        scale = ["1", "2", "3", "4", "5"]
        head = "".join(f'<th scope="col">{n}</th>' for n in scale)
        legend = say("evaluation_scale_legend", lang)
    rows = "".join(f'<tr><th scope="row">{html.escape(label)}</th>'
                   + "".join('<td class="box">' + ("◯" if faces else "☐") + "</td>" for _ in scale) + "</tr>"
                   for _, label in CRITERIA[lang])
    return (f'<div class="course-form evaluation-form{" faces" if faces else ""}" data-search-exclude>'
            f'<p class="form-line">{html.escape(say("class_facts", lang, title=course.title(lang)))}</p>'
            f'<p><em>{html.escape(say("evaluation_intro", lang))}</em> {html.escape(legend)}</p>'
            f'<table class="form-table"><thead><tr><th scope="col">{html.escape(say("criterion", lang))}</th>{head}'
            f'</tr></thead><tbody>{rows}</tbody></table>'
            f'<p class="write-in">{html.escape(say("apply", lang))}</p><p class="write-lines"></p>'
            f'<p class="write-in">{html.escape(say("comments", lang))}</p><p class="write-lines"></p></div>')


def attendance(site: Site, course: ContentObject, days: int, lang: str) -> str:
    """The attendance sheet: a numbered line per participant, a signature column per day, and the list
    of the 54 ethnic groups to write the ethnicity from (the workbook checks it against the same list)."""
    columns = [say("no", lang), say("full_name", lang), say("sex", lang), say("ethnicity", lang),
               say("position", lang), say("commune", lang)] + [say("signature_day", lang, n=n) for n in range(1, days + 1)]
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in columns)
    rows = "".join(f"<tr><td>{n}</td>" + "<td></td>" * (len(columns) - 1) + "</tr>"
                   for n in range(1, ATTENDANCE_ROWS + 1))
    groups = sorted((g.get(lang, key) for key, g in (site.roster.groups if site.roster else {}).items()),
                    key=str.casefold)
    listing = (f'<p class="groups-list"><strong>{html.escape(say("groups_list", lang))}:</strong> '
               f'{html.escape(", ".join(groups))}.</p>') if groups else ""
    return (f'<div class="course-form attendance-sheet" data-search-exclude>'
            f'<p class="form-line">{html.escape(say("class_facts", lang, title=course.title(lang)))}</p>'
            f'<p><em>{html.escape(say("attendance_intro", lang))}</em></p>'
            f'<table class="form-table sheet"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f"{listing}</div>")


def report_template(course: ContentObject, test_items: int, lang: str) -> str:
    """The class report to fill by hand: the figures the workbook computes, with space for each."""
    def table(rows: list[str]) -> str:
        body = "".join(f'<tr><th scope="row">{html.escape(r)}</th><td></td></tr>' for r in rows)
        return (f'<table class="form-table report"><thead><tr><th scope="col">{html.escape(say("report_figure", lang))}'
                f'</th><th scope="col">{html.escape(say("report_value", lang))}</th></tr></thead><tbody>{body}</tbody></table>')

    people = table([say("report_total", lang), say("report_women", lang), say("report_men", lang),
                    say("report_minority", lang), say("report_minority_women", lang)])
    scores = table([say("report_pre", lang, n=test_items), say("report_post", lang, n=test_items),
                    say("report_gain", lang)])
    evaluation = table([label for _, label in CRITERIA[lang]])
    return (f'<div class="course-form report-template" data-search-exclude>'
            f'<p class="form-line">{html.escape(say("class_facts", lang, title=course.title(lang)))}</p>'
            f'<p><em>{html.escape(say("report_intro", lang))}</em></p>'
            f'<h4>{html.escape(say("report_people", lang))}</h4>{people}'
            f'<p class="write-in">{html.escape(say("report_by_group", lang))}:</p><p class="write-lines"></p>'
            f'<h4>{html.escape(say("report_scores", lang))}</h4>{scores}'
            f'<h4>{html.escape(say("report_evaluation", lang))}</h4>{evaluation}'
            f'<p class="write-in">{html.escape(say("report_comments", lang))}:</p><p class="write-lines"></p></div>')
