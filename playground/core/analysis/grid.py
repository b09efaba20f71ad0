"""Grid evaluation of every neuron for the heatmaps, and decision maps from the output layer.

Grid layout (the snapshot contract): the plane extent = (x_min, x_max, y_min, y_max) is sampled
on a res × res grid; map[i, j] is the value at y = ys[i], x = xs[j] (row i = y, column j = x).
For 1-D data the grid is res points along x and maps are curves (res,).

The grid pass is column-major for speed and layout: A (units, N) with N = res·res pixels,
    Z = W · A + b[:, None]        W (n_out, n_in), Z (n_out, N)
so each layer's (units, N) float32 block reshapes to (units, res, res) without a copy.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from playground.core.data.features import transform
from playground.core.data.pointset import PLANE_EXTENT, PointSet
from playground.core.nn import activations

F32 = np.float32


def grid(extent, res: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs (res,), ys (res,), points (res·res, 2)); points[i·res + j] = (xs[j], ys[i])."""
    x0, x1, y0, y1 = (float(v) for v in extent)
    xs = np.linspace(x0, x1, res)
    ys = np.linspace(y0, y1, res)
    gx, gy = np.meshgrid(xs, ys)  # (res, res), row i = ys[i]
    return xs, ys, np.column_stack([gx.ravel(), gy.ravel()])


def grid_points(extent, res: int, dim: int = 2) -> np.ndarray:
    """Raw grid points: (res·res, 2) for 2-D data, (res, 1) along x for 1-D data."""
    if dim == 2:
        return grid(extent, res)[2]
    if dim == 1:
        return np.linspace(float(extent[0]), float(extent[1]), res)[:, None]
    raise ValueError(f"grid maps exist for 1-D and 2-D data only, got dim={dim}")


@lru_cache(maxsize=8)
def _grid_inputs(
    features: tuple[str, ...], extent: tuple[float, ...], res: int, dim: int
) -> np.ndarray:
    """Network inputs of the grid, transposed: (n_inputs, N) float32, read-only, cached."""
    inputs = np.ascontiguousarray(transform(grid_points(extent, res, dim), features).T, F32)
    inputs.setflags(write=False)
    return inputs


def grid_inputs(features, extent, res: int, dim: int = 2) -> np.ndarray:
    return _grid_inputs(tuple(features), tuple(float(v) for v in extent), int(res), int(dim))


def grid_eval(network, features, extent, res: int, dim: int = 2) -> list[np.ndarray]:
    """Every neuron's output a on the grid, per layer (hidden..., output).

    Returns float32 arrays (units, res, res) for 2-D data or (units, res) for 1-D data; the
    output layer holds the head's values (probabilities for sigmoid/softmax). The maps are views
    of one fresh (Σ units, N) block per call, so callers may keep them.
    """
    a = grid_inputs(features, extent, res, dim)  # (n_inputs, N)
    if a.shape[0] != network.spec.n_inputs:
        raise ValueError(
            f"features give {a.shape[0]} inputs, the network takes {network.spec.n_inputs}"
        )
    shape = (res, res) if dim == 2 else (res,)
    sizes = network.spec.sizes[1:]
    block = np.empty((sum(sizes), a.shape[1]), F32)  # one allocation; each layer is a view
    maps, row = [], 0
    for w, b, layer in zip(network.weights, network.biases, network.spec.layers, strict=True):
        apply = activations.get(layer.activation).kernel_into(layer.param)
        z = block[row : row + w.shape[0]]  # (n_out, N)
        row += w.shape[0]
        np.matmul(w.astype(F32), a, out=z)
        z += b.astype(F32)[:, None]
        apply(z, z)
        maps.append(z.reshape((w.shape[0],) + shape))
        a = z
    return maps


def decision_maps(output_map: np.ndarray, task: str) -> tuple[np.ndarray, np.ndarray | None]:
    """From the output layer's grid map (n_outputs, *shape) to the snapshot's decision maps.

    binary: class-1 probability (*shape); multiclass: winning-class confidence (*shape) and the
    winner (*shape) int8; regression: the value. Returns (output_map, class_map or None).
    """
    if task == "multiclass":
        return output_map.max(axis=0), output_map.argmax(axis=0).astype(np.int8)
    return output_map[0], None


def output_eval(network, features, extent, res: int, dim: int = 2, chunk: int = 8192) -> np.ndarray:
    """The output layer only, on the grid: float32 (n_outputs, res, res) or (n_outputs, res).

    Pixels go through the network in chunks of `chunk` columns, so memory stays bounded for
    large networks at high resolution (no layer but the current one is kept).
    """
    inputs = grid_inputs(features, extent, res, dim)  # (n_inputs, N)
    shape = (res, res) if dim == 2 else (res,)
    out = np.empty((network.spec.n_outputs, inputs.shape[1]), F32)
    params = [
        (
            w.astype(F32),
            b.astype(F32)[:, None],
            activations.get(layer.activation).kernel_into(layer.param),
        )
        for w, b, layer in zip(network.weights, network.biases, network.spec.layers, strict=True)
    ]
    for start in range(0, inputs.shape[1], chunk):
        a = inputs[:, start : start + chunk]
        for w, b, apply in params:
            z = w @ a  # (n_out, chunk)
            z += b
            apply(z, z)
            a = z
        out[:, start : start + chunk] = a
    return out.reshape((out.shape[0],) + shape)


def plane_extent(data: PointSet) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max) the maps cover.

    2-D: the standard plane, grown symmetrically if points lie outside it. 1-D: x over the
    data with a 10% margin, y over the targets (the plane shows x against the target).
    """
    if data.dim == 2:
        reach = float(np.abs(data.X).max()) * 1.05 if data.n else 0.0
        half = max(PLANE_EXTENT[1], reach)
        return (-half, half, -half, half)
    if data.dim == 1 and data.n:
        x0, x1 = float(data.X.min()), float(data.X.max())
        y0, y1 = float(data.y.min()), float(data.y.max())
        mx, my = 0.1 * max(x1 - x0, 1e-3), 0.1 * max(y1 - y0, 1e-3)
        return (x0 - mx, x1 + mx, y0 - my, y1 + my)
    return PLANE_EXTENT


def map_levels(layer, maps: np.ndarray) -> tuple[float, float]:
    """Colour levels of a layer's neuron maps: the activation's range when bounded, else
    symmetric ±max|a| over the layer (±1 when that is 0 or not finite)."""
    lo, hi = activations.get(layer.activation).output_range
    if math.isfinite(lo) and math.isfinite(hi):
        return float(lo), float(hi)
    finite = np.abs(maps[np.isfinite(maps)])
    peak = float(finite.max()) if finite.size else 1.0
    peak = peak if peak > 1e-6 else 1.0
    return -peak, peak
