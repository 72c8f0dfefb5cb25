"""MkDocs hook: search per language, folding Vietnamese diacritics (sitekit.output.search does the work).

- on_post_page: a page of another language than Vietnamese gets its language root as the `base` of
  Material's page config, so it loads that language's index and resolves results there.
- on_post_build (last, after static-i18n merged the languages and the offline plugin wrote its
  script): split the merged index into one per language, each with its language's rules, as .json
  and .js; and give Material's search worker the code that folds diacritics and ranks exact words
  first. Only the outer build does it: static-i18n builds the other languages inside it.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from sitekit.output import search
from sitekit.content import session
from sitekit.languages import DEFAULT
from sitekit.content.model import page_url

log = logging.getLogger("mkdocs.hooks.search")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def on_post_page(output: str, page, config) -> str:
    lang = config.theme["language"]
    if lang == DEFAULT:
        return output

    def patch(m: re.Match) -> str:
        data = json.loads(m.group(2))
        data["base"] = search.language_base(data["base"], lang)
        return m.group(1) + json.dumps(data, ensure_ascii=False) + m.group(3)

    return _CONFIG.sub(patch, output, count=1)


@event_priority(-200)
def on_post_build(config) -> None:
    if config.plugins["i18n"].building:
        return  # a language built inside the outer build: the merged index is not complete yet
    plugin = config.plugins["material/search"]
    # the merged entries of both languages (static-i18n put them back), read as they are rather
    # than through the JSON Material wrote: one copy of the index in memory less
    index_config = {key: plugin.config[key] for key in ("lang", "separator", "pipeline", "fields")}
    numbers = {page_url(obj.page): str(obj.meta["number"]) for obj in session.site.objects.values()
               if obj.kind == "policy" and obj.meta.get("number")}
    sizes = search.write(Path(config.site_dir), search.split(index_config, plugin.search_index.entries, numbers))
    search.extend_worker(Path(config.site_dir))
    log.info("Search index: " + ", ".join(f"{lang} {size // 1024} KB" for lang, size in sizes.items()))
