"""The report as one document: an ordered list of sections made of a few plain blocks.

Every rendering draws this one document: the plain text (:func:`to_text`), the notebook's static
and live views (:mod:`beltlib.app`), the static page and the interactive page
(:mod:`beltlib.publish`; the page's ``engine.js`` builds the same document in the browser and
``tests/test_publish_engine_parity.py`` proves the two agree, block by block). A new section is a
builder here and its texts in the catalogue: no rendering changes.

The document is plain JSON-able data::

    {"lang": "en", "title": "Belt Report: how you use LinkedIn",
     "summary": {"belt": "green", "title": "Green belt", "distance": "You are at ..."},
     "announce": "Green belt: target reached, the green belt.",
     "sections": [{"id": "result", "heading": "result.title", "title": "Your result",
                   "area": "outcome", "class": "belt-result", "data": {"belt": "green"},
                   "blocks": [{"kind": "badge", ...}, {"kind": "paragraph", ...}, ...]}, ...]}

Block kinds (:data:`BLOCK_KINDS`), each a dict with ``kind`` and:

- ``paragraph``: ``text``;
- ``note``: ``text`` (a remark set apart: a source, a privacy promise);
- ``list``: ``items`` (each a text, or ``{"text", "items"}`` for a nested list), ``ordered`` (bool);
- ``table``: ``columns`` (the column labels), ``rows`` (lists of texts, one per column), ``class``
  (the table's CSS class) and ``title`` (None, or a title the table folds under);
- ``figure``: ``plot`` (``population``, ``effort``, ``timeline`` or ``history``), ``alt`` and ``caption``
  (what the plot shows, in words; the rendering draws the plot itself);
- ``badge``: ``belt`` and ``text`` (the belt's title).

Sections carry an ``area`` (:data:`AREAS`): renderings that lay the report out in columns (the
live app, the interactive page) group by it; the others follow the document's order. Standard
library only.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from . import since as _since_words
from .announce import short_announcement
from .answers import Answers
from .assessment import Assessment
from .plan import calendar_assumptions
from .sentences import (
    answers_rows,
    assumption_rows,
    marker_rows,
    note_lines,
    plan_sections,
    plot_alt_text,
    result_lines,
    result_notes,
    signals_line,
    summary_text,
    synthesis_rows,
)
from .texts import check_lang, t

#: The block kinds a section may hold.
BLOCK_KINDS = ("paragraph", "note", "list", "table", "figure", "badge")
#: Where a section goes when a rendering lays the report out in columns: ``lead`` (first, full
#: width), ``answers`` (beside the outcome), ``outcome`` (the result and what follows from it),
#: ``reference`` (last, full width).
AREAS = ("lead", "answers", "outcome", "reference")


class ExportFacts(Protocol):
    """What the document reads of a LinkedIn export (:class:`beltlib.linkedin.ExportSummary`)."""

    def lines(self, lang: str = "en") -> list[tuple[str, list[str]]]: ...
    def timeline_alt(self, lang: str = "en") -> str: ...
    def history(self, lang: str = "en") -> dict[str, Any] | None: ...
    def assumptions(self, lang: str = "en") -> list[dict[str, Any]]: ...


# ---------------------------------------------------------------- blocks
def paragraph(text: str) -> dict[str, Any]:
    """A paragraph block."""
    return {"kind": "paragraph", "text": text}


def note(text: str) -> dict[str, Any]:
    """A note block (a remark set apart)."""
    return {"kind": "note", "text": text}


def bullets(items: Sequence[Any], ordered: bool = False) -> dict[str, Any]:
    """A list block; each item a text or ``{"text", "items"}``."""
    return {"kind": "list", "ordered": ordered, "items": list(items)}


def table(columns: Sequence[str], rows: Sequence[Sequence[str]], css_class: str,
          title: str | None = None) -> dict[str, Any]:
    """A table block with column labels (``title``: a heading the table folds under, or None)."""
    return {"kind": "table", "columns": list(columns), "rows": [list(r) for r in rows], "class": css_class,
            "title": title}


def figure(plot: str, alt: str) -> dict[str, Any]:
    """A figure block: the plot's kind and what it shows in words (alt text and caption)."""
    return {"kind": "figure", "plot": plot, "alt": alt, "caption": alt}


def badge(belt: str, lang: str) -> dict[str, Any]:
    """A belt badge block (the belt's title as text; renderings add the colour)."""
    return {"kind": "badge", "belt": belt, "text": t(f"belt_title.{belt}", lang)}


def section(ident: str, heading: str, lang: str, area: str, blocks: list[dict[str, Any]],
            css_class: str | None = None, data: Mapping[str, str] | None = None) -> dict[str, Any]:
    """A section: id, heading key and its text, area, body CSS class, ``data-*`` values, blocks."""
    return {"id": ident, "heading": heading, "title": t(heading, lang), "area": area,
            "class": css_class or f"belt-{ident}", "data": dict(data or {}), "blocks": blocks}


