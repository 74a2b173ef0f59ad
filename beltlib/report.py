"""The report's words: an assessment turned into sentences, tables and HTML pieces.

Plain text (:func:`render_text`, for the command line) and HTML fragments (for
the notebook and the published page) are built from the same functions, so the
two say exactly the same thing. Every text comes from :mod:`beltlib.texts`;
every piece of HTML escapes what it inserts.
"""
from __future__ import annotations

import html
import json
from typing import Any, Mapping

from . import rules
from .answers import FIELDS, GROUPS, Answers
from .assessment import Assessment
from .texts import hours, number, percent, t

#: Colours of the belts (Okabe–Ito based, colour-blind safe); white is drawn
#: with an outline so it shows on a white page.
BELT_COLOURS = {"none": "#999999", "white": "#ffffff", "green": "#009E73", "black": "#000000"}
#: Badge text: black on green is 6.1:1 (WCAG AA asks 4.5:1; white on green was 3.4:1).
BELT_TEXT_COLOURS = {"none": "#000000", "white": "#000000", "green": "#000000", "black": "#ffffff"}


def belt_name(belt: str, lang: str = "en") -> str:
    """The belt's name in a sentence (``"green belt"``, ``"ceinture verte"``).

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the lower-case name (catalogue key ``belt.<belt>``).

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown ``belt``.
    """
    return t(f"belt.{belt}", lang)


def answer_text(answers: Answers | Mapping[str, Any], field: str, lang: str = "en") -> str:
    """An answer as the person reads it (choice label, yes/no, formatted number).

    Args:
        answers (Answers | Mapping[str, Any]): the answers.
        field (str): a key of :data:`beltlib.answers.FIELDS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the choice's label, ``yes``/``no``, hours per week (see :func:`beltlib.texts.hours`)
        or a count.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown field, missing answer or unknown choice value.
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


def result_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The result in sentences: belt, score, percentile, target, position, effort.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: 6 lines (without a profile the percentile line says the person is not placed).

    Raises:
        ValueError: unknown ``lang``.

    Source: article shares and « Alors, quelle ceinture choisir ? » (target belt); assumptions
    BELT_HOURS_PER_WEEK and EFFORT_CURVES (effort line).
    """
    belt = belt_name(a.belt, lang)
    lines = [t("result.belt", lang, belt=belt),
             t("result.score", lang, score=number(a.score, lang, 1), green=a.green_met, black=a.black_met)]
    if a.belt == "none":
        lines.append(t("result.percentile_none", lang))
    else:
        lines.append(t("result.percentile", lang, percentile=number(a.percentile, lang, 1),
                       percentile_pct=percent(a.percentile, lang, 0), belt=belt,
                       low=number(a.band[0], lang), high=number(a.band[1], lang)))
    target = belt_name(a.target_belt, lang)
    lines.append(t("result.target", lang, persona=t(f"persona.{a.answers.persona}", lang), target=target))
    lines.append(t(f"result.{a.position}_target", lang))
    lines.append(t("result.effort", lang, hours=hours(a.hours_per_week, lang),
                   usefulness=number(a.usefulness, lang, 2),
                   target_hours=hours(rules.BELT_HOURS_PER_WEEK[a.target_belt], lang),
                   target=target))
    return lines


def marker_rows(a: Assessment, lang: str = "en") -> list[tuple[str, str, str]]:
    """Marker by marker: (belt name, marker text, met/not met) for the 11 markers (signals excluded).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[tuple[str, str, str]]: 11 (belt, marker text, met) rows, 7 green then 4 black, in table order;
        the signals are in :func:`signals_line`.

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.MARKERS` (article, « Ceinture verte » and « Ceinture noire »).
    """
    rows = [(belt_name(m.belt, lang), t(f"marker.{m.id}", lang), t("result.met" if m.met else "result.not_met", lang))
            for m in a.markers]
    return rows


def signals_line(a: Assessment, lang: str = "en") -> str:
    """The supporting signals that hold, in one sentence.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: the sentence naming the signals met (paid account, more than 200 connections) or "none".

    Raises:
        ValueError: unknown ``lang``.

    Source: :data:`beltlib.rules.SIGNALS` (« Ceinture noire »: « ils ont parfois un compte payant »;
    « Ceinture verte »: « entre 20 et 200 »).
    """
    held = [t(f"signal.{s.id}", lang) for s in a.signals if s.met]
    return t("result.signals", lang, signals=", ".join(held) if held else t("result.no_signals", lang))


