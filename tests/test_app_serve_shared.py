"""``make app-shared``: several visitors at once, the kernel cap and its "too many visitors" page, reloads.
On the small notebook of ``tests/servers.py``.
"""
from __future__ import annotations

import asyncio
import time

import pytest

from beltlib.app import serve
from beltlib.texts import t
from browser import CHROMIUM_ARGS, chromium, require_chromium
from servers import LABEL, PRINTED, TIMEOUT_MS, Server, open_tiny_page


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """``make app-shared``'s server with a cap of 6 and 4 s for a closed page; the periodic check (every
    hour here) never runs during these tests, so what ends kernels is the page's unload request or a
    visitor finding the cap."""
    server = Server(tmp_path_factory.mktemp("shared"), "shared", max_kernels=6, closed_after_s=4,
                    cull_interval_s=3600)
    yield server
    server.stop()


# ------------------------------------------------------------------ several visitors, the cap
async def visit(browser, url: str, started: float) -> dict:
    """One visitor (own context) opening ``url``: status, markers seen, page heading, seconds taken."""
    context = await browser.new_context()
    page = await context.new_page()
    response = await page.goto(url, timeout=TIMEOUT_MS)
    seen = {"status": response.status, "page": page, "context": context}
    if response.status == 200:
        await page.get_by_text(LABEL).wait_for(timeout=TIMEOUT_MS)
        await page.get_by_text(PRINTED).wait_for(timeout=TIMEOUT_MS)
    else:
        seen["h1"] = await page.locator("h1").inner_text()
        seen["fr"] = await page.locator("[lang=fr]").inner_text()
    seen["seconds"] = time.monotonic() - started
    return seen


async def ten_at_once(server) -> list[dict]:
    from playwright.async_api import async_playwright
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS, headless=True)
        try:
            started = time.monotonic()
            seen = await asyncio.wait_for(asyncio.gather(*(visit(browser, server.url, started) for _ in range(10))),
                                          timeout=180)
            counted = len(server.kernels())
            for s in seen:  # each tab closed as a person closes it; its browser window stays open meanwhile
                page = s.pop("page")
                async with page.expect_event("close", timeout=TIMEOUT_MS):
                    await page.close(run_before_unload=True)  # Playwright does not wait for the page to go
                await s.pop("context").close()
            return [{**s, "kernels_while_open": counted} for s in seen]
        finally:
            await browser.close()


@pytest.mark.browser
def test_ten_visitors_at_once_get_a_complete_page_or_the_too_many_visitors_page(shared):
    """Cap 6, ten visitors at the same moment: each gets a complete page or a real "too many visitors"
    page; never more complete pages than the cap (a kernel still ending from an earlier visit may take a
    seat for a moment under load, so fewer than six may be complete)."""
    assert shared.wait_kernels(0, 5) < 5
    seen = asyncio.run(ten_at_once(shared))
    complete = [s for s in seen if s["status"] == 200]
    refused = [s for s in seen if s["status"] != 200]
    assert len(seen) == 10 and 1 <= len(complete) <= 6
    assert all(s["kernels_while_open"] <= 6 for s in complete)
    assert len(refused) == 10 - len(complete) and {s["status"] for s in refused} == {503}
    for s in refused:
        assert s["h1"] == t("server.too_many", cap=6, minutes=serve.RETRY_MINUTES)
        assert s["fr"] == t("server.too_many", "fr", cap=6, minutes=serve.RETRY_MINUTES)
    assert shared.wait_kernels(0, 10) < 10  # the six closed tabs ended their kernels


@pytest.mark.browser
def test_a_reload_replaces_the_kernel_and_the_cap_counts_live_visitors_only(shared):
    """Ten quick reloads keep one kernel; tabs gone without a word do not hold the cap against newcomers."""
    assert shared.wait_kernels(0, 5) < 5
    with chromium() as browser:
        context = browser.new_context()
        page = open_tiny_page(context, shared)
        for _ in range(10):
            page.reload(timeout=TIMEOUT_MS)
            page.get_by_text(LABEL).wait_for(timeout=TIMEOUT_MS)
            assert len(shared.kernels()) <= 3  # the new one, and old ones for the 2 s they take to end
        assert shared.wait_kernels(1, 10) < 10
        context.close()  # no unload request: its kernel is now a closed page's
        gone = [browser.new_context() for _ in range(5)]
        for c in gone:
            open_tiny_page(c, shared)
        for c in gone:
            c.close()  # as if these browsers crashed
        assert len(shared.kernels()) == 6  # at the cap, none of them live
        time.sleep(4.5)  # longer than closed_after (4 s); the periodic check has not run
        newcomer = browser.new_context()
        open_tiny_page(newcomer, shared)  # the six dead kernels were ended for this visitor
        assert len(shared.kernels()) == 1
        newcomer.close()
