"""Dates in LinkedIn exports: the formats each column is known to use, and display.

Day and month are never guessed: numeric dates are read month-first only in columns
LinkedIn writes month-first (invitations, old messages, US style ``M/D/YY, h:mm AM``);
a numeric d/m/y in Connections.csv is refused as ambiguous.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable

from ..locale import conventions, date_text
from .errors import MAX_LISTED_LINES, Problem

# --------------------------------------------------------------------------- month names
# The names shown are the locale table's (beltlib.locale.LOCALES); the English ones are also read.
MONTHS_EN = tuple(conventions("en")["months"])
MONTHS_FR = tuple(conventions("fr")["months"])

# --------------------------------------------------------------------------- dates
# Each column has a fixed list of formats (the ``formats`` given to :class:`DateColumn`);
# every cell is read on its own by those formats, so a file may mix them (an Excel
# re-save next to LinkedIn's own rows). Day and month are never guessed: numeric dates
# are read month-first only in columns LinkedIn writes month-first (invitations,
# messages, US style "M/D/YY, h:mm AM"); a numeric d/m/y in Connections.csv is refused
# as ambiguous.
_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
MON = {m.lower(): i for i, m in enumerate(MONTHS_EN, 1)}
MON.update({m: i for i, m in enumerate(_FULL_MONTHS, 1)})
MON["sept"] = 9
_ISO = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?"
                  r"\s*(?:UTC|GMT|Z|[+-]00:?00)?$")
_TIME = r"(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(?:UTC|GMT)?$"
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})" + _TIME)
_DMY_NAME = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4}|\d{2})$")
_MDY_NAME = re.compile(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})" + _TIME)


def _hour(h: str | None, ampm: str | None) -> int:
    hour = int(h or 0)
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("bad 12-hour clock")
        hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
    return hour


def _mk(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> str:
    if y < 100:
        y += 2000
    # datetime validates (raises ValueError); isoformat(" ") gives "YYYY-MM-DD HH:MM:SS",
    # zero-padded, ~5x faster than formatting each field (it runs once per distinct date)
    return _dt.datetime(y, mo, d, h, mi, s).isoformat(" ")


def parse_iso(s: str) -> str:
    """``2024-06-11 15:33:58 UTC``, ``2026-09-14 16:02:11``, ``2024-06-11``, ``2026/10/01 12:00:00 UTC``."""
    if len(s) == 23 and s[19:] == " UTC" and s[4] == "-" and s[10] == " ":   # fast path
        _dt.datetime.fromisoformat(s[:19])
        return s[:19]
    if (len(s) == 19 and s[4] == "-" and s[7] == "-" and s[10] == " " and s[13] == ":" and s[16] == ":"
            and s[0] != "0" and s[11:13] < "24"):
        # fast path of "2026-09-14 16:02:11" (Shares, Comments, Reactions): when
        # fromisoformat takes it, every other character is an ASCII digit in range, so the
        # general path below would give the same text back (years from 1000 on, hours
        # below 24, as checked above); anything else still goes the general path
        try:
            _dt.datetime.fromisoformat(s)
            return s
        except ValueError:
            pass
    m = _ISO.match(s)
    if not m:
        raise ValueError("not ISO")
    y, mo, d, h, mi, sec = m.groups()
    return _mk(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0))


def parse_us(s: str) -> str:
    """LinkedIn's month-first ``3/15/24, 9:05 AM`` / ``8/25/18, 1:05 AM`` (never day-first)."""
    m = _US.match(s)
    if not m:
        raise ValueError("not M/D/Y")
    mo, d, y, h, mi, sec, ampm = m.groups()
    return _mk(int(y), int(mo), int(d), _hour(h, ampm), int(mi or 0), int(sec or 0))


def parse_named(s: str) -> str:
    """Month given by name: ``05 Mar 2024``, ``5-Mar-24`` (Excel), ``Mar 5, 2024``, and
    messages before 2020: ``April 25, 2019, 10:44 AM``."""
    if len(s) == 11 and s[2] == " " and s[6] == " ":
        # fast path of LinkedIn's own "05 Mar 2024" (Connections.csv): what the expression
        # below would read (digits as \d reads them; a known month is ASCII letters)
        mo = MON.get(s[3:6].lower())
        if mo is not None and s[:2].isdecimal() and s[7:].isdecimal():
            return _mk(int(s[7:]), mo, int(s[:2]))
    m = _DMY_NAME.match(s)
    h = mi = sec = ampm = None
    if m:
        d, mon, y = m.groups()
    else:
        m = _MDY_NAME.match(s)
        if not m:
            raise ValueError("no month name")
        mon, d, y, h, mi, sec, ampm = m.groups()
    mo = MON.get(mon.lower().rstrip("."))
    if mo is None:
        raise ValueError("unknown month")
    return _mk(int(y), mo, int(d), _hour(h, ampm), int(mi or 0), int(sec or 0))


class DateColumn:
    """The date parser of one column of one file: each cell is read on its own by the
    column's formats (the one that read the previous cell is tried first)."""

    def __init__(self, formats: tuple[Callable[[str], str], ...], cache: bool = True) -> None:
        self.formats = formats
        self.use_cache = cache
        self.parse: Callable[[str], str] | None = None    # the format that read the last cell
        self.cache: dict[str, str | None] = {}
        self.bad = 0
        self.bad_lines: list[int] = []

    def __call__(self, raw: str, line: Callable[[], int]) -> str | None:
        """Return ``YYYY-MM-DD HH:MM:SS`` or None (empty, or unreadable: counted in ``bad``)."""
        got = self.cache.get(raw, False)
        if got is not False:
            if got is None and raw.strip():
                self._bad(line)
            return got  # type: ignore[return-value]
        s = raw.strip()
        out = self._read(s) if s else None
        if out is None and s:
            self._bad(line)
        if self.use_cache and len(self.cache) < 200_000:
            self.cache[raw] = out
        return out

    def _read(self, s: str) -> str | None:
        if self.parse is not None:
            try:
                return self.parse(s)
            except (ValueError, OverflowError):
                pass
        for f in self.formats:
            if f is self.parse:
                continue
            try:
                out = f(s)
            except (ValueError, OverflowError):
                continue
            self.parse = f
            return out
        return None

    def _bad(self, line: Callable[[], int]) -> None:
        self.bad += 1
        if len(self.bad_lines) < MAX_LISTED_LINES:
            self.bad_lines.append(line())

    def problem(self, name: str) -> Problem | None:
        """The unreadable cells of this column in file ``name`` (their lines, how many), or None."""
        if not self.bad:
            return None
        return Problem(name, tuple(self.bad_lines), self.bad, "bad_date" if self.bad == 1 else "bad_dates")


# --------------------------------------------------------------------------- display
def format_date(iso: str, lang: str = "en") -> str:
    """A date of the export in words, the language's way (:func:`beltlib.locale.date_text`).

    ``"2012-06-22"`` -> ``"22 Jun 2012"`` (en) or ``"22 juin 2012"`` (fr); ``"2026-11-05"`` ->
    ``"05 Nov 2026"`` (en) or ``"5 nov. 2026"`` (fr).

    Args:
        iso (str): ``YYYY-MM-DD``, possibly followed by a time (ignored).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the date.

    Raises:
        ValueError: unknown ``lang`` or not a date. IndexError: month outside 1–12.
    """
    return date_text(int(iso[:4]), int(iso[5:7]), int(iso[8:10]), lang)


