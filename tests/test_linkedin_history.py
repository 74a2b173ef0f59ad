"""Your history from one export (beltlib.linkedin.history, ``belt-report history``): exact monthly counts,
crossings, unknown months, undated markers, ``--since``, bad input and privacy, on small exports with
known months written in LinkedIn's own formats."""
from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest

from beltlib import document, rules
from beltlib.linkedin import read_export
from beltlib.linkedin.history import DATED, UNDATED, history, month_range
from beltlib.linkedin.history_words import alt_text, month_text
from helpers import run_cli

OWNER = ("Zelphira", "Quonset", "https://www.linkedin.com/in/zelphira-quonset-000001")
BOB = ("Brimble Xanthor", "https://www.linkedin.com/in/brimble-xanthor-000002")
CAROL = ("Corvina Wexley", "https://www.linkedin.com/in/corvina-wexley-000003")
SECRETS = ("Zelphira", "Quonset", "Brimble", "Xanthor", "Corvina", "Wexley", "Person1", "linkedin.com/in",
           "SECRET-TEXT-123", "POST-TEXT-456", "COMMENT-TEXT-789", "INVITE-TEXT-000")
MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07"]


def _write(path: Path, header: list[str], rows: list[list[str]], notes: str | None = None) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        if notes:
            f.write(f"Notes:\n\"{notes}\"\n\n")
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def _connections(dates: list[str]) -> list[list[str]]:
    return [[f"Person{i}", f"Name{i}", f"https://www.linkedin.com/in/person-{i:06d}", "", "Acme", "Engineer", d]
            for i, d in enumerate(dates)]


def make_export(folder: Path, *, until_march: bool = False, invitations: bool = True, activity: bool = True) -> Path:
    """A small export with known months (2024-01 to 2024-07; ``until_march``: only up to March).

    Connections: 5 on 5 Jan, 10 on 10 Mar, 10 on 12 May 2024 (the 20th in May). Invitations (window from
    May): 2 sent and 1 received in May, 1 sent in June. Messages: Brimble writes 10 Feb 09:00, the owner replies 10:00
    (within a day); Corvina writes 1 Jun 08:00, the owner replies 3 Jun 08:00 (48 h); the owner starts a conversation on
    1 Jul. Shares: one post on 15 Mar; Comments: one on 20 Jul.
    """
    folder.mkdir(parents=True, exist_ok=True)
    first, last, url = OWNER
    _write(folder / "Profile.csv", ["First Name", "Last Name", "Headline"], [[first, last, "Engineer"]])
    dates = ["05 Jan 2024"] * 5 + ["10 Mar 2024"] * 10 + ([] if until_march else ["12 May 2024"] * 10)
    columns = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    _write(folder / "Connections.csv", columns, _connections(dates), notes="When exporting your connection data")
    me = f"{first} {last}"
    header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "RECIPIENT PROFILE URLS",
              "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"]
    rows = [["c1", "", BOB[0], BOB[1], me, url, "2024-02-10 09:00:00 UTC", "", "SECRET-TEXT-123 hi", "INBOX", ""],
            ["c1", "", me, url, BOB[0], BOB[1], "2024-02-10 10:00:00 UTC", "", "SECRET-TEXT-123 hello", "INBOX", ""]]
    if not until_march:
        rows += [["c2", "", CAROL[0], CAROL[1], me, url, "2024-06-01 08:00:00 UTC", "", "SECRET-TEXT-123", "INBOX", ""],
                 ["c2", "", me, url, CAROL[0], CAROL[1], "2024-06-03 08:00:00 UTC", "", "SECRET-TEXT-123", "INBOX", ""],
                 ["c3", "", me, url, BOB[0], BOB[1], "2024-07-01 12:00:00 UTC", "", "SECRET-TEXT-123", "INBOX", ""]]
    rows.reverse()  # LinkedIn lists the newest first
    _write(folder / "messages.csv", header, rows)
    if invitations and not until_march:
        inv = [[me, BOB[0], "6/2/24, 9:05 AM", "INVITE-TEXT-000", "OUTGOING", url, BOB[1]],
               [me, CAROL[0], "5/20/24, 9:05 AM", "", "OUTGOING", url, CAROL[1]],
               [CAROL[0], me, "5/15/24, 1:30 PM", "", "INCOMING", CAROL[1], url],
               [me, "Dunstan Ferrol", "5/10/24, 9:05 AM", "", "OUTGOING", url, "https://www.linkedin.com/in/dan-000004"]]
        _write(folder / "Invitations.csv", ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
                                            "inviteeProfileUrl"], inv)
    if activity:
        _write(folder / "Shares.csv", ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
               [["2024-03-15 12:00:00", "https://www.linkedin.com/feed/update/1", "POST-TEXT-456", "", "", "MEMBER"]])
        if not until_march:
            _write(folder / "Comments.csv", ["Date", "Link", "Message"],
                   [["2024-07-20 18:00:00", "https://www.linkedin.com/feed/update/2", "COMMENT-TEXT-789"]])
    return folder


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli(*args)  # in this process (tests/helpers.py)


