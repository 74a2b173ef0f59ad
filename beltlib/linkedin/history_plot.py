"""The history plot (:mod:`beltlib.linkedin.history`): three panels, month by month.

1. Connections at each month's end, with the article's 20 (green-belt minimum) and 200 (upper end
   of the green belt) as lines named in the legend, and the months they were crossed written on the plot.
2. Activity per month: messages sent, replies, replies within a day, invitations sent (only inside
   Invitations.csv's window: no line where it is unknown), posts and comments.
3. The markers the export can date, one row each (named "belt: marker"): met, not met, cannot tell.

Matplotlib is imported here only. Each helper takes ``ax=None`` (a new figure then) and returns the
Axes. Colours are Okabe-Ito (colour-blind safe) and every series also has its own line style,
marker or hatch and a text label, so nothing relies on colour alone. No name is ever drawn.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from .. import rules
from ..texts import check_lang, number, t
from .history import CROSSINGS, DATED, History
from .history_words import month_text
from .mapping import HISTORY_WINDOW_MONTHS

#: Okabe-Ito palette (colour-blind safe).
COLOURS = {"connections": "#0072B2", "messages": "#009E73", "replies": "#56B4E9", "within": "#D55E00",
           "invitations": "#E69F00", "posts": "#CC79A7", "threshold": "#555555", "met": "#0072B2",
           "not_met": "#E69F00", "unknown": "#FFFFFF"}
#: Figure size, inches at 100 dpi: 500 px wide like the report's other plots.
SIZE = (5.0, 8.6)
#: Palette size of the published PNG (line art).
COLORS = 64
_BELT = {m["id"]: m["belt"] for m in rules.MARKERS}


def _x(month: str) -> _dt.date:
    return _dt.date(int(month[:4]), int(month[5:7]), 15)


def _new_ax(ax: Any) -> Any:
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(SIZE[0], SIZE[1] / 3), constrained_layout=True)
    return ax


def plot_connections(h: History, ax: Any = None, lang: str = "en") -> Any:
    """Connections at each month's end, the 20 and 200 thresholds and the months they were crossed.

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure (the caller closes it).
        lang: ``"en"`` or ``"fr"``.

    Returns:
        the Axes drawn on.

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    ax = _new_ax(ax)
    ax.set_title(t("history.plot.title_connections", lang), fontsize="medium")
    ax.set_ylabel(t("history.plot.ylabel_connections", lang))
    labels = (t("timeline.threshold_20", lang), t("timeline.threshold_200", lang))
    for n, label, style in zip((rules.MIN_CONNECTIONS_GREEN, rules.MAX_CONNECTIONS_GREEN), labels,
                               ((0, (4, 3)), (0, (1, 2))), strict=True):
        ax.axhline(n, color=COLOURS["threshold"], linestyle=style, linewidth=1.2, label=label)
    ms = [m for m in h.months if m.connections is not None]
    if not ms:
        ax.text(0.5, 0.5, t("history.plot.no_connections", lang), transform=ax.transAxes, ha="center", va="center")
        ax.set_ylim(0, rules.MAX_CONNECTIONS_GREEN * 1.15)
    else:
        ax.step([_x(m.month) for m in ms], [m.connections for m in ms], where="mid", color=COLOURS["connections"],
                linewidth=2, label=t("history.plot.ylabel_connections", lang))
        top = max(ms[-1].connections or 0, rules.MAX_CONNECTIONS_GREEN)
        ax.set_ylim(0, top * 1.2)
        for key, n in CROSSINGS.items():
            month = h.crossings[key]
            if month is None:
                continue
            ax.plot([_x(month)], [n], marker="o", color=COLOURS["threshold"], linestyle="none")
            ax.annotate(t("history.plot.crossed", lang, n=number(n, lang), month=month_text(month, lang)),
                        xy=(_x(month), n), xytext=(-4, 12), textcoords="offset points", fontsize="small",
                        ha="right" if month > h.months[len(h.months) // 2].month else "left")
    ax.legend(loc="upper left", fontsize="x-small")
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")
    return ax


def _posts(m: Any) -> int | None:
    return None if m.posts is None and m.comments is None else (m.posts or 0) + (m.comments or 0)


def plot_activity(h: History, ax: Any = None, lang: str = "en") -> Any:
    """Activity per month: messages, replies, replies within a day, invitations (their window only),
    posts and comments; a series the export cannot tell is left out (its months unknown, not zero).

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure.
        lang: ``"en"`` or ``"fr"``.

    Returns:
        the Axes drawn on.
    """
    check_lang(lang)
    ax = _new_ax(ax)
    ax.set_title(t("history.plot.title_activity", lang), fontsize="medium")
    ax.set_ylabel(t("history.plot.ylabel_activity", lang))
    series = [("messages", lambda m: m.messages_sent, "-", "s"), ("replies", lambda m: m.replies, "--", None),
              ("within", lambda m: m.replies_within_day, ":", None),
              ("invitations", lambda m: m.invitations_sent, "-", "o"),
              ("posts", _posts, "-.", "^")]
    names = {"messages": "messages", "replies": "replies", "within": "replies_within_day",
             "invitations": "invitations", "posts": "posts"}
    drawn = False
    for key, get, style, marker in series:
        points = [(_x(m.month), v) for m in h.months if (v := get(m)) is not None]
        if not points:
            continue
        drawn = True
        ax.plot([p[0] for p in points], [p[1] for p in points], color=COLOURS[key], linestyle=style, marker=marker,
                markersize=3, linewidth=1.3, label=t(f"history.plot.{names[key]}", lang))
    ax.set_ylim(bottom=0)
    if drawn:
        ax.legend(loc="upper left", fontsize="x-small")
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")
    return ax


def plot_markers(h: History, ax: Any = None, lang: str = "en") -> Any:
    """The dated markers month by month: one row each, a bar per month, met (solid), not met
    (hatched ``//``) or cannot tell (white, dotted edge); the three named in the legend.

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure.
        lang: ``"en"`` or ``"fr"``.

    Returns:
        the Axes drawn on.
    """
    import textwrap

    from matplotlib.dates import date2num
    from matplotlib.patches import Patch

    check_lang(lang)
    ax = _new_ax(ax)
    ax.set_title(t("history.plot.title_markers", lang, window=number(HISTORY_WINDOW_MONTHS, lang)), fontsize="medium")
    styles = {True: {"facecolor": COLOURS["met"], "edgecolor": COLOURS["met"]},
              False: {"facecolor": COLOURS["not_met"], "edgecolor": "#7a5200", "hatch": "////"},
              None: {"facecolor": COLOURS["unknown"], "edgecolor": "#999999", "linestyle": ":"}}
    start = date2num(_x(h.months[0].month)) - 15
    for row, ident in enumerate(reversed(DATED)):
        runs: list[tuple[bool | None, float, float]] = []
        for m in h.months:
            state = m.markers[ident]
            day = date2num(_x(m.month)) - 15
            if runs and runs[-1][0] is state:
                runs[-1] = (state, runs[-1][1], day + 30)
            else:
                runs.append((state, day, day + 30))
        for state, a, b in runs:
            ax.broken_barh([(a, b - a)], (row - 0.42, 0.42), linewidth=0.6, **styles[state])
        label = t("history.plot.marker", lang, belt=t(f"belt_title.{_BELT[ident]}", lang),
                  marker=t(f"marker.{ident}", lang))
        ax.text(0.005, row + 0.02, textwrap.shorten(label, 78, placeholder="…"), transform=ax.get_yaxis_transform(),
                fontsize="x-small", va="bottom", ha="left", in_layout=False, clip_on=True)
    ax.set_yticks([])
    ax.set_ylim(-0.6, len(DATED) - 0.05)
    ax.set_xlim(start, date2num(_x(h.months[-1].month)) + 16)
    ax.xaxis_date()
    ax.tick_params(axis="x", labelrotation=30, labelsize="small")
    ax.legend(handles=[Patch(label=t(f"history.plot.{k}", lang), linewidth=0.6, **styles[s])
                       for k, s in (("met", True), ("not_met", False), ("unknown", None))],
              loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize="x-small", frameon=False)
    return ax


def figure(h: History, lang: str = "en") -> Any:
    """A new pyplot-free Figure (:data:`SIZE`) with the three panels (freed with its last reference)."""
    from matplotlib.figure import Figure

    check_lang(lang)
    fig = Figure(figsize=SIZE, dpi=100, layout="constrained")
    ax_c, ax_a, ax_m = fig.subplots(3, 1, gridspec_kw={"height_ratios": (1, 1, 1.15)})
    plot_connections(h, ax_c, lang)
    plot_activity(h, ax_a, lang)
    plot_markers(h, ax_m, lang)
    ax_a.sharex(ax_m)
    ax_c.sharex(ax_m)
    return fig


def render_png(h: History, lang: str = "en", dpi: int = 100, colors: int | None = None) -> bytes:
    """Draw the history and return PNG bytes (no metadata); ``colors``: a palette PNG of at most that many."""
    from ..images import png_bytes
    return png_bytes(figure(h, lang), dpi, colors)


__all__ = ["COLORS", "COLOURS", "SIZE", "figure", "plot_activity", "plot_connections", "plot_markers", "render_png"]
