"""The interactive published page: one offline HTML file that re-assesses in the browser (issue 6).

``python -m beltlib publish --interactive [--answers FILE] [--lang en|fr]
[--title TEXT] [-o PATH]`` (and ``make html-interactive``) writes one HTML file
in which a reader changes any answer and at once sees the belt, score,
percentile sentence, target belt, action plan and both plots change — with no
kernel, no server and no network request, from ``file://``, a static host or an
``<iframe>``.

How (the route measured in ``shared/notes/kernel-free.md``; the README's design
notes give the reasons):

- One source of truth: the rule table (:func:`beltlib.rules.rules_table`), the
  texts of :data:`beltlib.texts.CATALOGUE` that the page uses
  (:func:`page_text_keys`) and the field specs (:data:`beltlib.answers.FIELDS`)
  are serialised as JSON into the page. The page's evaluator
  (``beltlib/publish/interactive.js``, inlined) reads that table; no threshold, weight,
  limit or sentence is typed in JavaScript.
  ``tests/test_interactive_parity.py`` proves the evaluator gives the same
  results and sentences as :func:`beltlib.assess` and :mod:`beltlib.report`.
- Plots: matplotlib draws the report's two plots as SVG at build time
  (:func:`beltlib.plots.figure`): one population plot per language, one effort
  plot per persona and language, kept in inert ``<template>`` elements. The page
  shows the right one and moves the parts that carry ids (``pop-you-*``,
  ``effort-you*``) with the axes' data-to-SVG mapping computed here from
  matplotlib's ``transData``.
- Everything the page shows before its script runs is rendered here by
  :mod:`beltlib.report` (the published answers' result), so a host that strips
  scripts still shows a correct, static report.
- Numbers are typed as text and read with the page language's conventions
  (English ``1,234.5``, French ``1 234,5``; see ``parseNumber`` in the script):
  ``1,5`` is 1.5 in French and refused in English, never read as 15. A text that
  is not a valid answer shows :func:`field_message` under its field, and the
  result keeps the field's last valid answer.
- The result (``belt-result``) is a polite live region updated in place: a
  screen reader hears the sentences that changed, such as the new belt.

Hooks (public contract): ``belt-q-<field>`` wraps each control (a native
``<input>`` or ``<select>`` inside), ``belt-lang`` the language switch,
``belt-reset`` the reset button, ``belt-result`` the result,
``belt-plot-population`` and ``belt-plot-effort`` the plots.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any, Mapping

from .. import report, rules
from ..answers import FIELDS, GROUPS, Answers, atomic_write_text, validate
from ..assessment import Assessment, assess
from ..texts import CATALOGUE, LANGS, check_lang, number, t

PACKAGE_DIR = Path(__file__).resolve().parent
#: The page's evaluator and UI code, inlined into the page (package data).
SCRIPT_FILE = PACKAGE_DIR / "interactive.js"
#: The page's own style rules, added after the static report's stylesheet.
STYLE_FILE = PACKAGE_DIR / "interactive.css"
#: Where ``publish --interactive`` writes when no ``-o`` is given (relative to the current folder).
#: Where the page is written by default (also ``python -m beltlib publish --interactive``'s).
DEFAULT_OUTPUT = Path("build") / "belt-report-interactive.html"
#: Issue 6's size limit for the page, in bytes (checked by the tests).
MAX_BYTES = 600_000
#: Ids that matplotlib's SVG parts carry and the page moves (see :mod:`beltlib.plots`).
MOVED_IDS = {"population": ("pop-you-line", "pop-you-marker", "pop-you-label"),
             "effort": ("effort-you",)}
#: Prefix of the SVG-internal ids (markers, clip paths) of each plot kind, so the
#: two plots shown together never share an id.
ID_PREFIX = {"population": "bp-", "effort": "be-"}
_KEEP_IDS = re.compile(r"^(pop|effort)-")


_e = report.escape


# ------------------------------------------------------------------ data
def field_specs() -> dict[str, dict[str, Any]]:
    """The answers fields the page asks for (all of :data:`FIELDS` but ``schema``), as JSON-able specs."""
    return {f: dict(spec) for f, spec in FIELDS.items() if f != "schema"}


def input_text(value: float, lang: str = "en") -> str:
    """A number as the page writes it into its text input (the script's ``inputText``).

    Shortest digits that read back as the same value, no thousands separator, the
    language's decimal mark: ``input_text(1.5, "fr") == "1,5"``, ``input_text(150) == "150"``.
    """
    check_lang(lang)
    if float(value).is_integer():
        text = str(int(value))
    else:
        text = repr(float(value))
        if "e" in text:
            text = format(value, ".20f").rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def field_message(field: str, lang: str = "en", kept: float | None = None) -> str:
    """What a number field of the page accepts, naming the field (the script's ``fieldMessage``).

    Shown under the field while its text is not a valid answer, e.g.
    ``"Connections (count): enter a whole number from 0 to 30,000. The result still
    uses 150."``. The limits are :data:`beltlib.answers.FIELDS`'s.

    Args:
        field: a number field (``int`` or ``number`` kind).
        lang: ``"en"`` or ``"fr"``.
        kept: the answer the result still uses (the field's last valid one), or None (no such sentence).

    Raises:
        ValueError: ``field`` is not a number field (allowed: the ``int`` and ``number`` fields).
    """
    spec = FIELDS.get(field)
    if spec is None or spec["kind"] not in ("int", "number"):
        allowed = ", ".join(f for f, s in FIELDS.items() if s["kind"] in ("int", "number"))
        raise ValueError(f"field: got {field!r} (allowed: one of {allowed})")

    def limit(v: float) -> str:
        return number(v, lang, 2 if spec["kind"] == "number" and v % 1 else 0)

    values = {"field": t(f"field.{field}", lang), "min": limit(spec["min"])}
    if spec["max"] is None:
        text = t(f"page.need_{spec['kind']}_min", lang, **values)
    else:
        text = t(f"page.need_{spec['kind']}_range", lang, **values, max=limit(spec["max"]))
    from ..numbers import kept_text  # the live notebook's wording of the kept value, shared
    return text if kept is None else f"{text} {t('page.kept', lang, value=kept_text(kept, lang))}"


#: A catalogue key or key prefix as the page's script writes it (a double-quoted literal).
_SCRIPT_KEY = re.compile(r'"([a-z_]+(?:\.[a-z0-9_]+)*\.?)"')


def page_text_keys(body: str, script: str | None = None) -> list[str]:
    """The catalogue keys a page uses, so only their texts are embedded.

    Derived, not listed: the ``data-t`` keys of the page's HTML (texts the
    script re-translates) and the keys the script names — every double-quoted
    literal of ``interactive.js`` that is a catalogue key, and every key that
    starts with a double-quoted literal ending with a dot (``"marker."``).

    Args:
        body: the page's HTML (at least everything that carries ``data-t``).
        script: the page's script (:func:`page_script`); read from the package when None.

    Returns:
        list[str]: sorted keys, each present in every language.
    """
    known = CATALOGUE["en"]
    keys = set(re.findall(r'data-t="([^"]+)"', body))
    for literal in _SCRIPT_KEY.findall(script if script is not None else page_script()):
        if literal.endswith("."):
            keys.update(k for k in known if k.startswith(literal))
        elif literal in known:
            keys.add(literal)
    unknown = sorted(k for k in keys if k not in known)
    if unknown:
        raise ValueError(f"data-t: unknown catalogue keys {unknown}")
    return sorted(keys)


def _svg_baselines(answers: Answers) -> tuple[Assessment, dict[str, Assessment]]:
    """The assessments the pre-rendered SVGs are drawn for.

    The population plot is drawn for the published answers, or — when they have
    no profile, so no "you" mark — for the same answers with a findable profile
    (the page hides the mark). The effort plot is drawn once per persona.
    """
    base = assess(answers)
    if base.belt == "none":
        base = assess(answers.replace(findable="easy_to_find"))
    return base, {p: assess(answers.replace(persona=p)) for p in rules.PERSONAS}


def _axis(scale: str, v0: float, v1: float, p0: float, p1: float) -> dict[str, Any]:
    f = math.log10 if scale == "log" else (lambda v: v)
    a = (p1 - p0) / (f(v1) - f(v0))
    return {"scale": scale, "a": a, "b": p0 - a * f(v0)}


def plot_geometry(fig: Any) -> dict[str, Any]:
    """The data-to-SVG mapping of a figure's (only) Axes, as the page uses it.

    SVG user units are points (72 per inch) from the top-left corner, as
    matplotlib's SVG backend writes them. Along each axis the SVG coordinate is
    ``a * T(v) + b`` with ``T = log10`` on a log axis, the identity otherwise.

    Args:
        fig: a :class:`matplotlib.figure.Figure` from :func:`beltlib.plots.figure`.

    Returns:
        dict: ``width``, ``height`` (SVG units) and ``x``, ``y`` (each
        ``{"scale", "a", "b"}``).

    Raises:
        ValueError: a y axis that is not linear (the page does not map those).
    """
    ax = fig.axes[0]
    if ax.get_yscale() != "linear":
        raise ValueError(f"yscale: got {ax.get_yscale()!r} (allowed: linear)")
    width, height = fig.get_figwidth() * 72.0, fig.get_figheight() * 72.0
    to_fraction = fig.transFigure.inverted()

    def svg_xy(x: float, y: float) -> tuple[float, float]:
        fx, fy = to_fraction.transform(ax.transData.transform((x, y)))
        return float(fx) * width, (1.0 - float(fy)) * height

    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    (px0, py0), (px1, py1) = svg_xy(x0, y0), svg_xy(x1, y1)
    return {"width": width, "height": height, "x": _axis(ax.get_xscale(), x0, x1, px0, px1),
            "y": _axis("linear", y0, y1, py0, py1)}


def _group_span(svg: str, gid: str) -> tuple[int, int] | None:
    """Start and end offsets of the ``<g id="gid">`` element (nested groups counted)."""
    start = svg.find(f'<g id="{gid}"')
    if start < 0:
        return None
    depth, pos = 0, start
    for m in re.finditer(r"<g[\s>]|</g>", svg[start:]):
        depth += -1 if m.group(0) == "</g>" else 1
        if depth == 0:
            pos = start + m.end()
            return start, pos
    raise ValueError(f"unbalanced SVG group {gid!r}")


def clean_svg(svg: str, kind: str, hide_you: bool = False) -> str:
    """Make a matplotlib SVG fit to inline into the page.

    Drops the XML prolog, doctype and metadata; removes matplotlib's unreferenced
    automatic ids; prefixes the referenced ones (markers, clip paths) with
    :data:`ID_PREFIX` so the two plots on one page never share an id; keeps the
    ``pop-*``/``effort-*`` ids; takes the moved "you" parts out of the axes clip
    (so a mark at the edge stays whole wherever it moves); collapses whitespace.

    Args:
        svg: text from :func:`beltlib.plots.render_svg`.
        kind: ``"population"`` or ``"effort"``.
        hide_you: hide the population plot's "you" parts (no profile).

    Returns:
        str: one ``<svg>`` element.
    """
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    referenced = set(re.findall(r'(?:url\(#|href=")#?([^")]+)[")]', svg))
    prefix = ID_PREFIX[kind]

    def fix_id(m: re.Match[str]) -> str:
        ident = m.group(1)
        if ident in referenced:
            return f' id="{prefix}{ident}"'
        return f' id="{ident}"' if _KEEP_IDS.match(ident) else ""

    svg = re.sub(r' id="([^"]+)"', fix_id, svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', svg)
    for gid in MOVED_IDS[kind]:
        span = _group_span(svg, gid)
        if span is None:
            continue
        a, b = span
        part = re.sub(r'\s*clip-path="url\(#[^)]+\)"', "", svg[a:b])
        if hide_you and kind == "population":
            part = part.replace(f'<g id="{gid}"', f'<g id="{gid}" display="none"', 1)
        svg = svg[:a] + part + svg[b:]
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    return svg.replace("<svg ", '<svg focusable="false" ', 1).strip()


def _with_title(svg: str, text: str) -> str:
    i = svg.index(">") + 1
    return svg[:i] + f"<title>{_e(text)}</title>" + svg[i:]


def build_plots(answers: Answers) -> tuple[dict[str, str], dict[str, Any]]:
    """Draw every SVG the page may show and the data to move their parts.

    Returns:
        (svgs, plots): ``svgs`` maps a template key (``population-<lang>``,
        ``effort-<lang>-<persona>``) to cleaned SVG text; ``plots`` is the page
        data: per kind the geometry (:func:`plot_geometry`) and the baseline
        position of the "you" parts in the drawn SVGs, plus the clamps the
        plots apply (:data:`beltlib.plots.YOU_LABEL_RANGE`, :data:`beltlib.plots.HOURS_RANGE`).
    """
    from .. import plots

    pop_base, effort_base = _svg_baselines(answers)
    hide = assess(answers).belt == "none"
    svgs, geometry = {}, {}
    for lang in LANGS:  # the mapping does not depend on the language: taken from the first one drawn
        fig = plots.figure(pop_base, "population", lang)
        geometry.setdefault("population", plot_geometry(fig))
        svgs[f"population-{lang}"] = clean_svg(plots.svg_text(fig), "population", hide)
        for persona, a in effort_base.items():
            fig = plots.figure(a, "effort", lang)
            if persona == answers.persona:
                geometry.setdefault("effort", plot_geometry(fig))
            svgs[f"effort-{lang}-{persona}"] = clean_svg(plots.svg_text(fig), "effort")
    lo, hi = plots.HOURS_RANGE
    data = {
        "population": {"geometry": geometry["population"],
                       "baseline": pop_base.percentile, "label_range": list(plots.YOU_LABEL_RANGE)},
        "effort": {"geometry": geometry["effort"],
                   "hours_range": [lo, hi],
                   "baseline": {p: [min(max(a.hours_per_week, lo), hi), a.usefulness] for p, a in effort_base.items()}},
    }
    return svgs, data


def page_data(answers: Answers, lang: str = "en", title: str | None = None,
              provenance: Mapping[str, str] | None = None, plots: dict[str, Any] | None = None,
              text_keys: list[str] | None = None) -> dict[str, Any]:
    """Everything the page's script reads, as one JSON-able dict.

    Args:
        answers: the published answers (the page starts from them; reset returns to them).
        lang: the page's first language.
        title: the publisher's title, or None (then the catalogue's default title, per language).
        provenance: field -> ``"you"`` or ``"export"`` (answers prefilled from a LinkedIn export), or None.
        plots: the ``plots`` part of :func:`build_plots` (None: left out, for evaluator-only use).
        text_keys: the catalogue keys to embed (:func:`page_text_keys`); None: the whole catalogue.

    Returns:
        dict with ``lang``, ``langs``, ``title``, ``initial``, ``provenance``,
        ``field_order``, ``fields``, ``rules`` (:func:`beltlib.rules.rules_table`),
        ``catalogue`` (:data:`beltlib.texts.CATALOGUE`, per language only ``text_keys``),
        ``colours`` and ``plots``.
    """
    specs = field_specs()
    catalogue = CATALOGUE if text_keys is None else {x: {k: CATALOGUE[x][k] for k in text_keys} for x in LANGS}
    return {
        "lang": check_lang(lang), "langs": list(LANGS), "title": title,
        "initial": answers.to_dict(), "provenance": dict(provenance) if provenance else None,
        "field_order": [f for g in GROUPS for f, s in specs.items() if s["group"] == g],
        "fields": specs, "rules": rules.rules_table(), "catalogue": catalogue,
        "colours": {"belt": dict(report.BELT_COLOURS), "belt_text": dict(report.BELT_TEXT_COLOURS)},
        "plots": plots,
    }


def script_json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``
    (valid JSON, same value), so no text in the data can close the script
    element or open a comment.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_script() -> str:
    """The page's JavaScript (``beltlib/publish/interactive.js``), checked safe to inline.

    Raises:
        ValueError: the file contains ``</script`` or ``<!--`` (it would break out of its element).
    """
    code = SCRIPT_FILE.read_text(encoding="utf-8")
    if re.search(r"</script|<!--", code, re.I):
        raise ValueError("beltlib/publish/interactive.js must not contain '</script' or '<!--'")
    return code


def page_style() -> str:
    """The static report's stylesheet (:mod:`beltlib.publish`'s template) plus the page's own rules."""
    from .static import TEMPLATE_NAME, TEMPLATES_DIR
    base = (TEMPLATES_DIR / TEMPLATE_NAME / "static" / "belt.css").read_text(encoding="utf-8")
    css = base + "\n" + STYLE_FILE.read_text(encoding="utf-8")
    if re.search(r"</style", css, re.I):
        raise ValueError("stylesheet must not contain '</style'")
    return css


