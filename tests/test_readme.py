"""The README is for readers: short, its first lines give the two set-up commands, its links stay
inside the repository (or go to public pages), and every command it shows works as written from
the clone's root (this test runs them, in a scratch copy of the root with a throw-away venv of its
own, so nothing is written into the clone or its venv)."""
from __future__ import annotations

import importlib.metadata
import os
import re
import shlex
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from browser import jupyter_env
from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
#: The set-up commands: they serve (lab, app) or run this suite (test), so only `make -n` checks them.
SERVING = {"make lab", "make app", "make app-shared", "make test"}
SAMPLE_ZIP = "tests/fixtures/export/Basic_LinkedInDataExport_11-02-2026.zip"


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """The fenced code blocks of a Markdown text, as (language, body)."""
    return re.findall(r"^```(\w*)\n(.*?)^```", text, re.S | re.M)


def commands(text: str) -> list[str]:
    """Every shell command line of the untyped fenced blocks, trailing ``# comment`` removed."""
    out = []
    for lang, body in fenced_blocks(text):
        if lang:  # ```json and the like are data, not commands
            continue
        for line in body.splitlines():
            line = re.sub(r"\s+#\s.*$", "", line).strip()
            if line:
                out.append(line)
    return out


def links(text: str) -> list[str]:
    """Targets of Markdown links and images, and of <autolinks>."""
    return re.findall(r"\]\(([^)\s]+)\)", text) + re.findall(r"<(https?://[^>]+)>", text)


def test_first_lines_give_the_two_commands():
    head = README.splitlines()[:6]
    assert head[0] == "# Belt Report"
    assert head[2] == "```" and head[5] == "```"
    assert head[3].startswith("make lab ") and "# open the report" in head[3]
    assert head[4].startswith("make test ") and "# run the whole test suite" in head[4]


def test_readme_is_short_and_for_readers():
    assert len(README.splitlines()) <= 150
    assert "issue" not in README.lower()  # no "the keys": a reader has no issue tracker open
    assert "../shared" not in README
    for section in ("## Privacy: nothing leaves your machine", "## The three belts", "## Source"):
        assert section in README
    # The three belts table: one row per belt, with the article's shares.
    rows = {m[0]: m[1] for m in re.findall(r"^\| (white|green|black) \| ([^|]+) \|", README, re.M)}
    assert rows == {"white": "most people", "green": "about 10 %", "black": "under 2 %"}


def test_the_article_is_cited():
    source = README.split("## Source", 1)[1]
    assert "Vous envisagez d’utiliser les réseaux pour trouver un job ?" in source
    assert "<https://viraj.co/les-reseaux-sociaux-pour-trouver-un-job-suite-et-fin>" in source


def test_no_bare_python_in_commands():
    """Outside .venv a bare `python` lacks the dependencies: the README shows .venv/bin/ or make."""
    cmds = commands(README)
    assert cmds, "the README shows commands"
    for cmd in cmds:
        for part in re.split(r"\s*(?:\||&&|;)\s*", cmd):
            assert part.split()[0] in ("make", ".venv/bin/belt-report"), cmd


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md", *sorted(p.name for p in (ROOT / "docs").glob("*.md"))])
def test_links_stay_in_the_repository_or_go_to_public_pages(doc):
    path = ROOT / doc if (ROOT / doc).exists() else ROOT / "docs" / doc
    for target in links(path.read_text(encoding="utf-8")):
        if target.startswith("https://"):
            continue
        assert not target.startswith(("http:", "file:", "/", "~")), (doc, target)
        file_part = target.split("#", 1)[0]
        if file_part:
            assert (path.parent / file_part).resolve().is_relative_to(ROOT), (doc, target)
            assert (path.parent / file_part).exists(), (doc, target)


#: What the scratch copy of the clone leaves out: outputs, and the venv (it gets its own).
NOT_COPIED = ("build", "dist", "answers.json", "screenshots", ".venv")


def venv_snapshot(venv: Path) -> dict[str, tuple]:
    """(size, mtime, link target) of what building a venv or installing into it touches: the venv's own
    files and install stamps, every entry of ``bin/`` (with its first line: a script's interpreter), the
    top level of site-packages and of ``share/jupyter``, and every file of beltlib's installed metadata."""
    out: dict[str, tuple] = {}

    def add(path: Path) -> None:
        st = path.lstat()
        link = os.readlink(path) if path.is_symlink() else None
        first = b""
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                first = fh.readline(300)
        out[path.relative_to(venv).as_posix()] = (st.st_size, st.st_mtime_ns, link, first)

    sites = sorted(venv.glob("lib/python*/site-packages"))
    for folder in (venv, venv / "bin", *sites, venv / "share" / "jupyter"):
        if folder.is_dir():
            add(folder)
            for entry in sorted(folder.iterdir()):
                add(entry)
    for site in sites:
        for entry in site.iterdir():
            if entry.name.startswith(("beltlib", "__editable__")) and entry.is_dir():
                for f in sorted(entry.rglob("*")):
                    add(f)
    return out


def pip_version(python: Path) -> str:
    return subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True, check=True,
                          env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}).stdout


