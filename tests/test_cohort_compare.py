"""The group before and after (``cohort AFTER --compare BEFORE``, beltlib.cohort.compare): shares then and now,
worked out by hand from two known folders, the privacy rules (nothing under 5, nothing by subtraction), bad input."""
from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from beltlib import example_answers, rules
from beltlib.cohort import MIN_CELL, SUPPRESSED, Respondent, respondents_of
from beltlib.cohort.aggregate import protect, summarise
from beltlib.cohort.compare import HIDDEN, _breakdowns, build, compare, guard, small_change
from beltlib.texts import t
from helpers import NAMES, NO_PROFILE, WHITE_SEEKER, write_json
from typography import problems

GREEN = example_answers()  # the job seeker's example: green, every green marker met


def run_cohort(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "beltlib", "cohort", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def folder(path: Path, *groups: tuple[object, int]) -> Path:
    """A folder of answers files with private-looking names: (answers, how many) per group."""
    path.mkdir()
    n = 0
    for answers, count in groups:
        for _ in range(count):
            write_json(path / f"{NAMES[n % 2]}_{n}.json", answers)
            n += 1
    return path


@pytest.fixture
def groups(tmp_path) -> Path:
    """before/: 12 white job seekers (3 green markers: no photo, under 20 connections, no group, never
    posts) and 8 green ones; after/: 5 white and 15 green; after_small/: 6 white, 12 green, 2 without a profile."""
    folder(tmp_path / "before", (WHITE_SEEKER, 12), (GREEN, 8))
    folder(tmp_path / "after", (WHITE_SEEKER, 5), (GREEN, 15))
    folder(tmp_path / "after_small", (WHITE_SEEKER, 6), (GREEN, 12), (NO_PROFILE, 2))
    return tmp_path


def test_shares_then_and_now(groups):
    out = run_cohort("after", "--compare", "before", "--json", cwd=groups)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"before", "after", "article_shares_percent", "agenda"}  # the public keys, unchanged
    assert set(data["before"]) == set(data["after"]) == {"respondents", "invalid", "belt_shares_percent",
                                                         "marker_prevalence"}
    assert data["before"]["respondents"] == data["after"]["respondents"] == 20
    # Then: no profile 0 and black 0 are under 5 and hold 0 together, so green (8) is hidden with them
    # (as on the cohort page); white 12 of 20 is shown. Now: white (5) hides with the zeros; green 15 of 20 shows.
    assert data["before"]["belt_shares_percent"] == {"none": HIDDEN, "white": 60.0, "green": HIDDEN, "black": HIDDEN}
    assert data["after"]["belt_shares_percent"] == {"none": HIDDEN, "white": HIDDEN, "green": 75.0, "black": HIDDEN}
    # markers, of the whole group: the four green markers the white belts lack, met by 8 then and 15 now
    # (a change of 7, and 7 fewer lack them: both 5 or more); met by all 20 (nobody lacks it) or by nobody: hidden
    shown = {"photo": (0.4, 0.75), "connections_20": (0.4, 0.75), "forums": (0.4, 0.75), "groups": (0.4, 0.75)}
    for side, i in (("before", 0), ("after", 1)):
        assert data[side]["marker_prevalence"] == {m["id"]: shown[m["id"]][i] if m["id"] in shown else HIDDEN
                                                   for m in rules.MARKERS}
    # the cohort page's agenda of the group now: lacked by 5 each first (table order), then the rest
    assert data["agenda"] == ["photo", "connections_20", "forums", "groups", "profile_current",
                              "invites_acquaintances", "contacts_through_network"]
    assert SUPPRESSED == HIDDEN and "fewer than 5" not in out.stdout  # one word for every hidden share
    for name in NAMES:
        assert name not in out.stdout