def _column(h, key):
    return [getattr(m, key) for m in h.months]


def _marker(h, ident):
    return [m.markers[ident] for m in h.months]


def test_month_range_is_every_calendar_month_in_order():
    assert month_range("2023-11-30", "2024-02-01") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert month_range("2024-05", "2024-05") == ["2024-05"]


def test_exact_monthly_counts_crossings_and_undated(tmp_path):
    h = history(read_export(make_export(tmp_path / "x")))
    assert [m.month for m in h.months] == MONTHS
    assert _column(h, "connections") == [5, 5, 15, 15, 25, 25, 25]
    assert _column(h, "invitations_sent") == [None, None, None, None, 2, 1, 0]  # the file covers May on
    assert _column(h, "messages_sent") == [0, 1, 0, 0, 0, 1, 1]
    assert _column(h, "replies") == [0, 1, 0, 0, 0, 1, 0]
    assert _column(h, "replies_within_day") == [0, 1, 0, 0, 0, 0, 0]
    assert _column(h, "posts") == [0, 0, 1, 0, 0, 0, 0]
    assert _column(h, "comments") == [0, 0, 0, 0, 0, 0, 1]
    assert h.crossings == {"connections_20": "2024-05", "connections_over_200": None}
    assert h.undated == UNDATED == ("profile_current", "photo", "contacts_through_network", "groups",
                                    "contacts_strangers")
    assert h.invitations_from == "2024-05"


def test_markers_month_by_month(tmp_path):
    h = history(read_export(make_export(tmp_path / "x")))
    T, F, N = True, False, None
    assert _marker(h, "connections_20") == [F, F, F, F, T, T, T]
    assert _marker(h, "invites_acquaintances") == [N, N, N, N, T, T, T]  # only inside the invitations' window
    # sent share 2/3, 3/4, 3/4 with 10 new connections over 1, 2, 3 months (pace 10, 5, 3.3 against 4)
    assert _marker(h, "connects_after_every_meeting") == [N, N, N, N, T, T, F]
    assert _marker(h, "forums") == [F, F, T, T, T, F, T]  # a post or comment in the 3 months ending there
    assert _marker(h, "leads_discussions") == [F] * 7
    assert _marker(h, "same_day_reply") == [N, T, T, T, N, F, F]  # no reply in the window: cannot tell
    for ident in UNDATED:
        assert _marker(h, ident) == [N] * 7
    assert set(DATED) | set(UNDATED) == set(h.months[0].markers)


def test_files_absent_are_unknown_never_zero(tmp_path):
    h = history(read_export(make_export(tmp_path / "x", invitations=False, activity=False)))
    assert [m.month for m in h.months] == MONTHS[:7]
    assert _column(h, "invitations_sent") == [None] * 7
    assert _column(h, "posts") == _column(h, "comments") == [None] * 7
    for ident in ("invites_acquaintances", "connects_after_every_meeting", "forums", "leads_discussions"):
        assert _marker(h, ident) == [None] * 7
    assert h.invitations_from is None
    assert _column(h, "messages_sent") == [0, 1, 0, 0, 0, 1, 1]


