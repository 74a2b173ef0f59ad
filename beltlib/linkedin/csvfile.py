"""Reading one CSV file of an export: decoding, dialect, preamble, header, rows.

Encodings: UTF-8 with or without BOM (streamed), UTF-16 with or without BOM,
Windows-1252 (Excel "CSV" saves) and one round of mojibake from Excel re-saves
(repaired). The delimiter is read from the header line (',', tab or ';'); a
``Notes:`` block and blank lines before the header are skipped. Every file of the
export goes through :class:`Table`.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from .errors import MAX_LISTED_LINES, ExportError, Problem, err

_MOJIBAKE_MARKERS = ("\u00c3", "\u00e2\u20ac", "\u00c2", "\u00ef\u00bb\u00bf", "\u00c5", "\u00c4")
# the markers as one search: one call for a name, and it stops at the first marker of a whole file
_MOJIBAKE = re.compile("|".join(map(re.escape, _MOJIBAKE_MARKERS)))
_BINARY_MAGIC = ((b"PK", "zip"), (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"),
                 (b"\x1f\x8b", "gzip"), (b"GIF8", "gif"))


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as Windows-1252 (Excel re-save), e.g. ``RenÃ©e`` -> ``Renée``.

    Returns the text unchanged when it does not look double-encoded or cannot be repaired
    exactly (the repair must re-encode and decode strictly).
    """
    if not _MOJIBAKE.search(text):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


class Retry(Exception):
    """Internal: read a file again, another way (see :func:`retrying`).

    ``how`` is ``"cp1252"`` (a file read as UTF-8 is not: read it as Windows-1252) or
    ``"plain"`` (backslash escapes made the file unreadable: read backslashes as plain characters).
    """

    def __init__(self, source: Source, how: str) -> None:
        super().__init__(source.name)
        self.source, self.how = source, how


