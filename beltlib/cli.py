"""Command line: ``belt-report assess|example|plan|publish|export-summary|history|cohort``
(also ``python -m beltlib ...``).

Invalid input exits with status 2 and a field-level message on stderr, never a
traceback; so does a missing optional dependency (one line naming the package to install).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Any, NoReturn

from . import rules
from .answers import AnswersError, dumps, example_answers, load_answers, validate
from .assessment import assess
from .startup import defer_iri_parser
from .texts import LANGS, t, wrote_text

#: Python modules the heavy commands import, by the distribution that provides them (pip's name).
PACKAGE_OF_MODULE = {"IPython": "ipython", "PIL": "pillow", "zmq": "pyzmq", "yaml": "pyyaml", "bs4": "beautifulsoup4",
                     "jupyter_client": "jupyter-client", "jupyter_core": "jupyter-core"}


def _prog() -> str:
    """The program name usage lines show: ``belt-report`` for the console script, else ``python -m beltlib``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name if name.startswith(("belt-report", "beltlib")) else "python -m beltlib"


def missing_dependency_message(exc: ModuleNotFoundError) -> str:
    """One line naming the package to install when an optional heavy import fails.

    Args:
        exc: the error raised by an import of a third-party module (never a ``beltlib`` module).

    Returns:
        str: e.g. ``error: this command needs the Python package 'nbclient', which is not installed
        (pip install nbclient, or install beltlib with its dependencies: pip install .)``.
    """
    top = (exc.name or "").split(".")[0] or "?"
    package = PACKAGE_OF_MODULE.get(top, top)
    return (f"error: this command needs the Python package '{package}', which is not installed "
            f"(pip install {package}, or install beltlib with its dependencies: pip install .)")


#: argparse's usage errors (Python 3.11's wording) -> catalogue key and the names of the parts it keeps.
ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.argparse.required"),
    (re.compile(r"argument (?P<argument>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"),
     "cli.argparse.invalid_choice"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.argparse.unrecognized"),
    (re.compile(r"argument (?P<argument>\S+): expected one argument"), "cli.argparse.expected_one"),
    (re.compile(r"argument (?P<argument>\S+): expected at least one argument"), "cli.argparse.expected_some"),
)


def lang_of(argv: list[str]) -> str:
    """The language a command line asks for (``--lang fr`` or ``--lang=fr``), read before parsing so
    that even a usage error is written in it; ``"en"`` when absent or not one of :data:`LANGS`."""
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else argv[i + 1] if (
            arg == "--lang" and i + 1 < len(argv)) else None
        if value in LANGS:
            return value
    return "en"


def usage_error_text(message: str, lang: str) -> str:
    """argparse's usage error ``message`` in ``lang`` (:data:`ARGPARSE_ERRORS`; any other message as is)."""
    for pattern, key in ARGPARSE_ERRORS:
        m = pattern.fullmatch(message)
        if m:
            return t(key, lang, **m.groupdict())
    return message


