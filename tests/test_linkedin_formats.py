"""One test per real-world format trap of LinkedIn exports (issue 5), each on a small
fixture generated here (tmp_path or an in-memory zip)."""
from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

import pytest

from beltlib.linkedin import ExportError, ExportSummary, read_export
from beltlib.linkedin.csvfile import fix_mojibake
from beltlib.linkedin.summary import SUMMARY_KEYS

OWNER = "Nora Whitcombe"
OWNER_URL = "https://www.linkedin.com/in/nora-whitcombe-000000"
NOTES = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses '
         'are missing. You will only see email addresses for connections who have allowed it."\n\n')
CONN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
MSG_COLUMNS = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
               "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"]
INV_HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"


# --------------------------------------------------------------------------- helpers
def write_folder(root: Path, files: dict[str, bytes | str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


def zip_bytes(files: dict[str, bytes | str], top: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr((top + "/" + name) if top else name,
                       data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def read_zip(files: dict[str, bytes | str], top: str | None = None) -> ExportSummary:
    return read_export(io.BytesIO(zip_bytes(files, top)))


def messages_csv(rows: list[list[str]], columns: list[str] = MSG_COLUMNS) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return buf.getvalue()


def msg(conv: str, sender: str, sender_url: str, when: str, content: str = "hello", folder: str = "INBOX",
        to: str = "Someone", to_urls: str = "") -> list[str]:
    return [conv, "", sender, sender_url, to, to_urls, when, "", content, folder, ""]


def other(n: int) -> tuple[str, str]:
    return f"Person {n}", f"https://www.linkedin.com/in/person-{n:06d}"


def _invitations_with_owner_url() -> str:
    return INV_HEADER + f'{OWNER},Ann Lee,"3/15/24, 9:05 AM",,OUTGOING,{OWNER_URL},https://www.linkedin.com/in/a\n'


def connections_csv(rows: list[str], notes: bool = True, header: str = CONN_HEADER) -> str:
    return (NOTES if notes else "") + header + "\n".join(rows)


# --------------------------------------------------------------------------- Connections.csv
def test_notes_block_and_blank_lines_before_connections_header(tmp_path):
    text = NOTES + "\n\n" + CONN_HEADER + "Ann,Lee,https://www.linkedin.com/in/ann-lee-1,,Acme,PM,05 Mar 2024\n"
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": text}))
    assert s.connections == 1
    assert s.first_connection == s.last_connection == "2024-03-05"
    assert s.problems == ()


def test_connections_columns_are_mapped_by_name_not_position(tmp_path):
    old = "First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,,Acme,PM,16 Jan 2019\n"
    reordered = "Connected On,Position,Company,URL,Last Name,First Name\n02 Feb 2023,PM,Acme,https://x,Lee,Bo\n"
    s_old = read_export(write_folder(tmp_path / "old", {"Connections.csv": old}))
    s_new = read_export(write_folder(tmp_path / "new", {"Connections.csv": reordered}))
    assert (s_old.connections, s_old.first_connection) == (1, "2019-01-16")
    assert (s_new.connections, s_new.first_connection) == (1, "2023-02-02")


def test_date_only_rows_are_hidden_profiles_and_comma_only_rows_are_not_counted(tmp_path):
    rows = ["Ann,Lee,https://www.linkedin.com/in/a,,Acme,PM,05 Mar 2024",
            ",,,,,,06 Mar 2024",          # hidden profile: counted
            ",,,,,,",                      # only commas: not counted
            "",                            # blank line: not counted
            ",,,,,,07 Mar 2024"]
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": connections_csv(rows)}))
    assert s.connections == 3
    assert s.timeline.connection_dates == ("2024-03-05", "2024-03-06", "2024-03-07")


def test_connection_dates_in_other_unambiguous_shapes(tmp_path):
    # Excel re-saves turn "05 Mar 2024" into "5-Mar-24"; month names are never ambiguous
    excel = connections_csv(["A,B,,,,,5-Mar-24", "C,D,,,,,30-Dec-2019"], notes=False)
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": excel}))
    assert (s.first_connection, s.last_connection) == ("2019-12-30", "2024-03-05")
    assert s.problems == ()


def test_numeric_connection_dates_are_never_guessed(tmp_path):
    # 05/03/2024 could be 5 March or 3 May: refused (rows still counted, one problem)
    text = connections_csv(["A,B,,,,,05/03/2024", "C,D,,,,,06/03/2024"])
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": text}))
    assert s.connections == 2
    assert s.first_connection is None and s.timeline.connection_dates == ()
    assert len(s.problems) == 1
    # every unreadable line is named (issue 12), and how many
    assert s.problems[0] == ("Connections.csv: lines 5, 6: unreadable or ambiguous date (2 rows in all); "
                             "rows still counted")


# --------------------------------------------------------------------------- dates per file
def test_invitation_dates_are_month_first_and_never_swapped(tmp_path):
    inv = INV_HEADER + "\n".join([
        f'{OWNER},Ann Lee,"3/15/24, 9:05 AM",,OUTGOING,{OWNER_URL},https://www.linkedin.com/in/a',
        f'{OWNER},Bo Li,"12/1/24, 12:30 PM",,OUTGOING,{OWNER_URL},https://www.linkedin.com/in/b',
        f'Cy Ng,{OWNER},"8/25/18, 1:05 AM",,INCOMING,https://www.linkedin.com/in/c,{OWNER_URL}',
        f'Di Wu,{OWNER},"13/1/24, 1:05 AM",,INCOMING,https://www.linkedin.com/in/d,{OWNER_URL}',   # day first: refused
    ]) + "\n"
    s = read_export(write_folder(tmp_path / "x", {"Invitations.csv": inv}))
    assert (s.invitations_sent, s.invitations_received) == (2, 2)
    assert s.timeline.invitations_sent_per_month == {"2024-03": 1, "2024-12": 1}   # 12/1 is 1 December
    assert s.timeline.reference_date == "2024-12-01"
    assert s.problems == ("Invitations.csv: line 5: unreadable or ambiguous date; rows still counted",)


def test_message_dates_iso_utc_and_old_us_format(tmp_path):
    a, a_url = other(1)
    new = messages_csv([msg("c1", a, a_url, "2024-06-11 15:33:58 UTC"),
                        msg("c1", OWNER, OWNER_URL, "2024-06-11 16:00:00 UTC")])
    old = messages_csv([msg("c1", a, a_url, "8/25/18, 1:05 AM"),
                        msg("c1", OWNER, OWNER_URL, "8/26/18, 1:06 AM")])
    for name, text, expected in (("new", new, 1.0), ("old", old, 0.0)):
        s = read_export(write_folder(tmp_path / name, {"messages.csv": text,
                                                       "Invitations.csv": _invitations_with_owner_url()}))
        assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1), name
        assert s.replies_same_day_share == expected, name        # 1:05 AM -> next day 1:06 AM = 24 h 1 min
        assert s.problems == (), name


# --------------------------------------------------------------------------- messages.csv
def test_message_columns_are_read_by_name(tmp_path):
    a, a_url = other(1)
    cols = ["DATE", "FOLDER", "CONTENT", "FROM", "CONVERSATION ID", "SENDER PROFILE URL", "TO"]   # 2019-like, reordered
    rows = [["2019-03-01 10:00:00 UTC", "INBOX", "hi", a, "c1", a_url, OWNER],
            ["2019-03-01 11:00:00 UTC", "INBOX", "hello", OWNER, "c1", OWNER_URL, a],
            ["2019-04-01 11:00:00 UTC", "INBOX", "ping", OWNER, "c2", OWNER_URL, a]]
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": messages_csv(rows, cols),
                                                  "Profile.csv": "First Name,Last Name\nNora,Whitcombe\n"}))
    assert (s.messages_sent, s.messages_received, s.conversations, s.conversations_started) == (2, 1, 2, 1)
    assert s.replies_same_day_share == 1.0


