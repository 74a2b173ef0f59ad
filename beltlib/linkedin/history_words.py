"""The history's words (:mod:`beltlib.linkedin.history`): the report section's data, the plot's alt
text and months in words. Counts and months only; texts from the catalogue (``history.*``).

Standard library only.
"""
from __future__ import annotations

from typing import Any

from .. import rules
from ..locale import NBSP, conventions
from ..texts import check_lang, number, t
from .history import CROSSINGS, DATED, History, Month
from .mapping import HISTORY_WINDOW_MONTHS

#: How many months the report's table shows (the newest; ``history --json`` gives them all).
TABLE_MONTHS = 6
_BELT = {m["id"]: m["belt"] for m in rules.MARKERS}


def month_text(month: str, lang: str = "en") -> str:
    """``"2026-10"`` -> ``"Oct 2026"`` / ``"oct. 2026"`` (the locale table's month names, no-break space)."""
    return f"{conventions(lang)['months'][int(month[5:7]) - 1]}{NBSP}{month[:4]}"


def _cell(value: int | None, lang: str) -> str:
    return t("history.cell.unknown", lang) if value is None else number(value, lang)


def _marker_name(ident: str, lang: str) -> str:
    return t(f"marker.{ident}", lang)


def marker_line(h: History, ident: str, lang: str = "en") -> str:
    """One dated marker over the history: months met of those the export can tell, first month, last month."""
    states = [(m.month, m.markers[ident]) for m in h.months]
    told = [(mo, s) for mo, s in states if s is not None]
    marker, belt = _marker_name(ident, lang), t(f"belt.{_BELT[ident]}", lang)
    if not told:
        return t("history.marker.unknown", lang, marker=marker, belt=belt)
    last_month, last = states[-1]
    now = t("history.state." + ("none" if last is None else "true" if last else "false"), lang)
    met = [mo for mo, s in told if s]
    common = {"marker": marker, "belt": belt, "told": number(len(told), lang), "last": month_text(last_month, lang),
              "now": now}
    if not met:
        return t("history.marker.never", lang, **common)
    return t("history.marker.met", lang, met=number(len(met), lang), first=month_text(met[0], lang), **common)


def crossing_lines(h: History, months: tuple[Month, ...], lang: str = "en") -> list[str]:
    """When the article's 20 and 200 were crossed (or that they were not, or cannot be told)."""
    if months and months[-1].connections is None:
        return [t("history.crossing.unknown", lang)]
    c20, c200 = h.crossings["connections_20"], h.crossings["connections_over_200"]
    return [t("history.crossing.20", lang, month=month_text(c20, lang)) if c20 else t("history.crossing.20_not", lang),
            t("history.crossing.200", lang, n=number(CROSSINGS["connections_over_200"], lang),
              month=month_text(c200, lang)) if c200 else t("history.crossing.200_not", lang)]


def table_rows(h: History, lang: str = "en", n: int = TABLE_MONTHS) -> list[list[str]]:
    """The newest ``n`` months as table rows (newest first): month, connections, invitations sent,
    messages sent, replies (within a day), posts + comments, dated markers met."""
    rows = []
    for m in reversed(h.months[-n:]):
        told = [s for k, s in m.markers.items() if k in DATED and s is not None]
        replies = (t("history.cell.unknown", lang) if m.replies is None else
                   t("history.cell.replies", lang, replies=number(m.replies, lang),
                     within=_cell(m.replies_within_day, lang)))
        rows.append([month_text(m.month, lang), _cell(m.connections, lang), _cell(m.invitations_sent, lang),
                     _cell(m.messages_sent, lang), replies,
                     t("history.cell.posts", lang, posts=_cell(m.posts, lang), comments=_cell(m.comments, lang)),
                     t("history.cell.markers", lang, met=number(sum(told), lang), told=number(len(told), lang))])
    return rows


def columns(lang: str = "en") -> list[str]:
    """The table's column labels."""
    return [t(f"history.col.{c}", lang) for c in
            ("month", "connections", "invitations", "messages", "replies", "posts", "markers")]


def _total(values: list[int | None], lang: str) -> str:
    known = [v for v in values if v is not None]
    return number(sum(known), lang) if known else t("export.unknown", lang)


def alt_text(h: History, lang: str = "en") -> str:
    """What the history plot shows, in words (its alt text and caption): counts and months only."""
    check_lang(lang)
    ms = h.months
    first, last = month_text(ms[0].month, lang), month_text(ms[-1].month, lang)
    if ms[-1].connections is None:
        start = end = t("export.unknown", lang)
        crossings = t("history.crossing.unknown", lang).rstrip(".")
    else:
        start, end = number(ms[0].connections or 0, lang), number(ms[-1].connections, lang)
        crossings = ", ".join(
            t("history.alt.crossed", lang, n=number(n, lang), month=month_text(h.crossings[k], lang))  # type: ignore[arg-type]
            if h.crossings[k] else t("history.alt.not_crossed", lang, n=number(n, lang))
            for k, n in CROSSINGS.items())
    posts = [None if m.posts is None and m.comments is None else (m.posts or 0) + (m.comments or 0) for m in ms]
    markers = ", ".join(t("history.alt.marker", lang, marker=_marker_name(i, lang),
                          met=number(sum(1 for m in ms if m.markers[i]), lang)) for i in DATED)
    return t("history.alt", lang, first=first, last=last, start=start, end=end, crossings=crossings,
             messages=_total([m.messages_sent for m in ms], lang), replies=_total([m.replies for m in ms], lang),
             within=_total([m.replies_within_day for m in ms], lang),
             invitations=_total([m.invitations_sent for m in ms], lang), posts=_total(posts, lang), markers=markers)


def section_data(h: History, lang: str = "en") -> dict[str, Any]:
    """What the report's ``history`` section shows (:func:`beltlib.document.build` draws it).

    Returns:
        dict[str, Any]: ``paragraphs`` (span and crossings), ``markers_intro`` and ``markers`` (one
        line per dated marker), ``alt`` (the figure's alt text), ``columns``, ``rows`` and
        ``table_title`` (the newest months), ``notes`` (what is unknown), ``undated_intro`` and
        ``undated`` (the markers no export can date, by name: shown at today's answers).

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    ms = h.months
    span = t("history.span", lang, first=month_text(ms[0].month, lang), last=month_text(ms[-1].month, lang),
             n=number(len(ms), lang))
    invitations = (t("history.invitations_from", lang, month=month_text(h.invitations_from, lang))
                   if h.invitations_from else t("history.invitations_none", lang))
    return {"paragraphs": [span, *crossing_lines(h, ms, lang)],
            "markers_intro": t("history.markers_intro", lang, window=number(HISTORY_WINDOW_MONTHS, lang)),
            "markers": [marker_line(h, i, lang) for i in DATED],
            "alt": alt_text(h, lang),
            "table_title": t("history.table_title", lang, n=number(min(TABLE_MONTHS, len(ms)), lang)),
            "columns": columns(lang), "rows": table_rows(h, lang),
            "notes": [t("history.unknown", lang, invitations=invitations)],
            "undated_intro": t("history.undated", lang), "undated": [_marker_name(i, lang) for i in h.undated]}


__all__ = ["TABLE_MONTHS", "alt_text", "columns", "crossing_lines", "marker_line", "month_text", "section_data",
           "table_rows"]
