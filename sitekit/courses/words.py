"""The words of what a course generates (agenda, tests, forms, report template), in each language."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # the course's facts and agenda
    "audience": {"vi": "Đối tượng", "en": "Participants"},
    "place": {"vi": "Địa điểm", "en": "Place"},
    "length": {"vi": "Thời gian", "en": "Length"},
    "n_days": {"vi": "{n} ngày", "en": "{n} day(s)"},
    "teaching": {"vi": "{time} học theo các bài", "en": "{time} of lessons"},
    "modules": {"vi": "Học phần", "en": "Modules"},
    "lessons_of": {"vi": "{n}/{total} bài", "en": "{n} of {total} lessons"},
    "evaluation_form": {"vi": "Phiếu đánh giá", "en": "Evaluation form"},
    "evaluation_scale": {"vi": "thang điểm 1–5", "en": "scale of 1–5"},
    "evaluation_faces": {"vi": "hình mặt cười, cho người chưa quen đọc viết",
                         "en": "faces, for people not used to reading and writing"},
    "agenda": {"vi": "Chương trình lớp học", "en": "Agenda"},
    "day": {"vi": "Ngày {n}", "en": "Day {n}"},
    "time": {"vi": "Giờ", "en": "Time"},
    "session": {"vi": "Nội dung", "en": "Session"},
    "inner_break": {"vi": "có {n} phút giải lao giữa bài", "en": "with a {n}-minute break inside"},
    "prepare": {"vi": "Chuẩn bị cho ngày {n}", "en": "To prepare for day {n}"},
    "need_attendance": {"vi": "Danh sách điểm danh (in từ bộ phiếu của lớp)",
                        "en": "The attendance sheet (printed from the class handouts)"},
    "need_pretest": {"vi": "Bài kiểm tra đầu khóa, mỗi học viên một bản", "en": "The pre-test, one per participant"},
    "need_posttest": {"vi": "Bài kiểm tra cuối khóa, mỗi học viên một bản", "en": "The post-test, one per participant"},
    "need_evaluation": {"vi": "Phiếu đánh giá, mỗi học viên một bản", "en": "The evaluation form, one per participant"},
    "kit": {"vi": "Tài liệu của lớp", "en": "The class's documents"},
    "kit_intro": {"vi": "Bộ tài liệu của báo cáo viên có chương trình, các bài kiểm tra kèm đáp án, phiếu đánh giá, "
                        "danh sách điểm danh và mẫu báo cáo lớp. Bộ phiếu in cho lớp có các bài kiểm tra (không có đáp "
                        "án), phiếu đánh giá và danh sách điểm danh, mỗi phiếu một trang để photo. Bảng tính dùng để "
                        "nhập kết quả và lập báo cáo lớp.",
                  "en": "The facilitator's kit holds the agenda, the tests with their answer key, the evaluation form, "
                        "the attendance sheet and the class report template. The class handouts hold the tests "
                        "(without answers), the evaluation form and the attendance sheet, each on its own page, to "
                        "photocopy. The workbook is where the results are entered and the class report made."},
    "workbook": {"vi": "Bảng tính của lớp", "en": "Class workbook"},
    "workbook_how": {"vi": "Sau lớp học, nhập kết quả vào bảng tính rồi gửi cho cán bộ đầu mối của Hội LHPN tỉnh: "
                             "báo cáo lớp (số học viên theo giới tính và dân tộc, điểm trước – sau, đánh giá) được lập "
                             "từ bảng tính đó.",
                     "en": "After the class, enter the results in the workbook and send it to the focal point of the "
                           "provincial Women's Union: the class report (participants by sex and ethnicity, pre and post "
                           "scores, evaluations) is made from it."},
    "courses_of_module": {"vi": "Các lớp tập huấn dùng học phần này", "en": "Courses that use this module"},
    # tests
    "pretest": {"vi": "Bài kiểm tra đầu khóa", "en": "Pre-test"},
    "posttest": {"vi": "Bài kiểm tra cuối khóa", "en": "Post-test"},
    "tests": {"vi": "Bài kiểm tra đầu khóa và cuối khóa", "en": "Pre-test and post-test"},
    "tests_intro": {"vi": "Hai bài có cùng {n} câu, theo thứ tự khác nhau; mỗi câu kiểm tra một mục tiêu của các học "
                          "phần mà lớp dạy. Điểm của mỗi bài là số câu đúng (tối đa {n}).",
                    "en": "Both tests have the same {n} questions in a different order; each question tests an "
                          "objective of the modules the class teaches. A test's score is the number of right "
                          "answers (at most {n})."},
    "test_instructions": {"vi": "Khoanh tròn một chữ cái cho mỗi câu. Không ghi tên: ghi số thứ tự của anh chị trong "
                                "danh sách điểm danh.",
                          "en": "Circle one letter for each question. Do not write your name: write your number in "
                                "the attendance sheet."},
    "participant_no": {"vi": "Số thứ tự trong danh sách điểm danh: ………", "en": "Your number in the attendance sheet: ………"},
    "answer_key": {"vi": "Đáp án", "en": "Answer key"},
    "question_no": {"vi": "Câu", "en": "Question"},
    "answer": {"vi": "Đáp án", "en": "Answer"},
    "why": {"vi": "Giải thích", "en": "Why"},
    "tests_module_col": {"vi": "Học phần, mục tiêu", "en": "Module, objective"},
    # evaluation form
    "evaluation_intro": {"vi": "Phiếu không ghi tên. Ý kiến của anh chị giúp lớp sau tốt hơn.",
                         "en": "The form is anonymous. Your views make the next class better."},
    "evaluation_scale_legend": {"vi": "1 = rất không hài lòng, 2 = không hài lòng, 3 = bình thường, 4 = hài lòng, "
                                      "5 = rất hài lòng. Đánh dấu một ô mỗi dòng.",
                                "en": "1 = very dissatisfied, 2 = dissatisfied, 3 = neutral, 4 = satisfied, "
                                      "5 = very satisfied. Tick one box on each line."},
    "evaluation_faces_legend": {"vi": "Khoanh tròn một mặt mỗi dòng: mặt buồn = chưa hài lòng, mặt bình thường = tạm "
                                      "được, mặt cười = hài lòng. Báo cáo viên đọc to từng dòng.",
                                "en": "Circle one face on each line: sad = not satisfied, neutral = fair, smiling = "
                                      "satisfied. The trainer reads each line aloud."},
    "criterion": {"vi": "Nội dung đánh giá", "en": "What you rate"},
    "apply": {"vi": "Điều tôi sẽ áp dụng vào công việc:", "en": "What I will apply in my work:"},
    "comments": {"vi": "Ý kiến, góp ý khác:", "en": "Other comments and suggestions:"},
    "face_sad": {"vi": "chưa hài lòng", "en": "not satisfied"},
    "face_neutral": {"vi": "tạm được", "en": "fair"},
    "face_happy": {"vi": "hài lòng", "en": "satisfied"},
    # attendance sheet
    "attendance": {"vi": "Danh sách điểm danh", "en": "Attendance sheet"},
    "attendance_intro": {"vi": "Mỗi học viên ghi một dòng và ký tên vào cột của từng ngày có mặt. Dân tộc: ghi tên dân "
                               "tộc theo danh mục 54 dân tộc ở cuối phiếu.",
                         "en": "Each participant fills one line and signs in the column of each day present. "
                               "Ethnicity: the name of the group, from the list of 54 groups at the end."},
    "no": {"vi": "STT", "en": "No."},
    "full_name": {"vi": "Họ và tên", "en": "Full name"},
    "sex": {"vi": "Giới tính (Nam/Nữ)", "en": "Sex (M/F)"},
    "ethnicity": {"vi": "Dân tộc", "en": "Ethnicity"},
    "position": {"vi": "Chức vụ", "en": "Position"},
    "commune": {"vi": "Xã, phường", "en": "Commune"},
    "signature_day": {"vi": "Ký tên ngày {n}", "en": "Signature day {n}"},
    "groups_list": {"vi": "Danh mục 54 dân tộc", "en": "The 54 ethnic groups"},
    "class_facts": {"vi": "Lớp: {title}. Địa điểm: ………………… Ngày: ……/……/………",
                    "en": "Class: {title}. Place: ………………… Date: ……/……/………"},
    # report template
    "report": {"vi": "Mẫu báo cáo lớp", "en": "Class report template"},
    "report_intro": {"vi": "Bảng tính của lớp tính sẵn các số dưới đây; khi không có máy tính, điền tay từ danh sách "
                           "điểm danh, bài kiểm tra và phiếu đánh giá.",
                     "en": "The class workbook computes these figures; without a computer, fill them by hand from the "
                           "attendance sheet, the tests and the evaluation forms."},
    "report_people": {"vi": "Học viên", "en": "Participants"},
    "report_total": {"vi": "Tổng số học viên", "en": "Participants in all"},
    "report_women": {"vi": "Nữ", "en": "Women"},
    "report_men": {"vi": "Nam", "en": "Men"},
    "report_minority": {"vi": "Người dân tộc thiểu số", "en": "Ethnic-minority participants"},
    "report_minority_women": {"vi": "Phụ nữ dân tộc thiểu số", "en": "Ethnic-minority women"},
    "report_by_group": {"vi": "Số học viên theo dân tộc", "en": "Participants by ethnic group"},
    "report_scores": {"vi": "Kết quả kiểm tra", "en": "Test results"},
    "report_pre": {"vi": "Điểm trung bình đầu khóa (trên {n})", "en": "Pre-test average (out of {n})"},
    "report_post": {"vi": "Điểm trung bình cuối khóa (trên {n})", "en": "Post-test average (out of {n})"},
    "report_gain": {"vi": "Mức tăng trung bình", "en": "Average gain"},
    "report_evaluation": {"vi": "Đánh giá của học viên (điểm trung bình)", "en": "Participants' evaluation (averages)"},
    "report_comments": {"vi": "Ý kiến của học viên và đề xuất của báo cáo viên", "en": "Participants' comments and the trainer's proposals"},
    "report_figure": {"vi": "Số liệu", "en": "Figure"},
    "report_value": {"vi": "Kết quả", "en": "Value"},
}


def say(key: str, lang: str, **fields) -> str:
    words = WORDS[key][lang]
    return words.format(**fields) if fields else words
