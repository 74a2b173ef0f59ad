"""``python -m beltlib publish``: the static or the interactive page (the one module importing both)."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from ..assessment import assess
from ..since import compare_file
from ..texts import check_lang, t, wrote_text
from .common import DEFAULT_INTERACTIVE_OUTPUT, DEFAULT_OUTPUT, PublishError, check_output, resolve_export
from .interactive import publish_interactive
from .static import publish


def progress(lang: str, stream: TextIO | None = None) -> Callable[..., None]:
    """What a long command says it is doing: one line per stage on standard error (catalogue keys
    ``cli.progress.*``), only when standard error is a terminal (silent in scripts, pipes and CI).

    Args:
        lang: ``"en"`` or ``"fr"``.
        stream: where to write (default ``sys.stderr``).

    Returns:
        A callable ``stage(key, **values)``.
    """
    out = stream if stream is not None else sys.stderr
    if not out.isatty():
        return lambda key, **values: None

    def stage(key: str, **values: Any) -> None:
        print(t(key, lang, **values), file=out, flush=True)
    return stage


def publish_cli(args: Any) -> int:
    """Run ``python -m beltlib publish`` (arguments parsed by :mod:`beltlib.cli`).

    Args:
        args: namespace with ``answers``, ``export``, ``lang``, ``title``,
            ``interactive``, ``output`` and ``since`` (an earlier answers file, or None; absent: None).
            With ``since`` both pages start with the section "Since last time" (:func:`beltlib.since.compare_file`:
            the files' modification times; without ``answers`` the example answers are dated today).

    Returns:
        int: 0 when the page is written, 1 when the notebook could not run,
        2 for invalid input (raised, see below).

    Raises:
        AnswersError, ExportError, ValueError: invalid input (a SinceError names ``--since``); the CLI turns
            them into exit status 2 with the field-level message, and nothing is written.
    """
    lang = check_lang(args.lang)
    since_path = getattr(args, "since", None)
    check_output(args.output if args.output is not None
                 else DEFAULT_INTERACTIVE_OUTPUT if args.interactive else DEFAULT_OUTPUT)
    stage = progress(lang)

    def warn(problem: str) -> None:
        print(t("cli.warning", lang, message=t("cli.export_problem", lang, problem=problem)), file=sys.stderr)

    if args.interactive:
        if args.export is not None:
            stage("cli.progress.reading")
        _, prefilled, provenance, summary = resolve_export(args.answers, args.export)
        for problem in (summary.problem_texts(lang) if summary is not None else ()):
            warn(problem)
        since = compare_file(since_path, assess(prefilled), args.answers) if since_path is not None else None
        stage("cli.progress.drawing")
        out = Path(publish_interactive(prefilled, lang=lang, title=args.title,
                                       output=Path(args.output if args.output is not None
                                                   else DEFAULT_INTERACTIVE_OUTPUT),
                                       provenance=provenance, export_summary=summary, since=since))
    else:
        try:
            out = publish(args.output, answers_path=args.answers, export_path=args.export, lang=lang,
                          title=args.title, on_problem=warn, on_stage=stage, since_path=since_path)
        except PublishError as exc:
            print(t("cli.error", lang, message=str(exc)), file=sys.stderr)
            return 1
    print(wrote_text(out, lang))
    return 0
