"""Start the report's servers with the settings it needs: ``python -m beltlib.app.serve MODE``.

Modes (the Makefile's ``make app``, ``make app-shared`` and ``make lab`` call this):

- ``app`` — Voilà for one person: answers saved to ``notebooks/answers.json`` (as before).
- ``shared`` — Voilà for several people: every visitor starts from the example and their
  answers stay in their own kernel (:data:`beltlib.app.state.SHARED_ENV`; nothing written on
  the server, no server path shown, no path field); kernels idle for
  :data:`CULL_IDLE_S` seconds are ended (checked every :data:`CULL_INTERVAL_S` s, even when
  a tab is still open: that tab then says it lost its connection); at most
  :data:`MAX_KERNELS` kernels run at once (one per open page; the next visitor gets an error
  page "too many visitors" until one ends).
- ``lab`` — JupyterLab on a git-ignored working copy of the notebook
  (:data:`WORKING_COPY`), so its autosave never writes into the tracked notebook.

Every mode accepts uploads up to :data:`UPLOAD_LIMIT_MB` MB (the websocket message limit of
the server; Tornado's default is 10 MiB) and tells the kernel that limit
(:data:`beltlib.app.live.UPLOAD_LIMIT_ENV`), so the page refuses a larger file before
sending it and says why.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Int

from ..resources import REPO_NOTEBOOKS, notebook_path

#: The largest upload (MB, 2**20 bytes) the servers accept: a LinkedIn export with messages fits.
UPLOAD_LIMIT_MB = 256
#: Shared mode: seconds without activity after which a visitor's kernel is ended.
CULL_IDLE_S = 600
#: Shared mode: how often (s) idle kernels are looked for.
CULL_INTERVAL_S = 60
#: Shared mode: most kernels (open pages) at once (about 110 MB each).
MAX_KERNELS = 20
#: The repository's notebooks folder and the tracked notebook.
NOTEBOOKS = REPO_NOTEBOOKS
NOTEBOOK = notebook_path("belt_report.ipynb")  # the installed copy, or the clone's notebooks/
#: The working copy JupyterLab opens (git-ignored; refreshed when the tracked notebook's code changes).
WORKING_COPY = NOTEBOOKS / "my_belt_report.ipynb"


class CappedKernelManager(AsyncMappingKernelManager):
    """A kernel manager that refuses to start more than ``max_kernels`` kernels (HTTP 503)."""

    max_kernels = Int(MAX_KERNELS, config=True, help="Most kernels running at once (0: no cap).")

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        """Start a kernel, or raise ``HTTPError(503)`` when :attr:`max_kernels` are running."""
        if self.max_kernels and len(self.list_kernel_ids()) >= self.max_kernels:
            raise web.HTTPError(503, f"too many visitors: {self.max_kernels} reports are open; try again later")
        return await super().start_kernel(*args, **kwargs)


#: Voilà template of the app (``beltlib/app/voila/templates/belt``): Voilà's "lab" page without the
#: two Font Awesome stylesheets it would fetch from a public CDN, so the app makes no outside request.
VOILA_TEMPLATE = "belt"

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
            max_kernels: int = MAX_KERNELS, cull_idle_s: int = CULL_IDLE_S,
            cull_interval_s: int = CULL_INTERVAL_S) -> tuple[list[str], dict[str, str]]:
    """The server's command line and the environment variables to add.

    Args:
        mode: ``"app"``, ``"shared"`` or ``"lab"``.
        port: TCP port on 127.0.0.1.
        notebook: the notebook to serve (default: the tracked one; ``lab``: :func:`working_copy`).
        upload_limit_mb: websocket message limit, MB.
        max_kernels, cull_idle_s, cull_interval_s: shared mode's kernel cap and culling.

    Returns:
        (argv, env): ``argv`` starts with ``sys.executable``; ``env`` holds only the added variables.

    Raises:
        ValueError: unknown mode.
    """
    limit = upload_limit_mb * 1024 * 1024
    tornado = repr({"websocket_max_message_size": limit})
    env = {"BELT_REPORT_UPLOAD_LIMIT_MB": str(upload_limit_mb)}
    if mode in ("app", "shared"):
        nb = notebook or NOTEBOOK
        argv = [sys.executable, "-m", "voila", str(nb), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                f"--Voila.tornado_settings={tornado}", f"--VoilaConfiguration.template={VOILA_TEMPLATE}"]
        # Voilà finds its templates in the Jupyter data path: ours first (beltlib/app/voila/templates)
        env["JUPYTER_PATH"] = os.pathsep.join([str(Path(__file__).resolve().parent),
                                               *filter(None, [os.environ.get("JUPYTER_PATH")])])
        if mode == "shared":
            env["BELT_REPORT_SHARED"] = "1"
            argv += [f"--VoilaConfiguration.multi_kernel_manager_class={__name__}.CappedKernelManager",
                     f"--CappedKernelManager.max_kernels={max_kernels}",
                     f"--MappingKernelManager.cull_idle_timeout={cull_idle_s}",
                     f"--MappingKernelManager.cull_interval={cull_interval_s}",
                     "--MappingKernelManager.cull_connected=True"]
        return argv, env
    if mode == "lab":
        nb = notebook or working_copy()
        argv = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                f"--ServerApp.root_dir={nb.parent}", f"--ServerApp.tornado_settings={tornado}", str(nb)]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            argv.append("--allow-root")  # containers and CI run as root
        return argv, env
    raise ValueError(f"mode: got {mode!r} (allowed: app, shared, lab)")


def main(argv: list[str] | None = None) -> None:
    """``python -m beltlib.app.serve {app,shared,lab} [--port N]``: print where to go, then run the server."""
    parser = argparse.ArgumentParser(prog="python -m beltlib.app.serve", description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["app", "shared", "lab"])
    parser.add_argument("--port", type=int, default=8866)
    args = parser.parse_args(argv)
    cmd, env = command(args.mode, args.port)
    where = f"http://127.0.0.1:{args.port}/" + ("lab/tree/" + WORKING_COPY.name if args.mode == "lab" else "")
    print(f"Belt Report ({args.mode}): {where}  (uploads up to {UPLOAD_LIMIT_MB} MB)", flush=True)
    if args.mode == "shared":
        print(f"Shared mode: answers stay in each visitor's session; idle kernels end after {CULL_IDLE_S} s; "
              f"at most {MAX_KERNELS} at once.", flush=True)
    os.execvpe(cmd[0], cmd, {**os.environ, **env})


if __name__ == "__main__":
    main()
