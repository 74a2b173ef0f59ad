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
    assert "Votre ceinture : ceinture verte" in fr.stdout
    assert "Centile estimé : 92,4" in fr.stdout


def test_assess_json(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(run("example", "--persona", "not_looking").stdout)
    out = json.loads(run("assess", str(path), "--json").stdout)
    assert out["belt"] == "white" and out["target_belt"] == "green"
    assert out["green_markers_met"] == 0 and out["black_markers_met"] == 0
    assert out["score"] == 0.0 and out["percentile"] == 0.0
    assert out["actions"][:2] == ["Add a profile photo.",
                                  "When you cannot reach someone otherwise, write to them through LinkedIn."]
    assert len(out["actions"]) == 7


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
