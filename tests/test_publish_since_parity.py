"""Parity without a browser: the page's "since last time" (``beltlib/publish/since.js``, under Node) is beltlib.since's.

For pairs of (earlier, current) answers and dates — markers gained only, lost only, both, none; the situation
(persona) changed with the same and with another target belt; no date; a date in another year; the
older file newer than the current answers; two people's answers — the engine's report document with the
comparison (``E.document(a, lang, {since: E.compare(...)})``) equals
``beltlib.document.build(a, lang, since=beltlib.since.compare(...))`` block by block, in English and French
(the section ``since`` after the result, the method's SINCE_DATE and SAME_PERSON rows), and the two errors
are the same key and the same words: the command line's (``since.error.*``, times to the second) and the
page's own (``page.since.error.*``: no option named, the file's day in words), each Python's ``t`` of the
same key with the same values. An earlier answers file is read as :func:`beltlib.answers.parse_answers`
reads it: the same files accepted (the same answers) and refused (the same fields named).
"""
from __future__ import annotations

import datetime as dt
import json

from beltlib import assess, document, example_answers, rules, validate
from beltlib.answers import FIELDS, AnswersError, dumps, parse_answers
from beltlib.since import COMPARED_FIELDS, SinceError, compare, date_text
from beltlib.texts import LANGS, t
from node_engine import page  # noqa: F401  (fixture: the engine under Node; tests/node_engine.py)

T_OLD, T_NEW = "2026-11-03T09:30", "2026-12-01T18:05"
T_LAST_YEAR = "2025-01-01T08:00"


def _pairs() -> list[tuple[str, dict, dict, str | None, str | None]]:
    """(name, earlier answers, current answers, earlier time, current time): every case the issue names."""
    out = []
    for persona in rules.PERSONAS:
        ex = example_answers(persona).to_dict()
        fewer = {**ex, "photo": False, "connections": 10}
        swapped = {**ex, "photo": not ex["photo"], "discussions": "never" if ex["discussions"] != "never" else "lead"}
        out += [(f"{persona} gained", fewer, ex, T_OLD, T_NEW), (f"{persona} lost", ex, fewer, T_OLD, T_NEW),
                (f"{persona} both", swapped, ex, T_OLD, T_NEW), (f"{persona} none", ex, ex, T_OLD, T_NEW),
                (f"{persona} no date", fewer, ex, None, None), (f"{persona} new undated", fewer, ex, T_OLD, None),
                (f"{persona} last year", fewer, ex, T_LAST_YEAR, T_NEW),
                (f"{persona} first of month", ex, ex, "2026-03-01T12:00", T_NEW),
                (f"{persona} no profile then", {**ex, "findable": "no_profile"}, ex, T_OLD, T_NEW),
                (f"{persona} newer", fewer, ex, T_NEW, T_OLD)]
        for other in rules.PERSONAS:
            if other != persona:
                out.append((f"{persona} -> {other}", ex, {**ex, "persona": other}, T_OLD, T_NEW))
    ex = example_answers().to_dict()
    strangers = {f: next(c for c in (spec.get("choices") or []) if c != ex[f]) if spec["kind"] == "choice"
                 else (not ex[f]) if spec["kind"] == "bool" else ex[f] + 1 for f, spec in FIELDS.items()
                 if f in COMPARED_FIELDS}
    out.append(("two people", {**ex, **strangers}, ex, T_OLD, T_NEW))
    out.append(("two people, other persona", {**ex, **strangers, "persona": "sales"}, ex, None, None))
    return out


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def python_side(old: dict, new: dict, old_time: str | None, new_time: str | None) -> dict:
    a_old, a_new, answers = assess(validate(old)), assess(validate(new)), validate(new)
    try:
        s = compare(a_old, a_new, _time(old_time), _time(new_time))
    except SinceError as e:
        page = {"since.error.newer": lambda lang: {"date": date_text(_time(old_time).date(), lang,
                                                                     _time(new_time).date())},
                "since.error.two_people": lambda lang: {}}[e.key]
        return {"error": e.key, "page_key": f"page.{e.key}", **{lang: e.text(lang) for lang in LANGS},
                **{f"page_{lang}": t(f"page.{e.key}", lang, **page(lang)) for lang in LANGS}}
    return {lang: document.build(a_new, lang, answers=answers, since=s) for lang in LANGS}


JS_SINCE = """(pairs) => {
  const E = window.BeltReport.engine;
  return pairs.map(([old, now, oldTime, newTime]) => {
    let s;
    try {
      const when = x => x ? new Date(x) : null;
      s = E.compare(E.assess(old), E.assess(now), when(oldTime), when(newTime));
    } catch (e) {
      if (!e.key) throw e;
      return {error: e.key, page_key: e.pageKey, en: e.text("en"), fr: e.text("fr"), page_en: e.pageText("en"),
              page_fr: e.pageText("fr")};
    }
    const a = E.assess(now);
    return {en: E.document(a, "en", {answers: now, since: s}), fr: E.document(a, "fr", {answers: now, since: s})};
  });
}"""


