"""A cohort's answers summarised: belts, marker prevalence, personas, steps to target.

:func:`summarise` assesses every respondent with :func:`beltlib.assess` and counts.
The result, :class:`CohortSummary`, is what every view shows (the command's JSON
and text, the cohort page, the notebook); its :meth:`CohortSummary.to_dict` gives
the exact keys of ``python -m beltlib cohort --json`` (issue 13).

Privacy by construction: any breakdown of fewer than :data:`MIN_CELL` respondents
(a belt, a persona, the respondents meeting a marker) is replaced by :data:`SUPPRESSED` —
never a count or a share; so is its complement (a share of markers met when fewer than 5 do
not meet it, "at or above the target" when fewer than 5 are below it), and when one cell of a
breakdown of the exact total is hidden, more are (:func:`protect`, which the comparison of
:mod:`beltlib.cohort.compare` reuses), so that no hidden count is the total minus the counts
shown. The steps histogram merges neighbouring bins until each holds 5 or more
(:func:`merge_bins`). Only the totals (``respondents``, ``invalid``) are exact.
Nothing of a respondent but their answers is read here: no file name, no free text.
"""
from __future__ import annotations

import dataclasses
import operator
import statistics
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .. import rules
from ..answers import Answers
from ..assessment import assess

#: Smallest group shown as a count or a share (assumption MIN_CELL: the usual small-cell rule of
#: published statistics; a group of 1 to 4 could point at a person).
MIN_CELL = 5
#: What replaces a count or share of fewer than :data:`MIN_CELL` respondents (JSON value; pages
#: and summaries say it in their language, catalogue key ``cohort.fewer``).
SUPPRESSED = "fewer than 5"
#: The article's shares of LinkedIn users per belt, percent (white 88, green 10, black 2).
ARTICLE_SHARES = dict(rules.SHARES)
#: Persona filter value meaning "everyone".
ALL = "all"


@dataclasses.dataclass(frozen=True)
class Respondent:
    """What the cohort keeps of one respondent: no name, no file, no free text.

    Attributes:
        persona: one of :data:`beltlib.rules.PERSONAS`.
        belt: ``none`` | ``white`` | ``green`` | ``black``.
        has_profile: False when the belt is ``none``.
        met: ids of the markers met.
        at_or_above_target: the belt is at or above the persona's target belt.
        markers_needed: :attr:`beltlib.assessment.Assessment.markers_needed` (0 at or above the target).
    """

    persona: str
    belt: str
    has_profile: bool
    met: frozenset[str]
    at_or_above_target: bool
    markers_needed: int


