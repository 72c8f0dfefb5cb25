"""What each problem says, in Vietnamese and in English.

A check reports a problem as data: its code, a variant when one code says several things, and the
details as named fields (`{field}`, `{got}`, `{target}` …). The words are here, one template per
language, so that both languages name the specific id, field or line; the meaning and the general
fix of each code are the editors' error reference (`problems.CODES` in English,
`error_reference.REFERENCE` in Vietnamese). The terminal, the CI annotations and the reference page
thus say the same words. Vietnamese is the default: the editors are Vietnamese agency staff.
"""

from __future__ import annotations

import difflib
import os
import string
from dataclasses import dataclass
from typing import Any, Mapping

LANGS = ("vi", "en")

# key -> (Vietnamese, English). A problem's message is the template of its code ("REF_UNKNOWN") or of
# one of its variants ("REF_UNKNOWN.field"); lower-case keys are the words the fields and hints use.
TEMPLATES: dict[str, tuple[str, str]] = {
    # --- front matter, YAML ----------------------------------------------------------------------
    "FRONT_MATTER_MISSING": ("đầu tệp không có phần thông tin đầu trang (front matter)",
                             "no front matter at the top of the page"),
    "FRONT_MATTER_INVALID": ("lỗi YAML: {detail}", "YAML error: {detail}"),
    "FRONT_MATTER_INVALID.quote": ("dấu ngoặc kép mở ở dòng này chưa được đóng",
                                   "the quote opened on this line is not closed"),
    "FRONT_MATTER_INVALID.unclosed": ("phần thông tin đầu trang mở ở dòng 1 nhưng không có dòng `---` để đóng",
                                      "the front matter opened on line 1 is never closed"),
    "FRONT_MATTER_INVALID.not_mapping": ("phần thông tin đầu trang không phải là các dòng `tên_trường: giá trị`",
                                         "the front matter is not a list of `key: value` fields"),
    "DATA_INVALID": ("lỗi YAML: {detail}", "YAML error: {detail}"),
    "DATA_INVALID.quote": ("dấu ngoặc kép mở ở dòng này chưa được đóng", "the quote opened on this line is not closed"),
    "DUPLICATE_KEY": ("trường `{key}` được viết hai lần", "the key `{key}` is written twice"),
    "TEXT_NOT_NFC": ("“{word}” được viết ở dạng Unicode tổ hợp (NFD)",
                     "“{word}” is written in decomposed Unicode (NFD)"),
    # --- pages and their fields ------------------------------------------------------------------
    "KIND_UNKNOWN": ("`kind: {kind}` không phải là loại trang của trang web", "`kind: {kind}` is not a kind of page"),
    "FIELD_UNKNOWN": ("`{field}:` không phải là trường của {kind}", "`{field}:` is not a field of a {kind}"),
    "FIELD_MISSING": ("{kind} cần có trường `{field}:`", "a {kind} needs the field `{field}:`"),
    "FIELD_MISSING.id": ("trang không có `id:`", "the page has no `id:`"),
    "FIELD_MISSING.twin": ("thiếu trường `{key}:` (trong {file} là `{expected}`)",
                           "the `{key}:` field is missing (it is `{expected}` in {file})"),
    "FIELD_INVALID": ("`{field}:` ghi `{got}`, nhưng phải là {expected}", "`{field}:` `{got}` must be {expected}"),
    "FIELD_INVALID.list": ("`{field}:` phải là một danh sách (các dòng `- mục`)",
                           "`{field}:` must be a list (`- item` lines)"),
    "FIELD_INVALID.single": ("`{field}:` phải là một giá trị, không phải danh sách",
                             "`{field}:` must be a single value, not a list"),
    "FIELD_MISMATCH": ("`{field}:` ở đây là `{got}`, nhưng trong {file} là `{expected}`",
                       "`{field}:` is `{got}` here but `{expected}` in {file}"),
    "FIELD_MISMATCH.structure": ("`{field}:` ở đây khác với {file} từ dòng này (dòng {line} của tệp tiếng Việt)",
                                 "`{field}:` here differs from {file} from this line on (line {line} of the Vietnamese file)"),
    "STATUS_SOURCE_MISSING": ("`status: {status}` chưa có `status_source:`", "`status: {status}` has no `status_source:`"),
    "ID_DUPLICATE": ("mã `{id}` đã được dùng ở {other}", "id `{id}` is already used by {other}"),
    "ID_DUPLICATE.trainer": ("mã `{id}` đã được dùng ở dòng {other}", "the id `{id}` is already used on line {other}"),
    "ID_DUPLICATE.kind": ("mã `{id}` đã là mã của một {kind}", "the id `{id}` is already used by a {kind}"),
    "ID_MISMATCH": ("`{key}: {got}` khác với `{key}: {expected}` trong {file}",
                    "`{key}: {got}` differs from `{key}: {expected}` in {file}"),
    "ID_MISMATCH.used": ("`id: {got}` khác với `id: {expected}` trong {file}, là mã mà {count} dẫn chiếu đang dùng",
                         "`id: {got}` differs from `id: {expected}` in {file}, the id that {count} reference(s) use"),
    "TRANSLATION_MISSING": ("trang này chưa có tệp {language}", "there is no {language} file for this page"),
    "TRANSLATION_MISSING.clause": ("mục {id} chưa có nội dung {language}", "clause {id} has no {language} text"),
    "DEFAULT_LANGUAGE_MISSING": ("trang này không có tệp tiếng Việt {file}",
                                 "there is no Vietnamese file {file} for this page"),
    # --- references, placeholders ----------------------------------------------------------------
    "REF_UNKNOWN": ("dẫn chiếu tới mã `{target}`, nhưng không có mã này",
                    "the reference names `{target}`, which does not exist"),
    "REF_UNKNOWN.field": ("`{field}:` ghi mã `{target}`, nhưng không có mã này",
                          "`{field}:` names `{target}`, which does not exist"),
    "REF_UNKNOWN.certification": ("{trainer}: không có học phần `{target}`", "{trainer}: module `{target}` does not exist"),
    "REF_WRONG_KIND": ("`{field}:` cần mã của {expected}, nhưng `{target}` là {kind}",
                       "`{field}:` expects a {expected}, but `{target}` is a {kind}"),
    "REF_WRONG_KIND.certification": ("{trainer}: `{target}` là {kind}, không phải học phần",
                                     "{trainer}: `{target}` is a {kind}, not a module"),
    "REF_MISSING_IN_LANGUAGE": ("`{target}` chưa có bản {languages}, nên không hiện được liên kết bằng ngôn ngữ đó",
                                "`{target}` has no {languages} version, so the link cannot be shown in that language"),
    "REF_SYNTAX": ("`{raw}` không phải là dẫn chiếu hợp lệ", "`{raw}` is not a valid reference"),
    "PLACEHOLDER_UNKNOWN": ("`{{{{ {name} }}}}` không phải là chỗ giữ chỗ mà trang web tự điền",
                            "`{{{{ {name} }}}}` is not a placeholder the site fills in"),
    # --- links -----------------------------------------------------------------------------------
    "LINK_PAGE_MISSING": ("liên kết `{link}` trỏ tới {target}, nhưng không có trang này",
                          "the link `{link}` points to {target}, which is not a page of the site"),
    "LINK_PAGE_MISSING.language": ("liên kết `{link}` trỏ tới tệp {target} của bản {language}, không có trong bản {site} "
                                   "của trang web",
                                   "the link `{link}` points to {target}, a file of the {language} site that the {site} "
                                   "site does not have"),
    "LINK_PAGE_MISSING.not_a_file": ("liên kết `{link}` không trỏ tới một trang hay một tệp (thiếu tên tệp `.md`)",
                                     "the link `{link}` names no page or file (a page link ends in `.md`)"),
    "LINK_PAGE_MISSING.absolute": ("liên kết `{link}` bắt đầu bằng `/`, nên khi dựng trang không tìm được đích",
                                   "the link `{link}` starts with `/`, so the build cannot resolve it"),
    "LINK_FILE_MISSING.absolute": ("liên kết `{link}` bắt đầu bằng `/`, nên khi dựng trang không tìm được tệp",
                                   "the link `{link}` starts with `/`, so the build cannot resolve it"),
    "LINK_FILE_MISSING": ("liên kết `{link}` trỏ tới tệp {target}, nhưng không có tệp này",
                          "the link `{link}` points to the file {target}, which does not exist"),
    "LINK_ANCHOR_MISSING": ("liên kết `{link}`: {target} không có tiêu đề hay neo `#{anchor}`",
                            "the link `{link}`: {target} has no heading or anchor `#{anchor}`"),
    # --- curriculum, editions, accessibility, style ----------------------------------------------
    "SECTION_MISSING": ("{kind} cần có mục với neo `{{#{anchor}}}`", "a {kind} needs a section with the anchor `{{#{anchor}}}`"),
    "SECTION_MISSING.quiz": ("phần tự kiểm tra chưa có câu hỏi nào (`### Câu 1` …)", "the quiz has no questions (`### Câu 1` …)"),
    "QUIZ_ANSWER_MISSING": ("câu hỏi này không có khối `??? answer`", "this question has no `??? answer` block"),
    "TRAINER_NOTES_MISSING": ("ghi chú cho báo cáo viên không nằm trong khối `??? trainer`",
                              "the facilitator notes are not in a `??? trainer` block"),
    "FACILITATOR_TEXT": ("{what} nằm ngoài khối dành cho báo cáo viên: “{shown}”",
                         "{what} is outside a facilitator block: “{shown}”"),
    "CHECKBOX_GLYPH": ("ký tự ô vuông `{glyph}` được gõ trực tiếp", "the checkbox glyph `{glyph}` is written by hand"),
    "LESSON_TIMING": ("các hoạt động cộng lại được {total} phút, nhưng `minutes:` ghi {minutes}",
                      "the activities add up to {total} minutes, but `minutes:` is {minutes}"),
    "LESSON_ORDER": ("`order: {order}` trùng với thứ tự của {other}", "`order: {order}` is also the order of {other}"),
    "QUESTION_BANK_MISSING": ("học phần {module} chưa có ngân hàng câu hỏi {file}",
                              "module {module} has no question bank {file}"),
    "QUESTION_OBJECTIVE_UNCOVERED": ("mục tiêu {objective} chưa có câu hỏi nào trong {file}",
                                     "objective {objective} has no item in {file}"),
    "QUESTION_OBJECTIVE_UNKNOWN": ("câu {id} ghi `objective: {objective}`, nhưng học phần {module} có {count} mục tiêu",
                                   "item {id} names `objective: {objective}`, but module {module} has {count} objectives"),
    "QUESTION_INVALID.bank": ("tệp phải có `module:` và `items:` là danh sách câu hỏi",
                              "the file must have `module:` and `items:`, a list of questions"),
    "QUESTION_INVALID.module": ("`module: {found}` khác tên tệp: tệp này là ngân hàng của {module}",
                                "`module: {found}` differs from the file's name: this is the bank of {module}"),
    "QUESTION_INVALID.unknown_module": ("không có học phần {module}", "there is no module {module}"),
    "QUESTION_INVALID.item": ("mỗi câu là một khối bắt đầu bằng `- id:`", "each item is a block starting with `- id:`"),
    "QUESTION_INVALID.id": ("mã câu `{id}` phải có dạng `{module}-q01`", "the item id `{id}` must look like `{module}-q01`"),
    "QUESTION_INVALID.duplicate": ("mã câu {id} đã dùng ở {other}", "the item id {id} is already used at {other}"),
    "QUESTION_INVALID.objective": ("câu {id}: `objective:` phải là số thứ tự của một mục tiêu",
                                   "item {id}: `objective:` must be the number of an objective"),
    "QUESTION_INVALID.language": ("câu {id}: phần `{lang}:` phải có `question:`, `options:` và `explanation:`",
                                  "item {id}: `{lang}:` must have `question:`, `options:` and `explanation:`"),
    "QUESTION_INVALID.options": ("câu {id} có {count} phương án; mỗi câu có 3 hoặc 4 phương án",
                                 "item {id} has {count} options; an item has 3 or 4"),
    "QUESTION_INVALID.option_counts": ("câu {id}: số phương án khác nhau giữa hai ngôn ngữ ({counts})",
                                       "item {id}: the languages have different numbers of options ({counts})"),
    "QUESTION_INVALID.answer": ("câu {id}: `answer: {answer}` không phải một phương án ({letters})",
                                "item {id}: `answer: {answer}` is not one of the options ({letters})"),
    "QUESTION_INVALID.too_few": ("ngân hàng có {count} câu; cần ít nhất {least}",
                                 "the bank has {count} items; it needs at least {least}"),
    "COURSE_SESSION_INVALID.days": ("`days:` phải là danh sách các ngày, mỗi ngày có `start:` và `sessions:`",
                                    "`days:` must be a list of days, each with `start:` and `sessions:`"),
    "COURSE_SESSION_INVALID.start": ("ngày {day}: giờ bắt đầu `{start}` phải viết dạng \"07:30\"",
                                     "day {day}: the start `{start}` must be written as \"07:30\""),
    "COURSE_SESSION_INVALID.empty_day": ("ngày {day} chưa có buổi nào trong `sessions:`", "day {day} has no `sessions:`"),
    "COURSE_SESSION_INVALID.session": ("ngày {day}: mỗi buổi là một bài học (`lesson: mã-bài`) hoặc một buổi cố định "
                                       "(`fixed: loại` với `minutes: số phút`)",
                                       "day {day}: each session is a lesson (`lesson: lesson-id`) or a fixed session "
                                       "(`fixed: kind` with `minutes: n`)"),
    "COURSE_SESSION_INVALID.fixed": ("ngày {day}: không có loại buổi `{found}`; các loại: {choices}",
                                     "day {day}: there is no session kind `{found}`; the kinds: {choices}"),
    "COURSE_SESSION_INVALID.minutes": ("ngày {day}: `minutes: {found}` phải là số phút từ 5 đến 120",
                                       "day {day}: `minutes: {found}` must be a number of minutes from 5 to 120"),
    "COURSE_SESSION_INVALID.break": ("ngày {day}: `break: {found}` trong một bài phải là số phút từ 5 đến 30",
                                     "day {day}: `break: {found}` inside a lesson must be a number of minutes from 5 to 30"),
    "COURSE_SESSION_INVALID.test_form": ("`test:` ghi mỗi học phần với các mục tiêu được kiểm tra, dạng `m04: [1, 3]`",
                                         "`test:` gives each module with the objectives tested, as `m04: [1, 3]`"),
    "COURSE_SESSION_INVALID.test_module": ("`test:` ghi {module}, nhưng lớp không dạy bài nào của học phần này",
                                           "`test:` names {module}, but the course teaches none of its lessons"),
    "COURSE_SESSION_INVALID.test_objectives": ("`test:` của {module} phải là danh sách số mục tiêu, từ 1 đến {count}",
                                               "`test:` of {module} must be a list of objective numbers from 1 to {count}"),
    "COURSE_SESSION_INVALID.not_lesson": ("`{id}` không phải là một bài học", "`{id}` is not a lesson"),
    "COURSE_LESSON_TWICE": ("bài {id} đã có trong lớp ở dòng {other}", "lesson {id} is already in the course, at line {other}"),
    "COURSE_DAY_TOO_LONG": ("ngày {day} kéo dài {minutes} phút ({start}–{end}), quá 8 giờ",
                            "day {day} lasts {minutes} minutes ({start}–{end}), more than 8 hours"),
    "COURSE_NO_BREAK": ("ngày {day}: {minutes} phút liền không nghỉ", "day {day}: {minutes} minutes without a break"),
    "COURSE_PREREQUISITE_LATER": ("các bài của {module} đứng trước bài của {prerequisite}, học phần cần học trước",
                                  "the lessons of {module} come before those of {prerequisite}, which it requires first"),
    "CHECK_SOLUTION_MISSING": ("phần kiểm tra nhanh của bài chưa có khối `??? solution` nào",
                               "the lesson's quick check has no `??? solution` block"),
    "LESSON_QUESTIONS": ("`questions:` có {count} câu; một bài trả lời từ 1 đến {most} câu hỏi",
                         "`questions:` holds {count}; a lesson answers 1 to {most} questions"),
    "COVERAGE_MISSING": ("nhiệm vụ {clause} không có học phần nào ghi tên và không có bài học nào thực hiện",
                         "task {clause} is named by no module and addressed by no lesson"),
    "CLAUSE_NOT_TRAINING": ("{kind} ghi nhiệm vụ {clause} trong `clauses:`, nhưng data/agreement.yml đánh dấu nhiệm vụ "
                            "này `training: false`",
                            "the {kind} lists task {clause} in `clauses:`, but data/agreement.yml marks it "
                            "`training: false`"),
    "IMAGE_ALT_MISSING": ("hình này không có chữ thay thế", "this image has no text alternative"),
    "HEADING_ORDER": ("tiêu đề cấp {depth} đứng ngay sau cấp {level}", "a level-{depth} heading after level {level}"),
    "STYLE_PHRASE": ("“{found}”: viết {replacement}", "“{found}”: write {replacement} instead"),
    # --- data files ------------------------------------------------------------------------------
    "DATA_INVALID.agreement_page": ("không trang nào hiển thị toàn văn văn bản phối hợp, nên các nhiệm vụ không có địa chỉ",
                                    "no page shows the agreement text, so clauses have no address"),
    "DATA_INVALID.sections": ("tệp phải gồm các phần dạng `tên_phần:`", "the file must be a mapping of sections"),
    "DATA_INVALID.clause": ("mỗi mục là một khối gồm `id:`, `type:` và nội dung",
                            "each clause is a mapping with `id:`, `type:` and the texts"),
    "DATA_INVALID.clause_order": ("mục {id} đứng trước mục cha {parent}", "clause {id} comes before its parent {parent}"),
    "FIELD_MISSING.section": ("thiếu phần `{key}:`", "the section `{key}:` is missing"),
    "FIELD_MISSING.clause_text": ("mục {id} chưa có nội dung {language}", "clause {id} has no {language} text"),
    "FIELD_MISSING.clause_short": ("mục {id} chưa có nhãn ngắn `short: {lang}:`",
                                   "clause {id} has no short label `short: {lang}:`"),
    "FIELD_MISSING.clause_lead": ("mục {id} chưa có cơ quan chủ trì (`lead:`)", "clause {id} has no lead agency (`lead:`)"),
    "FIELD_MISSING.training_note": ("mục {id} ghi `training: false` nhưng thiếu `training_note:` bằng {langs}",
                                    "clause {id} is marked `training: false` without a `training_note:` in {langs}"),
    "FIELD_MISSING.coverage_note": ("mục {id}: `coverage_note:` cần có nội dung bằng {langs}",
                                    "clause {id}: `coverage_note:` needs a text in {langs}"),
    "FIELD_INVALID.clause_id": ("mã mục `{id}` bị thiếu hoặc sai dạng", "clause id `{id}` is missing or malformed"),
    "FIELD_INVALID.clause_type": ("mục {id}: loại `{got}` không thuộc: {choices}",
                                  "clause {id}: type `{got}` is not one of {choices}"),
    "FIELD_INVALID.clause_agency": ("mục {id}: không có cơ quan `{got}`; các cơ quan: {choices}",
                                    "clause {id}: unknown agency `{got}`; known: {choices}"),
    "FIELD_INVALID.clause_sic": ("mục {id}: đoạn [sic] `{got}` không có trong nội dung mục",
                                 "clause {id}: the [sic] text `{got}` is not in the clause"),
    "FIELD_INVALID.clause_training": ("mục {id}: `training:` phải là true hoặc false",
                                      "clause {id}: `training:` must be true or false"),
    "DATA_INVALID.abbr_language": ("`{lang}:` phải là một ngôn ngữ ({langs}) với các dòng `CHỮ_VIẾT_TẮT: nghĩa`",
                                   "`{lang}:` must be a language ({langs}) with `ABBR: meaning` lines"),
    "DATA_INVALID.abbr_twice": ("chữ viết tắt `{abbr}` đã được giải thích ở {other}",
                                "the abbreviation `{abbr}` is already explained at {other}"),
    "DATA_INVALID.code_list": ("`{key}:` phải gồm các dòng `mã: tên`", "`{key}:` must map keys to names"),
    "DATA_INVALID.trainers": ("`trainers:` phải là danh sách hồ sơ (`- id: …`)",
                              "`trainers:` must be a list of records (`- id: …`)"),
    "DATA_INVALID.trainer": ("hồ sơ báo cáo viên phải là một khối các dòng `tên_trường: giá trị`",
                             "a trainer record is a block of `field: value` lines"),
    "DATA_INVALID.certification": ("{trainer}: mỗi chứng nhận viết dạng `{{module: m02, date: YYYY-MM-DD}}`",
                                   "{trainer}: a certification is `{{module: m02, date: YYYY-MM-DD}}`"),
    "DATA_INVALID.contact": ("{trainer}: `contact:` gồm `phone:`, `email:` và `consent_publish:`",
                             "{trainer}: `contact:` holds `phone:`, `email:` and `consent_publish:`"),
    "FIELD_INVALID.example_data": ("`example_data:` phải là true hoặc false", "`example_data:` must be true or false"),
    "FIELD_MISSING.trainer": ("{trainer} chưa có `{field}:`", "{trainer} has no `{field}:`"),
    "FIELD_MISSING.inactive_since": ("{trainer} đã ngừng hoạt động nhưng chưa có `inactive_since: YYYY-MM-DD` hợp lệ",
                                     "{trainer} is inactive but has no valid `inactive_since: YYYY-MM-DD`"),
    "FIELD_INVALID.trainer_id": ("{trainer}: mã chỉ gồm chữ cái, chữ số, `.`, `-` hoặc `_`",
                                 "{trainer}: the id must be letters, digits, `.`, `-` or `_`"),
    "FIELD_INVALID.trainer_choice": ("{trainer}: `{field}: {got}` không phải là {expected}",
                                     "{trainer}: `{field}: {got}` is not {expected}"),
    "FIELD_INVALID.trainer_languages": ("{trainer}: `languages:` phải là danh sách, ví dụ [vi, mong]",
                                        "{trainer}: `languages:` must be a list, e.g. [vi, mong]"),
    "FIELD_INVALID.trainer_language": ("{trainer}: ngôn ngữ `{got}` không phải `vi` hay tiếng của một dân tộc trong {file}",
                                       "{trainer}: language `{got}` is not `vi` or an ethnic group of {file}"),
    "FIELD_INVALID.certification_date": ("{trainer}: ngày chứng nhận `{got}` không phải ngày dạng YYYY-MM-DD",
                                         "{trainer}: certification date `{got}` is not a date YYYY-MM-DD"),
    "FIELD_INVALID.certification_ended": ("{trainer}: `ended: {got}` không phải ngày dạng YYYY-MM-DD",
                                          "{trainer}: `ended: {got}` is not a date YYYY-MM-DD"),
    "FIELD_INVALID.certification_twice": ("{trainer}: học phần {module} được ghi chứng nhận hai lần",
                                          "{trainer}: module {module} is certified twice"),
    "FIELD_INVALID.phone": ("{trainer}: `{got}` không phải là số điện thoại", "{trainer}: phone `{got}` is not a phone number"),
    "FIELD_INVALID.email": ("{trainer}: `{got}` không phải là địa chỉ thư điện tử",
                            "{trainer}: email `{got}` is not an email address"),
    "INACTIVE_CERTIFIED": ("{trainer} đã ngừng hoạt động nhưng vẫn còn chứng nhận học phần {module}",
                           "{trainer} is inactive but still certified for {module}"),
    "CONSENT_MISSING": ("{trainer}: `consent_publish:` bị thiếu hoặc không phải true/false",
                        "{trainer}: `consent_publish:` is missing or not true/false"),

    # --- words the fields use --------------------------------------------------------------------
    "kind.page": ("trang", "page"),
    "kind.clause": ("nhiệm vụ", "task"),
    "kind.policy": ("văn bản chính sách", "policy"),
    "kind.module": ("học phần", "module"),
    "kind.lesson": ("bài học", "lesson"),
    "kind.term": ("thuật ngữ", "term"),
    "kind.trainer": ("báo cáo viên", "trainer"),
    "kind.course": ("lớp tập huấn", "course"),
    "language.vi": ("tiếng Việt", "Vietnamese"),
    "language.en": ("tiếng Anh", "English"),
    "trainer": ("báo cáo viên {id}", "trainer {id}"),
    "form.date": ("một ngày viết dạng YYYY-MM-DD", "a date written YYYY-MM-DD"),
    "form.int": ("một số nguyên", "a whole number"),
    "form.change": ("một mục `- date: YYYY-MM-DD` kèm `text: nội dung thay đổi`",
                    "an entry `- date: YYYY-MM-DD` with `text: what changed`"),
    "form.single": ("một giá trị đơn", "a single value"),
    "form.id": ("một mã (chữ cái, chữ số, `.`, `-`, `_`)", "an id (letters, digits, `.`, `-`, `_`)"),
    "form.url": ("một địa chỉ web bắt đầu bằng https://", "a web address starting with https://"),
    "form.choice": ("một trong: {choices}", "one of: {choices}"),
    "form.agency": ("mã một cơ quan: {choices}", "an agency key: {choices}"),
    "form.text": ("một đoạn chữ, không để trống", "a non-empty text"),
    "form.gender": ("giới tính có trong danh sách", "a gender of the list"),
    "form.ethnicity": ("một dân tộc có trong {file}", "an ethnic group of {file}"),
    "form.trainer_agency": ("cơ quan có trong danh sách", "an agency"),
    "form.commune": ("một xã có trong {file}", "a commune of {file}"),
    "form.status": ("tình trạng có trong danh sách", "a status"),
    "leak.answer_key": ("đáp án sau một nhận định", "an answer key after a statement"),
    "leak.expected_output": ("kết quả mong đợi", "an expected output"),
    "leak.answer_line": ("dòng đáp án", "an answer line"),
    "leak.instruction": ("lời dặn báo cáo viên", "an instruction to the trainer"),
    # PyYAML's own words for the usual mistakes, said for an editor (anything else is shown as YAML says it)
    "yaml.colon": ("thiếu dấu `:` sau tên trường, hoặc thụt lề không đều ({yaml})",
                   "{yaml}"),
    "yaml.mapping_here": ("có dấu `:` ở chỗ không được phép; giá trị có dấu `:` cần đặt trong ngoặc kép ({yaml})",
                          "{yaml}"),
    "yaml.tab": ("thụt lề bằng phím Tab; YAML chỉ nhận dấu cách ({yaml})", "{yaml}"),
    "yaml.indent": ("thụt lề không đều giữa các dòng ({yaml})", "{yaml}"),
    "yaml.other": ("{yaml}", "{yaml}"),

    # --- hints: a suggestion comes before the code's fix; any other hint replaces it ------------
    "closest.id": ("Có phải là mã {choices} không?", "Did you mean the id {choices}?"),
    "closest.kind": ("Có phải là loại {choices} không?", "Did you mean the kind {choices}?"),
    "closest.field": ("Có phải là trường {choices} không?", "Did you mean the field {choices}?"),
    "closest.placeholder": ("Có phải là chỗ giữ chỗ {choices} không?", "Did you mean the placeholder {choices}?"),
    "closest.page": ("Có phải là trang {choices} không?", "Did you mean the page {choices}?"),
    "closest.file": ("Có phải là tệp {choices} không?", "Did you mean the file {choices}?"),
    "closest.anchor": ("Có phải là neo {choices} không?", "Did you mean the anchor {choices}?"),
    "closest.value": ("Có phải là {choices} không?", "Did you mean {choices}?"),
    "hint.placeholders": ("Các chỗ giữ chỗ có sẵn: {names}.", "Known: {names}."),
    "hint.add_id": ("Thêm `id:` với một mã mới, cố định (chữ cái, chữ số, `.`, `-`).",
                    "Add `id:` with a new, stable id (letters, digits, `.`, `-`)."),
    "hint.write_id": ("Ghi `id: {id}`, mã mà tệp tiếng Anh và các dẫn chiếu đang dùng.",
                      "Write `id: {id}`, the id that the English file and the references use."),
    "hint.add_translation": ("Thêm tệp {file} với `id: {id}` và `kind: {kind}`.",
                             "Add {file} with `id: {id}` and `kind: {kind}`."),
    "hint.agreement_page": ("Đặt `{{{{ agreement_text }}}}` vào trang văn bản phối hợp (docs/agreement/index.md).",
                            "Put `{{{{ agreement_text }}}}` in the agreement page (docs/agreement/index.md)."),
    "hint.close_front_matter": ("Thêm một dòng `---` sau trường cuối cùng.", "Add a line `---` after the last field."),
    "hint.close_quote": ("Đóng dấu ngoặc kép ở cuối giá trị, ví dụ `version: \"1.0\"`.",
                         "Close the quote at the end of the value, e.g. `version: \"1.0\"`."),
    "hint.remove_one": ("Xóa một trong hai chỗ giải thích.", "Remove one of the two definitions."),
    "hint.new_trainer_id": ("Đặt cho báo cáo viên này một mã mới; mã đã dùng không bao giờ dùng lại.",
                            "Give this trainer a new id; ids are never reused."),
    "hint.use_one_of": ("Dùng một trong: {choices}.", "Use one of: {choices}."),
    "hint.anchor_language": ("`#{anchor}` là mã tự tạo từ một tiêu đề tiếng Việt ({file}), nên bản {language} không có: "
                             "đặt cho tiêu đề đó một neo, ví dụ `{{#{anchor}}}`, và đặt cùng neo cho tiêu đề tương ứng "
                             "trong {target}.",
                             "`#{anchor}` is made from a Vietnamese heading ({file}), so the {language} page lacks it: "
                             "give that heading an anchor, e.g. `{{#{anchor}}}`, and the same anchor to the matching "
                             "heading in {target}."),
    "hint.relative_link": ("Viết liên kết tương đối từ trang này, ví dụ `{suggestion}`.",
                           "Write the link relative to this page, e.g. `{suggestion}`."),

    # --- the report ------------------------------------------------------------------------------
    "report.count": ("Có {count} lỗi nội dung:", "{count} content problem(s) found:"),
    "report.fix": ("cách sửa", "fix"),
    "report.ok": ("Không có lỗi: đã kiểm tra {objects} đối tượng, {references} dẫn chiếu trong {seconds} giây",
                  "OK: {objects} objects, {references} references checked in {seconds} s"),
}

