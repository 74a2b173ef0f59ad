"""Validation of answers: every invalid case names the field, the value and what is allowed."""
import json

import pytest

from beltlib import AnswersError, example_answers, load_answers, parse_answers, save_answers, validate
from beltlib.answers import EXAMPLE, FIELDS


@pytest.mark.parametrize("field, bad, allowed", [
    ("persona", "student", '"not_looking", "job_seeker", "recruiter", "sales"'),
    ("findable", True, '"no_profile", "hard_to_find", "easy_to_find"'),
    ("profile", "CURRENT", '"empty", "outdated", "current"'),
    ("photo", "yes", "true or false"),
    ("photo", 1, "true or false"),
    ("connections", -1, "an integer from 0 to 30000"),
    ("connections", 30001, "an integer from 0 to 30000"),
    ("connections", 150.5, "an integer from 0 to 30000"),
    ("connections", "150", "an integer from 0 to 30000"),
    ("connections", True, "an integer from 0 to 30000"),
    ("groups", -2, "an integer >= 0"),
    ("invitations", "everyone", '"accept_only", "acquaintances", "after_every_meeting"'),
    ("outreach", None, '"never", "when_no_other_way", "strangers"'),
    ("discussions", "sometimes", '"never", "read_only", "own_feed", "read_and_sometimes_post", "lead"'),
    ("reply_time", "never", '"rarely", "within_week", "same_day"'),
    ("hours_per_week", 61, "a number from 0 to 60"),
    ("hours_per_week", -0.5, "a number from 0 to 60"),
    ("hours_per_week", float("nan"), "a number from 0 to 60"),
    ("premium", "false", "true or false"),
    ("offline_networking", None, "true or false"),
    ("schema", 2, "one of 1"),
    ("schema", True, "one of 1"),
])
def test_invalid_value_names_field_value_and_allowed(field, bad, allowed):
    with pytest.raises(AnswersError) as info:
        validate({**EXAMPLE, field: bad})
    assert isinstance(info.value, ValueError)
    [problem] = info.value.problems
    assert problem.field == field
    message = str(info.value)
    assert f"{field}: got " in message and allowed in message


def test_missing_and_unknown_keys():
    data = {k: v for k, v in EXAMPLE.items() if k != "groups"}
    data["colour"] = "blue"
    with pytest.raises(AnswersError) as info:
        validate(data)
    fields = [p.field for p in info.value.problems]
    assert fields == ["groups", "colour"]
    assert "groups: missing" in str(info.value) and "colour: got \"blue\" (allowed: no such field" in str(info.value)


def test_all_problems_reported_together():
    with pytest.raises(AnswersError) as info:
        validate({**EXAMPLE, "photo": "yes", "connections": -5, "reply_time": "x"})
    assert sorted(p.field for p in info.value.problems) == ["connections", "photo", "reply_time"]


def test_not_an_object():
    with pytest.raises(AnswersError, match=r"\(answers\): got \[1, 2\]"):
        validate([1, 2])


def test_int_hours_becomes_float_and_ints_stay_ints():
    a = validate({**EXAMPLE, "hours_per_week": 3})
    assert a.hours_per_week == 3.0 and isinstance(a.hours_per_week, float)


def test_file_round_trip_and_errors(tmp_path):
    path = tmp_path / "answers.json"
    save_answers(example_answers("sales"), path)
    assert load_answers(path) == example_answers("sales")
    assert json.loads(path.read_text())["persona"] == "sales"
    path.write_text("{not json")
    with pytest.raises(AnswersError, match="line 1 column 2"):
        load_answers(path)
    with pytest.raises(AnswersError, match="cannot read .*missing.json: No such file or directory"):
        load_answers(tmp_path / "missing.json")
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(AnswersError, match="not UTF-8 text"):
        load_answers(path)


@pytest.mark.parametrize("text, detail", [
    ("[" * 100000, "nested too deeply"),
    ('{"connections": ' + "9" * 5000 + "}", "not an answers file: Exceeds the limit"),
    ('{"photo": true, "photo": false}', 'the key "photo" appears twice'),
    ("", "invalid JSON at line 1 column 1 (Expecting value)"),
])
def test_broken_files_give_one_whole_message(text, detail):
    with pytest.raises(AnswersError) as info:
        parse_answers(text, "a.json")
    [problem] = info.value.problems
    assert problem.field == "(file)" and detail in str(info.value)
    assert str(info.value).startswith("Invalid answers in a.json: (file): ")


def test_bom_and_negative_zero_are_accepted():
    a = parse_answers("\ufeff" + json.dumps({**EXAMPLE, "hours_per_week": -0.0}))
    assert a.hours_per_week == 0.0 and str(a.hours_per_week) == "0.0"


def test_example_for_each_persona_is_valid():
    from beltlib import assess
    belts = {p: assess(example_answers(p)).belt for p in ("not_looking", "job_seeker", "recruiter", "sales")}
    assert belts == {"not_looking": "white", "job_seeker": "green", "recruiter": "black", "sales": "black"}
    with pytest.raises(AnswersError, match="persona: got \"pilot\""):
        example_answers("pilot")


def test_fields_match_the_public_contract():
    assert list(FIELDS) == ["schema", "persona", "findable", "profile", "photo", "premium", "connections",
                            "invitations", "outreach", "groups", "discussions", "reply_time",
                            "hours_per_week", "offline_networking"]
    assert set(EXAMPLE) == set(FIELDS)
