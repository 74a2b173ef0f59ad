"""Parity: typed numbers are read by ONE rule set in the live report and on the interactive page.

Python: :func:`beltlib.numbers.parse_number` (Voilà and the live notebook), then the range check
of :func:`beltlib.answers.validate` (what ``ReportState.set_answer_text`` does). JavaScript:
``parseNumber`` and ``readNumber`` of ``beltlib/publish/engine.js``, run under Node with the
published page's data (the ``page`` fixture of tests/node_engine.py; no browser). Each of a
few hundred tricky texts (hand-picked, a grid of digit groups and separators, and seeded
random ones: ``,``, ``.``, spaces, no-break and narrow no-break spaces, thin spaces, signs,
exponents, leading and trailing marks, padding, letters, huge numbers) is read in both
languages for the three numeric fields; both must accept or refuse it alike, with the same
value. The "still uses" value of a refused entry's message is written the same way too.

The rule set (README, "Typed numbers"): English decimal point, thousands separated by
``,`` or a space; French decimal comma or point, thousands separated by a space; spaces may be
plain, no-break or narrow no-break; French ``1.500`` is refused (1.5 or 1 500?); a decimal
mark needs digits after it (``5.`` refused, ``.5`` read); a leading minus is read, ``+`` is
refused; no exponent, Infinity or NaN; counts are whole and at most 2**53 - 1.
"""
from __future__ import annotations

import math
import random

import pytest

from beltlib import example_answers
from beltlib.answers import FIELDS, AnswersError
from beltlib.numbers import NumberError, input_error_text, kept_text, parse_number
from beltlib.publish.interactive import field_message
from beltlib.texts import LANGS, t
from node_engine import page  # noqa: F401  (fixture: the engine under Node; tests/node_engine.py)

SEED = 20261115
NUMERIC = ("connections", "groups", "hours_per_week")
SPACES = (" ", "\u00a0", "\u202f")

HAND_PICKED = [
    # the tester's table, and their neighbours
    "1 500", "1\u00a0500", "1\u202f500", "1\u2009500", "5.", "5,", "+3", "+0", "1.500", "-1.500", "\u22121.500",
    "2.5", "2,5", "0.500", "01.500", "1.5000", "999.999", "1000.500", "1 500.250", "1,500", "1,500.", "1,500.5",
    # empty, lone marks and signs
    "", " ", "\t", ".", ",", "-", "+", "\u2212", "-.", ".5", ",5", "-.5", "\u2212,5", "..5", ".5.", "1..5", "1,5,0",
    # exponents, words, other digits and notations
    "1e3", "1E3", "1e-3", "1.5e2", "Infinity", "-Infinity", "NaN", "inf", "nan", "0x10", "0b1", "1_000",
    "\u0661\u0662", "\uff11\uff12", "12abc", "abc", "3h", "1/2", "½",
    # grouping
    "1 5", "1  500", "1 5000", "12 345 678", "1,234,567.89", "1.234.567", "1.234,5", "1 234,5", "1\u00a0234,5",
    "1\u202f234.5", "1,00,000", "1 000 000,5", "1,500 000", "1 500,000", "0 500", "000 500", "1234 567",
    # signs and zeros
    "-0", "\u22120", "-0.0", "-0,0", "00", "007", "-7", " - 5", "--5", "+-5", "-+5", "5-", "1\u22122",
    # padding: what JavaScript's trim removes, and what it keeps
    " 5 ", "\ufeff7", "7\u3000", "\t8\n", "\u20287\u2029", "\u00a09\u202f", "\x1c7", "7\x85", "\u200b7", "7\u180e",
    # limits and huge numbers
    "0", "60", "60.0", "60.5", "59.99", "30000", "30,000", "30 000", "30001", "2.50", "150.000", "150,000",
    "9007199254740991", "9007199254740992", "9007199254740993", "1" + "0" * 400, "9" * 5000,
    "0." + "0" * 400 + "1", "1.00000000000000000001", "0.1" + "0" * 30, "1" + "0" * 308 + ".5",
]


def grid_texts() -> list[str]:
    """Digit groups joined by every separator (thousands or decimal, well placed or not)."""
    heads, tails = ["0", "1", "12", "123", "1234"], ["5", "50", "500", "5000", "000"]
    return [h + sep + tl for h in heads for sep in (",", ".", "", *SPACES, "\u2009") for tl in tails]


def random_texts(n: int, rng: random.Random) -> list[str]:
    """``n`` seeded random texts built from the pieces people (and typos) put in numbers."""
    digits = ["0", "1", "5", "12", "150", "500", "000", "1234", "25", "999", "007"]
    seps = [",", ".", *SPACES, "\u2009", ",", "."]
    out = []
    for _ in range(n):
        body = rng.choice(digits)
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            body += rng.choice(seps) + rng.choice(digits)
        r = rng.random()
        body = ("." + body if r < 0.08 else "," + body if r < 0.12 else body + "." if r < 0.2
                else body + "," if r < 0.24 else body)
        sign = rng.choice(["", "", "", "", "-", "+", "\u2212"])
        tail = rng.choice(["", "", "", "", "", "", "e3", "E-2", "e+1", "x", "h", " %", "."])
        pad = rng.choice(["", "", "", "", " ", "\u00a0", "\t", "\ufeff", "\x1c", "\x85"])
        out.append(pad + sign + body + tail + pad[::-1])
    return out


def tricky_texts() -> list[str]:
    texts = HAND_PICKED + grid_texts() + random_texts(300, random.Random(SEED))
    return list(dict.fromkeys(texts))  # unique, in order


