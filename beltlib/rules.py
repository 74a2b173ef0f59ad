"""The belt rules as one data table, read by small functions.

Everything that decides a belt, score, band, target, plan or note lives here as
plain, JSON-serialisable data: the markers (with their field, test, minutes, cadence
and article source), the thresholds, the score weights, the population bands and
their padding, what "has a profile" means, the markers the plan covers, the notes
and their conditions, the personas and the effort model's numbers. Small functions
read it here (:func:`marker_met`, :func:`condition_met`, :func:`belt_for`, …) and in
:mod:`beltlib.effort`; :func:`rules_table` serialises it so that the page's generic
evaluator (``beltlib/publish/engine.js``) runs the very same table.

Source: "Vous envisagez d'utiliser les réseaux pour trouver un job ?" (the
article in ``shared/seed``), sections « Ceinture blanche », « Ceinture verte »,
« Ceinture noire » and « Alors, quelle ceinture choisir ? ».

Numbers the article gives are marked ``# article``; every other number is a
named assumption (listed by :data:`ASSUMPTIONS` and shown in the report).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol


class _FieldValues(Protocol):
    """Anything that gives an answer by field name: a dict, or :class:`beltlib.answers.Answers`."""

    def __getitem__(self, field: str, /) -> Any: ...

# ---------------------------------------------------------------- belts
#: Belts from lowest to highest. ``none`` = no LinkedIn profile at all.
BELTS = ("none", "white", "green", "black")

# ---------------------------------------------------------------- thresholds
#: article, « Ceinture blanche »: « Il a peu de contacts (moins de 20) ».
MIN_CONNECTIONS_GREEN = 20
#: article, « Ceinture verte »: « un nombre de contacts significatif (entre 20 et 200) ».
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
#: Assumption: padding (score points) left below and above each belt's reachable
#: scores inside its percentile band, so that the estimate is never 0 or 100 and
#: the best practice of a belt stays below the next belt's band. White has more
#: room below: most users (« la plupart ») have met few markers, and the report
#: must not tell them that everyone uses LinkedIn more than they do.
BAND_PADDING_POINTS = {"white": [30.0, 10.0], "green": [10.0, 10.0], "black": [10.0, 20.0]}
#: Assumption: the hours a week count as "well above" what the target belt needs
#: from this many times the target belt's typical hours (article, introduction:
#: « cela peut vous consommer un temps énorme »).
TIME_WARNING_FACTOR = 3.0
#: Assumption: invitations a week that keep a network growing at a green belt's pace
#: (article, « Ceinture verte »: « il a le réflexe de se connecter à ses connaissances »).
WEEKLY_INVITES = 3

# ---------------------------------------------------------------- markers
#: Marker tests: ``op`` is one of ``in`` (value in list), ``is`` (bool equal),
#: ``ge``/``gt`` (number greater or equal / greater than).
MARKERS: tuple[dict[str, Any], ...] = (
    # --- green (article, « Ceinture verte sur Linkedin : proactif sans être drogué »)
    {"id": "profile_current", "belt": "green", "field": "profile", "op": "in",
     "value": ["current"], "action_minutes": 60, "priority": 0, "cadence": "once",
     "source": "Ceinture verte: « Son profil est à jour, bien décrit, comparable à son Cv »"},
    {"id": "photo", "belt": "green", "field": "photo", "op": "is", "value": True,
     "action_minutes": 10, "priority": 1, "cadence": "once", "source": "Ceinture verte: « Il a mis une photo »"},
    {"id": "invites_acquaintances", "belt": "green", "field": "invitations", "op": "in",
     "value": ["acquaintances", "after_every_meeting"], "action_minutes": 30, "priority": 1, "cadence": "weekly",
     "source": "Ceinture verte: « Il a le réflexe de se connecter à ses connaissances professionnelles »"},
    {"id": "contacts_through_network", "belt": "green", "field": "outreach", "op": "in",
     "value": ["when_no_other_way", "strangers"], "action_minutes": 15, "priority": 1, "cadence": "weekly",
     "source": "Ceinture verte: « il lui arrive du coup de les contacter par ce biais quand il n’y a pas d’autre moyen »"},
    {"id": "connections_20", "belt": "green", "field": "connections", "op": "ge",
     "value": MIN_CONNECTIONS_GREEN, "action_minutes": 45, "priority": 1, "cadence": "weekly", "keep_up": False,
     "source": "Ceinture verte: « un nombre de contacts significatif (entre 20 et 200) »; Ceinture blanche: « moins de 20 »"},
    {"id": "forums", "belt": "green", "field": "discussions", "op": "in",
     "value": ["own_feed", "read_and_sometimes_post", "lead"], "action_minutes": 20, "priority": 1, "cadence": "weekly",
     "source": "Ceinture verte: « Il consulte régulièrement les forums (les hubs), et y participe ponctuellement »"},
    {"id": "groups", "belt": "green", "field": "groups", "op": "ge", "value": 1,
     "action_minutes": 15, "priority": 1, "cadence": "once",
     "source": "Ceinture verte: « Il est rattaché à des groupes en lien avec sa spécialité ou son cursus »"},
    # --- black (article, « Ceinture noire sur Linkedin : les pros du réseau »)
    {"id": "same_day_reply", "belt": "black", "field": "reply_time", "op": "in",
     "value": ["same_day"], "action_minutes": 90, "priority": 1, "cadence": "weekly",
     "source": "Ceinture noire: « Il est actif et réactif. S’il est sollicité, il répond dans la journée »"},
    {"id": "connects_after_every_meeting", "belt": "black", "field": "invitations", "op": "in",
     "value": ["after_every_meeting"], "action_minutes": 60, "priority": 1, "cadence": "weekly",
     "source": "Ceinture noire: « Dès qu’il rencontre quelqu’un ou a un échange de mails, il a le réflexe de se connecter via Linkedin dans les jours qui suivent »"},
    {"id": "leads_discussions", "belt": "black", "field": "discussions", "op": "in",
     "value": ["lead"], "action_minutes": 180, "priority": 1, "cadence": "weekly",
     "source": "Ceinture noire: « Il participe activement aux discussions, et en anime certaines »"},
    {"id": "contacts_strangers", "belt": "black", "field": "outreach", "op": "in",
     "value": ["strangers"], "action_minutes": 120, "priority": 1, "cadence": "weekly",
     "source": "Ceinture noire: « Il lui arrive de contacter des personnes qu’il ne connait pas via le réseau social »"},
)

#: Supporting signals: shown in the report, never counted in the belt.
SIGNALS: tuple[dict[str, Any], ...] = (
    {"id": "premium", "field": "premium", "op": "is", "value": True,
     "source": "Ceinture noire: « ils ont parfois un compte payant »"},
    {"id": "connections_over_200", "field": "connections", "op": "gt",
     "value": MAX_CONNECTIONS_GREEN,
     "source": "Ceinture verte: « entre 20 et 200 » contacts — beyond is this report's reading (assumption OVER_200_SIGNAL)"},
)

# ---------------------------------------------------------------- conditions
# A condition is a marker-like test ``{"field", "op", "value"}`` on the *facts* of an
# assessment (the answers plus ``has_profile``, ``belt``, ``target_belt``, ``position``,
# ``target_hours``, ``persona``), or ``{"all": [...]}`` / ``{"any": [...]}`` / ``{"not": c}``.
# A ``value`` may be ``{"fact": name, "times": x}``: that fact's value times x.

#: What "has a LinkedIn profile" means (article, « Ceinture blanche »: the white belt is at
#: least found on LinkedIn). Without a profile no marker holds.
HAS_PROFILE = {"field": "findable", "op": "not_in", "value": ["no_profile"]}

#: Markers the action plan covers, per target belt (belts are cumulative).
PLAN_BELTS = {"green": ["green"], "black": ["green", "black"]}

_JOB = {"field": "persona", "op": "in", "value": ["job_seeker"]}

#: The notes (catalogue keys ``note.<id>``), in order, with when each applies. ``place: result``: shown right
#: after the result's belt lines, not under "Good to know"; ``first_step``: the answer the plan changes first.
NOTES: tuple[dict[str, Any], ...] = (
    {"id": "outdated_profile", "first_step": "profile", "when": {"all": [
        {"field": "has_profile", "op": "is", "value": True}, {"field": "profile", "op": "in", "value": ["outdated"]}]},
     "source": "Ceinture blanche: « une information qui n’est pas à jour sur son profil peut provoquer des malentendus »"},
    {"id": "call_on_network", "when": {"all": [_JOB, {"field": "belt", "op": "in", "value": ["green", "black"]}]},
     "source": "Ceinture verte: « le jour ou les ceintures vertes cherchent un job, ils font naturellement appel à leur réseau »"},
    {"id": "build_before_needed", "when": {"all": [_JOB, {"field": "belt", "op": "in", "value": ["none", "white"]}]},
     "source": "Ceinture verte: « ils font naturellement appel à leur réseau, qu’ils ont développé et entretenu sur la durée »"},
    {"id": "time_warning", "place": "result", "when": {"field": "hours_per_week", "op": "gt",
                                                       "value": {"fact": "target_hours", "times": TIME_WARNING_FACTOR}},
     "source": "Introduction: « cela peut vous consommer un temps énorme »; assumption TIME_WARNING_FACTOR"},
    {"id": "offline_keep", "when": {"field": "offline_networking", "op": "is", "value": True},
     "source": "Ceinture verte: « Le téléphone et les rencontres, c’est encore mieux ! »"},
    {"id": "offline", "when": {"field": "offline_networking", "op": "is", "value": False},
     "source": "Ceinture verte: « Le téléphone et les rencontres, c’est encore mieux ! »"},
    {"id": "premium_not_needed", "when": {"all": [
        {"field": "target_belt", "op": "in", "value": ["green"]},
        {"any": [{"field": "premium", "op": "is", "value": True},
                 {"field": "belt", "op": "not_in", "value": ["black"]}]}]},
     "source": "Alors, quelle ceinture choisir ?: « En général, vous n’aurez pas à payer un abonnement »"},
    {"id": "above_target", "when": {"field": "position", "op": "in", "value": ["above"]},
     "source": "Alors, quelle ceinture choisir ?: « je ne vois aucun intérêt à être ceinture noire »"},
    {"id": "recommendations", "when": {"all": []},
     "source": "Ps: « le système de recommandations interne à Linkedin est complètement pipeau »"},
)

#: Points per marker, by belt (assumptions GREEN_POINTS and BLACK_POINTS).
WEIGHTS = {"green": GREEN_POINTS, "black": BLACK_POINTS}
#: How many markers of each belt are needed (assumptions GREEN_MIN_MARKERS, BLACK_MIN_MARKERS).
MIN_MARKERS = {"green": GREEN_MIN_MARKERS, "black": BLACK_MIN_MARKERS}

# ---------------------------------------------------------------- population
#: Share of LinkedIn users per belt, percent. article: green « environ 10 % »,
#: black « moins de 2% »; white is the rest (« la plupart des personnes »).
SHARES = {"white": 88.0, "green": 10.0, "black": 2.0}
#: Percentile band [low, high] per belt, derived from :data:`SHARES`.
BANDS = {
    "none": [0.0, 0.0],
    "white": [0.0, SHARES["white"]],
    "green": [SHARES["white"], SHARES["white"] + SHARES["green"]],
    "black": [SHARES["white"] + SHARES["green"], 100.0],
}

# ---------------------------------------------------------------- personas
#: Personas and their target belt. article, « Alors, quelle ceinture choisir ? »:
#: « je ne vois aucun intérêt à être ceinture noire, à moins d’être recruteur ou
#: commercial. Mais pour quelqu’un qui cherche un job ou est susceptible de
#: changer de boulot, je conseille … la ceinture verte ».
PERSONAS = ("not_looking", "job_seeker", "recruiter", "sales")
TARGET_BELT = {"not_looking": "green", "job_seeker": "green",
               "recruiter": "black", "sales": "black"}

# ---------------------------------------------------------------- effort model
#: Assumption: typical hours per week on LinkedIn per belt. White « le strict
#: minimum » ≈ a few minutes a month (10 min/month); green « ne passent pas
#: leur vie sur les réseaux » ≈ an hour a week; black « actif et réactif » ≈
#: an hour a working day.
BELT_HOURS_PER_WEEK = {"white": 0.05, "green": 1.0, "black": 7.0}
#: Assumption (an illustrative model, not measured data): the NET usefulness of LinkedIn against hours per
#: week, per persona: what the hours bring, ``ceiling * (1 - exp(-h / scale_hours))``, minus what they
#: cost, ``cost_per_hour * h``, in the same units. What they bring saturates fast for people who use the
#: network to stay findable (green), slowly for people whose job *is* finding contacts (black: « chercher
#: en permanence de nouveaux contacts fait partie de leur métier »); ``cost_per_hour`` is derived so that
#: the net value is highest exactly at the target belt's typical hours and falls after them (the green
#: belt, « le meilleur équilibre entre l’effort d’implication et l’utilité réelle »).
EFFORT_CURVES = {
    "not_looking": {"ceiling": 0.6, "scale_hours": 0.25},
    "job_seeker": {"ceiling": 1.0, "scale_hours": 0.25},
    "recruiter": {"ceiling": 1.0, "scale_hours": 4.0},
    "sales": {"ceiling": 1.0, "scale_hours": 3.0},
}
for _p, _c in EFFORT_CURVES.items():
    _c["cost_per_hour"] = round(_c["ceiling"] / _c["scale_hours"]
                                * math.exp(-BELT_HOURS_PER_WEEK[TARGET_BELT[_p]] / _c["scale_hours"]), 6)

#: Assumption: a person's own (net) usefulness: what their hours bring, times the share of their target
#: belt's marker points they meet (capped at 1), minus what the hours cost: time without the practices
#: the article lists brings less, and costs the same.
USEFULNESS_RULE = "b(h) × min(1, s / S) − c × h"


# ================================================================ functions
def marker_met(marker: Mapping[str, Any], answers: _FieldValues) -> bool:
    """Tell whether one marker (or signal) of the table holds for some answers.

    Args:
        marker (Mapping[str, Any]): one row of :data:`MARKERS` or :data:`SIGNALS` (keys ``id``, ``field``,
            ``op``, ``value``).
        answers (Mapping[str, Any]): the answers as a mapping or :class:`~beltlib.answers.Answers`
            (see :mod:`beltlib.answers`); counts for ``connections``/``groups``.

    Returns:
        bool: True when ``answers[marker["field"]]`` passes the marker's test (``in``, ``not_in``, ``is``, ``ge``,
        ``gt``; a ``value`` ``{"fact": name, "times": x}`` compares with ``answers[name] * x``).

    Raises:
        ValueError: if the row's ``op`` is unknown (a broken table).
        KeyError: if ``answers`` lacks the marker's field.

    Source: the row's ``source`` (article, « Ceinture verte » / « Ceinture noire »).
    """
    given, op, value = answers[marker["field"]], marker["op"], marker["value"]
    if isinstance(value, dict):  # {"fact": name, "times": x}: another fact, scaled
        value = answers[value["fact"]] * value["times"]
    if op == "in":
        return given in value
    if op == "not_in":
        return given not in value
    if op == "is":
        return given is value
    if op == "ge":
        return bool(given >= value)
    if op == "gt":
        return bool(given > value)
    raise ValueError(f"rules table: unknown op {op!r} in marker {marker['id']!r}")


def condition_met(cond: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    """Tell whether a condition of the table (a note's ``when``, :data:`HAS_PROFILE`) holds.

    Args:
        cond (Mapping[str, Any]): ``{"all": [...]}``, ``{"any": [...]}``, ``{"not": c}`` or a test
            ``{"field", "op", "value"}`` (see :func:`marker_met`); ``{"all": []}`` always holds.
        facts (Mapping[str, Any]): the answers plus the assessment's facts (``has_profile``, ``belt``,
            ``target_belt``, ``position``, ``target_hours``).

    Returns:
        bool: whether it holds.

    Raises:
        ValueError: unknown op (a broken table). KeyError: a fact the condition names is missing.

    Source: the row that holds the condition.
    """
    if "all" in cond:
        return all(condition_met(c, facts) for c in cond["all"])
    if "any" in cond:
        return any(condition_met(c, facts) for c in cond["any"])
    if "not" in cond:
        return not condition_met(cond["not"], facts)
    return marker_met(cond, facts)


def markers_of(belt: str) -> tuple[dict[str, Any], ...]:
    """Return the markers of one belt, in table order.

    Args:
        belt (str): ``"green"`` or ``"black"``; any other belt gives an empty tuple.

    Returns:
        tuple[dict[str, Any], ...]: the rows of :data:`MARKERS` for that belt (7 green, 4 black).

    Raises:
        Nothing.

    Source: article, « Ceinture verte » (green markers) and « Ceinture noire » (black markers).
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

    Source: article, « Ceinture blanche », « Ceinture verte » and « Ceinture noire »; thresholds are the
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
    """This report's estimate of the share of LinkedIn users below the person, percent.

    Within the belt's band of :data:`BANDS` the position grows linearly with the score,
    with BAND_PADDING_POINTS of padding below and above the belt's reachable scores, so
    the estimate is strictly between 0 and 100 and never lower for more markers.

    Args:
        belt (str): a belt of :data:`BELTS`.
        score (float): the score of :func:`score_for` (points, 0–100).

    Returns:
        float: percent, rounded to 0.1; ``none`` (no profile, not placed) gives 0.0.

    Raises:
        KeyError: if ``belt`` is not one of :data:`BELTS`.

    Source: article shares (« la plupart », « environ 10 % », « moins de 2% »); the position inside
    a band is this report's estimate (assumptions SHARES and BAND_PADDING_POINTS).
    """
    if belt == "none":
        return BANDS["none"][0]
    low, high = BANDS[belt]
    s_min, s_max = BAND_SCORES[belt]
    below, above = BAND_PADDING_POINTS[belt]
    fraction = (score - s_min + below) / ((s_max - s_min) + below + above)
    return round_half_up(low + (high - low) * fraction, 1)


