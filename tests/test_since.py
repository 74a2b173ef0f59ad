"""What changed since last time (beltlib.since, the document's ``since`` section, ``assess NEW --since OLD``)."""
from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from beltlib import assess, document, example_answers
from beltlib.answers import dumps, validate
from beltlib.since import COMPARED_FIELDS, SinceError, compare, compare_file, date_text
from typography import problems

#: A job seeker at the white belt: an outdated profile, no photo, 12 connections, no group, never posts.
WHITE = example_answers().replace(profile="outdated", photo=False, connections=12, groups=0,
                                  invitations="accept_only", outreach="never", discussions="never",
                                  reply_time="rarely", hours_per_week=0.5)
#: The same person four weeks on: profile current, a photo, in groups (the rest as before).
LATER = WHITE.replace(profile="current", photo=True, groups=2)
#: Someone else: a salesperson whose every answer but the format differs from WHITE's.
OTHER = validate({**example_answers("sales").to_dict(), "photo": True, "premium": True, "hours_per_week": 9.0,
                  "offline_networking": False, "profile": "empty", "findable": "hard_to_find", "connections": 400,
                  "groups": 7})
NOV_3 = datetime.datetime(2026, 11, 3, 9, 30)
DEC_6 = datetime.datetime(2026, 12, 6, 18, 0)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", *args], input=stdin, capture_output=True, text=True,
                          timeout=60)


def write(path: Path, answers, when: datetime.datetime) -> Path:
    path.write_text(dumps(answers), encoding="utf-8")
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def test_gained_and_lost_markers_with_real_ids():
    s = compare(assess(WHITE), assess(LATER), NOV_3, DEC_6)
    assert s.to_dict() == {"belt": "white", "markers_needed": 5,
                           "markers_gained": ["profile_current", "photo", "groups"], "markers_lost": []}
    assert (s.new_belt, s.new_markers_needed, s.date) == ("white", 2, datetime.date(2026, 11, 3))
    back = compare(assess(LATER), assess(WHITE))
    assert back.markers_gained == () and back.markers_lost == ("profile_current", "photo", "groups")


def test_the_section_only_with_a_comparison_and_its_words():
    new = assess(LATER)
    assert document.find(document.build(new, "en"), "since") is None
    doc = document.build(new, "en", since=compare(assess(WHITE), new, NOV_3, DEC_6))
    ids = [x["id"] for x in doc["sections"]]
    assert ids[ids.index("result") + 1] == "since"
    sec = document.find(doc, "since")
    assert (sec["area"], sec["class"], sec["data"]) == ("outcome", "belt-since", {"belt": "white"})
    text = document.to_text(doc)
    assert "Since 3\u00a0Nov: +3 markers — your belt: still white belt." in text
    assert "  - Gained: Profile photo\n" in text
    assert "Steps still needed for the green belt (answers to change): 5 then, 2 now." in text
    assert "the day the earlier answers file was last modified (3\u00a0Nov 2026)" in text
    fr = document.to_text(document.build(new, "fr", since=compare(assess(WHITE), new, NOV_3, DEC_6)))
    assert "Depuis le 3\u00a0nov.\u00a0: +3\u00a0marqueurs — votre ceinture\u00a0: toujours ceinture blanche." in fr
    since_fr = fr[fr.index("Depuis la dernière fois"):]
    assert problems(since_fr[:since_fr.index("\n\n")], "fr") == []


def test_a_change_of_situation_and_of_belt():
    recruiter = example_answers("recruiter")
    s = compare(assess(recruiter.replace(persona="job_seeker")), assess(recruiter), NOV_3, DEC_6)
    assert s.persona_changed and (s.old_target_belt, s.target_belt) == ("green", "black")
    text = document.to_text(document.build(assess(recruiter), "en", since=s, only=["since"]))
    assert "Your situation changed (Looking, or may change jobs → Recruiter): the belt that suits you is now the " \
           "black belt." in text
    assert "Steps still needed (answers to change): 0 for the green belt then, 0 for the black belt now." in text
    assert "no marker changed — your belt: still black belt." in text


def test_dates_in_words():
    assert date_text(datetime.date(2026, 11, 3), "en") == "3\u00a0Nov"
    assert date_text(datetime.date(2026, 11, 1), "fr") == "1er\u00a0nov."
    assert date_text(datetime.date(2025, 2, 14), "fr", datetime.date(2026, 1, 5)) == "14\u00a0févr. 2025"


def test_refused_comparisons():
    with pytest.raises(SinceError, match="newer than the current"):
        compare(assess(WHITE), assess(LATER), DEC_6, NOV_3)
    assert [f for f in COMPARED_FIELDS if OTHER[f] == WHITE[f]] == []
    with pytest.raises(SinceError, match="two different people"):
        compare(assess(WHITE), assess(OTHER))
    # One answer in common is enough to be taken for the same person (the rule is a plausibility check only).
    compare(assess(WHITE), assess(OTHER.replace(groups=0)))


