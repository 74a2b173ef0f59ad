"""A cohort's answers summarised: belts, marker prevalence, personas, steps to target.

:func:`summarise` assesses every respondent with :func:`beltlib.assess` and counts.
The result, :class:`CohortSummary`, is what every view shows (the command's JSON
and text, the cohort page, the notebook); its :meth:`CohortSummary.to_dict` gives
the exact keys of ``python -m beltlib cohort --json`` (issue 13).

Privacy by construction (:mod:`beltlib.cohort.privacy`): a count or share of fewer than :data:`MIN_CELL`
respondents is never shown, nor one the numbers shown would give away together (subtraction,
complements, the tables' links): it reads :data:`SUPPRESSED` ("not shown"), one word for every hidden
value. Marker shares are of the whole group (no count of profiles is shown or follows); the agenda's
order and the median follow from the numbers shown. Only the totals (``respondents``, ``invalid``) are exact.
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
from .privacy import HIDDEN, MIN_CELL, merge_bins, protect, settle, shown  # noqa: F401 (shown: re-exported)

#: What replaces a hidden count or share (JSON value; pages say it in their language, catalogue key
#: ``cohort.compare.hidden``): the comparison's word, :data:`beltlib.cohort.privacy.HIDDEN`.
SUPPRESSED = HIDDEN
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


@dataclasses.dataclass(frozen=True)
class CohortSummary:
    """The cohort in numbers as every view may show them: hidden values already read :data:`SUPPRESSED`.

    Attributes:
        respondents: valid respondents (count, exact).
        invalid: files or CSV rows skipped (count, exact).
        persona: the persona filter applied (:data:`ALL` for everyone).
        belts: belt → count (``none``/``white``/``green``/``black``) or :data:`SUPPRESSED`.
        belt_shares_percent: belt → share of the respondents, percent (0.1 steps) or :data:`SUPPRESSED`.
        marker_prevalence: marker id → share (0–1, 0.001 steps) of the respondents (the whole group: those
            without a profile meet none) who meet it, or :data:`SUPPRESSED`; table order.
        by_persona: persona → {``respondents``, ``at_or_above_target``} (counts or :data:`SUPPRESSED`).
        markers_needed: steps (``"0"``, or a merged range ``"1–3"``) → respondents: bins merged
            until each holds 5 or more (:func:`~beltlib.cohort.privacy.merge_bins`), from 0 to the most
            anyone in the view could need (8: the green and black minimums; 5 in a view of one situation
            aiming for green).
        markers_needed_median: the median of the markers still needed when the histogram shown tells it
            (the middle respondents fall in bars of one value each), else :data:`SUPPRESSED`.
        agenda_order: the marker ids of :meth:`agenda`, in its order.
    """

    respondents: int
    invalid: int
    persona: str
    belts: dict[str, int | str]
    belt_shares_percent: dict[str, float | str]
    marker_prevalence: dict[str, float | str]
    by_persona: dict[str, dict[str, int | str]]
    markers_needed: dict[str, int | str]
    markers_needed_median: float | str
    agenda_order: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The ``cohort --json`` object (issue 13's exact keys).

        Returns:
            dict[str, Any]: ``respondents``, ``invalid``, ``belts``, ``belt_shares_percent``,
            ``article_shares_percent`` (white 88, green 10, black 2), ``marker_prevalence`` (0–1 of the whole
            group), ``by_persona`` (persona → ``respondents``, ``at_or_above_target``), ``markers_needed_median``,
            ``agenda`` (marker ids in the agenda's order, :meth:`agenda`). A hidden value is the string
            ``"not shown"``.

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
        """The workshop agenda: the markers of the group's target belts, what the group lacks most first.

        Worked out by :func:`agenda_order` from numbers the views show, so that the order tells no
        hidden count: see there.

        Returns:
            list[str]: marker ids.

        Raises:
            Nothing.

        Source: article, « Alors, quelle ceinture choisir ? » (target belts); :data:`beltlib.rules.MARKERS`.
        """
        return list(self.agenda_order)


def aims_for_black(persona: str, by_persona: Mapping[str, Mapping[str, int | str]]) -> bool:
    """Whether the view shows that some of the group aim for the black belt (so the agenda lists its markers).

    Args:
        persona (str): the view's filter (:data:`ALL` or a persona).
        by_persona (Mapping[str, Mapping[str, int | str]]): :attr:`CohortSummary.by_persona`.

    Returns:
        bool: the filter is a persona aiming for black (recruiters, salespeople), or, for everyone, the table
        by situation shows a count of recruiters or of salespeople (5 or more). A hidden count says nothing:
        listing the black markers for 1 to 4 recruiters would tell that the hidden cells are not 0.

    Raises:
        KeyError: unknown persona.

    Source: :data:`beltlib.rules.TARGET_BELT`; assumption MIN_CELL.
    """
    if persona != ALL:
        return rules.TARGET_BELT[persona] == "black"
    return any(rules.TARGET_BELT[p] == "black" and v["respondents"] != SUPPRESSED for p, v in by_persona.items())


def agenda_order(prevalence: Mapping[str, float | str], black: bool) -> tuple[str, ...]:
    """The agenda's order, from the shares shown alone: no hidden value moves a marker.

    The green markers (everyone aims at least for green; the belts are cumulative), then the black ones when
    ``black``: within a belt, the markers whose share is shown, lowest first (what the group lacks most; ties
    keep the table's order). Then every marker whose share is hidden, in the table's order, whatever its
    count: placing one by which side of it is small (met by 0 to 4, or lacked by 0 to 4) would say that it is
    under 5, which "not shown" deliberately does not; placing it among the shown shares would bound it by
    its neighbours (a share between 0.464 and 0.5 of 28 people is 13 or 14).

    Args:
        prevalence (Mapping[str, float | str]): marker id → share shown (0–1), or :data:`SUPPRESSED`; every
            marker of the table (:attr:`CohortSummary.marker_prevalence`, or a side of the comparison).
        black (bool): list the black markers (:func:`aims_for_black`).

    Returns:
        tuple[str, ...]: marker ids.

    Raises:
        KeyError: a marker of the table missing from ``prevalence``.

    Source: :data:`beltlib.rules.MARKERS` (table order, belts); assumption MIN_CELL.
    """
    belts = ("green", "black") if black else ("green",)
    listed = [m["id"] for m in rules.MARKERS if m["belt"] in belts]
    hidden = [i for i in listed if prevalence[i] == SUPPRESSED]
    head: list[str] = []
    for belt in belts:
        head += sorted((m["id"] for m in rules.MARKERS if m["belt"] == belt and m["id"] not in hidden),
                       key=lambda i: float(prevalence[i]))
    return tuple(head + hidden)


def _share(count: int, base: int, digits: int, scale: float) -> float:
    return round(rules.round_half_up(count / base * scale, digits), digits)


def median_shown(values: list[int], bins: Mapping[str, int | str]) -> float | str:
    """The median of the steps when the histogram shown tells it, else :data:`SUPPRESSED`.

    Args:
        values (list[int]): each respondent's steps, ascending.
        bins (Mapping[str, int | str]): the histogram shown (:func:`~beltlib.cohort.privacy.merge_bins`).

    Returns:
        float | str: the median when each middle respondent falls in a bar of one value (then the bars give
        it); :data:`SUPPRESSED` when one falls in a merged bar ("1–3": the median would tell how it splits).

    Raises:
        Nothing.

    Source: assumption MIN_CELL.
    """
    n = len(values)
    middle = {(n - 1) // 2, n // 2}
    edges, start = [], 0
    for label, count in bins.items():
        if count == SUPPRESSED:
            return SUPPRESSED
        edges.append((start, start + int(count), label))
        start += int(count)
    for i in middle:
        label = next(lb for a, b, lb in edges if a <= i < b)
        if "\u2013" in label:
            return SUPPRESSED
    return float(statistics.median(values))


def summarise(respondents: list[Respondent], invalid: int = 0, persona: str = ALL) -> CohortSummary:
    """Count a cohort (optionally one persona of it), every hidden value already hidden.

    Args:
        respondents (list[Respondent]): from :func:`respondents_of`.
        invalid (int): files or CSV rows skipped (count).
        persona (str): :data:`ALL` or one of :data:`beltlib.rules.PERSONAS` (keep only those respondents).

    Returns:
        CohortSummary: the counts and shares (percent for belts, 0–1 of the whole group for markers).

    Raises:
        ValueError: unknown ``persona``, naming the allowed values.

    Source: article shares (:data:`beltlib.rules.SHARES`); markers and target belts of
    :mod:`beltlib.rules`; assumption MIN_CELL (:mod:`beltlib.cohort.privacy`).
    """
    if persona != ALL and persona not in rules.PERSONAS:
        raise ValueError(f"persona: got {persona!r} (allowed: one of {', '.join((ALL, *rules.PERSONAS))})")
    group = respondents if persona == ALL else [r for r in respondents if r.persona == persona]
    n = len(group)
    joint = {(p, b): 0 for p in rules.PERSONAS for b in rules.BELTS}
    marker_counts = {m["id"]: 0 for m in rules.MARKERS}
    needed = {k: 0 for k in range(rules.MIN_MARKERS["green"] + rules.MIN_MARKERS["black"] + 1)}
    for r in group:
        joint[r.persona, r.belt] += 1
        for marker_id in r.met:
            marker_counts[marker_id] += 1
        needed[r.markers_needed] += 1
    # Steps run from 0 to the most anyone in the view could need (not the targets present: that would tell
    # whether the hidden situations hold a recruiter).
    target = "black" if persona == ALL else rules.TARGET_BELT[persona]
    most = rules.MIN_MARKERS["green"] + (rules.MIN_MARKERS["black"] if target == "black" else 0)
    tables = settle(joint, needed[0] >= MIN_CELL, known=persona != ALL)
    steps = merge_bins({k: v for k, v in needed.items() if k <= most}, zero_alone=tables["zero_alone"])
    belts, personas = tables["belts"], tables["personas"]
    # a marker splits the whole group in two: who meets it and who does not (those without a profile)
    prevalence = {i: SUPPRESSED if protect({"met": c, "not": n - c})["met"] == SUPPRESSED else _share(c, n, 3, 1.0)
                  for i, c in marker_counts.items()}
    by_persona = {p: {"respondents": personas[p], "at_or_above_target": tables["at"][p]} for p in rules.PERSONAS}
    return CohortSummary(
        respondents=n, invalid=invalid, persona=persona,
        belts=belts,
        belt_shares_percent={b: SUPPRESSED if c == SUPPRESSED else _share(int(c), n, 1, 100.0)
                             for b, c in belts.items()},
        marker_prevalence=prevalence,
        by_persona=by_persona,
        markers_needed=steps,
        markers_needed_median=median_shown(sorted(r.markers_needed for r in group), steps),
        agenda_order=agenda_order(prevalence, aims_for_black(persona, by_persona)),
    )
