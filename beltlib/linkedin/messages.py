"""Messages of a LinkedIn export: who the owner is, conversations, replies and their delays.

Reads messages.csv (old names Messages.csv, Inbox.csv). The owner's identity (profile
URL, name) is kept in memory only and never returned; the result is counts, dates and
reply statistics. See :func:`beltlib.linkedin.read_export` for the rules.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from operator import itemgetter
from typing import Any, NamedTuple

from .csvfile import TRUE, Source, Table, fix_mojibake
from .dates import DateColumn, parse_iso, parse_named, parse_us
from .errors import Problem
from .mapping import REPLY_SAME_DAY_HOURS, REPLY_WITHIN_WEEK_HOURS


# --------------------------------------------------------------------------- owner
def url_key(url: str) -> str:
    """``https://www.linkedin.com/in/x-000001/?a=b`` -> ``u:linkedin.com/in/x-000001``."""
    u = url.strip().lower()
    scheme = u.find("://")
    if 0 < scheme < 10:
        u = u[scheme + 3:]
    if u.startswith("www."):
        u = u[4:]
    u = u.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return "u:" + u


def name_key(name: str) -> str:
    """A person's name as a comparison key: ``"  Ann  LEE"`` -> ``"n:ann lee"``."""
    return "n:" + " ".join(fix_mojibake(name).casefold().split())


@dataclasses.dataclass
class OwnerHints:
    """What identifies the archive's owner (kept in memory only, never returned)."""

    urls: Counter = dataclasses.field(default_factory=Counter)
    names: Counter = dataclasses.field(default_factory=Counter)

    def url(self) -> str | None:
        """The most frequent owner URL key, or None."""
        return self.urls.most_common(1)[0][0] if self.urls else None

    def name(self) -> str | None:
        """The most frequent owner name key, or None."""
        return self.names.most_common(1)[0][0] if self.names else None


# --------------------------------------------------------------------------- one pass
class _Columns:
    """Where each column of one message file is (None when absent)."""

    def __init__(self, t: Table, hint_url: str | None, hint_name: str | None) -> None:
        self.conv = t.col("conversationid")
        self.sender, self.to = t.col("from", "sender", "sendername"), t.col("to", "recipients")
        self.url, self.rurls = t.col("senderprofileurl", "senderurl"), t.col("recipientprofileurls")
        self.date = t.col("date", "sentat", "datetime")
        self.folder, self.content = t.col("folder"), t.col("content", "body", "message")
        self.draft = t.col("ismessagedraft", "isdraft", "draft")
        self.direction = t.col("direction")
        self.sponsored = t.col("issponsored", "sponsored")
        # where to look for the owner among recipients (checks that the hints fit)
        self.check: int | None = None
        self.needle = ""
        if hint_url and self.rurls is not None:
            self.check, self.needle = self.rurls, hint_url[2:]
        elif hint_name and self.to is not None:
            self.check, self.needle = self.to, hint_name[2:]


