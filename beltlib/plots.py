"""The two plots of the report, drawn with matplotlib.

- :func:`population_plot` — "Where you sit": LinkedIn users as white 88 % /
  green 10 % / black 2 % (article: green « environ 10 % », black « moins de
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

from typing import TYPE_CHECKING, Any

from matplotlib import patheffects
from matplotlib.figure import Figure
from matplotlib.transforms import offset_copy

from . import effort, rules
from .images import data_uri_png, png_bytes, svg_text
from .sentences import plot_alt_text
from .texts import hours, number, percent, t
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
           "effort": {"left": 0.14, "right": 0.96, "bottom": 0.26, "top": 0.91}}
#: Most characters the effort plot's two legend entries may hold to share one row (at its width and font).
LEGEND_ONE_ROW_CHARS = 44
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

    Source: article shares (:data:`beltlib.rules.SHARES`: green « environ 10 % », black « moins de 2% »).
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
    _population_you(ax, assessment, lang)
    ax.set_xlim(0, 100)
    ax.set_ylim(-1.0, 1.15)
    ax.set_yticks([])
    ax.set_xticks([0, 25, 50, 75, rules.BANDS["green"][0], 100])
    ax.tick_params(labelsize=_FONT - 1)
    ax.set_xlabel(t("plot.population.xlabel", lang), fontsize=_FONT)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def _population_you(ax: Axes, assessment: Assessment, lang: str) -> None:
    """The population plot's "you" parts at the person's percentile (none without a belt)."""
    if assessment.belt == "none":
        return
    p = assessment.percentile
    # A dark outline round the orange line: it stays visible in the green band for red-green
    # colour-blind readers (contrast, not colour alone).
    line = ax.axvline(p, ymin=0.3, ymax=0.64, color=YOU_COLOUR, linewidth=2.5, clip_on=False,
                      path_effects=[patheffects.Stroke(linewidth=5.0, foreground=EDGE_COLOUR), patheffects.Normal()])
    line.set_gid("pop-you-line")
    ax.plot([p], [-0.42], marker="^", markersize=12, color=YOU_COLOUR, markeredgecolor=EDGE_COLOUR,
            linestyle="none", clip_on=False)[0].set_gid("pop-you-marker")
    label = ax.text(min(max(p, YOU_LABEL_RANGE[0]), YOU_LABEL_RANGE[1]), -0.78,
                    t("plot.population.you", lang, percentile=percent(p, lang)),
                    ha="center", va="center", fontsize=_FONT, color=YOU_COLOUR, fontweight="bold")
    label.set_gid("pop-you-label")


#: Top of the effort plot's usefulness axis (room above the curve's ceiling for labels).
EFFORT_Y_TOP = 1.12
#: Where the effort plot's "you" label may go, in order of preference: (side, dy) with side -1
#: (left of the mark), 0 (centred over or under it) or 1 (right), dy in points (up). A side label
#: starts :data:`YOU_LABEL_GAP` points from the mark's centre. The interactive page tries the same list.
YOU_LABEL_SLOTS = ((0, 21), (1, 0), (-1, 0), (0, -21), (1, 16), (-1, 16), (1, -16), (-1, -16),
                   (0, 36), (0, -36), (1, 32), (-1, 32), (1, -32), (-1, -32), (0, 52), (0, -52),
                   (1, 48), (-1, 48), (1, -48), (-1, -48), (1, 64), (-1, 64), (0, 70), (1, -64), (-1, -64), (0, -68),
                   (1, 80), (-1, 80), (1, -80), (-1, -80), (0, 90), (-1, -96), (-1, -112),
                   *((side, dy) for dy in (96, 112, 128, 144, 160) for side in (1, -1, 0)))
YOU_LABEL_GAP = 14.0
#: The artists (by gid prefix) a "you" label must not cover: the belt points, their labels,
#: "best balance", the model's caveat, the mark and its arrow.
YOU_OBSTACLES = ("effort-label-", "effort-best", "effort-model", "effort-belt-", "effort-you")
#: Where a belt's name (and "best balance" under it, 15 points lower) may go, as (side, dy) of the name.
BELT_LABEL_SLOTS = ((0, -22), (1, 8), (1, -8), (-1, 8), (0, 34), (1, 24), (-1, -8), (1, -24), (-1, 24),
                    (0, -38), (1, 40), (1, -40), (0, 50), (-1, 40), (1, 56), (0, 66), (1, 72))
BELT_LABEL_GAP = 14.0
#: Margin kept around whatever a label must not cover, points.
LABEL_PAD = 3.0
#: Points from the mark's centre to the off-axis arrow's centre (right of the mark).
YOU_ARROW_OFFSET = 13.0


def place_labels(ax: Axes, parts: list[tuple[Any, float]], slots: tuple[tuple[int, int], ...], gap: float,
                 obstacles: list[Any]) -> tuple[int, int]:
    """Move labels (annotations in offset points from one point) to the first slot that covers nothing.

    Args:
        ax (Axes): the Axes drawn into (a label must stay inside it).
        parts: the annotations moved together, each with its vertical offset from the first (points).
        slots: (side, dy) in order of preference: side -1, 0 or 1 (left, centred, right of the point,
            a side label starting ``gap`` points from it), dy in points (up).
        gap (float): points between the point and a side label.
        obstacles: artists the labels must not cover (their boxes grown by :data:`LABEL_PAD`).

    Returns:
        tuple: the slot taken (the one that overlaps least when every slot covers something).
    """
    fig = ax.figure
    renderer = fig._get_renderer()  # type: ignore[attr-defined]
    to_px = fig.dpi / 72.0
    boxes = [o.get_window_extent(renderer).padded(LABEL_PAD * to_px) for o in obstacles]
    frame = ax.get_window_extent(renderer)
    width = max(p.get_window_extent(renderer).width for p, _ in parts) / to_px

    def put(slot: tuple[int, int]) -> None:
        side, dy = slot
        for part, extra in parts:
            part.xyann = (side * (width / 2 + gap), dy + extra)

    best: tuple[float, tuple[int, int]] | None = None
    for slot in slots:
        put(slot)
        cost = 0.0
        for part, _ in parts:
            box = part.get_window_extent(renderer)
            # in points, as the interactive page counts it (SVG units)
            cost += 1000.0 / to_px * (max(0.0, frame.x0 - box.x0) + max(0.0, box.x1 - frame.x1)
                                      + max(0.0, frame.y0 - box.y0) + max(0.0, box.y1 - frame.y1))
            cost += sum(max(0.0, min(box.x1, b.x1) - max(box.x0, b.x0))
                        * max(0.0, min(box.y1, b.y1) - max(box.y0, b.y0)) for b in boxes) / to_px ** 2
        if cost == 0:
            return slot
        if best is None or cost < best[0]:
            best = (cost, slot)
    assert best is not None
    put(best[1])
    return best[1]


def _you_point(ax: Axes, assessment: Assessment, lang: str) -> Any:
    """The effort plot's "you" mark: the person's hours (at the axis' right edge beyond it), their usefulness."""
    lo, hi = HOURS_RANGE
    # Net usefulness falls below 0 far past the balance: the mark then sits on the bottom edge, as hours past
    # the axis sit on its right edge (the caption gives the value).
    mark = ax.plot([min(max(assessment.hours_per_week, lo), hi)], [max(assessment.usefulness, 0.0)], marker="D",
                   markersize=11,
                   color=YOU_COLOUR, markeredgecolor=EDGE_COLOUR, linestyle="none", clip_on=False, zorder=4,
                   label=t("plot.effort.you", lang))[0]
    mark.set_gid("effort-you")
    return mark


def _you_mark(ax: Axes, assessment: Assessment, lang: str, all_parts: bool) -> None:
    """The effort plot's "you" mark's label with the hours, and an arrow when off the axis."""
    lo, hi = HOURS_RANGE
    you_x = min(max(assessment.hours_per_week, lo), hi)
    you_y = max(assessment.usefulness, 0.0)
    off_axis = assessment.hours_per_week > hi
    if off_axis or all_parts:
        arrow = ax.plot([you_x], [you_y], marker=">", markersize=10, color=EDGE_COLOUR, linestyle="none",
                        clip_on=False, zorder=4,
                        transform=offset_copy(ax.transData, fig=ax.figure, x=YOU_ARROW_OFFSET, units="points"))[0]
        arrow.set_gid("effort-you-arrow")
    obstacles = [a for a in ax.get_children() if str(a.get_gid() or "").startswith(YOU_OBSTACLES)
                 and (off_axis or a.get_gid() != "effort-you-arrow")]  # a hidden arrow is no obstacle
    label = ax.annotate(t("plot.effort.you_hours", lang, hours=hours(assessment.hours_per_week, lang)),
                        (you_x, you_y), xytext=(0, 0), textcoords="offset points", ha="center", va="center",
                        fontsize=_FONT, color=EDGE_COLOUR, fontweight="bold", zorder=5, annotation_clip=False)
    label.set_gid("effort-you-label")
    place_labels(ax, [(label, 0.0)], YOU_LABEL_SLOTS, YOU_LABEL_GAP, obstacles)


def effort_plot(assessment: Assessment, ax: Axes | None = None, lang: str = "en",
                all_parts: bool = False) -> Axes:
    """Draw "Effort vs usefulness" for the person's persona: this report's illustrative model.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        ax (Axes | None): Axes to draw into; a new pyplot figure when None.
        lang (str): ``"en"`` or ``"fr"``.
        all_parts (bool): the interactive page's drawing: the off-axis arrow drawn even when the
            hours fit the axis (the page hides it until it applies), and the belt names placed
            whatever the mark's place (the page moves the mark, not the names).

    Returns:
        Axes: the matplotlib Axes, x = hours per week (linear, :data:`HOURS_RANGE`), y = net usefulness 0–1
        (what the hours bring minus what they cost: the curve peaks at the target belt's hours, then falls).
        Texts: the three belt names at their typical hours, "best balance" at the target belt,
        "illustrative model, not measured data" and the person's mark's label ("you: 20 h/week", placed
        by :func:`place_labels` where it covers no other label or point); the legend names the
        curve and the mark. Hours beyond the axis: the mark at the right edge and an arrow
        (``effort-you-arrow``) pointing out of the plot; a net usefulness below 0: the mark on the bottom edge.

    Raises:
        ValueError: unknown ``lang``.

    Source: assumptions EFFORT_CURVES, BELT_HOURS_PER_WEEK and USEFULNESS_RULE; the article's
    « meilleur équilibre entre l’effort d’implication et l’utilité réelle » (« Alors, quelle ceinture choisir ? »).
    """
    ax = _new_axes(ax, "effort")
    persona = assessment.answers.persona
    lo, hi = HOURS_RANGE
    xs = [lo + (hi - lo) * i / 199 for i in range(200)]
    ax.plot(xs, [effort.usefulness(x, persona) for x in xs], color=CURVE_COLOUR, linewidth=2,
            label=t("plot.effort.curve", lang, persona=t(f"choice.persona.{persona}", lang)))[0].set_gid("effort-curve")
    target = assessment.target_belt
    ax.set_xlim(lo, hi)
    ax.set_ylim(0, EFFORT_Y_TOP)
    # The model's caveat above the plot, in the figure's top margin: it never meets a point or a label.
    model = ax.text(1.0, 1.015, t("plot.effort.model", lang), transform=ax.transAxes, ha="right", va="bottom",
                    fontsize=_FONT - 1, style="italic", color="#444444", clip_on=False)
    model.set_gid("effort-model")
    points = []
    for belt, h in rules.BELT_HOURS_PER_WEEK.items():
        u = effort.usefulness(h, persona)
        point = ax.plot([h], [u], marker="o", markersize=13, color=BELT_COLOURS[belt], markeredgecolor=EDGE_COLOUR,
                        markeredgewidth=1.5, linestyle="none", clip_on=False)[0]
        point.set_gid(f"effort-belt-{belt}")
        points.append(point)
        if belt == target:
            ring = ax.plot([h], [u], marker="o", markersize=24, markerfacecolor="none", markeredgecolor=CURVE_COLOUR,
                           markeredgewidth=2, linestyle="none", clip_on=False)[0]
            ring.set_gid("effort-best")
            points.append(ring)
    mark = _you_point(ax, assessment, lang)
    # The belt names avoid the mark too, except on the interactive page's drawing (all_parts): there the
    # mark moves and the names stay, so they are placed the same for every answer.
    placed = [model, *points] + ([] if all_parts else [mark])
    for belt, h in rules.BELT_HOURS_PER_WEEK.items():  # each name (and "best balance" under the target's) placed
        u = effort.usefulness(h, persona)
        name = ax.annotate(belt_name(belt, lang), (h, u), xytext=(0, 0), textcoords="offset points", ha="center",
                           va="center", fontsize=_FONT, annotation_clip=False)
        name.set_gid(f"effort-label-{belt}")
        parts = [(name, 0.0)]
        if belt == target:  # "best balance" under the target belt's name
            best = ax.annotate(t("plot.effort.best", lang), (h, u), xytext=(0, 0), textcoords="offset points",
                               ha="center", va="center", fontsize=_FONT, color=CURVE_COLOUR, fontweight="bold",
                               annotation_clip=False)
            best.set_gid("effort-best-label")
            parts.append((best, -15.0))
        place_labels(ax, parts, BELT_LABEL_SLOTS, BELT_LABEL_GAP, placed)
        placed.extend(p for p, _ in parts)
    _you_mark(ax, assessment, lang, all_parts)
    xticks = list(range(int(lo), int(hi) + 1, 2))
    ax.set_xticks(xticks)
    ax.set_xticklabels([number(v, lang) for v in xticks])
    yticks = [0, 0.25, 0.5, 0.75, 1.0]
    ax.set_yticks(yticks)
    ax.set_yticklabels([number(v, lang, 0 if v in (0, 1) else 2 if v * 100 % 10 else 1) for v in yticks])
    ax.tick_params(labelsize=_FONT - 1)
    ax.set_xlabel(t("plot.effort.xlabel", lang), fontsize=_FONT)
    ax.set_ylabel(t("plot.effort.ylabel", lang), fontsize=_FONT)
    # one row when both entries fit the width, else one entry a row (a long French situation is never cut)
    labels = [h.get_label() for h in ax.get_legend_handles_labels()[0]]
    one_row = sum(len(x) for x in labels) <= LEGEND_ONE_ROW_CHARS
    ax.legend(loc="upper center", bbox_to_anchor=(0.45, -0.17), ncol=2 if one_row else 1, fontsize=_FONT - 1,
              frameon=False, handletextpad=0.4, columnspacing=1.2).set_gid("effort-legend")
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


def figure(assessment: Assessment, kind: str, lang: str = "en", all_parts: bool = False) -> Figure:
    """A new pyplot-free :class:`~matplotlib.figure.Figure` with one plot drawn.

    No pyplot registry is involved, so nothing leaks: the figure is freed with
    its last reference.

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` (:data:`KINDS`).
        lang (str): ``"en"`` or ``"fr"``.
        all_parts (bool): effort plot: draw every part the interactive page may show (the off-axis arrow).

    Returns:
        Figure: sized by :data:`SIZES` (inches at 100 dpi) with fixed :data:`MARGINS`.

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    _check_kind(kind)
    fig = Figure(figsize=SIZES[kind], dpi=100)
    fig.subplots_adjust(**MARGINS[kind])
    ax = fig.add_subplot()
    if kind == "effort":
        effort_plot(assessment, ax=ax, lang=lang, all_parts=all_parts)
    else:
        population_plot(assessment, ax=ax, lang=lang)
    return fig


#: Gid prefix of the parts of each plot that depend on the person (the rest depends on the language and,
#: for the effort plot, the persona and target belt).
YOU_PREFIX = {"population": "pop-you", "effort": "effort-you"}


def add_you(ax: Axes, assessment: Assessment, kind: str, lang: str = "en") -> list[Any]:
    """Draw only the person's marks on Axes that hold the rest of a plot (:data:`YOU_PREFIX` parts removed).

    The live report draws the rest once (:class:`beltlib.app.painter.PlotPainter`) and this on each
    change: the same functions as :func:`figure` draw them, so the marks are drawn one way only.

    Args:
        ax (Axes): the Axes of a :func:`figure` of ``kind`` (for the effort plot, ``all_parts=True``:
            the belt names placed whatever the mark's place) whose ``*-you*`` artists were removed.
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` (:data:`KINDS`).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list: the artists added (gids starting with ``YOU_PREFIX[kind]``); none for the population
        plot without a belt. The effort plot's label is placed by :func:`place_labels` among the belt
        points and names, its arrow drawn only when the hours are beyond the axis (as in :func:`figure`).

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    _check_kind(kind)
    if kind == "population":
        _population_you(ax, assessment, lang)
    else:
        _you_point(ax, assessment, lang)
        _you_mark(ax, assessment, lang, all_parts=False)
    return [x for x in ax.get_children() if str(x.get_gid() or "").startswith(YOU_PREFIX[kind])]


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
    return png_bytes(figure(assessment, kind, lang), dpi)


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


__all__ = ["population_plot", "effort_plot", "alt_text", "figure", "add_you", "render_png", "render_svg", "svg_text",
           "data_uri_png",
           "KINDS", "SIZES", "YOU_PREFIX"]
