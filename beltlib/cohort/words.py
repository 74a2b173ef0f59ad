"""A cohort summary in words: counts and shares as people read them, and the command's text summary.

Every text comes from the catalogue (:mod:`beltlib.texts`, keys ``cohort.*``); every hidden value
reads "not shown" / « non affiché » (key ``cohort.compare.hidden``, the comparison's word). Standard library only.
"""
from __future__ import annotations

from .. import rules
from ..texts import number, percent, t
from .aggregate import SUPPRESSED, CohortSummary

#: The catalogue key of every hidden value ("not shown"), shared with the comparison.
HIDDEN_KEY = "cohort.compare.hidden"

#: The cohort's plots, in page order (drawn by :mod:`beltlib.cohort.plots`).
PLOT_KINDS = ("belts", "agenda", "steps")


def count_text(value: int | str, lang: str = "en") -> str:
    """A count, or "not shown" when hidden.

    Args:
        value (int | str): a count of respondents or :data:`~beltlib.cohort.aggregate.SUPPRESSED`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"1,204"``, ``"1 204"`` (French) or ``"not shown"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t(HIDDEN_KEY, lang) if value == SUPPRESSED else number(float(value), lang)


def share_text(value: float | str, lang: str = "en") -> str:
    """A share in percent (0.1 steps), or "not shown" when hidden.

    Args:
        value (float | str): percent 0–100, or :data:`~beltlib.cohort.aggregate.SUPPRESSED`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"12.5%"``, ``"12,5 %"`` (French, no-break space) or ``"not shown"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t(HIDDEN_KEY, lang) if value == SUPPRESSED else percent(float(value), lang, 1)


def prevalence_text(value: float | str, lang: str = "en") -> str:
    """A marker's prevalence (0–1) as a percentage (0.1 steps), or "not shown".

    Args:
        value (float | str): share 0–1, or :data:`~beltlib.cohort.aggregate.SUPPRESSED`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"40.0%"`` or ``"not shown"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t(HIDDEN_KEY, lang) if value == SUPPRESSED else percent(float(value) * 100, lang, 1)


def median_text(value: float | str, lang: str = "en") -> str:
    """The median of the markers still needed (0.5 steps), or "not shown".

    Args:
        value (float | str): a count (may end in .5), or :data:`~beltlib.cohort.aggregate.SUPPRESSED`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"2"``, ``"2.5"`` / ``"2,5"``, or ``"not shown"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    if value == SUPPRESSED:
        return t(HIDDEN_KEY, lang)
    v = float(value)
    return number(v, lang, 0 if v.is_integer() else 1)


def article_share_text(belt: str, lang: str = "en") -> str:
    """The article's share of LinkedIn users for a belt, with the article's hedge.

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: ``"most users (about 88%)"``, ``"about 10%"``, ``"under 2%"``; ``none`` has no share
        (``"not among users"``).

    Raises:
        ValueError: unknown ``lang``.

    Source: article, green « environ 10 % », black « moins de 2% », white « la plupart des personnes ».
    """
    if belt not in rules.SHARES:
        return t("cohort.not_in_article", lang)
    return t(f"synthesis.share.{belt}", lang, share=percent(rules.SHARES[belt], lang))


def belt_label(belt: str, lang: str = "en") -> str:
    """A belt's title for tables and plots; ``none`` reads "No profile".

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"Green belt"`` or ``"No profile"``.

    Raises:
        ValueError: unknown ``lang``.
    """
    return t("choice.findable.no_profile", lang) if belt == "none" else t(f"belt_title.{belt}", lang)


