"""``make app``'s culler: a tab gone without its unload request (a crashed browser) loses its kernel after
``closed_after``; an open page keeps its kernel. On the small notebook of ``tests/servers.py``.
"""
from __future__ import annotations

import time

import pytest

from browser import chromium
from servers import Server, open_tiny_page


@pytest.fixture(scope="module")
def quick_cull(tmp_path_factory):
    """``make app``'s server with short limits (a closed page: 10 s, checked every 2 s), to see the culler
    at work in seconds rather than the shipped 40 (10 s still leaves a loaded machine time to connect a page)."""
    server = Server(tmp_path_factory.mktemp("quick"), "app", closed_after_s=10, cull_interval_s=2)
    yield server
    server.stop()


@pytest.mark.browser
def test_a_tab_gone_without_unload_loses_its_kernel_an_open_one_keeps_it(quick_cull):
    """A browser that crashed (no unload request): the culler ends the kernel after ``closed_after`` (here 10 s,
    checked every 2 s; the shipped 30 s and 10 s are checked in test_app_serve.py); the open page's kernel stays."""
    server = quick_cull
    assert server.wait_kernels(0, 5) < 5
    with chromium() as browser:
        kept = open_tiny_page(browser.new_context(), server)
        kept_kernel = server.kernels()
        assert len(kept_kernel) == 1
        gone = browser.new_context()
        open_tiny_page(gone, server)
        assert len(server.kernels()) == 2
        started = time.monotonic()
        gone.close()  # Playwright closes it without running unload handlers
        waited = server.wait_kernels(1, 30)
        assert server.kernels() == kept_kernel, f"after {time.monotonic() - started:.0f} s"
        assert waited < 10 + 2 + 5
        assert "no page connected" in server.log_text()
        time.sleep(10 + 2)  # more checks after closed_after: the open page's kernel is still kept
        assert server.kernels() == kept_kernel
        kept.close(run_before_unload=True)
        assert server.wait_kernels(0, 10) < 10