def test_multiline_quoted_content_with_commas_quotes_and_crlf(tmp_path):
    a, a_url = other(1)
    tricky = 'Line one, with a comma\r\n"quoted", and ""double""\r\n\r\nlast line,'
    text = messages_csv([msg("c1", OWNER, OWNER_URL, "2024-01-02 10:00:00 UTC", tricky),
                         msg("c1", a, a_url, "2024-01-02 09:00:00 UTC", tricky + "\n" * 3)])
    text = text.replace("\n", "\r\n")       # CRLF line ends around quoted CRLF content
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": text,
                                                  "Invitations.csv": _invitations_with_owner_url()}))
    assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1)
    assert s.replies_same_day_share == 1.0


def test_recipient_lists_joined_with_commas_and_names_with_phd(tmp_path):
    a, a_url = other(1)
    b, b_url = "Marcus Oyelaran, PhD", "https://www.linkedin.com/in/marcus-oyelaran-000002"
    rows = [msg("g", a, a_url, "2024-01-01 09:00:00 UTC", to=f"{OWNER},{b}", to_urls=f"{OWNER_URL},{b_url}"),
            msg("g", b, b_url, "2024-01-01 09:30:00 UTC", to=f"{a},{OWNER}", to_urls=f"{a_url},{OWNER_URL}"),
            msg("g", OWNER, OWNER_URL, "2024-01-02 09:31:00 UTC", to=f"{a},{b}", to_urls=f"{a_url},{b_url}"),
            msg("h", OWNER, OWNER_URL, "2024-03-01 09:00:00 UTC", to=b, to_urls=b_url)]
    # no Profile/Invitations: the owner is the participant (sender or recipient URL) found in
    # the most conversations; splitting the URL lists on commas is safe, names are never split
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": messages_csv(rows)}))
    assert (s.messages_sent, s.messages_received, s.conversations, s.conversations_started) == (2, 2, 2, 1)
    assert s.replies_same_day_share == 0.0      # 24 h 01 min after the latest message


