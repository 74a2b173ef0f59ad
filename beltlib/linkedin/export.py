"""Read a LinkedIn data export ("Get a copy of your data") into counts and dates.

The person's own archive holds the facts that the questionnaire otherwise asks
them to guess (issue 5, "Start from your real data"). :func:`read_export` takes
the zip exactly as downloaded (e.g. ``Basic_LinkedInDataExport_11-02-2026.zip``),
an already opened binary file holding that zip (e.g. from a notebook upload
widget), or its extracted folder, and returns an :class:`ExportSummary` that
holds **counts and dates only**: no name, e-mail, URL or message text of anyone
ever leaves this module, neither in the summary nor in an error message.

Public API (other modules call these names):

* :class:`ExportError` - the one error class (a :class:`ValueError`); its
  message names the file and the line, never a cell's content.
* :func:`read_export` - archive -> :class:`ExportSummary`.
* :class:`ExportSummary` / :class:`ExportTimeline` - the result.
* :func:`prefill_answers` - summary + answers (issue-2 format) -> prefilled
  answers and the provenance of each field (``"export"`` or ``"you"``).
* :data:`EXPORT_ASSUMPTIONS` - the named thresholds used by the mapping.
* :func:`summary_text` - a short English or French summary.
* user-facing strings: keys ``export.*`` and ``timeline.*`` of :data:`beltlib.texts.CATALOGUE`.

Error policy (documented choice): a file that cannot be read (not a CSV, no
header, malformed quoting, undecodable text, over the size limits, ...) does not
stop the reading. Its :class:`ExportError` message is kept in
:attr:`ExportSummary.problems` and the values that file would have given stay
``None``; every other file is still used. Rows with an unreadable date are still
counted, and the first such line of each file is reported in ``problems``.
:func:`read_export` raises :class:`ExportError` only when the archive itself
cannot be opened or when no known file could be read at all.

Performance: files are parsed with the standard :mod:`csv` module in one pass;
per-row work is a few list lookups plus cached date parsing, so reading stays
within 2x a bare ``csv.reader`` pass (see ``bench/bench_export.py``).
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import datetime as _dt
import io
import os
import re
import struct
import zipfile
import zlib
from collections import Counter
from operator import itemgetter
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping

from .. import rules
from ..texts import check_lang, number, percent, t

# --------------------------------------------------------------------------- texts
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
              "nov.", "déc.")

# --------------------------------------------------------------------------- safety limits
#: Largest uncompressed member (or file in a folder) read, in bytes. A 30,000-connection,
#: 150,000-message archive's biggest file is ~50 MB; 512 MiB leaves 10x headroom while
#: keeping memory bounded (zip-bomb guard).
MAX_MEMBER_BYTES = 512 * 1024 * 1024
#: Largest total of uncompressed bytes read from one archive (zip-bomb guard).
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: Largest uncompressed/compressed size ratio accepted for a member bigger than
#: :data:`RATIO_CHECK_MIN_BYTES`. Real CSVs compress 3-15x; deflate bombs reach ~1000x.
MAX_COMPRESSION_RATIO = 100
#: Members smaller than this are not ratio-checked (a 2 KB file of commas compresses 50x).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
#: Most members listed in one zip; real Complete archives hold about 100 files.
MAX_MEMBERS = 10_000
#: Largest CSV field accepted, in characters (the csv module's default is 131,072;
#: a long InMail in HTML can exceed it).
MAX_FIELD_CHARS = 16 * 1024 * 1024

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

#: The named assumptions of the export -> answers mapping, for the report to list.
EXPORT_ASSUMPTIONS: list[dict[str, Any]] = [
    {"name": "CONNECTIONS_CAP", "value": CONNECTIONS_CAP,
     "why": "LinkedIn caps first-degree connections at 30,000; the count is copied as is up to that cap."},
    {"name": "REPLY_SAME_DAY_HOURS", "value": REPLY_SAME_DAY_HOURS,
     "why": "A reply within 24 hours of the message it answers counts as 'within the day' (article: a black belt replies within the day)."},
    {"name": "REPLY_WITHIN_WEEK_HOURS", "value": REPLY_WITHIN_WEEK_HOURS,
     "why": "A reply within 7 days counts as 'within a week'."},
    {"name": "REPLY_SAME_DAY_MIN_SHARE", "value": REPLY_SAME_DAY_MIN_SHARE,
     "why": "reply_time is same_day when at least half of the person's replies were sent within 24 hours (more often than not)."},
    {"name": "REPLY_WITHIN_WEEK_MIN_SHARE", "value": REPLY_WITHIN_WEEK_MIN_SHARE,
     "why": "Otherwise reply_time is within_week when at least half of the replies were sent within 7 days, else rarely."},
    {"name": "ACTIVITY_WINDOW_MONTHS", "value": ACTIVITY_WINDOW_MONTHS,
     "why": "Paces are measured over the 12 calendar months ending with the latest date in the archive (a proxy for the export date)."},
    {"name": "INVITATIONS_SENT_SHARE_ACQUAINTANCES", "value": INVITATIONS_SENT_SHARE_ACQUAINTANCES,
     "why": "Sending under a quarter of all invitations means rarely inviting (white belt: accepts, rarely invites); from a quarter on, connecting by reflex."},
    {"name": "INVITATIONS_SENT_SHARE_EVERY_MEETING", "value": INVITATIONS_SENT_SHARE_EVERY_MEETING,
     "why": "Connecting after every meeting (black belt) needs sending at least as many invitations as receiving."},
    {"name": "CONNECTION_PACE_EVERY_MEETING_PER_MONTH", "value": CONNECTION_PACE_EVERY_MEETING_PER_MONTH,
     "why": "...and about one new connection a week (4 a month) over the window: 'connects within days after every meeting'."},
    {"name": "DISCUSSIONS_LEAD_MIN_PER_MONTH", "value": DISCUSSIONS_LEAD_MIN_PER_MONTH,
     "why": "About one post or comment a week means taking an active part in discussions and leading some (black belt)."},
    {"name": "DISCUSSIONS_SOMETIMES_MIN_PER_MONTH", "value": round(DISCUSSIONS_SOMETIMES_MIN_PER_MONTH, 4),
     "why": "At least one post or comment in the last 12 months means taking part now and then (green belt); none means never."},
]


# --------------------------------------------------------------------------- error class
class ExportError(ValueError):
    """The one error of this module: something in the archive cannot be read.

    The message names the file (its name inside the archive, or the archive's own
    base name) and, when known, the line (the physical line where the offending
    CSV record ends). It never contains a cell's content: no name, e-mail, URL or
    message text.

    Attributes:
        file: the file name, or None.
        line: the 1-based line number, or None.
        reason: the fixed English reason text.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 reason: str | None = None) -> None:
        super().__init__(message)
        self.file, self.line, self.reason = file, line, reason if reason is not None else message


