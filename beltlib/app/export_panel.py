"""The LinkedIn export panel of the live report: path field, "Load export", zip upload, summary, timeline."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .. import report as rep
from ..texts import t
from .widgets import FILL

_e = rep.escape


class ExportPanel:
    """Mixin of :class:`beltlib.app.live.LiveReport`: the export section."""

    def export_summary(self):
        """Load a LinkedIn data export: a path field (``belt-export-path``) with a "Load
        export" button (``belt-export-load``) and a zip upload (``belt-export-upload``, read
        in memory and then cleared from the widget, so the archive never lands in a saved
        notebook). Loading prefills the answers (each marked with its origin), saves them
        and shows what the export shows (``belt-export-summary``: counts and dates) and its
        timeline (``Image``, class ``belt-plot-timeline``). An unreadable export shows the
        error (``belt-export-message``) and changes nothing."""
        def build():
            w = self._w
            x = self._export
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
            self.timeline_image = w.Image(format="png", layout=w.Layout(width=FILL, max_width="500px",
                                                                        height="auto"))
            self.timeline_image.add_class("belt-plot-timeline")
            x["caption"] = w.HTML()
            row = w.HBox([self.export_path, self.export_load], layout=w.Layout(width=FILL))
            row.add_class("belt-export-row")
            if self.state.shared:  # no server paths in shared mode: uploads only
                row.layout.display = x["path_label"].layout.display = "none"
            self._update_export()
            upload = w.HBox([self.export_upload], layout=w.Layout(margin="6px 0 0 0"))  # not stretched
            self._section("export_summary", [x["intro"], x["path_label"], row, upload, x["message"], x["stamp"],
                                             x["summary"], self.timeline_image, x["caption"]])
        return self._once("export_summary", build)

    def _on_load_export(self, _button: Any) -> None:
        with self._shown_errors():
            self._load_typed_path()

    def _load_typed_path(self) -> None:
        """Load the export whose path is typed: ``~`` and ``~user`` expanded, a relative path read
        from the kernel's folder; every message names the full path looked at."""
        text = self.export_path.value.strip()
        self._export_notice = "" if text else "export.no_path"
        if self.state.shared:
            self._export_notice = "export.shared_no_path"
        if self._export_notice:
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
        with self._shown_errors():
            self._take_upload(change)

    def _take_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return  # the widget was cleared (below)
        import io
        parts = [io.BytesIO(bytes(item["content"])) for item in files]  # several zips: parts of one export
        name = " + ".join(str(item.get("name") or "export.zip") for item in files)
        self.export_upload.value = ()  # drop the archives from the widget's state
        self._export_notice = ""
        self.state.load_export(parts[0] if len(parts) == 1 else parts, name=name)

    def _update_export(self) -> None:
        """Texts, message, summary and timeline of the export section from the state."""
        x, lang, state = self._export, self.lang, self.state
        x["intro"].value = f'<p class="belt-export-intro">{_e(t("export.live_intro", lang))}</p>'
        x["path_label"].value = (f'<label id="belt-label-export-path" data-belt-for="belt-export-path">'
                                 f'{_e(t("export.path_label", lang))}</label>')
        self.export_path.placeholder = t("export.path_placeholder", lang)
        self.export_load.description = t("export.load", lang)
        self.export_upload.description = t("export.upload", lang)
        text = (self._callback_error or (t(self._export_notice, lang) if self._export_notice else "")
                or state.export_message_text())
        bad = bool(self._callback_error or self._export_notice or state.export_error)
        x["stamp"].value = f'<span class="belt-export-stamp">{self._export_answers}</span>'
        x["message"].value = (f'<p class="belt-export-message {"belt-message" if bad else "belt-status"}" '
                              f'role="{"alert" if bad else "status"}">{_e(text)}</p>' if text else "")
        x["message"].layout.display = None if text else "none"
        summary = state.export_summary
        x["summary"].value = rep.export_summary_html(summary, lang) if summary is not None else ""
        for widget in (x["summary"], self.timeline_image, x["caption"]):
            widget.layout.display = None if summary is not None else "none"
        key = self._timeline_key
        if summary is not None and not (key is not None and key[0] is summary and key[1] == lang):
            from ..linkedin import timeline
            self._timeline_key = (summary, lang)
            self.timeline_image.value = timeline.render_png(summary, lang)
            x["caption"].value = f'<p class="belt-plot-caption">{_e(timeline.alt_text(summary, lang))}</p>'
