"""Networks to export and the harness that runs an exported file in a subprocess.

Shared by tests/core/test_export.py (numpy, in `make test`) and tests/export/ (Keras and PyTorch,
in `make test-export`). Every case has random weights and biases of scale ~1, so a wrong
transpose, a missing bias or a wrong activation shows as a difference of order 1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.core.data import datasets
from playground.core.data.features import transform
from playground.core.data.pointset import PLANE_EXTENT
from playground.core.files.project import Project
from playground.core.nn import activations
from playground.core.nn.network import Network
from playground.core.nn.spec import TrainConfig, parse_layers


@dataclass(frozen=True)
class Case:
    name: str
    dataset: str
    layers: str
    features: tuple[str, ...] = ("x1", "x2")
    output: str | None = None
    loss: str | None = None
    classes: int | None = 2
    config: dict = field(default_factory=dict)
    points: int = 120
    saved_weights: bool = True  # False: the project holds none (the initializer's are used)

    def project(self) -> Project:
        data = datasets.generate(self.dataset, self.points, 0.1, 1, self.classes, 0.3)
        config = TrainConfig(features=self.features, loss=self.loss, **self.config)
        project = Project(data, parse_layers(self.layers), config, self.output, name=self.name)
        if not self.saved_weights:
            return project
        rng = np.random.default_rng(zlib.crc32(self.name.encode()))
        params = tuple(
            (rng.normal(0, 1, w.shape), rng.normal(0, 0.5, b.shape))
            for w, b in Network(project.spec()).get_params()
        )
        return Project(data, project.hidden, config, self.output, params, name=self.name)


CASES = [
    Case("xor-tanh", "xor", "4:tanh,2:tanh"),
    Case(
        "circle-all-features",
        "circle",
        "6:relu",
        ("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"),
    ),
    Case("gauss-no-hidden", "gauss", "none"),
    Case(
        "moons-four-layers",
        "moons",
        "5:leaky_relu=0.1,5:elu=1.7,5:gelu,5:softplus",
        ("x1", "x2", "x1x2"),
    ),
    Case("band-swish-step", "band", "6:swish,4:step=-0.3", ("x1", "x2", "x1sq")),
    Case("blobs3-softmax", "blobs", "8:sigmoid", classes=3),
    Case(
        "spiral6-softmax",
        "spiral",
        "8:relu,7:linear",
        ("x1", "x2", "sinx1", "sinx2"),
        classes=6,
        points=180,
    ),
    Case("blobs4-sigmoid-heads", "blobs", "6:tanh", output="sigmoid", classes=4),
    Case("sine-regression-1d", "sine", "8:tanh,4:elu", ("x1", "x1sq", "sinx1")),
    Case("plane-tanh-head", "plane", "3:relu,3:softplus", output="tanh", loss="mse"),
    Case("iris-4d", "iris", "6:tanh,5:elu", classes=None),
    Case("xor-leaky-default", "xor", "4:leaky_relu,3:gelu,3:swish,3:softplus"),
    Case("large-net-npz", "circle", "64:relu,30:tanh"),
    Case(
        "initial-weights",
        "xor",
        "5:relu",
        config={"initializer": "he", "seed": 3},
        saved_weights=False,
    ),
]


# ------------------------------------------------------------------ grids
def grid_for(project: Project, n: int = 31) -> np.ndarray:
    """Raw points to compare on: a grid over the plane (2-D), a line (1-D), or the data points
    and random points in their bounding box (d > 2)."""
    x0, x1, y0, y1 = PLANE_EXTENT
    d = project.data.dim
    if d == 1:
        return np.linspace(x0, x1, 10 * n + 1)[:, None] + 0.0123
    if d == 2:
        gx, gy = np.meshgrid(np.linspace(x0, x1, n) + 0.0123, np.linspace(y0, y1, n) - 0.0077)
        return np.column_stack([gx.ravel(), gy.ravel()])
    X = project.data.X
    rng = np.random.default_rng(0)
    return np.vstack([X, rng.uniform(X.min(axis=0), X.max(axis=0), (200, d))])


def app_predict(project: Project, X: np.ndarray, params=None) -> np.ndarray:
    """The app's own forward pass (float64) on raw points."""
    net = app_network(project, params)
    return net.predict(transform(X, project.config.features))


def app_network(project: Project, params=None) -> Network:
    from playground.core.nn import initializers

    net = Network(project.spec())
    if params is not None or project.params is not None:
        net.set_params(params if params is not None else project.params)
    else:
        initializers.initialize(net, project.config.initializer, project.config.seed)
    return net


def near_step(project: Project, X: np.ndarray, margin: float = 1e-5) -> np.ndarray:
    """Rows where a step unit's z lies within margin of its threshold: there float32 and
    float64 may fall on different sides of the jump, so float32 frameworks are not compared."""
    net = app_network(project)
    trace = net.forward(transform(X, project.config.features))
    near = np.zeros(len(X), bool)
    for layer, z in zip(project.spec().layers, trace.zs, strict=True):
        act = activations.get(layer.activation)
        pw = act.piecewise_form(layer.param)
        if pw is not None and all(s == 0.0 for s in pw.slopes):  # constant pieces: a jump
            near |= (np.abs(z - act.resolve_param(layer.param)) < margin).any(axis=1)
    return near


# ------------------------------------------------------------------ running exported files
RUNNER = """
import importlib.util, json, sys
import numpy as np
setup, path, x_file = sys.argv[1], sys.argv[2], sys.argv[3]
exec(setup)
spec = importlib.util.spec_from_file_location("exported", path)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
X = np.load(x_file, allow_pickle=False)
print(json.dumps(np.asarray(module.predict(X), dtype=np.float64).tolist()))
"""


def run_predict(
    path: Path, X: np.ndarray, setup: str = "", env: dict | None = None, timeout: float = 120
) -> np.ndarray:
    """predict(X) of an exported file, run in a fresh Python process."""
    x_file = path.with_name(path.stem + "_grid.npy")
    np.save(x_file, X)
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, setup, str(path), str(x_file)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return np.array(json.loads(result.stdout.strip().splitlines()[-1]))
