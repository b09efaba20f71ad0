"""Training carried on in the frameworks takes the app's steps.

PyTorch: the exported train() — same shuffle, batches, loss averaging, update rule and penalty —
reaches the app Trainer's weights after a few epochs from the same weights (float64: to 1e-9;
float32: to 1e-5). Keras: the exported compile/fit block, uncommented, reaches them at full batch
(where the shuffle order does not matter). The initializers draw the app's distributions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from export_cases import CASES, Case, app_network

from playground.core import export
from playground.core.nn import initializers
from playground.core.nn.trainer import Trainer

EPOCHS = (2, 1)  # train() called twice: the shuffle and the optimizer state carry on

TRAIN_RUNNER = """
import importlib.util, json, sys
import numpy as np
import torch
dtype, path, data_file = sys.argv[1:4]
torch.set_default_dtype(getattr(torch, dtype))
spec = importlib.util.spec_from_file_location("exported", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
with np.load(data_file, allow_pickle=False) as d:
    X, y = d["X"], d["y"]
for epochs in EPOCHS:
    module.train(X, y, epochs=epochs)
print(json.dumps([p.detach().double().numpy().tolist() for p in module.model.parameters()]))
""".replace("EPOCHS", repr(EPOCHS))


def _case(name: str, **config) -> Case:
    case = next(c for c in CASES if c.name == name)
    return replace(case, config={**case.config, **config})


TORCH_CASES = [
    _case("xor-tanh", optimizer="sgd", batch_size=10, seed=4),
    _case(
        "moons-four-layers",
        optimizer="momentum",
        batch_size=7,
        regularization="l2",
        reg_rate=0.01,
        learning_rate=0.01,
    ),
    _case("blobs3-softmax", optimizer="adam", batch_size=16, regularization="l1", reg_rate=0.001),
    _case("blobs4-sigmoid-heads", optimizer="adam", batch_size=12, learning_rate=0.01),
    _case("sine-regression-1d", optimizer="sgd", batch_size=5, learning_rate=0.01),
    _case(
        "plane-tanh-head", optimizer="momentum", batch_size=9, regularization="l1", reg_rate=0.01
    ),
    _case("band-swish-step", optimizer="adam", batch_size=10),
    _case("iris-4d", optimizer="sgd", batch_size=500, learning_rate=0.01),
    _case("initial-weights", optimizer="momentum", batch_size=8),
]


def _app_weights(case: Case, dtype: str, epochs: int) -> list[np.ndarray]:
    """The app Trainer's weights after `epochs` from the project's weights."""
    project = case.project()
    config = replace(project.config, dtype=dtype)
    trainer = Trainer(project.spec(), project.data, config, app_network(project).get_params())
    trainer.train_epochs(epochs)
    assert not trainer.diverged
    return [a for W, b in trainer.network.get_params() for a in (W, b)]


def _train_points(case: Case, folder: Path) -> Path:
    data = case.project().data
    path = folder / "train.npz"
    np.savez(path, X=data.X[~data.is_test], y=data.y[~data.is_test])
    return path


@pytest.mark.parametrize("dtype, tolerance", [("float64", 1e-9), ("float32", 1e-5)])
@pytest.mark.parametrize("case", TORCH_CASES, ids=lambda c: c.name)
def test_pytorch_training_loop_takes_the_apps_steps(
    case, dtype, tolerance, tmp_path, framework_env, record
):
    out = tmp_path / "model_pytorch.py"
    export.export(case.project(), "pytorch", out)
    data = _train_points(case, tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", TRAIN_RUNNER, dtype, str(out), str(data)],
        capture_output=True,
        text=True,
        timeout=300,
        env=framework_env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    got = [np.array(a) for a in json.loads(result.stdout.strip().splitlines()[-1])]
    want = _app_weights(case, dtype, sum(EPOCHS))
    start = [a for W, b in app_network(case.project()).get_params() for a in (W, b)]
    moved = max(np.abs(w - s).max() for w, s in zip(want, start, strict=True))
    assert moved > 100 * tolerance  # training changed the weights: the comparison means something
    diff = max(np.abs(g - w).max() for g, w in zip(got, want, strict=True))
    record(f"train {case.name} ({case.config['optimizer']})", f"pytorch {dtype}", diff)
    assert diff <= tolerance


# ------------------------------------------------------------------ Keras: the compile/fit block
FIT_RUNNER = """
import importlib.util, json, sys
import numpy as np
path, data_file = sys.argv[1:3]
spec = importlib.util.spec_from_file_location("exported", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
with np.load(data_file, allow_pickle=False) as d:
    module.fit_like_the_app(d["X"], d["y"])
print(json.dumps([np.asarray(w, dtype=np.float64).tolist() for w in module.model.get_weights()]))
"""


def _uncommented_fit(code: str) -> str:
    """The exported file with its commented compile/fit block turned into a function."""
    lines = code.splitlines()
    start = lines.index("# model.compile(")
    end = next(i for i, line in enumerate(lines) if line.startswith("# model.fit("))
    block = [line[2:] for line in lines[start : end + 1]]
    assert all(line.startswith("#") for line in lines[start : end + 1])
    body = ["def fit_like_the_app(X, y):"] + ["    " + line for line in block]
    return "\n".join(lines[:start] + lines[end + 1 :] + ["", ""] + body) + "\n"


KERAS_CASES = [
    _case("xor-tanh", optimizer="sgd", regularization="l2", reg_rate=0.01, learning_rate=0.1),
    _case("blobs3-softmax", optimizer="momentum", regularization="l1", reg_rate=0.001),
    _case("sine-regression-1d", optimizer="adam", learning_rate=0.01),
    _case("blobs4-sigmoid-heads", optimizer="adam", regularization="l2", reg_rate=0.05),
]


@pytest.mark.parametrize("case", KERAS_CASES, ids=lambda c: c.name)
def test_keras_compile_and_fit_block_takes_the_apps_steps(case, tmp_path, framework_env, record):
    full = replace(case, config={**case.config, "batch_size": 5000})  # one batch: order-free
    out = tmp_path / "model_keras.py"
    (code,) = export.render(full.project(), "keras", out)
    text = code.data.decode()
    assert "batch_size=5000, epochs=10" in text
    out.write_text(_uncommented_fit(text))
    data = _train_points(full, tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", FIT_RUNNER, str(out), str(data)],
        capture_output=True,
        text=True,
        timeout=300,
        env=framework_env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    kernels = [np.array(a) for a in json.loads(result.stdout.strip().splitlines()[-1])]
    got = [k.T if k.ndim == 2 else k for k in kernels]  # a Dense kernel is Wᵀ
    want = _app_weights(full, "float64", 10)
    diff = max(np.abs(g - w).max() for g, w in zip(got, want, strict=True))
    record(f"fit {case.name} ({case.config['optimizer']})", "keras", diff)
    assert diff <= 1e-5


# ------------------------------------------------------------------ initializers
INIT_RUNNER = """
import json, sys
import keras, torch
forms = json.loads(sys.argv[1])
torch.manual_seed(0)
keras.utils.set_random_seed(0)
out = {}
for name, (keras_form, torch_form) in forms.items():
    w = torch.empty(300, 200)
    getattr(torch.nn.init, torch_form[0])(w, **torch_form[1])
    k = getattr(keras.initializers, keras_form[0])(**keras_form[1])(shape=(200, 300))
    out[name] = {"torch": w.double().numpy().ravel().tolist(),
                 "keras": keras.ops.convert_to_numpy(k).T.ravel().tolist()}
print(json.dumps(out))
"""


def test_initializer_exports_draw_the_apps_distributions(framework_env):
    forms = {
        i: (initializers.get(i).export.keras, initializers.get(i).export.torch)
        for i in initializers.names()
    }
    result = subprocess.run(
        [sys.executable, "-c", INIT_RUNNER, json.dumps(forms)],
        capture_output=True,
        text=True,
        timeout=300,
        env=framework_env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    samples = json.loads(result.stdout.strip().splitlines()[-1])
    for name in initializers.names():
        app = initializers.get(name).sample(300, 200, np.random.default_rng(0))
        for framework, values in samples[name].items():
            w = np.array(values)
            where = f"{name} in {framework}"
            if not app.any():
                assert not w.any(), where
                continue
            assert 0.97 < w.std() / app.std() < 1.03, where
            assert 0.85 < np.abs(w).max() / np.abs(app).max() < 1.15, where  # not truncated
            assert abs(w.mean()) < 0.05 * app.std(), where


INITIALIZE_RUNNER = """
import importlib.util, json, sys
import torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
torch.manual_seed(0)
module.initialize(module.model)
print(json.dumps([p.detach().double().numpy().tolist() for p in module.model.parameters()]))
"""


@pytest.mark.parametrize("name", initializers.names())
def test_pytorch_initialize_draws_fresh_weights_like_the_app(name, tmp_path, framework_env):
    wide = Case(
        "wide", "circle", "64:tanh,64:tanh", config={"initializer": name}, saved_weights=False
    )
    out = tmp_path / "wide_pytorch.py"
    export.export(wide.project(), "pytorch", out)
    result = subprocess.run(
        [sys.executable, "-c", INITIALIZE_RUNNER, str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env=framework_env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    got = [np.array(a) for a in json.loads(result.stdout.strip().splitlines()[-1])]
    app = [a for W, b in app_network(wide.project()).get_params() for a in (W, b)]
    assert not any(b.any() for b in got[1::2])  # biases start at 0
    W, want = got[2], app[2]  # the 64 × 64 layer: 4,096 draws
    if not want.any():  # zeros
        assert not W.any()
    else:
        assert not np.array_equal(W, want)  # drawn afresh, not the loaded weights
        assert 0.9 < W.std() / want.std() < 1.1