def test_json_has_the_issue_keys(tmp_path):
    folder = make_export(tmp_path / "x")
    r = run("history", str(folder), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert list(out) == ["months", "crossings", "undated"]
    assert [m["month"] for m in out["months"]] == MONTHS
    assert list(out["months"][4]) == ["month", "connections", "invitations_sent", "messages_sent", "replies",
                                      "replies_within_day", "posts", "comments", "markers"]
    assert out["months"][0]["invitations_sent"] is None and out["months"][4]["invitations_sent"] == 2
    assert out["months"][1]["markers"]["same_day_reply"] is True
    assert out["crossings"] == {"connections_20": "2024-05", "connections_over_200": None}
    assert out["undated"] == list(UNDATED)
    for secret in SECRETS:
        assert secret not in r.stdout


def test_text_and_page_in_both_languages_hold_no_contact_data(tmp_path):
    folder = make_export(tmp_path / "x")
    en = run("history", str(folder))
    fr = run("history", str(folder), "--lang", "fr", "-o", str(tmp_path / "p.html"))
    assert en.returncode == fr.returncode == 0, en.stderr + fr.stderr
    assert "The green belt’s 20 connections were reached in May\u00a02024." in en.stdout
    assert "Replies within the day (black belt): met in 3 of the 5 months the export can date, first in " \
           "Feb\u00a02024; in Jul\u00a02024: not met." in en.stdout
    assert "Les 20\u00a0relations de la ceinture verte ont été atteintes en mai\u00a02024." in fr.stdout
    # Issue 18: "acquis aucun des 6 mois que l’export peut dire" read wrong; "permet de dater", "dans aucun"
    assert ("Répond dans la journée (ceinture noire)\u00a0: acquis 3\u00a0mois sur les 5 que l’export permet de "
            "dater, d’abord en févr.\u00a02024\u202f; en juil.\u00a02024\u00a0: non acquis.") in fr.stdout
    assert "acquis dans aucun des" in fr.stdout and "peut dire" not in fr.stdout
    # the table's heading says no command to a job seeker (issue 18), in either language
    assert "\nThe last 6 months\n" in en.stdout and "\nLes 6\u00a0derniers mois\n" in fr.stdout
    assert "--json" not in en.stdout + fr.stdout and "ligne de commande" not in fr.stdout
    assert "Invitations.csv ne contient que les mois depuis mai\u00a02024." in fr.stdout
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert 'class="belt-plot-history"' in page and "Votre historique" in page
    for secret in SECRETS:
        assert secret not in en.stdout and secret not in fr.stdout and secret not in page


def test_document_section_after_the_export_summary_with_its_figure(tmp_path):
    from beltlib import assess, example_answers
    summary = read_export(make_export(tmp_path / "x"))
    doc = document.build(assess(example_answers()), "en", export=summary)
    ids = [s["id"] for s in doc["sections"]]
    assert ids.index("history") == ids.index("export_summary") + 1
    sec = document.find(doc, "history")
    assert sec["area"] == "lead" and sec["class"] == "belt-history"
    fig = next(b for b in sec["blocks"] if b["kind"] == "figure")
    assert fig["plot"] == "history" and fig["alt"] == alt_text(history(summary), "en")
    assert "20 connections reached in May\u00a02024, 201 connections not reached yet" in fig["alt"]
    fr = document.find(document.build(assess(example_answers()), "fr", export=summary), "history")
    alt_fr = next(b for b in fr["blocks"] if b["kind"] == "figure")["alt"]
    assert "20\u00a0relations atteintes en mai\u00a02024, 201\u00a0relations pas encore atteintes" in alt_fr
    lists = [b for b in sec["blocks"] if b["kind"] == "list"]
    assert lists[-1]["items"] == ["Profile current, comparable to your CV", "Profile photo",
                                  "Contacts people through LinkedIn when there is no other way",
                                  "Member of groups tied to your field or school", "Contacts people you don’t know"]
    table = next(b for b in sec["blocks"] if b["kind"] == "table")
    assert table["title"] == "The last 6 months"
    assert table["rows"][0] == ["Jul\u00a02024", "25", "0", "1", "0 (0)", "0 + 1", "3 of 6"]
    assert len(table["rows"]) == 6  # the newest 6 months; the JSON holds them all
    assert table["rows"][-1] == ["Feb\u00a02024", "5", "unknown", "1", "1 (1)", "0 + 0", "1 of 4"]
    assert month_text("2024-02", "fr") == "févr.\u00a02024"


def test_figure_png_is_drawn_for_the_static_renderings(tmp_path):
    from beltlib import assess, example_answers
    from beltlib.figures import png_figures
    summary = read_export(make_export(tmp_path / "x"))
    html = png_figures(assess(example_answers()), "fr", summary)({"plot": "history", "alt": "a < b"})
    # a phone's drawing under the static page's breakpoint, the wide one (full column: 790 px) otherwise
    assert html.startswith('<picture><source media="(max-width: 40rem)" srcset="data:image/png;base64,')
    assert html.count('<img src="data:image/png;base64,') == 1 and 'alt="a &lt; b"' in html
    assert "max-width:790px" in html and html.endswith("</picture>")


def test_since_an_earlier_export(tmp_path):
    new, old = make_export(tmp_path / "new"), make_export(tmp_path / "old", until_march=True)
    r = run("history", str(new), "--since", str(old), "--json")
    assert r.returncode == 0, r.stderr
    since = json.loads(r.stdout)["since"]
    assert list(since) == ["belt", "markers_needed", "markers_gained", "markers_lost"]
    assert "connections_20" in since["markers_gained"] and since["markers_lost"] == []
    text = run("history", str(new), "--since", str(old))
    assert "Since your earlier export (15 Mar 2024): +1 marker — your belt: still green belt." in text.stdout
    assert "Gained: At least 20 connections" in text.stdout
    back = run("history", str(old), "--since", str(new), "--lang", "fr")
    assert back.returncode == 2 and back.stdout == ""
    assert back.stderr.count("\n") == 1 and "--since\u00a0: l’export précédent" in back.stderr
    assert "Both exports start from the same answers (the example’s); what an export cannot tell is taken from " \
           "those answers both times, so only what the exports show can change." in text.stdout
    fr = run("history", str(new), "--since", str(old), "--lang", "fr")
    assert "Les deux exports partent des mêmes réponses (celles de l’exemple)\u202f; ce qu’un export ne peut " \
           "pas dire est pris dans ces réponses les deux fois" in fr.stdout


@pytest.mark.parametrize("lang, want", [("en", "error: --since: nowhere-old.zip: not found"),
                                        ("fr", "erreur\u00a0: --since\u00a0: nowhere-old.zip\u00a0: introuvable")])
def test_a_missing_earlier_export_is_named_by_its_option(tmp_path, lang, want):
    """Issue 18: ``--since /nonexistent`` said only "nonexistent: not found"."""
    r = run("history", str(make_export(tmp_path / "new")), "--since", str(tmp_path / "nowhere-old.zip"), "--lang", lang)
    assert (r.returncode, r.stdout) == (2, "") and r.stderr.count("\n") == 1
    assert r.stderr.startswith(want), r.stderr


def test_an_export_with_no_dated_row_is_refused_in_one_line(tmp_path):
    folder = tmp_path / "undated"
    folder.mkdir()
    _write(folder / "Connections.csv", ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                                        "Connected On"], [["Zed", "Hidden", "", "", "", "", ""]])
    out = tmp_path / "page.html"
    for lang, words in (("en", "has no dated row"), ("fr", "n’a aucune ligne datée")):
        r = run("history", str(folder), "--lang", lang, "-o", str(out))
        assert (r.returncode, r.stdout) == (2, "")
        assert r.stderr.count("\n") == 1 and words in r.stderr and "Zed" not in r.stderr
    assert not out.exists()
    assert history(read_export(folder)) is None
    from beltlib import assess, example_answers
    doc = document.build(assess(example_answers()), "en", export=read_export(folder))
    assert document.find(doc, "history") is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sample_export_history(lang):
    sample = Path(__file__).parent / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"
    h = history(read_export(sample))
    assert (h.months[0].month, h.months[-1].month, len(h.months)) == ("2012-06", "2026-10", 173)
    assert h.crossings == {"connections_20": "2015-06", "connections_over_200": None}
    assert sum(m.replies for m in h.months) == 21 and sum(m.replies_within_day for m in h.months) == 16
    assert sum(m.invitations_sent or 0 for m in h.months) == 16 and h.invitations_from == "2026-05"
    assert h.months[-1].connections == 150


