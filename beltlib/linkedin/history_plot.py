"""The history plot (:mod:`beltlib.linkedin.history`): three panels, month by month.

1. Connections at each month's end, with the article's 20 (green-belt minimum) and 200 (upper end
   of the green belt) as lines named in the legend, and the months they were crossed written on the plot.
2. Activity per month: messages sent, replies, replies within a day, invitations sent (only inside
   Invitations.csv's window: no line where it is unknown), posts and comments.
3. The markers the export can date, one row each (named "belt: marker"): met, not met, cannot tell.

Two layouts (:data:`LAYOUTS`): ``wide`` fills the report's column on a desktop screen (about 790 px);
``narrow`` is drawn for a phone (shown about 350 px wide): taller, the legends below the panels, the
marker names wrapped over two lines, fewer dates on the axis, no y-axis name (the panel's title says
it). Both keep every label at about 11 px or more where they are shown (this module's assumption:
text under about 9 CSS px is unreadable; tests/test_linkedin_history.py checks it).

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
#: Each layout's figure size (inches at 100 dpi: 790 px fills the static page's 52rem column), panel
#: heights, font sizes (points) and marker-name wrap (characters per line).
LAYOUTS: dict[str, dict[str, Any]] = {
    "wide": {"size": (7.9, 9.2), "heights": (1, 1, 1.3), "title": 12, "text": 10.5, "small": 9.5,
             "wrap": 120, "legend_below": False, "ticks": 10},
    "narrow": {"size": (3.6, 11.8), "heights": (1.15, 1.35, 1.65), "title": 10.5, "text": 9, "small": 8.5,
               "wrap": 48, "legend_below": True, "ticks": 5},
}
#: The wide layout's size (inches at 100 dpi).
SIZE = LAYOUTS["wide"]["size"]
#: Palette size of the published PNG (line art).
COLORS = 64
_BELT = {m["id"]: m["belt"] for m in rules.MARKERS}


def _x(month: str) -> _dt.date:
    return _dt.date(int(month[:4]), int(month[5:7]), 15)


def _new_ax(ax: Any, layout: str = "wide") -> Any:
    if ax is None:
        import matplotlib.pyplot as plt
        size = LAYOUTS[layout]["size"]
        _, ax = plt.subplots(figsize=(size[0], size[1] / 3), constrained_layout=True)
    return ax


def _layout(layout: str) -> dict[str, Any]:
    """The layout's row of :data:`LAYOUTS`; a clear error naming the allowed values otherwise."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout: got {layout!r} (allowed: {', '.join(LAYOUTS)})")
    return LAYOUTS[layout]


def _legend(ax: Any, lay: dict[str, Any], **kw: Any) -> None:
    """A panel's legend: inside, upper left (wide) or under the panel in one column (narrow)."""
    if lay["legend_below"]:
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.12), ncol=1, fontsize=lay["small"], frameon=False,
                  borderaxespad=0, **kw)
    else:
        ax.legend(loc="upper left", fontsize=lay["small"], **kw)


def _x_axis(ax: Any, lay: dict[str, Any]) -> None:
    """Dates on the x axis: at most ``ticks`` of them, in the layout's size."""
    from matplotlib.dates import AutoDateLocator
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=lay["ticks"]))
    ax.tick_params(axis="both", labelsize=lay["small"])
    ax.tick_params(axis="x", labelrotation=30 if not lay["legend_below"] else 0)


def _counts_panel(ax: Any, lang: str, layout: str, name: str) -> tuple[Any, dict[str, Any]]:
    """The start of a panel of counts: its Axes and layout, the title ``history.plot.title_<name>`` and, on
    the wide layout, the y label ``history.plot.ylabel_<name>`` (narrow: the title says it, the panel keeps
    the width). Raises ValueError: unknown ``lang`` or ``layout``."""
    check_lang(lang)
    lay = _layout(layout)
    ax = _new_ax(ax, layout)
    ax.set_title(t(f"history.plot.title_{name}", lang), fontsize=lay["title"])
    if not lay["legend_below"]:
        ax.set_ylabel(t(f"history.plot.ylabel_{name}", lang), fontsize=lay["text"])
    return ax, lay


