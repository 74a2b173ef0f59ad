"""The cohort report as one offline HTML file: no code, no script, no request, bilingual, accessible.

Rendered directly in Python: the three plots of :mod:`beltlib.cohort.plots` as embedded PNG
images (each with its message as ``alt`` and the same numbers in a table beside it), the
static report's stylesheet (``beltlib/publish/templates/belt_static/static/belt.css``, read,
not copied) and the method with every named assumption. Every inserted text is escaped.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .. import rules
from ..answers import atomic_write_text
from ..report import assumption_rows, belt_name, escape
from ..texts import check_lang, number, t
from . import plots
from .aggregate import MIN_CELL, SUPPRESSED, CohortSummary
from .words import article_share_text, belt_label, count_text, median_text, prevalence_text, share_text

#: The static report's stylesheet, inlined into the page.
STYLESHEET = Path(__file__).resolve().parents[1] / "publish" / "templates" / "belt_static" / "static" / "belt.css"
#: Issue 13's size limit for the cohort page, bytes.
MAX_BYTES = 500_000
#: A few rules of the cohort page's own (figures and the table beside them).
EXTRA_CSS = """
.belt-cohort figure { margin: 1rem 0; }
.belt-cohort figure img { width: 100%; max-width: 40rem; margin: 0 auto; }
.belt-cohort figcaption { color: var(--muted); font-size: 0.92rem; margin: 0.3rem 0 0; }
.belt-cohort-privacy { border-left: 4px solid var(--accent); padding: 0.3rem 0.8rem; background: var(--soft); }
.belt-cohort-privacy h2 { font-size: 1.05rem; margin: 0.3rem 0; padding: 0; border: 0; }
@media print { .belt-cohort figure { break-inside: avoid; page-break-inside: avoid; } }
"""


def _table(header: list[str], rows: list[list[str]], css_class: str) -> str:
    """An escaped table; with 3+ columns each cell carries its column name (``data-label``) for phones."""
    stack = len(header) >= 3
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join((f'<td data-label="{escape(h)}">' if stack else "<td>") + f"{escape(c)}</td>"
                                    for h, c in zip(header, row, strict=True)) + "</tr>" for row in rows)
    cls = f"{css_class} belt-stack" if stack else css_class
    return f'<table class="{escape(cls)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _figure(summary: CohortSummary, kind: str, lang: str) -> str:
    uri = plots.data_uri_png(plots.render_png(summary, kind, lang))
    return (f'<figure class="belt-cohort-plot belt-cohort-plot-{kind}"><img src="{uri}" '
            f'alt="{escape(plots.alt_text(summary, kind, lang))}"></figure>')


def _section(key: str, body: str, lang: str) -> str:
    ident = "belt-cohort-" + key.split(".")[-2]
    return f'<section aria-labelledby="{ident}"><h2 id="{ident}">{escape(t(key, lang))}</h2>{body}</section>'


def belts_table_html(summary: CohortSummary, lang: str = "en") -> str:
    """The belts table: belt, respondents, share of the group, the article's share (escaped HTML)."""
    rows = [[belt_label(b, lang), count_text(summary.belts[b], lang), share_text(summary.belt_shares_percent[b], lang),
             article_share_text(b, lang)] for b in rules.BELTS]
    header = [t("synthesis.belt", lang), t("cohort.belts.count", lang), t("cohort.belts.share", lang),
              t("cohort.belts.article_share", lang)]
    return _table(header, rows, "belt-cohort-belts")


def belts_html(summary: CohortSummary, lang: str = "en") -> str:
    """The belts section's body: intro, plot, and :func:`belts_table_html`."""
    return (f'<p>{escape(t("cohort.belts.intro", lang))}</p>' + _figure(summary, "belts", lang)
            + belts_table_html(summary, lang))


def agenda_table_html(summary: CohortSummary, lang: str = "en") -> str:
    """The agenda table: marker (and its belt), share meeting it, cheapest action, the article's reason."""
    if summary.with_profile == SUPPRESSED:
        return f'<p>{escape(t("cohort.agenda.none", lang))}</p>'
    minutes = {m["id"]: m["action_minutes"] for m in rules.MARKERS}
    belts = {m["id"]: m["belt"] for m in rules.MARKERS}
    rows = [[f'{t(f"marker.{m}", lang)} ({belt_name(belts[m], lang)})',
             prevalence_text(summary.marker_prevalence[m], lang),
             f'{t(f"action.{m}", lang)} ({t("minutes", lang, minutes=minutes[m])})', t(f"reason.{m}", lang)]
            for m in summary.agenda()]
    header = [t("cohort.agenda.marker", lang), t("cohort.agenda.share", lang), t("cohort.agenda.action", lang),
              t("cohort.agenda.reason", lang)]
    return _table(header, rows, "belt-cohort-agenda")


def agenda_html(summary: CohortSummary, lang: str = "en") -> str:
    """The agenda section's body: intro, sorted plot, and :func:`agenda_table_html`."""
    if summary.with_profile == SUPPRESSED:
        return agenda_table_html(summary, lang)
    return (f'<p>{escape(t("cohort.agenda.intro", lang, n=count_text(summary.with_profile, lang)))}</p>'
            + _figure(summary, "agenda", lang) + agenda_table_html(summary, lang))


