"""What changed since last time: one assessment compared with an earlier one (``assess NEW --since OLD``).

:func:`compare` takes two assessments (and the dates of their answers) and returns a :class:`Since`:
the earlier belt and markers still needed, the markers gained and lost (ids, table order), the
earlier situation. :mod:`beltlib.document` draws it as the section ``since``; ``assess --json``
adds :meth:`Since.to_dict` under the key ``since``.

Dates (named assumption ``SINCE_DATE``): the answers file (schema 1) holds no date, and its keys
are a public contract, so a file's date is its modification time (:func:`file_time`); the section
says so. Reading from standard input, the date is today's. :func:`compare_file` is ``--since OLD``
(``assess`` and ``publish``): the earlier file read, dated and compared, every refusal naming ``--since``.

Same person? (named assumption ``SAME_PERSON``): the answers hold no name, so nothing can prove
two files are one person's. A different situation (persona) is a change of situation, not
necessarily another person, and is compared (the section says the target belt changed). The one
thing the answers can tell is that two files share nothing: when not one of the answers other
than the situation is the same (:data:`COMPARED_FIELDS`), they are taken for two people's and
refused (:class:`SinceError`). It is a plausibility check, not an identification.

Standard library only.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import os
from typing import Any

from . import rules
from .answers import FIELDS, Answers, AnswersError, load_answers
from .assessment import Assessment, assess
from .locale import conventions
from .texts import t

#: The answers compared to decide whether two files can be one person's (all but the format and the situation).
COMPARED_FIELDS = tuple(f for f in FIELDS if f not in ("schema", "persona"))


class SinceError(ValueError):
    """Two answers that cannot be compared (older file newer than the new one, two people's answers).

    ``key`` and ``values`` word it in any language (:meth:`text`); ``str(error)`` is the English text.
    """

    def __init__(self, key: str, **values: Any) -> None:
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (catalogue key :attr:`key`)."""
        return t(self.key, lang, **self.values)


@dataclasses.dataclass(frozen=True)
class Since:
    """The change from an earlier assessment to the current one.

    Attributes:
        belt: the earlier belt (``none`` | ``white`` | ``green`` | ``black``).
        markers_needed: the steps (answer changes) the earlier answers still needed for their target belt.
        markers_gained: ids of the markers met now and not then (table order).
        markers_lost: ids of the markers met then and not now (table order).
        new_belt: the current belt.
        new_markers_needed: the steps (answer changes) still needed now.
        target_belt: the current target belt; ``old_target_belt`` the earlier one.
        persona, old_persona: the current and the earlier situation.
        date: the earlier answers' date (None when unknown); ``new_date`` the current one's.
    """

    belt: str
    markers_needed: int
    markers_gained: tuple[str, ...]
    markers_lost: tuple[str, ...]
    new_belt: str
    new_markers_needed: int
    target_belt: str
    old_target_belt: str
    persona: str
    old_persona: str
    date: _dt.date | None = None
    new_date: _dt.date | None = None
    #: True when :attr:`date` is a file's modification time (assumption ``SINCE_DATE``, said in the
    #: section); False when it was recorded with the answers (the app's kept days).
    date_from_file: bool = True

    @property
    def persona_changed(self) -> bool:
        """True when the situation (persona) differs between the two answers."""
        return self.persona != self.old_persona

    def to_dict(self) -> dict[str, Any]:
        """The ``since`` object of ``assess --json``.

        Returns:
            dict[str, Any]: exactly ``belt`` (the earlier belt), ``markers_needed`` (the earlier count),
            ``markers_gained`` and ``markers_lost`` (marker ids, table order).

        Raises:
            Nothing.
        """
        return {"belt": self.belt, "markers_needed": self.markers_needed,
                "markers_gained": list(self.markers_gained), "markers_lost": list(self.markers_lost)}


def file_time(path: str | os.PathLike[str]) -> _dt.datetime:
    """When an answers file was last modified, local time (assumption ``SINCE_DATE``: its date).

    Args:
        path: the answers file.

    Returns:
        datetime.datetime: its modification time (local, naive).

    Raises:
        OSError: the file cannot be read (missing, no permission).
    """
    return _dt.datetime.fromtimestamp(os.stat(path).st_mtime)


def time_stamps(old: _dt.datetime, new: _dt.datetime) -> tuple[str, str]:
    """Two times written so that they differ when the times do (the refusal ``since.error.newer`` names both).

    Args:
        old (datetime.datetime): the earlier answers' time.
        new (datetime.datetime): the current answers' time.

    Returns:
        tuple[str, str]: ``"YYYY-MM-DD HH:MM:SS"`` each; with the microseconds (``.ffffff``) when the two
        fall in the same second.

    Raises:
        Nothing.
    """
    fmt = "%Y-%m-%d %H:%M:%S"
    if old.strftime(fmt) == new.strftime(fmt):
        fmt += ".%f"
    return old.strftime(fmt), new.strftime(fmt)


def same_answers(old: Assessment, new: Assessment) -> tuple[str, ...]:
    """The answers of :data:`COMPARED_FIELDS` the two assessments share.

    Args:
        old (Assessment): the earlier assessment.
        new (Assessment): the current one.

    Returns:
        tuple[str, ...]: field names whose values are equal, in :data:`~beltlib.answers.FIELDS` order.
    """
    return tuple(f for f in COMPARED_FIELDS if old.answers[f] == new.answers[f])


def compare(old: Assessment, new: Assessment, old_time: _dt.datetime | None = None,
            new_time: _dt.datetime | None = None, date_from_file: bool = True) -> Since:
    """Compare the current assessment with an earlier one.

    Args:
        old (Assessment): the earlier assessment.
        new (Assessment): the current one.
        old_time (datetime.datetime | None): when the earlier answers were saved (None: unknown, not shown).
        new_time (datetime.datetime | None): when the current ones were (None: unknown).
        date_from_file (bool): True when ``old_time`` is a file's modification time (assumption
            ``SINCE_DATE``); False when it was recorded with the answers (the app's kept days).

    Returns:
        Since: belts, markers needed, markers gained and lost.

    Raises:
        SinceError: ``old_time`` is after ``new_time``; or the two answers share no answer but the
            situation (assumption ``SAME_PERSON``: taken for two people's answers).

    Source: :func:`beltlib.assess` (markers of :data:`beltlib.rules.MARKERS`).
    """
    if old_time is not None and new_time is not None and old_time > new_time:
        stamp_old, stamp_new = time_stamps(old_time, new_time)
        raise SinceError("since.error.newer", old=stamp_old, new=stamp_new)
    if not same_answers(old, new):
        raise SinceError("since.error.two_people")
    was = {m.id for m in old.markers if m.met}
    now = {m.id for m in new.markers if m.met}
    order = [m["id"] for m in rules.MARKERS]
    return Since(belt=old.belt, markers_needed=old.markers_needed,
                 markers_gained=tuple(i for i in order if i in now - was),
                 markers_lost=tuple(i for i in order if i in was - now),
                 new_belt=new.belt, new_markers_needed=new.markers_needed,
                 target_belt=new.target_belt, old_target_belt=old.target_belt,
                 persona=new.answers.persona, old_persona=old.answers.persona,
                 date=old_time.date() if old_time else None, new_date=new_time.date() if new_time else None,
                 date_from_file=date_from_file)


@dataclasses.dataclass(frozen=True)
class SinceFile:
    """A comparison with an earlier answers file (:func:`compare_file`).

    Attributes:
        since: the comparison (:func:`compare`).
        answers: the earlier answers, validated.
        time: the earlier file's modification time (local, naive; assumption ``SINCE_DATE``).
    """

    since: Since
    answers: Answers
    time: _dt.datetime


def compare_file(old_path: str | os.PathLike[str], new: Assessment,
                 new_path: str | os.PathLike[str] | None = None) -> SinceFile:
    """Compare an assessment with an earlier answers file: what ``--since OLD`` does (``assess``, ``publish``).

    Dates (assumption ``SINCE_DATE``): each file's modification time (:func:`file_time`); the current
    answers read from standard input (``new_path`` ``"-"``) or not read from a file (``new_path`` None:
    ``publish`` without ``--answers`` shows the example answers) are dated now.

    Args:
        old_path: the earlier answers file (``"-"`` refused: standard input has no date).
        new: the current assessment.
        new_path: the current answers' file, ``"-"`` or None (dated now).

    Returns:
        SinceFile: the comparison, the earlier answers and their file's time.

    Raises:
        SinceError: ``since.error.stdin`` (``old_path`` is ``"-"``), ``since.error.file`` (the earlier file
            is unreadable or invalid: its problem after ``--since:``), ``since.error.newer`` or
            ``since.error.two_people`` (:func:`compare`). Every message names ``--since``.
    """
    if str(old_path) == "-":
        raise SinceError("since.error.stdin")
    try:
        old, old_time = load_answers(old_path), file_time(old_path)
    except (AnswersError, OSError) as exc:
        raise SinceError("since.error.file", error=str(exc)) from None
    new_time = _dt.datetime.now() if new_path is None or str(new_path) == "-" else file_time(new_path)
    return SinceFile(compare(assess(old), new, old_time, new_time), old, old_time)


def assumptions(lang: str = "en", since: Since | None = None) -> list[dict[str, Any]]:
    """The named assumptions a comparison rests on, for the report's method (``SINCE_DATE``, ``SAME_PERSON``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        since (Since | None): the comparison; ``SINCE_DATE`` is left out when its date was recorded
            with the answers (the app's kept days), not read from a file.

    Returns:
        list[dict[str, Any]]: ``{"name", "value", "why"}`` dicts (:func:`beltlib.sentences.assumption_rows`'s extra).

    Raises:
        ValueError: unknown ``lang``.
    """
    dated = [{"name": "SINCE_DATE", "value": t("since.assumption_value.date", lang),
              "why": t("assumption.SINCE_DATE", lang)}] if since is None or since.date_from_file else []
    return dated + [{"name": "SAME_PERSON", "value": len(COMPARED_FIELDS), "why": t("assumption.SAME_PERSON", lang)}]


# ---------------------------------------------------------------- words
def date_text(day: _dt.date, lang: str = "en", ref: _dt.date | None = None) -> str:
    """A date in words: ``"3\u00a0Nov"`` / ``"3\u00a0nov."`` (``"1er\u00a0nov."``), with the year unless ``ref``'s.

    Args:
        day (datetime.date): the date.
        lang (str): ``"en"`` or ``"fr"`` (month names: :data:`beltlib.locale.LOCALES`).
        ref (datetime.date | None): the date it is read from (default: ``day`` itself, so no year).

    Returns:
        str: e.g. ``"3\u00a0Nov"``, ``"3\u00a0Nov 2025"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    c = conventions(lang)
    number = str(c["first_day"]) if day.day == 1 else str(day.day)  # French "1er", the locale's
    month = c["months"][day.month - 1]
    if ref is not None and ref.year != day.year:
        return t("date.day_month_year", lang, day=number, month=month, year=day.year)
    return t("date.day_month", lang, day=number, month=month)


def change_text(s: Since, lang: str = "en") -> str:
    """The markers gained and lost in a few words: ``"+2 markers"``, ``"+1 marker, \u22121 marker"``.

    Args:
        s (Since): the comparison.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the counts of markers gained and lost (a count, not the markers), or the "no marker changed" text.

    Raises:
        ValueError: unknown ``lang``.
    """
    parts = [t(f"since.change.{kind}.{'one' if len(ids) == 1 else 'many'}", lang, n=len(ids))
             for kind, ids in (("gained", s.markers_gained), ("lost", s.markers_lost)) if ids]
    return ", ".join(parts) if parts else t("since.change.none", lang)


def belt_change_text(s: Since, lang: str = "en") -> str:
    """The belt then and now: ``"your belt: still green belt"`` or ``"your belt: white belt → green belt"``.

    Args:
        s (Since): the comparison.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the phrase (the article's belt names).

    Raises:
        ValueError: unknown ``lang``.
    """
    if s.belt == s.new_belt:
        return t("since.belt.same", lang, belt=t(f"belt.{s.new_belt}", lang))
    return t("since.belt.changed", lang, old=t(f"belt.{s.belt}", lang), new=t(f"belt.{s.new_belt}", lang))


def headline(s: Since, lang: str = "en") -> str:
    """The section's first sentence: ``"Since 3 Nov: +2 markers — your belt: white belt → green belt."``.

    Args:
        s (Since): the comparison (without a date: "Since your earlier answers: …").
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the sentence; the year is written only when the earlier date is in another year than the new one.

    Raises:
        ValueError: unknown ``lang``.
    """
    belt = belt_change_text(s, lang)
    if s.date is None:
        return t("since.headline_undated", lang, change=change_text(s, lang), belt=belt)
    return t("since.headline", lang, date=date_text(s.date, lang, s.new_date), change=change_text(s, lang), belt=belt)


def marker_lines(s: Since, lang: str = "en") -> list[str]:
    """One line per marker gained (``"Gained: Profile photo"``), then per marker lost.

    Args:
        s (Since): the comparison.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: the lines, in the rules table's marker order (empty when no marker changed).

    Raises:
        ValueError: unknown ``lang``.
    """
    return ([t("since.gained", lang, marker=t(f"marker.{i}", lang)) for i in s.markers_gained]
            + [t("since.lost", lang, marker=t(f"marker.{i}", lang)) for i in s.markers_lost])


def detail_lines(s: Since, lang: str = "en") -> list[str]:
    """The markers still needed then and now, and a change of situation when there is one.

    Args:
        s (Since): the comparison.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: the change of situation (if any), then the steps (answer changes) needed then and now.

    Raises:
        ValueError: unknown ``lang``.
    """
    target, old_target = t(f"belt.{s.target_belt}", lang), t(f"belt.{s.old_target_belt}", lang)
    out = []
    if s.persona_changed:
        key = "since.persona_changed" if s.target_belt != s.old_target_belt else "since.persona_changed_same_target"
        out.append(t(key, lang, old=t(f"choice.persona.{s.old_persona}", lang),
                     new=t(f"choice.persona.{s.persona}", lang), target=target))
    if s.target_belt == s.old_target_belt:
        out.append(t("since.needed", lang, target=target, old=s.markers_needed, new=s.new_markers_needed))
    else:
        out.append(t("since.needed_targets", lang, target=target, old_target=old_target, old=s.markers_needed,
                     new=s.new_markers_needed))
    return out


def date_note(s: Since, lang: str = "en") -> str | None:
    """The named assumption ``SINCE_DATE`` in a sentence.

    Args:
        s (Since): the comparison.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str | None: the sentence (the earlier date in words, with its year); None when the earlier date is
        unknown, or was recorded with the answers rather than read from a file.

    Raises:
        ValueError: unknown ``lang``.
    """
    if s.date is None or not s.date_from_file:
        return None
    return t("since.date_note", lang, date=date_text(s.date, lang, _dt.date(1, 1, 1)))


__all__ = ["COMPARED_FIELDS", "Since", "SinceError", "SinceFile", "assumptions", "belt_change_text",
           "change_text", "compare", "compare_file", "date_note", "date_text", "detail_lines",
           "file_time", "headline", "marker_lines", "same_answers", "time_stamps"]