def fields_read(rule: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields a rule of the table reads: a marker's test or a condition, nested conditions included.

    Args:
        rule (Mapping[str, Any]): a test ``{"field", "op", "value"}`` (a marker, :data:`beltlib.rules.HAS_PROFILE`)
            or ``{"all": [...]}`` / ``{"any": [...]}`` / ``{"not": c}`` (see :func:`beltlib.rules.condition_met`).

    Returns:
        tuple[str, ...]: each ``field``, and each field a ``value`` ``{"fact": name, "times": x}`` names,
        once, in the order met.

    Raises:
        KeyError: a test without ``field`` (a broken table).
    """
    if "all" in rule or "any" in rule:
        parts = [fields_read(c) for c in rule.get("all", rule.get("any", []))]
        return tuple(dict.fromkeys(f for part in parts for f in part))
    if "not" in rule:
        return fields_read(rule["not"])
    value = rule.get("value")
    scaled = [value["fact"]] if isinstance(value, Mapping) and "fact" in value else []
    return tuple(dict.fromkeys([rule["field"], *scaled]))


def key_fields(table: Mapping[str, Any] | None = None) -> tuple[str, ...]:
    """The answers fields everything the cohort keeps of an assessment follows from (its cache key).

    ``persona`` (kept as is, and the key of the table's ``target_belt``), then the fields the
    ``has_profile`` condition reads, then those the markers read: read from the rules table, so a
    rule that reads a new field is keyed on it without a change here.

    Args:
        table (Mapping[str, Any] | None): :func:`beltlib.rules.rules_table` (default: read it now).

    Returns:
        tuple[str, ...]: field names of :class:`~beltlib.answers.Answers`, each once.

    Raises:
        KeyError: a broken table (a test without ``field``).

    Source: :data:`beltlib.rules.HAS_PROFILE`, :data:`beltlib.rules.MARKERS`, :data:`beltlib.rules.TARGET_BELT`.
    """
    table = rules.rules_table() if table is None else table
    fields = ["persona", *fields_read(table["has_profile"]), *(f for m in table["markers"] for f in fields_read(m))]
    return tuple(dict.fromkeys(fields))


class _Keys:
    """The assessment key of answers: persona, what ``has_profile`` reads and which markers hold.

    Everything of an assessment the cohort uses (belt, markers, target, position) follows from that
    key, so :func:`respondents_of` assesses once per key. The fields come from the rules table
    (:func:`key_fields`); the markers that read the same fields are judged once per distinct value
    of those fields (:func:`beltlib.rules.marker_met` on those values alone).
    """

    def __init__(self) -> None:
        table = rules.rules_table()
        self.profile = operator.attrgetter(*fields_read(table["has_profile"]))
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for m in table["markers"]:
            groups.setdefault(fields_read(m), []).append(m)
        # Per group of markers: the values it reads (one value, or a tuple for several fields), the
        # markers, and what they gave for each value seen.
        self.groups: list[tuple[tuple[str, ...], Callable[[Answers], Any], list[dict[str, Any]],
                                dict[Any, tuple[bool, ...]]]] = [
            (fields, operator.attrgetter(*fields), markers, {}) for fields, markers in groups.items()]

    def _met(self, fields: tuple[str, ...], markers: list[dict[str, Any]], value: Any) -> tuple[bool, ...]:
        facts = dict(zip(fields, value if len(fields) > 1 else (value,), strict=True))
        return tuple(rules.marker_met(m, facts) for m in markers)

    def __call__(self, answers: Answers) -> tuple:
        key: list[Any] = [answers.persona, self.profile(answers)]
        for fields, values_of, markers, seen in self.groups:
            value = values_of(answers)
            met = seen.get(value)
            if met is None:
                met = seen[value] = self._met(fields, markers, value)
            key.append(met)
        return tuple(key)


def respondents_of(answers: Iterable[Answers]) -> list[Respondent]:
    """Assess each respondent and keep what the cohort shows.

    Args:
        answers (Iterable[Answers]): validated answers, one per respondent.

    Returns:
        list[Respondent]: in the same order.

    Raises:
        TypeError: an item is not :class:`~beltlib.answers.Answers`.

    Source: :func:`beltlib.assess` (article, all sections; named assumptions).
    """
    seen: dict[tuple, Respondent] = {}
    key_of = _Keys()
    out = []
    for item in answers:
        if not isinstance(item, Answers):
            raise TypeError("respondents_of() takes validated Answers; call beltlib.validate(dict) first")
        key = key_of(item)
        r = seen.get(key)
        if r is None:
            a = assess(item)
            r = seen[key] = Respondent(a.answers.persona, a.belt, a.belt != "none",
                                       frozenset(m.id for m in a.markers if m.met), a.position != "below",
                                       a.markers_needed)
        out.append(r)
    return out


def protect(counts: Mapping[str, int], hidden: Iterable[str] = ()) -> dict[str, int | str]:
    """The cells of a breakdown of an exact total as they may be shown: none recoverable by subtraction.

    Cells under :data:`MIN_CELL` are hidden (0 included), and so are the cells of ``hidden``; then,
    while a single cell is hidden or the hidden cells hold fewer than :data:`MIN_CELL` in all (the
    total minus the cells shown would tell them), the smallest shown cell is hidden too. Every hidden
    cell must read the same (the cohort page: "fewer than 5"; the comparison: "not shown"), so that
    nothing but their sum is known of them.

    Args:
        counts (Mapping[str, int]): cell → count (people); the cells add up to a total that is shown.
        hidden (Iterable[str]): cells to hide whatever their count (the comparison hides a cell whose
            change from then to now is too small to show, :func:`beltlib.cohort.compare.guard`); default none.

    Returns:
        dict[str, int | str]: cell → count or :data:`SUPPRESSED`, in the same order (every cell hidden
        when nothing less will do).

    Raises:
        KeyError: a cell of ``hidden`` that is not in ``counts``, naming the cells allowed.

    Source: assumption MIN_CELL (primary and complementary suppression of published tables).
    """
    shut = {k for k, c in counts.items() if c < MIN_CELL} | set(hidden)
    if shut - set(counts):
        raise KeyError(f"hidden: unknown cell(s) {sorted(shut - set(counts))} (allowed: {', '.join(counts)})")
    while shut and len(shut) < len(counts) and (len(shut) == 1 or sum(counts[k] for k in shut) < MIN_CELL):
        shut.add(min((k for k in counts if k not in shut), key=lambda k: counts[k]))
    return {k: SUPPRESSED if k in shut else c for k, c in counts.items()}


def merge_bins(counts: Mapping[int, int]) -> dict[str, int | str]:
    """A histogram's bins merged with their neighbours until each holds :data:`MIN_CELL` or more.

    Args:
        counts (Mapping[int, int]): value → count, in ascending order of value.

    Returns:
        dict[str, int | str]: label (``"3"``, or ``"1–2"`` for merged values) → count; one
        :data:`SUPPRESSED` bin spanning every value when the whole holds fewer than :data:`MIN_CELL`.

    Source: assumption MIN_CELL.
    """
    keys = list(counts)
    bins: list[list[int]] = []  # [first value, last value, count]
    start, acc = keys[0], 0
    for k in keys:
        acc += counts[k]
        if acc >= MIN_CELL:
            bins.append([start, k, acc])
            start, acc = k + 1, 0
    if bins and (acc or start <= keys[-1]):  # what is left joins the last bin
        bins[-1][1], bins[-1][2] = keys[-1], bins[-1][2] + acc
    if not bins:
        return {_span(keys[0], keys[-1]): SUPPRESSED}
    return {_span(a, b): c for a, b, c in bins}


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}\u2013{b}"


def shown(count: int) -> int | str:
    """A count as it may be shown: itself from :data:`MIN_CELL` up, else :data:`SUPPRESSED`.

    Args:
        count (int): respondents in a breakdown.

    Returns:
        int | str: ``count`` or ``"fewer than 5"``.

    Raises:
        Nothing.

    Source: assumption MIN_CELL.
    """
    return count if count >= MIN_CELL else SUPPRESSED


@dataclasses.dataclass(frozen=True)
class CohortSummary:
    """The cohort in numbers, small cells already suppressed.

    Attributes:
        respondents: valid respondents (count, exact).
        invalid: files or CSV rows skipped (count, exact).
        persona: the persona filter applied (:data:`ALL` for everyone).
        belts: belt → count (``none``/``white``/``green``/``black``) or :data:`SUPPRESSED`.
        belt_shares_percent: belt → share of the respondents, percent (0.1 steps) or :data:`SUPPRESSED`.
        with_profile: respondents with a LinkedIn profile (base of the marker prevalence), count
            or :data:`SUPPRESSED`.
        marker_prevalence: marker id → share (0–1, 0.001 steps) of the respondents with a profile who meet it,
            or :data:`SUPPRESSED`; table order.
        marker_counts: marker id → respondents who meet it, count or :data:`SUPPRESSED`.
        by_persona: persona → {``respondents``, ``at_or_above_target``} (counts or :data:`SUPPRESSED`).
        markers_needed: steps (``"0"``, or a merged range ``"1–3"``) → respondents: bins merged
            until each holds 5 or more (:func:`merge_bins`).
        marker_lacking: marker id → respondents aiming at its belt (their target's plan covers it)
            who do not meet it, count or :data:`SUPPRESSED` (the agenda's order).
        markers_needed_median: the median of the markers still needed, or :data:`SUPPRESSED` (fewer than
            :data:`MIN_CELL` respondents).
        targets: the target belts of the respondents (``green``, ``black``), in belt order.
    """

    respondents: int
    invalid: int
    persona: str
    belts: dict[str, int | str]
    belt_shares_percent: dict[str, float | str]
    with_profile: int | str
    marker_prevalence: dict[str, float | str]
    marker_counts: dict[str, int | str]
    by_persona: dict[str, dict[str, int | str]]
    markers_needed: dict[str, int | str]
    markers_needed_median: float | str
    targets: tuple[str, ...]
    marker_lacking: dict[str, int | str] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The ``cohort --json`` object (issue 13's exact keys).

        Returns:
            dict[str, Any]: ``respondents``, ``invalid``, ``belts``, ``belt_shares_percent``,
            ``article_shares_percent`` (white 88, green 10, black 2), ``marker_prevalence`` (0–1),
            ``by_persona`` (persona → ``respondents``, ``at_or_above_target``), ``markers_needed_median``,
            ``agenda`` (marker ids in the agenda's order, :meth:`agenda`).
            A breakdown of fewer than 5 respondents is the string ``"fewer than 5"``.

        Raises:
            Nothing.
        """
        return {
            "respondents": self.respondents, "invalid": self.invalid,
            "belts": dict(self.belts), "belt_shares_percent": dict(self.belt_shares_percent),
            "article_shares_percent": dict(ARTICLE_SHARES),
            "marker_prevalence": dict(self.marker_prevalence),
            "by_persona": {p: dict(v) for p, v in self.by_persona.items()},
            "markers_needed_median": self.markers_needed_median,
            "agenda": self.agenda(),
        }

    def agenda(self) -> list[str]:
        """The workshop agenda: what the group lacks toward each person's target belt, most lacked first.

        The markers of the group's target belts (green always; black only when a respondent aims
        for black: recruiters, salespeople), ranked by the respondents who aim at the marker's
        belt and do not meet it (:attr:`marker_lacking`), most first: a group of job seekers
        sees green markers first, and a black marker only a few recruiters lack comes after the
        green ones many lack. A hidden value never floats to the top: markers lacked by fewer
        than 5 come last; ties keep the table's order.

        Returns:
            list[str]: marker ids.

        Raises:
            Nothing.

        Source: article, « Alors, quelle ceinture choisir ? » (target belts: « je ne vois aucun intérêt à
        être ceinture noire, à moins d’être recruteur ou commercial »); :data:`beltlib.rules.MARKERS`.
        """
        belts = {"green"} | ({"black"} if "black" in self.targets else set())
        ids = [m["id"] for m in rules.MARKERS if m["belt"] in belts]

        def key(i: str) -> tuple[int, float]:
            lack = self.marker_lacking.get(i, SUPPRESSED)
            if lack == SUPPRESSED:
                return (1, 0.0)
            return (0, -float(lack))
        return sorted(ids, key=key)


def _share(count: int, base: int, digits: int, scale: float) -> float | str:
    if count < MIN_CELL or base < MIN_CELL:
        return SUPPRESSED
    return round(rules.round_half_up(count / base * scale, digits), digits)


def summarise(respondents: list[Respondent], invalid: int = 0, persona: str = ALL) -> CohortSummary:
    """Count a cohort (optionally one persona of it), small cells suppressed.

    Args:
        respondents (list[Respondent]): from :func:`respondents_of`.
        invalid (int): files or CSV rows skipped (count).
        persona (str): :data:`ALL` or one of :data:`beltlib.rules.PERSONAS` (keep only those respondents).

    Returns:
        CohortSummary: the counts and shares (percent for belts, 0–1 for markers).

    Raises:
        ValueError: unknown ``persona``, naming the allowed values.

    Source: article shares (:data:`beltlib.rules.SHARES`); markers and target belts of
    :mod:`beltlib.rules`; assumption MIN_CELL.
    """
    if persona != ALL and persona not in rules.PERSONAS:
        raise ValueError(f"persona: got {persona!r} (allowed: one of {', '.join((ALL, *rules.PERSONAS))})")
    group = respondents if persona == ALL else [r for r in respondents if r.persona == persona]
    n = len(group)
    belt_counts = {b: 0 for b in rules.BELTS}
    marker_counts = {m["id"]: 0 for m in rules.MARKERS}
    needed = {k: 0 for k in range(rules.MIN_MARKERS["green"] + rules.MIN_MARKERS["black"] + 1)}
    targets: set[str] = set()
    persona_counts = {p: [0, 0] for p in rules.PERSONAS}
    lacking = {m["id"]: 0 for m in rules.MARKERS}
    belt_of = {m["id"]: m["belt"] for m in rules.MARKERS}
    with_profile = 0
    for r in group:
        belt_counts[r.belt] += 1
        with_profile += r.has_profile
        for marker_id in r.met:
            marker_counts[marker_id] += 1
        needed[r.markers_needed] += 1
        persona_counts[r.persona][0] += 1
        persona_counts[r.persona][1] += r.at_or_above_target
        targets.add(rules.TARGET_BELT[r.persona])
        aims = rules.PLAN_BELTS[rules.TARGET_BELT[r.persona]]
        for marker_id, belt in belt_of.items():
            if belt in aims and marker_id not in r.met:
                lacking[marker_id] += 1
    # Steps run from 0 to the most a person can need: the green minimum, plus the black one for a black target.
    most = rules.MIN_MARKERS["green"] + (rules.MIN_MARKERS["black"] if "black" in targets else 0)
    steps = merge_bins({k: v for k, v in needed.items() if k <= most})
    belts = protect(belt_counts)
    personas = protect({p: c[0] for p, c in persona_counts.items()})
    # a marker splits those with a profile in two: who meets it and who does not (its complement)
    pairs = {i: protect({"met": c, "not": with_profile - c})["met"] for i, c in marker_counts.items()}
    median = statistics.median(r.markers_needed for r in group) if n >= MIN_CELL else SUPPRESSED
    return CohortSummary(
        respondents=n, invalid=invalid, persona=persona,
        belts=belts,
        belt_shares_percent={b: SUPPRESSED if belts[b] == SUPPRESSED else _share(c, n, 1, 100.0)
                             for b, c in belt_counts.items()},
        with_profile=shown(with_profile),
        marker_prevalence={i: SUPPRESSED if pairs[i] == SUPPRESSED else _share(c, with_profile, 3, 1.0)
                           for i, c in marker_counts.items()},
        marker_counts=dict(pairs),
        by_persona={p: {"respondents": personas[p],
                        "at_or_above_target": SUPPRESSED if personas[p] == SUPPRESSED or c[0] - c[1] < MIN_CELL
                        else shown(c[1])}
                    for p, c in persona_counts.items()},
        markers_needed=steps,
        markers_needed_median=median if isinstance(median, str) else float(median),
        targets=tuple(b for b in rules.BELTS if b in targets),
        marker_lacking={i: shown(c) for i, c in lacking.items()},
    )
