"""The report as plain HTML (``live=False``: publishing, nbval); ipywidgets is never imported.

Every section of :func:`beltlib.document.build`'s document is drawn by :mod:`beltlib.report`'s
renderer, in the document's order; nothing here names a section.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import document
from .. import report as rep
from .html import build_document, static_figure, title_html
from .state import ReportState


class StaticReport:
    """The report as plain display objects (no widgets, no kernel needed to view them).

    :meth:`show` returns the document's sections (all, or those of one area) as one
    :class:`IPython.display.HTML`; :meth:`section` one section. Each section id of the document is
    also a method (``report.result()`` is ``report.section("result")``), for scripts.

    Args:
        state (ReportState): the report's state (read only).
    """

    def __init__(self, state: ReportState):
        self.state = state

    def document(self) -> dict[str, Any]:
        """The report document as it is now (:func:`beltlib.app.html.build_document`)."""
        return build_document(self.state)

    def _sections_html(self, sections: list[dict[str, Any]], with_title: bool) -> str:
        figure = static_figure(self.state)
        title = title_html(self.state.title, self.state.lang)
        return "".join(rep.section_html(s, figure, before=title if with_title and i == 0 else "")
                       for i, s in enumerate(sections))

    def show(self, area: str | None = None):
        """The sections of the document, in its order, under the report's title.

        Args:
            area (str | None): only the sections of this area (:data:`beltlib.document.AREAS`);
                None: all. The title goes with the document's first section.

        Returns:
            IPython.display.HTML | None: the sections' HTML (``<section class="belt-section
            belt-section-<id>">`` each); None when the area has no section.

        Raises:
            ValueError: an unknown area (naming the allowed ones).
        """
        from IPython.display import HTML
        if area is not None and area not in document.AREAS:
            raise ValueError(f"area: got {area!r} (allowed: one of {', '.join(document.AREAS)})")
        sections = self.document()["sections"]
        first = sections[0]["id"] if sections else None
        shown = [s for s in sections if area is None or s["area"] == area]
        if not shown:
            return None
        return HTML(self._sections_html(shown, with_title=shown[0]["id"] == first))

    def section(self, ident: str):
        """One section of the document (the first one under the report's title).

        Args:
            ident (str): the section's id (:data:`beltlib.document.SECTION_IDS`).

        Returns:
            IPython.display.HTML | None: the section's HTML; None when the document has no such
            section now (the export's without an export).

        Raises:
            ValueError: an id that is no section of the document (naming the allowed ids).
        """
        from IPython.display import HTML
        if ident not in document.SECTION_IDS:
            raise ValueError(f"section: got {ident!r} (allowed: one of {', '.join(document.SECTION_IDS)})")
        sections = self.document()["sections"]
        sec = document.find({"sections": sections}, ident)
        if sec is None:
            return None
        return HTML(self._sections_html([sec], with_title=sec is sections[0]))

    def __getattr__(self, name: str) -> Callable[[], Any]:
        if name in document.SECTION_IDS:
            return lambda: self.section(name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def summary(self) -> None:
        """Print the report as plain text (:func:`beltlib.report.render_text`, the document's text)."""
        print(rep.render_text(self.state.assessment, self.state.lang, title=self.state.title), end="")
