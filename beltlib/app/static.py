"""The report as plain HTML sections (``live=False``: publishing); ipywidgets is never imported."""
from __future__ import annotations

from .. import report as rep
from ..assessment import Assessment
from .html import export_section_body, heading_html, plot_img_html, title_html
from .state import ReportState


class StaticReport:
    """The report as plain display objects (no widgets, no kernel needed to view them).

    Each section method returns an :class:`IPython.display.HTML` whose HTML is
    the section's heading and body.
    """

    def __init__(self, state: ReportState):
        self.state = state

    def _html(self, section: str, body: str, before: str = ""):
        from IPython.display import HTML
        return HTML(f'<section class="belt-section belt-section-{section}">{before}'
                    f"{heading_html(section, self.state.lang)}{body}</section>")

    @property
    def _a(self) -> Assessment:
        return self.state.assessment

    def intro(self):
        """Title and what the belts are (:func:`beltlib.report.intro_html`)."""
        lang = self.state.lang
        return self._html("intro", rep.intro_html(lang), before=title_html(self.state.title, lang))

    def export_summary(self):
        """What the LinkedIn export shows (counts and dates) and its timeline plot
        (``<figure class="belt-plot-timeline">``); None (nothing shown) without an export."""
        if self.state.export_summary is None:
            return None
        return self._html("export_summary", export_section_body(self.state))

    def questionnaire(self):
        """The answers used, as a table (with their origin when an export prefilled them)."""
        return self._html("questionnaire", rep.answers_html(self.state.answers, self.state.lang, self.state.provenance))

    def result(self):
        """Belt badge, score, percentile sentence, target belt (class ``belt-result``)."""
        return self._html("result", rep.result_html(self._a, self.state.lang))

    def population_plot(self):
        """"Where you sit" as an ``<img>`` in ``<figure class="belt-plot-population">``."""
        return self._html("population_plot", plot_img_html(self._a, "population", self.state.lang))

    def effort_plot(self):
        """"Effort vs usefulness" as an ``<img>`` in ``<figure class="belt-plot-effort">``."""
        return self._html("effort_plot", plot_img_html(self._a, "effort", self.state.lang))

    def action_plan(self):
        """The action plan and notes (:func:`beltlib.report.plan_html`)."""
        return self._html("action_plan", rep.plan_html(self._a, self.state.lang))

    def synthesis(self):
        """The three belts side by side (:func:`beltlib.report.synthesis_html`)."""
        return self._html("synthesis", rep.synthesis_html(self.state.lang))

    def method(self):
        """Method and every named assumption (:func:`beltlib.report.method_html`), with the
        export mapping's (:data:`beltlib.linkedin.EXPORT_ASSUMPTIONS`) when an export was given."""
        return self._html("method", rep.method_html(self.state.lang, self.state.method_extra()))

    def summary(self) -> None:
        """Print the result as plain text (:func:`beltlib.report.render_text`)."""
        print(rep.render_text(self._a, self.state.lang), end="")

