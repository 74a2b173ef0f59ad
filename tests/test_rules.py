"""Table tests at every boundary of the rules, and the effort model per persona."""
import math

import pytest

from beltlib import assess, effort, example_answers, rules
from beltlib.answers import EXAMPLE, validate

NO_MARKERS = {**EXAMPLE, "profile": "outdated", "photo": False, "invitations": "accept_only",
              "outreach": "never", "connections": 5, "discussions": "never", "groups": 0,
              "reply_time": "rarely", "premium": False}
# One change per green marker, in table order.
GREEN_ON = [{"profile": "current"}, {"photo": True}, {"invitations": "acquaintances"},
            {"outreach": "when_no_other_way"}, {"connections": 20},
            {"discussions": "read_and_sometimes_post"}, {"groups": 1}]


def with_green(n, **extra):
    data = dict(NO_MARKERS)
    for change in GREEN_ON[:n]:
        data.update(change)
    data.update(extra)
    return assess(validate(data))


ALL_GREEN = {k: v for c in GREEN_ON for k, v in c.items()}


@pytest.mark.parametrize("n, belt", [(0, "white"), (4, "white"), (5, "green"), (7, "green")])
def test_green_needs_five_of_seven(n, belt):
    a = with_green(n)
    assert (a.belt, a.green_met, a.black_met, a.score) == (belt, n, 0, 10.0 * n)


@pytest.mark.parametrize("black, belt, score", [
    ({}, "green", 70.0),
    ({"reply_time": "same_day", "outreach": "strangers"}, "green", 85.0),
    ({"reply_time": "same_day", "outreach": "strangers", "discussions": "lead"}, "black", 92.5),
    ({"reply_time": "same_day", "outreach": "strangers", "discussions": "lead",
      "invitations": "after_every_meeting"}, "black", 100.0),
])
def test_black_needs_three_of_four_on_top_of_green(black, belt, score):
    a = assess(validate({**NO_MARKERS, **ALL_GREEN, **black}))
    assert (a.belt, a.score) == (belt, score)


def test_black_markers_without_green_stay_white():
    a = assess(validate({**NO_MARKERS, "reply_time": "same_day", "outreach": "strangers",
                         "discussions": "lead", "invitations": "after_every_meeting"}))
    # the 4 black choices also meet 3 green markers (invitations, outreach, discussions)
    assert (a.belt, a.green_met, a.black_met, a.score) == ("white", 3, 4, 60.0)
    assert a.percentile == 72.0  # 88 * (60 + 30) / (70 + 30 + 10): padding 30 below, 10 above


@pytest.mark.parametrize("connections, marker, over_200", [
    (19, False, False), (20, True, False), (200, True, False), (201, True, True)])
def test_connection_thresholds(connections, marker, over_200):
    a = assess(validate({**EXAMPLE, "connections": connections}))
    assert dict((m.id, m.met) for m in a.markers)["connections_20"] is marker
    assert dict((s.id, s.met) for s in a.signals)["connections_over_200"] is over_200
    assert a.belt == "green"  # 19 connections leaves 6 of 7 green markers


def test_premium_is_a_signal_not_a_marker():
    plain = assess(validate({**EXAMPLE, "premium": False}))
    paid = assess(validate({**EXAMPLE, "premium": True}))
    assert (plain.score, plain.belt) == (paid.score, paid.belt)
    assert dict((s.id, s.met) for s in paid.signals)["premium"] is True


def test_no_profile_is_no_belt_and_meets_no_marker():
    a = assess(validate({**EXAMPLE, "findable": "no_profile"}))
    assert (a.belt, a.score, a.percentile, a.actions) == ("none", 0.0, 0.0, ())
    assert (a.green_met, a.black_met) == (0, 0) and not any(m.met for m in a.markers)


def test_plan_intro_says_reached_when_at_or_above_target():
    from beltlib.report import plan_lines
    at = assess(validate({**EXAMPLE, "photo": False}))
    assert at.belt == "green" and at.position == "at"
    assert plan_lines(at)[0] == "You have reached the green belt. Optional, to make it sturdier:"
    below = with_green(2)
    assert plan_lines(below)[0] == "This week, the 3 steps that reach the green belt (about 50\u00a0min in all):"


def test_hard_to_find_still_counts():
    assert assess(validate({**EXAMPLE, "findable": "hard_to_find"})).belt == "green"


@pytest.mark.parametrize("n, percentile", [(0, 24.0), (4, 56.0)])  # 88 * (10 n + 30) / 110
def test_white_percentiles(n, percentile):
    assert with_green(n).percentile == percentile


