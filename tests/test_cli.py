"""The command line, run as a person would (subprocess)."""
import json
import pathlib
import subprocess
import sys

import pytest

from beltlib.answers import EXAMPLE


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "beltlib", *args], input=stdin, capture_output=True,
                          text=True, timeout=60)


def test_example_piped_to_assess_in_both_languages():
    example = run("example").stdout
    assert json.loads(example) == EXAMPLE
    en = run("assess", "-", stdin=example)
    fr = run("assess", "-", "--lang", "fr", stdin=example)
    assert en.returncode == fr.returncode == 0
    assert "Your belt: green belt" in en.stdout
    assert "Votre ceinture\u00a0: ceinture verte" in fr.stdout
    assert "estimation de ce rapport, pas de l’article\u00a0: au-dessus d’environ 94\u00a0%" in fr.stdout


def test_assess_json(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(run("example", "--persona", "not_looking").stdout)
    out = json.loads(run("assess", str(path), "--json").stdout)
    assert out["belt"] == "white" and out["target_belt"] == "green"
    assert out["green_markers_met"] == 0 and out["black_markers_met"] == 0
    assert out["score"] == 0.0 and 0 < out["percentile"] == 24.0 < 100  # never 0: this report's estimate
    # the profile is outdated and the report says to update it first: it is the first step
    assert out["actions"][:2] == ["Update your profile so it matches your CV (current employer, roles, dates).",
                                  "Add a profile photo."]
    assert len(out["actions"]) == 7
    assert out["markers_needed"] == 5 and out["shortest_path_minutes"] == 120
    assert out["shortest_path"] == ["profile_current", "photo", "groups", "contacts_through_network", "forums"]
    assert out["action_ids"][:5] == out["shortest_path"]


def test_assess_json_job_seeker_one_step_from_green(tmp_path):
    """Issue 10: 4 of 7 green markers (no photo, no groups, never reads discussions): the photo makes green."""
    answers = json.loads(run("example").stdout) | {
        "profile": "current", "photo": False, "connections": 80, "invitations": "acquaintances",
        "outreach": "when_no_other_way", "groups": 0, "discussions": "never", "reply_time": "rarely"}
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers))
    out = json.loads(run("assess", str(path), "--json").stdout)
    assert (out["belt"], out["green_markers_met"]) == ("white", 4)
    assert (out["markers_needed"], out["shortest_path"], out["shortest_path_minutes"]) == (1, ["photo"], 10)
    assert out["curve_optimum_hours"] == out["target_hours"] == 1.0  # JSON and sentence: one best balance
    for lang, needle in (("en", "You are 1 step from the green belt: add a profile photo (about 10\u00a0min)."),
                         ("fr", "Vous êtes à une étape de la ceinture verte\u00a0: ajouter une photo de profil "
                                "(environ 10\u00a0min).")):
        assert needle in run("assess", str(path), "--lang", lang).stdout


@pytest.mark.parametrize("payload, needle", [
    ('{"schema": 1}', "persona: missing"),
    (json.dumps({**EXAMPLE, "photo": "yes"}), 'photo: got "yes" (allowed: true or false)'),
    ("[]", "(answers): got []"),
    ("nope", "invalid JSON at line 1 column 1"),
])
def test_invalid_input_exits_2_without_traceback(payload, needle):
    r = run("assess", "-", stdin=payload)
    assert r.returncode == 2
    assert needle in r.stderr
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_missing_file_exits_2():
    r = run("assess", "/nonexistent/answers.json")
    assert r.returncode == 2 and "/nonexistent/answers.json" in r.stderr and "Traceback" not in r.stderr


def test_import_is_light():
    code = "import sys, beltlib; print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


@pytest.mark.parametrize("output", ["{tmp}", "", "/proc/belt.html"])
def test_publish_to_an_unwritable_place_exits_2(tmp_path, output):
    r = run("publish", "-o", output.format(tmp=tmp_path))
    assert r.returncode == 2 and r.stderr.startswith("error: cannot write")
    assert "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []  # no temp file left behind


