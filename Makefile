# The commands in the README. Each sets itself up on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
# The site generator core: mkdocs (the default) or properdocs (curriculum/core.py,
# docs/about/platform.md). Each has its venv; `make test` sets up both, since one test builds the
# site with each and compares them.
CORE ?= mkdocs
export ECOLEAP_CORE := $(CORE)
MK_VENV := .venv
PD_VENV := .venv-properdocs
MK_READY := $(MK_VENV)/.ready
PD_READY := $(PD_VENV)/.ready
ifeq ($(CORE),properdocs)
VENV := $(PD_VENV)
else ifeq ($(CORE),mkdocs)
VENV := $(MK_VENV)
else
$(error CORE=$(CORE): use mkdocs or properdocs)
endif
BIN := $(VENV)/bin
READY := $(VENV)/.ready
# The two Chromium programs of curriculum/chromium.py (CHROMIUM and BROWSER).
CHROMIUM := /usr/bin/chromium-headless-shell
CHROMIUM_BROWSER := /usr/bin/chromium
NODE_READY := node_modules/.ready
# Two test workers per core, as a worker often waits on its browser: on 2 cores, 4 workers took
# 305 s and 2 took 382 s; 1 core with 2 workers took 617 s (2026-12-06). At most 8, each with its
# browser. GitHub's standard runners for public repositories have 4 cores, so CI runs 8
# (https://docs.github.com/en/actions/reference/runners/github-hosted-runners).
CPUS := $(shell nproc 2>/dev/null || echo 2)
TEST_WORKERS ?= $(shell echo $$(( 2 * $(CPUS) < 8 ? 2 * $(CPUS) : 8 )))
export NO_MKDOCS_2_WARNING := 1

# Python as CI and the README name it.
.PHONY: serve test test-fast test-properdocs build bench check lint browser java clean release downloads lock

$(MK_READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(MK_VENV)
	$(MK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	# The curriculum package, editable: mkdocs-macros, the hooks, the tests and the scripts
	# (`python -m scripts.NAME`) import it from this checkout. Its dependencies are the locked ones above.
	$(MK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(MK_READY)

# ProperDocs, the drop-in continuation of MkDocs 1.x, in a venv of its own: mike builds with
# ProperDocs whenever it is installed, so it stays out of the default one. `make test` builds
# the site with both cores and compares them (tests/test_core.py); `make test-properdocs` runs
# every test on ProperDocs (docs/about/platform.md).
$(PD_READY): requirements-properdocs.txt pyproject.toml
	$(PYTHON) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-properdocs.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(PD_READY)

# requirements.in names the direct dependencies; requirements.txt locks everything they pull in,
# each with its hashes (pip installs with --require-hashes). pip-compile takes final releases only
# and keeps the versions already locked unless requirements.in asks for others; the lock rules
# (curriculum/lockfile.py: a hash for every package, no pre-release, mkdocs below 2) then check
# the result. Resolved in a fresh environment against PyPI alone, so nothing installed by hand
# and no local wheel slips into the lock. requirements-properdocs.txt is the same lock plus ProperDocs.
PIP_TOOLS := pip-tools==7.7.0
LOCK_FLAGS := --quiet --no-header --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS)
	for name in requirements requirements-properdocs; do \
	  cp $$name.txt $$name.txt.new; \
	  PIP_CONFIG_FILE=/dev/null .lock-venv/bin/pip-compile $(LOCK_FLAGS) --output-file $$name.txt.new $$name.in; \
	  { printf '%s\n' "# The lock: every package, transitive ones included, pinned (==) with its hashes. Written by" \
	                   "# \`make lock\` from $$name.in; do not edit by hand. \`make\` installs exactly these."; \
	    grep -v '^#' $$name.txt.new; } > $$name.txt.checked; \
	  .lock-venv/bin/python curriculum/lockfile.py $$name.txt.checked \
	    || { rm -f $$name.txt.new $$name.txt.checked; exit 1; }; \
	  mv $$name.txt.checked $$name.txt; rm -f $$name.txt.new; \
	done
	rm -rf .lock-venv

# Debian's Chromium for the browser tests, the PDFs and the bench: its headless shell, which the
# tests and the PDFs drive (curriculum/chromium.py), and the browser, which Lighthouse audits
# with. Playwright's own browser download does not work here.
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMIUM_BROWSER) ]; then \
	  echo "Installing Debian's chromium and chromium-headless-shell (needs root)"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell >/dev/null; \
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

