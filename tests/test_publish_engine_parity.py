"""Parity without a browser: the page's engine (JavaScript, under Node) agrees with beltlib (Python).

The page is published with :func:`beltlib.publish.interactive.publish_interactive`; its engine
(``beltlib/publish/engine.js``, built from the JSON data the page embeds) runs under Node
(``tests/node_engine.py``: one ``node`` process per batch) and assesses the same answer sets
as :func:`beltlib.assess`:

- every boundary case of the rules issue, for every persona: 4 vs 5 green
  markers (all 56 subsets), 2 vs 3 black markers, 19/20/200/201 connections,
  no profile, 0 and 60 hours (and formatting edges: 0.05, 0.25, 9.95, 10 hours); 408 cases;
- every combination of the answers that decide markers (9,720 per persona, 38,880 in all);
- 10,000 seeded random answer sets.

Compared: belt, score, percentile (exactly, so also to 0.1), band, target
belt, position, marker and signal results, counts, action ids, cadences and
shortest-path flags, notes, usefulness, best hours, the JSON's ``target_hours``,
``markers_needed``, ``shortest_path`` and ``shortest_path_minutes``; and, in English and
French, the engine's report document (``E.document``) with :func:`beltlib.document.build`:
for the boundary cases the whole document block by block (every section, the summary and
the announcement; the sections the engine does not build come from the page data), for 1 in
50 of the others the sections that depend on the answers block by block, for the rest a
digest of each of those sections and of the document's head. The net usefulness curve the plot draws, the plan's
answer changes (``shortestPath``), the details line, the result's notes and the one-line summary are also
compared directly for the issue's answer sets. Every case builds its
documents in the engine (an embedded catalogue missing a key the page needs would throw),
and its number reading and field messages are checked against the page language's conventions.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import math
import random
import re
from concurrent.futures import ThreadPoolExecutor

from beltlib import assess, document, example_answers, rules, validate
from beltlib.answers import FIELDS
from beltlib.publish.interactive import field_message, input_text
from beltlib.texts import LANGS, number, percent, t
from node_engine import page  # noqa: F401  (fixture: the engine under Node; tests/node_engine.py)

SEED = 20261101
N_RANDOM = 10_000
BLOCKS_EVERY = 50  # documents compared block by block for 1 in 50 of the exhaustive and random sets (others by digest)

# Answers meeting no marker, and the change that meets each marker alone.
NONE_MET = {"schema": 1, "persona": "job_seeker", "findable": "easy_to_find", "profile": "outdated", "photo": False,
            "premium": False, "connections": 19, "invitations": "accept_only", "outreach": "never", "groups": 0,
            "discussions": "never", "reply_time": "rarely", "hours_per_week": 1.0, "offline_networking": False}
GREEN_ON = {"profile_current": {"profile": "current"}, "photo": {"photo": True},
            "invites_acquaintances": {"invitations": "acquaintances"},
            "contacts_through_network": {"outreach": "when_no_other_way"}, "connections_20": {"connections": 20},
            "forums": {"discussions": "read_and_sometimes_post"}, "groups": {"groups": 1}}
BLACK_ON = {"same_day_reply": {"reply_time": "same_day"},
            "connects_after_every_meeting": {"invitations": "after_every_meeting"},
            "leads_discussions": {"discussions": "lead"}, "contacts_strangers": {"outreach": "strangers"}}


def _with(base: dict, *changes: dict) -> dict:
    out = dict(base)
    for c in changes:
        out.update(c)
    return out


def boundary_cases() -> list[dict]:
    """The rules issue's boundary cases, for every persona."""
    cases = []
    for persona in rules.PERSONAS:
        none = {**NONE_MET, "persona": persona}
        example = example_answers(persona).to_dict()
        all_green = _with(none, *GREEN_ON.values())
        cases += [example, none, all_green, _with(all_green, *BLACK_ON.values())]
        for k in (4, 5):  # 4 vs 5 green markers: every subset
            for ids in itertools.combinations(GREEN_ON, k):
                cases.append(_with(none, *(GREEN_ON[i] for i in ids)))
        for k in (2, 3):  # 2 vs 3 black markers, on top of every green marker
            for ids in itertools.combinations(BLACK_ON, k):
                cases.append(_with(all_green, *(BLACK_ON[i] for i in ids)))
        four_others = _with(none, GREEN_ON["profile_current"], GREEN_ON["photo"], GREEN_ON["invites_acquaintances"],
                            GREEN_ON["groups"])
        for n in (0, 19, 20, 200, 201, rules.MAX_CONNECTIONS):
            cases += [_with(four_others, {"connections": n}), _with(example, {"connections": n})]
        for base in (example, all_green):  # no profile, whatever else is answered
            cases.append(_with(base, {"findable": "no_profile"}))
        for h in (0, 60, 0.05, 0.25, 9.95, 10, 59.99):
            cases += [_with(example, {"hours_per_week": h}), _with(none, {"hours_per_week": h})]
        cases += [_with(example, {"premium": True}), _with(example, {"offline_networking": False}),
                  _with(example, {"profile": "outdated"}), _with(example, {"profile": "empty",
                                                                           "findable": "hard_to_find"})]
    return cases


