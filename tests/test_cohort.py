"""The workshop view (issue 13): reading a group's answers, counting them, the summary, the page, the notebook.

A cohort with known belts is built from the example answers (mixed personas, a folder, a
single file, a CSV, a few invalid files and rows) and run through the real command
``python -m beltlib cohort``; the counts below are worked out by hand from the rules.
The browser checks of the page (zero requests, axe-core) are in ``test_cohort_browser.py``.
"""
from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from beltlib import assess, example_answers, rules
from beltlib.answers import EXAMPLE, FIELDS, dumps, validate
from beltlib.cohort import (
    ALL,
    SUPPRESSED,
    CohortInputError,
    read_cohort,
    respondents_of,
    summarise,
    summary_text,
)
from beltlib.cohort import page as cohort_page
from beltlib.cohort import plots as cohort_plots
from beltlib.cohort.aggregate import key_fields
from beltlib.report import escape
from beltlib.texts import t
from helpers import NAMES, NO_PROFILE, SCRIPT_TITLE, WHITE_SEEKER, csv_row, make_cohort, run_cli, write_json  # noqa: F401
from typography import problems

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "cohort_report.ipynb"
def run_cohort(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("cohort", *args, cwd=cwd)  # in this process (tests/helpers.py)



@pytest.fixture(scope="module")
def cohort_dir(tmp_path_factory) -> Path:
    """The known cohort of :func:`helpers.make_cohort`."""
    return make_cohort(tmp_path_factory.mktemp("cohort"))


EXPECTED = {
    "respondents": 22,
    "invalid": 3,
    "belts": {"none": SUPPRESSED, "white": 10, "green": 6, "black": SUPPRESSED},
    "belt_shares_percent": {"none": SUPPRESSED, "white": 45.5, "green": 27.3, "black": SUPPRESSED},
    "article_shares_percent": {"white": 88.0, "green": 10.0, "black": 2.0},
    # shares of the whole group (22): 14 meet the first four, 9 the next; of the 19 with a profile, 47.4% would
    # have told 19, hence the 3 without a profile and (22 - 10 - 6 - 3) the 3 black belts
    "marker_prevalence": {
        "profile_current": 0.636, "photo": 0.409, "invites_acquaintances": 0.636, "contacts_through_network": 0.636,
        "connections_20": 0.409, "forums": 0.409, "groups": 0.409, "same_day_reply": SUPPRESSED,
        "connects_after_every_meeting": SUPPRESSED, "leads_discussions": SUPPRESSED, "contacts_strangers": SUPPRESSED},
    "by_persona": {
        # 5 not looking would leave recruiters and salespeople (3 in all) to subtraction: hidden too
        "not_looking": {"respondents": SUPPRESSED, "at_or_above_target": SUPPRESSED},
        "job_seeker": {"respondents": 14, "at_or_above_target": 6},
        "recruiter": {"respondents": SUPPRESSED, "at_or_above_target": SUPPRESSED},
        "sales": {"respondents": SUPPRESSED, "at_or_above_target": SUPPRESSED}},
    # the bars give it: the 11th and 12th of 22 are in the bar "2" ("0" alone, 9, would have told 9 - 6 = 3 others
    # at their target, and 22 - 10 white - 9 = 3 without a profile or recruiters at green: merged with "1")
    "markers_needed_median": 2.0,
    # what the group lacks most: the green markers 13 lack, then those 8 lack; no black marker (the table by
    # situation shows no count of recruiters or salespeople: listing them would tell that the hidden cells are not 0)
    "agenda": ["photo", "connections_20", "forums", "groups", "profile_current", "invites_acquaintances",
               "contacts_through_network"],
}


# ---------------------------------------------------------------- the command
def test_json_gives_the_exact_counts(cohort_dir):
    done = run_cohort("folder", "answers.csv", "sales.json", "--json", cwd=cohort_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXPECTED
    assert list(json.loads(done.stdout)) == list(EXPECTED)  # the keys, in order


def test_each_skipped_file_and_row_is_listed_as_the_single_report_says_it(cohort_dir):
    done = run_cohort("folder", "answers.csv", "sales.json", "--json", cwd=cohort_dir)
    lines = done.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("skipped: Invalid answers in ") for line in lines)
    assert lines[0].startswith("skipped: Invalid answers in folder/broken.json: (file): invalid JSON at line 1")
    single = subprocess.run([sys.executable, "-m", "beltlib", "assess", "folder/negative.json"], cwd=cohort_dir,
                            capture_output=True, text=True)
    assert single.returncode == 2
    assert lines[1] == "skipped: " + single.stderr.strip().removeprefix("error: ")
    assert "connections: got -3 (allowed: an integer from 0 to 30000)" in lines[1]
    assert lines[2] == ('skipped: Invalid answers in answers.csv, line 7: persona: got "pirate" '
                        '(allowed: one of "not_looking", "job_seeker", "recruiter", "sales")')


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_summary_in_each_language(cohort_dir, lang):
    done = run_cohort("folder", "answers.csv", "sales.json", "--lang", lang, cwd=cohort_dir)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    lines = out.splitlines()
    if lang == "en":
        # the privacy rule once, up front (before any table), then each hidden cell is one "–"
        assert lines[3:7] == ["Respondents: 22", "Skipped (invalid, listed on standard error): 3", "",
                              "Privacy: no name, no file name, no free text, only counts. "
                              "“–” marks a number not shown: "
                              "a group of fewer than 5 people, or a number that the numbers shown would give away "
                              "(by subtraction, or across the tables)."]
        assert lines[8:13] == ["Belts (respondents and share of the group; the article’s share of LinkedIn users):",
                               "  No profile: –; article: not among users",
                               "  White belt: 10 (45.5%); article: most users (about 88%)",
                               "  Green belt: 6 (27.3%); article: about 10%",
                               "  Black belt: –; article: under 2%"]
        assert "  Looking, or may change jobs: 14; 6" in lines
        assert "  Not looking for a job: –" in lines  # 5, but 22 - 14 - 5 would tell 3
        assert "Median steps still needed to reach the target belt: 2" in lines
        # the group is mostly job seekers: the green markers most lack come first, not the black ones
        assert "  1. Profile photo: 40.9% meet it. Add a profile photo (about 10\u00a0min)." in lines
        assert "  Looking, or may change jobs: 14; 6" in lines
        assert "Replies within the day" not in out
    else:
        assert lines[6].startswith("Confidentialité\u00a0: aucun nom") and "«\u00a0–\u00a0»" in lines[6]
        assert ("  Ceinture blanche\u00a0: 10 (45,5\u00a0%)\u00a0; article\u00a0: la plupart (environ 88\u00a0%)"
                in lines)
        assert "  Ceinture noire\u00a0: –\u202f; article\u00a0: moins de 2\u00a0%" in lines
        assert "  Recruteur\u00a0: –" in lines and "Médiane des étapes restantes" in out
        assert [p for line in lines for p in problems(line, "fr")] == []
    assert out.count("fewer than 5") + out.count("moins de 5") == 1  # said once, not in every cell
    assert out.count("–") == 1 + 2 + 3  # the legend, two belts, three situations
    for name in NAMES + ("folder", "csv", str(cohort_dir)):
        assert name not in out


def test_no_file_name_or_path_reaches_any_output(cohort_dir, tmp_path):
    out = tmp_path / "report.html"
    done = run_cohort(str(cohort_dir / "folder"), str(cohort_dir / "answers.csv"), "--json", "-o", str(out),
                      cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    for text in (done.stdout, page):
        for needle in (*NAMES, "Jean", "Dupont", "curie", "negative", "broken", "answers.csv", str(cohort_dir)):
            assert needle not in text, needle
    assert "Jean_Dupont" in done.stderr or "broken.json" in done.stderr  # stderr (the coach's eyes) may name files
    assert done.stderr.splitlines()[-1].startswith("Wrote ")  # with --json, stdout holds the JSON only
    json.loads(done.stdout)


def test_small_cells_are_never_a_count_or_a_share(tmp_path):
    folder = tmp_path / "four"
    folder.mkdir()
    for i, persona in enumerate(("job_seeker", "job_seeker", "recruiter", "not_looking")):
        write_json(folder / f"{i}.json", example_answers(persona))
    done = run_cohort("four", "--json", "-o", "four.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["respondents"] == 4 and data["invalid"] == 0  # totals stay exact
    assert set(data["belts"].values()) == {SUPPRESSED}
    assert set(data["belt_shares_percent"].values()) == {SUPPRESSED}
    assert set(data["marker_prevalence"].values()) == {SUPPRESSED}
    assert {v for p in data["by_persona"].values() for v in p.values()} == {SUPPRESSED}
    assert data["markers_needed_median"] == SUPPRESSED
    page = HtmlPage((tmp_path / "four.html").read_text(encoding="utf-8"))
    assert {c for row in page.tables["belt-cohort-personas"] for c in row[1:3]} == {"not shown"}
    assert {row[1] for row in page.tables["belt-cohort-steps"]} == {"not shown"}
    # the agenda lists the green markers (none aims for black, as far as the page shows), no share
    assert [row[1] for row in page.tables["belt-cohort-agenda"]] == ["not shown"] * 7
    assert page.tables["belt-cohort-belts"] == [
        [t(f"belt_title.{b}") if b != "none" else "No profile", "not shown", "not shown",
         {"none": "not among users", "white": "most users (about 88%)", "green": "about 10%",
          "black": "under 2%"}[b]] for b in rules.BELTS]
    assert t("cohort.privacy.body") in page.text  # why values are hidden, said once
    cells = [c for name, rows in page.tables.items() if name != "belt-assumptions" for row in rows for c in row]
    assert "fewer than 5" not in cells and "not shown" in cells  # one word for every hidden value


def test_the_boundary_is_five():
    four = respondents_of([example_answers()] * 4)
    five = respondents_of([example_answers()] * 5)
    assert summarise(four).belts["green"] == SUPPRESSED
    s = summarise(five)
    # 5 green of 5 would tell that the other belts hold nobody: hidden with them; so is the bar "0" (5 of 5:
    # nobody below the target), merged with every other, and the median it would give
    assert set(s.belts.values()) == {SUPPRESSED} and s.markers_needed == {"0–8": 5}
    assert s.markers_needed_median == SUPPRESSED
    assert s.marker_prevalence["photo"] == SUPPRESSED  # all 5 meet it: its complement, 0, is too small
    mixed = summarise(respondents_of([example_answers()] * 5 + [example_answers("not_looking")] * 5))
    assert mixed.belts == {"none": SUPPRESSED, "white": SUPPRESSED, "green": 5, "black": SUPPRESSED}
    assert mixed.marker_prevalence["photo"] == 0.5 and mixed.markers_needed == {"0": 5, "1–8": 5}
    # the 5th and 6th of 10 fall in "0" and "1–8": a median of 2.5 would tell that nobody needs 1 to 4
    assert mixed.markers_needed_median == SUPPRESSED


def test_persona_filter_counts_only_that_persona(cohort_dir):
    cohort = read_cohort([cohort_dir / "folder", cohort_dir / "answers.csv", cohort_dir / "sales.json"])
    people = respondents_of(cohort.answers)
    seekers = summarise(people, cohort.invalid, "job_seeker")
    assert seekers.respondents == 14 and seekers.persona == "job_seeker"
    # white (5) is hidden too: 14 - 6 - 5 would tell the 3 without a profile or with a black belt
    assert seekers.belts == {"none": SUPPRESSED, "white": SUPPRESSED, "green": 6, "black": SUPPRESSED}
    assert "same_day_reply" not in seekers.agenda()
    # a view of recruiters lists the black markers; everyone's view does not: it shows no count of recruiters
    # or salespeople (3 in all), and listing them would tell that those hidden cells are not 0
    assert "same_day_reply" in summarise(people, cohort.invalid, "recruiter").agenda()
    assert "same_day_reply" not in summarise(people, cohort.invalid, ALL).agenda()
    with pytest.raises(ValueError, match=r"persona: got 'pirate' \(allowed: one of all, not_looking"):
        summarise(people, 0, "pirate")


def test_markers_needed_counts_the_answer_changes_to_the_target():
    def markers_needed(a):
        return a.markers_needed

    assert markers_needed(assess(example_answers())) == 0  # green job seeker
    assert markers_needed(assess(WHITE_SEEKER)) == 2  # 3 of the 5 green markers needed
    assert markers_needed(assess(example_answers("not_looking"))) == rules.GREEN_MIN_MARKERS
    assert markers_needed(assess(NO_PROFILE)) == rules.GREEN_MIN_MARKERS
    # a recruiter at green: the black markers missing to the black minimum
    green_recruiter = example_answers().replace(persona="recruiter")
    assert markers_needed(assess(green_recruiter)) == rules.BLACK_MIN_MARKERS
    no_profile_sales = NO_PROFILE.replace(persona="sales")  # one answer can meet two markers (issue 17)
    assert markers_needed(assess(no_profile_sales)) == 5 < rules.GREEN_MIN_MARKERS + rules.BLACK_MIN_MARKERS


def direct(answers):
    """What the cohort keeps of one respondent, from assessing them alone (no cache)."""
    a = assess(answers)
    return (a.answers.persona, a.belt, a.belt != "none", frozenset(m.id for m in a.markers if m.met),
            a.position != "below", a.markers_needed)


def kept(answers):
    return [(r.persona, r.belt, r.has_profile, r.met, r.at_or_above_target, r.markers_needed)
            for r in respondents_of(answers)]


def one_field_apart():
    """Answers that differ from a few bases in one field each, over that field's values."""
    values = {"int": [0, 1, 19, 20, 200, 201], "number": [0.0, 1.0, 7.0, 60.0], "bool": [True, False]}
    out = []
    for base in (example_answers(), example_answers("sales"), WHITE_SEEKER, NO_PROFILE):
        for field, spec in FIELDS.items():
            if field != "schema":
                out += [base.replace(**{field: v}) for v in spec.get("choices") or values[spec["kind"]]]
    return out


def test_the_cache_key_is_the_fields_the_rules_read():
    assert key_fields() == ("persona", "findable", "profile", "photo", "invitations", "outreach", "connections",
                            "discussions", "groups", "reply_time")
    people = one_field_apart()
    assert kept(people) == [direct(a) for a in people]  # one assessment per key gives what each gives alone


@pytest.mark.parametrize("patch", ["has_profile", "marker_fact"])
def test_a_rule_reading_another_field_is_keyed_on_it(monkeypatch, patch):
    """A rule that reads a field the key did not name: the cache must not merge answers that differ there."""
    if patch == "has_profile":  # "has a profile" now also needs offline networking
        monkeypatch.setattr(rules, "HAS_PROFILE", {"all": [rules.HAS_PROFILE, {"field": "offline_networking",
                                                                              "op": "is", "value": True}]})
        new = "offline_networking"
    else:  # at least 20 connections becomes: connections >= 20 × hours a week
        markers = [dict(m, value={"fact": "hours_per_week", "times": 20}) if m["id"] == "connections_20" else m
                   for m in rules.MARKERS]
        monkeypatch.setattr(rules, "MARKERS", tuple(markers))
        new = "hours_per_week"
    assert new in key_fields()
    people = one_field_apart()
    assert kept(people) == [direct(a) for a in people]
    values = (True, False) if new == "offline_networking" else (1.0, 60.0)
    first, second = respondents_of([example_answers().replace(**{new: v}) for v in values])
    if new == "offline_networking":
        assert (first.belt, second.belt, second.has_profile, second.met) == ("green", "none", False, frozenset())
    else:  # 150 connections: at least 20 × 1 hour, not 20 × 60 hours
        assert "connections_20" in first.met and "connections_20" not in second.met


# ---------------------------------------------------------------- bad input
def test_no_valid_respondent_exits_2_and_writes_nothing(tmp_path):
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    done = run_cohort("bad.json", "-o", "out.html", cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert "skipped: Invalid answers in bad.json: (answers): got []" in done.stderr
    assert "error: no valid respondent (1 skipped): nothing written" in done.stderr
    assert not (tmp_path / "out.html").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_cohort("empty", "--json", cwd=tmp_path).returncode == 2


def test_unknown_csv_column_names_it_and_the_allowed_fields(tmp_path):
    header = [f for f in FIELDS if f != "schema"]
    header[header.index("photo")] = "name"
    rows = [header, csv_row(example_answers()), csv_row(example_answers())]
    (tmp_path / "form.csv").write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    done = run_cohort("form.csv", "-o", "out.html", cwd=tmp_path)
    assert done.returncode == 2 and not (tmp_path / "out.html").exists()
    first = done.stderr.splitlines()[0]
    assert first.startswith('skipped: Invalid answers in form.csv: (file): unknown column "name" '
                            "(expected: a header row of field names: schema (may be left out), persona, findable,")
    assert "error: no valid respondent (2 skipped)" in done.stderr  # both rows counted as invalid
    # with another valid file, the CSV is skipped and counted, the rest is reported
    write_json(tmp_path / "one.json", example_answers())
    done = run_cohort("form.csv", "one.json", "--json", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["invalid"] == 2


@pytest.mark.parametrize("content, message", [
    ("persona,findable\njob_seeker,easy_to_find\n", 'missing columns "profile", "photo"'),
    ("persona,persona\n", 'the column "persona" appears twice'),
    ("", "empty CSV file"),
])
def test_csv_header_problems_are_named(tmp_path, content, message):
    (tmp_path / "f.csv").write_text(content, encoding="utf-8")
    done = run_cohort("f.csv", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr


def test_csv_cells_read_like_a_form_tool_writes_them(tmp_path):
    header = list(FIELDS)
    good = ["1"] + csv_row(example_answers(), ("Yes", "No"))
    good[header.index("hours_per_week")] = " 1.5 "
    bad = list(good)
    bad[header.index("photo")] = "maybe"
    bad[header.index("connections")] = "lots"
    blank = list(good)
    blank[header.index("groups")] = ""
    text = "\ufeff" + "\n".join(",".join(r) for r in (header, good, bad, blank, [""] * 0)) + "\n\n"
    (tmp_path / "f.csv").write_text(text, encoding="utf-8")
    cohort = read_cohort([tmp_path / "f.csv"])
    assert len(cohort.answers) == 1 and cohort.answers[0].hours_per_week == 1.5 and cohort.answers[0].photo is True
    assert [s.line for s in cohort.skipped] == [3, 4]
    assert 'photo: got "maybe" (allowed: true or false)' in cohort.skipped[0].message
    assert 'connections: got "lots" (allowed: an integer from 0 to 30000)' in cohort.skipped[0].message
    assert "groups: missing (allowed: an integer >= 0)" in cohort.skipped[1].message
    # a French spreadsheet: semicolons and a decimal comma
    fr = [h for h in FIELDS if h != "schema"]
    row = csv_row(example_answers(), ("oui", "non"))
    row = csv_row(example_answers(), ("1", "0"))
    row[fr.index("hours_per_week")] = "2,5"
    (tmp_path / "fr.csv").write_text(";".join(fr) + "\n" + ";".join(row) + "\n", encoding="utf-8")
    cohort = read_cohort([tmp_path / "fr.csv"])
    assert cohort.skipped == [] and cohort.answers[0].hours_per_week == 2.5


def test_paths_that_cannot_be_read_are_clear_errors(tmp_path):
    done = run_cohort("nowhere", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.strip() == "error: nowhere: no such file or folder"
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    done = run_cohort("a.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "a.txt: not an answers file (allowed: a folder, or a file ending in .json or .csv)" in done.stderr
    with pytest.raises(CohortInputError):
        read_cohort([tmp_path / "nowhere"])
    (tmp_path / "latin1.json").write_bytes(dumps(example_answers()).replace("{", "{ \xe9", 1).encode("latin-1"))
    cohort = read_cohort([tmp_path / "latin1.json"])
    assert "not UTF-8 text" in cohort.skipped[0].message


def test_downloaded_answers_are_accepted_by_assess_and_cohort(tmp_path):
    """The "Download my answers" button saves the usual answers JSON (beltlib.answers.dumps) as answers.json."""
    for persona in rules.PERSONAS:
        d = tmp_path / persona
        d.mkdir()
        write_json(d / "answers.json", example_answers(persona))
        done = subprocess.run([sys.executable, "-m", "beltlib", "assess", str(d / "answers.json"), "--json"],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["belt"] == assess(example_answers(persona)).belt
    done = run_cohort(*rules.PERSONAS, "--json", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["respondents"] == 4


# ---------------------------------------------------------------- the page
class HtmlPage(HTMLParser):
    """Elements (tag, attrs), visible text, the title, and each table's body rows by class."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.raw, self.elements, self.title, self.parts, self.tables = text, [], "", [], {}
        self._stack: list[str] = []
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in ("meta", "img", "br", "link", "input"):
            self._stack.append(tag)
        if tag == "table":
            self._table = (attrs.get("class") or "").split()[0]
            self.tables[self._table] = []
        elif tag == "tr" and self._table and "thead" not in self._stack:
            self._row = []
            self.tables[self._table].append(self._row)
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "table":
            self._table, self._row = None, None
        if tag in self._stack:
            del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag):]

    def handle_data(self, data):
        if "title" in self._stack:
            self.title += data
        elif "style" not in self._stack:
            self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts))


@pytest.fixture(scope="module")
def pages(cohort_dir):
    out = {}
    for lang, extra in (("en", []), ("fr", ["--title", SCRIPT_TITLE])):
        path = cohort_dir / f"cohort-{lang}.html"
        done = run_cohort("folder", "answers.csv", "sales.json", "--lang", lang, *extra, "-o", str(path),
                          cwd=cohort_dir)
        assert done.returncode == 0, done.stderr
        out[lang] = path
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_page_is_offline_small_and_holds_no_code(pages, lang):
    raw = pages[lang].read_text(encoding="utf-8")
    assert pages[lang].stat().st_size < cohort_page.MAX_BYTES
    page = HtmlPage(raw)
    loads = [(tag, k, v) for tag, attrs in page.elements for k, v in attrs.items()
             if k in ("src", "href", "srcset", "data", "action", "poster", "xlink:href")]
    assert len(loads) == 3 and all(v.startswith("data:image/png;base64,") for _, _, v in loads)
    for tag in ("script", "link", "iframe", "object", "embed", "base", "frame", "input", "form"):
        assert all(t_ != tag for t_, _ in page.elements), tag
    assert "@import" not in raw and not re.search(r"url\(\s*['\"]?(?!data:)", raw)
    assert not re.search(r"https?://", raw)
    assert [a["lang"] for tag, a in page.elements if tag == "html"] == [lang]
    for tag, attrs in page.elements:
        if tag == "img":
            assert attrs["alt"].strip()
    # the stylesheet is the static report's, read from its one file
    assert cohort_page.STYLESHEET.read_text(encoding="utf-8") in raw


def test_title_is_escaped_text(pages):
    raw = pages["fr"].read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</title>" in raw
    page = HtmlPage(raw)
    assert page.title == SCRIPT_TITLE and SCRIPT_TITLE in page.text
    assert HtmlPage(pages["en"].read_text(encoding="utf-8")).title == t("cohort.default_title", "en")


def test_page_tables_hold_the_counts_and_the_agenda(pages):
    page = HtmlPage(pages["en"].read_text(encoding="utf-8"))
    assert page.tables["belt-cohort-belts"] == [
        ["No profile", "not shown", "not shown", "not among users"],
        ["White belt", "10", "45.5%", "most users (about 88%)"],
        ["Green belt", "6", "27.3%", "about 10%"],
        ["Black belt", "not shown", "not shown", "under 2%"]]
    agenda = page.tables["belt-cohort-agenda"]
    # what most lack first, shares of the whole group (22); no black marker: no count of recruiters is shown
    assert [r[1] for r in agenda] == ["40.9%"] * 4 + ["63.6%"] * 3
    assert agenda[0] == ["Profile photo (green belt)", "40.9%", "Add a profile photo. (about 10\u00a0min)",
                         "Green belts have put a photo on their profile."]
    # bins merged until each holds 5 or more, and "0" with "1": alone, its 9 would give away 3 (see EXPECTED)
    assert page.tables["belt-cohort-steps"] == [["0–1", "9"], ["2", "5"], ["3–8", "8"]]
    assert page.tables["belt-cohort-personas"][1] == ["Looking, or may change jobs", "14", "6", "Green belt"]
    names = [r[0] for r in page.tables["belt-assumptions"]]
    # only the assumptions the page uses: no score points, percentile band, effort model or plan
    assert [n[n.rindex("(") + 1:-1] for n in names] == ["GREEN_MIN_MARKERS", "BLACK_MIN_MARKERS", "SHARES",
                                                        "TARGET_BELT", "DISCUSSION_ANSWERS", "ACTION_MINUTES",
                                                        "MIN_CELL"]
    assert names[-1] == "Smallest group shown as a number (MIN_CELL)"
    assert "Median: 2." in page.text and "Answers files or rows that could not be used (not counted): 3." in page.text
    fr = HtmlPage(pages["fr"].read_text(encoding="utf-8"))
    assert fr.tables["belt-cohort-belts"][1] == ["Ceinture blanche", "10", "45,5\u00a0%",
                                                 "la plupart (environ 88\u00a0%)"]
    assert "Confidentialité" in fr.text and "« non affiché »" in fr.text  # (text with spaces normalised)
    assert fr.tables["belt-cohort-belts"][0][1:3] == ["non affiché", "non affiché"]
    assert "Belt Report" not in fr.text and "Belt Report" not in fr.title  # the title is translated too


def test_plots_draw_the_summary(cohort_dir):
    cohort = read_cohort([cohort_dir / "folder", cohort_dir / "answers.csv", cohort_dir / "sales.json"])
    s = summarise(respondents_of(cohort.answers), cohort.invalid)
    fig = cohort_plots.figure(s, "belts")
    bars = {p.get_gid(): p.get_height() for p in fig.axes[0].patches}
    assert bars == {"cohort-belt-white": 45.5, "cohort-belt-green": 27.3, "article-belt-white": 88.0,
                    "article-belt-green": 10.0, "article-belt-black": 2.0}
    texts = [x.get_text() for x in fig.axes[0].texts]
    assert "10\n45.5%" in texts and texts.count("not shown") == 2  # upright: beside the article's share
    legend = ["This group", "The article (LinkedIn users)"]
    assert [x.get_text() for x in fig.axes[0].get_legend().get_texts()] == legend
    # the group is named in the legend even when its first belts are suppressed
    green_only = summarise(respondents_of(read_cohort([cohort_dir / "folder"]).answers), 0)
    assert green_only.belts["white"] == SUPPRESSED and green_only.belts["green"] == 6
    seekers = cohort_plots.figure(green_only, "belts").axes[0]
    assert [x.get_text() for x in seekers.get_legend().get_texts()] == legend
    agenda = cohort_plots.figure(s, "agenda").axes[0]
    widths = [(p.get_gid(), round(p.get_width(), 1)) for p in agenda.patches]
    assert widths[0] == ("agenda-photo", 40.9) and widths[-1][1] == 63.6 and len(widths) == 7
    steps = cohort_plots.figure(s, "steps").axes[0]
    assert {p.get_gid(): p.get_height() for p in steps.patches} == {"steps-0–1": 9, "steps-2": 5, "steps-3–8": 8}
    assert [x.get_text() for x in steps.get_xticklabels()] == ["0–1", "2", "3–8"]
    alt = cohort_plots.alt_text(s, "steps")
    assert alt == "Steps still needed to reach the target belt: 0–1: 9; 2: 5; 3–8: 8. Median: 2."
    with pytest.raises(ValueError, match="kind: got 'pie'"):
        cohort_plots.figure(s, "pie")


def test_the_page_is_the_cohort_document_drawn_by_the_report_renderer(cohort_dir):
    from beltlib.cohort import document as cohort_document
    from beltlib.report import blocks_html, section_html
    s = summarise(respondents_of(read_cohort([cohort_dir / "folder"]).answers), 2)
    doc = cohort_document.build(s, "en")
    assert doc["title"] == t("cohort.default_title") and doc["lang"] == "en"
    assert [sec["id"] for sec in doc["sections"]] == [ident for ident, _ in cohort_document.SECTIONS] == [
        "cohort-privacy", "cohort-belts", "cohort-agenda", "cohort-steps", "cohort-personas", "cohort-method"]
    kinds = {sec["id"]: [b["kind"] for b in sec["blocks"]] for sec in doc["sections"]}
    plot = ["paragraph", "figure", "table"]
    assert kinds == {"cohort-privacy": ["paragraph"], "cohort-belts": plot, "cohort-agenda": plot, "cohort-steps": plot,
                     "cohort-personas": ["table"], "cohort-method": ["paragraph", "paragraph", "table"]}
    belts = doc["sections"][1]["blocks"]
    assert belts[1] == {"kind": "figure", "plot": "belts", "alt": cohort_plots.alt_text(s, "belts"),
                        "caption": cohort_plots.alt_text(s, "belts")}
    assert belts[2]["class"] == "belt-cohort-belts" and belts[2]["rows"][2] == ["Green belt", "6", "46.2%", "about 10%"]
    assert [b["text"] for b in doc["intro"]] == [t("cohort.intro", n="13"), t("cohort.skipped", n="2")]
    page = cohort_page.render_page(s, "en", date=datetime.date(2026, 1, 2))
    # every section is the renderer's, byte for byte (the figures through the page's callback)
    figure = cohort_page.figure_callback(s, "en")
    for sec in doc["sections"]:
        assert section_html(sec, figure) in page, sec["id"]
    assert f'<div class="belt-intro">{blocks_html(doc["intro"])}</div>' in page
    # a table of 3+ columns reads as cards on a phone: the renderer's labels
    assert '<table class="belt-cohort-belts belt-stack">' in page and '<td data-label="Share of the group">' in page
    # a group with fewer than 5 profiles: the agenda lists the markers (shares of the whole group: no count of
    # profiles to hide), every share "not shown" (4 of 7 meet each)
    few = summarise(respondents_of([example_answers()] * 4 + [NO_PROFILE] * 3))
    rows = cohort_document.agenda_section(few)["blocks"][2]["rows"]
    assert [r[1] for r in rows] == ["not shown"] * 7 and cohort_page.render_page(few).count("<img ") == 3


def test_render_page_is_deterministic_for_a_date(cohort_dir):
    cohort = read_cohort([cohort_dir / "folder"])
    s = summarise(respondents_of(cohort.answers), cohort.invalid)
    day = datetime.date(2026, 1, 2)
    one, two = cohort_page.render_page(s, "en", date=day), cohort_page.render_page(s, "en", date=day)
    assert one == two and "Generated on 2026-01-02." in one
    assert summary_text(s) == summary_text(s) and "Respondents: 13" in summary_text(s)


# ---------------------------------------------------------------- the notebook
def test_notebook_view_persona_filter_redraws_the_plots(cohort_dir):
    from beltlib.cohort.notebook import SECTIONS, open_cohort
    view = open_cohort(lang="en")
    assert view.current is None and "Type the folder" in view.status.value
    boxes = [getattr(view, s)() for s in SECTIONS]
    assert all(b is not None for b in boxes)
    view.folder.value = str(cohort_dir / "folder")  # the folder field (its *.json and *.csv files)
    assert view.current is not None and view.current.respondents == 13 and view.current.invalid == 2
    assert 'role="status"' in view.status.value
    assert "13 respondents read, 2 skipped. Situation shown: Everyone." in view.status.value
    before = {k: img.value for k, img in view.images.items()}
    heights = {p.get_gid(): p.get_height() for p in view.figures["belts"].axes[0].patches}
    # white (5) hidden with the small belts it would let one subtract
    assert "cohort-belt-white" not in heights and heights["cohort-belt-green"] == 46.2
    assert {p.get_gid(): p.get_height() for p in view.figures["steps"].axes[0].patches} == {"steps-0": 8,
                                                                                            "steps-1–8": 5}
    view.persona_filter.value = "job_seeker"
    assert view.current.persona == "job_seeker" and view.current.respondents == 6
    assert "Situation shown: Looking, or may change jobs." in view.status.value  # the change is announced
    after = {p.get_gid(): p.get_height() for p in view.figures["belts"].axes[0].patches}
    # all 6 are green: shown, it would tell each one's belt; the steps bin spans every value
    assert "cohort-belt-green" not in after and "cohort-belt-white" not in after
    steps = {p.get_gid(): p.get_height() for p in view.figures["steps"].axes[0].patches}
    assert steps == {"steps-0–5": 6}
    assert all(view.images[k].value != before[k] for k in view.images)
    assert 'alt="Belt shares, this group next to the article: No profile not shown in the group' in (
        view.images["belts"].value)
    assert "Situation" in view.persona_filter.description and "100.0%" not in view.tables["belts"].value
    view.persona_filter.value = ALL
    assert {k: img.value for k, img in view.images.items()} == before
    assert view.load(cohort_dir / "nowhere") is False and "no such file or folder" in view.status.value
    assert view.current.respondents == 13  # what was shown stays


def test_notebook_shows_the_pages_document(cohort_dir, tmp_path):
    from beltlib.cohort import document as cohort_document
    from beltlib.cohort.notebook import open_cohort
    from beltlib.report import block_html, blocks_html, body_html
    view = open_cohort(cohort_dir / "folder", lang="fr")
    doc = cohort_document.build(view.current, "fr")
    sections = {sec["id"]: sec for sec in doc["sections"]}
    for kind in ("belts", "agenda", "steps"):
        intro, figure, table = sections[f"cohort-{kind}"]["blocks"]
        assert view.intros[kind].value == block_html(intro) and view.tables[kind].value == block_html(table)
        assert f'alt="{escape(figure["alt"])}"' in view.images[kind].value
        assert view.captions[kind].value == f'<p class="belt-plot-caption">{escape(figure["caption"])}</p>'
    assert view.tables["personas"].value == blocks_html(sections["cohort-personas"]["blocks"])
    assert '<td data-label="Part du groupe">46,2\u00a0%</td>' in view.tables["belts"].value
    method = view.method().children[1].value
    assert method == body_html(sections["cohort-method"]) and "MIN_CELL" in method
    heading = view.personas().children[0].value
    assert heading == ('<h2 class="belt-heading belt-heading-cohort-personas" id="belt-heading-cohort-personas">'
                       "Par situation</h2>")
    # fewer than 5 with a profile: the agenda still lists the markers, every share "not shown" (as the page)
    folder = tmp_path / "few"
    folder.mkdir()
    for i, answers in enumerate([example_answers()] * 4 + [NO_PROFILE] * 3):
        write_json(folder / f"{i}.json", answers)
    assert view.load(folder) and set(view.current.marker_prevalence.values()) == {SUPPRESSED}
    assert view.tables["agenda"].value.count("<td data-label=\"Part du groupe qui le remplit\">non affiché</td>") == 7
    assert view.images["agenda"].value.startswith('<img class="belt-cohort-plot belt-cohort-plot-agenda"')
    assert view.images["belts"].value.startswith('<img class="belt-cohort-plot belt-cohort-plot-belts" src="data:')


def test_notebook_cells_each_call_one_function_and_hold_no_path():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata["tags"] == ["parameters"]
    assert code[0].source.splitlines() == ['folder = ""', 'lang = "en"', "title = None"]
    assert re.sub(r"\s+", "", code[1].source) == (
        "importbeltlib.cohort.notebookview=beltlib.cohort.notebook.open_cohort(folder=folder,lang=lang,title=title)")
    from beltlib.cohort.notebook import SECTIONS
    assert [c.source.strip() for c in code[2:]] == [f"view.{s}()" for s in SECTIONS] + ["view.summary()"]
    outputs = json.dumps([c.get("outputs", []) for c in code])
    for needle in ("/tmp", "/home", "/work", "/root", "\\\\Users", ".json", ".csv"):
        assert needle not in outputs, needle
    assert "widget-state" not in json.dumps(nb.metadata)
    assert code[-1].outputs[0]["text"] == t("cohort.ui.empty", "en") + "\n"


def test_notebook_runs_with_a_folder_parameter(cohort_dir, tmp_path):
    from browser import jupyter_env
    nb = nbformat.read(NOTEBOOK, as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = f'folder = {str(cohort_dir / "folder")!r}\nlang = "fr"\ntitle = None'
    path = tmp_path / "run.ipynb"
    nbformat.write(nb, path)
    done = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                           "--output", "done.ipynb", str(path)], cwd=tmp_path, capture_output=True, text=True,
                          env=jupyter_env(tmp_path / "jupyter"), timeout=300)
    assert done.returncode == 0, done.stderr
    out = nbformat.read(tmp_path / "done.ipynb", as_version=4)
    text = out.cells[-1].outputs[0]["text"]
    assert "Répondants\u00a0: 13" in text and "Ignorés (invalides, listés sur la sortie d’erreur)\u00a0: 2" in text


def test_csv_rows_give_exactly_what_validate_gives(tmp_path, monkeypatch):
    """The CSV reader judges each distinct cell once (fast); row by row, the answers and the messages
    are the ones ``validate`` gives for the same values."""
    import random

    from beltlib.answers import AnswersError, validate
    rnd = random.Random(7)
    bad = {"kind": ["maybe", "-1", "1e3", "pirate", ""]}
    header = list(FIELDS)
    rows, expected = [], []
    for i in range(400):
        d = {}
        for f, spec in FIELDS.items():
            if spec["kind"] == "choice":
                d[f] = rnd.choice(spec["choices"])
            elif spec["kind"] == "bool":
                d[f] = rnd.random() < 0.5
            elif spec["kind"] == "int":
                d[f] = rnd.randint(0, 40)
            else:
                d[f] = rnd.choice([0.0, 0.5, 1.0, 2.5, 60.0])
        cells = {f: ("true" if v is True else "false" if v is False else str(v)) for f, v in d.items()}
        if i % 5 == 0:  # one bad cell in a fifth of the rows
            f = rnd.choice(header)
            cells[f] = rnd.choice(bad["kind"])
            d[f] = cells[f]
            if cells[f] == "":
                del d[f]
            elif cells[f] == "-1" and FIELDS[f]["kind"] in ("int", "number"):
                d[f] = -1 if FIELDS[f]["kind"] == "int" else -1.0  # read as a number of its kind
            elif cells[f] == "-1" and f == "schema":
                d[f] = "-1"
        rows.append([cells[f] for f in header])
        try:
            expected.append(validate(d, f"t.csv, line {i + 2}"))
        except AnswersError as exc:
            expected.append(str(exc))
    (tmp_path / "t.csv").write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cohort = read_cohort(["t.csv"])
    got_answers = iter(cohort.answers)
    got_skipped = iter(cohort.skipped)
    for want in expected:
        if isinstance(want, str):
            assert next(got_skipped).message == want
        else:
            assert next(got_answers) == want
    assert len(cohort.answers) + len(cohort.skipped) == 400 and len(cohort.skipped) >= 60


def test_a_french_csv_with_oui_and_non_is_read(tmp_path):
    """Issue 19: a French spreadsheet writes oui/non for yes/no; each respondent is read, none refused."""
    fields = [h for h in FIELDS if h != "schema"]
    yes = csv_row(example_answers(), ("Oui", "non"))
    no_photo = csv_row(validate({**example_answers().to_dict(), "photo": False}), ("oui", "NON"))
    (tmp_path / "fr.csv").write_text(";".join(fields) + "\n" + ";".join(yes) + "\n" + ";".join(no_photo) + "\n",
                                     encoding="utf-8")
    cohort = read_cohort([tmp_path / "fr.csv"])
    assert cohort.skipped == [] and [a.photo for a in cohort.answers] == [True, False]
    assert [a.offline_networking for a in cohort.answers] == [True, True]


def _job_seekers(n_white: int, n_green: int) -> list:
    white = validate({**EXAMPLE, "photo": False, "connections": 10, "groups": 0, "discussions": "never"})
    return [white] * n_white + [example_answers()] * n_green


def test_a_group_of_job_seekers_sees_green_markers_first():
    only = summarise(respondents_of(_job_seekers(8, 4)))
    belt_of = {m["id"]: m["belt"] for m in rules.MARKERS}
    green = [m["id"] for m in rules.MARKERS if m["belt"] == "green"]
    # no black marker at all; no green share is shown (4 of 12 meet four of them, all 12 the other three), so
    # the agenda keeps the table's order: placing the four first would say that fewer than 5 meet them
    assert only.agenda() == green
    assert {only.marker_prevalence[i] for i in green} == {SUPPRESSED}
    assert only.to_dict()["agenda"] == only.agenda()
    # mostly job seekers and one recruiter: the page shows no count of recruiters, so no black marker either
    mostly = summarise(respondents_of([*_job_seekers(8, 4), example_answers("recruiter")]))
    assert {belt_of[i] for i in mostly.agenda()} == {"green"}
    # 5 recruiters, shown in the table by situation: the black markers come after the green ones (belts are
    # cumulative), although fewer meet them (5 of 22)
    more = summarise(respondents_of([*_job_seekers(8, 4), *[example_answers("not_looking")] * 5,
                                     *[example_answers("recruiter")] * 5]))
    assert more.by_persona["recruiter"]["respondents"] == 5
    assert [more.marker_prevalence[i] for i in more.agenda()] == [0.409] * 4 + [0.773] * 3 + [0.227] * 4
    assert [belt_of[i] for i in more.agenda()] == ["green"] * 7 + ["black"] * 4


@pytest.mark.parametrize("sizes", [(6, 1, 0, 0), (5, 6, 1, 2), (14, 5, 2, 1), (9, 9, 9, 0), (20, 4, 4, 0)])
def test_no_hidden_count_is_the_total_minus_the_counts_shown(sizes):
    seekers, not_looking, recruiters, sales = sizes
    group = [*_job_seekers(seekers - seekers // 2, seekers // 2), *[example_answers("not_looking")] * not_looking,
             *[example_answers("recruiter")] * recruiters, *[example_answers("sales")] * sales]
    s = summarise(respondents_of(group))
    for cells in (s.belts, {p: v["respondents"] for p, v in s.by_persona.items()}):
        hidden = [k for k, v in cells.items() if v == SUPPRESSED]
        left = s.respondents - sum(v for v in cells.values() if v != SUPPRESSED)
        assert not hidden or (len(hidden) > 1 and left >= 5) or len(hidden) == len(cells), (cells, left)
    for v in s.by_persona.values():  # "Looking: 6" and "5 at or above" would show the one below
        if v["at_or_above_target"] != SUPPRESSED:
            assert v["respondents"] - v["at_or_above_target"] >= 5
    assert SUPPRESSED not in s.markers_needed.values() or len(s.markers_needed) == 1
    assert all(v >= 5 for v in s.markers_needed.values() if v != SUPPRESSED)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_plot_labels_are_never_cut_nor_on_top_of_each_other(cohort_dir, lang):
    cohort = read_cohort([cohort_dir / "folder", cohort_dir / "answers.csv", cohort_dir / "sales.json"])
    everyone = summarise(respondents_of(cohort.answers), cohort.invalid)
    folder = summarise(respondents_of(read_cohort([cohort_dir / "folder"]).answers), 0)
    for s in (everyone, folder, summarise(respondents_of(cohort.answers), cohort.invalid, "recruiter")):
        for kind in ("agenda", "belts"):
            fig = cohort_plots.figure(s, kind, lang)
            r = fig._get_renderer()
            boxes = [(x.get_text(), x.get_window_extent(r)) for x in fig.axes[0].texts]
            for text, box in boxes:  # inside the image: "…rencontre ou échange c" is wrapped, not cut
                assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1, (kind, text)
            for i, (a, ba) in enumerate(boxes):
                for b, bb in boxes[i + 1:]:
                    assert not ba.overlaps(bb), (kind, a, b)  # « non affiché » beside « 10 % », not on it
    recruiters = summarise(respondents_of(cohort.answers), cohort.invalid, "recruiter")  # lists the black markers
    labels = [x.get_text() for x in cohort_plots.figure(recruiters, "agenda", lang).axes[0].texts]
    if lang == "fr":
        assert "Se connecte dans les jours qui suivent chaque rencontre ou\néchange de mails" in labels
