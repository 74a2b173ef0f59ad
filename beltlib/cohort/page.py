"""The cohort report as one offline HTML file: no code, no script, no request, bilingual, accessible.

The content is the cohort document (:mod:`beltlib.cohort.document`: sections of plain blocks)
drawn by the project's one block renderer (:mod:`beltlib.report`: every table, paragraph and
section); this module adds only the page around it and the plots: the three plots of
:mod:`beltlib.cohort.plots` as embedded PNG images (each with its message as ``alt`` and the same
numbers in the table beside it), through the renderer's ``figure`` callback. The stylesheet is the
static report's (``beltlib/publish/templates/belt_static/static/belt.css``, read, not copied) plus
:data:`EXTRA_CSS`. Every inserted text is escaped.
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..answers import atomic_write_text
from ..report import Figure, blocks_html, escape, section_html
from ..texts import check_lang, t
from . import document, plots
from .aggregate import CohortSummary

#: The static report's stylesheet, inlined into the page.
STYLESHEET = Path(__file__).resolve().parents[1] / "publish" / "templates" / "belt_static" / "static" / "belt.css"
#: Issue 13's size limit for the cohort page, bytes.
MAX_BYTES = 500_000
#: A few rules of the cohort page's own (figures, the privacy box). The renderer's figure caption
#: is not shown: the plot's message is its ``alt`` already and the table beside it gives the same
#: numbers, so the caption would say it a third time (to screen readers a second).
EXTRA_CSS = """
.belt-cohort figure > img { width: 100%; max-width: 40rem; margin: 1rem auto; }
.belt-cohort figure > .belt-plot-caption { display: none; }
.belt-section-cohort-privacy { border-left: 4px solid var(--accent); padding: 0.3rem 0.8rem; background: var(--soft); }
.belt-section-cohort-privacy h2 { font-size: 1.05rem; margin: 0.3rem 0; padding: 0; border: 0; }
@media print { .belt-cohort figure { break-inside: avoid; page-break-inside: avoid; } }
"""


def image_html(png: bytes, block: Mapping[str, Any], style: str | None = None) -> str:
    """A cohort plot as an ``<img>`` with its message as ``alt`` (classes ``belt-cohort-plot-<kind>``).

    Args:
        png (bytes): the plot drawn as PNG (:func:`beltlib.cohort.plots.render_png`).
        block (Mapping[str, Any]): its figure block (``plot``: one of :data:`beltlib.cohort.plots.KINDS`; ``alt``).
        style (str | None): an inline style (the notebook has no stylesheet), or None.

    Returns:
        str: one ``<img>`` element with a ``data:`` URI; the alt text escaped.

    Raises:
        Nothing.
    """
    kind = escape(block["plot"])
    extra = f' style="{escape(style)}"' if style else ""
    return (f'<img class="belt-cohort-plot belt-cohort-plot-{kind}" src="{plots.data_uri_png(png)}" '
            f'alt="{escape(block["alt"])}"{extra}>')


def figure_callback(summary: CohortSummary, lang: str) -> Figure:
    """The renderer's figure callback for the page (:data:`beltlib.report.Figure`).

    Args:
        summary (CohortSummary): the cohort the plots show.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Figure: block -> :func:`image_html` of the block's plot (``plot``: one of
        :data:`beltlib.cohort.plots.KINDS`) drawn as PNG, embedded as a ``data:`` URI.

    Raises:
        Nothing here; the callback raises ValueError for an unknown plot kind.
    """
    def draw(block: Mapping[str, Any]) -> str:
        return image_html(plots.render_png(summary, block["plot"], lang), block)
    return draw


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
        str: the HTML text: ``<main class="belt-report belt-cohort">`` with the title, the intro and
        the sections of :func:`beltlib.cohort.document.build` (privacy, belts, agenda, steps, personas,
        method) drawn by :func:`beltlib.report.section_html`; no script, no external resource (the images are
        ``data:`` URIs, the stylesheet is inlined).

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    doc = document.build(summary, lang, title)
    page_title = doc["title"]
    css = STYLESHEET.read_text(encoding="utf-8") + EXTRA_CSS
    figure = figure_callback(summary, lang)
    body = "".join([
        f'<header class="belt-header"><h1>{escape(page_title)}</h1></header>',
        f'<div class="belt-intro">{blocks_html(doc["intro"])}</div>',
        *(section_html(sec, figure) for sec in doc["sections"]),
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