#: Rule values the catalogue's sentences name as ``{placeholders}`` instead of typing them:
#: name -> (``"number"`` or ``"percent"``, how to read the value from the tables above, when asked).
TEXT_VALUES: dict[str, tuple[str, Callable[[], float]]] = {
    "min_connections": ("number", lambda: next(m for m in MARKERS if m["id"] == "connections_20")["value"]),
    "max_connections_green": ("number", lambda: next(s for s in SIGNALS if s["id"] == "connections_over_200")["value"]),
    "max_connections": ("number", lambda: MAX_CONNECTIONS),
    "green_markers": ("number", lambda: len(markers_of("green"))), "black_markers": ("number", lambda: len(markers_of("black"))),
    "green_min_markers": ("number", lambda: MIN_MARKERS["green"]), "black_min_markers": ("number", lambda: MIN_MARKERS["black"]),
    "green_points": ("number", lambda: WEIGHTS["green"]), "black_points": ("number", lambda: WEIGHTS["black"]),
    "green_max_points": ("number", lambda: len(markers_of("green")) * WEIGHTS["green"]),
    "black_max_points": ("number", lambda: len(markers_of("black")) * WEIGHTS["black"]),
    "max_score": ("number", lambda: sum(len(markers_of(b)) * w for b, w in WEIGHTS.items())),
    "white_share": ("percent", lambda: SHARES["white"]), "green_share": ("percent", lambda: SHARES["green"]),
    "black_share": ("percent", lambda: SHARES["black"]),
}


