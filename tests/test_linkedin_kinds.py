"""The one registry of LinkedIn file kinds (beltlib/linkedin/kinds.py): every kind is found by
the archive's grouping, read by the reader in its order, given up whole when its file cannot be
read, and told by the summary; no parallel table is left. Names are invented."""
from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

import pytest

from beltlib.linkedin import ExportSummary, read_export, summary_text
from beltlib.linkedin.kinds import BY_NAME, KINDS, Kind, group_members, kind_of
from beltlib.linkedin.readers import Reader
from beltlib.linkedin.summary import SUMMARY_KEYS

#: One small, well-formed file per kind (the header row that its ``header`` columns locate).
GOOD: dict[str, tuple[str, str]] = {
    "profile": ("Profile.csv", "First Name,Last Name,Headline\nNora,Whitcombe,Engineer\n"),
    "invitations": ("Invitations.csv", "From,To,Sent At,Direction\n"
                                       "Nora Whitcombe,Ann Lee,\"3/15/24, 9:05 AM\",OUTGOING\n"
                                       "Bo Li,Nora Whitcombe,\"3/16/24, 9:05 AM\",INCOMING\n"),
    "connections": ("Connections.csv", "First Name,Last Name,Connected On\nAnn,Lee,05 Mar 2024\nBo,Li,06 Mar 2024\n"),
    "shares": ("Shares.csv", "Date,ShareLink\n2024-03-05 10:00:00,x\n"),
    "comments": ("Comments.csv", "Date,Link,Message\n2024-03-05 10:00:00,x,nice\n2024-03-06 10:00:00,x,good\n"),
    "reactions": ("Reactions.csv", "Date,Type,Link\n2024-03-05 10:00:00,LIKE,x\n"),
    "receipts": ("Receipts_v2.csv", "Transaction Made At,Total Amount\n2024-03-05,29.99\n"),
    "rich_media": ("Rich_Media.csv", "Date/Time,Media Description\n2024-03-05,You uploaded a profile photo\n"),
    "messages": ("messages.csv", "CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
                                 "c1,Ann Lee,Nora Whitcombe,2024-03-05 10:00:00 UTC,hello\n"
                                 "c1,Nora Whitcombe,Ann Lee,2024-03-05 11:00:00 UTC,hi\n"),
}


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


def test_the_registry_has_one_row_per_kind_with_a_reader_method_and_known_values():
    assert [k.name for k in KINDS] == list(BY_NAME) and len(set(BY_NAME)) == len(KINDS) == len(GOOD)
    stems = [stem for k in KINDS for stem in k.stems]
    assert len(stems) == len(set(stems)) and all(s == s.lower() for s in stems)
    for k in KINDS:
        assert k.read is getattr(Reader, k.read.__name__), k.name       # a Reader method
        assert k.label is None or k.label in {"connections", "invitations", "messages"}
    informed = [v for k in KINDS for v in k.values]
    assert len(informed) == len(set(informed))                          # each value from one kind only
    fields = {f.name for f in dataclasses.fields(ExportSummary)}
    assert set(informed) <= fields
    # every count of the --json keys comes from exactly one kind (dates and file names aside)
    assert set(SUMMARY_KEYS) - {"first_connection", "last_connection", "files_present"} <= set(informed)


def test_reading_order_puts_the_owner_hints_before_the_messages():
    order = [k.name for k in KINDS]
    assert order.index("profile") < order.index("invitations") < order.index("messages")
    assert order[-1] == "messages"


def test_no_parallel_table_is_left():
    archive = importlib.import_module("beltlib.linkedin.archive")
    reading = importlib.import_module("beltlib.linkedin.reading")
    csvfile = importlib.import_module("beltlib.linkedin.csvfile")
    assert not hasattr(archive, "_KINDS") and not hasattr(archive, "group_members")
    assert not hasattr(reading, "_ORDER") and not hasattr(reading, "_DROP")
    assert not hasattr(csvfile, "REQUIRED")
    assert not hasattr(Reader, "_activity")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_stem_of_every_kind_is_grouped_in_part_order(kind: Kind):
    for stem in kind.stems:
        title = stem.title()
        names = [f"{title}_2.csv", f"{title}.csv", f"{stem.upper()}_10.CSV", f"Jobs/{title}.csv", f"{title}.txt"]
        assert group_members(names) == {kind.name: [f"{title}.csv", f"{title}_2.csv", f"{stem.upper()}_10.CSV"]}
        assert kind_of(f"{title}_2.csv") == (kind, 2) and kind_of(f"{title}.csv") == (kind, 0)
    assert kind_of("Jobs/Job Applications.csv") is None and kind_of("archive") is None


def test_every_kind_is_read_and_gives_its_values(tmp_path):
    s = read_export(write(tmp_path / "all", dict(GOOD.values())))
    assert s.problems == ()
    for k in KINDS:
        for key in k.values:
            assert getattr(s, key) is not None, (k.name, key)
    assert (s.connections, s.invitations_sent, s.invitations_received) == (2, 1, 1)
    assert (s.shares, s.comments, s.reactions) == (1, 2, 1)
    assert (s.messages_sent, s.messages_received, s.conversations) == (1, 1, 1)
    assert s.paid_subscription is True and s.profile_photo_seen is True
    assert s.timeline.invitations_sent_per_month == {"2024-03": 1}
    assert s.timeline.messages_sent_per_month == {"2024-03": 1}
    assert s.timeline.posts_comments_per_month == {"2024-03": 3}          # monthly: shares and comments


@pytest.mark.parametrize("kind", [k for k in KINDS if k.values], ids=lambda k: k.name)
def test_a_kind_that_cannot_be_read_gives_up_what_it_informs_and_the_summary_says_so(tmp_path, kind: Kind):
    files = dict(GOOD.values())
    name = GOOD[kind.name][0]
    files[name] = b"%PDF-1.7 not a csv"
    s = read_export(write(tmp_path / kind.name, files))
    assert [(p.file, p.code) for p in s.problem_details] == [(name, "not_csv_pdf")]
    for k in KINDS:
        for key in k.values:
            assert (getattr(s, key) is None) == (k is kind), (k.name, key)
    if kind.name == "connections":
        assert s.timeline.connection_dates == () and s.first_connection is None
    if kind.monthly:
        month = {"invitations": s.timeline.invitations_sent_per_month, "messages": s.timeline.messages_sent_per_month,
                 "shares": s.timeline.posts_comments_per_month, "comments": s.timeline.posts_comments_per_month}
        assert sum(month[kind.name].values()) == {"shares": 2, "comments": 1}.get(kind.name, 0)
    text = summary_text(s, "en")
    for k in KINDS:
        if k.label:
            what = {"connections": "Connections", "invitations": "Invitations", "messages": "Messages"}[k.label]
            assert (f"{what}: could not be read (see below)" in text) == (k is kind), k.name
            assert s.unreadable(k.label) == (k is kind)
    if kind.name == "connections":
        assert "Relations\u00a0: illisible (voir plus bas)" in summary_text(s, "fr")


def test_an_absent_kind_is_not_in_the_archive_not_unreadable(tmp_path):
    files = {n: d for kind, (n, d) in GOOD.items() if kind != "messages"}
    s = read_export(write(tmp_path / "x", files))
    assert s.messages_sent is None and s.problems == () and not s.unreadable("messages")
    assert "Messages: not in the archive" in summary_text(s, "en")
    # a numbered part and an old name are the same kind for the summary
    s = read_export(write(tmp_path / "y", {**files, "Inbox_2.csv": b"%PDF"}))
    assert s.unreadable("messages") and "Messages: could not be read (see below)" in summary_text(s, "en")
