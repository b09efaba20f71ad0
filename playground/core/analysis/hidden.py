"""Hidden space: where a hidden layer puts each input — the coordinates the next layer sees.

For hidden layer l (0-based) and stage "z" (the affine step z = W·a + b) or "a" (after the
activation, a = f(z)), every training point and a grid of lines of the input plane are mapped
through the network up to that layer and shown on two of its units (or its top two principal
axes). A linear layer keeps the grid lines straight and parallel; tanh bends them; ReLU folds
them onto the axes. When the next layer is the output (one unit) and the two units are the
whole layer, the output's decision line z_out = w·h + b = 0 is a straight line in this plane.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.analysis.grid import grid_points
from playground.core.data.features import transform
from playground.core.nn import activations

GRID_LINES = 13  # lines of the input plane in each direction
LINE_SAMPLES = 64  # points along each line
STAGES = ("z", "a")


@dataclass(frozen=True, eq=False)
class HiddenSpace:
    layer: int
    stage: str  # "z" or "a"
    units: tuple[int, ...]  # the two units shown (one for a 1-unit layer); () for PCA
    pca: bool
    points: np.ndarray  # (n, 2) float64: the training points in this plane
    lines: np.ndarray  # (n_lines, LINE_SAMPLES, 2) the input plane's grid lines, mapped
    boundary: np.ndarray | None  # (2, 2) end points of the output's decision line, or None

    @property
    def axes(self) -> tuple[str, str]:
        """Axis names: unit numbers counted from 1 ("n1", "n2"), or "PC1", "PC2"."""
        if self.pca:
            return "PC1", "PC2"
        names = tuple(f"n{u + 1}" for u in self.units)
        return names if len(names) == 2 else (names[0], "")


def layer_values(network, inputs: np.ndarray, layer: int, stage: str) -> np.ndarray:
    """z or a of hidden layer `layer` (n, units), in float64, for network inputs (n, n_in)."""
    n_hidden = len(network.spec.hidden)
    if not 0 <= layer < n_hidden:
        raise ValueError(f"hidden layer index must be in 0..{n_hidden - 1}, got {layer}")
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {STAGES}, got {stage!r}")
    a = np.asarray(inputs, dtype=np.float64)
    for i, (w, b, spec) in enumerate(
        zip(network.weights, network.biases, network.spec.hidden, strict=False)
    ):
        z = a @ w.astype(np.float64).T + b.astype(np.float64)  # (n, units)
        if i == layer and stage == "z":
            return z
        act = activations.get(spec.activation)
        a = act.value(z, act.resolve_param(spec.param))
        if i == layer:
            return a
    raise AssertionError("unreachable")


def hidden_representation(network, inputs, layer: int) -> np.ndarray:
    """Activations (n, units) of hidden layer `layer` (0-based) for network inputs (n, n_in)."""
    return layer_values(network, inputs, layer, "a")


def _projection(values: np.ndarray, units, pca: bool):
    """(project(v) → (m, 2), units shown): a pair of units, one unit, or the top-2 PCA axes of
    `values` (n, units), centred on their mean, signs fixed by the largest loading."""
    width = values.shape[1]
    if width == 1:
        return (lambda v: np.column_stack([v[:, 0], np.zeros(len(v))])), (0,)
    if not pca:
        i, j = (0, 1) if units is None else units
        if not (0 <= i < width and 0 <= j < width and i != j):
            raise ValueError(f"units must be two different units of 0..{width - 1}, got {units}")
        return (lambda v: v[:, [i, j]]), (i, j)
    mean = values.mean(axis=0) if len(values) else np.zeros(width)
    _, _, vt = np.linalg.svd(values - mean, full_matrices=False)
    axes = np.zeros((2, width))
    axes[: len(vt[:2])] = vt[:2]  # (2, units); fewer points than 2 leaves a zero axis
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(axis=1)])
    axes *= np.where(signs == 0, 1.0, signs)[:, None]
    return (lambda v: (v - mean) @ axes.T), ()


def _grid_lines(extent, dim: int) -> np.ndarray:
    """(n_lines, LINE_SAMPLES, dim) raw plane points along the grid lines of `extent`."""
    x0, x1, y0, y1 = (float(v) for v in extent)
    s = np.linspace(0.0, 1.0, LINE_SAMPLES)
    if dim == 1:
        return grid_points(extent, LINE_SAMPLES, 1)[None]
    lines = []
    for t in np.linspace(0.0, 1.0, GRID_LINES):
        x, y = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        lines.append(np.column_stack([np.full_like(s, x), y0 + s * (y1 - y0)]))  # vertical
        lines.append(np.column_stack([x0 + s * (x1 - x0), np.full_like(s, y)]))  # horizontal
    return np.stack(lines)


def hidden_space(
    network,
    raw_X: np.ndarray,
    features,
    extent,
    layer: int,
    units: tuple[int, int] | None = None,
    pca: bool = False,
    stage: str = "a",
) -> HiddenSpace:
    """The training points raw_X (n, d) and the plane's grid lines in hidden layer `layer`."""
    raw_X = np.asarray(raw_X, np.float64)
    values = layer_values(network, transform(raw_X, features), layer, stage)
    project, shown = _projection(values, units, pca)
    dim = raw_X.shape[1]
    if dim <= 2:
        raw_lines = _grid_lines(extent, dim)
        flat = transform(raw_lines.reshape(-1, dim), features)
        mapped = project(layer_values(network, flat, layer, stage))
        lines = mapped.reshape(len(raw_lines), LINE_SAMPLES, 2)
    else:
        lines = np.zeros((0, LINE_SAMPLES, 2))
    points = project(values)
    boundary = _boundary(network, layer, stage, shown, pca, points, lines)
    return HiddenSpace(layer, stage, shown, pca and values.shape[1] > 1, points, lines, boundary)


def _boundary(network, layer, stage, shown, pca, points, lines) -> np.ndarray | None:
    """End points (2, 2) of the line w·h + b = 0 where the output unit's pre-activation is 0
    (probability ½ for a sigmoid head), when h = the shown units is everything it reads."""
    spec = network.spec
    last_hidden = layer == len(spec.hidden) - 1
    whole = not pca and len(shown) == spec.hidden[layer].units
    if not (last_hidden and whole and stage == "a" and spec.n_outputs == 1):
        return None
    w = network.weights[-1][0].astype(np.float64)  # (units,)
    b = float(network.biases[-1][0])
    if len(w) == 1:
        w = np.array([w[0], 0.0])
    both = np.vstack([points.reshape(-1, 2), lines.reshape(-1, 2)])
    if not len(both) or not np.isfinite(both).all() or not np.any(w):
        return None
    lo, hi = both.min(axis=0), both.max(axis=0)
    pad = 0.1 * np.maximum(hi - lo, 1e-6)
    return _clip_line(w, b, lo - pad, hi + pad)


def _clip_line(w: np.ndarray, b: float, lo: np.ndarray, hi: np.ndarray) -> np.ndarray | None:
    """The segment of {h : w·h + b = 0} inside the box [lo, hi] (2-D), or None if it misses."""
    corners = np.array([[lo[0], lo[1]], [hi[0], lo[1]], [hi[0], hi[1]], [lo[0], hi[1]]])
    values = corners @ w + b
    found = []
    for k in range(4):
        p, q = corners[k], corners[(k + 1) % 4]
        vp, vq = values[k], values[(k + 1) % 4]
        if vp == 0:
            found.append(p)
        if vp * vq < 0:
            found.append(p + (q - p) * vp / (vp - vq))
    if len(found) < 2:
        return None
    return np.array([found[0], found[-1]])
