"""The one text catalogue: every user-facing sentence in English and French.

Keys are dotted names; values are :meth:`str.format` templates. Numbers are
formatted by :func:`number` and :func:`percent` with each language's
conventions (:data:`beltlib.locale.LOCALES`; French: decimal comma, no-break space
before ``%``, narrow no-break space as thousands separator). A template may name a
rule value (``{min_connections}``, ``{green_markers}``…: :data:`beltlib.rules.TEXT_VALUES`):
:func:`t` fills it from the rules table unless the caller gives it.
"""
from __future__ import annotations

import functools
import os
import string
from typing import Any

from . import rules
from .catalogue import cohort, history, marks
from .catalogue.en import EN
from .catalogue.fr import FR
from .catalogue.progress import PROGRESS_EN, PROGRESS_FR
from .locale import NBSP, NNBSP, localize_number, percent_text

LANGS = ("en", "fr")
__all__ = ["CATALOGUE", "LANGS", "NBSP", "NNBSP", "check_lang", "hours", "number", "percent", "rule_value_text", "t"]

#: Each language's table: the report's texts (``catalogue/en.py``, ``fr.py``), the cohort view's
#: (``catalogue/cohort.py``), progress over time's (``catalogue/progress.py``) and the export's history
#: (``catalogue/history.py``) and the plots' marks' (``catalogue/marks.py``), one catalogue.
CATALOGUE: dict[str, dict[str, str]] = {"en": {**EN, **cohort.EN, **PROGRESS_EN, **history.EN, **marks.EN},
                                        "fr": {**FR, **cohort.FR, **PROGRESS_FR, **history.FR, **marks.FR}}


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

    A placeholder that names a rule value of :func:`beltlib.rules.text_values` (e.g.
    ``{min_connections}``) and is not given is filled from the rules table, formatted with
    :func:`number` or :func:`percent` in ``lang``: ``t("marker.connections_20") == "At least 20
    connections"``. A value given explicitly wins.

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
    template = (CATALOGUE.get(lang) or CATALOGUE[check_lang(lang)])[key]  # check_lang raises for others
    names = _names(template)
    if names is None:  # nothing to fill: the text as it is (most of a report's labels and headings)
        return template
    missing = names.difference(values).intersection(rules.TEXT_VALUES)
    if missing:
        for name, entry in rules.text_values(missing).items():
            values[name] = rule_value_text(entry, lang)
    return template.format(**values)


@functools.lru_cache(maxsize=4096)
def _names(template: str) -> frozenset[str] | None:
    """The placeholder names of a :meth:`str.format` template (``{a}``, ``{a:02d}`` -> ``a``); None when the
    template has no brace at all, so that formatting would give it back unchanged."""
    if "{" not in template and "}" not in template:
        return None
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def rule_value_text(entry: dict[str, Any], lang: str = "en") -> str:
    """One entry of :func:`beltlib.rules.text_values` as a sentence shows it.

    Args:
        entry (dict[str, Any]): ``{"value": x, "format": "number" | "percent", "digits": d}``.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: ``number(x, lang, d)`` or ``percent(x, lang, d)`` (``"20"``, ``"10\u00a0%"``).

    Raises:
        ValueError: unknown ``lang`` or ``format``.
    """
    if entry["format"] == "percent":
        return percent(entry["value"], lang, entry["digits"])
    if entry["format"] == "number":
        return number(entry["value"], lang, entry["digits"])
    raise ValueError(f"format: got {entry['format']!r} (allowed: one of number, percent)")


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
    return localize_number(f"{x:,.{digits}f}", check_lang(lang))


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
    return percent_text(number(x, lang, digits), lang)


def hours(x: float, lang: str = "en") -> str:
    """Format hours per week: one decimal below 10 hours, none from 10 up (``"1.0"``, ``"1,0"``, ``"60"``),
    and more when the value has them, at most 2 (``"0.05"``, ``"10.5"``), so that an answer is never shown
    as another (0.05 h is not "0.1").

    Args:
        x (float): hours per week.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the number alone, without unit.

    Raises:
        ValueError: unknown ``lang``.
    """
    decimals = f"{x:.2f}".rstrip("0").partition(".")[2]  # the decimals the value has, at most 2
    return number(x, lang, max(1 if x < 10 else 0, len(decimals)))


def wrote_text(path: str | os.PathLike[str], lang: str = "en") -> str:
    """The line a command prints after writing a file: its path and size (``Wrote r.html (180 KB).``).

    Args:
        path (str | os.PathLike[str]): the file written.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: catalogue ``publish.wrote`` with the path and the size in kB (1,000 bytes), rounded.

    Raises:
        OSError: the file cannot be read (it was just written: a programming error).
    """
    return t("publish.wrote", lang, path=os.fspath(path), size=f"{os.path.getsize(path) / 1000:.0f}")
