"""``make lab`` prints, as its last line before the server log, a URL that opens the report with no login page;
its kernels run code over local sockets (``serve.KERNEL_TRANSPORT``), even with a long runtime folder."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import urllib.request
import uuid

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
        # a kernel started as the notebook's runs a cell (this test's Jupyter runtime folder is long: a
        # socket there would pass the ~104-character limit of a Unix socket path and the kernel would die)
        assert len(str(tmp_path / "jupyter" / "runtime")) > 60
        assert asyncio.run(run_cell(port, url.split("token=")[1], "print(6 * 7)")) == "42\n"
        assert "running over TCP" not in (tmp_path / "lab.log").read_text(encoding="utf-8", errors="replace")
    finally:
        stop_group(proc)
        err.close()


async def run_cell(port: int, token: str, code: str) -> str:
    """Start a kernel through the server's REST API, run ``code`` over its websocket, return what it printed."""
    from tornado.websocket import websocket_connect
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/kernels?token={token}", data=b"{}", method="POST")
    with urllib.request.urlopen(request, timeout=60) as r:
        kernel = json.load(r)["id"]
    ws = await websocket_connect(f"ws://127.0.0.1:{port}/api/kernels/{kernel}/channels?token={token}")
    header = {"msg_id": uuid.uuid4().hex, "username": "test", "session": uuid.uuid4().hex,
              "msg_type": "execute_request", "version": "5.3", "date": ""}
    await ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "channel": "shell",
                                       "content": {"code": code, "silent": False, "store_history": False,
                                                   "user_expressions": {}, "allow_stdin": False}}))
    try:
        while True:
            message = json.loads(await asyncio.wait_for(ws.read_message(), TIMEOUT_MS / 1000))
            if message["msg_type"] == "stream" and message["parent_header"].get("msg_id") == header["msg_id"]:
                return message["content"]["text"]
    finally:
        ws.close()
