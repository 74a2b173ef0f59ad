"""A drawn matplotlib figure as file bytes: PNG (full colour or a small palette), SVG text, a data URI.

Deterministic output (no ``Software`` or ``Date`` metadata, a fixed SVG hash salt), so the same figure
gives the same bytes. Used by :mod:`beltlib.plots` (the report's plots), :mod:`beltlib.linkedin`'s
figures and :mod:`beltlib.cohort`.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

import matplotlib

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def png_bytes(fig: Figure, dpi: int = 100, colors: int | None = None) -> bytes:
    """A figure as PNG bytes with no ``Software`` metadata (the same bytes for the same figure).

    Args:
        fig (Figure): the figure.
        dpi (int): dots per inch.
        colors (int | None): a palette PNG of at most that many colours (line art: a third of the
            bytes), or None for full colour.

    Returns:
        bytes: the PNG image.

    Raises:
        ModuleNotFoundError: ``colors`` given without Pillow (installed with matplotlib).
    """
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    if colors is None:
        return buf.getvalue()
    from PIL import Image

    buf.seek(0)
    image = Image.open(buf).convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="png", optimize=True)
    return out.getvalue()


def svg_text(fig: Figure) -> str:
    """Deterministic SVG text of a drawn figure (fixed hash salt, no date, text as text).

    Args:
        fig (Figure): a drawn figure (e.g. from :func:`beltlib.plots.figure`).

    Returns:
        str: the SVG document.

    Raises:
        Nothing that the figure itself does not raise when drawn.
    """
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "belt-report", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def data_uri_png(png: bytes) -> str:
    """A ``data:image/png;base64,…`` URI for PNG bytes.

    Args:
        png (bytes): PNG image bytes (e.g. from :func:`beltlib.plots.render_png`).

    Returns:
        str: the data URI.

    Raises:
        TypeError: if ``png`` is not bytes-like.
    """
    import base64
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


__all__ = ["png_bytes", "svg_text", "data_uri_png"]
