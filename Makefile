# Two set-up commands: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip

.PHONY: run test test-export bench lint format package package-test clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# after installing: PySide6's support modules as files with bytecode (~20 ms off each start)
UNPACK := $(PY) scripts/unpack_pyside_support.py

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -q -e .
	$(UNPACK)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test]'
	$(UNPACK)
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	@scripts/system-deps.sh
	$(VENV)/bin/activation-playground

test: $(VENV)/.installed-test
	@scripts/system-deps.sh --x11
	$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

# Exported Keras 3 and PyTorch code, run and compared with the app (tests/export). Installs the
# `export` extra (torch, keras); a missing framework fails these tests, it never skips them.
$(VENV)/.installed-export: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[test,export]'
	$(UNPACK)
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

test-export: $(VENV)/.installed-export
	KERAS_BACKEND=torch $(PY) -m pytest tests/export

# the largest network the builder allows: 10 hidden layers of 64 units (tanh; ReLU with regions)
WIDE_DEEP := 64:tanh,64:tanh,64:tanh,64:tanh,64:tanh,64:tanh,64:tanh,64:tanh,64:tanh,64:tanh
WIDE_RELU := $(subst tanh,relu,$(WIDE_DEEP))

bench: $(VENV)/.installed-test
	@scripts/system-deps.sh
	$(PIP) install -q 'torch==2.13.0' || $(PIP) install -q torch
	$(VENV)/bin/activation-playground bench
	$(VENV)/bin/activation-playground bench --startup
	$(VENV)/bin/activation-playground bench --gui
	$(VENV)/bin/activation-playground bench --gui --views all
	$(VENV)/bin/activation-playground bench --gui --views all --layers $(WIDE_DEEP)
	$(VENV)/bin/activation-playground bench --gui --views all --layers $(WIDE_RELU)
	$(VENV)/bin/activation-playground bench --gui --views all --points 20000
	$(VENV)/bin/activation-playground bench --gui --views all --layers $(WIDE_DEEP) --points 20000
	$(VENV)/bin/activation-playground bench --scaling

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check playground tests scripts
	$(VENV)/bin/ruff format --check playground tests scripts
	$(VENV)/bin/lint-imports
	$(VENV)/bin/vulture playground --min-confidence 80
	$(PY) scripts/check_sizes.py

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff format playground tests
	$(VENV)/bin/ruff check --fix playground tests

clean:
	rm -rf build dist .pytest_cache .ruff_cache

# Packages (packaging/README.md): the PyInstaller one-folder bundle and a .deb, both into dist/.
$(VENV)/.installed-package: pyproject.toml | $(PY)
	$(PIP) install -q -e '.[package]'
	$(UNPACK)
	touch $@ $(VENV)/.installed

package: $(VENV)/.installed-package
	@scripts/system-deps.sh --x11
	packaging/build-bundle.sh
	@if command -v dpkg-deb >/dev/null; then packaging/build-deb.sh; \
	else echo "dpkg-deb not found: built the bundle only (not Debian/Ubuntu)"; fi

package-test: $(VENV)/.installed-package
	packaging/package-test.sh