@pytest.mark.parametrize("name", ["Messages.csv", "Inbox.csv", "messages.csv", "messages_1.csv"])
def test_old_message_file_names(tmp_path, name):
    a, a_url = other(1)
    text = messages_csv([msg("c1", a, a_url, "2020-01-01 10:00:00 UTC"),
                         msg("c1", OWNER, OWNER_URL, "2020-01-01 12:00:00 UTC")])
    s = read_export(write_folder(tmp_path / "x", {name: text, "Profile.csv": "First Name,Last Name\nNora,Whitcombe\n"}))
    assert (s.messages_sent, s.messages_received) == (1, 1)
    assert s.files_present == tuple(sorted((name, "Profile.csv"), key=str.lower))


def test_helper_message_files_are_not_messages(tmp_path):
    s = read_export(write_folder(tmp_path / "x", {
        "guide_messages.csv": "CONVERSATION ID,FROM,DATE\n\n",
        "LearningCoachMessages.csv": "No conversations found\n\n",
        "Connections.csv": connections_csv(["A,B,,,,,01 Jan 2020"])}))
    assert s.messages_sent is None and s.messages_received is None       # not in the archive
    assert s.connections == 1


def test_placeholder_messages_file_counts_zero(tmp_path):
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": "No conversations found\n\n"}))
    assert (s.messages_sent, s.messages_received, s.conversations) == (0, 0, 0)
    assert s.replies_same_day_share is None and s.problems == ()


def test_drafts_are_excluded(tmp_path):
    a, a_url = other(1)
    rows = [msg("c1", a, a_url, "2024-01-01 09:00:00 UTC"),
            msg("c1", OWNER, OWNER_URL, "2024-01-01 09:05:00 UTC", folder="DRAFT"),
            msg("c1", OWNER, OWNER_URL, "2024-01-03 09:00:00 UTC")]
    s = read_export(write_folder(tmp_path / "folder", {"messages.csv": messages_csv(rows),
                                                       "Invitations.csv": _invitations_with_owner_url()}))
    assert (s.messages_sent, s.messages_received) == (1, 1)
    assert s.replies_same_day_share == 0.0            # the draft is not a reply
    cols = MSG_COLUMNS[:-1] + ["IS MESSAGE DRAFT"]
    rows2 = [r[:-1] + [flag] for r, flag in zip(rows, ["No", "Yes", "No"], strict=True)]
    for r in rows2:
        r[9] = "INBOX"
    s2 = read_export(write_folder(tmp_path / "column", {"messages.csv": messages_csv(rows2, cols),
                                                        "Invitations.csv": _invitations_with_owner_url()}))
    assert (s2.messages_sent, s2.messages_received, s2.replies_same_day_share) == (1, 1, 0.0)


