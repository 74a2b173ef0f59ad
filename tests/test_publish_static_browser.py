"""The published page in a real browser: headless Debian Chromium through Playwright (issue 4).

Opens the files from disk with every non-``file:`` request aborted and
counted (zero expected), saves screenshots at 375 px and 1280 px to
``screenshots/`` (git-ignored), and checks the script-laden title stays text.
Runs in CI too (``.ci/run`` installs Chromium); it never skips.
"""
from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from beltlib.texts import t
from browser import SCREENSHOTS, RequestGuard, allow_file_only, chromium, jupyter_env, screenshot

pytestmark = pytest.mark.browser

SCRIPT_TITLE = "<script>alert(1)</script> & Co"
WIDTHS = (375, 1280)
TIMEOUT_MS = 60_000
SOURCE_DATE_EPOCH = str(int(datetime.datetime(2026, 1, 2, 12, tzinfo=datetime.UTC).timestamp()))


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The example published in English (default title) and French (script-laden title)."""
    tmp = tmp_path_factory.mktemp("publish-browser")
    env = jupyter_env(tmp / "jupyter", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    out = {"en": tmp / "belt-report-en.html", "fr": tmp / "belt-report-fr.html"}
    extra = {"en": [], "fr": ["--title", SCRIPT_TITLE]}
    for lang, path in out.items():
        done = subprocess.run([sys.executable, "-m", "beltlib", "publish", "--lang", lang, *extra[lang],
                               "-o", str(path)], cwd=tmp, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return out


#: The page offsets of the plan's heading and of the markers table.
PLAN_AND_MARKERS = """() => [".belt-section-action_plan", ".belt-markers"].map(
    s => document.querySelector(s).getBoundingClientRect().top + window.scrollY)"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def open_offline(browser, path: Path, width: int):
    """Open a file with every non-file: request aborted and counted; return (context, page, guard, log)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
    guard = RequestGuard(allow_file_only).attach(context)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    log = {"requests": [], "dialogs": [], "errors": []}
    page.on("request", lambda req: log["requests"].append(req.url))
    page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    page.goto(path.as_uri(), wait_until="load")
    return context, page, guard, log


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_opens_offline_with_zero_requests_and_screenshots(browser, pages, lang):
    belt = t("belt.green", lang)
    for width in WIDTHS:
        context, page, guard, log = open_offline(browser, pages[lang], width)
        try:
            page.wait_for_selector(".belt-result")
            # Let anything lazy have its chance to ask the network.
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(300)
            assert guard.blocked == [], guard.blocked
            assert [u for u in log["requests"] if not u.startswith("file:")] == []
            assert log["requests"] == [pages[lang].as_uri()]  # the file itself, nothing else
            assert log["errors"] == [] and log["dialogs"] == []
            assert belt in page.inner_text(".belt-result")
            # Both plots decoded and shown, scaled to the page.
            sizes = page.eval_on_selector_all(
                ".belt-plot-population img, .belt-plot-effort img",
                "els => els.map(e => [e.complete, e.naturalWidth, e.getBoundingClientRect().width])")
            assert len(sizes) == 2
            for complete, natural, shown in sizes:
                assert complete and natural >= 600 and 0 < shown <= width
            # Readable: nothing wider than the viewport, body text at least 15 px.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 15
            # On a phone the plan comes before "Marker by marker" (open); on a wide screen after it.
            plan, markers = page.evaluate(PLAN_AND_MARKERS)
            assert (plan < markers) if width < 640 else (markers < plan), (width, plan, markers)
            shot = screenshot(page, f"publish-{lang}-{width}")
            assert shot.parent == SCREENSHOTS and shot.stat().st_size > 10_000
        finally:
            context.close()


def test_script_title_renders_as_text(browser, pages):
    context, page, _, log = open_offline(browser, pages["fr"], 1280)
    try:
        assert page.title() == SCRIPT_TITLE
        assert page.evaluate("document.querySelectorAll('script').length") == 0
        assert page.inner_text("h1") == SCRIPT_TITLE
        assert page.evaluate("document.querySelector('h1').children.length") == 0
        assert page.evaluate("document.querySelector('title').children.length") == 0
        assert log["dialogs"] == [] and log["errors"] == []
    finally:
        context.close()


def test_prints_on_a4_with_plots_whole(browser, pages):
    """Print CSS: each plot is one unbreakable block no wider than A4's text width and
    shorter than its text height (A4 minus the 14 mm x 13 mm margins, at 96 px per inch)."""
    a4_width_px, a4_height_px = (210 - 2 * 13) / 25.4 * 96, (297 - 2 * 14) / 25.4 * 96
    context, page, _, _ = open_offline(browser, pages["en"], round(a4_width_px))
    try:
        page.emulate_media(media="print")
        boxes = page.eval_on_selector_all(
            ".belt-plot-population, .belt-plot-effort",
            "els => els.map(e => { const r = e.getBoundingClientRect(); const i = e.querySelector('img');"
            " return [getComputedStyle(e).breakInside, getComputedStyle(i).breakInside, r.width, r.height,"
            " i.getBoundingClientRect().width]; })")
        assert len(boxes) == 2
        for figure_break, img_break, width, height, img_width in boxes:
            assert figure_break == "avoid" and img_break == "avoid"
            assert 0 < img_width <= width <= a4_width_px
            assert 100 < height < a4_height_px * 0.75  # the plot and its caption fit well inside one page
        assert page.pdf(format="A4", print_background=True).startswith(b"%PDF")
    finally:
        context.close()


def test_the_request_count_bites(browser, tmp_path):
    """The same check on a page that does ask the network: every attempt is counted."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title>'
                   '<link rel="stylesheet" href="https://cdn.example.org/x.css"></head>'
                   '<body><img src="http://example.org/p.png" alt="p"></body></html>', encoding="utf-8")
    context, page, guard, _ = open_offline(browser, bad, 375)
    try:
        page.wait_for_timeout(300)
        assert sorted(guard.blocked) == ["http://example.org/p.png", "https://cdn.example.org/x.css"]
    finally:
        context.close()