def test_no_count_recoverable_by_subtraction(groups):
    before = respondents_of([*[WHITE_SEEKER] * 12, *[GREEN] * 8])
    cmp = compare(before, respondents_of([*[WHITE_SEEKER] * 6, *[GREEN] * 12, *[NO_PROFILE] * 2]))
    # Now: no profile 2 and black 0 hold 2: white (6) hides with them; green 12 of 20 shows.
    assert cmp.after.belt_shares_percent == {"none": HIDDEN, "white": HIDDEN, "green": 60.0, "black": HIDDEN}
    # The photo: met by 8 then, 12 now. Both columns alone are fine (8/12 and 12/8), but the change, 4 people,
    # is too small: "now" is hidden (and the complement with it). So for every marker now.
    assert cmp.before.marker_prevalence["photo"] == 0.4
    assert set(cmp.after.marker_prevalence.values()) == {HIDDEN}
    # Two newcomers, both green: 20 then (12 white, 8 green), 22 now (12 white, 10 green). Shown alone, "now"
    # would give white 12 (54.5%): white unchanged and the total up 2 tell that the 2 newcomers are not white.
    # White is hidden now; green 10 shows, and nothing is shown on both sides to subtract.
    joined = compare(before, respondents_of([*[WHITE_SEEKER] * 12, *[GREEN] * 10]))
    assert joined.before.belt_shares_percent == {"none": HIDDEN, "white": 60.0, "green": HIDDEN, "black": HIDDEN}
    assert joined.after.belt_shares_percent == {"none": HIDDEN, "white": HIDDEN, "green": 45.5, "black": HIDDEN}
    assert joined.after.marker_prevalence["photo"] == HIDDEN  # 8 then, 10 now: the 2 newcomers have a photo
    # A share whose complement is 1 to 4 people: 18 of 20 white would tell the 2 others.
    almost = compare(before, respondents_of([*[WHITE_SEEKER] * 18, *[GREEN] * 2]))
    assert almost.after.belt_shares_percent["white"] == HIDDEN
    assert almost.after.belt_shares_percent["green"] == HIDDEN
    # Large moves are shown: 10 white and 10 green (green shown, white hidden with the zeros), then 20 white,
    # 5 green and 5 without a profile (black 0 alone would be the total minus the rest: no profile hides with it).
    # Green fell by 5 and the others together rose by 15: both shown.
    big = compare(respondents_of([*[WHITE_SEEKER] * 10, *[GREEN] * 10]),
                  respondents_of([*[WHITE_SEEKER] * 20, *[GREEN] * 5, *[NO_PROFILE] * 5]))
    assert big.before.belt_shares_percent == {"none": HIDDEN, "white": HIDDEN, "green": 50.0, "black": HIDDEN}
    assert big.after.belt_shares_percent == {"none": HIDDEN, "white": 66.7, "green": 16.7, "black": HIDDEN}
    out = run_cohort("after_small", "--compare", "before", cwd=groups)
    assert out.returncode == 0
    assert "  White belt: 60.0% → –; article: most users (about 88%)" in out.stdout.splitlines()
    assert "  Green belt: – → 60.0%; article: about 10%" in out.stdout.splitlines()
    assert "Respondents: 20 then, 20 now." in out.stdout


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_says_the_rule_once_and_marks_hidden_shares(groups, lang):
    out = run_cohort("after", "--compare", "before", "--lang", lang, cwd=groups)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    if lang == "en":
        assert lines[3:13] == [
            "Respondents: 20 then, 20 now.", "",
            "Privacy: no name, no file name, no free text, only shares. “–” marks a share not shown: fewer than 5 "
            "people, or one that the total or the other column would give away by subtraction.", "",
            "Belts, then → now (share of the group; the article’s share of LinkedIn users):",
            "  No profile: – → –; article: not among users",
            "  White belt: 60.0% → –; article: most users (about 88%)",
            "  Green belt: – → 75.0%; article: about 10%",
            "  Black belt: – → –; article: under 2%", ""]
        assert lines[13:] == ["Markers the group lacks most now (share of the group who meet it, then → now):",
                              "  1. Profile photo: 40.0% → 75.0%", "  2. At least 20 connections: 40.0% → 75.0%",
                              "  3. Reads discussions and sometimes posts: 40.0% → 75.0%",
                              "  4. Member of groups tied to your field or school: 40.0% → 75.0%",
                              "  5. Profile current, comparable to your CV: – → –"]
    else:
        assert lines[3] == "Répondants\u00a0: 20 alors, 20 maintenant."
        assert lines[5].startswith("Confidentialité\u00a0: aucun nom") and "«\u00a0–\u00a0»" in lines[5]
        assert "  Ceinture blanche\u00a0: 60,0\u00a0% → –\u202f; article\u00a0: la plupart (environ 88\u00a0%)" in lines
        assert "  1. Photo de profil\u00a0: 40,0\u00a0% → 75,0\u00a0%" in lines
        assert [p for line in lines for p in problems(line, "fr")] == []
    assert out.stdout.count("not shown") + out.stdout.count("non affiché") == 1  # one mark, explained once
    assert out.stdout.count("fewer than 5") + out.stdout.count("moins de 5") == 1


