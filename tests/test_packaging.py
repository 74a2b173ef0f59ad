"""Belt Report installs like any Python package.

The sdist and the wheel are built from a copy of the repository (``python -m build``: the wheel
from the sdist, as an index would), and the test checks what they ship: the report notebook, the
nbconvert template, the interactive page's JavaScript and CSS, every other asset under
``beltlib/``, the licence, the console scripts and the runtime dependencies. The wheel is then
unpacked into a bare folder and ``belt-report`` publishes from an empty folder with it, the
notebook found inside the package. (``.ci/run`` also installs the wheel with its dependencies
into a throw-away virtual environment and publishes both pages.)
"""
from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from browser import jupyter_env
from helpers import ROOT

#: Suffixes of package data (templates and assets) that must ship.
ASSET_SUFFIXES = (".js", ".mjs", ".css", ".json", ".j2", ".html", ".ipynb")
#: What `belt-report publish` and the notebook need at run time (distribution names).
RUNTIME = {"ipykernel", "ipywidgets", "matplotlib", "numpy", "nbformat", "nbconvert", "icalendar"}


def _copy_tree(dest: Path) -> Path:
    """The files a build reads, copied (a build writes build/ and *.egg-info beside them)."""
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, dest / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", "answers.json*", "notebooks")
    shutil.copytree(ROOT / "beltlib", dest / "beltlib", ignore=ignore)
    (dest / "notebooks").mkdir()
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy2(nb, dest / "notebooks" / nb.name)
    return dest


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    src = _copy_tree(tmp_path_factory.mktemp("src"))
    out = src / "dist"
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(src)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0], "tmp": tmp_path_factory.mktemp("installed")}


def _wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return set(z.namelist())


def test_wheel_ships_the_notebook_templates_and_assets(dist):
    names = _wheel_names(dist["wheel"])
    with zipfile.ZipFile(dist["wheel"]) as z:
        shipped = z.read("beltlib/notebooks/belt_report.ipynb")
    assert shipped == (ROOT / "notebooks" / "belt_report.ipynb").read_bytes()
    for required in ("beltlib/publish/engine.js", "beltlib/publish/engine_words.js", "beltlib/publish/page.js",
                     "beltlib/publish/marks.js", "beltlib/publish/keep.js", "beltlib/publish/interactive.css",
                     "beltlib/publish/since.js", "beltlib/publish/plan.js", "beltlib/publish/tools.js",
                     "beltlib/publish/vendor/ical.min.js", "beltlib/publish/vendor/LICENSE-ical.js.txt",
                     "beltlib/publish/vendor/README.md",
                     "beltlib/publish/templates/belt_static/index.html.j2",
                     "beltlib/publish/templates/belt_static/conf.json",
                     "beltlib/publish/templates/belt_static/static/belt.css",
                     "beltlib/app/voila/templates/belt/index.html.j2", "beltlib/app/voila/templates/belt/conf.json",
                     "beltlib/resources.py", "beltlib/cli.py"):
        assert required in names, required
    # Every asset of the source tree ships, whatever room a stream adds it in.
    assets = {p.relative_to(ROOT).as_posix() for p in (ROOT / "beltlib").rglob("*")
              if p.is_file() and p.suffix in ASSET_SUFFIXES and "__pycache__" not in p.parts
              and "notebooks" not in p.relative_to(ROOT / "beltlib").parts}
    assert assets and assets <= names, sorted(assets - names)
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        assert f"beltlib/notebooks/{nb.name}" in names
    # Every module too, and nothing from tests/ or the notebooks folder outside the package.
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "beltlib").rglob("*.py") if "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)
    assert not [n for n in names if n.startswith(("tests/", "notebooks/", "bench/"))]


