# 骨免疫学 · Osteoimmunology — every target sets itself up (venv, npm, Debian packages).
# `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        ?= .venv
PYTHON      ?= python3
BIN         := $(VENV)/bin
HOST        ?= 127.0.0.1
PORT        ?= 8000
SITE_DIR    ?= site
# System packages the browser tests and the PDFs need (Debian names)
APT_PACKAGES := chromium fonts-noto-cjk poppler-utils
VENDOR      := docs/assets/javascripts/vendor
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Diagrams are drawn at build time (hooks/diagrams.py); targets that publish or
# test never fall back to drawing them in the reader's browser
REQUIRE_BROWSER := DIAGRAMS_REQUIRE_BROWSER=1
# Two pytest-xdist workers, one per core (four were slower on an idle machine: 398 s against 359 s,
# CONTRIBUTING.md); tests that share a costly fixture stay together (tests/conftest.py,
# worker_group); the session's builds run ahead of the tests (tests/prefetch.py)
TEST_WORKERS ?= --numprocesses=2

.PHONY: help
help: ## List the targets with a one-line description
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENDOR)/.copied: node_modules/.installed
	mkdir -p $(VENDOR)
	cp node_modules/mermaid/dist/mermaid.min.js $(VENDOR)/mermaid.min.js
	touch $@

# Web Worker shim for search under file:// (the offline package), instead of unpkg
$(VENDOR)/iframe-worker.js: node_modules/.installed
	mkdir -p $(VENDOR)
	cp node_modules/iframe-worker/shim/index.js $@

# The service worker's page side (update notice), served from the site; the
# source-map comment is dropped because the map is not shipped
$(VENDOR)/workbox-window.js: node_modules/.installed
	mkdir -p $(VENDOR)
	sed '/^\/\/# sourceMappingURL=/d' node_modules/workbox-window/build/workbox-window.prod.umd.js > $@

.PHONY: system-packages
system-packages: ## Install the Debian packages for browser tests and PDFs (as root), or say how
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "Missing Debian packages:$$missing"; \
	  echo "Run: sudo apt-get install$$missing"; exit 1; \
	fi

.PHONY: setup
setup: $(BIN)/.installed $(VENDOR)/.copied $(VENDOR)/iframe-worker.js $(VENDOR)/workbox-window.js ## Create .venv, install the pinned Python and npm packages

.PHONY: build
build: setup ## Build the site (both languages) into site/ with --strict
	SITE_DIR=$(SITE_DIR) $(BIN)/mkdocs build --strict

.PHONY: pdf
pdf: setup system-packages ## Print one PDF per language into site/downloads/ (prints time and size)
	$(REQUIRE_BROWSER) $(BIN)/python scripts/pdf.py --out $(SITE_DIR)/downloads

.PHONY: offline
offline: setup system-packages ## Zip the site for reading from file:// into site/downloads/ (with the PDFs there)
	$(REQUIRE_BROWSER) $(BIN)/python scripts/offline.py --out $(SITE_DIR)/downloads --pdfs $(SITE_DIR)/downloads

# SITE_URL: the address the site will be served from (required; not loopback)
.PHONY: release
release: setup system-packages ## Ready-to-upload site/ for SITE_URL=https://…/: site, PDFs, offline zip (scripts/release.py)
	$(REQUIRE_BROWSER) SITE_URL="$(SITE_URL)" SITE_DIR="$(SITE_DIR)" $(BIN)/python scripts/release.py

.PHONY: permalinks
permalinks: setup ## Add new page URLs and section anchors to docs/_data/permalinks.txt (never removes)
	$(BIN)/python scripts/update_permalinks.py

.PHONY: serve
serve: setup build ## Build, then serve the site on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

.PHONY: test
test: setup system-packages ## Run the whole test suite (build, HTML, hooks, browser)
	$(REQUIRE_BROWSER) $(BIN)/pytest $(TEST_WORKERS)

bench/node_modules/.installed: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: bench
bench: setup system-packages bench/node_modules/.installed ## Benchmark: build ratio, bytes, diagram and PDF times, Lighthouse
	$(REQUIRE_BROWSER) $(BIN)/python scripts/bench.py

.PHONY: lint
lint: setup ## ruff check and ruff format --check
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/ruff format --check hooks tests scripts

.PHONY: lock
lock: $(BIN)/.installed ## Recompile requirements.txt from requirements.in
	$(BIN)/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.txt requirements.in

.PHONY: clean
clean: ## Remove site/, caches and copied vendor files (keeps .venv and node_modules)
	rm -rf $(SITE_DIR) .pytest_cache $(VENDOR) .cache/diagrams .cache/search-segments .cache/git-dates .cache/glossary-links .cache/inline-code .cache/citations .cache/seo-descriptions .cache/parallel-views .cache/rendered .cache/webapp-icons
