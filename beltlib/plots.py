"""The two plots of the report, drawn with matplotlib.

- :func:`population_plot` — "Where you sit": LinkedIn users as white 88 % /
  green 10 % / black 2 % (article: green « environ 10 % », black « moins de
  2% »), with a marker at the person's estimated percentile.
- :func:`effort_plot` — "Effort vs usefulness": the persona's usefulness curve
  (assumption EFFORT_CURVES), the three belts as points at their typical
  effort (assumption BELT_HOURS_PER_WEEK), the target belt marked as the best
  balance, and the person's own point (their hours, the usefulness of their score).

Both take an :class:`~beltlib.assessment.Assessment` and ``ax=None`` and return
the Axes. Colours are colour-blind safe (Okabe–Ito); the white belt is outlined
so it shows on a white page; every belt is named in text as well as colour.
Parts that the interactive page moves carry ids (``Artist.set_gid``).
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.figure import Figure

from . import effort, rules
from .sentences import plot_alt_text
from .texts import number, percent, t
from .theme import BELT_COLOURS, CURVE_COLOUR, EDGE_COLOUR, YOU_COLOUR

#: Resolution of the static report's plots: twice the shown size, sharp on phones and on paper.
STATIC_PLOT_DPI = 200

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from .assessment import Assessment



def belt_name(belt: str, lang: str = "en") -> str:
    """The belt's name in a sentence (catalogue key ``belt.<belt>``)."""
    return t(f"belt.{belt}", lang)


#: Figure sizes in inches at 100 dpi (500 px wide: text stays readable when scaled to 375 px)
#: and fixed margins (faster than a layout engine on every redraw).
SIZES = {"population": (5.0, 2.2), "effort": (5.0, 3.6)}
MARGINS = {"population": {"left": 0.03, "right": 0.97, "bottom": 0.21, "top": 0.97},
           "effort": {"left": 0.14, "right": 0.96, "bottom": 0.26, "top": 0.97}}
#: Hours-per-week axis of the effort plot (linear: the black belt's 7 hours read as 7 times the
#: green belt's 1), hours per week; more hours are drawn at the right edge.
HOURS_RANGE = (0.0, 12.0)
KINDS = ("population", "effort")
#: Percentiles between which the population plot's "you" label is centred (it stays
#: inside the plot); the interactive page moves the label with the same clamp.
YOU_LABEL_RANGE = (14.0, 85.0)
_FONT = 12


def _new_axes(ax: Axes | None, kind: str) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt
    _, ax = plt.subplots(figsize=SIZES[kind])
    return ax


