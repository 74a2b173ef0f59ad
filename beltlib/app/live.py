"""The live report (``live=True``: JupyterLab, Notebook 7, Voilà): widgets wired to one
:class:`beltlib.app.state.ReportState`.

Every change is validated, assessed, saved to the answers file with an atomic write, and
pushed to the result, the two plots (PNG in ``Image`` widgets, re-drawn only when what they
show changed, by :class:`beltlib.app.painter.PlotPainter`) and the action plan. The
questionnaire lives in :mod:`beltlib.app.controls`, the export panel in
:mod:`beltlib.app.export_panel`; the CSS is the package file ``app.css``.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

from .. import report as rep
from ..locale import LOCALES
from ..texts import CATALOGUE, LANGS, t
from .controls import QuestionnaireView
from .export_panel import ExportPanel
from .html import HEADINGS, SECTIONS, heading_html, plot_width_px, result_body_html, title_html
from .painter import PlotPainter
from .state import ReportState
from .widgets import FILL, _section_class

#: Viewport width from which Voilà shows the report in two columns (the value is written in
#: ``app.css``): the introduction, the export and the answers on the left; the result, both
#: plots and the plan on the right (so a change and its effect are on screen together); the
#: synthesis and the method below, full width.
TWO_COLUMNS_MIN_PX = 1100
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


#: Seconds without a keystroke after which a typed number is taken (the page uses the same pause).
PAUSE_S = 0.8


def later(seconds: float, callback: Callable[[], None]) -> Any:
    """Call ``callback`` after ``seconds`` on the kernel's event loop (a thread timer outside one).

    Returns:
        An object with ``cancel()``.
    """
    import asyncio
    try:
        return asyncio.get_running_loop().call_later(seconds, callback)
    except RuntimeError:  # no running loop (a plain script): a timer thread
        import threading
        timer = threading.Timer(seconds, callback)
        timer.daemon = True
        timer.start()
        return timer


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


class LiveReport(QuestionnaireView, ExportPanel):
    """The live report: widgets wired to one :class:`ReportState`.

    Section methods return a widget (built on first call, the same one after);
    :meth:`app` returns all sections in one box. ``controls`` maps each answers
    field (not ``schema``) to its widget (counts and hours: a ``Text`` box that keeps
    what was typed; a refused value shows a message below it, class
    ``belt-field-error``); ``lang_switch``, ``reset_button`` and ``undo_button``
    (class ``belt-undo-reset``, shown after a reset) are the other controls;
    ``population_image``/``effort_image`` are the plots' ``Image`` widgets once built.
    The export section (:meth:`export_summary`) adds ``export_path`` (``Text``),
    ``export_load`` (``Button``), ``export_upload`` (``FileUpload``) and
    ``timeline_image`` (``Image``).
    """

    def __init__(self, state: ReportState):
        import ipywidgets as w
        self._w = w
        self.state = state
        self._syncing = False
        self._sections: dict[str, Any] = {}
        self._headings: dict[str, Any] = {}
        self._plot_keys: dict[str, Any] = {}
        self.controls: dict[str, Any] = {}
        self._labels: dict[str, Any] = {}
        self._group_titles: dict[str, Any] = {}
        self.population_image = self.effort_image = None
        self._painters = {kind: PlotPainter(kind) for kind in ("population", "effort")}
        self._captions: dict[str, Any] = {}
        self._result = self._plan = self._intro = self._synthesis = self._method = None
        self._summary = self._download = None  # the compact summary bar and "Download my answers"
        self._announce = self._ping = self._pong = self._draft = None
        self._draft_timers: dict[str, Any] = {}
        self._taken_text: dict[str, Any] = {}  # the last value each control gave (drafts never re-take it)
        self._callback_error = ""  # the last callback's unexpected error, shown (never swallowed)
        self._export_answers = 0  # export loads answered (the page script watches it after an upload)
        self._message = self._lang_label = None
        self.lang_switch = self.reset_button = None
        self.export_path = self.export_load = self.export_upload = self.timeline_image = None
        self._export: dict[str, Any] = {}
        self._timeline_key: Any = None
        self._export_notice = ""  # catalogue key of a hint for the person (empty path), or ""
        self._origin_tags: dict[str, Any] = {}
        self._field_errors: dict[str, Any] = {}  # count/number field -> its message widget
        self.undo_button = None
        state.subscribe(self._refresh)

    # ------------------------------------------------------------ helpers
    @contextlib.contextmanager
    def _shown_errors(self) -> Iterator[None]:
        """Run a widget callback; an unexpected error is shown in the export message area
        (or above the questions when there is no export section), never swallowed."""
        self._callback_error = ""
        try:
            yield
        except Exception as exc:  # noqa: BLE001 - every callback error is shown to the person
            self._callback_error = t("ui.callback_error", self.lang, error=f"{type(exc).__name__}: {exc}")
            self._refresh("export")

    @property
    def lang(self) -> str:
        return self.state.lang

    def _heading_value(self, name: str) -> str:
        title = title_html(self.state.title, self.lang) if name == "intro" else ""
        if name == "intro":  # the page script reads the language here (<html lang>, its own messages)
            title = f'<div class="belt-page-state" data-lang="{self.lang}" hidden></div>{title}'
        return f"<style>{APP_CSS}</style>{title}{heading_html(name, self.lang)}"

    def _section(self, name: str, children: list) -> Any:
        w = self._w
        heading = w.HTML(self._heading_value(name))
        self._headings[name] = heading
        box = _section_class()([heading, *children], layout=w.Layout(width="100%"))
        box.plain_text = f"{t(HEADINGS[name], self.lang)} ({t('ui.fallback', self.lang)})"
        box.add_class("belt-app")
        box.add_class("belt-section")
        box.add_class(f"belt-section-{name}")
        self._sections[name] = box
        return box


    def _draw_plot(self, kind: str) -> None:
        from .. import plots
        image = self.population_image if kind == "population" else self.effort_image
        if image is None:
            return
        a = self.state.assessment
        key = ((a.belt, a.percentile) if kind == "population"
               else (a.answers.persona, a.hours_per_week, a.usefulness, a.target_belt)) + (self.lang,)
        if self._plot_keys.get(kind) == key:
            return
        self._plot_keys[kind] = key
        alt = plots.alt_text(a, kind, self.lang)
        # No ``tooltip`` on the Image: its view crashes without a description
        # (ipywidgets 8.1 updateTooltip); the caption below states the message.
        image.value = self._painters[kind].png(a, self.lang)
        self._captions[kind].value = f'<p class="belt-plot-caption">{_e(alt)}</p>'

    def _refresh(self, reason: str) -> None:
        """Update every built view from the state: plots first, the result (with its marker) last."""
        if reason == "export":
            self._export_answers += 1
        a, lang = self.state.assessment, self.lang
        if reason == "lang" or self.controls:
            self._sync_controls()
        if reason == "lang":
            for name, heading in self._headings.items():
                heading.value = self._heading_value(name)
            if self._intro is not None:
                self._intro.value = rep.intro_html(lang)
            if self._synthesis is not None:
                self._synthesis.value = rep.synthesis_html(lang)
        if reason in ("lang", "export") and self._method is not None:
            self._method.value = rep.method_html(lang, self.state.method_extra())
        if reason in ("lang", "export") and self._export:
            self._update_export()
        if self._message is not None:
            self._update_message()
        self._draw_plot("population")
        self._draw_plot("effort")
        if self._plan is not None:
            self._plan.value = rep.plan_html(a, lang)
        if self._summary is not None:
            self._summary.value = rep.summary_html(a, lang)
            self._download.value = self._download_value()
        if self._result is not None:
            self._result.value = result_body_html(a, lang, self.state.status_text())
            announce = self._announce_value()
            if self._announce.value != announce:
                self._announce.value = announce

    def _update_message(self) -> None:
        text = self.state.message_text()
        if self._callback_error and not self._export:
            text = f"{self._callback_error} {text}".strip()
        self._message.value = f'<p class="belt-message" role="alert">{_e(text)}</p>' if text else ""
        self._message.layout.display = None if text else "none"

    def _once(self, name: str, build: Callable[[], Any]) -> Any:
        if name not in self._sections:
            build()
        return self._sections[name]

    # ------------------------------------------------------------ sections
    def intro(self):
        """Title and what the belts are; also loads the page script (:func:`page_script`) and the
        heartbeat it watches (a hidden ``belt-ping`` box the page writes to, echoed by the kernel
        into a hidden ``belt-pong``: when the echo stops, the page says the connection is lost)."""
        def build():
            w = self._w
            self._intro = w.HTML(rep.intro_html(self.lang))
            self._ping = w.Text(value="", continuous_update=False, layout=w.Layout(display="none"))
            self._ping.add_class("belt-ping")
            self._pong = w.HTML("", layout=w.Layout(display="none"))
            self._pong.add_class("belt-pong")
            self._ping.observe(self._on_ping, names="value")
            # every keystroke in a number box reaches the kernel here at once ("field=text"), so a
            # number typed just before the tab closes is still taken after a pause (take_draft)
            self._draft = w.Text(value="", continuous_update=True, layout=w.Layout(display="none"))
            self._draft.add_class("belt-draft")
            self._draft.observe(self._on_draft, names="value")
            self._section("intro", [self._intro, self._ping, self._pong, self._draft])
            from IPython import get_ipython
            if get_ipython() is not None:  # in a kernel (not a plain script or a test): the page gets it
                from IPython.display import HTML, display
                display(HTML(page_script(self.lang, self.state.shared)))
        return self._once("intro", build)

    def _on_ping(self, change: dict[str, Any]) -> None:
        self._pong.value = str(change["new"])

    def _on_draft(self, change: dict[str, Any]) -> None:
        """A keystroke in a number box (``"field=text"``): take the text after :data:`PAUSE_S` without
        another keystroke, even if the page is gone by then."""
        field, _, text = str(change["new"]).partition("=")
        if field not in self._field_errors or text == self._taken_text.get(field):
            return
        old = self._draft_timers.pop(field, None)
        if old is not None:
            old.cancel()
        self._draft_timers[field] = later(PAUSE_S, lambda: self._take_draft(field, text))

    def _cancel_drafts(self, field: str | None = None) -> None:
        """Forget the keystrokes waiting to be taken (of ``field``, or all): taken another way, or overridden."""
        for name in [field] if field is not None else list(self._draft_timers):
            timer = self._draft_timers.pop(name, None)
            if timer is not None:
                timer.cancel()

    def _take_draft(self, field: str, text: str) -> None:
        self._draft_timers.pop(field, None)
        if text != self._taken_text.get(field) and self.controls[field].value != text:  # not taken already
            self.controls[field].value = text  # as if Enter was pressed: observed by _on_control

    def result(self):
        """The result (class ``belt-result``): badge, score, percentile, target, status line."""
        def build():
            self._result = self._w.HTML(result_body_html(self.state.assessment, self.lang, self.state.status_text()))
            self._result.add_class("belt-result")
            self._announce = self._w.HTML(self._announce_value())
            self._announce.add_class("belt-announce")  # a polite live region (the page script marks it)
            self._section("result", [self._result, self._announce])
        return self._once("result", build)

    def _plot(self, kind: str):
        def build():
            w = self._w
            image = w.Image(format="png", layout=w.Layout(width=FILL, max_width=f"{plot_width_px(kind)}px",
                                                          height="auto"))
            image.add_class(f"belt-plot-{kind}")
            setattr(self, f"{kind}_image", image)
            self._captions[kind] = w.HTML()
            self._draw_plot(kind)
            self._section(f"{kind}_plot", [image, self._captions[kind]])
        return self._once(f"{kind}_plot", build)

    def population_plot(self):
        """"Where you sit" (``Image`` widget, class ``belt-plot-population``), redrawn on change."""
        return self._plot("population")

    def effort_plot(self):
        """"Effort vs usefulness" (``Image`` widget, class ``belt-plot-effort``), redrawn on change."""
        return self._plot("effort")

    def action_plan(self):
        """The action plan and notes, updated on change."""
        def build():
            self._plan = self._w.HTML(rep.plan_html(self.state.assessment, self.lang))
            self._section("action_plan", [self._plan])
        return self._once("action_plan", build)

    def synthesis(self):
        """The three belts side by side."""
        def build():
            self._synthesis = self._w.HTML(rep.synthesis_html(self.lang))
            self._section("synthesis", [self._synthesis])
        return self._once("synthesis", build)

    def method(self):
        """Method and every named assumption (the export mapping's too once an export is loaded)."""
        def build():
            self._method = self._w.HTML(rep.method_html(self.lang, self.state.method_extra()))
            self._section("method", [self._method])
        return self._once("method", build)

    def _announce_value(self) -> str:
        """The live region's text: the belt (changed only when the belt or the language changes)."""
        belt = t(f"belt.{self.state.assessment.belt}", self.lang)
        return f"<p>{_e(t('result.belt', self.lang, belt=belt))}</p>"

    def summary(self) -> None:
        """Print the result as plain text (:func:`beltlib.report.render_text`), as it is when the
        cell runs, followed by a line saying it is a snapshot (the live result follows the changes)."""
        print(rep.render_text(self.state.assessment, self.lang), end="")
        print(t("ui.summary_snapshot", self.lang))

    def app(self):
        """All sections in one ``VBox`` (for tests, benchmarks and ``display``)."""
        return self._w.VBox([getattr(self, name)() for name in SECTIONS])

