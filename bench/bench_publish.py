#!/usr/bin/env python3
"""Benchmark: ``python -m beltlib publish`` against a plain ``jupyter nbconvert --to html``.

In one run, alternating, ``--repeat`` times each (median reported):

* publish: ``python -m beltlib publish -o OUT`` — validate, build the report
  document and draw it in process (plots as PNG), export with the offline
  template, write (no kernel);
* baseline: ``jupyter nbconvert --to html`` of a one-cell notebook (no
  execution) — the fixed cost of any nbconvert HTML export on this machine.

Prints both medians, the ratio publish / baseline (the goal: within 1.3x), and
an in-process breakdown of one publish (validate, draw the sections, export).

    python bench/bench_publish.py [--repeat 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
        (tmp / var.lower()).mkdir(parents=True, exist_ok=True)
        env[var] = str(tmp / var.lower())
    return env


def _timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from beltlib.publish import static as publish

    with tempfile.TemporaryDirectory(prefix="bench-publish-") as tmp_name:
        tmp = Path(tmp_name)
        env = _env(tmp / "jupyter")
        one = tmp / "one.ipynb"
        nbformat.write(new_notebook(cells=[new_code_cell("1 + 1")],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}}), one)
        baseline_cmd = [sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(one),
                        "--output-dir", str(tmp / "nbconvert"), "--log-level", "ERROR"]
        publish_cmd = [sys.executable, "-m", "beltlib", "publish", "-o", str(tmp / "report.html")]
        _timed(baseline_cmd, env, tmp)  # warm the disk cache for both
        _timed(publish_cmd, env, tmp)
        base, pub = [], []
        for _ in range(args.repeat):
            base.append(_timed(baseline_cmd, env, tmp))
            pub.append(_timed(publish_cmd, env, tmp))
        size = (tmp / "report.html").stat().st_size

        # In-process breakdown of one publish (imports already paid by this process).
        t0 = time.perf_counter()
        answers, _, _, _ = publish.resolve_export()
        t1 = time.perf_counter()
        nb = publish.report_notebook(answers)
        t2 = time.perf_counter()
        t3 = t2
        publish.export_html(nb)
        t4 = time.perf_counter()

    b, p = statistics.median(base), statistics.median(pub)
    print(f"publish (python -m beltlib publish, example, {args.repeat} runs): median {p:.2f} s "
          f"(min {min(pub):.2f}, max {max(pub):.2f}); page {size / 1000:.0f} KB (limit {publish.MAX_BYTES // 1000} KB)")
    print(f"baseline (jupyter nbconvert --to html, one-cell notebook, no execution): median {b:.2f} s "
          f"(min {min(base):.2f}, max {max(base):.2f})")
    print(f"ratio publish / baseline: {p / b:.2f}x")
    print(f"in-process publish: validate {1000 * (t1 - t0):.0f} ms, draw {len(nb.cells)} sections "
          f"{1000 * (t2 - t1):.0f} ms, export {1000 * (t4 - t3):.0f} ms")


if __name__ == "__main__":
    main()
