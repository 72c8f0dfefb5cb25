from sitekit.content.slugs import fold, slugify


def test_vietnamese_headings_become_readable_ascii_anchors():
    assert slugify("Đồng bào dân tộc thiểu số", "-") == "dong-bao-dan-toc-thieu-so"
    assert slugify("Bình đẳng giới & lồng ghép giới", "-") == "binh-dang-gioi-long-ghep-gioi"
    assert slugify("II. NỘI DUNG PHỐI HỢP", "-") == "ii-noi-dung-phoi-hop"
    assert slugify("Tảo hôn <em>và</em> hôn nhân cận huyết thống", "_") == "tao_hon_va_hon_nhan_can_huyet_thong"


def test_decomposed_input_folds_like_composed():
    import unicodedata

    text = "Phụ nữ dân tộc thiểu số Đắk Lắk"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text) == "Phu nu dan toc thieu so Dak Lak"
