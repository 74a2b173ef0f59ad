"""Publish the report as one static HTML file that works offline (issue 4).

``python -m beltlib publish [--answers FILE] [--export PATH] [--lang en|fr]
[--title TEXT] [-o PATH]`` (and ``make html``):

1. validates the answers first (the example when no file is given; a LinkedIn
   export prefills them) — invalid input exits with status 2 and writes nothing;
2. executes ``notebooks/belt_report.ipynb`` with papermill's parameter
   injection and nbclient, with ``live=False`` (no widget: every section
   displays plain HTML) and the validated answers written to a temporary file;
3. keeps only what a reader needs — rich outputs and headings; no code, no
   prompts, no streams, no widget views, no scripts — and strips everything
   that varies between runs (execution counts, timings, kernel and papermill
   metadata, cell ids);
4. exports it with nbconvert's ``HTMLExporter`` and the template
   ``beltlib/publish/templates/belt_static`` (based on nbconvert's ``lab`` template
   with every network load removed: no require.js, MathJax, Mermaid, widget
   manager or web fonts; one inlined stylesheet, responsive and A4 print);
5. replaces the output file atomically.

Reproducible: the same answers give the same bytes except the one
generation-date line (``<footer class="belt-generated">``). The kernel runs
with a fixed ``PYTHONHASHSEED``, ``SOURCE_DATE_EPOCH`` and a matplotlibrc that
fixes ``svg.hashsalt``; the date itself honours ``SOURCE_DATE_EPOCH``.

``--interactive`` hands over to :func:`beltlib.publish.interactive.publish_interactive`,
called as ``publish_interactive(answers, lang=..., title=..., output=..., provenance=...,
export_summary=...)`` with the final, validated answers (export prefill applied;
``provenance`` maps each field to ``"you"``/``"export"``/``"example"``, None without an
export; ``export_summary`` the export's counts and dates, or None) and a ``Path``;
it returns the path written.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..answers import Answers, atomic_write_text, dumps
from ..resources import notebook_path
from ..texts import check_lang, t
from .common import (
    DEFAULT_INTERACTIVE_OUTPUT,
    DEFAULT_OUTPUT,
    TEMPLATE_NAME,
    TEMPLATES_DIR,
    PublishError,
    check_output,
    generation_date,
    label_table_cells,
    resolve_export,
)

#: The report notebook: the installed package's copy, or ``notebooks/`` in a clone.
NOTEBOOK = notebook_path("belt_report.ipynb")
#: Seconds one notebook cell may run before publishing gives up.
CELL_TIMEOUT_S = 120
#: Issue 4's size limit for the example page, in bytes (checked by the tests).
MAX_BYTES = 500_000
#: Output types kept on the page; anything else (plain text, widget views,
#: JavaScript) is machinery, not report.
RICH_MIMES = ("text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown")
#: matplotlib settings for the kernel: deterministic SVG ids and no dates.
MATPLOTLIBRC = "svg.hashsalt: belt-report\n"
#: The seed of every kernel (set and dict order never depend on the run).
PYTHONHASHSEED = "0"

__all__ = ["DEFAULT_INTERACTIVE_OUTPUT", "DEFAULT_OUTPUT", "NOTEBOOK", "PublishError", "TEMPLATES_DIR", "TEMPLATE_NAME",
           "clean_notebook", "execute_report", "export_html", "generation_date", "label_table_cells", "publish",
           "resolve_export"]



def _resolved(export_path: Any) -> str | list[str] | None:
    """The export's absolute path for the notebook (a list for the parts of a two-part download)."""
    if export_path is None:
        return None
    if isinstance(export_path, (list, tuple)):
        return [str(Path(p).resolve()) for p in export_path]
    return str(Path(export_path).resolve())


