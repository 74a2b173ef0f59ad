"""The answers file's neighbours: the answers each day ended with, and "Since last time" in the app (issue 18)."""
from __future__ import annotations

import datetime as _dt
import json

from beltlib import document, store
from beltlib.answers import dumps, example_answers, validate
from beltlib.app.state import ReportState

DAY = _dt.date(2026, 11, 3)


def test_each_day_keeps_its_last_answers_and_the_latest_earlier_day_is_found(tmp_path):
    path = tmp_path / "answers.json"
    first = validate({**example_answers().to_dict(), "photo": False})
    store.record_day(path, first, DAY)
    store.record_day(path, example_answers(), DAY)  # the same day again: its last answers win
    store.record_day(path, first, DAY + _dt.timedelta(days=2))
    data = json.loads(store.days_path(path).read_text(encoding="utf-8"))
    assert data["schema"] == 1 and list(data["days"]) == ["2026-11-03", "2026-11-05"]
    assert store.earlier_answers(path, DAY + _dt.timedelta(days=5)) == (DAY + _dt.timedelta(days=2), first)
    assert store.earlier_answers(path, DAY + _dt.timedelta(days=2)) == (DAY, example_answers())
    assert store.earlier_answers(path, DAY) is None
    assert store.days_path(path).name == "answers.json.days.json"


def test_a_bad_day_is_skipped_and_only_the_most_recent_days_are_kept(tmp_path):
    path = tmp_path / "answers.json"
    for n in range(store.DAYS_KEPT + 5):
        store.record_day(path, example_answers(), DAY + _dt.timedelta(days=n))
    days = json.loads(store.days_path(path).read_text(encoding="utf-8"))["days"]
    assert len(days) == store.DAYS_KEPT and min(days) == (DAY + _dt.timedelta(days=5)).isoformat()
    store.days_path(path).write_text(json.dumps({"schema": 1, "days": {
        "2026-11-01": example_answers().to_dict(), "2026-11-02": {"photo": "maybe"}, "nonsense": {}}}),
        encoding="utf-8")
    assert store.earlier_answers(path, _dt.date(2026, 11, 4)) == (_dt.date(2026, 11, 1), example_answers())
    store.days_path(path).write_text("not json", encoding="utf-8")
    assert store.earlier_answers(path) is None  # an unreadable history is no history


def test_the_app_says_what_changed_since_the_last_earlier_day(tmp_path):
    path = tmp_path / "answers.json"
    before = validate({**example_answers().to_dict(), "photo": False, "groups": 0, "outreach": "never"})
    store.record_day(path, before, _dt.date.today() - _dt.timedelta(days=3))
    path.write_text(dumps(example_answers()), encoding="utf-8")
    state = ReportState(str(path), "en", "job_seeker", None, None)
    s = state.since
    gained = ("photo", "contacts_through_network", "groups")
    assert (s.belt, s.markers_gained, s.markers_lost, s.new_belt) == ("white", gained, (), "green")
    doc = document.build(state.assessment, "en", since=s)
    section = document.find(doc, "since")
    assert section is not None and "+3 markers" in section["blocks"][0]["text"]
    assert "last modified" not in document.to_text(doc)  # the day was recorded, not read from a file's date
    state.set_answer("photo", False)  # a change today: kept as today's answers, compared with the same earlier day
    assert state.since.markers_gained == ("contacts_through_network", "groups")
    today = json.loads(store.days_path(path).read_text(encoding="utf-8"))["days"][_dt.date.today().isoformat()]
    assert today["photo"] is False


def test_no_earlier_day_no_section(tmp_path):
    state = ReportState(str(tmp_path / "answers.json"), "en", "job_seeker", None, None)
    assert state.since is None
    assert document.find(document.build(state.assessment, "en", since=state.since), "since") is None
