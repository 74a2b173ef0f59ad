#!/usr/bin/env python3
"""Benchmark: the cohort summary of 10,000 answers files and of a 100,000-row CSV (issue 13: goal < 3 s each).

Builds seeded random cohorts in a temporary folder (every answer drawn from the fields' allowed
values, the way :func:`beltlib.answers.dumps` writes them), then times, ``--repeat`` times each
(median reported):

* 10,000 files: ``read_cohort`` + ``respondents_of`` + ``summarise`` + the JSON text (what
  ``python -m beltlib cohort FOLDER --json`` does after start-up), against merely reading and
  ``json.loads``-ing the same files (the floor of any reader); the ratio is printed;
* 100,000 CSV rows: the same summary, against merely parsing the CSV with the ``csv`` module;
* the whole command once for each (a fresh interpreter: start-up included).

    python bench/bench_cohort.py [--files 10000] [--rows 100000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from beltlib.answers import FIELDS, dumps, validate  # noqa: E402
from beltlib.cohort import read_cohort, respondents_of, summarise  # noqa: E402

GOAL_S = 3.0


def random_answers(rnd: random.Random) -> dict:
    out = {}
    for field, spec in FIELDS.items():
        if spec["kind"] == "choice":
            out[field] = rnd.choice(spec["choices"])
        elif spec["kind"] == "bool":
            out[field] = rnd.random() < 0.5
        elif field == "connections":
            out[field] = int(rnd.lognormvariate(4, 1.5)) % (spec["max"] + 1)
        elif field == "groups":
            out[field] = rnd.randint(0, 8)
        else:
            out[field] = rnd.choice([0.0, 0.05, 0.25, 0.5, 1.0, 2.5, 7.0, 12.0])
    return out


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def summary_of(paths: list[Path]) -> str:
    cohort = read_cohort(paths)
    return json.dumps(summarise(respondents_of(cohort.answers), cohort.invalid).to_dict())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rnd = random.Random(13)
    with tempfile.TemporaryDirectory(prefix="bench-cohort-") as tmp_name:
        tmp = Path(tmp_name)
        folder = tmp / "answers"
        folder.mkdir()
        for i in range(args.files):
            (folder / f"{i:05d}.json").write_text(dumps(validate(random_answers(rnd))), encoding="utf-8")
        header = [f for f in FIELDS if f != "schema"]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        for _ in range(args.rows):
            d = random_answers(rnd)
            w.writerow([("yes" if d[f] else "no") if isinstance(d[f], bool) else d[f] for f in header])
        table = tmp / "answers.csv"
        table.write_text(buf.getvalue(), encoding="utf-8")

        def parse_json_only() -> None:
            for p in sorted(folder.iterdir()):
                json.loads(p.read_text(encoding="utf-8"))

        def parse_csv_only() -> None:
            with open(table, encoding="utf-8", newline="") as fh:
                for _ in csv.reader(fh):
                    pass

        files_s = median_time(lambda: summary_of([folder]), args.repeat)
        json_s = median_time(parse_json_only, args.repeat)
        rows_s = median_time(lambda: summary_of([table]), args.repeat)
        csv_s = median_time(parse_csv_only, args.repeat)
        print(f"{args.files:,} answer files: summary {files_s:.2f} s (goal < {GOAL_S:g} s: "
              f"{'met' if files_s < GOAL_S else 'NOT met'}); merely parsing the JSON {json_s:.2f} s; "
              f"ratio {files_s / json_s:.1f}x")
        print(f"{args.rows:,}-row CSV: summary {rows_s:.2f} s (goal < {GOAL_S:g} s: "
              f"{'met' if rows_s < GOAL_S else 'NOT met'}); merely parsing the CSV {csv_s:.2f} s; "
              f"ratio {rows_s / csv_s:.1f}x; ratio to parsing the {args.files:,} JSON files {rows_s / json_s:.1f}x")
        for label, path in (("files", folder), ("CSV", table)):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "beltlib", "cohort", str(path), "--json"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"whole command (python -m beltlib cohort --json, start-up included), {label}: "
                  f"{time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
