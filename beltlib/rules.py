"""The belt rules as one data table, read by small functions.

Everything that decides a belt lives here as plain, JSON-serialisable data:
the markers (with their field, test and article source), the thresholds, the
score weights, the population bands, the personas and the effort model.
:func:`rules_table` serialises it so that the interactive published page runs
the very same table (see :mod:`beltlib.publish.interactive`).

Source: "Vous envisagez d'utiliser les réseaux pour trouver un job ?" (the
article in ``shared/seed``), sections « Ceinture blanche », « Ceinture verte »,
« Ceinture noire » and « Alors, quelle ceinture choisir ? ».

Numbers the article gives are marked ``# article``; every other number is a
named assumption (listed by :data:`ASSUMPTIONS` and shown in the report).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Protocol


class _FieldValues(Protocol):
    """Anything that gives an answer by field name: a dict, or :class:`beltlib.answers.Answers`."""

    def __getitem__(self, field: str, /) -> Any: ...

# ---------------------------------------------------------------- belts
#: Belts from lowest to highest. ``none`` = no LinkedIn profile at all.
BELTS = ("none", "white", "green", "black")

# ---------------------------------------------------------------- thresholds
#: article, « Ceinture blanche »: « Il a peu de contacts (moins de 20) ».
MIN_CONNECTIONS_GREEN = 20
#: article, « Ceinture verte »: « un nombre de contacts significatif (entre 20 et 200) ».
MAX_CONNECTIONS_GREEN = 200
#: LinkedIn's own cap on first-degree connections (not from the article).
MAX_CONNECTIONS = 30000
#: Upper bound accepted for hours per week on LinkedIn (assumption: a 60-hour
#: working week spent entirely on LinkedIn is the most anyone can report).
MAX_HOURS_PER_WEEK = 60.0

# Named assumptions: the article lists markers but says neither how many of
# them make a belt nor how to weigh them.
#: Assumption: green needs a clear majority (5) of the 7 green markers.
GREEN_MIN_MARKERS = 5
#: Assumption: black needs most (3) of the 4 black markers, on top of green.
BLACK_MIN_MARKERS = 3
#: Assumption: points per green marker (7 markers -> 70 points).
GREEN_POINTS = 10.0
#: Assumption: points per black marker (4 markers -> 30 points; total 100).
BLACK_POINTS = 7.5
#: Assumption: headroom (in score points) left at the top of the white and
#: green percentile bands, so that the best white or green practice stays
#: below the next belt's band.
BAND_HEADROOM_POINTS = 10.0

# ---------------------------------------------------------------- markers
#: Marker tests: ``op`` is one of ``in`` (value in list), ``is`` (bool equal),
#: ``ge``/``gt`` (number greater or equal / greater than).
MARKERS: tuple[dict[str, Any], ...] = (
    # --- green (article, « Ceinture verte sur Linkedin : proactif sans être drogué »)
    {"id": "profile_current", "belt": "green", "field": "profile", "op": "in",
     "value": ["current"], "action_minutes": 60,
     "source": "Ceinture verte: « Son profil est à jour, bien décrit, comparable à son Cv »"},
    {"id": "photo", "belt": "green", "field": "photo", "op": "is", "value": True,
     "action_minutes": 10, "source": "Ceinture verte: « Il a mis une photo »"},
    {"id": "invites_acquaintances", "belt": "green", "field": "invitations", "op": "in",
     "value": ["acquaintances", "after_every_meeting"], "action_minutes": 30,
     "source": "Ceinture verte: « Il a le réflexe de se connecter à ses connaissances professionnelles »"},
    {"id": "contacts_through_network", "belt": "green", "field": "outreach", "op": "in",
     "value": ["when_no_other_way", "strangers"], "action_minutes": 15,
     "source": "Ceinture verte: « il lui arrive du coup de les contacter par ce biais quand il n’y a pas d’autre moyen »"},
    {"id": "connections_20", "belt": "green", "field": "connections", "op": "ge",
     "value": MIN_CONNECTIONS_GREEN, "action_minutes": 45,
     "source": "Ceinture verte: « un nombre de contacts significatif (entre 20 et 200) »; Ceinture blanche: « moins de 20 »"},
    {"id": "forums", "belt": "green", "field": "discussions", "op": "in",
     "value": ["read_and_sometimes_post", "lead"], "action_minutes": 20,
     "source": "Ceinture verte: « Il consulte régulièrement les forums (les hubs), et y participe ponctuellement »"},
    {"id": "groups", "belt": "green", "field": "groups", "op": "ge", "value": 1,
     "action_minutes": 15,
     "source": "Ceinture verte: « Il est rattaché à des groupes en lien avec sa spécialité ou son cursus »"},
    # --- black (article, « Ceinture noire sur Linkedin : les pros du réseau »)
    {"id": "same_day_reply", "belt": "black", "field": "reply_time", "op": "in",
     "value": ["same_day"], "action_minutes": 90,
     "source": "Ceinture noire: « Il est actif et réactif. S’il est sollicité, il répond dans la journée »"},
    {"id": "connects_after_every_meeting", "belt": "black", "field": "invitations", "op": "in",
     "value": ["after_every_meeting"], "action_minutes": 60,
     "source": "Ceinture noire: « Dès qu’il rencontre quelqu’un ou a un échange de mails, il a le réflexe de se connecter via Linkedin dans les jours qui suivent »"},
    {"id": "leads_discussions", "belt": "black", "field": "discussions", "op": "in",
     "value": ["lead"], "action_minutes": 180,
     "source": "Ceinture noire: « Il participe activement aux discussions, et en anime certaines »"},
    {"id": "contacts_strangers", "belt": "black", "field": "outreach", "op": "in",
     "value": ["strangers"], "action_minutes": 120,
     "source": "Ceinture noire: « Il lui arrive de contacter des personnes qu’il ne connait pas via le réseau social »"},
)
# ``action_minutes`` (assumption): the one-off or weekly effort of the matching
# action, used only to order the action plan cheapest first.

#: Supporting signals: shown in the report, never counted in the belt.
SIGNALS: tuple[dict[str, Any], ...] = (
    {"id": "premium", "field": "premium", "op": "is", "value": True,
     "source": "Ceinture noire: « ils ont parfois un compte payant »"},
    {"id": "connections_over_200", "field": "connections", "op": "gt",
     "value": MAX_CONNECTIONS_GREEN,
     "source": "Ceinture verte: « entre 20 et 200 » contacts — beyond is a black-belt pace"},
)

#: Points per marker, by belt (assumptions GREEN_POINTS and BLACK_POINTS).
WEIGHTS = {"green": GREEN_POINTS, "black": BLACK_POINTS}
#: How many markers of each belt are needed (assumptions GREEN_MIN_MARKERS, BLACK_MIN_MARKERS).
MIN_MARKERS = {"green": GREEN_MIN_MARKERS, "black": BLACK_MIN_MARKERS}

# ---------------------------------------------------------------- population
#: Share of LinkedIn users per belt, percent. article: green « environ 10 % »,
#: black « moins de 2% »; white is the rest (« la plupart des personnes »).
SHARES = {"white": 88.0, "green": 10.0, "black": 2.0}
#: Percentile band [low, high] per belt, derived from :data:`SHARES`.
BANDS = {
    "none": [0.0, 0.0],
    "white": [0.0, SHARES["white"]],
    "green": [SHARES["white"], SHARES["white"] + SHARES["green"]],
    "black": [SHARES["white"] + SHARES["green"], 100.0],
}

# ---------------------------------------------------------------- personas
#: Personas and their target belt. article, « Alors, quelle ceinture choisir ? »:
#: « je ne vois aucun intérêt à être ceinture noire, à moins d’être recruteur ou
#: commercial. Mais pour quelqu’un qui cherche un job ou est susceptible de
#: changer de boulot, je conseille … la ceinture verte ».
PERSONAS = ("not_looking", "job_seeker", "recruiter", "sales")
TARGET_BELT = {"not_looking": "green", "job_seeker": "green",
               "recruiter": "black", "sales": "black"}

# ---------------------------------------------------------------- effort model
#: Assumption: typical hours per week on LinkedIn per belt. White « le strict
#: minimum » ≈ a few minutes a month (10 min/month); green « ne passent pas
#: leur vie sur les réseaux » ≈ an hour a week; black « actif et réactif » ≈
#: an hour a working day.
BELT_HOURS_PER_WEEK = {"white": 0.05, "green": 1.0, "black": 7.0}
#: Assumption: usefulness of LinkedIn against hours per week, per persona:
#: ``usefulness(h) = ceiling * (1 - exp(-h / scale_hours))`` and the cost of time
#: ``cost_per_hour * h`` in the same 0–1 units. Saturation is fast for people
#: who use the network to stay findable (green), slow for people whose job *is*
#: finding contacts (black: « chercher en permanence de nouveaux contacts fait
#: partie de leur métier »).
EFFORT_CURVES = {
    "not_looking": {"ceiling": 0.6, "scale_hours": 0.5, "cost_per_hour": 0.05},
    "job_seeker": {"ceiling": 1.0, "scale_hours": 0.5, "cost_per_hour": 0.03},
    "recruiter": {"ceiling": 1.0, "scale_hours": 4.0, "cost_per_hour": 0.01},
    "sales": {"ceiling": 1.0, "scale_hours": 3.0, "cost_per_hour": 0.015},
}


# ================================================================ functions
def marker_met(marker: Mapping[str, Any], answers: _FieldValues) -> bool:
    """Tell whether one marker (or signal) of the table holds for some answers.

    Args:
        marker (Mapping[str, Any]): one row of :data:`MARKERS` or :data:`SIGNALS` (keys ``id``, ``field``,
            ``op``, ``value``).
        answers (Mapping[str, Any]): the answers as a mapping or :class:`~beltlib.answers.Answers`
            (see :mod:`beltlib.answers`); counts for ``connections``/``groups``.

    Returns:
        bool: True when ``answers[marker["field"]]`` passes the marker's test.

    Raises:
        ValueError: if the row's ``op`` is unknown (a broken table).
        KeyError: if ``answers`` lacks the marker's field.

    Source: the row's ``source`` (article, « Ceinture verte » / « Ceinture noire »).
    """
    given, op, value = answers[marker["field"]], marker["op"], marker["value"]
    if op == "in":
        return given in value
    if op == "is":
        return given is value
    if op == "ge":
        return bool(given >= value)
    if op == "gt":
        return bool(given > value)
    raise ValueError(f"rules table: unknown op {op!r} in marker {marker['id']!r}")


def markers_of(belt: str) -> tuple[dict[str, Any], ...]:
    """Return the markers of one belt, in table order.

    Args:
        belt (str): ``"green"`` or ``"black"``; any other belt gives an empty tuple.

    Returns:
        tuple[dict[str, Any], ...]: the rows of :data:`MARKERS` for that belt (7 green, 4 black).

    Raises:
        Nothing.

    Source: article, « Ceinture verte » (green markers) and « Ceinture noire » (black markers).
    """
    return tuple(m for m in MARKERS if m["belt"] == belt)


def belt_for(has_profile: bool, green_met: int, black_met: int) -> str:
    """Decide the belt from marker counts (belts are cumulative).

    Args:
        has_profile (bool): False when the person has no LinkedIn profile (``findable == no_profile``).
        green_met (int): number of green markers met, count 0–7.
        black_met (int): number of black markers met, count 0–4.

    Returns:
        str: ``"none"``, ``"white"``, ``"green"`` or ``"black"``.

    Raises:
        Nothing.

    Source: article, « Ceinture blanche », « Ceinture verte » and « Ceinture noire »; thresholds are the
    assumptions GREEN_MIN_MARKERS and BLACK_MIN_MARKERS.
    """
    if not has_profile:
        return "none"
    if green_met < MIN_MARKERS["green"]:
        return "white"
    if black_met < MIN_MARKERS["black"]:
        return "green"
    return "black"


def score_for(has_profile: bool, green_met: int, black_met: int) -> float:
    """Score 0–100: GREEN_POINTS per green marker plus BLACK_POINTS per black marker.

    Args:
        has_profile (bool): False when the person has no LinkedIn profile.
        green_met (int): number of green markers met, count 0–7.
        black_met (int): number of black markers met, count 0–4.

    Returns:
        float: points 0–100; 0.0 without a profile (nothing of LinkedIn use to count).

    Raises:
        Nothing.

    Source: assumptions GREEN_POINTS and BLACK_POINTS (:data:`WEIGHTS`).
    """
    if not has_profile:
        return 0.0
    return green_met * WEIGHTS["green"] + black_met * WEIGHTS["black"]


def _band_scores() -> dict[str, tuple[float, float]]:
    """Lowest and highest reachable score of each belt, enumerated from the table."""
    n_green, n_black = len(markers_of("green")), len(markers_of("black"))
    out: dict[str, list[float]] = {}
    for g in range(n_green + 1):
        for b in range(n_black + 1):
            belt = belt_for(True, g, b)
            s = score_for(True, g, b)
            lo, hi = out.get(belt, [s, s])
            out[belt] = [min(lo, s), max(hi, s)]
    return {k: (v[0], v[1]) for k, v in out.items()}


#: Lowest and highest score per belt (derived from the table, not typed).
BAND_SCORES = _band_scores()


def round_half_up(x: float, digits: int = 1) -> float:
    """Round half away from zero for x >= 0 (the same arithmetic as the page's JS).

    Args:
        x (float): the number to round (meant for x >= 0; negative halves round towards +infinity).
        digits (int): decimals to keep, default 1.

    Returns:
        float: ``x`` rounded to ``digits`` decimals.

    Raises:
        OverflowError: if ``x`` is infinite. ValueError: if ``x`` is NaN.
    """
    f: int = 10 ** digits
    return math.floor(x * f + 0.5) / f


def percentile_for(belt: str, score: float) -> float:
    """Estimated percentile (share of LinkedIn users below the person), 0–100.

    Within the belt's band of :data:`BANDS` the position grows linearly with the
    score; the white and green bands keep BAND_HEADROOM_POINTS of headroom so
    the top stays strictly below the next band, the black band is closed.

    Args:
        belt (str): a belt of :data:`BELTS`.
        score (float): the score of :func:`score_for` (points, 0–100).

    Returns:
        float: percent 0–100, rounded to 0.1. ``none`` gives 0.0.

    Raises:
        KeyError: if ``belt`` is not one of :data:`BELTS`.

    Source: article shares (green « environ 10 % », black « moins de 2% »);
    assumptions SHARES and BAND_HEADROOM_POINTS.
    """
    low, high = BANDS[belt]
    if belt == "none":
        return low
    s_min, s_max = BAND_SCORES[belt]
    headroom = 0.0 if belt == "black" else BAND_HEADROOM_POINTS
    span = (s_max - s_min) + headroom
    fraction = (score - s_min) / span if span else 1.0
    return round_half_up(low + (high - low) * fraction, 1)


def usefulness(hours_per_week: float, persona: str) -> float:
    """Usefulness (0–1) of LinkedIn for a persona at some hours per week.

    ``usefulness(h) = ceiling * (1 - exp(-h / scale_hours))``.

    Args:
        hours_per_week (float): time on LinkedIn, hours per week (>= 0).
        persona (str): one of :data:`PERSONAS`.

    Returns:
        float: usefulness in 0–1 units (0 at 0 hours, rising towards the persona's ceiling).

    Raises:
        KeyError: if ``persona`` is not one of :data:`PERSONAS`.

    Source: assumption EFFORT_CURVES (an exponential saturation curve).
    """
    c = EFFORT_CURVES[persona]
    return c["ceiling"] * (1.0 - math.exp(-hours_per_week / c["scale_hours"]))


def net_value(hours_per_week: float, persona: str) -> float:
    """Usefulness minus the cost of time (0–1 units), at hours per week.

    Args:
        hours_per_week (float): time on LinkedIn, hours per week (>= 0).
        persona (str): one of :data:`PERSONAS`.

    Returns:
        float: ``usefulness(h) - cost_per_hour * h`` in 0–1 units (may be negative at many hours).

    Raises:
        KeyError: if ``persona`` is not one of :data:`PERSONAS`.

    Source: assumption EFFORT_CURVES.
    """
    return usefulness(hours_per_week, persona) - EFFORT_CURVES[persona]["cost_per_hour"] * hours_per_week


def best_hours(persona: str) -> float:
    """Hours per week that maximise :func:`net_value` for a persona (closed form).

    ``h* = scale * ln(ceiling / (scale * cost_per_hour))``, clipped at 0.

    Args:
        persona (str): one of :data:`PERSONAS`.

    Returns:
        float: hours per week, >= 0 (the optimum of the continuous curve).

    Raises:
        KeyError: if ``persona`` is not one of :data:`PERSONAS`.

    Source: assumption EFFORT_CURVES.
    """
    c = EFFORT_CURVES[persona]
    return max(0.0, c["scale_hours"] * math.log(c["ceiling"] / (c["scale_hours"] * c["cost_per_hour"])))


def best_belt(persona: str) -> str:
    """The belt whose typical effort gives the best net value for a persona.

    Args:
        persona (str): one of :data:`PERSONAS`.

    Returns:
        str: ``"white"``, ``"green"`` or ``"black"``.

    Raises:
        KeyError: if ``persona`` is not one of :data:`PERSONAS`.

    Source: article, « Alors, quelle ceinture choisir ? » (« la ceinture verte me parait être le meilleur
    équilibre entre l’effort d’implication et l’utilité réelle »); assumptions BELT_HOURS_PER_WEEK and
    EFFORT_CURVES.
    """
    return max(BELT_HOURS_PER_WEEK, key=lambda b: net_value(BELT_HOURS_PER_WEEK[b], persona))


def effective_hours(score: float) -> float:
    """Hours per week that a practice of this score typically takes.

    Piecewise log-linear through three anchors taken from the table: score 0
    takes the white belt's typical effort, all green markers (and no black one)
    the green belt's, all markers the black belt's (BELT_HOURS_PER_WEEK).

    Args:
        score (float): points, 0–100.

    Returns:
        float: hours per week (0.05 at 0 points, 1.0 at 70, 7.0 at 100).

    Raises:
        Nothing for scores 0–100 (OverflowError only for absurdly large scores, e.g. 10**6).

    Source: assumptions BELT_HOURS_PER_WEEK, GREEN_POINTS and BLACK_POINTS.
    """
    all_green = len(markers_of("green")) * WEIGHTS["green"]
    all_markers = all_green + len(markers_of("black")) * WEIGHTS["black"]
    anchors = [(0.0, BELT_HOURS_PER_WEEK["white"]), (all_green, BELT_HOURS_PER_WEEK["green"]),
               (all_markers, BELT_HOURS_PER_WEEK["black"])]
    (s0, h0), (s1, h1) = anchors[:2] if score <= all_green else anchors[1:]
    return math.exp(math.log(h0) + (math.log(h1) - math.log(h0)) * (score - s0) / (s1 - s0))


def score_usefulness(score: float, persona: str) -> float:
    """Usefulness (0–1) that a practice of this score brings the persona.

    The person's own point on the effort plot is (their hours, this value).

    Args:
        score (float): points, 0–100 (see :func:`score_for`).
        persona (str): one of :data:`PERSONAS`.

    Returns:
        float: usefulness in 0–1 units, ``usefulness(effective_hours(score), persona)``.

    Raises:
        KeyError: if ``persona`` is not one of :data:`PERSONAS`.

    Source: assumptions EFFORT_CURVES and BELT_HOURS_PER_WEEK.
    """
    return usefulness(effective_hours(score), persona)


def rules_table() -> dict[str, Any]:
    """The whole rule table as JSON-serialisable data (for the interactive page).

    Args:
        None.

    Returns:
        dict[str, Any]: keys ``belts``, ``markers``, ``signals``, ``weights``,
        ``min_markers``, ``bands``, ``band_scores``, ``band_headroom``,
        ``personas``, ``target_belt``, ``belt_hours``, ``effort_curves`` (fresh copies of the module's data).

    Raises:
        Nothing.

    Source: article, all belt sections, and every named assumption (:data:`ASSUMPTIONS`).
    """
    return {
        "belts": list(BELTS), "markers": [dict(m) for m in MARKERS],
        "signals": [dict(s) for s in SIGNALS], "weights": dict(WEIGHTS),
        "min_markers": dict(MIN_MARKERS), "bands": {k: list(v) for k, v in BANDS.items()},
        "band_scores": {k: list(v) for k, v in BAND_SCORES.items()},
        "band_headroom": BAND_HEADROOM_POINTS, "personas": list(PERSONAS),
        "target_belt": dict(TARGET_BELT), "belt_hours": dict(BELT_HOURS_PER_WEEK),
        "effort_curves": {k: dict(v) for k, v in EFFORT_CURVES.items()},
    }


#: Every named assumption: (name, value). Explanations are in the text
#: catalogue under ``assumption.<name>`` (English and French).
ASSUMPTIONS: tuple[tuple[str, Any], ...] = (
    ("GREEN_MIN_MARKERS", GREEN_MIN_MARKERS),
    ("BLACK_MIN_MARKERS", BLACK_MIN_MARKERS),
    ("GREEN_POINTS", GREEN_POINTS),
    ("BLACK_POINTS", BLACK_POINTS),
    ("SHARES", SHARES),
    ("BAND_HEADROOM_POINTS", BAND_HEADROOM_POINTS),
    ("BELT_HOURS_PER_WEEK", BELT_HOURS_PER_WEEK),
    ("EFFORT_CURVES", EFFORT_CURVES),
    ("ACTION_MINUTES", {m["id"]: m["action_minutes"] for m in MARKERS}),
    ("MAX_HOURS_PER_WEEK", MAX_HOURS_PER_WEEK),
)
