"""The assessment: belt, score, percentile, target belt, effort point and action plan.

:func:`assess` reads the rule table of :mod:`beltlib.rules`; it holds no
threshold of its own.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from . import effort, plan, rules
from .answers import Answers

_ORDER = {b: i for i, b in enumerate(rules.BELTS)}


@dataclasses.dataclass(frozen=True)
class MarkerResult:
    """One marker (or supporting signal) of the table and whether it is met."""

    id: str
    belt: str  # "green", "black" or "signal"
    met: bool
    source: str  # article section and quote


@dataclasses.dataclass(frozen=True)
class Action:
    """One step of the action plan: an unmet marker of the target belt.

    ``minutes`` is the assumption ACTION_MINUTES; ``cadence`` is ``"once"`` or ``"weekly"``;
    ``on_path`` is True for the steps of the shortest path to the target belt.
    """

    marker_id: str
    belt: str
    minutes: int
    source: str
    cadence: str = "once"
    on_path: bool = False


@dataclasses.dataclass(frozen=True)
class Assessment:
    """The result for one set of answers.

    Attributes:
        answers: the validated answers.
        belt: ``none`` | ``white`` | ``green`` | ``black``.
        score: points 0–100 (GREEN_POINTS per green marker, BLACK_POINTS per black marker).
        percentile: estimated share of LinkedIn users below the person, percent 0–100 (0.1 steps).
        band: (low, high) percentile band of the belt, percent.
        target_belt: the belt that suits the persona (``green`` or ``black``).
        markers: green then black markers, each a :class:`MarkerResult`.
        signals: supporting signals (premium, > 200 connections), shown, not counted.
        green_met, black_met: counts of markers met.
        actions: unmet markers of the target belt: the shortest path first, then the others (optional).
        markers_needed: markers still needed to reach the target belt (0 at or above it).
        shortest_path: ids of the cheapest set of actions that reaches the target belt, in the order to do them.
        shortest_path_minutes: the minutes of those actions (assumption ACTION_MINUTES).
        notes: ids of the notes (catalogue keys ``note.<id>``) that apply.
        hours_per_week: the person's hours per week.
        usefulness: usefulness (0–1) of the person's practice for their persona (their hours and markers,
            :func:`beltlib.effort.person_usefulness`).
        best_hours: hours per week of the persona's best net value on the continuous curve
            (``curve_optimum_hours`` in JSON); the curves are built so that it equals the target
            belt's typical hours (``target_hours``), the best balance the report names.
    """

    answers: Answers
    belt: str
    score: float
    percentile: float
    band: tuple[float, float]
    target_belt: str
    markers: tuple[MarkerResult, ...]
    signals: tuple[MarkerResult, ...]
    green_met: int
    black_met: int
    actions: tuple[Action, ...]
    notes: tuple[str, ...]
    hours_per_week: float
    usefulness: float
    best_hours: float
    markers_needed: int = 0
    shortest_path: tuple[str, ...] = ()
    shortest_path_minutes: int = 0

    @property
    def target(self) -> str:
        """The target belt (same as :attr:`target_belt`), for callers that say ``a.target``."""
        return self.target_belt

    @property
    def target_hours(self) -> float:
        """The target belt's typical hours per week (assumption BELT_HOURS_PER_WEEK)."""
        return rules.BELT_HOURS_PER_WEEK[self.target_belt]

    @property
    def position(self) -> str:
        """Where the person stands against the target belt.

        Returns:
            str: ``"below"``, ``"at"`` or ``"above"`` the target belt (belts ordered as :data:`beltlib.rules.BELTS`).

        Raises:
            Nothing.

        Source: article, « Alors, quelle ceinture choisir ? » (the target belt per persona).
        """
        mine, target = _ORDER[self.belt], _ORDER[self.target_belt]
        return "below" if mine < target else "above" if mine > target else "at"

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary without texts (:func:`beltlib.report.assessment_dict` adds the action texts).

        Returns:
            dict[str, Any]: keys ``belt``, ``score`` (points 0–100), ``percentile`` (percent, strictly between
            0 and 100 for a placed belt), ``band``, ``target_belt``, ``position``, ``green_markers_met``/
            ``black_markers_met`` (counts), ``markers_needed`` (count), ``shortest_path`` (action ids),
            ``shortest_path_minutes`` (minutes), ``markers`` and ``signals`` ({id: met}), ``action_ids``,
            ``notes``, ``hours_per_week``, ``usefulness`` (0–1), ``target_hours`` and ``curve_optimum_hours``
            (hours per week, equal), ``answers``.

        Raises:
            Nothing.
        """
        return {
            "belt": self.belt, "score": self.score, "percentile": self.percentile,
            "band": list(self.band), "target_belt": self.target_belt, "position": self.position,
            "green_markers_met": self.green_met, "black_markers_met": self.black_met,
            "markers_needed": self.markers_needed, "shortest_path": list(self.shortest_path),
            "shortest_path_minutes": self.shortest_path_minutes,
            "markers": {m.id: m.met for m in self.markers},
            "signals": {s.id: s.met for s in self.signals},
            "action_ids": [a.marker_id for a in self.actions],
            "notes": list(self.notes),
            "hours_per_week": self.hours_per_week,
            "usefulness": round(self.usefulness, 3),
            "target_hours": self.target_hours,
            "curve_optimum_hours": round(self.best_hours, 2),
            "answers": self.answers.to_dict(),
        }


def _plan_key(m: dict[str, Any]) -> tuple[int, int, bool]:
    return (m["priority"], m["action_minutes"], m["cadence"] == "weekly")


def action_plan(markers: tuple[MarkerResult, ...], target_belt: str, has_profile: bool,
                require: str | None = None) -> tuple[Action, ...]:
    """The plan: the shortest path to the target belt first, then the other unmet markers (optional).

    The shortest path is :func:`beltlib.plan.shortest_path`: the fewest ANSWER changes that reach the
    target (one answer can meet two markers; each step is named by the most demanding marker it meets),
    then the fewest minutes, then one-off steps before weekly habits. The optional part is every unmet
    marker of the target the path does not meet, ordered by PLAN_ORDER (the outdated profile, which the
    article says misleads people, first), then minutes, then one-off before weekly. Without a profile the
    plan is empty (the report says to create one first).

    Args:
        markers (tuple[MarkerResult, ...]): the green and black markers of the assessment.
        target_belt (str): ``"green"`` or ``"black"`` (markers of :data:`beltlib.rules.PLAN_BELTS`).
        has_profile (bool): False when the person has no LinkedIn profile.
        require (str | None): a field the path must change (``"profile"`` when the report says to update
            an outdated profile first), or None.

    Returns:
        tuple[Action, ...]: the path's steps (``on_path`` True), then one :class:`Action` per other unmet marker.

    Raises:
        KeyError: if a marker id is not in :data:`beltlib.rules.MARKERS`.

    Source: article (each marker's section); assumptions ACTION_MINUTES, PLAN_ORDER, GREEN_MIN_MARKERS,
    BLACK_MIN_MARKERS.
    """
    if not has_profile:
        return ()
    return tuple(Action(m["id"], m["belt"], m["action_minutes"], m["source"], m["cadence"], on)
                 for m, on in _plan(markers, target_belt, require))


def _plan(markers: tuple[MarkerResult, ...], target_belt: str,
          require: str | None) -> list[tuple[dict[str, Any], bool]]:
    table = {m["id"]: m for m in rules.MARKERS}
    met = frozenset(m.id for m in markers if m.met)
    steps = plan.shortest_path(target_belt, met, require)
    covered = {i for s in steps for i in s[1]}
    rest = sorted((table[m.id] for m in markers if m.belt in rules.PLAN_BELTS[target_belt]
                   and not m.met and m.id not in covered), key=_plan_key)
    return [(table[s[0]], True) for s in steps] + [(m, False) for m in rest]


def notes_for(facts: dict[str, Any]) -> tuple[str, ...]:
    """Ids of the notes that apply (catalogue keys ``note.<id>``), read from :data:`beltlib.rules.NOTES`.

    Args:
        facts (dict[str, Any]): the answers plus ``has_profile``, ``belt``, ``target_belt``, ``position``,
            ``target_hours`` (see :func:`beltlib.rules.condition_met`).

    Returns:
        tuple[str, ...]: the ids of the notes whose ``when`` holds, in table order (``recommendations`` last).

    Raises:
        KeyError: if a fact a note names is missing.

    Source: each note's ``source`` in :data:`beltlib.rules.NOTES`.
    """
    return tuple(n["id"] for n in rules.NOTES if rules.condition_met(n["when"], facts))


def assess(answers: Answers) -> Assessment:
    """Assess validated answers.

    Args:
        answers (Answers): :class:`beltlib.answers.Answers` (use :func:`beltlib.answers.validate` first).

    Returns:
        Assessment: belt, score (points 0–100), percentile (percent), target belt, markers,
        signals, action plan, notes and effort point.

    Raises:
        TypeError: if ``answers`` is not an :class:`Answers` (validate dicts first).

    Source: article, all sections; named assumptions in :mod:`beltlib.rules`.
    """
    if not isinstance(answers, Answers):
        raise TypeError("assess() takes validated Answers; call beltlib.validate(dict) first")
    facts: dict[str, Any] = answers.to_dict()
    has_profile = rules.condition_met(rules.HAS_PROFILE, facts)
    # Without a profile no marker of LinkedIn use can hold (article: the white belt is at least findable).
    markers = tuple(MarkerResult(m["id"], m["belt"], has_profile and rules.marker_met(m, facts), m["source"])
                    for m in rules.MARKERS)
    signals = tuple(MarkerResult(s["id"], "signal", rules.marker_met(s, facts), s["source"])
                    for s in rules.SIGNALS)
    green_met = sum(m.met for m in markers if m.belt == "green")
    black_met = sum(m.met for m in markers if m.belt == "black")
    belt = rules.belt_for(has_profile, green_met, black_met)
    score = rules.score_for(has_profile, green_met, black_met)
    target = rules.TARGET_BELT[answers.persona]
    mine, aim = _ORDER[belt], _ORDER[target]
    position = "below" if mine < aim else "above" if mine > aim else "at"
    facts.update(has_profile=has_profile, belt=belt, target_belt=target, position=position,
                 target_hours=rules.BELT_HOURS_PER_WEEK[target])
    # The report tells a person with an outdated profile to update it first: below the target, it is a step.
    require = next((n["first_step"] for n in rules.NOTES if "first_step" in n and position == "below"
                    and rules.condition_met(n["when"], facts)), None)
    path = [m for m, on in _plan(markers, target, require) if on]
    return Assessment(
        answers=answers, belt=belt, score=score,
        percentile=rules.percentile_for(belt, score),
        band=(rules.BANDS[belt][0], rules.BANDS[belt][1]), target_belt=target,
        markers=markers, signals=signals, green_met=green_met, black_met=black_met,
        actions=action_plan(markers, target, has_profile, require),
        notes=notes_for(facts),
        hours_per_week=answers.hours_per_week,
        usefulness=effort.person_usefulness(answers.hours_per_week, score if has_profile else 0.0, answers.persona),
        best_hours=effort.best_hours(answers.persona),
        markers_needed=len(path), shortest_path=tuple(m["id"] for m in path),
        shortest_path_minutes=sum(m["action_minutes"] for m in path),
    )
