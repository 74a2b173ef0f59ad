"""The plan: its distance (the fewest ANSWER changes that reach the target belt) and its words.

One answer can meet two markers (answering "I contact people I don't know" meets both the green
marker « quand il n’y a pas d’autre moyen » and the black « personnes qu’il ne connait pas »), so
the distance to the target belt counts answer changes, not markers. Everything is read from the
rules table (:data:`beltlib.rules.MARKERS`, :data:`beltlib.rules.PLAN_BELTS`,
:data:`beltlib.rules.MIN_MARKERS`); the page's ``engine.js`` runs the same search (``shortestPath``),
enumerating the same choices in the same order, and ``tests/test_publish_engine_parity.py`` proves
they agree.

A *step* is one answer changed to a value that meets more of the target's markers than today (never
fewer). The search picks the set of steps that reaches the target with (in this order): the fewest
steps; then the fewest minutes (assumption ACTION_MINUTES, a step costs its most demanding marker's
minutes); then the fewest weekly habits (a one-off step wins a tie over a weekly habit: assumption
PLAN_ORDER); then the first found in the table's order. ``require`` forces one answer into the
path: the report tells a person with an outdated profile to update it first, so it is a step.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from . import rules
from .texts import hours, t

if TYPE_CHECKING:  # pragma: no cover
    from .assessment import Action, Assessment

#: The plan as a calendar file (:mod:`beltlib.calendar`, and the page's and the app's download): the hour of
#: each timed event (assumption PLAN_EVENT_TIME), floating local time, and of a step that shares its day
#: with another (a path of more than 7 steps).
EVENT_HOUR = 18
SECOND_HOUR = 12
#: Days from the plan's start to its "check your belt again" day (assumption RECHECK_DAYS: four weeks).
RECHECK_DAYS = 28


def calendar_assumptions(lang: str = "en") -> list[dict[str, Any]]:
    """The named assumptions of the plan as a calendar file, for the report's method.

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[dict[str, Any]]: ``{"name", "value", "why"}`` dicts (:func:`beltlib.sentences.assumption_rows`'s
        extra): ``PLAN_EVENT_TIME`` (18:00, or 12:00 for a second step on one day) and ``RECHECK_DAYS`` (28).

    Raises:
        ValueError: unknown ``lang``.

    Source: named assumptions (the article gives no time of day and no delay before checking again).
    """
    return [{"name": "PLAN_EVENT_TIME", "value": t("calendar.assumption_value.time", lang, first=EVENT_HOUR,
                                                   second=SECOND_HOUR),
             "why": t("assumption.PLAN_EVENT_TIME", lang)},
            {"name": "RECHECK_DAYS", "value": RECHECK_DAYS, "why": t("assumption.RECHECK_DAYS", lang)}]


#: A step: (marker id that names it, ids of the markers it meets, minutes, weekly?).
Step = tuple[str, tuple[str, ...], int, bool]


def _candidates(marker: dict[str, Any]) -> list[Any]:
    """The answer values that meet a marker's test (a threshold gives its lowest value)."""
    op, value = marker["op"], marker["value"]
    if op == "in":
        return list(value)
    if op in ("is", "ge"):
        return [value]
    if op == "gt":
        return [value + 1]
    return []


def options(target_belt: str, met: frozenset[str]) -> list[tuple[str, list[Step]]]:
    """Per answer (field, in table order), the steps that meet more of the target's markers than today.

    Args:
        target_belt (str): ``"green"`` or ``"black"`` (markers of :data:`beltlib.rules.PLAN_BELTS`).
        met (frozenset[str]): ids of the markers met today.

    Returns:
        list[tuple[str, list[Step]]]: (field, its steps); a step is (naming marker id, ids it meets that are
        not met today, minutes (the most of those markers'), weekly (any of them a weekly habit)).

    Raises:
        KeyError: unknown ``target_belt``.
    """
    plan = [m for m in rules.MARKERS if m["belt"] in rules.PLAN_BELTS[target_belt]]
    fields: list[str] = []
    for m in plan:
        if m["field"] not in fields:
            fields.append(m["field"])
    out = []
    for f in fields:
        on_field = [m for m in plan if m["field"] == f]
        now = {m["id"] for m in on_field if m["id"] in met}
        steps: list[Step] = []
        seen: list[tuple[str, ...]] = []
        for m in on_field:
            for v in _candidates(m):
                meets = {x["id"] for x in on_field if rules.marker_met(x, {f: v})}
                gain = tuple(x["id"] for x in on_field if x["id"] in meets - now)
                if not gain or not now <= meets or gain in seen:
                    continue
                seen.append(gain)
                rows = [x for x in on_field if x["id"] in gain]
                top = max(rows, key=lambda x: x["action_minutes"])  # first of the most demanding
                steps.append((top["id"], gain, top["action_minutes"], any(x["cadence"] == "weekly" for x in rows)))
        out.append((f, steps))
    return out


