"""Fast redraws of the live report's two plots (a cached background plus the person's marks)."""
from __future__ import annotations

from typing import Any

from ..assessment import Assessment


class _Scene:
    """One plot drawn without the person's marks: its figure, Agg canvas and saved background."""

    def __init__(self, key: tuple, fig: Any, canvas: Any, background: Any):
        self.key, self.fig, self.canvas, self.background = key, fig, canvas, background
        self.ax = fig.axes[0]
        self.marks: list[Any] = []


class PlotPainter:
    """Redraw one plot fast: a cached background plus the person's own marks.

    The parts of a plot that depend on the person carry gids starting with
    :data:`beltlib.plots.YOU_PREFIX` (``pop-you`` / ``effort-you``). The rest
    depends only on the language (and, for the effort plot, the persona and
    target belt: the static key), so it is drawn once: one
    :func:`beltlib.plots.figure` (effort plot: ``all_parts=True``, the belt
    names placed whatever the mark's place, as the interactive page does) with
    its marks removed, drawn into an Agg canvas and kept as a background. Each
    update removes the last marks, adds the person's with
    :func:`beltlib.plots.add_you` (the same drawing as the full figure's),
    restores the background, draws only those marks and encodes the PNG (RGB,
    fast zlib level). The result matches :func:`beltlib.plots.render_png` pixel for
    pixel except where a static label overlaps the person's marks (or a belt
    name that the full figure moves out of the mark's way).

    One scene is kept per language (at most two figures per plot, so switching
    the language back and forth redraws no background); a new persona or target
    replaces that language's scene. No figure is registered with pyplot, so
    nothing leaks.

    Args:
        kind: ``"population"`` or ``"effort"``.
    """

    def __init__(self, kind: str):
        self.kind = kind
        self._scenes: dict[str, _Scene] = {}

    def _static_key(self, a: Assessment, lang: str) -> tuple:
        return (lang,) if self.kind == "population" else (lang, a.answers.persona, a.target_belt)

    def _scene(self, a: Assessment, lang: str) -> _Scene:
        """The scene of ``a``'s static key in ``lang``, drawn now if it is not kept."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        from .. import plots
        key = self._static_key(a, lang)
        scene = self._scenes.get(lang)
        if scene is None or scene.key != key:
            fig = plots.figure(a, self.kind, lang, all_parts=True)
            for artist in [x for x in fig.axes[0].get_children()
                           if str(x.get_gid() or "").startswith(plots.YOU_PREFIX[self.kind])]:
                artist.remove()
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            scene = self._scenes[lang] = _Scene(key, fig, canvas, canvas.copy_from_bbox(fig.bbox))
        return scene

    def warm(self, a: Assessment, lang: str) -> bool:
        """Draw the background of ``a``'s plot in ``lang`` now, if it is not kept (so a later switch
        to ``lang`` only draws the marks).

        Args:
            a (Assessment): the person's assessment (its persona and target belt, for the effort plot).
            lang (str): ``"en"`` or ``"fr"``.

        Returns:
            bool: True when a background was drawn, False when it was kept already.

        Raises:
            ValueError: unknown ``lang``.
        """
        scene = self._scenes.get(lang)
        if scene is not None and scene.key == self._static_key(a, lang):
            return False
        self._scene(a, lang)
        return True

    def png(self, a: Assessment, lang: str) -> bytes:
        """PNG bytes of the plot for ``a`` in ``lang`` (500 px wide, 100 dpi: :data:`beltlib.plots.SIZES`).

        Args:
            a (Assessment): the person's assessment.
            lang (str): ``"en"`` or ``"fr"``.

        Returns:
            bytes: the PNG image.

        Raises:
            ValueError: unknown ``lang``.
        """
        import io

        import numpy as np
        from PIL import Image

        from .. import plots
        scene = self._scene(a, lang)
        old, scene.marks = scene.marks, []  # emptied first: a failed add_you leaves no removed artist behind
        for artist in old:
            artist.remove()
        scene.marks = plots.add_you(scene.ax, a, self.kind, lang)
        renderer = scene.canvas.get_renderer()
        scene.canvas.restore_region(scene.background)
        for artist in scene.marks:
            artist.draw(renderer)
        buf = io.BytesIO()
        # opaque (white figure): RGB holds every pixel and encodes faster and 10 % smaller than RGBA
        Image.fromarray(np.asarray(renderer.buffer_rgba())).convert("RGB").save(buf, format="png", compress_level=1)
        return buf.getvalue()
