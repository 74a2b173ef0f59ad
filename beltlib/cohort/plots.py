"""The cohort report's three plots, drawn with matplotlib (seaborn-style: ``ax=None`` in, Axes out).

- :func:`belts_plot` — the group's belt shares next to the article's (bars, with counts).
- :func:`agenda_plot` — the markers the group meets least, sorted (the workshop agenda).
- :func:`steps_plot` — how many markers each person still needs to reach their target belt.

A hidden value (fewer than 5 respondents, or one the numbers shown would give away) draws no bar and
says "not shown" (the catalogue's ``cohort.compare.hidden``, one word for every hidden value).
Colours are the report's belt colours (colour-blind safe); the article's bars are hatched so the
two series differ without colour, and every bar carries its number as text.
"""
from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

from matplotlib.figure import Figure

from .. import rules
from ..plots import CURVE_COLOUR, EDGE_COLOUR, data_uri_png
from ..report import BELT_COLOURS
from ..texts import percent, t
from .aggregate import SUPPRESSED, CohortSummary
from .words import HIDDEN_KEY, PLOT_KINDS, alt_text, belt_label, count_text, prevalence_text, share_text

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

#: The plots, in page order (:data:`beltlib.cohort.words.PLOT_KINDS`).
KINDS = PLOT_KINDS
_FONT = 10
#: Resolution of the page's images: twice the shown size (500 px wide at 100 dpi).
PAGE_DPI = 160


def _new_axes(ax: Axes | None, kind: str, summary: CohortSummary) -> Axes:
    if ax is not None:
        return ax
    return figure(summary, kind, draw=False).axes[0]


def _hidden(lang: str) -> str:
    return textwrap.fill(t(HIDDEN_KEY, lang), 8)


def _fit(ax: Axes, label: Any) -> None:
    """Wrap a label onto more lines until it ends inside the figure (never cut: French labels are long)."""
    fig = ax.figure
    renderer = fig._get_renderer()  # type: ignore[attr-defined]
    right = fig.bbox.x1 - 2
    text = label.get_text()
    width = len(text)
    while label.get_window_extent(renderer).x1 > right and width > 12:
        width -= 4
        label.set_text(textwrap.fill(text, width, break_long_words=False))


