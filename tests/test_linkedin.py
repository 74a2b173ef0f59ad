"""beltlib.linkedin on the sample archive: exact counts, prefill mapping, privacy, safety
(zip bomb, path tricks) and a hypothesis fuzz that only ever sees ExportError."""
from __future__ import annotations

import builtins
import csv
import dataclasses
import io
import json
import os
import re
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import beltlib
from beltlib.linkedin import (
    EXPORT_ASSUMPTIONS,
    ExportError,
    ExportSummary,
    ExportTimeline,
    errors,
    mapping,
    prefill_answers,
    read_export,
    summary_text,
)
from beltlib.linkedin import archive as archive_module
from beltlib.linkedin.mapping import answers_from_export

FIXTURES = Path(__file__).parent / "fixtures" / "export"
SAMPLE_DIR = FIXTURES / "linkedin-export-basic"
SAMPLE_ZIP = FIXTURES / "Basic_LinkedInDataExport_11-02-2026.zip"


@pytest.fixture(scope="module")
def sample() -> ExportSummary:
    return read_export(SAMPLE_ZIP)


# --------------------------------------------------------------------------- the sample
def test_sample_exact_counts(sample):
    s = sample
    assert s.connections == 150                    # 148 named + 2 date-only (hidden) rows
    assert len(s.timeline.connection_dates) == 150
    assert (s.first_connection, s.last_connection) == ("2012-06-22", "2026-10-23")
    assert (s.invitations_sent, s.invitations_received) == (16, 24)
    assert (s.messages_sent, s.messages_received) == (27, 33)
    assert (s.conversations, s.conversations_started) == (20, 6)
    # 21 replies by Nora to others' messages, 16 of them within 24 h of the latest message
    # they answer. The SPAM, sponsored and "LinkedIn Member" messages got no reply, so
    # leaving them out changes neither number: 16 / 21.
    assert (s.timeline.replies, s.timeline.replies_within_day) == (21, 16)
    assert s.replies_same_day_share == 16 / 21
    assert (s.shares, s.comments, s.reactions) == (3, 4, 8)
    assert s.paid_subscription is None             # no Receipts*.csv in a Basic archive: unknown
    assert s.profile_photo_seen is True            # Rich_Media "You uploaded a profile photo"
    assert s.problems == ()
    assert len(s.files_present) == 20 and "messages.csv" in s.files_present
    assert s.timeline.reference_date == "2026-10-28"      # latest date: a reaction


