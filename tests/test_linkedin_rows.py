"""Issue 12: every row accounted for, whoever wrote the export.

The four inputs of the issue with their exact expected values; the shared reading rules
they exercise (short rows, backslash and doubled quotes, per-cell dates, month-name
message dates) in every file; two-part downloads; problems in French; a property test.
Names are invented.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beltlib.linkedin import ExportSummary, prefill_answers, read_export, summary_items, summary_text

ROOT = Path(__file__).resolve().parents[1]
MSG10 = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
         "DATE", "SUBJECT", "CONTENT", "FOLDER"]
ROBIN, ROBIN_URL = "Robin Sample", "https://www.linkedin.com/in/robin-sample-000001"
QUINN, QUINN_URL = "Quinn Placeholder", "https://www.linkedin.com/in/quinn-placeholder-000002"
CONN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
PRIVATE = ("Robin", "Quinn", "Sample", "Placeholder", "linkedin.com/in", "yes, sure", "Ann", "Lee")


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def messages10(extra: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(MSG10)
    w.writerow(["c1", "", ROBIN, ROBIN_URL, QUINN, QUINN_URL, "2024-05-02 09:00:00 UTC", "", "Hello Quinn", "INBOX"])
    w.writerow(["c1", "", QUINN, QUINN_URL, ROBIN, ROBIN_URL, "2024-05-02 10:00:00 UTC", "", "Hi Robin", "INBOX"])
    return buf.getvalue() + extra


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", *args], capture_output=True, text=True, cwd=ROOT)


def private_free(s: ExportSummary) -> None:
    texts = list(s.problems) + [summary_text(s, "en"), summary_text(s, "fr"), json.dumps(s.to_dict(extended=True))]
    for text in texts:
        for needle in PRIVATE:
            assert needle not in text, needle


# --------------------------------------------------------------------------- 1. short or broken rows
def test_issue_input_1_badrow_in_messages_is_not_a_message(tmp_path):
    s = read_export(write(tmp_path / "x", {"messages.csv": messages10("BADROW\n")}))
    assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1)
    assert s.problems == ("messages.csv: line 4: row with fewer fields than the header, not counted",)
    private_free(s)


def test_short_message_row_with_a_name_is_named_and_the_rest_read(tmp_path):
    s = read_export(write(tmp_path / "x", {"messages.csv": messages10("c9,,Someone\n")}))
    assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1)
    assert s.problems == ("messages.csv: line 4: row with fewer fields than the header, not counted",)


def test_connection_rows_cut_short_are_named_with_every_line_and_how_many(tmp_path):
    rows = ["Ann,Lee,,,Acme,Engineer,14 Nov 2022", "Bo,Li,,,Acme",           # line 3: cut short
            "Cy,Ng,,,Acme,Engineer,15 Nov 2022", "Di,Wu", "", "Ed,Yu,,,X,Y,16 Nov 2022"]  # line 5 cut, 6 blank
    s = read_export(write(tmp_path / "x", {"Connections.csv": CONN_HEADER + "\n".join(rows) + "\n"}))
    assert s.connections == 3 and (s.first_connection, s.last_connection) == ("2022-11-14", "2022-11-16")
    assert s.problems == ("Connections.csv: lines 3, 5: rows with fewer fields than the header, not counted "
                          "(2 rows in all)",)
    private_free(s)


def test_rows_with_extra_cells_are_malformed_but_trailing_empty_cells_are_not(tmp_path):
    rows = ["Ann,Lee,,,Acme,Engineer,14 Nov 2022,,", "Bo,Li,,,Acme,Engineer,15 Nov 2022,oops"]
    s = read_export(write(tmp_path / "x", {"Connections.csv": CONN_HEADER + "\n".join(rows) + "\n"}))
    assert s.connections == 1
    assert s.problems == ("Connections.csv: line 3: row with more fields than the header, not counted",)


def test_short_rows_in_every_file_kind(tmp_path):
    files = {"Invitations.csv": "From,To,Sent At,Message,Direction\n"
                                'Ann Lee,Bo Li,"3/15/24, 9:05 AM",,OUTGOING\nAnn Lee,Bo\n',
             "Comments.csv": "Date,Link,Message\n2024-01-02 10:00:00,l,m\n2024-01-03 10:00:00\n",
             "Reactions.csv": "Date,Type,Link\n2024-01-02 10:00:00,LIKE,l\nx\n"}
    s = read_export(write(tmp_path / "x", files))
    assert (s.invitations_sent, s.invitations_received, s.comments, s.reactions) == (1, 0, 1, 1)
    assert sorted(s.problems) == [
        "Comments.csv: line 3: row with fewer fields than the header, not counted",
        "Invitations.csv: line 3: row with fewer fields than the header, not counted",
        "Reactions.csv: line 3: row with fewer fields than the header, not counted"]


# --------------------------------------------------------------------------- 2. backslash-escaped quotes
COMMENTS_BACKSLASH = ('Date,Link,Message\n'
                      '2024-01-02 10:00:00,https://www.linkedin.com/feed/update/1,"Great post"\n'
                      '2024-01-03 10:00:00,https://www.linkedin.com/feed/update/2,"I said \\"yes, sure\\" to that"\n')


def test_issue_input_2_backslash_escaped_quotes_in_comments(tmp_path):
    folder = write(tmp_path / "x", {"Comments.csv": COMMENTS_BACKSLASH})
    s = read_export(folder)
    assert s.comments == 2 and s.problems == ()
    assert s.timeline.posts_comments_per_month == {"2024-01": 2}
    r = cli("export-summary", str(folder), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["comments"] == 2


def test_both_quote_escapes_in_one_file_and_in_every_free_text_file(tmp_path):
    doubled = '"He said ""hi, there"" twice"'
    backslash = '"He said \\"hi, there\\" twice"'
    files = {
        "Comments.csv": f"Date,Link,Message\n2024-01-02 10:00:00,l,{doubled}\n2024-01-03 10:00:00,l,{backslash}\n",
        "Shares.csv": "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
                      f"2024-02-01 10:00:00,l,{backslash},,,MEMBER_NETWORK\n"
                      f"2024-02-02 10:00:00,l,\"multi\nline {backslash[1:-1]}\",,,MEMBER_NETWORK\n",
        "messages.csv": messages10(f'c2,,{ROBIN},{ROBIN_URL},{QUINN},{QUINN_URL},2024-05-03 09:00:00 UTC,,'
                                   f'{backslash},INBOX\n'),
    }
    s = read_export(write(tmp_path / "x", files))
    assert (s.comments, s.shares) == (2, 2)
    assert (s.messages_sent + s.messages_received, s.conversations) == (3, 2)
    assert s.problems == ()


def test_a_field_ending_with_a_backslash_in_a_doubled_quote_file_is_read(tmp_path):
    text = 'Date,Link,Message\n2024-01-02 10:00:00,l,"see C:\\"\n2024-01-03 10:00:00,l,"say ""hi"""\n'
    s = read_export(write(tmp_path / "x", {"Comments.csv": text}))
    assert s.comments == 2 and s.problems == ()


