"""Build hook: ship the report notebooks inside the package.

The notebooks live at ``notebooks/`` in the repository (the tests, docs and ``make lab`` use that
path). Building a wheel copies every ``notebooks/*.ipynb`` into ``beltlib/notebooks/`` of the build,
where :func:`beltlib.resources.notebook_path` finds them once installed. The sdist carries
``notebooks/`` (MANIFEST.in), so a wheel built from the sdist gets them too. All metadata is in
pyproject.toml.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithNotebooks(build_py):
    """``build_py`` that also copies ``notebooks/*.ipynb`` into ``beltlib/notebooks/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository's notebooks/ directly
        notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
        if not notebooks:
            raise SystemExit("notebooks/*.ipynb not found: the wheel would ship no report notebook")
        target = Path(self.build_lib) / "beltlib" / "notebooks"
        target.mkdir(parents=True, exist_ok=True)
        for nb in notebooks:
            shutil.copyfile(nb, target / nb.name)


setup(cmdclass={"build_py": BuildWithNotebooks})