@pytest.mark.parametrize("hints", ["invitations", "profile", "none"])
def test_owner_is_found_with_or_without_hints(tmp_path, hints):
    a, a_url = other(1)
    b, b_url = other(2)
    rows = [msg("c1", a, a_url, "2024-01-01 09:00:00 UTC", to=OWNER, to_urls=OWNER_URL),
            msg("c1", OWNER, OWNER_URL, "2024-01-01 10:00:00 UTC", to=a, to_urls=a_url),
            msg("c2", b, b_url, "2024-02-01 09:00:00 UTC", to=OWNER, to_urls=OWNER_URL),
            msg("c2", b, b_url, "2024-02-03 09:00:00 UTC", to=OWNER, to_urls=OWNER_URL),
            msg("c3", OWNER, OWNER_URL, "2024-03-01 09:00:00 UTC", to=b, to_urls=b_url)]
    files = {"messages.csv": messages_csv(rows)}
    if hints == "invitations":
        files["Invitations.csv"] = _invitations_with_owner_url()
    elif hints == "profile":
        files["Profile.csv"] = "First Name,Last Name,Headline\nNora,Whitcombe,PM\n"
    s = read_export(write_folder(tmp_path / hints, files))
    assert (s.messages_sent, s.messages_received, s.conversations, s.conversations_started) == (2, 3, 3, 1)
    assert s.timeline.unanswered_turns == 1


def test_owner_hint_that_matches_nobody_falls_back_to_most_conversations(tmp_path):
    a, a_url = other(1)
    rows = [msg("c1", a, a_url, "2024-01-01 09:00:00 UTC", to=OWNER, to_urls=OWNER_URL),
            msg("c1", OWNER, OWNER_URL, "2024-01-01 10:00:00 UTC", to=a, to_urls=a_url)]
    inv = INV_HEADER + 'Ann Lee,X,"3/15/24, 9:05 AM",,INCOMING,https://www.linkedin.com/in/a,https://www.linkedin.com/in/ACoAAB123\n'
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": messages_csv(rows), "Invitations.csv": inv}))
    assert (s.messages_sent, s.messages_received) == (1, 1)


def test_replies_ignore_spam_sponsored_and_linkedin_member_and_24h_boundary(tmp_path):
    a, a_url = other(1)
    b, b_url = other(2)
    rows = [
        # a person, answered after exactly 24 h: counts as same day
        msg("c1", a, a_url, "2024-01-01 09:00:00 UTC"), msg("c1", OWNER, OWNER_URL, "2024-01-02 09:00:00 UTC"),
        # a person, answered after 24 h and 1 s: not same day
        msg("c2", b, b_url, "2024-02-01 09:00:00 UTC"), msg("c2", OWNER, OWNER_URL, "2024-02-02 09:00:01 UTC"),
        # spam answered late: left out of the measure
        msg("c3", "Crypto King", "https://www.linkedin.com/in/spam-1", "2024-03-01 09:00:00 UTC", folder="SPAM"),
        msg("c3", OWNER, OWNER_URL, "2024-03-09 09:00:00 UTC", folder="SPAM"),
        # sponsored (no sender URL, template) answered late: left out
        msg("c4", "Halden Analytics", "", "2024-04-01 09:00:00 UTC", content="<p>Hi %FIRSTNAME%</p>"),
        msg("c4", OWNER, OWNER_URL, "2024-04-09 09:00:00 UTC"),
        # "LinkedIn Member" answered late: left out
        msg("c5", "LinkedIn Member", "", "2024-05-01 09:00:00 UTC"),
        msg("c5", OWNER, OWNER_URL, "2024-05-09 09:00:00 UTC"),
    ]
    s = read_export(write_folder(tmp_path / "x", {"messages.csv": messages_csv(rows),
                                                  "Invitations.csv": _invitations_with_owner_url()}))
    assert (s.messages_sent, s.messages_received, s.conversations, s.conversations_started) == (5, 5, 5, 0)
    assert s.timeline.replies == 2 and s.timeline.replies_within_day == 1
    assert s.replies_same_day_share == 0.5


# --------------------------------------------------------------------------- encodings
CONN_ROWS = ["Renée,Duval-Okafor,https://www.linkedin.com/in/r,,Acme,PM,05 Mar 2024", ",,,,,,06 Mar 2024"]


def _check_two_connections(s: ExportSummary) -> None:
    assert s.connections == 2
    assert (s.first_connection, s.last_connection) == ("2024-03-05", "2024-03-06")
    assert s.problems == ()


def test_utf8_with_bom(tmp_path):
    data = codecs.BOM_UTF8 + connections_csv(CONN_ROWS, notes=False).encode("utf-8")
    _check_two_connections(read_export(write_folder(tmp_path / "x", {"Connections.csv": data})))


