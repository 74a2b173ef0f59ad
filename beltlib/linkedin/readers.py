"""Per-file readers of a LinkedIn export: one method per logical file, all into one :class:`Reader`.

Each reader merges its counts into the :class:`Reader` only at its end, so a file that
fails part-way (or is read again in another encoding) never leaves a partial count.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from .archive import Archive
from .csvfile import REQUIRED, Source, Table, retrying
from .dates import DateColumn, parse_iso, parse_named, parse_us
from .errors import ExportError, err
from .messages import OwnerHints, name_key, read_messages, url_key

_NONZERO = re.compile(r"[1-9]")


class Reader:
    """Accumulates everything read from one archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.problems: list[str] = []
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
            sources = [Source(rel, self.archive.read(rel)) for rel in parts]
            retrying(fn, sources)
        except ExportError as e:
            self.problems.append(str(e))
            self.errors.append(e)
            return False
        return True

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
        problems = []
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
            problems.append(parse.problem(t.name))
        self.connection_dates.extend(dates)
        self.values["connections"] = count
        self.problems.extend(p for p in problems if p)

    # -- Invitations.csv
    def invitations(self, sources: list[Source]) -> None:
        sent = received = 0
        month: Counter = Counter()
        urls: Counter = Counter()
        names: Counter = Counter()
        dates: list[str] = []
        problems = []
        owner_name = self.owner.name()
        for src in sources:
            t = Table(src, REQUIRED["invitations"])
            i_dir, i_date = t.col("direction"), t.col("sentat", "date")
            i_from, i_to = t.col("from"), t.col("to")
            i_inviter, i_invitee = t.col("inviterprofileurl"), t.col("inviteeprofileurl")
            parse = DateColumn((parse_us, parse_iso))
            line = t.line_getter()
            if i_dir is None and owner_name is None:
                raise err(t.name, 1, "no 'Direction' column and no owner name to tell sent from received")
            unknown = 0
            first_unknown = None
            for row in t.rows():
                if i_dir is not None:
                    direction = row[i_dir].strip().upper()
                else:
                    direction = ("OUTGOING" if name_key(row[i_from]) == owner_name else
                                 "INCOMING" if name_key(row[i_to]) == owner_name else "")
                if direction == "OUTGOING":
                    sent += 1
                    if i_inviter is not None and row[i_inviter].strip():
                        urls[url_key(row[i_inviter])] += 1
                    if row[i_from].strip():
                        names[name_key(row[i_from])] += 1
                elif direction == "INCOMING":
                    received += 1
                    if i_invitee is not None and row[i_invitee].strip():
                        urls[url_key(row[i_invitee])] += 1
                    if row[i_to].strip():
                        names[name_key(row[i_to])] += 1
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
                problems.append(str(err(t.name, first_unknown,
                                         f"{unknown} row(s) with an unknown direction, not counted")))
            problems.append(parse.problem(t.name))
        self.values["invitations_sent"], self.values["invitations_received"] = sent, received
        self.month["invitations"].update(month)
        self.owner.urls.update(urls)
        self.owner.names.update(names)
        self.dates.extend(dates)
        self.problems.extend(p for p in problems if p)

    # -- Shares / Comments / Reactions: one row per item
    def _activity(self, key: str) -> Callable[[list[Source]], None]:
        def read(sources: list[Source]) -> None:
            n = 0
            month: Counter = Counter()
            dates: list[str] = []
            problems = []
            for src in sources:
                t = Table(src, REQUIRED[key])
                i_date = t.col("date", "createdat", "sharedate")
                parse = DateColumn((parse_iso, parse_us))
                line = t.line_getter()
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
    def receipts(self, sources: list[Source]) -> None:
        paid = False
        for src in sources:
            t = Table(src, REQUIRED["receipts"])
            amount_cols = [i for n, i in t.columns.items()
                           if any(w in n for w in ("amount", "total", "price", "charged"))]
            for row in t.rows():
                if not any(c.strip() for c in row):
                    continue
                if not amount_cols or any(_NONZERO.search(row[i]) for i in amount_cols):
                    paid = True
        self.values["paid_subscription"] = paid

    # -- Rich_Media: a "profile photo" upload row is a sign of a photo
    def rich_media(self, sources: list[Source]) -> None:
        seen = False
        for src in sources:
            t = Table(src, REQUIRED["rich_media"])
            for row in t.rows():
                if any("profile photo" in c.lower() for c in row):
                    seen = True
        self.values["profile_photo_seen"] = seen

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
