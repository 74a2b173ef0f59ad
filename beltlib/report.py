"""The report document drawn as HTML, and as plain text (:func:`render_text`).

One block renderer (:func:`block_html`) draws every block kind of :mod:`beltlib.document`;
:func:`section_html` draws a section, :func:`title_html` the report's title. Every
rendering that writes HTML in Python (the notebook's views, the static and interactive pages,
the cohort page) goes through it; the interactive page's ``page.js`` draws the same blocks the
same way in the browser. Every text is escaped. Plots are drawn by the caller: a ``figure``
callback turns a figure block into HTML (an ``<img>``, an SVG), else only the caption is shown.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from . import document
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
    result_lines,
    signals_line,
    steps_text,
    summary_text,
    synthesis_rows,
    value_text,
)
from .texts import t
from .theme import BELT_COLOURS, BELT_TEXT_COLOURS

__all__ = ["BELT_COLOURS", "BELT_TEXT_COLOURS", "Figure", "action_line", "answer_text", "answers_rows",
           "assessment_dict", "assessment_json", "assumption_rows", "badge_html", "belt_name", "block_html",
           "blocks_html", "distance_line", "duration", "escape", "marker_rows", "marker_share",
           "note_lines", "plan_lines", "plan_sections", "render_text", "result_lines", "section_html",
           "signals_line", "steps_text", "summary_html", "summary_text", "synthesis_rows", "table_html",
           "title_html", "value_text"]

#: A figure callback: (figure block) -> HTML of the plot (the block's ``alt`` is its text).
Figure = Callable[[Mapping[str, Any]], str]
#: Tables of this many columns or more read as cards on a phone: class ``belt-stack`` and each
#: body cell's column label in ``data-label`` (the stylesheets show it above the cell).
STACK_MIN_COLUMNS = 3


def escape(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute (``&``, ``<``, ``>``, quotes).

    Args:
        text: anything; it is turned into ``str`` first.

    Returns:
        str: the escaped text. Every HTML piece of the report goes through it.
    """
    return html.escape(str(text), quote=True)


_e = escape


def table_html(header: Sequence[str], rows: Sequence[Sequence[str]], css_class: str) -> str:
    """An escaped HTML table with a header row, readable on a phone.

    Tables of :data:`STACK_MIN_COLUMNS` columns or more get the class ``belt-stack`` and each
    body cell a ``data-label`` with its column label, so below 40rem each row reads as a card.

    Args:
        header (Sequence[str]): the column labels.
        rows (Sequence[Sequence[str]]): the cells, row by row (as many as there are labels).
        css_class (str): the table's CSS class.

    Returns:
        str: one ``<table>`` element; every text is HTML-escaped.

    Raises:
        Nothing.
    """
    stack = len(header) >= STACK_MIN_COLUMNS
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join((f'<td data-label="{_e(h)}">' if stack and h else "<td>") + f"{_e(c)}</td>"
                                    for h, c in zip(header, row)) + "</tr>" for row in rows)
    cls = f"{css_class} belt-stack" if stack else css_class
    return f'<table class="{_e(cls)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def badge_html(belt: str, lang: str = "en", text: str | None = None) -> str:
    """A coloured belt badge that also carries the belt's name as text.

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.
        text (str | None): the text shown (default the catalogue's ``belt_title.<belt>``).

    Returns:
        str: one ``<span class="belt-badge belt-badge-<belt>">`` element (colours of :data:`BELT_COLOURS`).

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown ``belt``.
    """
    label = text if text is not None else t(f"belt_title.{belt}", lang)
    return (f'<span class="belt-badge belt-badge-{_e(belt)}" style="display:inline-block;padding:.2em .8em;'
            f'border:2px solid #000;border-radius:1em;background:{BELT_COLOURS[belt]};'
            f'color:{BELT_TEXT_COLOURS[belt]};font-weight:bold">{_e(label)}</span>')


def _item_html(item: Any) -> str:
    if isinstance(item, Mapping):
        sub = "".join(f"<li>{_e(x)}</li>" for x in item["items"])
        return f"<li>{_e(item['text'])}<ul>{sub}</ul></li>"
    return f"<li>{_e(item)}</li>"


def caption_only(block: Mapping[str, Any]) -> str:
    """The default figure callback: no plot, only what it shows in words.

    Args:
        block (Mapping[str, Any]): a figure block (unused).

    Returns:
        str: ``""`` (the figure keeps its caption alone).
    """
    return ""


