"""What the roster pages show: one card per trainer (readable without JavaScript, filterable with
it), coverage of communes by modules, and each module's certified trainers.

Resource trainers read these pages on cheap phones, on weak connections, sometimes without
JavaScript: a card is short (the full profile is folded in a `<details>`), the cards stack on a
phone, and the filters are added by assets/javascripts/roster.js from the data attributes written
here. Everything from the data file is escaped with `html.escape` where it is written: a name is
always text.
"""

from __future__ import annotations

import html
import json

from sitekit.content import curriculum
from sitekit.content.model import Site, site_href
from sitekit.pages.downloads import file_href
from sitekit.content.roster import STATUSES, Trainer
from sitekit.ui import date, text

CSV_NAME = "roster-{lang}.csv"
# The filters, in the order of their controls; each key is also a data attribute of every card and a
# parameter of the page's address (?agency=…&module=…), which roster.js reads and writes.
FILTERS = {"agency": "agency", "commune": "commune", "module": "modules", "language": "languages",
           "status": "status_col"}  # key -> its label in sitekit/ui.py


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _sentence_case(words: str) -> str:
    return words[:1].upper() + words[1:]


def assets(page: str, lang: str, script: bool = False) -> str:
    """The roster's own stylesheet (and filter script): only its pages load them."""
    tags = f'<link rel="stylesheet" href="{_e(site_href("assets/stylesheets/roster.css", page, lang))}">'
    if script:
        tags += f'<script src="{_e(site_href("assets/javascripts/roster.js", page, lang))}" defer></script>'
    return tags


def banner(site: Site, lang: str) -> str:
    if not site.roster or not site.roster.example:
        return ""
    return f'!!! warning "{text("example_title", lang)}"\n    {text("example_text", lang)}\n'


def agency_names(site: Site, lang: str) -> dict[str, str]:
    """The agencies by their names since the 2025 reforms (the roster is about today)."""
    if not site.agreement:
        return {}
    return {key: site.agreement.current_name(key, lang) for key in site.agreement.agencies}


# --- the roster: one card per trainer -----------------------------------------------------------

def cards(site: Site, page: str, lang: str) -> str:
    """The roster page's generated part: the CSV link, an empty box for the filters, and the cards."""
    agencies = agency_names(site, lang)
    csv_link = file_href(CSV_NAME.format(lang=lang), page, lang)
    words = {"legend": text("filter_legend", lang), "all": text("filter_all", lang),
             "one": text("trainer_count_one", lang), "other": text("trainer_count", lang),
             "empty": text("no_match", lang), "clear": text("clear_filters", lang)}
    choices = json.dumps(_filter_choices(site, agencies, lang), ensure_ascii=False)
    parts = [
        banner(site, lang),
        assets(page, lang, script=True),  # before the cards (never shown unstyled); the script is deferred
        f'<p class="roster-csv"><a href="{_e(csv_link)}" download>{text("roster_csv", lang)}</a></p>',
        f"## {text('profiles', lang)} {{#profiles}}",
        # empty without JavaScript: the script builds the controls (nothing to use otherwise)
        f'<div class="roster-filters" data-choices="{_e(choices)}" '
        f'data-words="{_e(json.dumps(words, ensure_ascii=False))}"></div>',
        '<div class="trainer-cards">' + "".join(_card(site, t, agencies, page, lang) for t in site.roster.trainers)
        + "</div>",
    ]
    return "\n\n".join(p for p in parts if p) + "\n"




def _filter_choices(site: Site, agencies: dict[str, str], lang: str) -> list[dict]:
    """Each filter's label and options (value, label), in the page's language: read by roster.js."""
    roster = site.roster
    spoken = sorted({code for t in roster.trainers for code in t.languages}, key=lambda code: (code != "vi", code))
    options = {
        "agency": agencies,
        "commune": {key: roster.commune_name(key, lang) for key in roster.communes},
        "module": {m.id: f"{m.meta.get('code', m.id)} · {m.title(lang)}" for m in curriculum.modules(site)},
        "language": {code: _sentence_case(roster.language_name(code, lang)) for code in spoken},
        "status": {status: _sentence_case(text(status, lang)) for status in STATUSES},
    }
    return [{"key": key, "label": text(label, lang), "options": list(options[key].items())}
            for key, label in FILTERS.items()]


