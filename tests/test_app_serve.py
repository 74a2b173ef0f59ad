"""The servers ``beltlib/app/serve.py`` starts: no kernel outlives its page (``make app``), start-up errors.

Voilà is started exactly as ``make app`` starts it (:func:`beltlib.app.serve.command`) but on a small notebook
(``tests/servers.py``: a Label, a slider and a printed marker), so these tests do not depend on the report's
cells. The culler of a tab gone without a word is in ``test_app_serve_cull.py``, several visitors and the cap
in ``test_app_serve_shared.py``, ``make lab`` in ``test_app_serve_lab.py``: separate files, so that the test
workers run their waits side by side.
"""
from __future__ import annotations

import socket

import pytest

from beltlib.app import serve
from browser import chromium, free_port
from servers import ROOT, Server, open_tiny_page


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """``make app``'s server, its kernel settings as shipped (closed pages: 30 s, checked every 10 s)."""
    server = Server(tmp_path_factory.mktemp("app"), "app")
    yield server
    server.stop()


# ------------------------------------------------------------------ no kernel outlives its page
@pytest.mark.browser
def test_twenty_opened_and_closed_tabs_leave_no_kernel(app):
    """Issue: 9 loads of ``make app`` left 9 kernels; Voilà's unload request was refused (403, ``_xsrf``).

    The tabs are opened and closed one after another, the next opening while the last one's kernel ends
    (it waits :data:`~beltlib.app.serve.QUIET_S` quiet seconds), as a person reopening the app does. The
    shipped culler would take :data:`~beltlib.app.serve.CLOSED_AFTER_S` (30 s) to end a closed page's kernel,
    so kernels all gone within 10 s of the last close, and no culler line in the log, show that each page's
    own request ended its kernel."""
    assert app.wait_kernels(0, 5) < 5
    start = len(app.log_text())
    with chromium() as browser:
        context = browser.new_context()  # one browser, a new tab each time
        for _ in range(20):
            page = open_tiny_page(context, app)
            # this page's, and the last few closed pages' while they end (each after 2 quiet seconds): never piling up
            assert 1 <= len(app.kernels()) <= 5
            assert "_xsrf" in page.evaluate("document.cookie")  # what Voilà's unload request sends back
            page.close(run_before_unload=True)  # as closing the tab does (Playwright does not wait for it)
            assert page.blocked == []
        assert app.wait_kernels(0, 10) < 10
        context.close()
    assert app.kernels() == []
    log = app.log_text()[start:]
    assert log.count("Kernel shutdown:") == 20 and "_xsrf' argument missing" not in log
    assert "running over TCP" not in log  # kernels on local sockets (serve.KERNEL_TRANSPORT)
    assert "no page connected" not in log  # none was ended by the culler


@pytest.mark.browser
def test_what_a_page_sends_as_it_closes_is_still_taken_before_its_kernel_ends(app):
    """The page's unload request ends the kernel once it is quiet (2 s), not before the 0.8 s pause."""
    assert app.wait_kernels(0, 5) < 5
    taken = app.folder / "taken.txt"
    taken.unlink(missing_ok=True)
    with chromium() as browser:
        context = browser.new_context()
        page = open_tiny_page(context, app)
        page.locator(".widget-text input").fill("42")
        page.close(run_before_unload=True)  # at once: the kernel has not taken it yet
        assert app.wait_kernels(0, 10) < 10
        context.close()
    assert taken.read_text(encoding="utf-8") == "42"


def test_make_app_ends_a_closed_pages_kernel_within_a_minute_as_shipped():
    """``make app``'s limits as shipped: a kernel with no page connected ends at most
    ``CLOSED_AFTER_S + CULL_INTERVAL_S`` (40 s) after its page went, within the minute the issue asks."""
    argv, _ = serve.command("app", 8866)
    assert f"--CappedKernelManager.closed_after={serve.CLOSED_AFTER_S}" in argv
    assert f"--MappingKernelManager.cull_interval={serve.CULL_INTERVAL_S}" in argv
    assert (serve.CLOSED_AFTER_S, serve.CULL_INTERVAL_S) == (30, 10)
    assert serve.CLOSED_AFTER_S + serve.CULL_INTERVAL_S < 60


# ------------------------------------------------------------------ start-up errors
def test_a_server_that_cannot_start_says_why_in_one_line_and_exits_2(monkeypatch, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit) as exit_info:
            serve.main(["app", "--port", str(port)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"port {port} on 127.0.0.1 is in use" in err and "Traceback" not in err
    real = serve.importlib.util.find_spec
    for mode, missing, name in (("shared", "voila", "Voilà"), ("lab", "jupyterlab", "JupyterLab"),
                                ("app", "ipykernel", "ipykernel")):
        monkeypatch.setattr(serve.importlib.util, "find_spec", lambda m, _x=missing: None if m == _x else real(m))
        with pytest.raises(SystemExit) as exit_info:
            serve.main([mode, "--port", str(free_port())])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith(f"Belt Report ({mode}) cannot start: {name}"), err
    monkeypatch.setattr(serve.importlib.util, "find_spec", real)
    # a command line in every mode: one kernel manager that ends closed pages' kernels; the xsrf cookie
    for mode in ("app", "shared", "lab"):
        argv, env = serve.command(mode, 9000, notebook=ROOT / "notebooks" / "belt_report.ipynb", token="T")
        assert f"--CappedKernelManager.closed_after={serve.CLOSED_AFTER_S}" in argv
        assert "--KernelManager.transport=ipc" in argv  # local sockets: no TCP port to lose to another program
        assert ("--Voila.identity_provider_class=beltlib.app.serve.PageIdentityProvider" in argv) == (mode != "lab")
        for name in (a.split("=", 1)[1] for a in argv if a.split("=")[0].endswith("_class")):  # importable by
            module, _, attr = name.rpartition(".")  # the server (never ``__main__.…``, as under ``python -m``)
            assert module == "beltlib.app.serve" and isinstance(getattr(serve, attr), type), name
    assert env["JUPYTER_TOKEN"] == "T" and not any("token" in a.lower() for a in argv)  # not shown by `ps`