def _err(file: str, line: int | None, reason: str) -> ExportError:
    where = f"{file}: line {line}" if line else file
    return ExportError(f"{where}: {reason}", file=file, line=line, reason=reason)


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
        problems: safe messages (file and line, no content) of what could not be read. Extra.
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
    problems: tuple[str, ...] = ()

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
        if extended:
            d["profile_photo_seen"] = self.profile_photo_seen
            d["timeline"] = self.timeline.to_dict()
        return d


# --------------------------------------------------------------------------- archive access
_UNSAFE_DRIVE = re.compile(r"^[A-Za-z]:")
_IGNORED_PARTS = ("__MACOSX",)


def _safe_parts(name: str) -> list[str] | None:
    """Split a member name into path parts, or None when it is a path trick."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _UNSAFE_DRIVE.match(name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return parts


def _junk(parts: list[str]) -> bool:
    return parts[0] in _IGNORED_PARTS or parts[-1].startswith("._") or parts[-1] == ".DS_Store"


class _Archive:
    """Read-only view of a zip (path or file object) or a folder; never writes to disk."""

    def __init__(self, source: Any) -> None:
        self.label = "archive"
        self.zip: zipfile.ZipFile | None = None
        self.members: dict[str, Any] = {}          # relative name -> ZipInfo or absolute path
        self.skipped_unsafe = 0
        self.total_read = 0
        if hasattr(source, "read") and hasattr(source, "seek"):
            self._open_zip(source)
            return
        try:
            path = os.fspath(source)
        except TypeError:
            raise _err("archive", None, "expected a path to a .zip file or a folder") from None
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        self.label = os.path.basename(os.path.normpath(path)) or "archive"
        if os.path.isdir(path):
            self._open_folder(path)
        elif os.path.isfile(path):
            self._open_zip(path)
        else:
            raise _err(self.label, None, "not found (expected a .zip file or a folder)")

    # -- zip
    def _open_zip(self, src: Any) -> None:
        try:
            self.zip = zipfile.ZipFile(src)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError, zlib.error, IndexError, KeyError, struct.error):
            raise _err(self.label, None, "not a readable zip archive or folder") from None
        if len(infos) > MAX_MEMBERS:
            raise _err(self.label, None, f"more than {MAX_MEMBERS} members: refused")
        found: list[tuple[list[str], zipfile.ZipInfo]] = []
        for info in infos:
            if info.is_dir():
                continue
            parts = _safe_parts(info.filename)
            if parts is None:
                self.skipped_unsafe += 1
                continue
            if _junk(parts):
                continue
            found.append((parts, info))
        for rel, info in _strip_top_folder(found):
            self.members.setdefault(rel, info)

    # -- folder
    def _open_folder(self, root: str) -> None:
        for rel, full in _strip_top_folder(self._scan(root)):
            self.members.setdefault(rel, full)

    def _scan(self, root: str, depth: int = 0) -> list[tuple[list[str], str]]:
        """Regular files (no symlinks, no hidden or macOS junk) up to 3 folders deep."""
        out: list[tuple[list[str], str]] = []
        for e in _listdir(root):
            if e.name.startswith(".") or e.name in _IGNORED_PARTS:
                continue
            if e.is_file(follow_symlinks=False):
                out.append(([e.name], e.path))
            elif e.is_dir(follow_symlinks=False) and depth < 3:
                out.extend(([e.name] + p, full) for p, full in self._scan(e.path, depth + 1))
        return out

    def read(self, rel: str) -> bytes:
        """Return a member's bytes, refusing absurd sizes and ratios (zip bomb)."""
        ref = self.members[rel]
        if self.zip is not None:
            info: zipfile.ZipInfo = ref
            size = info.file_size
            if size > MAX_MEMBER_BYTES:
                raise _err(rel, None, f"uncompressed size over {_size(MAX_MEMBER_BYTES)}: refused (zip bomb guard)")
            if size >= RATIO_CHECK_MIN_BYTES and size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
                raise _err(rel, None, f"compression ratio over {MAX_COMPRESSION_RATIO}: refused (zip bomb guard)")
            if self.total_read + size > MAX_TOTAL_BYTES:
                raise _err(rel, None, f"archive over {_size(MAX_TOTAL_BYTES)} uncompressed: refused (zip bomb guard)")
            try:
                with self.zip.open(info) as f:
                    data = f.read(MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError,
                    ValueError, zlib.error, KeyError, struct.error):
                raise _err(rel, None, "cannot be decompressed (damaged, encrypted or unsupported)") from None
            if len(data) > MAX_MEMBER_BYTES:
                raise _err(rel, None, "larger than declared: refused (zip bomb guard)")
        else:
            try:
                if os.path.getsize(ref) > MAX_MEMBER_BYTES:
                    raise _err(rel, None, f"file over {_size(MAX_MEMBER_BYTES)}: refused")
                with open(ref, "rb") as f:
                    data = f.read(MAX_MEMBER_BYTES + 1)
            except OSError:
                raise _err(rel, None, "cannot be opened") from None
        self.total_read += len(data)
        return data

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()


def _size(n: int) -> str:
    return f"{n // 2**20} MiB" if n >= 2**20 else f"{n} bytes"


def _listdir(path: str) -> list[os.DirEntry]:
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        raise _err(os.path.basename(path) or "archive", None, "folder cannot be listed") from None


def _strip_top_folder(found: list[tuple[list[str], Any]]) -> Iterator[tuple[str, Any]]:
    """Yield (relative name, ref); drop one top folder shared by every member."""
    if found and all(len(p) > 1 for p, _ in found) and len({p[0] for p, _ in found}) == 1:
        found = [(p[1:], ref) for p, ref in found]
    for parts, ref in found:
        yield "/".join(parts), ref


# --------------------------------------------------------------------------- logical files
_NUMBERED = re.compile(r"^(?P<stem>.+?)(?:_(?P<n>\d+))?\.csv$", re.IGNORECASE)
#: logical file -> accepted stems (case-insensitive); numbered parts (``Shares_2.csv``) join.
_KINDS = {
    "profile": ("profile",),
    "invitations": ("invitations",),
    "connections": ("connections",),
    "messages": ("messages", "inbox"),
    "shares": ("shares",),
    "comments": ("comments",),
    "reactions": ("reactions",),
    "receipts": ("receipts", "receipts_v2"),
    "rich_media": ("rich_media",),
}
_STEM_TO_KIND = {stem: kind for kind, stems in _KINDS.items() for stem in stems}