def exhaustive_cases(rng: random.Random) -> list[dict]:
    """Every combination of the answers that decide markers, for every persona (others random)."""
    domains = {"findable": FIELDS["findable"]["choices"], "profile": FIELDS["profile"]["choices"], "photo": [False,
                                                                                                             True],
               "connections": [19, 20], "invitations": FIELDS["invitations"]["choices"],
               "outreach": FIELDS["outreach"]["choices"], "groups": [0, 1],
               "discussions": FIELDS["discussions"]["choices"], "reply_time": FIELDS["reply_time"]["choices"]}
    cases = []
    for persona in rules.PERSONAS:
        for combo in itertools.product(*domains.values()):
            d = dict(zip(domains, combo))
            if d["connections"] == 20:
                d["connections"] = rng.choice([20, 200, 201, 5000])
            cases.append({"schema": 1, "persona": persona, **d, "premium": rng.random() < 0.5,
                          "hours_per_week": _random_hours(rng), "offline_networking": rng.random() < 0.5})
    return cases


def _random_hours(rng: random.Random) -> float:
    r = rng.random()
    if r < 0.2:
        return rng.choice([0, 0.05, 0.25, 0.5, 0.75, 1.0, 2.5, 7.0, 9.95, 10.0, 60.0])
    if r < 0.6:
        return round(rng.uniform(0, 60), rng.randint(0, 3))
    return min(60.0, 10 ** rng.uniform(-3, math.log10(60)))


def random_cases(n: int, rng: random.Random) -> list[dict]:
    """``n`` seeded random valid answer sets, boundary values over-represented."""
    cases = []
    for _ in range(n):
        d = {"schema": 1}
        for field, spec in FIELDS.items():
            if field == "schema":
                continue
            if spec["kind"] == "choice":
                d[field] = rng.choice(spec["choices"])
            elif spec["kind"] == "bool":
                d[field] = rng.random() < 0.5
        d["connections"] = (rng.choice([0, 1, 19, 20, 21, 199, 200, 201, rules.MAX_CONNECTIONS]) if rng.random() < 0.3
                            else int(10 ** rng.uniform(0, math.log10(rules.MAX_CONNECTIONS))))
        d["groups"] = rng.choice([0, 1, 2]) if rng.random() < 0.6 else rng.randint(0, 500)
        d["hours_per_week"] = _random_hours(rng)
        cases.append(d)
    return cases


