"""The interactive published page: one offline HTML file that re-assesses in the browser (issue 6).

``python -m beltlib publish --interactive …`` (and ``make html-interactive``) writes one HTML file in
which a reader changes any answer and at once sees the whole report change — with no kernel, no server
and no network request, from ``file://``, a static host or an ``<iframe>``. How (the route measured in
``shared/notes/kernel-free.md``; ``docs/design-notes.md`` gives the reasons):

- The page is the report document (:func:`beltlib.document.build`) drawn by
  :mod:`beltlib.report`'s one block renderer (:func:`beltlib.report.section_html`), laid
  out by each section's ``area``: the ``lead`` sections, then the live part (the compact
  summary, the ``answers`` sections with :data:`FORM_SECTION` drawn as the questions form,
  and the ``outcome`` sections), then the ``reference`` sections. Everything the page shows
  before its script runs is that document for the published answers, so a host that strips
  scripts still shows a correct, static report. A section added to
  :data:`beltlib.document.SECTIONS` shows here in every language with no change to this
  module, ``engine.js`` or ``page.js``.
- One source of truth: the rule table (:func:`beltlib.rules.rules_table`), the
  texts of :data:`beltlib.texts.CATALOGUE` that the page uses
  (:func:`page_text_keys`), the field specs (:data:`beltlib.answers.FIELDS`) and the
  document of every language are serialised as JSON into the page. The page's evaluator
  (``beltlib/publish/engine.js``, inlined with ``page.js``) reads that table and rebuilds the
  sections that depend on the answers (``E.document``); the others are drawn as shipped. No
  threshold, weight, limit or sentence is typed in JavaScript.
  ``tests/test_publish_engine_parity.py`` (under Node) proves the evaluator's document is
  :func:`beltlib.document.build`'s, block by block, and its results :func:`beltlib.assess`'s.
- Plots: matplotlib draws the report's two plots as SVG at build time
  (:func:`beltlib.plots.figure`): one population plot per language, one effort
  plot per persona and language, kept in inert ``<template>`` elements. The page
  shows the right one and moves the parts that carry ids (``pop-you-*``,
  ``effort-you*``) with the axes' data-to-SVG mapping computed here from
  matplotlib's ``transData``. The export's figures are PNG, one per language.
- Numbers are typed as text and read with the page language's conventions
  (English ``1,234.5``, French ``1 234,5``; see ``parseNumber`` in the script):
  ``1,5`` is 1.5 in French and refused in English, never read as 15. A text that
  is not a valid answer shows :func:`field_message` under its field, and the
  result keeps the field's last valid answer.
- The result (:data:`LIVE_SECTION`, ``belt-result``) is updated in place; a polite live region
  (``belt-announce``) says one short sentence, the belt and the distance (:mod:`beltlib.announce`).
- A compact summary (``belt-summary``, :func:`beltlib.report.summary_html`) stays in view (sticky).

Hooks (public contract, ``docs/hooks-and-contracts.md``): ``belt-q-<field>`` (each control), ``belt-lang``,
``belt-reset``, ``belt-result``, ``belt-summary``, ``belt-plot-population`` and ``belt-plot-effort`` (the plots'
``<figure>``: the live SVG in a ``role="img"`` holder named by its alt text), ``belt-download``,
``belt-section-<id>`` and ``belt-heading-<id>`` (each section of the document and its heading), and issue 18's
``belt-download-plan`` ("Add my plan to my calendar": ``plan.js``) and ``belt-since-file`` / ``belt-since-remove``
("Compare with earlier answers…": ``since.js``; the section ``since`` is added after the result), wired by ``tools.js``.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import document, report
from ..announce import short_announcement
from ..answers import GROUPS, Answers, atomic_write_text, validate
from ..assessment import assess
from ..locale import long_date_text
from ..since import SinceFile
from ..texts import LANGS, check_lang, t
from .assets import SCRIPT_FILES, STYLE_FILE, VENDOR_SCRIPT, page_script, page_style, script_json, vendor_script
from .common import DEFAULT_INTERACTIVE_OUTPUT, check_output, generation_date
from .page_data import (
    FORM_SECTION,
    LIVE_PLOTS,
    LIVE_SECTION,
    calendar_data,
    field_message,
    field_specs,
    input_text,
    page_data,
    page_text_keys,
)
from .svg import build_plots, with_title

#: Where the page is written by default (also ``python -m beltlib publish --interactive``'s).
DEFAULT_OUTPUT = DEFAULT_INTERACTIVE_OUTPUT
#: Issue 6's size limit for the page, in bytes (checked by the tests); the vendored ical.js (92 kB, issue 18)
#: fits in it (the example page: 487 kB).
MAX_BYTES = 600_000
#: The same page with an export: its figures (PNG, one per language; the history twice, for a wide column and a
#: phone) come on top (the sample export: 770 kB).
MAX_BYTES_EXPORT = 800_000
#: Re-exported: the page's script and style files (:mod:`beltlib.publish.assets`) and its data
#: (:mod:`beltlib.publish.page_data`).
__all__ = ["FORM_SECTION", "LIVE_PLOTS", "LIVE_SECTION", "MAX_BYTES", "MAX_BYTES_EXPORT", "SCRIPT_FILES", "STYLE_FILE",
           "VENDOR_SCRIPT", "calendar_data", "field_message", "field_specs", "input_text", "page_data", "page_script",
           "page_style", "page_text_keys", "publish_interactive", "render_page", "script_json", "vendor_script"]


_e = report.escape


# ------------------------------------------------------------------ HTML
def _t(key: str, lang: str, tag: str = "span", attrs: str = "") -> str:
    """An element whose text the page re-translates (``data-t``)."""
    return f'<{tag}{attrs} data-t="{_e(key)}">{_e(t(key, lang))}</{tag}>'


def _control_html(field: str, spec: dict[str, Any], answers: Answers, lang: str,
                  provenance: Mapping[str, str] | None) -> str:
    ident = f"belt-field-{field}"
    value = answers[field]
    # With an export every answer says where it came from; the page's script keeps it up to date.
    where = provenance.get(field, "you") if provenance else "you"
    origin = (f' <span class="belt-origin belt-origin-{where}" id="belt-origin-{field}" data-t="origin.{where}"'
              f'{"" if provenance else " hidden"}>{_e(t(f"origin.{where}", lang))}</span>')
    label = _t(f"field.{field}", lang, "label", f' for="{ident}"')
    wrap = f'<div class="belt-q belt-q-{field} belt-q-{spec["kind"]}" data-field="{field}">'
    if spec["kind"] == "bool":
        checked = " checked" if value else ""
        return f'{wrap}<input type="checkbox" id="{ident}" name="{field}"{checked}>{label}{origin}</div>'
    if spec["kind"] == "choice":
        options = "".join(
            f'<option value="{_e(c)}"{" selected" if c == value else ""} data-t="choice.{field}.{_e(c)}">'
            f'{_e(t(f"choice.{field}.{c}", lang))}</option>' for c in spec["choices"])
        return f'{wrap}{label}{origin}<select id="{ident}" name="{field}">{options}</select></div>'
    # A text input, read by the script with the page language's conventions: a browser's
    # number input reads "1,5" with the browser's locale (15 in some), whatever the page's language.
    mode = "numeric" if spec["kind"] == "int" else "decimal"
    return (f'{wrap}{label}{origin}<input type="text" id="{ident}" name="{field}" inputmode="{mode}" '
            f'autocomplete="off" spellcheck="false" value="{_e(input_text(value, lang))}" '
            f'aria-describedby="belt-error-{field}">'
            # Always rendered (empty when fine), so screen readers hear the message when it appears.
            f'<p class="belt-error" id="belt-error-{field}" aria-live="polite"></p></div>')


def questions_html(answers: Answers, lang: str, provenance: Mapping[str, str] | None = None) -> str:
    """The questionnaire: one fieldset per group, one labelled native control per field."""
    specs = field_specs()
    out = []
    for group in GROUPS:
        controls = "".join(_control_html(f, s, answers, lang, provenance)
                           for f, s in specs.items() if s["group"] == group)
        out.append(f'<fieldset class="belt-group belt-group-{group}">{_t(f"group.{group}", lang, "legend")}'
                   f'{controls}</fieldset>')
    return "".join(out)


#: The export figures' PNG on this page (both languages ship): 1.5x their size, 32 colours (line art).
EXPORT_IMAGE_DPI, EXPORT_IMAGE_COLORS = 150, 32
#: The history's two drawings (wide and narrow: figures.TWO_LAYOUTS) at 1.2x: four images, so fewer dots.
HISTORY_IMAGE_DPI = 120
#: "Forget my answers" (hook ``belt-forget``): shown by the script, which keeps the answers in localStorage.
FORGET = ' type="button" class="belt-forget" hidden'
#: "Compare with earlier answers…" (hook ``belt-since-file``, issue 18): a file input with its visible label and
#: hint, "Remove the comparison", the answers compared (``belt-since-status``: their date) and the message of a
#: file not read (a polite live region); shown by the script.
SINCE_CONTROL = ('<div class="belt-since-control" hidden><div class="belt-since-pick">{label}'
                 '<input type="file" id="belt-since-file" class="belt-since-file" accept=".json,application/json" '
                 'aria-describedby="belt-since-hint belt-since-status belt-since-error">{remove}</div>{hint}'
                 '<p class="belt-since-status" id="belt-since-status" hidden></p>'
                 '<p class="belt-error belt-since-error" id="belt-since-error" aria-live="polite"></p></div>')


def _export_images(docs: Mapping[str, Mapping[str, Any]], summary: Any) -> dict[tuple[str, str], str]:
    """(plot, lang) -> ``<img>`` (PNG) of every export figure the documents hold (the timeline, the history)."""
    from .. import figures
    if summary is None:
        return {}
    return {(b["plot"], x): figures.export_figure_html(
                b["plot"], summary, x, b["alt"],
                HISTORY_IMAGE_DPI if b["plot"] in figures.TWO_LAYOUTS else EXPORT_IMAGE_DPI, EXPORT_IMAGE_COLORS)
            for x, doc in docs.items() for sec in doc["sections"] for b in sec["blocks"]
            if b["kind"] == "figure" and b["plot"] in figures.EXPORT_KINDS}


def figure_html(block: Mapping[str, Any], svgs: Mapping[str, str], lang: str, persona: str,
                images: Mapping[tuple[str, str], str]) -> str:
    """The plot of a figure block as the page draws it inside :func:`beltlib.report.block_html`'s ``<figure>``.

    Args:
        block (Mapping[str, Any]): a ``figure`` block of :mod:`beltlib.document`.
        svgs (Mapping[str, str]): the pre-rendered SVGs of :func:`beltlib.publish.svg.build_plots`.
        lang (str): the page's first language.
        persona (str): the published persona (whose effort plot is shown).
        images (Mapping[tuple[str, str], str]): (plot, lang) -> an ``<img>`` for the export's figures.

    Returns:
        str: ``<div class="belt-plot" role="img" aria-label="…">`` holding the live SVG (its
        ``<title>`` the block's alt text) for the population and effort plots; ``<div
        class="belt-plot">`` holding the image for the others; ``""`` (the caption alone) for a
        plot the page has no drawing of.

    Raises:
        Nothing.
    """
    plot, alt = block["plot"], block["alt"]
    if plot in LIVE_PLOTS:
        key = f"population-{lang}" if plot == "population" else f"effort-{lang}-{persona}"
        return f'<div class="belt-plot" role="img" aria-label="{_e(alt)}">{with_title(svgs[key], alt)}</div>'
    if (plot, lang) in images:
        return f'<div class="belt-plot" data-plot-lang="{_e(lang)}">{images[(plot, lang)]}</div>'
    return ""


def sections_html(doc: Mapping[str, Any], figure: report.Figure, questions: str,
                  added: tuple[str, ...] = ()) -> dict[str, str]:
    """Each area's sections as HTML, in the document's order (the page lays the areas out).

    Args:
        doc (Mapping[str, Any]): a document of :func:`beltlib.document.build`.
        figure (report.Figure): draws figure blocks (:func:`figure_html`).
        questions (str): the questions' fieldsets (:func:`questions_html`), drawn as the
            :data:`FORM_SECTION` section's body (a ``<form class="belt-questions">``).
        added (tuple[str, ...]): ids of sections drawn here but not in the shipped documents (``since`` of
            ``publish --since``): marked ``data-belt-added``, so the script takes them away as it does the
            sections it adds (``page.js`` ``placeSections``).

    Returns:
        dict[str, str]: area (:data:`beltlib.document.AREAS`) -> HTML of its sections.

    Raises:
        Nothing.
    """
    out = {area: "" for area in document.AREAS}
    for sec in doc["sections"]:
        if sec["id"] == FORM_SECTION:
            ident = _e(sec["id"])
            html_ = (f'<section class="belt-section belt-section-{ident}" aria-labelledby="belt-heading-{ident}">'
                     f'<form class="belt-questions" novalidate aria-labelledby="belt-heading-{ident}">'
                     f'{report.heading_html(sec)}{questions}</form></section>')
        else:
            html_ = report.section_html(sec, figure)
            if sec["id"] in added:
                html_ = html_.replace("<section ", "<section data-belt-added ", 1)
        out[sec["area"]] = out.get(sec["area"], "") + html_ + "\n"
    return out


def render_page(answers: Answers | Mapping[str, Any], lang: str = "en", title: str | None = None,
                provenance: Mapping[str, str] | None = None, date: Any = None, export_summary: Any = None,
                since: SinceFile | None = None) -> str:
    """The whole interactive page as HTML text: the report document, drawn, and what makes it live.

    Every section of :func:`beltlib.document.build` is drawn by :func:`beltlib.report.section_html`
    and laid out by its ``area``: the header (title, toolbar), the ``lead`` sections, then the live
    part (the compact summary, the ``answers`` sections — :data:`FORM_SECTION` drawn as the
    questions form — and the ``outcome`` sections), then the ``reference`` sections and the footer.
    The page data carries the document of every language (:func:`page_data`): the script rebuilds
    the sections that depend on the answers and draws the others as shipped, so a section added
    to :data:`beltlib.document.SECTIONS` shows here in every language with no change to the page.

    Args:
        answers: the published answers (validated :class:`Answers`, or a mapping that is validated).
        lang: ``"en"`` or ``"fr"``: the page's first language (the reader can switch).
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        provenance: field -> ``"you"``/``"export"``/``"example"``, or None.
        date: the generation date (default :func:`beltlib.publish.common.generation_date`).
        export_summary: the :class:`beltlib.linkedin.ExportSummary` the answers were prefilled
            from, or None: adds its section (counts, dates and the timeline as a PNG) and the
            export mapping's assumptions to the method section.
        since: the comparison of ``publish --since`` (:func:`beltlib.since.compare_file`), or None. The page
            starts with it as if the reader had chosen that file under "Compare with earlier answers…": the
            data carries the earlier answers and their file's time (``since``), the script compares them with
            the answers as they change (dated now) and "Remove the comparison" takes it away; the HTML drawn
            before the script runs holds the section "since" and the method's rows of this comparison.

    Returns:
        str: one self-contained HTML document (no external resource).

    Raises:
        AnswersError: invalid answers (every bad field named). ValueError: unknown ``lang``.
    """
    check_lang(lang)
    if not isinstance(answers, Answers):
        answers = validate(answers)
    a = assess(answers)
    docs = {x: document.build(a, x, answers=answers, provenance=provenance, export=export_summary, title=title)
            for x in LANGS}
    # The shipped documents hold no comparison (the script adds it, as for a file the reader chooses); the HTML
    # drawn before the script runs does.
    doc = docs[lang] if since is None else document.build(a, lang, answers=answers, provenance=provenance,
                                                          export=export_summary, title=title, since=since.since)
    svgs, plot_data = build_plots(answers)
    images = _export_images(docs, export_summary)
    areas = sections_html(doc, lambda b: figure_html(b, svgs, lang, answers.persona, images),
                          questions_html(answers, lang, provenance), ("since",))
    day = generation_date(date)  # written in words, never as an ISO date
    generated = {x: t("report.generated", x, date=long_date_text(day.year, day.month, day.day, x)) for x in LANGS}
    # Every SVG the script may show, and the images of the other languages, kept inert.
    templates = "\n".join([f'<template id="belt-svg-{k}">{v}</template>' for k, v in svgs.items()]
                          + [f'<template id="belt-img-{p}-{x}">{v}</template>' for (p, x), v in images.items()
                             if x != lang])
    lang_options = "".join(f'<option value="{x}" lang="{x}"{" selected" if x == lang else ""}>{_e(t(f"ui.lang.{x}", x))}'
                           f"</option>" for x in LANGS)
    body = f"""<main class="belt-report belt-report-interactive">
<header class="belt-header">
{report.title_html(doc, "" if title else ' data-t="report.default_title"')}
<div class="belt-toolbar">
<div class="belt-lang">{_t("ui.lang", lang, "label", ' for="belt-lang-select"')}<select id="belt-lang-select" name="lang">{lang_options}</select></div>
{_t("page.reset", lang, "button", ' type="button" class="belt-reset"')}
{_t("page.download", lang, "button", ' type="button" class="belt-download" hidden')}{_t("page.forget", lang, "button", FORGET)}
{_t("page.download_plan", lang, "button", ' type="button" class="belt-download-plan" hidden')}
{SINCE_CONTROL.format(label=_t("page.since.label", lang, "label", ' for="belt-since-file"'),
                      remove=_t("page.since.remove", lang, "button", ' type="button" class="belt-since-remove" hidden'),
                      hint=_t("page.since.hint", lang, "p", ' class="belt-since-hint" id="belt-since-hint"'))}
</div>{_t("page.kept_here", lang, "p", ' class="belt-kept" role="status" hidden')}
{_t("page.hint", lang, "p", ' class="belt-hint"')}
<noscript><p class="belt-noscript">{_e(t("page.noscript", lang))}</p></noscript>
</header>
{areas["lead"]}<div class="belt-live">
{report.summary_html(doc)}<p class="belt-announce" role="status" aria-live="polite">{_e(short_announcement(a, lang))}</p>
<div class="belt-answers-area">
{areas["answers"]}</div>
<div class="belt-outcome">
{areas["outcome"]}</div>
</div>
{areas["reference"]}</main>
<footer class="belt-generated"><p class="belt-generated-date">{_e(generated[lang])}</p></footer>
{templates}"""
    script = page_script()
    figures = [*LIVE_PLOTS, *sorted({p for p, _ in images})]
    data = page_data(answers, lang, title, provenance, plot_data, page_text_keys(body, script), docs, generated,
                     figures, since)
    body += f"""
<script type="application/json" id="belt-data">{script_json(data)}</script>
<script>
{vendor_script()}
</script>
<script>
{script}
</script>"""
    return (f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="referrer" content="no-referrer">
<title>{_e(doc["title"])}</title>
<style>
{page_style()}
</style>
</head>
<body class="belt-page belt-interactive">
{body}
</body>
</html>
""")


