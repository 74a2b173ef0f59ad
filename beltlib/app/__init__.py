"""The report notebook (JupyterLab, Notebook 7, Voilà): live widgets or static HTML sections.

The notebook ``notebooks/belt_report.ipynb`` calls :func:`open_report` once, then
``report.show()`` (the whole report) and ``report.summary()`` (its plain text). Both views
draw the report document (:func:`beltlib.document.build`) section by section through
:mod:`beltlib.report`'s renderer, so a section added to the document shows in the notebook,
the Voilà app and the published page with no change here; nothing in this package lists
the sections.

Modules: :mod:`.state` (the one shared model that computes), :mod:`.static`
(plain HTML, ``live=False``: ipywidgets is not imported), :mod:`.live`
(the document as widgets, updated in place on every change; with the panels
:mod:`.controls` (the questions) and :mod:`.export_panel` (the LinkedIn export),
:mod:`.sections`, :mod:`.painter` and :mod:`.widgets`), :mod:`.html` (pieces
both share), the CSS file ``app.css`` and the page script ``app.js`` (accessibility,
typed numbers, lost connection, upload size; see :mod:`.live`), :mod:`.serve` (the
servers: ``make app``, ``make app-shared``, ``make lab``); the answers file is handled
by :mod:`beltlib.store`. Shared mode (``BELT_REPORT_SHARED=1``): no answers file, every
visitor starts from the example (:data:`beltlib.app.state.SHARED_ENV`).

Counts and hours are typed into text boxes that keep what was typed; the text
is read by :func:`beltlib.numbers.parse_number` (the language's conventions) and
checked by :func:`beltlib.answers.validate`; a refused value is neither saved nor
assessed and a message under the box says what the field accepts. "Reset to
example" keeps the answers file as ``answers.json.prev`` and can be undone.

Stable hooks (CSS classes, a public contract): ``belt-q-<field>`` on each
control, ``belt-field-error`` and ``belt-field-error-<field>`` (the message under
a refused typed value), ``belt-lang`` (language switch), ``belt-reset``,
``belt-undo-reset`` (shown after a reset), ``belt-result`` (the
result; its text holds the belt's name and a ``belt-status`` line that
counts the saved changes, a deterministic marker for browser waits),
``belt-plot-population`` and ``belt-plot-effort``, ``belt-section-<id>`` and
``belt-heading-<id>`` on each section and its heading; for the LinkedIn export
``belt-export-path`` (path field), ``belt-export-load`` (its
button), ``belt-export-upload`` (file upload), ``belt-export-message``,
``belt-export-summary`` (counts and dates), ``belt-plot-timeline`` and, on
each answer once an export is loaded, ``belt-origin`` with ``belt-origin-export``,
``belt-origin-you`` or ``belt-origin-example``.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..store import ANSWERS_ENV, DEFAULT_ANSWERS, PREV_SUFFIX, load_or_example, resolve_answers_path
from .state import SHARED_ENV, ReportState, prefill_from_export
from .static import StaticReport

if TYPE_CHECKING:
    from .live import LiveReport

#: Cell tag of the notebook's plain-text summary cell (hidden in the live app).
SUMMARY_TAG = "belt-summary"


def open_report(answers_path: str | os.PathLike[str] | None = DEFAULT_ANSWERS, lang: str = "en",
                persona: str = "job_seeker", live: bool = True, export_path: str | os.PathLike[str] | None = None,
                title: str | None = None) -> LiveReport | StaticReport:
    """Open the report for the notebook (the cell after the ``parameters`` cell).

    Args:
        answers_path: the answers file (JSON, schema 1); relative to the current
            folder; ``answers.json`` is replaced by ``$BELT_REPORT_ANSWERS`` when set.
            Live mode writes it on every change; static mode only reads it.
        lang: ``"en"`` or ``"fr"``.
        persona: persona of the example answers used when the file is missing
            (or, live, invalid): one of :data:`beltlib.rules.PERSONAS`.
        live: True for widgets (JupyterLab, Notebook 7, Voilà); False for plain
            HTML outputs (publishing; ipywidgets is not imported).
        export_path: a LinkedIn data export (zip or folder) to prefill answers from.
        title: the report's title (None: the catalogue's default).

    Returns:
        LiveReport or StaticReport: ``show()`` draws the report, ``summary()`` prints it.

    Raises:
        ValueError: unknown ``lang``. AnswersError: unknown ``persona``; in static
            mode also an invalid answers file (never renamed or written).
            ExportError (a ValueError): unreadable export.
    """
    state = ReportState(answers_path, lang, persona, export_path, title, read_only=not live)
    if not live:
        return StaticReport(state)
    from .live import LiveReport  # imports ipywidgets
    return LiveReport(state)


__all__ = ["open_report", "ReportState", "StaticReport", "resolve_answers_path", "load_or_example",
           "prefill_from_export", "DEFAULT_ANSWERS", "ANSWERS_ENV", "SUMMARY_TAG", "PREV_SUFFIX",
           "SHARED_ENV"]