# ---------------------------------------------------------------- the rule, for random small cohorts
def _reader_sees(shown: dict[str, int | str], total: int) -> tuple[dict[str, int], int]:
    """What subtraction gives a reader of one column: the counts shown and the sum of the hidden ones."""
    counts = {k: v for k, v in shown.items() if v != HIDDEN}
    return counts, total - sum(counts.values())


def _check_breakdown(then: dict[str, int], now: dict[str, int], shown_then: dict, shown_now: dict) -> None:
    for counts, shown in ((then, shown_then), (now, shown_now)):
        visible, rest = _reader_sees(shown, sum(counts.values()))
        hidden = [k for k in counts if k not in visible]
        assert all(counts[k] == visible[k] >= MIN_CELL for k in visible)  # nothing under 5 shown
        # the hidden cells: none, all (their sum is the exact total), or 2 or more holding 5 or more together;
        # so no hidden count is the total minus the counts shown
        assert not hidden or len(hidden) == len(counts) or (len(hidden) >= 2 and rest >= MIN_CELL), (counts, shown)
    # across the columns: every set of cells whose count both columns give (cells shown on both sides, and
    # the others together), but the whole group, changed by 0 or by 5 or more
    both = [k for k in then if shown_then[k] != HIDDEN and shown_now[k] != HIDDEN]
    blocks = [[k] for k in both] + ([[k for k in then if k not in both]] if len(both) < len(then) else [])
    for size in range(1, len(blocks)):
        for chosen in itertools.combinations(blocks, size):
            cells = [k for block in chosen for k in block]
            change = sum(now[k] for k in cells) - sum(then[k] for k in cells)
            assert change == 0 or abs(change) >= MIN_CELL, (cells, then, now, shown_then, shown_now)


RESPONDENT = st.builds(Respondent, persona=st.sampled_from(rules.PERSONAS), belt=st.sampled_from(rules.BELTS),
                       has_profile=st.just(True),
                       met=st.frozensets(st.sampled_from(["photo", "groups", "forums", "same_day_reply"])),
                       at_or_above_target=st.just(False), markers_needed=st.just(1))
TABLE_ORDER = [m["id"] for m in rules.MARKERS]
BELT_OF = {m["id"]: m["belt"] for m in rules.MARKERS}


def _order_a_reader_can_make(shown: dict[str, float | str], black: bool) -> list[str]:
    """The agenda from what the comparison shows now alone: per belt the shares shown, lowest first (ties in
    the table's order), then every share not shown, in the table's order (nothing a hidden value could move)."""
    belts = ["green", "black"] if black else ["green"]
    head = [i for b in belts for i in sorted((i for i in TABLE_ORDER if BELT_OF[i] == b and shown[i] != HIDDEN),
                                             key=lambda i: (shown[i], TABLE_ORDER.index(i)))]
    return head + [i for i in TABLE_ORDER if BELT_OF[i] in belts and shown[i] == HIDDEN]


@settings(max_examples=300, deadline=None)
@given(st.lists(RESPONDENT, max_size=30), st.lists(RESPONDENT, max_size=30))
def test_no_hidden_count_follows_from_the_shares_shown(before, after):
    then, now = _breakdowns(before), _breakdowns(after)
    cmp = compare(before, after)
    for key in then:
        shown_then, shown_now = guard(then[key], now[key])
        _check_breakdown(then[key], now[key], shown_then, shown_now)
        # the shares are these counts over the exact totals, and hidden exactly where the counts are
        for side, shown, n in ((cmp.before, shown_then, len(before)), (cmp.after, shown_now, len(after))):
            values = side.belt_shares_percent if key == "belts" else {"met": side.marker_prevalence[key]}
            for cell, value in values.items():
                expected = shown[cell] if shown[cell] == HIDDEN else rules.round_half_up(
                    shown[cell] / n * (100 if key == "belts" else 1), 1 if key == "belts" else 3)
                assert value == pytest.approx(expected) if value != HIDDEN else expected == HIDDEN
    # the agenda (JSON "agenda", and the page's table order) follows from the shares shown now alone: a share
    # hidden here (a change of 1 to 4) placed by its real value among those shown would be bounded by them
    by_persona = summarise(after).by_persona
    black = any(by_persona[p]["respondents"] != HIDDEN for p in ("recruiter", "sales"))
    expected = _order_a_reader_can_make(cmp.after.marker_prevalence, black)
    assert cmp.to_dict()["agenda"] == expected
    rows = next(b["rows"] for sec in build(cmp)["sections"] if sec["id"] == "cohort-compare-agenda"
                for b in sec["blocks"] if b["kind"] == "table")
    assert [r[0] for r in rows] == [t(f"marker.{i}", "en") for i in expected]