def publish_interactive(answers: Answers | Mapping[str, Any], lang: str = "en", title: str | None = None,
                        output: str | Path | None = None, provenance: Mapping[str, str] | None = None,
                        date: Any = None, export_summary: Any = None, since: SinceFile | None = None) -> Path:
    """Write the interactive page: one offline HTML file (atomic replace).

    Args:
        answers: the published answers (:class:`Answers` or a mapping, validated first).
        lang: ``"en"`` or ``"fr"``: the page's first language.
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        output: the file to write (default :data:`DEFAULT_OUTPUT`, relative to the current folder).
        provenance: field -> ``"you"``/``"export"`` (marks answers prefilled from a LinkedIn export), or None.
        date: the generation date shown (default :func:`beltlib.publish.common.generation_date`).
        export_summary: the LinkedIn export's summary the answers were prefilled from, or
            None (see :func:`render_page`).
        since: the comparison of ``publish --since`` shown when the page opens, or None (see :func:`render_page`).

    Returns:
        Path: the file written.

    Raises:
        AnswersError: invalid answers (nothing written). ValueError: unknown ``lang``.

    Source: issue 6; the route of ``shared/notes/kernel-free.md`` (rules as data + a small evaluator).
    """
    out = check_output(output if output is not None else DEFAULT_OUTPUT)
    page = render_page(answers, lang=lang, title=title, provenance=provenance, date=date,
                       export_summary=export_summary, since=since)
    atomic_write_text(out, page)
    return out