def _group_members(names: Iterable[str]) -> dict[str, list[str]]:
    """Map each logical file kind to its member names (root level only), parts in order."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for rel in names:
        if "/" in rel:
            continue
        m = _NUMBERED.match(rel)
        if not m:
            continue
        kind = _STEM_TO_KIND.get(m.group("stem").lower())
        if kind is None:
            continue
        groups.setdefault(kind, []).append((int(m.group("n") or 0), rel))
    return {k: [rel for _, rel in sorted(v)] for k, v in groups.items()}


# --------------------------------------------------------------------------- decoding
_MOJIBAKE_MARKERS = ("\u00c3", "\u00e2\u20ac", "\u00c2", "\u00ef\u00bb\u00bf", "\u00c5", "\u00c4")
_BINARY_MAGIC = ((b"PK", "it is a zip archive (starts with 'PK')"),
                 (b"%PDF", "it is a PDF document"),
                 (b"\x89PNG", "it is a PNG image"),
                 (b"\xff\xd8\xff", "it is a JPEG image"),
                 (b"\x1f\x8b", "it is gzip-compressed"),
                 (b"GIF8", "it is a GIF image"))


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as Windows-1252 (Excel re-save), e.g. ``RenÃ©e`` -> ``Renée``.

    Returns the text unchanged when it does not look double-encoded or cannot be repaired
    exactly (the repair must re-encode and decode strictly).
    """
    if not any(m in text for m in _MOJIBAKE_MARKERS):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


class _Redecode(Exception):
    """Internal: a file read as UTF-8 is not; read it again as Windows-1252."""

    def __init__(self, source: "_Source") -> None:
        super().__init__(source.name)
        self.source = source


class _Source:
    """One CSV member's bytes and how to decode them.

    Encodings: UTF-8 with or without BOM (streamed, no full copy), UTF-16 with or
    without BOM, Windows-1252 (Excel "CSV" saves; used when UTF-8 fails, see
    :class:`_Redecode`), and one round of mojibake from Excel re-saves (repaired).

    Raises:
        ExportError: the file is really another format (zip, PDF, image...) or binary.
    """

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.data = name, data
        self.text: str | None = None       # full text (slow path), else streamed from data
        self.encoding = "utf-8"        # a BOM, if any, is left to _norm (headers) to drop
        for magic, what in _BINARY_MAGIC:
            if data.startswith(magic):
                raise _err(name, 1, f"not a CSV file: {what}")
        head = data[:4096]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
                len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)):
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                enc = "utf-16"
            else:
                enc = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
            try:
                self._set_text(data.decode(enc))
            except UnicodeDecodeError as e:
                line = data[:e.start].decode(enc, errors="replace").count("\n") + 1
                raise _err(name, line, "invalid UTF-16 text") from None
            return
        nul = data.find(b"\x00")
        if nul >= 0:
            raise _err(name, data.count(b"\n", 0, nul) + 1, "binary content (NUL byte): not a CSV file")
        self.head = data[:65536].decode("utf-8-sig", errors="ignore")
        if any(m in self.head for m in _MOJIBAKE_MARKERS):
            try:
                self._set_text(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.to_cp1252()

    def _set_text(self, text: str) -> None:
        text = fix_mojibake(text) if any(m in text[:65536] for m in _MOJIBAKE_MARKERS) else text
        if text.startswith("\ufeff"):
            text = text[1:]
        nul = text.find("\x00")
        if nul >= 0:
            raise _err(self.name, text.count("\n", 0, nul) + 1, "binary content (NUL character): not a CSV file")
        self.text = text
        self.head = text[:65536]

    def to_cp1252(self) -> None:
        """Switch to Windows-1252 (what Excel writes as "CSV"); undefined bytes become U+FFFD."""
        self._set_text(self.data.decode("cp1252", errors="replace"))

    def open(self) -> io.TextIOBase:
        if self.text is not None:
            return io.StringIO(self.text, newline="")
        return io.TextIOWrapper(io.BytesIO(self.data), encoding=self.encoding, errors="strict", newline="")


def _norm(header: str) -> str:
    """Normalise a column name: ``"SENDER PROFILE URL"`` -> ``"senderprofileurl"``."""
    return re.sub(r"[^0-9a-z]", "", fix_mojibake(header).replace("\ufeff", "").lower())


def _sniff_delimiter(text: str, anchors: tuple[str, ...]) -> str:
    """Pick the delimiter of the header line (',', tab or ';' for Excel in French locales)."""
    lines = text[:65536].splitlines()[:60]
    pick = None
    for line in lines:
        low = re.sub(r"[^0-9a-z\t,;]", "", line.lower())
        if anchors and all(a in low for a in anchors):
            pick = line
            break
    if pick is None:
        pick = next((ln for ln in lines if ln.strip() and not ln.lower().startswith("notes")), "")
    counts = {d: pick.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _Table:
    """A CSV file: header located by its column names, then a row iterator."""

    def __init__(self, src: _Source, required: tuple[str, ...]) -> None:
        name = self.name = src.name
        self.src = src
        self.reader = csv.reader(src.open(), delimiter=_sniff_delimiter(src.head, required), strict=True)
        self.columns: dict[str, int] = {}
        self.width = 0
        self.empty = False
        seen_rows = 0
        notes = False
        try:
            for row in self.reader:
                cells = [c.strip() for c in row]
                if not any(cells):
                    notes = False
                    continue
                seen_rows += 1
                norm = [_norm(c) for c in cells]
                if seen_rows == 1 and norm[0].startswith("notes") and len([c for c in cells if c]) == 1:
                    notes = True
                    continue
                if notes:
                    continue
                if required and not all(r in norm for r in required):
                    if seen_rows >= 50:
                        break
                    continue
                for i, n in enumerate(norm):
                    self.columns.setdefault(n, i)
                self.width = len(row)
                return
        except csv.Error:
            raise _err(name, self.reader.line_num, "malformed CSV (quoting) before the header") from None
        except UnicodeDecodeError:
            raise _Redecode(self.src) from None
        if seen_rows == 0 or _placeholder(src.head):
            self.empty = True      # empty file, or LinkedIn's "No conversations found"
            return
        need = ", ".join(repr(r) for r in required)
        raise _err(name, 1, f"no header row with the expected column(s) {need}")

    def col(self, *names: str) -> int | None:
        for n in names:
            if n in self.columns:
                return self.columns[n]
        return None

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn csv and decoding errors met while reading rows into :class:`ExportError`
        (naming the line) or :class:`_Redecode`."""
        try:
            yield
        except csv.Error:
            raise _err(self.name, self.reader.line_num, "malformed CSV (unbalanced quotes or oversized field)") from None
        except UnicodeDecodeError:
            raise _Redecode(self.src) from None

    def rows(self) -> Iterator[list[str]]:
        """Yield the data rows (blank rows skipped, short rows padded).

        Raises:
            ExportError: malformed CSV, naming the line.
        """
        if self.empty:
            return
        width = self.width
        pad = [""] * width
        with self.guard():
            for row in self.reader:
                n = len(row)
                if n < width:
                    if n == 0:
                        continue
                    row = row + pad[n:]
                yield row

    @property
    def line(self) -> int:
        return self.reader.line_num


_NONZERO = re.compile(r"[1-9]")


def _placeholder(head: str) -> bool:
    """True for LinkedIn's one-line placeholder files such as "No conversations found"."""
    if len(head) > 400:
        return False
    lines = [ln.strip() for ln in head.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and lines[0].lower().startswith("no ") and "," not in lines[0]


# --------------------------------------------------------------------------- dates
# One parser per column: each column has a fixed list of formats (below); the first
# non-empty value picks the format for the whole file and every other value must
# match it. Day and month are never guessed: numeric dates are read month-first only
# in columns LinkedIn writes month-first (invitations, old messages, US style
# "M/D/YY, h:mm AM"); a numeric d/m/y in Connections.csv is refused as ambiguous.
_MON = {m.lower(): i for i, m in enumerate(_MONTHS_EN, 1)}
_MON.update({"sept": 9, "june": 6, "july": 7})
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
                  r"\s*(?:UTC|GMT|Z|[+-]00:?00)?$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?"
                 r"\s*(?:UTC|GMT)?$")
_DMY_NAME = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4}|\d{2})$")
_MDY_NAME = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$")


