"""What the cohort's views may show (beltlib.cohort.privacy): exact shown and hidden values on known groups, and,
for random small groups, no hidden count that follows from the numbers shown.

The audit here is the reader's: it starts from the published summary (what the JSON, the text and the page show),
writes every number shown as a sum of (situation, belt) cells, and asks, with the null space of those sums (numpy's
SVD, not the module's own elimination), whether a hidden number, or any group of people of the shape "these
situations × these belts [at or below their target]" holding 0 to 4, is fixed by them: sums, differences,
complements, shares of the known total.
"""
from __future__ import annotations

import itertools
import statistics

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beltlib import example_answers, rules
from beltlib.cohort import MIN_CELL, SUPPRESSED, Respondent, read_cohort, respondents_of, summarise
from beltlib.cohort.compare import HIDDEN
from beltlib.cohort.privacy import ATOMS, at_target, first_leak, merge_bins, protect, settle
from helpers import NO_PROFILE, WHITE_SEEKER, make_cohort

MARKER_IDS = [m["id"] for m in rules.MARKERS]
BELT_OF = {m["id"]: m["belt"] for m in rules.MARKERS}


# ---------------------------------------------------------------- the reader's audit
def vector(persona=None, belt=None, position=None) -> np.ndarray:
    """The (situation, belt) cells of a group: situations × belts, optionally only at ("at") or below ("below")."""
    return np.array([int((persona is None or p in persona) and (belt is None or b in belt)
                         and (position is None or at_target(p, b) == (position == "at"))) for p, b in ATOMS])


def published(s) -> tuple[list[np.ndarray], list[tuple[str, np.ndarray]]]:
    """The sums a reader of the summary knows (the total first), and the hidden numbers, named."""
    known, hidden = [vector()], []
    for b in rules.BELTS:
        (hidden.append((f"belt {b}", vector(belt={b}))) if s.belts[b] == HIDDEN else known.append(vector(belt={b})))
    for p, v in s.by_persona.items():
        if v["respondents"] == HIDDEN:
            hidden.append((f"persona {p}", vector({p})))
        else:
            known.append(vector({p}))
        if v["at_or_above_target"] == HIDDEN:
            hidden += [(f"{p} at", vector({p}, position="at")), (f"{p} below", vector({p}, position="below"))]
        else:
            known.append(vector({p}, position="at"))
    if "0" in s.markers_needed:  # the bar "0": everyone at or above their target
        known.append(vector(position="at"))
    return known, hidden


def fixed(known: list[np.ndarray], target: np.ndarray) -> bool:
    """Whether ``target``'s sum follows from the ``known`` sums: orthogonal to every change they leave free."""
    matrix = np.array(known, dtype=float)
    _, sv, vt = np.linalg.svd(matrix)
    free = vt[int((sv > 1e-9).sum()):]  # the null space: changes of the cells that no known sum sees
    return not len(free) or bool(np.abs(free @ target).max() < 1e-9)


def natural_groups():
    """Every group "these situations × these belts", whole, at or below the target."""
    subsets = [set(c) for n in range(1, 5) for c in itertools.combinations(rules.PERSONAS, n)]
    belts = [set(c) for n in range(1, 5) for c in itertools.combinations(rules.BELTS, n)]
    for ps, bs, pos in itertools.product(subsets, belts, (None, "at", "below")):
        v = vector(ps, bs, pos)
        if v.any() and not v.all():
            yield f"{sorted(ps)} × {sorted(bs)} {pos or ''}", v


GROUPS = list(natural_groups())


def leaks(s, people: list[Respondent]) -> list[str]:
    """What a reader of ``s`` can work out of ``people`` that the rules forbid (empty when nothing)."""
    cells = np.array([sum(r.persona == p and r.belt == b for r in people) for p, b in ATOMS])
    known, hidden = published(s)
    out = [f"{name} = {int(v @ cells)}" for name, v in hidden if fixed(known, v)]
    out += [f"{name} = {int(v @ cells)}" for name, v in GROUPS if v @ cells < MIN_CELL and fixed(known, v)]
    return out


# ---------------------------------------------------------------- known groups, exact values
@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    d = make_cohort(tmp_path_factory.mktemp("cohort"))
    c = read_cohort([d / "folder", d / "answers.csv", d / "sales.json"])
    return respondents_of(c.answers), c.invalid