def test_written_files_are_readable_by_others(tmp_path):
    import os
    import stat

    from beltlib.answers import atomic_write_text
    os.umask(0o022)
    atomic_write_text(tmp_path / "page.html", "x")
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == 0o644
    (tmp_path / "answers.json").write_text("{}")
    (tmp_path / "answers.json").chmod(0o600)
    atomic_write_text(tmp_path / "answers.json", "{ }")  # a private file stays private
    assert stat.S_IMODE((tmp_path / "answers.json").stat().st_mode) == 0o600


def test_unreadable_export_file_is_reported_not_passed_off_as_missing(tmp_path):
    import shutil
    folder = tmp_path / "export"
    shutil.copytree(pathlib.Path(__file__).parent / "fixtures" / "export" / "linkedin-export-basic", folder)
    (folder / "Connections.csv").write_bytes(b"PK\x03\x04 not a csv at all \x00\x01")
    summary = json.loads(run("export-summary", str(folder), "--json").stdout)
    assert summary["connections"] is None and summary["invitations_sent"] == 16
    assert len(summary["problems"]) == 1 and summary["problems"][0].startswith("Connections.csv")
    text = run("export-summary", str(folder)).stdout
    assert "Connections: could not be read (see below)" in text and "not in the archive" not in text.split("\n")[1]
    r = run("publish", "--interactive", "--export", str(folder), "-o", str(tmp_path / "page.html"))
    assert r.returncode == 0
    assert "warning: Connections.csv" in r.stderr and "the rest of the export was used" in r.stderr


# ------------------------------------------------------------ issue 19: words in the chosen language
def test_usage_errors_and_prefixes_follow_lang():
    done = run("assess", "--lang", "fr")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("utilisation\u00a0: ")
    assert "erreur\u00a0: arguments obligatoires manquants\u00a0: file" in done.stderr
    done = run("example", "--persona", "nope", "--lang=fr")
    assert "argument --persona\u00a0: choix invalide\u00a0: 'nope'" in done.stderr
    done = run("assess", "/nonexistent.json", "--lang", "fr")
    assert done.returncode == 2 and done.stderr.startswith("erreur\u00a0: ")
    done = run("assess", "/nonexistent.json")
    assert done.stderr.startswith("error: ")
    assert run("assess").stderr.startswith("usage: ")


def test_a_full_disk_names_the_file_asked_for(tmp_path, monkeypatch):
    """The error names the output, never the temporary file, and nothing is left behind."""
    import errno
    import os

    from beltlib.answers import atomic_write_text

    def full(fd, *args, **kwargs):
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fdopen", full)
    target = tmp_path / "page.html"
    with pytest.raises(OSError) as caught:
        atomic_write_text(target, "x")
    assert caught.value.filename == str(target) and caught.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []


def test_publish_into_proc_names_the_path(tmp_path):
    done = run("publish", "-o", "/proc/belt-report-test.html")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "/proc/belt-report-test.html" in done.stderr and ".tmp" not in done.stderr


def test_progress_lines_on_a_terminal_only(tmp_path):
    """One line per stage on standard error when it is a terminal; silent in a pipe."""
    import io

    from beltlib.publish.command import progress

    class Tty(io.StringIO):
        def isatty(self):
            return True
    out = Tty()
    stage = progress("fr", out)
    stage("cli.progress.reading")
    stage("cli.progress.writing", path="p.html")
    assert out.getvalue() == "Lecture de l’export LinkedIn…\nÉcriture de p.html…\n"
    piped = io.StringIO()
    progress("en", piped)("cli.progress.reading")
    assert piped.getvalue() == ""
    done = run("publish", "-o", str(tmp_path / "p.html"))  # a pipe: only the result line
    assert done.returncode == 0 and done.stderr == ""