def test_utf16_tab_separated_old_archive(tmp_path):
    text = connections_csv([r.replace(",", "\t") for r in CONN_ROWS], notes=False,
                           header=CONN_HEADER.replace(",", "\t"))
    _check_two_connections(read_export(write_folder(tmp_path / "bom", {"Connections.csv": text.encode("utf-16")})))
    _check_two_connections(read_export(write_folder(tmp_path / "nobom", {"Connections.csv": text.encode("utf-16-le")})))


def test_windows_1252_excel_save(tmp_path):
    data = connections_csv(CONN_ROWS, notes=False).encode("cp1252")      # 'é' is one byte: not UTF-8
    _check_two_connections(read_export(write_folder(tmp_path / "x", {"Connections.csv": data})))


def test_windows_1252_found_late_in_a_streamed_file(tmp_path):
    rows = [f"A{i},B,,,,,05 Mar 2024" for i in range(5000)] + ["Renée,Z,,,,,06 Mar 2024"]
    data = connections_csv(rows, notes=False).encode("cp1252")           # the first 64 KB are ASCII
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": data}))
    assert s.connections == 5001 and s.last_connection == "2024-03-06" and s.problems == ()


def test_mojibake_from_excel_resave_is_repaired(tmp_path):
    # UTF-8 (with BOM) opened as Windows-1252 and saved again as UTF-8: the BOM becomes "ï»¿"
    # inside the header and "Zoë" becomes "ZoÃ«"; the owner must still be recognised by name.
    def resave(text: str) -> bytes:
        return (codecs.BOM_UTF8 + text.encode("utf-8")).decode("cp1252").encode("utf-8")
    owner, owner_url = "Zoë Åkesson", "https://www.linkedin.com/in/zoe-akesson-000000"
    a, a_url = other(1)
    cols = ["CONVERSATION ID", "FROM", "TO", "DATE", "CONTENT", "FOLDER"]          # no URL columns
    rows = [["c1", a, owner, "2024-01-01 09:00:00 UTC", "hi", "INBOX"],
            ["c1", owner, a, "2024-01-01 10:00:00 UTC", "hé", "INBOX"],
            ["c2", a, owner, "2024-01-05 10:00:00 UTC", "?", "INBOX"]]
    files = {"Profile.csv": resave("First Name,Last Name\nZoë,Åkesson\n"),
             "messages.csv": messages_csv(rows, cols).encode("utf-8"),
             "Connections.csv": resave(connections_csv(CONN_ROWS, notes=False))}
    assert files["Connections.csv"].startswith("ï»¿".encode())
    s = read_export(write_folder(tmp_path / "x", files))
    _check_two_connections(s)
    assert (s.messages_sent, s.messages_received, s.conversations_started) == (1, 2, 0)
    assert owner_url not in repr(s)
    assert fix_mojibake("RenÃ©e") == "Renée" and fix_mojibake("São Paulo") == "São Paulo"


def test_real_capital_a_ring_is_read_as_plain_utf8_when_no_repair_can_apply(tmp_path, monkeypatch):
    from beltlib.linkedin import readers
    from beltlib.linkedin.csvfile import Source
    rows = ["Åsa,Wiśniewska,,,,,05 Mar 2024"] + [f"A{i},B,,,,,06 Mar 2024" for i in range(3000)]
    data = connections_csv(rows, notes=False).encode("utf-8")
    src = Source("Connections.csv", data)        # "Å" looks like mojibake, "ś" has no Windows-1252 byte
    assert src.text is None and src.head == data.decode("utf-8")[:65536]
    whole = read_export(write_folder(tmp_path / "x", {"Connections.csv": data}))
    assert whole.connections == 3001 and whole.first_connection == "2024-03-05" and whole.problems == ()
    monkeypatch.setattr(readers, "STREAM_MIN_BYTES", 1)
    assert read_export(write_folder(tmp_path / "x", {"Connections.csv": data})) == whole
    latin = connections_csv(["Åsa,Berg,,,,,05 Mar 2024", "RenÃ©e,Z,,,,,06 Mar 2024"], notes=False).encode("utf-8")
    assert Source("Connections.csv", latin).text == latin.decode("utf-8")   # decoded whole: a repair was tried


