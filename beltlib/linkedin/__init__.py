"""Reading a LinkedIn data export (the zip as downloaded, or its folder) into counts and
dates, in memory, and mapping them to answers. Nothing of it leaves the machine.

Modules, by job: :mod:`.kinds` (the one registry of file kinds: names, header, reader,
reading order, what each informs), :mod:`.archive` (opening zips and folders, zip-bomb and path guards),
:mod:`.csvfile` (decoding, dialect, preamble, header, rows), :mod:`.dates` (date formats
per column), :mod:`.readers` (one reader per file), :mod:`.messages` (owner,
conversations, reply times), :mod:`.summary` (the result and its sentences),
:mod:`.mapping` (named assumptions, prefilled answers), :mod:`.reading`
(:func:`read_export`: one archive, or the parts of a two-part download), :mod:`.errors`
(:class:`ExportError`, :class:`Problem`: what could not be read, as codes with values, worded in English or French),
:mod:`.timeline` (the plot, matplotlib imported lazily), :mod:`.history` (the history month by month,
with its words :mod:`.history_words` and plot :mod:`.history_plot`).
"""
from .dates import format_date
from .errors import ExportError, Problem
from .mapping import EXPORT_ASSUMPTIONS, export_assumptions, prefill_answers
from .reading import read_export
from .summary import ExportSummary, ExportTimeline, summary_items, summary_text

__all__ = ["EXPORT_ASSUMPTIONS", "ExportError", "ExportSummary", "ExportTimeline", "Problem", "export_assumptions",
           "format_date", "prefill_answers", "read_export", "summary_items", "summary_text"]
