"""The interactive page's plots: matplotlib SVGs cleaned to inline, and the data-to-SVG mapping.

The page shows one pre-rendered SVG per (kind, language[, persona]) and moves the parts that
carry ids (``pop-you-*``, ``effort-you*``) with the mapping computed here from matplotlib's
``transData``.
"""
from __future__ import annotations

import math
import re
from typing import Any

from .. import report, rules
from ..answers import Answers
from ..assessment import Assessment, assess
from ..texts import LANGS

#: Ids that matplotlib's SVG parts carry and the page moves (see :mod:`beltlib.plots`).
MOVED_IDS = {"population": ("pop-you-line", "pop-you-marker", "pop-you-label"),
             "effort": ("effort-you", "effort-you-label", "effort-you-arrow")}
#: Prefix of the SVG-internal ids (markers, clip paths) of each plot kind, so the
#: two plots shown together never share an id.
ID_PREFIX = {"population": "bp-", "effort": "be-"}
_KEEP_IDS = re.compile(r"^(pop|effort)-")

_e = report.escape


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


def clean_svg(svg: str, kind: str, hide_you: bool = False, hide_arrow: bool = False) -> str:
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
        hide_arrow: hide the effort plot's off-axis arrow (the hours fit the axis; the page shows it).

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
        if (hide_you and kind == "population") or (gid == "effort-you-arrow" and hide_arrow):
            part = part.replace(f'<g id="{gid}"', f'<g id="{gid}" display="none"', 1)
        svg = svg[:a] + part + svg[b:]
    svg = re.sub(r">\s+<", "><", svg)
    svg = re.sub(r"\s*\n\s*", " ", svg)
    return svg.replace("<svg ", '<svg focusable="false" ', 1).strip()


def with_title(svg: str, text: str) -> str:
    i = svg.index(">") + 1
    return svg[:i] + f"<title>{_e(text)}</title>" + svg[i:]


def label_data(fig: Any) -> dict[str, Any]:
    """What the page needs to place the effort plot's "you" label by :func:`beltlib.plots.place_labels`' rule.

    Matplotlib's own measures, in SVG units (points from the top-left corner), so the page and the
    static drawing choose the same slot: the drawn label's offset from the mark (``dx``, ``dy``: points,
    dy up), its size (``width``, ``height``), the boxes it must not cover that stay put (``obstacles``:
    belt points, their labels, "best balance", the model's caveat) and the mark's and the arrow's
    boxes relative to the mark's centre (``mark``, ``arrow``).

    Args:
        fig: an effort plot from :func:`beltlib.plots.figure` (``all_parts=True``).

    Returns:
        dict: ``dx``, ``dy``, ``width``, ``height``, ``obstacles``, ``mark``, ``arrow``.
    """
    from .. import plots

    ax = fig.axes[0]
    renderer = fig._get_renderer()
    k, top = 72.0 / fig.dpi, fig.get_figheight() * 72.0

    def box(artist: Any) -> list[float]:
        b = artist.get_window_extent(renderer)
        return [round(b.x0 * k, 3), round(top - b.y1 * k, 3), round(b.x1 * k, 3), round(top - b.y0 * k, 3)]

    parts = {a.get_gid(): a for a in ax.get_children() if str(a.get_gid() or "").startswith(plots.YOU_OBSTACLES)}
    label = next(x for x in ax.texts if x.get_gid() == "effort-you-label")
    dx, dy = label.xyann
    mark = box(parts["effort-you"])
    cx, cy = (mark[0] + mark[2]) / 2, (mark[1] + mark[3]) / 2

    def around(b: list[float]) -> list[float]:
        return [round(b[0] - cx, 3), round(b[1] - cy, 3), round(b[2] - cx, 3), round(b[3] - cy, 3)]

    own = box(label)
    return {"dx": round(float(dx), 3), "dy": float(dy), "width": round(own[2] - own[0], 3),
            "height": round(own[3] - own[1], 3), "mark": around(mark), "arrow": around(box(parts["effort-you-arrow"])),
            "obstacles": [box(a) for g, a in parts.items() if not g.startswith("effort-you")]}


def build_plots(answers: Answers) -> tuple[dict[str, str], dict[str, Any]]:
    """Draw every SVG the page may show and the data to move their parts.

    Returns:
        (svgs, plots): ``svgs`` maps a template key (``population-<lang>``,
        ``effort-<lang>-<persona>``) to cleaned SVG text; ``plots`` is the page
        data: per kind the geometry (:func:`plot_geometry`) and the baseline
        position of the "you" parts in the drawn SVGs, plus the clamps the
        plots apply (:data:`beltlib.plots.YOU_LABEL_RANGE`, :data:`beltlib.plots.HOURS_RANGE`) and the
        effort plot's label slots (:data:`beltlib.plots.YOU_LABEL_SLOTS`: the page places the "you"
        label with the same rule as :func:`beltlib.plots.place_labels`).
    """
    from .. import plots

    pop_base, effort_base = _svg_baselines(answers)
    hide = assess(answers).belt == "none"
    svgs, geometry = {}, {}
    slots: dict[str, dict[str, list[float]]] = {}
    for lang in LANGS:  # the mapping does not depend on the language: taken from the first one drawn
        fig = plots.figure(pop_base, "population", lang)
        geometry.setdefault("population", plot_geometry(fig))
        svgs[f"population-{lang}"] = clean_svg(plots.svg_text(fig), "population", hide)
        for persona, a in effort_base.items():
            fig = plots.figure(a, "effort", lang, all_parts=True)
            if persona == answers.persona:
                geometry.setdefault("effort", plot_geometry(fig))
            slots.setdefault(lang, {})[persona] = label_data(fig)
            svgs[f"effort-{lang}-{persona}"] = clean_svg(plots.svg_text(fig), "effort",
                                                         hide_arrow=a.hours_per_week <= plots.HOURS_RANGE[1])
    lo, hi = plots.HOURS_RANGE
    data = {
        "population": {"geometry": geometry["population"],
                       "baseline": pop_base.percentile, "label_range": list(plots.YOU_LABEL_RANGE)},
        "effort": {"geometry": geometry["effort"],
                   "hours_range": [lo, hi], "y_range": [0.0, plots.EFFORT_Y_TOP],
                   "label_slots": [list(slot) for slot in plots.YOU_LABEL_SLOTS], "label_gap": plots.YOU_LABEL_GAP,
                   "label_pad": plots.LABEL_PAD, "label_baseline": slots,
                   "baseline": {p: [min(max(a.hours_per_week, lo), hi), max(a.usefulness, 0.0)]
                                for p, a in effort_base.items()}},
    }
    return svgs, data