#: The document's sections that depend on the answers: the engine builds them (document.SECTIONS'
#: others come as data in the page, built in Python).
ANSWER_SECTIONS = ("result", "population_plot", "effort_plot", "action_plan", "questionnaire")
#: How each case's document is compared: the whole document block by block (the boundary cases),
#: the answer sections' document block by block (1 in BLOCKS_EVERY of the others), or the
#: answer sections' document by a digest of each section and of the document's head (the rest).
WHOLE, BLOCKS, DIGEST = "whole", "blocks", "digest"


def digest(value) -> str:
    """The first 16 hex digits of the SHA-1 of the compact JSON of ``value`` (UTF-8).

    Keys in their order: ``engine.js`` builds every object of a document with the keys in
    :mod:`beltlib.document`'s order, so the same document gives the same text on both sides
    (sorting the keys in JavaScript would cost more than building the document).
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def document_digests(doc: dict) -> dict[str, str]:
    """One digest per section (by id) and one of the head (lang, title, summary, announce)."""
    out = {s["id"]: digest(s) for s in doc["sections"]}
    out["_head"] = digest({k: doc[k] for k in ("lang", "title", "summary", "announce")})
    return out


def python_result(d: dict, mode: str) -> dict:
    """What beltlib says for one answer set, in the shape the page's evaluator returns."""
    answers = validate(d)
    a = assess(answers)
    out = {"belt": a.belt, "score": a.score, "percentile": a.percentile, "band": list(a.band),
           "target_belt": a.target_belt, "position": a.position, "green_met": a.green_met, "black_met": a.black_met,
           "markers": [m.met for m in a.markers], "signals": [s.met for s in a.signals],
           "action_ids": [x.marker_id for x in a.actions], "notes": list(a.notes),
           "usefulness": a.usefulness, "best_hours": a.best_hours, "target_hours": a.to_dict()["target_hours"],
           "markers_needed": a.markers_needed, "shortest_path": list(a.shortest_path),
           "shortest_path_minutes": a.shortest_path_minutes, "on_path": [x.on_path for x in a.actions],
           "cadences": [x.cadence for x in a.actions]}
    for lang in LANGS:
        doc = document.build(a, lang, answers=answers, only=None if mode == WHOLE else ANSWER_SECTIONS)
        if mode == DIGEST:
            out[f"digest_{lang}"] = document_digests(doc)
        else:
            out[f"doc_{lang}"] = doc
            out[f"you_label_{lang}"] = ("" if a.belt == "none" else
                                        t("plot.population.you", lang, percentile=percent(a.percentile, lang)))
    return out


JS_EVALUATE = """(payload) => {
  const crypto = require("crypto");
  const E = window.BeltReport.engine;
  const [cases, modes, only] = JSON.parse(payload);
  const digest = v => crypto.createHash("sha1").update(JSON.stringify(v), "utf8").digest("hex").slice(0, 16);
  return cases.map((c, i) => {
    const a = E.assess(c);
    const out = {belt: a.belt, score: a.score, percentile: a.percentile, band: a.band, target_belt: a.target_belt,
      position: a.position, green_met: a.green_met, black_met: a.black_met,
      markers: a.markers.map(m => m.met), signals: a.signals.map(s => s.met),
      action_ids: a.actions.map(x => x.id), notes: a.notes, usefulness: a.usefulness, best_hours: a.best_hours,
      target_hours: a.target_hours, markers_needed: a.markers_needed, shortest_path: a.shortest_path,
      shortest_path_minutes: a.shortest_path_minutes, on_path: a.actions.map(x => x.on_path),
      cadences: a.actions.map(x => x.cadence)};
    for (const lang of ["en", "fr"]) {
      // every case builds its document: a text key missing from the page's catalogue throws
      const doc = E.document(a, lang, {answers: c, only: modes[i] === "whole" ? undefined : only});
      if (modes[i] === "digest") {
        const d = {_head: digest({lang: doc.lang, title: doc.title, summary: doc.summary, announce: doc.announce})};
        doc.sections.forEach(s => { d[s.id] = digest(s); });
        out["digest_" + lang] = d;
      } else {
        out["doc_" + lang] = doc;
        out["you_label_" + lang] = E.youLabel(a, lang);
      }
    }
    return out;
  });
}"""


