"""The LinkedIn export panel of the live report: path field, "Load export", zip upload, and the
document's ``export_summary`` section (what the export shows, and its timeline) once one is loaded."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import report as rep
from ..texts import t
from .html import body_value
from .state import ReportState
from .widgets import FILL, CallbackErrors, set_value

_e = rep.escape


class ExportPanel:
    """Load a LinkedIn data export, as a panel (:attr:`widget`, a ``VBox``) that owns its controls.

    A path field (``export_path``, class ``belt-export-path``) with a "Load export" button
    (``export_load``, ``belt-export-load``) and a zip upload (``export_upload``,
    ``belt-export-upload``, read in memory and then cleared from the widget, so the archive never
    lands in a saved notebook). Loading prefills the answers (each marked with its origin), saves
    them and shows the document's export section (:meth:`draw`): its text blocks
    (``belt-export-summary``: counts and dates) and its timeline (``timeline_image``, an ``Image``
    of class ``belt-plot-timeline``). An unreadable export, or any unexpected callback error, is
    said in ``belt-export-message`` and changes nothing. ``parts`` holds the panel's texts
    (``intro``, ``path_label``, ``message``, ``stamp``, ``summary``, ``caption``).

    Args:
        state (ReportState): the shared state (the panel subscribes to it).
        errors (CallbackErrors): unexpected callback errors (the panel shows them).
    """

    #: The document section the panel draws in the live app.
    SECTION = "export_summary"
    #: Where the panel goes, and its heading, while the document has no export section (none loaded).
    AREA, HEADING = "lead", "export.section_title"

    def __init__(self, state: ReportState, errors: CallbackErrors):
        import ipywidgets as w
        self.state, self.errors = state, errors
        self._answers = 0  # export loads answered (the page script watches it after an upload)
        self._notice = ""  # catalogue key of a hint for the person (empty path), or ""
        self._timeline_key: Any = None
        self._section: Mapping[str, Any] | None = None
        x: dict[str, Any] = {}
        self.parts = x
        x["intro"] = w.HTML()
        x["path_label"] = w.HTML()
        x["path_label"].add_class("belt-field-label")
        self.export_path = w.Text(value="", layout=w.Layout(width="auto", flex="1 1 16em", min_width="0",
                                                            max_width="520px"))
        self.export_path.add_class("belt-export-path")
        self.export_load = w.Button(icon="", layout=w.Layout(width="auto"))
        self.export_load.add_class("belt-export-load")
        self.export_load.on_click(self._on_load_export)
        self.export_upload = w.FileUpload(accept=".zip,application/zip", multiple=True, icon="",
                                          layout=w.Layout(width="auto"))
        self.export_upload.add_class("belt-export-upload")
        self.export_upload.observe(self._on_upload, names="value")
        x["message"] = w.HTML()
        x["stamp"] = w.HTML(layout=w.Layout(display="none"))  # moves on every export answer (page script)
        x["summary"] = w.HTML()
        x["summary"].add_class("belt-export-summary")
        self.timeline_image = w.Image(format="png", layout=w.Layout(width=FILL, max_width="500px", height="auto"))
        self.timeline_image.add_class("belt-plot-timeline")
        x["caption"] = w.HTML()
        figure = w.VBox([self.timeline_image, x["caption"]], layout=w.Layout(width="100%"))
        figure.add_class("belt-figure")
        x["figure"] = figure
        row = w.HBox([self.export_path, self.export_load], layout=w.Layout(width=FILL))
        row.add_class("belt-export-row")
        if state.shared:  # no server paths in shared mode: uploads only
            row.layout.display = x["path_label"].layout.display = "none"
        upload = w.HBox([self.export_upload], layout=w.Layout(margin="6px 0 0 0"))  # not stretched
        #: The panel's widget.
        self.widget = w.VBox([x["intro"], x["path_label"], row, upload, x["message"], x["stamp"], x["summary"],
                              figure], layout=w.Layout(width="100%"))
        self.widget.add_class("belt-export-panel")
        self._update_export()
        state.subscribe(self.refresh)
        errors.on_change(self._on_error)

    @property
    def lang(self) -> str:
        """The report's language now."""
        return self.state.lang

    def refresh(self, reason: str) -> None:
        """Follow the state (a :meth:`ReportState.subscribe` listener): texts, message, stamp.

        Args:
            reason (str): ``"answers"``, ``"lang"`` or ``"export"`` (an export was loaded, or could not be).
        """
        if reason == "export":
            self._answers += 1
        if reason in ("lang", "export"):
            self._update_export()

    def _on_error(self) -> None:
        self._answers += 1  # an answer too (the page script stops waiting after an upload)
        self._update_export()

    def draw(self, section: Mapping[str, Any] | None) -> None:
        """Show the document's export section: its text blocks and its figure (the timeline).

        Args:
            section (Mapping[str, Any] | None): the ``export_summary`` section of the document now,
                or None (no export loaded: nothing shown).
        """
        x = self.parts
        self._section = section
        for widget in (x["summary"], x["figure"], self.timeline_image, x["caption"]):
            widget.layout.display = None if section is not None else "none"
        if section is None:
            return
        set_value(x["summary"], body_value(section, [b for b in section["blocks"] if b["kind"] != "figure"]))
        figure = next((b for b in section["blocks"] if b["kind"] == "figure"), None)
        x["figure"].layout.display = None if figure is not None else "none"
        summary, lang = self.state.export_summary, self.lang
        if figure is None or summary is None:
            return
        set_value(x["caption"], f'<p class="belt-plot-caption">{_e(figure["caption"])}</p>')
        key = self._timeline_key
        if not (key is not None and key[0] is summary and key[1] == lang):
            from ..linkedin import timeline
            self._timeline_key = (summary, lang)
            self.timeline_image.value = timeline.render_png(summary, lang)

    def _on_load_export(self, _button: Any) -> None:
        with self.errors.guard():
            self._load_typed_path()

    def _load_typed_path(self) -> None:
        """Load the export whose path is typed: ``~`` and ``~user`` expanded, a relative path read
        from the kernel's folder; every message names the full path looked at."""
        text = self.export_path.value.strip()
        self._notice = "" if text else "export.no_path"
        if self.state.shared:
            self._notice = "export.shared_no_path"
        if self._notice:
            self._update_export()
            return
        expanded = os.path.expanduser(text)
        full = Path(expanded) if os.path.isabs(expanded) else Path.cwd() / expanded
        if text.startswith("~") and expanded == text:  # ~user: no such user here
            user = text[1:].split("/", 1)[0].split(os.sep, 1)[0]
            self.state.fail_export(t("export.no_user", self.lang, path=str(full), user=user))
            return
        self.state.load_export(full, name=full.name or text)  # errors name the full path (ReportState.load_export)

    def _on_upload(self, change: dict[str, Any]) -> None:
        with self.errors.guard():
            self._take_upload(change)

    def _take_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return  # the widget was cleared (below)
        import io
        parts = [io.BytesIO(bytes(item["content"])) for item in files]  # several zips: parts of one export
        name = " + ".join(str(item.get("name") or "export.zip") for item in files)
        self.export_upload.value = ()  # drop the archives from the widget's state
        self._notice = ""
        self.state.load_export(parts[0] if len(parts) == 1 else parts, name=name)

    def _update_export(self) -> None:
        """Texts and message of the panel from the state (and the last callback error)."""
        x, lang, state = self.parts, self.lang, self.state
        set_value(x["intro"], f'<p class="belt-export-intro">{_e(t("export.live_intro", lang))}</p>')
        set_value(x["path_label"], f'<label id="belt-label-export-path" data-belt-for="belt-export-path">'
                                   f'{_e(t("export.path_label", lang))}</label>')
        self.export_path.placeholder = t("export.path_placeholder", lang)
        self.export_load.description = t("export.load", lang)
        self.export_upload.description = t("export.upload", lang)
        text = (self.errors.text or (t(self._notice, lang) if self._notice else "")
                or state.export_message_text())
        bad = bool(self.errors.text or self._notice or state.export_error)
        set_value(x["stamp"], f'<span class="belt-export-stamp">{self._answers}</span>')
        set_value(x["message"], f'<p class="belt-export-message {"belt-message" if bad else "belt-status"}" '
                                f'role="{"alert" if bad else "status"}">{_e(text)}</p>' if text else "")
        x["message"].layout.display = None if text else "none"