def _mk(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> str:
    if y < 100:
        y += 2000
    _dt.datetime(y, mo, d, h, mi, s)          # validates (raises ValueError)
    return f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}"


def _parse_iso(s: str) -> str:
    """``2024-06-11 15:33:58 UTC``, ``2026-09-14 16:02:11``, ``2024-06-11``, ``2026/10/01 12:00:00 UTC``."""
    if len(s) == 23 and s[19:] == " UTC" and s[4] == "-" and s[10] == " ":   # fast path
        _dt.datetime.fromisoformat(s[:19])
        return s[:19]
    m = _ISO.match(s)
    if not m:
        raise ValueError("not ISO")
    y, mo, d, h, mi, sec = m.groups()
    return _mk(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0))


def _parse_us(s: str) -> str:
    """LinkedIn's month-first ``3/15/24, 9:05 AM`` / ``8/25/18, 1:05 AM`` (never day-first)."""
    m = _US.match(s)
    if not m:
        raise ValueError("not M/D/Y")
    mo, d, y, h, mi, sec, ampm = m.groups()
    hour = int(h or 0)
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour clock")
        hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
    return _mk(int(y), int(mo), int(d), hour, int(mi or 0), int(sec or 0))


def _parse_named(s: str) -> str:
    """Month given by name: ``05 Mar 2024``, ``5-Mar-24`` (Excel), ``Mar 5, 2024``."""
    m = _DMY_NAME.match(s)
    if m:
        d, mon, y = m.groups()
    else:
        m = _MDY_NAME.match(s)
        if not m:
            raise ValueError("no month name")
        mon, d, y = m.groups()
    mo = _MON.get(mon.lower()[:4].rstrip(".")) or _MON.get(mon.lower()[:3])
    if mo is None:
        raise ValueError("unknown month")
    return _mk(int(y), mo, int(d))


class _DateColumn:
    """The date parser of one column of one file (format fixed by the first value)."""

    def __init__(self, formats: tuple[Callable[[str], str], ...], cache: bool = True) -> None:
        self.formats = formats
        self.use_cache = cache
        self.parse: Callable[[str], str] | None = None
        self.cache: dict[str, str | None] = {}
        self.bad = 0
        self.first_bad_line: int | None = None

    def __call__(self, raw: str, line: Callable[[], int]) -> str | None:
        """Return ``YYYY-MM-DD HH:MM:SS`` or None (empty or unreadable, counted in ``bad``)."""
        got = self.cache.get(raw, False)
        if got is not False:
            if got is None and raw.strip():
                self._bad(line)
            return got  # type: ignore[return-value]
        s = raw.strip()
        out: str | None = None
        if s:
            if self.parse is None:
                for f in self.formats:
                    try:
                        out = f(s)
                    except (ValueError, OverflowError):
                        continue
                    self.parse = f
                    break
                else:
                    self._bad(line)
            else:
                try:
                    out = self.parse(s)
                except (ValueError, OverflowError):
                    self._bad(line)
        if self.use_cache and len(self.cache) < 200_000:
            self.cache[raw] = out
        return out

    def _bad(self, line: Callable[[], int]) -> None:
        self.bad += 1
        if self.first_bad_line is None:
            self.first_bad_line = line()

    def problem(self, name: str) -> str | None:
        if not self.bad:
            return None
        more = f" ({self.bad} rows in all)" if self.bad > 1 else ""
        return str(_err(name, self.first_bad_line, f"unreadable or ambiguous date{more}; rows still counted"))


# --------------------------------------------------------------------------- owner
def _url_key(url: str) -> str:
    """``https://www.linkedin.com/in/x-000001/?a=b`` -> ``u:linkedin.com/in/x-000001``."""
    u = url.strip().lower()
    scheme = u.find("://")
    if 0 < scheme < 10:
        u = u[scheme + 3:]
    if u.startswith("www."):
        u = u[4:]
    u = u.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return "u:" + u


def _name_key(name: str) -> str:
    return "n:" + " ".join(fix_mojibake(name).casefold().split())


@dataclasses.dataclass
class _OwnerHints:
    """What identifies the archive's owner (kept in memory only, never returned)."""

    urls: Counter = dataclasses.field(default_factory=Counter)
    names: Counter = dataclasses.field(default_factory=Counter)

    def url(self) -> str | None:
        return self.urls.most_common(1)[0][0] if self.urls else None

    def name(self) -> str | None:
        return self.names.most_common(1)[0][0] if self.names else None