def document_diff(want: dict, have: dict | None) -> list[str]:
    """Where two documents differ, block by block: ``title``, ``result.data``, ``action_plan.blocks[3]``…"""
    if not isinstance(have, dict):
        return ["missing"]
    bad = [k for k in ("lang", "title", "summary", "announce") if have.get(k) != want[k]]
    got = have.get("sections") or []
    if [s.get("id") for s in got] != [s["id"] for s in want["sections"]]:
        bad.append("sections")
    for w, h in zip(want["sections"], got):
        bad += [f"{w['id']}.{k}" for k in ("id", "heading", "title", "area", "class", "data") if h.get(k) != w[k]]
        blocks = h.get("blocks") or []
        if len(blocks) != len(w["blocks"]):
            bad.append(f"{w['id']}.blocks")
        bad += [f"{w['id']}.blocks[{i}]" for i, (x, y) in enumerate(zip(w["blocks"], blocks)) if x != y]
    return bad


def compare(expected: dict, got: dict) -> list[str]:
    """Names of the fields that differ (floats of the effort model within 1e-12; documents block by block)."""
    bad = []
    for key, want in expected.items():
        have = got.get(key)
        if key in ("usefulness", "best_hours"):
            if not (isinstance(have, (int, float)) and math.isclose(have, want, rel_tol=1e-12, abs_tol=1e-12)):
                bad.append(key)
        elif key.startswith("doc_"):
            bad += [f"{key}.{x}" for x in document_diff(want, have)]
        elif key.startswith("digest_"):
            bad += [f"{key}.{k}" for k in sorted(set(want) | set(have or {})) if (have or {}).get(k) != want.get(k)]
        elif have != want:
            bad.append(key)
    return bad


def _part(result: dict, name: str):
    """The value a mismatch names (``doc_en.result.blocks[2]`` -> that block)."""
    top, _, rest = name.partition(".")
    value = result.get(top)
    if not rest or not isinstance(value, dict):
        return value
    if top.startswith("digest_"):
        return value.get(rest)
    ident, _, part = rest.partition(".")
    sec = next((s for s in value.get("sections", []) if s.get("id") == ident), None)
    if sec is None:
        return value.get(rest)
    m = re.fullmatch(r"blocks\[(\d+)\]", part)
    if m:
        blocks = sec.get("blocks", [])
        return blocks[int(m.group(1))] if int(m.group(1)) < len(blocks) else None
    return sec.get(part) if part else sec


def run_parity(engine, cases: list[dict], modes: list[str]) -> tuple[int, dict[str, int], list[str]]:
    """Evaluate with the engine (one Node process for the whole batch) and in Python; return
    (cases compared, mismatches per field, examples)."""
    counts: dict[str, int] = {}
    examples: list[str] = []
    # Node evaluates the batch while Python builds the expected documents (two processes).
    with ThreadPoolExecutor(max_workers=1) as pool:
        node = pool.submit(engine.evaluate, JS_EVALUATE, json.dumps([cases, modes, list(ANSWER_SECTIONS)]))
        expected = [python_result(d, mode) for d, mode in zip(cases, modes)]
        got_all = node.result()
    for d, exp, g in zip(cases, expected, got_all):
        bad = compare(exp, g)
        for b in bad:
            key = re.sub(r"\[\d+\]", "[]", b)
            counts[key] = counts.get(key, 0) + 1
        if bad and len(examples) < 5:
            examples.append(f"{d}: " + "; ".join(f"{b}: python {_part(exp, b)!r} page {_part(g, b)!r}"
                                                  for b in bad[:2]))
    return len(cases), counts, examples


