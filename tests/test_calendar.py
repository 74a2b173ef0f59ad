"""The plan in a calendar (beltlib.calendar, ``belt-report plan``): the .ics parsed back, the checklist, bad input."""
from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

from beltlib import assess, example_answers, rules
from beltlib.answers import dumps
from beltlib.calendar import RECHECK_DAYS, build_plan, to_ics, to_markdown, uid
from beltlib.sentences import plan_sections
from beltlib.texts import t

START = datetime.date(2026, 12, 7)
EPOCH = "1800000000"  # 2027-01-15 08:00:00 UTC
MINUTES = {m["id"]: m["action_minutes"] for m in rules.MARKERS}


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", "plan", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})})


@pytest.fixture
def answers_file(tmp_path) -> Path:
    """The not-looking example (white belt, five steps from green) under a private-looking name."""
    path = tmp_path / "Jean_Dupont.json"
    path.write_text(dumps(example_answers("not_looking")), encoding="utf-8")
    return path


def events(path: Path) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def test_ics_parses_back_with_steps_habits_and_recheck(answers_file, tmp_path):
    out = run(str(answers_file), "--start", START.isoformat(), "--ics", "-o", str(tmp_path / "plan.ics"))
    assert out.returncode == 0, out.stderr
    evs = events(tmp_path / "plan.ics")
    a = assess(example_answers("not_looking"))
    path = [x for x in a.actions if x.on_path]
    steps = [e for e in evs if "RRULE" not in e and isinstance(e.decoded("DTSTART"), datetime.datetime)]
    assert [str(e["SUMMARY"]) for e in steps] == [t(f"action.{x.marker_id}") for x in path]
    assert [e.decoded("DTSTART") for e in steps] == [datetime.datetime(2026, 12, 7 + i, 18, 0) for i in range(5)]
    assert [e.decoded("DURATION") for e in steps] == [datetime.timedelta(minutes=x.minutes) for x in path]
    assert all(START <= e.decoded("DTSTART").date() < START + datetime.timedelta(days=7) for e in steps)
    weekly = [e for e in evs if "RRULE" in e]
    assert [dict(e["RRULE"]) for e in weekly] == [{"FREQ": ["WEEKLY"]}] * 2
    habits = ["contacts_through_network", "forums"]  # the weekly habits on the path (the profile update comes first)
    assert [str(e["SUMMARY"]) for e in weekly] == [
        "Every week: " + t(f"weekly.{m}", invites=rules.WEEKLY_INVITES) for m in habits]
    assert [e.decoded("DURATION") for e in weekly] == [datetime.timedelta(minutes=MINUTES[m]) for m in habits]
    assert [e.decoded("DTSTART") for e in weekly] == [datetime.datetime(2026, 12, 14 + j, 18, 0) for j in range(2)]
    recheck = [e for e in evs if str(e["SUMMARY"]) == "Check your LinkedIn belt again"]
    assert len(recheck) == 1 and len(evs) == 8
    assert recheck[0].decoded("DTSTART") == START + datetime.timedelta(days=RECHECK_DAYS) == datetime.date(2027, 1, 4)
    assert "belt-report assess new-answers.json --since answers.json" in str(recheck[0]["DESCRIPTION"])
    assert "open the app again (make app)" in str(recheck[0]["DESCRIPTION"])
    assert {e.decoded("DTSTAMP") for e in evs} == {datetime.datetime(2027, 1, 15, 8, 0, tzinfo=datetime.UTC)}
    text = (tmp_path / "plan.ics").read_text(encoding="utf-8")
    assert "Jean" not in text and "Dupont" not in text and str(tmp_path) not in text  # no personal data


def test_uids_are_stable_for_the_same_answers_and_start(answers_file, tmp_path):
    for name, start in (("a.ics", START), ("b.ics", START), ("c.ics", START + datetime.timedelta(days=1))):
        assert run(str(answers_file), "--start", start.isoformat(), "--ics", "-o", str(tmp_path / name)).returncode == 0
    uids = {n: [str(e["UID"]) for e in events(tmp_path / n)] for n in ("a.ics", "b.ics", "c.ics")}
    assert uids["a.ics"] == uids["b.ics"] and len(set(uids["a.ics"])) == 8
    assert not set(uids["a.ics"]) & set(uids["c.ics"])
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
    # No hash and no answer: the start, the kind and the marker (the page writes the same without a hash)
    assert uids["a.ics"][:2] == ["20261207-step-profile_current@belt-report", "20261207-step-photo@belt-report"]
    assert uids["a.ics"][-1] == "20261207-recheck-recheck@belt-report"
    assert "20261207-habit-forums@belt-report" in uids["a.ics"] and "20261207-step-forums@belt-report" in uids["a.ics"]


def test_uid_is_the_start_the_kind_and_the_marker():
    a = assess(example_answers("not_looking"))
    plan = build_plan(a, "fr", datetime.date(2027, 1, 31))
    assert [uid(plan, x) for x in plan.items if x.kind == "recheck"] == ["20270131-recheck-recheck@belt-report"]
    uids = [uid(plan, x) for x in plan.items if x.kind != "optional"]
    assert len(set(uids)) == len(uids)  # unique in a plan
    assert uids == [uid(build_plan(a, "en", datetime.date(2027, 1, 31)), x)
                    for x in build_plan(a, "en", datetime.date(2027, 1, 31)).items if x.kind != "optional"]