def _reaches(target_belt: str, met: set[str]) -> bool:
    by_id = {m["id"]: m for m in rules.MARKERS}
    return all(sum(1 for i in met if by_id[i]["belt"] == belt) >= rules.MIN_MARKERS[belt]
               for belt in rules.PLAN_BELTS[target_belt])


@functools.lru_cache(maxsize=8192)
def shortest_path(target_belt: str, met: frozenset[str], require: str | None = None) -> tuple[Step, ...]:
    """The fewest answer changes that reach the target belt (see the module's docstring for ties).

    Args:
        target_belt (str): ``"green"`` or ``"black"``.
        met (frozenset[str]): ids of the markers met today.
        require (str | None): a field whose change must be a step (``"profile"`` when the report says to
            update an outdated profile first), or None.

    Returns:
        tuple[Step, ...]: the steps in the order to do them: PLAN_ORDER (the outdated profile first), then
        minutes, then one-off before weekly; () when the target is already reached (and nothing is required).

    Raises:
        KeyError: unknown ``target_belt``.

    Source: article, each marker's section; assumptions GREEN_MIN_MARKERS, BLACK_MIN_MARKERS,
    ACTION_MINUTES and PLAN_ORDER.
    """
    opts = options(target_belt, met)
    best: list[Any] = [None, ()]

    def walk(i: int, chosen: tuple[Step, ...], got: set[str], required_done: bool) -> None:
        if best[0] is not None and len(chosen) > best[0][0]:
            return
        if i == len(opts):
            if (required_done or require is None) and _reaches(target_belt, got):
                cost = (len(chosen), sum(s[2] for s in chosen), sum(1 for s in chosen if s[3]))
                if best[0] is None or cost < best[0]:
                    best[0], best[1] = cost, chosen
            return
        field, steps = opts[i]
        walk(i + 1, chosen, got, required_done)
        for s in steps:
            walk(i + 1, (*chosen, s), got | set(s[1]), required_done or field == require)

    walk(0, (), set(met), require is None or all(f != require or not s for f, s in opts))
    by_id = {m["id"]: m for m in rules.MARKERS}
    return tuple(sorted(best[1], key=lambda s: (by_id[s[0]]["priority"], s[2], s[3])))


# ================================================================ the plan's words
# (re-exported by :mod:`beltlib.sentences`; the page's engine.js builds the same sentences)
def _belt(belt: str, lang: str) -> str:
    return t(f"belt.{belt}", lang)


