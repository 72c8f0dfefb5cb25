"""Readable ASCII anchors for Vietnamese headings.

The default slugify keeps or drops accented letters; "đ" has no Unicode decomposition, so a plain
NFD strip loses it. Here "Đồng bào dân tộc thiểu số" becomes "dong-bao-dan-toc-thieu-so".
"""

import re
import unicodedata

_TAGS = re.compile(r"</?[^>]*>")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


class _FoldTable(dict):
    """`str.translate` table filled on first use: each character once, not once per occurrence
    (the search index folds every page's text; a per-character loop was a tenth of a build)."""

    def __missing__(self, char: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(char))
        self[char] = "".join(c for c in decomposed if not unicodedata.combining(c))
        return self[char]


_FOLD = _FoldTable({ord("đ"): "d", ord("Đ"): "D"})


def fold(text: str) -> str:
    """Vietnamese text without diacritics, case kept: "Đồng bào" -> "Dong bao"."""
    return text if text.isascii() else text.translate(_FOLD)


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown `toc` slugify: ASCII, lower case, words joined by `separator`."""
    text = fold(_TAGS.sub("", value)).lower()
    return _NON_ALNUM.sub(separator, text).strip(separator)
