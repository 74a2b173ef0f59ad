"""The group before and after (``cohort AFTER --compare BEFORE``): shares and most-lacked markers, then and now.

:func:`compare` counts both groups and keeps only shares, side by side (no count per belt or marker;
the totals alone are exact). :func:`build` makes it a document of the plain blocks of
:mod:`beltlib.document` (the cohort page's privacy and method sections plus two tables), drawn by
:func:`render_page` through the report's one block renderer; :func:`summary_text` is the command's
plain text; :meth:`CohortComparison.to_dict` its JSON.

Privacy (assumption ``MIN_CELL`` = 5, and ``MIN_CHANGE`` = 5 for changes). A share with an exact total
tells its count, so every share is treated as the count it gives. Each table is a breakdown of a
group's total: the belts (no profile, white, green, black), and for each marker who meets it and who
does not (shares are of the whole group: those without a profile do not meet it, and no count of
profiles is shown or follows). The rule, for each breakdown:

1. Within one side, the cohort page's rule, :func:`beltlib.cohort.privacy.protect` (one rule, not
   a copy): a cell under 5 (0 included) is hidden; then, while the hidden cells could be worked out
   from the total minus the cells shown (a single hidden cell, hidden cells holding 0 to 4 in all, or
   the bounds "fewer than 5" / "not shown" leaving one of them a single value), the smallest cell
   shown is hidden too.
2. Across the two sides: the cells shown on both sides are each a block, the others together one
   more block; for every set of blocks but all of them, the change from then to now (now minus then,
   which subtraction of the two columns gives) must be 0 or at least 5 people either way. A change of
   1 to 4 would tell what a group of fewer than 5 did (joined, left, moved belt, met a marker). When
   one is, the smallest cell "now" of the blocks at fault is hidden, rule 1 runs again on "now", and
   so on until none is. The whole group's change (the two totals) is exact and shown, as the totals
   are; it says how many more or fewer answered, and rule 2 leaves nothing that says what they answered.
3. Every hidden share reads the same, "not shown" (:data:`HIDDEN`), whether it is under 5 or would
   give one away: words telling the two apart would bound each hidden count (0 to 4, or 5 or more),
   and with the sum of the hidden cells known those bounds can pin one (two cells of 4 that hold 8).
4. The markers' order (JSON ``agenda``, the page's table) follows from the shares shown now alone
   (:func:`beltlib.cohort.aggregate.agenda_order`): shown shares lowest first, then every hidden one in the
   table's order. Placed by its real value, a share hidden by rule 2 would be bounded by its neighbours.
5. No file name, no free text: only the answers are read.

Known limit: each group's own cohort page (``cohort BEFORE``, ``cohort AFTER``) shows its counts; a
coach who has both can still subtract them. The comparison adds nothing to that.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import itertools
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .. import rules
from ..answers import atomic_write_text
from ..document import paragraph, section, table
from ..texts import check_lang, number, t, wrote_text
from .aggregate import (
    ALL,
    ARTICLE_SHARES,
    MIN_CELL,
    SUPPRESSED,
    Respondent,
    agenda_order,
    aims_for_black,
    respondents_of,
    summarise,
)
from .document import method_section, privacy_section
from .inputs import read_cohort
from .privacy import HIDDEN, protect
from .words import article_share_text, belt_label, prevalence_text, share_text

#: Smallest change, then to now, shown for a set of cells (people; assumption MIN_CHANGE: the small-cell
#: rule of MIN_CELL applied to a difference, which tells what a group of that size did).
MIN_CHANGE = MIN_CELL


@dataclasses.dataclass(frozen=True)
class Side:
    """One group (then or now) as the comparison shows it: exact totals, shares only.

    Attributes:
        respondents: valid respondents (exact). invalid: files or rows skipped (exact).
        belt_shares_percent: belt -> percent of the group (0.1 steps), or :data:`HIDDEN`.
        marker_prevalence: marker id -> share (0–1, 0.001 steps) of the whole group who meet it (those
            without a profile do not), or :data:`HIDDEN`.
    """

    respondents: int
    invalid: int
    belt_shares_percent: dict[str, float | str]
    marker_prevalence: dict[str, float | str]

    def to_dict(self) -> dict[str, Any]:
        """One side of the JSON.

        Returns:
            dict[str, Any]: ``respondents``, ``invalid``, ``belt_shares_percent``, ``marker_prevalence``.

        Raises:
            Nothing.
        """
        return {"respondents": self.respondents, "invalid": self.invalid,
                "belt_shares_percent": dict(self.belt_shares_percent),
                "marker_prevalence": dict(self.marker_prevalence)}


@dataclasses.dataclass(frozen=True)
class CohortComparison:
    """The group then (``before``) and now (``after``), and the markers it lacks most now (``agenda``)."""

    before: Side
    after: Side
    agenda: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``cohort --compare --json`` object.

        Returns:
            dict[str, Any]: ``before`` and ``after`` (each ``respondents``, ``invalid``, ``belt_shares_percent``,
            ``marker_prevalence``), ``article_shares_percent``, ``agenda`` (marker ids, lacked most first now).

        Raises:
            Nothing.
        """
        return {"before": self.before.to_dict(), "after": self.after.to_dict(),
                "article_shares_percent": dict(ARTICLE_SHARES), "agenda": list(self.agenda)}