def duration(minutes: int, lang: str = "en") -> str:
    """A duration in words: ``"about 10 min"``, ``"about 1 h 05"``, ``"about 2 h"`` (no-break spaces).

    Args:
        minutes (int): minutes (>= 0).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the text.

    Raises:
        ValueError: unknown ``lang``.
    """
    if minutes < 60:
        return t("minutes", lang, minutes=minutes)
    if minutes % 60 == 0:  # "about 1 h", not "about 1 h 00"
        return t("duration.whole_hours", lang, h=minutes // 60)
    return t("duration.hours", lang, h=minutes // 60, mm=f"{minutes % 60:02d}")


def action_line(x: Action, lang: str = "en") -> str:
    """One action: ``"<action> — <reason> (<duration>, <once|every week>)"``.

    Args:
        x (Action): the action.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the line.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t("plan.line", lang, action=t(f"action.{x.marker_id}", lang), reason=t(f"reason.{x.marker_id}", lang),
             duration=duration(x.minutes, lang), cadence=t(f"cadence.{x.cadence}", lang))


def first_actions(a: Assessment) -> list[Action]:
    """At or above the target, the actions a note says to do first (the outdated profile's update).

    Below the target they are already the path's first steps (:func:`shortest_path`'s ``require``).

    Args:
        a (Assessment): the assessment.

    Returns:
        list[Action]: the unmet actions on the field of a note's ``first_step`` when the path is empty, else [].

    Raises:
        Nothing.

    Source: :data:`beltlib.rules.NOTES` (``first_step``; article, « Ceinture blanche »: an outdated profile
    « peut provoquer des malentendus »).
    """
    if any(x.on_path for x in a.actions):
        return []
    ids = {m["id"] for n in rules.NOTES if n["id"] in a.notes and "first_step" in n
           for m in rules.MARKERS if m["field"] == n["first_step"]}
    return [x for x in a.actions if x.marker_id in ids]


def weekly_ids(a: Assessment) -> list[str]:
    """The weekly habits of the plan: the marker ids of its "every week" lines, in table order.

    Args:
        a (Assessment): the assessment.

    Returns:
        list[str]: the target belt's weekly markers that are met and worth keeping up (``keep_up``), or on
        the shortest path; none without a profile.

    Source: the markers' ``cadence`` and ``keep_up`` in :data:`beltlib.rules.MARKERS`.
    """
    if a.belt == "none":
        return []
    plan_ids = {m["id"] for m in rules.MARKERS if m["belt"] in rules.PLAN_BELTS[a.target_belt]}
    met = {m.id for m in a.markers if m.met}
    return [m["id"] for m in rules.MARKERS if m["id"] in plan_ids and m["cadence"] == "weekly"
            and ((m["id"] in met and m.get("keep_up", True)) or m["id"] in a.shortest_path)]


def plan_sections(a: Assessment, lang: str = "en") -> list[tuple[str, list[str]]]:
    """The action plan in time: (heading, lines) sections, never contradicting the notes.

    Below the target: "This week" (the shortest path: the fewest answer changes, the outdated profile
    first when the notes say to update it first), "Then, every week" (the weekly practices of the target
    belt, with its typical hours), "Optional". At or above it: the outdated profile first when the notes
    say so, then the optional markers (or "you meet every marker"), then "every week". A person not
    looking for a job reads the same steps as a gentle, optional plan ("If you wish, when you have time"),
    not a "this week" list. Without a profile: create one first.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[tuple[str, list[str]]]: sections in order; a heading may have no lines.

    Raises:
        ValueError: unknown ``lang``.

    Source: article (each marker's section, « Alors, quelle ceinture choisir ? »); assumptions ACTION_MINUTES,
    PLAN_ORDER, WEEKLY_INVITES, BELT_HOURS_PER_WEEK.
    """
    if a.belt == "none":
        return [(t("plan.no_profile", lang), [])]
    mode = "gentle" if a.answers.persona == "not_looking" else "firm"
    target = _belt(a.target_belt, lang)
    path = [x for x in a.actions if x.on_path]
    first = first_actions(a)
    optional = [action_line(x, lang) for x in a.actions if not x.on_path and x not in first]
    weekly = [t(f"weekly.{i}", lang, invites=rules.WEEKLY_INVITES) for i in weekly_ids(a)]
    every = (t(f"plan.every_week.{mode}", lang, hours=hours(a.target_hours, lang), target=target), weekly)
    sections: list[tuple[str, list[str]]] = []
    if path:
        key = f"plan.this_week.{mode}.{'one' if len(path) == 1 else 'many'}"
        sections.append((t(key, lang, n=len(path), target=target, duration=duration(a.shortest_path_minutes, lang)),
                         [action_line(x, lang) for x in path]))
        if weekly:
            sections.append(every)
        if optional:
            sections.append((t("plan.optional", lang), optional))
        return sections
    if first:
        sections.append((t(f"plan.first.{mode}", lang), [action_line(x, lang) for x in first]))
    if optional:
        sections.append((t("plan.optional_reached", lang, target=target), optional))
    elif not first:  # past the balance (the time warning): keep the markers with less time, not "keep it up"
        key = "plan.none_less" if any(n in _RESULT_NOTES for n in a.notes) else "plan.none"
        sections.append((t(key, lang, target=target, hours=hours(a.target_hours, lang)), []))
    if weekly:
        sections.append(every)
    return sections


def plan_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The action plan flattened: each section's heading, then its lines.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: headings and lines of :func:`plan_sections`, in order.

    Raises:
        ValueError: unknown ``lang``.
    """
    return [line for heading, lines in plan_sections(a, lang) for line in [heading, *lines]]


def note_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The notes under "Good to know" (outdated profile, calling on the network, phone and meetings, …).

    The notes placed in the result (the time warning) are :func:`result_notes`.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: one sentence per note id of ``a.notes`` not placed in the result, in that order.

    Raises:
        ValueError: unknown ``lang``.

    Source: each note's ``source`` in :data:`beltlib.rules.NOTES`.
    """
    return [_note(n, a, lang) for n in a.notes if n not in _RESULT_NOTES]


#: The notes shown in the result rather than under "Good to know" (``place: result`` in the table).
_RESULT_NOTES = frozenset(n["id"] for n in rules.NOTES if n.get("place") == "result")


def _note(ident: str, a: Assessment, lang: str) -> str:
    return t(f"note.{ident}", lang, hours=hours(a.hours_per_week, lang), target=_belt(a.target_belt, lang),
             target_hours=hours(a.target_hours, lang))


def result_notes(a: Assessment, lang: str = "en") -> list[str]:
    """The notes shown in the result, right after the belt lines (``place: result``: the time warning).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: one sentence per such note of ``a.notes``, in table order.

    Raises:
        ValueError: unknown ``lang``.

    Source: each note's ``source`` in :data:`beltlib.rules.NOTES` (the time warning: the article's introduction,
    « cela peut vous consommer un temps énorme », and assumption TIME_WARNING_FACTOR).
    """
    return [_note(n, a, lang) for n in a.notes if n in _RESULT_NOTES]


