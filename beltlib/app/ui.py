"""The report notebook's sections: live (ipywidgets) or static (plain HTML).

The notebook ``notebooks/belt_report.ipynb`` calls :func:`open_report` once
and then one method per section, in order: ``intro``, ``export_summary``,
``questionnaire``, ``result``, ``population_plot``, ``effort_plot``,
``action_plan``, ``synthesis``, ``method`` and ``summary``.

- Live mode (``live=True``: JupyterLab, Notebook 7, Voilà): one
  :class:`ReportState` holds the answers, the language and the assessment;
  the widgets only feed it. Every change is validated, assessed, saved to the
  answers file with an atomic write, and pushed to the result, the two plots
  (PNG in ``Image`` widgets, re-drawn only when what they show changed) and
  the action plan.
- Static mode (``live=False``: ``make html``/publish): no widget is created
  and ipywidgets is not imported; each section returns an
  :class:`IPython.display.HTML` object built by :mod:`beltlib.report`, the
  plots as ``<img>`` with a PNG data URI and alt text.

Counts and hours are typed into text boxes that keep what was typed; the text
is read by :func:`parse_number` (the language's conventions) and checked by
:func:`beltlib.answers.validate`; a refused value is neither saved nor assessed
and a message under the box says what the field accepts. "Reset to example"
keeps the answers file as ``answers.json.prev`` and can be undone.

Stable hooks (CSS classes, a public contract): ``belt-q-<field>`` on each
control, ``belt-field-error`` and ``belt-field-error-<field>`` (the message under
a refused typed value), ``belt-lang`` (language switch), ``belt-reset``,
``belt-undo-reset`` (shown after a reset), ``belt-result`` (the
result; its text holds the belt's name and a ``belt-status`` line that
counts the saved changes, a deterministic marker for browser waits),
``belt-plot-population`` and ``belt-plot-effort``; for the LinkedIn export
(issue 5) ``belt-export-path`` (path field), ``belt-export-load`` (its
button), ``belt-export-upload`` (file upload), ``belt-export-message``,
``belt-export-summary`` (counts and dates), ``belt-plot-timeline`` and, on
each answer once an export is loaded, ``belt-origin`` with ``belt-origin-export``,
``belt-origin-you`` or ``belt-origin-example``.

The answers file: ``answers_path`` relative to the kernel's working folder.
JupyterLab, Notebook 7, Voilà and ``nbconvert --execute`` run the kernel in
the notebook's folder, so the default ``answers.json`` lands beside the
notebook; papermill and a bare nbclient run it in the caller's folder unless
given ``cwd=`` — pass an absolute path there. The environment variable
``BELT_REPORT_ANSWERS`` replaces the default ``answers.json`` (not an
explicit other path): tests and hosts use it to point the notebook elsewhere.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import report as rep
from ..answers import (
    FIELDS,
    GROUPS,
    Answers,
    AnswersError,
    example_answers,
    load_answers,
    save_answers,
    validate,
)
from ..assessment import Assessment, assess
from ..linkedin.timeline import timeline_img_html
from ..numbers import NumberError, allowed_range_text, format_number, input_error_text, parse_number
from ..texts import LANGS, check_lang, t

#: The notebook's default answers file (relative to the kernel's working folder).
DEFAULT_ANSWERS = "answers.json"
#: Environment variable that replaces :data:`DEFAULT_ANSWERS` when set.
ANSWERS_ENV = "BELT_REPORT_ANSWERS"
#: Section names, in the notebook's order.
SECTIONS = ("intro", "export_summary", "questionnaire", "result", "population_plot", "effort_plot",
            "action_plan", "synthesis", "method")
#: Catalogue key of each section's heading.
HEADINGS = {"intro": "intro.title", "export_summary": "export.section_title", "questionnaire": "answers.title",
            "result": "result.title", "population_plot": "plot.population.title", "effort_plot": "plot.effort.title",
            "action_plan": "plan.title", "synthesis": "synthesis.title", "method": "method.title"}
#: Choice fields shown as ToggleButtons (short labels); other choices use a Dropdown.
TOGGLE_FIELDS = ("findable", "profile", "reply_time")
#: Width of a control or image that fills its section: the full width less ipywidgets'
#: 2 px margins (``100%`` plus the margin went 2 px past the section's edge at 375 px).
FILL = "calc(100% - 4px)"
#: Suffix of the copy of the answers file kept by "Reset to example" (``answers.json.prev``).
PREV_SUFFIX = ".prev"
#: Cell tag of the notebook's plain-text summary cell; the live app hides it
#: (it is a snapshot at opening and would not follow the changes).
SUMMARY_TAG = "belt-summary"

#: Viewport width from which Voilà shows the report in two columns: the introduction, the
#: export and the answers on the left; the result, both plots and the plan on the right (so a
#: change and its effect are on screen together); the synthesis and the method below, full width.
TWO_COLUMNS_MIN_PX = 1100
#: CSS of the live app: controls wrap at 375 px, labels above controls, plots scale; two
#: columns in Voilà (``#rendered_cells``) from :data:`TWO_COLUMNS_MIN_PX`.
APP_CSS = f"""
.belt-app {{ max-width: 720px; }}
.belt-app h1 {{ font-size: 1.6em; margin: .2em 0 .4em; }}
.belt-app h2 {{ font-size: 1.3em; margin: .8em 0 .3em; }}
.belt-app h3 {{ font-size: 1.05em; margin: .6em 0 .2em; }}
.belt-app .belt-field-label {{ margin-top: .35em; }}
.belt-app .belt-field-label .widget-html-content {{ line-height: 1.3; }}
.belt-app .widget-html-content {{ white-space: normal; line-height: 1.45; }}
.belt-app .widget-html-content p {{ margin: .35em 0; }}
.belt-app .widget-html.belt-result {{ border: 1px solid #bbb; border-radius: 6px; padding: .3em .8em; }}
.belt-app .widget-toggle-buttons {{ flex-wrap: wrap; height: auto; }}
.belt-app .widget-toggle-buttons .widget-toggle-button {{ margin: 2px 4px 2px 0; }}
.belt-app .widget-checkbox {{ width: 100%; height: auto; }}
.belt-app .widget-checkbox label {{ white-space: normal; line-height: 1.35; }}
.belt-app .widget-dropdown select {{ white-space: normal; }}
.belt-app table {{ border-collapse: collapse; width: 100%; }}
.belt-app th, .belt-app td {{ border-bottom: 1px solid #ccc; padding: .25em .4em; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }}
@media (max-width: 600px) {{
  .belt-app table, .belt-app tbody, .belt-app tr, .belt-app td {{ display: block; width: auto; }}
  .belt-app thead {{ display: none; }}
  .belt-app tr {{ border-bottom: 1px solid #ccc; padding: .3em 0; }}
  .belt-app td {{ border: none; padding: .1em .2em; overflow-wrap: anywhere; }}
  .belt-app td:first-child {{ font-weight: bold; }}
}}
.belt-app .belt-status {{ color: #555; font-size: .9em; overflow-wrap: anywhere; }}
.belt-app .belt-message {{ border-left: 4px solid #D55E00; padding: .3em .6em; background: #fff4ec;
  overflow-wrap: anywhere; }}
.belt-app .belt-field-error .belt-message {{ margin: .25em 0 .1em; font-size: .95em; }}
.belt-app .belt-invalid input {{ border-color: #D55E00; box-shadow: 0 0 0 1px #D55E00; }}
.belt-app .belt-reset-row {{ flex-wrap: wrap; gap: 6px; }}
.belt-app .belt-plot-caption {{ color: #444; font-size: .9em; }}
.belt-app .belt-origin {{ display: inline-block; font-size: .8em; color: #444; background: #eef3f8;
  border-radius: .3em; padding: 0 .35em; margin-left: .4em; font-weight: normal; }}
.belt-app .belt-origin-export {{ background: #dff2ea; }}
.belt-app .belt-export-summary ul {{ margin: .3em 0; padding-left: 1.2em; }}
.belt-app .belt-assumptions td:nth-child(2) {{ overflow-wrap: anywhere; }}
.belt-app .belt-export-path input {{ max-width: 100%; }}
.belt-app .belt-export-row {{ flex-wrap: wrap; gap: 4px; }}
.celltag_{SUMMARY_TAG} {{ display: none; }}
@media (min-width: {TWO_COLUMNS_MIN_PX}px) {{
  #rendered_cells > div {{ column-count: 2; column-gap: 48px; }}
  #rendered_cells > div > * {{ break-inside: avoid; }}
  #rendered_cells > div > :has(.belt-section-result) {{ break-before: column; }}
  #rendered_cells > div > :has(.belt-section-synthesis), #rendered_cells > div > :has(.belt-section-method) {{
    column-span: all; }}
  .belt-app.belt-section-synthesis, .belt-app.belt-section-method {{ max-width: 1100px; }}
}}
"""


_e = rep.escape


# ================================================================ answers file
def resolve_answers_path(answers_path: str | os.PathLike[str] | None) -> Path:
    """Where the answers file is.

    Args:
        answers_path: a path; relative paths are relative to the current folder
            (the notebook's folder under Jupyter, Voilà and nbconvert). None or
            :data:`DEFAULT_ANSWERS` is replaced by ``$BELT_REPORT_ANSWERS`` when set.

    Returns:
        Path (absolute).
    """
    if answers_path is None or str(answers_path) == DEFAULT_ANSWERS:
        answers_path = os.environ.get(ANSWERS_ENV) or DEFAULT_ANSWERS
    return Path(answers_path).expanduser().absolute()


def backup_path(path: Path) -> Path:
    """A free name to keep a bad answers file aside: ``<name>.bak``, then ``<name>.bak.2``, …"""
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def load_or_example(path: Path, persona: str = "job_seeker") -> tuple[Answers, str, dict[str, Any]]:
    """Read the answers file for the live report, never losing what is in it.

    Args:
        path: the answers file.
        persona: persona of the example answers used when there is no valid file.

    Returns:
        (answers, origin, message): origin is ``"file"`` or ``"example"``;
        message is ``{}`` or, for a corrupt or invalid file that was renamed,
        ``{"key": "ui.corrupt", "error": ..., "backup": <backup file path>}``;
        if it could not be renamed, ``{"key": "ui.corrupt_kept", "error": ...,
        "reason": ...}`` and the caller must not write over it.

    Raises:
        AnswersError: unknown ``persona``.
    """
    if not path.exists():
        return example_answers(persona), "example", {}
    try:
        return load_answers(path), "file", {}
    except AnswersError as exc:
        backup = backup_path(path)
        try:
            os.replace(path, backup)
        except OSError as err:
            return example_answers(persona), "example", {"key": "ui.corrupt_kept", "error": str(exc),
                                                         "reason": err.strerror or str(err)}
        return example_answers(persona), "example", {"key": "ui.corrupt", "error": str(exc), "backup": str(backup)}


def prefill_from_export(answers: Answers, source: Any, name: str | None = None
                        ) -> tuple[Answers, dict[str, str], Any]:
    """Read a LinkedIn data export and prefill answers from it (issue 5).

    Args:
        answers: the person's answers (what the export cannot tell stays theirs).
        source: the export: a ``.zip`` or folder path, or a binary file object holding
            the zip (read in memory, e.g. from an upload); see :func:`beltlib.linkedin.read_export`.
        name: how to name the source in messages (default: the path's file name).

    Returns:
        (answers, provenance, summary): validated prefilled answers; field ->
        ``"export"``/``"you"`` (:func:`beltlib.linkedin.prefill_answers`); the
        :class:`beltlib.linkedin.ExportSummary` (counts and dates only).

    Raises:
        ExportError (a ValueError): the export cannot be read (the message names the
            file and line, never a cell's content). AnswersError: invalid prefilled answers.
    """
    from .. import linkedin  # lazy: only when an export is used
    summary = linkedin.read_export(source)
    data, provenance = linkedin.prefill_answers(summary, answers.to_dict())
    label = name or (os.fspath(source) if isinstance(source, (str, os.PathLike)) else "export")
    return validate(data, label), dict(provenance), summary


def source_name(source: Any) -> str:
    """A short name of an export source for messages: the path's last part, or ``"export"``
    (several parts: their names joined with " + ")."""
    if isinstance(source, (list, tuple)):
        return " + ".join(source_name(s) for s in source)
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name or os.fspath(source)
    return "export"


# ================================================================ the model
class ReportState:
    """The live report's one shared state: answers, language, assessment, file.

    Widgets never compute: they call :meth:`set_answer` (or :meth:`set_answer_text` with
    typed text), :meth:`set_lang`, :meth:`reset` and :meth:`undo_reset`; views subscribe
    with :meth:`subscribe` and read the state.

    Where each answer comes from: :attr:`origins` maps each field to ``"example"``
    (the built-in example: no answers file yet, a bad file kept aside, or after a
    reset), ``"you"`` (read from the answers file, or changed by the person) or
    ``"export"``; :attr:`provenance` is that map while a LinkedIn export is loaded
    (the views then tag each answer), else None.

    Args:
        answers_path: the answers file (see :func:`resolve_answers_path`).
        lang: ``"en"`` or ``"fr"``.
        persona: persona of the example answers (when there is no valid file).
        export_path: optional LinkedIn export to prefill answers from.
        title: report title (None: the catalogue's default title).
        read_only: static mode: an invalid file raises (it is neither renamed
            nor written); a missing file means the example answers.

    Raises:
        ValueError: unknown ``lang``; AnswersError: unknown ``persona``, or an
            invalid file when ``read_only``.
    """

    def __init__(self, answers_path: str | os.PathLike[str] | None = DEFAULT_ANSWERS, lang: str = "en",
                 persona: str = "job_seeker", export_path: str | os.PathLike[str] | None = None,
                 title: str | None = None, read_only: bool = False):
        self.lang = check_lang(lang)
        self.path = resolve_answers_path(answers_path)
        self.read_only = read_only
        if read_only:
            self.origin = "file" if self.path.exists() else "example"
            answers = load_answers(self.path) if self.origin == "file" else example_answers(persona)
            self.message: dict[str, Any] = {}
        else:
            answers, self.origin, self.message = load_or_example(self.path, persona)
        #: The loaded export's summary (counts and dates only), its short name, and the
        #: last export error (None when the last load worked).
        self.export_summary: Any = None
        self.export_name: str | None = None
        self.export_error: str | None = None
        base = "example" if self.origin == "example" else "you"
        self.origins: dict[str, str] = {f: base for f in FIELDS if f != "schema"}
        self.provenance: dict[str, str] | None = None
        #: Typed text refused for a count or number field (field -> the text, kept as typed).
        self.input_errors: dict[str, str] = {}
        if export_path is None:
            self.answers = answers
        else:
            self.answers, provenance, self.export_summary = prefill_from_export(answers, export_path)
            self._take_export_origins(provenance)
            self.export_name = source_name(export_path)
        self.title = title
        self.changes = 0
        self.error: str | None = None
        #: (answers, provenance, origins) before the last "Reset to example", while it can be undone.
        self._undo: tuple[Answers, dict[str, str] | None, dict[str, str]] | None = None
        #: Where the last reset kept the previous answers file (``answers.json.prev``), or None.
        self.prev_path: Path | None = None
        self.assessment: Assessment = assess(self.answers)
        self._listeners: list[Callable[[str], None]] = []

    def subscribe(self, listener: Callable[[str], None]) -> None:
        """Call ``listener(reason)`` after each change; reason is ``"answers"``, ``"lang"``
        or ``"export"`` (an export was loaded, or could not be: answers may have changed too)."""
        self._listeners.append(listener)

    def _notify(self, reason: str) -> None:
        for listener in list(self._listeners):
            listener(reason)

    def _take_export_origins(self, provenance: dict[str, str]) -> None:
        """Mark the fields an export prefilled; the others keep their origin (example or you)."""
        for field, where in provenance.items():
            if where == "export" and field in self.origins:
                self.origins[field] = "export"
                self.input_errors.pop(field, None)  # the export's value replaces refused typed text
        self.provenance = dict(self.origins)

    def _commit(self, answers: Answers, reason: str = "answers", undoable: bool = False) -> None:
        if not undoable:
            self._undo = None
        self.answers = answers
        self.assessment = assess(answers)
        if self.read_only:
            self._notify(reason)
            return
        if self.message.get("key") == "ui.corrupt_kept":  # never write over a file that could not be kept aside
            self.error = t("ui.corrupt_kept", self.lang, **{k: v for k, v in self.message.items() if k != "key"})
            self._notify(reason)
            return
        try:
            save_answers(answers, self.path)
            self.changes += 1
            self.error = None
        except OSError as exc:
            self.error = f"{self.path}: {exc.strerror or exc}"
        self._notify(reason)

    def _mark_yours(self, field: str) -> None:
        self.origins[field] = "you"
        if self.provenance and self.provenance.get(field) != "you":
            self.provenance = {**self.provenance, field: "you"}  # the person changed it: now their answer

    def set_answer(self, field: str, value: Any) -> bool:
        """Change one answer: validate, assess, save, notify.

        Returns:
            bool: True if applied; False if invalid (the previous answers are
            kept, :attr:`error` says why, listeners are notified).
        """
        if getattr(self.answers, field, object()) == value and type(self.answers[field]) is type(value):
            if self.input_errors.pop(field, None) is not None:
                self._notify("answers")
            return True
        try:
            answers = self.answers.replace(**{field: value})
        except AnswersError as exc:
            self.error = str(exc)
            self._notify("answers")
            return False
        self.input_errors.pop(field, None)
        self._mark_yours(field)
        self._commit(answers)
        return True

    def set_answer_text(self, field: str, text: str) -> bool:
        """Change a count or number answer from what the person typed.

        The text is read by :func:`parse_number` in the current language and checked by
        :func:`beltlib.answers.validate` (the ranges of :data:`beltlib.answers.FIELDS`).

        Args:
            field: ``connections``, ``groups`` or ``hours_per_week``.
            text: the typed text, e.g. ``"1,5"`` (French) or ``"1,500"`` (English).

        Returns:
            bool: True if applied (validated, assessed, saved, listeners notified).
            False if refused: nothing is saved or assessed, the typed text is kept in
            :attr:`input_errors` (:meth:`input_error_text` says what is allowed), the
            result keeps the last valid answers, listeners are notified.
        """
        try:
            value = parse_number(text, field, self.lang)
            self.answers.replace(**{field: value})
        except (NumberError, AnswersError):
            self.input_errors[field] = str(text)
            self._notify("answers")
            return False
        return self.set_answer(field, value)

    def input_error_text(self, field: str) -> str:
        """The message for the refused text of ``field`` (``""`` if none), in the current language."""
        if field not in self.input_errors:
            return ""
        return input_error_text(field, self.input_errors[field], self.lang, self.answers[field])

    def reset(self) -> None:
        """Go back to the example answers of the selected persona (and save them), undoably.

        When the answers differ from the example, the answers file is first kept as
        ``<file>.prev`` (:data:`PREV_SUFFIX`; replaced by the next reset that changes
        something) and :meth:`undo_reset` can bring the answers back until the next
        change. If the file cannot be kept aside, nothing is reset and :attr:`error`
        says why. Refused typed text is dropped. The export's summary stays shown; no
        answer is marked as coming from it any more (every answer is the example's).
        """
        example = example_answers(self.answers.persona)
        before = (self.answers, self.provenance, dict(self.origins))
        if self.answers == example:  # nothing to undo: keep any earlier undo and .prev
            self.provenance = None
            self.origins = {f: "example" for f in self.origins}
            self.input_errors.clear()
            self._commit(example, undoable=True)
            return
        prev = self.path.with_name(self.path.name + PREV_SUFFIX)
        kept = None
        if not self.read_only and self.message.get("key") != "ui.corrupt_kept" and self.path.exists():
            try:
                os.replace(self.path, prev)
                kept = prev
            except OSError as exc:
                self.error = t("ui.reset_failed", self.lang, prev=str(prev), reason=exc.strerror or str(exc))
                self._notify("answers")
                return
        self.provenance = None
        self.origins = {f: "example" for f in self.origins}
        self.input_errors.clear()
        self._undo, self.prev_path = before, kept
        self._commit(example, undoable=True)

    @property
    def can_undo_reset(self) -> bool:
        """True while :meth:`undo_reset` can bring back the answers from before the last reset."""
        return self._undo is not None

    def undo_reset(self) -> bool:
        """Bring back the answers (and their origins) from before the last reset, and save them.

        Returns:
            bool: False when there is nothing to undo (no reset, or a change since).
        """
        if self._undo is None:
            return False
        answers, self.provenance, self.origins = self._undo
        self.input_errors.clear()
        self.prev_path = None
        self._commit(answers)
        return True

    def load_export(self, source: Any, name: str | None = None) -> bool:
        """Prefill the current answers from a LinkedIn export, then validate, assess, save, notify.

        Args:
            source: a ``.zip`` or folder path, or a binary file object holding the zip
                (an upload, read in memory; never written to disk).
            name: the name shown in messages (default: the path's file name).

        Returns:
            bool: True when read and applied. False when the export cannot be read:
            :attr:`export_error` says why (file and line, never a cell's content), the
            answers and the previous export stay as they were, listeners are notified.
        """
        label = name or source_name(source)
        try:
            answers, provenance, summary = prefill_from_export(self.answers, source, label)
        except ValueError as exc:  # ExportError (unreadable), AnswersError (cannot happen: prefill is valid)
            message = str(exc)
            if getattr(exc, "file", None) == "archive" and message.startswith("archive:"):
                message = label + message[len("archive"):]  # a file object (upload): name it as the person did
            self.export_error = message
            self._notify("export")
            return False
        self.export_summary, self.export_name, self.export_error = summary, label, None
        self._take_export_origins(provenance)
        self._commit(answers, "export")
        return True

    def export_message_text(self) -> str:
        """The export's status for the person: the error, or the name of the export read, or ``""``."""
        if self.export_error:
            return t("export.error", self.lang, error=self.export_error)
        if self.export_summary is not None:
            return t("export.loaded", self.lang, name=self.export_name or "export")
        return ""

    def method_extra(self) -> list[dict[str, Any]] | None:
        """The export mapping's named assumptions once an export is loaded (for
        :func:`beltlib.report.method_html`), else None."""
        return rep.export_assumptions(self.lang) if self.export_summary is not None else None

    def set_lang(self, lang: str) -> None:
        """Switch the language of every text. Typed text refused in the old language is
        read again in the new one (French reads "1,5" as 1.5) and applied if valid.

        Raises:
            ValueError: unknown ``lang``.
        """
        if check_lang(lang) != self.lang:
            self.lang = lang
            self._notify("lang")
            for field, text in list(self.input_errors.items()):  # e.g. "1,5" refused in English, read in French
                self.set_answer_text(field, text)

    def status_text(self) -> str:
        """The status line: where the answers come from (the answers file's full path), how
        many changes were saved, and what was not saved (refused typed values)."""
        path = str(self.path)
        if self.error:
            return t("ui.invalid", self.lang, error=self.error)
        if self.changes and self._undo is not None and self.prev_path is not None:
            out = [t("ui.status_reset", self.lang, count=self.changes, path=path, prev=str(self.prev_path),
                     undo=t("ui.undo_reset", self.lang))]
        elif self.changes:
            out = [t("ui.status_saved", self.lang, count=self.changes, path=path)]
        else:
            out = [t("ui.status_loaded" if self.origin == "file" else "ui.status_example", self.lang, path=path)]
        out += [t("ui.invalid", self.lang, error=self.input_error_text(f)) for f in FIELDS if f in self.input_errors]
        return " ".join(out)

    def message_text(self) -> str:
        """Messages for the person (corrupt file kept aside, prefilled fields), or ``""``."""
        out = []
        if self.message:
            out.append(t(self.message["key"], self.lang, **{k: v for k, v in self.message.items() if k != "key"}))
        if self.provenance:
            fields = [t(f"field.{f}", self.lang) for f in FIELDS if self.provenance.get(f) == "export"]
            if fields:
                out.append(t("ui.prefilled", self.lang, fields=", ".join(fields)))
        return " ".join(out)


# ================================================================ HTML pieces shared by both modes
def heading_html(section: str, lang: str) -> str:
    """A section's heading (``<h2 class="belt-heading">``), from the catalogue."""
    return f'<h2 class="belt-heading belt-heading-{section}">{_e(t(HEADINGS[section], lang))}</h2>'


def title_html(title: str | None, lang: str) -> str:
    """The report title (escaped ``<h1>``); the catalogue's default when ``title`` is None."""
    return f'<h1 class="belt-title">{_e(title if title else t("report.default_title", lang))}</h1>'


def plot_width_px(kind: str) -> int:
    """A plot's PNG width in pixels (:data:`beltlib.plots.SIZES` at 100 dpi): the
    largest width it is shown at, so it is never blurred by scaling up."""
    from .. import plots
    return round(plots.SIZES[kind][0] * 100)


def plot_img_html(a: Assessment, kind: str, lang: str) -> str:
    """A plot as ``<figure class="belt-plot-<kind>">`` holding an ``<img>`` (PNG data URI) with alt text.

    The PNG is drawn at :data:`STATIC_PLOT_DPI` and shown at most :func:`plot_width_px` wide.
    """
    from .. import plots
    alt = plots.alt_text(a, kind, lang)
    uri = plots.data_uri_png(plots.render_png(a, kind, lang, dpi=plots.STATIC_PLOT_DPI))
    return (f'<figure class="belt-plot-{kind}" style="margin:0"><img src="{uri}" alt="{_e(alt)}" '
            f'style="width:100%;max-width:{plot_width_px(kind)}px;height:auto">'
            f'<figcaption class="belt-plot-caption">{_e(alt)}</figcaption></figure>')


def export_section_body(state: ReportState) -> str:
    """The static export section's body: what the export shows and its timeline (or ``""``)."""
    if state.export_summary is None:
        return ""
    return rep.export_summary_html(state.export_summary, state.lang) + timeline_img_html(state.export_summary, state.lang)


def result_body_html(a: Assessment, lang: str, status: str = "") -> str:
    """The live result: :func:`beltlib.report.result_html` (its own ``belt-result`` class
    renamed ``belt-result-body`` so the page has one ``.belt-result``) and a status line."""
    body = rep.result_html(a, lang).replace('class="belt-result"', 'class="belt-result-body"', 1)
    return body + (f'<p class="belt-status">{_e(status)}</p>' if status else "")


# ================================================================ fast plot updates
class PlotPainter:
    """Redraw one plot fast: a cached background plus the person's own marks.

    The parts of a plot that depend on the person carry gids starting with
    ``pop-you`` / ``effort-you`` (see :func:`beltlib.plots.render_svg`). The
    rest depends only on the language (and, for the effort plot, the
    persona), so it is drawn once into an Agg canvas and kept as a
    background; each update draws a fresh :func:`beltlib.plots.figure` but
    renders only its ``*-you*`` artists onto that background, then encodes
    the PNG (fast zlib level). The result matches
    :func:`beltlib.plots.render_png` pixel for pixel except where a static
    label overlaps the person's marks. At most one background per plot is
    kept; no figure is registered with pyplot, so nothing leaks.

    Args:
        kind: ``"population"`` or ``"effort"``.
    """

    PREFIX = {"population": "pop-you", "effort": "effort-you"}

    def __init__(self, kind: str):
        self.kind = kind
        self._key: Any = None
        self._canvas = self._background = None

    def _static_key(self, a: Assessment, lang: str) -> tuple:
        return (lang,) if self.kind == "population" else (lang, a.answers.persona, a.target_belt)

    def _dynamic(self, fig: Any) -> list:
        prefix = self.PREFIX[self.kind]
        return [x for ax in fig.axes for x in ax.get_children() if (x.get_gid() or "").startswith(prefix)]

    def png(self, a: Assessment, lang: str) -> bytes:
        """PNG bytes of the plot for ``a`` in ``lang``."""
        import io

        import numpy as np
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from PIL import Image

        from .. import plots
        key = self._static_key(a, lang)
        fig = plots.figure(a, self.kind, lang)
        if key != self._key:
            for artist in self._dynamic(fig):
                artist.set_visible(False)
            self._canvas = FigureCanvasAgg(fig)
            self._canvas.draw()
            self._background = self._canvas.copy_from_bbox(fig.bbox)
            self._key = key
            fig = plots.figure(a, self.kind, lang)
        renderer = self._canvas.get_renderer()
        self._canvas.restore_region(self._background)
        for artist in self._dynamic(fig):
            artist.draw(renderer)
        buf = io.BytesIO()
        Image.fromarray(np.asarray(renderer.buffer_rgba())).save(buf, format="png", compress_level=1)
        return buf.getvalue()


# ================================================================ static mode
class StaticReport:
    """The report as plain display objects (no widgets, no kernel needed to view them).

    Each section method returns an :class:`IPython.display.HTML` whose HTML is
    the section's heading and body.
    """

    def __init__(self, state: ReportState):
        self.state = state

    def _html(self, section: str, body: str, before: str = ""):
        from IPython.display import HTML
        return HTML(f'<section class="belt-section belt-section-{section}">{before}'
                    f"{heading_html(section, self.state.lang)}{body}</section>")

    @property
    def _a(self) -> Assessment:
        return self.state.assessment

    def intro(self):
        """Title and what the belts are (:func:`beltlib.report.intro_html`)."""
        lang = self.state.lang
        return self._html("intro", rep.intro_html(lang), before=title_html(self.state.title, lang))

    def export_summary(self):
        """What the LinkedIn export shows (counts and dates) and its timeline plot
        (``<figure class="belt-plot-timeline">``); None (nothing shown) without an export."""
        if self.state.export_summary is None:
            return None
        return self._html("export_summary", export_section_body(self.state))

    def questionnaire(self):
        """The answers used, as a table (with their origin when an export prefilled them)."""
        return self._html("questionnaire", rep.answers_html(self.state.answers, self.state.lang, self.state.provenance))

    def result(self):
        """Belt badge, score, percentile sentence, target belt (class ``belt-result``)."""
        return self._html("result", rep.result_html(self._a, self.state.lang))

    def population_plot(self):
        """"Where you sit" as an ``<img>`` in ``<figure class="belt-plot-population">``."""
        return self._html("population_plot", plot_img_html(self._a, "population", self.state.lang))

    def effort_plot(self):
        """"Effort vs usefulness" as an ``<img>`` in ``<figure class="belt-plot-effort">``."""
        return self._html("effort_plot", plot_img_html(self._a, "effort", self.state.lang))

    def action_plan(self):
        """The action plan and notes (:func:`beltlib.report.plan_html`)."""
        return self._html("action_plan", rep.plan_html(self._a, self.state.lang))

    def synthesis(self):
        """The three belts side by side (:func:`beltlib.report.synthesis_html`)."""
        return self._html("synthesis", rep.synthesis_html(self.state.lang))

    def method(self):
        """Method and every named assumption (:func:`beltlib.report.method_html`), with the
        export mapping's (:data:`beltlib.linkedin.EXPORT_ASSUMPTIONS`) when an export was given."""
        return self._html("method", rep.method_html(self.state.lang, self.state.method_extra()))

    def summary(self) -> None:
        """Print the result as plain text (:func:`beltlib.report.render_text`)."""
        print(rep.render_text(self._a, self.state.lang), end="")


# ================================================================ live mode
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


class LiveReport:
    """The live report: widgets wired to one :class:`ReportState`.

    Section methods return a widget (built on first call, the same one after);
    :meth:`app` returns all sections in one box. ``controls`` maps each answers
    field (not ``schema``) to its widget (counts and hours: a ``Text`` box that keeps
    what was typed; a refused value shows a message below it, class
    ``belt-field-error``); ``lang_switch``, ``reset_button`` and ``undo_button``
    (class ``belt-undo-reset``, shown after a reset) are the other controls; ``population_image``/``effort_image`` are the
    plots' ``Image`` widgets once built. The export section (:meth:`export_summary`)
    adds ``export_path`` (``Text``), ``export_load`` (``Button``), ``export_upload``
    (``FileUpload``) and ``timeline_image`` (``Image``).
    """

    def __init__(self, state: ReportState):
        import ipywidgets as w
        self._w = w
        self.state = state
        self._syncing = False
        self._sections: dict[str, Any] = {}
        self._headings: dict[str, Any] = {}
        self._plot_keys: dict[str, Any] = {}
        self.controls: dict[str, Any] = {}
        self._labels: dict[str, Any] = {}
        self._group_titles: dict[str, Any] = {}
        self.population_image = self.effort_image = None
        self._painters = {kind: PlotPainter(kind) for kind in ("population", "effort")}
        self._captions: dict[str, Any] = {}
        self._result = self._plan = self._intro = self._synthesis = self._method = None
        self._message = self._lang_label = None
        self.lang_switch = self.reset_button = None
        self.export_path = self.export_load = self.export_upload = self.timeline_image = None
        self._export: dict[str, Any] = {}
        self._timeline_key: Any = None
        self._export_notice = ""  # catalogue key of a hint for the person (empty path), or ""
        self._origin_tags: dict[str, Any] = {}
        self._field_errors: dict[str, Any] = {}  # count/number field -> its message widget
        self.undo_button = None
        state.subscribe(self._refresh)

    # ------------------------------------------------------------ helpers
    @property
    def lang(self) -> str:
        return self.state.lang

    def _heading_value(self, name: str) -> str:
        title = title_html(self.state.title, self.lang) if name == "intro" else ""
        return f"<style>{APP_CSS}</style>{title}{heading_html(name, self.lang)}"

    def _section(self, name: str, children: list) -> Any:
        w = self._w
        heading = w.HTML(self._heading_value(name))
        self._headings[name] = heading
        box = _section_class()([heading, *children], layout=w.Layout(width="100%"))
        box.plain_text = f"{t(HEADINGS[name], self.lang)} ({t('ui.fallback', self.lang)})"
        box.add_class("belt-app")
        box.add_class("belt-section")
        box.add_class(f"belt-section-{name}")
        self._sections[name] = box
        return box

    def _origin_html(self, field: str) -> str:
        """The answer's origin tag ("from your export"/"from you"), or ``""`` without an export."""
        provenance = self.state.provenance
        if not provenance:
            return ""
        origin = provenance.get(field, "you")
        return f'<span class="belt-origin belt-origin-{origin}">{_e(t(f"origin.{origin}", self.lang))}</span>'

    def _field_label(self, field: str) -> str:
        return f"<label>{_e(t(f'field.{field}', self.lang))}</label>{self._origin_html(field)}"

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
                self._lang_label.value = f"<label>{_e(t('ui.lang', self.lang))}</label>"
                self.reset_button.description = t("ui.reset", self.lang)
                self.undo_button.description = t("ui.undo_reset", self.lang)
                self.undo_button.layout.display = None if self.state.can_undo_reset else "none"
        finally:
            self._syncing = False

    def _on_lang(self, value: str) -> None:
        if not self._syncing and value is not None:
            self.state.set_lang(value)

    def _on_reset(self, _button: Any) -> None:
        self.state.reset()

    def _on_undo(self, _button: Any) -> None:
        self.state.undo_reset()

    def _draw_plot(self, kind: str) -> None:
        from .. import plots
        image = self.population_image if kind == "population" else self.effort_image
        if image is None:
            return
        a = self.state.assessment
        key = ((a.belt, a.percentile) if kind == "population"
               else (a.answers.persona, a.hours_per_week, a.usefulness, a.target_belt)) + (self.lang,)
        if self._plot_keys.get(kind) == key:
            return
        self._plot_keys[kind] = key
        alt = plots.alt_text(a, kind, self.lang)
        # No ``tooltip`` on the Image: its view crashes without a description
        # (ipywidgets 8.1 updateTooltip); the caption below states the message.
        image.value = self._painters[kind].png(a, self.lang)
        self._captions[kind].value = f'<p class="belt-plot-caption">{_e(alt)}</p>'

    def _refresh(self, reason: str) -> None:
        """Update every built view from the state: plots first, the result (with its marker) last."""
        a, lang = self.state.assessment, self.lang
        if reason == "lang" or self.controls:
            self._sync_controls()
        if reason == "lang":
            for name, heading in self._headings.items():
                heading.value = self._heading_value(name)
            if self._intro is not None:
                self._intro.value = rep.intro_html(lang)
            if self._synthesis is not None:
                self._synthesis.value = rep.synthesis_html(lang)
        if reason in ("lang", "export") and self._method is not None:
            self._method.value = rep.method_html(lang, self.state.method_extra())
        if reason in ("lang", "export") and self._export:
            self._update_export()
        if self._message is not None:
            self._update_message()
        self._draw_plot("population")
        self._draw_plot("effort")
        if self._plan is not None:
            self._plan.value = rep.plan_html(a, lang)
        if self._result is not None:
            self._result.value = result_body_html(a, lang, self.state.status_text())

    def _update_message(self) -> None:
        text = self.state.message_text()
        self._message.value = f'<p class="belt-message" role="alert">{_e(text)}</p>' if text else ""
        self._message.layout.display = None if text else "none"

    def _once(self, name: str, build: Callable[[], Any]) -> Any:
        if name not in self._sections:
            build()
        return self._sections[name]

    # ------------------------------------------------------------ sections
    def intro(self):
        """Title and what the belts are."""
        def build():
            self._intro = self._w.HTML(rep.intro_html(self.lang))
            self._section("intro", [self._intro])
        return self._once("intro", build)

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
            x["summary"] = w.HTML()
            self.timeline_image = w.Image(format="png", layout=w.Layout(width=FILL, max_width="500px",
                                                                        height="auto"))
            self.timeline_image.add_class("belt-plot-timeline")
            x["caption"] = w.HTML()
            row = w.HBox([self.export_path, self.export_load], layout=w.Layout(width=FILL))
            row.add_class("belt-export-row")
            self._update_export()
            upload = w.HBox([self.export_upload], layout=w.Layout(margin="6px 0 0 0"))  # not stretched
            self._section("export_summary", [x["intro"], x["path_label"], row, upload, x["message"],
                                             x["summary"], self.timeline_image, x["caption"]])
        return self._once("export_summary", build)

    def _on_load_export(self, _button: Any) -> None:
        path = self.export_path.value.strip()
        self._export_notice = "" if path else "export.no_path"
        if not path:
            self._update_export()
            return
        self.state.load_export(Path(path).expanduser(), name=Path(path).name or path)

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if not files:
            return  # the widget was cleared (below)
        import io
        parts = [io.BytesIO(bytes(item["content"])) for item in files]  # several zips: parts of one export
        name = " + ".join(str(item.get("name") or "export.zip") for item in files)
        self.export_upload.value = ()  # drop the archive from the widget's state
        self._export_notice = ""
        self.state.load_export(parts[0] if len(parts) == 1 else parts, name=name)

    def _update_export(self) -> None:
        """Texts, message, summary and timeline of the export section from the state."""
        x, lang, state = self._export, self.lang, self.state
        x["intro"].value = f'<p class="belt-export-intro">{_e(t("export.live_intro", lang))}</p>'
        x["path_label"].value = f"<label>{_e(t('export.path_label', lang))}</label>"
        self.export_path.placeholder = t("export.path_placeholder", lang)
        self.export_load.description = t("export.load", lang)
        self.export_upload.description = t("export.upload", lang)
        text = t(self._export_notice, lang) if self._export_notice else state.export_message_text()
        bad = bool(self._export_notice or state.export_error)
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

    def questionnaire(self):
        """One control per answers field, grouped, with the language switch and the reset button."""
        def build():
            w = self._w
            self._lang_label = w.HTML(f"<label>{_e(t('ui.lang', self.lang))}</label>")
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
            children = [self._message, self._lang_label, self.lang_switch]
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
            buttons = w.HBox([self.reset_button, self.undo_button], layout=w.Layout(margin="12px 0 0 0"))
            buttons.add_class("belt-reset-row")
            children.append(buttons)
            self._section("questionnaire", children)
        return self._once("questionnaire", build)

    def result(self):
        """The result (class ``belt-result``): badge, score, percentile, target, status line."""
        def build():
            self._result = self._w.HTML(result_body_html(self.state.assessment, self.lang, self.state.status_text()))
            self._result.add_class("belt-result")
            self._section("result", [self._result])
        return self._once("result", build)

    def _plot(self, kind: str):
        def build():
            w = self._w
            image = w.Image(format="png", layout=w.Layout(width=FILL, max_width=f"{plot_width_px(kind)}px",
                                                          height="auto"))
            image.add_class(f"belt-plot-{kind}")
            setattr(self, f"{kind}_image", image)
            self._captions[kind] = w.HTML()
            self._draw_plot(kind)
            self._section(f"{kind}_plot", [image, self._captions[kind]])
        return self._once(f"{kind}_plot", build)

    def population_plot(self):
        """"Where you sit" (``Image`` widget, class ``belt-plot-population``), redrawn on change."""
        return self._plot("population")

    def effort_plot(self):
        """"Effort vs usefulness" (``Image`` widget, class ``belt-plot-effort``), redrawn on change."""
        return self._plot("effort")

    def action_plan(self):
        """The action plan and notes, updated on change."""
        def build():
            self._plan = self._w.HTML(rep.plan_html(self.state.assessment, self.lang))
            self._section("action_plan", [self._plan])
        return self._once("action_plan", build)

    def synthesis(self):
        """The three belts side by side."""
        def build():
            self._synthesis = self._w.HTML(rep.synthesis_html(self.lang))
            self._section("synthesis", [self._synthesis])
        return self._once("synthesis", build)

    def method(self):
        """Method and every named assumption (the export mapping's too once an export is loaded)."""
        def build():
            self._method = self._w.HTML(rep.method_html(self.lang, self.state.method_extra()))
            self._section("method", [self._method])
        return self._once("method", build)

    def summary(self) -> None:
        """Print the current result as plain text (:func:`beltlib.report.render_text`)."""
        print(rep.render_text(self.state.assessment, self.lang), end="")

    def app(self):
        """All sections in one ``VBox`` (for tests, benchmarks and ``display``)."""
        return self._w.VBox([getattr(self, name)() for name in SECTIONS])


def open_report(answers_path: str | os.PathLike[str] | None = DEFAULT_ANSWERS, lang: str = "en",
                persona: str = "job_seeker", live: bool = True, export_path: str | os.PathLike[str] | None = None,
                title: str | None = None) -> LiveReport | StaticReport:
    """Open the report for the notebook (the cell after the ``parameters`` cell).

    Args:
        answers_path: the answers file (JSON, schema 1); relative to the current
            folder; ``answers.json`` is replaced by ``$BELT_REPORT_ANSWERS`` when set.
            Live mode writes it on every change; static mode only reads it.
        lang: ``"en"`` or ``"fr"``.
        persona: persona of the example answers used when the file is missing
            (or, live, invalid): one of :data:`beltlib.rules.PERSONAS`.
        live: True for widgets (JupyterLab, Notebook 7, Voilà); False for plain
            HTML outputs (publishing; ipywidgets is not imported).
        export_path: a LinkedIn data export (zip or folder) to prefill answers from.
        title: the report's title (None: the catalogue's default).

    Returns:
        LiveReport or StaticReport: call its section methods in order.

    Raises:
        ValueError: unknown ``lang``. AnswersError: unknown ``persona``; in static
            mode also an invalid answers file (never renamed or written).
            ExportError (a ValueError): unreadable export.
    """
    state = ReportState(answers_path, lang, persona, export_path, title, read_only=not live)
    return LiveReport(state) if live else StaticReport(state)


__all__ = ["open_report", "ReportState", "LiveReport", "StaticReport", "resolve_answers_path", "load_or_example",
           "prefill_from_export", "timeline_img_html", "DEFAULT_ANSWERS", "ANSWERS_ENV", "SECTIONS",
           "SUMMARY_TAG", "parse_number", "format_number", "NumberError", "allowed_range_text", "input_error_text",
           "PREV_SUFFIX"]
