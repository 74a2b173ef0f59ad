"""The README is for readers: short, its first lines give the two set-up commands, its links stay
inside the repository (or go to public pages), and every command it shows works as written from
the clone's root (this test runs them, in a scratch copy of the root so nothing is written into
the clone)."""
from __future__ import annotations

import re
import shlex
import subprocess

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


def test_every_command_runs_as_written(tmp_path):
    """Each command of the README, in order, from a scratch copy of the clone's root (symlinks to
    everything in it, so what the commands write lands in the copy)."""
    root = tmp_path / "clone"
    root.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in ("build", "dist", "answers.json", "screenshots", ".venv"):
            (root / entry.name).symlink_to(entry)
    # The venv's contents are shared, its install stamps are fresh copies: make never reinstalls through
    # the link (which would point the real venv's scripts at this temporary folder).
    (root / ".venv").mkdir()
    for entry in (ROOT / ".venv").iterdir():
        if entry.name.startswith(".installed"):
            (root / ".venv" / entry.name).touch()
        else:
            (root / ".venv" / entry.name).symlink_to(entry)
    env = jupyter_env(tmp_path / "jupyter", SOURCE_DATE_EPOCH="1767355200")
    ran = []
    for cmd in commands(README):
        if cmd in SERVING:
            done = subprocess.run(["make", "-n", cmd.split()[1]], cwd=root, env=env, capture_output=True, text=True)
            assert done.returncode == 0, (cmd, done.stderr)
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
