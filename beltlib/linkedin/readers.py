"""Per-file readers of a LinkedIn export: one method per logical file, all into one :class:`Reader`.

Each reader merges its counts into the :class:`Reader` only at its end, so a file that
fails part-way (or is read again in another encoding) never leaves a partial count.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from .archive import STREAM_MIN_BYTES
from .csvfile import REQUIRED, Source, Table, retrying
from .dates import DateColumn, parse_iso, parse_named, parse_us
from .errors import MAX_LISTED_LINES, ExportError, Problem, err
from .messages import OwnerHints, name_key, read_messages, url_key

_NONZERO = re.compile(r"[1-9]")


def _problems(t: Table, *columns: DateColumn | None) -> list[Problem]:
    """The malformed rows of ``t`` and the unreadable dates of its date columns."""
    out = t.problems()
    out.extend(p for p in (c.problem(t.name) for c in columns if c is not None) if p)
    return out


class Reader:
    """Accumulates everything read from one archive (or from the parts of one export)."""

    def __init__(self, archive: Any) -> None:
        self.archive = archive
        self.problems: list[Problem] = []
        self.values: dict[str, Any] = {}
        self.owner = OwnerHints()
        self.dates: list[str] = []            # reference-date candidates (ISO datetimes)
        self.errors: list[ExportError] = []
        self.connection_dates: list[str] = []
        self.month: dict[str, Counter] = {"invitations": Counter(), "messages": Counter(),
                                          "shares": Counter(), "comments": Counter()}
        self.reply_stats = (0, 0, 0, 0)

    def run_file(self, kind: str, parts: list[str], fn: Callable[[list[Source]], None]) -> bool:
        """Read the parts of one logical file with ``fn`` (which merges its counts only at
        its end); True when it worked, else the problem is recorded and False returned."""
        try:
            sources = [self._source(rel) for rel in parts]
            retrying(fn, sources)
        except ExportError as e:
            self.problems.append(e.problem or Problem(e.file or "archive", (), 0, "undecodable"))
            self.errors.append(e)
            return False
        return True

    def _source(self, rel: str) -> Source:
        """A member as a :class:`Source`: read whole when small, else streamed (its first
        bytes now, the rest while it is parsed)."""
        if self.archive.size(rel) < STREAM_MIN_BYTES:
            return Source(rel, self.archive.read(rel))
        return Source.streamed(rel, lambda: self.archive.open_stream(rel), lambda: self.archive.read(rel))

    # -- Profile.csv: the owner's name (in memory only)
    def profile(self, sources: list[Source]) -> None:
        urls: Counter = Counter()
        names: Counter = Counter()
        for src in sources:
            t = Table(src, REQUIRED["profile"])
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
    def connections(self, sources: list[Source]) -> None:
        count = 0
        dates: list[str] = []
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, REQUIRED["connections"])
            i_date = t.col("connectedon")
            parse = DateColumn((parse_named, parse_iso))
            line = t.line_getter()
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
            problems.extend(_problems(t, parse))
        self.connection_dates.extend(dates)
        self.values["connections"] = count
        self.problems.extend(problems)

    # -- Invitations.csv
    def invitations(self, sources: list[Source]) -> None:
        acc = _Invitations(self.owner.name())
        for src in sources:
            acc.read(Table(src, REQUIRED["invitations"]))
        self.values["invitations_sent"], self.values["invitations_received"] = acc.sent, acc.received
        self.month["invitations"].update(acc.month)
        self.owner.urls.update(acc.urls)
        self.owner.names.update(acc.names)
        self.dates.extend(acc.dates)
        self.problems.extend(acc.problems)

    # -- Shares / Comments / Reactions: one row per item
    def _activity(self, key: str) -> Callable[[list[Source]], None]:
        def read(sources: list[Source]) -> None:
            n = 0
            month: Counter = Counter()
            dates: list[str] = []
            problems: list[Problem] = []
            for src in sources:
                t = Table(src, REQUIRED[key])
                i_date = t.col("date", "createdat", "sharedate")
                parse = DateColumn((parse_iso, parse_us, parse_named))
                line = t.line_getter()
                for row in t.rows():
                    if not any(c.strip() for c in row):
                        continue
                    n += 1
                    d = parse(row[i_date], line)
                    if d is not None:
                        dates.append(d)
                        month[d[:7]] += 1
                problems.extend(_problems(t, parse))
            self.values[key] = n
            if key in self.month:
                self.month[key].update(month)
            self.dates.extend(dates)
            self.problems.extend(problems)
        return read

    # -- Receipts: a paid product when an amount is above zero (or any row, without amounts)
    def receipts(self, sources: list[Source]) -> None:
        paid = False
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, REQUIRED["receipts"])
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
    def rich_media(self, sources: list[Source]) -> None:
        seen = False
        problems: list[Problem] = []
        for src in sources:
            t = Table(src, REQUIRED["rich_media"])
            for row in t.rows():
                if any("profile photo" in c.lower() for c in row):
                    seen = True
            problems.extend(_problems(t))
        self.values["profile_photo_seen"] = seen
        self.problems.extend(problems)

    # -- messages.csv / Messages.csv / Inbox.csv
    def messages(self, sources: list[Source]) -> None:
        """Count messages, conversations and replies (see :func:`beltlib.linkedin.read_export`)."""
        stats = read_messages(sources, self.owner)
        if stats.latest:
            self.dates.append(stats.latest)
        self.values.update(stats.values)
        self.month["messages"].update(stats.month)
        self.reply_stats = stats.reply_stats
        self.problems.extend(stats.problems)


class _Invitations:
    """Counts of Invitations.csv (all parts), merged into the :class:`Reader` at the end."""

    def __init__(self, owner_name: str | None) -> None:
        self.owner_name = owner_name
        self.sent = self.received = 0
        self.month: Counter = Counter()
        self.urls: Counter = Counter()
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
                    if direction == "OUTGOING":
                        self.month[d[:7]] += 1
        if unknown:
            self.problems.append(Problem(t.name, tuple(unknown[:MAX_LISTED_LINES]), len(unknown), "unknown_direction"))
        self.problems.extend(_problems(t, parse))

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
        if url is not None and row[url].strip():
            self.urls[url_key(row[url])] += 1
        if row[name].strip():  # type: ignore[index]
            self.names[name_key(row[name])] += 1  # type: ignore[index]
        return direction
