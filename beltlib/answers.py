"""The answers: one validated value and its JSON file format (schema 1).

The file is one JSON object with exactly the keys of :data:`FIELDS`, e.g.::

    {"schema": 1, "persona": "job_seeker", "findable": "easy_to_find",
     "profile": "current", "photo": true, "connections": 150,
     "invitations": "acquaintances", "outreach": "when_no_other_way",
     "discussions": "read_and_sometimes_post", "groups": 2,
     "reply_time": "within_week", "premium": false, "hours_per_week": 1.0,
     "offline_networking": true}

Every problem of one file is reported at once in one :class:`AnswersError`.
"""
from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import rules

SCHEMA_VERSION = 1

#: Field specs: ``kind`` is ``choice`` (``choices``), ``bool``, ``int`` or
#: ``number`` (``min``/``max``, ``max`` None for unbounded). ``group`` is the
#: questionnaire section. Order is the questionnaire's order.
FIELDS: dict[str, dict[str, Any]] = {
    "schema": {"kind": "choice", "choices": [SCHEMA_VERSION], "group": None},
    "persona": {"kind": "choice", "choices": list(rules.PERSONAS), "group": "you"},
    "findable": {"kind": "choice", "choices": ["no_profile", "hard_to_find", "easy_to_find"], "group": "profile"},
    "profile": {"kind": "choice", "choices": ["empty", "outdated", "current"], "group": "profile"},
    "photo": {"kind": "bool", "group": "profile"},
    "premium": {"kind": "bool", "group": "profile"},
    "connections": {"kind": "int", "min": 0, "max": rules.MAX_CONNECTIONS, "group": "network"},
    "invitations": {"kind": "choice", "choices": ["accept_only", "acquaintances", "after_every_meeting"],
                    "group": "network"},
    "outreach": {"kind": "choice", "choices": ["never", "when_no_other_way", "strangers"], "group": "network"},
    "groups": {"kind": "int", "min": 0, "max": None, "group": "network"},
    "discussions": {"kind": "choice", "choices": ["never", "read_only", "own_feed", "read_and_sometimes_post", "lead"],
                    "group": "activity"},
    "reply_time": {"kind": "choice", "choices": ["rarely", "within_week", "same_day"], "group": "activity"},
    "hours_per_week": {"kind": "number", "min": 0.0, "max": rules.MAX_HOURS_PER_WEEK, "group": "you"},
    "offline_networking": {"kind": "bool", "group": "you"},
}
#: Questionnaire sections, in display order: you first (your situation sets the target belt; issue 19).
GROUPS = ("you", "profile", "network", "activity")


def allowed_text(field: str) -> str:
    """Describe in English what a field accepts, e.g. ``one of 'a', 'b'``.

    Args:
        field (str): a key of :data:`FIELDS`.

    Returns:
        str: e.g. ``one of "no_profile", "hard_to_find", "easy_to_find"``, ``true or false``,
        ``an integer from 0 to 30000`` or ``an integer >= 0``.

    Raises:
        KeyError: if ``field`` is not a key of :data:`FIELDS`.
    """
    spec = FIELDS[field]
    kind = spec["kind"]
    if kind == "choice":
        return "one of " + ", ".join(json.dumps(c) for c in spec["choices"])
    if kind == "bool":
        return "true or false"
    what = "an integer" if kind == "int" else "a number"
    if spec["max"] is None:
        return f"{what} >= {spec['min']:g}"
    return f"{what} from {spec['min']:g} to {spec['max']:g}"


@dataclasses.dataclass(frozen=True)
class Problem:
    """One invalid field: its name, the value given (or ``MISSING``) and what is allowed."""

    field: str
    given: Any
    allowed: str
    #: For problems of the whole file (field ``(file)``): what went wrong, shown in full.
    detail: str | None = None

    def __str__(self) -> str:
        if self.detail is not None:
            return f"{self.field}: {self.detail} (expected: {self.allowed})"
        if self.given is MISSING:
            return f"{self.field}: missing (allowed: {self.allowed})"
        return f"{self.field}: got {_show(self.given)} (allowed: {self.allowed})"


class _Missing:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "MISSING"


MISSING = _Missing()


