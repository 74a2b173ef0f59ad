"""Helpers the test modules share (no test module imports another).

- :func:`run_publish`: ``python -m beltlib publish ARGS`` in a folder, with private Jupyter folders
  and a fixed ``SOURCE_DATE_EPOCH``.
- :class:`Page`, :func:`norm`, :func:`table_rows`: a parsed HTML page and its texts.
- :func:`interactive_page`: the pytest fixture ``page`` — the example's interactive page, open in
  headless Chromium (import it into a test module to use it).

The browser itself (Debian's Chromium through Playwright, request guards, screenshots, Jupyter
environments) is in :mod:`browser`.
"""
from __future__ import annotations

import csv
import datetime
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from beltlib.answers import FIELDS, dumps, example_answers
from browser import RequestGuard, allow_file_only, chromium, jupyter_env

#: Repository root.
ROOT = Path(__file__).resolve().parents[1]
#: The generation date :func:`run_publish` gives pages by default (through ``SOURCE_DATE_EPOCH``).
DATE_1 = datetime.date(2026, 1, 2)


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``belt-report ARGS`` run in this test process: :func:`beltlib.cli.main`, which the console script and
    ``python -m beltlib`` call, with its standard input, output and error, exit status, environment
    (``env`` replaces it for the call) and working folder (``cwd``) as a process would have them; all are
    restored after. Returns a :class:`subprocess.CompletedProcess` (text ``stdout``, ``stderr``).

    In this process, the heavy imports of ``publish``, ``history`` and ``cohort`` (nbconvert, matplotlib,
    about a second of CPU) are paid once per test process, not once per call. ``tests/test_cli.py``,
    ``tests/test_readme.py`` and ``tests/test_packaging.py`` run the real processes."""
    import contextlib
    import io
    import os

    from beltlib import cli
    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_cwd, saved_stdin = dict(os.environ), os.getcwd(), sys.stdin
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if cwd is not None:
            os.chdir(cwd)
        sys.stdin = io.StringIO(stdin or "")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli.main(list(args))
            except SystemExit as exc:  # argparse's usage errors and --help
                status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(saved_cwd)
        sys.stdin = saved_stdin
    return subprocess.CompletedProcess(["belt-report", *args], status, out.getvalue(), err.getvalue())


def run_publish(tmp: Path, *args: str, date: datetime.date = DATE_1) -> subprocess.CompletedProcess:
    """``belt-report publish ARGS`` in ``tmp`` (:func:`run_cli`), with private Jupyter/IPython/matplotlib
    folders and ``SOURCE_DATE_EPOCH`` at noon UTC on ``date``."""
    epoch = datetime.datetime.combine(date, datetime.time(12), datetime.UTC).timestamp()
    env = jupyter_env(tmp / "jupyter", SOURCE_DATE_EPOCH=str(int(epoch)))
    return run_cli("publish", *args, cwd=tmp, env=env)


class Page(HTMLParser):
    """A parsed page: every element (tag, attrs, classes, ancestors' classes), texts by class."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.raw = text
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.title = ""
        self.text_parts: list[str] = []
        self.style_text = ""
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        el = {"tag": tag, "attrs": attrs, "classes": set((attrs.get("class") or "").split()),
              "text": [], "ancestors": [e for e in self.stack]}
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack and self.stack[-1]["tag"] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        tags = [e["tag"] for e in self.stack]
        if "title" in tags:
            self.title += data
        elif "style" in tags:
            self.style_text += data
        else:
            self.text_parts.append(data)
        for e in self.stack:
            e["text"].append(data)

    # queries
    def by_class(self, cls: str) -> list[dict]:
        return [e for e in self.elements if cls in e["classes"]]

    def by_tag(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]

    @staticmethod
    def text_of(el: dict) -> str:
        return re.sub(r"\s+", " ", "".join(el["text"])).strip()

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text_parts)).strip()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def table_rows(table: dict, page: Page) -> list[tuple[str, ...]]:
    """Body rows of a parsed table, as tuples of cell texts."""
    rows, current = [], None
    start = page.elements.index(table)
    for el in page.elements[start + 1:]:
        if table not in el["ancestors"]:
            break
        if el["tag"] == "tr" and any(a["tag"] == "tbody" for a in el["ancestors"]):
            current = []
            rows.append(current)
        elif el["tag"] == "td" and current is not None:
            current.append(Page.text_of(el))
    return [tuple(r) for r in rows]


@pytest.fixture(scope="module", name="page")
def interactive_page(tmp_path_factory):
    """The example's interactive page, published and open in headless Chromium (module scope).

    Fixture name ``page``. Fails if the page made any request outside ``file:``/``data:``.
    """
    from beltlib import example_answers
    from beltlib.publish.interactive import publish_interactive

    out = publish_interactive(example_answers(), output=tmp_path_factory.mktemp("parity") / "page.html")
    with chromium() as browser:
        pg = browser.new_page()
        guard = RequestGuard(allow_file_only).attach(pg)
        pg.goto(out.resolve().as_uri())
        pg.wait_for_selector("html[data-belt-ready]", state="attached", timeout=30_000)
        yield pg
        assert guard.blocked == []


# ---------------------------------------------------------------- cohort (issue 13)
SCRIPT_TITLE = "<script>alert(1)</script> & Co"
#: Private-looking file names: they must never reach a report.
NAMES = ("Jean_Dupont", "marie.curie")


def write_json(path: Path, answers) -> Path:
    path.write_text(dumps(answers), encoding="utf-8")
    return path


def csv_row(answers, booleans=("yes", "no")) -> list[str]:
    d = answers.to_dict()
    out = []
    for f in FIELDS:
        if f == "schema":
            continue
        v = d[f]
        out.append(booleans[0] if v is True else booleans[1] if v is False else str(v))
    return out


WHITE_SEEKER = example_answers().replace(photo=False, connections=10, groups=0, discussions="never")
NO_PROFILE = example_answers().replace(findable="no_profile")


def make_cohort(tmp: Path) -> Path:
    """22 valid respondents and 3 invalid ones:

    - folder/: 6 job seekers at green (the example), 5 not looking at white, 2 recruiters at black,
      one file with invalid JSON and one with connections -3;
    - answers.csv (no schema column; booleans yes/no, true/false, 1/0): 5 job seekers at white
      (3 green markers), one invalid row (line 7, persona "pirate"), 3 job seekers with no profile;
    - sales.json: one salesperson at black.
    """
    folder = tmp / "folder"
    folder.mkdir()
    n = 0
    for persona, count in (("job_seeker", 6), ("not_looking", 5), ("recruiter", 2)):
        for _ in range(count):
            name = NAMES[n % 2] + f"_{n}.json"
            write_json(folder / name, example_answers(persona))
            n += 1
    (folder / "broken.json").write_text('{"schema": 1,', encoding="utf-8")
    write_json(folder / "negative.json", example_answers()).write_text(
        dumps(example_answers()).replace('"connections": 150', '"connections": -3'), encoding="utf-8")
    (folder / "notes.txt").write_text("not read", encoding="utf-8")
    header = [f for f in FIELDS if f != "schema"]
    with open(tmp / "answers.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for booleans in (("yes", "no"), ("true", "false"), ("1", "0"), ("Yes", "No"), ("TRUE", "FALSE")):
            w.writerow(csv_row(WHITE_SEEKER, booleans))
        bad = csv_row(WHITE_SEEKER)
        bad[header.index("persona")] = "pirate"
        w.writerow(bad)
        for _ in range(3):
            w.writerow(csv_row(NO_PROFILE))
    write_json(tmp / "sales.json", example_answers("sales"))
    return tmp