class _MessagePass:
    """One pass over the message files (the hot loop: keep per-row work small)."""

    def __init__(self, hint_url: str | None, hint_name: str | None, fallback: bool, header: tuple[str, ...]) -> None:
        self.hint_url, self.hint_name, self.fallback = hint_url, hint_name, fallback
        self.header = header
        self.convs: defaultdict[str, list] = defaultdict(list)
        self.undated: list[tuple[str, str]] = []
        self.url_cache: dict[str, str] = {}
        self.name_cache: dict[str, tuple[str, bool]] = {}
        self.url_names: dict[str, str] = {}
        self.folder_cache: dict[str, int] = {}
        self.participation: dict[str, set] = {}
        self.owner_seen = self.direction_seen = False
        self.problems: list[Problem] = []

    def run(self, sources: list[Source]) -> tuple | None:
        """Read every file.

        Returns:
            ``(convs, owner_keys, undated, problems)``, or None when owner hints were given
            but the owner appears nowhere in the messages (the caller then re-runs with
            ``fallback``).
        """
        for src in sources:
            t = Table(src, self.header)
            parse = DateColumn((parse_iso, parse_us, parse_named), cache=False)
            self._read_file(t, _Columns(t, self.hint_url, self.hint_name), parse)
            self.problems.extend(t.problems())
            self.problems.extend(p for p in (parse.problem(t.name),) if p)
        return self._finish()

    def _read_file(self, t: Table, c: _Columns, parse: DateColumn) -> None:
        # The hot loop (150,000 rows in bench/bench_export.py): what depends only on the
        # file's columns is looked up once here, what repeats (folders, senders,
        # conversations) is cached, and the common row (a sender URL already met, no
        # direction column) needs no method call.
        line = t.line_getter()
        check = c.check is not None
        from_iso = _dt.datetime.fromisoformat
        undated, fallback = self.undated, self.fallback
        folder_cache, url_cache = self.folder_cache, self.url_cache
        i_name, i_conv, i_date, i_folder, i_draft = c.sender, c.conv, c.date, c.folder, c.draft
        i_content, i_sponsored = c.content, c.sponsored
        # the URL alone tells the sender (see _sender); url_cache has no "" key
        i_url = c.url if c.direction is None else None
        # a message of one of these keys is surely the owner's: its flag 1/0 (not a person
        # or a person) is never used, since only others' messages are waited for
        owner_keys = ("owner", self.hint_url)
        last_conv, items = None, []   # a file lists a conversation's messages together
        last_folder, fk = None, 0     # fk: 0 when there is no folder column
        iso = parse.parse is parse_iso
        for row in t.rows():
            name = row[i_name]
            if not name and not any(row):
                continue                       # a row of only commas
            if i_draft is not None and row[i_draft].strip().lower() in TRUE:
                continue
            if i_folder is not None:
                folder = row[i_folder]
                if folder != last_folder:     # a conversation's rows share their folder
                    fk = folder_cache.get(folder, -1)
                    if fk < 0:
                        fk = self._folder_kind(folder)
                    last_folder = folder
                if fk == 3:
                    continue
            key = url_cache.get(row[i_url]) if i_url is not None else None
            if key is None:      # no URL, a direction column, or a URL not met yet
                key, flag = self._sender(row, c, name, fk)
            elif fk:
                flag = 2
            elif key in owner_keys:
                flag = 0
            elif i_content is not None and "%" in row[i_content] and "%FIRSTNAME%" in row[i_content]:
                flag = 1         # _not_person's first test, here for speed
            else:
                flag = self._not_person(row, c) if i_sponsored is not None else 0
            conv = row[i_conv] if i_conv is not None else ""
            if not conv:        # old exports without conversation ids: the pair of parties
                other = row[c.to] if c.to is not None else ""
                conv = "\x00".join(sorted((name_key(name), name_key(other))))
            if check and c.needle in row[c.check].casefold():  # type: ignore[index]
                self.owner_seen, check = True, False
            if fallback:
                self._participates(row, c, key, conv)
            raw = row[i_date] if i_date is not None else ""
            stamp = raw[:19]
            d: str | None
            if iso and raw == stamp + " UTC":      # fast path of the ISO parser (cheaper than raw[19:])
                d = stamp
                try:
                    from_iso(stamp)
                except ValueError:
                    d = parse(raw, line)
                    iso = parse.parse is parse_iso
            else:
                d = parse(raw, line) if raw else None
                iso = parse.parse is parse_iso      # the format that read the last cell
            if d is None:
                undated.append((conv, key))
                continue
            if conv != last_conv:       # comparing is cheaper than hashing a new string
                items, last_conv = self.convs[conv], conv
            items.append((d, key, flag))

    def _folder_kind(self, raw: str) -> int:
        """3 draft (excluded), 2 spam (left out of replies), 0 other (cached by raw value)."""
        f = raw.strip().upper()
        fk = self.folder_cache[raw] = 3 if f in ("DRAFT", "DRAFTS") else 2 if f == "SPAM" else 0
        return fk

    def _sender(self, row: list[str], c: _Columns, name: str, fk: int) -> tuple[str, int]:
        """The sender's key and the row's flag: 2 spam folder (left out of replies); 1 not a
        person (sponsored, "LinkedIn Member"); 0 a person."""
        url = row[c.url] if c.url is not None else ""
        member = False
        if c.direction is not None and row[c.direction].strip().upper() in ("OUTGOING", "SENT"):
            key = "owner"
            self.direction_seen = True
        elif url:
            key = self.url_cache.get(url)  # type: ignore[assignment]
            if key is None:
                key = self.url_cache[url] = url_key(url)
                self.url_names.setdefault(key, name)      # raw; normalised only if needed
        else:
            got = self.name_cache.get(name)
            if got is None:
                got = self.name_cache[name] = (name_key(name), name.strip() == "LinkedIn Member")
            key, member = got
        if fk:
            return key, 2
        if member or (c.url is not None and not url):
            return key, 1
        return key, self._not_person(row, c)

    @staticmethod
    def _not_person(row: list[str], c: _Columns) -> int:
        """1 when the message is not from a person (a ``%FIRSTNAME%`` template, a sponsored
        flag), else 0."""
        if c.content is not None:
            content = row[c.content]
            # "%" first: one fast character scan rules out nearly every message
            if "%" in content and "%FIRSTNAME%" in content:
                return 1
        if c.sponsored is not None and row[c.sponsored].strip().lower() in TRUE:
            return 1
        return 0

    def _participates(self, row: list[str], c: _Columns, key: str, conv: str) -> None:
        self.participation.setdefault(key, set()).add(conv)
        if c.rurls is not None and row[c.rurls]:
            for u in row[c.rurls].split(","):
                if u.strip():
                    self.participation.setdefault(url_key(u), set()).add(conv)

    def _finish(self) -> tuple | None:
        """Who is the owner (see read_export's docstring); None when the hints match nobody."""
        owner_keys: set[str] = {"owner"}
        if self.fallback:
            if self.participation:
                best = max(self.participation.items(),
                           key=lambda kv: (len(kv[1]), kv[0].startswith("u:"), kv[0]))[0]
                owner_keys.add(best)
                if best in self.url_names:
                    owner_keys.add(name_key(self.url_names[best]))
        else:
            if self.hint_url:
                owner_keys.add(self.hint_url)
            if self.hint_name:
                owner_keys.add(self.hint_name)
                if not self.hint_url:      # a name only: senders with a URL and that name
                    owner_keys.update(k for k, n in self.url_names.items() if name_key(n) == self.hint_name)
            sent = self.direction_seen or any(k in owner_keys for k in self.url_cache.values()) or any(
                k in owner_keys for k, _ in self.name_cache.values())
            if (self.convs or self.undated) and not sent and not self.owner_seen:
                return None
        for conv, _key in self.undated:
            self.convs.setdefault(conv, [])
        return self.convs, owner_keys, self.undated, self.problems


