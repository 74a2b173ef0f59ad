"""The questionnaire of the live report: one control per answers field, the language switch
and "Reset to example". Controls only feed :class:`beltlib.app.state.ReportState`."""
from __future__ import annotations

import base64
from typing import Any

from .. import report as rep
from ..answers import FIELDS, GROUPS, dumps
from ..numbers import format_number
from ..texts import LANGS, t
from .widgets import FILL, _number_text_class

#: Choice fields shown as ToggleButtons (short labels); other choices use a Dropdown.
TOGGLE_FIELDS = ("findable", "profile", "reply_time")

_e = rep.escape


class QuestionnaireView:
    """Mixin of :class:`beltlib.app.live.LiveReport`: the questionnaire section and its controls."""

    def questionnaire(self):
        """One control per answers field, grouped, with the language switch and the reset button."""
        def build():
            w = self._w
            self._lang_label = w.HTML(self._lang_label_value())
            self.lang_switch = w.ToggleButtons(options=[(t(f"ui.lang.{x}", self.lang), x) for x in LANGS],
                                               value=self.lang, style={"button_width": "auto"},
                                               layout=w.Layout(width="auto", height="auto"))
            self.lang_switch.add_class("belt-lang")
            self.lang_switch.observe(lambda c: self._on_lang(c["new"]), names="value")
            self.reset_button = w.Button(description=t("ui.reset", self.lang), icon="",
                                         layout=w.Layout(width="auto"))
            self.reset_button.add_class("belt-reset")
            self.reset_button.on_click(self._on_reset)
            self.undo_button = w.Button(description=t("ui.undo_reset", self.lang), icon="",
                                        layout=w.Layout(width="auto", display="none"))
            self.undo_button.add_class("belt-undo-reset")
            self.undo_button.on_click(self._on_undo)
            self._message = w.HTML("")
            self._update_message()
            # issue 10: the belt and the distance to the target stay in view while answers change
            # (a bar fixed at the bottom of narrow screens, see app.css)
            self._summary = w.HTML(rep.summary_html(self.state.assessment, self.lang))
            self._summary.add_class("belt-summary-bar")
            children = [self._summary, self._message, self._lang_label, self.lang_switch]
            for group in GROUPS:
                title = w.HTML(f"<h3>{_e(t(f'group.{group}', self.lang))}</h3>")
                self._group_titles[group] = title
                children.append(title)
                for field, spec in FIELDS.items():
                    if spec["group"] != group:
                        continue
                    ctl = self._make_control(field)
                    if spec["kind"] != "bool":
                        label = w.HTML(self._field_label(field))
                        label.add_class("belt-field-label")
                        self._labels[field] = label
                        children.append(label)
                    children.append(ctl)
                    if field in self._field_errors:
                        self._update_field_error(field)
                        children.append(self._field_errors[field])
                    if spec["kind"] == "bool":  # no label widget: the origin tag goes below the checkbox
                        self._origin_tags[field] = w.HTML(layout=w.Layout(margin="0 0 4px 0"))
                        self._update_origin_tag(field)
                        children.append(self._origin_tags[field])
            self._download = w.HTML(self._download_value())
            self._download.add_class("belt-download-row")
            buttons = w.HBox([self.reset_button, self.undo_button, self._download],
                             layout=w.Layout(margin="12px 0 0 0"))
            buttons.add_class("belt-reset-row")
            children.append(buttons)
            self._section("questionnaire", children)
        return self._once("questionnaire", build)

    def _download_value(self) -> str:
        """ "Download my answers" (issue 13, hook ``belt-download``): a link whose ``data:`` URL holds the
        answers the result uses, as :func:`beltlib.answers.dumps` writes them (``answers.json``; no name,
        no path); the browser saves it with no request to any server."""
        data = base64.b64encode(dumps(self.state.answers).encode("utf-8")).decode("ascii")
        return (f'<a class="belt-download" download="answers.json" '
                f'href="data:application/json;charset=utf-8;base64,{data}">{_e(t("page.download", self.lang))}</a>')

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
        tag = self._origin_tags[field]
        value = self._origin_html(field)
        if tag.value != value:
            tag.value = value
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
            self._field_errors[field] = error
        ctl.add_class(f"belt-q-{field}")
        ctl.observe(lambda change, f=field: self._on_control(f, change["new"]), names="value")
        self.controls[field] = ctl
        return ctl

    def _on_control(self, field: str, value: Any) -> None:
        if self._syncing:
            return
        self._cancel_drafts(field)  # taken now (Enter, leaving the box, a pause, or a script)
        self._taken_text[field] = value
        with self._shown_errors():
            self._take_control(field, value)

    def _take_control(self, field: str, value: Any) -> None:
        if field in self._field_errors:  # typed text: refused text stays in the box with a message
            self.state.set_answer_text(field, value)
        elif not self.state.set_answer(field, value):
            self._sync_controls()  # show the kept (valid) value again

    def _update_field_error(self, field: str) -> None:
        text = self.state.input_error_text(field)
        widget, ctl = self._field_errors[field], self.controls[field]
        value = f'<p class="belt-message belt-field-error-text" role="alert">{_e(text)}</p>' if text else ""
        if widget.value != value:
            widget.value = value
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
                    ctl.description = t(f"field.{field}", self.lang)
                if field in self._field_errors:
                    if field not in self.state.input_errors:  # else: keep the refused text as typed
                        value = format_number(value, self.lang)
                        if ctl.value.strip() != value:
                            ctl.value = value
                    self._update_field_error(field)
                elif ctl.value != value:
                    ctl.value = value
            for field, label in self._labels.items():
                label.value = self._field_label(field)
            for field in self._origin_tags:
                self._update_origin_tag(field)
            for group, title in self._group_titles.items():
                title.value = f"<h3>{_e(t(f'group.{group}', self.lang))}</h3>"
            if self.lang_switch is not None:
                options = [(t(f"ui.lang.{x}", self.lang), x) for x in LANGS]
                if list(self.lang_switch.options) != options:
                    self.lang_switch.options = options
                if self.lang_switch.value != self.lang:
                    self.lang_switch.value = self.lang
                self._lang_label.value = self._lang_label_value()
                self.reset_button.description = t("ui.reset", self.lang)
                self.undo_button.description = t("ui.undo_reset", self.lang)
                self.undo_button.layout.display = None if self.state.can_undo_reset else "none"
        finally:
            self._syncing = False

    def _on_lang(self, value: str) -> None:
        if not self._syncing and value is not None:
            with self._shown_errors():
                self.state.set_lang(value)

    def _on_reset(self, _button: Any) -> None:
        self._cancel_drafts()  # typed text not taken yet is dropped, like refused text
        with self._shown_errors():
            self.state.reset()

    def _on_undo(self, _button: Any) -> None:
        self._cancel_drafts()  # typed text not taken yet is dropped, like refused text
        with self._shown_errors():
            self.state.undo_reset()
