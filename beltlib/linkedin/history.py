"""Your history from one export: month by month, what the export can date (``belt-report history``).

:func:`history` turns an :class:`~beltlib.linkedin.summary.ExportSummary` (read in one pass:
the per-month counts are kept by the readers, never a second pass over the messages) into a
:class:`History`: one :class:`Month` per calendar month from the first dated row's month to the
last, the months the article's connection thresholds were crossed, and the markers the export
cannot date. Counts and months only: no name, URL or message text.

What a month says (named assumptions of :data:`beltlib.linkedin.mapping.EXPORT_ASSUMPTIONS`):

* ``connections``: the dated rows of Connections.csv up to the month's end
  (``HISTORY_CONNECTIONS``: removed connections are gone, so a past count is a lower bound);
  ``connections_20`` is that count against the article's 20.
* ``invitations_sent``: only inside Invitations.csv's window (``HISTORY_INVITATIONS_WINDOW``:
  from its oldest row's month to the export's month); before it ``None``, never zero.
* ``messages_sent``, ``replies``, ``replies_within_day``: as ``export-summary`` counts them
  (a reply is the owner's first message after unanswered ones from someone else; within a day =
  at most 24 h later), each in the month of the owner's message.
* ``posts``, ``comments``: Shares.csv, Comments.csv (complete archive only; ``None`` without the file).
* ``markers``: every marker of :data:`beltlib.rules.MARKERS`; the behaviour markers read a window
  of at most :data:`~beltlib.linkedin.mapping.HISTORY_WINDOW_MONTHS` months ending in the month
  with the thresholds of the export's answers mapping; ``None`` when the export cannot tell.

Standard library only.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING, Any

from .. import rules
from .mapping import (
    CONNECTION_PACE_EVERY_MEETING_PER_MONTH,
    DISCUSSIONS_LEAD_MIN_PER_MONTH,
    DISCUSSIONS_SOMETIMES_MIN_PER_MONTH,
    HISTORY_DATED_MARKERS,
    HISTORY_REPLIES_MIN,
    HISTORY_WINDOW_MONTHS,
    INVITATIONS_SENT_SHARE_ACQUAINTANCES,
    INVITATIONS_SENT_SHARE_EVERY_MEETING,
    REPLY_SAME_DAY_MIN_SHARE,
)

if TYPE_CHECKING:
    from .summary import ExportSummary

#: The markers an export can date month by month, in the rules table's order.
DATED = HISTORY_DATED_MARKERS
#: The markers an export cannot date (profile, photo, outreach, groups): shown at today's answers.
UNDATED = tuple(m["id"] for m in rules.MARKERS if m["id"] not in DATED)
#: The crossings kept: key -> the n-th connection (the article's 20, and the first over 200).
CROSSINGS = {"connections_20": rules.MIN_CONNECTIONS_GREEN, "connections_over_200": rules.MAX_CONNECTIONS_GREEN + 1}


@dataclasses.dataclass(frozen=True)
class Month:
    """One calendar month of the history (``None``: the export cannot tell, never zero).

    Attributes:
        month: ``"YYYY-MM"``.
        connections: dated connections at the month's end (None without Connections.csv).
        invitations_sent: invitations sent that month (None outside Invitations.csv's window).
        messages_sent, replies, replies_within_day: the owner's messages, replies and replies within
            24 h that month (None without a messages file).
        posts, comments: rows of Shares.csv, Comments.csv that month (None without the file).
        markers: marker id -> True, False or None (every marker of :data:`beltlib.rules.MARKERS`).
    """

    month: str
    connections: int | None
    invitations_sent: int | None
    messages_sent: int | None
    replies: int | None
    replies_within_day: int | None
    posts: int | None
    comments: int | None
    markers: dict[str, bool | None]

    def to_dict(self) -> dict[str, Any]:
        """The month as ``history --json`` gives it (keys in the issue's order)."""
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class History:
    """The export's history: months, crossings and the markers it cannot date.

    Attributes:
        months: one :class:`Month` per calendar month, in order, first dated row to last.
        crossings: ``connections_20`` / ``connections_over_200`` -> ``"YYYY-MM"`` or None.
        undated: the marker ids no export can date (shown at today's answers).
        invitations_from: the first month Invitations.csv covers (None: no dated invitation).
    """

    months: tuple[Month, ...]
    crossings: dict[str, str | None]
    undated: tuple[str, ...] = UNDATED
    invitations_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``history --json`` object: ``months``, ``crossings``, ``undated``."""
        return {"months": [m.to_dict() for m in self.months], "crossings": dict(self.crossings),
                "undated": list(self.undated)}


def month_range(first: str, last: str) -> list[str]:
    """Every ``"YYYY-MM"`` from ``first``'s month to ``last``'s (ISO dates or months), in order."""
    y, m = int(first[:4]), int(first[5:7])
    end = last[:7]
    out = []
    while (cur := f"{y:04d}-{m:02d}") <= end:
        out.append(cur)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _share(part: int, whole: int, threshold: float) -> bool:
    return part / whole >= threshold


def history(summary: ExportSummary) -> History | None:
    """The export's history, month by month (see the module's docstring).

    Args:
        summary: from :func:`beltlib.linkedin.read_export`.

    Returns:
        History | None: None when the export has no dated row at all.
    """
    tl = summary.timeline
    if tl.first_date is None or tl.reference_date is None:
        return None
    months = month_range(tl.first_date, tl.reference_date)
    dates = list(tl.connection_dates)                      # sorted ISO dates
    has_connections = summary.connections is not None
    has_messages = summary.messages_sent is not None
    has_posts, has_comments = summary.shares is not None, summary.comments is not None
    inv_from = tl.invitations_first[:7] if (summary.invitations_sent is not None and tl.invitations_first) else None
    out: list[Month] = []
    for i, m in enumerate(months):
        window = months[max(0, i - HISTORY_WINDOW_MONTHS + 1):i + 1]
        count = bisect.bisect_right(dates, f"{m}-99") if has_connections else None
        covered = inv_from is not None and m >= inv_from
        markers: dict[str, bool | None] = {mk["id"]: None for mk in rules.MARKERS}
        markers["connections_20"] = None if count is None else count >= rules.MIN_CONNECTIONS_GREEN
        if covered:
            inv_window = [w for w in window if w >= inv_from]  # type: ignore[operator]
            sent = sum(tl.invitations_sent_per_month.get(w, 0) for w in inv_window)
            received = sum(tl.invitations_received_per_month.get(w, 0) for w in inv_window)
            if sent + received:
                markers["invites_acquaintances"] = _share(sent, sent + received, INVITATIONS_SENT_SHARE_ACQUAINTANCES)
                every = _share(sent, sent + received, INVITATIONS_SENT_SHARE_EVERY_MEETING)
                if not every:
                    markers["connects_after_every_meeting"] = False
                elif has_connections:
                    start = inv_window[0]
                    new = bisect.bisect_right(dates, f"{m}-99") - bisect.bisect_left(dates, f"{start}-00")
                    markers["connects_after_every_meeting"] = (
                        new / len(inv_window) >= CONNECTION_PACE_EVERY_MEETING_PER_MONTH)
        if has_posts or has_comments:
            n = sum(tl.shares_per_month.get(w, 0) + tl.comments_per_month.get(w, 0) for w in window)
            pace = n / len(window)
            markers["forums"] = pace >= DISCUSSIONS_SOMETIMES_MIN_PER_MONTH - 1e-12
            markers["leads_discussions"] = pace >= DISCUSSIONS_LEAD_MIN_PER_MONTH
        if has_messages:
            replies = sum(tl.replies_per_month.get(w, 0) for w in window)
            if replies >= HISTORY_REPLIES_MIN:
                within = sum(tl.replies_within_day_per_month.get(w, 0) for w in window)
                markers["same_day_reply"] = _share(within, replies, REPLY_SAME_DAY_MIN_SHARE)
        out.append(Month(
            month=m, connections=count,
            invitations_sent=tl.invitations_sent_per_month.get(m, 0) if covered else None,
            messages_sent=tl.messages_sent_per_month.get(m, 0) if has_messages else None,
            replies=tl.replies_per_month.get(m, 0) if has_messages else None,
            replies_within_day=tl.replies_within_day_per_month.get(m, 0) if has_messages else None,
            posts=tl.shares_per_month.get(m, 0) if has_posts else None,
            comments=tl.comments_per_month.get(m, 0) if has_comments else None,
            markers=markers))
    crossings = {key: (dates[n - 1][:7] if has_connections and len(dates) >= n else None)
                 for key, n in CROSSINGS.items()}
    return History(tuple(out), crossings, UNDATED, inv_from)


__all__ = ["CROSSINGS", "DATED", "UNDATED", "History", "Month", "history", "month_range"]
