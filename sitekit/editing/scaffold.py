"""New content from the command line: a module (with its first lesson), a lesson, a policy or a
term, in both languages, with a free id and front matter that passes the checks. The editor then
replaces the placeholder text (marked «…»)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from sitekit.content import curriculum, model, questions
from sitekit.content.slugs import slugify

MARK = "«{}»"  # placeholder text the editor replaces


class ScaffoldError(Exception):
    pass


def _q(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(root: Path, files: dict[str, str]) -> list[Path]:
    paths = [root / rel for rel in files]
    taken = [p for p in paths if p.exists()]
    if taken:
        raise ScaffoldError(f"{taken[0]} exists already: nothing was written")
    for path, text in zip(paths, files.values()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return paths


def _free(site: model.Site, candidate: str) -> str:
    new, n = candidate, 2
    while new in site.objects:
        new, n = f"{candidate}-{n}", n + 1
    return new


def lesson_files(module_id: str, folder: str, order: int, title: str, title_en: str) -> dict[str, str]:
    lesson_id = f"{module_id}-l{order}"
    vi = f"""---
id: {lesson_id}
kind: lesson
title: {_q(title)}
questions:
  - {_q(MARK.format("Câu hỏi mà bài học trả lời, như học viên sẽ hỏi?"))}
module: {module_id}
order: {order}
minutes: 60
materials:
  - {_q(MARK.format("Giấy A0, bút dạ"))}
---

## Mục tiêu bài học {{#objectives}}

- {MARK.format("Sau bài học, học viên …")}

## Hoạt động {{#activities}}

### Hoạt động 1: {MARK.format("Khởi động")} (15 phút)

{MARK.format("Học viên sẽ làm gì (một hai câu, viết cho học viên)")}

??? trainer
    1. {MARK.format("Các bước của hoạt động")}

    Kết quả mong đợi: {MARK.format("học viên làm được gì sau hoạt động")}

### Hoạt động 2: {MARK.format("Thảo luận nhóm")} (45 phút)

{MARK.format("Câu hỏi thảo luận, thẻ tình huống, phiếu bài tập: không kèm đáp án")}

??? trainer
    1. {MARK.format("Các bước của hoạt động")}

??? solution
    {MARK.format("Đáp án, lời giải của hoạt động")}

## Kiểm tra nhanh {{#check}}

1. {MARK.format("Một câu hỏi hoặc một tình huống ngắn để kiểm tra mục tiêu của bài")}

??? solution
    {MARK.format("Gợi ý trả lời")}

## Tóm tắt {{#summary}}

- {MARK.format("Thông điệp chính")}
"""
    en = f"""---
id: {lesson_id}
kind: lesson
title: {_q(title_en)}
questions:
  - {_q(MARK.format("A question the lesson answers, as a learner would ask it?"))}
materials:
  - {_q(MARK.format("A0 paper, markers"))}
---

## Lesson objectives {{#objectives}}

- {MARK.format("After the lesson, trainees …")}

## Activities {{#activities}}

### Activity 1: {MARK.format("Warm-up")} (15 minutes)

{MARK.format("What participants will do (a sentence or two, written to them)")}

??? trainer
    1. {MARK.format("The steps of the activity")}

    Expected output: {MARK.format("what participants can do after the activity")}

### Activity 2: {MARK.format("Group discussion")} (45 minutes)

{MARK.format("Discussion questions, scenario cards, worksheets: without their answers")}

??? trainer
    1. {MARK.format("The steps of the activity")}

??? solution
    {MARK.format("Keys and solutions of the activity")}

## Quick check {{#check}}

1. {MARK.format("A question or a short situation that checks the lesson's objectives")}

??? solution
    {MARK.format("Suggested answer")}

## Summary {{#summary}}

