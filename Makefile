# Belt Report. Every target creates .venv and installs requirements on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# Two install steps: what running needs (requirements.txt + beltlib, editable), then what tests and
# linters need (requirements-dev.txt). lab/app/html need the first only.
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PORT ?= 8866
# Browser tests drive Debian's Chromium headless shell (tests/browser.py says why); `chromium` is the browser
# to look at pages with.
CHROMIUM_PACKAGES := chromium chromium-headless-shell
# Jupyter refuses to run as root without --allow-root (containers and CI run as root).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: help test test-fast lint dist bench lab app app-shared html html-interactive notebook snapshots chromium nodejs clean
# Four workers on two cores: the suite is CPU-bound, but some files mostly wait (kernel culling, page loads),
# and four ran it in 3 min 43 s against 3 min 52 s for three (one run each, same tree). Each test file runs
# in one worker (its servers and pages are module fixtures), the slowest files first (tests/conftest.py).
# Every pytest run: tests/startup_plugin.py first (nbval's import would otherwise build a parser no test uses,
# in every worker), and bytecode caches on, even where the environment turns them off
# (PYTHONDONTWRITEBYTECODE=1): the suite starts a few hundred Python processes (kernels, servers, commands)
# that import beltlib, and pytest keeps the test modules it rewrote (measured: ~30 s of CPU less in all).
# The caches are git-ignored.
PYTEST_RUN := PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -p tests.startup_plugin
PYTEST := $(PYTEST_RUN) -n 4 --dist loadfile --no-loadscope-reorder
NBVAL := notebooks/belt_report.ipynb --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg
# pytest rewrites every test module's asserts in each worker (about 3.5 s of CPU each). One quiet collection
# first writes them to tests/__pycache__ for the four workers to read: on a fresh clone, 214 s -> 203 s
# in all (one run each). A collection error stops it, and its end is shown, before any worker starts.
COLLECT_FIRST := @out=$$($(PYTEST_RUN) --collect-only -q -p no:cacheprovider -p no:xdist tests 2>&1) \
	|| { echo "$$out" | tail -n 60 >&2; exit 1; }

help:
	@echo "make lab | app | app-shared | html | html-interactive | test | test-fast | lint | dist | bench | notebook | snapshots"

$(STAMP): requirements.txt pyproject.toml
	test -x $(VENV)/bin/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(DEV_STAMP)

# Browser tests use Debian's Chromium (never `playwright install`).
chromium:
	@test -x /usr/bin/chromium && test -x /usr/bin/chromium-headless-shell || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(CHROMIUM_PACKAGES); \
	  else echo "Browser tests need Chromium: sudo apt-get install $(CHROMIUM_PACKAGES)" >&2; exit 1; fi; }

test: $(DEV_STAMP) chromium nodejs
	$(COLLECT_FIRST)
	$(PYTEST) tests $(NBVAL)

# Everything but the browser tests (no Chromium needed).
test-fast: $(DEV_STAMP) nodejs
	$(COLLECT_FIRST)
	$(PYTEST) -m "not browser" tests $(NBVAL)

# ruff (lint + import order, settings in pyproject.toml) on the whole tree; mypy on the core.
lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# The sdist and the wheel (with the notebooks and every template/asset) in dist/.
dist: $(DEV_STAMP)
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .

# Node runs the page engine's parity test without a browser (skipped, with its reason, without Node).
nodejs:
	@command -v node >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs; \
	  else echo "note: no node on PATH, the page engine's parity test will be skipped (sudo apt-get install nodejs)" >&2; fi; }

bench: $(DEV_STAMP) chromium
	$(PY) bench/run_all.py

# `make lab` listens on PORT when it is given (`make lab PORT=9000`), else on JupyterLab's usual 8888.
# It opens notebooks/my_belt_report.ipynb, a git-ignored working copy (autosave never touches the tracked one),
# and prints last a URL with a fresh token that opens it with no login page.
LAB_PORT := $(if $(filter command line environment,$(origin PORT)),$(PORT),8888)

# Servers accept uploads up to 256 MB; see docs/serving-the-app.md (beltlib/app/serve.py holds the settings).
lab: $(STAMP)
	$(PY) -m beltlib.app.serve lab --port=$(LAB_PORT)

app: $(STAMP)
	$(PY) -m beltlib.app.serve app --port=$(PORT)

# Several visitors: each starts from the example, answers kept only in their session, idle kernels culled.
app-shared: $(STAMP)
	$(PY) -m beltlib.app.serve shared --port=$(PORT)

html: $(STAMP)
	$(PY) -m beltlib publish -o build/belt-report.html

html-interactive: $(STAMP)
	$(PY) -m beltlib publish --interactive -o build/belt-report-interactive.html

# Re-execute the committed notebook (after changing a text its summary prints), for nbval.
notebook: $(STAMP)
	cd notebooks && BELT_REPORT_ANSWERS=/nonexistent/answers.json ../$(VENV)/bin/jupyter nbconvert --to notebook \
	  --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.store_widget_state=False belt_report.ipynb

# Rewrite the golden snapshots of the report document (tests/snapshots/) after a deliberate change; read the diff.
snapshots: $(STAMP)
	$(PY) tests/update_snapshots.py

clean:
	rm -rf build dist screenshots .pytest_cache .mypy_cache .ruff_cache
