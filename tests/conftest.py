"""Shared fixtures. Matplotlib draws off-screen (Agg) in every test."""
import os
import tempfile

os.environ.setdefault("MPLBACKEND", "Agg")

# nbval runs notebooks/belt_report.ipynb in a kernel that inherits this environment. Point the
# report's default answers file (beltlib.app.ui.ANSWERS_ENV) at an empty temp folder, so that a
# developer's notebooks/answers.json (git-ignored, written by `make app`) cannot change the
# strictly compared outputs.
os.environ.setdefault("BELT_REPORT_ANSWERS", os.path.join(tempfile.mkdtemp(prefix="belt-nbval-"), "answers.json"))
