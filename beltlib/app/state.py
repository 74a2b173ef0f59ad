"""The live report's one shared model: answers, language, assessment and the answers file.

Widgets never compute: they call :class:`ReportState`'s methods and views subscribe to it.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..answers import FIELDS, Answers, AnswersError, Problem, example_answers, load_answers, save_answers, validate
from ..assessment import Assessment, assess
from ..linkedin.errors import ExportError
from ..numbers import NumberError, input_error_text, parse_number
from ..store import (
    ANSWERS_ENV,
    DEFAULT_ANSWERS,
    PREV_SUFFIX,
    earlier_answers,
    load_or_example,
    record_day,
    remove_stale_temp,
    resolve_answers_path,
)
from ..texts import check_lang, t

#: Environment variable that turns shared mode on (``1``; set by ``make app-shared``): every
#: visitor starts from the example and their answers stay in their own kernel (nothing is
#: written on the server; no server path is shown; no export path field).
SHARED_ENV = "BELT_REPORT_SHARED"


def shared_mode() -> bool:
    """True when :data:`SHARED_ENV` is set to ``1``/``true``/``yes`` (case-insensitive)."""
    return os.environ.get(SHARED_ENV, "").strip().lower() in ("1", "true", "yes")


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
                 title: str | None = None, read_only: bool = False, shared: bool | None = None):
        self.lang = check_lang(lang)
        #: Shared mode (:data:`SHARED_ENV`): no answers file is read or written; the answers
        #: live in this kernel (one visitor's page) only and every visitor starts from the example.
        self.shared = shared_mode() if shared is None else shared
        self.path: Path | None = None if self.shared else resolve_answers_path(answers_path)
        self.read_only = read_only
        self.message: dict[str, Any] = {}
        replaced: set[str] = set()
        if self.path is None:
            self.origin, answers = "example", example_answers(persona)
        elif read_only:
            self.origin = "file" if self.path.exists() else "example"
            if self.origin == "example" and os.environ.get(ANSWERS_ENV) and (
                    answers_path is None or str(answers_path) == DEFAULT_ANSWERS):
                self.message = {"key": "ui.missing_answers", "path": str(self.path)}  # said, never silent
            if self.origin == "example" and answers_path is not None and str(answers_path) != DEFAULT_ANSWERS:
                raise AnswersError([Problem("(file)", str(self.path), "an existing answers file",
                                            f"no such file: {self.path}")], str(self.path))
            answers = load_answers(self.path) if self.origin == "file" else example_answers(persona)
        else:
            remove_stale_temp(self.path)
            answers, self.origin, self.message = load_or_example(self.path, persona)
            if self.message.get("key") == "ui.fields_replaced":
                replaced = {p.split(":", 1)[0] for p in self.message["problems"].split("; ")}
        #: The loaded export's summary (counts and dates only), its short name, and the
        #: last export error (None when the last load worked).
        self.export_summary: Any = None
        self.export_name: str | None = None
        self.export_error: str | None = None
        base = "example" if self.origin == "example" else "you"
        self.origins: dict[str, str] = {f: "example" if f in replaced else base for f in FIELDS if f != "schema"}
        self.provenance: dict[str, str] | None = None
        #: Typed text refused for a count or number field (field -> the text, kept as typed).
        self.input_errors: dict[str, str] = {}
        self.title = title
        self.changes = 0
        self.error: str | None = None
        #: (answers, provenance, origins) before the last "Reset to example", while it can be undone.
        self._undo: tuple[Answers, dict[str, str] | None, dict[str, str]] | None = None
        #: Where the last reset kept the previous answers file (``answers.json.prev``), or None.
        self.prev_path: Path | None = None
        self._listeners: list[Callable[[str], None]] = []
        self.answers = answers
        if export_path is not None:
            self.answers, provenance, self.export_summary = prefill_from_export(answers, export_path)
            self._take_export_origins(provenance)
            self.export_name = source_name(export_path)
            if not read_only:  # saved like "Load export" (the status line says so)
                self._commit(self.answers, "export")
        self.assessment: Assessment = assess(self.answers)
        self._listeners: list[Callable[[str], None]] = []
        #: The answers of the last earlier day kept beside the answers file (:func:`beltlib.store.earlier_answers`),
        #: as (date, assessment), or None: the report's "Since last time" compares with them.
        self.earlier: tuple[Any, Assessment] | None = None
        if self.path is not None and (kept := earlier_answers(self.path)) is not None:
            self.earlier = (kept[0], assess(kept[1]))

    @property
    def since(self) -> Any:
        """What changed since the last earlier day kept (:class:`beltlib.since.Since`), or None (no earlier
        day, or answers that cannot be compared: assumption ``SAME_PERSON``)."""
        if self.earlier is None:
            return None
        import datetime as _dt

        from ..since import SinceError, compare
        day, old = self.earlier
        try:
            return compare(old, self.assessment, _dt.datetime.combine(day, _dt.time()), _dt.datetime.now(),
                           date_from_file=False)  # the day was recorded with the answers
        except SinceError:
            return None

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
        if self.path is None:  # shared mode: kept in this kernel only
            self.changes += 1
            self.error = None
            self._notify(reason)
            return
        if self.message.get("key") == "ui.corrupt_kept":  # never write over a file that could not be kept aside
            self.error = t("ui.corrupt_kept", self.lang, **{k: v for k, v in self.message.items() if k != "key"})
            self._notify(reason)
            return
        try:
            save_answers(answers, self.path)
            record_day(self.path, answers)  # the answers each day ended with: "Since last time" (issue 18)
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
        prev = self.path.with_name(self.path.name + PREV_SUFFIX) if self.path is not None else None
        kept = None
        if (not self.read_only and self.path is not None and prev is not None
                and self.message.get("key") != "ui.corrupt_kept" and self.path.exists()):
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
            if isinstance(exc, ExportError):  # name the archive as the person did: full path, or upload's name
                path = isinstance(source, (str, os.PathLike))
                shown = str(Path(source).absolute()) if path else label
                message = exc.text("en", archive=shown)
                if path and exc.archive is None:  # about one file inside: say which export it is in
                    message = t("export.where", "en", where=shown, reason=message)
            self.export_error = message
            self._notify("export")
            return False
        self.export_summary, self.export_name, self.export_error = summary, label, None
        self._take_export_origins(provenance)
        self._commit(answers, "export")
        return True

    def fail_export(self, message: str) -> None:
        """Say that an export could not be read (``message`` names the full path looked at);
        the answers and the previous export stay as they were; listeners are notified."""
        self.export_error = message
        self._notify("export")

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
        if self.export_summary is None:
            return None
        from ..linkedin import export_assumptions
        return export_assumptions(self.lang)

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
        if self.path is None:
            out = [t("ui.status_session_changed" if self.changes else "ui.status_session", self.lang,
                     count=self.changes)]
        elif self.changes and self._undo is not None and self.prev_path is not None:
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

