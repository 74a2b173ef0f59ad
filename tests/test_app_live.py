"""The report notebook's UI in-process (issue 3): static sections, live widgets, the answers file."""
import base64
import html
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

import beltlib
import beltlib.app as app
from beltlib import numbers, plots, report, store
from beltlib.answers import EXAMPLE, FIELDS, AnswersError, example_answers, load_answers
from beltlib.app.painter import PlotPainter
from beltlib.texts import t

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "belt_report.ipynb"
EXPORT = ROOT / "tests" / "fixtures" / "export" / "linkedin-export-basic"

#: A white belt one step from green: 3 green markers (profile, invitations, outreach);
#: ticking the photo makes 4 (still white), 150 connections make 5 (green).
NEAR_GREEN = {**EXAMPLE, "photo": False, "connections": 10, "groups": 0, "discussions": "never"}


@pytest.fixture
def no_file(tmp_path, monkeypatch):
    """The default answers file (``answers_path=None``) points at a missing file: the example answers."""
    missing = tmp_path / "none.json"
    monkeypatch.setenv(store.ANSWERS_ENV, str(missing))
    return missing


def write_answers(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


# ---------------------------------------------------------------- static mode
def test_static_sections_are_plain_html_with_the_contract_classes(no_file):
    r = app.open_report(answers_path=None, live=False)
    a = beltlib.assess(example_answers())
    assert isinstance(r, app.StaticReport)
    res = r.result().data
    assert 'class="belt-result" data-belt="green"' in res and "Your belt: green belt" in text_of(res)
    assert "<h2" in res and "Your result" in res
    for kind, section in (("population", r.population_plot()), ("effort", r.effort_plot())):
        html = section.data
        assert f'<figure class="belt-plot-{kind}"' in html
        src = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]+)"', html)
        assert src, kind
        assert base64.b64decode(src.group(1))[:8] == b"\x89PNG\r\n\x1a\n"
        assert src.group(2) == plots.alt_text(a, kind, "en").replace("'", "&#x27;")
    assert ("This report’s estimate: about 94% of LinkedIn users below you, inside the green belt’s share "
            "(88% to 98%).") in r.population_plot().data
    q = text_of(r.questionnaire().data)
    assert "Connections (count) 150" in q and "Profile photo yes" in q and "From" not in q
    assert 'class="belt-plan"' in r.action_plan().data
    assert "GREEN_MIN_MARKERS" in r.method().data and '<table class="belt-synthesis' in r.synthesis().data
    intro = r.intro().data
    assert intro.index("<h1") < intro.index("<h2") and "Belt Report: how you use LinkedIn" in intro


def test_static_summary_prints_render_text(tmp_path, capsys):
    write_answers(tmp_path / "a.json", NEAR_GREEN)
    app.open_report(answers_path=tmp_path / "a.json", lang="fr", live=False).summary()
    out = capsys.readouterr().out
    assert out == report.render_text(beltlib.assess(beltlib.validate(NEAR_GREEN)), "fr")
    assert "Votre ceinture\u00a0: ceinture blanche" in out


def test_static_title_is_escaped(no_file):
    r = app.open_report(answers_path=None, live=False, title="<script>alert(1)</script> & Co")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in r.intro().data and "<script>" not in r.intro().data
    assert "<script>" not in r.show().data


