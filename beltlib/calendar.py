"""The action plan in a calendar: ``belt-report plan ANSWERS [--start YYYY-MM-DD] --ics | --markdown [-o PATH]``.

One plan model (:class:`Plan`, built by :func:`build_plan` from an assessment) is read by both
outputs: :func:`to_ics` (an iCalendar file, RFC 5545, written with the ``icalendar`` library) and
:func:`to_markdown` (a plain-text checklist). The plan is the report's (``sentences.plan_sections``):

- this week's steps (the shortest path to the target belt), one event each, on the days from the
  start date (one a day, within the 7 days from the start), with their minutes;
- each weekly habit of the target belt as one weekly recurring event (``RRULE:FREQ=WEEKLY``) with its
  minutes, from the week after the steps (from the start date when there are no steps);
- the optional markers: in the checklist only (the calendar holds what to do, not what one may do);
- a "check your belt again" day, :data:`RECHECK_DAYS` after the start, whose description says how.

Named assumptions: ``PLAN_EVENT_TIME`` (:data:`EVENT_HOUR`: events at 18:00, floating local time —
no time zone is written, so the calendar shows them at 18:00 wherever it is), ``RECHECK_DAYS`` (28).
The minutes are the report's (assumption ``ACTION_MINUTES``). The file holds no personal data: no
name, no file name, no answer — only the plan's texts and dates. Each event's UID is made of the start
date, the kind of event and its marker (:func:`uid`, no hash and no answer in it, so the page's script
writes the same), so the same start gives the same UIDs and a calendar that imports the plan again
updates its events rather than doubling them (assumption ``PLAN_UID``: one person's calendar; two
people's plans of the same start day imported into one shared calendar would replace each other's
events); ``DTSTAMP`` is ``SOURCE_DATE_EPOCH`` when set, else now.

This module sits with the LinkedIn and cohort rooms (above the core): it imports ``icalendar``
(third party) inside :func:`to_ics` only.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import os
import sys

from . import plan as _plan
from . import rules
from .answers import atomic_write_text, load_answers
from .assessment import Assessment, assess
from .since import date_text
from .texts import check_lang, t

#: Hours of the timed events and days to the re-check (assumptions PLAN_EVENT_TIME, RECHECK_DAYS): the core's
#: :mod:`beltlib.plan` holds them, so that the report's method lists them.
EVENT_HOUR, SECOND_HOUR, RECHECK_DAYS = _plan.EVENT_HOUR, _plan.SECOND_HOUR, _plan.RECHECK_DAYS
#: The calendar's product identifier (RFC 5545 ``PRODID``).
PRODID = "-//Belt Report//belt-report plan//EN"


@dataclasses.dataclass(frozen=True)
class PlanItem:
    """One thing to do in the plan.

    Attributes:
        kind: ``step`` (this week), ``habit`` (every week), ``optional``, ``recheck`` or ``no_profile``.
        key: the marker id (``recheck`` / ``no_profile`` for those).
        summary: the event's title (the action, or the weekly habit).
        description: the longer text (the report's action line, or how to check again).
        day: the day of the event (a habit: its first week).
        minutes: its duration (assumption ACTION_MINUTES), or None for a whole-day event.
        weekly: True for a weekly habit.
        hour: the hour of a timed event (:data:`EVENT_HOUR`, or :data:`SECOND_HOUR` for a second step on one day).
    """

    kind: str
    key: str
    summary: str
    description: str
    day: _dt.date
    minutes: int | None
    weekly: bool = False
    hour: int = EVENT_HOUR


@dataclasses.dataclass(frozen=True)
class Plan:
    """The plan from a start date, in one language: what both outputs read.

    Attributes:
        lang: ``"en"`` or ``"fr"``.
        start: the first day.
        items: steps, habits, optional steps, then the re-check (in that order).
        headings: kind -> the report's heading for that part of the plan (``sentences.plan_sections``).
    """

    lang: str
    start: _dt.date
    items: tuple[PlanItem, ...]
    headings: dict[str, str]

    def of_kind(self, *kinds: str) -> list[PlanItem]:
        """The items of these kinds, in order."""
        return [x for x in self.items if x.kind in kinds]


def _headings(a: Assessment, lang: str, items: list[PlanItem]) -> dict[str, str]:
    """Each part's heading, taken from the report's plan (the section whose lines hold the item's text)."""
    from .sentences import plan_sections
    sections = plan_sections(a, lang)
    out = {"recheck": t("calendar.recheck", lang)}
    for kind in ("no_profile", "step", "habit", "optional"):
        first = next((x for x in items if x.kind == kind), None)
        if first is None:
            continue
        if kind == "no_profile":
            out[kind] = sections[0][0]
            continue
        text = _habit_text(first.key, lang) if kind == "habit" else first.description
        out[kind] = next(h for h, lines in sections if any(x in text for x in lines))
    return out


def _habit_text(marker: str, lang: str) -> str:
    return t(f"weekly.{marker}", lang, invites=rules.WEEKLY_INVITES)


def build_plan(a: Assessment, lang: str = "en", start: _dt.date | None = None) -> Plan:
    """The plan of an assessment from a start date.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.
        start (datetime.date | None): the first day (default today).

    Returns:
        Plan: the steps of this week (one a day from ``start``), the weekly habits (from the week after
        the steps), the optional steps, and the re-check :data:`RECHECK_DAYS` days after ``start``.

    Raises:
        ValueError: unknown ``lang``.

    Source: :func:`beltlib.sentences.plan_sections` (article; assumptions ACTION_MINUTES, PLAN_ORDER,
    WEEKLY_INVITES); assumptions PLAN_EVENT_TIME and RECHECK_DAYS.
    """
    from .plan import first_actions, weekly_ids
    from .sentences import action_line
    check_lang(lang)
    start = start or _dt.date.today()
    target = t(f"belt.{a.target_belt}", lang)
    items: list[PlanItem] = []
    if a.belt == "none":
        items.append(PlanItem("no_profile", "no_profile", t("plan.no_profile", lang),
                              t("calendar.no_profile_description", lang), start, None))
    path = [x for x in a.actions if x.on_path]
    for i, x in enumerate(path):
        items.append(PlanItem("step", x.marker_id, t(f"action.{x.marker_id}", lang),
                              t("calendar.step", lang, i=i + 1, n=len(path), target=target, line=action_line(x, lang)),
                              start + _dt.timedelta(days=i % 7), x.minutes, hour=EVENT_HOUR if i < 7 else SECOND_HOUR))
    first = first_actions(a)  # at the target, the update the notes say to do first: this week's step
    for x in first:
        items.append(PlanItem("step", x.marker_id, t(f"action.{x.marker_id}", lang), action_line(x, lang), start,
                              x.minutes, hour=EVENT_HOUR))
    path += first
    minutes = {m["id"]: m["action_minutes"] for m in rules.MARKERS}
    first_week = start + _dt.timedelta(days=7 if path else 0)
    for j, marker in enumerate(weekly_ids(a)):
        habit = _habit_text(marker, lang)
        line = t("plan.line", lang, action=t(f"action.{marker}", lang), reason=t(f"reason.{marker}", lang),
                 duration=_duration(minutes[marker], lang), cadence=t("cadence.weekly", lang))
        items.append(PlanItem("habit", marker, t("calendar.habit", lang, habit=habit),
                              t("calendar.habit_description", lang, target=target, line=line),
                              first_week + _dt.timedelta(days=j % 7), minutes[marker], weekly=True))
    for x in a.actions:
        if not x.on_path and x not in first:
            items.append(PlanItem("optional", x.marker_id, t(f"action.{x.marker_id}", lang), action_line(x, lang),
                                  start, x.minutes))
    items.append(PlanItem("recheck", "recheck", t("calendar.recheck", lang), t("calendar.recheck_description", lang),
                          start + _dt.timedelta(days=RECHECK_DAYS), None))
    return Plan(lang, start, tuple(items), _headings(a, lang, items))


def _duration(minutes: int, lang: str) -> str:
    from .sentences import duration
    return duration(minutes, lang)


def uid(plan: Plan, item: PlanItem) -> str:
    """The stable UID of an event (RFC 5545 ``UID``): the start date, the event's kind and its marker.

    Args:
        plan (Plan): the plan (its :attr:`Plan.start`).
        item (PlanItem): one of its items.

    Returns:
        str: ``"YYYYMMDD-<kind>-<key>@belt-report"``, e.g. ``"20261207-step-photo@belt-report"``. No
        answer and no hash in it: no personal data, and the interactive page (``plan.js``) computes the
        same one without a hash function (``crypto.subtle`` needs a secure context, a page on plain http
        has none). Unique in a plan (a marker is a step once and a habit once); the same start gives
        the same UIDs, so a calendar that imports the plan again updates its events instead of doubling
        them (a plan from another start is another set of events).

    Raises:
        Nothing.

    Source: RFC 5545 section 3.8.4.7 (a globally unique, persistent identifier); named assumption: a
    plan is one per start date.
    """
    return f"{plan.start:%Y%m%d}-{item.kind}-{item.key}@belt-report"


def stamp() -> _dt.datetime:
    """``DTSTAMP``: ``SOURCE_DATE_EPOCH`` (seconds, UTC) when set, else now (UTC).

    Raises:
        ValueError: ``SOURCE_DATE_EPOCH`` is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return _dt.datetime.fromtimestamp(int(epoch), _dt.UTC)
        except ValueError:
            raise ValueError(f"SOURCE_DATE_EPOCH: got {epoch!r} (allowed: a whole number of seconds)") from None
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def to_ics(plan: Plan) -> str:
    """The plan as an iCalendar file (RFC 5545): steps, weekly habits and the re-check as events.

    Args:
        plan (Plan): from :func:`build_plan`.

    Returns:
        str: the calendar text (CRLF line endings). Timed events are floating local times at
        :data:`EVENT_HOUR` with their minutes as ``DURATION``; the re-check (and "create a profile") are
        whole-day events; each habit has ``RRULE:FREQ=WEEKLY``. Optional steps are left out.

    Raises:
        ModuleNotFoundError: ``icalendar`` is not installed.
        ValueError: a bad ``SOURCE_DATE_EPOCH``.
    """
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("calendar.name", plan.lang))
    now = stamp()
    for item in plan.items:
        if item.kind == "optional":
            continue
        ev = icalendar.Event()
        ev.add("uid", uid(plan, item))
        ev.add("dtstamp", now)
        ev.add("summary", item.summary)
        ev.add("description", item.description)
        if item.minutes is None:
            ev.add("dtstart", item.day)
            ev.add("dtend", item.day + _dt.timedelta(days=1))
        else:
            ev.add("dtstart", _dt.datetime.combine(item.day, _dt.time(item.hour)))
            ev.add("duration", _dt.timedelta(minutes=item.minutes))
        if item.weekly:
            ev.add("rrule", {"freq": "weekly"})
        cal.add_component(ev)
    text: str = cal.to_ical().decode("utf-8")
    return text


def to_markdown(plan: Plan) -> str:
    """The plan as a plain-text checklist (Markdown): the same items as :func:`to_ics`, plus the optional steps.

    Args:
        plan (Plan): from :func:`build_plan`.

    Returns:
        str: a title, then each part under the report's heading, one ``- [ ]`` line per item with its
        day (habits: "every week from …") and minutes; the re-check last. Ends with a newline.

    Raises:
        ValueError: unknown language (never, for a plan of :func:`build_plan`).
    """
    from .sentences import duration
    lang = plan.lang
    out = [f"# {t('calendar.markdown_title', lang, date=date_text(plan.start, lang, _dt.date(1, 1, 1)))}"]

    def line(item: PlanItem) -> str:
        extra = f" ({duration(item.minutes, lang)})" if item.minutes is not None else ""
        if item.kind == "optional":
            return f"- [ ] {item.summary}{extra}"
        day = date_text(item.day, lang, plan.start)
        if item.weekly:
            return "- [ ] " + t("calendar.markdown_item", lang, when=t("calendar.markdown_weekly_from", lang, date=day),
                                what=_habit_text(item.key, lang)) + extra
        return "- [ ] " + t("calendar.markdown_item", lang, when=day, what=item.summary) + extra

    for kind in ("no_profile", "step", "habit", "optional"):
        items = plan.of_kind(kind)
        if not items:
            continue
        out += ["", f"## {plan.headings[kind]}", ""] + [line(x) for x in items]
    recheck = plan.of_kind("recheck")[0]
    out += ["", f"## {t('calendar.markdown_recheck', lang, date=date_text(recheck.day, lang, plan.start))}", "",
            "- [ ] " + t("calendar.markdown_recheck_item", lang, what=recheck.summary, description=recheck.description)]
    return "\n".join(out) + "\n"


def parse_start(text: str | None, lang: str = "en") -> _dt.date:
    """``--start``: a date ``YYYY-MM-DD``, or today when None (the error worded in ``lang``).

    Raises:
        ValueError: not a date of that form (naming the option and what is allowed).
    """
    if text is None:
        return _dt.date.today()
    try:
        if len(text) != 10:
            raise ValueError
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(t("calendar.error.start", lang, value=repr(text))) from None


def run(args: argparse.Namespace) -> int:
    """Run ``plan`` (arguments parsed by :mod:`beltlib.cli`): ``file``, ``lang``, ``start``, ``ics``, ``output``.

    Returns:
        int: 0 (the plan written to ``output`` atomically, or printed).

    Raises:
        AnswersError, ValueError: bad answers, a bad ``--start`` (exit status 2, nothing written).
        OSError: ``output`` cannot be written (exit status 2, nothing left behind).
        ModuleNotFoundError: ``--ics`` without ``icalendar`` installed.
    """
    start = parse_start(args.start, args.lang)
    plan = build_plan(assess(load_answers(args.file)), args.lang, start)
    text = to_ics(plan) if args.ics else to_markdown(plan)
    if args.output is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(args.output, text)
    return 0


__all__ = ["EVENT_HOUR", "PRODID", "RECHECK_DAYS", "SECOND_HOUR", "Plan", "PlanItem", "build_plan", "parse_start",
           "run", "stamp", "to_ics", "to_markdown", "uid"]
