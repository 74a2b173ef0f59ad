"""HTML pieces shared by the static and the live report: headings, title, plots, result."""
from __future__ import annotations

from .. import report as rep
from ..assessment import Assessment
from ..linkedin.timeline import timeline_img_html
from ..texts import t
from .state import ReportState

#: Section names, in the notebook's order.
SECTIONS = ("intro", "export_summary", "questionnaire", "result", "population_plot", "effort_plot",
            "action_plan", "synthesis", "method")
#: Catalogue key of each section's heading.
HEADINGS = {"intro": "intro.title", "export_summary": "export.section_title", "questionnaire": "answers.title",
            "result": "result.title", "population_plot": "plot.population.title", "effort_plot": "plot.effort.title",
            "action_plan": "plan.title", "synthesis": "synthesis.title", "method": "method.title"}

_e = rep.escape


def heading_html(section: str, lang: str) -> str:
    """A section's heading (``<h2 class="belt-heading">``), from the catalogue."""
    return f'<h2 class="belt-heading belt-heading-{section}">{_e(t(HEADINGS[section], lang))}</h2>'


def title_html(title: str | None, lang: str) -> str:
    """The report title (escaped ``<h1>``); the catalogue's default when ``title`` is None."""
    return f'<h1 class="belt-title">{_e(title if title else t("report.default_title", lang))}</h1>'


def plot_width_px(kind: str) -> int:
    """A plot's PNG width in pixels (:data:`beltlib.plots.SIZES` at 100 dpi): the
    largest width it is shown at, so it is never blurred by scaling up."""
    from .. import plots
    return round(plots.SIZES[kind][0] * 100)


def plot_img_html(a: Assessment, kind: str, lang: str) -> str:
    """A plot as ``<figure class="belt-plot-<kind>">`` holding an ``<img>`` (PNG data URI) with alt text.

    The PNG is drawn at :data:`STATIC_PLOT_DPI` and shown at most :func:`plot_width_px` wide.
    """
    from .. import plots
    alt = plots.alt_text(a, kind, lang)
    uri = plots.data_uri_png(plots.render_png(a, kind, lang, dpi=plots.STATIC_PLOT_DPI))
    return (f'<figure class="belt-plot-{kind}" style="margin:0"><img src="{uri}" alt="{_e(alt)}" '
            f'style="width:100%;max-width:{plot_width_px(kind)}px;height:auto">'
            f'<figcaption class="belt-plot-caption">{_e(alt)}</figcaption></figure>')


def export_section_body(state: ReportState) -> str:
    """The static export section's body: what the export shows and its timeline (or ``""``)."""
    if state.export_summary is None:
        return ""
    summary, lang = state.export_summary, state.lang
    return rep.export_summary_html(summary, lang) + timeline_img_html(summary, lang)


def result_body_html(a: Assessment, lang: str, status: str = "") -> str:
    """The live result: :func:`beltlib.report.result_html` (its own ``belt-result`` class
    renamed ``belt-result-body`` so the page has one ``.belt-result``) and a status line."""
    body = rep.result_html(a, lang).replace('class="belt-result"', 'class="belt-result-body"', 1)
    return body + (f'<p class="belt-status">{_e(status)}</p>' if status else "")