def test_boundary_cases_cover_the_rules_issue():
    results = [(d, assess(validate(d))) for d in boundary_cases()]
    seen = {(a.green_met, a.black_met, a.belt) for _, a in results}
    assert {(4, 0, "white"), (5, 0, "green"), (7, 2, "green"), (7, 3, "black")} <= seen
    assert {d["connections"] for d, _ in results} >= {19, 20, 200, 201}
    assert {d["hours_per_week"] for d, _ in results} >= {0, 60}
    assert {a.answers.persona for _, a in results if a.belt == "none"} == set(rules.PERSONAS)
    assert {d["persona"] for d, _ in results} == set(rules.PERSONAS)
    # 19 vs 20 connections decides the belt when 4 other green markers are met.
    by_conn = {d["connections"]: a.belt for d, a in results if a.green_met - (d["connections"] >= 20) == 4
               and d["profile"] == "current" and d["outreach"] == "never"}
    assert by_conn[19] == "white" and by_conn[20] == "green"


def test_parity_on_boundary_exhaustive_and_random_answers(page):  # noqa: F811
    rng = random.Random(SEED)
    boundary = boundary_cases()
    others = exhaustive_cases(rng) + random_cases(N_RANDOM, rng)
    cases = boundary + others
    modes = [WHOLE] * len(boundary) + [BLOCKS if i % BLOCKS_EVERY == 0 else DIGEST for i in range(len(others))]
    n, counts, examples = run_parity(page, cases, modes)
    assert n == len(boundary) + 4 * 9720 + N_RANDOM == 408 + 38_880 + 10_000
    assert counts == {}, f"{sum(counts.values())} mismatches by field {counts}; e.g. " + " | ".join(examples)


NUMBERS = [0, 0.0, 0.05, 0.125, 0.25, 0.35, 0.5, 0.75, 1, 1.5, 2.5, 3.5, 9.95, 9.96, 10, 12.5, 88, 92.45, 92.5, 98,
           99.5, 100, 999.5, 1234.5, 1000000, 30000, 0.86, 0.855, 1e-9, 59.99, 2.675, 1.005]


def test_number_formatting_matches_python_ties_included(page):  # noqa: F811
    calls = [[x, lang, d] for x in NUMBERS for lang in LANGS for d in (0, 1, 2)]
    got = page.evaluate("calls => calls.map(([x, l, d]) => window.BeltReport.engine.number(x, l, d))", calls)
    want = [number(x, lang, d) for x, lang, d in calls]
    assert [c for c, g, w in zip(calls, got, want) if g != w] == []
    assert got[calls.index([0.25, "en", 1])] == "0.2"  # Python rounds exact ties to even; toFixed would give 0.3
    assert got[calls.index([1234.5, "fr", 1])] == "1\u202f234,5"


def test_evaluator_rejects_a_broken_table(page):  # noqa: F811
    message = page.evaluate("""() => { try { window.BeltReport.engine.markerMet(
        {id: "x", field: "groups", op: "lt", value: 1}, {groups: 0}); return "no error"; }
        catch (e) { return e.message; } }""")
    assert message == "rules table: unknown op lt in x"


# The page language's conventions for typed numbers: (text, lang, value or None for refused); the
# same rules as numbers.parse_number (tests/test_numbers_parity.py compares the two on many more texts).
TYPED = [
    ("1.5", "en", 1.5), ("0.25", "en", 0.25), ("1,5", "en", None), ("0,25", "en", None), ("30,000", "en", 30000),
    ("1,000.5", "en", 1000.5), ("2,00", "en", None), ("30 000", "en", 30000), ("  7 ", "en", 7), (".5", "en", 0.5),
    ("1,5", "fr", 1.5), ("0,25", "fr", 0.25), ("1.5", "fr", 1.5), ("30 000", "fr", 30000), ("30\u202f000", "fr", 30000),
    ("30\u00a0000,5", "fr", 30000.5), ("1.500", "fr", None), ("2.000", "fr", None), ("0.250", "fr", 0.25),
    ("30,000", "fr", 30.0), ("1 5", "fr", None), (",5", "fr", 0.5),
    ("-3", "en", -3), ("\u22123", "fr", -3), ("-0", "en", 0), ("", "en", None), ("2.", "en", None), ("2,", "fr", None),
    (".", "en", None), ("1e3", "en", None), ("abc", "fr", None), ("+1", "en", None), ("0x10", "en", None),
    ("Infinity", "en", None), ("NaN", "fr", None),
]


