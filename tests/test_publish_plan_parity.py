"""Parity without a browser: the page's "Add my plan to my calendar" (``beltlib/publish/plan.js`` with the
vendored ical.js, under Node) is ``belt-report plan --ics`` (:func:`beltlib.calendar.to_ics`).

For many answer sets — every persona's example, no profile, white, green and black belts, paths of more
than 7 steps, cases at the target with a first step — in English and French, from start dates on a
month's and a year's boundary and around a leap day (and, since the rules give at most 5 steps, the
same answers with every action made a step: more than 7, two a day), the page's calendar text parsed back with
Python's ``icalendar`` has the same calendar properties (PRODID, VERSION, CALSCALE, X-WR-CALNAME) and the
same events, in order (UID, SUMMARY, DESCRIPTION, DTSTART, DTEND, DURATION, RRULE), as
``to_ics(build_plan(...))``. Only DTSTAMP differs (the page's is now; Python's may be SOURCE_DATE_EPOCH).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import icalendar

from beltlib import assess, example_answers, rules, validate
from beltlib.calendar import build_plan, to_ics
from beltlib.texts import LANGS
from node_engine import page  # noqa: F401  (fixture: the engine under Node; tests/node_engine.py)

STARTS = [dt.date(2026, 12, 28), dt.date(2027, 1, 31), dt.date(2028, 2, 27), dt.date(2026, 6, 1)]
NONE_MET = {"schema": 1, "persona": "job_seeker", "findable": "easy_to_find", "profile": "outdated", "photo": False,
            "premium": False, "connections": 19, "invitations": "accept_only", "outreach": "never", "groups": 0,
            "discussions": "never", "reply_time": "rarely", "hours_per_week": 1.0, "offline_networking": False}
ALL_MET = {**NONE_MET, "profile": "current", "photo": True, "connections": 500, "invitations": "after_every_meeting",
           "outreach": "strangers", "groups": 3, "discussions": "lead", "reply_time": "same_day", "hours_per_week": 8.0}


def answer_sets() -> list[dict]:
    """Every persona: its example, no profile, none met (white; more than 7 steps to black), all met (black),
    green with an outdated profile (at the target: the update first), and a green belt short of black."""
    out = []
    for persona in rules.PERSONAS:
        ex = example_answers(persona).to_dict()
        green = {**NONE_MET, "persona": persona, "profile": "current", "photo": True, "connections": 20,
                 "invitations": "acquaintances", "groups": 1}
        out += [ex, {**ex, "findable": "no_profile"}, {**NONE_MET, "persona": persona}, {**ALL_MET, "persona": persona},
                {**green, "profile": "outdated", "discussions": "read_and_sometimes_post"}, green,
                {**green, "reply_time": "same_day", "discussions": "lead"}]
    return out


def ics_facts(text: str) -> dict:
    """What the parity compares: the calendar's properties and each event's, parsed with icalendar."""
    cal = icalendar.Calendar.from_ical(text)
    props = {k: str(cal[k]) for k in ("PRODID", "VERSION", "CALSCALE", "X-WR-CALNAME")}
    events = []
    for ev in cal.walk("VEVENT"):
        events.append({"UID": str(ev["UID"]), "SUMMARY": str(ev["SUMMARY"]), "DESCRIPTION": str(ev["DESCRIPTION"]),
                       "DTSTART": ev.decoded("DTSTART"),
                       "DTEND": ev.decoded("DTEND") if "DTEND" in ev else None,
                       "DURATION": ev.decoded("DURATION") if "DURATION" in ev else None,
                       "RRULE": dict(ev["RRULE"]) if "RRULE" in ev else None,
                       "DTSTAMP": isinstance(ev.decoded("DTSTAMP"), dt.datetime)})
    return {"calendar": props, "events": events}


JS_PLAN = """(cases) => {
  const E = window.BeltReport.engine;
  return cases.map(([answers, lang, y, m, d, long]) => {
    const a = E.assess(answers);
    if (long) a.actions.forEach(x => { x.on_path = true; });  /* every action a step: a path of more than 7 */
    return E.planIcs(a, lang, {year: y, month: m, day: d});
  });
}"""


def _assessment(answers: dict, long: bool):
    """The assessment; ``long``: every action on the path (the rules give at most 5 steps; the calendar's
    second hour is for a path of more than 7)."""
    a = assess(validate(answers))
    if long:
        a = dataclasses.replace(a, actions=tuple(dataclasses.replace(x, on_path=True) for x in a.actions))
    return a


def test_the_pages_calendar_file_is_the_commands(page):  # noqa: F811
    cases = [(answers, lang, start, False) for answers in answer_sets() for lang in LANGS for start in STARTS]
    cases += [({**NONE_MET, "persona": p}, lang, start, True) for p in rules.PERSONAS for lang in LANGS
              for start in STARTS]
    got = page.evaluate(JS_PLAN, [[a, lang, s.year, s.month, s.day, long] for a, lang, s, long in cases])
    kinds, longest = set(), 0
    for (answers, lang, start, long), text in zip(cases, got):
        plan = build_plan(_assessment(answers, long), lang, start)
        want = ics_facts(to_ics(plan))
        assert ics_facts(text) == want, (answers, lang, start)
        assert text.endswith("\r\n") and "\r\n " in text  # CRLF, long lines folded (RFC 5545 3.1)
        kinds.update((x.kind, x.hour if x.minutes else None) for x in plan.items)
        longest = max(longest, len(plan.of_kind("step")))
    # every kind of event was compared: steps at both hours, habits, the whole-day no-profile step and the re-check
    assert {("step", 18), ("step", 12), ("habit", 18), ("no_profile", None), ("recheck", None)} <= kinds
    assert longest > 7


def test_the_calendar_crosses_the_year_and_holds_no_answer(page):  # noqa: F811
    answers = {**NONE_MET, "persona": "recruiter"}
    text = page.evaluate(JS_PLAN, [[answers, "fr", 2026, 12, 28, True]])[0]
    facts = ics_facts(text)
    steps = [e for e in facts["events"] if e["UID"].startswith("20261228-step-")]
    assert [e["DTSTART"] for e in steps[:5]] == [dt.datetime(2026, 12, 28 + i, 18) for i in range(4)] + [
        dt.datetime(2027, 1, 1, 18)]
    assert steps[7]["DTSTART"] == dt.datetime(2026, 12, 28, 12)  # the 8th step: the first day, at the second hour
    recheck = facts["events"][-1]
    assert recheck["UID"] == "20261228-recheck-recheck@belt-report"
    assert recheck["DTSTART"] == dt.date(2027, 1, 25) and recheck["DTEND"] == dt.date(2027, 1, 26)
    assert "Comparer avec des réponses précédentes" in recheck["DESCRIPTION"]
    assert facts["calendar"]["X-WR-CALNAME"] == "Belt Report\u00a0: votre plan LinkedIn"
    assert "recruiter" not in text and "accept_only" not in text  # no answer in the file
    assert all(e["DTSTAMP"] for e in facts["events"])
