"""The report as HTML pieces (and, re-exported from :mod:`beltlib.sentences`, its words).

Plain text (:func:`render_text`, for the command line) and HTML fragments (for the notebook
and the published pages) are built from the same sentence functions, so they say exactly
the same thing. Every text comes from :mod:`beltlib.texts`; every piece of HTML escapes
what it inserts. Each piece stands alone, so a page may put them in any order.
"""
from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .answers import Answers
from .assessment import Assessment
from .sentences import (
    action_line,
    answer_text,
    answers_rows,
    assessment_dict,
    assumption_rows,
    belt_name,
    distance_line,
    duration,
    marker_rows,
    marker_share,
    note_lines,
    plan_lines,
    plan_sections,
    render_text,
    result_lines,
    signals_line,
    steps_text,
    summary_text,
    synthesis_rows,
    value_text,
)
from .texts import t
from .theme import BELT_COLOURS, BELT_TEXT_COLOURS

__all__ = ["BELT_COLOURS", "BELT_TEXT_COLOURS", "action_line", "answer_text", "answers_html", "answers_rows",
           "assessment_dict", "assessment_json", "assumption_rows", "badge_html", "belt_name", "distance_line",
           "duration", "escape", "export_summary_html", "intro_html", "marker_rows",
           "marker_share", "method_html", "note_lines", "plan_html", "plan_lines", "plan_sections", "render_text",
           "result_html", "result_lines", "signals_line", "steps_text", "summary_html", "summary_text",
           "synthesis_html", "synthesis_rows", "table_html", "value_text"]