# ------------------------------------------------------------------ HTML
def _t(key: str, lang: str, tag: str = "span", attrs: str = "") -> str:
    """An element whose text the page re-translates (``data-t``)."""
    return f'<{tag}{attrs} data-t="{_e(key)}">{_e(t(key, lang))}</{tag}>'


def _per_lang(lang: str, build: Any) -> str:
    """The same block in every language; only ``lang``'s is shown (the page switches ``hidden``)."""
    return "".join(f'<div data-lang="{x}"{"" if x == lang else " hidden"}>{build(x)}</div>' for x in LANGS)


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
        controls = "".join(_control_html(f, s, answers, lang, provenance) for f, s in specs.items() if s["group"] == group)
        out.append(f'<fieldset class="belt-group belt-group-{group}">{_t(f"group.{group}", lang, "legend")}'
                   f'{controls}</fieldset>')
    return "".join(out)


def _heading(key: str, section: str, lang: str) -> str:
    return _t(key, lang, "h2", f' class="belt-heading belt-heading-{section}" id="belt-heading-{section}"')


def export_section_html(summary: Any, lang: str) -> str:
    """What the LinkedIn export shows and its timeline, in every language (only ``lang``'s
    shown): :func:`beltlib.report.export_summary_html` and :func:`beltlib.app.ui.timeline_img_html`
    (counts and dates only). Static: the reader's changes do not alter the archive's facts."""
    from ..linkedin.timeline import timeline_img_html
    return (f'<section class="belt-section belt-section-export_summary">'
            f'{_heading("export.section_title", "export_summary", lang)}'
            f'{_per_lang(lang, lambda x: report.export_summary_html(summary, x) + timeline_img_html(summary, x))}'
            f'</section>')