def _breakdowns(group: Sequence[Respondent]) -> dict[str, dict[str, int]]:
    """``belts`` (belt -> people) and, per marker id, ``met`` / ``not`` (people of the whole group)."""
    out = {"belts": {b: sum(r.belt == b for r in group) for b in rules.BELTS}}
    for m in rules.MARKERS:
        met = sum(m["id"] in r.met for r in group)
        out[m["id"]] = {"met": met, "not": len(group) - met}
    return out


def small_change(then: Mapping[str, int], now: Mapping[str, int], shown_then: Mapping[str, int | str],
                 shown_now: Mapping[str, int | str]) -> str | None:
    """The cell "now" to hide next because a change of 1 to 4 people follows from the two columns, or None.

    Args:
        then (Mapping[str, int]): a breakdown's cells then (people); ``now`` the same cells now.
        shown_then (Mapping[str, int | str]): :func:`beltlib.cohort.privacy.protect` of ``then``
            (a count or :data:`~beltlib.cohort.aggregate.SUPPRESSED`); ``shown_now`` the same now.

    Returns:
        str | None: the smallest cell now of the first set of blocks (cells shown on both sides, each a
        block; the others, one block) whose change is 1 to 4 either way; None when every set of
        blocks but all of them changed by 0 or by 5 or more.

    Raises:
        KeyError: ``now`` lacks a cell of ``then``.

    Source: assumptions MIN_CELL and MIN_CHANGE (rule 2 of the module's docstring).
    """
    both = [k for k in then if shown_then[k] != SUPPRESSED and shown_now[k] != SUPPRESSED]
    rest = [k for k in then if k not in both]
    blocks = [[k] for k in both] + ([rest] if rest else [])
    for size in range(1, len(blocks)):
        for chosen in itertools.combinations(blocks, size):
            cells = [k for block in chosen for k in block]
            if 0 < abs(sum(now[k] - then[k] for k in cells)) < MIN_CHANGE:
                return min([k for k in cells if k in both] or both, key=lambda k: now[k])
    return None


def guard(then: Mapping[str, int], now: Mapping[str, int]) -> tuple[dict[str, int | str], dict[str, int | str]]:
    """One breakdown then and now as the comparison may show it (rules 1 to 3 of the module's docstring).

    Args:
        then (Mapping[str, int]): cell -> people then (the cells add up to the group's total then).
        now (Mapping[str, int]): the same cells now.

    Returns:
        tuple[dict[str, int | str], dict[str, int | str]]: then and now: cell -> count, or :data:`HIDDEN`.

    Raises:
        KeyError: ``now`` lacks a cell of ``then``.

    Source: assumptions MIN_CELL and MIN_CHANGE.
    """
    shown_then = protect(then)
    forced: set[str] = set()
    while (cell := small_change(then, now, shown_then, shown_now := protect(now, forced))) is not None:
        forced.add(cell)
    return shown_then, shown_now  # protect's hidden value is HIDDEN already


def _share(value: int | str, base: int, scale: float, digits: int) -> float | str:
    return value if isinstance(value, str) else round(rules.round_half_up(value / base * scale, digits), digits)