def test_sample_named_and_hidden_rows_match_the_readme():
    with open(SAMPLE_DIR / "Connections.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[4:]
    assert sum(1 for r in rows if r[0] or r[1]) == 148
    assert sum(1 for r in rows if not (r[0] or r[1]) and r[6]) == 2


def test_sample_zip_folder_and_file_object_give_the_same_summary(sample):
    assert read_export(SAMPLE_DIR) == sample
    assert read_export(str(SAMPLE_DIR)) == sample
    with open(SAMPLE_ZIP, "rb") as f:
        assert read_export(f) == sample
    assert read_export(io.BytesIO(SAMPLE_ZIP.read_bytes())) == sample


def test_sample_to_dict_has_exactly_the_issue_keys(sample):
    d = sample.to_dict()
    assert list(d) == ["connections", "first_connection", "last_connection", "invitations_sent",
                       "invitations_received", "messages_sent", "messages_received", "conversations",
                       "conversations_started", "replies_same_day_share", "shares", "comments",
                       "reactions", "paid_subscription", "files_present", "problems"]
    assert d["problems"] == []
    assert json.loads(json.dumps(d)) == d
    ext = sample.to_dict(extended=True)
    assert set(ext) - set(d) == {"profile_photo_seen", "timeline"}
    assert ext["timeline"]["connection_dates"][:2] == ["2012-06-22", "2012-07-05"] or \
        ext["timeline"]["connection_dates"][0] == "2012-06-22"
    assert sum(ext["timeline"]["invitations_sent_per_month"].values()) == 16
    assert sum(ext["timeline"]["messages_sent_per_month"].values()) == 27
    assert sum(ext["timeline"]["posts_comments_per_month"].values()) == 7
    json.dumps(ext)


def test_summary_text_en_and_fr(sample):
    en = summary_text(sample, "en")
    assert "Connections: 150 (first 22 Jun 2012, last 23 Oct 2026)" in en
    assert "Invitations: 16 sent, 24 received" in en
    assert "Messages: 27 sent, 33 received, in 20 conversations (6 started by you)" in en
    assert "Your replies sent within 24 hours: 76% (16/21)" in en
    assert "Posts: 3, comments: 4, reactions: 8" in en
    assert "Paid subscription: unknown (no receipts in the archive)" in en
    fr = summary_text(sample, "fr")
    assert "Relations\u00a0: 150 (première le 22 juin 2012, dernière le 23 oct. 2026)" in fr
    assert "76\u00a0% (16/21)" in fr
    big = dataclasses.replace(sample, connections=12345)
    assert "12\u202f345" in summary_text(big, "fr") and "12,345" in summary_text(big, "en")
    empty = ExportSummary(reactions=0)
    assert summary_text(empty).splitlines()[1:5] == [
        "Connections: not in the archive", "Invitations: not in the archive", "Messages: not in the archive",
        "Posts: not in the archive, comments: not in the archive, reactions: 0"]
    assert "Relations\u00a0: absent de l’archive" in summary_text(empty, "fr")
    with pytest.raises(ValueError, match="lang"):
        summary_text(sample, "de")


def test_export_error_is_a_value_error_naming_file_and_line():
    e = errors.err("Connections.csv", 12, "bad_quoting")      # the reason is a catalogue key
    assert isinstance(e, ValueError)
    assert str(e) == "Connections.csv: line 12: malformed CSV (unbalanced quotes or oversized field)"
    assert (e.file, e.line, e.reason) == ("Connections.csv", 12, "malformed CSV (unbalanced quotes or oversized field)")
    assert e.text("fr") == "Connections.csv, ligne 12\u00a0: CSV mal formé (guillemets non refermés ou champ trop long)"


def test_read_export_restores_the_collector_and_the_field_limit(sample, tmp_path):
    import gc
    limit = csv.field_size_limit()
    assert gc.isenabled()
    assert read_export(SAMPLE_DIR) == sample and gc.isenabled() and csv.field_size_limit() == limit
    gc.disable()
    try:
        assert read_export(SAMPLE_ZIP) == sample and not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ExportError):
        read_export(tmp_path / "missing.zip")          # the archive cannot be opened
    assert gc.isenabled() and csv.field_size_limit() == limit


# --------------------------------------------------------------------------- prefill mapping
def person() -> dict:
    return beltlib.example_answers("job_seeker").to_dict() | {
        "photo": False, "connections": 7, "invitations": "accept_only", "discussions": "never",
        "reply_time": "rarely", "premium": True, "groups": 3, "hours_per_week": 2.5}


def test_prefill_from_the_sample(sample):
    answers = person()
    before = dict(answers)
    new, prov = prefill_answers(sample, answers)
    assert answers == before                        # input untouched
    assert new["connections"] == 150
    assert new["invitations"] == "acquaintances"     # 16 / 40 = 0.4 sent, pace 33/12 = 2.75 a month
    assert mapping.connection_pace(sample) == 33 / 12
    assert new["discussions"] == "read_and_sometimes_post"   # 6 posts+comments in 12 months = 0.5 a month
    assert mapping.posts_comments_pace(sample) == 0.5
    assert new["reply_time"] == "same_day"           # 16/21 = 0.76 >= 0.5
    assert new["photo"] is True                      # Rich_Media profile-photo row
    assert new["premium"] is True                    # no receipts: the person's answer stays
    assert {k for k, v in prov.items() if v == "export"} == {"connections", "invitations", "discussions",
                                                             "reply_time", "photo"}
    assert {k for k, v in prov.items() if v == "you"} == {"persona", "findable", "profile", "outreach",
                                                          "groups", "premium", "hours_per_week",
                                                          "offline_networking"}
    assert "schema" not in prov
    assert beltlib.validate(new).connections == 150     # still a valid answers file
    assert prefill_answers(sample, beltlib.validate(answers))[0] == new     # Answers object accepted


def summ(timeline: dict | None = None, **kw) -> ExportSummary:
    return ExportSummary(timeline=ExportTimeline(**(timeline or {})), **kw)


