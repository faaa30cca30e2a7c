# Polku: `make demo` serves the demo, `make test` runs every check. Both set everything up on a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes (pytest-xdist): two for the machine's two cores; PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2

.PHONY: demo test test-browser lint serve env env-dev messages clean loadtest bench bench-pg

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

# The lock file is the truth: --frozen never re-resolves, --inexact keeps uv itself in the environment.
$(VENV)/.installed-main: $(UV) pyproject.toml uv.lock
	$(UV) sync --quiet --frozen --inexact --no-dev --python $(PY)
	@touch $@

$(VENV)/.installed-dev: $(UV) pyproject.toml uv.lock
	$(UV) sync --quiet --frozen --inexact --python $(PY)
	@touch $@ $(VENV)/.installed-main

env: $(VENV)/.installed-main
env-dev: $(VENV)/.installed-dev

messages: $(VENV)/.installed-main
	$(MANAGE) compilemessages --ignore=.venv -v0

demo: env messages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_demo
	$(MANAGE) seed_employers_demo
	$(MANAGE) seed_fidelity_demo
	$(MANAGE) seed_training
	@echo "Polku demo: http://$(HOST):$(PORT)/ (a task worker builds the funder workbooks alongside)"
	$(MANAGE) db_worker --backend exports --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

lint: env-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: env-dev messages lint
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_ENV=production SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-secret-value-xyz ALLOWED_HOSTS=polku.example $(MANAGE) check --deploy --fail-level WARNING
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-browser: env-dev messages
	$(PY) -m pytest -m browser $(PYTEST_ARGS)

# National-scale benchmarks (docs/performance.md). The first run makes the data (bench/.data/, about 15 minutes on
# a busy 2-core machine); the measurements themselves are stopped after 10 minutes.
bench: env-dev messages
	$(PY) -m bench.run

# The same on a throwaway PostgreSQL cluster (-t: in a temporary directory, beside any other pg_virtualenv);
# the data is made on every run.
bench-pg: env-dev messages
	pg_virtualenv -t -o fsync=off -o shared_buffers=1GB -o work_mem=32MB sh -c '$(PY) -m bench.run --db postgres'

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles

# Polku under gunicorn on a throwaway PostgreSQL cluster, driven by locust for 60 s (see docs/loadtest.md).
loadtest: env-dev messages
	pg_virtualenv -t -o fsync=off $(PY) -m loadtest.run $(LOADTEST_ARGS)
