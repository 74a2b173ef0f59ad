"""Reading a cohort's answers: folders of answers JSON files, single JSON files and CSV files.

Every respondent goes through :func:`beltlib.answers.parse_answers` (JSON) or
:func:`beltlib.answers.validate` (a CSV row), so a problem reads exactly as the
single report's validation says it. An invalid file or CSV row is skipped and
recorded as a :class:`Skipped` (file, line, what is wrong); the caller prints them
(standard error) and counts them. Nothing of a respondent but their validated
answers is kept: no file name reaches the aggregate.

CSV: one respondent a row; the header row uses the answers' field names
(:data:`beltlib.answers.FIELDS`); booleans as ``true``/``false``, ``yes``/``no``,
``oui``/``non`` or ``1``/``0``; a missing ``schema`` column means schema 1; an empty cell is a
missing answer. Comma, semicolon or tab separated (a French spreadsheet writes
``;`` and a decimal comma: numbers are then read the French way). Standard library only.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import operator
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..answers import EXAMPLE, FIELDS, SCHEMA_VERSION, Answers, AnswersError, Problem, parse_answers, validate
from ..numbers import NumberError, parse_number
from ..texts import CATALOGUE, LANGS

#: File name endings read inside a folder and accepted as a single file.
EXTENSIONS = (".json", ".csv")
#: CSV separators recognised from the header row.
DELIMITERS = ",;\t"
#: Cell texts read as booleans (compared in lower case, spaces around ignored): ``true``/``false``,
#: ``1``/``0`` and the words for yes/no of every language of the catalogue (``oui``/``non``).
TRUE_TEXTS = tuple(dict.fromkeys(["true", "yes", "1", *(CATALOGUE[x]["value.yes"].lower() for x in LANGS)]))
FALSE_TEXTS = tuple(dict.fromkeys(["false", "no", "0", *(CATALOGUE[x]["value.no"].lower() for x in LANGS)]))
#: The fields a CSV header may name (``schema`` may be left out).
CSV_FIELDS = tuple(FIELDS)


class CohortInputError(ValueError):
    """A path given on the command line that cannot be read at all (missing, or not a
    ``.json``/``.csv`` file or a folder). ``str(error)`` names the path and what is allowed."""


@dataclasses.dataclass(frozen=True)
class Skipped:
    """One respondent (a file or a CSV row) or one whole CSV file that was not used.

    Attributes:
        file: the path as given (shown on standard error only, never in a report).
        line: the CSV line (1 = the header) or None for a JSON file.
        message: what is wrong, as the single report's validation says it.
        count: respondents lost (1, or every data row of a CSV whose header is wrong).
    """

    file: str
    line: int | None
    message: str
    count: int = 1

    def __str__(self) -> str:
        # The message names the file and line already ("Invalid answers in data.csv, line 3: ...").
        return f"skipped: {self.message}"


@dataclasses.dataclass
class CohortInput:
    """What was read: the valid respondents' answers and what was skipped.

    Attributes:
        answers: one validated :class:`~beltlib.answers.Answers` per valid respondent, in reading order.
        skipped: one :class:`Skipped` per invalid file, CSV row or CSV file.
    """

    answers: list[Answers] = dataclasses.field(default_factory=list)
    skipped: list[Skipped] = dataclasses.field(default_factory=list)

    @property
    def invalid(self) -> int:
        """int: respondents not used (count), summed over :attr:`skipped`."""
        return sum(s.count for s in self.skipped)


def _files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str]]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() in EXTENSIONS and not p.name.startswith("."))
            for p in found:
                yield p, p.suffix.lower()
        elif path.is_file() and path.suffix.lower() in EXTENSIONS:
            yield path, path.suffix.lower()
        elif path.exists():
            raise CohortInputError(f"{given}: not an answers file (allowed: a folder, or a file ending in "
                                   + " or ".join(EXTENSIONS) + ")")
        else:
            raise CohortInputError(f"{given}: no such file or folder")


def _problem_text(name: str, detail: str, allowed: str) -> str:
    return str(AnswersError([Problem("(file)", None, allowed, detail)], name))


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a leading BOM is dropped by the readers).

    Raises:
        AnswersError: unreadable or not UTF-8, worded as :func:`beltlib.answers.load_answers` words it.
    """
    name = str(path)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AnswersError([Problem("(file)", name, "a readable file",
                                    f"cannot read {name}: {exc.strerror or exc}")], name) from None
    except UnicodeDecodeError as exc:
        raise AnswersError([Problem("(file)", name, "UTF-8 text",
                                    f"not UTF-8 text (byte {exc.start} cannot be decoded)")], name) from None


def _bool_cell(text: str) -> Any:
    low = text.strip().lower()
    if low in TRUE_TEXTS:
        return True
    if low in FALSE_TEXTS:
        return False
    return text  # validate() names the field, the text and "true or false"


def _number_cell(text: str, field: str, lang: str) -> Any:
    if text.isdigit():  # the usual case, fast
        return int(text)
    try:
        return parse_number(text, field, lang)
    except NumberError:
        return text  # validate() names the field, the text and the allowed range


def _choice_cell(text: str, field: str) -> Any:
    if field == "schema":
        return int(text) if text.strip().isdigit() else text
    return text.strip()


_EMPTY = object()