def test_semicolon_separated_excel_save(tmp_path):
    text = connections_csv([r.replace(",", ";") for r in CONN_ROWS], notes=False, header=CONN_HEADER.replace(",", ";"))
    _check_two_connections(read_export(write_folder(tmp_path / "x", {"Connections.csv": text})))


def test_csv_that_is_really_a_zip_is_an_error_naming_the_file(tmp_path):
    fake = zip_bytes({"inner.txt": "x"})
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": fake,
                                                  "Reactions.csv": "Date,Type,Link\n2024-01-01 10:00:00,LIKE,x\n"}))
    assert s.connections is None and s.reactions == 1
    assert s.problems == ("Connections.csv: line 1: not a CSV file: it is a zip archive (starts with 'PK')",)
    with pytest.raises(ExportError, match=r"^Connections\.csv: line 1: not a CSV file: it is a zip archive"):
        read_export(write_folder(tmp_path / "y", {"Connections.csv": fake}))


def test_binary_content_is_an_error_naming_file_and_line(tmp_path):
    s = read_export(write_folder(tmp_path / "x", {"Comments.csv": b"Date,Link,Message\n\x00\x01\x02garbage\n",
                                                  "Reactions.csv": "Date,Type,Link\n"}))
    assert s.comments is None and s.reactions == 0
    assert s.problems == ("Comments.csv: line 2: binary content (NUL byte): not a CSV file",)


# --------------------------------------------------------------------------- layout
SMALL = {"Connections.csv": connections_csv(CONN_ROWS), "Reactions.csv": "Date,Type,Link\n2024-01-01 10:00:00,LIKE,x\n"}


def test_files_at_zip_root_or_in_one_top_folder_give_the_same_summary(tmp_path):
    root = read_zip(SMALL)
    nested = read_zip(SMALL, top="Basic_LinkedInDataExport_11-02-2026")
    folder = read_export(write_folder(tmp_path / "x", SMALL))
    nested_folder = read_export(write_folder(tmp_path / "y" / "Basic_LinkedInDataExport", SMALL).parent)
    assert root == nested == folder == nested_folder
    assert root.connections == 2 and root.reactions == 1
    assert root.files_present == ("Connections.csv", "Reactions.csv")


def test_macos_resource_files_do_not_break_the_top_folder(tmp_path):
    files = {"export/" + k: v for k, v in SMALL.items()}
    files["__MACOSX/export/._Connections.csv"] = b"\x00\x05\x16\x07junk"
    s = read_zip(files)
    assert s.connections == 2 and s.problems == ()


def test_numbered_files_are_added_up(tmp_path):
    share = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    files = {"Shares_1.csv": share + "2024-01-01 10:00:00,l,c,,,MEMBER_NETWORK\n",
             "Shares_123.csv": share + "2024-02-01 10:00:00,l,c,,,MEMBER_NETWORK\n"
                                       "2024-02-02 10:00:00,l,\"a,\nb\",,,X\n",
             "Comments.csv": "Date,Link,Message\n2024-02-03 10:00:00,l,m\n"}
    s = read_zip(files)
    assert (s.shares, s.comments) == (3, 1)
    assert s.timeline.posts_comments_per_month == {"2024-01": 1, "2024-02": 3}


def test_missing_files_are_none_not_zero(tmp_path):
    s = read_export(write_folder(tmp_path / "x", {"Reactions.csv": "Date,Type,Link\n"}))
    assert s.reactions == 0
    for key in SUMMARY_KEYS:
        if key not in ("reactions", "files_present"):
            assert getattr(s, key) is None, key
    assert s.to_dict()["connections"] is None


def test_premium_only_from_receipts(tmp_path):
    reg = {"Registration.csv": "Registered At,Registration Ip,Subscription Types\n"
                               "\"3/14/13, 9:02 AM\",203.0.113.1,Premium Career\n",
           "Reactions.csv": "Date,Type,Link\n"}
    assert read_zip(reg).paid_subscription is None           # Registration.csv never tells
    paid = "Transaction Made At,Description,Total Amount,Currency Code\n2024-01-01,Premium Career (monthly),39.99,USD\n"
    trial = ("Transaction Made At,Description,Total Amount,Currency Code\n"
             "2024-01-01,Premium Career free trial,0.00,USD\n")
    assert read_zip({**reg, "Receipts.csv": paid}).paid_subscription is True
    assert read_zip({**reg, "Receipts_v2.csv": paid}).paid_subscription is True
    assert read_zip({**reg, "Receipts_v2.csv": trial}).paid_subscription is False
    empty = "Transaction Made At,Description,Total Amount\n"
    assert read_zip({**reg, "Receipts.csv": empty}).paid_subscription is False