def render_page(answers: Answers | Mapping[str, Any], lang: str = "en", title: str | None = None,
                provenance: Mapping[str, str] | None = None, date: Any = None, export_summary: Any = None) -> str:
    """The whole interactive page as HTML text.

    Args:
        answers: the published answers (validated :class:`Answers`, or a mapping that is validated).
        lang: ``"en"`` or ``"fr"``: the page's first language (the reader can switch).
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        provenance: field -> ``"you"``/``"export"``, or None.
        date: the generation date (default :func:`beltlib.publish.generation_date`).
        export_summary: the :class:`beltlib.linkedin.ExportSummary` the answers were prefilled
            from, or None: adds its summary and timeline (:func:`export_section_html`) and the
            export mapping's assumptions to the method section.

    Returns:
        str: one self-contained HTML document (no external resource).

    Raises:
        AnswersError: invalid answers (every bad field named). ValueError: unknown ``lang``.
    """
    from .static import generation_date, label_table_cells

    check_lang(lang)
    if not isinstance(answers, Answers):
        answers = validate(answers)
    a = assess(answers)

    def extra(x: str) -> list[dict[str, Any]] | None:
        return report.export_assumptions(x) if export_summary is not None else None

    svgs, plot_data = build_plots(answers)
    page_title = title if title else t("report.default_title", lang)
    day = generation_date(date).isoformat()
    h1_attrs = ' class="belt-title"' if title else ' class="belt-title" data-t="report.default_title"'
    alt = {k: report_alt(a, k, lang) for k in ("population", "effort")}
    live = {"population": _with_title(svgs[f"population-{lang}"], alt["population"]),
            "effort": _with_title(svgs[f"effort-{lang}-{answers.persona}"], alt["effort"])}
    # The result is a polite live region: the script updates it in place, sentence by sentence.
    result = label_table_cells(report.result_html(a, lang)).replace(
        '<div class="belt-result"', '<div aria-live="polite" class="belt-result"', 1)
    templates = "\n".join(f'<template id="belt-svg-{k}">{v}</template>' for k, v in svgs.items())
    lang_options = "".join(f'<option value="{x}" lang="{x}"{" selected" if x == lang else ""}>{_e(t(f"ui.lang.{x}", x))}'
                           f"</option>" for x in LANGS)
    body = f"""<main class="belt-report belt-report-interactive">
<header class="belt-header">
<h1{h1_attrs}>{_e(page_title)}</h1>
<div class="belt-toolbar">
<div class="belt-lang">{_t("ui.lang", lang, "label", ' for="belt-lang-select"')}<select id="belt-lang-select" name="lang">{lang_options}</select></div>
{_t("page.reset", lang, "button", ' type="button" class="belt-reset"')}
</div>
{_t("page.hint", lang, "p", ' class="belt-hint"')}
<noscript><p class="belt-noscript">{_e(t("page.noscript", lang))}</p></noscript>
</header>
<section class="belt-section belt-section-intro">{_heading("intro.title", "intro", lang)}{_per_lang(lang, report.intro_html)}</section>
{export_section_html(export_summary, lang) if export_summary is not None else ""}
<div class="belt-live">
<form class="belt-questions" novalidate aria-labelledby="belt-heading-questionnaire">{_heading("answers.title", "questionnaire", lang)}
{questions_html(answers, lang, provenance)}
</form>
<div class="belt-outcome">
<section class="belt-section belt-section-result">{_heading("result.title", "result", lang)}
{result}</section>
<section class="belt-section belt-section-population">{_heading("plot.population.title", "population_plot", lang)}
<figure class="belt-plot belt-plot-population" role="img" aria-label="{_e(alt["population"])}">{live["population"]}</figure></section>
<section class="belt-section belt-section-effort">{_heading("plot.effort.title", "effort_plot", lang)}
<figure class="belt-plot belt-plot-effort" role="img" aria-label="{_e(alt["effort"])}">{live["effort"]}</figure></section>
<section class="belt-section belt-section-plan">{_heading("plan.title", "action_plan", lang)}
{report.plan_html(a, lang)}</section>
</div>
</div>
<section class="belt-section belt-section-synthesis">{_heading("synthesis.title", "synthesis", lang)}{_per_lang(lang, lambda x: label_table_cells(report.synthesis_html(x)))}</section>
<section class="belt-section belt-section-method">{_heading("method.title", "method", lang)}{_per_lang(lang, lambda x: label_table_cells(report.method_html(x, extra(x))))}</section>
</main>
<footer class="belt-generated">{_per_lang(lang, lambda x: f"<p>{_e(t('report.generated', x, date=day))}</p>")}</footer>
{templates}"""
    script = page_script()
    data = page_data(answers, lang, title, provenance, plot_data, page_text_keys(body, script))
    body += f"""
<script type="application/json" id="belt-data">{script_json(data)}</script>
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
<title>{_e(page_title)}</title>
<style>
{page_style()}
</style>
</head>
<body class="belt-page belt-interactive">
{body}
</body>
</html>
""")