def test_a_change_of_1_to_4_is_found_and_hidden():
    then, now = {"a": 10, "b": 10}, {"a": 12, "b": 10}
    assert small_change(then, now, protect(then), protect(now)) == "a"  # a up 2 (and the total up 2)
    assert guard(then, now) == ({"a": 10, "b": 10}, {"a": HIDDEN, "b": HIDDEN})
    assert guard({"a": 10, "b": 10}, {"a": 15, "b": 10}) == ({"a": 10, "b": 10}, {"a": 15, "b": 10})


def test_page_in_french_through_the_cohort_renderer(groups):
    out = run_cohort("after", "--compare", "before", "--lang", "fr", "-o", "page.html", "--title", "Club <emploi>",
                     cwd=groups)
    assert out.returncode == 0, out.stderr
    page = (groups / "page.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in page and "<script" not in page and "Club &lt;emploi&gt;" in page
    assert 'class="belt-cohort-compare-belts' in page and 'class="belt-cohort-compare-agenda' in page
    assert "<td data-label=\"Maintenant\">75,0\u00a0%</td>" in page
    for name in NAMES:
        assert name not in page
    doc = build(compare(respondents_of([*[WHITE_SEEKER] * 12, *[GREEN] * 8]),
                        respondents_of([*[WHITE_SEEKER] * 5, *[GREEN] * 15])), "fr")
    assert [s["id"] for s in doc["sections"]] == ["cohort-privacy", "cohort-compare-belts", "cohort-compare-agenda",
                                                  "cohort-method"]
    texts = [b["text"] for s in doc["sections"] for b in s["blocks"] if b["kind"] == "paragraph"]
    texts += [c for s in doc["sections"] for b in s["blocks"] if b["kind"] == "table" for r in b["rows"] for c in r]
    assert [p for x in texts for p in problems(x, "fr")] == []


@pytest.mark.parametrize("case", ["empty_before", "missing_before", "page_is_a_folder"])
def test_bad_input_exit_2_nothing_written(groups, case):
    (groups / "empty").mkdir()
    (groups / "out").mkdir()
    args = {"empty_before": ["after", "--compare", "empty", "-o", "out/page.html"],
            "missing_before": ["after", "--compare", "nowhere", "-o", "out/page.html"],
            "page_is_a_folder": ["after", "--compare", "before", "-o", "out"]}[case]
    out = run_cohort(*args, cwd=groups)
    assert out.returncode == 2 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert list((groups / "out").iterdir()) == []


def test_a_share_hidden_for_a_small_change_is_not_placed_by_its_value():
    # 28 job seekers: the profile current for 13 and a photo for 14, then and now; in groups 14 then, 13 now
    # (a change of 1: "now" is not shown). Placed by its real share (13 of 28, 0.464) between 0.464 and 0.5,
    # the reader would pin it to 13 or 14, and "hidden for a change of 1 to 4" to 13.
    def person(k: int, groups: bool) -> Respondent:
        met = [i for i, has in (("profile_current", k < 13), ("photo", k < 14), ("groups", groups)) if has]
        return Respondent("job_seeker", "white", True, frozenset(met), False, 1)

    cmp = compare([person(k, k >= 14) for k in range(28)], [person(k, 14 <= k < 27) for k in range(28)])
    assert cmp.before.marker_prevalence["groups"] == 0.5 and cmp.after.marker_prevalence["groups"] == HIDDEN
    assert (cmp.after.marker_prevalence["profile_current"], cmp.after.marker_prevalence["photo"]) == (0.464, 0.5)
    # the shares shown now, lowest first; then every share not shown now, in the table's order
    assert cmp.to_dict()["agenda"] == ["profile_current", "photo", "invites_acquaintances",
                                       "contacts_through_network", "connections_20", "forums", "groups"]