def block_html(block: Mapping[str, Any], figure: Figure = caption_only) -> str:
    """One document block as escaped HTML.

    Args:
        block (Mapping[str, Any]): a block of :mod:`beltlib.document` (kind ``paragraph``, ``note``,
            ``list``, ``table``, ``figure`` or ``badge``).
        figure (Figure): draws a figure block's plot (default: none, the caption alone).

    Returns:
        str: ``<p>``, ``<p class="belt-note"><em>``, ``<ul>``/``<ol>``, a table (folded in an open
        ``<details>`` under its title when it has one), ``<figure class="belt-plot-<plot>">``
        (the plot and a ``<figcaption class="belt-plot-caption">``) or a badge.

    Raises:
        ValueError: an unknown block kind (naming the allowed kinds).
    """
    kind = block["kind"]
    if kind == "paragraph":
        return f"<p>{_e(block['text'])}</p>"
    if kind == "note":
        return f'<p class="belt-note"><em>{_e(block["text"])}</em></p>'
    if kind == "list":
        tag = "ol" if block["ordered"] else "ul"
        return f"<{tag}>{''.join(_item_html(x) for x in block['items'])}</{tag}>"
    if kind == "table":
        body = table_html(block["columns"], block["rows"], block["class"])
        return f"<details open><summary>{_e(block['title'])}</summary>{body}</details>" if block.get("title") else body
    if kind == "figure":
        return (f'<figure class="belt-plot-{_e(block["plot"])}" style="margin:0">{figure(block)}'
                f'<figcaption class="belt-plot-caption">{_e(block["caption"])}</figcaption></figure>')
    if kind == "badge":
        return badge_html(block["belt"], text=block["text"])
    raise ValueError(f"block kind: got {kind!r} (allowed: one of {', '.join(document.BLOCK_KINDS)})")


def blocks_html(blocks: Sequence[Mapping[str, Any]], figure: Figure = caption_only) -> str:
    """Several blocks, in order.

    Args:
        blocks (Sequence[Mapping[str, Any]]): blocks of :mod:`beltlib.document`.
        figure (Figure): draws figure blocks.

    Returns:
        str: the blocks' HTML (:func:`block_html`), joined.

    Raises:
        ValueError: an unknown block kind.
    """
    return "".join(block_html(b, figure) for b in blocks)


def body_html(sec: Mapping[str, Any], figure: Figure = caption_only, attrs: str = "") -> str:
    """A section's body: ``<div class="<its class>" data-*>`` holding its blocks.

    Args:
        sec (Mapping[str, Any]): a section of :mod:`beltlib.document`.
        figure (Figure): draws figure blocks.
        attrs (str): more attributes for the ``<div>`` (already escaped), e.g. ``' aria-live="polite"'``.

    Returns:
        str: one ``<div>`` holding the blocks' HTML.
    """
    data = "".join(f' data-{_e(k)}="{_e(v)}"' for k, v in sec["data"].items())
    return f'<div class="{_e(sec["class"])}"{data}{attrs}>{blocks_html(sec["blocks"], figure)}</div>'


def heading_html(sec: Mapping[str, Any], attrs: str = "") -> str:
    """A section's heading.

    Args:
        sec (Mapping[str, Any]): a section of :mod:`beltlib.document`.
        attrs (str): more attributes (already escaped).

    Returns:
        str: ``<h2 class="belt-heading belt-heading-<id>" id="belt-heading-<id>">`` with the section's title.
    """
    return (f'<h2 class="belt-heading belt-heading-{_e(sec["id"])}" id="belt-heading-{_e(sec["id"])}"{attrs}>'
            f'{_e(sec["title"])}</h2>')


def section_html(sec: Mapping[str, Any], figure: Figure = caption_only, before: str = "", attrs: str = "") -> str:
    """A whole section: ``<section class="belt-section belt-section-<id>">``, heading, body.

    Args:
        sec (Mapping[str, Any]): a section of :mod:`beltlib.document`.
        figure (Figure): draws figure blocks.
        before (str): HTML put first in the section (e.g. the page's title).
        attrs (str): more attributes for the body's ``<div>`` (already escaped; see :func:`body_html`).

    Returns:
        str: escaped HTML.
    """
    ident = _e(sec["id"])
    return (f'<section class="belt-section belt-section-{ident}" aria-labelledby="belt-heading-{ident}">'
            f'{before}{heading_html(sec)}{body_html(sec, figure, attrs)}</section>')


def title_html(doc: Mapping[str, Any], attrs: str = "") -> str:
    """The report's title: ``<h1 class="belt-title">`` with the document's ``title`` (escaped).

    Args:
        doc (Mapping[str, Any]): a document of :func:`beltlib.document.build` (or anything with ``title``).
        attrs (str): more attributes (already escaped), e.g. the page's ``data-t`` for a default title.

    Returns:
        str: one ``<h1>`` element.
    """
    return f'<h1 class="belt-title"{attrs}>{_e(doc["title"])}</h1>'


def summary_html(doc: Mapping[str, Any]) -> str:
    """The compact summary (CSS class ``belt-summary``): the belt's badge and the distance to the target.

    Pages keep it in view (sticky) while the reader changes answers.

    Args:
        doc (Mapping[str, Any]): a document of :func:`beltlib.document.build`.

    Returns:
        str: escaped HTML, one ``<div class="belt-summary" data-belt="...">``.
    """
    s = doc["summary"]
    return (f'<div class="belt-summary" data-belt="{_e(s["belt"])}">{badge_html(s["belt"], text=s["title"])} '
            f'<span class="belt-summary-distance">{_e(s["distance"])}</span></div>')


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


def render_text(a: Assessment, lang: str = "en", **context: Any) -> str:
    """The whole report as plain text for a person to read (command line, the notebook's summary).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.
        **context: :func:`beltlib.document.build`'s keyword arguments (``answers``, ``provenance``,
            ``export``, ``title``).

    Returns:
        str: :func:`beltlib.document.to_text` of the document; ends with a newline.

    Raises:
        ValueError: unknown ``lang``.
    """
    return document.to_text(document.build(a, lang, **context))
