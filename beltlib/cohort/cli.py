"""``python -m beltlib cohort PATH... [--compare BEFORE...] [--lang en|fr] [--json] [-o report.html] [--title T]``.

With ``--compare``: the group then and now (:mod:`beltlib.cohort.compare`).

Reads every respondent, lists each skipped file or CSV row on standard error (file, line,
what is wrong), then prints the JSON (``--json``) or a short summary, and writes the page
(``-o``). No valid respondent at all: exit status 2 and nothing written.
"""
from __future__ import annotations

import argparse
import json
import sys

from ..texts import check_lang, t, wrote_text
from .aggregate import respondents_of, summarise
from .inputs import read_cohort
from .words import summary_text


def run(args: argparse.Namespace) -> int:
    """Run the ``cohort`` command (arguments parsed by :mod:`beltlib.cli`).

    Args:
        args (argparse.Namespace): ``paths`` (list of folders and files), ``lang``, ``json`` (bool),
            ``output`` (path or None), ``title`` (str or None).

    Returns:
        int: 0 when at least one respondent was valid (the summary printed, the page written),
        2 when none was (nothing written).

    Raises:
        CohortInputError: a path that does not exist or is not ``.json``/``.csv`` (the CLI turns it
            into exit status 2 with the message).
        OSError: ``-o`` cannot be written (exit status 2 too).
    """
    lang = check_lang(args.lang)
    if getattr(args, "compare", None):
        from .compare import run as run_compare
        return run_compare(args)
    cohort = read_cohort(args.paths)
    for skipped in cohort.skipped:
        print(skipped, file=sys.stderr)
    if not cohort.answers:
        print(t("cli.error", lang, message=f"no valid respondent ({cohort.invalid} skipped): nothing written"),
              file=sys.stderr)
        return 2
    summary = summarise(respondents_of(cohort.answers), cohort.invalid)
    if args.output is not None:
        from .page import write_page
        out = write_page(summary, args.output, lang=lang, title=args.title)
        print(wrote_text(out, lang), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(summary_text(summary, lang))
    return 0
