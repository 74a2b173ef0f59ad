"""Start the report's servers with the settings it needs: ``python -m beltlib.app.serve MODE``.

Modes (the Makefile's ``make app``, ``make app-shared`` and ``make lab`` call this):

- ``app`` — Voilà for one person: answers saved to ``notebooks/answers.json`` (as before).
- ``shared`` — Voilà for several people: every visitor starts from the example and their
  answers stay in their own kernel (:data:`beltlib.app.state.SHARED_ENV`; nothing written on
  the server, no server path shown, no path field); at most :data:`MAX_KERNELS` kernels run
  at once (the next visitor gets a "too many visitors, try again in N minutes" page).
- ``lab`` — JupyterLab on a git-ignored working copy of the notebook
  (:data:`WORKING_COPY`), so its autosave never writes into the tracked notebook. It prints a
  URL with a fresh random token (``JUPYTER_TOKEN``): that URL opens the notebook, no login page.

No kernel outlives its page, in every mode (:class:`CappedKernelManager`): closing or
reloading a tab ends its kernel once it has been quiet for :data:`QUIET_S` s (Voilà's own
unload request, which needs the ``_xsrf`` cookie :class:`PageIdentityProvider` sets), and a
kernel with no page connected ends
:data:`CLOSED_AFTER_S` seconds after its last activity anyway (checked every
:data:`CULL_INTERVAL_S` s); a page left open but idle ends after :data:`CULL_IDLE_S` s
(shared) or :data:`APP_IDLE_S` s (app); JupyterLab keeps an open notebook's kernel.

Every mode accepts uploads up to :data:`UPLOAD_LIMIT_MB` MB (the websocket message limit of
the server; Tornado's default is 10 MiB) and tells the kernel that limit
(:data:`beltlib.app.live.UPLOAD_LIMIT_ENV`), so the page refuses a larger file before
sending it and says why.

A server that cannot start (Voilà, JupyterLab or ipykernel missing, the notebook missing, the
port in use) is one line on stderr naming what failed, and exit status 2.
"""
from __future__ import annotations

import argparse
import asyncio
import atexit
import importlib.util
import json
import os
import secrets
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from ..resources import REPO_NOTEBOOKS, notebook_path

#: The largest upload (MB, 2**20 bytes) the servers accept: a LinkedIn export with messages fits.
UPLOAD_LIMIT_MB = 256
#: Every mode: a kernel with no page connected (its tab closed) ends this many seconds after its
#: last activity (its notebook still running counts as activity; a page that is still loading
#: has this long to connect).
CLOSED_AFTER_S = 30
#: Every mode: a closed (or reloaded) page's kernel ends once it has been quiet this long (s), so that the
#: last answer the page sent as it closed (a typed number, taken after a 0.8 s pause) is still saved.
QUIET_S = 2
#: Every mode: how often (s) kernels are checked for the two idle limits.
CULL_INTERVAL_S = 10
#: Shared mode: a visitor's open page with no activity for this many seconds loses its kernel.
CULL_IDLE_S = 600
#: ``make app``: the same for the one person's open page (their answers are on disk; a reload brings them back).
APP_IDLE_S = 3600
#: Shared mode: most kernels (visitors' pages) at once (about 110 MB each).
MAX_KERNELS = 20
#: Voilà: seconds to wait for a cell's outputs after its reply (nbclient's default, 4 s, silently drops the
#: outputs still in flight when a loaded server is slower: a page without its questionnaire, saying nothing).
IOPUB_TIMEOUT_S = 60
#: Shared mode: the "too many visitors" page says to try again in this many minutes.
RETRY_MINUTES = 2
#: Every mode: how kernels and the server talk. "ipc": local (Unix) sockets in a new folder of the server's
#: (``CappedKernelManager``: ``/tmp/belt-kernels-…``, only this user can open it), not TCP ports, which
#: another program could take between the server choosing them and the kernel binding them (a kernel then
#: died at start: "Address already in use", its page never came), and which any user of the machine could
#: reach (Jupyter warns "Kernel is running over TCP without encryption").
KERNEL_TRANSPORT = "ipc"
#: The repository's notebooks folder and the tracked notebook.
NOTEBOOKS = REPO_NOTEBOOKS
NOTEBOOK = notebook_path("belt_report.ipynb")  # the installed copy, or the clone's notebooks/
#: The working copy JupyterLab opens (git-ignored; refreshed when the tracked notebook's code changes).
WORKING_COPY = NOTEBOOKS / "my_belt_report.ipynb"
#: Voilà template of the app (``beltlib/app/voila/templates/belt``): Voilà's "lab" page without the
#: two Font Awesome stylesheets it would fetch from a public CDN, so the app makes no outside request,
#: and its own error page (``error.html``: "too many visitors", a kernel that could not start).
VOILA_TEMPLATE = "belt"
#: How every server starts: ``python -m beltlib.startup MODULE ARGS…`` runs ``python -m MODULE ARGS…`` (``voila``,
#: ``jupyterlab``) without building a parser no server uses (:func:`beltlib.startup.defer_iri_parser`: about
#: 0.7 s of CPU less at each start).
STARTUP = (sys.executable, "-m", "beltlib.startup")
#: This module's import name, for the servers' class settings (``__name__`` is ``__main__`` under ``-m``).
MODULE = "beltlib.app.serve"

