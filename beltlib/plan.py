"""The plan's distance: the fewest ANSWER changes that reach the target belt.

One answer can meet two markers (answering "I contact people I don't know" meets both the green
marker « quand il n’y a pas d’autre moyen » and the black « personnes qu’il ne connait pas »), so
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
from typing import Any

from . import rules

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
