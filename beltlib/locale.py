"""Locale conventions: one table per language, read by every function that writes or reads numbers and dates.

:data:`LOCALES` holds, per language, how numbers, percentages, dates and punctuation are written,
and how typed numbers are read. :mod:`beltlib.texts` (``number``, ``percent``),
:mod:`beltlib.numbers` (``parse_number``, ``format_number``), :mod:`beltlib.sentences`
(``value_text``) and :mod:`beltlib.linkedin.dates` (``format_date``) read it here; the interactive
page's engine (``beltlib/publish/engine.js``) and the live app's script (``beltlib/app/app.js``)
read the same table, shipped as JSON (key ``"locale"``). No code elsewhere branches on the language.

Sources: French typography as the catalogue applies it (Imprimerie nationale's *Lexique des règles
typographiques*): a narrow no-break space (U+202F) between thousands and before ``; ? !``, a no-break
space (U+00A0) before ``:`` and ``%``, a decimal comma, abbreviated month names (``janv.``); English
as Python's ``f"{x:,}"`` writes numbers and LinkedIn's exports write dates (``05 Nov 2026``).
Standard library only.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

NBSP = "\u00a0"
NNBSP = "\u202f"
#: Spaces a person may type between thousands: plain, no-break and narrow no-break.
_SPACES = " " + NBSP + NNBSP

#: One table of conventions per language (JSON-serialisable; keys as in the page's JSON):
#:
#: - ``decimal_mark``, ``thousands_sep``: how numbers are written (``1,234.5`` / ``1 234,5``).
#: - ``percent``: the pattern of a percentage, ``{number}`` being the formatted number.
#: - ``space_before``: what goes before ``:``, ``;``, ``?`` and ``!`` in generated text.
#: - ``months``: abbreviated month names, January first; ``date``: a :meth:`str.format` pattern with
#:   ``day`` (int), ``month`` (a name of ``months``) and ``year`` (int).
#: - ``read_decimal_marks``, ``read_thousands_seps``: the marks read as a decimal mark, and the
#:   separators read between groups of three digits, in a typed number.
#: - ``read_ambiguous_marks``: a decimal mark also read between thousands by some people: 1 to 3
#:   digits (not starting with 0), that mark and 3 digits is refused (French ``1.500``: 1.5 or 1 500?).
LOCALES: dict[str, dict[str, Any]] = {
    "en": {
        "decimal_mark": ".", "thousands_sep": ",", "percent": "{number}%",
        "space_before": {":": "", ";": "", "?": "", "!": ""},
        "months": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        "date": "{day:02d} {month} {year}",
        "month_names": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                        "October", "November", "December"],
        "long_date": "{day} {month} {year}", "first_day": "1",
        "read_decimal_marks": ".", "read_thousands_seps": "," + _SPACES, "read_ambiguous_marks": "",
    },
    "fr": {
        "decimal_mark": ",", "thousands_sep": NNBSP, "percent": "{number}" + NBSP + "%",
        "space_before": {":": NBSP, ";": NNBSP, "?": NNBSP, "!": NNBSP},
        "months": ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                   "déc."],
        "date": "{day} {month} {year}",
        "month_names": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                        "octobre", "novembre", "décembre"],
        "long_date": "{day} {month} {year}", "first_day": "1er",
        "read_decimal_marks": ",.", "read_thousands_seps": _SPACES, "read_ambiguous_marks": ".",
    },
}


def conventions(lang: str) -> Mapping[str, Any]:
    """The conventions of one language (a row of :data:`LOCALES`).

    Args:
        lang (str): a language code.

    Returns:
        Mapping[str, Any]: the language's table (not a copy: do not change it).

    Raises:
        ValueError: naming the field ``lang`` and the allowed values, e.g.
            ``lang: got 'de' (allowed: one of en, fr)``.
    """
    if lang not in LOCALES:
        raise ValueError(f"lang: got {lang!r} (allowed: one of {', '.join(LOCALES)})")
    return LOCALES[lang]


def localize_number(text: str, lang: str) -> str:
    """Rewrite a number written Python's way (``,`` between thousands, ``.`` before the decimals).

    ``localize_number("1,234.5", "fr") == "1\u202f234,5"``; English is unchanged.

    Args:
        text (str): e.g. ``f"{x:,.1f}"``.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        str: the same number with the language's thousands separator and decimal mark.

    Raises:
        ValueError: unknown ``lang``.
    """
    c = conventions(lang)
    return text.translate(_number_table(c["thousands_sep"], c["decimal_mark"]))


@functools.lru_cache(maxsize=16)
def _number_table(thousands_sep: str, decimal_mark: str) -> dict[int, str]:
    """The :meth:`str.translate` table of :func:`localize_number` (made once per pair of marks)."""
    return {ord(","): thousands_sep, ord("."): decimal_mark}


def percent_text(number_text: str, lang: str) -> str:
    """A formatted number as a percentage: ``"10%"`` (English), ``"10\u00a0%"`` (French, no-break space).

    Args:
        number_text (str): the number, already formatted in the language.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        str: the percentage.

    Raises:
        ValueError: unknown ``lang``.
    """
    return str(conventions(lang)["percent"]).replace("{number}", number_text)


def punctuation(mark: str, lang: str) -> str:
    """A punctuation mark with the space the language puts before it: ``punctuation(":", "fr") == "\u00a0:"``.

    Args:
        mark (str): one of ``:``, ``;``, ``?``, ``!``.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        str: the space (possibly none) and the mark.

    Raises:
        ValueError: unknown ``lang``, or ``mark`` not one of ``: ; ? !``.
    """
    spaces = conventions(lang)["space_before"]
    if mark not in spaces:
        raise ValueError(f"mark: got {mark!r} (allowed: one of {' '.join(spaces)})")
    return str(spaces[mark]) + mark


def date_text(year: int, month: int, day: int, lang: str) -> str:
    """A calendar date in words: ``date_text(2026, 11, 5, "en") == "05 Nov 2026"``, ``"5 nov. 2026"`` in French.

    Args:
        year (int): the year.
        month (int): the month, 1–12.
        day (int): the day of the month, 1–31.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        str: the date, with the language's month abbreviation.

    Raises:
        ValueError: unknown ``lang``. IndexError: ``month`` outside 1–12.
    """
    c = conventions(lang)
    return str(c["date"]).format(day=day, month=_month(c, "months", month), year=year)


def long_date_text(year: int, month: int, day: int, lang: str) -> str:
    """A date as a person reads it, month in words: ``"2 January 2026"``, ``"2 janvier 2026"``, ``"1er mai 2026"``.

    Args:
        year (int): the year.
        month (int): the month, 1–12.
        day (int): the day of the month, 1–31.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        str: the date (French writes the first of the month ``1er``).

    Raises:
        ValueError: unknown ``lang``. IndexError: ``month`` outside 1–12.
    """
    c = conventions(lang)
    shown = str(c["first_day"]) if day == 1 else str(day)
    return str(c["long_date"]).format(day=shown, month=_month(c, "month_names", month), year=year)


def _month(c: Mapping[str, Any], names: str, month: int) -> str:
    """Month ``month`` (1–12) from the conventions' list ``names``; IndexError naming the field otherwise."""
    if not 1 <= month <= 12:
        raise IndexError(f"month: got {month} (allowed: 1 to 12)")
    return str(c[names][month - 1])


