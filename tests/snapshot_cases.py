"""The canned answer sets of the golden snapshots (``tests/snapshots/``): one per persona's example
and the cases each rule turns on (no profile, an outdated profile, 19/20 and 200/201 connections,
4 and 5 green markers, 2 and 3 black markers, 0 and 60 hours, the issues' personas), plus the sample
LinkedIn export. ``tests/update_snapshots.py`` writes the snapshots; ``tests/test_document.py`` checks them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from beltlib.answers import example_answers

#: The sample export the ``export_sample`` case reads (invented data, no real people).
SAMPLE_ZIP = Path(__file__).resolve().parent / "fixtures" / "export" / "Basic_LinkedInDataExport_11-02-2026.zip"
#: Where the snapshots are.
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
LANGS = ("en", "fr")


def _with(example: str, **changes: Any) -> dict[str, Any]:
    """The example answers of persona ``example`` with ``changes``."""
    return {**example_answers(example).to_dict(), **changes}


#: name -> answers (a dict of a schema-1 answers file).
CASES: dict[str, dict[str, Any]] = {
    "not_looking_example": _with("not_looking"),
    "job_seeker_example": _with("job_seeker"),
    "recruiter_example": _with("recruiter"),
    "sales_example": _with("sales"),
    "no_profile": _with("job_seeker", findable="no_profile"),
    "white_outdated_profile": _with("job_seeker", profile="outdated", photo=False, connections=12, groups=0,
                                    invitations="accept_only", outreach="never", discussions="never",
                                    reply_time="rarely", hours_per_week=0.5),
    "white_empty_profile_hard_to_find": _with("not_looking", findable="hard_to_find", profile="empty"),
    "connections_19": _with("job_seeker", connections=19),
    "connections_20": _with("job_seeker", connections=20),
    "connections_201": _with("job_seeker", connections=201),
    "green_4_of_7_no_groups_no_outreach": _with("job_seeker", groups=0, outreach="never", photo=False),
    "green_5_of_7": _with("job_seeker", groups=0, outreach="never"),
    "green_job_seeker_20_hours": _with("job_seeker", hours_per_week=20.0),
    "green_job_seeker_0_hours": _with("job_seeker", hours_per_week=0.0),
    "black_job_seeker_8_hours": _with("recruiter", persona="job_seeker", hours_per_week=8.0),
    "sales_after_every_meeting_only": _with("sales", outreach="when_no_other_way", reply_time="within_week",
                                            discussions="read_and_sometimes_post"),
    "sales_2_black": _with("sales", outreach="when_no_other_way"),
    "recruiter_60_hours": _with("recruiter", hours_per_week=60.0),
    "recruiter_white": _with("recruiter", profile="outdated", photo=False, connections=15, groups=0,
                             invitations="accept_only", outreach="never", discussions="read_only",
                             reply_time="rarely", premium=False, hours_per_week=0.2),
    "not_looking_green": _with("job_seeker", persona="not_looking"),
}
#: The case read from the sample export (answers: the job seeker's example, prefilled).
EXPORT_CASE = "export_sample"
#: The case with a comparison (``assess --since``): the job seeker's example now, the white job seeker
#: of ``white_outdated_profile`` with a current profile then (3 Nov 2026, compared on 6 Dec 2026).
SINCE_CASE = "since_white_to_green"


def documents(name: str, lang: str) -> tuple[dict[str, Any], str]:
    """The document and the plain text of case ``name`` in ``lang``."""
    from beltlib import assess, document
    from beltlib.answers import validate
    if name == EXPORT_CASE:
        from beltlib.linkedin import prefill_answers, read_export
        summary = read_export(SAMPLE_ZIP)
        data, provenance = prefill_answers(summary, example_answers().to_dict())
        answers = validate(data)
        doc = document.build(assess(answers), lang, answers=answers, provenance=provenance, export=summary)
    elif name == SINCE_CASE:
        import datetime

        from beltlib.since import compare
        old = assess(validate({**CASES["white_outdated_profile"], "profile": "current"}))
        new = assess(example_answers())
        since = compare(old, new, datetime.datetime(2026, 11, 3, 9, 30), datetime.datetime(2026, 12, 6, 18, 0))
        doc = document.build(new, lang, since=since)
    else:
        answers = validate(CASES[name])
        doc = document.build(assess(answers), lang)
    return doc, document.to_text(doc)


def names() -> list[str]:
    """Every case, then the export's and the comparison's."""
    return [*CASES, EXPORT_CASE, SINCE_CASE]
