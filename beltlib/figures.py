"""The document's figures drawn as PNG images, for the static renderings (the notebook's static
view and the static page): one callback that :func:`beltlib.report.block_html` calls for each
figure block.

The population and effort plots come from :mod:`beltlib.plots`, the export's timeline from
:mod:`beltlib.linkedin.timeline` and its history from :mod:`beltlib.linkedin.history_plot`
(:data:`EXPORT_KINDS`, :func:`export_png`: also what the live app draws them with); each PNG is drawn
at :data:`beltlib.plots.STATIC_PLOT_DPI` and shown
at most its natural width (never blurred by scaling up), with the block's alt text. The history is drawn
twice (:data:`TWO_LAYOUTS`): wide for the page's column, narrow for a phone, in one ``<picture>``
(:func:`export_figure_html`) whose narrow drawing shows under :data:`NARROW_MEDIA`.
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


#: The media query under which a figure's narrow drawing shows (the static page's phone breakpoint, belt.css).
NARROW_MEDIA = "(max-width: 40rem)"
#: The export figures drawn in two layouts (``wide``, ``narrow``: :data:`beltlib.linkedin.history_plot.LAYOUTS`).
TWO_LAYOUTS = ("history",)
#: Their dots per inch in static pages: 1.5x their CSS size (two drawings, so fewer dots than
#: :data:`beltlib.plots.STATIC_PLOT_DPI`; the static page stays under its 500 kB).
STATIC_TWO_LAYOUTS_DPI = 150


def picture_html(png: bytes, narrow_png: bytes, alt: str, max_width_px: int) -> str:
    """A ``<picture>``: the narrow PNG on a phone (:data:`NARROW_MEDIA`), else the wide one (:func:`img_html`).

    Args:
        png (bytes): the wide drawing.
        narrow_png (bytes): the narrow drawing.
        alt (str): the alt text (one, on the ``<img>``).
        max_width_px (int): the widest the wide drawing is shown, pixels.

    Returns:
        str: one ``<picture>`` element (no request: both are data URIs).

    Raises:
        Nothing (the alt text is escaped by :func:`img_html`).
    """
    from .images import data_uri_png
    return (f'<picture><source media="{NARROW_MEDIA}" srcset="{data_uri_png(narrow_png)}">'
            f'{img_html(png, alt, max_width_px)}</picture>')


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


def export_png(kind: str, export: Any, lang: str, dpi: int = 100, colors: int | None = None,
               layout: str = "wide") -> bytes:
    """An export figure as PNG bytes.

    Args:
        kind (str): one of :data:`EXPORT_KINDS`.
        export (ExportSummary): the LinkedIn export's summary.
        lang (str): ``"en"`` or ``"fr"``.
        dpi (int): dots per inch.
        colors (int | None): a palette PNG of at most that many colours (None: full colour).
        layout (str): ``"wide"`` or, for a kind of :data:`TWO_LAYOUTS`, ``"narrow"`` (a phone's).

    Returns:
        bytes: the PNG.

    Raises:
        ValueError: an unknown kind or layout, no export, or a history of an export without a dated row.
    """
    if export is None:
        raise ValueError(f"figure: {kind!r} needs an export")
    if layout != "wide" and kind not in TWO_LAYOUTS:
        raise ValueError(f"layout: got {layout!r} for {kind!r} (allowed: wide)")
    if kind == "timeline":
        from .linkedin import timeline
        return timeline.render_png(export, lang, dpi=dpi, colors=colors)
    if kind == "history":
        from .linkedin import history_plot
        from .linkedin.history import history
        h = history(export)
        if h is None:
            raise ValueError("figure: 'history' needs an export with a dated row")
        return history_plot.render_png(h, lang, dpi=dpi, colors=colors, layout=layout)
    raise ValueError(f"figure: got {kind!r} (allowed: one of {', '.join(EXPORT_KINDS)})")


def export_figure_html(kind: str, export: Any, lang: str, alt: str, dpi: int, colors: int | None) -> str:
    """An export figure as HTML: an ``<img>``, or for a kind of :data:`TWO_LAYOUTS` a ``<picture>`` of its wide
    and narrow drawings (:func:`picture_html`), shown at most :func:`export_plot_width_px` wide.

    Args:
        kind (str): one of :data:`EXPORT_KINDS`.
        export (ExportSummary): the LinkedIn export's summary.
        lang (str): ``"en"`` or ``"fr"``.
        alt (str): the alt text.
        dpi (int): dots per inch of the PNGs.
        colors (int | None): a palette PNG of at most that many colours.

    Returns:
        str: the HTML.

    Raises:
        ValueError: as :func:`export_png`.
    """
    png = export_png(kind, export, lang, dpi=dpi, colors=colors)
    if kind not in TWO_LAYOUTS:
        return img_html(png, alt, export_plot_width_px(kind))
    narrow = export_png(kind, export, lang, dpi=dpi, colors=colors, layout="narrow")
    return picture_html(png, narrow, alt, export_plot_width_px(kind))


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
            dpi = STATIC_TWO_LAYOUTS_DPI if kind in TWO_LAYOUTS else plots.STATIC_PLOT_DPI
            return export_figure_html(kind, export, lang, block["alt"], dpi, STATIC_EXPORT_COLORS)
        raise ValueError(f"figure: got {kind!r} (allowed: {', '.join(plots.KINDS)}, or "
                         f"{', '.join(EXPORT_KINDS)} with an export)")
    return draw