def steps_table_html(summary: CohortSummary, lang: str = "en") -> str:
    """The steps table: markers still needed, respondents (escaped HTML)."""
    rows = [[str(s), count_text(v, lang)] for s, v in summary.markers_needed.items()]
    header = [t("cohort.steps.xlabel", lang), t("cohort.steps.ylabel", lang)]
    return _table(header, rows, "belt-cohort-steps")


def steps_html(summary: CohortSummary, lang: str = "en") -> str:
    """The steps section's body: intro with the median, plot, and :func:`steps_table_html`."""
    intro = t("cohort.steps.intro", lang, median=median_text(summary.markers_needed_median, lang))
    return f"<p>{escape(intro)}</p>" + _figure(summary, "steps", lang) + steps_table_html(summary, lang)


def personas_html(summary: CohortSummary, lang: str = "en") -> str:
    """The personas table: situation, respondents, at or above their target belt, target belt."""
    rows = [[t(f"choice.persona.{p}", lang), count_text(v["respondents"], lang),
             count_text(v["at_or_above_target"], lang),
             belt_label(rules.TARGET_BELT[p], lang)] for p, v in summary.by_persona.items()]
    header = [t("cohort.personas.persona", lang), t("cohort.personas.respondents", lang),
              t("cohort.personas.at_target", lang), t("cohort.personas.target", lang)]
    return _table(header, rows, "belt-cohort-personas")


def cohort_method_html(lang: str = "en") -> str:
    """Method and assumptions: how the cohort is counted, then every named assumption (with MIN_CELL)."""
    extra = [{"name": "MIN_CELL", "value": MIN_CELL, "why": t("assumption.MIN_CELL", lang)}]
    header = [t("method.name", lang), t("method.value", lang), t("method.why", lang)]
    return (f'<div class="belt-method"><p>{escape(t("cohort.method.body", lang))}</p>'
            f'<p>{escape(t("method.body", lang))}</p>'
            + _table(header, [list(r) for r in assumption_rows(lang, extra)], "belt-assumptions") + "</div>")


def render_page(summary: CohortSummary, lang: str = "en", title: str | None = None,
                date: _dt.date | None = None) -> str:
    """The whole cohort report as one self-contained HTML page.

    Args:
        summary (CohortSummary): the cohort (small cells already suppressed).
        lang (str): ``"en"`` or ``"fr"`` (``<html lang>`` and every text).
        title (str | None): the page title and heading (escaped); default the catalogue's
            ``cohort.default_title``.
        date (datetime.date | None): the generation date shown in the footer (default today).

    Returns:
        str: the HTML text: ``<main class="belt-report belt-cohort">`` with the sections belts, agenda,
        steps, personas, privacy and method; no script, no external resource (the images are
        ``data:`` URIs, the stylesheet is inlined).

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    page_title = title if title else t("cohort.default_title", lang)
    css = STYLESHEET.read_text(encoding="utf-8") + EXTRA_CSS
    intro = f'<p>{escape(t("cohort.intro", lang, n=number(summary.respondents, lang)))}</p>'
    if summary.invalid:
        intro += f'<p>{escape(t("cohort.skipped", lang, n=number(summary.invalid, lang)))}</p>'
    if summary.persona != "all":
        intro += f'<p>{escape(t("cohort.filter", lang, persona=t(f"choice.persona.{summary.persona}", lang)))}</p>'
    body = "".join([
        f'<header class="belt-header"><h1>{escape(page_title)}</h1></header>',
        f'<div class="belt-intro">{intro}</div>',
        f'<div class="belt-cohort-privacy"><h2>{escape(t("cohort.privacy.title", lang))}</h2>'
        f'<p>{escape(t("cohort.privacy.body", lang))}</p></div>',
        _section("cohort.belts.title", belts_html(summary, lang), lang),
        _section("cohort.agenda.title", agenda_html(summary, lang), lang),
        _section("cohort.steps.title", steps_html(summary, lang), lang),
        _section("cohort.personas.title", personas_html(summary, lang), lang),
        _section("method.title", cohort_method_html(lang), lang),
    ])
    generated = t("report.generated", lang, date=(date or _dt.date.today()).isoformat())
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light">\n<meta name="referrer" content="no-referrer">\n'
            f"<title>{escape(page_title)}</title>\n<style>\n{css}</style>\n</head>\n"
            f'<body class="belt-page">\n<main class="belt-report belt-cohort">\n{body}\n</main>\n'
            f'<footer class="belt-generated"><p>{escape(generated)}</p></footer>\n</body>\n</html>\n')


def write_page(summary: CohortSummary, output: str | os.PathLike[str], lang: str = "en", title: str | None = None,
               date: _dt.date | None = None) -> Path:
    """Write the cohort page atomically (an existing file is replaced whole).

    Args:
        summary (CohortSummary): the cohort.
        output (str | os.PathLike[str]): the HTML file to write.
        lang (str): ``"en"`` or ``"fr"``.
        title (str | None): page title (default the catalogue's ``cohort.default_title``).
        date (datetime.date | None): generation date (default today).

    Returns:
        Path: the file written.

    Raises:
        ValueError: unknown ``lang``.
        OSError: the path is a folder or not writable (nothing is left behind).
    """
    page = render_page(summary, lang, title, date)
    atomic_write_text(output, page)
    return Path(output)
