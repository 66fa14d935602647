# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint schema check-deploy clean reliability

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

## test: the whole suite (SQLite by default; DATABASE_URL / REDIS_URL select PostgreSQL / Redis)
test: install
	$(BIN)/pytest

## reliability: the live-server reliability tests in their long versions (5-minute soak, more faults); needs
## PostgreSQL and Redis: DATABASE_URL=postgres://… REDIS_URL=redis://… make reliability (figures: docs/reliability.md)
reliability: install
	RELIABILITY_LONG=1 $(BIN)/pytest -p no:randomly -s tests/live $(wildcard tests/faults)

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
