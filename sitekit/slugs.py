"""Readable ASCII anchors for Vietnamese headings.

The default slugify keeps or drops accented letters; "đ" has no Unicode decomposition, so a plain
NFD strip loses it. Here "Đồng bào dân tộc thiểu số" becomes "dong-bao-dan-toc-thieu-so".
"""

import re
import unicodedata

_TAGS = re.compile(r"</?[^>]*>")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Vietnamese text without diacritics, case kept: "Đồng bào" -> "Dong bao"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown `toc` slugify: ASCII, lower case, words joined by `separator`."""
    text = fold(_TAGS.sub("", value)).lower()
    return _NON_ALNUM.sub(separator, text).strip(separator)
