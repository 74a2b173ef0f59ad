"""Opening a LinkedIn export: a zip (path or binary file object) or its extracted folder.

Members are read in memory, never extracted to disk. Guards: path tricks (``../``,
absolute names, drive letters) are ignored and counted; members over
:data:`MAX_MEMBER_BYTES`, archives over :data:`MAX_TOTAL_BYTES` and members compressed
more than :data:`MAX_COMPRESSION_RATIO` times are refused (zip bomb). Which member is which
kind of file (``Shares_2.csv`` joins ``Shares.csv``) is :mod:`.kinds`'s job.
"""
from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from .errors import ExportError, err

#: Largest uncompressed member (or file in a folder) read, in bytes. A 30,000-connection,
#: 150,000-message archive's biggest file is ~50 MB; 512 MiB leaves 10x headroom while
#: keeping memory bounded (zip-bomb guard).
MAX_MEMBER_BYTES = 512 * 1024 * 1024
#: Largest total of uncompressed bytes read from one archive (zip-bomb guard).
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: Largest uncompressed/compressed size ratio accepted for a member bigger than
#: :data:`RATIO_CHECK_MIN_BYTES`. Real CSVs compress 3-15x; deflate bombs reach ~1000x.
MAX_COMPRESSION_RATIO = 100
#: Members smaller than this are not ratio-checked (a 2 KB file of commas compresses 50x).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
#: Most members listed in one zip; real Complete archives hold about 100 files.
MAX_MEMBERS = 10_000
#: Members at least this big are streamed from the archive while they are parsed, never
#: held whole in memory (smaller ones are read at once: simpler, and as fast).
STREAM_MIN_BYTES = 8 * 1024 * 1024
#: Largest CSV field accepted, in characters (the csv module's default is 131,072;
#: a long InMail in HTML can exceed it).
MAX_FIELD_CHARS = 16 * 1024 * 1024


# --------------------------------------------------------------------------- archive access
_UNSAFE_DRIVE = re.compile(r"^[A-Za-z]:")
_IGNORED_PARTS = ("__MACOSX",)


def _safe_parts(name: str) -> list[str] | None:
    """Split a member name into path parts, or None when it is a path trick."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/") or _UNSAFE_DRIVE.match(name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return parts


def _junk(parts: list[str]) -> bool:
    return parts[0] in _IGNORED_PARTS or parts[-1].startswith("._") or parts[-1] == ".DS_Store"


class Archive:
    """Read-only view of a zip (path or file object) or a folder; never writes to disk."""

    def __init__(self, source: Any) -> None:
        self.label = "archive"
        self.zip: zipfile.ZipFile | None = None
        self.members: dict[str, Any] = {}          # relative name -> ZipInfo or absolute path
        self.skipped_unsafe = 0
        self.total_read = 0
        self.counted: set[str] = set()            # members whose size is in total_read
        if hasattr(source, "read") and hasattr(source, "seek"):
            self._open_zip(source)
            return
        try:
            path = os.fspath(source)
        except TypeError:
            raise err("archive", None, "path_expected", archive=True) from None
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        self.label = os.path.basename(os.path.normpath(path)) or "archive"
        if os.path.isdir(path):
            self._open_folder(path)
        elif os.path.isfile(path):
            self._open_zip(path)
        else:
            raise err(self.label, None, "not_found", archive=True)

    # -- zip
    def _open_zip(self, src: Any) -> None:
        try:
            self.zip = zipfile.ZipFile(src)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError, zlib.error, IndexError, KeyError, struct.error):
            raise err(self.label, None, "not_zip", archive=True) from None
        if len(infos) > MAX_MEMBERS:
            raise err(self.label, None, "too_many_members", archive=True, limit=MAX_MEMBERS)
        found: list[tuple[list[str], zipfile.ZipInfo]] = []
        for info in infos:
            if info.is_dir():
                continue
            parts = _safe_parts(info.filename)
            if parts is None:
                self.skipped_unsafe += 1
                continue
            if _junk(parts):
                continue
            found.append((parts, info))
        for rel, info in _strip_top_folder(found):
            self.members.setdefault(rel, info)

    # -- folder
    def _open_folder(self, root: str) -> None:
        for rel, full in _strip_top_folder(self._scan(root)):
            self.members.setdefault(rel, full)

    def _scan(self, root: str, depth: int = 0) -> list[tuple[list[str], str]]:
        """Regular files (no symlinks, no hidden or macOS junk) up to 3 folders deep."""
        out: list[tuple[list[str], str]] = []
        for e in _listdir(root, depth == 0):
            if e.name.startswith(".") or e.name in _IGNORED_PARTS:
                continue
            if e.is_file(follow_symlinks=False):
                out.append(([e.name], e.path))
            elif e.is_dir(follow_symlinks=False) and depth < 3:
                out.extend(([e.name] + p, full) for p, full in self._scan(e.path, depth + 1))
        return out

    def _check(self, rel: str) -> None:
        """Refuse absurd sizes and ratios (zip bomb) before a member is read."""
        info: zipfile.ZipInfo = self.members[rel]
        size = info.file_size
        if size > MAX_MEMBER_BYTES:
            raise err(rel, None, "member_too_big", size=MAX_MEMBER_BYTES)
        if size >= RATIO_CHECK_MIN_BYTES and size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise err(rel, None, "ratio", limit=MAX_COMPRESSION_RATIO)
        if rel not in self.counted and self.total_read + size > MAX_TOTAL_BYTES:
            raise err(rel, None, "archive_too_big", size=MAX_TOTAL_BYTES)

    def open_stream(self, rel: str) -> BinaryIO:
        """A member as a binary stream (not held in memory), after the zip-bomb checks; the
        stream never yields more than the declared size.

        Raises:
            ExportError: refused or cannot be opened (naming the member).
        """
        ref = self.members[rel]
        try:
            if self.zip is None:
                if os.path.getsize(ref) > MAX_MEMBER_BYTES:
                    raise err(rel, None, "file_too_big", size=MAX_MEMBER_BYTES)
                stream: BinaryIO = open(ref, "rb")      # the caller closes it
            else:
                self._check(rel)
                stream = self.zip.open(ref)         # type: ignore[assignment]
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError,
                ValueError, zlib.error, KeyError, struct.error) as e:
            if isinstance(e, ExportError):
                raise
            raise err(rel, None, "damaged" if self.zip is not None else "cannot_open") from None
        if rel not in self.counted:
            self.counted.add(rel)
            self.total_read += self.size(rel)
        return stream

    def read(self, rel: str) -> bytes:
        """Return a member's bytes, refusing absurd sizes and ratios (zip bomb)."""
        ref = self.members[rel]
        if self.zip is not None:
            info: zipfile.ZipInfo = ref
            self._check(rel)
            try:
                with self.zip.open(info) as f:
                    data = f.read(MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError,
                    ValueError, zlib.error, KeyError, struct.error):
                raise err(rel, None, "damaged") from None
            if len(data) > MAX_MEMBER_BYTES:
                raise err(rel, None, "larger_than_declared")
        else:
            try:
                if os.path.getsize(ref) > MAX_MEMBER_BYTES:
                    raise err(rel, None, "file_too_big", size=MAX_MEMBER_BYTES)
                with open(ref, "rb") as f:
                    data = f.read(MAX_MEMBER_BYTES + 1)
            except OSError:
                raise err(rel, None, "cannot_open") from None
        if rel not in self.counted:
            self.counted.add(rel)
            self.total_read += len(data)
        return data

    def size(self, rel: str) -> int:
        """A member's uncompressed size in bytes (0 when unknown)."""
        ref = self.members[rel]
        if self.zip is not None:
            return int(ref.file_size)
        try:
            return os.path.getsize(ref)
        except OSError:
            return 0

    def zip_parts(self) -> list[str]:
        """For a folder holding the zips of a two-part download (and no CSV file): their
        paths, by name; else an empty list."""
        if self.zip is not None or any(rel.lower().endswith(".csv") for rel in self.members):
            return []
        return [self.members[rel] for rel in sorted(self.members) if "/" not in rel and rel.lower().endswith(".zip")]

    def close(self) -> None:
        """Close the zip file (nothing to do for a folder)."""
        if self.zip is not None:
            self.zip.close()


