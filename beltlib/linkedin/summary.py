"""The result of reading an export (:class:`ExportSummary`, :class:`ExportTimeline`) and its sentences.

Counts and dates only: no name, e-mail, URL or message text of anyone. The sentences
come from the catalogue (keys ``export.*`` of :data:`beltlib.texts.CATALOGUE`).
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..texts import check_lang, number, percent, t
from .dates import format_date
from .errors import Problem
from .kinds import KINDS, kind_of


# --------------------------------------------------------------------------- result types
@dataclasses.dataclass(frozen=True)
class ExportTimeline:
    """Dates and counts for the timeline plot and the answers mapping (no names).

    Attributes:
        connection_dates: every dated connection as an ISO date (``YYYY-MM-DD``), sorted;
            hidden profiles included. Empty when Connections.csv is absent.
        invitations_sent_per_month: ``{"YYYY-MM": count}`` of invitations the person sent.
        messages_sent_per_month: ``{"YYYY-MM": count}`` of messages the person sent.
        posts_comments_per_month: ``{"YYYY-MM": count}`` of shares plus comments.
        reference_date: the latest date found anywhere in the archive (ISO date), a proxy
            for the export date; None when no date was found.
        replies: the person's replies to others' messages (see :func:`read_export`).
        replies_within_day: replies sent at most :data:`REPLY_SAME_DAY_HOURS` later.
        replies_within_week: replies sent at most :data:`REPLY_WITHIN_WEEK_HOURS` later.
        unanswered_turns: conversations whose last counted messages (from others) got no
            reply from the person.
        first_date: the earliest date found anywhere in the archive (ISO date); None when none.
        invitations_first: the earliest dated row of Invitations.csv (ISO date): where the
            file's window starts (it holds only the last months); None without a dated row.
        invitations_received_per_month: ``{"YYYY-MM": count}`` of invitations the person received.
        shares_per_month, comments_per_month: ``{"YYYY-MM": count}`` of posts, of comments.
        replies_per_month: ``{"YYYY-MM": count}`` of the person's replies (by the reply's month).
        replies_within_day_per_month: the same, replies within :data:`REPLY_SAME_DAY_HOURS` only.
    """

    connection_dates: tuple[str, ...] = ()
    invitations_sent_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    messages_sent_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    posts_comments_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    reference_date: str | None = None
    replies: int = 0
    replies_within_day: int = 0
    replies_within_week: int = 0
    unanswered_turns: int = 0
    first_date: str | None = None
    invitations_first: str | None = None
    invitations_received_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    shares_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    comments_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    replies_per_month: dict[str, int] = dataclasses.field(default_factory=dict)
    replies_within_day_per_month: dict[str, int] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able copy (lists and plain dicts)."""
        d = dataclasses.asdict(self)
        d["connection_dates"] = list(self.connection_dates)
        return d


#: The ``--json`` keys of issue 5, in order.
SUMMARY_KEYS = ("connections", "first_connection", "last_connection", "invitations_sent",
                "invitations_received", "messages_sent", "messages_received", "conversations",
                "conversations_started", "replies_same_day_share", "shares", "comments",
                "reactions", "paid_subscription", "files_present")


