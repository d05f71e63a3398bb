# Two commands do everything on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE ?= site
# The site generator: mkdocs (MkDocs 1.6) or properdocs (its maintained fork); both read mkdocs.yml.
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
# Builds are reproducible: dates come from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

.PHONY: setup serve build check schema test test-fast lint browser bench screenshots clean

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# plotly.js core + funnel, bundled from node_modules with the pinned esbuild: offline, same bytes every
# time. macros/build/vendor.py copies it into the site (PLOTLY_BUILT there names the same file).
PLOTLY_BUNDLE := node_modules/.mvs/plotly-funnel.min.js
$(PLOTLY_BUNDLE): node_modules/.installed bundle/build.mjs bundle/plotly-funnel.js bundle/culori.mjs
	node bundle/build.mjs $@

setup: $(VENV)/.installed node_modules/.installed $(PLOTLY_BUNDLE)

serve: setup
	$(PY) -m macros check
	$(PY) -m $(ENGINE) serve --config-file mkdocs.yml --dev-addr 127.0.0.1:8000 --livereload

build: setup
	$(PY) -m macros build --site-dir $(SITE) --engine $(ENGINE)

check: setup
	$(PY) -m macros check

schema: setup
	$(PY) -m macros schema

lint: setup
	$(PY) -m ruff check macros tests bench screenshots

# Browser tests need Chromium: use the one on PATH, or install Debian's when running as root.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  command -v google-chrome >/dev/null 2>&1 || { \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	    else \
	      echo "Chromium is needed for the browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium) and run make test again." >&2; \
	      exit 1; \
	    fi; }

# The whole suite, spread over the machine's cores (a worker that runs out takes tests queued for another);
# the 15 slowest tests are listed at the end.
test: setup browser lint
	$(PY) -m macros schema --check
	$(PY) -m pytest -n auto --dist worksteal --durations=15

# While working: lint, the unit tests and one build (no browser), in about half a minute.
test-fast: setup lint
	$(PY) -m macros schema --check
	$(PY) -m pytest -n auto --dist worksteal -q tests/unit
	$(PY) -m macros build --site-dir .site-fast --no-offline-copy

# Page weights, timings and Lighthouse (mobile) beside a stock Material page; e.g. BENCH_ARGS="--lighthouse-runs 5".
bench: setup browser
	$(PY) bench/run.py $(BENCH_ARGS)

# PNGs of the key pages and widget states (phone and desktop, light and dark) and the printed plan and
# worksheet, page by page, in screenshots/out/ (open index.html there): look at them before a change lands.
screenshots: setup browser
	$(PY) screenshots/take.py

clean:
	rm -rf $(SITE) .site-* .pytest_cache .ruff_cache screenshots/out
