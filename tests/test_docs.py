"""docs/rules-and-assumptions.md must not drift from beltlib/rules.py (python-holidays style)."""
from __future__ import annotations

import re
from typing import Any

from beltlib import rules
from beltlib.texts import number, t
from helpers import ROOT

DOC = (ROOT / "docs" / "rules-and-assumptions.md").read_text(encoding="utf-8")
FLAT = re.sub(r"\s+", " ", DOC)


def value_text(v: Any) -> str:
    """An assumption's value as the page writes it: numbers with :g, dicts as ``key: value`` lists."""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int | float):
        return f"{v:g}"
    if isinstance(v, dict):
        if all(not isinstance(x, dict) for x in v.values()):
            return ", ".join(f"{k}: {value_text(x)}" for k, x in v.items())
        return "; ".join(f"{k}: {value_text(x)}" for k, x in v.items())
    return str(v)


def test_rules_table_matches_the_code():
    green, black = len(rules.markers_of("green")), len(rules.markers_of("black"))
    assert f"at least {rules.GREEN_MIN_MARKERS} (`GREEN_MIN_MARKERS`) of {green} green markers" in DOC
    assert f"at least {rules.BLACK_MIN_MARKERS} (`BLACK_MIN_MARKERS`) of {black} black markers" in DOC
    assert f"{number(rules.GREEN_POINTS)} points per green marker, {rules.BLACK_POINTS:g} per black marker" in DOC
    bands = rules.BANDS
    expected = (f"white [{bands['white'][0]:g}, {bands['white'][1]:g}), green [{bands['green'][0]:g}, "
                f"{bands['green'][1]:g}), black [{bands['black'][0]:g}, {bands['black'][1]:g}]")
    assert expected in FLAT
    by_belt: dict[str, list[str]] = {}
    for persona, belt in rules.TARGET_BELT.items():
        by_belt.setdefault(belt, []).append(f"`{persona}`")
    targets = ", ".join(f"{belt} for {' and '.join(p)}" for belt, p in by_belt.items())
    assert f"Target belt: {targets}." in FLAT


def test_every_marker_and_signal_is_listed_with_its_source():
    rows = {m.group(2): m.group(0) for m in re.finditer(r"^\| (?:(green|black) \| )?`(\w+)` \|.*$", DOC, re.M)}
    for m in rules.MARKERS:
        row = rows[m["id"]]
        assert row.startswith(f"| {m['belt']} | `{m['id']}` | {t('marker.' + m['id'])} |"), row
        assert f"`{m['field']}`" in row and m["source"] in row, row
        values = m["value"] if isinstance(m["value"], list) else [m["value"]]
        for v in values:
            assert (value_text(v) if not isinstance(v, str) else f"`{v}`") in row, (row, v)
    for s in rules.SIGNALS:
        assert s["source"] in rows[s["id"]], s["id"]
    marker_ids = {m["id"] for m in rules.MARKERS} | {s["id"] for s in rules.SIGNALS}
    listed = {i for i, row in rows.items() if not i.isupper()}
    assert listed == marker_ids


def test_every_named_assumption_is_listed_with_its_value():
    for name, value in rules.ASSUMPTIONS:
        row = re.search(rf"^\| `{name}` \| (.*?) \| (.*) \|$", DOC, re.M)
        assert row, f"{name} is missing from docs/rules-and-assumptions.md"
        assert row.group(1) == value_text(value), name
        assert row.group(2) == t(f"assumption.{name}"), name
    listed = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", DOC, re.M))
    assert listed == {name for name, _ in rules.ASSUMPTIONS}