@dataclasses.dataclass(frozen=True)
class ExportSummary:
    """What the archive shows, as counts and dates. ``None`` = file not in the archive.

    ``None`` always means "unknown" (the file is absent, or it could not be read - then
    ``problems`` says why), never zero.

    Attributes:
        connections: rows of Connections.csv, hidden profiles (date-only rows) included,
            rows of only commas excluded.
        first_connection, last_connection: ISO dates (``YYYY-MM-DD``) of the oldest and newest
            connection.
        invitations_sent, invitations_received: rows of Invitations.csv by Direction.
        messages_sent, messages_received: message rows (drafts excluded) sent by the archive's
            owner / by anyone else (spam, sponsored and "LinkedIn Member" rows included).
        conversations: distinct conversations with at least one non-draft message.
        conversations_started: conversations whose first message is the owner's.
        replies_same_day_share: share (0..1) of the owner's replies sent within 24 h of the
            message they answer; None when there is no reply to measure.
        shares, comments, reactions: rows of Shares*.csv, Comments.csv, Reactions.csv.
        paid_subscription: True when Receipts.csv / Receipts_v2.csv show a paid product,
            False when receipts are present without one, None when no receipts file.
        files_present: names of the CSV files found (relative to the archive's root).
        profile_photo_seen: True when Rich_Media.csv has a "profile photo" upload row, False
            when Rich_Media.csv has none, None when the file is absent. Extra (not a --json key).
        timeline: :class:`ExportTimeline` (dates and counts only). Extra.
        problem_details: what could not be read, as :class:`~beltlib.linkedin.errors.Problem`
            records (a code and its values: file, lines, count; never a cell's content),
            worded when shown: :meth:`problem_texts`. Extra.
        problems: (a property) the same in English: safe messages naming the file and lines,
            the ``problems`` key of :meth:`to_dict`.
        parts: how many archives (parts of a two-part download) were read as one export.
        files_in_several_parts: CSV files found in more than one part (each read once).
            Both are :meth:`to_dict` keys only when ``parts`` > 1.
    """

    connections: int | None = None
    first_connection: str | None = None
    last_connection: str | None = None
    invitations_sent: int | None = None
    invitations_received: int | None = None
    messages_sent: int | None = None
    messages_received: int | None = None
    conversations: int | None = None
    conversations_started: int | None = None
    replies_same_day_share: float | None = None
    shares: int | None = None
    comments: int | None = None
    reactions: int | None = None
    paid_subscription: bool | None = None
    files_present: tuple[str, ...] = ()
    profile_photo_seen: bool | None = None
    timeline: ExportTimeline = dataclasses.field(default_factory=ExportTimeline)
    problem_details: tuple[Problem, ...] = ()
    parts: int = 1
    files_in_several_parts: tuple[str, ...] = ()

    @property
    def problems(self) -> tuple[str, ...]:
        """What could not be read, in English: ``problem_texts("en")``."""
        return self.problem_texts("en")

    def problem_texts(self, lang: str = "en") -> tuple[str, ...]:
        """What could not be read, one message per problem, worded in ``lang``.

        Args:
            lang: ``"en"`` or ``"fr"``.

        Returns:
            tuple[str, ...]: e.g. ``"messages.csv: line 4: row with fewer fields than the header,
            not counted"`` or ``"messages.csv, ligne 4 : ligne avec moins de champs que l’en-tête,
            non comptée"``: file names, line numbers and counts only.

        Raises:
            ValueError: unknown ``lang``.
        """
        check_lang(lang)
        return tuple(p.text(lang) for p in self.problem_details)

    def unreadable(self, label: str) -> bool:
        """True when a problem names a file of a kind told by the summary line ``label``
        (``"connections"``, ``"invitations"``, ``"messages"``: ``Kind.label``)."""
        kinds = {k.name for k in KINDS if k.label == label}
        return any((found := kind_of(p.file)) is not None and found[0].name in kinds for p in self.problem_details)

    def to_dict(self, extended: bool = False) -> dict[str, Any]:
        """Return the JSON-able summary.

        Args:
            extended: False (default) gives the issue's ``--json`` keys, in order, then
                ``problems`` (safe messages about files that could not be read, whose
                values are null). True adds ``profile_photo_seen`` and ``timeline`` (a dict).

        Returns:
            dict: counts, ISO dates, booleans, a list of file names; None = absent.
        """
        d: dict[str, Any] = {k: getattr(self, k) for k in SUMMARY_KEYS}
        d["files_present"] = list(self.files_present)
        d["problems"] = list(self.problems)  # files that could not be read: their values are null
        if self.parts > 1:
            d["parts"] = self.parts
            d["files_in_several_parts"] = list(self.files_in_several_parts)
        if extended:
            d["profile_photo_seen"] = self.profile_photo_seen
            d["timeline"] = self.timeline.to_dict()
        return d

    def lines(self, lang: str = "en") -> list[tuple[str, list[str]]]:
        """The summary's sentences as data: see :func:`summary_items` (same result).

        Raises:
            ValueError: unknown ``lang``.
        """
        return summary_items(self, lang)

    def timeline_alt(self, lang: str = "en") -> str:
        """What the timeline plot shows, in words (:func:`beltlib.linkedin.timeline.alt_text`).

        Raises:
            ValueError: unknown ``lang``.
        """
        from .timeline import alt_text
        return alt_text(self, lang)

    def history(self, lang: str = "en") -> dict[str, Any] | None:
        """What the report's "Your history" section shows (:func:`beltlib.linkedin.history_words.section_data`
        of :func:`beltlib.linkedin.history.history`), or None when the export has no dated row.

        Raises:
            ValueError: unknown ``lang``.
        """
        from .history import history
        from .history_words import section_data
        h = history(self)
        return None if h is None else section_data(h, lang)

    def assumptions(self, lang: str = "en") -> list[dict[str, Any]]:
        """The export mapping's named assumptions (:func:`beltlib.linkedin.mapping.export_assumptions`).

        Raises:
            ValueError: unknown ``lang``.
        """
        from .mapping import export_assumptions
        return export_assumptions(lang)


