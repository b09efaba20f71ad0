"""Grid evaluation of every neuron for the heatmaps, and decision maps from the output layer.

Grid layout (the snapshot contract): the plane extent = (x_min, x_max, y_min, y_max) is sampled
on a res × res grid; map[i, j] is the value at y = ys[i], x = xs[j] (row i = y, column j = x).
For 1-D data the grid is res points along x and maps are curves (res,).

The grid pass is column-major for speed and layout: A (units, N) with N = res·res pixels,
    Z = W · A + b[:, None]        W (n_out, n_in), Z (n_out, N)
so each layer's (units, N) float32 block reshapes to (units, res, res) without a copy.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from playground.core import activations
from playground.core.pointset import transform

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
def _grid_inputs(features: tuple[str, ...], extent: tuple[float, ...], res: int,
                 dim: int) -> np.ndarray:
    """Network inputs of the grid, transposed: (n_inputs, N) float32, read-only, cached."""
    inputs = np.ascontiguousarray(transform(grid_points(extent, res, dim), features).T, F32)
    inputs.setflags(write=False)
    return inputs


def grid_inputs(features, extent, res: int, dim: int = 2) -> np.ndarray:
    return _grid_inputs(tuple(features), tuple(float(v) for v in extent), int(res), int(dim))


def _apply_inplace(name: str, act: activations.Activation, p: float, z: np.ndarray) -> None:
    """z ← f(z) for a (units, N) float32 block; softmax normalizes over units (axis 0)."""
    if name == "linear":
        return
    if name == "tanh":
        np.tanh(z, out=z)
    elif name == "relu":
        np.maximum(z, 0.0, out=z)
    elif name == "sigmoid":  # ½(1 + tanh(z/2))
        z *= 0.5
        np.tanh(z, out=z)
        z += 1.0
        z *= 0.5
    elif name == "softmax":
        z -= z.max(axis=0, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=0, keepdims=True)
    else:
        z[...] = act.value(z, p)


def grid_eval(network, features, extent, res: int, dim: int = 2) -> list[np.ndarray]:
    """Every neuron's output a on the grid, per layer (hidden..., output).

    Returns float32 arrays (units, res, res) for 2-D data or (units, res) for 1-D data; the
    output layer holds the head's values (probabilities for sigmoid/softmax). The maps are views
    of one fresh (Σ units, N) block per call, so callers may keep them.
    """
    a = grid_inputs(features, extent, res, dim)  # (n_inputs, N)
    if a.shape[0] != network.spec.n_inputs:
        raise ValueError(f"features give {a.shape[0]} inputs, the network takes "
                         f"{network.spec.n_inputs}")
    shape = (res, res) if dim == 2 else (res,)
    sizes = network.spec.sizes[1:]
    block = np.empty((sum(sizes), a.shape[1]), F32)  # one allocation; each layer is a view
    maps, row = [], 0
    for w, b, layer in zip(network.weights, network.biases, network.spec.layers, strict=True):
        act = activations.get(layer.activation)
        z = block[row : row + w.shape[0]]  # (n_out, N)
        row += w.shape[0]
        np.matmul(w.astype(F32), a, out=z)
        z += b.astype(F32)[:, None]
        _apply_inplace(layer.activation, act, act.resolve_param(layer.param), z)
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


def output_eval(network, features, extent, res: int, dim: int = 2,
                chunk: int = 8192) -> np.ndarray:
    """The output layer only, on the grid: float32 (n_outputs, res, res) or (n_outputs, res).

    Pixels go through the network in chunks of `chunk` columns, so memory stays bounded for
    large networks at high resolution (no layer but the current one is kept).
    """
    inputs = grid_inputs(features, extent, res, dim)  # (n_inputs, N)
    shape = (res, res) if dim == 2 else (res,)
    out = np.empty((network.spec.n_outputs, inputs.shape[1]), F32)
    params = [(w.astype(F32), b.astype(F32)[:, None], layer, activations.get(layer.activation))
              for w, b, layer in zip(network.weights, network.biases, network.spec.layers,
                                     strict=True)]
    for start in range(0, inputs.shape[1], chunk):
        a = inputs[:, start : start + chunk]
        for w, b, layer, act in params:
            z = w @ a  # (n_out, chunk)
            z += b
            _apply_inplace(layer.activation, act, act.resolve_param(layer.param), z)
            a = z
        out[:, start : start + chunk] = a
    return out.reshape((out.shape[0],) + shape)