def test_typed_numbers_follow_the_page_language(page):  # noqa: F811
    got = page.evaluate("cases => cases.map(([text, lang]) => window.BeltReport.engine.parseNumber(text, lang))",
                        [[text, lang] for text, lang, _ in TYPED])
    assert [(text, lang, g) for (text, lang, _), g in zip(TYPED, got)] == TYPED
    # -0 reads as 0 (as answers.validate stores it), not -0
    assert page.evaluate("() => Object.is(window.BeltReport.engine.parseNumber('-0', 'en'), 0)")


# Typed text -> the value it reads as, per language (None: not a number in that language).
FIELD_TEXTS = {"0": (0, 0), "2.5": (2.5, 2.5), "2,5": (None, 2.5), "-1": (-1, -1), "60": (60, 60),
               "60.5": (60.5, 60.5), "30000": (30000, 30000), "30001": (30001, 30001), "": (None, None),
               "99999999999999999999": (1e20, 1e20)}


def test_field_checks_and_messages_use_the_field_specs(page):  # noqa: F811
    specs = {f: s for f, s in FIELDS.items() if s["kind"] in ("int", "number")}
    calls = [(f, lang, text) for f in specs for lang in LANGS for text in FIELD_TEXTS]
    got = page.evaluate("""calls => calls.map(([label, spec, lang, text]) => {
        const E = window.BeltReport.engine;
        return [E.readNumber(spec, text, lang), E.fieldMessage(label, spec, lang),
                E.fieldMessage(label, spec, lang, 1.5)]; })""",
                        [[t(f"field.{f}", lang), specs[f], lang, text] for f, lang, text in calls])
    for (f, lang, text), (read, message, kept) in zip(calls, got):
        spec, value = specs[f], FIELD_TEXTS[text][LANGS.index(lang)]
        ok = (value is not None and spec["min"] <= value and (spec["max"] is None or value <= spec["max"])
              and (spec["kind"] == "number" or (value == int(value) and abs(value) < 2 ** 53)))
        assert read == {"ok": ok, "value": value if ok else None}, (f, lang, text)
        assert message == field_message(f, lang) and message.startswith(t(f"field.{f}", lang))
        assert kept == field_message(f, lang, 1.5)
    oks = {(f, lang, text) for (f, lang, text), (read, _, _) in zip(calls, got) if read["ok"]}
    assert ("hours_per_week", "fr", "2,5") in oks and ("hours_per_week", "en", "2,5") not in oks
    assert ("connections", "en", "2.5") not in oks and ("groups", "en", "30001") in oks
    assert ("connections", "en", "30001") not in oks and ("hours_per_week", "en", "60.5") not in oks
    assert field_message("connections", "fr") == "Relations (nombre)\u00a0: entrez un nombre entier de 0 à 30\u202f000."
    assert field_message("hours_per_week", "en", 1.5).endswith("(for example 2.5). The result still uses 1.5.")


def test_input_text_matches_python(page):  # noqa: F811
    values = [0, 0.0, 1.0, 1.5, 0.25, 0.05, 59.99, 150, 30000, 1e-7, 2.675, 1 / 3]
    got = page.evaluate("vs => vs.flatMap(v => ['en', 'fr'].map(l => window.BeltReport.engine.inputText(v, l)))",
                        values)
    assert got == [input_text(v, lang) for v in values for lang in LANGS]
    assert input_text(1.5, "fr") == "1,5" and input_text(1e-7) == "0.0000001"