# --------------------------------------------------------------------------- per-file readers
class _Reader:
    """Accumulates everything read from one archive."""

    def __init__(self, archive: _Archive) -> None:
        self.archive = archive
        self.problems: list[str] = []
        self.values: dict[str, Any] = {}
        self.owner = _OwnerHints()
        self.dates: list[str] = []            # reference-date candidates (ISO datetimes)
        self.errors: list[ExportError] = []
        self.connection_dates: list[str] = []
        self.month: dict[str, Counter] = {"invitations": Counter(), "messages": Counter(),
                                          "shares": Counter(), "comments": Counter()}
        self.reply_stats = (0, 0, 0, 0)

    def run_file(self, kind: str, parts: list[str], fn: Callable[[list[_Source]], None]) -> bool:
        """Read the parts of one logical file with ``fn`` (which merges its counts only at
        its end); True when it worked, else the problem is recorded and False returned."""
        try:
            sources = [_Source(rel, self.archive.read(rel)) for rel in parts]
            _retrying(fn, sources)
        except ExportError as e:
            self.problems.append(str(e))
            self.errors.append(e)
            return False
        return True

    # -- Profile.csv: the owner's name (in memory only)
    def profile(self, sources: list[_Source]) -> None:
        urls: Counter = Counter()
        names: Counter = Counter()
        for src in sources:
            t = _Table(src, _REQUIRED["profile"])
            i_first, i_last = t.col("firstname"), t.col("lastname")
            i_url = t.col("profileurl", "publicprofileurl", "url")
            for row in t.rows():
                if i_url is not None and row[i_url].strip():
                    urls[_url_key(row[i_url])] += 5
                name = " ".join(x for x in (row[i_first].strip(), row[i_last].strip()) if x)
                if name:
                    names[_name_key(name)] += 5
                break
        self.owner.urls.update(urls)
        self.owner.names.update(names)

    # -- Connections.csv
    def connections(self, sources: list[_Source]) -> None:
        count = 0
        dates: list[str] = []
        problems = []
        for src in sources:
            t = _Table(src, _REQUIRED["connections"])
            i_date = t.col("connectedon")
            parse = _DateColumn((_parse_named, _parse_iso))
            line = lambda: t.line  # noqa: E731
            for row in t.rows():
                raw = row[i_date]
                if raw:
                    d = parse(raw, line)
                    if d is not None:
                        count += 1
                        dates.append(d[:10])
                        continue
                if any(c.strip() for c in row):      # named row without a date, or bad date
                    count += 1
            problems.append(parse.problem(t.name))
        self.connection_dates.extend(dates)
        self.values["connections"] = count
        self.problems.extend(p for p in problems if p)

    # -- Invitations.csv
    def invitations(self, sources: list[_Source]) -> None:
        sent = received = 0
        month: Counter = Counter()
        urls: Counter = Counter()
        names: Counter = Counter()
        dates: list[str] = []
        problems = []
        owner_name = self.owner.name()
        for src in sources:
            t = _Table(src, _REQUIRED["invitations"])
            i_dir, i_date = t.col("direction"), t.col("sentat", "date")
            i_from, i_to = t.col("from"), t.col("to")
            i_inviter, i_invitee = t.col("inviterprofileurl"), t.col("inviteeprofileurl")
            parse = _DateColumn((_parse_us, _parse_iso))
            line = lambda: t.line  # noqa: E731
            if i_dir is None and owner_name is None:
                raise _err(t.name, 1, "no 'Direction' column and no owner name to tell sent from received")
            unknown = 0
            first_unknown = None
            for row in t.rows():
                if i_dir is not None:
                    direction = row[i_dir].strip().upper()
                else:
                    direction = ("OUTGOING" if _name_key(row[i_from]) == owner_name else
                                 "INCOMING" if _name_key(row[i_to]) == owner_name else "")
                if direction == "OUTGOING":
                    sent += 1
                    if i_inviter is not None and row[i_inviter].strip():
                        urls[_url_key(row[i_inviter])] += 1
                    if row[i_from].strip():
                        names[_name_key(row[i_from])] += 1
                elif direction == "INCOMING":
                    received += 1
                    if i_invitee is not None and row[i_invitee].strip():
                        urls[_url_key(row[i_invitee])] += 1
                    if row[i_to].strip():
                        names[_name_key(row[i_to])] += 1
                else:
                    if any(c.strip() for c in row):
                        unknown += 1
                        first_unknown = first_unknown or t.line
                    continue
                if i_date is not None:
                    d = parse(row[i_date], line)
                    if d is not None:
                        dates.append(d)
                        if direction == "OUTGOING":
                            month[d[:7]] += 1
            if unknown:
                problems.append(str(_err(t.name, first_unknown,
                                         f"{unknown} row(s) with an unknown direction, not counted")))
            problems.append(parse.problem(t.name))
        self.values["invitations_sent"], self.values["invitations_received"] = sent, received
        self.month["invitations"].update(month)
        self.owner.urls.update(urls)
        self.owner.names.update(names)
        self.dates.extend(dates)
        self.problems.extend(p for p in problems if p)

    # -- Shares / Comments / Reactions: one row per item
    def _activity(self, key: str) -> Callable[[list[_Source]], None]:
        def read(sources: list[_Source]) -> None:
            n = 0
            month: Counter = Counter()
            dates: list[str] = []
            problems = []
            for src in sources:
                t = _Table(src, _REQUIRED[key])
                i_date = t.col("date", "createdat", "sharedate")
                parse = _DateColumn((_parse_iso, _parse_us))
                line = lambda: t.line  # noqa: E731
                for row in t.rows():
                    if not any(c.strip() for c in row):
                        continue
                    n += 1
                    d = parse(row[i_date], line)
                    if d is not None:
                        dates.append(d)
                        month[d[:7]] += 1
                problems.append(parse.problem(t.name))
            self.values[key] = n
            if key in self.month:
                self.month[key].update(month)
            self.dates.extend(dates)
            self.problems.extend(p for p in problems if p)
        return read

    # -- Receipts: a paid product when an amount is above zero (or any row, without amounts)
    def receipts(self, sources: list[_Source]) -> None:
        paid = False
        for src in sources:
            t = _Table(src, _REQUIRED["receipts"])
            amount_cols = [i for n, i in t.columns.items()
                           if any(w in n for w in ("amount", "total", "price", "charged"))]
            for row in t.rows():
                if not any(c.strip() for c in row):
                    continue
                if not amount_cols or any(_NONZERO.search(row[i]) for i in amount_cols):
                    paid = True
        self.values["paid_subscription"] = paid

    # -- Rich_Media: a "profile photo" upload row is a sign of a photo
    def rich_media(self, sources: list[_Source]) -> None:
        seen = False
        for src in sources:
            t = _Table(src, _REQUIRED["rich_media"])
            for row in t.rows():
                if any("profile photo" in c.lower() for c in row):
                    seen = True
        self.values["profile_photo_seen"] = seen

    # -- messages.csv / Messages.csv / Inbox.csv
    def messages(self, sources: list[_Source]) -> None:
        """Count messages, conversations and replies (see :func:`read_export`)."""
        hint_url, hint_name = self.owner.url(), self.owner.name()
        result = None
        if hint_url or hint_name:
            result = self._message_pass(sources, hint_url, hint_name, fallback=False)
        if result is None:        # no hint, or the hints match nobody: find the owner in the messages
            result = self._message_pass(sources, None, None, fallback=True)
        self._message_stats(*result)

    def _message_pass(self, sources: list[_Source], hint_url: str | None,
                      hint_name: str | None, fallback: bool) -> tuple | None:
        """One pass over the message files (the hot loop: keep per-row work small).

        Returns:
            ``(convs, owner_keys, undated, problems)``, or None when owner hints were given
            but the owner appears nowhere in the messages (the caller then re-runs with
            ``fallback``).
        """
        convs: dict[str, list] = {}
        undated: list[tuple[str, str]] = []
        url_cache: dict[str, str] = {}
        name_cache: dict[str, tuple[str, bool]] = {}
        url_names: dict[str, str] = {}
        folder_cache: dict[str, int] = {}
        participation: dict[str, set] = {}
        owner_seen = direction_seen = False
        problems: list[str | None] = []
        from_iso = _dt.datetime.fromisoformat
        for src in sources:
            t = _Table(src, _REQUIRED["messages"])
            i_conv = t.col("conversationid")
            i_from, i_to = t.col("from", "sender", "sendername"), t.col("to", "recipients")
            i_url, i_rurls = t.col("senderprofileurl", "senderurl"), t.col("recipientprofileurls")
            i_date = t.col("date", "sentat", "datetime")
            i_folder, i_content = t.col("folder"), t.col("content", "body", "message")
            i_draft = t.col("ismessagedraft", "isdraft", "draft")
            i_dir = t.col("direction")
            i_sponsored = t.col("issponsored", "sponsored")
            parse = _DateColumn((_parse_iso, _parse_us), cache=False)
            line = lambda: t.line  # noqa: E731
            has_url = i_url is not None
            fast = False
            convs_get = convs.get
            # where to look for the owner among recipients (checks that the hints fit)
            if hint_url and i_rurls is not None:
                check_col, needle = i_rurls, hint_url[2:]
            elif hint_name and i_to is not None:
                check_col, needle = i_to, hint_name[2:]
            else:
                check_col, needle = None, ""
            has_draft, has_folder, has_dir = i_draft is not None, i_folder is not None, i_dir is not None
            has_content, has_sponsored = i_content is not None, i_sponsored is not None
            has_conv, has_date, check_owner = i_conv is not None, i_date is not None, check_col is not None
            folder_get, url_get = folder_cache.get, url_cache.get
            width = t.width
            pad = [""] * width
            with t.guard():
                for row in t.reader if not t.empty else ():
                    n = len(row)
                    if n < width:
                        if not n:
                            continue
                        row = row + pad[n:]
                    name = row[i_from]
                    if not name and not any(row):
                        continue                       # a row of only commas
                    if has_draft and row[i_draft].strip().lower() in _TRUE:
                        continue
                    # folder kind: 3 draft (excluded), 2 spam (left out of replies), 0 other
                    raw_folder = row[i_folder] if has_folder else ""
                    fk = folder_get(raw_folder)
                    if fk is None:
                        f = raw_folder.strip().upper()
                        fk = folder_cache[raw_folder] = 3 if f in ("DRAFT", "DRAFTS") else 2 if f == "SPAM" else 0
                    if fk == 3:
                        continue
                    url = row[i_url] if has_url else ""
                    member = False
                    if has_dir and row[i_dir].strip().upper() in ("OUTGOING", "SENT"):
                        key = "owner"
                        direction_seen = True
                    elif url:
                        key = url_get(url)
                        if key is None:
                            key = url_cache[url] = _url_key(url)
                            url_names.setdefault(key, name)      # raw; normalised only if needed
                    else:
                        got = name_cache.get(name)
                        if got is None:
                            got = name_cache[name] = (_name_key(name), name.strip() == "LinkedIn Member")
                        key, member = got
                    # flag 2: spam folder (left out of replies); 1: not a person (sponsored,
                    # "LinkedIn Member"); 0: a person.
                    if fk:
                        flag = 2
                    elif member or (has_url and not url):
                        flag = 1
                    elif has_content and "%FIRSTNAME%" in row[i_content]:
                        flag = 1
                    elif has_sponsored and row[i_sponsored].strip().lower() in _TRUE:
                        flag = 1
                    else:
                        flag = 0
                    conv = row[i_conv] if has_conv else ""
                    if not conv:        # old exports without conversation ids: the pair of parties
                        other = row[i_to] if i_to is not None else ""
                        conv = "\x00".join(sorted((_name_key(name), _name_key(other))))
                    if check_owner and needle in row[check_col].casefold():
                        owner_seen, check_owner = True, False
                    if fallback:
                        participation.setdefault(key, set()).add(conv)
                        if i_rurls is not None and row[i_rurls]:
                            for u in row[i_rurls].split(","):
                                if u.strip():
                                    participation.setdefault(_url_key(u), set()).add(conv)
                    raw = row[i_date] if has_date else ""
                    if fast and len(raw) == 23 and raw[19:] == " UTC":
                        d = raw[:19]             # fast path of the ISO parser
                        try:
                            from_iso(d)
                        except ValueError:
                            d = parse(raw, line)
                    else:
                        d = parse(raw, line) if raw else None
                        fast = parse.parse is _parse_iso
                    if d is None:
                        undated.append((conv, key))
                        continue
                    items = convs_get(conv)
                    if items is None:
                        items = convs[conv] = []
                    items.append((d, key, flag))
            problems.append(parse.problem(t.name))
        # ---- who is the owner (see read_export's docstring)
        owner_keys: set[str] = {"owner"}
        if fallback:
            if participation:
                best = max(participation.items(),
                           key=lambda kv: (len(kv[1]), kv[0].startswith("u:"), kv[0]))[0]
                owner_keys.add(best)
                if best in url_names:
                    owner_keys.add(_name_key(url_names[best]))
        else:
            if hint_url:
                owner_keys.add(hint_url)
            if hint_name:
                owner_keys.add(hint_name)
                if not hint_url:      # a name only: senders with a URL and that name
                    owner_keys.update(k for k, n in url_names.items() if _name_key(n) == hint_name)
            sent = direction_seen or any(k in owner_keys for k in url_cache.values()) or any(
                k in owner_keys for k, _ in name_cache.values())
            if (convs or undated) and not sent and not owner_seen:
                return None
        for conv, _key in undated:
            convs.setdefault(conv, [])
        return convs, owner_keys, undated, [p for p in problems if p]

    def _message_stats(self, convs: dict[str, list], owner_keys: set[str],
                       undated: list[tuple[str, str]], problems: list[str]) -> None:
        sent = received = started = 0
        replies = within_day = within_week = unanswered = 0
        day = _dt.timedelta(hours=REPLY_SAME_DAY_HOURS)
        week = _dt.timedelta(hours=REPLY_WITHIN_WEEK_HOURS)
        parse_ts = _dt.datetime.fromisoformat
        month = self.month["messages"]
        latest = ""
        for items in convs.values():
            if not items:
                continue
            items.reverse()                     # files list newest first: keep ties in order
            items.sort(key=itemgetter(0))
            if items[0][1] in owner_keys:
                started += 1
            if items[-1][0] > latest:
                latest = items[-1][0]
            pending = None
            for ts, key, flag in items:
                if key in owner_keys:
                    sent += 1
                    month[ts[:7]] += 1
                    if pending is not None and flag != 2:
                        replies += 1
                        delay = parse_ts(ts) - parse_ts(pending)
                        if delay <= day:
                            within_day += 1
                        if delay <= week:
                            within_week += 1
                        pending = None
                else:
                    received += 1
                    if flag == 0:
                        pending = ts
            if pending is not None:
                unanswered += 1
        for _, key in undated:
            if key in owner_keys:
                sent += 1
            else:
                received += 1
        if latest:
            self.dates.append(latest)
        self.values.update(messages_sent=sent, messages_received=received,
                           conversations=len(convs), conversations_started=started,
                           replies_same_day_share=(within_day / replies) if replies else None)
        self.reply_stats = (replies, within_day, within_week, unanswered)
        self.problems.extend(problems)


