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

.PHONY: serve test build bench check lint browser java clean release downloads lock

$(READY): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	# Make the curriculum package importable by mkdocs-macros and the hooks.
	$(BIN)/python -c "import os, site; open(os.path.join(site.getsitepackages()[0], 'ecoleap.pth'), 'w').write(os.getcwd() + '\n')"
	touch $(READY)

# requirements.in names the direct dependencies; requirements.txt locks everything they pull in.
# Resolve in a fresh environment, so nothing installed by hand slips into the lock.
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.in
	{ sed -n '1,2p' requirements.txt; \
	  .lock-venv/bin/python -m pip freeze --disable-pip-version-check --exclude pip --exclude setuptools --exclude wheel | sort -f; \
	} > requirements.txt.new
	mv requirements.txt.new requirements.txt
	rm -rf .lock-venv

# Debian's Chromium for the browser tests; Playwright's own browser download does not work here.
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  echo "Installing Debian's chromium (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

# Java for the Nu HTML Checker (vnu-jar, tests/test_html_validity.py). Slim Debian images lack
# the man1 folder that the JRE's postinst links into.
java:
	@if ! command -v java >/dev/null; then \
	  echo "Installing Debian's default-jre-headless (needs root)"; \
	  mkdir -p /usr/share/man/man1; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

$(NODE_READY): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
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

# The files readers download (curriculum/downloads.py): the PDFs, printed by Chromium from a
# fresh build, the worksheets' workbooks and the kits' zips, and the zipped offline copy. They
# are staged in build/downloads, which every later build copies into its site, so this ends with
# `make build`. Publishing runs it before
# `mike deploy`, whose build then includes them. With the worksheets and the facilitator kits
# (scripts/worksheet_files.py), about five minutes.
downloads: $(READY) browser
	rm -rf build/downloads .site-pdf
	$(BIN)/mkdocs build --strict --site-dir .site-pdf || { rm -rf .site-pdf; exit 1; }
	$(BIN)/python scripts/pdfs.py .site-pdf build/downloads || { rm -rf .site-pdf build/downloads; exit 1; }
	rm -rf .site-pdf
	$(BIN)/python scripts/offline_copy.py build/downloads || { rm -rf build/downloads; exit 1; }
	$(MAKE) build

test: $(READY) $(NODE_READY) browser java
	$(BIN)/ruff check curriculum scripts tests
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# Figures beside their budgets (scripts/bench.py), about 10 minutes on an idle 2-core machine; stdout is only the table.
# Lighthouse lives in bench/, apart from the tests' npm packages, so `make test`'s npm ci stays small.
bench: $(READY) browser bench/node_modules/.ready
	@$(BIN)/python scripts/bench.py

bench/node_modules/.ready: bench/package.json bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch bench/node_modules/.ready

# `make release VERSION=2026.2`: check that the version is ready, then print the tag and push
# commands (docs/about/maintainers.md). It tags and pushes nothing itself.
release: $(READY)
	@if [ -z "$(VERSION)" ]; then echo "usage: make release VERSION=YYYY.N (for example 2026.2)" >&2; exit 2; fi
	$(BIN)/python scripts/release.py "$(VERSION)"

clean:
	rm -rf site .site-tmp .site-pdf build/downloads $(VENV)
