"""The live report in a real browser (issue 3): Voilà on 127.0.0.1 driven by headless Debian Chromium.

The notebook is served unchanged; ``BELT_REPORT_ANSWERS`` points its default
answers file at a prepared white-belt file in a temp folder (ticking the photo
and raising connections makes it green). Screenshots go to ``screenshots/``.
"""
import json
import subprocess
from pathlib import Path

import pytest

from beltlib.answers import EXAMPLE, AnswersError, example_answers, load_answers, parse_answers
from beltlib.app import serve
from beltlib.texts import t
from browser import SCREENSHOTS, RequestGuard, allow_local, chromium, free_port, jupyter_env, screenshot, wait_port

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "belt_report.ipynb"
TIMEOUT_MS = 90_000
#: 3 green markers: white; the photo makes 4 (still white), 150 connections make 5 (green).
NEAR_GREEN = {**EXAMPLE, "photo": False, "connections": 10, "groups": 0, "discussions": "never"}
#: The one outside request Voilà's page makes (Font Awesome from a CDN; icons only). Aborted.
VOILA_CDN = "https://cdn.jsdelivr.net/npm/@fortawesome/"


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
        proc = subprocess.Popen([*serve.STARTUP, "voila", str(NOTEBOOK), "--no-browser", f"--port={port}",
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


def overflow(page) -> list:
    """Elements wider than their report section (cut off or scrolling sideways)."""
    return page.evaluate("""() => {
      const out = [];
      for (const sec of document.querySelectorAll('.belt-section')) {
        // on phones the result's boxes are display: contents (the plan goes before the markers): measure
        // against the nearest box that is drawn
        let host = sec;
        while (host.parentElement && getComputedStyle(host).display === 'contents') host = host.parentElement;
        const right = host.getBoundingClientRect().right;
        for (const el of sec.querySelectorAll('*')) {
          const r = el.getBoundingClientRect();
          // the summary bar is fixed to the screen's bottom on phones: it spans the screen, not the section
          const limit = el.closest('.belt-summary-bar') && innerWidth < 1100 ? innerWidth : right;
          if (r.width && r.right > limit + 0.5) out.push(el.tagName + '.' + el.className);
        }
      }
      return out.concat(document.documentElement.scrollWidth > innerWidth ? ['page scrolls sideways'] : []);
    }""")


def box(page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


def test_changing_two_answers_in_the_page_changes_belt_and_plots(app):
    url, answers, log = app
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        guard = RequestGuard(allow_local).attach(page)
        page.goto(url, timeout=TIMEOUT_MS)
        # the status line names the answers file by its full path
        wait_result(page, f"Your answers were read from {answers}; every change is saved there.")
        page.wait_for_selector("img.belt-plot-effort[src^='blob:']", timeout=TIMEOUT_MS)
        page.wait_for_selector("img.belt-plot-population[src^='blob:']", timeout=TIMEOUT_MS)
        assert "Your belt: white belt" in result_text(page)
        assert page.locator(".belt-result .belt-badge").inner_text() == "White belt"
        assert page.locator(".jupyter-widgets-error-widget").count() == 0, log.read_text()
        assert page.locator(".belt-q-connections input").input_value() == "10"
        # the plain-text summary (a snapshot for nbval and publishing) is hidden in the live app
        assert page.locator(".celltag_belt-summary").count() == 1 and page.locator(".celltag_belt-summary").is_hidden()
        # wide screens: the answers on the left, the result beside them (on screen together), nothing cut off
        answers_box, result_box = box(page, ".belt-section-questionnaire"), box(page, ".belt-section-result h2")
        assert result_box["x"] >= answers_box["x"] + answers_box["width"]
        assert result_box["y"] < answers_box["y"] + answers_box["height"] and result_box["y"] < 900
        synthesis = box(page, ".belt-section-synthesis")
        assert synthesis["y"] > answers_box["y"] + answers_box["height"]  # full width, below both columns
        assert overflow(page) == []
        screenshot(page, "app-1280-white", scroller="#rendered_cells")
        srcs0 = plot_srcs(page)

        page.locator(".belt-q-photo input[type=checkbox]").check()
        wait_result(page, f"Change 1 saved to {answers}.")
        assert "Your belt: white belt" in result_text(page) and "Details: score 40.0/100" in result_text(page)
        srcs1 = plot_srcs(page)
        assert srcs1[0] != srcs0[0] and srcs1[1] != srcs0[1]

        # a value the box cannot take: said next to the field, kept as typed, neither saved nor assessed
        connections = page.locator(".belt-q-connections input")
        connections.fill("2.5")
        connections.press("Enter")
        message = ("Connections (count): “2.5” is not accepted. Enter a whole number from 0 to 30,000. "
                   "The result still uses 10.")
        wait_result(page, f"Not saved: {message}")
        error = page.locator(".belt-field-error-connections")
        assert error.is_visible() and error.inner_text() == message
        assert connections.input_value() == "2.5" and load_answers(answers).connections == 10
        assert "Details: score 40.0/100" in result_text(page) and plot_srcs(page) == srcs1
        below = box(page, ".belt-field-error-connections")
        field = box(page, ".belt-q-connections")
        assert 0 <= below["y"] - (field["y"] + field["height"]) < 20  # right under the field
        page.locator(".belt-section-questionnaire").screenshot(path=str(SCREENSHOTS / "app-1280-refused.png"))

        connections.fill("150")
        connections.press("Enter")
        wait_result(page, f"Change 2 saved to {answers}.")
        assert error.is_hidden()
        text = result_text(page)
        assert "Your belt: green belt" in text and "Details: score 50.0/100" in text and "Not saved" not in text
        assert page.locator(".belt-result .belt-badge").inner_text() == "Green belt"
        assert page.get_attribute(".belt-result .belt-result-body", "data-belt") == "green"
        srcs2 = plot_srcs(page)
        assert srcs2[0] != srcs1[0] and srcs2[1] != srcs1[1]
        assert ("This report’s estimate: about 90% of LinkedIn users below you, inside the green belt’s share "
                "(88% to 98%).") in page.locator(
            ".belt-section-population_plot").inner_text()
        saved = load_answers(answers)
        assert saved.photo is True and saved.connections == 150 and saved.groups == 0
        screenshot(page, "app-1280-green", scroller="#rendered_cells")

        page.locator(".belt-lang button", has_text="Français").click()
        wait_result(page, "Votre ceinture\u00a0: ceinture verte")
        assert page.locator(".belt-section-questionnaire").get_by_text("Relations (nombre)").count() == 1
        assert "Votre résultat" in page.locator(".belt-section-result h2").inner_text()
        hours = page.locator(".belt-q-hours_per_week input")
        hours.fill("1,5")  # the French decimal comma
        hours.press("Enter")
        wait_result(page, f"Modification 3 enregistrée dans {answers}.")
        assert load_answers(answers).hours_per_week == 1.5 and hours.input_value() == "1,5"
        page.set_viewport_size({"width": 375, "height": 800})
        # narrow screens: one column, nothing wider than the screen
        answers_box, result_box = box(page, ".belt-section-questionnaire"), box(page, ".belt-section-result h2")
        assert result_box["y"] >= answers_box["y"] + answers_box["height"]
        assert overflow(page) == []
        screenshot(page, "app-375-fr", scroller="#rendered_cells")

        # reset: the answers before it are kept in answers.json.prev, and one click brings them back
        before = answers.read_bytes()
        page.locator("button.belt-reset").click()
        prev = answers.with_name("answers.json.prev")
        wait_result(page, f"Modification 4 enregistrée dans {answers}\u00a0: les réponses d’exemple.")
        assert prev.read_bytes() == before and load_answers(answers) == example_answers()
        assert f"conservées dans {prev}" in result_text(page)
        undo = page.locator("button.belt-undo-reset")
        assert undo.is_visible() and undo.inner_text() == "Annuler le retour à l’exemple"
        undo.click()
        wait_result(page, f"Modification 5 enregistrée dans {answers}.")
        assert load_answers(answers).hours_per_week == 1.5 and load_answers(answers).connections == 150
        assert undo.is_hidden() and page.locator(".belt-q-connections input").input_value() == "150"
        assert all(u.startswith(VOILA_CDN) for u in guard.blocked), guard.blocked

        # reopening the page (a new kernel) restores the saved answers
        again = browser.new_page(viewport={"width": 375, "height": 800})
        RequestGuard(allow_local).attach(again)
        again.goto(url, timeout=TIMEOUT_MS)
        wait_result(again, f"Your answers were read from {answers}")
        assert "Your belt: green belt" in result_text(again)
        assert again.locator(".belt-q-photo input[type=checkbox]").is_checked()
        assert again.locator(".belt-q-hours_per_week input").input_value() == "1.5"
        again.wait_for_selector("img.belt-plot-effort[src^='blob:']", timeout=TIMEOUT_MS)
        screenshot(again, "app-375-en", scroller="#rendered_cells")


#: A cut answers file: its JSON error message is longer than 60 characters (it used to be cut "…string st...").
CORRUPT = '{"photo": true, "connections": "unterminated string that goes on and on'


def test_a_corrupt_answers_file_gives_one_whole_message(app):
    url, answers, log = app
    answers.write_text(CORRUPT, encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        RequestGuard(allow_local).attach(page)
        page.goto(url, timeout=TIMEOUT_MS)
        wait_result(page, f"Example answers: your first change will be saved to {answers}.")
        message = page.locator(".belt-section-questionnaire .belt-message[role=alert]")
        text = message.inner_text()
        backup = answers.with_name("answers.json.bak")
        with pytest.raises(AnswersError) as info:
            parse_answers(CORRUPT, str(answers))
        assert text == t("ui.corrupt", error=str(info.value), backup=str(backup))
        assert text.startswith(f"Your answers file could not be read (Invalid answers in {answers}: (file): "
                               "invalid JSON at line 1 column 32 (Unterminated string starting at) "
                               "(expected: a JSON object with the fields ")
        # shown whole: not clipped by its box, no ellipsis
        clipped = message.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
        assert not clipped and "..." not in text and "…" not in text
        assert overflow(page) == []
        screenshot(page, "app-375-corrupt", scroller="#rendered_cells")
        assert backup.read_text(encoding="utf-8").startswith('{"photo": true')
