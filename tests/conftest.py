"""Shared fixtures. Matplotlib draws off-screen (Agg) in every test, and no figure outlives its test.

Helpers that test modules share are in ``tests/helpers.py`` (the browser's in ``tests/browser.py``,
the app servers' in ``tests/servers.py``): no test module imports another.
"""
from __future__ import annotations

import os
import sys
import tempfile

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

# nbval runs notebooks/belt_report.ipynb in a kernel that inherits this environment. Point the
# report's default answers file (beltlib.store.ANSWERS_ENV) at an empty temp folder, so that a
# developer's notebooks/answers.json (git-ignored, written by `make app`) cannot change the
# strictly compared outputs.
os.environ.setdefault("BELT_REPORT_ANSWERS", os.path.join(tempfile.mkdtemp(prefix="belt-nbval-"), "answers.json"))


@pytest.fixture(autouse=True)
def close_figures():
    """Close every matplotlib figure a test left open, without importing matplotlib for tests that did not;
    and leave no Playwright loop marked running in asyncio after a browser test (``tests/browser.py``)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
    browser = sys.modules.get("browser")
    if browser is not None and hasattr(browser, "leave_no_running_loop"):
        browser.leave_no_running_loop()


#: The test files that take longest (mostly waiting on servers, kernels and browsers), longest first. They
#: are collected first so that ``make test``'s workers (pytest-xdist with ``--dist loadfile
#: --no-loadscope-reorder``) start them at once and end together; the other files keep their order.
SLOW_FIRST = ("test_publish_engine_parity.py", "test_app_serve.py", "test_app_serve_shared.py", "test_app_browser.py",
              "test_app_shared_browser.py", "test_publish_interactive_browser.py", "test_app_serve_cull.py",
              "test_app_serve_lab.py", "test_linkedin_report.py", "test_app_live_browser.py", "test_publish_static.py",
              "test_cohort_browser.py", "test_readme.py", "test_app_live.py", "test_cli.py",
              "test_publish_static_browser.py", "test_cohort.py", "test_linkedin_history.py", "test_tooling.py")


def pytest_sessionfinish(session):
    """Close the test process's shared browser, if a test opened it (``tests/browser.py``)."""
    browser = sys.modules.get("browser")
    if browser is not None and hasattr(browser, "close_shared"):
        browser.close_shared()


def pytest_collection_modifyitems(config, items):
    """Put the :data:`SLOW_FIRST` files' tests first, in that order (a stable sort: nothing else moves)."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))
