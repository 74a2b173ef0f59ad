"""Timeline plot of a LinkedIn export: connections over time and activity per month.

Matplotlib is imported here only (``import beltlib`` stays light). The plot uses
dates and counts from :class:`beltlib.linkedin.ExportSummary` only; no name is ever
drawn.

Two panels:

1. Connections over time (cumulative step line) with horizontal lines at 20 and 200
   connections - the article's green-belt range ("entre 20 et 200"; under 20 is a
   white belt) - and the date each was crossed written next to it.
2. Activity per month: invitations sent, messages sent, posts plus comments.

Colours are from the Okabe-Ito colour-blind-safe palette, and every series also has
its own line style and marker and a text label, so nothing relies on colour alone.
"""
from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Sequence
from typing import Any

from .. import rules
from ..texts import check_lang, number, t
from .dates import format_date
from .summary import ExportSummary

#: Okabe-Ito palette (colour-blind safe).
COLOURS = {"connections": "#0072B2", "invitations": "#E69F00", "messages": "#009E73",
           "posts": "#CC79A7", "threshold": "#555555"}
#: The article's connection thresholds: white under 20, green from 20 to 200.
THRESHOLDS = (rules.MIN_CONNECTIONS_GREEN, rules.MAX_CONNECTIONS_GREEN)
#: Figure size of the report's timeline, inches at 100 dpi: 500 px wide like the report's other
#: plots (:data:`beltlib.plots.SIZES`), so its text stays readable when scaled down to 375 px.
SIZE = (5.0, 6.4)


def _date(iso: str) -> _dt.date:
    return _dt.date(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))


def crossing_dates(connection_dates: Sequence[str], thresholds: Sequence[int] = THRESHOLDS) -> dict[int, str | None]:
    """Date on which each threshold was reached (the n-th dated connection).

    Args:
        connection_dates: sorted ISO dates (``ExportTimeline.connection_dates``).
        thresholds: connection counts (default 20 and 200, from the article).

    Returns:
        dict: threshold -> ISO date, or None when not reached.
    """
    dates = sorted(connection_dates)
    return {n: (dates[n - 1] if 0 < n <= len(dates) else None) for n in thresholds}


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def plot_timeline(summary: ExportSummary, axes: Sequence[Any] | None = None, lang: str = "en") -> tuple[Any, Any]:
    """Draw the export's timeline on two axes.

    Args:
        summary: from :func:`beltlib.linkedin.read_export`.
        axes: two matplotlib Axes (connections, activity), or None to create a new
            figure with two stacked panels (the caller closes it).
        lang: ``"en"`` or ``"fr"`` for titles, labels and annotations.

    Returns:
        (ax_connections, ax_activity): the two Axes drawn on.

    Raises:
        ValueError: unknown ``lang`` or ``axes`` not two Axes.
    """
    check_lang(lang)
    if axes is None:
        import matplotlib.pyplot as plt
        fig, axes = plt.subplots(2, 1, figsize=(8, 7), constrained_layout=True)
    if len(axes) != 2:
        raise ValueError("axes: expected two matplotlib Axes (connections, activity)")
    ax_c, ax_a = axes[0], axes[1]
    _plot_connections(ax_c, summary, lang)
    _plot_activity(ax_a, summary, lang)
    return ax_c, ax_a


def _plot_connections(ax: Any, summary: ExportSummary, lang: str) -> None:
    dates = list(summary.timeline.connection_dates)
    ax.set_title(t("timeline.title_connections", lang))
    ax.set_ylabel(t("timeline.ylabel_connections", lang))
    labels = dict(zip(THRESHOLDS, (t("timeline.threshold_20", lang), t("timeline.threshold_200", lang)), strict=True))
    styles = {20: (0, (4, 3)), 200: (0, (1, 2))}
    for n in THRESHOLDS:
        ax.axhline(n, color=COLOURS["threshold"], linestyle=styles[n], linewidth=1.2, label=labels[n])
    if not dates:
        ax.text(0.5, 0.5, t("timeline.no_connections", lang), transform=ax.transAxes, ha="center", va="center")
        ax.set_ylim(0, THRESHOLDS[-1] * 1.15)
        ax.legend(loc="upper left", fontsize="small")
        return
    xs = [_date(d) for d in dates]
    ys = list(range(1, len(xs) + 1))
    ax.step(xs, ys, where="post", color=COLOURS["connections"], linewidth=2,
            label=t("timeline.ylabel_connections", lang))
    ax.set_ylim(0, max(len(xs), THRESHOLDS[-1]) * 1.15)
    for n, when in crossing_dates(dates).items():
        if when is None:
            ax.annotate(t("timeline.not_crossed", lang, n=number(n, lang)),
                        xy=(xs[-1], n), xytext=(-6, 4), textcoords="offset points",
                        ha="right", va="bottom", fontsize="small")
        else:
            ax.annotate(t("timeline.crossed", lang, n=number(n, lang), date=format_date(when, lang)),
                        xy=(_date(when), n), xytext=(10, -3), textcoords="offset points",
                        ha="left", va="top", fontsize="small",
                        arrowprops={"arrowstyle": "-", "color": COLOURS["threshold"]})
            ax.plot([_date(when)], [n], marker="o", color=COLOURS["threshold"], linestyle="none")
    ax.legend(loc="upper left", fontsize="small")
    ax.tick_params(axis="x", labelrotation=30)