def differences(want: dict, have: dict) -> list[str]:
    """Where two documents differ: head keys, section ids, then section fields and blocks by index."""
    bad = [k for k in ("lang", "title", "summary", "announce") if have.get(k) != want[k]]
    if [s["id"] for s in have["sections"]] != [s["id"] for s in want["sections"]]:
        return bad + ["sections"]
    for w, h in zip(want["sections"], have["sections"]):
        bad += [f"{w['id']}.{k}" for k in ("heading", "title", "area", "class", "data") if h[k] != w[k]]
        if len(h["blocks"]) != len(w["blocks"]):
            bad.append(f"{w['id']}.blocks")
        bad += [f"{w['id']}.blocks[{i}]: {x!r} != {y!r}" for i, (x, y) in enumerate(zip(w["blocks"], h["blocks"]))
                if x != y]
    return bad


def test_the_pages_since_section_and_method_are_pythons_block_by_block(page):  # noqa: F811
    pairs = _pairs()
    got = page.evaluate(JS_SINCE, [[old, new, o, n] for _, old, new, o, n in pairs])
    seen = set()
    for (name, old, new, o, n), have in zip(pairs, got):
        want = python_side(old, new, o, n)
        if "error" in want:
            assert have == want, name
            seen.add(want["error"])
            continue
        for lang in LANGS:
            assert differences(want[lang], have[lang]) == [], (name, lang)
            since = document.find(want[lang], "since")
            seen.add(tuple(b["kind"] for b in since["blocks"]))
            method = document.find(want[lang], "method")["blocks"][1]["rows"]
            names = [r[0].rsplit("(", 1)[-1] for r in method[-2:]]
            assert names == ["SINCE_DATE)", "SAME_PERSON)"] if o else names[-1] == "SAME_PERSON)", name
    # every case was compared: the errors, a section with and without the list, with and without the date note
    assert {"since.error.newer", "since.error.two_people"} <= seen
    assert ("paragraph", "list", "paragraph", "note") in seen and ("paragraph", "paragraph", "note") in seen
    assert ("paragraph", "list", "paragraph") in seen
    assert ("paragraph", "list", "paragraph", "paragraph", "note") in seen or \
        ("paragraph", "paragraph", "paragraph", "note") in seen  # a change of situation


def test_the_pages_refusals_are_in_page_words(page):  # noqa: F811
    """Issue 18: the page showed "--since: the earlier answers (saved 2026-12-11 15:24) are newer…"; it names no
    option and says the file's day in words (the year when it is not this year's)."""
    ex = example_answers().to_dict()
    pairs = [[ex, ex, "2026-12-11T15:24:10", "2026-12-06T15:22:00"],
             [ex, ex, "2026-12-06T15:22:41", "2026-12-06T15:22:07"],
             [ex, ex, "2027-01-02T08:00", "2026-12-06T15:22"], [_pairs()[-2][1], ex, T_OLD, T_NEW]]
    got = page.evaluate(JS_SINCE, pairs)
    newer = "This file was saved on {}, after today’s answers: choose an answers file you downloaded earlier."
    assert [g["page_en"] for g in got] == [
        newer.format("11\u00a0Dec"), newer.format("6\u00a0Dec"), newer.format("2\u00a0Jan 2027"),
        "This file shares no answer with today’s besides your situation: it looks like another person’s answers, so it "
        "is not compared."]
    assert got[0]["page_fr"] == ("Ce fichier a été enregistré le 11\u00a0déc., après les réponses "
                                 "d’aujourd’hui\u00a0: choisissez un fichier de réponses téléchargé plus tôt.")
    assert got[3]["page_fr"].startswith("Ce fichier n’a aucune réponse en commun avec celles d’aujourd’hui")
    assert not any("--since" in g[k] for g in got for k in ("page_en", "page_fr"))
    # the command line's words give both times to the second (issue 18: two saves in one minute)
    assert ("(saved 2026-12-06 15:22:41) are newer than the current ones (saved 2026-12-06 15:22:07)"
            in got[1]["en"])


