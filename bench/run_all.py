"""Run every benchmark under bench/ (files named bench_*.py) and print their figures."""
import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).parent
status = 0
for script in sorted(here.glob("bench_*.py")):
    print(f"== {script.name}", flush=True)
    status |= subprocess.run([sys.executable, str(script)]).returncode
sys.exit(status)
