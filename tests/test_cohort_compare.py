"""The group before and after (``cohort AFTER --compare BEFORE``, beltlib.cohort.compare): shares then and now,
worked out by hand from two known folders, the privacy rules (nothing under 5, nothing by subtraction), bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from beltlib import example_answers
from beltlib.cohort import SUPPRESSED, respondents_of
from beltlib.cohort.compare import HIDDEN, build, compare
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
    assert set(data) == {"before", "after", "article_shares_percent", "agenda"}
    assert data["before"]["respondents"] == data["after"]["respondents"] == 20
    assert data["before"]["belt_shares_percent"] == {"none": SUPPRESSED, "white": 60.0, "green": 40.0,
                                                     "black": SUPPRESSED}
    assert data["after"]["belt_shares_percent"] == {"none": SUPPRESSED, "white": 25.0, "green": 75.0,
                                                    "black": SUPPRESSED}
    lacked = {"photo": (0.4, 0.75), "connections_20": (0.4, 0.75), "forums": (0.4, 0.75), "groups": (0.4, 0.75),
              "profile_current": (1.0, 1.0), "invites_acquaintances": (1.0, 1.0)}
    for marker, (then, now) in lacked.items():
        assert (data["before"]["marker_prevalence"][marker], data["after"]["marker_prevalence"][marker]) == (then, now)
    assert data["agenda"][:4] == ["photo", "connections_20", "forums", "groups"]  # ties in table order
    assert len(data["agenda"]) == 7  # green markers only: nobody aims for black
    assert data["after"]["marker_prevalence"]["same_day_reply"] == SUPPRESSED
    for name in NAMES:
        assert name not in out.stdout


def test_no_count_recoverable_by_subtraction(groups):
    before = respondents_of([*[WHITE_SEEKER] * 12, *[GREEN] * 8])
    after = respondents_of([*[WHITE_SEEKER] * 6, *[GREEN] * 12, *[NO_PROFILE] * 2])
    cmp = compare(before, after)
    # Now: no profile 2 and black 0 are under 5 (2 people in all): the smallest belt shown, white (6), is
    # hidden too; green went from 8 to 12 (a change of 4 people): hidden as well.
    assert cmp.after.belt_shares_percent == {"none": SUPPRESSED, "white": HIDDEN, "green": HIDDEN,
                                             "black": SUPPRESSED}
    # Markers now, of the 18 with a profile: the photo is met by 12 (then 8: a change of 4 -> hidden);
    # a current profile by all 18 (then 20: 2 fewer -> hidden).
    assert cmp.after.marker_prevalence["photo"] == HIDDEN
    assert cmp.after.marker_prevalence["profile_current"] == HIDDEN
    # A share whose complement is 1 to 4 people: 18 of 20 white would tell the 2 others.
    almost = compare(before, respondents_of([*[WHITE_SEEKER] * 18, *[GREEN] * 2]))
    assert almost.after.belt_shares_percent["white"] == HIDDEN
    assert almost.after.belt_shares_percent["green"] == SUPPRESSED
    out = run_cohort("after_small", "--compare", "before", cwd=groups)
    assert out.returncode == 0
    assert "Green belt: 40.0% → not shown (article: about 10%)" in out.stdout
    assert "Respondents: 20 then, 20 now." in out.stdout


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