REF = {"reference_date": "2026-10-28"}       # window: 2025-11 .. 2026-10


def _dates(n: int, month: str = "2026-03") -> tuple[str, ...]:
    return tuple(f"{month}-{1 + i % 28:02d}" for i in range(n))


@pytest.mark.parametrize("sent, received, in_window, expected", [
    (1, 3, 0, "acquaintances"),          # share 0.25: the boundary
    (1, 4, 0, "accept_only"),            # 0.2 < 0.25
    (0, 10, 0, "accept_only"),
    (5, 5, 48, "after_every_meeting"),   # share 0.5 and 48/12 = 4 a month
    (5, 5, 47, "acquaintances"),         # pace 3.92 < 4
    (4, 5, 60, "acquaintances"),         # share 0.44 < 0.5
])
def test_invitations_thresholds(sent, received, in_window, expected):
    dates = tuple(sorted(_dates(in_window) + ("2025-10-31",) * 10))      # 10 just outside the window
    s = summ(timeline={"connection_dates": dates, **REF}, connections=len(dates),
             invitations_sent=sent, invitations_received=received)
    assert answers_from_export(s)["invitations"] == expected


def test_invitations_not_told_without_file_or_rows():
    assert "invitations" not in answers_from_export(summ(timeline=REF))
    assert "invitations" not in answers_from_export(summ(timeline=REF, invitations_sent=0, invitations_received=0))
    # without Connections.csv the pace is unknown: at most acquaintances
    answers = answers_from_export(summ(timeline=REF, invitations_sent=9, invitations_received=1))
    assert answers["invitations"] == "acquaintances"


@pytest.mark.parametrize("per_month, expected", [
    ({"2026-10": 48}, "lead"),                       # 4 a month
    ({"2026-10": 47}, "read_and_sometimes_post"),
    ({"2025-11": 1}, "read_and_sometimes_post"),     # first month of the window
    ({"2025-10": 30}, "never"),                      # just before the window
    ({}, "never"),
])
def test_discussions_thresholds(per_month, expected):
    s = summ(timeline={"posts_comments_per_month": per_month, **REF}, shares=sum(per_month.values()), comments=0)
    assert answers_from_export(s)["discussions"] == expected


def test_discussions_not_told_without_shares_or_comments():
    assert "discussions" not in answers_from_export(summ(timeline=REF, reactions=50))


@pytest.mark.parametrize("replies, day, week, expected", [
    (2, 1, 2, "same_day"),          # exactly 0.5
    (100, 49, 50, "within_week"),   # 0.49 same day, 0.5 within a week
    (100, 49, 49, "rarely"),
    (1, 0, 0, "rarely"),
])
def test_reply_time_thresholds(replies, day, week, expected):
    s = summ(timeline={"replies": replies, "replies_within_day": day, "replies_within_week": week},
             replies_same_day_share=day / replies, messages_received=replies)
    assert answers_from_export(s)["reply_time"] == expected


def test_reply_time_without_replies():
    never_replied = summ(timeline={"unanswered_turns": 3}, messages_received=3, messages_sent=0)
    assert answers_from_export(never_replied)["reply_time"] == "rarely"
    nothing = summ(timeline={"unanswered_turns": 0}, messages_received=0, messages_sent=0)
    assert "reply_time" not in answers_from_export(nothing)
    assert "reply_time" not in answers_from_export(summ())


def test_connections_copied_and_capped():
    assert answers_from_export(summ(connections=30_001))["connections"] == 30_000
    assert answers_from_export(summ(connections=30_000))["connections"] == 30_000
    assert answers_from_export(summ(connections=0))["connections"] == 0
    assert "connections" not in answers_from_export(summ())


def test_premium_and_photo_only_from_signs():
    assert answers_from_export(summ(paid_subscription=True))["premium"] is True
    assert answers_from_export(summ(paid_subscription=False))["premium"] is False
    assert "premium" not in answers_from_export(summ())
    assert answers_from_export(summ(profile_photo_seen=True))["photo"] is True
    for seen in (False, None):        # no sign of a photo tells nothing
        new, prov = prefill_answers(summ(profile_photo_seen=seen), person() | {"photo": True})
        assert new["photo"] is True and prov["photo"] == "you"