def test_two_saves_in_one_minute_are_told_apart():
    """Issue 18: "saved 2026-12-06 15:22" twice read as the same time; the seconds (or the fraction) differ."""
    old, new = datetime.datetime(2026, 12, 6, 15, 22, 41), datetime.datetime(2026, 12, 6, 15, 22, 7)
    with pytest.raises(SinceError) as caught:
        compare(assess(WHITE), assess(LATER), old, new)
    assert caught.value.values == {"old": "2026-12-06 15:22:41", "new": "2026-12-06 15:22:07"}
    assert str(caught.value) == ("--since: the earlier answers (saved 2026-12-06 15:22:41) are newer than the current "
                                 "ones (saved 2026-12-06 15:22:07); give the older file to --since")
    with pytest.raises(SinceError) as caught:
        compare(assess(WHITE), assess(LATER), old.replace(microsecond=250000), old.replace(microsecond=5000))
    assert caught.value.values == {"old": "2026-12-06 15:22:41.250000", "new": "2026-12-06 15:22:41.005000"}


def test_assess_since_json_and_text(tmp_path):
    old = write(tmp_path / "before.json", WHITE, NOV_3)
    new = write(tmp_path / "now.json", LATER, DEC_6)
    out = run("assess", str(new), "--since", str(old), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["since"] == {"belt": "white", "markers_needed": 5,
                             "markers_gained": ["profile_current", "photo", "groups"], "markers_lost": []}
    assert data["belt"] == "white" and data["markers_needed"] == 2
    without = json.loads(run("assess", str(new), "--json").stdout)
    assert "since" not in without and {k: v for k, v in data.items() if k != "since"} == without
    text = run("assess", str(new), "--since", str(old), "--lang", "fr").stdout
    assert "Depuis le 3\u00a0nov.\u00a0: +3\u00a0marqueurs" in text and "Gagné\u00a0: Photo de profil" in text
    piped = run("assess", "-", "--since", str(old), "--json", stdin=dumps(LATER))
    assert json.loads(piped.stdout)["since"]["markers_gained"] == ["profile_current", "photo", "groups"]


@pytest.mark.parametrize("case, needle", [
    ("old_newer", "are newer than the current ones"),
    ("two_people", "two different people"),
    ("since_stdin", "--since: give the earlier answers as a file"),
    ("missing", "--since: Invalid answers in "),
])
def test_bad_input_one_line_exit_2(tmp_path, case, needle):
    old = write(tmp_path / "before.json", WHITE, NOV_3)
    new = write(tmp_path / "now.json", LATER, DEC_6)
    args = {"old_newer": [str(old), "--since", str(new)],
            "two_people": [str(write(tmp_path / "other.json", OTHER, DEC_6)), "--since", str(old)],
            "since_stdin": [str(new), "--since", "-"],
            "missing": [str(new), "--since", str(tmp_path / "missing.json")]}[case]
    out = run("assess", *args, "--json")
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and needle in out.stderr
    assert out.stderr.startswith("error: ") and "Traceback" not in out.stderr


def test_bad_input_in_french(tmp_path):
    old = write(tmp_path / "before.json", WHITE, NOV_3)
    new = write(tmp_path / "now.json", LATER, DEC_6)
    out = run("assess", str(old), "--since", str(new), "--lang", "fr")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == ("erreur\u00a0: --since\u00a0: les réponses précédentes (enregistrées le "
                          "2026-12-06 18:00:00) sont plus récentes que les actuelles (enregistrées le "
                          "2026-11-03 09:30:00)\u202f; donnez le fichier le plus ancien à --since\n")


@pytest.mark.parametrize("lang, words, app", [("en", "dated by the day their file was last modified", "app"),
                                              ("fr", "datées du jour de la dernière modification de leur fichier",
                                               "application")])
def test_the_date_assumption_reads_right_wherever_it_shows(lang, words, app):
    """Issue 18: the SINCE_DATE row spoke of "the app" on the interactive page and in the command line's report.
    It shows only for a file's date (the app's kept days leave it out), so it speaks of the file alone."""
    from beltlib.since import assumptions
    s = compare(assess(WHITE), assess(LATER), NOV_3, DEC_6)
    row = assumptions(lang, s)[0]
    assert row["name"] == "SINCE_DATE" and words in row["why"] and app not in row["why"]
    text = document.to_text(document.build(assess(LATER), lang, since=s))
    assert row["why"] in text and app not in text.split(row["why"])[0].rsplit("\n", 1)[-1]
    kept = compare(assess(WHITE), assess(LATER), NOV_3, DEC_6, date_from_file=False)
    assert [r["name"] for r in assumptions(lang, kept)] == ["SAME_PERSON"]


def test_compare_file_is_since_old_for_every_command(tmp_path):
    """``compare_file`` (``assess --since`` and ``publish --since``): the earlier file read, dated by its
    modification time and compared; the current answers dated by their file, or now (standard input, or
    ``publish`` without ``--answers``); every refusal names --since."""
    old = write(tmp_path / "before.json", WHITE, NOV_3)
    new = write(tmp_path / "now.json", LATER, DEC_6)
    got = compare_file(old, assess(LATER), new)
    assert got.answers == WHITE and got.time == NOV_3
    assert got.since == compare(assess(WHITE), assess(LATER), NOV_3, DEC_6)
    assert got.since.date == datetime.date(2026, 11, 3) and got.since.new_date == datetime.date(2026, 12, 6)
    for undated in (None, "-"):
        assert compare_file(old, assess(LATER), undated).since.new_date == datetime.date.today()
    for path, key in (("-", "since.error.stdin"), (tmp_path / "missing.json", "since.error.file"),
                      (new, "since.error.newer")):
        with pytest.raises(SinceError) as caught:
            compare_file(path, assess(WHITE), old)
        assert caught.value.key == key and caught.value.text("fr").startswith("--since\u00a0: ")
