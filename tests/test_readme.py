"""The README's rules table and first lines must not drift from the code."""
import pathlib
import re

from beltlib import rules
from beltlib.texts import number

README = (pathlib.Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_first_lines_give_the_two_commands():
    head = "\n".join(README.splitlines()[:6])
    assert "make lab" in head and "make test" in head


def test_rules_table_matches_the_code():
    assert f"at least {rules.GREEN_MIN_MARKERS} (`GREEN_MIN_MARKERS`) of {len(rules.markers_of('green'))} green markers" in README
    assert f"at least {rules.BLACK_MIN_MARKERS} (`BLACK_MIN_MARKERS`) of {len(rules.markers_of('black'))} black markers" in README
    assert f"{number(rules.GREEN_POINTS)} points per green marker, {rules.BLACK_POINTS:g} per black marker" in README
    bands = rules.BANDS
    expected = (f"white [{bands['white'][0]:g}, {bands['white'][1]:g}), green [{bands['green'][0]:g}, "
                f"{bands['green'][1]:g}), black [{bands['black'][0]:g}, {bands['black'][1]:g}]")
    assert expected in re.sub(r"\s+", " ", README)
    by_belt = {}
    for persona, belt in rules.TARGET_BELT.items():
        by_belt.setdefault(belt, []).append(f"`{persona}`")
    targets = ", ".join(f"{belt} for {' and '.join(p)}" for belt, p in by_belt.items())
    assert f"Target belt: {targets}." in re.sub(r"\s+", " ", README)
