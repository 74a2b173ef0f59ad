"""Write the golden snapshots: ``.venv/bin/python tests/update_snapshots.py`` (or ``make snapshots``).

For each case of :mod:`snapshot_cases` and each language, ``tests/snapshots/<case>.<lang>.json`` (the
report document, indented) and ``<case>.<lang>.txt`` (its plain text). A deliberate change to the
report shows up as a readable diff of these files; ``tests/test_document.py`` fails until they are
rewritten.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from snapshot_cases import LANGS, SNAPSHOTS, documents, names  # noqa: E402


def snapshot_json(doc: dict) -> str:
    """The document as the snapshot file holds it."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    SNAPSHOTS.mkdir(exist_ok=True)
    wanted = set()
    for name in names():
        for lang in LANGS:
            doc, text = documents(name, lang)
            for suffix, content in (("json", snapshot_json(doc)), ("txt", text)):
                path = SNAPSHOTS / f"{name}.{lang}.{suffix}"
                wanted.add(path)
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    path.write_text(content, encoding="utf-8")
                    print(f"wrote {path.relative_to(SNAPSHOTS.parent.parent)}")
    for stale in set(SNAPSHOTS.glob("*.*.*")) - wanted:
        stale.unlink()
        print(f"removed {stale.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
