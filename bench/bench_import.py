"""Benchmark: cost of `import beltlib` against `python -c pass` (goal: under 50 ms).

Prints the median of N fresh interpreters for each, the difference and the ratio.
"""
import statistics
import subprocess
import sys
import time

N = 15


def median_seconds(code: str) -> float:
    times = []
    for _ in range(N):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    bare = median_seconds("pass")
    full = median_seconds("import beltlib")
    heavy = subprocess.run([sys.executable, "-c", "import sys, beltlib; print(sorted(m for m in ('matplotlib', "
                            "'ipywidgets') if m in sys.modules))"], capture_output=True, text=True).stdout.strip()
    print(f"import beltlib: python -c pass {bare * 1000:.1f} ms, import beltlib {full * 1000:.1f} ms, "
          f"import cost {(full - bare) * 1000:.1f} ms (goal < 50 ms), ratio {full / bare:.2f}x; "
          f"heavy modules imported: {heavy}")


if __name__ == "__main__":
    main()