def plot_connections(h: History, ax: Any = None, lang: str = "en", layout: str = "wide") -> Any:
    """Connections at each month's end, the 20 and 200 thresholds and the months they were crossed.

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure (the caller closes it).
        lang: ``"en"`` or ``"fr"``.
        layout: one of :data:`LAYOUTS` (font sizes, where the legend goes).

    Returns:
        the Axes drawn on.

    Raises:
        ValueError: unknown ``lang`` or ``layout``.
    """
    ax, lay = _counts_panel(ax, lang, layout, "connections")
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
                        xy=(_x(month), n), xytext=(-4, 12), textcoords="offset points", fontsize=lay["text"],
                        ha="right" if month > h.months[len(h.months) // 2].month else "left")
    _legend(ax, lay)
    _x_axis(ax, lay)
    return ax


def _posts(m: Any) -> int | None:
    return None if m.posts is None and m.comments is None else (m.posts or 0) + (m.comments or 0)


def plot_activity(h: History, ax: Any = None, lang: str = "en", layout: str = "wide") -> Any:
    """Activity per month: messages, replies, replies within a day, invitations (their window only),
    posts and comments; a series the export cannot tell is left out (its months unknown, not zero).

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure.
        lang: ``"en"`` or ``"fr"``.
        layout: one of :data:`LAYOUTS`.

    Returns:
        the Axes drawn on.

    Raises:
        ValueError: unknown ``lang`` or ``layout``.
    """
    ax, lay = _counts_panel(ax, lang, layout, "activity")
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
        _legend(ax, lay)
    _x_axis(ax, lay)
    return ax


def plot_markers(h: History, ax: Any = None, lang: str = "en", layout: str = "wide") -> Any:
    """The dated markers month by month: one row each, a bar per month, met (solid), not met
    (hatched ``//``) or cannot tell (white, dotted edge); the three named in the legend.

    Args:
        h: from :func:`beltlib.linkedin.history.history`.
        ax: a matplotlib Axes, or None for a new figure.
        lang: ``"en"`` or ``"fr"``.
        layout: one of :data:`LAYOUTS` (the marker names wrapped at its ``wrap`` characters, at most two lines).

    Returns:
        the Axes drawn on.

    Raises:
        ValueError: unknown ``lang`` or ``layout``.
    """
    import textwrap

    from matplotlib.dates import date2num
    from matplotlib.patches import Patch

    check_lang(lang)
    lay = _layout(layout)
    ax = _new_ax(ax, layout)
    title = t("history.plot.title_markers", lang, window=number(HISTORY_WINDOW_MONTHS, lang))
    ax.set_title("\n".join(textwrap.wrap(title, lay["wrap"] - 14)), fontsize=lay["title"])  # titles: larger type
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
        lines = textwrap.wrap(label, lay["wrap"], max_lines=2, placeholder="…")
        ax.text(0.005, row + 0.02, "\n".join(lines), transform=ax.get_yaxis_transform(),
                fontsize=lay["small"], va="bottom", ha="left", in_layout=False, clip_on=True, linespacing=1.1)
    ax.set_yticks([])
    ax.set_ylim(-0.6, len(DATED) - 0.05)
    ax.set_xlim(start, date2num(_x(h.months[-1].month)) + 16)
    ax.xaxis_date()
    _x_axis(ax, lay)
    ax.legend(handles=[Patch(label=t(f"history.plot.{k}", lang), linewidth=0.6, **styles[s])
                       for k, s in (("met", True), ("not_met", False), ("unknown", None))],
              loc="upper center", bbox_to_anchor=(0.5, -0.12 if lay["legend_below"] else -0.2),
              ncol=2 if lay["legend_below"] else 3,
              fontsize=lay["small"], frameon=False)
    return ax


def figure(h: History, lang: str = "en", layout: str = "wide") -> Any:
    """A new pyplot-free Figure of the layout's size (:data:`LAYOUTS`) with the three panels (freed with its
    last reference).

    Raises:
        ValueError: unknown ``lang`` or ``layout``.
    """
    from matplotlib.figure import Figure

    check_lang(lang)
    lay = _layout(layout)
    fig = Figure(figsize=lay["size"], dpi=100, layout="constrained")
    ax_c, ax_a, ax_m = fig.subplots(3, 1, gridspec_kw={"height_ratios": lay["heights"]})
    plot_connections(h, ax_c, lang, layout)
    plot_activity(h, ax_a, lang, layout)
    plot_markers(h, ax_m, lang, layout)
    ax_a.sharex(ax_m)
    ax_c.sharex(ax_m)
    return fig


def render_png(h: History, lang: str = "en", dpi: int = 100, colors: int | None = None,
               layout: str = "wide") -> bytes:
    """Draw the history and return PNG bytes (no metadata); ``colors``: a palette PNG of at most that many;
    ``layout``: one of :data:`LAYOUTS`."""
    from ..images import png_bytes
    return png_bytes(figure(h, lang, layout), dpi, colors)


__all__ = ["COLORS", "COLOURS", "LAYOUTS", "SIZE", "figure", "plot_activity", "plot_connections", "plot_markers",
           "render_png"]