class Source:
    """One CSV member's bytes and how to decode them.

    Encodings: UTF-8 with or without BOM (streamed, no full copy), UTF-16 with or
    without BOM, Windows-1252 (Excel "CSV" saves; used when UTF-8 fails, see
    :class:`Retry`), and one round of mojibake from Excel re-saves (repaired).

    Quotes: free text may escape a quote by doubling it (RFC 4180) or with a backslash
    (written by some exporters); while :attr:`escape` is True both forms are read. A file
    that cannot be read so (e.g. a quoted field ending in a backslash) is read again with
    ``escape`` False (doubled quotes only).

    Big files are streamed: given ``opener`` (a function returning the member as a binary
    stream), ``data`` holds only the file's first bytes and the rest is read while it is
    parsed, checked chunk by chunk (NUL bytes, damaged compression); ``read_all`` gives
    the whole bytes for the slow paths (UTF-16, Windows-1252, mojibake).

    Raises:
        ExportError: the file is really another format (zip, PDF, image...) or binary.
    """

    def __init__(self, name: str, data: bytes, opener: Callable[[], BinaryIO] | None = None,
                 read_all: Callable[[], bytes] | None = None) -> None:
        self.name, self.data = name, data
        self.opener, self.read_all = opener, read_all
        self.text: str | None = None       # full text (slow path), else streamed from data
        self.encoding = "utf-8"        # a BOM, if any, is left to norm_header to drop
        self.escape = True
        for magic, what in _BINARY_MAGIC:
            if data.startswith(magic):
                raise err(name, 1, "not_csv_" + what)
        head = data[:4096]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
                len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)):
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                enc = "utf-16"
            else:
                enc = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
            data = self._whole()
            try:
                self._set_text(data.decode(enc))
            except UnicodeDecodeError as e:
                line = data[:e.start].decode(enc, errors="replace").count("\n") + 1
                raise err(name, line, "bad_utf16") from None
            return
        nul = data.find(b"\x00")
        if nul >= 0:
            raise err(name, data.count(b"\n", 0, nul) + 1, "nul_byte")
        self.head = data[:65536].decode("utf-8-sig", errors="ignore")
        if any(m in self.head for m in _MOJIBAKE_MARKERS) and not self._beyond_repair(data):
            data = self._whole()
            try:
                self._set_text(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.to_cp1252()

    def _beyond_repair(self, data: bytes) -> bool:
        """For a file read whole whose head shows mojibake markers: True when no repair can
        apply (its first characters include one Windows-1252 cannot encode, so
        :func:`fix_mojibake` would leave the whole text as it is); it is then read as plain
        UTF-8 like any other file, rather than decoded whole first (a real "Å" in
        Connections.csv cost ~7 ms on the bench archive). The head is set as decoding whole
        would set it. False (decode whole, as before) for a streamed file, a BOM, or bytes
        that are not UTF-8 in the head.
        """
        if self.opener is not None or data.startswith(codecs.BOM_UTF8):
            return False
        try:
            # 65,536 characters take at most 4 bytes each; a character cut at the end waits
            head = codecs.getincrementaldecoder("utf-8")().decode(data[:4 * 65536])[:65536]
            head.encode("cp1252")
        except UnicodeEncodeError:
            self.head = head
            return True
        except UnicodeDecodeError:
            return False
        return False

    @classmethod
    def streamed(cls, name: str, opener: Callable[[], BinaryIO], read_all: Callable[[], bytes]) -> Source:
        """A big file, streamed: its first bytes are read now (checked like the rest).

        Args:
            name: the file's name in the archive.
            opener: returns the file as a new binary stream.
            read_all: returns the whole bytes (for the slow paths).
        """
        with io.BufferedReader(_Checked(opener, name), buffer_size=_HEAD_BYTES) as f:   # not a whole chunk
            head = f.read(_HEAD_BYTES)
        return cls(name, head, opener=opener, read_all=read_all)

    def _set_text(self, text: str) -> None:
        text = fix_mojibake(text) if any(m in text[:65536] for m in _MOJIBAKE_MARKERS) else text
        if text.startswith("\ufeff"):
            text = text[1:]
        nul = text.find("\x00")
        if nul >= 0:
            raise err(self.name, text.count("\n", 0, nul) + 1, "nul_char")
        self.text = text
        self.head = text[:65536]

    def to_cp1252(self) -> None:
        """Switch to Windows-1252 (what Excel writes as "CSV"); undefined bytes become U+FFFD."""
        self._set_text(self._whole().decode("cp1252", errors="replace"))

    def _whole(self) -> bytes:
        """All the file's bytes (a streamed file is read whole: slow paths only)."""
        if self.read_all is not None:
            self.data, self.opener, self.read_all = self.read_all(), None, None
        return self.data

    def open(self) -> io.TextIOBase:
        """The text, as a stream for :mod:`csv` (newline="")."""
        if self.text is not None:
            return io.StringIO(self.text, newline="")
        if self.opener is not None:
            raw = io.BufferedReader(_Checked(self.opener, self.name), buffer_size=_STREAM_CHUNK)
            # The text layer reads and decodes 8 KiB at a time (its default; the buffered layer
            # hands such reads straight to _Checked). Decoding 1 MiB at a time instead made the
            # csv pass up to ~25% slower on bench/bench_export.py's messages.csv: the decoded
            # text no longer stays in the CPU cache.
            return io.TextIOWrapper(raw, encoding=self.encoding, errors="strict", newline="")
        return io.TextIOWrapper(io.BytesIO(self.data), encoding=self.encoding, errors="strict", newline="")


#: Buffer of a streamed file (bounded memory), and the step of reading it again for a NUL byte's line.
_STREAM_CHUNK = 1 << 20
#: The first bytes of a streamed file, read first (encoding, delimiter, header).
_HEAD_BYTES = 65536


class _Checked(io.RawIOBase):
    """A streamed member, checked as it is read: a NUL byte is binary content (naming its
    line), a decompression error is a damaged member.

    ``opener`` returns the member as a new binary stream. Lines are not counted as the
    stream goes by (counting them cost ~5% of reading a big file): the line of a NUL byte
    is found by reading the bytes before it again, which only happens for a refused file.
    """

    def __init__(self, opener: Callable[[], BinaryIO], name: str) -> None:
        super().__init__()
        self.opener, self.name, self.pos = opener, name, 0
        self.raw = opener()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self.raw.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, struct.error):
            raise err(self.name, None, "damaged") from None
        nul = data.find(b"\x00")
        if nul >= 0:
            raise err(self.name, self._line_at(self.pos + nul), "nul_byte")
        n = len(data)
        buffer[:n] = data
        self.pos += n
        return n

    def _line_at(self, offset: int) -> int | None:
        """The line (1-based) of byte ``offset``: the newlines before it, read again (None
        if they cannot be read again)."""
        lines = 0
        try:
            with self.opener() as f:
                while offset > 0:
                    chunk = f.read(min(offset, _STREAM_CHUNK))
                    if not chunk:
                        break
                    lines += chunk.count(b"\n")
                    offset -= len(chunk)
        except (ExportError, zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, struct.error):
            return None
        return lines + 1

    def close(self) -> None:
        self.raw.close()
        super().close()


def norm_header(header: str) -> str:
    """Normalise a column name: ``"SENDER PROFILE URL"`` -> ``"senderprofileurl"``."""
    return re.sub(r"[^0-9a-z]", "", fix_mojibake(header).replace("\ufeff", "").lower())


