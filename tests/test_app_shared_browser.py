"""The live app in shared mode (``make app-shared``, issue 11), as visitors use it: each visitor's answers are
their own, nothing is written on the server, uploads over the limit are refused, kernels are capped and
idle ones culled. The report's own notebook, started as the Makefile starts it (``tests/servers.py``).
"""
from __future__ import annotations

import time

import pytest

from beltlib.texts import t
from browser import chromium, screenshot
from servers import TIMEOUT_MS, AppServer, export_zip, no_violations, open_app_page, upload, wait_result

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """``make app-shared``'s server with small settings: 5 MB uploads, 3 kernels, an open page's kernel culled
    after 30 s idle (shipped: 600 s), a closed page's 12 s after its last activity (shipped: 30 s), looked for
    every second. (6 s of idleness once ended a kernel whose page, on a loaded machine, had not yet connected.)"""
    tmp = tmp_path_factory.mktemp("shared")
    server = AppServer(tmp, "shared", upload_limit_mb=5, max_kernels=3, cull_idle_s=30, cull_interval_s=1,
                    closed_after_s=12)
    yield server
    server.stop()


def test_two_visitors_never_see_each_others_answers(shared):
    with chromium() as browser:
        a_ctx, b_ctx = browser.new_context(), browser.new_context()
        a = open_app_page(browser, shared, context=a_ctx)
        status = t("ui.status_session")
        wait_result(a, status)
        a.get_by_label(t("field.photo"), exact=True).uncheck()
        a_conn = a.get_by_label(t("field.connections"), exact=True)
        a_conn.fill("5")
        a_conn.press("Enter")
        wait_result(a, t("ui.status_session_changed", count=2))
        b = open_app_page(browser, shared, context=b_ctx, width=375)
        wait_result(b, status)  # the example, not visitor A's answers
        assert b.get_by_label(t("field.connections"), exact=True).input_value() == "150"
        assert b.get_by_label(t("field.photo"), exact=True).is_checked()
        b_groups = b.get_by_label(t("field.groups"), exact=True)
        b_groups.fill("9")
        b_groups.press("Enter")
        wait_result(b, t("ui.status_session_changed", count=1))
        a.wait_for_timeout(500)
        assert a.get_by_label(t("field.groups"), exact=True).input_value() == "2"
        assert a_conn.input_value() == "5" and not a.get_by_label(t("field.photo"), exact=True).is_checked()
        # no server path shown, no path field, nothing written on the server
        for page in (a, b):
            text = page.locator("#rendered_cells").inner_text()
            assert str(shared.cwd) not in text and "answers.json" not in text
            assert page.locator(".belt-export-path").is_hidden()
            no_violations(page, "shared mode")
        assert [p.name for p in shared.cwd.iterdir()] == []
        screenshot(b, "app-shared-375-en", scroller="#rendered_cells")
        # an upload over the server's limit (5 MB here) is refused at once, naming the limit
        upload(b, "big.zip", export_zip(6))
        note = b.locator(".belt-upload-note[role=alert]")
        note.wait_for(timeout=5000)
        assert "5.0 MB" in note.inner_text() and t("ui.upload_smaller") in note.inner_text()
        a_ctx.close()
        b_ctx.close()


def wait_no_kernels(server, seconds: float = 40) -> None:
    deadline = time.monotonic() + seconds
    while server.kernels() and time.monotonic() < deadline:
        time.sleep(0.5)


def test_shared_kernels_are_capped_and_idle_ones_culled(shared):
    wait_no_kernels(shared)  # the pages of other tests were closed: their kernels are culled
    assert shared.kernels() == []
    with chromium() as browser:
        pages = [open_app_page(browser, shared, context=browser.new_context()) for _ in range(3)]
        assert len(shared.kernels()) == 3
        extra = browser.new_context().new_page()
        response = extra.goto(shared.url, timeout=TIMEOUT_MS)
        assert response.status == 503 or "too many visitors" in extra.content()
        for page in pages:
            page.context.close()
        wait_no_kernels(shared)  # closed pages (no unload request): ended 12 s after their last activity
        assert shared.kernels() == []
        again = open_app_page(browser, shared)  # room again
        wait_result(again, t("ui.status_session"))
