"""The one catalogue: both languages complete; French number conventions."""
import re
import string

import pytest

from beltlib import rules
from beltlib.answers import FIELDS, example_answers, validate
from beltlib.assessment import assess
from beltlib.texts import CATALOGUE, number, percent, t


def test_same_keys_and_no_empty_text():
    assert set(CATALOGUE["en"]) == set(CATALOGUE["fr"])
    for lang, texts in CATALOGUE.items():
        assert all(v.strip() for v in texts.values()), lang


def test_same_placeholders_in_both_languages():
    fmt = string.Formatter()

    def names(s: str) -> list[str]:
        return sorted(n for _, n, _, _ in fmt.parse(s) if n)

    for key, en in CATALOGUE["en"].items():
        assert names(en) == names(CATALOGUE["fr"][key]), key


def test_every_rule_and_field_has_texts():
    for lang in CATALOGUE:
        for m in rules.MARKERS:
            for kind in ("marker", "action", "reason"):
                assert f"{kind}.{m['id']}" in CATALOGUE[lang]
        for name, _ in rules.ASSUMPTIONS:
            assert f"assumption.{name}" in CATALOGUE[lang]
        for field, spec in FIELDS.items():
            assert f"field.{field}" in CATALOGUE[lang]
            if spec["kind"] == "choice" and field != "schema":
                for c in spec["choices"]:
                    assert f"choice.{field}.{c}" in CATALOGUE[lang]


def test_french_numbers():
    assert number(1234.5, "fr", 1) == "1\u202f234,5"
    assert number(1234.5, "en", 1) == "1,234.5"
    assert percent(10, "fr") == "10\u00a0%"
    assert percent(10, "en") == "10%"


def test_bad_lang_names_field():
    with pytest.raises(ValueError, match=r"lang: got 'de' \(allowed: one of en, fr\)"):
        t("belt.green", "de")


# ---------------------------------------------------------------- rule values as placeholders
#: Sentences that state a rule value, and the rule values each must name (never typed by hand).
RULE_SENTENCES = {
    "intro.body": {"min_connections", "green_share", "black_share"},
    "marker.connections_20": {"min_connections"}, "action.connections_20": {"min_connections"},
    "step.connections_20": {"min_connections"},
    "reason.connections_20": {"min_connections", "max_connections_green"},
    "signal.connections_over_200": {"max_connections_green"},
    "result.score": {"max_score", "green_markers", "black_markers"},
    "synthesis.markers.white": {"min_connections"},
    "synthesis.markers.green": {"green_markers", "min_connections", "max_connections_green"},
    "synthesis.markers.black": {"black_markers"},
    "assumption.GREEN_MIN_MARKERS": {"green_markers"}, "assumption.BLACK_MIN_MARKERS": {"black_markers"},
    "assumption.GREEN_POINTS": {"green_markers", "green_points", "green_max_points"},
    "assumption.BLACK_POINTS": {"black_markers", "black_points", "black_max_points", "max_score"},
    "assumption.SHARES": {"green_share", "black_share"},
    "assumption.OVER_200_SIGNAL": {"max_connections_green"},
    "assumption_label.OVER_200_SIGNAL": {"max_connections_green"},
    "assumption.CONNECTIONS_CAP": {"max_connections"},
    "timeline.threshold_20": {"min_connections"}, "timeline.threshold_200": {"max_connections_green"},
    "cohort.belts.intro": {"green_share", "black_share"},
}
#: The article's own words, quoted, keep its numbers.
ARTICLE_QUOTES = ("“between 20 and 200”", "«\u00a0entre 20 et 200\u00a0»")


def _names(template: str) -> set[str]:
    return {n for _, n, _, _ in string.Formatter().parse(template) if n}


def test_rule_sentences_name_rule_values_instead_of_typing_them():
    for lang in CATALOGUE:
        for key, names in RULE_SENTENCES.items():
            template = CATALOGUE[lang][key]
            assert names <= _names(template), (lang, key)
            bare = template
            for quote in ARTICLE_QUOTES:
                bare = bare.replace(quote, "")
            bare = re.sub(r"\{\w+\}", "", bare)
            assert not re.search(r"\d", bare), (lang, key, bare)


