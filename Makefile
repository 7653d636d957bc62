# Two commands: `make demo` and `make test`. Both create .venv and install thresher from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench clean

# The compiled modules are rebuilt (by reinstalling) when their sources or the build script change.
$(STAMP): pyproject.toml setup.py src/thresher/segment/_walk.pyx src/thresher/_bytescan.pyx src/thresher/label/_names.pyx src/thresher/label/_choose.pyx src/thresher/label/_scan.pyx
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

DEMO_OUT := demo-out

demo: $(STAMP)
	@for f in src/thresher/samples/*.txt src/thresher/samples/*.html; do echo "=== thresher clean $$f"; $(BIN)/thresher clean $$f; echo; done
	@echo "=== thresher run src/thresher/samples/demo-crawl.warc.gz -o $(DEMO_OUT)"
	@$(BIN)/thresher run src/thresher/samples/demo-crawl.warc.gz -o $(DEMO_OUT) --overwrite
	@$(BIN)/python -c "import json,sys; s=json.load(open('$(DEMO_OUT)/stats.json')); \
	print('dataset:', '$(DEMO_OUT)/kept', '| rejected:', '$(DEMO_OUT)/rejected', '| stats:', '$(DEMO_OUT)/stats.json'); \
	print(f\"{s['documents']} documents, {s['kept']} kept, {s['rejected']} rejected\"); \
	[print(f'  {step}: {r}') for step, v in s['steps'].items() for r in [', '.join(f'{k} x{n}' for k, n in v['reasons'].items())]]"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python bench/wet.py
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info $(DEMO_OUT)