def error_line(message: str, lang: str) -> str:
    """One error line with the language's prefix (``error: …``, ``erreur : …``)."""
    return t("cli.error", lang, message=message)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are written in :attr:`lang` (exit status 2)."""

    lang = "en"

    def error(self, message: str) -> NoReturn:
        usage = self.format_usage().removeprefix("usage: ")
        self.exit(2, t("cli.usage", self.lang) + usage
                  + f"{self.prog}: {error_line(usage_error_text(message, self.lang), self.lang)}\n")


def _parser(lang: str = "en") -> argparse.ArgumentParser:
    _Parser.lang = lang
    p = _Parser(prog=_prog(), description="Belt Report: your LinkedIn belt.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    a = sub.add_parser("assess", help="assess an answers file (- for standard input)")
    a.add_argument("file")
    a.add_argument("--lang", choices=LANGS, default="en")
    a.add_argument("--json", action="store_true", help="print one JSON object")
    a.add_argument("--since", metavar="OLD", help="an earlier answers file: say what changed since then")
    e = sub.add_parser("example", help="print a valid example answers file")
    e.add_argument("--persona", choices=rules.PERSONAS, default="job_seeker")
    _add_plan(sub)
    _add_publish(sub)
    x = sub.add_parser("export-summary", help="summarise a LinkedIn data export (zip or folder)")
    x.add_argument("path", nargs="+", help="the zip or folder; several zips (or a folder of them): parts of one export")
    x.add_argument("--json", action="store_true")
    x.add_argument("--lang", choices=LANGS, default="en")
    _add_history(sub)
    c = sub.add_parser("cohort", help="summarise a group's answers files (folders, JSON and CSV files)")
    c.add_argument("paths", nargs="+", metavar="PATH", help="folders of answers files, answers JSON files, CSV files")
    c.add_argument("--lang", choices=LANGS, default="en")
    c.add_argument("--json", action="store_true", help="print one JSON object")
    c.add_argument("-o", "--output", help="write the cohort report as one offline HTML file")
    c.add_argument("--title", help="the page title")
    c.add_argument("--compare", nargs="+", metavar="BEFORE", help="the same group's earlier answers: then and now")
    return p


def _add_plan(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("plan", help="the action plan as a calendar (.ics) or a checklist (Markdown)")
    p.add_argument("file", help="answers file (- for standard input)")
    p.add_argument("--lang", choices=LANGS, default="en")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="the plan's first day (default today)")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--ics", action="store_true", help="an iCalendar file (RFC 5545)")
    kind.add_argument("--markdown", action="store_true", help="a plain-text checklist (the default)")
    p.add_argument("-o", "--output", help="output path (default: standard output)")


def _add_history(sub: argparse._SubParsersAction) -> None:
    h = sub.add_parser("history", help="your history month by month from a LinkedIn data export (zip or folder)")
    h.add_argument("path", nargs="+", help="the zip or folder; several zips (or a folder of them): parts of one export")
    h.add_argument("--json", action="store_true", help="print one JSON object")
    h.add_argument("--lang", choices=LANGS, default="en")
    h.add_argument("--since", metavar="OLD_EXPORT", help="an earlier export (zip or folder): what changed since then")
    h.add_argument("--answers", help="the answers what the exports cannot tell comes from (default: the example)")
    h.add_argument("-o", "--output", help="also write the report, with its history, as one offline HTML file")
    h.add_argument("--title", help="the page title (with -o)")


def _add_publish(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("publish", help="write the report as one offline HTML file")
    p.add_argument("--answers", help="answers file (default: the example)")
    p.add_argument("--export", nargs="+", help="a LinkedIn data export (zip or folder; several zips: its parts) "
                                               "to prefill the answers")
    p.add_argument("--lang", choices=LANGS, default="en")
    p.add_argument("--title", help="the page title")
    p.add_argument("--interactive", action="store_true", help="a page that stays interactive offline")
    p.add_argument("--since", metavar="OLD", help="an earlier answers file: the page says what changed since then")
    p.add_argument("-o", "--output", help="output path (default build/belt-report.html)")


def _cmd_assess(args: argparse.Namespace) -> int:
    from .report import assessment_dict, assessment_json, render_text
    a = assess(load_answers(args.file))
    if args.since is None:
        sys.stdout.write(assessment_json(a, args.lang) + "\n" if args.json else render_text(a, args.lang))
        return 0
    import json

    from .since import compare_file
    s = compare_file(args.since, a, args.file).since  # a SinceError names --since (main words it in --lang)
    if args.json:
        sys.stdout.write(json.dumps({**assessment_dict(a, args.lang), "since": s.to_dict()}, ensure_ascii=False,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(render_text(a, args.lang, since=s))
    return 0


def _cmd_example(args: argparse.Namespace) -> int:
    sys.stdout.write(dumps(example_answers(args.persona)))
    return 0


def _cmd_publish(args: argparse.Namespace) -> int:
    from .publish import publish_cli
    if args.export is not None and len(args.export) == 1:
        args.export = args.export[0]      # one export: exactly as before (a path)
    return publish_cli(args)


def _cmd_plan(args: argparse.Namespace) -> int:
    from .calendar import run
    return run(args)


def _cmd_export_summary(args: argparse.Namespace) -> int:
    import json

    from .linkedin import read_export, summary_text
    from .publish.command import progress
    if not args.json:
        progress(args.lang)("cli.progress.reading")
    summary = read_export(args.path)      # several paths: the parts of one export
    if args.json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(summary_text(summary, args.lang) + "\n")
    return 0


def _read_history(path: str | list[str], lang: str) -> tuple[Any, Any]:
    """An export's summary and history; an export with no dated row is refused (one line, exit 2)."""
    from .linkedin import read_export
    from .linkedin.history import history
    summary = read_export(path)
    h = history(summary)
    if h is None:
        label = path if isinstance(path, str) else " + ".join(path)
        raise ValueError(t("history.error.no_dates", lang, path=label))
    return summary, h


