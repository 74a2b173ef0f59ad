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