class Parts:
    """The parts of one export read as one (LinkedIn sends a first archive quickly and
    the complete one later; a person may give both, or a folder holding both zips).

    A file found in several parts is read once: from the part where it is largest
    (the complete archive), the first such part on a tie. One source gives exactly
    what :class:`Archive` gives.

    Attributes:
        archives: the opened parts, in the order given (a folder of zips: by file name).
        label: the parts' names joined with " + ".
        members: relative name -> (archive, name) of the copy that is read.
        shared: names of the files found in more than one part, sorted.
        skipped_unsafe: members with unsafe paths ignored, over all parts.

    Raises:
        ExportError: a part cannot be opened (the message names it).
    """

    def __init__(self, sources: list[Any]) -> None:
        self.archives: list[Archive] = []
        try:
            for src in sources:
                self._add(Archive(src))
        except BaseException:
            self.close()
            raise
        self.label = " + ".join(a.label for a in self.archives) or "archive"
        self.members: dict[str, tuple[Archive, str]] = {}
        shared: set[str] = set()
        for a in self.archives:
            for rel in a.members:
                seen = self.members.get(rel)
                if seen is not None:
                    shared.add(rel)
                    if a.size(rel) <= seen[0].size(rel):
                        continue
                self.members[rel] = (a, rel)
        self.shared = sorted(shared, key=str.lower)
        self.skipped_unsafe = sum(a.skipped_unsafe for a in self.archives)

    def _add(self, archive: Archive) -> None:
        zips = archive.zip_parts()
        if not zips:
            self.archives.append(archive)
            return
        archive.close()
        for path in zips:
            try:
                self.archives.append(Archive(path))
            except ExportError as e:  # about one zip inside the folder given, not the folder itself
                raise ExportError(e.problem) from None

    def read(self, rel: str) -> bytes:
        """A member's bytes, from the part chosen for it (see :meth:`Archive.read`)."""
        archive, name = self.members[rel]
        return archive.read(name)

    def open_stream(self, rel: str) -> BinaryIO:
        """A member as a binary stream, from the part chosen for it (see :meth:`Archive.open_stream`)."""
        archive, name = self.members[rel]
        return archive.open_stream(name)

    def size(self, rel: str) -> int:
        """A member's uncompressed size in bytes (0 when unknown)."""
        archive, name = self.members[rel]
        return archive.size(name)

    def close(self) -> None:
        """Close every part."""
        for a in self.archives:
            a.close()


def _listdir(path: str, top: bool) -> list[os.DirEntry]:
    """A folder's entries, by name (``top``: the folder given as the export itself)."""
    try:
        with os.scandir(path) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError:
        raise err(os.path.basename(path) or "archive", None, "cannot_list", archive=top) from None


def _strip_top_folder(found: list[tuple[list[str], Any]]) -> Iterator[tuple[str, Any]]:
    """Yield (relative name, ref); drop one top folder shared by every member."""
    if found and all(len(p) > 1 for p, _ in found) and len({p[0] for p, _ in found}) == 1:
        found = [(p[1:], ref) for p, ref in found]
    for parts, ref in found:
        yield "/".join(parts), ref
