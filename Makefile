# The commands in the README. Each sets itself up on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM := /usr/bin/chromium
NODE_READY := node_modules/.ready
# Browser tests mostly wait on the network; four workers on two cores halve the run.
TEST_WORKERS ?= 4
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build bench check lint browser clean

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	# Make the curriculum package importable by mkdocs-macros and the hooks.
	$(BIN)/python -c "import os, site; open(os.path.join(site.getsitepackages()[0], 'ecoleap.pth'), 'w').write(os.getcwd() + '\n')"
	touch $(READY)

# Debian's Chromium for the browser tests; Playwright's own browser download does not work here.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "Installing Debian's chromium (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

$(NODE_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(NODE_READY)

serve: $(READY)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(READY)
	$(BIN)/python -m curriculum

lint: $(READY)
	$(BIN)/ruff check curriculum scripts tests

# Build into a temporary folder and swap it in only on success: never a half-built site.
build: $(READY)
	rm -rf .site-tmp
	$(BIN)/mkdocs build --strict --site-dir .site-tmp || { rm -rf .site-tmp; exit 1; }
	rm -rf site && mv .site-tmp site

test: $(READY) $(NODE_READY) browser
	$(BIN)/ruff check curriculum scripts tests
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

bench: $(READY)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .site-tmp $(VENV)
