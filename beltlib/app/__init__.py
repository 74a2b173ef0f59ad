"""The report notebook (JupyterLab, Notebook 7, Voilà): live widgets or static HTML sections.

The notebook calls :func:`open_report` once, then one method per section."""
from .ui import open_report

__all__ = ["open_report"]