def belts_plot(summary: CohortSummary, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw the group's belt shares next to the article's.

    Args:
        summary (CohortSummary): the cohort (see :func:`beltlib.cohort.summarise`).
        ax (Axes | None): Axes to draw into; a new figure when None.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Axes: x = the four belts (no profile, white, green, black), y = share in percent. The group's bars
        carry gids ``cohort-belt-<belt>`` and a count label; the article's bars (hatched) ``article-belt-<belt>``.
        A hidden belt has no bar and the label "not shown".

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares (:data:`beltlib.rules.SHARES`: green « environ 10 % », black « moins de 2% »).
    """
    ax = _new_axes(ax, "belts", summary)
    width, gap = 0.36, 0.21
    group_label = t("cohort.belts.group", lang)  # on the first bar drawn (a suppressed belt has none)
    for i, belt in enumerate(rules.BELTS):
        share = summary.belt_shares_percent[belt]
        if share == SUPPRESSED:
            # upright beside the article's bar: it never runs into its share ("10 %")
            ax.text(i - gap, 1.5, t(HIDDEN_KEY, lang), ha="center", va="bottom", rotation=90,
                    fontsize=_FONT - 1).set_gid(f"cohort-hidden-{belt}")
        else:
            bar = ax.bar(i - gap, float(share), width, color=BELT_COLOURS[belt], edgecolor=EDGE_COLOUR,
                         linewidth=1.2, label=group_label)
            group_label = None
            bar.patches[0].set_gid(f"cohort-belt-{belt}")
            ax.text(i - gap, float(share) + 1.5, f"{count_text(summary.belts[belt], lang)}\n"
                    f"{share_text(share, lang)}", ha="center", va="bottom", fontsize=_FONT - 1)
        if belt in rules.SHARES:
            art = rules.SHARES[belt]
            bar = ax.bar(i + gap, art, width, color="#e8e8e8", edgecolor=EDGE_COLOUR, hatch="///",
                         linewidth=1.2, label=t("cohort.belts.article", lang) if belt == "white" else None)
            bar.patches[0].set_gid(f"article-belt-{belt}")
            ax.text(i + gap, art + 1.5, percent(art, lang), ha="center", va="bottom", fontsize=_FONT - 1)
    ax.set_xlim(-0.65, len(rules.BELTS) - 0.35)
    ax.set_xticks(range(len(rules.BELTS)))
    ax.set_xticklabels([textwrap.fill(belt_label(b, lang), 12) for b in rules.BELTS], fontsize=_FONT)
    ax.set_ylim(0, 118)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_ylabel(t("cohort.belts.ylabel", lang), fontsize=_FONT)
    ax.tick_params(labelsize=_FONT - 1)
    handles, labels = ax.get_legend_handles_labels()
    wanted = [t("cohort.belts.group", lang), t("cohort.belts.article", lang)]  # the group first, always
    pairs = sorted(zip(handles, labels, strict=True), key=lambda hl: wanted.index(hl[1]))
    if pairs:
        ax.legend([h for h, _ in pairs], [lb for _, lb in pairs], loc="upper right", fontsize=_FONT - 1, frameon=False)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def agenda_plot(summary: CohortSummary, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw the markers of the group's target belts, met least first (top).

    Args:
        summary (CohortSummary): the cohort.
        ax (Axes | None): Axes to draw into; a new figure (its height grows with the markers) when None.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Axes: one horizontal bar per marker of :meth:`CohortSummary.agenda` (gid ``agenda-<marker id>``),
        x = percent of the respondents (the whole group) who meet it; the marker's name above its bar and the
        share at its end ("not shown" and no bar when hidden).

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.MARKERS` (article, « Ceinture verte » and « Ceinture noire »).
    """
    ax = _new_axes(ax, "agenda", summary)
    order = summary.agenda()
    for row, marker in enumerate(order):
        y = -row
        share = summary.marker_prevalence[marker]
        belt = next(m["belt"] for m in rules.MARKERS if m["id"] == marker)
        _fit(ax, ax.text(0, y + 0.22, t(f"marker.{marker}", lang), ha="left", va="bottom", fontsize=_FONT))
        if share == SUPPRESSED:
            ax.text(1, y, t(HIDDEN_KEY, lang), ha="left", va="center", fontsize=_FONT - 1)
            continue
        value = float(share) * 100
        bar = ax.barh(y, value, height=0.38, color=BELT_COLOURS[belt], edgecolor=EDGE_COLOUR, linewidth=1.0)
        bar.patches[0].set_gid(f"agenda-{marker}")
        ax.text(value + 1.2, y, prevalence_text(share, lang), ha="left", va="center", fontsize=_FONT - 1)
    ax.set_xlim(0, 115)
    ax.set_ylim(-len(order) + 0.5, 0.75)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xticklabels([percent(v, lang) for v in (0, 25, 50, 75, 100)])
    ax.set_yticks([])
    ax.set_xlabel(t("cohort.agenda.xlabel", lang), fontsize=_FONT)
    ax.tick_params(labelsize=_FONT - 1)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


def steps_plot(summary: CohortSummary, ax: Axes | None = None, lang: str = "en") -> Axes:
    """Draw how many respondents still need 0, 1, 2, … markers to reach their target belt.

    Args:
        summary (CohortSummary): the cohort.
        ax (Axes | None): Axes to draw into; a new figure when None.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        Axes: x = markers still needed (one bar per bin, bins merged until each holds 5 or more: ``steps-0``,
        ``steps-1–3``), y = respondents (count), the count on top; "not shown" and no bar when the whole
        group holds fewer than 5.

    Raises:
        ValueError: unknown ``lang``.

    Source: article, « Alors, quelle ceinture choisir ? » (target belts); assumptions GREEN_MIN_MARKERS and
    BLACK_MIN_MARKERS.
    """
    ax = _new_axes(ax, "steps", summary)
    counts = [v for v in summary.markers_needed.values() if v != SUPPRESSED]
    top = max(counts, default=5)
    labels = list(summary.markers_needed)  # bins merged until each holds 5 or more ("1–3")
    for x, (steps, value) in enumerate(summary.markers_needed.items()):
        if value == SUPPRESSED:
            ax.text(x, top * 0.02, _hidden(lang), ha="center", va="bottom", fontsize=_FONT - 2)
            continue
        bar = ax.bar(x, value, 0.7, color=CURVE_COLOUR, edgecolor=EDGE_COLOUR, linewidth=1.0)
        bar.patches[0].set_gid(f"steps-{steps}")
        ax.text(x, value + top * 0.02, count_text(value, lang), ha="center", va="bottom", fontsize=_FONT - 1)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels)
    ax.set_xlim(-0.6, len(labels) - 0.4)
    ax.set_ylim(0, top * 1.25)
    ax.set_xlabel(t("cohort.steps.xlabel", lang), fontsize=_FONT)
    ax.set_ylabel(t("cohort.steps.ylabel", lang), fontsize=_FONT)
    ax.tick_params(labelsize=_FONT - 1)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    return ax


