"""HTML pieces shared by the static and the live report: the document, the title, the plots.

Both views draw :func:`beltlib.document.build`'s document through :mod:`beltlib.report`'s one
block renderer; nothing here names a section: a section added to :data:`beltlib.document.SECTIONS`
shows in both views as it is.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import document
from .. import report as rep
from ..texts import t
from .state import ReportState

_e = rep.escape


def build_document(state: ReportState) -> dict[str, Any]:
    """The report document of the state as it is now (answers, language, export, title).

    Args:
        state (ReportState): the report's state.

    Returns:
        dict[str, Any]: :func:`beltlib.document.build`'s document: the answers table shows the
        answers' origin once an export is loaded, the export's section and assumptions once one is, and
        "Since last time" when an earlier day's answers are kept (:attr:`ReportState.since`).

    Raises:
        ValueError: an unknown language (cannot happen: the state checks it).
    """
    return document.build(state.assessment, state.lang, answers=state.answers, provenance=state.provenance,
                          export=state.export_summary, title=state.title, since=state.since)


def title_html(title: str | None, lang: str) -> str:
    """The report title (escaped ``<h1 class="belt-title">``); the catalogue's default when ``title`` is None."""
    return f'<h1 class="belt-title">{_e(title if title else t("report.default_title", lang))}</h1>'


def plot_width_px(kind: str) -> int:
    """A plot's PNG width in pixels (:data:`beltlib.plots.SIZES` at 100 dpi, the timeline's own size):
    the largest width it is shown at, so it is never blurred by scaling up."""
    from ..figures import EXPORT_KINDS, export_plot_width_px
    if kind in EXPORT_KINDS:
        return export_plot_width_px(kind)
    from .. import plots
    return round(plots.SIZES[kind][0] * 100)


def static_figure(state: ReportState) -> rep.Figure:
    """The static view's figure callback: a figure block drawn as an ``<img>`` (PNG data URI, drawn at
    :data:`beltlib.plots.STATIC_PLOT_DPI`, shown at most :func:`plot_width_px` wide) whose alt text is
    the block's.

    Args:
        state (ReportState): where the assessment, the language and the export come from.

    Returns:
        Figure: a callback for :func:`beltlib.report.block_html` (the ``<figure>`` and its caption
        are the renderer's).

    Raises:
        ValueError: (when called) an unknown plot kind.
    """
    def draw(block: Mapping[str, Any]) -> str:
        from .. import plots
        from ..figures import EXPORT_KINDS, STATIC_EXPORT_COLORS, export_png
        kind, lang = block["plot"], state.lang
        if kind in EXPORT_KINDS:
            png = export_png(kind, state.export_summary, lang, dpi=plots.STATIC_PLOT_DPI, colors=STATIC_EXPORT_COLORS)
        elif kind in plots.KINDS:
            png = plots.render_png(state.assessment, kind, lang, dpi=plots.STATIC_PLOT_DPI)
        else:
            raise ValueError(f"plot: got {kind!r} (allowed: one of {', '.join((*EXPORT_KINDS, *plots.KINDS))})")
        return (f'<img src="{plots.data_uri_png(png)}" alt="{_e(block["alt"])}" '
                f'style="width:100%;max-width:{plot_width_px(kind)}px;height:auto">')
    return draw


def body_value(sec: Mapping[str, Any], blocks: list[Mapping[str, Any]], extra: str = "") -> str:
    """The live view's HTML for some blocks of a section: ``<div class="<its class>-body" data-*>``.

    The live widget itself carries the section's class (so the page has one ``.belt-result``, the
    widget updated in place), its HTML the ``-body`` one and the section's ``data-*`` values.

    Args:
        sec (Mapping[str, Any]): a section of the document.
        blocks (list[Mapping[str, Any]]): the blocks to draw (figures excepted: the live view draws them).
        extra (str): HTML put after the blocks (escaped already), e.g. the status line.

    Returns:
        str: escaped HTML.
    """
    return rep.body_html({**sec, "class": f"{sec['class']}-body", "blocks": blocks}).removesuffix("</div>") + (
        f"{extra}</div>")