def test_the_22_person_cohort_shows_nothing_that_gives_a_small_group_away(cohort):
    people, invalid = cohort
    s = summarise(people, invalid)
    assert s.belts == {"none": HIDDEN, "white": 10, "green": 6, "black": HIDDEN}
    # marker shares of all 22, not of the 19 with a profile: 9/22 and 14/22; no base to work back to
    assert s.marker_prevalence["photo"] == 0.409 and s.marker_prevalence["profile_current"] == 0.636
    assert {round(v * 22) for v in s.marker_prevalence.values() if v != HIDDEN} == {9, 14}
    assert s.by_persona["job_seeker"] == {"respondents": 14, "at_or_above_target": 6}
    # "0" alone (9) would tell 9 - 6 = 3 others at their target, and 22 - 10 white - 9 = 3 without a profile
    # or recruiters at green: merged with "1" (nobody needs exactly 1 here, which the bar does not say)
    assert s.markers_needed == {"0–1": 9, "2": 5, "3–8": 8} and s.markers_needed_median == 2.0
    assert leaks(s, people) == []
    # the reader's audit has teeth: the bar "0" the page showed before this change gives both counts of 3 away
    before = dict(s.__dict__, markers_needed={"0": 9, "1–2": 5, "3–8": 8})
    found = leaks(type(s)(**before), people)
    assert "['not_looking', 'recruiter', 'sales'] × ['black', 'green', 'none', 'white'] at = 3" in found
    assert "['recruiter', 'sales'] × ['green', 'none'] = 3" not in found  # (none of those: the sum is one group)
    assert any(g.endswith("= 3") and "'none'" in g for g in found)


def test_the_22_person_cohort_before_the_fix_told_19_profiles(cohort):
    """The issue's leak, worked by hand: 47.4% of those with a profile is 9 of 19, so 3 have none, so 3 are black."""
    people, _ = cohort
    with_profile = sum(r.has_profile for r in people)
    photo = sum("photo" in r.met for r in people)
    assert (photo, with_profile, round(photo / with_profile * 100, 1)) == (9, 19, 47.4)
    assert 22 - 10 - 6 - (22 - with_profile) == sum(r.belt == "black" for r in people) == 3
    shown = summarise(people).marker_prevalence["photo"]
    assert shown == round(photo / 22, 3)  # now of the 22 everyone knows


def test_the_before_group_reads_not_shown_for_green():
    """12 white and 8 green job seekers: green (8) is hidden only to protect the two empty belts, and reads so."""
    s = summarise(respondents_of([WHITE_SEEKER] * 12 + [example_answers()] * 8))
    assert s.belts == {"none": HIDDEN, "white": 12, "green": HIDDEN, "black": HIDDEN}
    assert s.to_dict()["belts"]["green"] == "not shown" and SUPPRESSED == HIDDEN == "not shown"
    # the bar "0" (8) with white (12) would tell that 20 - 12 - 8 = 0 have no profile: merged with "1"
    assert s.markers_needed == {"0–1": 8, "2–8": 12} and s.markers_needed_median == HIDDEN
    assert leaks(s, respondents_of([WHITE_SEEKER] * 12 + [example_answers()] * 8)) == []
    after = respondents_of([WHITE_SEEKER] * 6 + [example_answers()] * 12 + [NO_PROFILE] * 2)
    a = summarise(after)
    assert a.belts == {"none": HIDDEN, "white": HIDDEN, "green": 12, "black": HIDDEN}
    assert a.markers_needed == {"0": 12, "1–8": 8} and a.markers_needed_median == 0.0
    assert leaks(a, after) == []


def test_protect_and_merge_bins():
    assert protect({"a": 10, "b": 3, "c": 8}) == {"a": 10, "b": HIDDEN, "c": HIDDEN}
    assert protect({"a": 10, "b": 6}, hidden=["b"]) == {"a": HIDDEN, "b": HIDDEN}
    with pytest.raises(KeyError, match=r"unknown cell\(s\) \['z'\] \(allowed: a, b\)"):
        protect({"a": 1, "b": 2}, ["z"])
    assert merge_bins({0: 9, 1: 0, 2: 5, 3: 8}) == {"0": 9, "1–2": 5, "3": 8}
    assert merge_bins({0: 9, 1: 0, 2: 5, 3: 8}, zero_alone=False) == {"0–1": 9, "2": 5, "3": 8}
    assert merge_bins({0: 2, 1: 1}) == {"0–1": HIDDEN}