def _facts(rows: list[tuple[str, str]]) -> str:
    """Label and value pairs (values already HTML), empty values left out."""
    return '<dl class="trainer-facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>"


def _module_links(site: Site, trainer: Trainer, page: str, lang: str) -> str:
    """The codes of the modules a trainer may teach, each a link titled with the module's name (a
    tooltip for the eye, hidden text for a screen reader)."""
    links = []
    for module_id in trainer.certified_for():
        module = site.objects[module_id]
        title = _e(module.title(lang))
        links.append(f'<a href="{_e(module.href(page))}" title="{title}">{_e(module.meta.get("code", module_id))}'
                     f'<span class="visually-hidden"> · {title}</span></a>')
    return ", ".join(links) or "—"


def _card(site: Site, t: Trainer, agencies: dict[str, str], page: str, lang: str) -> str:
    """One trainer: who, where, which languages and modules; the rest folded under "Full profile".
    The card's id is the trainer's id: module pages and the coverage page link to it."""
    roster = site.roster
    filters = {"agency": t.agency, "commune": t.commune, "module": " ".join(t.certified_for()),
               "language": " ".join(t.languages), "status": t.status}
    data = " ".join(f'data-{key}="{_e(value)}"' for key, value in filters.items())
    name_lang = ' lang="vi"' if lang != "vi" else ""  # names are Vietnamese: a screen reader says them so
    status = ""
    if not t.active:
        since = f"{text('inactive_since', lang)} {date(t.inactive_since, lang)}" if t.inactive_since else \
            _sentence_case(text(t.status, lang))
        status = f'<p class="trainer-status">{_e(since)}</p>'
    summary = (f'<summary>{text("full_profile", lang)}<span class="visually-hidden">: {_e(t.full_name)}</span>'
               "</summary>")
    facts = _facts([
        (text("agency", lang), _e(agencies.get(t.agency, t.agency))),
        (text("commune", lang), _e(roster.commune_name(t.commune, lang))),
        (text("languages", lang), _e(", ".join(roster.language_name(c, lang) for c in t.languages))),
        (text("modules", lang), _module_links(site, t, page, lang)),
    ])
    return (f'<article class="trainer-card" id="{_e(t.id)}" {data}><h3{name_lang}>{_e(t.full_name)}</h3>{status}'
            f'{facts}<details class="trainer-more" data-search-exclude>{summary}'  # the card's facts are searched
            f'{_profile(site, t, page, lang)}</details></article>')


def _profile(site: Site, t: Trainer, page: str, lang: str) -> str:
    """What the card folds away: the person, the certifications with their dates, the contact (only
    with the person's written consent)."""
    roster = site.roster
    former = roster.communes.get(t.commune, {}).get("former_district")
    certs = []
    for c in t.certifications:
        module = site.objects.get(c.module)
        when = text("certified_on", lang).format(d=date(c.date, lang))
        if c.ended:
            when += "; " + text("ended_on", lang).format(d=date(c.ended, lang))
        label = f"{_e(module.meta.get('code', ''))} · {_e(module.title(lang))}" if module else _e(c.module)
        href = _e(module.href(page)) if module else "#"
        certs.append(f'<li><a href="{href}">{label}</a> ({_e(when)})</li>')
    phone, email = t.public_contact()
    mail = f'<a href="mailto:{_e(email)}">{_e(email)}</a>' if email else ""
    contact = (" · ".join(x for x in (_e(phone), mail) if x) if t.consent
               else f"<em>{text('no_consent', lang)}</em>")
    return _facts([
        (text("gender", lang), text(t.gender, lang)),
        (text("ethnicity", lang), _e(roster.group_name(t.ethnicity, lang))),
        (text("position", lang), _e(t.position)),
        (text("former_district", lang), _e(former) if former else ""),
        (text("certifications", lang), f"<ul>{''.join(certs)}</ul>" if certs else "—"),
        (text("contact", lang), contact),
    ])


