"""Reading a whole LinkedIn export: :func:`read_export`.

:func:`read_export` reads the archive (or the parts of a two-part download) into an
:class:`~beltlib.linkedin.summary.ExportSummary` that holds **counts and dates only**:
no name, e-mail, URL or message text of anyone ever leaves the reader, neither in the
summary nor in an error message.

Files used (root of the archive, or inside its one top folder; numbered parts such as
``Shares_2.csv`` are added up; other files are only listed): Profile.csv,
Connections.csv, Invitations.csv, messages.csv (old names Messages.csv, Inbox.csv),
Shares.csv, Comments.csv, Reactions.csv, Receipts.csv / Receipts_v2.csv, Rich_Media.csv.
Columns are found by name (case, spaces and underscores ignored), never by position; a
``Notes:`` block and blank lines before the header are skipped. Encodings: UTF-8 with or
without BOM, UTF-16 (tab- or comma-separated), Windows-1252 and one round of mojibake
from Excel re-saves (repaired). Zip members are read in memory, never extracted; path
tricks (``../``, absolute names) are ignored; members over ``MAX_MEMBER_BYTES``,
archives over ``MAX_TOTAL_BYTES`` and members compressed more than
``MAX_COMPRESSION_RATIO`` times are refused (zip bomb; see :mod:`.archive`).

Rows (every file alike, :class:`~beltlib.linkedin.csvfile.Table`): quotes in free text
may be doubled (``""``) or backslash-escaped; a row with fewer fields than the header,
or with non-empty cells past it, is not counted and its line is named in ``problems``.

Dates: each cell is read on its own by the formats known for its column. Connections
``05 Mar 2024`` (also ``5-Mar-24``, ``Mar 5, 2024``, ISO); Invitations ``3/15/24, 9:05
AM``; messages ``2024-06-11 15:33:58 UTC``, ``8/25/18, 1:05 AM`` or ``April 25, 2019,
10:44 AM``; Shares/Comments/Reactions ``2026-09-14 16:02:11``. Numeric dates are read
month-first only where LinkedIn writes them so (invitations, messages, activity); a
value that does not fit (``13/1/24``) is reported, never swapped, and a numeric date in
Connections.csv (``05/03/2024``: 5 March or 3 May?) is refused. Rows with an unreadable
date are still counted; ``problems`` names their lines and how many.

Owner (who is "you" in messages): the profile URL that Invitations.csv gives for the
person (inviter of OUTGOING rows, invitee of INCOMING rows), else the name in
Profile.csv (or Invitations.csv From/To). A message is the owner's when its sender URL
matches (or, without a sender URL, its sender name matches). When the archive has no
such hint, or the hint matches nobody in the messages, the owner is the participant
(sender or recipient URL, or sender name) found in the most conversations. A
``DIRECTION`` column (old exports) decides by itself.

Replies (``replies_same_day_share``): in each conversation, in time order, a message of
the owner that follows one or more messages of others is one reply; its delay is
measured from the latest of those messages. Rows in the SPAM folder, sponsored messages
(no sender profile URL, ``%FIRSTNAME%`` templates, a sponsored flag) and "LinkedIn
Member" senders are left out of this measure (they still count in
``messages_received``). The share is the replies within 24 h over all replies. On the
sample this gives 16 / 21.

Error policy (documented choice): a file that cannot be read (not a CSV, no header,
malformed quoting, undecodable text, over the size limits, ...) does not stop the
reading. Its problem is kept in ``ExportSummary.problems`` and the values that file
would have given stay ``None``; every other file is still used. :func:`read_export`
raises :class:`ExportError` only when the archive itself cannot be opened or when no
known file could be read at all.

Memory and speed: members of ``STREAM_MIN_BYTES`` (8 MiB) or more are streamed from the
archive while the standard :mod:`csv` module parses them (never held whole); per-row
work is a few list lookups plus cached date parsing. ``bench/bench_export.py`` prints
the time against a bare ``csv.reader`` pass and the peak memory against the largest file.
"""
from __future__ import annotations

import csv
import gc
import os
from typing import BinaryIO

from .archive import MAX_FIELD_CHARS, Parts
from .errors import ExportError, Problem, err, nothing_usable
from .kinds import KINDS, group_members
from .readers import Reader
from .summary import ExportSummary, ExportTimeline

#: What :func:`read_export` accepts as one source.
ExportSource = str | os.PathLike | BinaryIO