def _plot_activity(ax: Any, summary: ExportSummary, lang: str) -> None:
    tl = summary.timeline
    series = [("invitations", tl.invitations_sent_per_month, t("timeline.invitations_sent", lang), "o", "-",
               summary.invitations_sent is not None),
              ("messages", tl.messages_sent_per_month, t("timeline.messages_sent", lang), "s", "--",
               summary.messages_sent is not None),
              ("posts", tl.posts_comments_per_month, t("timeline.posts_comments", lang), "^", ":",
               summary.shares is not None or summary.comments is not None)]
    ax.set_title(t("timeline.title_activity", lang))
    ax.set_ylabel(t("timeline.ylabel_activity", lang))
    months = sorted({m for _, counts, *_ in series for m in counts})
    missing = [label for _, _, label, _, _, present in series if not present]
    if missing:
        ax.text(0.99, 0.97, t("timeline.missing", lang, what=", ".join(missing)), transform=ax.transAxes,
                ha="right", va="top", fontsize="small")
    if not months:
        ax.text(0.5, 0.5, t("timeline.no_activity", lang), transform=ax.transAxes, ha="center", va="center")
        return
    for key, counts, label, marker, style, present in series:
        if not present or not counts:
            continue
        span = _months(min(counts), max(counts))     # each series over its own span: an
        xs = [_dt.date(int(m[:4]), int(m[5:7]), 15) for m in span]   # archive may hold only recent invitations
        ax.plot(xs, [counts.get(m, 0) for m in span], color=COLOURS[key], marker=marker, markersize=4,
                linestyle=style, linewidth=1.5, label=label)
    ax.set_ylim(bottom=0)
    ax.tick_params(axis="x", labelrotation=30)
    ax.legend(loc="upper left", fontsize="small")


def figure(summary: ExportSummary, lang: str = "en") -> Any:
    """A new pyplot-free :class:`~matplotlib.figure.Figure` (:data:`SIZE`) with the timeline drawn.

    No pyplot registry is involved, so nothing leaks: the figure is freed with its last reference.

    Raises:
        ValueError: unknown ``lang``.
    """
    from matplotlib.figure import Figure

    check_lang(lang)
    fig = Figure(figsize=SIZE, dpi=100, layout="constrained")
    plot_timeline(summary, axes=fig.subplots(2, 1), lang=lang)
    return fig


def render_png(summary: ExportSummary, lang: str = "en", dpi: int = 100, colors: int | None = None) -> bytes:
    """Draw the timeline and return PNG bytes (500 px wide at the default dpi; no metadata).

    Args:
        summary: from :func:`beltlib.linkedin.read_export`.
        lang: ``"en"`` or ``"fr"``.
        dpi: dots per inch (the figure is :data:`SIZE` inches).
        colors: None for a full-colour PNG; a number (e.g. 64) for a palette PNG of at
            most that many colours, about 3x smaller for pages (line art loses nothing visible).

    Raises:
        ValueError: unknown ``lang``.
    """
    from ..images import png_bytes
    return png_bytes(figure(summary, lang), dpi, colors)


def alt_text(summary: ExportSummary, lang: str = "en") -> str:
    """What the timeline shows, in words (the plot's alt text): counts and dates only.

    Example (the sample archive): "Connections over time: 150 connections from 22 Jun 2012
    to 23 Oct 2026; 20 reached on 30 Jun 2015, 200 not reached. Activity per month, in
    total: invitations sent 16, messages sent 27, posts and comments 7."

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    dates = summary.timeline.connection_dates
    if dates:
        crossings = ", ".join(
            t("timeline.not_crossed", lang, n=number(n, lang)) if when is None else
            t("timeline.crossed", lang, n=number(n, lang), date=format_date(when, lang))
            for n, when in crossing_dates(dates).items())
        first = t("timeline.alt_connections", lang,
            n=number(len(dates), lang), first=format_date(dates[0], lang), last=format_date(dates[-1], lang),
            crossings=crossings)
    else:
        first = t("timeline.alt_no_connections", lang)
    tl = summary.timeline

    def total(counts: dict[str, int], present: bool) -> str:
        return number(sum(counts.values()), lang) if present else t("export.unknown", lang)

    second = t("timeline.alt_activity", lang,
        invitations=total(tl.invitations_sent_per_month, summary.invitations_sent is not None),
        messages=total(tl.messages_sent_per_month, summary.messages_sent is not None),
        posts=total(tl.posts_comments_per_month, summary.shares is not None or summary.comments is not None))
    return f"{first} {second}"


__all__ = ["COLOURS", "THRESHOLDS", "SIZE", "alt_text", "crossing_dates", "figure", "plot_timeline", "render_png",
           "timeline_img_html"]


#: Palette size of the published timeline PNG (line art: 64 colours look the same, a third of the bytes).
TIMELINE_COLORS = 64


def timeline_img_html(summary: Any, lang: str) -> str:
    """The export's timeline (this module) as ``<figure class="belt-plot-timeline">``
    holding an ``<img>`` (PNG data URI, :data:`plots.STATIC_PLOT_DPI`) whose alt text and caption
    state what it shows (:func:`alt_text`: counts and dates only)."""
    from .. import plots
    alt = alt_text(summary, lang)
    uri = plots.data_uri_png(render_png(summary, lang, dpi=plots.STATIC_PLOT_DPI, colors=TIMELINE_COLORS))
    width = round(SIZE[0] * 100)
    return (f'<figure class="belt-plot-timeline" style="margin:0"><img src="{uri}" alt="{html.escape(alt)}" '
            f'style="width:100%;max-width:{width}px;height:auto">'
            f'<figcaption class="belt-plot-caption">{html.escape(alt)}</figcaption></figure>')
