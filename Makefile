# Two commands on a fresh machine: `make serve` (build and serve the site) and `make test` (the whole suite).
PY      := .venv/bin/python
MKDOCS  := NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check publish-check lint test test-fast system-deps clean bench

.venv/.stamp: requirements.txt requirements-dev.txt
	python3 -m venv .venv
	.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

serve: .venv/.stamp            ## build and serve on http://127.0.0.1:8000 (rebuilds on docs/, data/, overrides/, macros/ changes)
	$(MKDOCS) serve --strict --dirty --dev-addr 127.0.0.1:8000  # --dirty: a rebuild remakes only what an edit changed

check: .venv/.stamp            ## validate data/ without building (and print the translation coverage)
	$(PY) -m macros check

publish-check: .venv/.stamp    ## refuse to publish while mkdocs.yml holds a placeholder address or identity
	$(PY) -m macros publish-check $(if $(EXPECT_URL),--expect-url $(EXPECT_URL))

build: .venv/.stamp            ## build into site/; the previous site stays until a build succeeds
	rm -rf .site-tmp
	$(MKDOCS) build --strict --quiet -d .site-tmp
	rm -rf site && mv .site-tmp site

system-deps:                   ## Debian packages the browser and office-suite tests need
	@sh .ci/system-deps.sh

lint: .venv/.stamp             ## ruff (lint and format check) and mypy over macros/, tests/ and bench/
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy

test: .venv/.stamp system-deps lint ## lint, then the whole test suite (data, build, files, real browser)
	$(PY) -m pytest -q

test-fast: .venv/.stamp        ## everything but the real-browser and slow tests (no system packages needed)
	$(PY) -m pytest -q -m "not browser and not slow"

bench: .venv/.stamp system-deps ## build benchmark at 250/1000/2000 synthetic notices -> bench/results.json (see BENCHMARKS.md)
	$(PY) bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site .site-tmp .pytest_cache
