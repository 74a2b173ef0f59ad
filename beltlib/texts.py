"""The one text catalogue: every user-facing sentence in English and French.

Keys are dotted names; values are :meth:`str.format` templates. Numbers are
formatted by :func:`number` and :func:`percent` with each language's
conventions (French: decimal comma, no-break space before ``%``, narrow no-break
space as thousands separator).
"""
from __future__ import annotations

from typing import Any

from .catalogue.en import EN
from .catalogue.fr import FR

LANGS = ("en", "fr")
NBSP = "\u00a0"
NNBSP = "\u202f"

CATALOGUE: dict[str, dict[str, str]] = {"en": EN, "fr": FR}


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported.

    Args:
        lang (str): a language code.

    Returns:
        str: ``lang`` unchanged (one of :data:`LANGS`).

    Raises:
        ValueError: naming the field ``lang`` and the allowed values.
    """
    if lang not in LANGS:
        raise ValueError(f"lang: got {lang!r} (allowed: one of {', '.join(LANGS)})")
    return lang


def t(key: str, lang: str = "en", **values: Any) -> str:
    """Look up a catalogue text and fill its ``{placeholders}``.

    Args:
        key (str): dotted key, e.g. ``"belt.green"``.
        lang (str): ``"en"`` or ``"fr"``.
        **values (Any): values for the template's placeholders.

    Returns:
        str: the text.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown key or a placeholder without a value (a programming error).
    """
    return CATALOGUE[check_lang(lang)][key].format(**values)


def number(x: float, lang: str = "en", digits: int = 0) -> str:
    """Format a number with the language's conventions.

    ``number(1234.5, "en", 1) == "1,234.5"``; ``number(1234.5, "fr", 1) == "1 234,5"``
    (narrow no-break space as thousands separator).

    Args:
        x (float): the number.
        lang (str): ``"en"`` or ``"fr"``.
        digits (int): decimals to show, default 0.

    Returns:
        str: the formatted number.

    Raises:
        ValueError: unknown ``lang`` or negative ``digits``.
    """
    text = f"{x:,.{digits}f}"
    if check_lang(lang) == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def percent(x: float, lang: str = "en", digits: int = 0) -> str:
    """Format a percentage (x in percent): ``"10%"`` in English, ``"10 %"`` (no-break space) in French.

    Args:
        x (float): the value, percent (0–100).
        lang (str): ``"en"`` or ``"fr"``.
        digits (int): decimals to show, default 0.

    Returns:
        str: the formatted percentage.

    Raises:
        ValueError: unknown ``lang`` or negative ``digits``.
    """
    return number(x, lang, digits) + (NBSP + "%" if lang == "fr" else "%")


def hours(x: float, lang: str = "en") -> str:
    """Format hours per week: one decimal below 10 hours, none from 10 up (``"1.0"``, ``"1,0"``, ``"60"``).

    Args:
        x (float): hours per week.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the number alone, without unit.

    Raises:
        ValueError: unknown ``lang``.
    """
    return number(x, lang, 1 if x < 10 else 0)
