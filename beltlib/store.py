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

import os
from pathlib import Path
from typing import Any

from .answers import Answers, AnswersError, example_answers, load_answers

#: The notebook's default answers file (relative to the kernel's working folder).
DEFAULT_ANSWERS = "answers.json"
#: Environment variable that replaces :data:`DEFAULT_ANSWERS` when set.
ANSWERS_ENV = "BELT_REPORT_ANSWERS"
#: Suffix of the copy of the answers file kept by "Reset to example" (``answers.json.prev``).
PREV_SUFFIX = ".prev"


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


def load_or_example(path: Path, persona: str = "job_seeker") -> tuple[Answers, str, dict[str, Any]]:
    """Read the answers file for the live report, never losing what is in it.

    Args:
        path: the answers file.
        persona: persona of the example answers used when there is no valid file.

    Returns:
        (answers, origin, message): origin is ``"file"`` or ``"example"``;
        message is ``{}`` or, for a corrupt or invalid file that was renamed,
        ``{"key": "ui.corrupt", "error": ..., "backup": <backup file path>}``;
        if it could not be renamed, ``{"key": "ui.corrupt_kept", "error": ...,
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
        try:
            os.replace(path, backup)
        except OSError as err:
            return example_answers(persona), "example", {"key": "ui.corrupt_kept", "error": str(exc),
                                                         "reason": err.strerror or str(err)}
        return example_answers(persona), "example", {"key": "ui.corrupt", "error": str(exc), "backup": str(backup)}



__all__ = ["DEFAULT_ANSWERS", "ANSWERS_ENV", "PREV_SUFFIX", "resolve_answers_path", "backup_path",
           "load_or_example"]
