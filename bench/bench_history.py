#!/usr/bin/env python3
"""Benchmark ``belt-report history`` against ``belt-report export-summary`` on the large archive.

Generates the 30,000-connection, 150,000-message archive with ``bench/make_large_export.py`` in a
temporary directory (deleted afterwards), then measures in the same run, interleaved, best of
``--repeat`` runs each, what each command computes for ``--json``:

* export-summary: ``read_export(zip)`` and its JSON;
* history: ``read_export(zip)``, :func:`beltlib.linkedin.history.history` and its JSON (the monthly
  series are kept during the one reading pass: no second pass over the messages).

Then, in separate runs (tracing slows Python down, so they are not timed), the peak memory of each
(``tracemalloc``) against the export reader's own bound (``bench/bench_export.py``: under 3x the
largest file's uncompressed size).

Goals (issue "Progress over time"): history within 1.5x of export-summary; its peak memory within
the reader's bound. Prints the figures and a verdict; ``--strict`` makes a missed goal exit 1.

    python bench/bench_history.py [--repeat 5] [--strict]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench_export import GOAL_MEMORY_RATIO, peak_memory  # noqa: E402
from make_large_export import make_large_export  # noqa: E402

from beltlib.linkedin import read_export  # noqa: E402
from beltlib.linkedin.history import history  # noqa: E402

GOAL_RATIO = 1.5


def export_summary_json(zpath: str) -> str:
    """What ``export-summary --json`` computes."""
    return json.dumps(read_export(zpath).to_dict(), ensure_ascii=False, indent=2)


def history_json(zpath: str) -> str:
    """What ``history --json`` computes."""
    h = history(read_export(zpath))
    assert h is not None
    return json.dumps(h.to_dict(), ensure_ascii=False, indent=2)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="belt-bench-") as tmp:
        zpath = make_large_export(tmp)
        with zipfile.ZipFile(zpath) as z:
            largest = max(z.infolist(), key=lambda i: i.file_size)
        months = len(json.loads(history_json(zpath))["months"])
        t_summary = t_history = float("inf")
        for _ in range(args.repeat):  # interleaved so machine noise hits both alike
            t0 = time.perf_counter()
            export_summary_json(zpath)
            t_summary = min(t_summary, time.perf_counter() - t0)
            t0 = time.perf_counter()
            history_json(zpath)
            t_history = min(t_history, time.perf_counter() - t0)
        peak_summary = peak_memory(lambda: export_summary_json(zpath))
        peak_history = peak_memory(lambda: history_json(zpath))
    ratio = t_history / t_summary
    mem_ratio = peak_history / largest.file_size
    ok = ratio <= GOAL_RATIO and mem_ratio < GOAL_MEMORY_RATIO
    print(f"history: {months} months; {t_history:.3f} s; export-summary: {t_summary:.3f} s (best of {args.repeat})")
    print(f"ratio: {ratio:.2f}x (goal <= {GOAL_RATIO}x)")
    print(f"peak memory: history {peak_history / 1e6:.1f} MB, export-summary {peak_summary / 1e6:.1f} MB "
          f"(tracemalloc); largest file {os.path.basename(largest.filename)} {largest.file_size / 1e6:.1f} MB; "
          f"history's ratio {mem_ratio:.2f}x (reader's bound < {GOAL_MEMORY_RATIO:.0f}x)")
    print("history bench: " + ("OK" if ok else "GOAL MISSED"))
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