- {MARK.format("Key message")}
"""
    return {f"{folder}/l{order}.md": vi, f"{folder}/l{order}.en.md": en}


def new_module(root: Path, title: str, title_en: str, clauses: list[str], lead: str = "hlhpn") -> list[Path]:
    site = model.load(root)
    for clause in clauses:
        if site.objects.get(clause) is None or site.objects[clause].kind != "clause":
            raise ScaffoldError(f"{clause!r} is not a clause of the agreement (e.g. II.1.a.4)")
    numbers = [int(m.group(1)) for o in site.objects if (m := re.fullmatch(r"m(\d+)", o))]
    number = max(numbers, default=0) + 1
    module_id, code = f"m{number:02d}", f"HP{number:02d}"
    today = datetime.date.today().isoformat()
    folder = f"docs/modules/{module_id}"
    quiz_vi = f"### Câu 1\n\n{MARK.format('Câu hỏi?')}\n\n- A. {MARK.format('…')}\n- B. {MARK.format('…')}\n\n??? answer\n    **A.** {MARK.format('Giải thích')}\n"
    quiz_en = f"### Question 1\n\n{MARK.format('Question?')}\n\n- A. {MARK.format('…')}\n- B. {MARK.format('…')}\n\n??? answer\n    **A.** {MARK.format('Explanation')}\n"
    vi = f"""---
id: {module_id}
kind: module
title: {_q(title)}
code: {code}
audience: {_q(MARK.format("Đối tượng học viên"))}
lead: {lead}
version: "0.1"
changelog:
  - date: {today}
    text: "Tạo học phần."
objectives:
  - {_q(MARK.format("Học viên giải thích được …"))}
clauses: [{", ".join(clauses)}]
---

{MARK.format("Giới thiệu: học phần này dành cho ai, vì sao cần.")}

## Điểm chính {{#key-points}}

- {MARK.format("Điểm chính")}

## Tài liệu phát tay {{#handouts}}

### Phiếu 1: {MARK.format("Tên phiếu")}

{MARK.format("Nội dung phiếu")}

## Tự kiểm tra {{#quiz}}

{quiz_vi}
## Ghi chú cho báo cáo viên {{#facilitator-notes}}

??? trainer
    {MARK.format("Chuẩn bị, điểm nhạy cảm, cách điều chỉnh theo địa phương")}
"""
    en = f"""---
id: {module_id}
kind: module
title: {_q(title_en)}
audience: {_q(MARK.format("Who the trainees are"))}
changelog:
  - date: {today}
    text: "Module created."
objectives:
  - {_q(MARK.format("Trainees can explain …"))}
---

{MARK.format("Introduction: who this module is for, and why.")}

## Key points {{#key-points}}

- {MARK.format("Key point")}

## Handouts {{#handouts}}

### Handout 1: {MARK.format("Name")}

{MARK.format("Content of the handout")}

## Self-check quiz {{#quiz}}

{quiz_en}
## Facilitator notes {{#facilitator-notes}}

??? trainer
    {MARK.format("Preparation, sensitive points, how to adapt to the commune")}
"""
    files = {f"{folder}/index.md": vi, f"{folder}/index.en.md": en}
    files.update(lesson_files(module_id, folder, 1, MARK.format("Bài học 1"), MARK.format("Lesson 1")))
    files[f"{questions.FOLDER}/{module_id}.yml"] = question_bank(module_id, code)
    return _write(root, files)


def question_bank(module_id: str, code: str) -> str:
    """The module's question bank with as many items as a bank needs, all to be written: each tied to
    the one objective the new module has, to be tied to the right one once the objectives are written."""
    items = []
    for n in range(1, questions.MIN_ITEMS + 1):
        items.append(f"""  - id: {module_id}-q{n:02d}
    objective: 1
    answer: A
    vi:
      question: {_q(MARK.format(f"Câu hỏi {n}?"))}
      options: [{_q(MARK.format("Phương án đúng"))}, {_q(MARK.format("Phương án sai, hợp lý"))}, {_q(MARK.format("Phương án sai, hợp lý"))}]
      explanation: {_q(MARK.format("Vì sao phương án đúng là đúng; dẫn điều, khoản nếu là quy định pháp luật"))}
    en:
      question: {_q(MARK.format(f"Question {n}?"))}
      options: [{_q(MARK.format("Right option"))}, {_q(MARK.format("Plausible wrong option"))}, {_q(MARK.format("Plausible wrong option"))}]
      explanation: {_q(MARK.format("Why the right option is right; the article if it is a legal rule"))}