_FORMATTER = string.Formatter()


def fields_of(template: str) -> set[str]:
    """The names a template needs: "`{field}:` is {got}" -> {"field", "got"}."""
    return {name for _, name, _, _ in _FORMATTER.parse(template) if name}


@dataclass(frozen=True)
class Text:
    """Words in every language: a template of TEMPLATES and the values of its fields."""

    key: str
    fields: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str) -> str:
        template = TEMPLATES[self.key][LANGS.index(lang)]
        return template.format(**{name: _shown(value, lang) for name, value in self.fields})

    @property
    def suggestion(self) -> bool:
        """A "did you mean …?": said before the code's fix, which it does not replace."""
        return self.key.startswith("closest.")


def text(key: str, /, **fields: Any) -> Text:
    """`Text` of `key`; raises KeyError at once for an unknown key."""
    TEMPLATES[key]
    return Text(key, tuple(sorted((name, _frozen(value)) for name, value in fields.items())))


@dataclass(frozen=True)
class OneOf:
    """Alternatives, joined by "or" in the reader's language."""

    items: tuple[str, ...]

    def render(self, lang: str) -> str:
        return (" hoặc " if lang == "vi" else " or ").join(f"`{item}`" for item in self.items)


def _frozen(value: Any) -> Any:
    """Field values are kept in problems, which are hashed: lists become tuples."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    return value


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, (Text, OneOf)):
        return value.render(lang)
    if isinstance(value, tuple):
        return ", ".join(_shown(v, lang) for v in value)
    return str(value)


def kind(name: str) -> Text | str:
    """The name of a kind of object in each language; an unknown kind as written."""
    return text(f"kind.{name}") if f"kind.{name}" in TEMPLATES else str(name)


def language_name(lang: str) -> Text:
    return text(f"language.{lang}")


def closest(word: str, choices) -> list[str]:
    """The existing choices closest to a typo, best first (the same word in other case alone)."""
    lowered = {str(c).lower(): str(c) for c in choices}
    word = str(word).lower()
    if word in lowered:
        return [lowered[word]]
    return [lowered[m] for m in difflib.get_close_matches(word, list(lowered), n=3, cutoff=0.6)]


def did_you_mean(word: str, choices, what: str) -> Text | None:
    """A suggestion naming the closest existing choices for a typo, or None. `what`: id, kind,
    field, placeholder, page, file, anchor, or value."""
    found = closest(word, choices)
    return text(f"closest.{what}", choices=OneOf(tuple(found))) if found else None


_YAML_WORDS = (("could not find expected ':'", "yaml.colon"), ("mapping values are not allowed", "yaml.mapping_here"),
               ("cannot start any token", "yaml.tab"), ("expected <block end>", "yaml.indent"),
               ("did not find expected key", "yaml.indent"))


def yaml_detail(message: str) -> Text:
    """PyYAML's error, explained in Vietnamese when it is one of the usual mistakes."""
    key = next((k for needle, k in _YAML_WORDS if needle in message), "yaml.other")
    return text(key, yaml=message)


def language(flag: str | None = None, environ: Mapping[str, str] = os.environ) -> str:
    """The language of the messages: `--lang` when given; else English when the locale is English
    (LC_ALL, then LC_MESSAGES, then LANG, the first one set, as the C library reads them); else
    Vietnamese."""
    if flag:
        return flag
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return "en" if locale.lower().startswith("en") else "vi"