_TRUE = ("yes", "true", "1", "y")
_REQUIRED: dict[str, tuple[str, ...]] = {
    "profile": ("firstname", "lastname"),
    "invitations": ("from", "to"),
    "connections": ("connectedon",),
    "messages": ("from", "date"),
    "shares": ("date",),
    "comments": ("date",),
    "reactions": ("date",),
    "receipts": (),
    "rich_media": (),
}


def _retrying(fn: Callable[[list[_Source]], None], sources: list[_Source]) -> None:
    """Run ``fn``; each time a streamed source turns out not to be UTF-8, switch that
    source to Windows-1252 and run ``fn`` again (``fn`` merges its results only at its end)."""
    for _ in range(len(sources) + 1):
        try:
            return fn(sources)
        except _Redecode as e:
            e.source.to_cp1252()
    raise _err(sources[0].name, None, "undecodable text")   # pragma: no cover - cp1252 cannot fail


# --------------------------------------------------------------------------- read_export
def read_export(path: str | os.PathLike | BinaryIO) -> ExportSummary:
    """Read a LinkedIn data export (zip as downloaded, or its extracted folder).

    Files used (root of the archive, or inside its one top folder; numbered parts such
    as ``Shares_2.csv`` are added up; other files are only listed): Profile.csv,
    Connections.csv, Invitations.csv, messages.csv (old names Messages.csv, Inbox.csv),
    Shares.csv, Comments.csv, Reactions.csv, Receipts.csv / Receipts_v2.csv, Rich_Media.csv.
    Columns are found by name (case, spaces and underscores ignored), never by position;
    a ``Notes:`` block and blank lines before the header are skipped. Encodings: UTF-8
    with or without BOM, UTF-16 (tab- or comma-separated), Windows-1252 and one round of
    mojibake from Excel re-saves (repaired). Zip members are read in memory, never
    extracted; path tricks (``../``, absolute names) are ignored; members over
    :data:`MAX_MEMBER_BYTES`, archives over :data:`MAX_TOTAL_BYTES` and members
    compressed more than :data:`MAX_COMPRESSION_RATIO` times are refused (zip bomb).

    Dates: one parser per column, its format fixed by the column's first value.
    Connections ``05 Mar 2024`` (also ``5-Mar-24``, ``Mar 5, 2024``, ISO); Invitations
    ``3/15/24, 9:05 AM``; messages ``2024-06-11 15:33:58 UTC`` or the older
    ``8/25/18, 1:05 AM``; Shares/Comments/Reactions ``2026-09-14 16:02:11``. Numeric
    dates are read month-first only where LinkedIn writes them so (invitations, old
    messages); a value that does not fit (``13/1/24``) is reported, never swapped, and a
    numeric date in Connections.csv (``05/03/2024``: 5 March or 3 May?) is refused.

    Owner (who is "you" in messages): the profile URL that Invitations.csv gives for the
    person (inviter of OUTGOING rows, invitee of INCOMING rows), else the name in
    Profile.csv (or Invitations.csv From/To). A message is the owner's when its sender
    URL matches (or, without a sender URL, its sender name matches). When the archive
    has no such hint, or the hint matches nobody in the messages, the owner is the
    participant (sender or recipient URL, or sender name) found in the most
    conversations. A ``DIRECTION`` column (old exports) decides by itself.

    Replies (``replies_same_day_share``): in each conversation, in time order, a message
    of the owner that follows one or more messages of others is one reply; its delay is
    measured from the latest of those messages. Rows in the SPAM folder, sponsored
    messages (no sender profile URL, ``%FIRSTNAME%`` templates, a sponsored flag) and
    "LinkedIn Member" senders are left out of this measure (they still count in
    ``messages_received``). The share is the replies within 24 h over all replies.
    On the sample this gives 16 / 21: the spam, sponsored and "LinkedIn Member" messages
    got no reply there, so they change neither count.

    Args:
        path: a ``.zip`` path, a folder path (str or PathLike), or a readable, seekable
            binary file object holding the zip.

    Returns:
        ExportSummary: counts and dates only; None for files not in the archive; what
        could not be read is listed in ``problems``.

    Raises:
        ExportError: the archive cannot be opened, or none of its known files is readable
            (then the message is the first file's problem).

    Note: ``csv.field_size_limit`` (process-wide) is raised to :data:`MAX_FIELD_CHARS`
    while reading and restored afterwards.
    """
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, MAX_FIELD_CHARS))
    archive = _Archive(path)
    try:
        return _read(archive)
    finally:
        archive.close()
        csv.field_size_limit(old_limit)


