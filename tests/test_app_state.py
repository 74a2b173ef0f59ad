"""The live report's silent failures made loud (issue 11), in-process: the store, shared mode,
callback errors, export paths, the page script's configuration and the servers' settings."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

import beltlib.app as app
from beltlib import store
from beltlib.announce import short_announcement
from beltlib.answers import EXAMPLE, AnswersError, example_answers, load_answers
from beltlib.app import live, serve
from beltlib.app.live import PAUSE_S
from beltlib.app.state import SHARED_ENV
from beltlib.texts import t

ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "tests" / "fixtures" / "export" / "linkedin-export-basic"
NEAR_GREEN = {**EXAMPLE, "photo": False, "connections": 10, "groups": 0, "discussions": "never"}


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# ------------------------------------------------------------------ the store
def test_stale_temporary_files_are_removed_when_the_store_opens_and_a_save_leaves_none(tmp_path):
    path = write(tmp_path / "answers.json", NEAR_GREEN)
    old = [tmp_path / f".answers.json.{x}.tmp" for x in ("a1b2", "c3d4")]
    for f in old:
        f.write_text("{half", encoding="utf-8")
        os.utime(f, (time.time() - 3600, time.time() - 3600))
    fresh = tmp_path / ".answers.json.e5f6.tmp"  # a save still running elsewhere: kept
    fresh.write_text("{", encoding="utf-8")
    other = tmp_path / ".other.json.zz.tmp"  # not this store's
    other.write_text("{", encoding="utf-8")
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    r = app.open_report(answers_path=path)
    assert not any(f.exists() for f in old) and fresh.exists() and other.exists()
    r.app()
    for n in range(5):
        r.controls["groups"].value = n + 1
    assert store.temp_files(path) == [fresh] and load_answers(path).groups == 5


def test_static_mode_with_a_missing_explicit_file_is_an_error_naming_it_even_through_papermill(tmp_path):
    import papermill
    missing = tmp_path / "nope" / "answers.json"
    out = tmp_path / "out.ipynb"
    with pytest.raises(papermill.PapermillExecutionError) as info:
        papermill.execute_notebook(str(ROOT / "notebooks" / "belt_report.ipynb"), str(out), cwd=str(tmp_path),
                                   parameters={"answers_path": str(missing), "live": False}, progress_bar=False,
                                   kernel_name="python3")
    assert info.value.ename == "AnswersError" and f"no such file: {missing}" in info.value.evalue


def test_publish_with_a_missing_answers_file_exits_2_naming_it(tmp_path):
    missing = tmp_path / "missing.json"
    done = subprocess.run([sys.executable, "-m", "beltlib", "publish", "--answers", str(missing), "-o",
                           str(tmp_path / "r.html")], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2 and str(missing) in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.html").exists()


# ------------------------------------------------------------------ shared mode
def test_shared_mode_starts_from_the_example_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(SHARED_ENV, "1")
    path = write(tmp_path / "answers.json", NEAR_GREEN)  # another visitor's (or the host's) answers
    before = path.read_bytes()
    r = app.open_report(answers_path=path)
    assert r.state.answers == example_answers() and r.state.path is None
    r.app()
    assert text_of(r.body("result").value).endswith(t("ui.status_session"))
    assert r.export_path.layout.display is None and r.export_panel.parts["path_label"].layout.display == "none"
    r.controls["connections"].value = "12"
    r.controls["photo"].value = False
    r.reset_button.click()
    r.undo_button.click()
    assert r.state.answers.connections == 12 and r.state.changes == 4
    assert t("ui.status_session_changed", count=4) in text_of(r.body("result").value)
    assert str(tmp_path) not in text_of(r.body("result").value)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]
    # no server path can be read in shared mode
    r.export_path.value = str(EXPORT)
    r.export_load.click()
    assert text_of(r.export_panel.parts["message"].value) == t("export.shared_no_path")
    assert r.state.export_summary is None


def test_shared_mode_is_off_unless_set(monkeypatch):
    from beltlib.app.state import shared_mode
    for value, expected in (("", False), ("0", False), ("1", True), ("yes", True), ("TRUE", True)):
        monkeypatch.setenv(SHARED_ENV, value)
        assert shared_mode() is expected, value


# ------------------------------------------------------------------ callbacks and export paths
def test_every_callback_error_is_shown_in_the_export_message_area(tmp_path, monkeypatch):
    r = app.open_report(answers_path=tmp_path / "answers.json")
    r.app()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x.zip"))
    monkeypatch.setattr(r.state, "load_export", refuse)
    r.export_path.value = str(tmp_path / "x.zip")
    r.export_load.click()  # ipywidgets would have logged it to the browser console only
    message = r.export_panel.parts["message"].value
    assert 'role="alert"' in message
    assert text_of(message) == t("ui.callback_error", error=f"PermissionError: [Errno 13] Permission denied: "
                                                              f"'{tmp_path / 'x.zip'}'").replace("'", "&#x27;")
    monkeypatch.undo()
    r.export_path.value = ""
    r.export_load.click()  # the next callback clears it
    assert text_of(r.export_panel.parts["message"].value) == t("export.no_path")


def test_an_unknown_user_and_a_missing_relative_path_name_the_full_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = app.open_report(answers_path=tmp_path / "answers.json", lang="fr")
    r.app()
    r.export_path.value = "~nosuchuser/export.zip"
    r.export_load.click()
    full = tmp_path / "~nosuchuser" / "export.zip"
    assert r.state.export_error == t("export.no_user", "fr", path=str(full), user="nosuchuser")
    r.export_path.value = "sub/export.zip"
    r.export_load.click()
    assert r.state.export_error.startswith(f"{tmp_path / 'sub' / 'export.zip'}: ")
    assert not (tmp_path / "answers.json").exists()  # nothing changed, nothing saved


# ------------------------------------------------------------------ page script, heartbeat, live region
def test_the_page_script_knows_the_servers_limit_and_both_languages(monkeypatch):
    monkeypatch.delenv(live.UPLOAD_LIMIT_ENV, raising=False)
    assert live.upload_limit_bytes() == 10 * 1024 * 1024  # Tornado's default when started by hand
    monkeypatch.setenv(live.UPLOAD_LIMIT_ENV, "256")
    html = live.page_script("fr", shared=True)
    assert html.startswith("<script>window.beltAppConfig = ") and html.endswith("</script>")
    assert html.count("</script") == 1 and html.count("<script") == 1  # no text can close it early
    config = json.loads(html[len("<script>window.beltAppConfig = "):html.index(";\n")])
    assert config["uploadLimit"] == 256 * 1024 * 1024 and config["shared"] is True and config["lang"] == "fr"
    assert config["texts"]["fr"]["ui.lost"] == t("ui.lost", "fr") and config["texts"]["en"]["ui.pending"] == t(
        "ui.pending")
    assert "{limit}" in config["texts"]["en"]["ui.upload_limit"]  # templates: the page fills them


def test_heartbeat_is_echoed_and_the_live_region_says_the_belt_and_the_distance(tmp_path):
    """Issue 17: the live region says the belt and the distance in one short sentence, and changes
    when either changes (a distance alone too), in the report's language."""
    r = app.open_report(answers_path=write(tmp_path / "answers.json", NEAR_GREEN))
    r.app()
    r.ping.value = "41"
    assert r.pong.value == "41"
    assert text_of(r.announce.value) == "White belt: 2 steps from the green belt."
    r.controls["photo"].value = True  # still white, one step closer: said
    assert text_of(r.announce.value) == "White belt: 1 step from the green belt."
    r.controls["connections"].value = "150"
    assert text_of(r.announce.value) == short_announcement(r.state.assessment, "en")
    assert r.state.assessment.belt == "green" and text_of(r.announce.value).startswith("Green belt")
    r.lang_switch.value = "fr"
    assert text_of(r.announce.value) == text_of(short_announcement(r.state.assessment, "fr"))
    assert 'class="belt-page-state" data-lang="fr"' in r.head.value