def read_export(path: ExportSource | list[ExportSource] | tuple[ExportSource, ...],
                *more: ExportSource) -> ExportSummary:
    """Read a LinkedIn data export (zip as downloaded, its extracted folder, or several parts).

    See this module's docstring for the files, rows, dates, owner and replies rules.

    Args:
        path: a ``.zip`` path, a folder path (str or PathLike), or a readable, seekable
            binary file object holding the zip; or a list/tuple of those: the parts of
            one export (a folder holding only zips is its parts too).
        *more: further parts, as ``path``.

    Returns:
        ExportSummary: counts and dates only; None for files not in the archive; what
        could not be read is listed in ``problems``; ``parts`` and
        ``files_in_several_parts`` say how the parts were joined (a file found in
        several parts is read once, from the part where it is largest).

    Raises:
        ExportError: a part cannot be opened, or none of the known files is readable
            (then the message is the first file's problem).

    Note: ``csv.field_size_limit`` (process-wide) is raised to ``MAX_FIELD_CHARS``
    while reading and restored afterwards; the cyclic garbage collector (process-wide
    too) is paused while reading and resumed afterwards.
    """
    sources = list(path) if isinstance(path, (list, tuple)) else [path]
    sources.extend(more)
    if not sources:
        raise err("archive", None, "path_expected", archive=True)
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, MAX_FIELD_CHARS))
    # The reading keeps one small tuple per message and one list per conversation until
    # its end, and makes no reference cycle on its normal path: the cyclic collector
    # would only walk the whole heap again and again for nothing (~40 ms of ~0.6 s on the
    # 150,000-message bench archive, more in a process holding more objects). Reference
    # counting still frees everything as usual; the collector resumes afterwards (and
    # then collects the few cycles an error path may have left).
    collecting = gc.isenabled()
    gc.disable()
    try:
        parts = Parts(sources)
        try:
            return _read(parts)
        finally:
            parts.close()
    finally:
        csv.field_size_limit(old_limit)
        if collecting:
            gc.enable()


def _read(archive: Parts) -> ExportSummary:
    r = Reader(archive)
    groups = group_members(archive.members)
    if archive.skipped_unsafe:
        r.problems.append(Problem(archive.label, (), archive.skipped_unsafe, "unsafe_paths"))
    for kind in KINDS:     # in reading order; a file that fails gives up what it informs (Reader.forget)
        if kind.name in groups:
            r.run_file(kind, groups[kind.name])
    if not r.values:       # nothing usable (a Profile.csv alone tells no count)
        raise _nothing_usable(r, archive.label)
    files = sorted((n for n in archive.members if n.lower().endswith(".csv")), key=str.lower)
    return _summary(r, tuple(files), archive)


def _nothing_usable(r: Reader, label: str) -> ExportError:
    if r.errors:
        return nothing_usable(r.errors[0], len(r.errors) - 1, label)
    return err(label, None, "no_export_file", archive=True)


def _summary(r: Reader, files: tuple[str, ...], parts: Parts) -> ExportSummary:
    v = r.values
    dates = sorted(r.connection_dates)
    latest = max([d[:10] for d in r.dates] + dates[-1:], default=None)
    earliest = min([d[:10] for d in r.dates] + dates[:1] + [d[:10] for d in r.first.values()], default=None)
    replies, within_day, within_week, unanswered = r.reply_stats

    def monthly(key: str) -> dict[str, int]:
        return dict(sorted(r.month[key].items()))

    invitations_first = r.first.get("invitations")
    timeline = ExportTimeline(
        connection_dates=tuple(dates),
        invitations_sent_per_month=dict(sorted(r.month["invitations"].items())),
        messages_sent_per_month=dict(sorted(r.month["messages"].items())),
        posts_comments_per_month=dict(sorted((r.month["shares"] + r.month["comments"]).items())),
        reference_date=latest, replies=replies, replies_within_day=within_day,
        replies_within_week=within_week, unanswered_turns=unanswered,
        first_date=earliest, invitations_first=invitations_first[:10] if invitations_first else None,
        invitations_received_per_month=monthly("invitations.received"),
        shares_per_month=monthly("shares"), comments_per_month=monthly("comments"),
        replies_per_month=monthly("messages.replies"),
        replies_within_day_per_month=monthly("messages.replies_within_day"))
    return ExportSummary(
        connections=v.get("connections"),
        first_connection=dates[0] if dates else None,
        last_connection=dates[-1] if dates else None,
        invitations_sent=v.get("invitations_sent"), invitations_received=v.get("invitations_received"),
        messages_sent=v.get("messages_sent"), messages_received=v.get("messages_received"),
        conversations=v.get("conversations"), conversations_started=v.get("conversations_started"),
        replies_same_day_share=v.get("replies_same_day_share"),
        shares=v.get("shares"), comments=v.get("comments"), reactions=v.get("reactions"),
        paid_subscription=v.get("paid_subscription"),
        files_present=files,
        profile_photo_seen=v.get("profile_photo_seen"),
        timeline=timeline, problem_details=tuple(r.problems), parts=len(parts.archives),
        files_in_several_parts=tuple(n for n in parts.shared if n.lower().endswith(".csv")))
