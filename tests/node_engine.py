"""Run the page's engine (``beltlib/publish/engine.js``) under Node, with no browser.

:class:`NodeEngine` mimics the one Playwright call the parity tests use,
``page.evaluate(js_function_source, arg)``: each call starts one ``node`` process that loads
``engine.js`` with the JSON data embedded in a published interactive page (so a text the page
needs but does not embed fails here too), defines ``window.BeltReport.engine``, runs the function
on the JSON batch read from stdin and prints its JSON result.

The ``page`` fixture skips (with its reason shown by ``-ra``) only when ``node`` is not on PATH;
it is not a browser test.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from beltlib import example_answers
from beltlib.publish.interactive import publish_interactive

ENGINE_JS = Path(__file__).resolve().parent.parent / "beltlib" / "publish" / "engine.js"
NODE = shutil.which("node")
NODE_MISSING = "node is not on PATH: the engine parity tests need Node.js (Debian package nodejs)"

_RUNNER = """
const fs = require("fs");
const data = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const E = require(process.argv[2]).makeEngine(data);
globalThis.window = {BeltReport: {engine: E, data: data}};
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const fn = (%s);
Promise.resolve(fn(...input)).then(r => process.stdout.write(JSON.stringify(r === undefined ? null : r)));
"""


def page_data_of(html: str) -> dict[str, Any]:
    """The JSON data a published interactive page embeds (``<script id="belt-data">``)."""
    m = re.search(r'<script type="application/json" id="belt-data">(.*?)</script>', html, re.S)
    assert m, "the page embeds no belt-data"
    return json.loads(m.group(1))


class NodeEngine:
    """``evaluate(fn_source, arg)`` runs a JavaScript function under Node with ``window.BeltReport.engine``."""

    def __init__(self, data_file: Path) -> None:
        self.data_file = data_file
        self.calls = 0

    def evaluate(self, fn_source: str, arg: Any = None) -> Any:
        """Call the function (source text) with ``arg`` (JSON-able) and return its JSON result."""
        self.calls += 1
        args = [] if arg is None and fn_source.lstrip().startswith("()") else [arg]
        proc = subprocess.run([NODE or "node", "-e", _RUNNER % fn_source, str(self.data_file), str(ENGINE_JS)],
                              input=json.dumps(args), capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise AssertionError(f"node failed ({proc.returncode}): {proc.stderr[-2000:]}")
        return json.loads(proc.stdout)


@pytest.fixture(scope="session")
def page(tmp_path_factory) -> NodeEngine:
    """The engine with the example page's data, under Node (skipped only when node is missing)."""
    if NODE is None:
        pytest.skip(NODE_MISSING)
    folder = tmp_path_factory.mktemp("engine")
    html = publish_interactive(example_answers(), output=folder / "page.html").read_text(encoding="utf-8")
    data_file = folder / "data.json"
    data_file.write_text(json.dumps(page_data_of(html), ensure_ascii=False), encoding="utf-8")
    return NodeEngine(data_file)
