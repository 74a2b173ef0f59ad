"""Fast redraws of the live report's two plots (a cached background plus the person's marks)."""
from __future__ import annotations

from typing import Any

from ..assessment import Assessment


class PlotPainter:
    """Redraw one plot fast: a cached background plus the person's own marks.

    The parts of a plot that depend on the person carry gids starting with
    ``pop-you`` / ``effort-you`` (see :func:`beltlib.plots.render_svg`). The
    rest depends only on the language (and, for the effort plot, the
    persona), so it is drawn once into an Agg canvas and kept as a
    background; each update draws a fresh :func:`beltlib.plots.figure` but
    renders only its ``*-you*`` artists onto that background, then encodes
    the PNG (fast zlib level). The result matches
    :func:`beltlib.plots.render_png` pixel for pixel except where a static
    label overlaps the person's marks. At most one background per plot is
    kept; no figure is registered with pyplot, so nothing leaks.

    Args:
        kind: ``"population"`` or ``"effort"``.
    """

    PREFIX = {"population": "pop-you", "effort": "effort-you"}

    def __init__(self, kind: str):
        self.kind = kind
        self._key: Any = None
        self._canvas = self._background = None

    def _static_key(self, a: Assessment, lang: str) -> tuple:
        return (lang,) if self.kind == "population" else (lang, a.answers.persona, a.target_belt)

    def _dynamic(self, fig: Any) -> list:
        prefix = self.PREFIX[self.kind]
        return [x for ax in fig.axes for x in ax.get_children() if (x.get_gid() or "").startswith(prefix)]

    def png(self, a: Assessment, lang: str) -> bytes:
        """PNG bytes of the plot for ``a`` in ``lang``."""
        import io

        import numpy as np
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        from .. import plots
        key = self._static_key(a, lang)
        fig = plots.figure(a, self.kind, lang)
        if key != self._key:
            for artist in self._dynamic(fig):
                artist.set_visible(False)
            self._canvas = FigureCanvasAgg(fig)
            self._canvas.draw()
            self._background = self._canvas.copy_from_bbox(fig.bbox)
            self._key = key
            fig = plots.figure(a, self.kind, lang)
        renderer = self._canvas.get_renderer()
        self._canvas.restore_region(self._background)
        for artist in self._dynamic(fig):
            artist.draw(renderer)
        buf = io.BytesIO()
        Image.fromarray(np.asarray(renderer.buffer_rgba())).save(buf, format="png", compress_level=1)
        return buf.getvalue()

