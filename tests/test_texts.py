"""The one catalogue: both languages complete; French number conventions."""
import string

import pytest

from beltlib import rules
from beltlib.answers import FIELDS
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