def test_french_calendar_and_checklist_from_the_same_plan():
    a = assess(example_answers("not_looking"))
    plan = build_plan(a, "fr", START)
    cal = icalendar.Calendar.from_ical(to_ics(plan).encode())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert summaries[0] == t("action.profile_current", "fr") and summaries[-1] == t("calendar.recheck", "fr")
    assert str(cal["X-WR-CALNAME"]) == "Belt Report\u00a0: votre plan LinkedIn"
    md = to_markdown(plan)
    assert md.startswith("# Votre plan LinkedIn, à partir du 7\u00a0déc. 2026\n")
    assert "- [ ] 8\u00a0déc.\u00a0: Ajoutez une photo de profil. (environ 10\u00a0min)" in md
    assert "- [ ] chaque semaine à partir du 14\u00a0déc.\u00a0: écrire via LinkedIn" in md
    assert "## Dans quatre semaines (4\u00a0janv. 2027)\u00a0:" in md
    # issue 18: "Refaire le point sur votre ceinture LinkedIn : Quatre semaines plus tard : répondez…" (two colons,
    # a capital after one): the re-check is two sentences, in both languages and in the event's description too
    assert ("\n- [ ] Refaire le point sur votre ceinture LinkedIn. Quatre semaines après le début de votre plan, "
            "répondez de nouveau aux questions et voyez ce qui a changé. En ligne de commande") in md
    recheck = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == t("calendar.recheck", "fr")][0]
    assert str(recheck["DESCRIPTION"]).startswith("Quatre semaines après le début de votre plan, répondez")
    en = to_markdown(build_plan(a, "en", START))
    assert ("\n- [ ] Check your LinkedIn belt again. Four weeks after your plan began, answer the questions again "
            "and see what changed. With the command line") in en
    assert "again: Four" not in en and "LinkedIn\u00a0: Quatre" not in md
    for item in plan.items:  # every event of the calendar is a line of the checklist
        assert item.summary in md or t(f"weekly.{item.key}", "fr", invites=rules.WEEKLY_INVITES) in md


def test_the_plan_is_the_reports_plan():
    with_habits = 0
    for persona in rules.PERSONAS:
        a = assess(example_answers(persona))
        plan = build_plan(a, "en", START)
        sections = dict(plan_sections(a, "en"))
        habits = [t(f"weekly.{x.key}", invites=rules.WEEKLY_INVITES) for x in plan.of_kind("habit")]
        if habits:
            with_habits += 1
            assert habits == sections[plan.headings["habit"]]
        assert [x.key for x in plan.of_kind("step")] == list(a.shortest_path)
    assert with_habits >= 2  # the habits are compared, not skipped


def test_every_snapshot_case_gives_a_calendar_and_a_checklist():
    from beltlib.answers import validate
    from snapshot_cases import CASES
    for name, answers in CASES.items():
        for lang in ("en", "fr"):
            plan = build_plan(assess(validate(answers)), lang, START)
            cal = icalendar.Calendar.from_ical(to_ics(plan).encode())
            timed = [(e.decoded("DTSTART"), e.decoded("DURATION")) for e in cal.walk("VEVENT") if "DURATION" in e
                     and "RRULE" not in e]
            timed.sort()
            for (start, length), (after, _) in zip(timed, timed[1:]):  # steps never overlap
                assert start + length <= after, name
            assert all(start.date() < START + datetime.timedelta(days=7) for start, _ in timed), name
            assert to_markdown(plan).count("- [ ] ") == len(plan.items), name


def test_no_profile_plan_is_a_whole_day_step():
    a = assess(example_answers().replace(findable="no_profile"))
    plan = build_plan(a, "en", START)
    assert [(x.kind, x.minutes) for x in plan.items] == [("no_profile", None), ("recheck", None)]
    cal = icalendar.Calendar.from_ical(to_ics(plan).encode())
    first = next(iter(cal.walk("VEVENT")))
    assert first.decoded("DTSTART") == START and str(first["SUMMARY"]) == t("plan.no_profile")


def test_markdown_to_standard_output_by_default(answers_file):
    out = run(str(answers_file), "--start", START.isoformat())
    assert out.returncode == 0 and out.stdout.startswith("# Your LinkedIn plan, from 7\u00a0Dec 2026\n")
    assert "- [ ] 7\u00a0Dec: Update your profile so it matches your CV" in out.stdout  # first (the notes say so)
    assert "- [ ] 8\u00a0Dec: Add a profile photo. (about 10\u00a0min)" in out.stdout
    assert "## Optional, to make it sturdier:" in out.stdout


@pytest.mark.parametrize("case, needle", [
    ("folder", "cannot write"),
    ("under_a_file", "cannot write"),
    ("bad_start", "--start: got '2026-13-01' (allowed: a date YYYY-MM-DD)"),
    ("bad_answers", "connections"),
])
def test_bad_input_one_line_exit_2_nothing_written(answers_file, tmp_path, case, needle):
    target = tmp_path / "out"
    target.mkdir()
    bad = tmp_path / "bad.json"
    bad.write_text(dumps(example_answers()).replace('"connections": 150', '"connections": -3'), encoding="utf-8")
    args = {"folder": [str(answers_file), "--ics", "-o", str(target)],
            "under_a_file": [str(answers_file), "--ics", "-o", str(answers_file / "plan.ics")],
            "bad_start": [str(answers_file), "--ics", "--start", "2026-13-01", "-o", str(target / "plan.ics")],
            "bad_answers": [str(bad), "--ics", "-o", str(target / "plan.ics")]}[case]
    out = run(*args)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and needle in out.stderr and "Traceback" not in out.stderr
    assert list(target.iterdir()) == []
