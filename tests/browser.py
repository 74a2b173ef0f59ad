"""Shared helpers for the browser tests: Debian's Chromium through Playwright.

Never ``playwright install``: the tests drive Debian's Chromium headless shell,
``/usr/bin/chromium-headless-shell`` (installed by ``make chromium`` / ``.ci/run``; see
:data:`CHROMIUM`). Use::

    from browser import chromium, RequestGuard, allow_local  # tests/ is on sys.path under pytest

    with chromium() as browser:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        guard = RequestGuard(allow_local).attach(page)
        page.goto(url)
        ...
        assert guard.blocked == []

:class:`RequestGuard` aborts (and records) every request its ``allow`` test
refuses, so an offline page's attempts are counted instead of waited for.
:func:`free_port`, :func:`jupyter_env` and :func:`wait_http` help tests that
start a Jupyter or Voilà server.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Debian's Chromium headless shell (``apt-get install chromium-headless-shell``): the same Chromium build as
#: Debian's ``chromium``, in the headless mode Playwright itself uses for headless runs. Measured here, a Voilà
#: page costs it about 0.9 s of CPU against 1.9 s for ``/usr/bin/chromium`` (whose headless mode is the whole
#: browser), and the browser tests load dozens. ``BELT_CHROMIUM=/usr/bin/chromium`` runs the tests on the
#: full browser instead.
CHROMIUM = os.environ.get("BELT_CHROMIUM", "/usr/bin/chromium-headless-shell")
#: Launch flags: no sandbox (CI runs as root), no GPU, nothing phoning home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
#: Repository root and the folder for screenshots (git-ignored).
ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "screenshots"


def require_chromium() -> str:
    """The Chromium path; fails (never skips) when it is missing, naming the fix."""
    if not os.access(CHROMIUM, os.X_OK):
        package = "chromium-headless-shell" if CHROMIUM.endswith("headless-shell") else "chromium"
        raise RuntimeError(f"{CHROMIUM} not found: run `make chromium` (apt-get install {package})")
    return CHROMIUM


#: One Playwright driver and one browser per test process, for :func:`chromium` with the default options:
#: starting them costs about a second of CPU each time, and the suite opens a browser in some forty tests.
#: Playwright's sync API runs its driver's event loop in a greenlet that stays inside ``run_until_complete``,
#: so asyncio would see that loop running in this thread from then on; :func:`chromium` marks it running
#: only inside its block, as a fresh ``sync_playwright()`` block would, so that code between the blocks
#: (nbclient, ``asyncio.run``) finds no running loop.
_SHARED: dict[str, Any] = {}


def _shared_browser():
    """The process's browser (launched on first use, and again if it went away)."""
    browser = _SHARED.get("browser")
    if browser is not None and browser.is_connected():
        return browser
    if "playwright" not in _SHARED:
        from playwright.sync_api import sync_playwright
        _SHARED["manager"] = sync_playwright()
        _SHARED["playwright"] = _SHARED["manager"].__enter__()
        _SHARED["loop"] = asyncio.get_running_loop()  # the driver's (see _SHARED)
    browser = _SHARED["playwright"].chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS,
                                                    headless=True)
    _SHARED["browser"] = browser
    return browser


def close_shared() -> None:
    """Close the process's browser and stop its Playwright driver (``tests/conftest.py``, at the session's end).

    Never raises: a driver that died with a test is reported by that test, not by the session's end.
    """
    browser, manager, loop = _SHARED.pop("browser", None), _SHARED.pop("manager", None), _SHARED.pop("loop", None)
    _SHARED.pop("playwright", None)
    if loop is not None:
        asyncio.events._set_running_loop(loop)
    try:
        if browser is not None and browser.is_connected():
            browser.close()
        if manager is not None:
            manager.__exit__(None, None, None)
    except Exception:  # noqa: BLE001  (the driver is gone: nothing left to close but its loop)
        if loop is not None and not loop.is_running():
            loop.close()
    finally:
        asyncio.events._set_running_loop(None)


def leave_no_running_loop() -> None:
    """Outside every :func:`chromium` block, clear the driver's loop if a Playwright call marked it running
    again (any sync call does, even on a closed page); ``tests/conftest.py`` calls this after each test."""
    if not _SHARED.get("depth") and "loop" in _SHARED and asyncio.events._get_running_loop() is _SHARED["loop"]:
        asyncio.events._set_running_loop(None)


