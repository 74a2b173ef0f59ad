"""What could not be read in an export (:class:`Problem`), the one error (:class:`ExportError`),
and how both are worded, in English or French (catalogue keys ``export.reason.*``).

A problem names a file and line numbers, never a cell's content (no name, e-mail, URL or
message text of anyone).
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..texts import number, t

#: At most this many line numbers are listed in one problem; the count gives the rest.
MAX_LISTED_LINES = 20


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing that could not be read: a file, the lines concerned, a reason.

    Attributes:
        file: the file name inside the archive (or the archive's own name).
        lines: the 1-based line numbers concerned (where each record starts), sorted,
            at most :data:`MAX_LISTED_LINES` of them; empty when no line applies.
        count: how many rows in all (>= ``len(lines)``; 0 when the problem is not about rows).
        reason: the catalogue key ``export.reason.<reason>``.
        params: the values for the reason's placeholders (numbers, sizes, column names).
    """

    file: str
    lines: tuple[int, ...] = ()
    count: int = 0
    reason: str = "undecodable"
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        """``"<file>: line 4: <reason>"`` (English) or ``"<file>, ligne 4 : <reason>"`` (French).

        Args:
            lang: ``"en"`` or ``"fr"``.

        Returns:
            str: the message; several lines read ``lines 4, 9`` (then ``and N more`` past
            :data:`MAX_LISTED_LINES`).

        Raises:
            ValueError: unknown ``lang``.
        """
        return t("export.where", lang, where=self.where(lang), reason=self.reason_text(lang))

    def reason_text(self, lang: str = "en") -> str:
        """The reason alone, in ``lang`` (numbers formatted for the language)."""
        values = {k: number(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
                  for k, v in self.params}
        values.setdefault("n", number(self.count, lang))
        return t(f"export.reason.{self.reason}", lang, **values)

    def where(self, lang: str = "en") -> str:
        """The file and its lines: ``"messages.csv: lines 4, 9"``."""
        if not self.lines:
            return self.file
        if len(self.lines) == 1 and self.count <= 1:
            return t("export.where.line", lang, file=self.file, line=self.lines[0])
        listed = ", ".join(str(n) for n in self.lines)
        more = self.count - len(self.lines)
        if more > 0:
            listed = t("export.where.more", lang, lines=listed, more=number(more, lang))
        return t("export.where.lines", lang, file=self.file, lines=listed)


class ExportError(ValueError):
    """The one error of the export reader: something in the archive cannot be read.

    The message names the file (its name inside the archive, or the archive's own
    base name) and, when known, the line (where the offending CSV record starts or
    where the reader stopped). It never contains a cell's content: no name, e-mail,
    URL or message text.

    Attributes:
        file: the file name, or None.
        line: the 1-based line number, or None.
        reason: the English reason text (without the file and line).
        problem: the :class:`Problem` (for :meth:`text` in another language).
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 reason: str | None = None, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.file, self.line, self.reason = file, line, reason if reason is not None else message
        self.problem = problem
        self.extra = ""

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"`` gives ``str(self)``).

        Raises:
            ValueError: unknown ``lang``.
        """
        if self.problem is None or lang == "en":
            return str(self)
        return self.problem.text(lang) + self.extra_text(lang)

    def extra_text(self, lang: str) -> str:
        """What :func:`nothing_usable` appends, in ``lang``."""
        if not self.extra:
            return ""
        n, label = self.extra.split("\x00", 1)
        more = t("export.reason.more_problems", lang, n=number(int(n), lang)) if int(n) else ""
        return more + t("export.reason.nothing_usable", lang, label=label)


def problem_error(problem: Problem) -> ExportError:
    """The :class:`ExportError` of a :class:`Problem` (English message)."""
    return ExportError(problem.text("en"), file=problem.file, line=problem.lines[0] if problem.lines else None,
                       reason=problem.reason_text("en"), problem=problem)


def err(file: str, line: int | None, reason: str, **params: Any) -> ExportError:
    """An :class:`ExportError` for ``file`` (and ``line``, when not None).

    Args:
        file: the file name (inside the archive) or the archive's name.
        line: the 1-based line, or None.
        reason: the reason's key in the catalogue (``export.reason.<reason>``).
        **params: the reason's placeholders.

    Returns:
        ExportError: its message is ``"<file>: line <line>: <reason text>"`` in English.
    """
    lines = (line,) if line else ()
    return problem_error(Problem(file, lines, 1 if line else 0, reason, tuple(sorted(params.items()))))


def nothing_usable(first: ExportError, others: int, label: str) -> ExportError:
    """The error raised when no file of the export could be used: the first file's problem,
    how many more there were, and the archive's name."""
    e = ExportError("", file=first.file, line=first.line, reason=first.reason, problem=first.problem)
    e.extra = f"{others}\x00{label}"
    e.args = (str(first) + e.extra_text("en"),)
    return e