def test_labels_are_tied_to_their_controls(tmp_path):
    r = app.open_report(answers_path=tmp_path / "answers.json")
    r.app()
    for field, label in r.questionnaire_panel.labels.items():
        assert f'id="belt-label-{field}" data-belt-for="belt-q-{field}"' in label.value
        assert f"belt-q-{field}" in r.controls[field]._dom_classes
    assert 'data-belt-for="belt-lang"' in r.questionnaire_panel.lang_label.value
    assert 'data-belt-for="belt-export-path"' in r.export_panel.parts["path_label"].value
    assert all("belt-number" in r.controls[f]._dom_classes for f in ("connections", "groups", "hours_per_week"))


# ------------------------------------------------------------------ servers
def test_servers_accept_large_uploads_and_shared_mode_culls_and_caps():
    argv, env = serve.command("app", 8866)
    assert "--Voila.tornado_settings={'websocket_max_message_size': 268435456}" in argv
    assert env["BELT_REPORT_UPLOAD_LIMIT_MB"] == "256" and serve.UPLOAD_LIMIT_MB >= 200
    # our Voilà template (no CDN stylesheet) is found first in the Jupyter data path
    assert "--VoilaConfiguration.template=belt" in argv
    template = Path(env["JUPYTER_PATH"].split(os.pathsep)[0]) / "voila" / "templates" / "belt" / "index.html.j2"
    assert template.is_file() and "fortawesome" not in template.read_text(encoding="utf-8")
    assert set(env) == {"BELT_REPORT_UPLOAD_LIMIT_MB", "JUPYTER_PATH"}
    argv, env = serve.command("shared", 9000)
    assert env["BELT_REPORT_SHARED"] == "1" and "--port=9000" in argv
    assert f"--MappingKernelManager.cull_idle_timeout={serve.CULL_IDLE_S}" in argv
    assert f"--CappedKernelManager.max_kernels={serve.MAX_KERNELS}" in argv
    assert "--VoilaConfiguration.multi_kernel_manager_class=beltlib.app.serve.CappedKernelManager" in argv
    with pytest.raises(ValueError, match="mode: got 'x'"):
        serve.command("x", 1)