@contextlib.contextmanager
def chromium(**launch_options) -> Iterator[object]:
    """Debian's headless Chromium (:data:`CHROMIUM`) with :data:`CHROMIUM_ARGS`: yield the Playwright Browser.

    With no options, the block gets the test process's one browser, and every context (so every page)
    opened during the block is closed at its end: a test starts from a browser with no page, as if just
    launched. (A block inside another closes what was opened while it ran, the enclosing block's too.)
    With options (``chromium(slow_mo=…)``), a browser of its own is launched and closed, with a Playwright
    driver of its own: such a block cannot sit inside a block without options, nor hold one.
    """
    if launch_options:
        from playwright.sync_api import sync_playwright
        options = {"executable_path": require_chromium(), "args": CHROMIUM_ARGS, "headless": True, **launch_options}
        with sync_playwright() as p:
            browser = p.chromium.launch(**options)
            try:
                yield browser
            finally:
                browser.close()
        return
    previous = asyncio.events._get_running_loop()  # restored at the end (an enclosing block's, or None)
    if "loop" in _SHARED:
        asyncio.events._set_running_loop(_SHARED["loop"])
    _SHARED["depth"] = _SHARED.get("depth", 0) + 1
    try:
        browser = _shared_browser()
        before = list(browser.contexts)
        try:
            yield browser
        finally:
            for context in browser.contexts if browser.is_connected() else []:
                if context not in before:
                    try:
                        context.close()
                    except Exception:  # noqa: BLE001  (already gone; the test's own error, if any, is kept)
                        pass
    finally:
        _SHARED["depth"] -= 1
        asyncio.events._set_running_loop(previous)


def allow_file_only(url: str) -> bool:
    """Allow ``file:``, ``data:`` and ``blob:`` URLs only (an offline page)."""
    return url.startswith(("file:", "data:", "blob:", "about:"))


def allow_local(url: str) -> bool:
    """Allow the above plus ``127.0.0.1``/``localhost`` (a local server); refuse the internet."""
    if allow_file_only(url):
        return True
    host = urlsplit(url).hostname or ""
    return host in ("127.0.0.1", "localhost", "::1")


#: For each allow test above, a regular expression of the URLs it refuses: Playwright's driver matches it, so
#: only refused requests come back to this process (a Voilà page makes ~100 requests; all of them used to).
#: Other allow tests route every request.
REFUSED = {
    allow_file_only: re.compile(r"^(?!(?:file|data|blob|about):)"),
    allow_local: re.compile(r"^(?!(?:file|data|blob|about):|(?:https?|wss?)://(?:127\.0\.0\.1|localhost|\[::1\])"
                            r"(?::\d+)?(?:[/?#]|$))"),
}


class RequestGuard:
    """Abort and count every request that ``allow(url)`` refuses.

    Attributes:
        blocked: refused URLs, in order (websockets are not routed by Playwright).
    """

    def __init__(self, allow: Callable[[str], bool] = allow_file_only):
        self.allow = allow
        self.blocked: list[str] = []

    def attach(self, target) -> RequestGuard:
        """Route the requests ``allow`` refuses (:data:`REFUSED`; any other test: every request) of a
        Playwright Page or BrowserContext through the guard."""
        target.route(REFUSED.get(self.allow, "**/*"), self._handle)
        return self

    def _handle(self, route) -> None:
        url = route.request.url
        if self.allow(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()


def screenshot(page, name: str, scroller: str | None = None, max_height: int = 12000) -> Path:
    """Save a full-page PNG screenshot as ``screenshots/<name>.png`` and return its path.

    Args:
        scroller: CSS selector of an inner scrolling element whose whole height
            should be captured (Voilà scrolls ``#rendered_cells``, not the
            document): the viewport is grown to fit it for the shot, then restored.
        max_height: cap of that height, px.
    """
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    if scroller and size:
        height = page.evaluate("s => document.querySelector(s).scrollHeight", scroller)
        page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), max_height)})
        page.wait_for_timeout(300)  # let the layout settle
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        if scroller and size:
            page.set_viewport_size(size)
    return path


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment for a Jupyter/Voilà server with its config, data, runtime,
    IPython and matplotlib folders in ``tmp`` (nothing read from or written to ~)."""
    env = dict(os.environ)
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "mpl")):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / sub)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.update(extra)
    return env


def wait_http(url: str, timeout: float = 60.0, proc=None) -> None:
    """Wait until ``url`` answers HTTP 200.

    Raises:
        RuntimeError: the server process ended, or ``timeout`` seconds passed.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with status {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def axe_violations(page, context: str | dict | None = None) -> list[dict]:
    """Run axe-core (``axe-playwright-python``'s bundled ``axe.min.js``) on the page as it is now.

    Every rule axe runs by default is checked, of any impact (minor to critical).

    Args:
        page: a Playwright Page.
        context: an axe context (CSS selector or include/exclude object); None: the whole page.

    Returns:
        list[dict]: one ``{"id", "impact", "help", "nodes"}`` per violated rule, ``nodes`` the
        CSS targets and failure summaries of the offending elements; ``[]`` when none.
    """
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page, context=context)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [(n["target"], n.get("failureSummary", "")) for n in v["nodes"]]}
            for v in results.response["violations"]]


def wait_port(port: int, proc: Any, timeout: float = 60.0) -> None:
    """Wait until a server started as ``proc`` listens on ``port`` (RuntimeError if it exits or never does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"voila exited with status {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"voila did not listen on port {port} within {timeout:.0f} s")
