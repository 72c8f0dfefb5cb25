"""Words the generated parts of pages use, in each language."""

from sitekit.languages import DEFAULT

STRINGS: dict[str, dict[str, str]] = {
    "lead": {"vi": "Chủ trì", "en": "Lead"},
    "support": {"vi": "Phối hợp", "en": "Support"},
    "joint": {"vi": "Cùng thực hiện", "en": "Joint"},
    "leads_n": {"vi": "chủ trì hoặc cùng thực hiện {n} nhiệm vụ", "en": "leads or shares {n} tasks"},
    "clause": {"vi": "Mã", "en": "Clause"},
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "sic_note": {"vi": "Nguyên văn bản gốc; đúng chính tả là «{correct}»",
                 "en": "As in the original; the correct spelling is «{correct}»"},
    "not_recorded": {"vi": "chưa cập nhật", "en": "not yet recorded"},
    "province": {"vi": "Tỉnh", "en": "Province"},
    "number": {"vi": "Số văn bản", "en": "Document number"},
    "signed_on": {"vi": "Ngày ký", "en": "Date signed"},
    "period": {"vi": "Giai đoạn", "en": "Period"},
    "parties": {"vi": "Hai cơ quan", "en": "The two agencies"},
    "digitised_from": {"vi": "Bản số hóa", "en": "Digitised text"},
    "from_section_ii": {"vi": "bắt đầu từ mục II (thiếu phần đầu văn bản và mục I)",
                        "en": "begins at section II (the header and section I are missing)"},
    "field": {"vi": "Thông tin", "en": "Item"},
    "value": {"vi": "Nội dung", "en": "Value"},
    "referenced_by": {"vi": "Được dẫn chiếu tại", "en": "Referenced by"},
    "permalink_title": {"vi": "Liên kết đến mục này", "en": "Link to this section"},
    # the 404 page
    "not_found_title": {"vi": "Không tìm thấy trang", "en": "Page not found"},
    "not_found_text": {"vi": "Trang bạn mở không có trên trang web này: có thể địa chỉ bị gõ sai, hoặc trang đã được "
                               "đổi tên hay chuyển chỗ.",
                       "en": "The page you opened is not on this site: the address may be mistyped, or the page was "
                             "renamed or moved."},
    "not_found_search": {"vi": "Tìm trang cần đọc bằng ô tìm kiếm ở đầu trang (biểu tượng kính lúp), hoặc bắt đầu "
                                 "từ một trong các trang sau:",
                         "en": "Look for the page with the search box at the top (the magnifying glass), or start from "
                               "one of these pages:"},
    "not_found_home": {"vi": "Trang chủ", "en": "Home page"},
    "not_found_other": {"vi": "Trang này không tồn tại. Về trang chủ tiếng Việt", "en": "This page does not exist. "
                                                                                      "Go to the English home page"},
    "related": {"vi": "Liên kết", "en": "Links"},
    # policies
    "number_short": {"vi": "Số hiệu", "en": "Number"},
    "full_title": {"vi": "Tên đầy đủ", "en": "Full title"},
    "doc_type": {"vi": "Loại văn bản", "en": "Type"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "date": {"vi": "Ngày ban hành", "en": "Date issued"},
    "in_force": {"vi": "Ngày có hiệu lực", "en": "In force from"},
    "status": {"vi": "Tình trạng", "en": "Status"},
    "topics": {"vi": "Chủ đề", "en": "Topics"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "official_title": {"vi": "Văn bản chính thức là căn cứ", "en": "The official text prevails"},
    "official_text": {
        "vi": "Trang này tóm tắt văn bản để phục vụ tập huấn, không thay thế văn bản. Khi áp dụng, luôn đối chiếu "
              "văn bản chính thức; nếu có khác biệt, văn bản chính thức được áp dụng.",
        "en": "This page summarises the document for training; it does not replace it. Before applying it, always "
              "check the official Vietnamese text; where they differ, the official text prevails.",
    },
    # where the official text is published, by the kind of document (no link: no official page was opened)
    "official_gazette": {
        "vi": "**Bản chính thức:** văn bản quy phạm pháp luật (luật, nghị quyết của Quốc hội, nghị định, quyết định "
              "của Thủ tướng Chính phủ, thông tư) được đăng trên Công báo và trong Cơ sở dữ liệu quốc gia về văn bản "
              "pháp luật; tra văn bản này theo số hiệu {number}.",
        "en": "**The official text:** legal normative documents (laws, resolutions of the National Assembly, decrees, "
              "decisions of the Prime Minister, circulars) are published in the Official Gazette (Công báo) and in "
              "the National Database of Legal Documents; look this one up by its number, {number}.",
    },
    "official_government": {
        "vi": "**Bản chính thức:** văn bản của Chính phủ, Thủ tướng Chính phủ được đăng trên Cổng Thông tin điện tử "
              "Chính phủ; tra văn bản này theo số hiệu {number} và ngày ban hành, hoặc đề nghị cơ quan ban hành cung cấp.",
        "en": "**The official text:** documents of the Government and the Prime Minister are published on the "
              "Government's web portal; look this one up by its number, {number}, and its date, or ask the issuing "
              "body for it.",
    },
    "official_issuer": {
        "vi": "**Bản chính thức:** do cơ quan ban hành ({issuer}) lưu giữ; hãy đề nghị cơ quan đó cung cấp bản gốc.",
        "en": "**The official text:** kept by the issuing body ({issuer}); ask it for the original.",
    },
    "official_copy": {
        "vi": "**Bản sao đã đối chiếu** (không chính thức): {link}, ghi đầu tiên trong mục Nguồn.",
        "en": "**Copy checked** (unofficial): {link}, listed first under Sources.",
    },
    "no_full_text": {
        "vi": "Chưa tìm thấy bản sao nào của chính văn bản này để đối chiếu: thông tin trên trang dựa vào các nguồn "
              "trong mục Nguồn (báo chí, văn bản khác dẫn lại), chưa được đối chiếu với văn bản.",
        "en": "No copy of the text of this document itself was found: this page relies on the sources listed under "
              "Sources (the press, other documents that cite it), not on the text.",
    },
    "full_text_copy": {"vi": "bản sao văn bản (không chính thức)", "en": "copy of the text (unofficial)"},
    "status_per": {"vi": "theo {source}", "en": "according to {source}"},
    "status_not_recorded": {"vi": "chưa cập nhật (chưa đọc được nguồn ghi tình trạng hiệu lực của văn bản)",
                            "en": "not yet recorded (no source on the document's legal status has been read)"},
    "caveat_title": {"vi": "Lưu ý về mức độ kiểm chứng", "en": "Note on verification"},
    "verification": {"vi": "Kiểm chứng", "en": "Verification"},
    "verified": {"vi": "đã đối chiếu nguồn", "en": "checked against sources"},
    "partly": {"vi": "kiểm chứng một phần", "en": "partly verified"},
    "law": {"vi": "Luật", "en": "Law"},
    "resolution": {"vi": "Nghị quyết", "en": "Resolution"},
    "decree": {"vi": "Nghị định", "en": "Decree"},
    "decision": {"vi": "Quyết định", "en": "Decision"},
    "circular": {"vi": "Thông tư", "en": "Circular"},
    "guidance": {"vi": "Hướng dẫn", "en": "Guidance"},
    "in-force": {"vi": "Còn hiệu lực", "en": "In force"},
    "replaced": {"vi": "Đã được thay thế", "en": "Replaced"},
    "phase-ended": {"vi": "Đã hết giai đoạn thực hiện", "en": "Implementation period ended"},
    "ethnic-affairs": {"vi": "Công tác dân tộc", "en": "Ethnic affairs"},
    "programme-1719": {"vi": "Chương trình MTQG 1719", "en": "National Target Programme 1719"},
    "gender-equality": {"vi": "Bình đẳng giới", "en": "Gender equality"},
    "marriage-family": {"vi": "Hôn nhân và gia đình", "en": "Marriage and family"},
    "domestic-violence": {"vi": "Phòng, chống bạo lực gia đình", "en": "Domestic violence prevention"},
    "children": {"vi": "Trẻ em", "en": "Children"},
    "administration-2025": {"vi": "Sắp xếp bộ máy năm 2025", "en": "2025 administrative reforms"},
    "by_topic": {"vi": "Theo chủ đề", "en": "By topic"},
    "by_year": {"vi": "Theo năm ban hành", "en": "By year"},
    "year_unknown": {"vi": "Chưa cập nhật năm", "en": "Year not yet recorded"},
    # modules and lessons
    "code": {"vi": "Mã học phần", "en": "Module code"},
    "audience": {"vi": "Đối tượng", "en": "Audience"},
    "duration": {"vi": "Thời lượng", "en": "Duration"},
    "lead_agency": {"vi": "Cơ quan chủ trì", "en": "Lead agency"},
    "prerequisites": {"vi": "Học trước", "en": "Prerequisites"},
    "objectives": {"vi": "Mục tiêu", "en": "Objectives"},
    "lessons": {"vi": "Các bài học", "en": "Lessons"},
    "lesson": {"vi": "Bài", "en": "Lesson"},
    "n_lessons": {"vi": "{n} bài", "en": "{n} lessons"},
    "minutes": {"vi": "{n} phút", "en": "{n} minutes"},
    "hours": {"vi": "khoảng {h} giờ", "en": "about {h} hours"},
    "module": {"vi": "Học phần", "en": "Module"},
    "materials": {"vi": "Chuẩn bị", "en": "Materials"},
    "none": {"vi": "không", "en": "none"},
    # glossary and coverage
    "term": {"vi": "Thuật ngữ", "en": "Term"},
    "in_other_language": {"vi": "Tiếng Anh", "en": "Vietnamese"},
    "abbr": {"vi": "Viết tắt", "en": "Abbreviation"},
    "basis": {"vi": "Căn cứ", "en": "Basis"},
    "implemented_by": {"vi": "Bài học thực hiện (theo học phần)", "en": "Trained in (lessons, by module)"},
    "not_training": {"vi": "Không phải nhiệm vụ tập huấn", "en": "Not a training task"},
    "not_trained_yet": {"vi": "Chưa có bài học", "en": "Not trained yet"},
    "planned_in": {"vi": "Học phần dự kiến", "en": "Planned in"},
    "partly_trained": {"vi": "Chưa tập huấn đầy đủ", "en": "Not fully trained"},
    # printed documents
    "programme": {"vi": "Chương trình phối hợp giữa Hội LHPN tỉnh và Ban Dân tộc tỉnh (nay là Sở Dân tộc và Tôn giáo)",
                  "en": "Coordination Programme of the Provincial Women's Union and the Provincial Ethnic Affairs "
                        "Committee (now the Department of Ethnic and Religious Affairs)"},
    "trainee": {"vi": "Bản dành cho học viên", "en": "Participant edition"},
    "trainer": {"vi": "Bản dành cho báo cáo viên", "en": "Facilitator edition"},
    "full": {"vi": "Toàn văn", "en": "Full text"},
    "trainee_short": {"vi": "Bản học viên", "en": "Participant edition"},
    "trainer_short": {"vi": "Bản báo cáo viên", "en": "Facilitator edition"},
    "full_short": {"vi": "Toàn văn", "en": "Full text"},
    "handouts": {"vi": "Bộ phiếu in cho lớp", "en": "Class handouts"},
    "lesson_questions": {"vi": "Bài học này trả lời", "en": "This lesson answers"},
    "question_n": {"vi": "Câu {n}", "en": "Question {n}"},
    "courses_heading": {"vi": "Lớp tập huấn", "en": "Courses"},
    "course_trainer_note": {"vi": "Tài liệu của báo cáo viên: chương trình lớp học, các bài kiểm tra kèm đáp án, phiếu "
                                  "đánh giá, danh sách điểm danh và mẫu báo cáo lớp. Không phát tài liệu này cho học viên.",
                            "en": "The facilitator's kit: the agenda, the tests with their answer key, the evaluation "
                                  "form, the attendance sheet and the class report template. Do not give it to "
                                  "participants."},
    "handouts_short": {"vi": "Phiếu in cho lớp", "en": "Class handouts"},
    "handouts_note": {"vi": "Các bài kiểm tra (không có đáp án), phiếu đánh giá và danh sách điểm danh, mỗi phiếu một "
                            "trang: photo đủ cho mỗi học viên và phát đúng lúc theo chương trình.",
                      "en": "The tests (without answers), the evaluation form and the attendance sheet, each on its own "
                            "page: photocopy one per participant and hand each out when the agenda says."},
    "trainee_note": {"vi": "Tài liệu của học viên: mục tiêu, điểm chính, tài liệu phát tay, phiếu bài tập và thẻ tình "
                             "huống của từng bài, câu hỏi tự kiểm tra, thuật ngữ và tài liệu đọc thêm. Đáp án và hướng "
                             "dẫn dành cho báo cáo viên có trong bản dành cho báo cáo viên.",
                     "en": "The participant's pack: objectives, key points, handouts, each lesson's worksheets and "
                           "scenario cards, the self-check, the terms and further reading. Solutions and the "
                           "facilitator's instructions are in the facilitator edition."},
    "trainer_note": {"vi": "Tài liệu hướng dẫn của báo cáo viên: toàn bộ giáo án có thời lượng, cách tiến hành, kết quả "
                             "mong đợi, lời giải các hoạt động, đáp án câu hỏi tự kiểm tra và ghi chú cho báo cáo viên. "
                             "Không phát bản này cho học viên trước buổi học.",
                     "en": "The facilitator's guide: every lesson plan with its timings, instructions, expected outputs, "
                           "the solutions of the activities, the self-check answers and the facilitator notes. Do not "
                           "hand this edition to participants before the session."},
    "block_trainer": {"vi": "Dành cho báo cáo viên", "en": "For trainers"},
    "block_solution": {"vi": "Lời giải (xem sau khi làm bài)", "en": "Solution (look after the activity)"},
    "block_answer": {"vi": "Đáp án", "en": "Answer"},
    "glossary_part": {"vi": "Thuật ngữ của học phần", "en": "Terms of the module"},
    "glossary_intro": {"vi": "Các thuật ngữ được gạch chân bằng dấu chấm trong tài liệu được giải thích ở đây.",
                       "en": "The terms underlined with dots in this document are explained here."},
    "reading_part": {"vi": "Đọc thêm", "en": "Further reading"},
    "reading_policies": {"vi": "Văn bản pháp luật và chính sách", "en": "Laws and policy documents"},
    "reading_tasks": {"vi": "Nhiệm vụ trong Chương trình phối hợp", "en": "Tasks in the coordination programme"},
    "sources_part": {"vi": "Nguồn trích dẫn", "en": "Sources cited"},
    "sources_intro": {"vi": "Địa chỉ đầy đủ của các nguồn được đánh số trong tài liệu.",
                      "en": "The full addresses of the sources numbered in this document."},
    "page_ref": {"vi": "tr.", "en": "p."},
    "updated": {"vi": "Cập nhật", "en": "Updated"},
    "version_of": {"vi": "{version}, ngày {date}", "en": "{version}, {date}"},
    "online_link": {"vi": "Mở bản trực tuyến của tài liệu này", "en": "Open the online version of this document"},
    "agreement_part": {"vi": "Văn bản", "en": "The text"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "language_name": {"vi": "Tiếng Việt", "en": "English"},
    "edition": {"vi": "Ấn bản", "en": "Edition"},
    "version": {"vi": "Phiên bản", "en": "Version"},
    "changelog": {"vi": "Lịch sử thay đổi", "en": "Changes"},
    "online": {"vi": "Bản trực tuyến", "en": "Online version"},
    "contents": {"vi": "Mục lục", "en": "Contents"},
    "introduction": {"vi": "Giới thiệu học phần", "en": "About the module"},
    "page_x_of_y": {"vi": "Trang {x} / {y}", "en": "Page {x} of {y}"},
    "unofficial": {"vi": "", "en": "Unofficial translation: only the Vietnamese text is official."},
    "downloads": {"vi": "Tải về bản in", "en": "Printable downloads"},
    "pdf_off": {"vi": "Bản in PDF không được tạo trong lần dựng này (chế độ phát triển).",
                "en": "PDFs were not made in this build (development mode)."},
    "file": {"vi": "Tệp", "en": "File"},
    "size": {"vi": "Dung lượng", "en": "Size"},
    "document": {"vi": "Tài liệu", "en": "Document"},
    "offline_zip": {"vi": "Tải toàn bộ trang về máy (tệp zip, cả hai ngôn ngữ)",
                    "en": "Download the whole site (zip file, both languages)"},
    "modules_heading": {"vi": "Học phần", "en": "Modules"},
    "agreement_heading": {"vi": "Văn bản Chương trình phối hợp", "en": "The agreement"},
    "roster_heading": {"vi": "Danh sách báo cáo viên nguồn", "en": "The resource trainers' list"},
    "roster_csv_button": {"vi": "Danh sách (CSV)", "en": "List (CSV)"},
    "roster_csv_note": {"vi": "Bảng tính mở được bằng Excel hoặc LibreOffice, chỉ gồm các trường công khai.",
                        "en": "A spreadsheet for Excel or LibreOffice, with the public fields only."},
    "offline_heading": {"vi": "Bản đọc không cần mạng", "en": "The site without a connection"},
    "offline_advice": {"vi": "Dùng cho máy tính, hoặc chép vào USB cho nơi không có mạng: giải nén rồi mở tệp "
                             "`index.html`; tìm kiếm và chuyển ngôn ngữ vẫn hoạt động. Trên điện thoại, trang đã giải nén "
                             "thường không mở được từ bộ nhớ máy: hãy tải các bản PDF ở trên, chúng đọc được khi không "
                             "có mạng.",
                       "en": "For a computer, or to copy onto a USB stick for a place without a connection: unzip it and "
                             "open `index.html`; search and the language switch still work. On a phone an unzipped "
                             "site usually cannot be opened from storage: download the PDFs above instead, they read "
                             "without a connection."},
    # the trainer roster
    "example_title": {"vi": "Dữ liệu ví dụ", "en": "Example data"},
    "example_text": {"vi": "Danh sách này là dữ liệu ví dụ để minh họa cách trang hoạt động: mọi họ tên, xã, số điện "
                             "thoại và địa chỉ thư điện tử đều là hư cấu. Danh sách thật của hai cơ quan sẽ thay thế "
                             "dữ liệu này.",
                     "en": "This list is example data that shows how the page works: every name, commune, phone "
                           "number and email address is fictional. The agencies' real list will replace it."},
    "name": {"vi": "Họ và tên", "en": "Name"},
    "agency": {"vi": "Cơ quan", "en": "Agency"},
    "commune": {"vi": "Xã, phường", "en": "Commune"},
    "ethnicity": {"vi": "Dân tộc", "en": "Ethnic group"},
    "languages": {"vi": "Ngôn ngữ", "en": "Languages"},
    "modules": {"vi": "Học phần được chứng nhận", "en": "Certified modules"},
    "status_col": {"vi": "Trạng thái", "en": "Status"},
    "active": {"vi": "đang hoạt động", "en": "active"},
    "inactive": {"vi": "ngừng hoạt động", "en": "inactive"},
    "female": {"vi": "Nữ", "en": "Female"},
    "male": {"vi": "Nam", "en": "Male"},
    "gender": {"vi": "Giới tính", "en": "Gender"},
    "position": {"vi": "Chức vụ", "en": "Position"},
    "former_district": {"vi": "Huyện cũ (trước 01/7/2025)", "en": "Former district (before 1 July 2025)"},
    "certifications": {"vi": "Chứng nhận", "en": "Certifications"},
    "certified_on": {"vi": "chứng nhận ngày {d}", "en": "certified {d}"},
    "ended_on": {"vi": "hết hiệu lực ngày {d}", "en": "ended {d}"},
    "inactive_since": {"vi": "Ngừng hoạt động từ", "en": "Inactive since"},
    "contact": {"vi": "Liên hệ", "en": "Contact"},
    "no_consent": {"vi": "không công khai (chưa có sự đồng ý)", "en": "not published (no consent)"},
    "profiles": {"vi": "Hồ sơ báo cáo viên", "en": "Trainer profiles"},
    "roster_csv": {"vi": "Tải danh sách (CSV, chỉ các trường công khai)", "en": "Download the list (CSV, public fields only)"},
    "trainers_of_module": {"vi": "Báo cáo viên được chứng nhận", "en": "Certified trainers"},
    "no_trainers": {"vi": "Chưa có báo cáo viên đang hoạt động được chứng nhận cho học phần này.",
                    "en": "No active trainer is certified for this module yet."},
    "filter_all": {"vi": "Tất cả", "en": "All"},
    "gap": {"vi": "chưa có", "en": "gap"},
    "ethnic_languages": {"vi": "Tiếng dân tộc", "en": "Ethnic languages"},
    "active_trainers": {"vi": "Báo cáo viên đang hoạt động", "en": "Active trainers"},
    "total": {"vi": "Tổng", "en": "Total"},
    "full_profile": {"vi": "Hồ sơ đầy đủ", "en": "Full profile"},
    "filter_legend": {"vi": "Lọc danh sách", "en": "Filter the list"},
    "trainer_count_one": {"vi": "{n} báo cáo viên", "en": "{n} trainer"},
    "trainer_count": {"vi": "{n} báo cáo viên", "en": "{n} trainers"},
    "no_match": {"vi": "Không có báo cáo viên nào phù hợp với bộ lọc.", "en": "No trainer matches these filters."},
    "clear_filters": {"vi": "Xóa bộ lọc", "en": "Clear filters"},
    "scroll_hint": {"vi": "Bảng rộng: vuốt sang ngang để xem hết các cột.",
                    "en": "Wide table: swipe sideways to see every column."},
    "coverage_table": {"vi": "Bảng độ phủ báo cáo viên", "en": "Trainer coverage table"},
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def text(key: str, lang: str) -> str:
    entry = STRINGS[key]
    return entry.get(lang) or entry[DEFAULT]


def date(value, lang: str) -> str:
    """A date as readers write it: 19/06/2014 in Vietnamese, 19 June 2014 in English."""
    if value is None:
        return text("not_recorded", lang)
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def date_words(value, lang: str) -> str:
    """A date in words, for covers: "ngày 26 tháng 11 năm 2026", "26 November 2026"."""
    if lang == "en":
        return date(value, lang)
    return f"{value.day} tháng {value.month} năm {value.year}"


def duration(minutes: int, lang: str) -> str:
    label = text("minutes", lang).format(n=minutes)
    if minutes >= 120:
        hours = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
        label += f" ({text('hours', lang).format(h=hours.replace('.', ',') if lang == 'vi' else hours)})"
    return label
