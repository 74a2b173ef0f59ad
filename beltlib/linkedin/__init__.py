"""Reading a LinkedIn data export (the zip as downloaded, or its folder) into counts and
dates, in memory, and mapping them to answers. Nothing of it leaves the machine."""
from .export import (
    EXPORT_ASSUMPTIONS,
    ExportError,
    ExportSummary,
    ExportTimeline,
    format_date,
    prefill_answers,
    read_export,
    summary_text,
)

__all__ = ["EXPORT_ASSUMPTIONS", "ExportError", "ExportSummary", "ExportTimeline", "format_date", "prefill_answers",
           "read_export", "summary_text"]