try:  # the `app` extra; main() names what is missing instead of a traceback
    from jupyter_server._tz import utcnow
    from jupyter_server.auth.identity import PasswordIdentityProvider
    from jupyter_server.base.call_context import CallContext
    from jupyter_server.base.handlers import APIHandler
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from tornado import web
    from tornado.ioloop import PeriodicCallback
    from traitlets import Int
    SERVER_IMPORT_ERROR = ""
except ImportError as missing:  # pragma: no cover - reported by main()
    SERVER_IMPORT_ERROR = f"{missing.name or missing} is not installed"
    AsyncMappingKernelManager = PasswordIdentityProvider = APIHandler = object

    def Int(*args: Any, **kwargs: Any) -> Any:  # noqa: N802 - stands for traitlets.Int
        return None


def too_many_visitors(cap: int, minutes: int) -> Exception:
    """HTTP 503 whose page (the template's ``error.html``) says, in English and French, to come back later."""
    from ..texts import t
    error = web.HTTPError(503, "too many visitors: %s reports are open; try again in %s minutes", cap, minutes)
    error.belt_texts = {lang: t("server.too_many", lang, cap=cap, minutes=minutes) for lang in ("en", "fr")}
    return error


class CappedKernelManager(AsyncMappingKernelManager):
    """The kernel manager of every mode: no kernel outlives its page, at most ``max_kernels`` at once.

    A kernel is *live* while a page is connected to it, while it runs code, or for
    :attr:`closed_after` seconds after its last activity or its last page leaving. Others are
    ended every ``cull_interval`` seconds, and at once when a visitor finds the cap reached, so
    the cap counts live visitors only. Kernels connected but idle for ``cull_idle_timeout``
    seconds are ended too (0: never). Kernels still starting count towards the cap.
    """

    max_kernels = Int(MAX_KERNELS, config=True, help="Most kernels running at once (0: no cap).")
    closed_after = Int(CLOSED_AFTER_S, config=True,
                       help="Seconds after its last activity that a kernel with no connection is ended (0: never).")
    retry_minutes = Int(RETRY_MINUTES, config=True, help="Minutes the 'too many visitors' page asks to wait.")

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        # Kernels' connection files and local sockets (KERNEL_TRANSPORT): a new folder only this user can open,
        # with a short path (a Unix socket's path may not exceed ~104 characters; Jupyter's runtime folder
        # can be that long), removed when the server ends.
        self.connection_dir = tempfile.mkdtemp(prefix="belt-kernels-")
        atexit.register(shutil.rmtree, self.connection_dir, ignore_errors=True)
        self._starting = 0
        self._alone_since: dict[str, float] = {}  # kernel id -> time.monotonic() its last page left
        self._closing: set[str] = set()  # kernels whose page asked to end them, ending once quiet
        self._tasks: set[asyncio.Task] = set()

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        """Start a kernel, or refuse (HTTP 503) when :attr:`max_kernels` are live.

        Raises:
            tornado.web.HTTPError: 503 (:func:`too_many_visitors`) when the cap is reached even after
                ending the kernels no page uses.
            tornado.web.HTTPError: 500 naming what failed when the kernel could not start.
        """
        if self.max_kernels and self.live() >= self.max_kernels:
            await self.cull_kernels()  # closed pages' kernels make room now, not at the next check
            if self.live() >= self.max_kernels:
                self.log.warning("Refused a visitor: %d kernels live (the cap)", self.max_kernels)
                raise too_many_visitors(self.max_kernels, self.retry_minutes)
        self._starting += 1
        try:
            kernel_id = await super().start_kernel(*args, **kwargs)
        except web.HTTPError:
            raise
        except Exception as e:  # a kernel that does not start (or times out under load): one clear reason
            self.log.error("The report's kernel did not start: %s: %s", type(e).__name__, e)
            raise web.HTTPError(500, "The report's kernel did not start (%s: %s). Reload the page in a minute.",
                                type(e).__name__, e) from None
        finally:
            self._starting -= 1
        self._alone_since[kernel_id] = time.monotonic()
        self.initialize_culler()
        return kernel_id

    def live(self) -> int:
        """Kernels that count towards the cap: running (not ending after their page closed) or starting."""
        return len(set(self.list_kernel_ids()) - self._closing) + self._starting

    def notify_disconnect(self, kernel_id: str) -> None:
        """Count a page leaving; the last one starts the :attr:`closed_after` clock."""
        super().notify_disconnect(kernel_id)
        if self._kernel_connections.get(kernel_id, 1) <= 0:
            self._alone_since[kernel_id] = time.monotonic()

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        """End a kernel (twice is harmless: the page's unload request and the culler may both ask).

        Asked by the page as it closes (Voilà's ``/voila/api/shutdown`` request), the kernel ends once
        it has been quiet for :data:`QUIET_S` s (at most :attr:`closed_after` s later), so what the page
        sent just before is still taken; it no longer counts towards the cap meanwhile.
        """
        handler = CallContext.get(CallContext.JUPYTER_HANDLER)
        if type(handler).__name__ == "VoilaShutdownKernelHandler" and not args and not kwargs:
            if kernel_id in self._kernels and kernel_id not in self._closing:
                self._closing.add(kernel_id)
                task = asyncio.ensure_future(self._end_when_quiet(kernel_id))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            return
        await self._end(kernel_id, *args, **kwargs)

    async def _end(self, kernel_id: str, *args: Any, **kwargs: Any) -> None:
        self._alone_since.pop(kernel_id, None)
        self._closing.discard(kernel_id)
        if kernel_id in self._kernels:
            await super().shutdown_kernel(kernel_id, *args, **kwargs)

    async def _end_when_quiet(self, kernel_id: str) -> None:
        deadline = time.monotonic() + max(self.closed_after, QUIET_S)
        while kernel_id in self._kernels and time.monotonic() < deadline:
            kernel = self._kernels[kernel_id]
            quiet_s = (utcnow() - kernel.last_activity).total_seconds()
            if getattr(kernel, "execution_state", None) != "busy" and quiet_s >= QUIET_S:
                break
            await asyncio.sleep(0.25)
        self.log.info("Ending kernel %s: its page closed", kernel_id)
        await self._end(kernel_id)

    def initialize_culler(self) -> None:
        """Check kernels every ``cull_interval`` s when either limit is on (Jupyter's needs ``cull_idle_timeout``)."""
        if self._culler_callback is None and (self.closed_after > 0 or self.cull_idle_timeout > 0):
            self._culler_callback = PeriodicCallback(self.cull_kernels, 1000 * max(1, self.cull_interval))
            self.log.info("Ending kernels with no page %d s after their last activity, and open pages' kernels "
                          "idle for %d s (0: never); checked every %d s", self.closed_after,
                          self.cull_idle_timeout, self.cull_interval)
            self._culler_callback.start()
        self._initialized_culler = True

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """End the kernel if it is dead, if its page is gone (:attr:`closed_after`), or if it idled too long."""
        kernel = self._kernels.get(kernel_id)
        if kernel is None or not hasattr(kernel, "last_activity"):
            return
        state = getattr(kernel, "execution_state", None)
        connections = self._kernel_connections.get(kernel_id, 0)
        idle_s = (utcnow() - kernel.last_activity).total_seconds()
        alone_s = time.monotonic() - self._alone_since.get(kernel_id, time.monotonic())
        why = ""
        if state == "dead":
            why = "dead"
        elif state != "busy" and not connections and self.closed_after and min(idle_s, alone_s) > self.closed_after:
            why = f"no page connected, last activity {idle_s:.0f} s ago"
        elif state != "busy" and self.cull_idle_timeout and idle_s > self.cull_idle_timeout:
            why = f"{connections} page(s) connected but idle for {idle_s:.0f} s"
        if why:
            self.log.warning("Ending kernel %s: %s", kernel_id, why)
            await self._end(kernel_id)


