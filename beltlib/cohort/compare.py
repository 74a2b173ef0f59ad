"""The group before and after (``cohort AFTER --compare BEFORE``): shares and most-lacked markers, then and now.

:func:`compare` counts both groups as :mod:`beltlib.cohort.aggregate` does and keeps only shares,
side by side (no count per belt or marker; the totals alone are exact, as on the cohort page).
:func:`build` makes it a document of the plain blocks of :mod:`beltlib.document` (the cohort page's
privacy and method sections plus two tables), drawn by :func:`render_page` through the report's one
block renderer; :func:`summary_text` is the command's plain text; :meth:`CohortComparison.to_dict` its JSON.

Privacy, the cohort page's rules and one more (assumption ``MIN_CELL`` = 5):

- a share of fewer than 5 respondents reads "fewer than 5" (:data:`~beltlib.cohort.aggregate.SUPPRESSED`);
- no group of 1 to 4 can be worked out by subtraction from what the comparison shows. A share is
  :data:`HIDDEN` ("not shown") when its complement in the group (the total, or those with a profile,
  minus it) is 1 to 4 people; when the belts not shown add up to 1 to 4 people, the smallest belt
  shown is hidden too (and again, until they do not); and a share "now" is hidden when its count
  changed by 1 to 4 since "then" (the two columns would otherwise tell that small change);
- no file name, no free text: only the answers are read.

Known limit: each group's own cohort page (``cohort BEFORE``, ``cohort AFTER``) shows its counts; a
coach who has both can still subtract them. The comparison adds nothing to that.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import rules
from ..answers import atomic_write_text
from ..document import paragraph, section, table
from ..texts import check_lang, number, t, wrote_text
from .aggregate import ARTICLE_SHARES, MIN_CELL, SUPPRESSED, Respondent, respondents_of
from .document import method_section, privacy_section
from .inputs import read_cohort
from .words import article_share_text, belt_label, prevalence_text, share_text

#: What replaces a share that would let a group of fewer than 5 be worked out by subtraction (JSON value;
#: catalogue key ``cohort.compare.hidden``).
HIDDEN = "not shown"


@dataclasses.dataclass(frozen=True)
class Side:
    """One group (then or now) as the comparison shows it: exact totals, shares only.

    Attributes:
        respondents: valid respondents (exact). invalid: files or rows skipped (exact).
        belt_shares_percent: belt -> percent (0.1 steps), :data:`SUPPRESSED` or :data:`HIDDEN`.
        marker_prevalence: marker id -> share (0–1, 0.001 steps) of those with a profile, or a string as above.
    """

    respondents: int
    invalid: int
    belt_shares_percent: dict[str, float | str]
    marker_prevalence: dict[str, float | str]

    def to_dict(self) -> dict[str, Any]:
        """``respondents``, ``invalid``, ``belt_shares_percent``, ``marker_prevalence``."""
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
        """
        return {"before": self.before.to_dict(), "after": self.after.to_dict(),
                "article_shares_percent": dict(ARTICLE_SHARES), "agenda": list(self.agenda)}


@dataclasses.dataclass
class _Counts:
    n: int
    belts: dict[str, int]
    with_profile: int
    markers: dict[str, int]
    targets: set[str]


def _count(group: Sequence[Respondent]) -> _Counts:
    belts = {b: sum(r.belt == b for r in group) for b in rules.BELTS}
    markers = {m["id"]: sum(m["id"] in r.met for r in group) for m in rules.MARKERS}
    return _Counts(len(group), belts, sum(r.has_profile for r in group), markers,
                   {rules.TARGET_BELT[r.persona] for r in group})


def _shares(counts: dict[str, int], base: int, scale: float, digits: int) -> dict[str, float | str]:
    out: dict[str, float | str] = {}
    for key, c in counts.items():
        if c < MIN_CELL or base < MIN_CELL:
            out[key] = SUPPRESSED
        elif 0 < base - c < MIN_CELL:
            out[key] = HIDDEN          # the total minus this share would tell 1 to 4 people
        else:
            out[key] = round(rules.round_half_up(c / base * scale, digits), digits)
    return out


def _close_belts(values: dict[str, float | str], counts: dict[str, int]) -> None:
    """Hide the smallest belt shown while the belts not shown add up to 1 to 4 people (in place)."""
    while True:
        unshown = sum(counts[b] for b, v in values.items() if isinstance(v, str))
        shown = [b for b, v in values.items() if not isinstance(v, str)]
        if not (0 < unshown < MIN_CELL and shown):
            return
        values[min(shown, key=lambda b: counts[b])] = HIDDEN