def test_the_notebook_views_draw_the_history_figure(tmp_path, monkeypatch):
    """The live app draws the section's figure as a PNG, like the timeline; the static view as an ``<img>``."""
    from beltlib import app, store
    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "none.json"))
    folder = make_export(tmp_path / "x")
    live = app.open_report(answers_path=None, export_path=folder)
    live.app()
    fig = live.figures["history"]
    assert bytes(fig.image.value).startswith(b"\x89PNG") and "belt-plot-history" in fig.image._dom_classes
    assert "20 connections reached in May\u00a02024" in fig.caption.value
    live.lang_switch.value = "fr"
    assert "20\u00a0relations atteintes en mai\u00a02024" in live.figures["history"].caption.value
    static = app.open_report(answers_path=None, live=False, export_path=folder, lang="fr")
    html = static.section("history").data
    assert '<figure class="belt-plot-history"' in html and "data:image/png;base64," in html
    for secret in SECRETS:
        assert secret not in html


def test_the_live_app_shows_a_figure_of_an_unknown_kind_as_its_caption_alone(tmp_path, monkeypatch):
    from beltlib import app, store
    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "none.json"))
    live = app.open_report(answers_path=None)
    key, png = live._plotter("sankey")
    assert png() == b""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_two_layouts_are_readable_where_they_are_shown(lang):
    """Issue 18: at 375 px the history's labels were about 5 px and the marker names cut; at 1280 px it filled 60%
    of the column. Each layout is drawn at its size; shown at its width (wide: the static page's 790 px column,
    narrow: a phone's 351 px), every text is at least 9 CSS px, inside the figure, and no marker name is cut."""
    from matplotlib.text import Text

    from beltlib.linkedin import history_plot
    from beltlib.texts import t
    sample = Path(__file__).parent / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"
    h = history(read_export(sample))
    for layout, shown_px in (("wide", 790), ("narrow", 351)):
        fig = history_plot.figure(h, lang, layout)
        fig.savefig(io.BytesIO(), format="png", dpi=100)  # laid out as render_png lays it out
        width_px = fig.get_size_inches()[0] * fig.dpi
        assert width_px == {"wide": 790, "narrow": 360}[layout]
        scale = shown_px / width_px
        box = fig.bbox
        hidden = {id(tick.label1) for ax in fig.axes for tick, loc in zip(ax.xaxis.get_major_ticks(),
                                                                          ax.xaxis.get_majorticklocs())
                  if not ax.get_xlim()[0] <= loc <= ax.get_xlim()[1]}  # ticks beyond the view are not drawn
        texts = [x for x in fig.findobj(Text) if x.get_text().strip() and x.get_visible() and id(x) not in hidden]
        for x in texts:
            px = x.get_fontsize() * fig.dpi / 72 * scale
            assert px >= 9, (layout, x.get_text(), px)
            ext = x.get_window_extent()
            assert ext.x0 >= box.x0 - 1 and ext.x1 <= box.x1 + 1, (layout, x.get_text())
        names = {x.get_text().replace("\n", " ") for x in texts}  # wrapped at spaces, never shortened
        belts = {m["id"]: m["belt"] for m in rules.MARKERS}
        for ident in DATED:
            label = t("history.plot.marker", lang, belt=t(f"belt_title.{belts[ident]}", lang),
                      marker=t(f"marker.{ident}", lang))
            assert label in names, (layout, label)


def test_an_unknown_layout_is_named():
    from beltlib.linkedin import history_plot
    with pytest.raises(ValueError, match=r"layout: got 'tall' \(allowed: wide, narrow\)"):
        history_plot.figure(None, "en", "tall")