def test_the_words_the_issue_names_in_both_languages(page):  # noqa: F811
    ex = example_answers().to_dict()
    old = {**ex, "photo": False, "persona": "recruiter"}
    got = page.evaluate(JS_SINCE, [[old, ex, T_LAST_YEAR, T_NEW]])[0]
    since = document.find(got["fr"], "since")["blocks"]
    assert since[0]["text"].startswith("Depuis le 1er\u00a0janv. 2025\u00a0: +1\u00a0marqueur")
    assert document.find(got["en"], "since")["blocks"][0]["text"].startswith("Since 1\u00a0Jan 2025: +1 marker")
    assert got["en"]["sections"][2]["id"] == "since" and got["en"]["sections"][1]["id"] == "result"
    assert document.find(got["en"], "since")["title"] == t("since.title") == "Since last time"


# An earlier answers file: (name, text). Each accepted or refused as parse_answers does.
GOOD = dumps(example_answers())


def _files() -> list[tuple[str, str]]:
    ex = example_answers().to_dict()
    edit = lambda **kw: json.dumps({**ex, **kw})  # noqa: E731
    return [("good", GOOD), ("bom", "\ufeff" + GOOD), ("compact", json.dumps(ex, separators=(",", ":"))),
            ("hours as integer", edit(hours_per_week=2)), ("other order", json.dumps(dict(reversed(ex.items())))),
            ("not json", "{nope"), ("empty", ""), ("array", "[1, 2]"), ("null", "null"), ("string", '"answers"'),
            ("duplicate", GOOD.replace('"schema": 1,', '"schema": 1, "schema": 1,')),
            ("missing", json.dumps({k: v for k, v in ex.items() if k != "photo"})),
            ("unknown", edit(name="x")), ("schema 2", edit(schema=2)),
            ("schema 1.0", GOOD.replace('"schema": 1', '"schema": 1.0')), ("schema true", edit(schema=True)),
            ("connections float", GOOD.replace('"connections": 150', '"connections": 150.0')),
            ("connections exponent", GOOD.replace('"connections": 150', '"connections": 1e2')),
            ("connections negative", edit(connections=-1)),
            ("connections too many", edit(connections=rules.MAX_CONNECTIONS + 1)),
            ("groups string", edit(groups="2")), ("photo yes", edit(photo="yes")), ("photo 1", edit(photo=1)),
            ("persona unknown", edit(persona="boss")), ("hours too many", edit(hours_per_week=60.5)),
            ("hours negative zero", GOOD.replace('"hours_per_week": 1.0', '"hours_per_week": -0.0')),
            ("hours string", edit(hours_per_week="1")), ("many problems", edit(photo=None, groups=-1, persona="x")),
            ("a key inside a value", edit(persona='"photo": true'))]


JS_READ = """(files) => files.map(text => {
  const E = window.BeltReport.engine;
  const en = E.readAnswersFile(text, "en"), fr = E.readAnswersFile(text, "fr");
  if (en.answers) return {answers: en.answers};
  return {en: en.problems, fr: fr.problems, en_text: E.unreadText(en.problems, "en"),
          fr_text: E.unreadText(fr.problems, "fr")};
})"""


def test_an_earlier_answers_file_is_read_as_parse_answers_reads_it(page):  # noqa: F811
    files = _files()
    got = page.evaluate(JS_READ, [text for _, text in files])
    for (name, text), have in zip(files, got):
        try:
            want = parse_answers(text).to_dict()
        except AnswersError as e:
            fields = [p.field for p in e.problems]
            assert "answers" not in have, name
            assert [x.split(":")[0] for x in have["en"]] == fields, name
            assert [x.split("\u00a0:")[0] for x in have["fr"]] == [
                {"(file)": "(fichier)", "(answers)": "(réponses)"}.get(f, f) for f in fields], name
            assert have["en_text"] == t("page.since.unread", "en", problems="; ".join(have["en"]))
            assert have["fr_text"] == t("page.since.unread", "fr", problems="\u202f; ".join(have["fr"]))
            continue
        assert have == {"answers": want}, name
    by_name = dict(zip([n for n, _ in files], got))
    assert by_name["connections float"]["en"] == [
        "connections: got 150.0 (allowed: an integer from 0 to 30,000)"]
    assert by_name["photo yes"]["fr"] == ["photo\u00a0: reçu \"yes\" (attendu\u00a0: true ou false)"]
    # a number as the file writes it, with the page language's decimal mark (issue 18: "reçu 150.5" in French)
    assert by_name["connections float"]["fr"] == [
        "connections\u00a0: reçu 150,0 (attendu\u00a0: un nombre entier de 0 à 30\u202f000)"]
    assert by_name["hours too many"]["fr"][0].startswith("hours_per_week\u00a0: reçu 60,5 (attendu")
    assert by_name["hours too many"]["en"][0].startswith("hours_per_week: got 60.5 (allowed")
    assert by_name["duplicate"]["en"] == ['(file): the key "schema" appears twice']
    assert by_name["missing"]["en"] == ["photo: missing (allowed: true or false)"]
