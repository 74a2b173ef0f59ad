"""The effort model: NET usefulness of LinkedIn against hours per week, per persona.

Net: what the hours bring minus what they cost; highest at the target belt's typical hours.

Every number is a named assumption of :mod:`beltlib.rules` (BELT_HOURS_PER_WEEK,
EFFORT_CURVES, USEFULNESS_RULE); these small functions read them.
The curves are this report's illustrative model, not measured data.
"""
from __future__ import annotations

import math

from .rules import BELT_HOURS_PER_WEEK, EFFORT_CURVES, MARKERS, PLAN_BELTS, TARGET_BELT, WEIGHTS


def gain(hours_per_week: float, persona: str) -> float:
    """What the hours bring (before their cost), for a persona meeting every marker of the target.

    ``gain(h) = ceiling * (1 - exp(-h / scale_hours))``.

    Args:
        hours_per_week (float): time on LinkedIn, hours per week (>= 0).
        persona (str): one of :data:`beltlib.rules.PERSONAS`.

    Returns:
        float: 0 at 0 hours, rising towards the persona's ceiling (0–1 units).

    Raises:
        KeyError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: assumption EFFORT_CURVES (an exponential saturation curve).
    """
    c = EFFORT_CURVES[persona]
    return c["ceiling"] * (1.0 - math.exp(-hours_per_week / c["scale_hours"]))


def usefulness(hours_per_week: float, persona: str) -> float:
    """NET usefulness of LinkedIn for a persona at some hours per week: what they bring minus what they cost.

    ``usefulness(h) = gain(h) - cost_per_hour * h``: highest exactly at the target belt's typical hours
    (:func:`best_hours`), lower on both sides; the curve the effort plot draws.

    Args:
        hours_per_week (float): time on LinkedIn, hours per week (>= 0).
        persona (str): one of :data:`beltlib.rules.PERSONAS`.

    Returns:
        float: net usefulness in 0–1 units (below the ceiling; negative when the time costs more than it brings).

    Raises:
        KeyError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: assumption EFFORT_CURVES (illustrative model, not measured data).
    """
    return gain(hours_per_week, persona) - EFFORT_CURVES[persona]["cost_per_hour"] * hours_per_week


def net_value(hours_per_week: float, persona: str) -> float:
    """Same as :func:`usefulness` (kept for callers that name the net value)."""
    return usefulness(hours_per_week, persona)


def best_hours(persona: str) -> float:
    """Hours per week that maximise :func:`net_value` for a persona (closed form).

    ``h* = scale * ln(ceiling / (scale * cost_per_hour))``, clipped at 0.

    Args:
        persona (str): one of :data:`beltlib.rules.PERSONAS`.

    Returns:
        float: hours per week, >= 0 (the optimum of the continuous curve).

    Raises:
        KeyError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: assumption EFFORT_CURVES.
    """
    c = EFFORT_CURVES[persona]
    return max(0.0, c["scale_hours"] * math.log(c["ceiling"] / (c["scale_hours"] * c["cost_per_hour"])))


def best_belt(persona: str) -> str:
    """The belt whose typical effort gives the best net value for a persona.

    Args:
        persona (str): one of :data:`beltlib.rules.PERSONAS`.

    Returns:
        str: ``"white"``, ``"green"`` or ``"black"``.

    Raises:
        KeyError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: article, « Alors, quelle ceinture choisir ? » (« la ceinture verte me parait être le meilleur
    équilibre entre l’effort d’implication et l’utilité réelle »); assumptions BELT_HOURS_PER_WEEK and
    EFFORT_CURVES.
    """
    return max(BELT_HOURS_PER_WEEK, key=lambda b: net_value(BELT_HOURS_PER_WEEK[b], persona))


def target_points(target_belt: str) -> float:
    """Points of all the markers the plan covers for a target belt (70 for green, 100 for black).

    Args:
        target_belt (str): ``"green"`` or ``"black"``.

    Returns:
        float: score points.

    Raises:
        KeyError: if ``target_belt`` is not a key of :data:`beltlib.rules.PLAN_BELTS`.

    Source: assumptions GREEN_POINTS and BLACK_POINTS; :data:`beltlib.rules.PLAN_BELTS`.
    """
    return sum(WEIGHTS[m["belt"]] for m in MARKERS if m["belt"] in PLAN_BELTS[target_belt])


def person_usefulness(hours_per_week: float, score: float, persona: str) -> float:
    """NET usefulness of one person's practice: what their hours bring times their markers' share, minus their cost.

    Args:
        hours_per_week (float): the person's hours per week (>= 0).
        score (float): their score, points 0–100.
        persona (str): one of :data:`beltlib.rules.PERSONAS`.

    Returns:
        float: ``gain(hours) * min(1, score / target_points(target)) - cost_per_hour * hours`` (0–1 units, at
        most the curve's value at those hours; negative when the time costs more than it brings).

    Raises:
        KeyError: if ``persona`` is not one of :data:`beltlib.rules.PERSONAS`.

    Source: assumptions EFFORT_CURVES and USEFULNESS_RULE.
    """
    share = min(1.0, score / target_points(TARGET_BELT[persona]))
    return gain(hours_per_week, persona) * share - EFFORT_CURVES[persona]["cost_per_hour"] * hours_per_week