# --------------------------------------------------------------------------- statistics
@dataclasses.dataclass
class MessageStats:
    """What the messages tell (counts only)."""

    values: dict[str, Any]
    reply_stats: tuple[int, int, int, int]     # replies, within a day, within a week, unanswered turns
    latest: str                                # latest message date (ISO datetime), or ""
    month: Counter                             # messages sent per "YYYY-MM"
    problems: list[Problem]
    replies_month: Counter = dataclasses.field(default_factory=Counter)     # replies per "YYYY-MM" (the reply's)
    within_day_month: Counter = dataclasses.field(default_factory=Counter)  # of which within a day
    earliest: str = ""                         # earliest message date (ISO datetime), or ""


def read_messages(sources: list[Source], owner: OwnerHints, header: tuple[str, ...]) -> MessageStats:
    """Count messages, conversations and replies (see :func:`beltlib.linkedin.read_export`).

    Args:
        sources: the message files (parts in order).
        owner: hints of who the owner is (from Profile.csv and Invitations.csv).
        header: the normalised column names that locate the header row (the kind's ``header``).

    Returns:
        MessageStats: counts, reply statistics, monthly counts and problems.

    Raises:
        ExportError: a file cannot be read (naming the file and line).
    """
    hint_url, hint_name = owner.url(), owner.name()
    result = None
    if hint_url or hint_name:
        result = _MessagePass(hint_url, hint_name, False, header).run(sources)
    if result is None:        # no hint, or the hints match nobody: find the owner in the messages
        result = _MessagePass(None, None, True, header).run(sources)
    return _stats(*result)