# --------------------------------------------------------------------------- 3. per-cell dates
def test_issue_input_3_connection_dates_read_cell_by_cell_in_either_order(tmp_path):
    for name, rows in (("a", ["A,B,,,,,14 Nov 2022", "C,D,,,,,2021-03-05"]),
                       ("b", ["C,D,,,,,2021-03-05", "A,B,,,,,14 Nov 2022"])):
        s = read_export(write(tmp_path / name, {"Connections.csv": CONN_HEADER + "\n".join(rows) + "\n"}))
        assert (s.first_connection, s.last_connection) == ("2021-03-05", "2022-11-14"), name
        assert s.connections == 2 and s.problems == (), name


def test_unreadable_dates_are_named_line_by_line_never_a_valid_one(tmp_path):
    rows = ["A,B,,,,,14 Nov 2022", "C,D,,,,,05/03/2024", "E,F,,,,,2021-03-05", "G,H,,,,,yesterday",
            'I,J,,,,,"Mar 5, 2024"']
    s = read_export(write(tmp_path / "x", {"Connections.csv": CONN_HEADER + "\n".join(rows) + "\n"}))
    assert s.connections == 5          # rows with an unreadable date still count
    assert s.timeline.connection_dates == ("2021-03-05", "2022-11-14", "2024-03-05")
    assert s.problems == (
        "Connections.csv: lines 3, 5: unreadable or ambiguous date (2 rows in all); rows still counted",)