def sniff_delimiter(text: str, anchors: tuple[str, ...]) -> str:
    """Pick the delimiter of the header line (',', tab or ';' for Excel in French locales)."""
    lines = text[:65536].splitlines()[:60]
    pick = None
    for line in lines:
        low = re.sub(r"[^0-9a-z\t,;]", "", line.lower())
        if anchors and all(a in low for a in anchors):
            pick = line
            break
    if pick is None:
        pick = next((ln for ln in lines if ln.strip() and not ln.lower().startswith("notes")), "")
    counts = {d: pick.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class Table:
    """A CSV file: header located by its column names, then a row iterator.

    Every file of the export is read through this class, with the same rules: a row
    with fewer fields than the header (cut short), or with non-empty cells past the
    header's last column, is malformed: it is not yielded, and its line is kept for
    :meth:`problems`. Blank rows (nothing but delimiters and spaces) are skipped.
    """

    def __init__(self, src: Source, required: tuple[str, ...]) -> None:
        self.name = src.name
        self.src = src
        self.reader = csv.reader(src.open(), delimiter=sniff_delimiter(src.head, required), strict=True,
                                 doublequote=True, escapechar="\\" if src.escape else None)
        self.columns: dict[str, int] = {}
        self.width = 0
        self.empty = False
        self.row_line = 0          # line where the current row starts (1-based)
        self._bad: dict[str, list[int]] = {}
        self._bad_count: dict[str, int] = {}
        self._find_header(required)

    def _find_header(self, required: tuple[str, ...]) -> None:
        seen_rows = 0
        notes = False
        try:
            for row in self.reader:
                cells = [c.strip() for c in row]
                if not any(cells):
                    notes = False
                    continue
                seen_rows += 1
                norm = [norm_header(c) for c in cells]
                if seen_rows == 1 and norm[0].startswith("notes") and len([c for c in cells if c]) == 1:
                    notes = True
                    continue
                if notes:
                    continue
                if required and not all(r in norm for r in required):
                    if seen_rows >= 50:
                        break
                    continue
                for i, n in enumerate(norm):
                    self.columns.setdefault(n, i)
                self.width = len(row)
                return
        except csv.Error:
            self._csv_error("bad_quoting_header")
        except UnicodeDecodeError:
            raise Retry(self.src, "cp1252") from None
        if seen_rows == 0 or placeholder(self.src.head):
            self.empty = True      # empty file, or LinkedIn's "No conversations found"
            return
        raise err(self.name, 1, "no_header", columns=tuple(required))

    def _csv_error(self, reason: str) -> None:
        if self.src.escape:        # maybe a field ends with a backslash: read "\" as a plain character
            raise Retry(self.src, "plain") from None
        raise err(self.name, self.reader.line_num, reason) from None

    def col(self, *names: str) -> int | None:
        """The index of the first of ``names`` (normalised column names) found, or None."""
        for n in names:
            if n in self.columns:
                return self.columns[n]
        return None

    def rows(self) -> Iterator[list[str]]:
        """Yield the well-formed data rows; :attr:`row_line` is the line where each starts.

        Raises:
            ExportError: malformed quoting, naming the line.
        """
        if self.empty:
            return
        width, reader = self.width, self.reader
        last = reader.line_num
        try:
            for row in reader:
                start, last = last + 1, reader.line_num
                if len(row) != width and not self._fits(row, width, start):
                    continue
                self.row_line = start
                yield row
        except csv.Error:
            self._csv_error("bad_quoting")
        except UnicodeDecodeError:
            raise Retry(self.src, "cp1252") from None

    def _fits(self, row: list[str], width: int, line: int) -> bool:
        """A row of another width: True when it is still well-formed (only empty cells
        past the header); blank rows and malformed rows give False (malformed ones noted)."""
        if len(row) > width and not any(c.strip() for c in row[width:]):
            return True
        if not any(c.strip() for c in row):
            return False
        kind = "short_row" if len(row) < width else "long_row"
        lines = self._bad.setdefault(kind, [])
        if len(lines) < MAX_LISTED_LINES:
            lines.append(line)
        self._bad_count[kind] = self._bad_count.get(kind, 0) + 1
        return False

    def problems(self) -> list[Problem]:
        """The malformed rows met so far: one :class:`Problem` per kind, naming their lines."""
        return [Problem(self.name, tuple(lines), self._bad_count[kind],
                        kind if self._bad_count[kind] == 1 else kind + "s")
                for kind, lines in self._bad.items()]

    def line_getter(self) -> Callable[[], int]:
        """A function returning the line where the current row starts (for date columns)."""
        return lambda: self.row_line

    @property
    def line(self) -> int:
        """The line where the current row starts."""
        return self.row_line


def placeholder(head: str) -> bool:
    """True for LinkedIn's one-line placeholder files such as "No conversations found"."""
    if len(head) > 400:
        return False
    lines = [ln.strip() for ln in head.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and lines[0].lower().startswith("no ") and "," not in lines[0]


#: Cell values read as "true" in flag columns (drafts, sponsored).
TRUE = ("yes", "true", "1", "y")


def retrying(fn: Callable[[list[Source]], None], sources: list[Source]) -> None:
    """Run ``fn``; each time a source asks to be read another way (:class:`Retry`: not
    UTF-8, or not readable with backslash escapes), switch it and run ``fn`` again
    (``fn`` merges its results only at its end)."""
    for _ in range(2 * len(sources) + 1):
        try:
            return fn(sources)
        except Retry as e:
            if e.how == "cp1252":
                e.source.to_cp1252()
            else:
                e.source.escape = False
    raise err(sources[0].name, None, "undecodable")   # pragma: no cover - each source switches at most twice