# ---------------------------------------------------------------- HTML pieces
def escape(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute (``&``, ``<``, ``>``, quotes).

    Args:
        text: anything; it is turned into ``str`` first.

    Returns:
        str: the escaped text. Every HTML piece of the report goes through it.
    """
    return html.escape(str(text), quote=True)


_e = escape


def table_html(header: list[str], rows: Sequence[Sequence[str]], css_class: str) -> str:
    """An escaped HTML table with a header row.

    Args:
        header (list[str]): the column labels.
        rows (list[list[str]] | list[tuple[str, ...]]): the cells, row by row.
        css_class (str): the table's CSS class.

    Returns:
        str: one ``<table>`` element; every text is HTML-escaped.

    Raises:
        Nothing.
    """
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{_e(css_class)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def badge_html(belt: str, lang: str = "en") -> str:
    """A coloured belt badge that also carries the belt's name as text.

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: one ``<span class="belt-badge belt-badge-<belt>">`` element (colours of :data:`BELT_COLOURS`).

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown ``belt``.
    """
    return (f'<span class="belt-badge belt-badge-{_e(belt)}" style="display:inline-block;padding:.2em .8em;'
            f'border:2px solid #000;border-radius:1em;background:{BELT_COLOURS[belt]};'
            f'color:{BELT_TEXT_COLOURS[belt]};font-weight:bold">{_e(t(f"belt_title.{belt}", lang))}</span>')


def result_html(a: Assessment, lang: str = "en") -> str:
    """The result block (CSS class ``belt-result``): badge, sentences, markers, signals.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML, one ``<div>`` with ``data-belt`` set to the belt.

    Raises:
        ValueError: unknown ``lang``.
    """
    lines = result_lines(a, lang)
    items = "".join(f"<p>{_e(line)}</p>" for line in lines)
    markers = table_html([t("synthesis.belt", lang), t("result.marker", lang), t("result.met_header", lang)],
                         marker_rows(a, lang), "belt-markers")
    return (f'<div class="belt-result" data-belt="{_e(a.belt)}">{badge_html(a.belt, lang)}{items}'
            f'<details open><summary>{_e(t("result.markers_title", lang))}</summary>{markers}'
            f'<p>{_e(signals_line(a, lang))}</p></details></div>')


def summary_html(a: Assessment, lang: str = "en") -> str:
    """The compact summary (CSS class ``belt-summary``): the belt's badge and the distance to the target.

    Pages keep it in view (sticky) while the reader changes answers; the app may reuse it.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML, one ``<div class="belt-summary" data-belt="...">``.

    Raises:
        ValueError: unknown ``lang``.
    """
    _, distance = summary_text(a, lang)
    return (f'<div class="belt-summary" data-belt="{_e(a.belt)}">{badge_html(a.belt, lang)} '
            f'<span class="belt-summary-distance">{_e(distance)}</span></div>')


def plan_html(a: Assessment, lang: str = "en") -> str:
    """The action plan in time and the notes (CSS class ``belt-plan``).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML: per section of :func:`plan_sections` a heading paragraph and an ordered list
        (when it has lines), then the notes.

    Raises:
        ValueError: unknown ``lang``.

    Source: see :func:`plan_sections` and :func:`note_lines`.
    """
    body = ""
    for heading, lines in plan_sections(a, lang):
        body += f"<p>{_e(heading)}</p>"
        if lines:
            body += "<ol>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ol>"
    notes = "".join(f"<li>{_e(line)}</li>" for line in note_lines(a, lang))
    return (f'<div class="belt-plan">{body}'
            f'<p><strong>{_e(t("plan.notes", lang))}</strong></p><ul>{notes}</ul></div>')


def synthesis_html(lang: str = "en") -> str:
    """The synthesis table of the three belts (CSS class ``belt-synthesis``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML: a paragraph saying the article's « Synthèse » is empty, then the table of
        :func:`synthesis_rows`.

    Raises:
        ValueError: unknown ``lang``.

    Source: see :func:`synthesis_rows`.
    """
    header, rows = synthesis_rows(lang)
    note = f'<p class="belt-synthesis-note">{_e(t("synthesis.note", lang))}</p>'
    return note + table_html(header, rows, "belt-synthesis")


def method_html(lang: str = "en", extra: list[dict[str, Any]] | None = None) -> str:
    """Method and assumptions: the method paragraph and the table of every named assumption.

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        extra (list[dict[str, Any]] | None): more assumptions as {"name", "value", "why"} dicts.

    Returns:
        str: escaped HTML, one ``<div class="belt-method">``.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an ``extra`` item lacks a key.

    Source: :data:`beltlib.rules.ASSUMPTIONS`.
    """
    rows = assumption_rows(lang, extra)
    return (f'<div class="belt-method"><p>{_e(t("method.body", lang))}</p>'
            + table_html([t("method.name", lang), t("method.value", lang), t("method.why", lang)], rows,
                         "belt-assumptions")
            + "</div>")


def intro_html(lang: str = "en") -> str:
    """What the belts are (CSS class ``belt-intro``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML: the summary of the belts and the article as source.

    Raises:
        ValueError: unknown ``lang``.
    """
    return (f'<div class="belt-intro"><p>{_e(t("intro.body", lang))}</p>'
            f'<p><em>{_e(t("intro.source", lang))}</em></p></div>')


def answers_html(answers: Answers, lang: str = "en", provenance: Mapping[str, str] | None = None) -> str:
    """The answers used, as a readable table (CSS class ``belt-answers``).

    Args:
        answers (Answers): the answers.
        lang (str): ``"en"`` or ``"fr"``.
        provenance (Mapping[str, str] | None): field to origin (``"you"`` or ``"export"``); None leaves
            out the origin column.

    Returns:
        str: escaped HTML table of :func:`answers_rows`.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an unknown provenance value.
    """
    header = [t("answers.field", lang), t("answers.value", lang)]
    if provenance is not None:
        header.append(t("answers.origin", lang))
    return table_html(header, answers_rows(answers, lang, provenance), "belt-answers")


def assessment_json(a: Assessment, lang: str = "en") -> str:
    """The assessment as one JSON object (see :func:`beltlib.sentences.assessment_dict`).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: JSON text, indented by 2, non-ASCII kept as is.

    Raises:
        ValueError: unknown ``lang``.
    """
    return json.dumps(assessment_dict(a, lang), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- the LinkedIn export (issue 5)
def export_summary_html(summary: Any, lang: str = "en") -> str:
    """What a LinkedIn export shows (CSS class ``belt-export-summary``): counts and dates only.

    The summary's lines (:meth:`beltlib.linkedin.ExportSummary.lines`: the lines of its
    text without the title, which the section heading replaces) as a list, the files that
    could not be read nested under their line, then the privacy sentence. Nothing here
    names a person.

    Args:
        summary (ExportSummary): a :class:`beltlib.linkedin.ExportSummary`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML.

    Raises:
        ValueError: unknown ``lang``.
    """
    items: list[tuple[str, list[str]]] = summary.lines(lang)
    body = "".join(f"<li>{_e(line)}" + (f"<ul>{''.join(f'<li>{_e(x)}</li>' for x in sub)}</ul>" if sub else "")
                   + "</li>" for line, sub in items)
    return (f'<div class="belt-export-summary"><ul>{body}</ul>'
            f'<p class="belt-export-privacy"><em>{_e(t("export.privacy", lang))}</em></p></div>')