def compare(before: Sequence[Respondent], after: Sequence[Respondent], invalid_before: int = 0,
            invalid_after: int = 0) -> CohortComparison:
    """The group then and now, shares only, with the privacy rules of the module's docstring.

    Args:
        before (Sequence[Respondent]): the earlier answers (:func:`beltlib.cohort.respondents_of`).
        after (Sequence[Respondent]): the later answers.
        invalid_before (int): files or rows skipped then; ``invalid_after`` now.

    Returns:
        CohortComparison: both sides (belt shares in percent of the group, 0.1 steps; marker shares
        0–1 of the whole group, 0.001 steps) and the agenda: the markers of the group's target belts now
        (the black ones when the cohort page of the group now shows a count of recruiters or salespeople,
        :func:`beltlib.cohort.aggregate.aims_for_black`), ordered by
        :func:`beltlib.cohort.aggregate.agenda_order` from the shares this comparison shows now: those
        shown, lacked most first; then every share not shown now, in the table's order.

    Raises:
        Nothing.

    Source: :data:`beltlib.rules.SHARES` and markers; assumptions MIN_CELL and MIN_CHANGE.
    """
    then, now = _breakdowns(before), _breakdowns(after)
    sides: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
    for key in then:
        for side, cells in zip(sides, guard(then[key], now[key]), strict=True):
            side[key] = cells
    out = []
    for side, group, invalid in ((sides[0], before, invalid_before), (sides[1], after, invalid_after)):
        n = len(group)
        belts = {b: _share(v, n, 100.0, 1) for b, v in side["belts"].items()}
        markers = {m["id"]: _share(side[m["id"]]["met"], n, 1.0, 3) for m in rules.MARKERS}
        out.append(Side(n, invalid, belts, markers))
    # The order from the comparison's own shares now: the cohort page's would place a share hidden here
    # (a change of 1 to 4) among those shown by its real value, and its neighbours would bound it.
    black = aims_for_black(ALL, summarise(list(after)).by_persona)
    return CohortComparison(out[0], out[1], agenda_order(out[1].marker_prevalence, black))


# ---------------------------------------------------------------- words, document, page
def value_text(value: float | str, lang: str = "en", marker: bool = False) -> str:
    """A share as the page shows it.

    Args:
        value (float | str): percent 0–100 (a belt), a share 0–1 (``marker``), or :data:`HIDDEN`.
        lang (str): ``"en"`` or ``"fr"``.
        marker (bool): ``value`` is a marker's share (0–1).

    Returns:
        str: e.g. ``"45.5%"``, ``"45,5 %"`` (French) or ``"not shown"`` / ``"non affiché"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    if value == HIDDEN:
        return t("cohort.compare.hidden", lang)
    return prevalence_text(value, lang) if marker else share_text(value, lang)


def assumptions(lang: str = "en") -> list[dict[str, Any]]:
    """The comparison's own named assumptions: rows of the method's table (:func:`.document.method_section`).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[dict[str, Any]]: ``MIN_CELL`` (5, worded for shares "not shown") and ``MIN_CHANGE`` (5), each
        ``{"name", "value", "why"}``.

    Raises:
        ValueError: unknown ``lang``.

    Source: assumptions MIN_CELL and MIN_CHANGE (the small-cell threshold; the article gives none).
    """
    return [{"name": "MIN_CELL", "value": MIN_CELL, "why": t("cohort.compare.min_cell", lang)},
            {"name": "MIN_CHANGE", "value": MIN_CHANGE, "why": t("cohort.compare.assumption", lang)}]


def build(cmp: CohortComparison, lang: str = "en", title: str | None = None) -> dict[str, Any]:
    """The comparison as a document of the cohort document's shape (``lang``, ``title``, ``intro``, ``sections``).

    Args:
        cmp (CohortComparison): from :func:`compare`.
        lang (str): ``"en"`` or ``"fr"``.
        title (str | None): the title (None or empty: the catalogue's ``cohort.compare.title``).

    Returns:
        dict[str, Any]: sections: the comparison's privacy rule, the belts then and now next
        to the article (table ``belt-cohort-compare-belts``), the markers lacked most now, with then (table
        ``belt-cohort-compare-agenda``), and the method with the comparison's rule and every named
        assumption it uses (MIN_CELL, MIN_CHANGE).

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    then, now = t("cohort.compare.then", lang), t("cohort.compare.now", lang)
    privacy = privacy_section(lang, t("cohort.compare.privacy", lang))
    belt_rows = [[belt_label(x, lang), value_text(cmp.before.belt_shares_percent[x], lang),
                  value_text(cmp.after.belt_shares_percent[x], lang), article_share_text(x, lang)] for x in rules.BELTS]
    belts = section("cohort-compare-belts", "cohort.compare.belts.title", lang, "outcome", [table(
        [t("synthesis.belt", lang), then, now, t("cohort.belts.article_share", lang)], belt_rows,
        "belt-cohort-compare-belts")], "belt-cohort-body")
    marker_rows = [[t(f"marker.{m}", lang), value_text(cmp.before.marker_prevalence[m], lang, True),
                    value_text(cmp.after.marker_prevalence[m], lang, True)] for m in cmp.agenda]
    agenda = section("cohort-compare-agenda", "cohort.compare.agenda.title", lang, "outcome", [table(
        [t("cohort.agenda.marker", lang), then, now], marker_rows, "belt-cohort-compare-agenda")], "belt-cohort-body")
    intro = [paragraph(t("cohort.compare.intro", lang, before=number(cmp.before.respondents, lang),
                         after=number(cmp.after.respondents, lang)))]
    method = method_section(lang, t("cohort.compare.method", lang), assumptions(lang))
    return {"lang": lang, "title": title if title else t("cohort.compare.title", lang), "intro": intro,
            "sections": [privacy, belts, agenda, method]}


def summary_text(cmp: CohortComparison, lang: str = "en") -> str:
    """The comparison in a short text for the command line.

    The privacy rule is said once, up front; a share not shown is then a single "–".

    Args:
        cmp (CohortComparison): from :func:`compare`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: title, respondents then and now, the privacy rule, the belts then → now next to the article,
        the five markers lacked most now (share of the group meeting it, then → now); ends with a newline.

    Raises:
        ValueError: unknown ``lang``.
    """
    def text(value: float | str, marker: bool = False) -> str:
        return t("cohort.summary.hidden", lang) if value == HIDDEN else value_text(value, lang, marker)

    title = t("cohort.compare.title", lang)
    out = [title, "=" * len(title), "", t("cohort.compare.summary_respondents", lang,
                                          before=number(cmp.before.respondents, lang),
                                          after=number(cmp.after.respondents, lang)),
           "", t("cohort.compare.summary_privacy", lang), "", t("cohort.compare.summary_belts", lang)]
    out += ["  " + t("cohort.compare.summary_belt", lang, belt=belt_label(x, lang),
                     then=text(cmp.before.belt_shares_percent[x]), now=text(cmp.after.belt_shares_percent[x]),
                     article=article_share_text(x, lang))
            for x in rules.BELTS]
    out += ["", t("cohort.compare.summary_agenda", lang)]
    out += [f"  {i}. " + t("cohort.compare.summary_marker", lang, marker=t(f"marker.{m}", lang),
                           then=text(cmp.before.marker_prevalence[m], True),
                           now=text(cmp.after.marker_prevalence[m], True))
            for i, m in enumerate(cmp.agenda[:5], 1)]
    return "\n".join(out) + "\n"


def render_page(cmp: CohortComparison, lang: str = "en", title: str | None = None,
                date: _dt.date | None = None) -> str:
    """The comparison as one offline HTML page (the cohort page's stylesheet; no plot, no script).

    Raises:
        ValueError: unknown ``lang``.
    """
    from ..report import blocks_html, escape, section_html
    from .page import EXTRA_CSS, STYLESHEET
    doc = build(cmp, lang, title)
    body = "".join([f'<header class="belt-header"><h1>{escape(doc["title"])}</h1></header>',
                    f'<div class="belt-intro">{blocks_html(doc["intro"])}</div>',
                    *(section_html(sec) for sec in doc["sections"])])
    generated = t("report.generated", lang, date=(date or _dt.date.today()).isoformat())
    css = STYLESHEET.read_text(encoding="utf-8") + EXTRA_CSS
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light">\n<meta name="referrer" content="no-referrer">\n'
            f'<title>{escape(doc["title"])}</title>\n<style>\n{css}</style>\n</head>\n'
            f'<body class="belt-page">\n<main class="belt-report belt-cohort belt-cohort-compare">\n{body}\n</main>\n'
            f'<footer class="belt-generated"><p>{escape(generated)}</p></footer>\n</body>\n</html>\n')