""")
    return (f"# Ngân hàng câu hỏi của học phần {code} ({module_id}). Mỗi câu kiểm tra một mục tiêu của học phần\n"
            f"# (số thứ tự trong `objectives:` của docs/modules/{module_id}/index.md, tính từ 1); mỗi mục tiêu\n"
            f"# cần ít nhất một câu. Các phương án theo cùng thứ tự ở hai ngôn ngữ; `answer:` là chữ cái đúng.\n"
            f"module: {module_id}\nitems:\n" + "\n".join(items))


def new_lesson(root: Path, module_id: str, title: str, title_en: str) -> list[Path]:
    site = model.load(root)
    module = site.objects.get(module_id)
    if module is None or module.kind != "module":
        raise ScaffoldError(f"{module_id!r} is not a module (e.g. m04)")
    order = max((int(l.meta.get("order") or 0) for l in curriculum.lessons_of(site, module_id)), default=0) + 1
    folder = str(Path(module.path).parent)
    return _write(root, lesson_files(module_id, folder, order, title, title_en))


def new_policy(root: Path, title: str, title_en: str, number: str | None) -> list[Path]:
    site = model.load(root)
    policy_id = _free(site, slugify(number or title))
    number_line = _q(number) if number else "null"
    vi = f"""---
id: {policy_id}
kind: policy
title: {_q(title)}
number: {number_line}
full_title: {_q(MARK.format("Tên đầy đủ của văn bản"))}
doc_type: law
issuer: {_q(MARK.format("Cơ quan ban hành"))}
date: null
in_force: null
status: null
topics: [gender-equality]
verification: partly
caveat: {_q("Thông tin chưa được đối chiếu đầy đủ với văn bản chính thức.")}
full_text: null
source:
  - https://thuvienphapluat.vn/
---

## Tóm tắt {{#summary}}

{MARK.format("Tóm tắt văn bản")}

## Quy định liên quan đến chương trình {{#provisions}}

- {MARK.format("Điều, khoản: nội dung và vì sao quan trọng")}

## Áp dụng trong chương trình {{#in-practice}}

- {MARK.format("Báo cáo viên và cán bộ dùng văn bản này thế nào")}
"""
    en = f"""---
id: {policy_id}
kind: policy
title: {_q(title_en)}
full_title: {_q(MARK.format("Full title of the document"))}
issuer: {_q(MARK.format("Issuing body"))}
caveat: {_q("Not yet fully checked against the official text.")}
---

## Summary {{#summary}}

{MARK.format("Summary of the document")}

## Provisions that matter to this programme {{#provisions}}

- {MARK.format("Article, clause: what it says and why it matters")}

## In practice {{#in-practice}}

- {MARK.format("How trainers and cadres use this document")}
"""
    return _write(root, {f"docs/policies/{policy_id}.md": vi, f"docs/policies/{policy_id}.en.md": en})


def new_term(root: Path, title: str, title_en: str) -> list[Path]:
    site = model.load(root)
    name = slugify(title)
    term_id = _free(site, f"t-{name}")
    name = term_id.removeprefix("t-")
    vi = f"""---
id: {term_id}
kind: term
title: {_q(title)}
abbr: null
verification: partly
caveat: {_q("Định nghĩa chưa được đối chiếu với văn bản chính thức.")}
basis: null
policies: []
---

{MARK.format("Định nghĩa")}
"""
    en = f"""---
id: {term_id}
kind: term
title: {_q(title_en)}
abbr: null
caveat: {_q("The definition is not yet checked against the official text.")}
basis: null
---

{MARK.format("Definition")}
"""
    return _write(root, {f"docs/glossary/{name}.md": vi, f"docs/glossary/{name}.en.md": en})