def test_more_than_twenty_bad_lines_are_listed_up_to_twenty_then_counted(tmp_path):
    rows = [f"A{i},B,,,,,31/31/2024" for i in range(25)]
    s = read_export(write(tmp_path / "x", {"Connections.csv": CONN_HEADER + "\n".join(rows) + "\n"}))
    lines = ", ".join(str(n) for n in range(2, 22))
    assert s.problems == (f"Connections.csv: lines {lines} and 5 more: unreadable or ambiguous date "
                          "(25 rows in all); rows still counted",)
    assert s.problem_details[0].lines == tuple(range(2, 22)) and s.problem_details[0].count == 25


def test_invitation_and_activity_dates_mix_formats_per_cell(tmp_path):
    inv = ("From,To,Sent At,Message,Direction\n"
           'Ann Lee,Bo Li,"3/15/24, 9:05 AM",,OUTGOING\n'
           "Ann Lee,Cy Ng,2024-04-01 10:00:00,,OUTGOING\n")
    com = 'Date,Link,Message\n2024-01-02 10:00:00,l,m\n"2/3/24, 10:00 AM",l,m\n"March 4, 2024, 9:00 AM",l,m\n'
    s = read_export(write(tmp_path / "x", {"Invitations.csv": inv, "Comments.csv": com}))
    assert s.timeline.invitations_sent_per_month == {"2024-03": 1, "2024-04": 1}
    assert s.timeline.posts_comments_per_month == {"2024-01": 1, "2024-02": 1, "2024-03": 1}
    assert s.problems == ()


# --------------------------------------------------------------------------- 4. pre-2020 message dates
OLD_MESSAGES = ("FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n"
                f'{ROBIN},{QUINN},"April 25, 2019, 10:44 AM",Hello,"Are you free?",INCOMING,INBOX\n'
                f'{QUINN},{ROBIN},"April 25, 2019, 11:00 AM",Re: Hello,"Yes, call me",OUTGOING,SENT\n')


def test_issue_input_4_month_name_message_dates_in_messages_and_inbox(tmp_path):
    for name in ("messages.csv", "Inbox.csv"):
        s = read_export(write(tmp_path / name, {name: OLD_MESSAGES}))
        assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1), name
        assert (s.timeline.replies, s.timeline.replies_within_day) == (1, 1), name
        assert s.replies_same_day_share == 1.0, name
        assert s.timeline.messages_sent_per_month == {"2019-04": 1}, name
        assert s.timeline.reference_date == "2019-04-25", name
        answers, provenance = prefill_answers(s, {"schema": 1, "reply_time": "rarely"})
        assert answers["reply_time"] == "same_day" and provenance["reply_time"] == "export", name
        assert s.problems == (), name


# --------------------------------------------------------------------------- two-part downloads
BASIC = {"Connections.csv": CONN_HEADER + "A,B,,,,,14 Nov 2022\nC,D,,,,,15 Nov 2022\n",
         "Profile.csv": "First Name,Last Name\nQuinn,Placeholder\n"}
COMPLETE = {"Connections.csv": CONN_HEADER + "A,B,,,,,14 Nov 2022\nC,D,,,,,15 Nov 2022\nE,F,,,,,16 Nov 2022\n",
            "Profile.csv": "First Name,Last Name\nQuinn,Placeholder\n",
            "messages.csv": messages10(""), "Comments.csv": COMMENTS_BACKSLASH}