def test_lab_opens_a_git_ignored_working_copy_never_the_tracked_notebook(tmp_path):
    source = tmp_path / "belt_report.ipynb"
    source.write_text((ROOT / "notebooks" / "belt_report.ipynb").read_text(encoding="utf-8"), encoding="utf-8")
    copy = tmp_path / "my_belt_report.ipynb"
    assert serve.working_copy(source, copy) == copy and copy.read_bytes() == source.read_bytes()
    nb = json.loads(copy.read_text(encoding="utf-8"))  # JupyterLab saved outputs into the copy: kept
    nb["cells"][-1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "Score: 50.0 / 100\n"}]
    copy.write_text(json.dumps(nb), encoding="utf-8")
    serve.working_copy(source, copy)
    assert "Score: 50.0" in copy.read_text(encoding="utf-8")
    nb["cells"][1]["source"] = "import something_else"  # the tracked notebook's code changed: refreshed
    copy.write_text(json.dumps(nb), encoding="utf-8")
    serve.working_copy(source, copy)
    assert copy.read_bytes() == source.read_bytes()
    argv, _ = serve.command("lab", 8888, notebook=copy)
    assert argv[-2:] == [str(copy), "--allow-root"] or argv[-1] == str(copy)
    assert str(ROOT / "notebooks" / "belt_report.ipynb") not in argv
    paths = ["notebooks/my_belt_report.ipynb", "notebooks/.answers.json.x1.tmp"]
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == paths, ignored.stderr


def test_the_capped_kernel_manager_refuses_past_its_cap():
    import asyncio

    from tornado import web
    km = serve.CappedKernelManager(max_kernels=1)
    km.list_kernel_ids = lambda: ["one"]
    with pytest.raises(web.HTTPError) as info:
        asyncio.run(km.start_kernel())
    assert info.value.status_code == 503 and "too many visitors" in info.value.log_message


