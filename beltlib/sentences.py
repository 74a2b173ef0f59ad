"""The report's words: an assessment turned into sentences and table rows (no HTML).

Every text comes from the catalogue (:mod:`beltlib.texts`); every decision comes from the
assessment (:mod:`beltlib.assessment`) and the rules table (:mod:`beltlib.rules`). The page's
``engine.js`` builds the same sentences from the same catalogue; ``tests/test_publish_engine_parity.py``
proves they agree. :mod:`beltlib.report` re-exports these functions and adds the HTML pieces.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import effort, rules
from .answers import FIELDS, GROUPS, Answers
from .assessment import Assessment
from .locale import punctuation
from .plan import action_line, duration, note_lines, plan_lines, plan_sections, result_notes
from .texts import CATALOGUE, hours, number, percent, t

__all__ = ["action_line", "answer_text", "answers_rows", "assessment_dict", "assumption_rows", "belt_name",
           "details_line", "distance_line", "duration", "marker_rows", "marker_share", "note_lines", "plan_lines",
           "plan_sections", "plot_alt_text", "result_lines", "result_notes", "signals_line", "steps_text",
           "summary_text", "synthesis_rows", "usefulness_text", "value_text"]


def belt_name(belt: str, lang: str = "en") -> str:
    """The belt's name in a sentence (``"green belt"``, ``"ceinture verte"``).

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the lower-case name (catalogue key ``belt.<belt>``).

    Raises:
        ValueError: unknown ``lang``. KeyError: unknown ``belt``.
    """
    return t(f"belt.{belt}", lang)


def answer_text(answers: Answers | Mapping[str, Any], field: str, lang: str = "en") -> str:
    """An answer as the person reads it (choice label, yes/no, formatted number).

    Args:
        answers (Answers | Mapping[str, Any]): the answers.
        field (str): a key of :data:`beltlib.answers.FIELDS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the choice's label, ``yes``/``no``, hours per week (see :func:`beltlib.texts.hours`) or a count.

    Raises:
        ValueError: unknown ``lang``. KeyError: unknown field, missing answer or unknown choice value.
    """
    value = answers[field]
    kind = FIELDS[field]["kind"]
    if kind == "choice" and field != "schema":
        return t(f"choice.{field}.{value}", lang)
    if kind == "bool":
        return t("value.yes" if value else "value.no", lang)
    if field == "hours_per_week":
        return hours(value, lang)
    return number(value, lang)


def steps_text(ids: tuple[str, ...] | list[str], lang: str = "en") -> str:
    """Short step names joined as a list (``"a, b and c"``; catalogue keys ``step.<id>``).

    Args:
        ids (tuple[str, ...] | list[str]): marker ids.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the list in words ("" for none).

    Raises:
        ValueError: unknown ``lang``. KeyError: unknown id.
    """
    names = [t(f"step.{i}", lang) for i in ids]
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + t("list.and", lang) + names[-1]


def distance_line(a: Assessment, lang: str = "en") -> str:
    """How far the target belt is: ``"You are 1 step from the green belt: add a profile photo (about 10 min)."``

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: one sentence (steps of the shortest path, or reached, or beyond).

    Raises:
        ValueError: unknown ``lang``.

    Source: :func:`beltlib.assessment.action_plan` (the shortest path; assumption ACTION_MINUTES).
    """
    target = belt_name(a.target_belt, lang)
    values = {"target": target, "n": a.markers_needed, "steps": steps_text(a.shortest_path, lang),
              "duration": duration(a.shortest_path_minutes, lang)}
    if a.belt == "none":
        return t("result.distance.none", lang, **values)
    if a.position == "below":
        return t("result.distance.one" if a.markers_needed == 1 else "result.distance.many", lang, **values)
    return t(f"result.distance.{a.position}", lang, **values)


def usefulness_text(x: float, lang: str = "en") -> str:
    """A net usefulness with 2 decimals (``"0.91"``, ``"-0.47"``; never ``"-0.00"``).

    Args:
        x (float): the net usefulness (0–1 units; negative when the time costs more than it brings).
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the number in the language's way.

    Raises:
        ValueError: unknown ``lang``.
    """
    text = number(x, lang, 2)
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def marker_share(a: Assessment) -> float:
    """Share (0–1) of the target belt's marker points the person meets (assumption USEFULNESS_RULE)."""
    return min(1.0, a.score / effort.target_points(a.target_belt))


def details_line(a: Assessment, lang: str = "en") -> str:
    """The one details line: score, this report's percentile estimate and net usefulness (not headline numbers).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: e.g. ``"Details: score 70.0/100 (7 of 7 green markers, 0 of 4 black) · …"``.

    Raises:
        ValueError: unknown ``lang``.

    Source: assumptions GREEN_POINTS, BLACK_POINTS, SHARES, BAND_PADDING_POINTS, EFFORT_CURVES, USEFULNESS_RULE.
    """
    values = {"score": number(a.score, lang, 1), "green": a.green_met, "black": a.black_met,
              "usefulness": usefulness_text(a.usefulness, lang), "percentile_pct": percent(a.percentile, lang, 0)}
    return t("result.details_none" if a.belt == "none" else "result.details", lang, **values)


def result_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The result in sentences: belt and its share, distance to the target, target, effort, details.

    The belt, its share and the distance lead; the score, the percentile estimate and the usefulness
    are one details line (:func:`details_line`); the notes placed in the result (the time warning) come
    between the distance and the target (:func:`result_notes`; :mod:`beltlib.document` makes them a note).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: 5 lines: belt, distance, target, effort, details.

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares and « Alors, quelle ceinture choisir ? » (target belt); the estimate inside a
    band and the effort line are this report's assumptions (BAND_PADDING_POINTS, EFFORT_CURVES).
    """
    share = percent(rules.SHARES[a.belt], lang) if a.belt in rules.SHARES else ""
    target = belt_name(a.target_belt, lang)
    key = "result.effort_none" if a.belt == "none" else "result.effort"
    return [t(f"result.belt.{a.belt}", lang, share=share), distance_line(a, lang),
            t(f"result.target.{a.answers.persona}", lang, target=target),
            t(key, lang, hours=hours(a.hours_per_week, lang), target_hours=hours(a.target_hours, lang), target=target),
            details_line(a, lang)]


def plot_alt_text(assessment: Assessment, kind: str, lang: str = "en") -> str:
    """The message of a plot in one sentence (for ``alt``/``title`` attributes).

    Example: ``"Estimated percentile 92.4: in the green belt band, 88 to 98."``

    Args:
        assessment (Assessment): the person's :class:`~beltlib.assessment.Assessment`.
        kind (str): ``"population"`` or ``"effort"`` .
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: one sentence (percentile and band in percent, or hours per week and usefulness 0–1).

    Raises:
        ValueError: unknown ``kind`` (allowed: population, effort) or unknown ``lang``.
    """
    if kind not in ("population", "effort"):
        raise ValueError(f"kind: got {kind!r} (allowed: one of population, effort)")
    if kind == "population":
        if assessment.belt == "none":
            return t("plot.population.alt_none", lang)
        return t("plot.population.alt", lang, percentile=percent(assessment.percentile, lang),
                 belt=belt_name(assessment.belt, lang), low=percent(assessment.band[0], lang),
                 high=percent(assessment.band[1], lang))
    target = assessment.target_belt
    return t("plot.effort.alt", lang, persona=t(f"persona.{assessment.answers.persona}", lang),
             target=belt_name(target, lang), target_hours=hours(rules.BELT_HOURS_PER_WEEK[target], lang),
             hours=hours(assessment.hours_per_week, lang), usefulness=usefulness_text(assessment.usefulness, lang),
             share=percent(100 * marker_share(assessment), lang))


def summary_text(a: Assessment, lang: str = "en") -> tuple[str, str]:
    """The compact summary: (belt title, distance sentence), as the ``belt-summary`` box shows it.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        tuple[str, str]: the belt's title and one short line: ``"5 steps to the green belt · about 1 h 30"``
        (no list of the steps), ``"Green belt reached"``, ….

    Raises:
        ValueError: unknown ``lang``.
    """
    values = {"target": belt_name(a.target_belt, lang), "n": a.markers_needed,
              "duration": duration(a.shortest_path_minutes, lang)}
    if a.belt == "none":
        key = "summary.distance.none"
    elif a.position == "below":
        key = "summary.distance.one" if a.markers_needed == 1 else "summary.distance.many"
    else:
        key = f"summary.distance.{a.position}"
    return t(f"belt_title.{a.belt}", lang), t(key, lang, **values)


def marker_rows(a: Assessment, lang: str = "en") -> list[tuple[str, str, str]]:
    """Marker by marker: (belt name, marker text, met/not met) for the 11 markers (signals excluded).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[tuple[str, str, str]]: 11 rows, 7 green then 4 black, in table order.

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.MARKERS` (article, « Ceinture verte » and « Ceinture noire »).
    """
    return [(belt_name(m.belt, lang), t(f"marker.{m.id}", lang), t("result.met" if m.met else "result.not_met", lang))
            for m in a.markers]


def signals_line(a: Assessment, lang: str = "en") -> str:
    """The supporting signals that hold, in one sentence.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the sentence naming the signals met (paid account, more than 200 connections) or "none".

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.SIGNALS`; the > 200 reading is assumption OVER_200_SIGNAL.
    """
    held = [t(f"signal.{s.id}", lang) for s in a.signals if s.met]
    return t("result.signals", lang, signals=", ".join(held) if held else t("result.no_signals", lang))


def synthesis_rows(lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """The three belts side by side (the article's « Synthèse » is empty: this is the report's summary).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        tuple[list[str], list[list[str]]]: (header of 5 labels, 3 rows: belt, markers, share of users,
        typical effort, who it suits).

    Raises:
        ValueError: unknown ``lang``.

    Source: article, belt sections and « Alors, quelle ceinture choisir ? »; assumptions GREEN_MIN_MARKERS,
    BLACK_MIN_MARKERS, SHARES and BELT_HOURS_PER_WEEK.
    """
    header = [t(f"synthesis.{k}", lang) for k in ("belt", "markers", "share", "effort", "suits")]
    rows = []
    for belt in ("white", "green", "black"):
        rows.append([
            t(f"belt_title.{belt}", lang),
            t(f"synthesis.markers.{belt}", lang, green_min=rules.GREEN_MIN_MARKERS, black_min=rules.BLACK_MIN_MARKERS),
            t(f"synthesis.share.{belt}", lang, share=percent(rules.SHARES[belt], lang)),
            t(f"synthesis.effort.{belt}", lang) + " ("
            + t("unit.hours_per_week", lang, hours=value_text(rules.BELT_HOURS_PER_WEEK[belt], lang)) + ")",
            t(f"synthesis.suits.{belt}", lang),
        ])
    return header, rows


_KEY_PREFIXES = ("choice.persona.", "belt_title.", "marker.", "choice.discussions.", "valuekey.")


def _key_text(key: str, lang: str) -> str:
    for prefix in _KEY_PREFIXES:
        if prefix + key in CATALOGUE[lang]:
            return t(prefix + key, lang)
    return key


def value_text(value: Any, lang: str = "en") -> str:
    """An assumption's value in words: numbers the language's way, keys and belts by their labels.

    Args:
        value (Any): a number, bool, string (a belt or a formula) or a dict of them.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the text (dict items joined by ``"; "``; floats with at most 2 decimals).

    Raises:
        ValueError: unknown ``lang``.
    """
    if isinstance(value, dict):  # the language's spaces before ":" and ";" (beltlib.locale)
        sep, semi = punctuation(":", lang) + " ", punctuation(";", lang) + " "
        return semi.join(f"{_key_text(str(k), lang)}{sep}{value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, bool):
        return t("value.true" if value else "value.false", lang)
    if isinstance(value, list):
        return " – ".join(value_text(v, lang) for v in value)
    if isinstance(value, float):  # as many decimals as the value has, at most 2 (7.5, 0.05, 10)
        digits = next(d for d in range(3) if round(value, d) == round(value, 2))
        return number(value, lang, digits)
    if isinstance(value, int):
        return number(value, lang)
    return _key_text(str(value), lang)


def assumption_rows(lang: str = "en", extra: list[dict[str, Any]] | None = None) -> list[tuple[str, str, str]]:
    """Every named assumption: (plain label (NAME), value, why), read from :data:`beltlib.rules.ASSUMPTIONS`.

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        extra (list[dict[str, Any]] | None): more assumptions as dicts {"name", "value", "why"}.

    Returns:
        list[tuple[str, str, str]]: rows, :data:`beltlib.rules.ASSUMPTIONS` first, then ``extra`` in order.

    Raises:
        ValueError: unknown ``lang``. KeyError: an ``extra`` item lacks ``name``, ``value`` or ``why``.

    Source: the named assumptions of :data:`beltlib.rules.ASSUMPTIONS`.
    """
    rows = [(f"{t(f'assumption_label.{name}', lang)} ({name})", value_text(value, lang), t(f"assumption.{name}", lang))
            for name, value in rules.ASSUMPTIONS]
    for item in extra or []:
        name = item["name"]
        key = f"assumption_label.{name}"
        label = f"{t(key, lang)} ({name})" if key in CATALOGUE[lang] else name
        rows.append((label, value_text(item["value"], lang), str(item["why"])))
    return rows


def answers_rows(answers: Answers, lang: str = "en",
                 provenance: Mapping[str, str] | None = None) -> list[tuple[str, ...]]:
    """The answers used, as (question, answer[, origin]) rows in questionnaire order.

    Args:
        answers (Answers): the answers.
        lang (str): ``"en"`` or ``"fr"``.
        provenance (Mapping[str, str] | None): field to origin (``"you"``, ``"export"`` or ``"example"``); fields
            not listed are ``"you"``. None leaves out the origin column.

    Returns:
        list[tuple[str, ...]]: 13 rows (every field but ``schema``), by :data:`beltlib.answers.GROUPS`.

    Raises:
        ValueError: unknown ``lang``. KeyError: an unknown provenance value.
    """
    rows = []
    for group in GROUPS:
        for field, spec in FIELDS.items():
            if spec["group"] != group:
                continue
            row: tuple[str, ...] = (t(f"field.{field}", lang), answer_text(answers, field, lang))
            if provenance is not None:
                row += (t(f"origin.{provenance.get(field, 'you')}", lang),)
            rows.append(row)
    return rows


def assessment_dict(a: Assessment, lang: str = "en") -> dict[str, Any]:
    """:meth:`Assessment.to_dict` plus ``actions`` (the action texts in ``lang``): what ``assess --json`` prints.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        dict[str, Any]: the JSON-able result.

    Raises:
        ValueError: unknown ``lang``.
    """
    d = a.to_dict()
    d["actions"] = [t(f"action.{x.marker_id}", lang) for x in a.actions]
    return d
