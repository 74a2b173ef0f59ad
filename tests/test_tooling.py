"""The project's own tooling: requirements, Makefile targets, CI script, test infrastructure, and
the one-line message of a missing dependency."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement

from helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _requirements(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]


def _pins() -> dict[str, str]:
    pins = {}
    for line in _requirements("requirements.txt"):
        req = Requirement(line)
        (spec,) = req.specifier
        assert spec.operator == "==", f"requirements.txt pins exactly: {line}"
        pins[req.name.lower().replace("_", "-")] = spec.version
    return pins


def test_requirements_pin_what_pyproject_declares():
    """requirements.txt pins, exactly, every runtime dependency and the app extra, each pin inside
    pyproject.toml's compatible range (so `pip install .` and `make` agree)."""
    pins = _pins()
    declared = PYPROJECT["project"]["dependencies"] + PYPROJECT["project"]["optional-dependencies"]["app"]
    for line in declared:
        req = Requirement(line)
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{name} is declared in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {req.specifier}"
    assert {"jupyterlab", "voila", "notebook"} <= set(pins)  # make lab / make app


def test_dev_requirements_add_the_test_and_lint_tools():
    lines = _requirements("requirements-dev.txt")
    assert lines[0] == "-r requirements.txt"
    names = {Requirement(x).name.lower() for x in lines[1:]}
    assert {"pytest", "pytest-xdist", "hypothesis", "nbval", "playwright", "ruff", "mypy", "build"} <= names
    assert "axe-playwright-python==0.1.8" in lines
    assert not names & set(_pins()), "the dev file adds to requirements.txt, it does not repeat it"


def test_make_targets_and_ci():
    for target in ("test", "test-fast", "lint", "dist", "lab", "app", "html", "html-interactive", "notebook", "bench"):
        assert re.search(rf"^{re.escape(target)}:", MAKEFILE, re.M), target
    # test and lint targets install the dev requirements; test-fast deselects the browser tests.
    dev_step = r"^\$\(DEV_STAMP\):.*requirements-dev\.txt\n\t\$\(PY\) -m pip install --quiet -r requirements-dev\.txt"
    assert re.search(dev_step, MAKEFILE, re.M)
    for target in ("test", "test-fast", "lint"):
        assert re.search(rf"^{target}: \$\(DEV_STAMP\)", MAKEFILE, re.M), target
    assert '-m "not browser"' in MAKEFILE.split("test-fast:", 1)[1].split("\n\n", 1)[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "command -v node" in ci and "nodejs" in ci and "chromium" in ci
    for step in ("make lint", "make test", "make dist", "belt-report publish --answers a.json -o r.html",
                 "belt-report publish --interactive -o i.html"):
        assert step in ci, step


def test_no_test_module_imports_another():
    test_modules = {p.stem for p in (ROOT / "tests").glob("test_*.py")}
    for path in sorted((ROOT / "tests").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert name.split(".")[0] not in test_modules, f"{path.name} imports {name}: use tests/helpers.py"


def test_request_guards_refuse_exactly_what_their_allow_tests_refuse():
    """The patterns Playwright's driver matches (``browser.REFUSED``) route the same URLs as the allow tests."""
    from browser import REFUSED, allow_file_only, allow_local
    urls = ["http://127.0.0.1:8866/", "http://127.0.0.1/x?y", "http://localhost:1/a#b", "http://[::1]:80/",
            "ws://127.0.0.1:9/api", "wss://localhost/", "https://example.com/a.js", "http://127.0.0.1.evil.com/",
            "http://localhost.evil/", "http://127.0.0.1:80@evil.com/", "http://localhost:x@evil.com/",
            "ws://[::1]:1@evil.com/", "file:///tmp/page.html", "data:,x", "blob:null/1", "about:blank",
            "https://cdn.jsdelivr.net/npm/x"]
    for allow, pattern in REFUSED.items():
        for url in urls:
            assert (pattern.match(url) is not None) == (not allow(url)), (allow.__name__, url)
    assert set(REFUSED) == {allow_file_only, allow_local}


def test_figures_are_closed_after_each_test_without_importing_matplotlib(tmp_path):
    """conftest.py's autouse fixture, run by pytest on three tests: matplotlib stays unimported
    for a test that does not use it, and a figure a test leaves open is closed after it."""
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    (tmp_path / "test_figs.py").write_text(
        "import sys\n\n"
        "def test_1_no_matplotlib():\n    assert 'matplotlib' not in sys.modules\n\n"
        "def test_2_still_no_matplotlib():\n    assert 'matplotlib' not in sys.modules\n\n"
        "def test_3_leaves_a_figure_open():\n"
        "    import matplotlib.pyplot as plt\n    plt.figure(); plt.figure()\n"
        "    assert len(plt.get_fignums()) == 2\n\n"
        "def test_4_none_left():\n    import matplotlib.pyplot as plt\n    assert plt.get_fignums() == []\n")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "--rootdir", str(tmp_path), str(tmp_path / "test_figs.py")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "4 passed" in done.stdout, done.stdout + done.stderr


def test_missing_dependency_is_one_clear_line(tmp_path):
    """`belt-report publish` without nbconvert: exit status 2, one line naming the package, no traceback."""
    code = ("import sys; sys.modules['nbconvert'] = None; from beltlib.cli import main; "
            "sys.argv[0] = 'belt-report'; sys.exit(main(['publish', '-o', 'r.html']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == ("error: this command needs the Python package 'nbconvert', which is not installed "
                           "(pip install nbconvert, or install beltlib with its dependencies: pip install .)\n")
    assert not (tmp_path / "r.html").exists()


def test_a_broken_beltlib_import_is_not_called_a_missing_dependency(tmp_path):
    code = ("import sys; sys.modules['beltlib.publish'] = None; from beltlib.cli import main; "
            "sys.exit(main(['publish', '-o', 'r.html']))")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" in done.stderr and "beltlib.publish" in done.stderr