def test_static_mode_reads_but_never_writes_and_rejects_invalid_files(tmp_path, monkeypatch):
    path = write_answers(tmp_path / "a.json", {**EXAMPLE, "connections": -3})
    before = path.read_bytes()
    with pytest.raises(AnswersError, match=r"connections: got -3"):
        app.open_report(answers_path=path, live=False)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
    # a missing file given explicitly is an error naming it (never a quiet fall-back to the example)
    with pytest.raises(AnswersError, match=f"no such file: {re.escape(str(tmp_path / 'missing.json'))}"):
        app.open_report(answers_path=tmp_path / "missing.json", live=False, persona="recruiter")
    # the default file missing (no answers yet): the example answers of the persona
    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "missing.json"))
    assert app.open_report(answers_path="answers.json", live=False, persona="recruiter").state.answers == (
        example_answers("recruiter"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


def test_static_mode_does_not_import_ipywidgets(tmp_path):
    code = ("import sys, beltlib.app as ui\n"
            f"r = ui.open_report(answers_path={str(write_answers(tmp_path / 'x.json', EXAMPLE))!r}, live=False)\n"
            "r.show(); r.summary(); [r.section(s['id']) for s in r.document()['sections']]\n"
            "print('ipywidgets' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_static_export_prefills_and_shows_provenance(tmp_path, no_file):
    # no answers file: what the export cannot tell comes from the built-in example, not from the person
    r = app.open_report(answers_path=None, live=False, export_path=EXPORT)
    assert r.state.provenance["connections"] == "export" and r.state.provenance["persona"] == "example"
    q = text_of(r.questionnaire().data)
    assert "From" in q and "Connections (count) 150 from your export" in q
    assert "Your situation Looking, or may change jobs from the example" in q and "from you " not in q + " "
    # the person's answers file: those answers are theirs
    mine = write_answers(tmp_path / "mine.json", NEAR_GREEN)
    r = app.open_report(answers_path=mine, live=False, export_path=EXPORT, lang="fr")
    assert r.state.provenance["connections"] == "export" and r.state.provenance["persona"] == "you"
    q = text_of(r.questionnaire().data)
    assert "de votre export" in q and "de vous" in q and "de l’exemple" not in q


# ---------------------------------------------------------------- answers file
def test_default_answers_path_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(store.ANSWERS_ENV, str(tmp_path / "elsewhere.json"))
    assert store.resolve_answers_path("answers.json") == tmp_path / "elsewhere.json"
    assert store.resolve_answers_path(None) == tmp_path / "elsewhere.json"
    assert store.resolve_answers_path(tmp_path / "mine.json") == tmp_path / "mine.json"
    monkeypatch.delenv(store.ANSWERS_ENV)
    monkeypatch.chdir(tmp_path)
    assert store.resolve_answers_path("answers.json") == tmp_path / "answers.json"


def test_corrupt_file_is_kept_as_bak_with_a_clear_message(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text("{not json", encoding="utf-8")
    r = app.open_report(answers_path=path)
    assert not path.exists() and (tmp_path / "answers.json.bak").read_text() == "{not json"
    assert r.state.answers == example_answers()
    r.questionnaire()
    msg = text_of(r.questionnaire_panel.message.value)
    # the whole message: the file's full path, the JSON error in full, where the file was kept
    assert msg == (f"Your answers file could not be read (Invalid answers in {path}: (file): invalid JSON at line 1 "
                   "column 2 (Expecting property name enclosed in double quotes) (expected: a JSON object with the "
                   f"fields {', '.join(FIELDS)})). It was kept as {tmp_path / 'answers.json.bak'}; the example "
                   "answers are used.")
    assert r.questionnaire_panel.message.layout.display is None
    # one bad field the next time: the other answers are kept, the bad one takes the example's value,
    # the file as it was is copied to a second backup (the first kept)
    bad = {**NEAR_GREEN, "photo": "yes", "groups": 4}
    write_answers(path, bad)
    r2 = app.open_report(answers_path=path, lang="fr")
    r2.questionnaire()
    assert json.loads((tmp_path / "answers.json.bak.2").read_text()) == bad
    assert (tmp_path / "answers.json.bak").read_text() == "{not json"
    assert r2.state.answers == beltlib.validate({**bad, "photo": EXAMPLE["photo"]})
    assert r2.state.origins["photo"] == "example" and r2.state.origins["groups"] == "you"
    assert html.unescape(text_of(r2.questionnaire_panel.message.value)) == text_of(t(
        "ui.fields_replaced", "fr", problems='photo: got "yes" (allowed: true or false)',
        backup=str(tmp_path / "answers.json.bak.2")))
    r2.controls["groups"].value = 3  # the first change writes a valid file again, with the kept answers
    assert load_answers(path).groups == 3 and load_answers(path).connections == NEAR_GREEN["connections"]


def test_a_bad_file_that_cannot_be_kept_aside_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "answers.json"
    path.write_text("{not json", encoding="utf-8")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(store.os, "replace", refuse)
    r = app.open_report(answers_path=path)
    r.app()
    assert "nor kept aside (Permission denied); it is left untouched" in r.questionnaire_panel.message.value
    r.controls["photo"].value = False
    assert path.read_text() == "{not json" and r.state.changes == 0
    assert "Not saved: Your answers file could not be read" in r.body("result").value
    assert r.state.assessment.answers.photo is False  # the change still shows


def test_changes_are_saved_and_restored_on_reopening(tmp_path):
    path = write_answers(tmp_path / "answers.json", NEAR_GREEN)
    r = app.open_report(answers_path=path)
    r.app()
    # the status line names the answers file by its full path
    assert f"Your answers were read from {path}; every change is saved there." in r.body("result").value
    r.controls["photo"].value = True
    assert json.loads(path.read_text())["photo"] is True and f"Change 1 saved to {path}." in r.body("result").value
    r.controls["hours_per_week"].value = "2.5"
    r.controls["reply_time"].value = "same_day"
    assert load_answers(path) == beltlib.validate({**NEAR_GREEN, "photo": True, "hours_per_week": 2.5,
                                                   "reply_time": "same_day"})
    # atomic writes leave no temp file; the day's answers are kept beside (issue 18)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "answers.json.days.json"]
    again = app.open_report(answers_path=path)
    again.questionnaire()
    assert again.controls["photo"].value is True and again.controls["hours_per_week"].value == "2.5"
    assert again.controls["reply_time"].value == "same_day" and again.controls["connections"].value == "10"


def test_a_missing_file_is_not_created_until_a_change(tmp_path):
    path = tmp_path / "answers.json"
    r = app.open_report(answers_path=path, persona="sales")
    r.app()
    assert not path.exists() and r.state.answers == example_answers("sales")
    assert f"Example answers: your first change will be saved to {path}." in r.body("result").value


# ---------------------------------------------------------------- live widgets
def test_one_control_per_field_with_the_right_widget_and_class(tmp_path):
    import ipywidgets as w
    r = app.open_report(answers_path=tmp_path / "a.json")
    r.questionnaire()
    assert set(r.controls) == set(FIELDS) - {"schema"}
    # counts and hours: text boxes that keep what was typed (never ipywidgets' numeric boxes, which drop characters)
    kinds = {"choice": (w.ToggleButtons, w.Dropdown), "bool": (w.Checkbox,), "int": (w.Text,), "number": (w.Text,)}
    for field, ctl in r.controls.items():
        assert isinstance(ctl, kinds[FIELDS[field]["kind"]]), field
        assert not isinstance(ctl, (w.IntText, w.FloatText, w.BoundedIntText, w.BoundedFloatText)), field
        assert f"belt-q-{field}" in ctl._dom_classes
        expected = EXAMPLE[field] if FIELDS[field]["kind"] in ("choice",
                                                               "bool") else str(EXAMPLE[field]).removesuffix(".0")
        assert ctl.value == expected, field
    assert r.controls["connections"].value == "150" and r.controls["hours_per_week"].value == "1"
    assert r.controls["connections"].continuous_update is False  # sent on Enter or leaving the box
    assert isinstance(r.controls["profile"], w.ToggleButtons) and isinstance(r.controls["invitations"], w.Dropdown)
    assert "belt-lang" in r.lang_switch._dom_classes and "belt-reset" in r.reset_button._dom_classes
    assert "belt-undo-reset" in r.undo_button._dom_classes and r.undo_button.layout.display == "none"
    assert r.lang_switch.options == (("English", "en"), ("Français", "fr"))
    assert r.controls["photo"].description == "Profile photo"
    assert text_of(r.questionnaire_panel.labels["connections"].value) == "Connections (count)"
    assert [title.value for title in r.questionnaire_panel.group_titles.values()] == [
        "<h3>You</h3>", "<h3>Your profile</h3>", "<h3>Your network</h3>", "<h3>Your activity</h3>"]  # situation first


def test_changing_answers_updates_result_plots_and_plan(tmp_path):
    r = app.open_report(answers_path=write_answers(tmp_path / "a.json", NEAR_GREEN))
    r.app()
    assert "belt-result" in r.body("result")._dom_classes
    assert "belt-plot-population" in r.population_image._dom_classes
    assert "belt-plot-effort" in r.effort_image._dom_classes
    assert 'data-belt="white"' in r.body("result").value and "Your belt: white belt" in text_of(r.body("result").value)
    assert r.body("result").value.count('class="belt-result') == 1  # one .belt-result on the page: the widget
    pop0, eff0, plan0 = r.population_image.value, r.effort_image.value, r.body("action_plan").value
    assert pop0[:8] == eff0[:8] == b"\x89PNG\r\n\x1a\n"
    assert text_of(r.announce.value) == "White belt: 2 steps from the green belt."  # the live region's sentence
    r.controls["photo"].value = True
    assert r.state.assessment.score == 40.0 and "Your belt: white belt" in text_of(r.body("result").value)
    assert text_of(r.announce.value) == "White belt: 1 step from the green belt."  # the distance alone changed
    pop1, eff1 = r.population_image.value, r.effort_image.value
    assert pop1 != pop0 and eff1 != eff0 and "Add a profile photo" not in r.body("action_plan").value
    r.controls["connections"].value = 150
    res = text_of(r.body("result").value)
    assert "Your belt: green belt" in res and "score 50.0/100" in res and "Change 2 saved" in res
    assert r.population_image.value != pop1 and r.effort_image.value != eff1 and r.body("action_plan").value != plan0
    assert ("This report’s estimate: about 90% of LinkedIn users below you, inside the green belt’s share"
            in r.figures["population"].caption.value)
    # an answer that changes neither plot leaves both images as they are
    pop2, eff2 = r.population_image.value, r.effort_image.value
    r.controls["premium"].value = True
    assert r.population_image.value is pop2 and r.effort_image.value is eff2
    assert "Change 3 saved" in r.body("result").value


def test_language_switch_relabels_everything(tmp_path):
    r = app.open_report(answers_path=tmp_path / "a.json")
    r.app()
    pop_en = r.population_image.value
    r.lang_switch.value = "fr"
    assert r.state.lang == "fr"
    assert text_of(r.questionnaire_panel.labels["connections"].value) == "Relations (nombre)"
    assert r.controls["photo"].description == "Photo de profil"
    assert r.controls["findable"].options[2] == ("Facile à trouver", "easy_to_find")
    assert r.controls["findable"].value == "easy_to_find" and r.controls["invitations"].value == "acquaintances"
    assert "Votre résultat" in r.views["result"].heading.value and "Les ceintures" in r.views["intro"].heading.value
    assert "Votre ceinture : ceinture verte" in text_of(r.body("result").value)  # text_of normalises spaces
    assert r.reset_button.description == "Revenir à l’exemple" and "Langue" in r.questionnaire_panel.lang_label.value
    assert "Hypothèse" in r.body("method").value and "Ceinture" in r.body("synthesis").value
    assert r.population_image.value != pop_en
    assert "Estimation de ce rapport\u00a0: environ 94\u00a0%" in r.figures["population"].caption.value
    assert not (tmp_path / "a.json").exists()  # the language is not an answer
    r.lang_switch.value = "en"
    assert text_of(r.questionnaire_panel.labels["connections"].value) == "Connections (count)"
    assert r.population_image.value == pop_en


def test_reset_goes_back_to_the_example_keeps_the_previous_file_and_can_be_undone(tmp_path):
    mine = {**NEAR_GREEN, "persona": "recruiter"}
    path = write_answers(tmp_path / "a.json", mine)
    before = path.read_bytes()
    r = app.open_report(answers_path=path)
    r.app()
    assert r.undo_button.layout.display == "none" and not r.state.can_undo_reset
    r.reset_button.click()
    assert r.state.answers == example_answers("recruiter") and load_answers(path) == example_answers("recruiter")
    assert r.controls["connections"].value == "2500" and r.controls["reply_time"].value == "same_day"
    assert "Your belt: black belt" in text_of(r.body("result").value)
    # the answers before the reset are kept, byte for byte, and the status line says where
    prev = tmp_path / "a.json.prev"
    assert prev.read_bytes() == before
    assert (f"Change 1 saved to {path}: the example answers. Your previous answers are kept in {prev}; "
            "“Undo reset” brings them back.") in text_of(r.body("result").value)
    assert r.undo_button.layout.display is None and r.undo_button.description == "Undo reset"
    # a second reset changes nothing: the kept answers are not replaced by the example
    r.reset_button.click()
    assert prev.read_bytes() == before and r.state.can_undo_reset
    r.lang_switch.value = "fr"
    assert r.undo_button.description == "Annuler le retour à l’exemple"
    r.lang_switch.value = "en"
    r.undo_button.click()
    assert load_answers(path) == beltlib.validate(mine) and r.state.answers == beltlib.validate(mine)
    assert r.controls["connections"].value == "10" and "Your belt: white belt" in text_of(r.body("result").value)
    assert r.undo_button.layout.display == "none" and f"Change 3 saved to {path}." in r.body("result").value
    assert r.undo_button.click() is None and r.state.undo_reset() is False  # nothing more to undo
    # any other change ends the undo (the .prev file stays)
    r.reset_button.click()
    r.controls["photo"].value = False
    assert not r.state.can_undo_reset and r.undo_button.layout.display == "none" and prev.exists()


def test_export_at_opening_is_saved_and_reset_keeps_it_or_refuses(tmp_path, monkeypatch):
    path = tmp_path / "answers.json"
    r = app.open_report(answers_path=path, export_path=EXPORT)  # prefilled and saved, like "Load export"
    r.app()
    assert load_answers(path) == r.state.answers and load_answers(path).connections == 150
    assert r.state.changes == 1 and f"Change 1 saved to {path}." in text_of(r.body("result").value)
    r.reset_button.click()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "answers.json.days.json", "answers.json.prev"]
    assert load_answers(tmp_path / "answers.json.prev").connections == 150 and r.state.can_undo_reset
    r.undo_button.click()
    assert r.state.answers.connections == 150 and r.state.provenance["connections"] == "export"

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(store.os, "replace", refuse)
    saved = path.read_bytes()
    r.reset_button.click()
    assert path.read_bytes() == saved and r.state.answers.connections == 150  # nothing reset, nothing lost
    assert (f"Not saved: nothing was reset: your answers could not be kept in {path}.prev (Permission denied)."
            in text_of(r.body("result").value))


def test_invalid_value_is_refused_and_nothing_is_lost(tmp_path):
    path = write_answers(tmp_path / "a.json", NEAR_GREEN)
    r = app.open_report(answers_path=path)
    r.app()
    assert r.state.set_answer("connections", -5) is False
    assert ("Not saved: Invalid answers: connections: got -5 (allowed: an integer from 0 to 30000)"
            in r.body("result").value)
    assert load_answers(path) == beltlib.validate(NEAR_GREEN) and r.controls["connections"].value == "10"
    r.controls["connections"].value = "30"  # the next valid change clears the message
    assert "Not saved" not in r.body("result").value and load_answers(path).connections == 30


# ---------------------------------------------------------------- typed counts and hours
@pytest.mark.parametrize("field, text, kind", [
    ("hours_per_week", "1,5", "bad"),        # English: "," separates thousands, so "1,5" is no number (was saved as 15)
    ("connections", "2.5", "bad"),           # a count is whole (was saved as 25)
    ("connections", "1e3", "bad"),           # no exponent (was saved as 13)
    ("connections", "-7", "bad"),            # out of range (was saved as 0)
    ("groups", "abc", "bad"),
    ("hours_per_week", "61", "bad"),
    ("connections", "30001", "bad"),
    ("hours_per_week", "   ", "empty"),
    ("connections", "", "empty"),
])
def test_a_refused_typed_value_keeps_the_text_says_why_and_saves_nothing(tmp_path, field, text, kind):
    path = write_answers(tmp_path / "a.json", NEAR_GREEN)
    saved = path.read_bytes()
    r = app.open_report(answers_path=path)
    r.app()
    result, pop, eff = r.body("result").value, r.population_image.value, r.effort_image.value
    ctl, error = r.controls[field], r.questionnaire_panel.field_errors[field]
    ctl.value = text
    assert ctl.value == text and path.read_bytes() == saved and r.state.changes == 0
    assert r.state.answers == beltlib.validate(NEAR_GREEN) and r.state.assessment.answers == r.state.answers
    assert r.population_image.value is pop and r.effort_image.value is eff
    label, kept = t(f"field.{field}"), str(NEAR_GREEN[field]).removesuffix(".0")
    allowed = {"connections": "Enter a whole number from 0 to 30,000.", "groups": "Enter a whole number of at least 0.",
               "hours_per_week": "Enter a number from 0 to 60 (for example 2.5)."}[field]
    said = (f"{label}: “{text.strip()}” is not accepted." if kind == "bad" else f"{label}: nothing was entered.")
    message = f"{said} {allowed} The result still uses {kept}."
    assert text_of(error.value) == message and 'role="alert"' in error.value and error.layout.display is None
    assert "belt-invalid" in ctl._dom_classes and "belt-field-error" in error._dom_classes
    assert text_of(r.body("result").value) == text_of(result).replace(
        "every change is saved there.", f"every change is saved there. Not saved: {message}")
    # a valid value clears the message and is saved
    ctl.value = "12"
    assert r.state.answers[field] == 12 and load_answers(path)[field] == 12 and error.layout.display == "none"
    assert "belt-invalid" not in ctl._dom_classes and "Not saved" not in r.body("result").value and ctl.value == "12"


def test_typed_numbers_follow_the_language(tmp_path):
    path = tmp_path / "a.json"
    r = app.open_report(answers_path=path, lang="fr")
    r.app()
    hours, connections = r.controls["hours_per_week"], r.controls["connections"]
    hours.value = "1,5"
    assert load_answers(path).hours_per_week == 1.5 and hours.value == "1,5"
    connections.value = "1\u202f500"  # a French thousands separator (narrow no-break space)
    assert load_answers(path).connections == 1500 and connections.value == "1500"
    hours.value = "2.5"  # a point is read as a decimal point in French too
    assert load_answers(path).hours_per_week == 2.5 and hours.value == "2,5"
    connections.value = "1,500"  # French: 1.5, not a whole number
    assert load_answers(path).connections == 1500 and connections.value == "1,500"
    assert r.questionnaire_panel.field_errors["connections"].value == (
        '<p class="belt-message belt-field-error-text" role="alert">Relations (nombre)\u00a0: «\u00a01,500\u00a0» '
        "n’est pas accepté. Entrez un nombre entier de 0 à 30\u202f000. Le résultat utilise toujours 1\u202f500.</p>")
    r.lang_switch.value = "en"  # English reads the refused "1,500" as 1500 (unchanged): accepted, message gone
    assert r.questionnaire_panel.field_errors["connections"].layout.display == "none" and connections.value == "1500"
    assert hours.value == "2.5"
    connections.value = "2,000"
    hours.value = "0.25"
    assert load_answers(path).connections == 2000 and load_answers(path).hours_per_week == 0.25
    hours.value = "1,5"  # refused in English ...
    assert load_answers(path).hours_per_week == 0.25
    assert r.questionnaire_panel.field_errors["hours_per_week"].layout.display is None
    r.lang_switch.value = "fr"  # ... read again in French: 1.5, saved, the box shows it the French way
    assert load_answers(path).hours_per_week == 1.5 and hours.value == "1,5"
    assert r.questionnaire_panel.field_errors["hours_per_week"].layout.display == "none"


@pytest.mark.parametrize("text, field, lang, value", [
    ("150", "connections", "en", 150), (" 1,500 ", "connections", "en", 1500), ("1 500", "connections", "en", 1500),
    ("1\u00a0500", "groups", "fr", 1500), ("1\u202f234\u202f567", "groups", "fr", 1234567),
    ("1\u202f500", "groups", "en", 1500), ("1,500 000", "groups", "en", 1500000), ("0.500", "hours_per_week", "fr",
                                                                                   0.5),
    ("1 500.25", "hours_per_week", "fr", 1500.25), ("1.5000", "hours_per_week", "fr", 1.5), ("-0", "hours_per_week",
                                                                                             "en", 0.0),
    ("\ufeff7\u3000", "groups", "en", 7), (str(2 ** 53 - 1), "groups", "en", 2 ** 53 - 1),
    ("-7", "connections", "en", -7), ("\u22127", "connections", "fr", -7), ("150.0", "connections", "en", 150),
    ("150,00", "connections", "fr", 150), ("007", "groups", "en", 7),
    ("1.5", "hours_per_week", "en", 1.5), (".5", "hours_per_week", "en", 0.5), ("1.500", "hours_per_week", "en", 1.5),
    ("1,234.5", "hours_per_week", "en", 1234.5), ("1,5", "hours_per_week", "fr", 1.5),
    ("2.5", "hours_per_week", "fr", 2.5), ("1 234,5", "hours_per_week", "fr", 1234.5), ("0", "hours_per_week", "en",
                                                                                        0.0),
])
def test_parse_number_reads_each_languages_conventions(text, field, lang, value):
    got = numbers.parse_number(text, field, lang)
    assert got == value and type(got) is (int if FIELDS[field]["kind"] == "int" else float)


@pytest.mark.parametrize("text, field, lang", [
    ("1,5", "hours_per_week", "en"), ("12,34", "connections", "en"), ("1,5000", "connections", "en"),
    ("1e3", "connections", "en"), ("1E3", "hours_per_week", "fr"), ("inf", "hours_per_week", "en"),
    ("nan", "hours_per_week", "en"), ("1.2.3", "hours_per_week", "en"), ("1.500,5", "hours_per_week", "fr"),
    ("2.5", "connections", "en"), ("1,500", "connections", "fr"), ("abc", "groups", "en"), ("", "groups", "en"),
    ("   ", "hours_per_week", "fr"), ("--1", "groups", "en"), ("1 5", "groups", "en"),
    ("\u0661\u0662", "groups", "en"), ("0x10", "groups", "en"), ("1_000", "groups", "en"), ("٫5", "hours_per_week",
                                                                                            "en"),
    ("- 5", "groups", "en"), ("1  000", "groups", "en"), ("9" * 5000, "groups", "en"), (".", "hours_per_week", "en"),
    ("+3", "groups", "en"), ("+1,5", "hours_per_week", "fr"), ("5.", "hours_per_week", "en"), ("5,", "hours_per_week",
                                                                                               "fr"),
    ("1.500", "hours_per_week", "fr"), ("-2.000", "hours_per_week", "fr"), ("1.500", "connections", "fr"),
    ("1\u2009500", "groups", "fr"), ("1 50", "groups", "en"), ("\x1c7", "groups", "en"), ("7\x85", "groups", "en"),
    (str(2 ** 53), "groups", "en"), ("1" + "0" * 400, "hours_per_week", "en"), ("1,500.", "groups", "en"),
])
def test_parse_number_refuses_anything_else_naming_the_field(text, field, lang):
    with pytest.raises(numbers.NumberError) as info:
        numbers.parse_number(text, field, lang)
    assert info.value.field == field and info.value.text == text
    assert str(info.value).startswith(f"{field}: got ") and "(allowed: " in str(info.value)


def test_parse_number_is_only_for_counts_and_numbers():
    with pytest.raises(ValueError, match="photo"):
        numbers.parse_number("1", "photo", "en")
    with pytest.raises(ValueError, match=r"lang: got 'de'"):
        numbers.parse_number("1", "groups", "de")


def test_the_value_still_used_is_written_the_languages_way():
    assert [numbers.kept_text(1500, lang) for lang in ("en", "fr")] == ["1,500", "1\u202f500"]
    assert [numbers.kept_text(1234.5678, lang) for lang in ("en", "fr")] == ["1,234.5678", "1\u202f234,5678"]
    assert numbers.kept_text(2.5, "fr") == "2,5" and numbers.kept_text(1e-7) == "0.0000001"
    assert numbers.kept_text(0.0) == "0"
    assert numbers.input_error_text("connections", " 5. ", "en", 1500) == (
        "Connections (count): “5.” is not accepted. Enter a whole number from 0 to 30,000. "
        "The result still uses 1,500.")
    assert numbers.input_error_text("groups", "", "fr", 12000).endswith("Le résultat utilise toujours 12\u202f000.")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "fr"]), st.integers(0, 10**12),
       st.floats(0, 60, allow_nan=False, allow_infinity=False))