def text_values(names: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """The rule values of :data:`TEXT_VALUES`, read from the tables when called (so they follow any change).

    Args:
        names (Iterable[str] | None): the names wanted (each a key of :data:`TEXT_VALUES`); None: all.

    Returns:
        dict[str, dict[str, Any]]: name -> ``{"value", "format", "digits"}``: the value (a count, points, or
        percent for ``*_share``), ``"number"`` or ``"percent"``, and its decimals (at most 2), which
        :func:`beltlib.texts.t` (and the page's ``t``) formats with ``number``/``percent``; a value read from
        another answer (``{"fact": ...}``) is no fixed number and is left out.

    Raises:
        KeyError: a name not in :data:`TEXT_VALUES`. Source: the markers, signals, weights, counts and shares above.
    """
    out = {}
    for name in TEXT_VALUES if names is None else names:
        fmt, read = TEXT_VALUES[name]
        if isinstance(v := read(), bool) or not isinstance(v, (int, float)):
            continue  # a value read from another answer ({"fact": ...}) is no fixed number a sentence can state
        digits = 0 if isinstance(v, int) else next(d for d in range(3) if round(v, d) == round(v, 2))
        out[name] = {"value": v, "format": fmt, "digits": digits}
    return out


def rules_table() -> dict[str, Any]:
    """The whole rule table as JSON-serialisable data (read by the page's engine.js).

    Args:
        None.

    Returns:
        dict[str, Any]: keys ``belts``, ``markers``, ``signals``, ``weights``, ``min_markers``, ``bands``,
        ``band_scores``, ``band_padding``, ``personas``, ``target_belt``, ``belt_hours``, ``effort_curves``,
        ``has_profile``, ``plan_belts``, ``notes``, ``weekly_invites``, ``shares`` (fresh copies of the module's data)
        and ``text_values`` (:func:`text_values`: the rule values sentences name).

    Raises:
        Nothing.

    Source: article, all belt sections, and every named assumption (:data:`ASSUMPTIONS`).
    """
    import copy
    return copy.deepcopy({
        "belts": list(BELTS), "markers": [dict(m) for m in MARKERS],
        "signals": [dict(s) for s in SIGNALS], "weights": dict(WEIGHTS),
        "min_markers": dict(MIN_MARKERS), "bands": {k: list(v) for k, v in BANDS.items()},
        "band_scores": {k: list(v) for k, v in BAND_SCORES.items()},
        "band_padding": {k: list(v) for k, v in BAND_PADDING_POINTS.items()}, "personas": list(PERSONAS),
        "target_belt": dict(TARGET_BELT), "belt_hours": dict(BELT_HOURS_PER_WEEK),
        "effort_curves": {k: dict(v) for k, v in EFFORT_CURVES.items()},
        "has_profile": dict(HAS_PROFILE),
        "plan_belts": {k: list(v) for k, v in PLAN_BELTS.items()}, "notes": [dict(n) for n in NOTES],
        "weekly_invites": WEEKLY_INVITES, "shares": dict(SHARES), "text_values": text_values(),
    })


#: Every named assumption: (name, value). Explanations are in the text
#: catalogue under ``assumption.<name>`` (English and French).
ASSUMPTIONS: tuple[tuple[str, Any], ...] = (
    ("GREEN_MIN_MARKERS", GREEN_MIN_MARKERS),
    ("BLACK_MIN_MARKERS", BLACK_MIN_MARKERS),
    ("GREEN_POINTS", GREEN_POINTS),
    ("BLACK_POINTS", BLACK_POINTS),
    ("SHARES", SHARES),
    ("BAND_PADDING_POINTS", BAND_PADDING_POINTS),
    ("TARGET_BELT", TARGET_BELT),
    ("OVER_200_SIGNAL", MAX_CONNECTIONS_GREEN),
    ("DISCUSSION_ANSWERS", {"read_only": False, "own_feed": True}),
    ("TIME_WARNING_FACTOR", TIME_WARNING_FACTOR),
    ("USEFULNESS_RULE", USEFULNESS_RULE),
    ("BELT_HOURS_PER_WEEK", BELT_HOURS_PER_WEEK),
    ("EFFORT_CURVES", EFFORT_CURVES),
    ("ACTION_MINUTES", {m["id"]: m["action_minutes"] for m in MARKERS}),
    ("PLAN_ORDER", {m["id"]: m["priority"] for m in MARKERS}),
    ("WEEKLY_INVITES", WEEKLY_INVITES),
    ("MAX_HOURS_PER_WEEK", MAX_HOURS_PER_WEEK),
)
