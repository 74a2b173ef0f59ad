"""The rooms of beltlib: what imports what, the core on the standard library only, small modules."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "beltlib"
CORE = ("rules", "plan", "answers", "assessment", "texts", "numbers", "theme", "report", "sentences", "effort",
        "document", "since", "catalogue.en", "catalogue.fr", "catalogue.cohort", "catalogue.progress",
        "catalogue.history", "locale", "startup")


def imports_of(module: str) -> set[str]:
    """Modules a beltlib module imports (relative imports resolved to ``beltlib.*``), anywhere in the file."""
    path = PKG / (module.replace(".", "/") + ".py")
    package = ["beltlib", *module.split(".")[:-1]]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            out.add(name)
            out.update(f"{name}.{a.name}" for a in node.names)
    return out


def test_core_imports_only_the_standard_library():
    code = ("import sys; import " + ", ".join(f"beltlib.{m}" for m in CORE) +
            "; print(__import__('json').dumps(sorted(m for m in sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                       cwd=ROOT).stdout)
    site = {m for m in loaded if m.startswith(("__editable__", "_distutils_hack"))}  # site-packages hooks, not imports
    outside = sorted({m.split(".")[0] for m in set(loaded) - site} - set(sys.stdlib_module_names)
                     - {"beltlib", "__main__"})
    assert outside == []
    assert not any(m.startswith(("beltlib.app", "beltlib.linkedin", "beltlib.publish", "beltlib.plots"))
                   for m in loaded)


@pytest.mark.parametrize("module, forbidden", [
    ("assessment", "beltlib.texts"), ("assessment", "beltlib.catalogue"),
    ("plots", "beltlib.report"),
    ("publish.static", "beltlib.publish.interactive"), ("publish.interactive", "beltlib.publish.static"),
    ("publish.svg", "beltlib.publish.static"), ("publish.common", "beltlib.publish.interactive"),
])
def test_no_import_couples_the_wrong_rooms(module, forbidden):
    assert not any(i == forbidden or i.startswith(forbidden + ".") for i in imports_of(module))


def test_the_engine_modules_stay_small():
    files = [PKG / f"{m.replace('.', '/')}.py" for m in (*CORE, "plots")] + sorted((PKG / "publish").glob("*.py"))
    sizes = {f.relative_to(ROOT).as_posix(): len(f.read_text(encoding="utf-8").splitlines()) for f in files}
    assert {f: n for f, n in sizes.items() if n > 500} == {}


#: The rooms, lowest first: a module may import its own room and the rooms below, never one above
#: (lazy imports inside functions count too).
ROOMS = [
    {"rules", "plan", "answers", "assessment", "texts", "numbers", "theme", "report", "sentences", "effort",
     "catalogue", "store", "resources", "document", "locale", "since", "announce", "startup"},
    {"plots", "images"},
    {"linkedin", "cohort", "figures", "calendar"},
    {"app", "publish"},
    {"cli", "__main__"},
]


def room_of(module: str) -> int:
    first = module.split(".")[0]
    return next(i for i, names in enumerate(ROOMS) if first in names)


def all_modules() -> list[str]:
    out = []
    for path in sorted(PKG.rglob("*.py")):
        parts = path.relative_to(PKG).with_suffix("").parts
        if parts != ("__init__",):
            out.append(".".join(parts))
    return out


def test_no_room_imports_a_higher_one():
    upward = []
    for module in all_modules():
        for name in imports_of(module):
            if not name.startswith("beltlib.") or name.count(".") < 1:
                continue
            target = name.removeprefix("beltlib.")
            if target.split(".")[0] in {m for r in ROOMS for m in r} and room_of(target) > room_of(module):
                upward.append((module, name))
    assert upward == []


def test_no_module_is_over_500_lines():
    """Python modules and the page's JavaScript files alike."""
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in [*PKG.rglob("*.py"), *PKG.rglob("*.js")]}
    assert {f: n for f, n in sizes.items() if n > 500} == {}


#: Test files about the project itself rather than one module or room of beltlib.
TOOLING_SUBJECTS = {"readme", "docs", "tooling", "layout", "packaging", "properties"}


def subject_of(test_file: str) -> str | None:
    """What ``test_<subject>[_<what>].py`` tests: a top-level module of beltlib (``rules``, ``numbers``,
    ``cli``…), a room (``linkedin``, ``cohort``, ``app``, ``publish``…) or a tooling subject; None if nothing."""
    name = test_file.removeprefix("test_").removesuffix(".py")
    subjects = {p.stem for p in PKG.glob("*.py") if not p.stem.startswith("__")}
    subjects |= {p.name for p in PKG.iterdir() if (p / "__init__.py").is_file()} | TOOLING_SUBJECTS
    return next((s for s in sorted(subjects) if name == s or name.startswith(s + "_")), None)


def test_every_test_file_is_named_after_what_it_tests():
    unnamed = [p.name for p in sorted((ROOT / "tests").glob("test_*.py")) if subject_of(p.name) is None]
    assert unnamed == [], f"name them test_<beltlib module or room, or one of {sorted(TOOLING_SUBJECTS)}>[_<what>].py"
    # The rule at work: names of modules that are gone, or of nothing, are refused.
    assert [subject_of(f) for f in ("test_ui.py", "test_export_rows.py", "test_number_parity.py",
                                    "test_linkedin_rows.py", "test_numbers_parity.py")] == \
        [None, None, None, "linkedin", "numbers"]