def alt_text(summary: CohortSummary, kind: str, lang: str = "en") -> str:
    """The message of a cohort plot in one sentence (its ``alt`` and caption), with the same suppression.

    Args:
        summary (CohortSummary): the cohort.
        kind (str): one of :data:`PLOT_KINDS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"Belt shares, this group next to the article: White belt 60.0% in the group, most users
        (about 88%) in the article; …"``.

    Raises:
        ValueError: unknown ``kind`` or ``lang``.
    """
    if kind not in PLOT_KINDS:
        raise ValueError(f"kind: got {kind!r} (allowed: one of {', '.join(PLOT_KINDS)})")
    if kind == "belts":
        parts = [t("cohort.belts.alt_part", lang, belt=belt_label(b, lang),
                   group=share_text(summary.belt_shares_percent[b], lang), article=article_share_text(b, lang))
                 for b in rules.BELTS]
        return t("cohort.belts.alt", lang, parts="; ".join(parts))
    if kind == "agenda":
        parts = [f"{t(f'marker.{m}', lang)} {prevalence_text(summary.marker_prevalence[m], lang)}"
                 for m in summary.agenda()]
        return t("cohort.agenda.alt", lang, parts="; ".join(parts))
    parts = [t("cohort.steps.alt_part", lang, steps=s, count=count_text(v, lang))
             for s, v in summary.markers_needed.items()]
    return t("cohort.steps.alt", lang, parts="; ".join(parts),
             median=median_text(summary.markers_needed_median, lang))


def summary_text(summary: CohortSummary, lang: str = "en") -> str:
    """The cohort in a short text for the command line (``python -m beltlib cohort``).

    The privacy rule is said once, up front; a hidden number (fewer than 5 people, or one the numbers
    shown would give away) is then a single "–", and a belt or situation hidden whole is one "–", not two.

    Args:
        summary (CohortSummary): from :func:`beltlib.cohort.summarise`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: title, respondents and skipped counts, the privacy rule, belts next to the article's shares,
        situations, the five markers the group lacks most (share meeting it, cheapest action) and the
        median steps; ends with a newline. No file name, no free text.

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares and markers (:mod:`beltlib.rules`); assumption MIN_CELL.
    """
    hidden = t("cohort.summary.hidden", lang)

    def mark(value: float | str, text: str) -> str:
        return hidden if value == SUPPRESSED else text

    title = t("cohort.summary.title", lang)
    out = [title, "=" * len(title), "", t("cohort.summary.respondents", lang, n=number(summary.respondents, lang))]
    if summary.invalid:
        out.append(t("cohort.summary.invalid", lang, n=number(summary.invalid, lang)))
    out += ["", t("cohort.summary.privacy", lang), "", t("cohort.summary.belts", lang)]
    for belt in rules.BELTS:
        count, share = summary.belts[belt], summary.belt_shares_percent[belt]
        if count == SUPPRESSED:
            line = t("cohort.summary.belt_hidden", lang, belt=belt_label(belt, lang), hidden=hidden,
                     article=article_share_text(belt, lang))
        else:
            line = t("cohort.summary.belt_line", lang, belt=belt_label(belt, lang), count=count_text(count, lang),
                     share=mark(share, share_text(share, lang)), article=article_share_text(belt, lang))
        out.append("  " + line)
    out += ["", t("cohort.summary.personas", lang)]
    for persona, v in summary.by_persona.items():
        name = t(f"choice.persona.{persona}", lang)
        out.append("  " + (t("cohort.summary.persona_hidden", lang, persona=name, hidden=hidden)
                           if v["respondents"] == SUPPRESSED else
                           t("cohort.summary.persona_line", lang, persona=name, n=count_text(v["respondents"], lang),
                             at=mark(v["at_or_above_target"], count_text(v["at_or_above_target"], lang)))))
    out += ["", t("cohort.summary.agenda", lang)]
    minutes = {m["id"]: m["action_minutes"] for m in rules.MARKERS}
    for i, marker in enumerate(summary.agenda()[:5], 1):
        share = summary.marker_prevalence[marker]
        out.append(f"  {i}. " + t("cohort.summary.agenda_line", lang, marker=t(f"marker.{marker}", lang),
                                  share=mark(share, prevalence_text(share, lang)),
                                  action=t(f"action.{marker}", lang).rstrip("."),
                                  minutes=t("minutes", lang, minutes=minutes[marker])))
    median = (t("cohort.summary.median_hidden", lang) if summary.markers_needed_median == SUPPRESSED
              else t("cohort.summary.median", lang, median=median_text(summary.markers_needed_median, lang)))
    out += ["", median]
    return "\n".join(out) + "\n"


__all__ = ["PLOT_KINDS", "alt_text", "count_text", "share_text", "prevalence_text", "median_text",
           "article_share_text", "belt_label", "summary_text", "HIDDEN_KEY"]