def test_unreadable_file_names_file_and_line_and_the_rest_is_used(tmp_path):
    bad = CONN_HEADER + "A,B,,,,,05 Mar 2024\nC,D,,,,,06 Mar 2024\n\"E,F,,,,,07 Mar 2024\n"    # quote never closed
    s = read_export(write_folder(tmp_path / "x", {"Connections.csv": bad, **{"Reactions.csv": SMALL["Reactions.csv"]}}))
    assert s.connections is None and s.first_connection is None     # unknown, never a partial count
    assert s.reactions == 1
    assert s.problems == ("Connections.csv: line 4: malformed CSV (unbalanced quotes or oversized field)",)


def test_header_missing_names_the_file(tmp_path):
    s = read_export(write_folder(tmp_path / "x", {"Invitations.csv": "a,b\n1,2\n",
                                                  "Reactions.csv": "Date,Type,Link\n"}))
    assert s.invitations_sent is None and s.reactions == 0
    assert s.problems == ("Invitations.csv: line 1: no header row with the expected column(s) 'from', 'to'",)


def test_nothing_usable_raises_one_export_error(tmp_path):
    with pytest.raises(ExportError, match=r"^Comments\.csv: line 1: not a CSV file: it is a PDF document"):
        read_export(write_folder(tmp_path / "x", {"Comments.csv": b"%PDF-1.7", "notes.txt": "hello"}))
    with pytest.raises(ExportError, match="no LinkedIn export file found"):
        read_export(write_folder(tmp_path / "y", {"notes.txt": "hello"}))
    with pytest.raises(ExportError, match="not a readable zip archive or folder"):
        read_export(write_folder(tmp_path / "z", {"a.zip": b"PK\x03\x04 broken"}) / "a.zip")
    with pytest.raises(ExportError, match="not found"):
        read_export(tmp_path / "missing.zip")


def test_old_inbox_without_conversation_ids_uses_direction(tmp_path):
    text = ("From,To,Date,Subject,Content,Direction,Folder\n"
            'Ann Lee,Nora Whitcombe,"8/25/18, 1:05 AM",Hi,"hello, Nora",INCOMING,INBOX\n'
            'Nora Whitcombe,Ann Lee,"8/25/18, 3:05 PM",Re: Hi,"thanks\r\nsee you",OUTGOING,SENT\n'
            'Bo Li,Nora Whitcombe,"9/1/18, 10:00 AM",Job,"a job, maybe?",INCOMING,INBOX\n')
    s = read_export(write_folder(tmp_path / "x", {"Inbox.csv": text}))
    # conversations are the pairs of parties when there is no conversation id
    assert (s.messages_sent, s.messages_received, s.conversations, s.conversations_started) == (1, 2, 2, 0)
    assert s.replies_same_day_share == 1.0
    assert s.timeline.messages_sent_per_month == {"2018-08": 1}


def test_nested_folders_listed_alike_in_zip_and_folder(tmp_path):
    files = {**SMALL, "Jobs/Job Applications.csv": "Application Date,Company\n", "Verifications/x.csv": "a\n"}
    z = read_zip(files, top="Complete_LinkedInDataExport")
    f = read_export(write_folder(tmp_path / "x" / "Complete_LinkedInDataExport", files).parent)
    assert z == f
    assert z.files_present == ("Connections.csv", "Jobs/Job Applications.csv", "Reactions.csv", "Verifications/x.csv")


def test_profile_alone_is_not_usable_and_error_keeps_file_and_line(tmp_path):
    with pytest.raises(ExportError, match="no LinkedIn export file found"):
        read_export(write_folder(tmp_path / "x", {"Profile.csv": "First Name,Last Name\nNora,Whitcombe\n"}))
    with pytest.raises(ExportError) as err:
        read_export(write_folder(tmp_path / "y", {"Connections.csv": b"PK\x03\x04", "Comments.csv": b"%PDF"}))
    assert (err.value.file, err.value.line) == ("Connections.csv", 1)     # the first file read
    assert str(err.value).endswith("(and 1 more problem(s)); nothing usable in y")