def report_alt(a: Assessment, kind: str, lang: str) -> str:
    """The plot's alt text (:func:`beltlib.plots.alt_text`)."""
    from ..plots import alt_text
    return alt_text(a, kind, lang)


def publish_interactive(answers: Answers | Mapping[str, Any], lang: str = "en", title: str | None = None,
                        output: str | Path | None = None, provenance: Mapping[str, str] | None = None,
                        date: Any = None, export_summary: Any = None) -> Path:
    """Write the interactive page: one offline HTML file (atomic replace).

    Args:
        answers: the published answers (:class:`Answers` or a mapping, validated first).
        lang: ``"en"`` or ``"fr"``: the page's first language.
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        output: the file to write (default :data:`DEFAULT_OUTPUT`, relative to the current folder).
        provenance: field -> ``"you"``/``"export"`` (marks answers prefilled from a LinkedIn export), or None.
        date: the generation date shown (default :func:`beltlib.publish.generation_date`).
        export_summary: the LinkedIn export's summary the answers were prefilled from, or
            None (see :func:`render_page`).

    Returns:
        Path: the file written.

    Raises:
        AnswersError: invalid answers (nothing written). ValueError: unknown ``lang``.

    Source: issue 6; the route of ``shared/notes/kernel-free.md`` (rules as data + a small evaluator).
    """
    page = render_page(answers, lang=lang, title=title, provenance=provenance, date=date,
                       export_summary=export_summary)
    out = Path(output) if output is not None else DEFAULT_OUTPUT
    atomic_write_text(out, page)
    return out