def test_a_shown_value_reads_back_to_itself(lang, count, hours):
    assert numbers.parse_number(numbers.format_number(count, lang), "groups", lang) == count
    shown = numbers.format_number(hours, lang)
    assert numbers.parse_number(shown, "hours_per_week", lang) == hours and "e" not in shown.lower()
    assert ("," in shown) == (lang == "fr" and not hours.is_integer()) and not shown.endswith((".0", ",0"))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12), st.sampled_from(["connections", "groups", "hours_per_week"]), st.sampled_from(["en",
                                                                                                            "fr"]))
def test_parse_number_never_fails_another_way(text, field, lang):
    try:
        value = numbers.parse_number(text, field, lang)
    except numbers.NumberError:
        return
    assert type(value) is (int if field != "hours_per_week" else float)
    assert value == value and abs(value) != float("inf")
    assert set(text.strip(numbers._TRIM).lstrip("-\u2212")) <= set("0123456789.," + " \u00a0\u202f")


def test_a_refused_value_survives_other_changes_and_the_language_switch(tmp_path):
    path = tmp_path / "a.json"
    r = app.open_report(answers_path=path)
    r.app()
    r.controls["connections"].value = "lots"
    r.controls["photo"].value = False  # another answer is still saved; the refused text stays as typed
    assert load_answers(path).photo is False and load_answers(path).connections == 150
    assert r.controls["connections"].value == "lots"
    expected = f"Change 1 saved to {path}. Not saved: Connections (count): “lots” is not accepted."
    assert expected in text_of(r.body("result").value)
    r.lang_switch.value = "fr"
    assert r.controls["connections"].value == "lots"
    assert (">Relations (nombre)\u00a0: «\u00a0lots\u00a0» n’est pas accepté."
            in r.questionnaire_panel.field_errors["connections"].value)
    r.reset_button.click()  # a reset drops the refused text
    assert r.controls["connections"].value == "150"
    assert r.questionnaire_panel.field_errors["connections"].layout.display == "none"


