"""The document's figures drawn as PNG images, for the static renderings (the notebook's static
view and the static page): one callback that :func:`beltlib.report.block_html` calls for each
figure block.

The population and effort plots come from :mod:`beltlib.plots`, the export's timeline from
:mod:`beltlib.linkedin.timeline`; each PNG is drawn at :data:`beltlib.plots.STATIC_PLOT_DPI` and shown
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
    from .plots import data_uri_png
    return (f'<img src="{data_uri_png(png)}" alt="{escape(alt)}" '
            f'style="width:100%;max-width:{max_width_px}px;height:auto">')


def plot_width_px(kind: str) -> int:
    """A plot's natural width in pixels (:data:`beltlib.plots.SIZES` at 100 dpi)."""
    from .plots import SIZES
    return round(SIZES[kind][0] * 100)


def png_figures(assessment: Assessment, lang: str, export: Any = None) -> Figure:
    """The figure callback of the static renderings: each figure block as a PNG ``<img>``.

    Args:
        assessment (Assessment): the person's assessment (population and effort plots).
        lang (str): ``"en"`` or ``"fr"`` (the plots' labels).
        export (ExportSummary | None): the LinkedIn export's summary, for the ``timeline`` figure.

    Returns:
        Figure: a callable (figure block) -> ``<img>`` HTML.

    Raises:
        ValueError (when called): a figure of another kind, or a timeline without an export.
    """
    def draw(block: Mapping[str, Any]) -> str:
        from . import plots
        kind = block["plot"]
        if kind in plots.KINDS:
            png = plots.render_png(assessment, kind, lang, dpi=plots.STATIC_PLOT_DPI)
            return img_html(png, block["alt"], plot_width_px(kind))
        if kind == "timeline" and export is not None:
            from .linkedin import timeline
            png = timeline.render_png(export, lang, dpi=plots.STATIC_PLOT_DPI, colors=timeline.TIMELINE_COLORS)
            return img_html(png, block["alt"], round(timeline.SIZE[0] * 100))
        raise ValueError(f"figure: got {kind!r} (allowed: {', '.join(plots.KINDS)}, or timeline with an export)")
    return draw
