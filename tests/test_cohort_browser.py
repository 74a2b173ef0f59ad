"""The cohort page in a real browser: headless Debian Chromium through Playwright (issue 13).

Opens the page from disk with every non-``file:`` request aborted and counted (zero
expected), runs axe-core (``axe-playwright-python``, which bundles ``axe.min.js``) at 375 px
and 1280 px in English and French (0 violations), and saves screenshots to ``screenshots/``.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from browser import SCREENSHOTS, RequestGuard, allow_file_only, chromium, screenshot
from helpers import SCRIPT_TITLE, make_cohort

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def cohort_dir(tmp_path_factory):
    return make_cohort(tmp_path_factory.mktemp("cohort"))


@pytest.fixture(scope="module")
def pages(cohort_dir):
    out = {}
    for lang, extra in (("en", []), ("fr", ["--title", SCRIPT_TITLE])):
        path = cohort_dir / f"cohort-browser-{lang}.html"
        done = subprocess.run([sys.executable, "-m", "beltlib", "cohort", "folder", "answers.csv", "sales.json",
                               "--lang", lang, *extra, "-o", str(path)], cwd=cohort_dir, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        out[lang] = path
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_offline_zero_requests_axe_clean_and_screenshots(browser, pages, lang):
    from axe_playwright_python.sync_playwright import Axe
    axe = Axe()
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        guard = RequestGuard(allow_file_only).attach(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        requests, errors, dialogs = [], [], []
        page.on("request", lambda r, seen=requests: seen.append(r.url))
        page.on("pageerror", lambda e, seen=errors: seen.append(str(e)))
        page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        try:
            page.goto(pages[lang].as_uri(), wait_until="load")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(300)
            assert guard.blocked == [] and requests == [pages[lang].as_uri()]
            assert errors == [] and dialogs == []
            sizes = page.eval_on_selector_all(
                "figure img", "els => els.map(e => [e.complete, e.naturalWidth, e.getBoundingClientRect().width])")
            assert len(sizes) == 3 and all(c and n >= 700 and 0 < w <= width for c, n, w in sizes)
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the screen
            assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 15
            results = axe.run(page)
            assert results.violations_count == 0, results.generate_report()
            shot = screenshot(page, f"cohort-{lang}-{width}")
            assert shot.parent == SCREENSHOTS and shot.stat().st_size > 10_000
        finally:
            context.close()


def test_script_title_stays_text(browser, pages):
    page = browser.new_page()
    try:
        page.goto(pages["fr"].as_uri())
        assert page.title() == SCRIPT_TITLE and page.inner_text("h1") == SCRIPT_TITLE
        assert page.evaluate("document.querySelectorAll('script').length") == 0
    finally:
        page.close()


@pytest.fixture(scope="module")
def compare_pages(tmp_path_factory):
    """The comparison page (``cohort AFTER --compare BEFORE -o``) in both languages, from two small folders:
    10 white and 10 green job seekers then; 20 white, 5 green and 5 without a profile now."""
    from beltlib import example_answers
    from helpers import NO_PROFILE, WHITE_SEEKER, write_json
    root = tmp_path_factory.mktemp("compare")
    for name, groups in (("before", ((WHITE_SEEKER, 10), (example_answers(), 10))),
                         ("after", ((WHITE_SEEKER, 20), (example_answers(), 5), (NO_PROFILE, 5)))):
        (root / name).mkdir()
        n = 0
        for answers, count in groups:
            for _ in range(count):
                write_json(root / name / f"r{n}.json", answers)
                n += 1
    out = {}
    for lang in ("en", "fr"):
        path = root / f"compare-{lang}.html"
        done = subprocess.run([sys.executable, "-m", "beltlib", "cohort", "after", "--compare", "before",
                               "--lang", lang, "-o", str(path)], cwd=root, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        out[lang] = path
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_compare_page_offline_axe_clean_and_screenshots(browser, compare_pages, lang):
    from browser import axe_violations
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, service_workers="block")
        guard = RequestGuard(allow_file_only).attach(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        try:
            page.goto(compare_pages[lang].as_uri(), wait_until="load")
            assert guard.blocked == []
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing wider than the screen
            cells = page.eval_on_selector_all("table.belt-cohort-compare-belts tbody tr",
                                              "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")
            hidden = "not shown" if lang == "en" else "non affiché"
            assert [row[1:3] for row in cells] == (
                [[hidden, hidden], [hidden, "66.7%"], ["50.0%", "16.7%"], [hidden, hidden]] if lang == "en" else
                [[hidden, hidden], [hidden, "66,7\u00a0%"], ["50,0\u00a0%", "16,7\u00a0%"], [hidden, hidden]])
            assert axe_violations(page) == []
            shot = screenshot(page, f"cohort-compare-{lang}-{width}")
            assert shot.stat().st_size > 10_000
        finally:
            context.close()