def _stats(convs: dict[str, list], owner_keys: set[str], undated: list[tuple[str, str]],
           problems: list[Problem]) -> MessageStats:
    walk = _replies(convs.values(), owner_keys)
    month = walk.per_month[0]
    sent = sum(month.values())      # every dated message of the owner is counted in its month
    received = sum(map(len, convs.values())) - sent
    for _, key in undated:
        if key in owner_keys:
            sent += 1
        else:
            received += 1
    replies = walk.replies
    values = dict(messages_sent=sent, messages_received=received, conversations=len(convs),
                  conversations_started=walk.started,
                  replies_same_day_share=(replies[1] / replies[0]) if replies[0] else None)
    return MessageStats(values, replies, walk.latest, month, problems,
                        walk.per_month[1], walk.per_month[2], walk.earliest)


_DAY = _dt.timedelta(hours=REPLY_SAME_DAY_HOURS)
_WEEK = _dt.timedelta(hours=REPLY_WITHIN_WEEK_HOURS)
_MONTH = itemgetter(slice(0, 7))       # "YYYY-MM-DD HH:MM:SS" -> "YYYY-MM"


class _Walk(NamedTuple):
    """What :func:`_replies` finds over all conversations."""

    started: int                               # conversations whose first message is the owner's
    latest: str                                # latest message date (ISO datetime), or ""
    earliest: str                              # earliest message date (ISO datetime), or ""
    replies: tuple[int, int, int, int]         # replies, within a day, within a week, unanswered turns
    per_month: tuple[Counter, Counter, Counter]  # messages sent, replies, replies within a day


def _replies(conversations: Iterable[list], owner_keys: set[str]) -> _Walk:
    """Walk each conversation in time order (sorting its list in place).

    A message of the owner that follows messages of others (flag 0: persons) is a reply,
    timed from the latest of them; the owner's messages in the spam folder (flag 2) are
    no reply and leave the wait open, others' messages of flag 1 or 2 are not waited for.
    Monthly counts go by the month of the owner's message. One loop over every
    conversation (not one call each): this runs once per message.
    """
    parse_ts = _dt.datetime.fromisoformat
    first = itemgetter(0)
    # the owner's messages, replies and replies within a day, as timestamps: counted by
    # month at the end, in C (Counter over a map), cheaper than a Counter step each
    sent_ts: list[str] = []
    reply_ts: list[str] = []
    day_ts: list[str] = []
    started = within_week = unanswered = 0
    latest, earliest = "", "\uffff"
    for items in conversations:
        if not items:
            continue
        items.reverse()                     # files list newest first: keep ties in order
        items.sort(key=first)
        if items[0][1] in owner_keys:
            started += 1
        if items[-1][0] > latest:
            latest = items[-1][0]
        if items[0][0] < earliest:
            earliest = items[0][0]
        pending = None
        for ts, key, flag in items:
            if key in owner_keys:
                sent_ts.append(ts)
                if pending is not None and flag != 2:
                    reply_ts.append(ts)
                    delay = parse_ts(ts) - parse_ts(pending)
                    if delay <= _DAY:
                        day_ts.append(ts)
                    if delay <= _WEEK:
                        within_week += 1
                    pending = None
            elif flag == 0:
                pending = ts
        if pending is not None:
            unanswered += 1
    month, reply_month, day_month = (Counter(map(_MONTH, t)) for t in (sent_ts, reply_ts, day_ts))
    return _Walk(started, latest, earliest if latest else "",
                 (len(reply_ts), len(day_ts), within_week, unanswered), (month, reply_month, day_month))
