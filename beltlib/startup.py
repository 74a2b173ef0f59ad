"""What a Belt Report process does as it starts, to start faster: ``python -m beltlib.startup MODULE ARGS…``.

- :func:`defer_iri_parser`: jsonschema (imported by nbconvert and by Jupyter's servers) imports
  ``rfc3987_syntax``, which builds a whole parser as it is imported (about 0.7 s of CPU) for the ``iri``
  formats, which no Belt Report command or server checks; it is now built on first use. The command line
  (:func:`beltlib.cli.main`) calls it first thing.
- :func:`run`: runs ``python -m MODULE ARGS…`` (Voilà, JupyterLab) after :func:`defer_iri_parser`; the
  servers of :mod:`beltlib.app.serve` start this way.

Standard library only.
"""
from __future__ import annotations

import importlib
import importlib.util
import runpy
import sys
import threading
import types
from typing import Any

#: The module :func:`defer_iri_parser` stands in for (see the module's docstring).
IRI_PARSER_MODULE = "rfc3987_syntax"


def defer_iri_parser() -> None:
    """Build the IRI parser of ``rfc3987_syntax`` when jsonschema first checks an IRI, not at its import.

    Puts a stand-in module in :data:`sys.modules` under :data:`IRI_PARSER_MODULE`, with the real module's
    spec, file and package path (so its submodules import as before): its ``is_valid_syntax`` (the one name
    jsonschema takes from it) and any other public attribute import the real module on first use (once, under
    a lock), which then replaces the stand-in. Validation results are unchanged (``tests/test_startup.py``
    checks both IRI formats). Does nothing when that module is not installed or is already imported.

    Returns:
        None.
    """
    name = IRI_PARSER_MODULE
    spec = None if name in sys.modules else importlib.util.find_spec(name)
    if spec is None:
        return
    stand_in = types.ModuleType(name, "Stand-in: imports the real module on first use (beltlib.startup).")
    stand_in.__spec__ = spec
    stand_in.__file__ = spec.origin
    stand_in.__path__ = list(spec.submodule_search_locations or [])
    lock = threading.Lock()

    def real() -> types.ModuleType:
        with lock:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
            return importlib.import_module(name)

    def is_valid_syntax(*args: Any, **kwargs: Any) -> Any:
        return real().is_valid_syntax(*args, **kwargs)

    def __getattr__(attr: str) -> Any:
        if attr.startswith("__"):  # the import system's questions (``__loader__``…): a plain module's answers
            raise AttributeError(attr)
        return getattr(real(), attr)

    stand_in.is_valid_syntax = is_valid_syntax  # type: ignore[attr-defined]
    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[name] = stand_in


def run(argv: list[str]) -> None:
    """Run ``python -m MODULE ARGS…`` in this process, after :func:`defer_iri_parser`.

    Args:
        argv: ``[MODULE, ARGS…]``, e.g. ``["voila", "notebook.ipynb", "--port=8866"]``.

    Returns:
        None (the module's ``__main__`` may exit with :class:`SystemExit`, as under ``python -m``).

    Raises:
        SystemExit: status 2 with a usage line when ``argv`` names no module; or the module's own exit.
        ImportError: the module is not installed, or is a package without ``__main__`` (where ``python -m``
            prints one line, this raises). Whatever the module itself raises propagates.
    """
    if not argv or argv[0].startswith("-"):
        print("usage: python -m beltlib.startup MODULE [ARGS...]", file=sys.stderr)
        raise SystemExit(2)
    defer_iri_parser()
    sys.argv = list(argv)  # runpy puts the module's file first, as ``python -m`` does
    runpy.run_module(argv[0], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    run(sys.argv[1:])
