# Two commands set everything up: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# axe-core and the Nu HTML checker for the gates, pinned in package-lock.json.
NODE_STAMP := node_modules/.installed

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve test validate ingest bench clean

# The venv is rebuilt only when the pins change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

validate: $(STAMP)
	$(PY) -m nqpf validate

ingest: $(STAMP)
	$(PY) -m nqpf ingest

# The build's first step (the nqpf plugin, scripts/nqpf/plugin.py) runs the same
# checks as `make validate` and stops with every file:line problem, so the data is
# validated once, not twice. `coverage` counts the Sources page's curated
# candidates first: the build itself never runs the extractor.
# The site's address: SITE_URL, else the git remote's GitHub Pages address, else none (the
# build says what it leaves out). NQPF_PUBLISH=1: a loopback SITE_URL is refused here.
site: $(STAMP)
	$(PY) -m nqpf coverage
	NQPF_PUBLISH=1 $(PY) -m mkdocs build --strict --site-dir site

# The preview keeps its own address, whatever SITE_URL says.
serve: site
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000 --livereload

# pytest exits 5 when it collected nothing: that is a failure here.
# One worker more than there are cores: a browser gate's worker waits on Chromium, and the extra
# worker keeps the cores busy (measured on 2 cores: 193 s with 2 workers, 182 s with 3, 201 s with 4).
# --dist loadfile: a file's tests share one worker, so a module's own build (the hostile copy, the
# fixture site) and the Nu checker's start run once, not once a worker (3 workers: 154-190 s, against
# 182-201 s sending tests one by one; this machine varies by 15 % from run to run).
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: $(STAMP) $(NODE_STAMP)
	$(PY) -m ruff check --quiet scripts tests
	$(PY) -m nqpf coverage
	$(PY) -m pytest -n $(WORKERS) --dist loadfile; status=$$?; if [ $$status -eq 5 ]; then echo "no tests ran" >&2; exit 1; fi; exit $$status

bench: $(STAMP) $(NODE_STAMP)
	$(PY) -m nqpf bench

clean:
	rm -rf site build bench .pytest_cache .hypothesis node_modules tools/lighthouse/node_modules
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +
