"""The answers file of the notebook report: where it is, reading it without losing it, keeping it aside.

Core module (standard library only). The live report (:mod:`beltlib.app`) reads the
answers file with :func:`load_or_example` and saves with
:func:`beltlib.answers.save_answers` (an atomic write).

Where the file is: ``answers_path`` relative to the kernel's working folder.
JupyterLab, Notebook 7, Voilà and ``nbconvert --execute`` run the kernel in
the notebook's folder, so the default ``answers.json`` lands beside the
notebook; papermill and a bare nbclient run it in the caller's folder unless
given ``cwd=`` — pass an absolute path there. The environment variable
``BELT_REPORT_ANSWERS`` replaces the default ``answers.json`` (not an
explicit other path): tests and hosts use it to point the notebook elsewhere.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from .answers import FIELDS, Answers, AnswersError, atomic_write_text, example_answers, load_answers, validate

#: The notebook's default answers file (relative to the kernel's working folder).
DEFAULT_ANSWERS = "answers.json"
#: Environment variable that replaces :data:`DEFAULT_ANSWERS` when set.
ANSWERS_ENV = "BELT_REPORT_ANSWERS"
#: Suffix of the copy of the answers file kept by "Reset to example" (``answers.json.prev``).
PREV_SUFFIX = ".prev"
#: A temporary file of the store (``.answers.json.<random>.tmp``, left by a process killed during a
#: save) older than this many seconds is stale and removed when the store opens
#: (:func:`remove_stale_temp`); a younger one may belong to a save still running.
STALE_TEMP_S = 30.0


def resolve_answers_path(answers_path: str | os.PathLike[str] | None) -> Path:
    """Where the answers file is.

    Args:
        answers_path: a path; relative paths are relative to the current folder
            (the notebook's folder under Jupyter, Voilà and nbconvert). None or
            :data:`DEFAULT_ANSWERS` is replaced by ``$BELT_REPORT_ANSWERS`` when set.

    Returns:
        Path (absolute).
    """
    if answers_path is None or str(answers_path) == DEFAULT_ANSWERS:
        answers_path = os.environ.get(ANSWERS_ENV) or DEFAULT_ANSWERS
    return Path(answers_path).expanduser().absolute()


def backup_path(path: Path) -> Path:
    """A free name to keep a bad answers file aside: ``<name>.bak``, then ``<name>.bak.2``, …"""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def temp_files(path: Path) -> list[Path]:
    """The temporary files an atomic save of ``path`` uses (``.<name>.<random>.tmp`` beside it)."""
    try:
        return sorted(path.parent.glob(f".{path.name}.*.tmp"))
    except OSError:
        return []


def remove_stale_temp(path: Path, older_than: float = STALE_TEMP_S) -> list[Path]:
    """Remove the temporary files a killed save of ``path`` left behind.

    Args:
        path: the answers file.
        older_than: seconds; younger files may belong to a save still running and are kept.

    Returns:
        list[Path]: the files removed (files that cannot be removed are left, silently:
        they hold no answers of their own, the answers file is always whole).
    """
    removed = []
    now = time.time()
    for tmp in temp_files(path):
        try:
            if now - tmp.stat().st_mtime >= older_than:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def salvage(path: Path, error: AnswersError, persona: str = "job_seeker") -> tuple[Answers, list[str]] | None:
    """Keep the valid answers of a file in which some fields are invalid.

    Args:
        path: the answers file (a JSON object).
        error: the :class:`AnswersError` its validation raised.
        persona: persona of the example values used when the file's own persona is invalid.

    Returns:
        (answers, problems) — every valid field kept, each invalid or missing field replaced by
        the example value of the persona (unknown fields dropped), and the problems as text —
        or None when the file is not a JSON object or its problems are not field-level.
    """
    if any(p.field in ("(file)", "(answers)") for p in error.problems):  # not field-level
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    bad = {p.field for p in error.problems}
    keep = {k: v for k, v in data.items() if k in FIELDS and k not in bad}
    try:
        base = example_answers(keep.get("persona", persona)).to_dict()
        return validate({**base, **keep}, str(path)), [str(p) for p in error.problems]
    except AnswersError:
        return None


def load_or_example(path: Path, persona: str = "job_seeker") -> tuple[Answers, str, dict[str, Any]]:
    """Read the answers file for the live report, never losing what is in it.

    Args:
        path: the answers file.
        persona: persona of the example answers used when there is no valid file.

    Returns:
        (answers, origin, message): origin is ``"file"`` or ``"example"``; message is ``{}`` or:

        - some fields invalid (the others valid): the valid answers are kept, each bad field
          takes the example's value, the file as it was is copied to a backup, origin is
          ``"file"`` and message ``{"key": "ui.fields_replaced", "problems": ..., "backup": ...}``;
        - a corrupt or wholly invalid file, renamed: ``{"key": "ui.corrupt", "error": ...,
          "backup": <backup file path>}``;
        - if it could not be renamed or copied: ``{"key": "ui.corrupt_kept", "error": ...,
          "reason": ...}`` and the caller must not write over it.

    Raises:
        AnswersError: unknown ``persona``.
    """
    if not path.exists():
        return example_answers(persona), "example", {}
    try:
        return load_answers(path), "file", {}
    except AnswersError as exc:
        backup = backup_path(path)
        kept = salvage(path, exc, persona)
        try:
            if kept is not None:
                shutil.copy2(path, backup)
            else:
                os.replace(path, backup)
        except OSError as err:
            return example_answers(persona), "example", {"key": "ui.corrupt_kept", "error": str(exc),
                                                         "reason": err.strerror or str(err)}
        if kept is not None:
            answers, problems = kept
            return answers, "file", {"key": "ui.fields_replaced", "problems": "; ".join(problems),
                                     "backup": str(backup)}
        return example_answers(persona), "example", {"key": "ui.corrupt", "error": str(exc), "backup": str(backup)}


# ---------------------------------------------------------------- the answers of earlier days (issue 18)
#: Suffix of the file beside the answers file that keeps the answers each day ended with
#: (``answers.json`` -> ``answers.json.days.json``; git-ignored; docs/using-the-app.md).
DAYS_SUFFIX = ".days.json"
#: How many days the file keeps (the most recent).
DAYS_KEPT = 60


def days_path(path: Path) -> Path:
    """The day history file beside the answers file ``path`` (:data:`DAYS_SUFFIX`)."""
    return path.with_name(path.name + DAYS_SUFFIX)


def _read_days(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(days_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no history yet, or an unreadable one: it is only a convenience, rebuilt from today
    days = data.get("days") if isinstance(data, dict) else None
    if not isinstance(days, dict):
        return {}
    return {k: v for k, v in days.items() if isinstance(k, str) and isinstance(v, dict)}


def record_day(path: Path, answers: Answers, day: _dt.date | None = None) -> None:
    """Keep ``answers`` as the answers of ``day`` (today by default) in :func:`days_path` (atomic write).

    The file is ``{"schema": 1, "days": {"YYYY-MM-DD": <answers as in an answers file>, ...}}``, at most
    :data:`DAYS_KEPT` days, the most recent.

    Args:
        path (Path): the answers file.
        answers (Answers): the answers saved.
        day (datetime.date | None): the day (default today, local time).

    Raises:
        OSError: the file cannot be written.
    """
    days = _read_days(path)
    days[(day or _dt.date.today()).isoformat()] = answers.to_dict()
    kept = dict(sorted(days.items())[-DAYS_KEPT:])
    atomic_write_text(days_path(path), json.dumps({"schema": 1, "days": kept}, ensure_ascii=False, indent=1) + "\n")


def earlier_answers(path: Path, day: _dt.date | None = None) -> tuple[_dt.date, Answers] | None:
    """The answers of the last day before ``day`` (today by default) kept in :func:`days_path`.

    Args:
        path (Path): the answers file.
        day (datetime.date | None): the day to look before.

    Returns:
        (date, Answers) of the latest earlier day whose answers are valid, or None (no such day).
    """
    before = (day or _dt.date.today()).isoformat()
    for key, data in sorted(_read_days(path).items(), reverse=True):
        if key >= before:
            continue
        try:
            return _dt.date.fromisoformat(key), validate(data)
        except (ValueError, AnswersError):
            continue  # a day that is not a date, or answers no longer valid: look further back
    return None


__all__ = ["DEFAULT_ANSWERS", "ANSWERS_ENV", "PREV_SUFFIX", "STALE_TEMP_S", "DAYS_SUFFIX", "resolve_answers_path",
           "backup_path", "days_path", "record_day", "earlier_answers",
           "load_or_example", "salvage", "temp_files", "remove_stale_temp"]