class _Rows:
    """Turns the CSV rows of one header into :class:`~beltlib.answers.Answers`, fast.

    Each distinct text of a column is converted and judged once, by :func:`beltlib.answers.validate`
    itself (the text's value put into otherwise valid answers; ``validate`` has no rule across
    fields), and kept as ``validate`` returns it. A row whose every cell passed is built from those
    values; any other row goes through ``validate`` whole, which raises the single report's message.
    """

    def __init__(self, header: list[str], lang: str):
        self.fields = header
        self.lang = lang
        #: per column: text -> the valid value (texts that fail are not kept).
        self.valid: list[dict[str, Any]] = [{} for _ in header]
        self.width = len(header)
        columns = header if "schema" in header else [*header, "schema"]
        self.order = operator.itemgetter(*(columns.index(f) for f in FIELDS))
        self.tail = [] if "schema" in header else [SCHEMA_VERSION]

    def _convert(self, field: str, text: str) -> Any:
        kind = FIELDS[field]["kind"]
        if kind == "bool":
            return _bool_cell(text)
        if kind in ("int", "number"):
            return _number_cell(text.strip(), field, self.lang)
        return _choice_cell(text, field)

    def _learn(self, row: list[str]) -> bool:
        """Judge the row's unseen texts; True when every cell is valid."""
        ok = len(row) == self.width
        for field, valid, text in zip(self.fields, self.valid, row, strict=False):  # a short row: cells missing
            if text in valid:
                continue
            if text.strip() == "":
                ok = False  # an empty cell is a missing answer
                continue
            value = self._convert(field, text)
            try:
                valid[text] = getattr(validate({**EXAMPLE, field: value}), field)
            except AnswersError:
                ok = False
        return ok

    def _data(self, row: list[str]) -> dict[str, Any]:
        data = {f: self._convert(f, text) for f, text in zip(self.fields, row, strict=False)
                if text.strip() != ""}
        if self.tail:
            data["schema"] = SCHEMA_VERSION
        return data

    def answers(self, row: list[str], where: str) -> Answers:
        """The row's answers. Raises AnswersError (every problem of the row, as ``validate`` words it)."""
        values = list(map(dict.get, self.valid, row))
        if None in values or len(row) != self.width:
            if not self._learn(row):
                return validate(self._data(row), where)
            values = list(map(dict.get, self.valid, row))
        return Answers(*self.order(values + self.tail))


#: What a CSV header must hold, for the messages.
HEADER_ALLOWED = "a header row of field names: " + ", ".join(
    f"{f} (may be left out)" if f == "schema" else f for f in CSV_FIELDS)


def _header_problem(header: list[str]) -> str | None:
    unknown = [h for h in header if h not in FIELDS]
    if unknown:
        return f"unknown column{'s' if len(unknown) > 1 else ''} " + ", ".join(f'"{u}"' for u in unknown)
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        return "the column " + ", ".join(f'"{h}"' for h in twice) + " appears twice"
    missing = [f for f in FIELDS if f not in header and f != "schema"]
    if missing:
        return f"missing column{'s' if len(missing) > 1 else ''} " + ", ".join(f'"{m}"' for m in missing)
    return None


def read_csv_text(text: str, name: str, into: CohortInput) -> None:
    """Read the respondents of one CSV text into ``into`` (valid answers and skipped rows).

    Args:
        text (str): the CSV file's text (a leading BOM is ignored); one header row of field names.
        name (str): the file's name, for the messages.
        into (CohortInput): where valid answers and :class:`Skipped` rows are appended.

    Returns:
        None.

    Raises:
        Nothing: a header with an unknown, doubled or missing column skips the whole file
        (one :class:`Skipped` at line 1 naming the column and the allowed fields, counting every data row).
    """
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","
    lang = "fr" if delimiter == ";" else "en"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        into.skipped.append(Skipped(name, 1, _problem_text(name, "empty CSV file", HEADER_ALLOWED)))
        return
    except csv.Error as exc:
        into.skipped.append(Skipped(name, 1, _problem_text(name, f"not a CSV file ({exc})", "CSV text")))
        return
    problem = _header_problem(header)
    if problem is not None:
        rows = sum(1 for row in reader if any(c.strip() for c in row))
        into.skipped.append(Skipped(name, 1, _problem_text(name, problem, HEADER_ALLOWED), rows))
        return
    rows = _Rows(header, lang)
    width = len(header)
    end = reader.line_num
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            into.skipped.append(Skipped(name, start, _problem_text(f"{name}, line {start}", f"not CSV ({exc})",
                                                                   "CSV text")))
            break
        end = reader.line_num
        if not any(c.strip() for c in row):
            continue  # a blank line is no respondent
        where = f"{name}, line {start}"
        if len(row) > width:
            into.skipped.append(Skipped(name, start, _problem_text(
                where, f"{len(row)} cells for {width} columns", "one cell per column of the header")))
            continue
        try:
            into.answers.append(rows.answers(row, where))
        except AnswersError as exc:
            into.skipped.append(Skipped(name, start, str(exc)))


def read_cohort(paths: Iterable[str | os.PathLike[str]]) -> CohortInput:
    """Read every respondent of a mix of folders, answers JSON files and CSV files.

    A folder contributes its ``*.json`` and ``*.csv`` files (not its sub-folders, not hidden
    files), in name order.

    Args:
        paths (Iterable[str | os.PathLike[str]]): folders and files, in the order given.

    Returns:
        CohortInput: the valid answers (one per respondent) and the skipped files and rows.

    Raises:
        CohortInputError: a path that does not exist, or a file that is neither ``.json`` nor
            ``.csv`` (a mistyped command line, checked before anything is read).
    """
    files = list(_files(paths))  # check every path first
    out = CohortInput()
    for path, kind in files:
        name = str(path)
        try:
            text = read_text(path)
        except AnswersError as exc:
            out.skipped.append(Skipped(name, None, str(exc)))
            continue
        if kind == ".csv":
            read_csv_text(text, name, out)
            continue
        try:
            out.answers.append(parse_answers(text, name))
        except AnswersError as exc:
            out.skipped.append(Skipped(name, None, str(exc)))
    return out
