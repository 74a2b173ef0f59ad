"""Publish the report as one static HTML file that works offline (issue 4).

``python -m beltlib publish [--answers FILE] [--export PATH] [--since OLD] [--lang en|fr]
[--title TEXT] [-o PATH]`` (and ``make html``):

1. validates the answers once (the example when no file is given) and reads the LinkedIn
   export once (it prefills the answers); with ``--since OLD``, compares them with the earlier
   answers file exactly as ``assess --since`` does (:func:`beltlib.since.compare_file`: the section
   "Since last time" and the method's assumptions) — invalid input exits with status 2 and writes nothing;
2. builds the report document (:func:`beltlib.document.build`) in process and draws each section
   with the one block renderer (:mod:`beltlib.report`), the plots as PNG images
   (:func:`beltlib.figures.png_figures`) — no kernel: the notebook stays the app's shell and
   nbval's subject (``docs/design-notes.md`` says why);
3. puts each section in a notebook cell's rich output and exports it with nbconvert's
   ``HTMLExporter`` and the template ``beltlib/publish/templates/belt_static`` (based on nbconvert's
   ``lab`` template with every network load removed: no require.js, MathJax, Mermaid, widget
   manager or web fonts; one inlined stylesheet, responsive and A4 print);
4. replaces the output file atomically.

Reproducible: the same answers give the same bytes except the one generation-date line
(``<footer class="belt-generated">``), whose date honours ``SOURCE_DATE_EPOCH``.

``--interactive`` hands over to :func:`beltlib.publish.interactive.publish_interactive`,
called as ``publish_interactive(answers, lang=..., title=..., output=..., provenance=...,
export_summary=...)`` with the final, validated answers (export prefill applied;
``provenance`` maps each field to ``"you"``/``"export"``/``"example"``, None without an
export; ``export_summary`` the export's counts and dates, or None; ``since`` the
:class:`beltlib.since.SinceFile` of ``--since``, or None) and a ``Path``; it returns the path written.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .. import document
from ..answers import Answers, atomic_write_text
from ..assessment import assess
from ..locale import long_date_text
from ..report import section_html, title_html
from ..since import Since, compare_file
from ..texts import check_lang, t
from .common import (
    DEFAULT_INTERACTIVE_OUTPUT,
    DEFAULT_OUTPUT,
    TEMPLATE_NAME,
    TEMPLATES_DIR,
    PublishError,
    check_output,
    generation_date,
    resolve_export,
)

#: Issue 4's size limit for the example page, in bytes (checked by the tests).
MAX_BYTES = 500_000

__all__ = ["DEFAULT_INTERACTIVE_OUTPUT", "DEFAULT_OUTPUT", "PublishError", "TEMPLATES_DIR", "TEMPLATE_NAME",
           "export_html", "generation_date", "publish", "render_static", "report_notebook", "resolve_export"]


def report_notebook(answers: Answers, lang: str = "en", title: str | None = None,
                    provenance: Mapping[str, str] | None = None, export_summary: Any = None,
                    since: Since | None = None) -> Any:
    """The report as a notebook of rich outputs, one cell per document section, no code.

    Args:
        answers: the validated answers (export prefill applied).
        lang: ``"en"`` or ``"fr"``.
        title: the page title, or None (the catalogue's ``report.default_title``).
        provenance: field -> ``"you"``/``"export"``/``"example"`` (the answers table's origin
            column), or None.
        export_summary: the :class:`beltlib.linkedin.ExportSummary` already read, or None.
        since: a comparison with earlier answers (:func:`beltlib.since.compare_file`'s ``since``): the
            section "Since last time" after the result and the method's ``SINCE_DATE``/``SAME_PERSON``
            rows; None: neither.

    Returns:
        nbformat.NotebookNode: cells ``cell-1``… each with one ``display_data`` output (``text/html``):
        the first holds the ``<h1 class="belt-title">`` and the first section.

    Raises:
        ValueError: unknown ``lang``.
    """
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    from ..figures import png_figures

    a = assess(answers)
    doc = document.build(a, lang, answers=answers, provenance=provenance, export=export_summary, title=title,
                         since=since)
    figure = png_figures(a, lang, export_summary)
    cells = []
    for n, sec in enumerate(doc["sections"], 1):
        before = title_html(doc) if n == 1 else ""
        output = new_output("display_data", data={"text/html": section_html(sec, figure, before)}, metadata={})
        cell = new_code_cell("", outputs=[output])
        cell.id = f"cell-{n}"
        cells.append(cell)
    nb = new_notebook(cells=cells, metadata={"language_info": {"name": "python"}})
    nbformat.validate(nb)
    return nb


# ------------------------------------------------------------------- export
def export_html(nb: Any, lang: str = "en", title: str | None = None, date: _dt.date | None = None) -> str:
    """Export the report notebook (:func:`report_notebook`) as one self-contained HTML page.

    Args:
        nb: the notebook.
        lang: ``"en"`` or ``"fr"`` (``<html lang>`` and the catalogue texts).
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        date: the generation date (default :func:`generation_date`).

    Returns:
        str: the HTML text. ``<title>`` is the title, shown once as the first section's ``<h1>``;
        the last lines hold the ``report.generated`` sentence in ``<footer class="belt-generated">``.

    Raises:
        ValueError: unknown ``lang``.
    """
    from nbconvert import HTMLExporter

    check_lang(lang)
    page_title = title if title else t("report.default_title", lang)
    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        exclude_anchor_links=True, anchor_link_text="",
        require_js_url="", mathjax_url="", widget_renderer_url="", jupyter_widgets_base_url="",
        mermaid_js_url="", mermaid_layout_elk_js_url="", jquery_url="",
        language_code=lang, embed_images=True, sanitize_html=False)
    resources = {
        "metadata": {"name": page_title},
        "belt": {"title": page_title, "heading": "",
                 "generated": t("report.generated", lang, date=_long_date(generation_date(date), lang))},
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    # One line per blank run, and a final newline: the page is small and diff-friendly.
    return re.sub(r"\n\s*\n+", "\n", body).strip() + "\n"


def render_static(answers: Answers, lang: str = "en", title: str | None = None,
                  provenance: Mapping[str, str] | None = None, export_summary: Any = None,
                  date: _dt.date | None = None, since: Since | None = None) -> str:
    """The whole static page as HTML text (:func:`report_notebook` then :func:`export_html`).

    Args: as :func:`report_notebook`, plus ``date`` (the generation date shown).

    Returns:
        str: one self-contained HTML document.

    Raises:
        ValueError: unknown ``lang``.
    """
    nb = report_notebook(answers, lang, title, provenance, export_summary, since)
    return export_html(nb, lang=lang, title=title, date=date)


# ------------------------------------------------------------------ publish
def publish(output: str | os.PathLike[str] | None = None, answers_path: str | os.PathLike[str] | None = None,
            export_path: str | os.PathLike[str] | None = None, lang: str = "en", title: str | None = None,
            date: _dt.date | None = None, on_problem: Callable[[str], None] | None = None,
            on_stage: Callable[..., None] | None = None,
            since_path: str | os.PathLike[str] | None = None) -> Path:
    """Publish the report as one offline HTML file.

    The answers are validated once and the export read once (:func:`resolve_export`); what was
    read is what the page shows.

    Args:
        output: the file to write (default :data:`DEFAULT_OUTPUT`); an existing
            file is replaced atomically.
        answers_path: answers file; None for the example.
        export_path: LinkedIn export to prefill the answers from, or None.
        lang: ``"en"`` or ``"fr"``.
        title: page title (default: catalogue ``report.default_title``).
        date: generation date shown on the page (default :func:`generation_date`).
        on_problem: called with each safe message about an export file that could not be
            read (the rest of the export is still used).
        on_stage: called with a catalogue key (``cli.progress.reading``, ``…drawing``, ``…writing``,
            the last with ``path=``) as each stage starts (the command line's progress lines).
        since_path: an earlier answers file (``--since OLD``), or None. Compared as ``assess --since``
            does (:func:`beltlib.since.compare_file`; dates: the files' modification times, assumption
            ``SINCE_DATE``; without ``answers_path`` the example answers are dated today).

    Returns:
        Path: the file written.

    Raises:
        AnswersError, ExportError, ValueError: invalid input (nothing written); a
            :class:`beltlib.since.SinceError` (a ValueError) names ``--since``.
        OutputError: the output cannot be written (nothing written).
    """
    check_lang(lang)
    stage = on_stage or (lambda key, **values: None)
    if export_path is not None:
        stage("cli.progress.reading")
    _, answers, provenance, summary = resolve_export(answers_path, export_path)  # first: bad input writes nothing
    if summary is not None and on_problem is not None:
        for problem in summary.problem_texts(lang):
            on_problem(problem)
    since = compare_file(since_path, assess(answers), answers_path).since if since_path is not None else None
    out = check_output(output if output is not None else DEFAULT_OUTPUT)
    stage("cli.progress.drawing")
    page = render_static(answers, lang, title, provenance, summary, date, since)
    stage("cli.progress.writing", path=str(out))
    atomic_write_text(out, page)  # readable mode (0644 with the usual umask), atomic replace
    return out


def _long_date(day: _dt.date, lang: str) -> str:
    """The generation date in words (``"2 January 2026"``, ``"2 janvier 2026"``), never an ISO date."""
    return long_date_text(day.year, day.month, day.day, lang)