def test_scripts_may_still_set_a_number(tmp_path):
    r = app.open_report(answers_path=tmp_path / "a.json")
    r.app()
    r.controls["connections"].value = 210
    r.controls["hours_per_week"].value = 3.0
    assert r.controls["connections"].value == "210" and r.controls["hours_per_week"].value == "3"
    assert r.state.answers.connections == 210 and r.state.answers.hours_per_week == 3.0


def test_live_origins_never_claim_the_example_is_yours(tmp_path):
    r = app.open_report(answers_path=tmp_path / "answers.json")  # no file: the example answers
    r.app()
    assert r.state.origins["groups"] == "example" and r.state.provenance is None
    assert "<span" not in r.questionnaire_panel.labels["groups"].value  # no export: no origin tags at all
    r.controls["groups"].value = "4"  # the person's own answer
    r.export_path.value = str(EXPORT)
    r.export_load.click()
    assert 'belt-origin-export">from your export' in r.questionnaire_panel.labels["connections"].value
    assert 'belt-origin-example">from the example' in r.questionnaire_panel.labels["persona"].value
    assert 'belt-origin-you">from you' in r.questionnaire_panel.labels["groups"].value
    assert "from the example" in r.questionnaire_panel.origin_tags["premium"].value
    r.controls["persona"].value = "job_seeker"  # unchanged: still the example's
    r.controls["premium"].value = True
    assert "from you" in r.questionnaire_panel.origin_tags["premium"].value
    r.lang_switch.value = "fr"
    assert 'belt-origin-example">de l’exemple' in r.questionnaire_panel.labels["persona"].value
    # with an answers file, the answers it holds are the person's
    write_answers(tmp_path / "mine.json", NEAR_GREEN)
    r2 = app.open_report(answers_path=tmp_path / "mine.json", export_path=EXPORT)
    r2.app()
    assert set(r2.state.provenance.values()) == {"you", "export"}
    assert 'belt-origin-you">from you' in r2.questionnaire_panel.labels["persona"].value


