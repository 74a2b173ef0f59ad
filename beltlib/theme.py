"""Colours of the report, shared by the plots, the HTML pieces and the pages.

Okabe–Ito based (colour-blind safe), darkened where text sits on them or they are
text, so every text meets WCAG AA (contrast >= 4.5:1; :func:`contrast_ratio` checks it).
"""
from __future__ import annotations

#: Belt fills. White is drawn with an outline so it shows on a white page. Green is the
#: Okabe–Ito bluish green darkened so that white text on it reaches 5.4:1.
BELT_COLOURS = {"none": "#999999", "white": "#ffffff", "green": "#00785A", "black": "#000000"}
#: Text on each belt's fill.
BELT_TEXT_COLOURS = {"none": "#000000", "white": "#000000", "green": "#ffffff", "black": "#ffffff"}
#: The person's own marks and labels (Okabe–Ito vermillion, darkened: 5.1:1 on white).
YOU_COLOUR = "#B84F00"
#: The usefulness curve (Okabe–Ito blue).
CURVE_COLOUR = "#0072B2"
#: Outlines and axes.
EDGE_COLOUR = "#000000"


def _luminance(colour: str) -> float:
    h = colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours.

    Args:
        foreground (str): text colour, ``#rrggbb``.
        background (str): background colour, ``#rrggbb``.

    Returns:
        float: the ratio, 1–21 (AA text needs >= 4.5).

    Raises:
        ValueError: if a colour is not ``#rrggbb`` hex.
    """
    hi, lo = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
