"""Every exported network, run by its framework in a fresh process, predicts what the app's own
forward pass predicts on a grid of points: Keras 3 and PyTorch in float32 within 1e-5, NumPy in
float64 within 1e-12 (relative to values beyond 1)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from export_cases import CASES, app_predict, grid_for, near_step, run_predict

from playground.core import export

FLOAT32_TOLERANCE = 1e-5


def test_the_frameworks_are_the_pinned_versions(framework_env):
    code = (
        "import keras, torch; print(torch.__version__, keras.__version__, keras.backend.backend())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=framework_env
    )
    assert result.returncode == 0, "torch and keras must be installed: " + result.stderr[-2000:]
    torch_version, keras_version, backend = result.stdout.split()
    assert torch_version.split("+")[0] == "2.13.0" and keras_version == "3.15.1"
    assert backend == "torch"


@pytest.mark.parametrize("fmt", ["keras", "pytorch"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_framework_export_reproduces_the_app(case, fmt, tmp_path, framework_env, record):
    project = case.project()
    out = tmp_path / f"{case.name}_{fmt}.py"
    export.export(project, fmt, out)
    X = grid_for(project)
    want = app_predict(project, X)
    got = run_predict(out, X, env=framework_env, timeout=300)
    assert got.shape == want.shape
    keep = ~near_step(project, X)  # float32 cannot say which side of a step's jump z lies on
    assert keep.mean() > 0.95
    diff = np.abs(got[keep].astype(np.float32) - want[keep].astype(np.float32)).max()
    record(case.name, fmt, diff)
    assert diff <= FLOAT32_TOLERANCE


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_numpy_export_reproduces_the_app(case, tmp_path, record):
    project = case.project()
    out = tmp_path / f"{case.name}_numpy.py"
    export.export(project, "numpy", out)
    X = grid_for(project)
    want = app_predict(project, X)
    diff = np.abs(run_predict(out, X) - want) / np.maximum(1.0, np.abs(want))
    record(case.name, "numpy", diff.max())
    assert diff.max() <= 1e-12
