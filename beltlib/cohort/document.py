"""The cohort report as one document: sections made of the plain blocks of :mod:`beltlib.document`.

The cohort page (:mod:`beltlib.cohort.page`) and the notebook view (:mod:`beltlib.cohort.notebook`)
both draw this one document through :mod:`beltlib.report`'s block renderer (one HTML table builder
for the whole project); the plots are drawn by their ``figure`` callback. The document is plain
JSON-able data, of the single report's shape plus an ``intro``::

    {"lang": "en", "title": "Where the group stands",
     "intro": [{"kind": "paragraph", "text": "22 respondents ..."}, ...],
     "sections": [{"id": "cohort-privacy", "heading": "cohort.privacy.title", "title": "Privacy",
                   "area": "lead", "class": "belt-cohort-privacy", "data": {}, "blocks": [...]}, ...]}

Sections (:data:`SECTIONS`, in page order): the privacy rule, the belts (text, plot, table), the
agenda (text, plot, table), the markers still
needed (text, plot, table), the table by situation and the method with every named assumption
(with ``MIN_CELL``). A figure block's ``plot`` is one of :data:`beltlib.cohort.words.PLOT_KINDS`.

Privacy: only the summary's counts are read, already hidden ("not shown") under :data:`MIN_CELL` and
wherever the numbers shown would give a count away; the totals alone are exact. No file name, no free text.
Standard library only.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import rules
from ..document import figure, paragraph, section, table
from ..sentences import assumption_rows, belt_name
from ..texts import check_lang, number, t
from .aggregate import MIN_CELL, CohortSummary
from .words import alt_text, article_share_text, belt_label, count_text, median_text, prevalence_text, share_text

#: The sections, in page order: (id, catalogue key of the heading).
SECTIONS = (
    ("cohort-privacy", "cohort.privacy.title"),
    ("cohort-belts", "cohort.belts.title"),
    ("cohort-agenda", "cohort.agenda.title"),
    ("cohort-steps", "cohort.steps.title"),
    ("cohort-personas", "cohort.personas.title"),
    ("cohort-method", "method.title"),
)
_HEADINGS = dict(SECTIONS)
#: The CSS class of a section's body when it is not the plain ``belt-cohort-body``.
_BODY_CLASS = {"cohort-privacy": "belt-cohort-privacy", "cohort-method": "belt-method"}
_AREA = {"cohort-privacy": "lead", "cohort-method": "reference"}


def _section(ident: str, lang: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return section(ident, _HEADINGS[ident], lang, _AREA.get(ident, "outcome"), blocks,
                   _BODY_CLASS.get(ident, "belt-cohort-body"))


def heading(ident: str, lang: str = "en") -> dict[str, Any]:
    """A section with its heading and no block (what a heading is drawn from before any data is loaded).

    Args:
        ident (str): one of the ids of :data:`SECTIONS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: a section of :func:`beltlib.document.section` with empty ``blocks``.

    Raises:
        KeyError: unknown ``ident``. ValueError: unknown ``lang``.
    """
    return _section(ident, lang, [])


def intro_blocks(summary: CohortSummary, lang: str = "en") -> list[dict[str, Any]]:
    """The page's opening paragraphs: respondents, skipped (when any) and the persona filter (when one).

    Args:
        summary (CohortSummary): the cohort.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[dict[str, Any]]: paragraph blocks (exact totals only).

    Raises:
        ValueError: unknown ``lang``.
    """
    blocks = [paragraph(t("cohort.intro", lang, n=number(summary.respondents, lang)))]
    if summary.invalid:
        blocks.append(paragraph(t("cohort.skipped", lang, n=number(summary.invalid, lang))))
    if summary.persona != "all":
        blocks.append(paragraph(t("cohort.filter", lang, persona=t(f"choice.persona.{summary.persona}", lang))))
    return blocks


def privacy_section(lang: str = "en", body: str | None = None) -> dict[str, Any]:
    """The privacy rule (nothing under 5 shown, no name): one paragraph.

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        body (str | None): the paragraph (the comparison's own rule); default the cohort page's ``cohort.privacy.body``.

    Returns:
        dict[str, Any]: the section ``cohort-privacy`` (body class ``belt-cohort-privacy``).

    Raises:
        ValueError: unknown ``lang``.

    Source: assumption MIN_CELL.
    """
    return _section("cohort-privacy", lang, [paragraph(t("cohort.privacy.body", lang) if body is None else body)])


def belts_section(summary: CohortSummary, lang: str = "en") -> dict[str, Any]:
    """The group's belts next to the article's shares: text, plot and the table ``belt-cohort-belts``.

    Args:
        summary (CohortSummary): the cohort.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: the section ``cohort-belts``; the table's columns: belt, respondents, share of
        the group, the article's share ("not shown" for a hidden belt).

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares (:data:`beltlib.rules.SHARES`).
    """
    rows = [[belt_label(b, lang), count_text(summary.belts[b], lang), share_text(summary.belt_shares_percent[b], lang),
             article_share_text(b, lang)] for b in rules.BELTS]
    columns = [t("synthesis.belt", lang), t("cohort.belts.count", lang), t("cohort.belts.share", lang),
               t("cohort.belts.article_share", lang)]
    return _section("cohort-belts", lang, [paragraph(t("cohort.belts.intro", lang)),
                                           figure("belts", alt_text(summary, "belts", lang)),
                                           table(columns, rows, "belt-cohort-belts")])


def agenda_section(summary: CohortSummary, lang: str = "en") -> dict[str, Any]:
    """The markers met least (the workshop agenda): text, sorted plot and the table ``belt-cohort-agenda``.

    Args:
        summary (CohortSummary): the cohort.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: the section ``cohort-agenda``; the table's columns: marker (and its belt), share
        of the whole group meeting it, cheapest action (rough minutes), the article's reason.

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.MARKERS` (article; assumption ACTION_MINUTES).
    """
    minutes = {m["id"]: m["action_minutes"] for m in rules.MARKERS}
    belts = {m["id"]: m["belt"] for m in rules.MARKERS}
    rows = [[f'{t(f"marker.{m}", lang)} ({belt_name(belts[m], lang)})',
             prevalence_text(summary.marker_prevalence[m], lang),
             f'{t(f"action.{m}", lang)} ({t("minutes", lang, minutes=minutes[m])})', t(f"reason.{m}", lang)]
            for m in summary.agenda()]
    columns = [t("cohort.agenda.marker", lang), t("cohort.agenda.share", lang), t("cohort.agenda.action", lang),
               t("cohort.agenda.reason", lang)]
    return _section("cohort-agenda", lang, [
        paragraph(t("cohort.agenda.intro", lang)),
        figure("agenda", alt_text(summary, "agenda", lang)), table(columns, rows, "belt-cohort-agenda")])


def steps_section(summary: CohortSummary, lang: str = "en") -> dict[str, Any]:
    """Markers still needed to reach each person's target belt: text with the median, plot, table.

    Args:
        summary (CohortSummary): the cohort.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: the section ``cohort-steps``; the table ``belt-cohort-steps``: markers still
        needed, respondents.

    Raises:
        ValueError: unknown ``lang``.

    Source: assumptions GREEN_MIN_MARKERS and BLACK_MIN_MARKERS.
    """
    rows = [[str(s), count_text(v, lang)] for s, v in summary.markers_needed.items()]
    columns = [t("cohort.steps.xlabel", lang), t("cohort.steps.ylabel", lang)]
    intro = t("cohort.steps.intro", lang, median=median_text(summary.markers_needed_median, lang))
    return _section("cohort-steps", lang, [paragraph(intro), figure("steps", alt_text(summary, "steps", lang)),
                                           table(columns, rows, "belt-cohort-steps")])


def personas_section(summary: CohortSummary, lang: str = "en") -> dict[str, Any]:
    """The table by situation (``belt-cohort-personas``): respondents, at or above their target, target belt.

    Args:
        summary (CohortSummary): the cohort.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: the section ``cohort-personas``.

    Raises:
        ValueError: unknown ``lang``.

    Source: article, « Alors, quelle ceinture choisir ? » (:data:`beltlib.rules.TARGET_BELT`).
    """
    rows = [[t(f"choice.persona.{p}", lang), count_text(v["respondents"], lang),
             count_text(v["at_or_above_target"], lang), belt_label(rules.TARGET_BELT[p], lang)]
            for p, v in summary.by_persona.items()]
    columns = [t("cohort.personas.persona", lang), t("cohort.personas.respondents", lang),
               t("cohort.personas.at_target", lang), t("cohort.personas.target", lang)]
    return _section("cohort-personas", lang, [table(columns, rows, "belt-cohort-personas")])


#: The named assumptions the cohort page uses (belts, markers, targets, agenda actions), in the
#: table's order; the others (score points, percentile band, effort model, plan) play no part here.
USED_ASSUMPTIONS = ("GREEN_MIN_MARKERS", "BLACK_MIN_MARKERS", "SHARES", "TARGET_BELT", "DISCUSSION_ANSWERS",
                    "ACTION_MINUTES")


def method_section(lang: str = "en", body: str | None = None,
                   extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Method and assumptions: how the cohort is counted, then the named assumptions it uses
    (:data:`USED_ASSUMPTIONS`, then ``MIN_CELL`` or ``extra``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        body (str | None): how the view is counted (the comparison's rule); default the cohort page's
            ``cohort.method.body``.
        extra (list[dict[str, Any]] | None): the assumptions of the view's own, dicts ``{"name", "value", "why"}``
            (:func:`beltlib.sentences.assumption_rows`); default ``MIN_CELL`` as the cohort page words it.

    Returns:
        dict[str, Any]: the section ``cohort-method`` (body class ``belt-method``, table ``belt-assumptions``).

    Raises:
        ValueError: unknown ``lang``. KeyError: an ``extra`` item lacks ``name``, ``value`` or ``why``.

    Source: :data:`beltlib.rules.ASSUMPTIONS` and assumption MIN_CELL.
    """
    if extra is None:
        extra = [{"name": "MIN_CELL", "value": MIN_CELL, "why": t("assumption.MIN_CELL", lang)}]
    columns = [t("method.name", lang), t("method.value", lang), t("method.why", lang)]
    used = (*USED_ASSUMPTIONS, *(item["name"] for item in extra))
    rows = [row for row in assumption_rows(lang, extra) if any(row[0].endswith(f"({n})") for n in used)]
    return _section("cohort-method", lang, [paragraph(t("cohort.method.body", lang) if body is None else body),
                                            paragraph(t("method.body", lang)),
                                            table(columns, rows, "belt-assumptions")])