class PageIdentityProvider(PasswordIdentityProvider):
    """Voilà's identity provider that also gives each page the ``_xsrf`` cookie.

    Voilà 0.5's page sends its kernel's shutdown request on ``beforeunload`` with the ``_xsrf``
    cookie's value, but Voilà never sets that cookie, so the request was refused (403 "'_xsrf'
    argument missing") and every closed or reloaded tab left its kernel running.
    """

    async def get_user(self, handler: Any) -> Any:
        """The user, as Voilà finds it; on a page request, set the ``_xsrf`` cookie too."""
        user = super().get_user(handler)
        if isinstance(user, Awaitable):
            user = await user
        if user is not None and handler.request.method == "GET" and not isinstance(handler, APIHandler):
            handler.current_user = user  # tornado's xsrf_token reads it
            handler.xsrf_token  # noqa: B018 - sets the cookie when the browser has none
        return user


def _code_of(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c.get("source", "")) for c in nb.get("cells", [])]


def working_copy(source: Path = NOTEBOOK, copy: Path = WORKING_COPY) -> Path:
    """Make (or refresh) the notebook copy people open in JupyterLab.

    The copy is rewritten from ``source`` when it is missing, unreadable or its cells' code
    differs; otherwise it is kept (with the outputs JupyterLab saved in it).

    Returns:
        Path: the working copy.
    """
    try:
        same = copy.exists() and _code_of(copy) == _code_of(source)
    except (OSError, ValueError):
        same = False
    if not same:
        shutil.copyfile(source, copy)
    return copy


