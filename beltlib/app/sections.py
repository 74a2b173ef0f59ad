"""Widgets of the live report that draw the document: one view per section, one per figure.

A :class:`SectionView` draws any section of :mod:`beltlib.document` (so a new section shows with
no change here): its heading, its runs of text blocks as ``HTML`` widgets (through
:mod:`beltlib.report`'s block renderer) and each figure block as a :class:`FigureView` (an
``Image`` and its caption). Each update sets a widget's value only when it changed, and a
section equal to the one last drawn is not rendered to HTML again (its figures are still asked).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .. import report as rep
from ..texts import t
from .html import body_value, plot_width_px
from .widgets import FILL, _section_class, set_value

_e = rep.escape

#: A plot drawer: (plot kind) -> (key of what it shows now, a callable giving its PNG bytes).
Plotter = Callable[[str], "tuple[Any, Callable[[], bytes]]"]


class FigureView:
    """A figure block in the live report: an ``Image`` (class ``belt-plot-<plot>``) and its caption
    (``belt-plot-caption``), in a ``VBox`` of class ``belt-figure``. The image is redrawn only when
    the key of what it shows changed.

    Args:
        plot (str): the plot's kind (``population``, ``effort`` or ``timeline``).
        plotter (Plotter): gives the key and the PNG of a plot now.
    """

    def __init__(self, plot: str, plotter: Plotter):
        import ipywidgets as w
        self.plot, self._plotter, self._key = plot, plotter, None
        # No ``tooltip`` on the Image: its view crashes without a description
        # (ipywidgets 8.1 updateTooltip); the caption below states the message.
        self.image = w.Image(format="png", layout=w.Layout(width=FILL, max_width=f"{plot_width_px(plot)}px",
                                                           height="auto"))
        self.image.add_class(f"belt-plot-{plot}")
        self.caption = w.HTML()
        self.widget = w.VBox([self.image, self.caption], layout=w.Layout(width="100%"))
        self.widget.add_class("belt-figure")

    def update(self, block: Mapping[str, Any]) -> None:
        """Show the figure block now: redraw the plot if what it shows changed; its caption.

        Args:
            block (Mapping[str, Any]): a ``figure`` block of the document.
        """
        key, png = self._plotter(self.plot)
        if key != self._key:
            self._key = key
            self.image.value = png()
        set_value(self.caption, f'<p class="belt-plot-caption">{_e(block["caption"])}</p>')


def runs(blocks: list[Mapping[str, Any]]) -> list[tuple[str, Any]]:
    """A section's blocks as runs: ``("html", [text blocks…])`` and ``("figure", block)``, in order."""
    out: list[tuple[str, Any]] = []
    for block in blocks:
        if block["kind"] == "figure":
            out.append(("figure", block))
        elif out and out[-1][0] == "html":
            out[-1][1].append(block)
        else:
            out.append(("html", [block]))
    return out


class SectionView:
    """One section of the document in the live report: a ``VBox`` (classes ``belt-app belt-section
    belt-section-<id>``) holding the heading (``belt-heading-<id>``) and either a panel's widget
    (the section is drawn by the panel) or the section's blocks.

    The text widgets carry the section's class (e.g. ``belt-result``, one per page) and hold
    ``<div class="<class>-body" data-*>``; figures are :class:`FigureView` s.

    Args:
        ident (str): the section's id.
        plotter (Plotter): draws figure blocks.
        panel: an object with ``widget`` and ``draw(section)`` that draws this section, or None.
    """

    def __init__(self, ident: str, plotter: Plotter, panel: Any = None):
        import ipywidgets as w
        self._w, self.ident, self._plotter, self.panel = w, ident, plotter, panel
        self.heading = w.HTML()
        self.parts: list[Any] = []  # HTML widgets and FigureViews, one per run
        self._shape: tuple[Any, ...] | None = None
        #: (section, lang, extra) as last drawn: an equal section is not rendered to HTML again.
        self._drawn: tuple[Any, ...] | None = None
        self.widget = _section_class()([self.heading, *([panel.widget] if panel is not None else [])],
                                       layout=w.Layout(width="100%"))
        for cls in ("belt-app", "belt-section", f"belt-section-{ident}"):
            self.widget.add_class(cls)
        #: The area the section was laid out in.
        self.area = ""

    @property
    def text(self) -> Any:
        """The section's first text widget (None for a panel or a section of figures only)."""
        return next((p for p in self.parts if not isinstance(p, FigureView)), None)

    def figures(self) -> list[FigureView]:
        """The section's figures, in order."""
        return [p for p in self.parts if isinstance(p, FigureView)]

    def update(self, sec: Mapping[str, Any] | None, lang: str, extra: str = "",
               fallback_title: str = "") -> None:
        """Draw the section as it is now.

        Args:
            sec (Mapping[str, Any] | None): the section, or None when the document has none now
                (a panel's section stays shown under ``fallback_title``; another is hidden).
            lang (str): the language (the plain-text fallback's words).
            extra (str): HTML put after the last text run (the result's status line).
            fallback_title (str): the heading of a panel's section the document does not hold now.
        """
        self.widget.layout.display = None if sec is not None or self.panel is not None else "none"
        if sec is None:
            self._drawn = None
            if self.panel is not None:
                set_value(self.heading, rep.heading_html({"id": self.ident, "title": fallback_title}))
                self.panel.draw(None)
            return
        same = (sec, lang, extra) == self._drawn  # the section as last drawn: its HTML is the same
        self._drawn = (sec, lang, extra)
        if not same:
            set_value(self.heading, rep.heading_html(sec))
            self.widget.plain_text = f"{sec['title']} ({t('ui.fallback', lang)})"
        if self.panel is not None:
            self.panel.draw(sec)
            return
        parts = runs(sec["blocks"])
        shape = tuple(kind if kind == "html" else ("figure", value["plot"]) for kind, value in parts)
        if shape != self._shape:
            self._build(sec, parts)
            self._shape, same = shape, False
        last_html = max((i for i, (kind, _) in enumerate(parts) if kind == "html"), default=-1)
        for i, ((kind, value), part) in enumerate(zip(parts, self.parts)):
            if kind == "figure":
                part.update(value)  # always asked: a plot may change while its caption does not
            elif not same:
                set_value(part, body_value(sec, value, extra if i == last_html else ""))

    def _build(self, sec: Mapping[str, Any], parts: list[tuple[str, Any]]) -> None:
        w = self._w
        self.parts = []
        for kind, value in parts:
            if kind == "figure":
                self.parts.append(FigureView(value["plot"], self._plotter))
            else:
                html = w.HTML()
                html.add_class(sec["class"])
                self.parts.append(html)
        self.widget.children = [self.heading, *(p.widget if isinstance(p, FigureView) else p for p in self.parts)]
