"""From what the export shows to answers: the named assumptions and :func:`prefill_answers`.

Every threshold here is a named assumption (the article gives none of these numbers),
listed in :data:`EXPORT_ASSUMPTIONS` for the report's "Method and assumptions".
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import rules
from ..texts import t

if TYPE_CHECKING:
    from .summary import ExportSummary

# --------------------------------------------------------------------------- named assumptions
#: LinkedIn's cap on first-degree connections; also the answers schema's maximum.
CONNECTIONS_CAP = rules.MAX_CONNECTIONS
#: A reply counts as "same day" when sent at most this many hours after the message it
#: answers (the article: a black belt "répond dans la journée").
REPLY_SAME_DAY_HOURS = 24
#: A reply counts as "within a week" when sent at most this many hours (7 days) later.
REPLY_WITHIN_WEEK_HOURS = 7 * 24
#: reply_time = same_day when at least this share of the person's replies were sent
#: within 24 h: "usually replies within the day" means more often than not.
REPLY_SAME_DAY_MIN_SHARE = 0.5
#: reply_time = within_week (when not same_day) when at least this share of replies were
#: sent within 7 days; below it, rarely. Same "more often than not" reading.
REPLY_WITHIN_WEEK_MIN_SHARE = 0.5
#: Activity rates (connection pace, posts per month) are measured over this many calendar
#: months ending with the month of the latest date found in the archive (a proxy for the
#: export date): one year smooths holidays and busy seasons.
ACTIVITY_WINDOW_MONTHS = 12
#: invitations >= acquaintances when at least this share of all invitations were sent by
#: the person: below one in four, they "n'invite que très rarement" (white belt).
INVITATIONS_SENT_SHARE_ACQUAINTANCES = 0.25
#: invitations = after_every_meeting needs the person to send at least as many
#: invitations as they receive (proactive, "extrêmement proactif")...
INVITATIONS_SENT_SHARE_EVERY_MEETING = 0.5
#: ...and a pace of at least this many new connections per month over the window: about
#: one a week, "dès qu'il rencontre quelqu'un ... dans les jours qui suivent".
CONNECTION_PACE_EVERY_MEETING_PER_MONTH = 4.0
#: discussions = lead from this many posts + comments per month (about one a week:
#: "participe activement aux discussions, et en anime certaines"). Reactions don't count.
DISCUSSIONS_LEAD_MIN_PER_MONTH = 4.0
#: discussions = read_and_sometimes_post from one post or comment in the 12-month window
#: ("y participe ponctuellement"); none in a year gives never.
DISCUSSIONS_SOMETIMES_MIN_PER_MONTH = 1 / 12

#: History (``belt-report history``): a month's behaviour markers (invitations, discussions, replies)
#: read the activity of a window of at most this many months ending in that month (fewer at the start
#: of what a file covers), with the thresholds above: a season, short enough to see a change.
HISTORY_WINDOW_MONTHS = 3
#: History: "replies within the day" is told for a month only when its window holds at least this
#: many replies; with none, the export cannot tell (null), never "rarely".
HISTORY_REPLIES_MIN = 1
#: History: connections at a month's end are the dated rows of Connections.csv up to it; removed
#: connections are gone from the file, so a past count is a lower bound.
HISTORY_CONNECTIONS = "Connected On"
#: History: Invitations.csv holds only the last months (6 to 10 seen): it covers the months from its
#: oldest row's month to the export's; before, invitations and the invitation markers are unknown.
HISTORY_INVITATIONS_WINDOW = "Sent At"
#: History: the discussion markers need Shares.csv or Comments.csv (complete archive only).
HISTORY_DISCUSSIONS = "Shares, Comments"
#: History: the markers an export can date month by month (rules table order); the others (profile,
#: photo, outreach, groups: their number is the value of ``HISTORY_UNDATED``) are shown at today's
#: answers, not reconstructed.
HISTORY_DATED_MARKERS = ("invites_acquaintances", "connections_20", "forums", "same_day_reply",
                         "connects_after_every_meeting", "leads_discussions")
HISTORY_UNDATED = len(rules.MARKERS) - len(HISTORY_DATED_MARKERS)

#: The named assumptions of the export -> answers mapping, for the report to list: name and value;
#: what each means is the catalogue's ``assumption.<NAME>`` (English here, any language through
#: :func:`export_assumptions`).
_NAMED: list[tuple[str, Any]] = [
    ("CONNECTIONS_CAP", CONNECTIONS_CAP),
    ("REPLY_SAME_DAY_HOURS", REPLY_SAME_DAY_HOURS),
    ("REPLY_WITHIN_WEEK_HOURS", REPLY_WITHIN_WEEK_HOURS),
    ("REPLY_SAME_DAY_MIN_SHARE", REPLY_SAME_DAY_MIN_SHARE),
    ("REPLY_WITHIN_WEEK_MIN_SHARE", REPLY_WITHIN_WEEK_MIN_SHARE),
    ("ACTIVITY_WINDOW_MONTHS", ACTIVITY_WINDOW_MONTHS),
    ("INVITATIONS_SENT_SHARE_ACQUAINTANCES", INVITATIONS_SENT_SHARE_ACQUAINTANCES),
    ("INVITATIONS_SENT_SHARE_EVERY_MEETING", INVITATIONS_SENT_SHARE_EVERY_MEETING),
    ("CONNECTION_PACE_EVERY_MEETING_PER_MONTH", CONNECTION_PACE_EVERY_MEETING_PER_MONTH),
    ("DISCUSSIONS_LEAD_MIN_PER_MONTH", DISCUSSIONS_LEAD_MIN_PER_MONTH),
    ("DISCUSSIONS_SOMETIMES_MIN_PER_MONTH", round(DISCUSSIONS_SOMETIMES_MIN_PER_MONTH, 4)),
    ("HISTORY_WINDOW_MONTHS", HISTORY_WINDOW_MONTHS),
    ("HISTORY_REPLIES_MIN", HISTORY_REPLIES_MIN),
    ("HISTORY_CONNECTIONS", HISTORY_CONNECTIONS),
    ("HISTORY_INVITATIONS_WINDOW", HISTORY_INVITATIONS_WINDOW),
    ("HISTORY_DISCUSSIONS", HISTORY_DISCUSSIONS),
    ("HISTORY_UNDATED", HISTORY_UNDATED),
]
EXPORT_ASSUMPTIONS: list[dict[str, Any]] = [{"name": n, "value": v, "why": t(f"assumption.{n}", "en")}
                                            for n, v in _NAMED]


def export_assumptions(lang: str = "en") -> list[dict[str, Any]]:
    """The export mapping's named assumptions (:data:`EXPORT_ASSUMPTIONS`) for
    :func:`beltlib.report.method_html`'s ``extra``, each ``why`` in ``lang`` (catalogue key ``assumption.<NAME>``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[dict[str, Any]]: {"name", "value", "why"} dicts, in :data:`EXPORT_ASSUMPTIONS` order.

    Raises:
        ValueError: unknown ``lang``.

    Source: the named assumptions of :data:`EXPORT_ASSUMPTIONS`.
    """
    return [{**item, "why": t(f"assumption.{item['name']}", lang)} for item in EXPORT_ASSUMPTIONS]


# --------------------------------------------------------------------------- answers mapping
def _window_start(reference_date: str) -> str:
    """First ``YYYY-MM`` of the :data:`ACTIVITY_WINDOW_MONTHS` months ending with the reference month."""
    y, m = int(reference_date[:4]), int(reference_date[5:7])
    index = y * 12 + (m - 1) - (ACTIVITY_WINDOW_MONTHS - 1)
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def connection_pace(summary: ExportSummary) -> float | None:
    """New connections per month over the activity window (named assumption
    :data:`ACTIVITY_WINDOW_MONTHS`), or None when Connections.csv or any date is missing.

    Args:
        summary: from :func:`read_export`.

    Returns:
        float: connections per month (dated rows only), or None.
    """
    ref = summary.timeline.reference_date
    if summary.connections is None or ref is None:
        return None
    start, end = _window_start(ref), ref[:7]
    n = sum(1 for d in summary.timeline.connection_dates if start <= d[:7] <= end)
    return n / ACTIVITY_WINDOW_MONTHS


def posts_comments_pace(summary: ExportSummary) -> float | None:
    """Posts (shares) plus comments per month over the activity window, or None when
    neither Shares.csv nor Comments.csv is in the archive (or no date was found).

    Args:
        summary: from :func:`read_export`.

    Returns:
        float: posts and comments per month, or None.
    """
    ref = summary.timeline.reference_date
    if (summary.shares is None and summary.comments is None) or ref is None:
        return None
    start, end = _window_start(ref), ref[:7]
    n = sum(c for m, c in summary.timeline.posts_comments_per_month.items() if start <= m <= end)
    return n / ACTIVITY_WINDOW_MONTHS


def answers_from_export(summary: ExportSummary) -> dict[str, Any]:
    """The answers the export can tell, each from a named assumption (see :data:`EXPORT_ASSUMPTIONS`).

    * ``connections``: the count as is, capped at :data:`CONNECTIONS_CAP`.
    * ``invitations``: sent share = sent / (sent + received). ``after_every_meeting`` when
      share >= :data:`INVITATIONS_SENT_SHARE_EVERY_MEETING` and :func:`connection_pace` >=
      :data:`CONNECTION_PACE_EVERY_MEETING_PER_MONTH`; else ``acquaintances`` when share >=
      :data:`INVITATIONS_SENT_SHARE_ACQUAINTANCES`; else ``accept_only``. Not told when
      Invitations.csv is absent or empty.
    * ``discussions``: :func:`posts_comments_pace` >= :data:`DISCUSSIONS_LEAD_MIN_PER_MONTH`
      -> ``lead``; >= :data:`DISCUSSIONS_SOMETIMES_MIN_PER_MONTH` -> ``read_and_sometimes_post``;
      else ``never``.
    * ``reply_time``: share of replies within 24 h >= :data:`REPLY_SAME_DAY_MIN_SHARE` ->
      ``same_day``; else share within 7 days >= :data:`REPLY_WITHIN_WEEK_MIN_SHARE` ->
      ``within_week``; else ``rarely``. No reply at all but unanswered messages from people
      -> ``rarely``.
    * ``premium``: from receipts only (``paid_subscription``), when present.
    * ``photo``: True only when Rich_Media.csv shows a profile-photo upload; no sign of a
      photo tells nothing.

    Args:
        summary: from :func:`read_export`.

    Returns:
        dict: field -> value, only for the fields the export tells.
    """
    out: dict[str, Any] = {}
    if summary.connections is not None:
        out["connections"] = min(summary.connections, CONNECTIONS_CAP)
    sent, received = summary.invitations_sent, summary.invitations_received
    if sent is not None and received is not None and sent + received > 0:
        share = sent / (sent + received)
        pace = connection_pace(summary)
        if (share >= INVITATIONS_SENT_SHARE_EVERY_MEETING and pace is not None
                and pace >= CONNECTION_PACE_EVERY_MEETING_PER_MONTH):
            out["invitations"] = "after_every_meeting"
        elif share >= INVITATIONS_SENT_SHARE_ACQUAINTANCES:
            out["invitations"] = "acquaintances"
        else:
            out["invitations"] = "accept_only"
    posts = posts_comments_pace(summary)
    if posts is not None:
        out["discussions"] = ("lead" if posts >= DISCUSSIONS_LEAD_MIN_PER_MONTH else
                              "read_and_sometimes_post" if posts >= DISCUSSIONS_SOMETIMES_MIN_PER_MONTH - 1e-12
                              else "never")
    t = summary.timeline
    share_day = summary.replies_same_day_share
    if share_day is not None and share_day >= REPLY_SAME_DAY_MIN_SHARE:
        out["reply_time"] = "same_day"
    elif t.replies > 0:
        out["reply_time"] = ("within_week" if t.replies_within_week / t.replies >= REPLY_WITHIN_WEEK_MIN_SHARE
                             else "rarely")
    elif share_day is None and summary.messages_received is not None and t.unanswered_turns > 0:
        out["reply_time"] = "rarely"
    if summary.paid_subscription is not None:
        out["premium"] = bool(summary.paid_subscription)
    if summary.profile_photo_seen:
        out["photo"] = True
    return out


def prefill_answers(summary: ExportSummary, answers: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Prefill an answers dict (issue-2 format) from the export.

    What the export tells (:func:`answers_from_export`: connections, invitations,
    discussions, reply_time, premium, photo when there is a sign of it) replaces the
    person's answer; everything else (persona, findable, profile, outreach, groups,
    hours_per_week, offline_networking, and any field the archive cannot tell) stays
    the person's answer. The input is not modified and not validated here.

    Args:
        summary: from :func:`read_export`.
        answers: the person's answers (a dict with the keys schema, persona, findable,
            profile, photo, connections, invitations, outreach, discussions, groups,
            reply_time, premium, hours_per_week, offline_networking; or an object with a
            ``to_dict()`` such as :class:`beltlib.answers.Answers`).

    Returns:
        (new answers dict, provenance): provenance maps every field except ``schema`` to
        ``"export"`` or ``"you"``.
    """
    if hasattr(answers, "to_dict"):          # beltlib.answers.Answers
        answers = answers.to_dict()
    new = dict(answers)
    provenance = {k: "you" for k in new if k != "schema"}
    for field, value in answers_from_export(summary).items():
        new[field] = value
        provenance[field] = "export"
    return new, provenance