def command(mode: str, port: int, notebook: Path | None = None, upload_limit_mb: int = UPLOAD_LIMIT_MB,
            max_kernels: int = MAX_KERNELS, cull_idle_s: int | None = None, cull_interval_s: int = CULL_INTERVAL_S,
            closed_after_s: int = CLOSED_AFTER_S, token: str | None = None) -> tuple[list[str], dict[str, str]]:
    """The server's command line and the environment variables to add.

    Args:
        mode: ``"app"``, ``"shared"`` or ``"lab"``.
        port: TCP port on 127.0.0.1.
        notebook: the notebook to serve (default: the tracked one; ``lab``: :func:`working_copy`).
        upload_limit_mb: websocket message limit, MB.
        max_kernels: shared mode's cap (other modes: none).
        cull_idle_s: seconds an open page may idle before its kernel ends (default :data:`CULL_IDLE_S` in
            shared mode, :data:`APP_IDLE_S` in app mode; lab: 0, never).
        cull_interval_s: how often kernels are checked, s.
        closed_after_s: seconds after its last activity that a kernel with no page connected ends.
        token: lab's token (``JUPYTER_TOKEN``; default: a new random one).

    Returns:
        (argv, env): ``argv`` starts with ``sys.executable``; ``env`` holds only the added variables.

    Raises:
        ValueError: unknown mode.
    """
    limit = upload_limit_mb * 1024 * 1024
    tornado = repr({"websocket_max_message_size": limit})
    env = {"BELT_REPORT_UPLOAD_LIMIT_MB": str(upload_limit_mb)}
    idle = {"app": APP_IDLE_S, "shared": CULL_IDLE_S, "lab": 0}.get(mode, 0) if cull_idle_s is None else cull_idle_s
    kernels = [f"--CappedKernelManager.max_kernels={max_kernels if mode == 'shared' else 0}",
               f"--CappedKernelManager.closed_after={closed_after_s}",
               f"--MappingKernelManager.cull_idle_timeout={idle}",
               f"--MappingKernelManager.cull_interval={cull_interval_s}",
               f"--KernelManager.transport={KERNEL_TRANSPORT}"]
    if mode in ("app", "shared"):
        nb = notebook or NOTEBOOK
        argv = [*STARTUP, "voila", str(nb), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                f"--Voila.tornado_settings={tornado}", f"--VoilaConfiguration.template={VOILA_TEMPLATE}",
                f"--Voila.identity_provider_class={MODULE}.PageIdentityProvider",
                f"--VoilaConfiguration.multi_kernel_manager_class={MODULE}.CappedKernelManager", *kernels,
                f"--VoilaExecutor.iopub_timeout={IOPUB_TIMEOUT_S}", "--VoilaExecutor.raise_on_iopub_timeout=True",
                "--VoilaExecutor.cell_timeout_instruction=The server is busy: reload the page in a minute."]
        # Voilà finds its templates in the Jupyter data path: ours first (beltlib/app/voila/templates)
        env["JUPYTER_PATH"] = os.pathsep.join([str(Path(__file__).resolve().parent),
                                               *filter(None, [os.environ.get("JUPYTER_PATH")])])
        if mode == "shared":
            env["BELT_REPORT_SHARED"] = "1"
        return argv, env
    if mode == "lab":
        nb = notebook or working_copy()
        argv = [*STARTUP, "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                f"--ServerApp.root_dir={nb.parent}", f"--ServerApp.tornado_settings={tornado}",
                f"--ServerApp.kernel_manager_class={MODULE}.CappedKernelManager", *kernels, str(nb)]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            argv.append("--allow-root")  # containers and CI run as root
        env["JUPYTER_TOKEN"] = token or secrets.token_urlsafe(24)  # in the environment: not shown by `ps`
        return argv, env
    raise ValueError(f"mode: got {mode!r} (allowed: app, shared, lab)")


