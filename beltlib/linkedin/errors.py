"""What could not be read in an export (:class:`Problem`), the one error (:class:`ExportError`),
and how both are worded, in English or French (catalogue keys ``export.reason.*``).

Both are kept as a code and its values (file name, line numbers, a count, a size in bytes,
column names the reader expected) and worded only when shown, in the reader's language:
:meth:`Problem.text`, :meth:`ExportError.text`. A value is never a cell's content (no name,
e-mail, URL or message text of anyone).
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..texts import number, t

#: At most this many line numbers are listed in one problem; the count gives the rest.
MAX_LISTED_LINES = 20


def size_text(n: int, lang: str = "en") -> str:
    """A size limit for people: ``"512 MiB"`` (whole mebibytes from 1 MiB on) or ``"1000 bytes"``.

    Args:
        n: the size, in bytes.
        lang: ``"en"`` or ``"fr"`` (``"512 Mio"``, ``"1 000 octets"``).

    Returns:
        str: the size with its unit (catalogue ``export.size.mib`` / ``export.size.bytes``).

    Raises:
        ValueError: unknown ``lang``.
    """
    mib = n >= 2**20
    value = n // 2**20 if mib else n
    return t("export.size.mib" if mib else "export.size.bytes", lang, n=number(value, lang))


def columns_text(columns: tuple[str, ...], lang: str = "en") -> str:
    """Column names the reader expected, quoted: ``'from', 'to'`` or ``« from », « to »``.

    Args:
        columns: normalised column names (from the code, never from a file's rows).
        lang: ``"en"`` or ``"fr"``.

    Returns:
        str: each name quoted (catalogue ``export.column``), joined by ``", "``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return ", ".join(t("export.column", lang, name=c) for c in columns)


def _value_text(key: str, value: Any, lang: str) -> Any:
    """One value of a problem, worded for ``lang`` (sizes with their unit, counts, column names)."""
    if key == "size":
        return size_text(value, lang)
    if key == "columns":
        return columns_text(value, lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return number(value, lang)
    return value


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing that could not be read: a file, the lines concerned, a reason code and its values.

    Attributes:
        file: the file name inside the archive (or the archive's own name).
        lines: the 1-based line numbers concerned (where each record starts), sorted,
            at most :data:`MAX_LISTED_LINES` of them; empty when no line applies.
        count: how many rows in all (>= ``len(lines)``; 0 when the problem is not about rows).
        reason: the code: the catalogue key ``export.reason.<reason>`` (also :attr:`code`).
        params: the values for the reason's placeholders, as sorted ``(name, value)`` pairs:
            numbers, ``size`` (bytes), ``columns`` (a tuple of expected column names).
    """

    file: str
    lines: tuple[int, ...] = ()
    count: int = 0
    reason: str = "undecodable"
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def code(self) -> str:
        """The reason's code, e.g. ``"short_rows"`` (catalogue ``export.reason.<code>``)."""
        return self.reason

    @property
    def values(self) -> dict[str, Any]:
        """Every value the wording uses: ``file``, ``lines``, ``count`` and the reason's params.

        Returns:
            dict[str, Any]: e.g. ``{"file": "messages.csv", "lines": (4,), "count": 1}``;
            file names, line numbers, counts, sizes in bytes, expected column names only.
        """
        return {"file": self.file, "lines": self.lines, "count": self.count, **dict(self.params)}

    def text(self, lang: str = "en", file: str | None = None) -> str:
        """``"<file>: line 4: <reason>"`` (English) or ``"<file>, ligne 4 : <reason>"`` (French).

        Args:
            lang: ``"en"`` or ``"fr"``.
            file: the name to show instead of :attr:`file` (e.g. the archive's full path), or None.

        Returns:
            str: the message; several lines read ``lines 4, 9`` (then ``and N more`` past
            :data:`MAX_LISTED_LINES`).

        Raises:
            ValueError: unknown ``lang``.
        """
        return t("export.where", lang, where=self.where(lang, file), reason=self.reason_text(lang))

    def reason_text(self, lang: str = "en") -> str:
        """The reason alone, in ``lang`` (numbers, sizes and column names worded for the language).

        Raises:
            ValueError: unknown ``lang``.
        """
        values = {k: _value_text(k, v, lang) for k, v in self.params}
        values.setdefault("n", number(self.count, lang))
        return t(f"export.reason.{self.reason}", lang, **values)

    def where(self, lang: str = "en", file: str | None = None) -> str:
        """The file and its lines: ``"messages.csv: lines 4, 9"`` (``file`` replaces the name when given).

        Raises:
            ValueError: unknown ``lang``.
        """
        name = self.file if file is None else file
        if not self.lines:
            return name
        if len(self.lines) == 1 and self.count <= 1:
            return t("export.where.line", lang, file=name, line=self.lines[0])
        listed = ", ".join(str(n) for n in self.lines)
        more = self.count - len(self.lines)
        if more > 0:
            listed = t("export.where.more", lang, lines=listed, more=number(more, lang))
        return t("export.where.lines", lang, file=name, lines=listed)


class ExportError(ValueError):
    """The one error of the export reader: something in the archive cannot be read.

    Kept as a code and its values (:attr:`problem`), worded by :meth:`text` in English or
    French; ``str(error)`` is the English text. It names the file (its name inside the
    archive, or the archive's own name) and, when known, the line (where the offending CSV
    record starts or where the reader stopped). It never contains a cell's content: no
    name, e-mail, URL or message text.

    Callers that show the archive under another name (an upload's file name, a full path)
    pass it to :meth:`text` rather than editing the message.

    Attributes:
        problem: the :class:`Problem` (file, line, code, values).
        code: the reason's code (``problem.code``), e.g. ``"not_zip"``.
        file: the file name, or None.
        line: the 1-based line number, or None.
        archive: the archive's own name when the error is about the archive as a whole (it
            cannot be opened, or nothing in it is usable); None when it is about one file inside.
        others: when nothing in the archive is usable: how many more files could not be read
            besides :attr:`problem`'s; else None.
    """

    def __init__(self, problem: Problem, *, archive: str | None = None, others: int | None = None) -> None:
        self.problem, self.archive, self.others = problem, archive, others
        self.code = problem.code
        self.file: str | None = problem.file
        self.line: int | None = problem.lines[0] if problem.lines else None
        super().__init__(self.text("en"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self.problem, self.archive, self.others))

    @property
    def reason(self) -> str:
        """The English reason text, without the file and line."""
        return self.problem.reason_text("en")

    @property
    def values(self) -> dict[str, Any]:
        """The values of the message (:attr:`Problem.values`, plus ``archive`` and ``others`` when set)."""
        extra = {k: v for k, v in (("archive", self.archive), ("others", self.others)) if v is not None}
        return {**self.problem.values, **extra}

    def text(self, lang: str = "en", archive: str | None = None) -> str:
        """The message in ``lang``.

        Args:
            lang: ``"en"`` or ``"fr"``.
            archive: the name to show for the archive (an upload's name, a full path) wherever
                the message names the archive itself (see :attr:`archive`); a message about one
                file inside is unchanged. None: the archive's own name.

        Returns:
            str: ``"<file>: line <line>: <reason>"``, then, when nothing is usable,
            ``" (and N more problem(s)); nothing usable in <archive>"``.

        Raises:
            ValueError: unknown ``lang``.
        """
        about_archive = self.archive is not None and self.others is None
        out = self.problem.text(lang, archive if about_archive else None)
        if self.others is not None:
            if self.others:
                out += t("export.reason.more_problems", lang, n=number(self.others, lang))
            out += t("export.reason.nothing_usable", lang, label=archive or self.archive)
        return out


def _restore(problem: Problem, archive: str | None, others: int | None) -> ExportError:
    """Rebuild a pickled :class:`ExportError`."""
    return ExportError(problem, archive=archive, others=others)


def err(file: str, line: int | None, reason: str, *, archive: bool = False, **params: Any) -> ExportError:
    """An :class:`ExportError` for ``file`` (and ``line``, when not None).

    Args:
        file: the file name (inside the archive) or the archive's name.
        line: the 1-based line, or None.
        reason: the reason's code (catalogue ``export.reason.<reason>``).
        archive: True when ``file`` is the archive's own name (the error is about the archive).
        **params: the reason's values (numbers, ``size`` in bytes, ``columns`` as a tuple).

    Returns:
        ExportError: its English message is ``"<file>: line <line>: <reason text>"``.
    """
    lines = (line,) if line else ()
    problem = Problem(file, lines, 1 if line else 0, reason, tuple(sorted(params.items())))
    return ExportError(problem, archive=file if archive else None)


def nothing_usable(first: ExportError, others: int, label: str) -> ExportError:
    """The error raised when no file of the export could be used.

    Args:
        first: the first file's error (its problem, file and line are kept).
        others: how many more files could not be read.
        label: the archive's name (the parts' names joined with " + ").

    Returns:
        ExportError: ``"<first problem> (and N more problem(s)); nothing usable in <label>"``.
    """
    return ExportError(first.problem, archive=label, others=others)
