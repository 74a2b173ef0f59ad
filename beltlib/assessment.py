"""The assessment: belt, score, percentile, target belt, effort point and action plan.

:func:`assess` reads the rule table of :mod:`beltlib.rules`; it holds no
threshold of its own.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from . import rules
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

    ``minutes`` is the assumption ACTION_MINUTES (used for ordering only).
    """

    marker_id: str
    belt: str
    minutes: int
    source: str


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
        actions: unmet markers of the target belt, cheapest first.
        notes: ids of the notes (catalogue keys ``note.<id>``) that apply.
        hours_per_week: the person's hours per week.
        usefulness: usefulness (0–1) of the person's practice for their persona.
        best_hours: hours per week of the persona's best net value on the continuous curve
            (``curve_optimum_hours`` in JSON); the report names the target belt's typical
            hours (``target_hours``) as the best balance, as the plot does.
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

    @property
    def position(self) -> str:
        """Where the person stands against the target belt.

        Returns:
            str: ``"below"``, ``"at"`` or ``"above"`` the target belt (belts ordered as :data:`beltlib.rules.BELTS`).

        Raises:
            Nothing.

        Source: article, « Alors, quelle ceinture choisir ? » (the target belt per persona).
        """
        mine, target = _ORDER[self.belt], _ORDER[self.target_belt]
        return "below" if mine < target else "above" if mine > target else "at"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """JSON-able summary: belt, score, percentile, target_belt, markers met, actions (texts in ``lang``).

        Args:
            lang (str): ``"en"`` or ``"fr"``, the language of the ``actions`` texts.

        Returns:
            dict[str, Any]: keys ``belt``, ``score`` (points 0–100), ``percentile`` (percent), ``band``,
            ``target_belt``, ``position``, ``green_markers_met``/``black_markers_met`` (counts), ``markers`` and
            ``signals`` ({id: met}), ``actions`` (texts), ``action_ids``, ``notes``, ``hours_per_week``,
            ``usefulness`` (0–1), ``target_hours`` and ``curve_optimum_hours`` (hours per week), ``answers``.

        Raises:
            ValueError: if ``lang`` is not supported.
        """
        from .texts import t
        return {
            "belt": self.belt, "score": self.score, "percentile": self.percentile,
            "band": list(self.band), "target_belt": self.target_belt, "position": self.position,
            "green_markers_met": self.green_met, "black_markers_met": self.black_met,
            "markers": {m.id: m.met for m in self.markers},
            "signals": {s.id: s.met for s in self.signals},
            "actions": [t(f"action.{a.marker_id}", lang) for a in self.actions],
            "action_ids": [a.marker_id for a in self.actions],
            "notes": list(self.notes),
            "hours_per_week": self.hours_per_week,
            "usefulness": round(self.usefulness, 3),
            "target_hours": rules.BELT_HOURS_PER_WEEK[self.target_belt],
            "curve_optimum_hours": round(self.best_hours, 2),
            "answers": self.answers.to_dict(),
        }


def action_plan(markers: tuple[MarkerResult, ...], target_belt: str, has_profile: bool) -> tuple[Action, ...]:
    """Unmet markers of the target belt (and of the belts below it), cheapest first.

    Ties on minutes keep the table's order. Without a profile the plan is
    empty (the report says to create one first).

    Args:
        markers (tuple[MarkerResult, ...]): the green and black markers of the assessment.
        target_belt (str): ``"green"`` (green markers only) or ``"black"`` (green and black markers).
        has_profile (bool): False when the person has no LinkedIn profile.

    Returns:
        tuple[Action, ...]: one :class:`Action` per unmet marker, by ``minutes`` ascending.

    Raises:
        KeyError: if a marker id is not in :data:`beltlib.rules.MARKERS`.

    Source: article (each marker's section, « Ceinture verte » / « Ceinture noire »); assumption ACTION_MINUTES.
    """
    if not has_profile:
        return ()
    wanted = {"green"} if target_belt == "green" else {"green", "black"}
    table = {m["id"]: m for m in rules.MARKERS}
    todo = [table[m.id] for m in markers if m.belt in wanted and not m.met]
    todo.sort(key=lambda m: m["action_minutes"])  # stable: table order on ties
    return tuple(Action(m["id"], m["belt"], m["action_minutes"], m["source"]) for m in todo)


def notes_for(answers: Answers, belt: str, target_belt: str) -> tuple[str, ...]:
    """Ids of the notes that apply (catalogue keys ``note.<id>``).

    Args:
        answers (Answers): the validated answers.
        belt (str): the person's belt, one of :data:`beltlib.rules.BELTS`.
        target_belt (str): the persona's target belt, ``"green"`` or ``"black"``.

    Returns:
        tuple[str, ...]: note ids among ``outdated_profile``, ``offline`` or ``offline_keep``,
        ``premium_not_needed``, ``above_target`` and (always last) ``recommendations``.

    Raises:
        KeyError: if ``belt`` or ``target_belt`` is not a belt.

    Sources: « une information qui n’est pas à jour … malentendus » (outdated
    profile); « Le téléphone et les rencontres, c’est encore mieux ! »
    (offline); « vous n’aurez pas à payer un abonnement » (premium); the PS on
    recommendations.
    """
    notes = []
    if answers.findable != "no_profile" and answers.profile == "outdated":
        notes.append("outdated_profile")
    notes.append("offline_keep" if answers.offline_networking else "offline")
    if target_belt == "green" and (answers.premium or belt != "black"):
        notes.append("premium_not_needed")
    if _ORDER[belt] > _ORDER[target_belt]:
        notes.append("above_target")
    notes.append("recommendations")
    return tuple(notes)


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
    has_profile = answers.findable != "no_profile"
    # Without a profile no marker of LinkedIn use can hold (article: the white belt is at least findable).
    markers = tuple(MarkerResult(m["id"], m["belt"], has_profile and rules.marker_met(m, answers), m["source"])
                    for m in rules.MARKERS)
    signals = tuple(MarkerResult(s["id"], "signal", rules.marker_met(s, answers), s["source"])
                    for s in rules.SIGNALS)
    green_met = sum(m.met for m in markers if m.belt == "green")
    black_met = sum(m.met for m in markers if m.belt == "black")
    belt = rules.belt_for(has_profile, green_met, black_met)
    score = rules.score_for(has_profile, green_met, black_met)
    target = rules.TARGET_BELT[answers.persona]
    return Assessment(
        answers=answers, belt=belt, score=score,
        percentile=rules.percentile_for(belt, score),
        band=(rules.BANDS[belt][0], rules.BANDS[belt][1]), target_belt=target,
        markers=markers, signals=signals, green_met=green_met, black_met=black_met,
        actions=action_plan(markers, target, has_profile),
        notes=notes_for(answers, belt, target),
        hours_per_week=answers.hours_per_week,
        usefulness=rules.score_usefulness(score, answers.persona),
        best_hours=rules.best_hours(answers.persona),
    )