def test_every_rule_value_a_template_names_exists():
    known = set(rules.text_values())
    assert known == set(rules.TEXT_VALUES) == set(rules.rules_table()["text_values"])
    for lang, texts in CATALOGUE.items():
        for key, template in texts.items():
            given = {n: "x" for n in _names(template) - known}
            assert "{" not in t(key, lang, **given), (lang, key)  # no KeyError: every name is given or a rule value


def test_rule_values_are_filled_from_the_rules_in_each_language():
    assert t("marker.connections_20") == "At least 20 connections"
    assert t("result.score", score="75", green=6, black=2) == ("Score: 75 / 100 (6 of 7 green markers, "
                                                               "2 of 4 black markers)")
    assert t("assumption.BLACK_POINTS", "fr") == ("Points de score par marqueur noir (4 × 7,5 = 30), pour un score "
                                                 "maximal de 100.")
    assert "environ 10\u00a0% de vertes et moins de 2\u00a0% de noires" in t("assumption.SHARES", "fr")
    assert "les relations directes à 30\u202f000\u00a0; le nombre" in t("assumption.CONNECTIONS_CAP", "fr")
    assert t("timeline.threshold_200", "fr") == "200\u00a0: haut de la ceinture verte"


def test_explicit_values_win_over_rule_values():
    assert t("marker.connections_20", min_connections="twenty") == "At least twenty connections"
    assert t("signal.connections_over_200", "fr", max_connections_green="deux cents") == "Plus de deux cents relations"


def test_a_changed_rule_changes_the_sentences_with_the_belt(monkeypatch):
    row = next(m for m in rules.MARKERS if m["id"] == "connections_20")
    monkeypatch.setitem(row, "value", 25)
    assert t("marker.connections_20") == "At least 25 connections"
    assert t("step.connections_20", "fr") == "dépasser 25\u00a0relations"
    assert t("reason.connections_20").endswith("between 25 and 200; white belts have fewer than 25.")
    a = assess(validate({**example_answers().to_dict(), "connections": 22}))
    assert not next(m.met for m in a.markers if m.id == "connections_20")  # the rule and its sentence move together
    monkeypatch.setitem(rules.WEIGHTS, "black", 10.0)
    monkeypatch.setitem(rules.SHARES, "black", 1.5)
    assert t("result.score", score="1", green=0, black=0) == ("Score: 1 / 110 (0 of 7 green markers, "
                                                              "0 of 4 black markers)")
    assert "(moins de 1,5\u00a0%)" in t("intro.body", "fr")


def test_marker_names_speak_to_the_reader_in_one_person():
    """Issue 18: "Membre de groupes liés à son métier" beside "votre CV": a marker name that names whose
    things they are says "votre/vos/vous" (English "your/you"), never "son/sa/ses/il" ("il y a" is no one)."""
    names = {lang: {k: v for k, v in CATALOGUE[lang].items() if k.startswith("marker.")} for lang in ("en", "fr")}
    assert set(names["en"]) == set(names["fr"]) and len(names["fr"]) == 11
    for key, text in names["fr"].items():
        assert not re.search(r"\b(son|sa|ses|il(?! n’y a| y a)|elle|leur|leurs)\b", text), (key, text)
    for key, text in names["en"].items():
        assert not re.search(r"\b(his|her|their|they|one's)\b", text), (key, text)
    assert names["fr"]["marker.groups"] == "Membre de groupes liés à votre métier ou à votre cursus"
    assert names["fr"]["marker.invites_acquaintances"] == "Se connecte par réflexe à vos connaissances professionnelles"
    assert names["fr"]["marker.contacts_strangers"] == "Contacte des personnes que vous ne connaissez pas"
    assert names["en"]["marker.groups"] == "Member of groups tied to your field or school"
    assert names["en"]["marker.contacts_strangers"] == "Contacts people you don’t know"