def test_two_parts_read_as_one_export_with_shared_files_counted_once(tmp_path):
    a, b = tmp_path / "Basic.zip", tmp_path / "Complete.zip"
    a.write_bytes(zip_bytes(BASIC))
    b.write_bytes(zip_bytes(COMPLETE))
    s = read_export(a, b)
    assert s.connections == 3            # the complete copy, once (not 2 + 3)
    assert (s.messages_sent, s.messages_received, s.comments) == (1, 1, 2)
    assert s.parts == 2 and s.files_in_several_parts == ("Connections.csv", "Profile.csv")
    assert s.files_present == ("Comments.csv", "Connections.csv", "messages.csv", "Profile.csv")
    assert read_export([b, a]) == s      # the order of the parts changes nothing
    d = s.to_dict()
    assert d["parts"] == 2 and d["files_in_several_parts"] == ["Connections.csv", "Profile.csv"]
    assert list(d)[:16] == ["connections", "first_connection", "last_connection", "invitations_sent",
                            "invitations_received", "messages_sent", "messages_received", "conversations",
                            "conversations_started", "replies_same_day_share", "shares", "comments",
                            "reactions", "paid_subscription", "files_present", "problems"]
    text = summary_text(s)
    assert "Parts read as one export: 2" in text
    assert "Files in more than one part (each read once): Connections.csv, Profile.csv" in text
    assert "Parties lues comme un seul export\u00a0: 2" in summary_text(s, "fr")
    private_free(s)


