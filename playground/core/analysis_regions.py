"""Activation regions of piecewise-linear networks and the local affine map of one region.

Inside a region, every hidden unit stays on one side of its kink, so each activation acts as
    a = s ⊙ z + t      relu: s ∈ {0, 1}, t = 0;  leaky_relu: s ∈ {α, 1}, t = 0;
                       step: s = 0, t ∈ {0, 1};  linear: s = 1, t = 0
and the whole pre-head map is one affine map x ↦ A·x + c. A unit is "on" when z > kink
(0 for the ReLU family, θ for step). A region is a distinct on/off pattern of every
region-defining unit (relu, leaky_relu, step) of every hidden layer; each such region is
convex, so counting patterns over a grid counts the regions the grid sees.

Not applicable: if any hidden layer uses a smooth non-linear activation (tanh, sigmoid, elu,
gelu, softplus, swish) the network is not piecewise affine; results then have count None.
A network whose hidden layers are all linear has exactly one region.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core import activations
from playground.core.analysis_grid import grid_points
from playground.core.pointset import transform

REGION_UNITS = ("relu", "leaky_relu", "step")  # activations whose kinks cut regions
AFFINE_HIDDEN = REGION_UNITS + ("linear",)  # hidden activations of a piecewise-affine net


@dataclass(frozen=True, eq=False)
class RegionResult:
    count: int | None  # distinct patterns seen; None when not applicable
    labels: np.ndarray | None  # (res, res) / (res,) / (n,) int32 region id per point
    patterns: np.ndarray | None  # (count, region units) bool, row k = on/off pattern of region k

    @property
    def applicable(self) -> bool:
        return self.count is not None


def is_piecewise_affine(network) -> bool:
    return all(layer.activation in AFFINE_HIDDEN for layer in network.spec.hidden)


def _kink(layer) -> float:
    return activations.get(layer.activation).resolve_param(layer.param) if (
        layer.activation == "step") else 0.0


def on_patterns(network, inputs: np.ndarray) -> np.ndarray:
    """(n, region units) bool: z > kink for every region-defining hidden unit, layer by layer."""
    trace = network.forward(inputs)
    cols = [trace.zs[i] > _kink(layer) for i, layer in enumerate(network.spec.hidden)
            if layer.activation in REGION_UNITS]
    n = len(trace.acts[0])
    return np.hstack(cols) if cols else np.zeros((n, 0), bool)


def region_patterns(network, inputs: np.ndarray) -> RegionResult:
    """Regions met by the given network inputs (n, n_inputs); labels (n,)."""
    if not is_piecewise_affine(network):
        return RegionResult(None, None, None)
    on = on_patterns(network, inputs)
    if on.shape[1] == 0 or len(on) == 0:
        return RegionResult(1, np.zeros(len(on), np.int32), np.zeros((1, on.shape[1]), bool))
    packed = np.ascontiguousarray(np.packbits(on, axis=1))  # (n, ⌈units/8⌉) uint8
    keys = packed.view(np.dtype((np.void, packed.shape[1]))).reshape(-1)  # one key per row
    _, first, labels = np.unique(keys, return_index=True, return_inverse=True)
    return RegionResult(len(first), labels.reshape(-1).astype(np.int32), on[first])


def activation_regions(network, features, extent, res: int, dim: int = 2) -> RegionResult:
    """Regions over the res × res plane grid (labels (res, res), row = y) or a 1-D line (res,)."""
    inputs = transform(grid_points(extent, res, dim), tuple(features))
    result = region_patterns(network, inputs)
    if result.labels is None:
        return result
    shape = (res, res) if dim == 2 else (res,)
    return RegionResult(result.count, result.labels.reshape(shape), result.patterns)


def _slope_intercept(layer, z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(s, t) with f(z') = s·z' + t for z' near z (same side of every kink); z (units,)."""
    name = layer.activation
    if name == "linear":
        return np.ones_like(z), np.zeros_like(z)
    on = z > _kink(layer)
    if name == "relu":
        return on.astype(float), np.zeros_like(z)
    if name == "leaky_relu":
        alpha = activations.get(name).resolve_param(layer.param)
        return np.where(on, 1.0, alpha), np.zeros_like(z)
    if name == "step":
        return np.zeros_like(z), on.astype(float)
    raise ValueError(f"activation {name!r} is not piecewise linear; no local affine map")


def local_affine_map(network, x_input) -> tuple[np.ndarray, np.ndarray]:
    """(A (n_out, n_in), c (n_out,)): the pre-head map z_out = A·x' + c of x's region.

    x_input is one network input (n_in,) (features already applied). Exact for x' in the same
    region as x. Raises ValueError for a hidden activation that is not piecewise linear.
    """
    x = np.asarray(x_input, dtype=np.float64).reshape(-1)
    A, c = np.eye(len(x)), np.zeros(len(x))
    a = x
    layers = network.spec.layers
    for i, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
        w, b = w.astype(np.float64), b.astype(np.float64)
        z = w @ a + b
        A, c = w @ A, w @ c + b  # z = A·x + c
        if i == len(layers) - 1:
            break
        s, t = _slope_intercept(layers[i], z)
        A, c = s[:, None] * A, s * c + t  # a = s ⊙ z + t
        a = s * z + t
    return A, c