SERVE_ADDRESS ?= 127.0.0.1:8000
serve: $(READY)
	$(BIN)/python -m $(CORE) serve --dev-addr $(SERVE_ADDRESS)

check: $(READY)
	$(BIN)/python -m curriculum

lint: $(READY)
	$(BIN)/ruff check curriculum scripts tests

# Build into a temporary folder and swap it in only on success: never a half-built site.
build: $(READY)
	rm -rf .site-tmp
	$(BIN)/python -m $(CORE) build --strict --site-dir .site-tmp || { rm -rf .site-tmp; exit 1; }
	rm -rf site && mv .site-tmp site

# The files readers download (curriculum/downloads.py): the PDFs, printed by Chromium from a
# fresh build, the worksheets' workbooks and the kits' zips, and the zipped offline copy. They
# are staged in build/downloads, which every later build copies into its site, so this ends with
# `make build`. Publishing runs it before
# `mike deploy`, whose build then includes them. With the worksheets and the facilitator kits
# (scripts/worksheet_files.py), about five minutes.
downloads: $(READY) browser
	rm -rf build/downloads .site-pdf
	$(BIN)/python -m $(CORE) build --strict --site-dir .site-pdf || { rm -rf .site-pdf; exit 1; }
	$(BIN)/python -m scripts.pdfs .site-pdf build/downloads || { rm -rf .site-pdf build/downloads; exit 1; }
	rm -rf .site-pdf
	$(BIN)/python -m scripts.offline_copy build/downloads || { rm -rf build/downloads; exit 1; }
	$(MAKE) build

test: $(MK_READY) $(PD_READY) $(NODE_READY) browser java
	$(BIN)/ruff check curriculum scripts tests
	$(BIN)/actionlint .github/workflows/*.yml
	node --test tests/js/
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=15

# The edit loop, under 30 seconds: the content model, its rules over the real content, the
# renderers, the scripts' logic and the calculators' formulas and the progress store (node --test). No site build, no browser (markers in pyproject.toml).
# One test worker per core: on 2 cores at the machine's slower speed, 18 to 22 s against 36 to 38 s
# in one process (2026-12-07).
test-fast: $(READY)
	$(BIN)/ruff check curriculum scripts tests
	node --test tests/js/
	$(BIN)/python -m pytest -n $(CPUS) --dist loadgroup -m "not site and not browser and not build" --durations=5

# Every test on ProperDocs instead of MkDocs (the check workflow's second job).
test-properdocs:
	$(MAKE) test CORE=properdocs

# Figures beside their budgets (scripts/bench.py), about 10 minutes on an idle 2-core machine; stdout is only the table.
# Lighthouse lives in bench/, apart from the tests' npm packages, so `make test`'s npm ci stays small.
bench: $(READY) browser bench/node_modules/.ready
	@$(BIN)/python -m scripts.bench

bench/node_modules/.ready: bench/package.json bench/package-lock.json
	cd bench && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch bench/node_modules/.ready

# `make release VERSION=2026.2`: check that the version is ready, then print the tag and push
# commands (docs/about/maintainers.md). It tags and pushes nothing itself.
release: $(READY)
	@if [ -z "$(VERSION)" ]; then echo "usage: make release VERSION=YYYY.N (for example 2026.2)" >&2; exit 2; fi
	$(BIN)/python -m scripts.release "$(VERSION)"

clean:
	rm -rf site .site-tmp .site-pdf build/downloads $(MK_VENV) $(PD_VENV)