@pytest.mark.parametrize("extra, percentile", [
    ({}, 88.0 + 10 * 30 / 55),  # 7 green, 0 black: score 70 in [50, 85], padding 10 below and above
    ({"reply_time": "same_day", "outreach": "strangers", "discussions": "lead",
      "invitations": "after_every_meeting"}, 98.0 + 2 * 37.5 / 57.5),  # black: padding 10 below, 20 above
])
def test_green_and_black_percentiles(extra, percentile):
    a = assess(validate({**NO_MARKERS, **ALL_GREEN, **extra}))
    assert a.percentile == pytest.approx(round(percentile, 1))


def test_example_is_green_job_seeker():
    a = assess(example_answers())
    assert (a.belt, a.score, a.percentile, a.target_belt, a.position) == ("green", 70.0, 93.5, "green", "at")


@pytest.mark.parametrize("persona, target", [
    ("not_looking", "green"), ("job_seeker", "green"), ("recruiter", "black"), ("sales", "black")])
def test_target_belt_and_curve_optimum_match_the_article(persona, target):
    assert rules.TARGET_BELT[persona] == target
    assert effort.best_belt(persona) == target
    # the continuous optimum is the target belt's typical effort (cost per hour derived from it)
    assert effort.best_hours(persona) == pytest.approx(rules.BELT_HOURS_PER_WEEK[target], abs=1e-4)
    assert round(effort.best_hours(persona), 2) == rules.BELT_HOURS_PER_WEEK[target]


def test_action_plan_is_the_shortest_path_then_the_rest():
    a = with_green(2)  # profile and photo met: 3 more make green
    ids = [x.marker_id for x in a.actions]
    # at equal minutes (15), joining a group (once) comes before writing through LinkedIn (every week)
    assert ids == ["groups", "contacts_through_network", "forums", "invites_acquaintances", "connections_20"]
    assert [x.on_path for x in a.actions] == [True, True, True, False, False]
    assert (a.markers_needed, a.shortest_path, a.shortest_path_minutes) == (
        3, ("groups", "contacts_through_network", "forums"), 50)


def test_outdated_profile_is_the_first_step():
    a = with_green(0)  # nothing met, profile outdated: the report says to update it first, so it is step 1
    ids = [x.marker_id for x in a.actions]
    assert "outdated_profile" in a.notes
    assert a.shortest_path == ("profile_current", "photo", "groups", "contacts_through_network", "forums")
    assert ids[5:] == ["invites_acquaintances", "connections_20"]


def test_recruiter_plan_includes_black_markers():
    a = assess(validate({**EXAMPLE, "persona": "recruiter"}))
    assert [x.marker_id for x in a.actions] == ["connects_after_every_meeting", "same_day_reply",
                                                 "contacts_strangers", "leads_discussions"]


def test_notes():
    above = assess(example_answers("recruiter").replace(persona="job_seeker"))
    assert above.position == "above" and "above_target" in above.notes
    outdated = assess(validate({**EXAMPLE, "profile": "outdated", "offline_networking": False}))
    assert outdated.notes == ("outdated_profile", "call_on_network", "offline", "premium_not_needed", "recommendations")


def test_person_usefulness_depends_on_hours_and_markers():
    full = effort.person_usefulness(1.0, 70, "job_seeker")
    assert full == pytest.approx(effort.usefulness(1.0, "job_seeker"))  # every green marker: on the curve
    cost = rules.EFFORT_CURVES["job_seeker"]["cost_per_hour"]
    assert full == pytest.approx(1 - math.exp(-4) - cost)  # what 1 h brings minus what it costs
    assert effort.person_usefulness(1.0, 35, "job_seeker") == pytest.approx(effort.gain(1.0, "job_seeker") / 2 - cost)
    values = {h: effort.person_usefulness(h, 40, "job_seeker") for h in (0, 0.5, 1, 10)}
    assert values[0] == 0 and values[0.5] < values[1] and values[10] < values[1]  # past the balance: less


def test_band_scores_are_derived_from_the_table():
    assert rules.BAND_SCORES == {"white": (0.0, 70.0), "green": (50.0, 85.0), "black": (72.5, 100.0)}


def test_marker_table_rows_cite_the_article():
    for row in rules.MARKERS + rules.SIGNALS:
        assert row["source"].startswith(("Ceinture verte", "Ceinture noire", "Ceinture blanche")), row["id"]
        assert "«" in row["source"]
