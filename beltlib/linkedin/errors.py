"""The one error of the LinkedIn export reader, and how its messages are worded.

Messages name a file and line numbers, never a cell's content (no name, e-mail, URL
or message text of anyone).
"""
from __future__ import annotations


# --------------------------------------------------------------------------- error class
class ExportError(ValueError):
    """The one error of the export reader: something in the archive cannot be read.

    The message names the file (its name inside the archive, or the archive's own
    base name) and, when known, the line (the physical line where the offending
    CSV record ends). It never contains a cell's content: no name, e-mail, URL or
    message text.

    Attributes:
        file: the file name, or None.
        line: the 1-based line number, or None.
        reason: the fixed English reason text.
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None,
                 reason: str | None = None) -> None:
        super().__init__(message)
        self.file, self.line, self.reason = file, line, reason if reason is not None else message


def err(file: str, line: int | None, reason: str) -> ExportError:
    """An :class:`ExportError` whose message is ``"<file>: line <line>: <reason>"`` (no line part when None)."""
    where = f"{file}: line {line}" if line else file
    return ExportError(f"{where}: {reason}", file=file, line=line, reason=reason)