def run(args: argparse.Namespace) -> int:
    """Run ``cohort AFTER… --compare BEFORE…`` (``paths``, ``compare``, ``lang``, ``json``, ``output``, ``title``).

    Returns:
        int: 0 (printed, and the page written with ``-o``); 2 when either group has no valid respondent
        (nothing written).

    Raises:
        CohortInputError: a path that does not exist or is not ``.json``/``.csv`` (exit status 2).
        OSError: ``-o`` cannot be written (exit status 2, nothing left behind).
    """
    lang = check_lang(args.lang)
    groups = []
    for which, paths in (("--compare", args.compare), ("PATH", args.paths)):
        cohort = read_cohort(paths)
        for skipped in cohort.skipped:
            print(skipped, file=sys.stderr)
        if not cohort.answers:
            print(t("cli.error", lang, message=f"{which}: no valid respondent ({cohort.invalid} skipped): "
                                                f"nothing written"), file=sys.stderr)
            return 2
        groups.append((respondents_of(cohort.answers), cohort.invalid))
    (before, bad_before), (after, bad_after) = groups
    cmp = compare(before, after, bad_before, bad_after)
    if args.output is not None:
        atomic_write_text(args.output, render_page(cmp, lang, args.title))
        print(wrote_text(Path(args.output), lang), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        sys.stdout.write(json.dumps(cmp.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(summary_text(cmp, lang))
    return 0


__all__ = ["HIDDEN", "MIN_CHANGE", "CohortComparison", "Side", "build", "assumptions", "compare", "guard",
           "render_page", "run", "small_change", "summary_text", "value_text"]