# --- coverage and the module pages --------------------------------------------------------------

def coverage(site: Site, page: str, lang: str) -> str:
    """Communes x modules: active certified trainers, ethnic languages covered, gaps marked. Too wide
    for a phone, so it scrolls sideways inside its box (the page does not), says so on a narrow
    screen, and keeps the commune column in view."""
    roster = site.roster
    modules = curriculum.modules(site)
    head = "".join(f'<th><a href="{_e(m.href(page))}" title="{_e(m.title(lang))}">{_e(m.meta.get("code"))}</a></th>'
                   for m in modules)
    rows = []
    totals = [0] * len(modules)
    for key in roster.communes:
        active = [t for t in roster.trainers if t.commune == key and t.active]
        cells = []
        for i, module in enumerate(modules):
            n = sum(module.id in t.certified_for() for t in active)
            totals[i] += n
            cells.append(f'<td class="gap" title="{text("gap", lang)}">0</td>' if n == 0 else f"<td>{n}</td>")
        ethnic = sorted({c for t in active for c in t.languages if c != "vi"})
        names = ", ".join(roster.language_name(c, lang) for c in ethnic) or text("gap", lang)
        rows.append(f"<tr><th scope=\"row\">{_e(roster.commune_name(key, lang))}</th>{''.join(cells)}"
                    f"<td>{_e(names)}</td><td>{len(active)}</td></tr>")
    total_active = sum(t.active for t in roster.trainers)
    rows.append(f"<tr class=\"total\"><th scope=\"row\">{text('total', lang)}</th>"
                + "".join(f"<td>{n}</td>" for n in totals) + f"<td></td><td>{total_active}</td></tr>")
    # a box that scrolls is a region a keyboard can reach (tabindex) and a screen reader can name
    table_html = (f'<p class="roster-scroll-hint">{text("scroll_hint", lang)}</p>\n\n'
                  f'<div class="roster-table" role="region" tabindex="0" aria-label="{text("coverage_table", lang)}">'
                  f'<table class="roster-coverage"><thead><tr><th>{text("commune", lang)}</th>{head}'
                  f'<th>{text("ethnic_languages", lang)}</th><th>{text("active_trainers", lang)}</th></tr></thead>'
                  f"<tbody>{''.join(rows)}</tbody></table></div>")
    return "\n\n".join(p for p in (banner(site, lang), assets(page, lang), table_html) if p) + "\n"


def module_trainers(site: Site, module_id: str, page: str, lang: str) -> str:
    """The section of a module page that lists its certified, active trainers: HTML, so a name shows
    exactly as written (Markdown escaping would show its backslashes)."""
    if not site.roster:
        return ""
    trainers = [t for t in site.roster.trainers if module_id in t.certified_for()]
    heading = f"## {text('trainers_of_module', lang)} {{#trainers data-search-exclude}}\n\n"
    if not trainers:
        return heading + f"*{text('no_trainers', lang)}*\n"
    name_lang = ' lang="vi"' if lang != "vi" else ""
    items = []
    for t in trainers:
        where = site.roster.commune_name(t.commune, lang)
        spoken = ", ".join(site.roster.language_name(c, lang) for c in t.languages if c != "vi")
        items.append(f'<li><a href="{_e(site.objects[t.id].href(page))}"{name_lang}>{_e(t.full_name)}</a>'
                     f" — {_e(where)}" + (f" ({_e(spoken)})" if spoken else "") + "</li>")
    note = f"*{text('example_title', lang)}: {text('example_text', lang)}*\n\n" if site.roster.example else ""
    return heading + note + f'<ul class="module-trainers">{"".join(items)}</ul>\n'
