"""Where the files that ship with beltlib are: the report notebooks.

Standard library only. In a clone of the repository the notebooks are read from ``notebooks/``
at its root (where they are edited, tested and re-executed); in an installed package (a wheel, or
``pip install .``) from ``beltlib/notebooks/``, where the build copies them (see ``setup.py``).
"""
from __future__ import annotations

from pathlib import Path

#: The package folder (``.../beltlib``).
PACKAGE_DIR = Path(__file__).resolve().parent
#: The notebooks as installed: copied into the package at build time.
INSTALLED_NOTEBOOKS = PACKAGE_DIR / "notebooks"
#: The notebooks in a clone of the repository (the package's parent folder).
REPO_NOTEBOOKS = PACKAGE_DIR.parent / "notebooks"


def notebook_path(name: str = "belt_report.ipynb") -> Path:
    """The path of a report notebook that ships with beltlib.

    Args:
        name: the notebook's file name, e.g. ``"belt_report.ipynb"``.

    Returns:
        Path: the installed copy when beltlib is installed from a wheel, else the repository's
        ``notebooks/<name>``. The path is returned even when neither exists (callers that run it
        report the missing file by its path).
    """
    installed = INSTALLED_NOTEBOOKS / name
    if installed.is_file():
        return installed
    return REPO_NOTEBOOKS / name