def test_named_assumptions_are_listed_with_their_values():
    names = [a["name"] for a in EXPORT_ASSUMPTIONS]
    assert len(names) == len(set(names)) >= 10
    for a in EXPORT_ASSUMPTIONS:
        assert a["why"].strip()
        assert a["value"] == pytest.approx(getattr(mapping, a["name"]), abs=1e-4)
    assert mapping.REPLY_SAME_DAY_MIN_SHARE == 0.5
    json.dumps(EXPORT_ASSUMPTIONS)


# --------------------------------------------------------------------------- privacy
def _sensitive_tokens() -> set[str]:
    tokens: set[str] = set()
    with open(SAMPLE_DIR / "Connections.csv", encoding="utf-8", newline="") as f:
        for r in list(csv.reader(f))[4:]:
            first, last, url, email = r[0], r[1], r[2], r[3]
            tokens.update(x for x in (first, last, f"{first} {last}".strip(), url, email) if len(x) >= 4)
    with open(SAMPLE_DIR / "messages.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            tokens.update(x for x in (r["FROM"], r["SENDER PROFILE URL"], r["TO"]) if len(x) >= 4)
            tokens.update(u for u in r["RECIPIENT PROFILE URLS"].split(",") if u)
            tokens.update(r["TO"].split(","))
            if len(r["CONTENT"]) >= 8:
                tokens.add(r["CONTENT"])
    tokens.update({"Nora", "Whitcombe", "nora.whitcombe@example.com", "nora-whitcombe-000000"})
    return {t.strip() for t in tokens if len(t.strip()) >= 4}


def _assert_private(text: str, tokens: set[str]) -> None:
    leaked = sorted(t for t in tokens if t in text)
    assert not leaked, leaked[:5]


def test_privacy_summary_text_and_dict_hold_no_name_email_url_or_message(sample):
    tokens = _sensitive_tokens()
    assert len(tokens) > 300
    _assert_private(json.dumps(sample.to_dict(extended=True), ensure_ascii=False), tokens)
    _assert_private(repr(sample), tokens)
    for lang in ("en", "fr"):
        _assert_private(summary_text(sample, lang), tokens)


def test_privacy_error_messages_hold_no_name(tmp_path):
    tokens = _sensitive_tokens()
    conn = (SAMPLE_DIR / "Connections.csv").read_text(encoding="utf-8")
    msgs = (SAMPLE_DIR / "messages.csv").read_text(encoding="utf-8")
    inv = (SAMPLE_DIR / "Invitations.csv").read_text(encoding="utf-8")
    variants = {
        # an unterminated quote right before a name
        "quote": {"Connections.csv": conn.replace("Renée,", '"Renée,', 1), "messages.csv": msgs[: len(msgs) // 2]},
        # bad dates next to names, unknown direction
        "dates": {"Connections.csv": conn.replace("23 Oct 2026", "Renée Duval-Okafor"),
                  "messages.csv": msgs.replace("2026-10-21 08:02:17 UTC", "Aarav Vidal"),
                  "Invitations.csv": inv.replace("OUTGOING", "Nora Whitcombe", 1)},
        # no header: the file starts with names
        "header": {"Connections.csv": "\n".join(conn.splitlines()[4:]),
                   "messages.csv": "\n".join(msgs.splitlines()[1:]),
                   "Invitations.csv": "\n".join(inv.splitlines()[1:])},
    }
    seen = 0
    for name, files in variants.items():
        folder = tmp_path / name
        shutil.copytree(SAMPLE_DIR, folder)
        for fname, text in files.items():
            (folder / fname).chmod(0o644)
            (folder / fname).write_text(text, encoding="utf-8")
        s = read_export(folder)
        assert s.problems, name
        seen += len(s.problems)
        for p in s.problems:
            _assert_private(p, tokens)
        _assert_private(summary_text(s), tokens)
        _assert_private(json.dumps(s.to_dict(extended=True), ensure_ascii=False), tokens)
    assert seen >= 7
    # nothing usable: the raised message is safe too
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "Connections.csv").write_text("Aarav Vidal,aarav@example.com\n", encoding="utf-8")
    with pytest.raises(ExportError) as err:
        read_export(bad)
    _assert_private(str(err.value), tokens | {"aarav@example.com"})


# --------------------------------------------------------------------------- zip safety
def _zip(members: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 6, 0, 0))
            info.compress_type = compression
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


REACTIONS = "Date,Type,Link\n2026-01-01 10:00:00,LIKE,x\n"


def test_zip_bomb_ratio_is_refused_and_the_rest_used():
    bomb = "First Name,Last Name,Connected On\n" + ",,\n" * (3 * 1024 * 1024)   # 9 MiB, ~1000x
    s = read_export(io.BytesIO(_zip({"Connections.csv": bomb, "Reactions.csv": REACTIONS})))
    assert s.connections is None and s.reactions == 1
    assert s.problems == ("Connections.csv: compression ratio over 100: refused (zip bomb guard)",)


def test_zip_member_and_total_size_limits(monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_MEMBER_BYTES", 1000)
    data = _zip({"Connections.csv": "First Name,Connected On\n" + "A,01 Jan 2020\n" * 200, "Reactions.csv": REACTIONS})
    s = read_export(io.BytesIO(data))
    assert s.connections is None and s.reactions == 1
    assert s.problems == ("Connections.csv: uncompressed size over 1,000 bytes: refused (zip bomb guard)",)
    monkeypatch.setattr(archive_module, "MAX_MEMBER_BYTES", 10_000)
    monkeypatch.setattr(archive_module, "MAX_TOTAL_BYTES", 2000)      # Connections.csv is 2,826 bytes
    s = read_export(io.BytesIO(data))
    assert s.reactions == 1 and s.connections is None
    assert s.problems == ("Connections.csv: archive over 2,000 bytes uncompressed: refused (zip bomb guard)",)


def test_folder_file_size_limit(monkeypatch, tmp_path):
    (tmp_path / "Connections.csv").write_text("First Name,Connected On\n" + "A,01 Jan 2020\n" * 200)
    (tmp_path / "Reactions.csv").write_text(REACTIONS)
    monkeypatch.setattr(archive_module, "MAX_MEMBER_BYTES", 1000)
    s = read_export(tmp_path)
    assert s.connections is None and s.reactions == 1
    assert s.problems == ("Connections.csv: file over 1,000 bytes: refused",)


def test_member_larger_than_declared_or_damaged_is_refused():
    data = bytearray(_zip({"Connections.csv": "First Name,Connected On\n" + "A,01 Jan 2020\n" * 50,
                           "Reactions.csv": REACTIONS}))
    # shrink the declared uncompressed size of Connections.csv in the central directory
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x01\x02"))
    struct.pack_into("<I", data, cd + 24, 10)
    s = read_export(io.BytesIO(bytes(data)))
    assert s.reactions == 1 and s.connections is None
    assert s.problems == ("Connections.csv: cannot be decompressed (damaged, encrypted or unsupported)",)


def test_too_many_members_refused(monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_MEMBERS", 3)
    with pytest.raises(ExportError, match="more than 3 members"):
        read_export(io.BytesIO(_zip({f"f{i}.csv": "a\n" for i in range(5)})))


def test_path_tricks_are_ignored():
    evil = "First Name,Connected On\nA,01 Jan 2020\n"
    members = {"../Connections.csv": evil, "/etc/Connections.csv": evil, "..\\Connections.csv": evil,
               "C:/Connections.csv": evil, "export/../../Connections.csv": evil,
               "export/Reactions.csv": REACTIONS}
    s = read_export(io.BytesIO(_zip(members)))
    assert s.connections is None                        # none of the tricked names is used
    assert s.reactions == 1                             # the one top folder is still stripped
    assert s.files_present == ("Reactions.csv",)
    assert s.problems == ("archive: 5 member(s) with unsafe paths ignored",)


def test_members_are_never_extracted_to_disk(monkeypatch, tmp_path):
    def refuse(*a, **k):
        raise AssertionError("extraction attempted")
    monkeypatch.setattr(zipfile.ZipFile, "extract", refuse)
    monkeypatch.setattr(zipfile.ZipFile, "extractall", refuse)
    real_open = builtins.open

    def read_only_open(file, mode="r", *a, **k):
        if any(c in mode for c in "wax+"):
            raise AssertionError(f"write attempted: {file}")
        return real_open(file, mode, *a, **k)
    copy = tmp_path / "a.zip"
    copy.write_bytes(SAMPLE_ZIP.read_bytes())
    before = sorted(os.listdir(tmp_path))
    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(io, "open", read_only_open)
    assert read_export(copy).connections == 150
    assert sorted(os.listdir(tmp_path)) == before


# --------------------------------------------------------------------------- fuzz
KNOWN = ["Connections.csv", "Invitations.csv", "messages.csv", "Profile.csv", "Shares.csv",
         "Comments.csv", "Reactions.csv", "Receipts_v2.csv", "Rich_Media.csv", "Inbox.csv"]
HEADERS = {"Connections.csv": "Notes:\n\"x\"\n\nFirst Name,Last Name,URL,Connected On\n",
           "Invitations.csv": "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n",
           "messages.csv": "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,DATE,CONTENT,FOLDER\n",
           "Profile.csv": "First Name,Last Name\n", "Shares.csv": "Date,ShareLink\n",
           "Comments.csv": "Date,Link,Message\n", "Reactions.csv": "Date,Type,Link\n",
           "Receipts_v2.csv": "Description,Total Amount\n", "Rich_Media.csv": "Date/Time,Media Description\n",
           "Inbox.csv": "From,To,Date,Direction\n"}
CELL = st.one_of(
    st.text(alphabet=st.sampled_from(list(',"\r\n\t; aZé€\x00\ufeffÃ©0123456789-/:UTCPMAM')), max_size=25),
    st.sampled_from(["05 Mar 2024", "3/15/24, 9:05 AM", "2024-06-11 15:33:58 UTC", "13/13/13", "OUTGOING",
                     "INCOMING", "SPAM", "DRAFT", "LinkedIn Member", "%FIRSTNAME%", "", "0.00", "9.99",
                     "https://www.linkedin.com/in/x", "profile photo", "2024-02-30 10:00:00 UTC"]))
ROWS = st.lists(st.lists(CELL, max_size=8), max_size=12)
ENCODING = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])


def _csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


@st.composite
def archives(draw) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in draw(st.lists(st.sampled_from(KNOWN), min_size=1, max_size=5, unique=True)):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            files[name] = draw(st.binary(max_size=300))
        else:
            text = (HEADERS[name] if kind != 3 else "") + _csv_text(draw(ROWS))
            if draw(st.booleans()):
                text += draw(st.text(max_size=40))          # raw junk, unbalanced quotes...
            files[name] = text.encode(draw(ENCODING), errors="replace")
    return files


def _check_outcome(data) -> None:
    try:
        s = read_export(data)
    except ExportError as e:
        assert str(e)
        return
    assert isinstance(s, ExportSummary)
    json.dumps(s.to_dict(extended=True))
    summary_text(s, "en")
    summary_text(s, "fr")
    prefill_answers(s, beltlib.example_answers().to_dict())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archives(), st.sampled_from([None, "Basic_LinkedInDataExport"]))
