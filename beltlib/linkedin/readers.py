"""Per-file readers of a LinkedIn export: one method per logical file, all into one :class:`Reader`.

Each reader merges its counts into the :class:`Reader` only at its end, so a file that
fails part-way (or is read again in another encoding) never leaves a partial count.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .archive import STREAM_MIN_BYTES
from .csvfile import Source, Table, retrying
from .dates import DateColumn, parse_iso, parse_named, parse_us
from .errors import MAX_LISTED_LINES, ExportError, Problem, err
from .messages import OwnerHints, name_key, read_messages, url_key

if TYPE_CHECKING:
    from .kinds import Kind

_NONZERO = re.compile(r"[1-9]")


def _problems(t: Table, *columns: DateColumn | None) -> list[Problem]:
    """The malformed rows of ``t`` and the unreadable dates of its date columns."""
    out = t.problems()
    out.extend(p for p in (c.problem(t.name) for c in columns if c is not None) if p)
    return out


class Reader:
    """Accumulates everything read from one archive (or from the parts of one export).

    Its reader methods (``profile``, ``connections``...) are named by the rows of
    :data:`beltlib.linkedin.kinds.KINDS`; each takes ``(kind, sources)`` and merges its
    counts only at its end.

    Attributes:
        problems: what could not be read (codes and values, worded later).
        values: the summary values read so far, by key (see ``Kind.values``).
        month: ``{kind name: Counter("YYYY-MM" -> count)}`` for the kinds that are ``monthly``;
            a kind may keep more series under ``"<kind name>.<what>"`` (``invitations.received``,
            ``messages.replies``, ``messages.replies_within_day``), given up with it.
        first: ``{kind name: ISO datetime}``: the kind's earliest dated row, where the history
            needs it (``invitations``: the start of the file's window; ``messages``).
        series: ``{kind name: [ISO date, ...]}`` (the connections' dates).
        dates: reference-date candidates (ISO datetimes).
        errors: the :class:`ExportError` of each file that could not be read, in reading order.
    """

    def __init__(self, archive: Any) -> None:
        self.archive = archive
        self.problems: list[Problem] = []
        self.values: dict[str, Any] = {}
        self.owner = OwnerHints()
        self.dates: list[str] = []            # reference-date candidates (ISO datetimes)
        self.errors: list[ExportError] = []
        self.series: dict[str, list[str]] = {}
        self.month: defaultdict[str, Counter] = defaultdict(Counter)
        self.first: dict[str, str] = {}
        self.reply_stats = (0, 0, 0, 0)

    @property
    def connection_dates(self) -> list[str]:
        """Every dated connection (ISO dates, in reading order)."""
        return self.series.get("connections", [])

    def run_file(self, kind: Kind, parts: list[str]) -> bool:
        """Read the parts of one logical file with its kind's reader; on failure, give up
        what the kind informs (never a partial count).

        Args:
            kind: the row of :data:`beltlib.linkedin.kinds.KINDS`.
            parts: its member names, parts in order.

        Returns:
            bool: True when it was read; False when it could not be (its problem and
            error are recorded, and :meth:`forget` gave up its values).
        """
        try:
            sources = [self._source(rel) for rel in parts]
            retrying(lambda srcs: kind.read(self, kind, srcs), sources)
        except ExportError as e:
            self.problems.append(e.problem)
            self.errors.append(e)
            self.forget(kind)
            return False
        return True

    def forget(self, kind: Kind) -> None:
        """Give up what ``kind`` informs: its values, per-month counts and dated series."""
        for key in kind.values:
            self.values.pop(key, None)
        for key in [k for k in self.month if k == kind.name or k.startswith(kind.name + ".")]:
            self.month.pop(key)
        self.series.pop(kind.name, None)
        self.first.pop(kind.name, None)

    def _source(self, rel: str) -> Source:
        """A member as a :class:`Source`: read whole when small, else streamed (its first
        bytes now, the rest while it is parsed)."""
        if self.archive.size(rel) < STREAM_MIN_BYTES:
            return Source(rel, self.archive.read(rel))
        return Source.streamed(rel, lambda: self.archive.open_stream(rel), lambda: self.archive.read(rel))

    # -- Profile.csv: the owner's name (in memory only)
    def profile(self, kind: Kind, sources: list[Source]) -> None:
        """Note the owner's profile URL and name (hints for the messages; kept in memory only)."""
        urls: Counter = Counter()
        names: Counter = Counter()
        for src in sources:
            t = Table(src, kind.header)
            i_first, i_last = t.col("firstname"), t.col("lastname")
            i_url = t.col("profileurl", "publicprofileurl", "url")
            for row in t.rows():
                if i_url is not None and row[i_url].strip():
                    urls[url_key(row[i_url])] += 5
                name = " ".join(x for x in (row[i_first].strip(), row[i_last].strip()) if x)
                if name:
                    names[name_key(name)] += 5
                break
        self.owner.urls.update(urls)
        self.owner.names.update(names)

    # -- Connections.csv
    def connections(self, kind: Kind, sources: list[Source]) -> None:
        """Count connections (date-only rows of hidden profiles included) and keep their dates."""
        count = 0
        dates: list[str] = []
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, kind.header)
            i_date = t.col("connectedon")
            parse = DateColumn((parse_named, parse_iso))
            line = t.line_getter()
            days: dict[str, str] = {}     # cell -> its date, once read (many connections share a day)
            for row in t.rows():
                raw = row[i_date]
                if raw:
                    day = days.get(raw)
                    if day is None:
                        d = parse(raw, line)
                        if d is not None:
                            day = days[raw] = d[:10]
                    if day is not None:
                        count += 1
                        dates.append(day)
                        continue
                if any(map(str.strip, row)):      # named row without a date, or bad date
                    count += 1
            problems.extend(_problems(t, parse))
        self.series.setdefault(kind.name, []).extend(dates)
        self.values["connections"] = count
        self.problems.extend(problems)

    # -- Invitations.csv
    def invitations(self, kind: Kind, sources: list[Source]) -> None:
        """Count invitations sent and received (per month for those sent); note owner hints."""
        acc = _Invitations(self.owner.name())
        for src in sources:
            acc.read(Table(src, kind.header))
        self.values["invitations_sent"], self.values["invitations_received"] = acc.sent, acc.received
        self.month[kind.name].update(acc.month)
        self.month[kind.name + ".received"].update(acc.month_in)
        if acc.dates:
            self.first[kind.name] = min(acc.dates)
        self.owner.urls.update(acc.keys(acc.urls, url_key))
        self.owner.names.update(acc.keys(acc.names, name_key))
        self.dates.extend(acc.dates)
        self.problems.extend(acc.problems)

    # -- Shares / Comments / Reactions: one row per item
    def activity(self, kind: Kind, sources: list[Source]) -> None:
        """Count the rows of Shares, Comments or Reactions (one row per item), per month too
        when the kind is ``monthly``."""
        n = 0
        month: Counter = Counter()
        dates: list[str] = []
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, kind.header)
            i_date = t.col("date", "createdat", "sharedate")
            parse = DateColumn((parse_iso, parse_us, parse_named))
            line = t.line_getter()
            for row in t.rows():
                if not any(map(str.strip, row)):    # (no generator: this runs once per row)
                    continue
                n += 1
                d = parse(row[i_date], line)
                if d is not None:
                    dates.append(d)
                    month[d[:7]] += 1
            problems.extend(_problems(t, parse))
        self.values[kind.name] = n
        if kind.monthly:
            self.month[kind.name].update(month)
        self.dates.extend(dates)
        self.problems.extend(problems)

    # -- Receipts: a paid product when an amount is above zero (or any row, without amounts)
    def receipts(self, kind: Kind, sources: list[Source]) -> None:
        """A paid product: a row with an amount above zero (or any row, without amount columns)."""
        paid = False
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, kind.header)
            amount_cols = [i for n, i in t.columns.items()
                           if any(w in n for w in ("amount", "total", "price", "charged"))]
            for row in t.rows():
                if not any(c.strip() for c in row):
                    continue
                if not amount_cols or any(_NONZERO.search(row[i]) for i in amount_cols):
                    paid = True
            problems.extend(_problems(t))
        self.values["paid_subscription"] = paid
        self.problems.extend(problems)

    # -- Rich_Media: a "profile photo" upload row is a sign of a photo
    def rich_media(self, kind: Kind, sources: list[Source]) -> None:
        """A sign of a profile photo: a "profile photo" upload row."""
        seen = False
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, kind.header)
            for row in t.rows():
                if any("profile photo" in c.lower() for c in row):
                    seen = True
            problems.extend(_problems(t))
        self.values["profile_photo_seen"] = seen
        self.problems.extend(problems)

    # -- messages.csv / Messages.csv / Inbox.csv
    def messages(self, kind: Kind, sources: list[Source]) -> None:
        """Count messages, conversations and replies (see :func:`beltlib.linkedin.read_export`)."""
        stats = read_messages(sources, self.owner, kind.header)
        if stats.latest:
            self.dates.append(stats.latest)
            self.first[kind.name] = stats.earliest
        self.values.update(stats.values)
        self.month[kind.name].update(stats.month)
        self.month[kind.name + ".replies"].update(stats.replies_month)
        self.month[kind.name + ".replies_within_day"].update(stats.within_day_month)
        self.reply_stats = stats.reply_stats
        self.problems.extend(stats.problems)


