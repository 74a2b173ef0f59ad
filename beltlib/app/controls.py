"""The questionnaire panel of the live report: one control per answers field, the language switch,
"Reset to example", "Undo reset" and "Download my answers". It draws the document's
``questionnaire`` section in the live app; its controls only feed :class:`beltlib.app.state.ReportState`
and it listens to the state (:meth:`ReportState.subscribe`) to show what changed."""
from __future__ import annotations

import base64
from typing import Any

from .. import report as rep
from ..answers import FIELDS, GROUPS, dumps
from ..numbers import format_number
from ..texts import LANGS, t
from .state import ReportState
from .widgets import FILL, PAUSE_S, CallbackErrors, _number_text_class, later, set_value

#: Choice fields shown as ToggleButtons (short labels); other choices use a Dropdown.
TOGGLE_FIELDS = ("findable", "profile", "reply_time")

_e = rep.escape


class QuestionnairePanel:
    """The questions as a panel (:attr:`widget`, a ``VBox``) that owns its controls.

    ``controls`` maps each answers field (not ``schema``) to its widget (counts and hours: a
    ``Text`` box that keeps what was typed; a refused value shows a message below it, class
    ``belt-field-error``); ``lang_switch`` (``belt-lang``), ``reset_button`` (``belt-reset``) and
    ``undo_button`` (``belt-undo-reset``, shown after a reset) are the other controls; ``labels``,
    ``origin_tags``, ``field_errors``, ``group_titles``, ``lang_label``, ``message`` and
    ``download`` (``belt-download``) the texts it shows; ``draft`` the hidden box the page script
    sends each keystroke of a number box to (taken after :data:`PAUSE_S` without another one).

    Args:
        state (ReportState): the shared state (the panel subscribes to it).
        errors (CallbackErrors): where an unexpected callback error goes.
    """

    #: The document section the panel draws in the live app.
    SECTION = "questionnaire"

    def __init__(self, state: ReportState, errors: CallbackErrors):
        import ipywidgets as w
        self._w, self.state, self.errors = w, state, errors
        self._syncing = False
        self.controls: dict[str, Any] = {}
        self.labels: dict[str, Any] = {}
        self.group_titles: dict[str, Any] = {}
        self.origin_tags: dict[str, Any] = {}
        self.field_errors: dict[str, Any] = {}  # count/number field -> its message widget
        self._draft_timers: dict[str, Any] = {}
        self._taken_text: dict[str, Any] = {}  # the last value each control gave (drafts never re-take it)
        self.lang_label = w.HTML(self._lang_label_value())
        self.lang_switch = w.ToggleButtons(options=[(t(f"ui.lang.{x}", self.lang), x) for x in LANGS],
                                           value=self.lang, style={"button_width": "auto"},
                                           layout=w.Layout(width="auto", height="auto"))
        self.lang_switch.add_class("belt-lang")
        self.lang_switch.observe(lambda c: self._on_lang(c["new"]), names="value")
        self.reset_button = w.Button(description=t("ui.reset", self.lang), icon="", layout=w.Layout(width="auto"))
        self.reset_button.add_class("belt-reset")
        self.reset_button.on_click(self._on_reset)
        self.undo_button = w.Button(description=t("ui.undo_reset", self.lang), icon="",
                                    layout=w.Layout(width="auto", display="none"))
        self.undo_button.add_class("belt-undo-reset")
        self.undo_button.on_click(self._on_undo)
        self.message = w.HTML("")
        # every keystroke in a number box reaches the kernel here at once ("field=text"), so a
        # number typed just before the tab closes is still taken after a pause (take_draft)
        self.draft = w.Text(value="", continuous_update=True, layout=w.Layout(display="none"))
        self.draft.add_class("belt-draft")
        self.draft.observe(self._on_draft, names="value")
        children = [self.message, self.draft, self.lang_label, self.lang_switch]
        for group in GROUPS:
            title = w.HTML(f"<h3>{_e(t(f'group.{group}', self.lang))}</h3>")
            self.group_titles[group] = title
            children.append(title)
            for field, spec in FIELDS.items():
                if spec["group"] == group:
                    children += self._field_widgets(field)
        self.download = w.HTML(self._download_value())
        self.download.add_class("belt-download-row")
        buttons = w.HBox([self.reset_button, self.undo_button, self.download], layout=w.Layout(margin="12px 0 0 0"))
        buttons.add_class("belt-reset-row")
        children.append(buttons)
        #: The panel's widget.
        self.widget = w.VBox(children, layout=w.Layout(width="100%"))
        self.widget.add_class("belt-questionnaire-panel")
        self._update_message()
        state.subscribe(self.refresh)

    @property
    def lang(self) -> str:
        """The report's language now."""
        return self.state.lang

    def _field_widgets(self, field: str) -> list[Any]:
        """A field's label (not for a checkbox), control, error message and origin tag."""
        w, spec = self._w, FIELDS[field]
        out = []
        ctl = self._make_control(field)
        if spec["kind"] != "bool":
            label = w.HTML(self._field_label(field))
            label.add_class("belt-field-label")
            self.labels[field] = label
            out.append(label)
        out.append(ctl)
        if field in self.field_errors:
            self._update_field_error(field)
            out.append(self.field_errors[field])
        if spec["kind"] == "bool":  # no label widget: the origin tag goes below the checkbox
            self.origin_tags[field] = w.HTML(layout=w.Layout(margin="0 0 4px 0"))
            self._update_origin_tag(field)
            out.append(self.origin_tags[field])
        return out

    def draw(self, section: Any) -> None:
        """The document's ``questionnaire`` section is the answers as a table (the static view's);
        the panel shows them as its controls, so it draws nothing of it.

        Args:
            section: the section now (unused).
        """

    # ------------------------------------------------------------ the state's changes
    def refresh(self, reason: str) -> None:
        """Show the state's answers, labels and messages (a :meth:`ReportState.subscribe` listener).

        Args:
            reason (str): ``"answers"``, ``"lang"`` or ``"export"``.
        """
        self._sync_controls()
        self._update_message()
        set_value(self.download, self._download_value())

    def _update_message(self) -> None:
        text = self.state.message_text()
        set_value(self.message, f'<p class="belt-message" role="alert">{_e(text)}</p>' if text else "")
        self.message.layout.display = None if text else "none"

    def _download_value(self) -> str:
        """ "Download my answers" (issue 13, hook ``belt-download``): a link whose ``data:`` URL holds the
        answers the result uses, as :func:`beltlib.answers.dumps` writes them (``answers.json``; no name,
        no path); the browser saves it with no request to any server. Beside it "Add my plan to my
        calendar" (``belt-download-plan``, issue 18): the same plan as ``belt-report plan --ics``
        (:func:`beltlib.calendar.to_ics`), as ``belt-plan.ics``."""
        from ..calendar import build_plan, to_ics
        data = base64.b64encode(dumps(self.state.answers).encode("utf-8")).decode("ascii")
        ics = base64.b64encode(to_ics(build_plan(self.state.assessment, self.lang)).encode("utf-8")).decode("ascii")
        return (f'<a class="belt-download" download="answers.json" '
                f'href="data:application/json;charset=utf-8;base64,{data}">{_e(t("page.download", self.lang))}</a> '
                f'<a class="belt-download-plan" download="belt-plan.ics" '
                f'href="data:text/calendar;charset=utf-8;base64,{ics}">{_e(t("page.download_plan", self.lang))}</a>')

    def _origin_html(self, field: str) -> str:
        """The answer's origin tag ("from your export"/"from you"), or ``""`` without an export."""
        provenance = self.state.provenance
        if not provenance:
            return ""
        origin = provenance.get(field, "you")
        return f'<span class="belt-origin belt-origin-{origin}">{_e(t(f"origin.{origin}", self.lang))}</span>'

    def _lang_label_value(self) -> str:
        return f'<label id="belt-label-lang" data-belt-for="belt-lang">{_e(t("ui.lang", self.lang))}</label>'

    def _field_label(self, field: str) -> str:
        """The visible label of a control; the page script ties it to the control (``data-belt-for``)."""
        return (f'<label id="belt-label-{field}" data-belt-for="belt-q-{field}">{_e(t(f"field.{field}", self.lang))}'
                f"</label>{self._origin_html(field)}")

    def _update_origin_tag(self, field: str) -> None:
        tag = self.origin_tags[field]
        value = self._origin_html(field)
        set_value(tag, value)
        tag.layout.display = None if value else "none"

    def _options(self, field: str) -> list[tuple[str, Any]]:
        return [(t(f"choice.{field}.{c}", self.lang), c) for c in FIELDS[field]["choices"]]

    def _make_control(self, field: str) -> Any:
        w = self._w
        spec = FIELDS[field]
        value = self.state.answers[field]
        full = w.Layout(width="auto", max_width="100%")
        if spec["kind"] == "choice" and field in TOGGLE_FIELDS:
            ctl = w.ToggleButtons(options=self._options(field), value=value, style={"button_width": "auto"},
                                  layout=w.Layout(width="auto", height="auto"))
        elif spec["kind"] == "choice":
            ctl = w.Dropdown(options=self._options(field), value=value,
                             layout=w.Layout(width=FILL, max_width="420px"))
        elif spec["kind"] == "bool":
            ctl = w.Checkbox(value=value, description=t(f"field.{field}", self.lang), indent=False, layout=full)
        else:  # a count or a number: a text box that keeps what was typed
            ctl = _number_text_class()(value=format_number(value, self.lang), continuous_update=False,
                                       layout=w.Layout(width="10em"))
            ctl.add_class("belt-number")  # the page script marks typed text not taken yet
            error = w.HTML(layout=w.Layout(display="none"))
            error.add_class("belt-field-error")
            error.add_class(f"belt-field-error-{field}")
            self.field_errors[field] = error
        ctl.add_class(f"belt-q-{field}")
        ctl.observe(lambda change, f=field: self._on_control(f, change["new"]), names="value")
        self.controls[field] = ctl
        return ctl

    def _update_field_error(self, field: str) -> None:
        text = self.state.input_error_text(field)
        widget, ctl = self.field_errors[field], self.controls[field]
        set_value(widget, f'<p class="belt-message belt-field-error-text" role="alert">{_e(text)}</p>' if text else "")
        widget.layout.display = None if text else "none"
        if text:
            ctl.add_class("belt-invalid")
        else:
            ctl.remove_class("belt-invalid")

    def _sync_controls(self) -> None:
        """Put the state's answers and labels into the controls without echoing back."""
        self._syncing = True
        try:
            for field, ctl in self.controls.items():
                spec = FIELDS[field]
                value = self.state.answers[field]
                if spec["kind"] == "choice":
                    options = self._options(field)
                    if list(ctl.options) != options:
                        ctl.options = options
                elif spec["kind"] == "bool":
                    set_value_attr(ctl, "description", t(f"field.{field}", self.lang))
                if field in self.field_errors:
                    if field not in self.state.input_errors:  # else: keep the refused text as typed
                        value = format_number(value, self.lang)
                        if ctl.value.strip() != value:
                            ctl.value = value
                    self._update_field_error(field)
                elif ctl.value != value:
                    ctl.value = value
            for field, label in self.labels.items():
                set_value(label, self._field_label(field))
            for field in self.origin_tags:
                self._update_origin_tag(field)
            for group, title in self.group_titles.items():
                set_value(title, f"<h3>{_e(t(f'group.{group}', self.lang))}</h3>")
            options = [(t(f"ui.lang.{x}", self.lang), x) for x in LANGS]
            if list(self.lang_switch.options) != options:
                self.lang_switch.options = options
            if self.lang_switch.value != self.lang:
                self.lang_switch.value = self.lang
            set_value(self.lang_label, self._lang_label_value())
            set_value_attr(self.reset_button, "description", t("ui.reset", self.lang))
            set_value_attr(self.undo_button, "description", t("ui.undo_reset", self.lang))
            self.undo_button.layout.display = None if self.state.can_undo_reset else "none"
        finally:
            self._syncing = False

    # ------------------------------------------------------------ the person's changes
    def _on_control(self, field: str, value: Any) -> None:
        if self._syncing:
            return
        self._cancel_drafts(field)  # taken now (Enter, leaving the box, a pause, or a script)
        self._taken_text[field] = value
        with self.errors.guard():
            if field in self.field_errors:  # typed text: refused text stays in the box with a message
                self.state.set_answer_text(field, value)
            elif not self.state.set_answer(field, value):
                self._sync_controls()  # show the kept (valid) value again

    def _on_lang(self, value: str) -> None:
        if not self._syncing and value is not None:
            with self.errors.guard():
                self.state.set_lang(value)

    def _on_reset(self, _button: Any) -> None:
        self._cancel_drafts()  # typed text not taken yet is dropped, like refused text
        with self.errors.guard():
            self.state.reset()

    def _on_undo(self, _button: Any) -> None:
        self._cancel_drafts()  # typed text not taken yet is dropped, like refused text
        with self.errors.guard():
            self.state.undo_reset()

    def _on_draft(self, change: dict[str, Any]) -> None:
        """A keystroke in a number box (``"field=text"``): take the text after :data:`PAUSE_S` without
        another keystroke, even if the page is gone by then."""
        field, _, text = str(change["new"]).partition("=")
        if field not in self.field_errors or text == self._taken_text.get(field):
            return
        old = self._draft_timers.pop(field, None)
        if old is not None:
            old.cancel()
        self._draft_timers[field] = later(PAUSE_S, lambda: self._take_draft(field, text))

    def _cancel_drafts(self, field: str | None = None) -> None:
        """Forget the keystrokes waiting to be taken (of ``field``, or all): taken another way, or overridden."""
        for name in [field] if field is not None else list(self._draft_timers):
            timer = self._draft_timers.pop(name, None)
            if timer is not None:
                timer.cancel()

    def _take_draft(self, field: str, text: str) -> None:
        self._draft_timers.pop(field, None)
        if text != self._taken_text.get(field) and self.controls[field].value != text:  # not taken already
            self.controls[field].value = text  # as if Enter was pressed: observed by _on_control


def set_value_attr(widget: Any, name: str, value: Any) -> None:
    """Set a widget's trait ``name`` only when it changed."""
    if getattr(widget, name) != value:
        setattr(widget, name, value)
