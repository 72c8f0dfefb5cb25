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
    "referenced_by": {"vi": "Được dẫn chiếu bởi", "en": "Referenced by"},
    "related": {"vi": "Liên kết", "en": "Links"},
}


def text(key: str, lang: str) -> str:
    entry = STRINGS[key]
    return entry.get(lang) or entry[DEFAULT]