def test_fuzz_csv_bytes_only_raise_export_error(files, top):
    _check_outcome(io.BytesIO(_zip({(top + "/" + k) if top else k: v for k, v in files.items()})))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archives())
def test_fuzz_folder_only_raises_export_error(files):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        for k, v in files.items():
            Path(d, k).write_bytes(v)
        _check_outcome(d)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_fuzz_damaged_zip_only_raises_export_error(data):
    raw = bytearray(SAMPLE_ZIP.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(raw) // 2, len(raw)))
    _check_outcome(io.BytesIO(bytes(raw[:cut])))


@given(st.binary(max_size=200))
@settings(max_examples=100, deadline=None)
def test_fuzz_random_bytes_as_archive(blob):
    with pytest.raises(ExportError):
        read_export(io.BytesIO(blob))


def test_non_path_argument_is_an_export_error():
    with pytest.raises(ExportError, match="expected a path"):
        read_export(12345)  # type: ignore[arg-type]


def test_import_beltlib_does_not_import_the_export_or_timeline_modules():
    import subprocess
    import sys
    code = ("import sys, beltlib; print(int('beltlib.linkedin.reading' in sys.modules),"
            " int('beltlib.linkedin.csvfile' in sys.modules), int('beltlib.linkedin.timeline' in sys.modules),"
            " int('matplotlib' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0", "0", "0"]
    assert re.match(r"^\d", "0")
