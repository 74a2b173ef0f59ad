"""The document's figures drawn as PNG images, for the static renderings (the notebook's static
view and the static page): one callback that :func:`beltlib.report.block_html` calls for each
figure block.

The population and effort plots come from :mod:`beltlib.plots`, the export's timeline from
:mod:`beltlib.linkedin.timeline` and its history from :mod:`beltlib.linkedin.history_plot`
(:data:`EXPORT_KINDS`, :func:`export_png`: also what the live app draws them with); each PNG is drawn
at :data:`beltlib.plots.STATIC_PLOT_DPI` and shown
at most its natural width (never blurred by scaling up), with the block's alt text.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .assessment import Assessment
from .report import Figure, escape


def img_html(png: bytes, alt: str, max_width_px: int) -> str:
    """An ``<img>`` holding a PNG as a data URI, scaled to the width available up to ``max_width_px``.

    Args:
        png (bytes): the image.
        alt (str): its alt text (escaped here).
        max_width_px (int): the widest it is shown, pixels.

    Returns:
        str: one ``<img>`` element.
    """
    from .images import data_uri_png
    return (f'<img src="{data_uri_png(png)}" alt="{escape(alt)}" '
            f'style="width:100%;max-width:{max_width_px}px;height:auto">')


def plot_width_px(kind: str) -> int:
    """A plot's natural width in pixels (:data:`beltlib.plots.SIZES` at 100 dpi)."""
    from .plots import SIZES
    return round(SIZES[kind][0] * 100)


#: Palette size of the export figures' PNG in static pages (line art: 64 colours look the same, a third of the bytes).
STATIC_EXPORT_COLORS = 64
#: The figure kinds drawn from a LinkedIn export (not from the assessment).
EXPORT_KINDS = ("timeline", "history")


def export_plot_width_px(kind: str) -> int:
    """An export figure's natural width in pixels (its module's ``SIZE`` at 100 dpi).

    Raises:
        ValueError: ``kind`` is not one of :data:`EXPORT_KINDS`.
    """
    if kind == "timeline":
        from .linkedin import timeline
        return round(timeline.SIZE[0] * 100)
    if kind == "history":
        from .linkedin import history_plot
        return round(history_plot.SIZE[0] * 100)
    raise ValueError(f"figure: got {kind!r} (allowed: one of {', '.join(EXPORT_KINDS)})")


def export_png(kind: str, export: Any, lang: str, dpi: int = 100, colors: int | None = None) -> bytes:
    """An export figure as PNG bytes.

    Args:
        kind (str): one of :data:`EXPORT_KINDS`.
        export (ExportSummary): the LinkedIn export's summary.
        lang (str): ``"en"`` or ``"fr"``.
        dpi (int): dots per inch.
        colors (int | None): a palette PNG of at most that many colours (None: full colour).

    Returns:
        bytes: the PNG.

    Raises:
        ValueError: an unknown kind, no export, or a history of an export without a dated row.
    """
    if export is None:
        raise ValueError(f"figure: {kind!r} needs an export")
    if kind == "timeline":
        from .linkedin import timeline
        return timeline.render_png(export, lang, dpi=dpi, colors=colors)
    if kind == "history":
        from .linkedin import history_plot
        from .linkedin.history import history
        h = history(export)
        if h is None:
            raise ValueError("figure: 'history' needs an export with a dated row")
        return history_plot.render_png(h, lang, dpi=dpi, colors=colors)
    raise ValueError(f"figure: got {kind!r} (allowed: one of {', '.join(EXPORT_KINDS)})")


def png_figures(assessment: Assessment, lang: str, export: Any = None) -> Figure:
    """The figure callback of the static renderings: each figure block as a PNG ``<img>``.

    Args:
        assessment (Assessment): the person's assessment (population and effort plots).
        lang (str): ``"en"`` or ``"fr"`` (the plots' labels).
        export (ExportSummary | None): the LinkedIn export's summary, for the ``timeline`` and ``history`` figures.

    Returns:
        Figure: a callable (figure block) -> ``<img>`` HTML.

    Raises:
        ValueError (when called): a figure of another kind, or an export figure without an export.
    """
    def draw(block: Mapping[str, Any]) -> str:
        from . import plots
        kind = block["plot"]
        if kind in plots.KINDS:
            png = plots.render_png(assessment, kind, lang, dpi=plots.STATIC_PLOT_DPI)
            return img_html(png, block["alt"], plot_width_px(kind))
        if kind in EXPORT_KINDS and export is not None:
            png = export_png(kind, export, lang, dpi=plots.STATIC_PLOT_DPI, colors=STATIC_EXPORT_COLORS)
            return img_html(png, block["alt"], export_plot_width_px(kind))
        raise ValueError(f"figure: got {kind!r} (allowed: {', '.join(plots.KINDS)}, or "
                         f"{', '.join(EXPORT_KINDS)} with an export)")
    return draw
