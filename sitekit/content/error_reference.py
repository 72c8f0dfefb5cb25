"""The editors' reference of every problem code in Vietnamese: what it means, how to fix it, an
example. `problems` reads the fixes from it (the English ones are `problems.CODES`); the reference page
is generated from both (sitekit.pages.error_codes), and a test checks that every code is here."""

from __future__ import annotations

# code -> (meaning in Vietnamese, fix in Vietnamese, an example of the mistake)
REFERENCE: dict[str, tuple[str, str, str]] = {
    "FRONT_MATTER_MISSING": ("Trang không có phần thông tin đầu trang (front matter).",
                             "Mở đầu tệp bằng dòng `---`, rồi `id:`, `kind:`, `title:`, rồi dòng `---`.",
                             "Tảo hôn là …   (dòng đầu tiên của tệp, không có ---)"),
    "FRONT_MATTER_INVALID": ("Phần đầu trang không phải YAML hợp lệ hoặc không được đóng.",
                             "Xem dòng được nêu: thiếu dấu cách sau `:`, dấu ngoặc kép chưa đóng, hoặc thụt lề bằng tab.",
                             'title: "Học phần 1'),
    "DUPLICATE_KEY": ("Một trường được viết hai lần; một giá trị sẽ bị mất.",
                      "Giữ lại một dòng (gộp giá trị của hai dòng).", "title: Tảo hôn\ntitle: Hôn nhân"),
    "KIND_UNKNOWN": ("`kind:` không phải loại trang của trang web.",
                     "Dùng một trong: page, policy, module, lesson, term.", "kind: modul"),
    "FIELD_MISSING": ("Thiếu một trường bắt buộc.", "Thêm trường được nêu.", "(học phần không có `code:`)"),
    "FIELD_UNKNOWN": ("Trường không thuộc loại trang này; giá trị sẽ bị bỏ qua.",
                      "Sửa chính tả tên trường, hoặc xóa dòng.", "clausess:\n  - II.1.a.4"),
    "FIELD_INVALID": ("Giá trị của trường sai dạng.", "Viết giá trị theo dạng được nêu.", "date: 2019-13-45"),
    "FIELD_MISMATCH": ("Một trường dùng chung (không dịch) khác nhau giữa tệp tiếng Việt và tiếng Anh.",
                       "Trường dùng chung lấy từ tệp tiếng Việt: sửa giá trị tiếng Anh cho giống, hoặc xóa dòng đó.",
                       "number: 88/2019/QH15   (tệp .en.md; tệp tiếng Việt ghi 88/2019/QH14)"),
    "STATUS_SOURCE_MISSING": ("Văn bản chính sách ghi tình trạng hiệu lực (còn hiệu lực, đã được thay thế, đã hết giai đoạn) "
                              "mà không ghi nguồn đã đọc được tình trạng đó.",
                              "Thêm `status_source:` là địa chỉ trang ghi tình trạng (dòng “tình trạng hiệu lực” của một cơ sở "
                              "dữ liệu pháp luật, hoặc văn bản quy định thời gian thực hiện), hoặc ghi `status: null` "
                              "(trang hiện “chưa cập nhật”).",
                              "status: in-force\ntopics: [gender-equality]   (không có status_source:)"),
    "ID_DUPLICATE": ("Hai đối tượng có cùng mã (id).",
                     "Đặt cho một trong hai một mã mới chưa dùng (mã đã công bố không bao giờ đổi).", "id: m04   (đã có)"),
    "ID_MISMATCH": ("Tệp tiếng Việt và tiếng Anh của một trang có `id` hoặc `kind` khác nhau.",
                    "Hai tệp của một trang mang cùng `id:` và `kind:`.", "id: m05   (tệp m04/index.en.md)"),
    "TRANSLATION_MISSING": ("Trang tiếng Việt chưa có tệp tiếng Anh.",
                            "Thêm tệp `ten.en.md` cùng `id` và `kind`, hoặc ghi `translation: pending` trong tệp tiếng Việt.",
                            "docs/policies/moi.md   (không có moi.en.md)"),
    "DEFAULT_LANGUAGE_MISSING": ("Tệp tiếng Anh không có tệp tiếng Việt tương ứng.",
                                 "Tiếng Việt trước: thêm `ten.md` bên cạnh `ten.en.md`, hoặc đổi tên tệp.",
                                 "docs/glossary/new.en.md   (không có new.md)"),
    "REF_UNKNOWN": ("Dẫn chiếu tới một mã không tồn tại.",
                    "Sửa mã (xem gợi ý mã gần nhất), hoặc tạo đối tượng có mã đó trước.", "Xem [[II.1.a.9]]"),
    "REF_WRONG_KIND": ("Dẫn chiếu tới đối tượng sai loại cho trường này.",
                       "Chuyển mã sang trường đúng loại, hoặc sửa mã.", "policies:\n  - II.1.a.4"),
    "REF_MISSING_IN_LANGUAGE": ("Đối tượng được dẫn chiếu chưa có bản bằng ngôn ngữ của trang dẫn chiếu.",
                                "Dịch đối tượng đó trước, hoặc bỏ dẫn chiếu ở ngôn ngữ này.",
                                "[[II.1.a.4]]   (trong trang tiếng Anh, khi nhiệm vụ chưa có bản tiếng Anh)"),
    "REF_SYNTAX": ("Dẫn chiếu viết sai cú pháp.",
                   "Viết `[[MÃ]]` hoặc `[[MÃ|chữ hiển thị]]`; mã chỉ gồm chữ, số, `.`, `-`, `_`.", "[[bad id!]]"),
    "PLACEHOLDER_UNKNOWN": ("Chỗ giữ chỗ `{{ tên }}` không phải loại trang web tự điền.",
                            "Dùng một chỗ giữ chỗ có trong danh sách, hoặc bỏ dấu ngoặc.", "{{ agreement_txt }}"),
    "LINK_PAGE_MISSING": ("Liên kết Markdown trỏ tới một trang không có trên trang web (ở ngôn ngữ của trang đang viết), "
                          "hoặc không ghi tên trang.",
                          "Sửa đường dẫn của liên kết, tính từ tệp đang viết (`../m04/index.md`), hoặc tạo trang đó trước. "
                          "Trong trang tiếng Anh, vẫn ghi tên tệp tiếng Việt (`l2.md`): bản tiếng Anh tự lấy `l2.en.md` nếu có.",
                          "[Bài 2](../m99/l2.md)"),
    "LINK_FILE_MISSING": ("Liên kết hoặc hình ảnh trỏ tới một tệp (PDF, hình) không có trong thư mục docs/.",
                          "Sửa đường dẫn tới tệp, tính từ tệp đang viết, hoặc đặt tệp vào thư mục docs/ trước.",
                          "![Sơ đồ ba đời](so-do-ba-doi.png)   (không có tệp so-do-ba-doi.png)"),
    "LINK_ANCHOR_MISSING": ("Liên kết trỏ tới một neo (`#…`) mà trang đích không có.",
                            "Liên kết tới một neo có trong trang: `{#mã}` của một tiêu đề, hoặc mã trang web tự tạo từ tiêu đề "
                            "không có neo (`## Tảo hôn` thành `#tao-hon`); hoặc đặt neo đó cho tiêu đề.",
                            "[xem phần tự kiểm tra](index.md#tu-kiem-tra)   (tiêu đề là `## Tự kiểm tra {#quiz}`)"),
    "SECTION_MISSING": ("Học phần hoặc bài học thiếu một mục bắt buộc.",
                        "Thêm mục với tiêu đề và neo, ví dụ `## Điểm chính {#key-points}`.", "## Điểm chính   (thiếu {#key-points})"),
    "QUIZ_ANSWER_MISSING": ("Câu hỏi tự kiểm tra không có khối đáp án.",
                            "Dưới câu hỏi, thêm `??? answer` và đáp án thụt lề 4 dấu cách.", "### Câu 2\n\nCâu hỏi?   (không có ??? answer)"),
    "TRAINER_NOTES_MISSING": ("Ghi chú cho báo cáo viên không được đánh dấu chỉ dành cho báo cáo viên.",
                              "Đặt ghi chú trong khối `??? trainer` (thụt lề 4 dấu cách) dưới `{#facilitator-notes}`.",
                              "## Ghi chú cho báo cáo viên {#facilitator-notes}\n\nGhi chú công khai."),
    "FACILITATOR_TEXT": ("Nội dung chỉ dành cho báo cáo viên (đáp án sau một nhận định, kết quả mong đợi, dòng đáp án, "
                         "lời dặn báo cáo viên) nằm ngoài khối dành cho báo cáo viên, nên sẽ bị in vào tài liệu của học viên.",
                         "Chuyển nội dung vào khối `??? trainer` (cách tiến hành, kết quả mong đợi) hoặc `??? solution` "
                         "(đáp án, lời giải) đặt sau phần học viên dùng; các dòng trong khối thụt lề 4 dấu cách.",
                         "- “Con gái 17 tuổi được lấy chồng nếu bố mẹ hai bên đồng ý.” (Sai)\n\nKết quả mong đợi: mỗi nhóm có một sơ đồ đúng."),
    "CHECKBOX_GLYPH": ("Mục của danh sách kiểm tra được viết bằng ký tự ô vuông (☐) thay vì mục việc cần làm của Markdown.",
                       "Viết `- [ ] nội dung` (có một dấu cách giữa hai ngoặc vuông): bản in có ô trống để đánh dấu, trang web hiện ô chọn.",
                       "- ☐ Đã hỏi ý kiến riêng của phụ nữ và của nam giới."),
    "LESSON_TIMING": ("Tổng số phút các hoạt động của bài học khác `minutes:`.",
                      "Ghi số phút ở cuối tiêu đề mỗi hoạt động, ví dụ `(15 phút)`, và cho tổng bằng `minutes:`.",
                      "minutes: 60\n### Hoạt động 1: Khởi động (15 phút)\n### Hoạt động 2: Thảo luận (30 phút)"),
    "LESSON_ORDER": ("Hai bài học của một học phần có cùng `order:`.",
                     "Đánh số các bài của học phần 1, 2, 3 … không trùng.", "order: 1   (hai bài)"),
    "COVERAGE_MISSING": ("Một nhiệm vụ của văn bản phối hợp không có học phần nào ghi tên, không có bài học nào thực hiện, "
                         "và chưa được ghi là không phải nhiệm vụ tập huấn.",
                         "Ghi nhiệm vụ vào `clauses:` của các bài học tập huấn nhiệm vụ đó (và của học phần chứa bài), hoặc ghi "
                         "`training: false` kèm `training_note:` trong data/agreement.yml.",
                         "II.2.a.7   (không học phần nào liệt kê)"),
    "CLAUSE_NOT_TRAINING": ("Học phần hoặc bài học ghi trong `clauses:` một nhiệm vụ mà data/agreement.yml đánh dấu "
                            "`training: false` (không phải nhiệm vụ tập huấn), nên bảng bao phủ tự mâu thuẫn.",
                            "Nếu bài học thực sự tập huấn nhiệm vụ đó, xóa `training: false` và `training_note:` của nhiệm vụ "
                            "trong data/agreement.yml; nếu bài chỉ nhắc đến, xóa mã khỏi `clauses:` (liên kết `[[MÃ]]` trong "
                            "bài vẫn giữ được).",
                            "clauses: [II.2.a.2, II.1.a.2]   (II.1.a.2 có training: false)"),
    "CONSENT_MISSING": ("Hồ sơ báo cáo viên không ghi người đó có đồng ý công khai thông tin liên hệ hay không.",
                        "Thêm `consent_publish: true` (đã có đồng ý bằng văn bản) hoặc `consent_publish: false` trong `contact:`.",
                        "contact:\n  phone: \"0200 000 001\""),
    "INACTIVE_CERTIFIED": ("Báo cáo viên đã ngừng hoạt động nhưng còn chứng nhận chưa có ngày kết thúc, nên sẽ hiện như còn được chứng nhận.",
                           "Thêm `ended: YYYY-MM-DD` cho mỗi chứng nhận của người đã ngừng hoạt động, hoặc đặt `status: active`.",
                           "status: inactive\ncertifications:\n  - {module: m02, date: 2024-05-12}"),
    "IMAGE_ALT_MISSING": ("Hình ảnh không có chữ thay thế: người không nhìn thấy hình sẽ không biết hình nói gì.",
                          "Mô tả hình giữa hai dấu ngoặc vuông: `![Sơ đồ ba đời của một gia đình](so-do.png)`.",
                          "![](so-do-ba-doi.png)"),
    "HEADING_ORDER": ("Tiêu đề nhảy cấp (ví dụ `####` ngay sau `##`), làm hỏng dàn ý của trang.",
                      "Dùng cấp kế tiếp (`###` dưới `##`); tiêu đề trang là tiêu đề cấp 1 duy nhất.",
                      "## Hoạt động\n#### Bước 1"),
    "STYLE_PHRASE": ("Câu văn dùng một cụm từ mà quy ước văn phong của trang không dùng (lối dịch sát câu chữ, hoặc "
                     "một thuật ngữ đã được thống nhất khác trong bảng thuật ngữ).",
                     "Viết cụm thay thế nêu trong thông báo; danh sách nằm ở sitekit/content/style.py.",
                     "Luật được hướng dẫn thi hành bởi Nghị định 70/2008/NĐ-CP.\n"
                     "ask village elders and prestigious people for advice"),
    "TEXT_NOT_NFC": ("Một từ được viết ở dạng Unicode tổ hợp (NFD): nhìn đúng nhưng tìm kiếm và sắp xếp bỏ sót.",
                     "Gõ lại từ đó với bộ gõ đặt bảng mã Unicode dựng sẵn, hoặc lưu tệp ở dạng dựng sẵn (NFC).",
                     "tảo hôn   (chữ “ả” gồm “a” và dấu hỏi rời, chép từ một tệp PDF)"),
    "DATA_INVALID": ("Tệp dữ liệu (YAML) không đọc được hoặc sai cấu trúc.",
                     "Xem dòng được nêu, đối chiếu với phần chú thích ở đầu tệp dữ liệu.", "trainers:\n  id: bcv-001   (thiếu dấu -)"),
}