def population_plot(assessment: Assessment, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw "Where you sit": the population bar and the person's percentile.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        ax (Axes | None): Axes to draw into; a new pyplot figure when None.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Axes: the matplotlib Axes, x = percentile 0–100. Texts: one label per belt (name and share), and
        ``"you (<percentile>)"`` unless the belt is ``none``.

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares (:data:`beltlib.rules.SHARES`: green « environ 10 % », black « moins de 2% »).
    """
    ax = _new_axes(ax, "population")
    left = 0.0
    for belt in ("white", "green", "black"):
        share = rules.SHARES[belt]
        bar = ax.barh(0, share, left=left, height=0.6, color=BELT_COLOURS[belt], edgecolor=EDGE_COLOUR,
                      linewidth=1.2, label=belt_name(belt, lang))
        bar.patches[0].set_gid(f"pop-band-{belt}")
        left += share
    # Belt labels: white inside its wide band; green and black above with a leader line.
    # Every belt is labelled above the bar, so the "you" line never crosses a label:
    # white (left) and black (right) on the top row, green below them.
    ax.text(0.5, 0.98, t("plot.population.band", lang, belt=belt_name("white", lang),
                         share=percent(rules.SHARES["white"], lang)),
            ha="left", va="center", fontsize=_FONT, color="#000000").set_gid("pop-label-white")
    # Green and black are too thin to hold their names: labelled above, on two lines.
    for belt, y_text, x_text in (("green", 0.62, 86.0), ("black", 0.98, 100.0)):
        mid = rules.BANDS[belt][0] + rules.SHARES[belt] / 2
        share = t(f"synthesis.share.{belt}", lang, share=percent(rules.SHARES[belt], lang))
        ax.annotate(t("plot.population.band", lang, belt=belt_name(belt, lang), share=share), xy=(mid, 0.3),
                    xytext=(x_text, y_text), ha="right",
                    va="center", fontsize=_FONT, arrowprops={"arrowstyle": "-", "color": "#444444", "linewidth": 0.8})
    if assessment.belt != "none":
        p = assessment.percentile
        ax.axvline(p, ymin=0.3, ymax=0.64, color=YOU_COLOUR, linewidth=2.5, clip_on=False).set_gid("pop-you-line")
        ax.plot([p], [-0.42], marker="^", markersize=12, color=YOU_COLOUR, markeredgecolor=EDGE_COLOUR,
                linestyle="none", clip_on=False)[0].set_gid("pop-you-marker")
        label = ax.text(min(max(p, YOU_LABEL_RANGE[0]), YOU_LABEL_RANGE[1]), -0.78,
                        t("plot.population.you", lang, percentile=percent(p, lang)),
                        ha="center", va="center", fontsize=_FONT, color=YOU_COLOUR, fontweight="bold")
        label.set_gid("pop-you-label")
    ax.set_xlim(0, 100)
    ax.set_ylim(-1.0, 1.15)
    ax.set_yticks([])
    ax.set_xticks([0, 25, 50, 75, rules.BANDS["green"][0], 100])
    ax.tick_params(labelsize=_FONT - 1)
    ax.set_xlabel(t("plot.population.xlabel", lang), fontsize=_FONT)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def effort_plot(assessment: Assessment, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw "Effort vs usefulness" for the person's persona: this report's illustrative model.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        ax (Axes | None): Axes to draw into; a new pyplot figure when None.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Axes: the matplotlib Axes, x = hours per week (linear, :data:`HOURS_RANGE`), y = net usefulness 0–1
        (what the hours bring minus what they cost: the curve peaks at the target belt's hours, then falls).
        Texts: the three belt names at their typical hours, "best balance" at the target belt, and
        "illustrative model, not measured data"; the legend names the curve and the person's mark
        ("you": their hours, their usefulness — on the curve when they meet every marker of the target).

    Raises:
        ValueError: unknown ``lang``.

    Source: assumptions EFFORT_CURVES, BELT_HOURS_PER_WEEK and USEFULNESS_RULE; the article's
    « meilleur équilibre entre l’effort d’implication et l’utilité réelle » (« Alors, quelle ceinture choisir ? »).
    """
    ax = _new_axes(ax, "effort")
    persona = assessment.answers.persona
    lo, hi = HOURS_RANGE
    xs = [lo + (hi - lo) * i / 199 for i in range(200)]
    ax.plot(xs, [effort.usefulness(x, persona) for x in xs], color=CURVE_COLOUR, linewidth=2,
            label=t("plot.effort.curve", lang, persona=t(f"choice.persona.{persona}", lang)))[0].set_gid("effort-curve")
    target = assessment.target_belt
    offsets = {"white": (7, 6, "left"), "green": (9, -16, "left"), "black": (0, -24, "center")}
    for belt, h in rules.BELT_HOURS_PER_WEEK.items():
        u = effort.usefulness(h, persona)
        ax.plot([h], [u], marker="o", markersize=13, color=BELT_COLOURS[belt], markeredgecolor=EDGE_COLOUR,
                markeredgewidth=1.5, linestyle="none", clip_on=False)[0].set_gid(f"effort-belt-{belt}")
        dx, dy, ha = offsets[belt]
        ax.annotate(belt_name(belt, lang), (h, u), xytext=(dx, dy), textcoords="offset points", ha=ha,
                    va="center", fontsize=_FONT)
        if belt == target:  # "best balance" under the target belt's name
            ax.plot([h], [u], marker="o", markersize=24, markerfacecolor="none", markeredgecolor=CURVE_COLOUR,
                    markeredgewidth=2, linestyle="none", clip_on=False)[0].set_gid("effort-best")
            ax.annotate(t("plot.effort.best", lang), (h, u), xytext=(dx, dy - 16), textcoords="offset points",
                        ha=ha, va="center", fontsize=_FONT, color=CURVE_COLOUR, fontweight="bold")
    ax.text(0.99, 0.02, t("plot.effort.model", lang), transform=ax.transAxes, ha="right", va="bottom",
            fontsize=_FONT - 1, style="italic", color="#444444").set_gid("effort-model")
    you_x = min(max(assessment.hours_per_week, lo), hi)
    # Net usefulness falls below 0 far past the balance (the time costs more than it brings): the mark then
    # sits on the bottom edge, as hours past the axis sit on its right edge; the caption gives the value.
    you_y = max(assessment.usefulness, 0.0)
    # The person's mark is named in the legend, not by a label beside it: a label would
    # collide with the belt labels or "best balance" wherever the mark lands.
    ax.plot([you_x], [you_y], marker="D", markersize=11, color=YOU_COLOUR, markeredgecolor=EDGE_COLOUR,
            linestyle="none", clip_on=False, label=t("plot.effort.you", lang))[0].set_gid("effort-you")
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, 1.12)
    xticks = list(range(int(lo), int(hi) + 1, 2))
    ax.set_xticks(xticks)
    ax.set_xticklabels([number(v, lang) for v in xticks])
    yticks = [0, 0.25, 0.5, 0.75, 1.0]
    ax.set_yticks(yticks)
    ax.set_yticklabels([number(v, lang, 0 if v in (0, 1) else 2 if v * 100 % 10 else 1) for v in yticks])
    ax.tick_params(labelsize=_FONT - 1)
    ax.set_xlabel(t("plot.effort.xlabel", lang), fontsize=_FONT)
    ax.set_ylabel(t("plot.effort.ylabel", lang), fontsize=_FONT)
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.17), ncol=2, fontsize=_FONT - 1, frameon=False,
              handletextpad=0.4, columnspacing=1.2).set_gid("effort-legend")
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


