# Entry points: `make run` (site with demo content on SQLite), `make test` (whole suite) and
# `make bench` (what each kind of URL costs under production settings).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint install install-test browser wrk messages build bench lighthouse

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# Debian's Chromium drives the browser tests (Playwright cannot download its own here), with a
# Chinese font so screenshots and Lighthouse see Chinese as readers do; npm brings the checkers
# they run (axe-core, the Nu HTML checker, Lighthouse: package.json).
browser: node_modules/.installed
	@test -x /usr/bin/chromium -a -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc || { \
		echo "Installing Debian's chromium and a Chinese font for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-wqy-microhei >/dev/null; }

# vnu-jar's install script would download a Java runtime; the Java the machine has runs it.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Debian's wrk loads the server in `make bench`.
wrk:
	@test -x /usr/bin/wrk || { \
		echo "Installing Debian's wrk for the benchmark"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

messages: install
	$(MANAGE) compilemessages --ignore "$(VENV)/*" -v 0

# What a deployment runs (with its production environment set): see README, "Production".
build: install messages
	$(MANAGE) collectstatic --no-input -v 0

run: install messages
	DJANGO_SETTINGS_MODULE=site_config.settings.dev $(MANAGE) migrate --no-input -v 0
	DJANGO_SETTINGS_MODULE=site_config.settings.dev $(MANAGE) load_demo_content --serve-at 127.0.0.1:$(PORT)
	DJANGO_SETTINGS_MODULE=site_config.settings.dev $(MANAGE) ensure_admin
	@# The background worker (webhook deliveries, image renditions) runs beside the server and
	@# stops with it.
	export DJANGO_SETTINGS_MODULE=site_config.settings.dev; \
	$(MANAGE) db_worker --no-reload -v 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# pytest exits 5 when it collects nothing; make treats any non-zero exit as a failure.
# One pytest worker per core (at most 4), each test file on one worker: files that start
# servers or share a Redis database never run beside themselves. PYTEST_WORKERS=0 for one.
PYTEST_WORKERS ?= auto
test: install-test browser messages
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --maxprocesses 4 --dist loadfile $(PYTEST_ARGS)

# Not a test: prints what each kind of URL costs, cached and not (README, "Benchmark").
# BENCH_ARGS, e.g. "--duration 5 --connections 16".
bench: install wrk messages
	$(BIN)/python -m tests.benchmark $(BENCH_ARGS)

# Not a test: Lighthouse's accessibility, best-practices and SEO scores of the home and a
# programme page in both languages, under production settings (README, "Lighthouse").
lighthouse: install-test browser messages
	$(BIN)/python -m tests.lighthouse $(LIGHTHOUSE_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