# ---------------------------------------------------------------- sections
def _intro(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    return section("intro", "intro.title", lang, "lead",
                   [paragraph(t("intro.body", lang)), note(t("intro.source", lang))], "belt-intro")


def _export_summary(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any] | None:
    export: ExportFacts | None = ctx.get("export")
    if export is None:
        return None
    items = [{"text": line, "items": list(sub)} if sub else line for line, sub in export.lines(lang)]
    return section("export_summary", "export.section_title", lang, "lead",
                   [bullets(items), note(t("export.privacy", lang)), figure("timeline", export.timeline_alt(lang))],
                   "belt-export-summary")


def _history(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any] | None:
    export: ExportFacts | None = ctx.get("export")
    data = export.history(lang) if export is not None else None
    if data is None:
        return None
    blocks = [*map(paragraph, data["paragraphs"]), paragraph(data["markers_intro"]), bullets(data["markers"]),
              figure("history", data["alt"]),
              table(data["columns"], data["rows"], "belt-history-months", data["table_title"]),
              *map(note, data["notes"]), paragraph(data["undated_intro"]), bullets(data["undated"])]
    return section("history", "history.title", lang, "lead", blocks, "belt-history")


def _result(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    markers = table([t("synthesis.belt", lang), t("result.marker", lang), t("result.met_header", lang)],
                    marker_rows(a, lang), "belt-markers", t("result.markers_title", lang))
    lines = result_lines(a, lang)  # the belt and the distance lead; a time warning follows them at once
    blocks = [badge(a.belt, lang), *map(paragraph, lines[:2]), *map(note, result_notes(a, lang)),
              *map(paragraph, lines[2:]), markers, paragraph(signals_line(a, lang))]
    return section("result", "result.title", lang, "outcome", blocks, "belt-result", {"belt": a.belt})


def _since(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any] | None:
    s: _since_words.Since | None = ctx.get("since")
    if s is None:
        return None
    blocks = [paragraph(_since_words.headline(s, lang))]
    if lines := _since_words.marker_lines(s, lang):
        blocks.append(bullets(lines))
    blocks += [paragraph(x) for x in _since_words.detail_lines(s, lang)]
    if (dated := _since_words.date_note(s, lang)) is not None:
        blocks.append(note(dated))
    return section("since", "since.title", lang, "outcome", blocks, "belt-since", {"belt": s.belt})


def _population_plot(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    return section("population_plot", "plot.population.title", lang, "outcome",
                   [figure("population", plot_alt_text(a, "population", lang))], "belt-plot-section")


def _effort_plot(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    return section("effort_plot", "plot.effort.title", lang, "outcome",
                   [figure("effort", plot_alt_text(a, "effort", lang))], "belt-plot-section")


def _action_plan(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    for heading, lines in plan_sections(a, lang):
        blocks.append(paragraph(heading))
        if lines:
            blocks.append(bullets(lines, ordered=True))
    blocks += [paragraph(t("plan.notes", lang)), bullets(note_lines(a, lang))]
    return section("action_plan", "plan.title", lang, "outcome", blocks, "belt-plan")


def _questionnaire(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    provenance = ctx.get("provenance")
    columns = [t("answers.field", lang), t("answers.value", lang)]
    if provenance is not None:
        columns.append(t("answers.origin", lang))
    rows = answers_rows(ctx.get("answers") or a.answers, lang, provenance)
    return section("questionnaire", "answers.title", lang, "answers", [table(columns, rows, "belt-answers")],
                   "belt-answers-section")


def _synthesis(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    header, rows = synthesis_rows(lang)
    return section("synthesis", "synthesis.title", lang, "reference",
                   [note(t("synthesis.note", lang)), table(header, rows, "belt-synthesis")], "belt-synthesis-section")


def _method(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    export: ExportFacts | None = ctx.get("export")
    extra = calendar_assumptions(lang) + (export.assumptions(lang) if export is not None else []) + (
        _since_words.assumptions(lang, ctx["since"]) if ctx.get("since") is not None else [])
    rows = assumption_rows(lang, extra)
    columns = [t("method.name", lang), t("method.value", lang), t("method.why", lang)]
    return section("method", "method.title", lang, "reference",
                   [paragraph(t("method.body", lang)), table(columns, rows, "belt-assumptions")], "belt-method")


def _about(a: Assessment, lang: str, ctx: Mapping[str, Any]) -> dict[str, Any]:
    return section("about", "about.title", lang, "reference",
                   [paragraph(t("about.body", lang)), note(t("about.privacy", lang))], "belt-about")


#: The section builders, in the document's order: each takes (assessment, lang, context) and
#: returns a section, or None when it has nothing to show (the export's and the history without an export
#: (the history also without a dated row), ``since`` without a comparison).
SECTIONS: tuple[tuple[str, Callable[[Assessment, str, Mapping[str, Any]], dict[str, Any] | None]], ...] = (
    ("intro", _intro),
    ("export_summary", _export_summary),
    ("history", _history),
    ("result", _result),
    ("since", _since),
    ("population_plot", _population_plot),
    ("effort_plot", _effort_plot),
    ("action_plan", _action_plan),
    ("questionnaire", _questionnaire),
    ("synthesis", _synthesis),
    ("method", _method),
    ("about", _about),
)
#: The section ids, in order.
SECTION_IDS = tuple(name for name, _ in SECTIONS)


def build(assessment: Assessment, lang: str = "en", *, answers: Answers | None = None,
          provenance: Mapping[str, str] | None = None, export: ExportFacts | None = None,
          title: str | None = None, only: Sequence[str] | None = None,
          since: _since_words.Since | None = None) -> dict[str, Any]:
    """The report as a document (see the module's docstring for its shape).

    Args:
        assessment (Assessment): the person's assessment.
        lang (str): ``"en"`` or ``"fr"``.
        answers (Answers | None): the answers shown in the answers table (default ``assessment.answers``).
        provenance (Mapping[str, str] | None): field -> ``"you"``/``"export"``/``"example"``: adds
            the origin column to the answers table; None leaves it out.
        export (ExportFacts | None): the LinkedIn export's summary
            (:class:`beltlib.linkedin.ExportSummary`): adds its section (counts and dates only, and
            the timeline), its history (section ``history``, when it has a dated row) and its named
            assumptions to the method; None: no export section.
        title (str | None): the report's title (None: the catalogue's ``report.default_title``).
        only (Sequence[str] | None): the ids of the sections to build (default: all of :data:`SECTION_IDS`).
        since (Since | None): a comparison with earlier answers (:func:`beltlib.since.compare`): adds the
            section ``since`` after the result; None: no such section.

    Returns:
        dict[str, Any]: ``lang``, ``title``, ``summary`` ({belt, title, distance}: the compact summary),
        ``announce`` (the sentence a live region says when the belt changes) and ``sections`` (in order).

    Raises:
        ValueError: unknown ``lang``, or an unknown id in ``only`` (naming the allowed ids).

    Source: each section's texts name their own sources (:mod:`beltlib.sentences`).
    """
    check_lang(lang)
    wanted = SECTION_IDS if only is None else tuple(only)
    unknown = [x for x in wanted if x not in SECTION_IDS]
    if unknown:
        raise ValueError(f"only: got {unknown} (allowed: {', '.join(SECTION_IDS)})")
    ctx = {"answers": answers, "provenance": provenance, "export": export, "since": since}
    sections = [s for name, make in SECTIONS if name in wanted if (s := make(assessment, lang, ctx)) is not None]
    belt_title, distance = summary_text(assessment, lang)
    return {"lang": lang, "title": title if title else t("report.default_title", lang),
            "summary": {"belt": assessment.belt, "title": belt_title, "distance": distance},
            "announce": short_announcement(assessment, lang),
            "sections": sections}


def find(doc: Mapping[str, Any], ident: str) -> dict[str, Any] | None:
    """The section of ``doc`` whose id is ``ident``, or None."""
    return next((s for s in doc["sections"] if s["id"] == ident), None)


# ---------------------------------------------------------------- plain text
def _text_block(block: Mapping[str, Any]) -> list[str]:
    kind = block["kind"]
    if kind in ("paragraph", "note"):
        return [block["text"]]
    if kind == "badge":
        return [f"[{block['text']}]"]
    if kind == "figure":
        return [f"({block['caption']})"]
    if kind == "list":
        out = []
        for i, item in enumerate(block["items"], 1):
            text, sub = (item["text"], item["items"]) if isinstance(item, dict) else (item, [])
            out.append(f"  {i}. {text}" if block["ordered"] else f"  - {text}")
            out += [f"      - {x}" for x in sub]
        return out
    if kind == "table":
        out = [block["title"]] if block.get("title") else []
        if block.get("columns"):  # the column labels, so that each row's cells can be read
            out.append("    " + " | ".join(block["columns"]))
        out += ["  - " + " | ".join(row) for row in block["rows"]]
        return out
    raise ValueError(f"block kind: got {kind!r} (allowed: one of {', '.join(BLOCK_KINDS)})")


def to_text(doc: Mapping[str, Any]) -> str:
    """The whole document as plain text (the command line's ``assess``, the notebook's summary cell).

    Args:
        doc (Mapping[str, Any]): from :func:`build`.

    Returns:
        str: the title underlined, then each section's title underlined and its blocks (lists
        indented; a table's column labels as ``a | b | c``, then its rows as ``- a | b | c``; figures
        as their caption in brackets); ends with a newline.

    Raises:
        ValueError: an unknown block kind.
    """
    out = [doc["title"], "=" * len(doc["title"])]
    for s in doc["sections"]:
        out += ["", s["title"], "-" * len(s["title"])]
        for block in s["blocks"]:
            out += _text_block(block)
    return "\n".join(out) + "\n"
