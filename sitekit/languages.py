"""The site's languages. Vietnamese is the default and the source of every object's shared data.

mkdocs.yml names the same languages for mkdocs-static-i18n; a test keeps the two in step.
"""

DEFAULT = "vi"
LANGUAGES = ("vi", "en")


def language_of(filename: str) -> tuple[str, str]:
    """Split `page.en.md` into ("en", "page.md"); a file without a language suffix is Vietnamese."""
    stem, dot, ext = filename.rpartition(".")
    base, dot2, suffix = stem.rpartition(".")
    if dot and dot2 and suffix in LANGUAGES and suffix != DEFAULT:
        return suffix, f"{base}.{ext}"
    return DEFAULT, filename