def _hide_small_changes(now: dict[str, float | str], then: dict[str, float | str], now_counts: dict[str, int],
                        then_counts: dict[str, int]) -> None:
    for key, value in now.items():
        if not isinstance(value, str) and not isinstance(then[key], str) \
                and 0 < abs(now_counts[key] - then_counts[key]) < MIN_CELL:
            now[key] = HIDDEN


def compare(before: Sequence[Respondent], after: Sequence[Respondent], invalid_before: int = 0,
            invalid_after: int = 0) -> CohortComparison:
    """The group then and now, shares only, with the privacy rules of the module's docstring.

    Args:
        before (Sequence[Respondent]): the earlier answers (:func:`beltlib.cohort.respondents_of`).
        after (Sequence[Respondent]): the later answers.
        invalid_before (int): files or rows skipped then; ``invalid_after`` now.

    Returns:
        CohortComparison: both sides and the agenda (the markers of the groups' target belts — green
        always, black when someone aims for it — lacked most now first; shares not shown first, ties in
        table order).

    Raises:
        Nothing.

    Source: :data:`beltlib.rules.SHARES` and markers; assumption MIN_CELL.
    """
    b, a = _count(before), _count(after)
    sides = []
    for c in (b, a):
        belts = _shares(c.belts, c.n, 100.0, 1)
        _close_belts(belts, c.belts)
        sides.append((belts, _shares(c.markers, c.with_profile, 1.0, 3)))
    (b_belts, b_markers), (a_belts, a_markers) = sides
    _hide_small_changes(a_belts, b_belts, a.belts, b.belts)
    _close_belts(a_belts, a.belts)
    _hide_small_changes(a_markers, b_markers, a.markers, b.markers)
    belts_aimed = {"green"} | ({"black"} if "black" in (a.targets | b.targets) else set())
    ids = [m["id"] for m in rules.MARKERS if m["belt"] in belts_aimed]
    agenda = sorted(ids, key=lambda i: -1.0 if isinstance(a_markers[i], str) else float(a_markers[i]))
    return CohortComparison(Side(b.n, invalid_before, b_belts, b_markers), Side(a.n, invalid_after, a_belts, a_markers),
                            tuple(agenda))


# ---------------------------------------------------------------- words, document, page
def value_text(value: float | str, lang: str = "en", marker: bool = False) -> str:
    """A share as shown: ``"45.5%"``, ``"fewer than 5"`` or ``"not shown"`` (``marker``: a 0–1 share)."""
    if value == HIDDEN:
        return t("cohort.compare.hidden", lang)
    return prevalence_text(value, lang) if marker else share_text(value, lang)


def build(cmp: CohortComparison, lang: str = "en", title: str | None = None) -> dict[str, Any]:
    """The comparison as a document of the cohort document's shape (``lang``, ``title``, ``intro``, ``sections``).

    Sections: the privacy rule (with the comparison's own), the belts then and now next to the article
    (table ``belt-cohort-compare-belts``), the markers lacked most now, with then (table
    ``belt-cohort-compare-agenda``), and the method with every named assumption.

    Raises:
        ValueError: unknown ``lang``.
    """
    check_lang(lang)
    then, now = t("cohort.compare.then", lang), t("cohort.compare.now", lang)
    privacy = privacy_section(lang)
    privacy["blocks"].append(paragraph(t("cohort.compare.privacy", lang)))
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
    return {"lang": lang, "title": title if title else t("cohort.compare.title", lang), "intro": intro,
            "sections": [privacy, belts, agenda, method_section(lang)]}


def summary_text(cmp: CohortComparison, lang: str = "en") -> str:
    """The comparison in a short text for the command line: respondents, belts, the five markers lacked most."""
    title = t("cohort.compare.title", lang)
    out = [title, "=" * len(title), "", t("cohort.compare.summary_respondents", lang,
                                          before=number(cmp.before.respondents, lang),
                                          after=number(cmp.after.respondents, lang)),
           "", t("cohort.compare.belts.title", lang)]
    out += ["  " + t("cohort.compare.summary_belt", lang, belt=belt_label(x, lang),
                     then=value_text(cmp.before.belt_shares_percent[x], lang),
                     now=value_text(cmp.after.belt_shares_percent[x], lang), article=article_share_text(x, lang))
            for x in rules.BELTS]
    out += ["", t("cohort.compare.agenda.title", lang)]
    out += [f"  {i}. " + t("cohort.compare.summary_marker", lang, marker=t(f"marker.{m}", lang),
                           then=value_text(cmp.before.marker_prevalence[m], lang, True),
                           now=value_text(cmp.after.marker_prevalence[m], lang, True))
            for i, m in enumerate(cmp.agenda[:5], 1)]
    out += ["", t("cohort.privacy.body", lang), t("cohort.compare.privacy", lang)]
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


__all__ = ["HIDDEN", "CohortComparison", "Side", "build", "compare", "render_page", "run", "summary_text",
           "value_text"]