def _show(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class AnswersError(ValueError):
    """Invalid answers. ``problems`` lists every bad field of the input at once.

    ``str(error)`` names each field, the value given and what is allowed.
    """

    def __init__(self, problems: list[Problem], source: str | None = None):
        self.problems = list(problems)
        self.source = source
        where = f" in {source}" if source else ""
        super().__init__(f"Invalid answers{where}: " + "; ".join(str(p) for p in self.problems))


def _check(field: str, value: Any) -> Problem | None:
    spec = FIELDS[field]
    kind = spec["kind"]
    if kind == "choice":
        ok = any(value == c and type(value) is type(c) for c in spec["choices"])
    elif kind == "bool":
        ok = isinstance(value, bool)
    else:
        types = (int,) if kind == "int" else (int, float)
        ok = (isinstance(value, types) and not isinstance(value, bool)
              and value == value and value >= spec["min"]
              and (spec["max"] is None or value <= spec["max"]))
    return None if ok else Problem(field, value, allowed_text(field))


@dataclasses.dataclass(frozen=True)
class Answers:
    """How a person uses LinkedIn: a validated, immutable set of answers.

    Build it with :func:`validate` (from a mapping), :func:`load_answers` (from
    a file) or :func:`example_answers`. Units: ``connections`` and ``groups``
    are counts, ``hours_per_week`` is hours per week.
    """

    schema: int
    persona: str
    findable: str
    profile: str
    photo: bool
    premium: bool
    connections: int
    invitations: str
    outreach: str
    groups: int
    discussions: str
    reply_time: str
    hours_per_week: float
    offline_networking: bool

    def __getitem__(self, field: str) -> Any:
        return getattr(self, field)

    def to_dict(self) -> dict[str, Any]:
        """Return the answers as the schema-1 JSON object (a dict in :data:`FIELDS` order).

        Returns:
            dict[str, Any]: the 14 fields of :data:`FIELDS` and their values.

        Raises:
            Nothing.
        """
        return {f: getattr(self, f) for f in FIELDS}

    def replace(self, **changes: Any) -> Answers:
        """Return new validated answers with some fields changed.

        Args:
            **changes (Any): field name to new value, e.g. ``connections=150`` (a count).

        Returns:
            Answers: a new instance; ``self`` is unchanged.

        Raises:
            AnswersError: if a changed value is invalid or a field is unknown.
        """
        return validate({**self.to_dict(), **changes})


def validate(data: Any, source: str | None = None) -> Answers:
    """Validate a mapping of answers and return :class:`Answers`.

    Args:
        data (Any): a mapping with exactly the keys of :data:`FIELDS` (``connections`` and ``groups``
            counts, ``hours_per_week`` hours per week, 0–60).
        source (str | None): where it came from (a file name), for the message.

    Returns:
        Answers: the validated answers (``hours_per_week`` as a float).

    Raises:
        AnswersError: not a mapping, wrong type, unknown value, missing or unknown key — all
            problems at once, each naming the field, the value and what is allowed.

    Source: the field limits are :data:`beltlib.rules.MAX_CONNECTIONS` and the assumption MAX_HOURS_PER_WEEK.
    """
    if not isinstance(data, Mapping):
        raise AnswersError([Problem("(answers)", data, "a JSON object with the fields " + ", ".join(FIELDS))], source)
    problems = [Problem(f, MISSING, allowed_text(f)) for f in FIELDS if f not in data]
    problems += [Problem(str(k), data[k], "no such field; the fields are " + ", ".join(FIELDS))
                 for k in data if k not in FIELDS]
    problems += [p for f in FIELDS if f in data if (p := _check(f, data[f]))]
    if problems:
        raise AnswersError(problems, source)
    values = dict(data)
    values["hours_per_week"] = float(values["hours_per_week"]) + 0.0  # + 0.0 turns -0.0 into 0.0
    return Answers(**{f: values[f] for f in FIELDS})


def parse_answers(text: str, source: str | None = None) -> Answers:
    """Parse the JSON text of an answers file.

    Args:
        text (str): the file's JSON text (a leading BOM is ignored).
        source (str | None): where it came from (a file name), for the message.

    Returns:
        Answers: the validated answers.

    Raises:
        AnswersError: not JSON (names the line and column), a duplicate key, nested too deeply,
            or invalid answers.
    """
    expected = "a JSON object with the fields " + ", ".join(FIELDS)
    try:
        data = json.loads(text.removeprefix("\ufeff"), object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        detail = f"invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})"
    except _DuplicateKey as exc:
        detail = f"the key {_show(exc.args[0])} appears twice"
    except RecursionError:
        detail = "not an answers file: nested too deeply"
    except ValueError as exc:  # e.g. an integer of thousands of digits
        detail = f"not an answers file: {exc}"
    else:
        return validate(data, source)
    raise AnswersError([Problem("(file)", None, expected, detail)], source)


class _DuplicateKey(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def load_answers(path: str | os.PathLike[str]) -> Answers:
    """Read and validate an answers file (UTF-8 JSON); ``-`` reads standard input.

    Args:
        path (str | os.PathLike[str]): the file, or ``"-"`` for standard input.

    Returns:
        Answers: the validated answers.

    Raises:
        AnswersError: unreadable file, not UTF-8, not JSON, or invalid answers.
    """
    import sys
    name = str(path)
    try:
        text = sys.stdin.read() if name == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AnswersError([Problem("(file)", name, "a readable file", f"cannot read {name}: {exc.strerror or exc}")],
                           name) from None
    except UnicodeDecodeError as exc:
        raise AnswersError([Problem("(file)", name, "UTF-8 text",
                                    f"not UTF-8 text (byte {exc.start} cannot be decoded)")], name) from None
    return parse_answers(text, name)


def dumps(answers: Answers) -> str:
    """The answers as pretty JSON text (ends with a newline).

    Args:
        answers (Answers): the answers to serialise.

    Returns:
        str: the schema-1 JSON object, indented by 2, non-ASCII kept as is.

    Raises:
        Nothing.
    """
    return json.dumps(answers.to_dict(), indent=2, ensure_ascii=False) + "\n"


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write text to ``path`` atomically (temp file in the same folder, then rename).

    Missing parent folders are created. A new file gets the usual permissions
    (0666 less the umask, e.g. 0644), not the temp file's private 0600; a file
    replaced keeps its mode.

    Args:
        path (str | os.PathLike[str]): the file to write.
        text (str): the content, written as UTF-8 with Unix (LF) line endings.

    Returns:
        None.

    Raises:
        OSError: the path is a folder, empty (IsADirectoryError), not writable or the disk is full
            (nothing is left behind); its ``filename`` is ``path``, never the temporary file.
    """
    path = Path(path)
    if not path.name:
        raise IsADirectoryError(21, "not a file name", str(path))
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(path))
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():  # keep the mode of the file replaced (a private answers file stays private)
            mode = path.stat().st_mode & 0o777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename != str(path):  # name the file asked for, never the temp file
            raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from None
        raise


def save_answers(answers: Answers, path: str | os.PathLike[str]) -> None:
    """Save answers to a JSON file with an atomic write (no half-written file).

    Args:
        answers (Answers): the answers to save.
        path (str | os.PathLike[str]): the answers file.

    Returns:
        None.

    Raises:
        OSError: the path is a folder, empty, or not writable (see :func:`atomic_write_text`).
    """
    atomic_write_text(path, dumps(answers))


#: The example answers: a job seeker at the article's recommended green belt.
EXAMPLE: dict[str, Any] = {
    "schema": 1, "persona": "job_seeker", "findable": "easy_to_find", "profile": "current",
    "photo": True, "connections": 150, "invitations": "acquaintances",
    "outreach": "when_no_other_way", "discussions": "read_and_sometimes_post", "groups": 2,
    "reply_time": "within_week", "premium": False, "hours_per_week": 1.0,
    "offline_networking": True,
}
#: Example practice per persona: recruiters and salespeople (the article's
#: black belts) reply the same day, connect after every meeting, lead and
#: contact strangers; the person who is not looking has a white-belt profile.
_EXAMPLE_CHANGES = {
    "job_seeker": {},
    "not_looking": {"profile": "outdated", "photo": False, "connections": 12,
                    "invitations": "accept_only", "outreach": "never",
                    "discussions": "never", "groups": 0, "reply_time": "rarely",
                    "hours_per_week": 0.05},
    "recruiter": {"connections": 2500, "invitations": "after_every_meeting", "outreach": "strangers",
                  "discussions": "lead", "groups": 6, "reply_time": "same_day", "premium": True,
                  "hours_per_week": 7.0},
    "sales": {"connections": 900, "invitations": "after_every_meeting", "outreach": "strangers",
              "discussions": "read_and_sometimes_post", "groups": 4, "reply_time": "same_day",
              "premium": True, "hours_per_week": 6.0},
}


def example_answers(persona: str = "job_seeker") -> Answers:
    """Example answers for a persona.

    Args:
        persona (str): one of :data:`beltlib.rules.PERSONAS`, default ``"job_seeker"``.

    Returns:
        Answers: a typical practice: green belt for a job seeker, white for ``not_looking``,
        black for ``recruiter`` and ``sales``.

    Raises:
        AnswersError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: article, « Alors, quelle ceinture choisir ? » (green for job seekers, black for recruiters and sales).
    """
    if persona not in _EXAMPLE_CHANGES:
        raise AnswersError([Problem("persona", persona, allowed_text("persona"))])
    return validate({**EXAMPLE, "persona": persona, **_EXAMPLE_CHANGES[persona]})
