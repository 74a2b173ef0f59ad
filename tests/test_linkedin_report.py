"""Issue 5 end to end: a LinkedIn export in the command line, the published pages and the live notebook.

Expensive things run once per module and are shared: one ``publish --export`` (a kernel),
one ``publish --interactive --export``, one execution of the live notebook with the
export, one Chromium. The privacy tests check every output for the sample archive's
contact names (Connections.csv First/Last Name, messages.csv FROM/TO, Invitations.csv
From/To), e-mails, profile URLs and message texts. Base64 payloads (PNG images, widget
buffers) are removed before searching: they are pixels, and random base64 could contain
a short name by chance; the timeline's drawn texts are checked separately.
"""
from __future__ import annotations

import base64
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import beltlib
import beltlib.app as ui  # open_report, ReportState
from beltlib import document, report
from beltlib.answers import EXAMPLE, FIELDS, example_answers, load_answers, validate
from beltlib.linkedin import EXPORT_ASSUMPTIONS, ExportError, prefill_answers, read_export, summary_text, timeline
from beltlib.publish.interactive import EXPORT_IMAGE_DPI, MAX_BYTES_EXPORT
from beltlib.texts import CATALOGUE, t
from browser import RequestGuard, allow_file_only, chromium, jupyter_env, screenshot
from helpers import Page, norm, run_publish, table_rows  # tests/ is on sys.path under pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "belt_report.ipynb"
FIXTURES = ROOT / "tests" / "fixtures" / "export"
SAMPLE_DIR = FIXTURES / "linkedin-export-basic"
SAMPLE_ZIP = FIXTURES / "Basic_LinkedInDataExport_11-02-2026.zip"
#: What the sample tells (its README: 150 connections, 16 sent / 24 received invitations,
#: Nora answered 16 of 21 turns within 24 h, 3 shares + 4 comments, a profile-photo upload).
EXPORT_FIELDS = {"photo": True, "connections": 150, "invitations": "acquaintances",
                 "discussions": "read_and_sometimes_post", "reply_time": "same_day"}
#: The sample README's counts, as the report's summary lines say them.
SUMMARY_LINES_EN = ["Connections: 150 (first 22 Jun 2012, last 23 Oct 2026)",
                    "Invitations: 16 sent, 24 received",
                    "Messages: 27 sent, 33 received, in 20 conversations (6 started by you)",
                    "Your replies sent within 24 hours: 76% (16/21)",
                    "Posts: 3, comments: 4, reactions: 8",
                    "Paid subscription: unknown (no receipts in the archive)",
                    "Files found: 20"]
TIMELINE_ALT_EN = ("Connections over time: 150 connections from 22 Jun 2012 to 23 Oct 2026; 20 reached on "
                   "30 Jun 2015, 200 not reached. Activity per month, in total: invitations sent 16, messages "
                   "sent 27, posts and comments 7.")
BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{120,}={0,2}")


