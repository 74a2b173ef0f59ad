"""The locale table (beltlib/locale.py): real values of each convention, the readers that use it, and the
page's engine reading the same table (under Node, with the page data built by ``page_data``)."""
from __future__ import annotations

import json

import pytest

from beltlib import locale, rules
from beltlib.answers import example_answers
from beltlib.linkedin.dates import MONTHS_EN, MONTHS_FR, format_date
from beltlib.numbers import NumberError, format_number, parse_number
from beltlib.publish.interactive import page_data
from beltlib.sentences import value_text
from beltlib.texts import LANGS, hours, number, percent, t
from node_engine import NODE, NODE_MISSING, NodeEngine

NB, NNB = "\u00a0", "\u202f"


def test_one_table_per_supported_language():
    assert list(locale.LOCALES) == list(LANGS)
    assert set(locale.LOCALES["en"]) == set(locale.LOCALES["fr"])
    json.dumps(locale.LOCALES)  # shipped to the page as JSON


def test_conventions_name_lang_and_the_allowed_values():
    assert locale.conventions("fr")["decimal_mark"] == ","
    assert locale.conventions("en")["thousands_sep"] == ","
    assert locale.conventions("fr")["thousands_sep"] == NNB
    for bad in ("de", "FR", ""):
        with pytest.raises(ValueError, match=rf"lang: got {bad!r} \(allowed: one of en, fr\)"):
            locale.conventions(bad)


def test_numbers_and_percentages():
    assert number(1234.5, "fr", 1) == f"1{NNB}234,5"
    assert number(1234.5, "en", 1) == "1,234.5"
    assert number(1234567, "fr") == f"1{NNB}234{NNB}567"
    assert number(-0.25, "fr", 2) == "-0,25"
    assert locale.localize_number("12,345.678", "fr") == f"12{NNB}345,678"
    assert locale.localize_number("12,345.678", "en") == "12,345.678"
    assert percent(10, "fr") == f"10{NB}%" and percent(10, "en") == "10%"
    assert percent(12.5, "fr", 1) == f"12,5{NB}%" and percent(1234, "en") == "1,234%"
    assert hours(2.5, "fr") == "2,5" and hours(12, "en") == "12"


def test_space_before_punctuation():
    assert [locale.punctuation(m, "fr") for m in ":;?!"] == [f"{NB}:", f"{NNB};", f"{NNB}?", f"{NNB}!"]
    assert [locale.punctuation(m, "en") for m in ":;?!"] == [":", ";", "?", "!"]
    with pytest.raises(ValueError, match=r"mark: got '\.'"):
        locale.punctuation(".", "fr")
    assert value_text({"white": 0.05, "green": 1.0}, "fr") == f"Ceinture blanche{NB}: 0,05{NNB}; Ceinture verte{NB}: 1"
    assert value_text({"ceiling": 0.6, "scale_hours": 0.5}, "en") == "ceiling: 0.6; scale (h): 0.5"
    assert value_text({"ceiling": 0.6, "scale_hours": 0.5}, "fr") == f"plafond{NB}: 0,6{NNB}; échelle (h){NB}: 0,5"


def test_dates_keep_todays_outputs():
    assert format_date("2026-11-05", "en") == "05 Nov 2026"
    assert format_date("2026-11-05", "fr") == "5 nov. 2026"
    assert format_date("2012-06-22 10:00:00", "fr") == "22 juin 2012"
    assert format_date("2012-02-01", "fr") == "1 févr. 2012"
    assert locale.date_text(2026, 12, 31, "en") == "31 Dec 2026"
    assert MONTHS_EN[8] == "Sep" and MONTHS_FR[7] == "août" and len(MONTHS_FR) == 12
    with pytest.raises(IndexError, match="month: got 13"):
        locale.date_text(2026, 13, 1, "en")
    with pytest.raises(ValueError, match="lang: got 'es'"):
        format_date("2026-11-05", "es")


@pytest.mark.parametrize("text, lang, value", [
    ("1,500.5", "en", 1500.5), (f"1{NB}500", "en", 1500.0), ("2.5", "fr", 2.5), ("1,5", "fr", 1.5),
    (f"1{NNB}500,5", "fr", 1500.5), ("0.500", "fr", 0.5), ("1.5000", "fr", 1.5), ("1,500", "fr", 1.5),
])
def test_typed_numbers_follow_the_reading_rules(text, lang, value):
    assert parse_number(text, "hours_per_week", lang) == value


@pytest.mark.parametrize("text, lang", [("1.500", "fr"), ("-1.500", "fr"), ("1,5", "en"), ("1 5", "fr"),
                                        ("5.", "en"), ("+3", "fr")])
def test_typed_numbers_refused(text, lang):
    with pytest.raises(NumberError):
        parse_number(text, "hours_per_week", lang)


