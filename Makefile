# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= auto

.PHONY: install run test lint schema check-deploy clean bench reliability

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

## run: venv + install, migrate, demo data on an empty database, then API + admin + docs + background worker
run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo --if-empty
	HOST=$(HOST) PORT=$(PORT) scripts/run-dev.sh

## test: the whole suite (SQLite by default; DATABASE_URL / REDIS_URL select PostgreSQL / Redis), in
## TEST_WORKERS processes (pytest-xdist; a test file stays in one process); PYTEST_ARGS adds pytest options
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

## bench: gunicorn + PostgreSQL + Redis on 127.0.0.1 driven by wrk; prints one table, writes bench/results/*.json
## (PRODUCTS=10000 DURATION=10 WORKERS=2 CONNECTIONS=8 ROUNDS=3 WORKLOADS= MEMORY=0 DB=mm_bench BENCH_REDIS_URL=… BENCH_PORT=8250)
PRODUCTS ?= 10000
DURATION ?= 10
WORKERS ?= 2
CONNECTIONS ?= 8
MEMORY ?= 0
ROUNDS ?= 3
BENCH_PORT ?= 8250
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/6
bench: install
	$(BIN)/python bench/run.py --products $(PRODUCTS) --duration $(DURATION) --workers $(WORKERS) \
		--connections $(CONNECTIONS) --rounds $(ROUNDS) --memory $(MEMORY) --port $(BENCH_PORT) --redis-url $(BENCH_REDIS_URL) \
		$(if $(WORKLOADS),--workloads "$(WORKLOADS)") \
		$(if $(DB),--database-url postgres://postgres@127.0.0.1:5432/$(DB))

## reliability: the live-server reliability tests in their long versions (5-minute soak, more faults); needs
## PostgreSQL and Redis: DATABASE_URL=postgres://… REDIS_URL=redis://… make reliability (figures: docs/reliability.md)
reliability: install
	RELIABILITY_LONG=1 $(BIN)/pytest -s tests/live tests/faults

lint: install
	$(BIN)/ruff check .

## schema: regenerate schema.yml and both clients from it (clients/python, clients/typescript); commit the result
schema: install clients/typescript/node_modules
	DEBUG=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file schema.yml
	$(BIN)/python clients/python-generator/generate.py
	cd clients/typescript && npm run --silent generate

clients/typescript/node_modules: clients/typescript/package-lock.json
	cd clients/typescript && npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) .test-media staticfiles