def summary_items(summary: ExportSummary, lang: str = "en") -> list[tuple[str, list[str]]]:
    """The summary's lines (without the title), each with the lines nested under it.

    Only the last item ("Could not be read (n):") has nested lines: one per problem.

    Args:
        summary: from :func:`beltlib.linkedin.read_export`.
        lang: ``"en"`` or ``"fr"`` (French number conventions).

    Returns:
        list[tuple[str, list[str]]]: (line, nested lines); "not in the archive" for absent files.

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    s = summary
    lines = [_connections_line(s, lang), _invitations_line(s, lang)] + _message_lines(s, lang)
    lines.append(t("export.activity", lang, shares=_count(s.shares, lang), comments=_count(s.comments, lang),
                   reactions=_count(s.reactions, lang)))
    lines.append(t("export.paid_unknown", lang) if s.paid_subscription is None else
                 t("export.paid_yes", lang) if s.paid_subscription else t("export.paid_no", lang))
    lines.append(t("export.files", lang, n=number(len(s.files_present), lang)))
    if s.parts > 1:
        lines.append(t("export.parts", lang, n=number(s.parts, lang)))
        lines.append(t("export.parts_shared", lang, files=", ".join(s.files_in_several_parts))
                     if s.files_in_several_parts else t("export.parts_none_shared", lang))
    items: list[tuple[str, list[str]]] = [(line, []) for line in lines]
    if s.problem_details:
        texts = list(s.problem_texts(lang))
        items.append((t("export.problems", lang, n=number(len(texts), lang)), texts))
    return items


def summary_text(summary: ExportSummary, lang: str = "en") -> str:
    """A short human-readable summary: counts and dates only, never a name.

    Args:
        summary: from :func:`beltlib.linkedin.read_export`.
        lang: ``"en"`` or ``"fr"`` (French number conventions).

    Returns:
        str: the title, then one line per :func:`summary_items` item, nested lines as ``"  - "`` items.

    Raises:
        ValueError: unknown ``lang``.
    """
    lines = [t("export.title", check_lang(lang))]
    for line, nested in summary_items(summary, lang):
        lines.append(line)
        lines.extend("  - " + p for p in nested)
    return "\n".join(lines)


def _count(n: int | None, lang: str) -> str:
    return t("export.unknown", lang) if n is None else number(n, lang)


def _missing(s: ExportSummary, lang: str, label: str) -> str:
    """'not in the archive', or 'could not be read' when a problem names one of its files."""
    return t("export.unreadable" if s.unreadable(label) else "export.absent", lang,
             what=t(f"export.label.{label}", lang))


def _connections_line(s: ExportSummary, lang: str) -> str:
    if s.connections is None:
        return _missing(s, lang, "connections")
    if s.first_connection and s.last_connection:
        return t("export.connections", lang, n=_count(s.connections, lang),
                 first=format_date(s.first_connection, lang), last=format_date(s.last_connection, lang))
    return t("export.connections_nodates", lang, n=_count(s.connections, lang))


def _invitations_line(s: ExportSummary, lang: str) -> str:
    if s.invitations_sent is None or s.invitations_received is None:
        return _missing(s, lang, "invitations")
    return t("export.invitations", lang, sent=_count(s.invitations_sent, lang),
             received=_count(s.invitations_received, lang))


def _message_lines(s: ExportSummary, lang: str) -> list[str]:
    if s.messages_sent is None:
        return [_missing(s, lang, "messages")]
    c = _count
    lines = [t("export.messages", lang, sent=c(s.messages_sent, lang), received=c(s.messages_received, lang),
               conversations=c(s.conversations, lang), started=c(s.conversations_started, lang))]
    if s.replies_same_day_share is None:
        lines.append(t("export.replies_none", lang))
    else:
        pct = percent(round(100 * s.replies_same_day_share), lang)
        if s.timeline.replies:
            pct += f" ({number(s.timeline.replies_within_day, lang)}/{number(s.timeline.replies, lang)})"
        lines.append(t("export.replies", lang, share=pct))
    return lines