def test_fast_plot_painter_matches_render_png_and_leaks_no_figure(tmp_path):
    import matplotlib.pyplot as plt
    cases = [example_answers(p) for p in ("job_seeker", "not_looking", "recruiter")]
    cases.append(example_answers().replace(findable="no_profile"))
    cases.append(example_answers().replace(hours_per_week=0.0, photo=False))
    for kind in plots.KINDS:
        painter = PlotPainter(kind)
        for lang in ("en", "fr"):
            for answers in cases:
                a = beltlib.assess(answers)
                fast, full = pixels(painter.png(a, lang)), pixels(plots.render_png(a, kind, lang))
                assert fast.shape == full.shape
                differ = np.abs(fast - full).max(axis=2) > 40
                # only where a static label overlaps the person's marks (z-order)
                assert differ.mean() < 0.0005, (kind, lang, answers.persona, differ.sum())
    r = app.open_report(answers_path=tmp_path / "a.json")
    r.app()
    for n in range(10):
        r.controls["connections"].value = 10 + n * 30
    assert plt.get_fignums() == []


def test_painter_keeps_one_background_per_language_and_redraws_only_the_marks(monkeypatch):
    drawn = []
    full_figure = plots.figure
    monkeypatch.setattr(plots, "figure", lambda *args, **kw: drawn.append(args[1:3]) or full_figure(*args, **kw))
    painter = PlotPainter("effort")
    job_seeker, more_hours = beltlib.assess(example_answers()), beltlib.assess(example_answers().replace(
        hours_per_week=5.0))
    first = painter.png(job_seeker, "en")
    for lang in ("fr", "en", "fr", "en"):  # switching back and forth draws each language's background once
        painter.png(more_hours, lang)
    assert drawn == [("effort", "en"), ("effort", "fr")]
    assert painter.png(job_seeker, "en") == first  # the marks moved back: the same image
    painter.png(beltlib.assess(example_answers("recruiter")), "en")  # another persona: a new English background
    assert drawn[-1] == ("effort", "en") and len(drawn) == 3
    assert sorted(painter._scenes) == ["en", "fr"]  # at most one figure per language