_DRAW = {"population": population_plot, "effort": effort_plot}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind: got {kind!r} (allowed: one of {', '.join(KINDS)})")


def alt_text(assessment: Assessment, kind: str, lang: str = "en") -> str:
    """The message of a plot in one sentence (for ``alt``/``title`` attributes):
    :func:`beltlib.sentences.plot_alt_text` (the document's figure blocks use the same).

    Raises:
        ValueError: unknown ``kind`` (allowed: population, effort) or unknown ``lang``.
    """
    _check_kind(kind)
    return plot_alt_text(assessment, kind, lang)


def figure(assessment: Assessment, kind: str, lang: str = "en") -> Figure:
    """A new pyplot-free :class:`~matplotlib.figure.Figure` with one plot drawn.

    No pyplot registry is involved, so nothing leaks: the figure is freed with
    its last reference.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` (:data:`KINDS`).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Figure: sized by :data:`SIZES` (inches at 100 dpi) with fixed :data:`MARGINS`.

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    _check_kind(kind)
    fig = Figure(figsize=SIZES[kind], dpi=100)
    fig.subplots_adjust(**MARGINS[kind])
    _DRAW[kind](assessment, ax=fig.add_subplot(), lang=lang)
    return fig


def render_png(assessment: Assessment, kind: str, lang: str = "en", dpi: int = 100) -> bytes:
    """Draw one plot and return PNG bytes (500 px wide at the default dpi).

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` (:data:`KINDS`).
        lang (str): ``"en"`` or ``"fr"``.
        dpi (int): dots per inch, default 100.

    Returns:
        bytes: the PNG image (no ``Software`` metadata).

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    fig = figure(assessment, kind, lang)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


def render_svg(assessment: Assessment, kind: str, lang: str = "en") -> str:
    """Draw one plot and return deterministic SVG text (fixed hash salt, no date).

    Parts the interactive page moves carry ids: ``pop-you-line``,
    ``pop-you-marker``, ``pop-you-label``, ``effort-you``,
    ``effort-curve``, ``effort-best``, ``effort-belt-<belt>``.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` (:data:`KINDS`).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the SVG document, text kept as text (``svg.fonttype`` none).

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    return svg_text(figure(assessment, kind, lang))


def svg_text(fig: Figure) -> str:
    """Deterministic SVG text of a drawn figure (fixed hash salt, no date, text as text).

    Args:
        fig: a figure from :func:`figure`.

    Returns:
        str: the SVG document.
    """
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "belt-report", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def data_uri_png(png: bytes) -> str:
    """A ``data:image/png;base64,…`` URI for PNG bytes.

    Args:
        png (bytes): PNG image bytes (e.g. from :func:`render_png`).

    Returns:
        str: the data URI.

    Raises:
        TypeError: if ``png`` is not bytes-like.
    """
    import base64
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


__all__ = ["population_plot", "effort_plot", "alt_text", "figure", "render_png", "render_svg", "svg_text",
           "data_uri_png",
           "KINDS", "SIZES"]