def console_script(python: Path, value: str) -> str:
    """A console script for the entry point ``module:attr`` run by ``python`` (pip's own template)."""
    module, _, attr = value.partition(":")
    return (f"#!{python}\nimport sys\nfrom {module} import {attr.split('.')[0]}\n"
            f"if __name__ == \"__main__\":\n    sys.argv[0] = sys.argv[0].removesuffix(\".exe\")\n"
            f"    sys.exit({attr}())\n")


def throwaway_venv(root: Path, env: dict[str, str]) -> Path:
    """``root/.venv``: a venv of its own, made in seconds, that never writes into the real one.

    - ``python -m venv --without-pip`` with the interpreter running these tests (the same Python version
      as the site-packages it reuses);
    - a ``.pth`` line puts the running venv's site-packages on ``sys.path``, read only: its own ``.pth``
      hooks (the real editable beltlib) are not run, so beltlib comes from this copy;
    - ``pip install --no-deps --no-build-isolation -e root`` (pip and setuptools from the reused
      site-packages, installing into this venv: ``.venv/bin/belt-report``), then a console script, in
      ``bin/`` and pointing at this venv's python, for every other installed distribution's entry point
      (``jupyter``, ``pip``…); ``share/`` and ``etc/`` (Jupyter's templates, kernels, lab assets) are links;
    - fresh install stamps, so ``make`` does not reinstall.
    """
    venv = root / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    real_site = Path(sysconfig.get_paths()["purelib"])
    (site,) = venv.glob("lib/python*/site-packages")
    (site / "_belt_report_reused_site.pth").write_text(f"{real_site}\n", encoding="utf-8")
    pip_env = {**env, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1", "PIP_NO_CACHE_DIR": "1"}
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                           "-e", str(root)], cwd=root, env=pip_env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    for dist in importlib.metadata.distributions(path=[str(real_site)]):
        for ep in dist.entry_points.select(group="console_scripts"):
            script = venv / "bin" / ep.name
            if not script.exists():
                script.write_text(console_script(python, ep.value), encoding="utf-8")
                script.chmod(0o755)
    real_venv = Path(sys.prefix)
    for data in ("share", "etc"):
        if (real_venv / data).is_dir() and not (venv / data).exists():
            (venv / data).symlink_to(real_venv / data)
    for stamp in (".installed", ".installed-dev"):
        (venv / stamp).touch()
    return venv


def test_every_command_runs_as_written(tmp_path):
    """Each command of the README, in order, from a scratch copy of the clone's root (symlinks to
    everything in it, so what the commands write lands in the copy) with a throw-away venv of its own:
    the real venv is left byte for byte as it was."""
    real_venvs = {p.resolve(): p for p in (ROOT / ".venv", Path(sys.prefix)) if p.is_dir()}
    before = {p: venv_snapshot(p) for p in real_venvs}
    pip_before = pip_version(Path(sys.executable))
    root = tmp_path / "clone"
    root.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in NOT_COPIED:
            (root / entry.name).symlink_to(entry)
    # No bytecode written anywhere: the reused site-packages stays as it was.
    env = jupyter_env(tmp_path / "jupyter", SOURCE_DATE_EPOCH="1767355200", PYTHONDONTWRITEBYTECODE="1")
    venv = throwaway_venv(root, env)
    # Every script of the throw-away venv runs its python; make finds its install stamps up to date.
    for script in ("belt-report", "beltlib", "jupyter", "pip"):
        assert (venv / "bin" / script).read_text(encoding="utf-8").splitlines()[0] == f"#!{venv}/bin/python", script
    assert subprocess.run(["make", "-q", ".venv/.installed", ".venv/.installed-dev"], cwd=root, env=env).returncode == 0
    located = subprocess.run([str(venv / "bin" / "python"), "-c", "import beltlib; print(beltlib.__file__)"],
                             cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(located).resolve() == (ROOT / "beltlib" / "__init__.py").resolve()
    ran = []
    for cmd in commands(README):
        if cmd in SERVING:
            done = subprocess.run(["make", "-n", cmd.split()[1]], cwd=root, env=env, capture_output=True, text=True)
            assert done.returncode == 0, (cmd, done.stderr)
            assert "pip install" not in done.stdout, (cmd, done.stdout)  # the stamps are fresh: no reinstall
            continue
        done = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=root, env=env, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, (cmd, done.stdout[-2000:], done.stderr[-2000:])
        assert "Traceback" not in done.stderr, cmd
        ran.append(cmd)
        for out in re.findall(r"(?:-o |> )(\S+)", cmd):
            assert (root / out).is_file() and (root / out).stat().st_size > 0, (cmd, out)
        if "-o " in cmd:  # a page: the belt is on it
            page = (root / shlex.split(cmd)[shlex.split(cmd).index("-o") + 1]).read_text(encoding="utf-8")
            assert "belt-result" in page or "belt-cohort-belts" in page, cmd
    assert (root / "build" / "belt-report.html").is_file()  # make html
    assert (root / "build" / "belt-report-interactive.html").is_file()  # make html-interactive
    assert any(SAMPLE_ZIP in c for c in ran) and any("assess" in c for c in ran)
    # The real venv: not one file of it added, removed or changed; its pip is the one it had.
    assert {p: venv_snapshot(p) for p in real_venvs} == before
    assert pip_version(Path(sys.executable)) == pip_before