def test_a_folder_holding_both_zips_and_the_cli_with_two_paths(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "Basic_LinkedInDataExport_11-02-2026.zip").write_bytes(zip_bytes(BASIC))
    (folder / "Complete_LinkedInDataExport_11-02-2026.zip").write_bytes(zip_bytes(COMPLETE))
    s = read_export(folder)
    assert (s.parts, s.connections, s.files_in_several_parts) == (2, 3, ("Connections.csv", "Profile.csv"))
    r = cli("export-summary", *sorted(str(p) for p in folder.iterdir()), "--json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["parts"], d["connections"], d["files_in_several_parts"]) == (2, 3, ["Connections.csv", "Profile.csv"])
    r = cli("export-summary", str(folder))
    assert r.returncode == 0 and "Parts read as one export: 2" in r.stdout
    assert "Files in more than one part (each read once): Connections.csv, Profile.csv" in r.stdout


def test_one_part_keeps_the_summary_exactly_as_before(tmp_path):
    one = tmp_path / "one.zip"
    one.write_bytes(zip_bytes(COMPLETE))
    s = read_export(one)
    assert s.parts == 1 and "parts" not in s.to_dict() and "files_in_several_parts" not in s.to_dict()
    assert "Parts" not in summary_text(s)
    assert read_export([one]) == s


def test_two_parts_without_shared_file_and_a_missing_part(tmp_path):
    a, b = tmp_path / "a.zip", tmp_path / "b.zip"
    a.write_bytes(zip_bytes({"Connections.csv": BASIC["Connections.csv"]}))
    b.write_bytes(zip_bytes({"Comments.csv": COMMENTS_BACKSLASH}))
    s = read_export(a, b)
    assert (s.connections, s.comments, s.files_in_several_parts) == (2, 2, ())
    assert "No file in more than one part" in summary_text(s)
    r = cli("export-summary", str(a), str(tmp_path / "missing.zip"))
    assert r.returncode == 2 and "missing.zip: not found" in r.stderr


# --------------------------------------------------------------------------- French problems
def test_problems_are_worded_in_french_on_french_pages(tmp_path):
    s = read_export(write(tmp_path / "x", {"messages.csv": messages10("BADROW\n")}))
    items = dict(summary_items(s, "fr"))
    assert items["Illisibles (1)\u00a0:"] == [
        "messages.csv, ligne 4\u00a0: ligne avec moins de champs que l’en-tête, non comptée"]
    assert s.problems == ("messages.csv: line 4: row with fewer fields than the header, not counted",)


# --------------------------------------------------------------------------- property test
FREE_TEXT = st.text(alphabet=st.sampled_from(list("abc XYZ,\"'\n;é")), min_size=0, max_size=20)
CONN_DATES = ["14 Nov 2022", "2021-03-05", '"Mar 5, 2024"', "5-Mar-24", "2019-12-30"]
COMMENT_DATES = ["2024-01-02 10:00:00", '"1/2/24, 10:00 AM"', '"January 2, 2024, 10:00 AM"', "2023-12-31"]


def quoted(text: str, style: str) -> str:
    if style == "plain" and not any(c in text for c in ',"\n'):
        return text
    inner = text.replace('"', '\\"') if style == "backslash" else text.replace('"', '""')
    return f'"{inner}"'


@st.composite
def export_files(draw):
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    files, expected = {}, {}
    # Connections.csv: optional Notes preamble; rows well-formed or cut short
    text = bom + (('Notes:\n"Some e-mail addresses may be missing."' + eol + eol) if draw(st.booleans()) else "")
    text += CONN_HEADER.rstrip("\n") + eol
    good, bad = 0, []
    for i in range(draw(st.integers(0, 12))):
        date = draw(st.sampled_from(CONN_DATES))
        cells = [f"N{i}", "L", "", "", quoted(draw(FREE_TEXT), draw(st.sampled_from(["plain", "doubled"]))), "P",
                 date]
        cut = draw(st.integers(0, 6)) if draw(st.integers(0, 3)) == 0 else 7
        line = text.count("\n") + 1
        text += ",".join(cells[:max(cut, 1)]) + eol
        if cut == 7:
            good += 1
        else:
            bad.append(line)
    files["Connections.csv"] = text
    expected["Connections.csv"] = (good, bad)
    # Comments.csv: free text escaped by doubling or by backslash, dates mixed per cell
    text = draw(st.sampled_from(["", "\ufeff"])) + "Date,Link,Message" + eol
    good, bad = 0, []
    for _ in range(draw(st.integers(0, 12))):
        date = draw(st.sampled_from(COMMENT_DATES))
        message = quoted(draw(FREE_TEXT), draw(st.sampled_from(["plain", "doubled", "backslash"])))
        line = text.count("\n") + 1
        if draw(st.integers(0, 3)) == 0:
            text += ",".join([date, "l"][:draw(st.integers(1, 2))]) + eol
            bad.append(line)
        else:
            text += f"{date},l,{message}{eol}"
            good += 1
    files["Comments.csv"] = text
    expected["Comments.csv"] = (good, bad)
    return files, expected


@given(export_files())
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_property_every_good_row_counted_once_every_bad_row_named(case):
    files, expected = case
    s = read_export(io.BytesIO(zip_bytes(files)))
    assert s.connections == expected["Connections.csv"][0]
    assert s.comments == expected["Comments.csv"][0]
    got = {p.file: p for p in s.problem_details}
    for name, (_, bad) in expected.items():
        if bad:
            p = got.pop(name)
            assert p.lines == tuple(bad) and p.count == len(bad)
            assert p.reason == ("short_row" if len(bad) == 1 else "short_rows")
            listed = f"line {bad[0]}:" if len(bad) == 1 else "lines " + ", ".join(map(str, bad)) + ":"
            assert s.problems[s.problem_details.index(p)].startswith(f"{name}: {listed}")
    assert got == {}                      # no other problem: every date and every quote was read


# --------------------------------------------------------------------------- streamed files (big members)
SAMPLE_ZIP = ROOT / "tests" / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"


def test_streamed_members_give_the_same_summary_as_members_read_whole(monkeypatch, tmp_path):
    from beltlib.linkedin import readers
    whole = read_export(SAMPLE_ZIP)
    monkeypatch.setattr(readers, "STREAM_MIN_BYTES", 1)        # stream every member
    assert read_export(SAMPLE_ZIP) == whole
    assert read_export(SAMPLE_ZIP.parent / "linkedin-export-basic") == whole
    files = {"Comments.csv": COMMENTS_BACKSLASH, "messages.csv": messages10("BADROW\n"),
             "Connections.csv": "\ufeff" + CONN_HEADER + "A,B,,,,,14 Nov 2022\nC,D,,,,,2021-03-05\n"}
    monkeypatch.setattr(readers, "STREAM_MIN_BYTES", 1 << 40)
    expected = read_export(io.BytesIO(zip_bytes(files)))
    monkeypatch.setattr(readers, "STREAM_MIN_BYTES", 1)
    assert read_export(io.BytesIO(zip_bytes(files))) == expected
    assert expected.comments == 2 and expected.connections == 2 and len(expected.problems) == 1


def test_streamed_member_checked_as_it_is_read(monkeypatch):
    from beltlib.linkedin import readers
    monkeypatch.setattr(readers, "STREAM_MIN_BYTES", 1)
    rows = "".join(f"N{i},L,,,,,14 Nov 2022\n" for i in range(5000))           # ~150 KB: past the first bytes
    nul = CONN_HEADER + rows + "X,Y,,,,,14 Nov 2022\x00\n"
    s = read_export(io.BytesIO(zip_bytes({"Connections.csv": nul, "Comments.csv": COMMENTS_BACKSLASH})))
    assert s.connections is None and s.comments == 2
    assert s.problems == ("Connections.csv: line 5002: binary content (NUL byte): not a CSV file",)
    cp1252 = (CONN_HEADER + rows + "Ren\xe9e,L,,,,,15 Nov 2022\n").encode("cp1252")   # not UTF-8, late
    s = read_export(io.BytesIO(zip_bytes({"Connections.csv": cp1252})))
    assert s.connections == 5001 and s.last_connection == "2022-11-15" and s.problems == ()
    data = bytearray(zip_bytes({"Connections.csv": CONN_HEADER + rows, "Comments.csv": COMMENTS_BACKSLASH}))
    start = data.find(b"Connections.csv") + len("Connections.csv") + 2000      # inside the compressed data
    data[start:start + 64] = bytes(64)
    s = read_export(io.BytesIO(bytes(data)))
    assert s.connections is None and s.comments == 2
    assert s.problems == ("Connections.csv: cannot be decompressed (damaged, encrypted or unsupported)",)


# --------------------------------------------------------------------------- the app and publish take parts too
def test_live_app_upload_of_both_zips_and_publish_with_two_parts(tmp_path):
    import beltlib.app as ui
    basic, complete = zip_bytes(BASIC), zip_bytes(COMPLETE)
    r = ui.open_report(answers_path=tmp_path / "answers.json", live=True)
    r.app()
    r.export_upload.set_state({"value": [
        {"name": "Basic.zip", "type": "application/zip", "size": len(basic), "content": memoryview(basic),
         "last_modified": 0},
        {"name": "Complete.zip", "type": "application/zip", "size": len(complete), "content": memoryview(complete),
         "last_modified": 0}]})
    assert r.state.export_error is None and r.state.export_name == "Basic.zip + Complete.zip"
    assert (r.state.export_summary.parts, r.state.answers.connections) == (2, 3)
    assert "Parts read as one export: 2" in r.export_panel.parts["summary"].value
    a, b = tmp_path / "Basic.zip", tmp_path / "Complete.zip"
    a.write_bytes(basic)
    b.write_bytes(complete)
    out = tmp_path / "i.html"
    p = cli("publish", "--interactive", "--export", str(a), str(b), "-o", str(out))
    assert p.returncode == 0, p.stderr
    page = out.read_text(encoding="utf-8")
    assert "Parts read as one export: 2" in page
    assert "Files in more than one part (each read once): Connections.csv, Profile.csv" in page