def test_document_with_origins_and_a_title_matches_python(page):  # noqa: F811
    """The answers table's origin column (a page published from an export) and a publisher's title."""
    provenance = {"connections": "export", "groups": "example", "photo": "you"}
    cases = boundary_cases()[::40]
    got = page.evaluate("""([cases, provenance]) => cases.flatMap(c => ["en", "fr"].map(lang =>
        window.BeltReport.engine.document(window.BeltReport.engine.assess(c), lang,
                                          {answers: c, provenance: provenance, title: "A <title> & co"})))""",
                        [cases, provenance])
    want = [document.build(assess(validate(d)), lang, provenance=provenance, title="A <title> & co")
            for d in cases for lang in LANGS]
    assert [document_diff(w, g) for w, g in zip(want, got)] == [[]] * len(want)
    rows = document.find(got[1], "questionnaire")["blocks"][0]["rows"]
    assert [r[2] for r in rows if r[0] == t("field.connections", "fr")] == [t("origin.export", "fr")]
    message = page.evaluate("""() => { const E = window.BeltReport.engine;
        try { E.document(E.assess(window.BeltReport.data.initial), "en", {only: ["nowhere"]}); return "no error"; }
        catch (e) { return e.message; } }""")
    assert message.startswith("only: got nowhere (allowed: intro, result,")


def test_net_usefulness_curve_plan_and_new_sentences_match_python(page):  # noqa: F811
    """The issue "the trade-off and the plan": the net curve the plot draws (gain, usefulness, best hours) on a
    grid, and for the issue's answer sets the plan's answer changes (shortestPath), the details line, the
    result's notes (the time warning) and the one-line summary, in both languages."""
    from beltlib import effort
    from beltlib.plan import shortest_path
    from beltlib.sentences import details_line, result_notes, summary_text
    grid = [[p, h] for p in rules.PERSONAS for h in (0, 0.05, 0.25, 1, 2.5, 3, 7, 12, 20, 21.5, 60)]
    got = page.evaluate("""g => g.map(([p, h]) => { const E = window.BeltReport.engine;
        return [E.gain(h, p), E.usefulness(h, p), E.bestHours(p)]; })""", grid)
    for (p, h), (gain, net, best) in zip(grid, got):
        for x, y in ((gain, effort.gain(h, p)), (net, effort.usefulness(h, p)), (best, effort.best_hours(p))):
            assert math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-12), (p, h)
    sales = {**example_answers("sales").to_dict(), "outreach": "when_no_other_way", "reply_time": "within_week",
             "discussions": "read_and_sometimes_post"}
    green = example_answers("job_seeker").to_dict()
    cases = [sales, {**green, "hours_per_week": 20.0}, {**green, "hours_per_week": 1.0},
             {**green, "photo": False, "groups": 0, "outreach": "never"}, {**green, "groups": 0, "outreach": "never",
                                                                         "connections": 5},
             {**NONE_MET, "connections": 12}, {**NONE_MET, "persona": "not_looking"},
             {**green, "profile": "outdated"}, {**green, "findable": "no_profile"}]
    got = page.evaluate("""cases => cases.map(c => { const E = window.BeltReport.engine; const a = E.assess(c);
        const met = a.markers.filter(m => m.met).map(m => m.id);
        return {path: E.shortestPath(a.target_belt, met, null).map(s => s[0]),
                texts: ["en", "fr"].map(l => [E.detailsLine(a, l), E.resultNotes(a, l), E.summaryText(a, l)])}; })""",
                        cases)
    for d, g in zip(cases, got):
        a = assess(validate(d))
        met = frozenset(m.id for m in a.markers if m.met)
        assert g["path"] == [s[0] for s in shortest_path(a.target_belt, met)], d
        assert g["texts"] == [[details_line(a, lang), result_notes(a, lang), list(summary_text(a, lang))]
                              for lang in LANGS], d
    assert got[0]["path"] == ["same_day_reply", "contacts_strangers"]  # 2 answer changes, not 3 markers
    assert got[4]["path"] == ["groups"]  # a one-off step wins a tie over a weekly habit