def _read(archive: _Archive) -> ExportSummary:
    r = _Reader(archive)
    groups = _group_members(archive.members)
    if archive.skipped_unsafe:
        r.problems.append(str(_err(archive.label, None,
                                   f"{archive.skipped_unsafe} member(s) with unsafe paths ignored")))
    order = ("profile", "invitations", "connections", "shares", "comments", "reactions",
             "receipts", "rich_media")
    readers = {"profile": r.profile, "invitations": r.invitations, "connections": r.connections,
               "shares": r._activity("shares"), "comments": r._activity("comments"),
               "reactions": r._activity("reactions"), "receipts": r.receipts,
               "rich_media": r.rich_media}
    failed: set[str] = set()
    for kind in order:
        if kind in groups and not r.run_file(kind, groups[kind], readers[kind]):
            failed.add(kind)
    if "messages" in groups and not r.run_file("messages", groups["messages"], r.messages):
        failed.add("messages")
    v = r.values
    # a file that failed part-way gives no value (unknown), never a partial count
    drop = {"connections": ("connections",), "invitations": ("invitations_sent", "invitations_received"),
            "shares": ("shares",), "comments": ("comments",), "reactions": ("reactions",),
            "receipts": ("paid_subscription",), "rich_media": ("profile_photo_seen",),
            "messages": ("messages_sent", "messages_received", "conversations",
                         "conversations_started", "replies_same_day_share")}
    for kind in failed:
        for key in drop.get(kind, ()):
            v.pop(key, None)
        if kind in r.month:
            r.month[kind].clear()
    if not v:       # nothing usable (a Profile.csv alone tells no count)
        if r.errors:
            e = r.errors[0]
            more = f" (and {len(r.errors) - 1} more problem(s))" if len(r.errors) > 1 else ""
            raise ExportError(f"{e}{more}; nothing usable in {archive.label}", file=e.file, line=e.line,
                              reason=e.reason)
        raise _err(archive.label, None, "no LinkedIn export file found (e.g. Connections.csv, messages.csv)")
    if "connections" in failed:
        r.connection_dates = []
    dates = sorted(r.connection_dates)
    latest = max([d[:10] for d in r.dates] + dates[-1:], default=None)
    replies, within_day, within_week, unanswered = r.reply_stats
    timeline = ExportTimeline(
        connection_dates=tuple(dates),
        invitations_sent_per_month=dict(sorted(r.month["invitations"].items())),
        messages_sent_per_month=dict(sorted(r.month["messages"].items())),
        posts_comments_per_month=dict(sorted((r.month["shares"] + r.month["comments"]).items())),
        reference_date=latest, replies=replies, replies_within_day=within_day,
        replies_within_week=within_week, unanswered_turns=unanswered)
    files = sorted((n for n in archive.members if n.lower().endswith(".csv")), key=str.lower)
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
        files_present=tuple(files),
        profile_photo_seen=v.get("profile_photo_seen"),
        timeline=timeline, problems=tuple(r.problems))


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