class _Invitations:
    """Counts of Invitations.csv (all parts), merged into the :class:`Reader` at the end."""

    def __init__(self, owner_name: str | None) -> None:
        self.owner_name = owner_name
        self.sent = self.received = 0
        self.month: Counter = Counter()        # sent, per "YYYY-MM"
        self.month_in: Counter = Counter()     # received, per "YYYY-MM"
        self.urls: Counter = Counter()         # the owner's side of each row: raw cells (see keys)
        self.names: Counter = Counter()
        self.dates: list[str] = []
        self.problems: list[Problem] = []

    def read(self, t: Table) -> None:
        c = {"dir": t.col("direction"), "date": t.col("sentat", "date"), "from": t.col("from"), "to": t.col("to"),
             "inviter": t.col("inviterprofileurl"), "invitee": t.col("inviteeprofileurl")}
        if c["dir"] is None and self.owner_name is None:
            raise err(t.name, 1, "no_direction")
        parse = DateColumn((parse_us, parse_iso, parse_named))
        line = t.line_getter()
        unknown: list[int] = []
        for row in t.rows():
            direction = self._direction(row, c)
            if not direction:
                if any(x.strip() for x in row):
                    unknown.append(t.line)
                continue
            if c["date"] is not None:
                d = parse(row[c["date"]], line)
                if d is not None:
                    self.dates.append(d)
                    (self.month if direction == "OUTGOING" else self.month_in)[d[:7]] += 1
        if unknown:
            self.problems.append(Problem(t.name, tuple(unknown[:MAX_LISTED_LINES]), len(unknown), "unknown_direction"))
        self.problems.extend(_problems(t, parse))

    @staticmethod
    def keys(raw: Counter, key: Callable[[str], str]) -> Counter:
        """The counts of raw cells as counts of their keys (``url_key`` or ``name_key``),
        blank cells left out; each distinct cell is normalised once (the owner's URL and
        name are on every row). Keys come in the order of their first row, as if counted
        row by row (``Counter.most_common`` breaks ties by that order)."""
        out: Counter = Counter()
        for cell, n in raw.items():
            if cell.strip():
                out[key(cell)] += n
        return out

    def _direction(self, row: list[str], c: dict[str, int | None]) -> str:
        """"OUTGOING", "INCOMING" (counted, owner hints noted) or "" (unknown, not counted)."""
        i_from, i_to = c["from"], c["to"]
        if c["dir"] is not None:
            direction = row[c["dir"]].strip().upper()
        else:
            direction = ("OUTGOING" if name_key(row[i_from]) == self.owner_name else     # type: ignore[index]
                         "INCOMING" if name_key(row[i_to]) == self.owner_name else "")  # type: ignore[index]
        if direction == "OUTGOING":
            self.sent += 1
            url, name = c["inviter"], i_from
        elif direction == "INCOMING":
            self.received += 1
            url, name = c["invitee"], i_to
        else:
            return ""
        if url is not None:
            self.urls[row[url]] += 1
        self.names[row[name]] += 1  # type: ignore[index]
        return direction
