"""The live report in a real browser (issue 3): Voilà on 127.0.0.1 driven by headless Debian Chromium.

The notebook is served unchanged; ``BELT_REPORT_ANSWERS`` points its default
answers file at a prepared white-belt file in a temp folder (ticking the photo
and raising connections makes it green). Screenshots go to ``screenshots/``.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser import RequestGuard, allow_local, chromium, free_port, jupyter_env, screenshot

from beltlib.answers import EXAMPLE, load_answers

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "belt_report.ipynb"
TIMEOUT_MS = 90_000
#: 3 green markers: white; the photo makes 4 (still white), 150 connections make 5 (green).
NEAR_GREEN = {**EXAMPLE, "photo": False, "connections": 10, "groups": 0, "discussions": "never"}
#: The one outside request Voilà's page makes (Font Awesome from a CDN; icons only). Aborted.
VOILA_CDN = "https://cdn.jsdelivr.net/npm/@fortawesome/"


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    import socket
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with status {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"voila did not listen on port {port} within {timeout:.0f} s")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Voilà serving the report notebook; yields (url, answers file, log file)."""
    tmp = tmp_path_factory.mktemp("voila")
    answers = tmp / "answers.json"
    answers.write_text(json.dumps(NEAR_GREEN), encoding="utf-8")
    port = free_port()
    log = tmp / "voila.log"
    env = jupyter_env(tmp / "jupyter", BELT_REPORT_ANSWERS=str(answers), MPLBACKEND="Agg")
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "voila", str(NOTEBOOK), "--no-browser", f"--port={port}",
                                 "--Voila.ip=127.0.0.1", "--show_tracebacks=True"],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_port(port, proc)
        yield f"http://127.0.0.1:{port}/", answers, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def result_text(page) -> str:
    return page.locator(".belt-result").inner_text()


def wait_result(page, text: str) -> None:
    page.wait_for_function("t => { const r = document.querySelector('.belt-result');"
                           " return r !== null && r.innerText.includes(t); }", arg=text, timeout=TIMEOUT_MS)


def plot_srcs(page) -> tuple[str, str]:
    return (page.get_attribute("img.belt-plot-population", "src"), page.get_attribute("img.belt-plot-effort", "src"))


def test_changing_two_answers_in_the_page_changes_belt_and_plots(app):
    url, answers, log = app
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        guard = RequestGuard(allow_local).attach(page)
        page.goto(url, timeout=TIMEOUT_MS)
        wait_result(page, "Your answers were read from answers.json")
        page.wait_for_selector("img.belt-plot-effort[src^='blob:']", timeout=TIMEOUT_MS)
        page.wait_for_selector("img.belt-plot-population[src^='blob:']", timeout=TIMEOUT_MS)
        assert "Your belt: white belt" in result_text(page)
        assert page.locator(".belt-result .belt-badge").inner_text() == "White belt"
        assert page.locator(".jupyter-widgets-error-widget").count() == 0, log.read_text()
        assert page.locator(".belt-q-connections input").input_value() == "10"
        # the plain-text summary (a snapshot for nbval and publishing) is hidden in the live app
        assert page.locator(".celltag_belt-summary").count() == 1 and page.locator(".celltag_belt-summary").is_hidden()
        screenshot(page, "app-1280-white", scroller="#rendered_cells")
        srcs0 = plot_srcs(page)

        page.locator(".belt-q-photo input[type=checkbox]").check()
        wait_result(page, "Change 1 saved to answers.json.")
        assert "Your belt: white belt" in result_text(page) and "Score: 40.0 / 100" in result_text(page)
        srcs1 = plot_srcs(page)
        assert srcs1[0] != srcs0[0] and srcs1[1] != srcs0[1]

        connections = page.locator(".belt-q-connections input")
        connections.fill("150")
        connections.press("Enter")
        wait_result(page, "Change 2 saved to answers.json.")
        text = result_text(page)
        assert "Your belt: green belt" in text and "Score: 50.0 / 100" in text
        assert page.locator(".belt-result .belt-badge").inner_text() == "Green belt"
        assert page.get_attribute(".belt-result .belt-result-body", "data-belt") == "green"
        srcs2 = plot_srcs(page)
        assert srcs2[0] != srcs1[0] and srcs2[1] != srcs1[1]
        assert "Estimated percentile 88.0: in the green belt band, 88 to 98." in page.locator(
            ".belt-section-population_plot").inner_text()
        saved = load_answers(answers)
        assert saved.photo is True and saved.connections == 150 and saved.groups == 0
        screenshot(page, "app-1280-green", scroller="#rendered_cells")

        page.locator(".belt-lang button", has_text="Français").click()
        wait_result(page, "Votre ceinture : ceinture verte")
        assert page.locator(".belt-section-questionnaire").get_by_text("Relations (nombre)").count() == 1
        assert "Votre résultat" in page.locator(".belt-section-result h2").inner_text()
        page.set_viewport_size({"width": 375, "height": 800})
        screenshot(page, "app-375-fr", scroller="#rendered_cells")
        assert all(u.startswith(VOILA_CDN) for u in guard.blocked), guard.blocked

        # reopening the page (a new kernel) restores the saved answers
        again = browser.new_page(viewport={"width": 375, "height": 800})
        RequestGuard(allow_local).attach(again)
        again.goto(url, timeout=TIMEOUT_MS)
        wait_result(again, "Your answers were read from answers.json")
        assert "Your belt: green belt" in result_text(again)
        assert again.locator(".belt-q-photo input[type=checkbox]").is_checked()
        again.wait_for_selector("img.belt-plot-effort[src^='blob:']", timeout=TIMEOUT_MS)
        screenshot(again, "app-375-en", scroller="#rendered_cells")