def _cmd_history(args: argparse.Namespace) -> int:
    import json

    from . import document
    from .linkedin import prefill_answers
    from .publish.command import progress
    lang = args.lang
    if args.output is not None:
        from .publish.common import check_output
        check_output(args.output)
    base = load_answers(args.answers) if args.answers is not None else example_answers()
    if not args.json:
        progress(lang)("cli.progress.reading")
    summary, h = _read_history(args.path if len(args.path) > 1 else args.path[0], lang)
    answers = validate(prefill_answers(summary, base)[0])
    since = None
    if args.since is not None:
        from .since import compare
        try:
            old_summary, _ = _read_history(args.since, lang)
        except ValueError as exc:  # the earlier export's problem, named by its option
            raise ValueError(t("history.error.since_option", lang, error=_error_text(exc, lang))) from None
        old_date, new_date = old_summary.timeline.reference_date, summary.timeline.reference_date
        if old_date > new_date:
            raise ValueError(t("history.error.since_newer", lang, old=old_date, new=new_date))
        old_answers = validate(prefill_answers(old_summary, base)[0])
        since = compare(assess(old_answers), assess(answers))
    page = None
    if args.output is not None:
        from .publish.static import render_static
        page = render_static(answers, lang, title=args.title, export_summary=summary)
    if args.json:
        out = h.to_dict()
        if since is not None:
            out["since"] = since.to_dict()
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        doc = document.build(assess(answers), lang, export=summary, only=["history"])
        sys.stdout.write(document.to_text(doc))
        if since is not None:
            sys.stdout.write("\n" + "\n".join(_since_lines(since, old_summary, args.answers is not None, lang)) + "\n")
    if page is not None:
        from pathlib import Path

        from .answers import atomic_write_text
        out_path = Path(args.output)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(out_path, page)
        print(wrote_text(out_path, lang),
              file=sys.stderr if args.json else sys.stdout)
    return 0


def _since_lines(s: Any, old: Any, from_file: bool, lang: str) -> list[str]:
    """``history --since``'s words: the change since the earlier export, markers gained and lost."""
    from . import since as words
    from .linkedin.dates import format_date
    head = t("history.since.headline", lang, date=format_date(old.timeline.reference_date, lang),
             change=words.change_text(s, lang), belt=words.belt_change_text(s, lang))
    base = t("history.since.file" if from_file else "history.since.example", lang)
    note = t("history.since.note", lang, answers=base)
    return [head, *("  - " + x for x in words.marker_lines(s, lang)), note]


def _cmd_cohort(args: argparse.Namespace) -> int:
    from .cohort.cli import run
    return run(args)


COMMANDS = {"assess": _cmd_assess, "example": _cmd_example, "plan": _cmd_plan, "publish": _cmd_publish,
            "export-summary": _cmd_export_summary, "history": _cmd_history, "cohort": _cmd_cohort}


def _error_text(exc: Exception, lang: str) -> str:
    """An invalid input's message, in the run's language (``--lang``) when the error can word itself
    (an unreadable export's :class:`~beltlib.linkedin.errors.ExportError`, a :class:`~beltlib.since.SinceError`)."""
    text = getattr(exc, "text", None)
    return text(lang) if callable(text) else str(exc)


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Returns:
        int: exit status (0 ok, 2 invalid input, an unwritable output or a missing dependency).
    """
    defer_iri_parser()
    lang = lang_of(sys.argv[1:] if argv is None else argv)
    args = _parser(lang).parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except ModuleNotFoundError as exc:  # an optional heavy import (nbclient, matplotlib, ...) is missing
        if not exc.name or exc.name.split(".")[0] == "beltlib":
            raise  # a broken beltlib is a bug, not a missing dependency
        print(missing_dependency_message(exc), file=sys.stderr)
        return 2
    except (AnswersError, ValueError) as exc:  # ExportError and AnswersError are ValueErrors
        print(error_line(_error_text(exc, lang), lang), file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. -o names a folder or an unwritable place, or the disk is full
        where = f" {exc.filename}" if exc.filename else ""
        print(error_line(t("cli.cannot_write", lang, where=where, reason=exc.strerror or exc), lang), file=sys.stderr)
        return 2