def test_an_answers_error_from_a_bad_persona_still_names_the_field(tmp_path):
    with pytest.raises(AnswersError, match="persona"):
        app.open_report(answers_path=tmp_path / "a.json", persona="astronaut")


def test_a_keystroke_draft_is_taken_after_a_pause_without_the_page(tmp_path):
    path = write(tmp_path / "answers.json", NEAR_GREEN)
    r = app.open_report(answers_path=path)
    r.app()
    r.questionnaire_panel.draft.value = "groups=4"
    r.questionnaire_panel.draft.value = "groups=45"  # the next keystroke restarts the pause
    r.questionnaire_panel.draft.value = "photo=1"  # not a number box: ignored
    assert load_answers(path).groups == 0  # not yet: typing may go on
    deadline = time.monotonic() + 10

    def taken() -> bool:  # the file is written a moment before the change is counted (the timer's thread)
        return load_answers(path).groups == 45 and r.controls["groups"].value == "45" and r.state.changes == 1
    while not taken() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert load_answers(path).groups == 45 and r.controls["groups"].value == "45" and r.state.changes == 1
    assert load_answers(path).photo is False


def test_the_answers_store_is_core_standard_library_only():
    code = ("import sys; before = set(sys.modules); import beltlib.store\n"
            "print(sorted({m.split('.')[0] for m in set(sys.modules) - before}"
            " - set(sys.stdlib_module_names) - {'beltlib'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_draft_already_taken_or_reset_is_never_taken_again(tmp_path):
    path = write(tmp_path / "answers.json", NEAR_GREEN)
    r = app.open_report(answers_path=path)
    r.app()
    r.questionnaire_panel.draft.value = "hours_per_week=1.5"
    r.controls["hours_per_week"].value = "1.5"  # Enter: taken now, the pending draft is dropped
    r.reset_button.click()
    # the same keystroke arriving late (throttled) changes nothing
    r.questionnaire_panel.draft.value = "hours_per_week=1.5"
    time.sleep(PAUSE_S + 0.7)
    assert load_answers(path) == example_answers() and r.controls["hours_per_week"].value == "1"
    r.questionnaire_panel.draft.value = "groups=3"
    r.reset_button.click()  # a reset drops typed text not taken yet
    time.sleep(PAUSE_S + 0.7)
    assert load_answers(path) == example_answers()


def test_static_report_says_when_the_environment_names_a_missing_file(tmp_path, monkeypatch, capsys):
    """Issue 19: $BELT_REPORT_ANSWERS naming a missing file with live=False: the report says so (standard
    error, naming the file) instead of showing the example person's report without a word."""
    missing = tmp_path / "gone" / "answers.json"
    monkeypatch.setenv("BELT_REPORT_ANSWERS", str(missing))
    report = app.open_report(live=False)
    assert report.state.origin == "example"
    assert report.show() is not None
    err = capsys.readouterr().err
    assert f"No answers file at {missing} (named by $BELT_REPORT_ANSWERS)" in err
    monkeypatch.delenv("BELT_REPORT_ANSWERS")
    monkeypatch.chdir(tmp_path)
    report = app.open_report(live=False)  # the default answers.json, absent: the example, nothing to say
    report.show()
    assert report.state.message == {} and capsys.readouterr().err == ""


def test_a_zip_bomb_upload_names_the_uploaded_file(tmp_path, monkeypatch):
    """Issue 19: the app's zip-bomb message names the file the person uploaded (and the member refused)."""
    import io
    import zipfile

    from beltlib.app.state import ReportState
    monkeypatch.chdir(tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                   + "," * 5_000_000)
    buf.seek(0)
    state = ReportState("answers.json", "en", "job_seeker", None, None)
    before = state.answers
    state.load_export(buf, name="my-upload.zip")
    text = state.export_message_text()
    assert "my-upload.zip" in text and "Connections.csv" in text and "zip bomb" in text
    assert state.answers == before
