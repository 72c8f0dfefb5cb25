"""Translation status: which pages exist only in Vietnamese (`translation: pending`), and which
English pages are older than their Vietnamese source, by the date of their last git commit.

A pending page is shown to English readers in Vietnamese (static-i18n's fallback), under a notice
that says so.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path

from sitekit.languages import DEFAULT, LANGUAGES
from sitekit.markdown import escape, link, table
from sitekit.content.model import ContentObject, Site

PENDING = "pending"
NOTICE = {
    "en": ("Not yet translated", "This page has not been translated into English yet; it is shown in Vietnamese, "
           "its original language. See the translation status page for what is pending."),
}
WORDS = {
    "vi": {"only_vi": "Trang chỉ có tiếng Việt", "outdated": "Bản tiếng Anh cũ hơn bản tiếng Việt",
           "page": "Trang", "vi_date": "Tiếng Việt sửa lần cuối", "en_date": "Tiếng Anh sửa lần cuối",
           "none": "Không có.", "no_git": "Không đọc được lịch sử git: không so sánh được ngày sửa."},
    "en": {"only_vi": "Pages only in Vietnamese", "outdated": "English pages older than their Vietnamese source",
           "page": "Page", "vi_date": "Vietnamese last changed", "en_date": "English last changed",
           "none": "None.", "no_git": "The git history could not be read: change dates are not compared."},
}


def is_pending(obj: ContentObject) -> bool:
    return obj.meta.get("translation") == PENDING


def last_changes(root: Path) -> dict[str, datetime.datetime] | None:
    """Path (relative to the repository) -> date of the last commit that changed it; None without git."""
    try:
        out = subprocess.run(["git", "log", "--format=%x00%cI", "--name-only", "--no-renames"], cwd=root,
                             capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    top = subprocess.run(["git", "rev-parse", "--show-prefix"], cwd=root, capture_output=True, text=True).stdout.strip()
    dates: dict[str, datetime.datetime] = {}
    for block in out.stdout.split("\x00")[1:]:
        when, *files = block.strip().split("\n")
        stamp = datetime.datetime.fromisoformat(when)
        for name in files:
            if name.startswith(top):
                dates.setdefault(name[len(top):], stamp)  # newest commit first
    return dates


def outdated(site: Site, dates: dict[str, datetime.datetime]) -> list[tuple[ContentObject, str, datetime.datetime, datetime.datetime]]:
    """(object, language, Vietnamese date, translation date) where the translation is older."""
    found = []
    for obj in site.pages.values():
        source = obj.versions.get(DEFAULT)
        for lang in LANGUAGES:
            version = obj.versions.get(lang)
            if lang == DEFAULT or not version or not source:
                continue
            vi_date, other_date = dates.get(source.path), dates.get(version.path)
            if vi_date and other_date and other_date < vi_date:
                found.append((obj, lang, vi_date, other_date))
    return found


def status_page(site: Site, page: str, lang: str) -> str:
    words = WORDS.get(lang, WORDS[DEFAULT])
    pending = [o for o in site.pages.values() if is_pending(o)]
    out = [f"## {words['only_vi']} {{#pending}}\n"]
    out.append("\n".join(f"- {link(o, page, lang, o.title(DEFAULT))}" for o in pending) or words["none"])
    out.append(f"\n## {words['outdated']} {{#outdated}}\n")
    dates = last_changes(site.root)
    if dates is None:
        out.append(words["no_git"])
    else:
        rows = [[link(o, page, lang), f"{escape(v.date().isoformat())}", f"{escape(t.date().isoformat())}"]
                for o, _, v, t in outdated(site, dates)]
        out.append(table([words["page"], words["vi_date"], words["en_date"]], rows) if rows else words["none"])
    return "\n".join(out) + "\n"


def notice(obj: ContentObject, lang: str) -> str:
    """The notice on a page shown in Vietnamese to readers of another language."""
    if lang == DEFAULT or lang in obj.versions or lang not in NOTICE:
        return ""
    title, body = NOTICE[lang]
    return f'!!! info "{title}"\n    {body}\n'