def py_parse(text: str, field: str, lang: str):
    """parse_number's value, or None when it refuses the text."""
    try:
        return parse_number(text, field, lang)
    except NumberError:
        return None


def py_read(text: str, field: str, lang: str):
    """What the live report keeps from the text (ReportState.set_answer_text): the value, or None."""
    value = py_parse(text, field, lang)
    if value is None:
        return None
    try:
        return example_answers().replace(**{field: value})[field]
    except AnswersError:
        return None


JS_READ = """cases => cases.map(([text, lang, spec]) => {
  const E = window.BeltReport.engine;
  const read = E.readNumber(spec, text, lang);
  return [E.parseNumber(text, lang, spec.kind), read.ok ? read.value : null];
})"""


def same(py, js) -> bool:
    """Same accept/refuse and the same value (and the same sign for zero)."""
    if py is None or js is None:
        return py is None and js is None
    return py == js and math.copysign(1, py) == math.copysign(1, js)


@pytest.fixture(scope="module")
def readings(page):  # noqa: F811  (the imported fixture)
    """(text, lang, field) -> ((python parse, python read), (page parse, page read))."""
    cases = [(text, lang, field) for text in tricky_texts() for lang in LANGS for field in NUMERIC]
    got = page.evaluate(JS_READ, [[text, lang, FIELDS[field]] for text, lang, field in cases])
    return {(x, lang, f): ((py_parse(x, f, lang), py_read(x, f, lang)), tuple(g)) for (x, lang, f), g in zip(cases,
                                                                                                             got)}


def test_the_texts_are_tricky_enough(readings):
    texts = tricky_texts()
    assert len(texts) >= 400
    for piece in (",", ".", " ", "\u00a0", "\u202f", "-", "+", "\u2212", "e", "E", "\ufeff"):
        assert sum(piece in x for x in texts) >= 5, piece
    assert any(x.startswith(".") for x in texts) and any(x.endswith(".") for x in texts) and "" in texts
    # both outcomes are well represented in each language, for counts and for hours
    for lang in LANGS:
        for field in NUMERIC:
            py = [p for (x, lg, f), (p, _) in readings.items() if (lg, f) == (lang, field)]
            parsed, kept = sum(p[0] is not None for p in py), sum(p[1] is not None for p in py)
            assert 100 <= parsed <= len(py) - 300 and kept >= 50, (lang, field, parsed, kept)


def test_python_and_the_page_read_every_text_alike(readings):
    bad = [f"{text!r} {lang} {field}: python {py!r} page {js!r}"
           for (text, lang, field), (py, js) in readings.items()
           if not (same(py[0], js[0]) and same(py[1], js[1]))]
    assert bad == [], f"{len(bad)} of {len(readings)} readings differ, e.g. " + " | ".join(bad[:8])
    for (text, lang, field), ((parsed, _), _) in readings.items():  # Python's types: int for counts
        if parsed is not None:
            assert type(parsed) is (float if field == "hours_per_week" else int), (text, lang, field)


@pytest.mark.parametrize("text, lang, field, value", [
    ("1 500", "en", "connections", 1500), ("1 500", "fr", "connections", 1500),        # a space: thousands, both
    ("1\u202f500", "en", "groups", 1500), ("1\u00a0500", "fr", "groups", 1500),
    ("5.", "en", "hours_per_week", None), ("5,", "fr", "hours_per_week", None),        # a mark needs digits after it
    ("+3", "en", "groups", None), ("+3", "fr", "hours_per_week", None),                # no plus sign
    ("1.500", "fr", "hours_per_week", None), ("1.500", "en", "hours_per_week", 1.5),   # French: 1.5 or 1500?
    ("2.5", "fr", "hours_per_week", 2.5), ("0.500", "fr", "hours_per_week", 0.5),
    ("1\u2009500", "fr", "groups", None), ("1,5", "en", "hours_per_week", None), ("1,5", "fr", "hours_per_week", 1.5),
    ("-0", "en", "hours_per_week", 0.0), ("9007199254740992", "en", "groups", None),
])
def test_the_rules_the_tester_asked_for(readings, text, lang, field, value):
    (parsed, _), (page_parsed, _) = readings[(text, lang, field)]
    assert same(parsed, value) and same(page_parsed, value)


KEPT = [0, 7, 150, 1500, 30000, 1234567, 0.0, 0.25, 2.5, 1e-7, 59.99, 1 / 3, 1234.5678, 2.675]


def test_the_value_still_used_is_written_alike_in_both_uis(page):  # noqa: F811
    calls = [[v, lang, field, t(f"field.{field}", lang), FIELDS[field]]
             for v in KEPT for lang in LANGS for field in NUMERIC]
    got = page.evaluate("""calls => calls.map(([v, lang, f, label, spec]) => {
        const E = window.BeltReport.engine;
        return [E.keptText(v, lang), E.fieldMessage(label, spec, lang, v)]; })""", calls)
    for (v, lang, field, _, _), (shown, message) in zip(calls, got):
        assert shown == kept_text(v, lang), (v, lang)
        still = t("page.kept", lang, value=shown)
        assert message == f"{field_message(field, lang)} {still}", (v, lang, field)
        assert input_error_text(field, "x", lang, v).endswith(still), (v, lang, field)
    shown = {(v, lang): s for (v, lang, _, _, _), (s, _) in zip(calls, got)}
    assert shown[(1500, "en")] == "1,500" and shown[(1500, "fr")] == "1\u202f500"
    assert shown[(1234.5678, "fr")] == "1\u202f234,5678" and shown[(1e-7, "en")] == "0.0000001"
    assert shown[(2.5, "fr")] == "2,5" and shown[(0.0, "en")] == "0"
