"""Activation patterns of piecewise-linear networks, sampled at given inputs, and the local affine
map of one input's region.

A hidden activation with a piecewise-linear form (the registry's `piecewise`: relu, leaky_relu,
step, linear) acts on piece k as a = s_k·z + t_k, so inside a region, where every unit stays in
one piece, the whole pre-head map is one affine map x ↦ A·x + c. A region is a distinct pattern
of pieces of every unit whose activation has a kink; each region is convex.

Not applicable: a hidden layer with a smooth activation (tanh, sigmoid, elu, gelu, softplus,
swish) makes the network not piecewise affine; results then have count None. A network whose
hidden layers are all linear has exactly one region.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.analysis.grid import grid_points
from playground.core.data.features import transform
from playground.core.nn import activations


@dataclass(frozen=True, eq=False)
class RegionResult:
    count: int | None  # distinct patterns seen; None when not applicable
    labels: np.ndarray | None  # (res, res) / (res,) / (n,) int32 region id per point
    patterns: np.ndarray | None  # (count, units with kinks) int8 piece index, row k = region k

    @property
    def applicable(self) -> bool:
        return self.count is not None


def piecewise_forms(network) -> list | None:
    """The piecewise form of every hidden layer, or None if one is smooth."""
    forms = [
        activations.get(layer.activation).piecewise_form(layer.param)
        for layer in network.spec.hidden
    ]
    return None if any(f is None for f in forms) else forms


def is_piecewise_affine(network) -> bool:
    return piecewise_forms(network) is not None


def piece_patterns(network, inputs: np.ndarray) -> np.ndarray:
    """(n, units with kinks) int8: the piece of every such hidden unit, layer by layer."""
    trace = network.forward(inputs)
    forms = piecewise_forms(network)
    cols = [form.piece(trace.zs[i]).astype(np.int8) for i, form in enumerate(forms) if form.kinks]
    n = len(trace.acts[0])
    return np.hstack(cols) if cols else np.zeros((n, 0), np.int8)


def region_patterns(network, inputs: np.ndarray) -> RegionResult:
    """Regions met by the given network inputs (n, n_inputs); labels (n,)."""
    if not is_piecewise_affine(network):
        return RegionResult(None, None, None)
    pieces = piece_patterns(network, inputs)
    if pieces.shape[1] == 0 or len(pieces) == 0:
        return RegionResult(
            1, np.zeros(len(pieces), np.int32), np.zeros((1, pieces.shape[1]), np.int8)
        )
    rows = np.ascontiguousarray(pieces)
    keys = rows.view(np.dtype((np.void, rows.shape[1]))).reshape(-1)  # one key per row
    _, first, labels = np.unique(keys, return_index=True, return_inverse=True)
    return RegionResult(len(first), labels.reshape(-1).astype(np.int32), pieces[first])


def activation_regions(network, features, extent, res: int, dim: int = 2) -> RegionResult:
    """Regions over the res × res plane grid (labels (res, res), row = y) or a 1-D line (res,)."""
    inputs = transform(grid_points(extent, res, dim), tuple(features))
    result = region_patterns(network, inputs)
    if result.labels is None:
        return result
    shape = (res, res) if dim == 2 else (res,)
    return RegionResult(result.count, result.labels.reshape(shape), result.patterns)


def local_affine_map(network, x_input) -> tuple[np.ndarray, np.ndarray]:
    """(A (n_out, n_in), c (n_out,)): the pre-head map z_out = A·x' + c of x's region.

    x_input is one network input (n_in,) (features already applied). Exact for x' in the same
    region as x. Raises ValueError for a hidden activation that is not piecewise linear.
    """
    forms = piecewise_forms(network)
    if forms is None:
        raise ValueError("a hidden activation is not piecewise linear; no local affine map")
    x = np.asarray(x_input, dtype=np.float64).reshape(-1)
    A, c = np.eye(len(x)), np.zeros(len(x))
    a = x
    for i, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
        w, b = w.astype(np.float64), b.astype(np.float64)
        z = w @ a + b
        A, c = w @ A, w @ c + b  # z = A·x + c
        if i == len(forms):
            break
        piece = forms[i].piece(z)
        s, t = np.asarray(forms[i].slopes)[piece], np.asarray(forms[i].offsets)[piece]
        A, c = s[:, None] * A, s * c + t  # a = s ⊙ z + t
        a = s * z + t
    return A, c
