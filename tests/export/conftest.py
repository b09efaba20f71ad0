"""`make test-export`: Keras 3 and PyTorch run the exported files (KERAS_BACKEND=torch).

Nothing here is skipped: without torch or keras every test fails. Each test records the largest
difference it saw; the run ends with a table of them per network and framework.
"""

from __future__ import annotations

import os

import pytest

DIFFERENCES: dict[tuple[str, str], float] = {}


@pytest.fixture
def record():
    """record(network, framework, largest |difference|) for the closing table."""

    def add(network: str, framework: str, value: float) -> None:
        DIFFERENCES[(network, framework)] = float(value)

    return add


@pytest.fixture(scope="session")
def framework_env() -> dict:
    """The environment exported files run in: Keras on its PyTorch backend, no warnings noise."""
    return {**os.environ, "KERAS_BACKEND": "torch", "PYTHONWARNINGS": "ignore"}


def pytest_terminal_summary(terminalreporter):
    if not DIFFERENCES:
        return
    frameworks = sorted({f for _, f in DIFFERENCES})
    networks = sorted({n for n, _ in DIFFERENCES})
    write = terminalreporter.write_line
    write("")
    write("largest |difference| from the app, per network and framework:")
    write(f"{'network':<34}" + "".join(f"{f:>22}" for f in frameworks))
    for n in networks:
        cells = [DIFFERENCES.get((n, f)) for f in frameworks]
        write(f"{n:<34}" + "".join(f"{'-' if c is None else f'{c:.3g}':>22}" for c in cells))
    for f in frameworks:
        worst = max(v for (_, g), v in DIFFERENCES.items() if g == f)
        write(f"largest for {f}: {worst:.3g}")