def test_a_failed_redraw_of_the_marks_leaves_the_painter_working(monkeypatch):
    """A mark that fails to draw once (add_you raises) must not leave removed artists in the scene."""
    painter = PlotPainter("population")
    job_seeker = beltlib.assess(example_answers())
    first = painter.png(job_seeker, "en")
    real_add_you = plots.add_you

    def broken(*args, **kw):
        raise RuntimeError("drawing failed")
    monkeypatch.setattr(plots, "add_you", broken)
    with pytest.raises(RuntimeError, match="drawing failed"):
        painter.png(job_seeker, "en")
    monkeypatch.setattr(plots, "add_you", real_add_you)
    assert painter.png(job_seeker, "en") == first  # the next change draws again, the same image


def test_once_idle_the_other_language_is_drawn_so_the_first_switch_only_draws_the_marks(tmp_path, monkeypatch):
    import asyncio
    import time

    import matplotlib.pyplot as plt

    from beltlib.app import live
    monkeypatch.setattr(live, "WARM_S", 0.01)

    async def open_and_wait():
        r = app.open_report(answers_path=tmp_path / "a.json")
        r.app()
        assert r._warm_timer is not None  # scheduled on the running loop
        deadline = time.monotonic() + 60
        while any("fr" not in p._scenes for p in r._painters.values()) and time.monotonic() < deadline:
            await asyncio.sleep(0.02)  # idle: the loop draws one background a turn
        return r

    r = asyncio.run(open_and_wait())
    assert {kind: sorted(p._scenes) for kind, p in r._painters.items()} == {"population": ["en", "fr"],
                                                                            "effort": ["en", "fr"]}
    drawn = []
    full_figure = plots.figure
    monkeypatch.setattr(plots, "figure", lambda *args, **kw: drawn.append(args[1:3]) or full_figure(*args, **kw))
    r.lang_switch.value = "fr"
    assert drawn == []  # the switch drew no background
    a = r.state.assessment
    assert r.effort_image.value == PlotPainter("effort").png(a, "fr")
    assert r.population_image.value == PlotPainter("population").png(a, "fr")
    assert r._warm_timer is None  # no loop now: nothing scheduled
    assert plt.get_fignums() == []


