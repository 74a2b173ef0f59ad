"""The one registry of the LinkedIn export's file kinds (:data:`KINDS`): one row per kind.

Each row says which member names are that kind (file name stems, case-insensitive; numbered
parts such as ``Shares_2.csv`` join ``Shares.csv``), which normalised column names locate its
header row, which :class:`~beltlib.linkedin.readers.Reader` method reads it, the summary values
it informs (given up, never partial, when the file cannot be read), whether it feeds a
per-month count of the timeline, and which summary line says "could not be read" for it.

The rows are in reading order: Profile.csv first (the owner's name), then Invitations.csv
(the owner's profile URL), ... and the messages last (they need both to tell who "you" is).

Read by :func:`group_members` (which member is which kind), :func:`beltlib.linkedin.read_export`
(reading order, readers, what a failed file gives up) and :mod:`.summary` (which line a
problem concerns). Adding a kind is adding a row here (and its reader method).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

from .csvfile import Source
from .readers import Reader


@dataclasses.dataclass(frozen=True)
class Kind:
    """One kind of file in a LinkedIn export.

    Attributes:
        name: the kind's id, e.g. ``"connections"`` (also its per-month and dated series' key).
        stems: the file name stems it is found under, lower-case (``"connections"`` matches
            ``Connections.csv``, ``connections.CSV`` and ``Connections_2.csv``), root level only.
        header: normalised column names (:func:`~beltlib.linkedin.csvfile.norm_header`) that
            locate the header row; empty: the first row is the header.
        read: the reader, ``read(reader, kind, sources)``, a
            :class:`~beltlib.linkedin.readers.Reader` method; it merges its counts only at its end.
        values: the :class:`~beltlib.linkedin.summary.ExportSummary` values it gives (keys of
            ``Reader.values``); dropped (unknown, ``None``) when the file cannot be read.
        monthly: True when it feeds a per-month count of the timeline (``Reader.month[name]``).
        label: the summary line that tells it (catalogue ``export.label.<label>``): that line
            reads "could not be read" when a problem names one of its files; None: no line of its own.
    """

    name: str
    stems: tuple[str, ...]
    header: tuple[str, ...]
    read: Callable[[Reader, Kind, list[Source]], None]
    values: tuple[str, ...] = ()
    monthly: bool = False
    label: str | None = None

    def files(self) -> str:
        """The file names it is read from, for people: ``"messages.csv, inbox.csv"`` (stems + ``.csv``)."""
        return ", ".join(f"{stem}.csv" for stem in self.stems)


#: Every kind, in reading order (see the module docstring).
KINDS: tuple[Kind, ...] = (
    Kind("profile", ("profile",), ("firstname", "lastname"), Reader.profile),
    Kind("invitations", ("invitations",), ("from", "to"), Reader.invitations,
         values=("invitations_sent", "invitations_received"), monthly=True, label="invitations"),
    Kind("connections", ("connections",), ("connectedon",), Reader.connections,
         values=("connections",), label="connections"),
    Kind("shares", ("shares",), ("date",), Reader.activity, values=("shares",), monthly=True),
    Kind("comments", ("comments",), ("date",), Reader.activity, values=("comments",), monthly=True),
    Kind("reactions", ("reactions",), ("date",), Reader.activity, values=("reactions",)),
    Kind("receipts", ("receipts", "receipts_v2"), (), Reader.receipts, values=("paid_subscription",)),
    Kind("rich_media", ("rich_media",), (), Reader.rich_media, values=("profile_photo_seen",)),
    Kind("messages", ("messages", "inbox"), ("from", "date"), Reader.messages,
         values=("messages_sent", "messages_received", "conversations", "conversations_started",
                 "replies_same_day_share"), monthly=True, label="messages"),
)

#: A kind by its name.
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
_BY_STEM: dict[str, Kind] = {stem: k for k in KINDS for stem in k.stems}
_NUMBERED = re.compile(r"^(?P<stem>.+?)(?:_(?P<n>\d+))?\.csv$", re.IGNORECASE)


def kind_of(name: str) -> tuple[Kind, int] | None:
    """The kind of a member name, and its part number.

    Args:
        name: a member's name relative to the archive's root (``"Shares_2.csv"``).

    Returns:
        tuple[Kind, int] | None: the kind and the part number (0 when unnumbered:
        ``Shares.csv`` is 0, ``Shares_2.csv`` is 2); None when no kind matches (other files,
        files in sub-folders, the archive's own name).
    """
    m = _NUMBERED.match(name)
    if not m:
        return None
    kind = _BY_STEM.get(m.group("stem").lower())
    return None if kind is None else (kind, int(m.group("n") or 0))


def group_members(names: Iterable[str]) -> dict[str, list[str]]:
    """Map each kind's name to its member names (root level only), parts in order.

    Args:
        names: member names relative to the archive's root.

    Returns:
        dict[str, list[str]]: kind name -> member names sorted by part number (then name);
        kinds with no member are left out.
    """
    groups: dict[str, list[tuple[int, str]]] = {}
    for rel in names:
        found = kind_of(rel)
        if found is not None:
            groups.setdefault(found[0].name, []).append((found[1], rel))
    return {k: [rel for _, rel in sorted(v)] for k, v in groups.items()}
