"""What both publishers share: output defaults, the template, answers resolution, the date.

:mod:`beltlib.publish.static` and :mod:`beltlib.publish.interactive` both import this module and
never each other.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path
from typing import Any

from ..answers import Answers, example_answers, load_answers, validate

PACKAGE_DIR = Path(__file__).resolve().parent
#: Folder of the nbconvert template (and the page stylesheet both pages use).
TEMPLATES_DIR = PACKAGE_DIR / "templates"
TEMPLATE_NAME = "belt_static"
#: Where ``publish`` writes by default (relative to the current folder).
DEFAULT_OUTPUT = Path("build") / "belt-report.html"
#: Where ``publish --interactive`` writes by default.
DEFAULT_INTERACTIVE_OUTPUT = Path("build") / "belt-report-interactive.html"


class PublishError(RuntimeError):
    """Publishing failed after the answers were validated (notebook missing,
    a cell failed, the kernel could not start). Nothing was written."""


class OutputError(ValueError):
    """The output path (``-o``) cannot be written; raised before any kernel starts (exit status 2)."""


def check_output(output: str | os.PathLike[str]) -> Path:
    """Check that ``output`` can be written, before any work starts.

    Args:
        output: the file to write.

    Returns:
        Path: ``output`` as a Path.

    Raises:
        OutputError: naming ``-o`` and the reason: a folder, a missing or unwritable folder, or an
            existing file that cannot be replaced.
    """
    out = Path(output)
    parent = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise OutputError(f"cannot write {out}: it is a folder (-o takes a file path)")
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"cannot write {out}: {parent} is not a folder (-o takes a file path)")
    existing = parent
    while not existing.exists():  # the folders to create: the first existing one must be writable
        existing = existing.parent
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {out}: permission denied in {existing} (-o)")
    if out.exists() and not os.access(out, os.W_OK) and not os.access(parent, os.W_OK):
        raise OutputError(f"cannot write {out}: permission denied (-o)")
    return out


def resolve_export(answers_path: str | os.PathLike[str] | None = None,
                   export_path: str | os.PathLike[str] | None = None
                   ) -> tuple[Answers, Answers, dict[str, str] | None, Any]:
    """The answers a report is published with, validated before anything runs, and the export's summary.

    Args:
        answers_path: a schema-1 answers file; None for the example
            (:func:`beltlib.answers.example_answers`, job seeker).
        export_path: a LinkedIn data export (zip or folder) that prefills the answers, or None.

    Returns:
        (answers, prefilled, provenance, summary): the person's answers; the answers after the
        export's prefill, validated (the same object without an export); provenance maps each field
        to ``"you"``, ``"export"`` or ``"example"`` (when no answers file was given), None without an
        export; summary is the :class:`beltlib.linkedin.ExportSummary` (counts and dates only).

    Raises:
        AnswersError: the answers file is unreadable, not JSON or invalid, or the prefilled answers are
            invalid (every bad field named). ExportError: the export cannot be read (a ValueError too).
    """
    answers = load_answers(answers_path) if answers_path is not None else example_answers()
    if export_path is None:
        return answers, answers, None, None
    from ..linkedin import prefill_answers, read_export  # issue 5; imported only when asked for
    summary = read_export(export_path)
    data, provenance = prefill_answers(summary, answers.to_dict())
    if answers_path is None:  # what the export cannot tell comes from the example, not from the person
        provenance = {field: "example" if where == "you" else where for field, where in provenance.items()}
    return answers, validate(data, str(export_path)), dict(provenance), summary


def generation_date(today: _dt.date | None = None) -> _dt.date:
    """The date printed on the page: ``today``, else ``SOURCE_DATE_EPOCH`` (UTC) if set, else today.

    Source: the reproducible-builds convention for ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC).
    """
    if today is not None:
        return today
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC).date()
    return _dt.date.today()