def lab_url(port: int, token: str, notebook: Path = WORKING_COPY) -> str:
    """The URL that opens ``notebook`` in JupyterLab logged in (the token in the query)."""
    return f"http://127.0.0.1:{port}/lab/tree/{notebook.name}?token={token}"


def cannot_start(mode: str, port: int) -> str:
    """Why the server of ``mode`` cannot start on ``port`` (``""``: nothing found).

    Checks what is installed (Voilà or JupyterLab, ipykernel, jupyter_server), the notebook, and
    that the port is free on 127.0.0.1.
    """
    if SERVER_IMPORT_ERROR:
        return f"{SERVER_IMPORT_ERROR} (install the report's requirements: `make {mode}` does it)"
    for module, name in ((("voila", "Voilà"),) if mode != "lab" else (("jupyterlab", "JupyterLab"),)) + (
            ("ipykernel", "ipykernel (the report's Python kernel)"),):
        if importlib.util.find_spec(module) is None:
            target = {"app": "app", "shared": "app-shared", "lab": "lab"}[mode]
            return f"{name} is not installed in {sys.executable} (`make {target}` installs requirements.txt)"
    if not NOTEBOOK.is_file():
        return f"the report notebook {NOTEBOOK} is missing"
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a closing port is free
        try:
            s.bind(("127.0.0.1", port))
        except OSError as e:
            return f"port {port} on 127.0.0.1 is in use or refused ({e.strerror}): stop the other server or choose " \
                   f"another port (make ... PORT=N, or --port N)"
    return ""


def fail(mode: str, reason: str) -> None:
    """Say in one line why the server of ``mode`` does not start, and exit with status 2."""
    print(f"Belt Report ({mode}) cannot start: {reason}", file=sys.stderr, flush=True)
    raise SystemExit(2)


def main(argv: list[str] | None = None) -> None:
    """``python -m beltlib.app.serve {app,shared,lab} [--port N]``: print where to go, then run the server.

    The last line printed before the server's own log is the URL to open (lab: with its token).
    A server that cannot start is one line on stderr and exit status 2 (:func:`cannot_start`).
    """
    parser = argparse.ArgumentParser(prog="python -m beltlib.app.serve", description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["app", "shared", "lab"])
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    reason = cannot_start(args.mode, args.port)
    if reason:
        fail(args.mode, reason)
    try:
        cmd, env = command(args.mode, args.port)
    except OSError as e:  # the working copy could not be written
        fail(args.mode, f"{e.filename or WORKING_COPY}: {e.strerror or e}")
    print(f"Belt Report ({args.mode}): uploads up to {UPLOAD_LIMIT_MB} MB; a closed tab's kernel ends within "
          f"{CLOSED_AFTER_S + CULL_INTERVAL_S} s.", flush=True)
    if args.mode == "shared":
        print(f"Shared mode: answers stay in each visitor's session; an open page idle for {CULL_IDLE_S} s loses its "
              f"kernel; at most {MAX_KERNELS} visitors at once.", flush=True)
    where = lab_url(args.port, env["JUPYTER_TOKEN"]) if args.mode == "lab" else f"http://127.0.0.1:{args.port}/"
    print(f"Belt Report ({args.mode}): {where}", flush=True)
    try:
        os.execvpe(cmd[0], cmd, {**os.environ, **env})
    except OSError as e:
        fail(args.mode, f"{cmd[0]}: {e.strerror or e}")


if __name__ == "__main__":
    main()
