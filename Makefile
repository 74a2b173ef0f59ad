# Belt Report. Every target creates .venv and installs requirements on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8866
CHROMIUM := /usr/bin/chromium
# Jupyter refuses to run as root without --allow-root (containers and CI run as root).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: help test bench lab app html html-interactive notebook chromium clean

help:
	@echo "make lab | app | html | html-interactive | test | bench"

$(STAMP): requirements.txt pyproject.toml
	test -x $(VENV)/bin/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Browser tests use Debian's Chromium (never `playwright install`).
chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Browser tests need Chromium: sudo apt-get install chromium" >&2; exit 1; fi; }

test: $(STAMP) chromium
	$(PY) -m pytest -n 2 --dist loadfile tests notebooks/belt_report.ipynb --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

bench: $(STAMP) chromium
	$(PY) bench/run_all.py

# `make lab` listens on PORT when it is given (`make lab PORT=9000`), else on JupyterLab's usual 8888.
LAB_PORT := $(if $(filter command line environment,$(origin PORT)),$(PORT),8888)

lab: $(STAMP)
	@echo "Opening JupyterLab: the URL with its token is printed below (http://127.0.0.1:$(LAB_PORT)/lab/tree/belt_report.ipynb)"
	$(VENV)/bin/jupyter lab --no-browser --ip=127.0.0.1 --port=$(LAB_PORT) $(ROOT_FLAG) --ServerApp.root_dir=notebooks \
	  notebooks/belt_report.ipynb

app: $(STAMP)
	@echo "Belt Report app: http://127.0.0.1:$(PORT)/"
	$(VENV)/bin/voila notebooks/belt_report.ipynb --no-browser --port=$(PORT) --Voila.ip=127.0.0.1

html: $(STAMP)
	$(PY) -m beltlib publish -o build/belt-report.html

html-interactive: $(STAMP)
	$(PY) -m beltlib publish --interactive -o build/belt-report-interactive.html

# Re-execute the committed notebook (after changing a text its summary prints), for nbval.
notebook: $(STAMP)
	cd notebooks && BELT_REPORT_ANSWERS=/nonexistent/answers.json ../$(VENV)/bin/jupyter nbconvert --to notebook \
	  --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.store_widget_state=False belt_report.ipynb

clean:
	rm -rf build screenshots .pytest_cache
