"""What the roster pages show: the table of trainers (readable without JavaScript, filterable with
it), a profile per trainer, coverage of communes by modules, and each module's certified trainers.

Everything from the data file is escaped (`html.escape`, `escape_md`): a name is always text.
"""

from __future__ import annotations

import html

from sitekit import curriculum
from sitekit.downloads import file_href, site_href
from sitekit.markdown import escape, link
from sitekit.model import Site
from sitekit.roster import filter_labels
from sitekit.ui import date, text

CSV_NAME = "roster-{lang}.csv"


def _e(value) -> str:
    return html.escape(str(value), quote=True)


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
    agencies = site.agreement.agencies if site.agreement else {}
    return {key: str((names.get("current") or names).get(lang, key)) for key, names in agencies.items()}


def _module_cells(site: Site, trainer, page: str, lang: str) -> str:
    links = []
    for module_id in trainer.certified_for():
        module = site.objects[module_id]
        links.append(f'<a href="{_e(module.href(page))}" title="{_e(module.title(lang))}">'
                     f'{_e(module.meta.get("code", module_id))}</a>')
    return ", ".join(links) or "—"


def table(site: Site, page: str, lang: str) -> str:
    """The roster: a plain table (works without JavaScript) and one profile per trainer."""
    roster = site.roster
    agencies = agency_names(site, lang)
    modules = {m.id: f"{m.meta.get('code')} · {m.title(lang)}" for m in curriculum.modules(site)}
    head = "".join(f"<th>{text(key, lang)}</th>" for key in
                   ("name", "agency", "commune", "ethnicity", "languages", "modules", "status_col"))
    rows = []
    for t in roster.trainers:
        rows.append(
            f'<tr data-module="{_e(" ".join(t.certified_for()))}" data-commune="{_e(t.commune)}" '
            f'data-agency="{_e(t.agency)}" data-language="{_e(" ".join(t.languages))}">'
            f'<td><a href="#{_e(t.id)}">{_e(t.full_name)}</a></td><td>{_e(agencies.get(t.agency, t.agency))}</td>'
            f"<td>{_e(roster.commune_name(t.commune, lang))}</td><td>{_e(roster.group_name(t.ethnicity, lang))}</td>"
            f"<td>{_e(', '.join(roster.language_name(c, lang) for c in t.languages))}</td>"
            f"<td>{_module_cells(site, t, page, lang)}</td><td>{text(t.status, lang)}</td></tr>")
    csv_link = file_href(CSV_NAME.format(lang=lang), page, lang)
    parts = [
        banner(site, lang),
        f'<p class="roster-csv"><a href="{_e(csv_link)}" download>{text("roster_csv", lang)}</a></p>',
        f'<div class="roster-filters" data-labels="{filter_labels(roster, modules, agencies, lang)}" '
        f'data-all="{_e(text("filter_all", lang))}" data-names="{_e(_filter_names(lang))}"></div>',
        f'<div class="roster-table"><table class="roster"><thead><tr>{head}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>',
        assets(page, lang, script=True),  # on this page only: every other page would pay for them
        f"## {text('profiles', lang)} {{#profiles}}",
        "\n".join(_profile(site, t, page, lang) for t in roster.trainers),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _filter_names(lang: str) -> str:
    import json

    return json.dumps({"module": text("modules", lang), "commune": text("commune", lang),
                       "agency": text("agency", lang), "language": text("languages", lang)}, ensure_ascii=False)


def _profile(site: Site, t, page: str, lang: str) -> str:
    roster = site.roster
    former = roster.communes.get(t.commune, {}).get("former_district")
    certs = []
    for c in t.certifications:
        module = site.objects.get(c.module)
        name = _e(module.title(lang)) if module else _e(c.module)
        when = text("certified_on", lang).format(d=date(c.date, lang))
        if c.ended:
            when += "; " + text("ended_on", lang).format(d=date(c.ended, lang))
        href = _e(module.href(page)) if module else "#"
        certs.append(f'<li><a href="{href}">{_e(module.meta.get("code", "")) if module else ""} · {name}</a> ({when})</li>')
    phone, email = t.public_contact()
    contact = (" · ".join(x for x in (_e(phone), f'<a href="mailto:{_e(email)}">{_e(email)}</a>' if email else "") if x)
               if t.consent else f"<em>{text('no_consent', lang)}</em>")
    rows = [
        (text("gender", lang), text(t.gender, lang)),
        (text("ethnicity", lang), _e(roster.group_name(t.ethnicity, lang))),
        (text("languages", lang), _e(", ".join(roster.language_name(c, lang) for c in t.languages))),
        (text("agency", lang), _e(agency_names(site, lang).get(t.agency, t.agency))),
        (text("position", lang), _e(t.position)),
        (text("commune", lang), _e(roster.commune_name(t.commune, lang))),
        (text("former_district", lang), _e(former) if former else ""),
        (text("status_col", lang), text(t.status, lang)),
        (text("inactive_since", lang), date(t.inactive_since, lang) if t.inactive_since else ""),
        (text("certifications", lang), f"<ul>{''.join(certs)}</ul>" if certs else "—"),
        (text("contact", lang), contact),
    ]
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v)
    return (f'<section class="trainer-profile" id="{_e(t.id)}"><h3>{_e(t.full_name)}</h3>'
            f'<dl class="card">{items}</dl></section>')


def coverage(site: Site, page: str, lang: str) -> str:
    """Communes x modules: active certified trainers, ethnic languages covered, gaps marked."""
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
    table_html = (f'<div class="roster-table"><table class="roster-coverage"><thead><tr><th>{text("commune", lang)}</th>{head}'
                  f'<th>{text("ethnic_languages", lang)}</th><th>{text("active_trainers", lang)}</th></tr></thead>'
                  f"<tbody>{''.join(rows)}</tbody></table></div>")
    return "\n\n".join(p for p in (banner(site, lang), table_html, assets(page, lang)) if p) + "\n"


def module_trainers(site: Site, module_id: str, page: str, lang: str) -> str:
    """The section of a module page that lists its certified, active trainers."""
    if not site.roster:
        return ""
    trainers = [t for t in site.roster.trainers if module_id in t.certified_for()]
    heading = f"## {text('trainers_of_module', lang)} {{#trainers}}\n\n"
    if not trainers:
        return heading + f"*{text('no_trainers', lang)}*\n"
    items = []
    for t in trainers:
        where = site.roster.commune_name(t.commune, lang)
        spoken = ", ".join(site.roster.language_name(c, lang) for c in t.languages if c != "vi")
        items.append(f"- {link(site.objects[t.id], page, lang)} — {escape(where)}" + (f" ({escape(spoken)})" if spoken else ""))
    note = f"*{text('example_title', lang)}: {text('example_text', lang)}*\n\n" if site.roster.example else ""
    return heading + note + "\n".join(items) + "\n"
