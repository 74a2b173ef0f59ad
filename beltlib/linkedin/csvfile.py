"""Reading one CSV file of an export: decoding, dialect, preamble, header, rows.

Encodings: UTF-8 with or without BOM (streamed), UTF-16 with or without BOM,
Windows-1252 (Excel "CSV" saves) and one round of mojibake from Excel re-saves
(repaired). The delimiter is read from the header line (',', tab or ';'); a
``Notes:`` block and blank lines before the header are skipped. Every file of the
export goes through :class:`Table`.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections.abc import Callable, Iterator

from .errors import err

_MOJIBAKE_MARKERS = ("\u00c3", "\u00e2\u20ac", "\u00c2", "\u00ef\u00bb\u00bf", "\u00c5", "\u00c4")
_BINARY_MAGIC = ((b"PK", "it is a zip archive (starts with 'PK')"),
                 (b"%PDF", "it is a PDF document"),
                 (b"\x89PNG", "it is a PNG image"),
                 (b"\xff\xd8\xff", "it is a JPEG image"),
                 (b"\x1f\x8b", "it is gzip-compressed"),
                 (b"GIF8", "it is a GIF image"))


def fix_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as Windows-1252 (Excel re-save), e.g. ``RenÃ©e`` -> ``Renée``.

    Returns the text unchanged when it does not look double-encoded or cannot be repaired
    exactly (the repair must re-encode and decode strictly).
    """
    if not any(m in text for m in _MOJIBAKE_MARKERS):
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return text


class Redecode(Exception):
    """Internal: a file read as UTF-8 is not; read it again as Windows-1252."""

    def __init__(self, source: Source) -> None:
        super().__init__(source.name)
        self.source = source


class Source:
    """One CSV member's bytes and how to decode them.

    Encodings: UTF-8 with or without BOM (streamed, no full copy), UTF-16 with or
    without BOM, Windows-1252 (Excel "CSV" saves; used when UTF-8 fails, see
    :class:`Redecode`), and one round of mojibake from Excel re-saves (repaired).

    Raises:
        ExportError: the file is really another format (zip, PDF, image...) or binary.
    """

    def __init__(self, name: str, data: bytes) -> None:
        self.name, self.data = name, data
        self.text: str | None = None       # full text (slow path), else streamed from data
        self.encoding = "utf-8"        # a BOM, if any, is left to norm_header to drop
        for magic, what in _BINARY_MAGIC:
            if data.startswith(magic):
                raise err(name, 1, f"not a CSV file: {what}")
        head = data[:4096]
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
                len(head) >= 4 and head.count(b"\x00") * 3 >= len(head)):
            if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                enc = "utf-16"
            else:
                enc = "utf-16-le" if head[1::2].count(0) >= head[0::2].count(0) else "utf-16-be"
            try:
                self._set_text(data.decode(enc))
            except UnicodeDecodeError as e:
                line = data[:e.start].decode(enc, errors="replace").count("\n") + 1
                raise err(name, line, "invalid UTF-16 text") from None
            return
        nul = data.find(b"\x00")
        if nul >= 0:
            raise err(name, data.count(b"\n", 0, nul) + 1, "binary content (NUL byte): not a CSV file")
        self.head = data[:65536].decode("utf-8-sig", errors="ignore")
        if any(m in self.head for m in _MOJIBAKE_MARKERS):
            try:
                self._set_text(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                self.to_cp1252()

    def _set_text(self, text: str) -> None:
        text = fix_mojibake(text) if any(m in text[:65536] for m in _MOJIBAKE_MARKERS) else text
        if text.startswith("\ufeff"):
            text = text[1:]
        nul = text.find("\x00")
        if nul >= 0:
            raise err(self.name, text.count("\n", 0, nul) + 1, "binary content (NUL character): not a CSV file")
        self.text = text
        self.head = text[:65536]

    def to_cp1252(self) -> None:
        """Switch to Windows-1252 (what Excel writes as "CSV"); undefined bytes become U+FFFD."""
        self._set_text(self.data.decode("cp1252", errors="replace"))

    def open(self) -> io.TextIOBase:
        if self.text is not None:
            return io.StringIO(self.text, newline="")
        return io.TextIOWrapper(io.BytesIO(self.data), encoding=self.encoding, errors="strict", newline="")


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
    """A CSV file: header located by its column names, then a row iterator."""

    def __init__(self, src: Source, required: tuple[str, ...]) -> None:
        name = self.name = src.name
        self.src = src
        self.reader = csv.reader(src.open(), delimiter=sniff_delimiter(src.head, required), strict=True)
        self.columns: dict[str, int] = {}
        self.width = 0
        self.empty = False
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
            raise err(name, self.reader.line_num, "malformed CSV (quoting) before the header") from None
        except UnicodeDecodeError:
            raise Redecode(self.src) from None
        if seen_rows == 0 or placeholder(src.head):
            self.empty = True      # empty file, or LinkedIn's "No conversations found"
            return
        need = ", ".join(repr(r) for r in required)
        raise err(name, 1, f"no header row with the expected column(s) {need}")

    def col(self, *names: str) -> int | None:
        for n in names:
            if n in self.columns:
                return self.columns[n]
        return None

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn csv and decoding errors met while reading rows into :class:`ExportError`
        (naming the line) or :class:`Redecode`."""
        try:
            yield
        except csv.Error:
            raise err(self.name, self.reader.line_num, "malformed CSV (unbalanced quotes or oversized field)") from None
        except UnicodeDecodeError:
            raise Redecode(self.src) from None

    def rows(self) -> Iterator[list[str]]:
        """Yield the data rows (blank rows skipped, short rows padded).

        Raises:
            ExportError: malformed CSV, naming the line.
        """
        if self.empty:
            return
        width = self.width
        pad = [""] * width
        with self.guard():
            for row in self.reader:
                n = len(row)
                if n < width:
                    if n == 0:
                        continue
                    row = row + pad[n:]
                yield row

    def line_getter(self) -> Callable[[], int]:
        """A function returning the current line (for date columns to name bad lines)."""
        return lambda: self.reader.line_num

    @property
    def line(self) -> int:
        return self.reader.line_num


def placeholder(head: str) -> bool:
    """True for LinkedIn's one-line placeholder files such as "No conversations found"."""
    if len(head) > 400:
        return False
    lines = [ln.strip() for ln in head.strip().splitlines() if ln.strip()]
    return len(lines) == 1 and lines[0].lower().startswith("no ") and "," not in lines[0]


#: Cell values read as "true" in flag columns (drafts, sponsored).
TRUE = ("yes", "true", "1", "y")
#: Normalised column names that locate the header row of each logical file.
REQUIRED: dict[str, tuple[str, ...]] = {
    "profile": ("firstname", "lastname"),
    "invitations": ("from", "to"),
    "connections": ("connectedon",),
    "messages": ("from", "date"),
    "shares": ("date",),
    "comments": ("date",),
    "reactions": ("date",),
    "receipts": (),
    "rich_media": (),
}


def retrying(fn: Callable[[list[Source]], None], sources: list[Source]) -> None:
    """Run ``fn``; each time a streamed source turns out not to be UTF-8, switch that
    source to Windows-1252 and run ``fn`` again (``fn`` merges its results only at its end)."""
    for _ in range(len(sources) + 1):
        try:
            return fn(sources)
        except Redecode as e:
            e.source.to_cp1252()
    raise err(sources[0].name, None, "undecodable text")   # pragma: no cover - cp1252 cannot fail