def test_first_leak_finds_a_difference_across_tables():
    joint = {a: 0 for a in ATOMS}
    joint.update({("job_seeker", "green"): 6, ("job_seeker", "white"): 8, ("recruiter", "black"): 3,
                  ("not_looking", "white"): 5})
    cells = [joint[a] for a in ATOMS]
    at_js, zero = vector({"job_seeker"}, position="at"), vector(position="at")
    leak = first_leak([vector({"job_seeker"}), at_js, zero], [], cells)
    # 9 at their target, 6 of them job seekers: the 3 recruiters at black
    assert leak is not None and np.array(leak) @ np.array(cells) == 3 and leak == tuple(zero - at_js)
    assert first_leak([vector({"job_seeker"}), at_js], [], cells) is None
    assert first_leak([vector({"job_seeker"})], [vector({"recruiter"})], cells) is None  # 22 - 14: 8 in 3 cells
    assert first_leak([vector({"job_seeker"}), vector({"not_looking"})], [vector({"recruiter"})], cells) is not None
    # settled: white (13) and job seekers at their target (6) would tell the 3 others not white: the smaller goes,
    # then the bar "0" (9, with white: 22 - 13 - 9 = 0 without a profile or recruiters at green)
    shown = settle(joint, zero_bin=True)
    assert shown["belts"]["white"] == 13 and shown["at"]["job_seeker"] == HIDDEN and shown["zero_alone"] is False
    # the 22-person cohort: hiding the bar "0" is enough, so the count at their target stays (hidden first, then
    # shown again once the bar was hidden)
    joint = {a: 0 for a in ATOMS}
    joint.update({("job_seeker", "green"): 6, ("job_seeker", "white"): 5, ("job_seeker", "none"): 3,
                  ("not_looking", "white"): 5, ("recruiter", "black"): 2, ("sales", "black"): 1})
    shown = settle(joint, zero_bin=True)
    assert shown["at"]["job_seeker"] == 6 and shown["zero_alone"] is False


# ---------------------------------------------------------------- random small groups
TYPE = st.tuples(st.sampled_from(rules.PERSONAS), st.sampled_from(rules.BELTS),
                 st.frozensets(st.sampled_from(MARKER_IDS)), st.integers(1, 8), st.integers(1, 9))


def people_of(groups) -> list[Respondent]:
    out = []
    for persona, belt, met, steps, count in groups:
        at = at_target(persona, belt)
        most = 5 if rules.TARGET_BELT[persona] == "green" else 8
        r = Respondent(persona, belt, belt != "none", frozenset() if belt == "none" else met, at,
                       0 if at else min(steps, most))
        out += [r] * count
    return out


def median_from_bars(bars: dict, n: int) -> float | None:
    """The median the histogram shown gives, or None when a middle respondent is in a merged bar."""
    values, start = {}, 0
    for label, count in bars.items():
        for i in range(start, start + count):
            values[i] = None if "–" in label else int(label)
        start += count
    middle = [values[(n - 1) // 2], values[n // 2]]
    return None if None in middle else statistics.mean(middle)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TYPE, min_size=1, max_size=7))
def test_no_hidden_count_follows_from_the_numbers_shown(groups):
    people = people_of(groups)
    n = len(people)
    s = summarise(people)
    # 1. the people tables: no hidden number, no group of 0 to 4, follows (the no-profile count included)
    assert leaks(s, people) == []
    # 2. shares: of the known total only (a count of at least 5, with at least 5 on the other side)
    for b, v in s.belt_shares_percent.items():
        assert (v == HIDDEN) == (s.belts[b] == HIDDEN)
    for i, v in s.marker_prevalence.items():
        met = sum(i in r.met for r in people)
        if v != HIDDEN:
            assert v == round(rules.round_half_up(met / n, 3), 3) and met >= MIN_CELL and n - met >= MIN_CELL
    for v in s.by_persona.values():
        assert v["at_or_above_target"] == HIDDEN or v["respondents"] != HIDDEN
    # 3. the steps: bars of 5 or more spanning 0 to 8 (whatever the targets present); the median from them alone
    labels = list(s.markers_needed)
    assert labels[0].startswith("0") and labels[-1].endswith("8")
    assert list(s.markers_needed.values()) == [HIDDEN] or all(c >= MIN_CELL for c in s.markers_needed.values())
    if s.markers_needed_median != HIDDEN:
        assert s.markers_needed_median == median_from_bars(s.markers_needed, n)
    # 4. the agenda follows from the numbers shown alone: black markers only when a count of recruiters or
    #    salespeople is shown; per belt the shares shown, lowest first (ties in the table's order); then every
    #    hidden share in the table's order, whatever its count (placed by "met by 0 to 4" or "lacked by 0 to 4",
    #    it would say "under 5", which "not shown" does not; among the shown ones, its neighbours would bound it)
    black = any(s.by_persona[p]["respondents"] != HIDDEN for p in ("recruiter", "sales"))
    belts = ["green", "black"] if black else ["green"]
    order = [m["id"] for m in rules.MARKERS]
    seen = s.marker_prevalence
    shown = [i for b in belts for i in sorted((i for i in order if BELT_OF[i] == b and seen[i] != HIDDEN),
                                              key=lambda i: (seen[i], order.index(i)))]
    hidden = [i for i in order if BELT_OF[i] in belts and seen[i] == HIDDEN]
    assert s.agenda() == s.to_dict()["agenda"] == shown + hidden
