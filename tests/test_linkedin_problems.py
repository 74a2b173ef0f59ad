"""Reading problems and export errors kept as a code with its values (beltlib/linkedin/errors.py)
and worded only when shown, in the reader's language: French runs print French problem lines
(with French typography), the --json ``problems`` stay English, callers name the archive from
the error's fields. Values are file names, lines, counts and sizes: never a cell's content.
Names are invented."""
from __future__ import annotations

import io
import json
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from beltlib.linkedin import ExportError, Problem, read_export, summary_text
from beltlib.linkedin import archive as archive_mod
from beltlib.linkedin.errors import columns_text, size_text
from typography import problems as typography_problems

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "tests" / "fixtures" / "export" / "linkedin-export-basic"
PRIVATE = ("Robin", "Quinn", "Sample", "Placeholder", "robin@example.com", "linkedin.com/in", "secret plan")
MESSAGES = ("CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT\n"
            "c1,Quinn Placeholder,https://www.linkedin.com/in/quinn-000002,Robin Sample,2024-03-05 10:00:00 UTC,hi\n"
            "c1,Robin Sample,https://www.linkedin.com/in/robin-000001,Quinn Placeholder,2024-03-05 11:00:00 UTC,yo\n"
            "c2,Robin Sample,https://www.linkedin.com/in/robin-000001\n")


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)


def assert_private(*texts: object) -> None:
    for text in texts:
        for needle in PRIVATE:
            assert needle not in str(text), needle


# --------------------------------------------------------------------------- problems: codes with values
def test_a_short_row_is_kept_as_a_code_with_its_values_and_worded_in_both_languages(tmp_path):
    s = read_export(write(tmp_path / "x", {"messages.csv": MESSAGES}))
    assert s.problem_details == (Problem("messages.csv", (4,), 1, "short_row"),)
    [p] = s.problem_details
    assert p.code == "short_row" and p.values == {"file": "messages.csv", "lines": (4,), "count": 1}
    assert s.problems == ("messages.csv: line 4: row with fewer fields than the header, not counted",)
    assert s.problem_texts("fr") == (
        "messages.csv, ligne 4\u00a0: ligne avec moins de champs que l’en-tête, non comptée",)
    assert dict(s.lines("fr"))["Illisibles (1)\u00a0:"] == list(s.problem_texts("fr"))
    assert s.to_dict()["problems"] == list(s.problems)       # the --json key keeps its (English) meaning
    assert_private(p.values, s.problems, s.problem_texts("fr"), summary_text(s, "fr"))
    with pytest.raises(ValueError, match="lang"):
        s.problem_texts("de")


def test_row_and_date_problems_carry_lines_and_counts_never_cells(tmp_path):
    conn = ("First Name,Last Name,Email Address,Connected On\n"
            + "".join(f"Robin,Sample,robin@example.com,05/0{i % 9 + 1}/2024\n" for i in range(25))
            + "Quinn,Placeholder\n" * 3)
    inv = "From,To,Sent At,Direction\nRobin Sample,Quinn Placeholder,\"3/15/24, 9:05 AM\",SIDEWAYS\n"
    s = read_export(write(tmp_path / "x", {"Connections.csv": conn, "Invitations.csv": inv}))
    got = {(p.file, p.code): p for p in s.problem_details}
    dates = got[("Connections.csv", "bad_dates")]
    assert dates.lines == tuple(range(2, 22)) and dates.count == 25        # 20 listed, 25 in all
    short = got[("Connections.csv", "short_rows")]
    assert short.lines == (27, 28, 29) and short.count == 3
    assert got[("Invitations.csv", "unknown_direction")].values == {
        "file": "Invitations.csv", "lines": (2,), "count": 1}
    for p in s.problem_details:
        assert set(p.values) == {"file", "lines", "count"}             # nothing taken from a row
    fr = s.problem_texts("fr")
    assert ("Connections.csv, lignes 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21 "
            "et 5 autres\u00a0: dates illisibles ou ambiguës (25 lignes en tout)\u00a0; "
            "lignes tout de même comptées") in fr
    for text in fr:
        assert typography_problems(text, "fr") == [], text
    assert_private(*fr, *s.problems, summary_text(s, "en"), summary_text(s, "fr"))


def test_expected_columns_are_values_quoted_per_language(tmp_path):
    s = read_export(write(tmp_path / "x", {"Invitations.csv": "a,b\n1,2\n", "Reactions.csv": "Date,Type,Link\n"}))
    [p] = s.problem_details
    assert (p.code, dict(p.params)) == ("no_header", {"columns": ("from", "to")})
    assert s.problems == ("Invitations.csv: line 1: no header row with the expected column(s) 'from', 'to'",)
    assert s.problem_texts("fr") == ("Invitations.csv, ligne 1\u00a0: aucune ligne d’en-tête avec la ou les "
                                     "colonnes attendues «\u00a0from\u00a0», «\u00a0to\u00a0»",)
    assert columns_text(("connectedon",), "en") == "'connectedon'"


def test_sizes_are_bytes_worded_with_the_unit_of_each_language(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_mod, "MAX_MEMBER_BYTES", 1000)
    conn = "First Name,Last Name,Connected On\n" + "A,B,05 Mar 2024\n" * 100
    folder = write(tmp_path / "x", {"Connections.csv": conn, "Reactions.csv": "Date,Type,Link\n"})
    s = read_export(folder)
    [p] = s.problem_details
    assert (p.code, p.values["size"]) == ("file_too_big", 1000)
    assert s.problems == ("Connections.csv: file over 1000 bytes: refused",)
    assert s.problem_texts("fr") == ("Connections.csv\u00a0: fichier de plus de 1\u202f000\u00a0octets\u00a0: refusé",)
    assert (size_text(512 * 2**20, "en"), size_text(512 * 2**20, "fr")) == ("512 MiB", "512\u00a0Mio")