def test_a_change_renders_again_only_the_sections_that_changed(tmp_path, monkeypatch):
    from beltlib.app import sections
    rendered = []
    body_value = sections.body_value
    monkeypatch.setattr(sections, "body_value", lambda sec, blocks, extra="": rendered.append(sec["id"])
                        or body_value(sec, blocks, extra))
    r = app.open_report(answers_path=tmp_path / "a.json")
    r.app()
    assert {"intro", "result", "action_plan", "method", "about"} <= set(rendered)
    rendered.clear()
    r.controls["connections"].value = 10
    assert sorted(rendered) == ["action_plan", "result"]  # the introduction, the method… are the same
    assert r.body("result").value.endswith(f'<p class="belt-status">Change 1 saved to {tmp_path / "a.json"}.</p></div>')
    rendered.clear()
    r.controls["connections"].value = 10  # no change: nothing rendered again
    assert rendered == []
    r.lang_switch.value = "fr"  # every text changes
    assert {"intro", "result", "action_plan", "method", "about"} <= set(rendered)
    assert r.body("intro").value.startswith('<div class="belt-intro-body"><p>Trois niveaux d’usage de LinkedIn')


def test_summary_prints_the_current_result(tmp_path, capsys):
    r = app.open_report(answers_path=write_answers(tmp_path / "a.json", NEAR_GREEN))
    r.questionnaire()
    r.controls["photo"].value = True
    r.controls["connections"].value = 150
    r.summary()
    # the text when the cell runs, and a line saying it is a snapshot (the live result follows the changes)
    assert capsys.readouterr().out == report.render_text(r.state.assessment, "en") + t("ui.summary_snapshot") + "\n"
    assert r.state.assessment.belt == "green"


def test_bad_parameters_name_the_field(tmp_path):
    with pytest.raises(ValueError, match=r"lang: got 'de' \(allowed: one of en, fr\)"):
        app.open_report(answers_path=tmp_path / "a.json", lang="de")
    with pytest.raises(AnswersError, match=r"persona: got \"pirate\""):
        app.open_report(answers_path=tmp_path / "a.json", persona="pirate")