# --------------------------------------------------------------------------- text
def format_date(iso: str, lang: str = "en") -> str:
    """``"2012-06-22"`` -> ``"22 Jun 2012"`` (en) or ``"22 juin 2012"`` (fr)."""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    months = _MONTHS_FR if lang == "fr" else _MONTHS_EN
    return f"{d} {months[m - 1]} {y}" if lang == "fr" else f"{d:02d} {months[m - 1]} {y}"


def summary_text(summary: ExportSummary, lang: str = "en") -> str:
    """A short human-readable summary: counts and dates only, never a name.

    Args:
        summary: from :func:`read_export`.
        lang: ``"en"`` or ``"fr"`` (French number conventions).

    Returns:
        str: several lines of text; "not in the archive" for absent files.

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    unknown = t("export.unknown", lang)

    def c(n: int | None) -> str:
        return unknown if n is None else number(n, lang)

    s = summary
    unreadable = {p.split(":", 1)[0].lower() for p in s.problems}

    def missing(label: str, *stems: str) -> str:
        """'not in the archive', or 'could not be read' when a problem names one of its files."""
        bad = any(name.startswith(stem) for name in unreadable for stem in stems)
        return t("export.unreadable" if bad else "export.absent", lang, what=t(f"export.label.{label}", lang))

    lines = [t("export.title", lang)]
    if s.connections is None:
        lines.append(missing("connections", "connections"))
    elif s.first_connection and s.last_connection:
        lines.append(t("export.connections", lang, n=c(s.connections), first=format_date(s.first_connection, lang),
                                                    last=format_date(s.last_connection, lang)))
    else:
        lines.append(t("export.connections_nodates", lang, n=c(s.connections)))
    if s.invitations_sent is None or s.invitations_received is None:
        lines.append(missing("invitations", "invitations"))
    else:
        lines.append(t("export.invitations", lang, sent=c(s.invitations_sent), received=c(s.invitations_received)))
    if s.messages_sent is None:
        lines.append(missing("messages", "messages", "inbox"))
    else:
        lines.append(t("export.messages", lang, sent=c(s.messages_sent), received=c(s.messages_received),
                                                 conversations=c(s.conversations), started=c(s.conversations_started)))
        if s.replies_same_day_share is None:
            lines.append(t("export.replies_none", lang))
        else:
            pct = percent(round(100 * s.replies_same_day_share), lang)
            if s.timeline.replies:
                pct += f" ({number(s.timeline.replies_within_day, lang)}/{number(s.timeline.replies, lang)})"
            lines.append(t("export.replies", lang, share=pct))
    lines.append(t("export.activity", lang, shares=c(s.shares), comments=c(s.comments), reactions=c(s.reactions)))
    lines.append(t("export.paid_unknown", lang) if s.paid_subscription is None else
                 t("export.paid_yes", lang) if s.paid_subscription else t("export.paid_no", lang))
    lines.append(t("export.files", lang, n=number(len(s.files_present), lang)))
    if s.problems:
        lines.append(t("export.problems", lang, n=number(len(s.problems), lang)))
        lines.extend("  - " + p for p in s.problems)
    return "\n".join(lines)
