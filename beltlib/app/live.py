"""The live report (``live=True``: JupyterLab, Notebook 7, Voilà): the report document drawn as
widgets, wired to one :class:`beltlib.app.state.ReportState`.

Every change is validated, assessed, saved to the answers file with an atomic write; the report
then builds the document afresh (:func:`beltlib.document.build`) and updates each section's widgets
in place: an ``HTML`` widget's value only when its HTML changed, a plot (PNG in an ``Image``
widget, drawn by :class:`beltlib.app.painter.PlotPainter`) only when what it shows changed; once
the kernel is idle (:data:`WARM_S`), the painters draw the other language's plot backgrounds, so a
language switch only draws the person's marks. Two panels own their controls and listen to the
state themselves: the questions (:class:`beltlib.app.controls.QuestionnairePanel`, drawing the
``questionnaire`` section) and the LinkedIn export (:class:`beltlib.app.export_panel.ExportPanel`,
showing the ``export_summary`` section's blocks). Sections are laid out by their area
(:data:`beltlib.document.AREAS`); the CSS (the package file ``app.css``) puts them in two columns
in Voilà from :data:`TWO_COLUMNS_MIN_PX`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib import resources
from typing import Any

from .. import document
from .. import report as rep
from ..announce import short_announcement
from ..locale import LOCALES
from ..texts import CATALOGUE, LANGS, t
from .controls import QuestionnairePanel
from .export_panel import ExportPanel
from .html import build_document, title_html
from .painter import PlotPainter
from .sections import FigureView, SectionView
from .state import ReportState
from .widgets import PAUSE_S, CallbackErrors, _section_class, later, set_value

__all__ = ["LiveReport", "PAUSE_S", "later", "page_script", "upload_limit_bytes"]

#: Viewport width from which Voilà shows the report in two columns (the value is written in
#: ``app.css``): the introduction, the export and the answers on the left; the result, both
#: plots and the plan on the right (so a change and its effect are on screen together); the
#: synthesis and the method below, full width.
TWO_COLUMNS_MIN_PX = 1100
#: Seconds without a change after which the live report draws the other language's plot backgrounds
#: (one plot per turn of the kernel's event loop), so the first language switch only draws the marks.
WARM_S = 1.0
#: Cell tag of the notebook's plain-text summary cell; the live app hides it
#: (it is a snapshot at opening and would not follow the changes).
SUMMARY_TAG = "belt-summary"
#: CSS of the live app (the package data file ``beltlib/app/app.css``).
APP_CSS = resources.files(__package__).joinpath("app.css").read_text(encoding="utf-8")

#: Environment variable with the server's upload limit in MB (the websocket message limit the
#: server was started with; ``python -m beltlib.app.serve`` sets both). Unset: Tornado's default, 10 MiB.
UPLOAD_LIMIT_ENV = "BELT_REPORT_UPLOAD_LIMIT_MB"
#: Tornado's default websocket message limit (bytes): what a server started without a setting accepts.
TORNADO_DEFAULT_LIMIT = 10 * 1024 * 1024
#: Catalogue keys the page script shows (in both languages).
PAGE_TEXTS = ("ui.pending", "ui.lost", "ui.lost_status", "ui.upload_limit", "ui.upload_use_path", "ui.upload_smaller",
              "ui.uploading", "ui.upload_failed")
#: The page script (the package data file ``beltlib/app/app.js``).
APP_JS = resources.files(__package__).joinpath("app.js").read_text(encoding="utf-8")

_e = rep.escape


def upload_limit_bytes() -> int:
    """The server's upload limit in bytes: ``$BELT_REPORT_UPLOAD_LIMIT_MB`` × 2**20, else Tornado's 10 MiB."""
    try:
        return int(float(os.environ[UPLOAD_LIMIT_ENV]) * 1024 * 1024)
    except (KeyError, ValueError):
        return TORNADO_DEFAULT_LIMIT


def page_script(lang: str, shared: bool) -> str:
    """The ``<script>`` that loads :data:`APP_JS` with its configuration (texts, limit, mode).

    Args:
        lang: the report's language at opening.
        shared: shared mode (no path field: an upload that is too big says so differently).

    Returns:
        str: HTML (one ``<script>`` element).
    """
    config = {"lang": lang, "langs": list(LANGS), "shared": shared, "uploadLimit": upload_limit_bytes(),
              "texts": {x: {k: CATALOGUE[x][k] for k in PAGE_TEXTS} for x in LANGS}}  # templates: JS fills them
    config["locale"] = LOCALES  # how each language writes numbers (beltlib.locale), read by app.js
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return f"<script>window.beltAppConfig = {data};\n{APP_JS}</script>"



class LiveReport:
    """The live report: the document's sections as widgets, wired to one :class:`ReportState`.

    :meth:`show` returns the report (or one area of it) as one widget; :meth:`section` one
    section's widget; each section id of the document is also a method (``report.result()``).
    Every section of :func:`beltlib.document.build`'s document is drawn by a :class:`SectionView`
    (a section added to :data:`beltlib.document.SECTIONS` appears with no change here), except the
    two the panels draw: ``questionnaire_panel`` (:class:`QuestionnairePanel`) and
    ``export_panel`` (:class:`ExportPanel`). Kept reachable here: ``controls``, ``lang_switch``,
    ``reset_button``, ``undo_button`` (the questions'), ``export_path``, ``export_load``,
    ``export_upload``, ``timeline_image`` (the export's), ``population_image`` and
    ``effort_image`` (the plots' ``Image`` widgets); ``views`` maps each section id to its view,
    ``figures`` each plot kind to its :class:`FigureView`, :meth:`body` gives a section's text widget.

    Args:
        state (ReportState): the shared state.
    """

    #: The section whose text ends with the status line (changes saved, what was not).
    STATUS_SECTION = "result"

    def __init__(self, state: ReportState):
        import ipywidgets as w
        self._w, self.state = w, state
        self.errors = CallbackErrors(lambda: self.state.lang)
        self.questionnaire_panel = QuestionnairePanel(state, self.errors)
        self.export_panel = ExportPanel(state, self.errors)
        self._panels = {p.SECTION: p for p in (self.questionnaire_panel, self.export_panel)}
        self._painters = {kind: PlotPainter(kind) for kind in ("population", "effort")}
        self.views: dict[str, SectionView] = {}
        self._script_shown = False
        self._warm_timer: Any = None
        # the page's state (its language, read by the page script), the CSS and the title
        self.head = w.HTML()
        # a heartbeat the page script watches: it writes to the hidden ``belt-ping`` box, the kernel
        # echoes into the hidden ``belt-pong``; when the echo stops, the page says the connection is lost
        self.ping = w.Text(value="", continuous_update=False, layout=w.Layout(display="none"))
        self.ping.add_class("belt-ping")
        self.pong = w.HTML("", layout=w.Layout(display="none"))
        self.pong.add_class("belt-pong")
        self.ping.observe(lambda change: setattr(self.pong, "value", str(change["new"])), names="value")
        # issue 10: the belt and the distance to the target stay in view while answers change
        # (a bar fixed at the bottom of narrow screens, at the top of the result's column from 1100 px)
        self.summary_bar = w.HTML()
        self.summary_bar.add_class("belt-summary-bar")
        self.announce = w.HTML()
        self.announce.add_class("belt-announce")  # a polite live region (the page script marks it)
        self._area_first = {"lead": [self.head, self.ping, self.pong], "outcome": [self.summary_bar, self.announce]}
        self.areas: dict[str, Any] = {}
        for area in document.AREAS:
            box = w.VBox(list(self._area_first.get(area, [])), layout=w.Layout(width="100%"))
            for cls in ("belt-app", "belt-area", f"belt-area-{area}"):
                box.add_class(cls)
            self.areas[area] = box
        # what a viewer without the widget manager shows (e.g. an untrusted notebook): the title, not a repr
        self._root = _section_class()(list(self.areas.values()), layout=w.Layout(width="100%"))
        self._root.add_class("belt-layout")
        self._refresh("open")
        state.subscribe(self._refresh)

    @property
    def lang(self) -> str:
        """The report's language now."""
        return self.state.lang

    # ------------------------------------------------------------ drawing the document
    def _plotter(self, kind: str) -> tuple[Any, Callable[[], bytes]]:
        """The key of what plot ``kind`` shows now and how to draw it (:data:`beltlib.app.sections.Plotter`):
        the report's plots, the export's figures (:data:`beltlib.figures.EXPORT_KINDS`); a figure of any
        other kind shows its caption alone (an empty image), as the interactive page does."""
        a, lang = self.state.assessment, self.lang
        if kind == "population":
            return (a.belt, a.percentile, lang), lambda: self._painters[kind].png(a, lang)
        if kind == "effort":
            return ((a.answers.persona, a.hours_per_week, a.usefulness, a.target_belt, lang),
                    lambda: self._painters[kind].png(a, lang))
        from ..figures import EXPORT_KINDS, export_png
        summary = self.state.export_summary    # the export's figures (timeline, history): beltlib.figures
        if kind not in EXPORT_KINDS or summary is None:
            return (kind, None), lambda: b""
        return (kind, id(summary), lang), lambda: export_png(kind, summary, lang)

    def _view(self, ident: str, area: str) -> SectionView:
        """The view of a section, made and laid out in its area (in the document's order) the first time."""
        view = self.views.get(ident)
        if view is None:
            view = self.views[ident] = SectionView(ident, self._plotter, self._panels.get(ident))
            view.area = area
            order = {x: i for i, x in enumerate(document.SECTION_IDS)}
            mine = sorted((v for v in self.views.values() if v.area == area), key=lambda v: order.get(v.ident, 1e9))
            self.areas[area].children = [*self._area_first.get(area, []), *(v.widget for v in mine)]
        return view

    def _refresh(self, reason: str) -> None:
        """Build the document afresh and update every section from it (a :meth:`ReportState.subscribe`
        listener): plots first, then the summary bar, the result (with its status line, a marker browser
        tests wait for) and the live region last.

        Args:
            reason (str): ``"open"``, ``"answers"``, ``"lang"``, ``"export"`` or ``"section"``.
        """
        doc = build_document(self.state)
        lang = self.lang
        present = {s["id"]: s for s in doc["sections"]}
        for ident, panel in self._panels.items():  # a panel is shown even while its section is not
            if ident not in present:
                self._view(ident, getattr(panel, "AREA", "answers")).update(
                    None, lang, fallback_title=t(getattr(panel, "HEADING", "report.default_title"), lang))
        self._root.plain_text = f"{doc['title']} ({t('ui.fallback', lang)})"
        set_value(self.head, f'<style>{APP_CSS}</style><div class="belt-page-state" data-lang="{_e(lang)}" hidden>'
                             f"</div>{title_html(doc['title'], lang)}")
        for ident, view in self.views.items():
            if ident not in present and ident not in self._panels:
                view.update(None, lang)
        status = self.STATUS_SECTION
        for sec in doc["sections"]:
            if sec["id"] != status:
                self._view(sec["id"], sec["area"]).update(sec, lang)
        set_value(self.summary_bar, rep.summary_html(doc))
        if status in present:
            self._view(status, present[status]["area"]).update(
                present[status], lang, f'<p class="belt-status">{_e(self.state.status_text())}</p>')
        # one short sentence, the belt and the distance: said whenever either changes
        set_value(self.announce, f"<p>{_e(short_announcement(self.state.assessment, lang))}</p>")
        self._schedule_warm(WARM_S)

    def _schedule_warm(self, delay: float) -> None:
        """Draw the other language's plot backgrounds after ``delay`` seconds without a change, on the
        kernel's event loop (between the page's messages); nothing without a running loop (a script,
        a test: the first switch draws them)."""
        if self._warm_timer is not None:
            self._warm_timer.cancel()
        self._warm_timer = later(delay, self._warm_next, thread=False)

    def _warm_next(self) -> None:
        """Draw one missing background of the other languages, then come back for the next one. An error
        is left to the event loop (the kernel's log): the switch then draws the plot and shows it."""
        self._warm_timer = None
        shown = self.figures
        for lang in LANGS:
            for kind, painter in self._painters.items():
                if lang != self.lang and kind in shown and painter.warm(self.state.assessment, lang):
                    self._schedule_warm(0.0)  # one plot a turn: a change never waits for both
                    return

    # ------------------------------------------------------------ what the notebook calls
    def show(self, area: str | None = None) -> Any:
        """The report as one widget: the areas (:data:`beltlib.document.AREAS`) in a ``VBox`` of class
        ``belt-layout`` (two columns in Voilà from :data:`TWO_COLUMNS_MIN_PX`), or one area's ``VBox``.
        In a kernel, the first call also displays the page script (:func:`page_script`).

        Args:
            area (str | None): one area, or None for the whole report.

        Returns:
            ipywidgets.VBox: the same widget on every call.

        Raises:
            ValueError: an unknown area (naming the allowed ones).
        """
        if area is not None and area not in self.areas:
            raise ValueError(f"area: got {area!r} (allowed: one of {', '.join(self.areas)})")
        if not self._script_shown:
            from IPython import get_ipython
            if get_ipython() is not None:  # in a kernel (not a plain script or a test): the page gets it
                from IPython.display import HTML, display
                display(HTML(page_script(self.lang, self.state.shared)))
            self._script_shown = True
        return self._root if area is None else self.areas[area]

    def app(self) -> Any:
        """The whole report in one widget (:meth:`show`), for tests, benchmarks and ``display``."""
        return self.show()

    def section(self, ident: str) -> Any:
        """One section's widget (hidden while the document does not hold the section).

        Args:
            ident (str): a section id of the document (:data:`beltlib.document.SECTION_IDS`).

        Returns:
            The section's ``VBox`` (class ``belt-section-<id>``).

        Raises:
            ValueError: an id that is no section of the document (naming the allowed ids).
        """
        if ident not in self.views:
            if ident not in document.SECTION_IDS:
                raise ValueError(f"section: got {ident!r} (allowed: one of {', '.join(document.SECTION_IDS)})")
            self._refresh("section")
        if ident not in self.views:  # not in the document now (and no panel draws it)
            self._view(ident, "reference").update(None, self.lang)
        return self.views[ident].widget

    def __getattr__(self, name: str) -> Callable[[], Any]:
        if name in document.SECTION_IDS:
            return lambda: self.section(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def body(self, ident: str) -> Any:
        """The first text widget of a section (its blocks as HTML), or None."""
        view = self.views.get(ident)
        return view.text if view is not None else None

    @property
    def figures(self) -> dict[str, FigureView]:
        """Each plot kind shown by a section view -> its :class:`FigureView`."""
        return {f.plot: f for v in self.views.values() for f in v.figures()}

    def summary(self) -> None:
        """Print the report as plain text (:func:`beltlib.report.render_text`), as it is when the
        cell runs, followed by a line saying it is a snapshot (the live result follows the changes)."""
        print(rep.render_text(self.state.assessment, self.lang, title=self.state.title), end="")
        print(t("ui.summary_snapshot", self.lang))

    # ------------------------------------------------------------ the panels' widgets, kept reachable
    @property
    def controls(self) -> dict[str, Any]:
        """Each answers field's control (:attr:`QuestionnairePanel.controls`)."""
        return self.questionnaire_panel.controls

    @property
    def lang_switch(self) -> Any:
        """The language switch (``belt-lang``)."""
        return self.questionnaire_panel.lang_switch

    @property
    def reset_button(self) -> Any:
        """"Reset to example" (``belt-reset``)."""
        return self.questionnaire_panel.reset_button

    @property
    def undo_button(self) -> Any:
        """"Undo reset" (``belt-undo-reset``)."""
        return self.questionnaire_panel.undo_button

    @property
    def export_path(self) -> Any:
        """The export's path field (``belt-export-path``)."""
        return self.export_panel.export_path

    @property
    def export_load(self) -> Any:
        """"Load export" (``belt-export-load``)."""
        return self.export_panel.export_load

    @property
    def export_upload(self) -> Any:
        """The zip upload (``belt-export-upload``)."""
        return self.export_panel.export_upload

    @property
    def timeline_image(self) -> Any:
        """The export's timeline (``Image``, ``belt-plot-timeline``)."""
        return self.export_panel.timeline_image

    @property
    def population_image(self) -> Any:
        """"Where you sit" (``Image``, ``belt-plot-population``), or None when no section shows it."""
        figure = self.figures.get("population")
        return figure.image if figure is not None else None

    @property
    def effort_image(self) -> Any:
        """"Effort vs usefulness" (``Image``, ``belt-plot-effort``), or None when no section shows it."""
        figure = self.figures.get("effort")
        return figure.image if figure is not None else None