# ------------------------------------------------------------------ privacy helpers
def sensitive() -> tuple[set[str], set[str]]:
    """The sample's private strings: (names, literals).

    names: contact and owner names (matched as whole words, so "Mark" does not hit
    "Marker"); literals: e-mails, profile URLs and message texts (matched anywhere).
    """
    names: set[str] = {"Nora", "Whitcombe", "Nora Whitcombe"}
    literals: set[str] = {"nora-whitcombe-000000", "@example.com", "@example.org", "linkedin.com/in/"}
    with open(SAMPLE_DIR / "Connections.csv", encoding="utf-8", newline="") as f:
        for r in list(csv.reader(f))[4:]:
            if not any(r):
                continue
            first, last, url, email = r[0], r[1], r[2], r[3]
            names.update((first, last, f"{first} {last}"))
            literals.update((url, email))
    with open(SAMPLE_DIR / "messages.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names.add(r["FROM"])
            names.update(r["TO"].split(","))
            names.add(r["CONVERSATION TITLE"])
            literals.add(r["SENDER PROFILE URL"])
            literals.update(r["RECIPIENT PROFILE URLS"].split(","))
            literals.update(line for line in r["CONTENT"].splitlines() if len(line.strip()) >= 12)
            literals.add(r["SUBJECT"])
    with open(SAMPLE_DIR / "Invitations.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names.update((r["From"], r["To"]))
            literals.update((r["inviterProfileUrl"], r["inviteeProfileUrl"], r["Message"]))
    names = {n.strip() for n in names if len(n.strip()) >= 3}
    literals = {x.strip() for x in literals if len(x.strip()) >= 6}
    return names, literals


SENSITIVE = sensitive()


def leaks(text: str) -> list[str]:
    """Private strings of the sample found in ``text`` (base64 payloads removed first)."""
    text = BASE64_RUN.sub(" ", text)
    names, literals = SENSITIVE
    found = [x for x in literals if x in text]
    found += [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    return sorted(found)


def test_the_privacy_check_bites():
    names, literals = SENSITIVE
    assert len(names) > 250 and len(literals) > 150
    assert "Marcus Oyelaran" in names and "Renée" in names
    assert leaks("Connections: 150 — Marker by marker") == []
    assert leaks("a reply to Renée Duval-Okafor") == ["Duval-Okafor", "Renée", "Renée Duval-Okafor"]
    assert leaks("see https://www.linkedin.com/in/aarav-vidal-000031 now") != []
    assert leaks("Tuesday works. See you then!") == ["Tuesday works. See you then!"]
    assert leaks("mail renee@example.com") != []


# ------------------------------------------------------------------ export-summary command
def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", *args], capture_output=True, text=True, timeout=120)


def test_export_summary_command_on_the_zip_and_the_folder():
    text = run_cli("export-summary", str(SAMPLE_ZIP))
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines() == ["What your LinkedIn export shows", *SUMMARY_LINES_EN]
    as_json = {p: run_cli("export-summary", str(p), "--json") for p in (SAMPLE_ZIP, SAMPLE_DIR)}
    for done in as_json.values():
        assert done.returncode == 0 and done.stderr == ""
    zipped, folder = (json.loads(d.stdout) for d in as_json.values())
    assert zipped == folder
    assert {k: zipped[k] for k in list(zipped)[:14]} == {
        "connections": 150, "first_connection": "2012-06-22", "last_connection": "2026-10-23",
        "invitations_sent": 16, "invitations_received": 24, "messages_sent": 27, "messages_received": 33,
        "conversations": 20, "conversations_started": 6, "replies_same_day_share": 16 / 21,
        "shares": 3, "comments": 4, "reactions": 8, "paid_subscription": None}
    assert len(zipped["files_present"]) == 20 and "Connections.csv" in zipped["files_present"]
    fr = run_cli("export-summary", str(SAMPLE_DIR), "--lang", "fr")
    assert fr.returncode == 0 and "Invitations\u00a0: 16 envoyées, 24 reçues" in fr.stdout
    for done in (text, fr, *as_json.values()):
        assert leaks(done.stdout + done.stderr) == []


@pytest.mark.parametrize("make, needle", [
    (lambda tmp: (tmp / "Basic_LinkedInDataExport_cut.zip").write_bytes(SAMPLE_ZIP.read_bytes()[:300]),
     "Basic_LinkedInDataExport_cut.zip: not a readable zip archive or folder"),
    (lambda tmp: (tmp / "export.zip").write_text("Aarav Vidal,aarav@example.com\n"),
     "export.zip: not a readable zip archive or folder"),
    (lambda tmp: None, "nowhere.zip: not found"),
])
def test_export_summary_on_a_broken_archive_exits_2_naming_the_file(tmp_path, make, needle):
    make(tmp_path)
    target = next(iter(tmp_path.iterdir()), tmp_path / "nowhere.zip")
    done = run_cli("export-summary", str(target), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"error: {needle}") and done.stderr.count("\n") == 1   # one line
    assert "Traceback" not in done.stderr and leaks(done.stderr) == []


# ------------------------------------------------------------------ the static page (publish --export)
@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """``publish --export`` on the sample zip (static and interactive), once."""
    tmp = tmp_path_factory.mktemp("publish-export")
    static, interactive = tmp / "export.html", tmp / "export-interactive.html"
    for args in (("--export", str(SAMPLE_ZIP), "-o", str(static)),
                 ("--interactive", "--export", str(SAMPLE_ZIP), "-o", str(interactive))):
        done = run_publish(tmp, *args)
        assert done.returncode == 0, done.stderr
        assert leaks(done.stdout + done.stderr) == []
    return {"static": static, "interactive": interactive}


@pytest.fixture(scope="module")
def static_page(published):
    return Page(published["static"].read_text(encoding="utf-8"))


def test_published_page_answers_are_prefilled_with_their_origin(static_page):
    table = static_page.by_class("belt-answers")[0]
    rows = {r[0]: r[1:] for r in table_rows(table, static_page)}
    assert len(rows) == len(FIELDS) - 1
    prefilled = validate({**EXAMPLE, **EXPORT_FIELDS})
    for field in FIELDS:
        if field == "schema":
            continue
        origin = t("origin.export") if field in EXPORT_FIELDS else t("origin.example")  # no --answers
        assert rows[t(f"field.{field}")] == (report.answer_text(prefilled, field), origin), field
    assert rows["Connections (count)"] == ("150", "from your export")
    assert rows["Paid (Premium) account"] == ("no", "from the example")  # no receipts: not from the export
    assert rows["Time on LinkedIn (hours per week)"] == ("1.0", "from the example")
    a = beltlib.assess(prefilled)
    assert (a.belt, a.score, a.percentile) == ("green", 77.5, 94.8)
    result = Page.text_of(static_page.by_class("belt-result")[0])
    assert "Your belt: green belt" in result
    assert "Details: score 77.5/100 (7 of 7 green markers, 1 of 4 black)" in result


def test_published_page_shows_the_summary_counts_of_the_sample_readme(static_page):
    section = static_page.by_class("belt-section-export_summary")
    assert len(section) == 1
    heading = [e for e in static_page.by_tag("h2") if section[0] in e["ancestors"]]
    assert [Page.text_of(h) for h in heading] == ["Your LinkedIn data export"]
    summary = static_page.by_class("belt-export-summary")[0]
    items = [Page.text_of(e) for e in static_page.by_tag("li") if summary in e["ancestors"]]
    assert items == SUMMARY_LINES_EN
    assert t("export.privacy") in Page.text_of(summary)
    order = [e["classes"] for e in static_page.elements if e["tag"] == "section"]
    names = [next(c for c in cls if c.startswith("belt-section-")) for cls in order]
    assert names[:4] == ["belt-section-intro", "belt-section-export_summary", "belt-section-history",
                         "belt-section-result"]
    assert names.index("belt-section-action_plan") < names.index("belt-section-questionnaire")  # result first


def test_published_page_has_the_timeline_plot_with_its_message_as_alt(static_page):
    figures = static_page.by_class("belt-plot-timeline")
    assert len(figures) == 1 and figures[0]["tag"] == "figure"
    imgs = [e for e in static_page.by_tag("img") if figures[0] in e["ancestors"]]
    assert len(imgs) == 1
    src, alt = imgs[0]["attrs"]["src"], imgs[0]["attrs"]["alt"]
    assert alt == TIMELINE_ALT_EN == timeline.alt_text(read_export(SAMPLE_ZIP))
    png = base64.b64decode(src.removeprefix("data:image/png;base64,"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) < 80_000   # palette PNG
    from PIL import Image
    assert Image.open(io.BytesIO(png)).size == (1000, 1280)        # 5 x 6.4 in at 200 dpi
    caption = [e for e in static_page.by_tag("figcaption") if figures[0] in e["ancestors"]]
    assert Page.text_of(caption[0]) == TIMELINE_ALT_EN


def test_published_page_lists_the_export_assumptions_next_to_the_rules(static_page):
    table = static_page.by_class("belt-assumptions")[0]
    rows = table_rows(table, static_page)
    names = [r[0] for r in rows]
    rule_names = [name for name, _ in beltlib.rules.ASSUMPTIONS]
    calendar = ["PLAN_EVENT_TIME", "RECHECK_DAYS"]  # the plan's calendar file (beltlib.plan), then the export's
    first = len(rule_names) + len(calendar)
    assert [n.rsplit(" (", 1)[-1] for n in names[:first]] == [f"{name})" for name in rule_names + calendar]
    assert [n.rsplit(" (", 1)[-1] for n in names[first:]] == [f"{a['name']})" for a in EXPORT_ASSUMPTIONS]
    assert names[first] == "LinkedIn’s cap on connections (CONNECTIONS_CAP)"  # a plain label first
    by_name = {r[0].rsplit(" (", 1)[-1][:-1]: r[1:] for r in rows}
    assert by_name["CONNECTIONS_CAP"] == ("30,000", EXPORT_ASSUMPTIONS[0]["why"])
    assert by_name["REPLY_SAME_DAY_MIN_SHARE"][0] == "0.5"
    assert by_name["ACTIVITY_WINDOW_MONTHS"][0] == "12"


def test_published_page_holds_no_name_email_url_or_message(published, static_page):
    raw = published["static"].read_text(encoding="utf-8")
    assert leaks(raw) == []
    assert "linkedin.com" not in BASE64_RUN.sub(" ", raw)
    assert 150_000 < len(raw) < 500_000


def test_interactive_page_prefilled_with_origins_summary_and_assumptions(published):
    raw = published["interactive"].read_text(encoding="utf-8")
    assert leaks(raw) == []
    page = Page(raw)
    tags = {e["attrs"]["id"].removeprefix("belt-origin-"): e for e in page.by_class("belt-origin")}
    assert set(tags) == set(FIELDS) - {"schema"}
    for field, tag in tags.items():
        where = "export" if field in EXPORT_FIELDS else "example"  # no --answers: the rest is the example
        assert "hidden" not in tag["attrs"] and tag["attrs"]["data-t"] == f"origin.{where}"
        assert Page.text_of(tag) == t(f"origin.{where}")
    data = json.loads("".join(next(e for e in page.by_tag("script") if e["attrs"].get("id") == "belt-data")["text"]))
    assert {k: data["initial"][k] for k in EXPORT_FIELDS} == EXPORT_FIELDS
    assert {k for k, v in data["provenance"].items() if v == "export"} == set(EXPORT_FIELDS)
    # summary and timeline in the page's language, the French document shipped for a switch; the assumptions too
    sec = next(e for e in page.elements if "belt-section-export_summary" in e["classes"])
    assert [Page.text_of(e) for e in page.by_tag("li") if sec in e["ancestors"]] == SUMMARY_LINES_EN
    assert [e["attrs"]["alt"] for e in page.by_tag("img") if sec in e["ancestors"]] == [TIMELINE_ALT_EN]
    fr = {s["id"]: s for s in data["document"]["fr"]["sections"]}
    first = fr["export_summary"]["blocks"][0]["items"][0]
    assert norm(first) == "Relations : 150 (première le 22 juin 2012, dernière le 23 oct. 2026)"
    assert raw.count('<td data-label="Assumption">LinkedIn’s cap on connections (CONNECTIONS_CAP)</td>') == 1
    assert ["Plafond de relations fixé par LinkedIn (CONNECTIONS_CAP)" in row[0]
            for row in fr["method"]["blocks"][1]["rows"]].count(True) == 1
    assert len(raw.encode("utf-8")) < MAX_BYTES_EXPORT


# ------------------------------------------------------------------ the live notebook with an export
@pytest.fixture(scope="module")
def live_notebook(tmp_path_factory):
    """The report notebook executed live (widgets) with the sample export, widget state kept."""
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    tmp = tmp_path_factory.mktemp("live-export")
    nb = load_notebook_node(str(NOTEBOOK))
    nb = parameterize_notebook(nb, {"answers_path": str(tmp / "answers.json"), "live": True,
                                    "export_path": str(SAMPLE_ZIP)}, kernel_name="python3", language="python")
    env = jupyter_env(tmp / "jupyter", MPLBACKEND="Agg")
    NotebookClient(nb, timeout=120, store_widget_state=True, record_timing=False,
                   resources={"metadata": {"path": str(tmp)}}).execute(env=env, cwd=str(tmp))
    return nb


def test_live_notebook_with_an_export_shows_counts_and_no_private_text(live_notebook):
    text = nbformat.writes(live_notebook)
    assert leaks(text) == []
    state = json.dumps(live_notebook.metadata["widgets"], ensure_ascii=False)
    assert "Connections: 150 (first 22 Jun 2012, last 23 Oct 2026)" in state
    assert "belt-origin belt-origin-export" in state and "CONNECTIONS_CAP" in state
    assert TIMELINE_ALT_EN in state
    summary = [c for c in live_notebook.cells if "belt-summary" in c.metadata.get("tags", [])][0]
    a = beltlib.assess(validate({**EXAMPLE, **EXPORT_FIELDS}))
    # live: a snapshot, and it says so
    assert summary.outputs[0]["text"] == report.render_text(a, "en") + t("ui.summary_snapshot") + "\n"


# ------------------------------------------------------------------ the live UI in-process
def widget_texts(root) -> str:
    """Every widget state under ``root`` as JSON text (bytes left out)."""
    seen, out, stack = set(), [], [root]
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        out.append(json.dumps(w.get_state(), default=lambda o: "<bytes>", ensure_ascii=False))
        stack.extend(getattr(w, "children", ()))
    return "\n".join(out)


def live(tmp_path, **kw):
    r = ui.open_report(answers_path=tmp_path / "answers.json", live=True, **kw)
    return r, r.app()


def test_live_path_field_loads_the_export_prefills_saves_and_shows_it(tmp_path):
    r, app = live(tmp_path)
    assert "belt-export-path" in r.export_path._dom_classes and "belt-export-load" in r.export_load._dom_classes
    assert "belt-export-upload" in r.export_upload._dom_classes
    assert "belt-plot-timeline" in r.timeline_image._dom_classes
    assert r.timeline_image.layout.display == "none" and r.state.provenance is None
    assert "<span" not in r.questionnaire_panel.labels["connections"].value
    assert "CONNECTIONS_CAP" not in r.body("method").value
    r.export_path.value = str(SAMPLE_ZIP)
    r.export_load.click()
    answers = r.state.answers
    assert {k: answers[k] for k in EXPORT_FIELDS} == EXPORT_FIELDS
    assert load_answers(tmp_path / "answers.json") == answers            # saved like any change
    assert r.controls["connections"].value == "150" and r.controls["reply_time"].value == "same_day"
    assert 'belt-origin-export">from your export' in r.questionnaire_panel.labels["connections"].value
    # no answers file yet
    assert 'belt-origin-example">from the example' in r.questionnaire_panel.labels["groups"].value
    assert "from your export" in r.questionnaire_panel.origin_tags["photo"].value
    assert "from the example" in r.questionnaire_panel.origin_tags["premium"].value
    summary = r.export_panel.parts["summary"].value
    assert all(line in summary for line in SUMMARY_LINES_EN)
    assert r.export_panel.parts["message"].value.endswith(">Export read: Basic_LinkedInDataExport_11-02-2026.zip.</p>")
    assert r.timeline_image.value[:8] == b"\x89PNG\r\n\x1a\n" and r.timeline_image.layout.display is None
    assert TIMELINE_ALT_EN in r.export_panel.parts["caption"].value
    assert "CONNECTIONS_CAP" in r.body("method").value
    assert "Details: score 77.5/100" in r.body("result").value
    assert leaks(widget_texts(app)) == []


def test_live_upload_reads_the_zip_in_memory_and_forgets_it(tmp_path):
    r, app = live(tmp_path)
    blob = SAMPLE_ZIP.read_bytes()
    # what the browser sends: the widget deserialises it (content, last_modified in ms)
    r.export_upload.set_state({"value": [{"name": "my-export.zip", "type": "application/zip", "size": len(blob),
                                          "content": memoryview(blob), "last_modified": 1_762_000_000_000}]})
    assert r.state.answers.connections == 150 and r.state.export_name == "my-export.zip"
    assert r.export_upload.value == () and r.export_upload.get_state()["value"] == []
    assert "Export read: my-export.zip." in r.export_panel.parts["message"].value
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "answers.json.days.json"]  # nothing extracted
    assert leaks(widget_texts(app)) == []


def test_live_unreadable_export_shows_the_error_and_keeps_everything(tmp_path):
    r, app = live(tmp_path)
    r.controls["groups"].value = 7                                       # the person's own answer
    r.export_path.value = str(SAMPLE_DIR)
    r.export_load.click()
    before, provenance, summary_html = r.state.answers, dict(r.state.provenance), r.export_panel.parts["summary"].value
    saved = (tmp_path / "answers.json").read_bytes()
    bad = tmp_path / "Basic_LinkedInDataExport_cut.zip"
    bad.write_bytes(SAMPLE_ZIP.read_bytes()[:500])
    r.export_path.value = str(bad)
    r.export_load.click()
    message = r.export_panel.parts["message"].value
    assert (f'The export could not be read: {bad}: not a readable zip archive or folder. '  # the full path
            'Your answers are unchanged.') in message and 'role="alert"' in message
    assert r.state.answers == before and before.groups == 7 and r.state.provenance == provenance
    assert r.export_panel.parts["summary"].value == summary_html and r.export_path.value == str(bad)
    assert (tmp_path / "answers.json").read_bytes() == saved
    r.export_path.value = "   "
    r.export_load.click()
    message = r.export_panel.parts["message"].value
    assert "Type the path of your export first" in message and "could not" not in message
    r.export_upload.set_state({"value": [{"name": "notes.zip", "type": "application/zip", "size": 5,
                                          "content": memoryview(b"hello"), "last_modified": 0}]})
    assert "notes.zip: not a readable zip archive or folder" in r.export_panel.parts["message"].value
    assert r.state.answers == before and r.export_upload.value == ()


def test_live_edits_language_and_reset_keep_the_origins_right(tmp_path):
    r, app = live(tmp_path, export_path=SAMPLE_ZIP)                       # opened with an export parameter
    assert r.state.provenance["connections"] == "export" and "Export read" in r.export_panel.parts["message"].value
    r.controls["connections"].value = 210
    assert r.state.provenance["connections"] == "you"
    assert 'belt-origin-you">from you' in r.questionnaire_panel.labels["connections"].value
    r.lang_switch.value = "fr"
    assert 'belt-origin-export">de votre export' in r.questionnaire_panel.labels["invitations"].value
    assert r.export_load.description == "Charger l’export" and r.export_upload.description == "Téléverser le zip"
    assert "Relations\u00a0: 150 (première le 22 juin 2012" in r.export_panel.parts["summary"].value
    assert "Relations au fil du temps\u00a0: 150 relations" in r.export_panel.parts["caption"].value
    assert "LinkedIn limite les relations directes" in r.body("method").value
    r.reset_button.click()
    assert r.state.provenance is None and "<span" not in r.questionnaire_panel.labels["connections"].value
    assert r.questionnaire_panel.origin_tags["photo"].layout.display == "none"
    assert r.state.answers == example_answers() and "Relations\u00a0: 150" in r.export_panel.parts["summary"].value


def test_report_state_loads_a_file_object_and_refuses_without_losing_answers(tmp_path):
    state = ui.ReportState(tmp_path / "a.json")
    with open(SAMPLE_ZIP, "rb") as f:
        assert state.load_export(f, name="upload.zip") is True
    assert state.export_summary == read_export(SAMPLE_ZIP) and state.changes == 1
    assert state.export_message_text() == "Export read: upload.zip."
    assert [a["name"] for a in state.method_extra()] == [a["name"] for a in EXPORT_ASSUMPTIONS]
    assert state.load_export(io.BytesIO(b"PK\x03\x04broken")) is False
    assert state.export_error == "export: not a readable zip archive or folder" and state.changes == 1
    assert state.load_export(io.BytesIO(b"PK"), name="mine.zip") is False
    assert state.export_error == "mine.zip: not a readable zip archive or folder"
    with pytest.raises(ExportError):
        read_export(io.BytesIO(b"PK\x03\x04broken"))


# ------------------------------------------------------------------ pieces
def test_static_report_without_export_shows_no_export_section(tmp_path):
    r = ui.open_report(answers_path=None, live=False)
    assert r.export_summary() is None and "CONNECTIONS_CAP" not in r.method().data
    fr = ui.open_report(answers_path=None, live=False, lang="fr", export_path=SAMPLE_DIR)
    body = fr.export_summary().data
    assert "Votre export de données LinkedIn" in body and "Invitations\u00a0: 16 envoyées, 24 reçues" in body
    assert "LinkedIn limite les relations directes à 30\u202f000" in fr.method().data


def test_export_assumption_texts_match_the_mapping_in_both_languages():
    for a in EXPORT_ASSUMPTIONS:
        assert t(f"assumption.{a['name']}", "en") == a["why"]  # the catalogue's text, rule values filled
        assert CATALOGUE["fr"][f"assumption.{a['name']}"].strip()
    assert [x["why"] for x in beltlib.linkedin.export_assumptions("en")] == [a["why"] for a in EXPORT_ASSUMPTIONS]


def test_timeline_alt_text_and_palette_png():
    s = read_export(SAMPLE_ZIP)
    assert timeline.alt_text(s) == TIMELINE_ALT_EN
    assert timeline.alt_text(s, "fr").startswith("Relations au fil du temps\u00a0: 150 relations du 22 juin 2012 au "
                                                 "23 oct. 2026\u00a0; 20\u00a0relations atteintes le 30 juin 2015, "
                                                 "200\u00a0relations non atteintes.")
    from beltlib.linkedin import ExportSummary
    assert timeline.alt_text(ExportSummary(reactions=2)) == (
        "Connections over time: no dated connection in the archive. Activity per month, in total: invitations "
        "sent not in the archive, messages sent not in the archive, posts and comments not in the archive.")
    from PIL import Image
    full, small = timeline.render_png(s), timeline.render_png(s, colors=64)
    assert Image.open(io.BytesIO(small)).mode == "P" and len(small) < len(full) / 2
    assert Image.open(io.BytesIO(full)).size == Image.open(io.BytesIO(small)).size == (500, 640)
    fig = timeline.figure(s)
    fig.canvas.draw()
    drawn = "\n".join(x.get_text() for ax in fig.axes for x in ax.texts + ax.get_legend().get_texts())
    assert "20 reached on 30 Jun 2015" in drawn and leaks(drawn) == []


def test_summary_text_of_the_sample_is_private():
    s = read_export(SAMPLE_ZIP)
    for lang in ("en", "fr"):
        section = document.find(document.build(beltlib.assess(example_answers()), lang, export=s), "export_summary")
        assert leaks(summary_text(s, lang)) == [] and leaks(report.section_html(section)) == []
    new, provenance = prefill_answers(s, EXAMPLE)
    assert {k for k, v in provenance.items() if v == "export"} == set(EXPORT_FIELDS)


# ------------------------------------------------------------------ in a browser
@pytest.mark.browser
def test_pages_with_an_export_in_chromium_offline_at_375_and_1280(published):
    with chromium() as browser:
        for width in (375, 1280):
            for kind in ("static", "interactive"):
                ctx = browser.new_context(viewport={"width": width, "height": 900})
                guard = RequestGuard(allow_file_only).attach(ctx)
                page = ctx.new_page()
                errors = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.goto(published[kind].as_uri(), wait_until="load")
                if kind == "interactive":
                    page.wait_for_selector("html[data-belt-ready]", state="attached", timeout=30_000)
                box = page.evaluate("""() => { const i = document.querySelector('.belt-plot-timeline img');
                    const r = i.getBoundingClientRect();
                    return {w: r.width, natural: i.naturalWidth, right: r.right,
                            scroll: document.documentElement.scrollWidth}; }""")
                # drawn at 2x on the static page, at 1.5x on the interactive page (it ships both languages)
                natural = 1000 if kind == "static" else round(500 * EXPORT_IMAGE_DPI / 100)
                assert box["natural"] == natural and 300 < box["w"] <= 500 and box["right"] <= width
                assert box["scroll"] <= width, (kind, width)             # nothing wider than the screen
                wide = page.evaluate("""() => [...document.querySelectorAll('table')]
                    .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
                    .map(t => t.className)""")
                assert wide == [], (kind, width)                           # no table cut or scrolling
                shot = screenshot(page, f"export-{kind}-{width}")
                assert shot.stat().st_size > 20_000
                assert guard.blocked == [] and errors == []
                if kind == "interactive" and width == 1280:
                    tag = "#belt-origin-connections"
                    assert page.inner_text(tag) == "from your export"
                    page.fill("#belt-field-connections", "210")
                    page.dispatch_event("#belt-field-connections", "change")
                    assert page.inner_text(tag) == "from you"
                    assert page.inner_text("#belt-origin-groups") == "from the example"  # no --answers given
                    page.select_option("#belt-lang-select", "fr")
                    assert page.inner_text(tag) == "de vous"
                    assert page.inner_text("#belt-origin-invitations") == "de votre export"
                    assert page.is_visible(".belt-section-export_summary .belt-plot-timeline img")
                    assert "Relations" in page.inner_text(".belt-section-export_summary")
                    page.click(".belt-reset")
                    assert page.inner_text(tag) == "de votre export"
                    assert page.input_value("#belt-field-connections") == "150"
                ctx.close()


def test_static_page_tags_example_answers_as_such(published):
    raw = published["static"].read_text(encoding="utf-8")
    # no --answers: what the export cannot tell comes from the example, never "from you"
    assert raw.count(">from your export<") == len(EXPORT_FIELDS)
    assert raw.count(">from the example<") == len(FIELDS) - 1 - len(EXPORT_FIELDS)
    assert ">from you<" not in raw
