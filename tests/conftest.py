"""Shared fixtures. Matplotlib draws off-screen (Agg) in every test, and no figure outlives its test.

Helpers that test modules share are in ``tests/helpers.py`` (and the browser's in
``tests/browser.py``): no test module imports another.
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
    """Close every matplotlib figure a test left open, without importing matplotlib for tests that did not."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
