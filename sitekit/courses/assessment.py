"""A course's pre-test and post-test: the same items, drawn from the question banks of the modules it
teaches, one per objective the course tests; the post-test in another order. The answer key goes to
the facilitator's kit only.

Which objectives: those the course names in `test:` (`{m04: [1, 3]}`: a one-day class does not teach
all of a module), else every objective of each module it teaches. For each, the bank's second item
(two items, the second and third, when the test has fewer than six objectives): a module's
self-check shows the first, which participants may have seen.
"""

from __future__ import annotations

import html
import random

from sitekit.content.model import ContentObject, Site
from sitekit.content.questions import LETTERS, Item
from sitekit.courses import agenda
from sitekit.courses.words import say
from sitekit.languages import DEFAULT


def objectives(site: Site, course: ContentObject, module: ContentObject) -> list[int]:
    chosen = (course.meta.get("test") or {}).get(module.id)
    written = module.versions[DEFAULT].meta.get("objectives") or [] if DEFAULT in module.versions else []
    return [int(n) for n in chosen] if chosen else list(range(1, len(written) + 1))


SHORT = 6  # a test of fewer objectives takes two items of each, so that it still has enough questions


def items(site: Site, course: ContentObject) -> list[Item]:
    """The pre-test's items, module by module in the course's order, objective by objective."""
    wanted = [(module, number) for module in agenda.modules(site, course) if module.id in site.questions
              for number in objectives(site, course, module)]
    per_objective = 2 if len(wanted) < SHORT else 1
    chosen = []
    for module, number in wanted:
        candidates = site.questions[module.id].for_objective(number)
        # the first is the module's self-check: from the second on when there are enough
        chosen += (candidates[1:] if len(candidates) > per_objective else candidates)[:per_objective]
    return chosen


def post_order(course: ContentObject, pre: list[Item]) -> list[Item]:
    """The same items in another order, the same for every build of the course (seeded by its id)."""
    post = list(pre)
    if len(post) < 2:
        return post
    generator = random.Random(course.id)
    while post == pre:
        generator.shuffle(post)
    return post


def sheet(course: ContentObject, test_items: list[Item], lang: str) -> str:
    """A test as participants get it: instructions, then each question with its lettered options and
    nothing else (HTML, for the page and for print)."""
    questions = []
    for number, item in enumerate(test_items, start=1):
        text = item.texts[lang]
        options = "".join(f"<li><span class=\"letter\">{LETTERS[i]}.</span> {html.escape(option)}</li>"
                          for i, option in enumerate(text.options))
        questions.append(f'<li class="test-item"><p>{html.escape(text.question)}</p>'
                         f'<ol class="options" type="A">{options}</ol></li>')
    return (f'<div class="course-test" data-search-exclude>'
            f'<p class="form-line">{html.escape(say("participant_no", lang))}</p>'
            f'<p><em>{html.escape(say("test_instructions", lang))}</em></p>'
            f'<ol class="test-items">{"".join(questions)}</ol></div>')


def key(site: Site, pre: list[Item], post: list[Item], lang: str) -> str:
    """The answer key of both tests: for each question of the pre-test, its number in the post-test,
    the right letter, the objective it tests and why the answer is right."""
    post_number = {item.id: n for n, item in enumerate(post, start=1)}
    rows = []
    for number, item in enumerate(pre, start=1):
        module = site.objects[item.module]
        where = f"{module.meta.get('code', module.id)} · {item.objective}"
        rows.append(f"<tr><td>{number}</td><td>{post_number[item.id]}</td><td><strong>{item.answer}</strong></td>"
                    f"<td>{html.escape(where)}</td><td>{html.escape(item.texts[lang].explanation)}</td></tr>")
    head = (f"<tr><th>{html.escape(say('pretest', lang))}</th><th>{html.escape(say('posttest', lang))}</th>"
            f"<th>{html.escape(say('answer', lang))}</th><th>{html.escape(say('tests_module_col', lang))}</th>"
            f"<th>{html.escape(say('why', lang))}</th></tr>")
    return f'<table class="answer-key"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
