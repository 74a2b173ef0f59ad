"""The report document (beltlib.document): its shape, its plain text, and the golden snapshots."""
from __future__ import annotations

import json

import pytest

from beltlib import assess, document, example_answers, report
from beltlib.answers import validate
from snapshot_cases import LANGS, SNAPSHOTS, documents, names
from update_snapshots import snapshot_json


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", names())
def test_snapshot(name, lang):
    """The document and its text match tests/snapshots/ (rewrite them with tests/update_snapshots.py
    after a deliberate change, and read the diff)."""
    doc, text = documents(name, lang)
    assert snapshot_json(doc) == (SNAPSHOTS / f"{name}.{lang}.json").read_text(encoding="utf-8")
    assert text == (SNAPSHOTS / f"{name}.{lang}.txt").read_text(encoding="utf-8")


def test_no_stale_snapshot():
    expected = {f"{n}.{x}.{s}" for n in names() for x in LANGS for s in ("json", "txt")}
    assert {p.name for p in SNAPSHOTS.glob("*.*.*")} == expected


def test_sections_in_order_with_their_blocks():
    a = assess(example_answers())
    doc = document.build(a, "en")
    optional = ("export_summary", "history", "since")  # shown only with an export, with a comparison
    assert [s["id"] for s in doc["sections"]] == [x for x in document.SECTION_IDS if x not in optional]
    assert doc["summary"] == {"belt": "green", "title": "Green belt",  # one short line, not the distance sentence
                              "distance": "Target reached: the green belt"}
    result = document.find(doc, "result")
    assert result["class"] == "belt-result" and result["data"] == {"belt": "green"}
    assert result["blocks"][0] == {"kind": "badge", "belt": "green", "text": "Green belt"}
    assert [b["text"] for b in result["blocks"] if b["kind"] == "paragraph"][:5] == report.result_lines(a, "en")
    markers = next(b for b in result["blocks"] if b["kind"] == "table")
    assert markers["title"] == "Marker by marker" and len(markers["rows"]) == 11
    for sec in doc["sections"]:
        assert sec["area"] in document.AREAS
        assert all(b["kind"] in document.BLOCK_KINDS for b in sec["blocks"])
    json.dumps(doc)  # plain data


def test_only_and_unknown_sections():
    a = assess(example_answers())
    assert [s["id"] for s in document.build(a, "fr", only=["result"])["sections"]] == ["result"]
    with pytest.raises(ValueError, match="only: got"):
        document.build(a, "en", only=["nope"])
    with pytest.raises(ValueError, match="lang: got"):
        document.build(a, "de")


def test_plain_text_carries_every_section_and_the_markers():
    a = assess(validate({**example_answers().to_dict(), "photo": False}))
    text = report.render_text(a, "en")
    for sec in document.build(a, "en")["sections"]:
        assert f"\n{sec['title']}\n{'-' * len(sec['title'])}\n" in text
    assert "  - green belt | Profile photo | not met" in text
    assert "  1. Add a profile photo" in text


def test_block_renderer_draws_each_kind_escaped():
    assert report.block_html(document.paragraph("a < b")) == "<p>a &lt; b</p>"
    assert report.block_html(document.note("n")) == '<p class="belt-note"><em>n</em></p>'
    assert report.block_html(document.bullets(["x", {"text": "y", "items": ["z"]}], ordered=True)) == (
        "<ol><li>x</li><li>y<ul><li>z</li></ul></li></ol>")
    folded = report.block_html(document.table(["A", "B", "C"], [["1", "2", "3"]], "t", "Title"))
    assert folded.startswith("<details open><summary>Title</summary><table class=\"t belt-stack\">")
    fig = report.block_html(document.figure("population", "alt & text"), lambda b: "<svg></svg>")
    assert fig == ('<figure class="belt-plot-population" style="margin:0"><svg></svg>'
                   '<figcaption class="belt-plot-caption">alt &amp; text</figcaption></figure>')
    with pytest.raises(ValueError, match="block kind: got 'video'"):
        report.block_html({"kind": "video"})
