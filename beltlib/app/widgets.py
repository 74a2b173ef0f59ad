"""Widget classes of the live report, built on first use so static mode never imports ipywidgets."""
from __future__ import annotations

from typing import Any

from ..numbers import format_number

#: Width of a control or image that fills its section: the full width less ipywidgets'
#: 2 px margins (``100%`` plus the margin went 2 px past the section's edge at 375 px).
FILL = "calc(100% - 4px)"


_SECTION_CLASS: Any = None


def _section_class() -> Any:
    """``ReportSection``: a ``VBox`` whose plain-text form (what a notebook viewer
    without the widget manager shows, e.g. an untrusted notebook) names the section
    instead of dumping its HTML. Built on first use, so ipywidgets stays unimported
    in static mode."""
    global _SECTION_CLASS
    if _SECTION_CLASS is None:
        import ipywidgets as w

        class ReportSection(w.VBox):
            plain_text = ""

            def __repr__(self) -> str:
                return self.plain_text or super().__repr__()

        _SECTION_CLASS = ReportSection
    return _SECTION_CLASS


_NUMBER_TEXT_CLASS: Any = None


def _number_text_class() -> Any:
    """``NumberText``: an ipywidgets ``Text`` for a count or number answer. It keeps
    exactly what the person typed (the live report reads it with :func:`parse_number`;
    ipywidgets' numeric boxes drop characters instead: "1,5" became 15). Its value is
    sent on Enter or when the box loses focus (``continuous_update=False``). Setting
    ``value`` to a number from Python shows it as text (:func:`format_number`), so
    scripts may still write ``controls["connections"].value = 150``."""
    global _NUMBER_TEXT_CLASS
    if _NUMBER_TEXT_CLASS is None:
        import ipywidgets as w
        import traitlets

        class NumberText(w.Text):
            value = traitlets.Union([traitlets.Unicode(), traitlets.Int(), traitlets.Float()],
                                    default_value="", help="The text in the box").tag(sync=True)

            @traitlets.validate("value")
            def _as_text(self, proposal: dict[str, Any]) -> str:
                value = proposal["value"]
                return value if isinstance(value, str) else format_number(value)

        _NUMBER_TEXT_CLASS = NumberText
    return _NUMBER_TEXT_CLASS