# --------------------------------------------------------------------------- French runs
def test_a_french_run_prints_french_problem_lines_and_keeps_the_json_english(tmp_path):
    import shutil
    folder = tmp_path / "export"
    shutil.copytree(SAMPLE_DIR, folder)
    (folder / "Invitations.csv").chmod(0o644)
    (folder / "Invitations.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    r = run("export-summary", str(folder), "--lang", "fr")
    assert r.returncode == 0, r.stderr
    assert "Invitations\u00a0: illisible (voir plus bas)" in r.stdout
    assert ("Illisibles (1)\u00a0:\n  - Invitations.csv, ligne 1\u00a0: aucune ligne d’en-tête avec la ou les "
            "colonnes attendues «\u00a0from\u00a0», «\u00a0to\u00a0»") in r.stdout
    assert "line 1" not in r.stdout and "no header" not in r.stdout
    data = json.loads(run("export-summary", str(folder), "--json", "--lang", "fr").stdout)
    assert data["problems"] == ["Invitations.csv: line 1: no header row with the expected column(s) 'from', 'to'"]


def test_a_french_run_words_an_unreadable_export_in_french(tmp_path):
    r = run("export-summary", str(tmp_path / "missing.zip"), "--lang", "fr")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == "erreur\u00a0: missing.zip\u00a0: introuvable (fichier .zip ou dossier attendu)\n"
    r = run("export-summary", str(tmp_path / "missing.zip"))
    assert r.stderr == "error: missing.zip: not found (expected a .zip file or a folder)\n"


# --------------------------------------------------------------------------- errors: codes with values
def test_an_export_error_carries_its_code_and_values():
    with pytest.raises(ExportError) as info:
        read_export(Path("/nonexistent/missing.zip"))
    e = info.value
    assert (e.code, e.file, e.line, e.archive, e.others) == ("not_found", "missing.zip", None, "missing.zip", None)
    assert e.values == {"file": "missing.zip", "lines": (), "count": 0, "archive": "missing.zip"}
    assert str(e) == e.text("en") == "missing.zip: not found (expected a .zip file or a folder)"
    assert e.reason == "not found (expected a .zip file or a folder)"
    assert e.text("fr") == "missing.zip\u00a0: introuvable (fichier .zip ou dossier attendu)"
    assert e.text("en", archive="/home/me/missing.zip") == (
        "/home/me/missing.zip: not found (expected a .zip file or a folder)")
    again = pickle.loads(pickle.dumps(e))
    assert (str(again), again.code, again.archive) == (str(e), e.code, e.archive)


def test_nothing_usable_keeps_the_first_problem_and_counts_the_others(tmp_path):
    folder = write(tmp_path / "y", {"Connections.csv": b"PK\x03\x04", "Comments.csv": b"%PDF"})
    with pytest.raises(ExportError) as info:
        read_export(folder)
    e = info.value
    assert (e.code, e.file, e.line, e.others, e.archive) == ("not_csv_zip", "Connections.csv", 1, 1, "y")
    assert str(e) == ("Connections.csv: line 1: not a CSV file: it is a zip archive (starts with 'PK') "
                      "(and 1 more problem(s)); nothing usable in y")
    assert e.text("fr") == ("Connections.csv, ligne 1\u00a0: pas un fichier CSV\u00a0: c’est une archive zip "
                            "(commence par «\u00a0PK\u00a0») (et 1 autre(s) problème(s))"
                            "\u00a0; rien d’utilisable dans y")
    assert e.text("en", archive="/abs/y").endswith("; nothing usable in /abs/y")
    assert e.text("en", archive="/abs/y").startswith("Connections.csv: line 1: ")   # the file inside is kept


def test_a_broken_zip_inside_a_folder_of_parts_is_about_that_zip(tmp_path):
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("Reactions.csv", "Date,Type,Link\n2024-03-05 10:00:00,LIKE,x\n")
    folder = write(tmp_path / "parts", {"a.zip": good.getvalue(), "b.zip": b"PK\x03\x04 broken"})
    with pytest.raises(ExportError) as info:
        read_export(folder)
    assert (info.value.code, info.value.file, info.value.archive) == ("not_zip", "b.zip", None)
    assert info.value.text("en", archive="/abs/parts") == "b.zip: not a readable zip archive or folder"


def test_the_app_names_the_archive_from_the_error_fields(tmp_path):
    from beltlib.app.state import ReportState
    state = ReportState(tmp_path / "a.json")
    assert state.load_export(io.BytesIO(b"PK"), name="mine.zip") is False
    assert state.export_error == "mine.zip: not a readable zip archive or folder"
    assert state.load_export(tmp_path / "sub" / "export.zip") is False
    assert state.export_error == f"{tmp_path / 'sub' / 'export.zip'}: not found (expected a .zip file or a folder)"
    good = io.BytesIO()
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("Reactions.csv", "Date,Type,Link\n")
    folder = write(tmp_path / "parts", {"a.zip": good.getvalue(), "b.zip": b"PK\x03\x04 broken"})
    assert state.load_export(folder) is False
    assert state.export_error == f"{folder}: b.zip: not a readable zip archive or folder"
    bad = write(tmp_path / "bad", {"Comments.csv": b"%PDF"})
    assert state.load_export(bad) is False
    assert state.export_error == f"Comments.csv: line 1: not a CSV file: it is a PDF document; nothing usable in {bad}"
    assert not (tmp_path / "a.json").exists()