def build(summary: CohortSummary, lang: str = "en", title: str | None = None) -> dict[str, Any]:
    """The whole cohort report as a document (see the module's docstring for its shape).

    Args:
        summary (CohortSummary): the cohort (small cells already suppressed).
        lang (str): ``"en"`` or ``"fr"``.
        title (str | None): the report's title (None or empty: the catalogue's ``cohort.default_title``).

    Returns:
        dict[str, Any]: ``lang``, ``title``, ``intro`` (paragraph blocks) and ``sections`` (in the
        order of :data:`SECTIONS`).

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    return {"lang": lang, "title": title if title else t("cohort.default_title", lang),
            "intro": intro_blocks(summary, lang),
            "sections": [privacy_section(lang), belts_section(summary, lang), agenda_section(summary, lang),
                         steps_section(summary, lang), personas_section(summary, lang), method_section(lang)]}


def split_at_figure(sec: Mapping[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any] | None,
                                                     list[dict[str, Any]]]:
    """A section's blocks before its figure, the figure block, and the blocks after it.

    Args:
        sec (Mapping[str, Any]): a section of :func:`build`.

    Returns:
        tuple: (blocks before, the first figure block or None, blocks after); without a figure, every
        block is "before".

    Raises:
        Nothing.
    """
    blocks = list(sec["blocks"])
    at = next((i for i, b in enumerate(blocks) if b["kind"] == "figure"), None)
    if at is None:
        return blocks, None, []
    return blocks[:at], blocks[at], blocks[at + 1:]