# ---------------------------------------------------------------- execution
def execute_report(answers: Answers, lang: str = "en", title: str | None = None,
                   export_path: str | os.PathLike[str] | None = None,
                   notebook: str | os.PathLike[str] | None = None,
                   timeout: int = CELL_TIMEOUT_S, from_example: bool = False) -> Any:
    """Run the report notebook without widgets and return the executed notebook.

    The parameters cell gets ``answers_path`` (a temporary copy of the
    validated answers), ``lang``, ``persona``, ``live=False``, ``export_path``
    and ``title`` (papermill's injection: values are Python literals, so a
    title is data, never code). The kernel runs in a temporary folder.

    Args:
        answers: validated answers.
        lang: ``"en"`` or ``"fr"``.
        title: the publisher's title, or None.
        export_path: the export the answers were prefilled from, or None.
        notebook: the notebook to run (default :data:`NOTEBOOK`).
        timeout: seconds per cell.
        from_example: the answers are the example for their persona (no answers
            file given): no file is passed, so the report tags them "from the example".

    Returns:
        nbformat.NotebookNode: the executed notebook.

    Raises:
        PublishError: the notebook is missing, the kernel cannot start or a cell fails.
    """
    from nbclient import NotebookClient
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb_path = Path(notebook) if notebook is not None else NOTEBOOK
    if not nb_path.is_file():
        raise PublishError(f"the report notebook is missing: {nb_path}")
    nb = load_notebook_node(str(nb_path))
    with tempfile.TemporaryDirectory(prefix="belt-publish-") as tmp:
        answers_file = Path(tmp) / "answers.json"
        if not from_example:  # a missing file makes the report use example_answers(persona)
            answers_file.write_text(dumps(answers), encoding="utf-8")
        rc_file = Path(tmp) / "matplotlibrc"
        rc_file.write_text(MATPLOTLIBRC, encoding="utf-8")
        # from_example: the default "answers.json", missing in tmp (an explicit missing file is an error)
        params = {"answers_path": "answers.json" if from_example else str(answers_file), "lang": lang,
                  "persona": answers.persona, "live": False,
                  "export_path": _resolved(export_path),
                  "title": title}
        nb = parameterize_notebook(nb, params, kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
                                   language="python")
        env = {**{k: v for k, v in os.environ.items() if k != "BELT_REPORT_ANSWERS"},
               "MATPLOTLIBRC": str(rc_file), "PYTHONHASHSEED": PYTHONHASHSEED,
               "SOURCE_DATE_EPOCH": "0", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
        client = NotebookClient(nb, timeout=timeout, allow_errors=False, record_timing=False,
                                store_widget_state=False, resources={"metadata": {"path": tmp}},
                                config=_kernel_config())
        try:
            client.execute(env=env, cwd=tmp)
        except Exception as exc:  # CellExecutionError, DeadKernelError, NoSuchKernel, timeouts
            raise PublishError(_execution_message(exc)) from None
    return nb


def _kernel_config() -> Any:
    """Encrypt the local kernel's messages (CurveZMQ) when pyzmq supports it.

    The kernel then neither sends the answers in plain text over local TCP nor
    prints its "running over TCP without encryption" warning.
    """
    import zmq
    from traitlets.config import Config

    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


def _execution_message(exc: BaseException) -> str:
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    if ename:
        return f"the report notebook failed: {ename}: {evalue}"
    return f"the report notebook could not run: {exc.__class__.__name__}: {exc}"


# ------------------------------------------------------------------ cleanup
def _rich(output: Any) -> dict[str, Any] | None:
    if output.get("output_type") not in ("display_data", "execute_result"):
        return None  # streams (print, warnings) and errors are not the report
    data = {m: output["data"][m] for m in RICH_MIMES if m in output.get("data", {})}
    return data or None


def clean_notebook(nb: Any) -> Any:
    """Keep the report, drop the machinery and everything that varies between runs.

    Keeps markdown cells and, of code cells, only the rich outputs
    (:data:`RICH_MIMES`); drops raw cells, code cells left without output
    (parameters, imports), streams, plain-text reprs and widget views; puts the answers
    table after the result and the plan (:func:`_result_first`); resets
    execution counts, cell metadata and ids (``cell-<n>``) and the notebook
    metadata (kernel, papermill, widgets, timings).

    Returns:
        nbformat.NotebookNode: a new notebook.
    """
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            new = new_markdown_cell(cell.source)
            if cell.get("attachments"):
                new.attachments = cell.attachments
        elif cell.cell_type == "code":
            outputs = [new_output("display_data", data=d, metadata={})
                       for o in cell.get("outputs", []) if (d := _rich(o))]
            if not outputs:
                continue
            new = new_code_cell("", outputs=outputs)
        else:
            continue
        cells.append(new)
    cells = _result_first(cells)
    for n, cell in enumerate(cells, 1):
        cell.id = f"cell-{n}"
    out = new_notebook(cells=cells, metadata={"language_info": {"name": "python"}})
    nbformat.validate(out)
    return out


def _result_first(cells: list[Any]) -> list[Any]:
    """The page leads with the result: the cell showing the answers table
    (``belt-section-questionnaire``) moves after the action plan's (``belt-section-action_plan``),
    so a reader sees their belt, the distance to their target and the plan before their own answers
    (issue 10). The notebook keeps its order (the live app shows the questions first)."""
    def holding(section: str) -> int | None:
        return next((i for i, c in enumerate(cells) if any(
            f"belt-section-{section}" in "".join(o.get("data", {}).get("text/html", ""))
            for o in c.get("outputs", []))), None)
    answers, plan = holding("questionnaire"), holding("action_plan")
    if answers is None or plan is None or answers > plan:
        return cells
    moved = cells[answers]
    rest = cells[:answers] + cells[answers + 1:]
    return rest[:plan] + [moved] + rest[plan:]


def _shows_h1(nb: Any) -> bool:
    for cell in nb.cells:
        if cell.cell_type == "markdown" and re.search(r"(?m)^#\s|<h1[\s>]", cell.source, re.I):
            return True
        for o in cell.get("outputs", []):
            if re.search(r"<h1[\s>]", str(o.get("data", {}).get("text/html", "")), re.I):
                return True
    return False


# ------------------------------------------------------------------- export
def export_html(nb: Any, lang: str = "en", title: str | None = None, date: _dt.date | None = None) -> str:
    """Export a cleaned, executed notebook as one self-contained HTML page.

    Args:
        nb: the notebook from :func:`clean_notebook`.
        lang: ``"en"`` or ``"fr"`` (``<html lang>`` and the catalogue texts).
        title: the page title (escaped); default the catalogue's ``report.default_title``.
        date: the generation date (default :func:`generation_date`).

    Returns:
        str: the HTML text. ``<title>`` is the title; a visible ``<h1>`` with it is
        added only when the notebook shows none; the last lines hold the
        ``report.generated`` sentence in ``<footer class="belt-generated">``.
    """
    from nbconvert import HTMLExporter

    check_lang(lang)
    page_title = title if title else t("report.default_title", lang)
    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        exclude_anchor_links=True, anchor_link_text="",
        require_js_url="", mathjax_url="", widget_renderer_url="", jupyter_widgets_base_url="",
        mermaid_js_url="", mermaid_layout_elk_js_url="", jquery_url="",
        language_code=lang, embed_images=True, sanitize_html=False)
    resources = {
        "metadata": {"name": page_title},
        "belt": {"title": page_title, "heading": "" if _shows_h1(nb) else page_title,
                 "generated": t("report.generated", lang, date=generation_date(date).isoformat())},
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    body = label_table_cells(body)
    # One line per blank run, and a final newline: the page is small and diff-friendly.
    body = re.sub(r"\n\s*\n+", "\n", body).strip() + "\n"
    return body


# ------------------------------------------------------------------ publish
def publish(output: str | os.PathLike[str] | None = None, answers_path: str | os.PathLike[str] | None = None,
            export_path: str | os.PathLike[str] | None = None, lang: str = "en", title: str | None = None,
            notebook: str | os.PathLike[str] | None = None, date: _dt.date | None = None,
            on_problem: Callable[[str], None] | None = None) -> Path:
    """Publish the report as one offline HTML file.

    Args:
        output: the file to write (default :data:`DEFAULT_OUTPUT`); an existing
            file is replaced atomically.
        answers_path: answers file; None for the example.
        export_path: LinkedIn export to prefill the answers from, or None.
        lang: ``"en"`` or ``"fr"``.
        title: page title (default: catalogue ``report.default_title``).
        notebook: notebook to run (default :data:`NOTEBOOK`).
        date: generation date shown on the page (default :func:`generation_date`).
        on_problem: called with each safe message about an export file that could not be
            read (the rest of the export is still used).

    Returns:
        Path: the file written.

    Raises:
        AnswersError, ExportError, ValueError: invalid input (nothing written).
        PublishError: the notebook could not run (nothing written).
    """
    check_lang(lang)
    answers, _, _, summary = resolve_export(answers_path, export_path)  # first: invalid input writes nothing
    if summary is not None and on_problem is not None:
        for problem in summary.problems:
            on_problem(problem)
    out = check_output(output if output is not None else DEFAULT_OUTPUT)  # before a kernel starts
    nb = execute_report(answers, lang=lang, title=title, export_path=export_path, notebook=notebook,
                        from_example=answers_path is None)
    page = export_html(clean_notebook(nb), lang=lang, title=title, date=date)
    atomic_write_text(out, page)  # readable mode (0644 with the usual umask), atomic replace
    return out
