"""The workshop view (issue 13): where a whole group stands against the article's 88 / 10 / 2.

A coach gathers the participants' answers files (``answers.json``, or a CSV whose header uses
the answers' field names) and gets, without anyone's name:

- :func:`read_cohort` — read folders, JSON and CSV files; invalid ones are skipped and listed;
- :func:`respondents_of` and :func:`summarise` — assess and count (small cells suppressed);
- :func:`summary_text` — the command line's short summary (English or French);
- :func:`beltlib.cohort.document.build` — the cohort report as sections of the blocks of
  :mod:`beltlib.document`, which the page and the notebook draw with :mod:`beltlib.report`;
- :func:`beltlib.cohort.page.write_page` — the offline cohort page (matplotlib, imported lazily);
- :func:`beltlib.cohort.notebook.open_cohort` — the notebook's folder field and persona filter.

This room sits above the core (it imports :mod:`beltlib.rules`, :mod:`beltlib.answers`,
:mod:`beltlib.assessment`, :mod:`beltlib.texts`, :mod:`beltlib.report`, and :mod:`beltlib.plots`
for drawing) and never imports :mod:`beltlib.app` or :mod:`beltlib.publish`. Importing this package
does not import matplotlib.
"""
from __future__ import annotations

from .aggregate import (
    ALL,
    ARTICLE_SHARES,
    MIN_CELL,
    SUPPRESSED,
    CohortSummary,
    Respondent,
    respondents_of,
    summarise,
)
from .inputs import CohortInput, CohortInputError, Skipped, read_cohort
from .words import summary_text

__all__ = ["ALL", "ARTICLE_SHARES", "MIN_CELL", "SUPPRESSED", "CohortInput", "CohortInputError", "CohortSummary",
           "Respondent", "Skipped", "read_cohort", "respondents_of", "summarise", "summary_text"]
