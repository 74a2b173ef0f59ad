"""Widget classes of the live report, built on first use so static mode never imports ipywidgets."""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from ..numbers import format_number
from ..texts import t

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



#: Seconds without a keystroke after which a typed number is taken (the page uses the same pause).
PAUSE_S = 0.8


def later(seconds: float, callback: Callable[[], None], thread: bool = True) -> Any:
    """Call ``callback`` after ``seconds`` on the kernel's event loop (a thread timer outside one).

    Args:
        seconds (float): the delay.
        callback: called once, with no argument.
        thread (bool): outside an event loop, call it from a timer thread (True) or not at all (False:
            work that must not run beside the caller's thread, e.g. drawing with matplotlib).

    Returns:
        An object with ``cancel()``; None when ``thread`` is False and no event loop runs.
    """
    import asyncio
    try:
        return asyncio.get_running_loop().call_later(seconds, callback)
    except RuntimeError:  # no running loop (a plain script): a timer thread, if allowed
        if not thread:
            return None
        import threading
        timer = threading.Timer(seconds, callback)
        timer.daemon = True
        timer.start()
        return timer


class CallbackErrors:
    """The last widget callback's unexpected error, shown to the person (never swallowed).

    Panels run their callbacks in :meth:`guard`; the panel that shows the error (the export
    panel's message area) registers with :meth:`on_change`.

    Args:
        lang: a callable giving the current language (the message is in it).
    """

    def __init__(self, lang: Callable[[], str]):
        self._lang = lang
        self._listeners: list[Callable[[], None]] = []
        #: The message, or ``""``.
        self.text = ""

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` when an error is caught."""
        self._listeners.append(listener)

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Run a widget callback: clears the last error; an unexpected one becomes :attr:`text`."""
        self.text = ""
        try:
            yield
        except Exception as exc:  # noqa: BLE001 - every callback error is shown to the person
            self.text = t("ui.callback_error", self._lang(), error=f"{type(exc).__name__}: {exc}")
            for listener in list(self._listeners):
                listener()


def set_value(widget: Any, value: Any) -> None:
    """Set a widget's ``value`` only when it changed (no message to the page otherwise)."""
    if widget.value != value:
        widget.value = value
