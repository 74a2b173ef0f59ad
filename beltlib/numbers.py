"""Typed numbers: read a count or hours as a person types them, and show them back.

One rule set per language, shared by the live notebook (:mod:`beltlib.app`) and the
interactive page's script (``parseNumber`` in ``beltlib/publish/engine.js``;
``tests/test_numbers_parity.py`` checks that they agree). Standard library only.
"""
from __future__ import annotations

import json
import math
import re
from decimal import Decimal

from .answers import FIELDS, allowed_text
from .locale import conventions, is_ambiguous, number_pattern
from .texts import check_lang, number, t

# ONE rule set, shared with the interactive page's script (``parseNumber`` in
# beltlib/publish/engine.js; tests/test_numbers_parity.py checks that they agree): the decimal marks,
# thousands separators and ambiguous marks of each language are in beltlib.locale.LOCALES
# (``read_*``), read by locale.number_pattern and locale.is_ambiguous.
#: What is trimmed around the text: exactly what JavaScript's ``String.prototype.trim`` removes
#: (``str.strip()`` would also remove U+001C-U+001F and U+0085, and keep U+FEFF).
_TRIM = "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
#: The largest count read (2**53 - 1, the largest whole number a browser holds exactly).
_MAX_COUNT = 2 ** 53 - 1


class NumberError(ValueError):
    """Typed text that is not a number (or not a whole number for a count).

    ``str(error)`` names the field, the text and what the field allows
    (:func:`beltlib.answers.allowed_text`). Attributes: ``field``, ``text``.
    """

    def __init__(self, field: str, text: str):
        self.field, self.text = field, text
        super().__init__(f"{field}: got {json.dumps(text, ensure_ascii=False)} (allowed: {allowed_text(field)})")


def parse_number(text: str, field: str, lang: str = "en") -> int | float:
    """Read a count or a number as a person types it, with the language's conventions.

    The same rules as the interactive page's ``parseNumber`` (beltlib/publish/engine.js), both read
    from :data:`beltlib.locale.LOCALES` (``read_decimal_marks``, ``read_thousands_seps``,
    ``read_ambiguous_marks``):

    - English: decimal point; thousands separated by "," or a space (``"1,500.5"``,
      ``"1 500"``). French: decimal comma (``"1,5"``) or point (``"2.5"``); thousands
      separated by a space (``"1 500,5"``). Spaces may be plain, no-break or narrow
      no-break. A separator stands between groups of three digits, so English ``"1,5"``
      is refused, not read as 15.
    - French ``"1.500"`` (1 to 3 digits, not starting with 0, a point, 3 digits) is
      refused: 1.5 or 1 500?
    - A decimal mark needs digits after it (``"5."`` is refused, ``".5"`` is 0.5).
    - A leading minus (``-`` or U+2212) is read (``"-7"`` gives -7: the range is checked by
      :func:`beltlib.answers.validate`, not here); ``"+3"`` is refused.
    - No exponent (``"1e3"``), ``inf``, ``nan``, other digits than 0-9, or a number too
      large for a float. Counts (kind ``int`` in :data:`beltlib.answers.FIELDS`) must be
      whole (``"150.0"`` gives 150, ``"2.5"`` is refused) and at most 2**53 - 1.

    Args:
        text: what the person typed (spaces around it are ignored, as JavaScript's trim does).
        field: a field of kind ``int`` (``connections``, ``groups``) or ``number``
            (``hours_per_week``).
        lang: ``"en"`` or ``"fr"``.

    Returns:
        int for an ``int`` field, float for a ``number`` field (not range-checked; -0 gives 0).

    Raises:
        NumberError: empty, not a number, or not whole for a count.
        ValueError: ``field`` is not numeric, or unknown ``lang`` (programming errors).
    """
    kind = FIELDS[field]["kind"]
    if kind not in ("int", "number"):
        raise ValueError(f"field: {field!r} is not a count or a number")
    lang = check_lang(lang)
    body = str(text).strip(_TRIM).replace("\u2212", "-")
    m = None if is_ambiguous(body, lang) else number_pattern(lang).fullmatch(body)
    if not m or not (m[2] or m[3] is not None):
        raise NumberError(field, text)
    sign, whole, frac = m[1], re.sub(r"[^0-9]", "", m[2]) or "0", m[3]
    if kind == "int":
        if (frac or "").strip("0") or len(whole.lstrip("0")) > len(str(_MAX_COUNT)) or int(whole) > _MAX_COUNT:
            raise NumberError(field, text)
        return int(sign + whole) + 0
    value = float(sign + whole + ("." + frac if frac is not None else ""))
    if not math.isfinite(value):
        raise NumberError(field, text)
    return value + 0.0  # -0.0 -> 0.0, as the page does


def format_number(value: int | float, lang: str = "en") -> str:
    """A count or number as a person would type it back (:func:`parse_number` reads it
    to the same value): no thousands separator, no exponent, no trailing ``.0``; a decimal
    comma in French (``format_number(2.5, "fr") == "2,5"``, ``format_number(1.0) == "1"``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", conventions(check_lang(lang))["decimal_mark"])


def allowed_range_text(field: str, lang: str = "en") -> str:
    """What a count or number field accepts, in the person's language, from
    :data:`beltlib.answers.FIELDS` (``"Enter a whole number from 0 to 30,000."``)."""
    spec = FIELDS[field]

    def show(x: float) -> str:
        return number(x, lang, 0 if float(x).is_integer() else 2)
    if spec["max"] is None:
        return t(f"ui.need_{spec['kind']}_min", lang, min=show(spec["min"]))
    return t(f"ui.need_{spec['kind']}_range", lang, min=show(spec["min"]), max=show(spec["max"]))


def kept_text(value: int | float, lang: str = "en") -> str:
    """A kept answer as a sentence shows it: :func:`beltlib.texts.number` (the language's
    thousands separator and decimal mark) with as many decimals as the value's shortest
    form, so nothing is rounded away (``kept_text(1500, "fr") == "1\u202f500"``,
    ``kept_text(2.5) == "2.5"``). The page's script has the same (``keptText``).

    Args:
        value: the answer the result still uses (a count, or hours per week).
        lang: ``"en"`` or ``"fr"``.

    Returns:
        The text, e.g. ``"1,500"`` (English) or ``"1 500"`` (French, narrow no-break space).

    Raises:
        ValueError: unknown ``lang``.
    """
    shown = format_number(value, "en")
    return number(value, lang, len(shown.partition(".")[2]))


def input_error_text(field: str, text: str, lang: str, kept: int | float) -> str:
    """The message for a refused typed value: the field, what was typed, what is allowed
    and the (kept) value the result still uses (:func:`kept_text`)."""
    typed = str(text).strip(_TRIM)
    return t("ui.bad_number" if typed else "ui.no_number", lang, field=t(f"field.{field}", lang), text=typed,
             allowed=allowed_range_text(field, lang), value=kept_text(kept, lang))