def plan_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The action plan: intro then one line per action (action — reason (minutes)).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: the intro line, then one line per :class:`~beltlib.assessment.Action`; a single line
        without a profile ("create a profile first") or when nothing is left to do.

    Raises:
        ValueError: unknown ``lang``.

    Source: article (each marker's section); assumption ACTION_MINUTES (order and minutes).
    """
    target = belt_name(a.target_belt, lang)
    if a.belt == "none":
        return [t("plan.no_profile", lang)]
    if not a.actions:
        return [t("plan.none", lang, target=target)]
    intro = "plan.intro" if a.position == "below" else "plan.intro_reached"
    return [t(intro, lang, target=target)] + [
        f"{t(f'action.{x.marker_id}', lang)} — {t(f'reason.{x.marker_id}', lang)} ({t('minutes', lang, minutes=x.minutes)})"
        for x in a.actions]


def note_lines(a: Assessment, lang: str = "en") -> list[str]:
    """The notes that apply (outdated profile, phone and meetings, paid account, …).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[str]: one sentence per note id of ``a.notes``, in that order.

    Raises:
        ValueError: unknown ``lang``.

    Source: see :func:`beltlib.assessment.notes_for` (the article's quotes on each note).
    """
    return [t(f"note.{n}", lang) for n in a.notes]


def synthesis_rows(lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """The three belts side by side.

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        tuple[list[str], list[list[str]]]: (header, rows): header of 5 labels; 3 rows (white, green,
        black) of 5 texts: belt, markers, share of users (percent), typical effort (hours per week),
        who it suits.

    Raises:
        ValueError: unknown ``lang``.

    Source: article, « Ceinture blanche », « Ceinture verte », « Ceinture noire » and « Alors, quelle
    ceinture choisir ? »; assumptions GREEN_MIN_MARKERS, BLACK_MIN_MARKERS, SHARES and BELT_HOURS_PER_WEEK.
    """
    header = [t(f"synthesis.{k}", lang) for k in ("belt", "markers", "share", "effort", "suits")]
    rows = []
    for belt in ("white", "green", "black"):
        rows.append([
            t(f"belt_title.{belt}", lang),
            t(f"synthesis.markers.{belt}", lang, green_min=rules.GREEN_MIN_MARKERS, black_min=rules.BLACK_MIN_MARKERS),
            t(f"synthesis.share.{belt}", lang, share=percent(rules.SHARES[belt], lang)),
            t(f"synthesis.effort.{belt}", lang) + " (" + t("unit.hours_per_week", lang,
                                                            hours=_value_text(rules.BELT_HOURS_PER_WEEK[belt], lang)) + ")",
            t(f"synthesis.suits.{belt}", lang),
        ])
    return header, rows


def _value_text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_value_text(v, lang)}" for k, v in value.items())
    if isinstance(value, float):  # as many decimals as the value has, at most 2 (7.5, 0.05, 10)
        digits = next(d for d in range(3) if round(value, d) == round(value, 2))
        return number(value, lang, digits)
    return number(value, lang) if isinstance(value, int) else str(value)


def assumption_rows(lang: str = "en", extra: list[dict[str, Any]] | None = None) -> list[tuple[str, str, str]]:
    """Every named assumption: (name, value, why), read from :data:`beltlib.rules.ASSUMPTIONS`.

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        extra (list[dict[str, Any]] | None): more assumptions as dicts {"name", "value", "why"}
            (e.g. the export mapping's, see :func:`export_assumptions`).

    Returns:
        list[tuple[str, str, str]]: (name, value text, why) rows, the 10 of :data:`beltlib.rules.ASSUMPTIONS`
        first, then ``extra`` in order.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an ``extra`` item lacks ``name``, ``value`` or ``why``.

    Source: the named assumptions of :data:`beltlib.rules.ASSUMPTIONS`.
    """
    rows = [(name, _value_text(value, lang), t(f"assumption.{name}", lang)) for name, value in rules.ASSUMPTIONS]
    for item in extra or []:
        rows.append((item["name"], _value_text(item["value"], lang), str(item["why"])))
    return rows


def answers_rows(answers: Answers, lang: str = "en", provenance: Mapping[str, str] | None = None) -> list[tuple[str, ...]]:
    """The answers used, as (question, answer[, origin]) rows in questionnaire order.

    Args:
        answers (Answers): the answers.
        lang (str): ``"en"`` or ``"fr"``.
        provenance (Mapping[str, str] | None): field to origin (``"you"`` or ``"export"``); fields not
            listed are ``"you"``. None leaves out the origin column.

    Returns:
        list[tuple[str, ...]]: 13 rows (every field but ``schema``), by :data:`beltlib.answers.GROUPS`;
        each (question, answer) or (question, answer, origin).

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an unknown provenance value.
    """
    rows = []
    for group in GROUPS:
        for field, spec in FIELDS.items():
            if spec["group"] != group:
                continue
            row = (t(f"field.{field}", lang), answer_text(answers, field, lang))
            if provenance is not None:
                row += (t(f"origin.{provenance.get(field, 'you')}", lang),)
            rows.append(row)
    return rows


def render_text(a: Assessment, lang: str = "en") -> str:
    """The whole assessment as plain text for a person to read (command line).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: title, result sentences, markers (``[x]`` met), signals, numbered action plan and notes;
        ends with a newline.

    Raises:
        ValueError: unknown ``lang``.
    """
    out = [t("report.title", lang), "=" * len(t("report.title", lang)), ""]
    out += result_lines(a, lang) + [""]
    out.append(t("result.markers_title", lang))
    out += [f"  [{'x' if m.met else ' '}] {text} ({belt})" for (belt, text, _), m in zip(marker_rows(a, lang), a.markers)]
    out += ["  " + signals_line(a, lang), ""]
    out.append(t("plan.title", lang))
    plan = plan_lines(a, lang)
    out += [plan[0]] + [f"  {i}. {line}" for i, line in enumerate(plan[1:], 1)] + [""]
    out.append(t("plan.notes", lang))
    out += [f"  - {line}" for line in note_lines(a, lang)]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- HTML pieces
def escape(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute (``&``, ``<``, ``>``, quotes).

    Args:
        text: anything; it is turned into ``str`` first.

    Returns:
        str: the escaped text. Every HTML piece of the report goes through it.
    """
    return html.escape(str(text), quote=True)


_e = escape


def table_html(header: list[str], rows: list[list[str]] | list[tuple[str, ...]], css_class: str) -> str:
    """An escaped HTML table with a header row.

    Args:
        header (list[str]): the column labels.
        rows (list[list[str]] | list[tuple[str, ...]]): the cells, row by row.
        css_class (str): the table's CSS class.

    Returns:
        str: one ``<table>`` element; every text is HTML-escaped.

    Raises:
        Nothing.
    """
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{_e(css_class)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def badge_html(belt: str, lang: str = "en") -> str:
    """A coloured belt badge that also carries the belt's name as text.

    Args:
        belt (str): one of :data:`beltlib.rules.BELTS`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: one ``<span class="belt-badge belt-badge-<belt>">`` element (colours of :data:`BELT_COLOURS`).

    Raises:
        ValueError: unknown ``lang``.
        KeyError: unknown ``belt``.
    """
    return (f'<span class="belt-badge belt-badge-{_e(belt)}" style="display:inline-block;padding:.2em .8em;'
            f'border:2px solid #000;border-radius:1em;background:{BELT_COLOURS[belt]};'
            f'color:{BELT_TEXT_COLOURS[belt]};font-weight:bold">{_e(t(f"belt_title.{belt}", lang))}</span>')


def result_html(a: Assessment, lang: str = "en") -> str:
    """The result block (CSS class ``belt-result``): badge, sentences, markers, signals.

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML, one ``<div>`` with ``data-belt`` set to the belt.

    Raises:
        ValueError: unknown ``lang``.
    """
    lines = result_lines(a, lang)
    items = "".join(f"<p>{_e(line)}</p>" for line in lines)
    markers = table_html([t("synthesis.belt", lang), t("result.marker", lang), t("result.met_header", lang)],
                         marker_rows(a, lang), "belt-markers")
    return (f'<div class="belt-result" data-belt="{_e(a.belt)}">{badge_html(a.belt, lang)}{items}'
            f'<details><summary>{_e(t("result.markers_title", lang))}</summary>{markers}'
            f'<p>{_e(signals_line(a, lang))}</p></details></div>')


def plan_html(a: Assessment, lang: str = "en") -> str:
    """The action plan and notes (CSS class ``belt-plan``).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML: the intro, an ordered list of actions (if any), then the notes.

    Raises:
        ValueError: unknown ``lang``.

    Source: see :func:`plan_lines` and :func:`note_lines`.
    """
    plan = plan_lines(a, lang)
    steps = "".join(f"<li>{_e(line)}</li>" for line in plan[1:])
    notes = "".join(f"<li>{_e(line)}</li>" for line in note_lines(a, lang))
    return (f'<div class="belt-plan"><p>{_e(plan[0])}</p>' + (f"<ol>{steps}</ol>" if steps else "")
            + f'<p><strong>{_e(t("plan.notes", lang))}</strong></p><ul>{notes}</ul></div>')


def synthesis_html(lang: str = "en") -> str:
    """The synthesis table of the three belts (CSS class ``belt-synthesis``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML table of :func:`synthesis_rows`.

    Raises:
        ValueError: unknown ``lang``.

    Source: see :func:`synthesis_rows`.
    """
    header, rows = synthesis_rows(lang)
    return table_html(header, rows, "belt-synthesis")


def method_html(lang: str = "en", extra: list[dict[str, Any]] | None = None) -> str:
    """Method and assumptions: the method paragraph and the table of every named assumption.

    Args:
        lang (str): ``"en"`` or ``"fr"``.
        extra (list[dict[str, Any]] | None): more assumptions as {"name", "value", "why"} dicts.

    Returns:
        str: escaped HTML, one ``<div class="belt-method">``.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an ``extra`` item lacks a key.

    Source: :data:`beltlib.rules.ASSUMPTIONS`.
    """
    rows = assumption_rows(lang, extra)
    return (f'<div class="belt-method"><p>{_e(t("method.body", lang))}</p>'
            + table_html([t("method.name", lang), t("method.value", lang), t("method.why", lang)], rows, "belt-assumptions")
            + "</div>")


def intro_html(lang: str = "en") -> str:
    """What the belts are (CSS class ``belt-intro``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML: the summary of the belts and the article as source.

    Raises:
        ValueError: unknown ``lang``.
    """
    return f'<div class="belt-intro"><p>{_e(t("intro.body", lang))}</p><p><em>{_e(t("intro.source", lang))}</em></p></div>'


def answers_html(answers: Answers, lang: str = "en", provenance: Mapping[str, str] | None = None) -> str:
    """The answers used, as a readable table (CSS class ``belt-answers``).

    Args:
        answers (Answers): the answers.
        lang (str): ``"en"`` or ``"fr"``.
        provenance (Mapping[str, str] | None): field to origin (``"you"`` or ``"export"``); None leaves
            out the origin column.

    Returns:
        str: escaped HTML table of :func:`answers_rows`.

    Raises:
        ValueError: unknown ``lang``.
        KeyError: an unknown provenance value.
    """
    header = [t("answers.field", lang), t("answers.value", lang)]
    if provenance is not None:
        header.append(t("answers.origin", lang))
    return table_html(header, answers_rows(answers, lang, provenance), "belt-answers")


def assessment_json(a: Assessment, lang: str = "en") -> str:
    """The assessment as one JSON object (see :meth:`Assessment.to_dict`).

    Args:
        a (Assessment): the assessment.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: JSON text, indented by 2, non-ASCII kept as is.

    Raises:
        ValueError: unknown ``lang``.
    """
    return json.dumps(a.to_dict(lang), ensure_ascii=False, indent=2)


# ---------------------------------------------------------------- the LinkedIn export (issue 5)
def export_summary_html(summary: Any, lang: str = "en") -> str:
    """What a LinkedIn export shows (CSS class ``belt-export-summary``): counts and dates only.

    The lines of :func:`beltlib.linkedin.export.summary_text` (without its title, which the
    section heading replaces) as a list, the files that could not be read nested under
    their line, then the privacy sentence. Nothing here names a person.

    Args:
        summary (ExportSummary): a :class:`beltlib.linkedin.export.ExportSummary`.
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        str: escaped HTML.

    Raises:
        ValueError: unknown ``lang``.
    """
    from .linkedin.export import summary_text
    items: list[tuple[str, list[str]]] = []
    for line in summary_text(summary, lang).splitlines()[1:]:
        if line.startswith("  - ") and items:
            items[-1][1].append(line[4:])
        else:
            items.append((line, []))
    body = "".join(f"<li>{_e(line)}" + (f"<ul>{''.join(f'<li>{_e(x)}</li>' for x in sub)}</ul>" if sub else "")
                   + "</li>" for line, sub in items)
    return (f'<div class="belt-export-summary"><ul>{body}</ul>'
            f'<p class="belt-export-privacy"><em>{_e(t("export.privacy", lang))}</em></p></div>')


def export_assumptions(lang: str = "en") -> list[dict[str, Any]]:
    """The export mapping's named assumptions (:data:`beltlib.linkedin.export.EXPORT_ASSUMPTIONS`) for
    :func:`method_html`'s ``extra``, each ``why`` in ``lang`` (catalogue key ``assumption.<NAME>``).

    Args:
        lang (str): ``"en"`` or ``"fr"``.

    Returns:
        list[dict[str, Any]]: {"name", "value", "why"} dicts, in :data:`beltlib.linkedin.export.EXPORT_ASSUMPTIONS` order.

    Raises:
        ValueError: unknown ``lang``.

    Source: the named assumptions of :data:`beltlib.linkedin.export.EXPORT_ASSUMPTIONS`.
    """
    from .linkedin.export import EXPORT_ASSUMPTIONS
    return [{**item, "why": t(f"assumption.{item['name']}", lang)} for item in EXPORT_ASSUMPTIONS]
