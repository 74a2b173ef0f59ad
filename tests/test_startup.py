"""beltlib.startup: the IRI parser built on first use, and servers started through ``python -m beltlib.startup``."""
from __future__ import annotations

import json
import subprocess
import sys

from beltlib.app import serve

IRI_CHECKS = """
import json, sys
from jsonschema import FormatChecker
values = ["http://example.com/caf\\u00e9", "urn:isbn:0451450523", "ex ample", "//example.com/a?b#c", "", "http:// bad"]
checker = FormatChecker()
print(json.dumps({"early": "rfc3987_syntax.syntax_helpers" in sys.modules,
                  "checks": [[checker.conforms(v, f) for v in values] for f in ("iri", "iri-reference")],
                  "late": "rfc3987_syntax.syntax_helpers" in sys.modules}))
"""


def test_the_iri_parser_is_built_on_first_use_with_the_same_results():
    """jsonschema (imported by nbconvert) imports rfc3987-syntax, which builds its parser at import
    (~0.7 s of CPU per ``publish``); the command line defers that to the first IRI check, same answers."""
    plain = subprocess.run([sys.executable, "-c", IRI_CHECKS], capture_output=True, text=True, check=True)
    deferred = subprocess.run([sys.executable, "-c", "from beltlib.startup import defer_iri_parser\n"
                               "defer_iri_parser()\n" + IRI_CHECKS], capture_output=True, text=True, check=True)
    plain, deferred = json.loads(plain.stdout), json.loads(deferred.stdout)
    assert plain["early"] is True and deferred["early"] is False  # not built at import any more
    assert deferred["checks"] == plain["checks"] == [[True, True, False, False, False, False],
                                                     [True, True, False, True, True, False]]
    assert deferred["late"] is True  # built by the first check


def test_startup_runs_a_module_as_python_dash_m_does_with_its_arguments(tmp_path):
    """``python -m beltlib.startup MODULE ARGS`` gives the module its arguments, its exit status, and the
    stand-in; with no module it says how to call it, status 2."""
    (tmp_path / "echo_args.py").write_text("import json, sys\nprint(json.dumps([__name__, sys.argv[1:], "
                                           "sys.modules['rfc3987_syntax'].__doc__[:9]]))\nsys.exit(3)\n",
                                           encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "beltlib.startup", "echo_args", "a b", "--port=1"], cwd=tmp_path,
                          capture_output=True, text=True, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 3 and json.loads(done.stdout) == ["__main__", ["a b", "--port=1"], "Stand-in:"]
    usage = subprocess.run([sys.executable, "-m", "beltlib.startup"], capture_output=True, text=True)
    assert usage.returncode == 2 and usage.stderr == "usage: python -m beltlib.startup MODULE [ARGS...]\n"


def test_every_server_starts_through_startup():
    for mode, module in (("app", "voila"), ("shared", "voila"), ("lab", "jupyterlab")):
        argv, _ = serve.command(mode, 9000, notebook=serve.NOTEBOOK, token="T")
        assert argv[:4] == [sys.executable, "-m", "beltlib.startup", module], mode


def test_the_command_line_installs_the_stand_in_first():
    code = ("import sys\nfrom beltlib.cli import main\nstatus = main(['example'])\n"
            "print(sys.modules['rfc3987_syntax'].__doc__[:9], status, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr == "Stand-in: 0\n" and json.loads(done.stdout)["schema"] == 1


def test_make_test_loads_the_startup_plugin_before_nbval(tmp_path):
    """``make test``'s pytest loads tests/startup_plugin.py; in its workers, nbval's nbformat import then leaves
    the parser unbuilt (the stand-in in place), and it is not without the plugin."""
    from helpers import ROOT
    pytest_line = next(line for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
                       if line.startswith("PYTEST_RUN :="))  # every pytest run of the Makefile starts with it
    assert "-p tests.startup_plugin" in pytest_line
    (tmp_path / "test_seen.py").write_text(
        "import sys\n\ndef test_seen():\n    assert 'nbformat' in sys.modules\n"
        "    assert 'rfc3987_syntax.syntax_helpers' not in sys.modules\n"
        "    assert sys.modules['rfc3987_syntax'].__doc__.startswith('Stand-in')\n", encoding="utf-8")
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "1", str(tmp_path / "test_seen.py")]
    with_plugin = subprocess.run([*args[:3], "-p", "tests.startup_plugin", *args[3:]], cwd=ROOT, capture_output=True,
                                 text=True, timeout=120)
    assert with_plugin.returncode == 0 and "1 passed" in with_plugin.stdout, with_plugin.stdout[-2000:]
    without = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert without.returncode == 1 and "1 failed" in without.stdout


def test_the_stand_in_keeps_the_real_modules_spec_and_submodules():
    code = ("import importlib.util, json, sys\nfrom beltlib.startup import defer_iri_parser\ndefer_iri_parser()\n"
            "spec = importlib.util.find_spec('rfc3987_syntax')\nimport rfc3987_syntax.utils\n"
            "print(json.dumps([spec.name, sys.modules['rfc3987_syntax'].__doc__[:9],"
            " 'rfc3987_syntax.syntax_helpers' in sys.modules, callable(rfc3987_syntax.utils.load_grammar)]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert json.loads(done.stdout) == ["rfc3987_syntax", "Stand-in:", False, True], done.stderr
