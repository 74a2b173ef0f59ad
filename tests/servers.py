"""Servers for the app's browser tests, started exactly as ``make app`` / ``make app-shared`` / ``make lab``
start them (:func:`beltlib.app.serve.command`), with their Jupyter folders in a temp dir.

- :class:`Server` serves a small notebook made here (:func:`tiny_notebook`: a Label, a slider and a printed
  marker), in its own process group, so the serving tests do not depend on the report's cells;
- :class:`AppServer` serves the report itself (``notebooks/belt_report.ipynb``), on an answers file of the test's.

Kernels are counted as the server's live ``ipykernel`` child processes. Use::

    from servers import Server, open_tiny_page  # tests/ is on sys.path under pytest
    from servers import AppServer, open_app_page, wait_result
"""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import psutil

from beltlib.app import serve
from browser import RequestGuard, allow_local, axe_violations, free_port, jupyter_env, wait_port

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_MS = 90_000
#: The small notebook's markers: a widget (needs the page's widget manager and the kernel) and a printed line.
LABEL, PRINTED = "BELT-SERVE-LABEL", "BELT-SERVE-PRINTED"


def tiny_notebook(folder: Path) -> Path:
    """A one-cell notebook: a Label, a slider, a text box and a printed marker (ipywidgets).

    What is typed in the box is written to ``taken.txt`` (in the notebook's folder) 0.8 s later on the
    kernel's event loop, as the report takes a typed number after a pause.
    """
    source = (f"import asyncio\nimport ipywidgets as w\nfrom IPython.display import display\n"
              f"def later(change):  # on the kernel's event loop, as beltlib.app.live.later\n"
              f"    asyncio.get_running_loop().call_later(0.8, lambda: open('taken.txt', 'w').write(change['new']))\n"
              f"box = w.Text(placeholder='draft')\nbox.observe(later, 'value')\n"
              f"display(w.VBox([w.Label({LABEL!r}), w.IntSlider(3), box]))\nprint({PRINTED!r})")
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {}, "outputs": [],
                     "source": source}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path = folder / "tiny.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


class Server:
    """A server started like the Makefile starts it (:func:`beltlib.app.serve.command`), in its own process
    group, on the small notebook of :func:`tiny_notebook` (``notebook=None``) or on ``notebook``.

    Attributes: ``url``, ``folder`` (the test's folder), ``cwd`` (the server's working folder), ``log``.
    """

    def __init__(self, tmp: Path, mode: str, notebook: Path | None = None, answers: Path | None = None,
                 cwd: Path | None = None, more_argv: tuple[str, ...] = (), **options):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.folder = tmp
        self.cwd = cwd or tmp
        self.answers = answers
        argv, extra = serve.command(mode, self.port, notebook=notebook or tiny_notebook(tmp), **options)
        self.log = tmp / f"server-{mode}.log"
        env = jupyter_env(tmp / f"jupyter-{mode}", MPLBACKEND="Agg", **extra)
        env.pop("BELT_REPORT_ANSWERS", None)
        if answers is not None:
            env["BELT_REPORT_ANSWERS"] = str(answers)
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen([*argv, *more_argv], cwd=self.cwd, env=env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        wait_port(self.port, self.proc)

    def kernels(self) -> list[psutil.Process]:
        """The server's live kernels (``ipykernel`` child processes)."""
        found = []
        for p in psutil.Process(self.proc.pid).children(recursive=True):
            try:
                if p.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(p.cmdline()):
                    found.append(p)
            except psutil.Error:  # ended meanwhile
                continue
        return found

    def wait_kernels(self, count: int, seconds: float) -> float:
        """Wait (at most ``seconds``) until exactly ``count`` kernels run; return the seconds waited."""
        start = time.monotonic()
        while len(self.kernels()) != count and time.monotonic() - start < seconds:
            time.sleep(0.25)
        return time.monotonic() - start

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        stop_group(self.proc)


class AppServer(Server):
    """A :class:`Server` of the report itself (``notebooks/belt_report.ipynb``), on the test's answers file
    (``answers``; None: the server's default), run from a folder of its own, tracebacks shown."""

    def __init__(self, tmp: Path, mode: str, answers: Path | None = None, **options):
        cwd = tmp / f"cwd-{mode}"
        cwd.mkdir(exist_ok=True)
        super().__init__(tmp, mode, notebook=serve.NOTEBOOK, answers=answers, cwd=cwd,
                         more_argv=("--show_tracebacks=True",), **options)


def stop_group(proc: subprocess.Popen) -> None:
    """End a server started with ``start_new_session=True`` and everything it started."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # kernels that outlived the server, if any
    except ProcessLookupError:
        pass
    if proc.poll() is None:
        proc.wait(timeout=10)


def open_tiny_page(context, server, timeout_ms: int = TIMEOUT_MS):
    """A page of ``server`` in ``context``, once its widget and printed marker show."""
    page = context.new_page()
    page.blocked = RequestGuard(allow_local).attach(page).blocked
    page.goto(server.url, timeout=timeout_ms)
    page.get_by_text(LABEL).wait_for(timeout=timeout_ms)
    page.get_by_text(PRINTED).wait_for(timeout=timeout_ms)
    return page


EXPORT = ROOT / "tests" / "fixtures" / "export" / "linkedin-export-basic"


def open_app_page(browser, server, width: int = 1280, context=None):
    """A page of an :class:`AppServer` (in ``context``, or a new one), once its result and effort plot show."""
    page = (context or browser.new_context()).new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.blocked = RequestGuard(allow_local).attach(page).blocked  # outside requests: aborted and listed
    page.goto(server.url, timeout=TIMEOUT_MS)
    page.wait_for_selector(".belt-result .belt-status", timeout=TIMEOUT_MS)
    page.wait_for_selector("img.belt-plot-effort[src^='blob:'][alt]", timeout=TIMEOUT_MS)
    return page


def wait_result(page, text: str) -> None:
    """Wait until the report's result (``.belt-result``) holds ``text``."""
    page.wait_for_function("t => { const r = document.querySelector('.belt-result');"
                           " return r !== null && r.innerText.includes(t); }", arg=text, timeout=TIMEOUT_MS)


def same(a: str, b: str) -> bool:
    """Equal texts, any kind of space (no-break spaces may come back as plain ones from innerText)."""
    return " ".join(a.replace("\u00a0", " ").replace("\u202f", " ").split()) == " ".join(
        b.replace("\u00a0", " ").replace("\u202f", " ").split())


def no_violations(page, when: str) -> None:
    """Assert that axe-core finds no violation on the page as it is now (``when`` names the moment)."""
    found = axe_violations(page)
    assert found == [], f"{when}: {json.dumps(found, indent=1)[:3000]}"


def upload(page, name: str, data: bytes) -> None:
    """Choose a file with the export section's "Upload the zip" button (a real file chooser)."""
    with page.expect_file_chooser() as chooser:
        page.locator("button.belt-export-upload").click()
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/zip", "buffer": data}])


def export_zip(size_mb: float) -> bytes:
    """An export-shaped zip: the fixture export's CSV files plus stored random media up to ``size_mb``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(EXPORT.iterdir()):
            if f.is_file():
                z.write(f, f.name)
        z.writestr(zipfile.ZipInfo("Rich_Media/photo.bin"), os.urandom(int(size_mb * 1024 * 1024)),
                   compress_type=zipfile.ZIP_STORED)
    return buf.getvalue()
