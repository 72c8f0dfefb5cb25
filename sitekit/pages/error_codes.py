"""The editors' error reference page: every code the checks can report, with its meaning, an example
and the fix, in the page's language (from `problems.CODES` and `error_reference.REFERENCE`)."""

from __future__ import annotations

from sitekit.content.error_reference import REFERENCE
from sitekit.content.problems import CODES

HEADINGS = {
    "vi": ("Ý nghĩa", "Ví dụ", "Cách sửa"),
    "en": ("Meaning", "Example", "Fix"),
}


def page(site, page_path: str, lang: str) -> str:
    """Every code, in the order of `problems.CODES`: meaning, example and fix in the page's language."""

    meaning_h, example_h, fix_h = HEADINGS[lang]
    out = []
    for code, (meaning_en, fix_en) in CODES.items():
        meaning_vi, fix_vi, example = REFERENCE[code]
        meaning, fix = (meaning_vi, fix_vi) if lang == "vi" else (meaning_en, fix_en)

        out.append(f"### {code} {{#{code.lower().replace('_', '-')}}}\n\n**{meaning_h}:** {meaning}\n\n"
                   f"**{example_h}:**\n\n```text\n{example}\n```\n\n**{fix_h}:** {fix}\n")
    return "\n".join(out)