def test_wheel_metadata_declares_scripts_dependencies_and_licence(dist):
    names = _wheel_names(dist["wheel"])
    info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    with zipfile.ZipFile(dist["wheel"]) as z:
        meta = Parser().parsestr(z.read(f"{info}/METADATA").decode())
        entry_points = z.read(f"{info}/entry_points.txt").decode()
    assert "belt-report = beltlib.cli:main" in entry_points
    assert "beltlib = beltlib.cli:main" in entry_points
    requires = meta.get_all("Requires-Dist")
    unconditional = {r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].split("[")[0].strip().lower()
                     for r in requires if "extra ==" not in r}
    assert RUNTIME <= unconditional, RUNTIME - unconditional
    extras = set(meta.get_all("Provides-Extra"))
    assert {"app", "test", "dev"} <= extras
    assert any(r.startswith("voila") and 'extra == "app"' in r for r in requires)
    assert meta["License-Expression"] == "MIT"
    assert f"{info}/licenses/LICENSE" in names


def test_every_third_party_import_is_a_declared_dependency(dist):
    """Each module beltlib imports outside the standard library and itself is required by the wheel."""
    provided_by = {"PIL": "pillow", "IPython": "ipython", "zmq": "pyzmq", "bs4": "beautifulsoup4"}
    imported, imported_by_servers = set(), set()
    for path in (ROOT / "beltlib").rglob("*.py"):
        # beltlib/app/serve.py (make app/lab) needs the `app` extra: its imports are checked against it
        found = imported_by_servers if path.name == "serve.py" else imported
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m not in ("beltlib", "__future__")}
    with zipfile.ZipFile(dist["wheel"]) as z:
        info = next(n.split("/")[0] for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(f"{info}/METADATA").decode())
    declared = {r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower().replace("-", "_")
                for r in meta.get_all("Requires-Dist") if "extra ==" not in r}
    assert third_party, "beltlib uses matplotlib at least"
    for module in third_party:
        assert provided_by.get(module, module).lower().replace("-", "_") in declared, module
    app_extra = {r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower().replace("-", "_")
                 for r in meta.get_all("Requires-Dist") if 'extra == "app"' in r}
    for module in {m for m in imported_by_servers if m not in sys.stdlib_module_names and m != "beltlib"}:
        assert module in declared | app_extra, module


def test_sdist_carries_the_notebooks_and_the_build_hook(dist):
    with tarfile.open(dist["sdist"]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"notebooks/belt_report.ipynb", "setup.py", "MANIFEST.in", "LICENSE", "pyproject.toml",
            "beltlib/publish/engine.js", "beltlib/publish/engine_words.js", "beltlib/publish/page.js",
            "beltlib/publish/templates/belt_static/index.html.j2"} <= names


def test_installed_wheel_publishes_from_an_empty_folder(dist):
    """The wheel unpacked into a bare folder (its dependencies come from this environment):
    the app finds the notebook inside the package, and `belt-report` publishes a page in an empty folder."""
    target = dist["tmp"] / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                           "--target", str(target), str(dist["wheel"])], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    empty = dist["tmp"] / "empty"
    empty.mkdir()
    env = jupyter_env(dist["tmp"] / "jupyter", PYTHONPATH=str(target))
    where = subprocess.run([sys.executable, "-c", "import json, beltlib, beltlib.app.serve as s; "
                            "print(json.dumps([beltlib.__file__, str(s.NOTEBOOK)]))"],
                           cwd=empty, env=env, capture_output=True, text=True, check=True)
    module, notebook = json.loads(where.stdout)
    assert Path(module).is_relative_to(target) and Path(notebook) == target / "beltlib/notebooks/belt_report.ipynb"
    # The console script as installed (the entry point's own code, run with this interpreter).
    script = "import sys; from beltlib.cli import main; sys.argv[0] = 'belt-report'; sys.exit(main())"
    example = subprocess.run([sys.executable, "-c", script, "example"], cwd=empty, env=env,
                             capture_output=True, text=True, check=True)
    (empty / "a.json").write_text(example.stdout, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", script, "publish", "--answers", "a.json", "-o", "r.html"],
                          cwd=empty, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    page = (empty / "r.html").read_text(encoding="utf-8")
    assert 'class="belt-result' in page and "green belt" in page
    assert sorted(p.name for p in empty.iterdir()) == ["a.json", "r.html"]