_DRAW = {"belts": belts_plot, "agenda": agenda_plot, "steps": steps_plot}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"kind: got {kind!r} (allowed: one of {', '.join(KINDS)})")


def figure(summary: CohortSummary, kind: str, lang: str = "en", draw: bool = True) -> Figure:
    """A new pyplot-free figure with one cohort plot (freed with its last reference).

    Args:
        summary (CohortSummary): the cohort.
        kind (str): one of :data:`KINDS`.
        lang (str): ``"en"`` or ``"fr"``.
        draw (bool): False gives the empty figure and Axes (used by the plot functions).

    Returns:
        Figure: 5 inches wide (500 px at 100 dpi); the agenda's height grows with its markers.

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    _check_kind(kind)
    if kind == "agenda":
        rows = len(summary.agenda())
        size, margins = (5.0, 0.62 * rows + 0.7), {"left": 0.03, "right": 0.97, "top": 0.99,
                                                   "bottom": 0.55 / (0.62 * rows + 0.7)}
    elif kind == "belts":
        size, margins = (5.0, 3.3), {"left": 0.12, "right": 0.98, "top": 0.97, "bottom": 0.17}
    else:
        size, margins = (5.0, 2.8), {"left": 0.12, "right": 0.98, "top": 0.97, "bottom": 0.18}
    fig = Figure(figsize=size, dpi=100)
    fig.subplots_adjust(**margins)
    ax = fig.add_subplot()
    if draw:
        _DRAW[kind](summary, ax=ax, lang=lang)
    return fig


def render_png(summary: CohortSummary, kind: str, lang: str = "en", dpi: int = PAGE_DPI) -> bytes:
    """Draw one cohort plot as PNG bytes (no ``Software`` metadata).

    Args:
        summary (CohortSummary): the cohort.
        kind (str): one of :data:`KINDS`.
        lang (str): ``"en"`` or ``"fr"``.
        dpi (int): dots per inch (default :data:`PAGE_DPI`: 800 px wide).

    Returns:
        bytes: the PNG image.

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    buf = io.BytesIO()
    figure(summary, kind, lang).savefig(buf, format="png", dpi=dpi, metadata={"Software": None})
    return buf.getvalue()


__all__ = ["KINDS", "belts_plot", "agenda_plot", "steps_plot", "figure", "alt_text", "render_png", "data_uri_png"]