def test_history_of_the_sample_export_in_json_and_in_french():
    sample = str(pathlib.Path(__file__).parent / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip")
    r = run("history", sample, "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert list(out) == ["months", "crossings", "undated"]
    assert (out["months"][0]["month"], out["months"][-1]["month"]) == ("2012-06", "2026-10")
    assert out["crossings"] == {"connections_20": "2015-06", "connections_over_200": None}
    fr = run("history", sample, "--lang", "fr")
    assert fr.returncode == 0 and "Votre historique\n" in fr.stdout
    assert "Les 20\u00a0relations de la ceinture verte ont été atteintes en juin\u00a02015." in fr.stdout
    missing = run("history", "nowhere.zip", "--lang", "fr")
    assert (missing.returncode, missing.stdout) == (2, "") and missing.stderr.count("\n") == 1


def _dated(path: pathlib.Path, answers: dict, day: str) -> pathlib.Path:
    """An answers file last modified at noon on ``day`` (YYYY-MM-DD, local time)."""
    import datetime
    import os
    path.write_text(json.dumps(answers), encoding="utf-8")
    stamp = datetime.datetime.fromisoformat(day + "T12:00:00").timestamp()
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("interactive", [False, True])
@pytest.mark.parametrize("case, needle", [
    ("newer", "--since: the earlier answers (saved 2026-12-06 12:00:00) are newer than the current ones "
              "(saved 2026-11-03 12:00:00); give the older file to --since"),
    ("two_people", "--since: not one answer besides the situation is the same in both files"),
    ("stdin", "--since: give the earlier answers as a file (its date is its modification time), not -"),
    ("missing", "--since: Invalid answers in {tmp}/missing.json: (file): cannot read"),
    ("bad", "--since: Invalid answers in {tmp}/bad.json: connections: got -3"),
])
def test_publish_since_refusals_are_one_line_exit_2_nothing_written(tmp_path, interactive, case, needle):
    """``publish --since OLD`` refuses as ``assess --since`` does (one shared function): one line naming
    --since, exit status 2, no page written, whichever page is asked for."""
    new = _dated(tmp_path / "new.json", EXAMPLE, "2026-11-03")
    later = _dated(tmp_path / "later.json", EXAMPLE, "2026-12-06")
    other = {**EXAMPLE, "persona": "sales", "findable": "hard_to_find", "profile": "empty", "photo": False,
             "premium": True, "connections": 3, "invitations": "after_every_meeting", "outreach": "strangers",
             "groups": 9, "discussions": "lead", "reply_time": "same_day", "hours_per_week": 7.0,
             "offline_networking": False}
    old = {"newer": str(later), "two_people": str(_dated(tmp_path / "other.json", other, "2026-10-01")),
           "stdin": "-", "missing": str(tmp_path / "missing.json"),
           "bad": str(_dated(tmp_path / "bad.json", {**EXAMPLE, "connections": -3}, "2026-10-01"))}[case]
    r = run("publish", "--answers", str(new), "--since", old, "-o", str(tmp_path / "page.html"),
            *(["--interactive"] if interactive else []))
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    assert r.stderr.startswith("error: " + needle.format(tmp=tmp_path)) and len(r.stderr.splitlines()) == 1
    assert not (tmp_path / "page.html").exists()


def test_publish_since_refusal_in_french_and_assess_names_the_option_too(tmp_path):
    new = _dated(tmp_path / "new.json", EXAMPLE, "2026-11-03")
    r = run("publish", "--answers", str(new), "--since", "-", "--lang", "fr", "-o", str(tmp_path / "p.html"))
    assert r.returncode == 2 and r.stderr == ("erreur\u00a0: --since\u00a0: donnez les réponses précédentes dans un "
                                              "fichier (sa date est celle de sa dernière modification), pas -\n")
    r = run("assess", str(new), "--since", str(tmp_path / "nowhere.json"))
    assert r.returncode == 2 and r.stderr.startswith(f"error: --since: Invalid answers in {tmp_path}/nowhere.json")
    assert "--since OLD" in run("publish", "--help").stdout