# ---------------------------------------------------------------- the notebook's shape (the publish contract)
def test_notebook_cells_follow_the_contract():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata["tags"] == ["parameters"]
    assert code[0].source.splitlines() == ['answers_path = "answers.json"', 'lang = "en"', 'persona = "job_seeker"',
                                           "live = True", "export_path = None", "title = None"]
    assert "import beltlib.app" in code[1].source
    assert re.sub(r"\s+", "", code[1].source.split("report =", 1)[1]) == (
        "beltlib.app.open_report(answers_path=answers_path,lang=lang,persona=persona,live=live,"
        "export_path=export_path,title=title)")
    calls = [c.source.strip() for c in code[2:]]
    # no cell per section: one cell draws the document (a new section needs no new cell)
    assert calls == ["report.show()", "report.summary()"]
    for cell in code[2:-1]:  # widget cells only: nbval skips their outputs
        assert cell.metadata["tags"] == ["nbval-ignore-output"]
        assert [o for o in cell.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    last = code[-1]
    assert "nbval-ignore-output" not in last.metadata.get("tags", []) and app.SUMMARY_TAG in last.metadata["tags"]
    assert [o["output_type"] for o in last.outputs] == ["stream"]
    assert last.outputs[0]["text"] == (report.render_text(beltlib.assess(example_answers()), "en")
                                       + t("ui.summary_snapshot") + "\n")
    assert code[0].outputs == [] and code[1].outputs == []
    assert all("execution" not in c.metadata for c in nb.cells)


def test_summary_bar_and_download_follow_the_answers(tmp_path):
    """Issue 10: the compact summary (``belt-summary``) names the belt and the distance to the target;
    issue 13: "Download my answers" (``belt-download``) holds the answers the result uses, as
    ``beltlib.answers.dumps`` writes them, which ``assess`` and ``cohort`` read."""
    import base64
    import re
    import subprocess
    import sys

    from beltlib.answers import dumps, validate
    four_of_seven = {**EXAMPLE, "photo": False, "groups": 0, "discussions": "never", "connections": 80}
    r = app.open_report(answers_path=write_answers(tmp_path / "a.json", four_of_seven))
    r.app()
    assert "belt-summary-bar" in r.summary_bar._dom_classes and 'class="belt-summary"' in r.summary_bar.value
    assert "White belt" in text_of(r.summary_bar.value)
    assert "1 step to the green belt · about 10 min" in text_of(r.summary_bar.value)  # one short line

    def saved() -> str:
        href = re.search(r'class="belt-download" download="answers.json" href="data:application/json;charset=utf-8;'
                         r'base64,([A-Za-z0-9+/=]+)"', r.questionnaire_panel.download.value)
        return base64.b64decode(href[1]).decode("utf-8")
    assert saved() == dumps(validate(four_of_seven)) and "Download my answers" in r.questionnaire_panel.download.value
    r.controls["photo"].value = True
    assert "Green belt" in text_of(r.summary_bar.value)
    assert saved() == dumps(validate({**four_of_seven, "photo": True}))
    r.lang_switch.value = "fr"
    assert "Télécharger mes réponses" in r.questionnaire_panel.download.value
    assert "Ceinture verte" in text_of(r.summary_bar.value)
    (tmp_path / "downloaded.json").write_text(saved(), encoding="utf-8")
    for cmd in (["assess", "--json"], ["cohort", "--json"]):
        done = subprocess.run([sys.executable, "-m", "beltlib", cmd[0], str(tmp_path / "downloaded.json"), *cmd[1:]],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["respondents"] == 1


def test_a_new_document_section_shows_in_every_view_with_no_change_to_the_app(tmp_path, monkeypatch):
    """A section added to ``beltlib.document.SECTIONS`` (a builder and its texts) appears in the static
    view, the live view (its area's column) and the summary, in the document's order, in both languages."""
    from beltlib import document
    from beltlib.texts import CATALOGUE

    for lang, title, body in (("en", "About this report", "Made with care."), ("fr", "À propos", "Fait avec soin.")):
        monkeypatch.setitem(CATALOGUE[lang], "about.title", title)
        monkeypatch.setitem(CATALOGUE[lang], "about.body", body)

    def about(a, lang, ctx):
        return document.section("about", "about.title", lang, "reference",
                                [document.paragraph(t("about.body", lang)), document.bullets([a.belt, "two"])],
                                data={"belt": a.belt})
    monkeypatch.setattr(document, "SECTIONS", (*document.SECTIONS, ("about", about)))
    monkeypatch.setattr(document, "SECTION_IDS", (*document.SECTION_IDS, "about"))

    static = app.open_report(answers_path=None, live=False, lang="fr")
    page = static.show().data
    assert '<section class="belt-section belt-section-about"' in page and "Fait avec soin." in page
    assert page.index("belt-section-method") < page.index("belt-section-about")  # the document's order
    assert 'id="belt-heading-about">À propos</h2>' in static.about().data
    assert static.show("reference").data.endswith("</li></ul></div></section>")

    r = app.open_report(answers_path=tmp_path / "a.json")
    r.app()
    view = r.views["about"]
    assert view.widget in r.areas["reference"].children
    assert list(r.areas["reference"].children).index(view.widget) > list(r.areas["reference"].children).index(
        r.views["method"].widget)
    assert "belt-section-about" in view.widget._dom_classes and 'id="belt-heading-about"' in view.heading.value
    assert "Made with care." in r.body("about").value and 'data-belt="green"' in r.body("about").value
    before = r.body("about")
    r.controls["photo"].value = False  # green -> green: the section's HTML is the same, not rewritten
    r.controls["connections"].value = 5
    r.controls["discussions"].value = "never"  # green -> white: updated in place
    assert r.body("about") is before and 'data-belt="white"' in before.value and "<li>white</li>" in before.value
    r.lang_switch.value = "fr"
    assert "Fait avec soin." in before.value and "À propos" in view.heading.value
    assert r.section("about") is view.widget
    import io
    from contextlib import redirect_stdout
    with redirect_stdout(io.StringIO()) as out:
        r.summary()
    assert "À propos\n--------\nFait avec soin.\n  - white\n" in out.getvalue()


def test_the_app_offers_the_plan_as_a_calendar_file(tmp_path, monkeypatch):
    """Issue 18: "Add my plan to my calendar" in the app is the file ``belt-report plan --ics`` writes,
    in the app's language, following the answers."""
    import base64
    import re

    import icalendar

    from beltlib import assess
    from beltlib.answers import validate
    from beltlib.calendar import build_plan, to_ics
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767355200")  # the file's DTSTAMP (else: now, to the second)
    four_of_seven = {**EXAMPLE, "photo": False, "groups": 0, "discussions": "never", "connections": 80}
    r = app.open_report(answers_path=write_answers(tmp_path / "a.json", four_of_seven))
    r.app()

    def ics() -> str:
        href = re.search(r'class="belt-download-plan" download="belt-plan.ics" '
                         r'href="data:text/calendar;charset=utf-8;base64,([A-Za-z0-9+/=]+)"',
                         r.questionnaire_panel.download.value)
        return base64.b64decode(href[1]).decode("utf-8")
    assert "Add my plan to my calendar" in r.questionnaire_panel.download.value
    assert ics() == to_ics(build_plan(assess(validate(four_of_seven)), "en"))
    events = [e for e in icalendar.Calendar.from_ical(ics()).walk("VEVENT")]
    assert any("photo" in str(e["SUMMARY"]).lower() for e in events)
    r.lang_switch.value = "fr"
    assert "Ajouter mon plan à mon agenda" in r.questionnaire_panel.download.value
    assert ics() == to_ics(build_plan(r.state.assessment, "fr"))
