"""``make lab`` prints, as its last line before the server log, a URL that opens the report with no login page."""
from __future__ import annotations

import subprocess
import sys

import pytest

from beltlib.app import serve
from browser import RequestGuard, allow_local, chromium, free_port, jupyter_env, wait_port
from servers import ROOT, TIMEOUT_MS, stop_group


@pytest.mark.browser
def test_make_lab_prints_a_url_that_opens_the_notebook_without_a_login_page(tmp_path):
    port = free_port()
    env = jupyter_env(tmp_path / "jupyter", MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    err = open(tmp_path / "lab.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "beltlib.app.serve", "lab", f"--port={port}"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=err, text=True, start_new_session=True)
    try:
        wait_port(port, proc, timeout=90)
        lines = []
        while not lines or "http" not in lines[-1]:
            line = proc.stdout.readline()
            assert line, f"no URL printed: {lines}"
            lines.append(line.strip())
        url = lines[-1].split(": ", 1)[1]
        assert url.startswith(f"http://127.0.0.1:{port}/lab/tree/{serve.WORKING_COPY.name}?token=")
        assert len(url.split("token=")[1]) >= 24
        with chromium() as browser:
            page = browser.new_page()
            RequestGuard(allow_local).attach(page)  # nothing leaves the machine
            page.goto(url, timeout=TIMEOUT_MS)
            tab = page.locator(".lm-TabBar-tab", has_text=serve.WORKING_COPY.name)
            tab.first.wait_for(timeout=TIMEOUT_MS)
            page.locator(".jp-NotebookPanel").first.wait_for(timeout=TIMEOUT_MS)
            assert "/login" not in page.url and page.locator("input[type=password]").count() == 0
    finally:
        stop_group(proc)
        err.close()