def test_reading_rules_come_from_the_table():
    assert locale.is_ambiguous("1.500", "fr") and not locale.is_ambiguous("1.500", "en")
    assert not locale.is_ambiguous("0.500", "fr") and not locale.is_ambiguous("1.5000", "fr")
    m = locale.number_pattern("en").fullmatch(f"-1,234{NNB}567.25")
    assert m is not None and m.groups() == ("-", f"1,234{NNB}567", "25")
    assert locale.number_pattern("fr").fullmatch("1,234,567") is None
    assert parse_number("1,500", "connections", "en") == 1500
    assert format_number(2.5, "fr") == "2,5" and format_number(1e-7, "fr") == "0,0000001"
    assert format_number(1500, "fr") == "1500"


def test_the_app_config_ships_the_table():
    live = pytest.importorskip("beltlib.app.live")
    html = live.page_script("fr", shared=False)
    config = json.loads(html[len("<script>window.beltAppConfig = "):html.index(";\n")])
    assert config["locale"] == json.loads(json.dumps(locale.LOCALES))


# ------------------------------------------------------------------ the page's engine reads the same table
@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> NodeEngine:
    """engine.js under Node with ``page_data`` of the example (the whole catalogue)."""
    if NODE is None:
        pytest.skip(NODE_MISSING)
    data = page_data(example_answers())
    assert data["locale"] == {x: locale.LOCALES[x] for x in LANGS}
    path = tmp_path_factory.mktemp("locale") / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return NodeEngine(path)


def test_engine_writes_numbers_and_dates_with_the_table(engine):
    cases = [[x, lang, d] for x in (1234.5, 0.125, 1e6, -2.5, 30000) for lang in LANGS for d in (0, 1, 2)]
    got = engine.evaluate("""(cases) => cases.map(([x, lang, d]) => {
        const E = window.BeltReport.engine;
        return [E.number(x, lang, d), E.percent(x, lang, d), E.inputText(x, lang)];
    })""", cases)
    assert got == [[number(x, lang, d), percent(x, lang, d), format_number(x, lang)] for x, lang, d in cases]
    assert got[1][0] == "1,234.5" and got[4][0] == f"1{NNB}234,5" and got[4][1] == f"1{NNB}234,5{NB}%"


def test_engine_refuses_an_unknown_language(engine):
    got = engine.evaluate("""() => { try { window.BeltReport.engine.number(1, "de"); return "no error"; }
        catch (e) { return e.message; } }""")
    assert got == "lang: got de (allowed: one of en, fr)"


def test_engine_reads_typed_numbers_by_the_table(engine):
    texts = ["1.500", "1,500", "1,5", "2.5", f"1{NNB}500,5", "0.500", "-1.500", "1 234.5", "5."]
    got = engine.evaluate("""(texts) => ["en", "fr"].map(lang =>
        texts.map(s => window.BeltReport.engine.parseNumber(s, lang, "number")))""", texts)

    def py(s: str, lang: str) -> float | None:
        try:
            return parse_number(s, "hours_per_week", lang)
        except NumberError:
            return None
    assert got == [[py(s, lang) for s in texts] for lang in ("en", "fr")]
    assert got[1][0] is None and got[0][0] == 1.5  # French "1.500" refused, English read as 1.5


# ------------------------------------------------------------------ rule values in the engine's sentences
RULE_KEYS = ("marker.connections_20", "reason.connections_20", "result.score", "synthesis.markers.green",
             "assumption.BLACK_POINTS", "intro.body", "timeline.threshold_200", "assumption.CONNECTIONS_CAP")


def test_engine_fills_rule_values_as_python_does(engine):
    values = {"score": "S", "green": "G", "black": "B", "green_min": "GM", "black_min": "BM"}
    got = engine.evaluate("""([keys, values]) => ["en", "fr"].map(lang =>
        keys.map(k => window.BeltReport.engine.t(k, lang, values)))""", [RULE_KEYS, values])
    assert got == [[t(k, lang, **values) for k in RULE_KEYS] for lang in ("en", "fr")]
    assert got[0][2] == "Score: S / 100 (G of 7 green markers, B of 4 black markers)"
    assert got[1][7].startswith(f"LinkedIn limite les relations directes à 30{NNB}000{NB};")
    explicit = engine.evaluate("""() => window.BeltReport.engine.t("marker.connections_20", "en",
        {min_connections: "twenty"})""")
    assert explicit == "At least twenty connections" == t("marker.connections_20", min_connections="twenty")


def test_engine_follows_a_changed_rule_value(monkeypatch, tmp_path):
    if NODE is None:
        pytest.skip(NODE_MISSING)
    monkeypatch.setitem(next(m for m in rules.MARKERS if m["id"] == "connections_20"), "value", 25)
    monkeypatch.setitem(rules.SHARES, "green", 12.5)
    path = tmp_path / "data.json"
    path.write_text(json.dumps(page_data(example_answers()), ensure_ascii=False), encoding="utf-8")
    got = NodeEngine(path).evaluate("""() => ["en", "fr"].map(lang => [
        window.BeltReport.engine.t("marker.connections_20", lang), window.BeltReport.engine.t("intro.body", lang)])""")
    assert got[0][0] == "At least 25 connections" and got[1][0] == "Au moins 25 relations"
    assert "(about 12.5% of users)" in got[0][1] and f"(environ 12,5{NB}% des utilisateurs)" in got[1][1]
    assert got == [[t("marker.connections_20", lang), t("intro.body", lang)] for lang in ("en", "fr")]