def number_pattern(lang: str) -> re.Pattern[str]:
    """The pattern of a typed number in one language (read by :func:`beltlib.numbers.parse_number`).

    Groups: 1 the sign (``"-"`` or ``""``), 2 the whole part (thousands grouped by one of
    ``read_thousands_seps`` between groups of three digits, or not grouped; may be empty),
    3 the decimals after one of ``read_decimal_marks`` (None when there is no mark). The page's
    ``parseNumber`` builds the same pattern from the same table.

    Args:
        lang (str): a language of :data:`LOCALES`.

    Returns:
        re.Pattern[str]: to use with ``fullmatch``.

    Raises:
        ValueError: unknown ``lang``.
    """
    c = conventions(lang)
    seps, marks = re.escape(c["read_thousands_seps"]), re.escape(c["read_decimal_marks"])
    return re.compile(rf"(-?)([0-9]{{1,3}}(?:[{seps}][0-9]{{3}})+|[0-9]*)(?:[{marks}]([0-9]+))?")


def is_ambiguous(text: str, lang: str) -> bool:
    """Whether a typed number could be read two ways in the language (French ``"1.500"``: 1.5 or 1 500?).

    Args:
        text (str): the typed text, trimmed, with U+2212 already turned into ``-``.
        lang (str): a language of :data:`LOCALES`.

    Returns:
        bool: True for an optional minus, 1 to 3 digits not starting with 0, one of
        ``read_ambiguous_marks`` and exactly 3 digits; always False when the language has none.

    Raises:
        ValueError: unknown ``lang``.
    """
    marks = conventions(lang)["read_ambiguous_marks"]
    return bool(marks) and re.fullmatch(rf"-?[1-9][0-9]{{0,2}}[{re.escape(marks)}][0-9]{{3}}", text) is not None
