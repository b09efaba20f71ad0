"""The teaching analysis: linear collapse, unit statistics, gradient flow, hidden space, grids.

All functions take a Network (row-major: inputs X (n, n_inputs), W (n_out, n_in)) and plain
numpy arrays of network inputs (features already applied, see pointset.transform), except the
grid functions, which take the raw plane extent and the feature names.

Layer indices: layer l = 0..L-1 runs over hidden layers then the output layer; "pre-head" is
the output layer's z, before the output head (sigmoid/softmax/...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.core import activations, losses
from playground.core.analysis_grid import decision_maps, grid, grid_eval, grid_inputs, grid_points
from playground.core.analysis_regions import (
    RegionResult,
    activation_regions,
    is_piecewise_affine,
    local_affine_map,
    region_patterns,
)
from playground.core.snapshot import LayerStats

__all__ = [
    "CollapseResult", "LayerStats", "RegionResult", "activation_regions", "collapse",
    "collapse_check", "decision_maps", "grad_norms", "grid", "grid_eval", "grid_inputs",
    "grid_points", "hidden_projection", "hidden_representation", "is_piecewise_affine",
    "layer_grads", "local_affine_map", "region_patterns", "run_map", "unit_stats",
]

SATURATION_SLOPE = 0.01  # |f'(z)| below this counts as saturated / off
SATURATION_SHARE = 0.9  # a unit is saturated when that holds on ≥ 90% of inputs
_PROBE_SEED, _PROBE_N, _PROBE_SCALE = 0, 256, 3.0


# ------------------------------------------------------------------ linear collapse
@dataclass(frozen=True, eq=False)
class CollapseResult:
    collapsible: bool  # every hidden activation is linear: the pre-head map is one affine map
    runs: list[tuple[int, int]]  # maximal runs (first, last) of layers joined by linear acts
    W: np.ndarray | None  # (n_outputs, n_inputs) equivalent weights when collapsible
    b: np.ndarray | None  # (n_outputs,)
    max_abs_diff: float  # max |z_out − (X·Wᵀ + b)| on the inputs checked; NaN if not collapsible


def linear_runs(network) -> list[tuple[int, int]]:
    """Partition layers 0..L-1 into maximal runs where layer l feeds l+1 through a linear act.

    Every layer is in exactly one run; a run (first, last) with first < last collapses to one
    affine map (run_map). The output head never joins a run (runs end at pre-head z).
    """
    runs, first = [], 0
    hidden = network.spec.hidden
    for layer in range(len(hidden)):
        if hidden[layer].activation != "linear":
            runs.append((first, layer))
            first = layer + 1
    runs.append((first, len(hidden)))
    return runs


def run_map(network, first: int, last: int) -> tuple[np.ndarray, np.ndarray]:
    """Equivalent (W, b) of layers first..last joined by linear activations, in float64.

    W = W_last ⋯ W_first,  b = W_last ⋯ W_{first+1}·b_first + … + b_last.
    """
    hidden = network.spec.hidden
    if not 0 <= first <= last < network.n_layers:
        raise ValueError(f"run ({first}, {last}) is outside layers 0..{network.n_layers - 1}")
    if any(hidden[k].activation != "linear" for k in range(first, last)):
        raise ValueError(f"layers {first}..{last} are not joined by linear activations")
    W = network.weights[first].astype(np.float64)
    b = network.biases[first].astype(np.float64)
    for k in range(first + 1, last + 1):
        w_k = network.weights[k].astype(np.float64)
        W, b = w_k @ W, w_k @ b + network.biases[k]
    return W, b


def _probe_inputs(network) -> np.ndarray:
    rng = np.random.default_rng(_PROBE_SEED)
    return _PROBE_SCALE * rng.standard_normal((_PROBE_N, network.spec.n_inputs))


def collapse_check(network, X: np.ndarray) -> CollapseResult:
    """collapse() with max_abs_diff measured on the given network inputs X (n, n_inputs).

    Both sides are computed in float64 (a float32 network is copied), so the difference shows
    the algebra, not the training precision: ~1e-15 relative for a collapsible net.
    """
    runs = linear_runs(network)
    if len(runs) > 1:
        return CollapseResult(False, runs, None, None, math.nan)
    W, b = run_map(network, 0, network.n_layers - 1)
    X = np.asarray(X, dtype=np.float64)
    net64 = network if network.dtype == np.float64 else network.copy(np.float64)
    z = net64.forward(X).zs[-1]  # (n, n_outputs) pre-head, in float64 like W and b
    diff = float(np.max(np.abs(z - (X @ W.T + b)))) if len(X) else 0.0
    return CollapseResult(True, runs, W, b, diff)


def collapse(network) -> CollapseResult:
    """Linear collapse, with max_abs_diff on 256 fixed N(0, 3²) probe inputs."""
    return collapse_check(network, _probe_inputs(network))


# ------------------------------------------------------------------ gradients and statistics
def _loss_name(network, loss_name: str | None) -> str:
    if loss_name is not None:
        return loss_name
    return {"softmax": "ce", "sigmoid": "bce"}.get(network.spec.output, "mse")


def layer_grads(network, inputs, targets, loss_name=None, trace=None):
    """[(dL/dW, dL/db)] per layer (hidden..., output) of the data loss on these inputs."""
    trace = network.forward(inputs) if trace is None else trace
    loss = losses.get(_loss_name(network, loss_name))
    z, a = trace.zs[-1], trace.output
    targets = np.asarray(targets, dtype=z.dtype).reshape(z.shape)
    return network.backward(trace, loss.delta(z, a, targets, network.spec.output))


def grad_norms(network, inputs, targets, loss_name=None) -> list[float]:
    """‖dL/dW_l‖ (Frobenius, weights only) per layer (hidden..., output)."""
    if len(inputs) == 0:
        return [0.0] * network.n_layers
    return [float(np.linalg.norm(gw)) for gw, _ in layer_grads(network, inputs, targets,
                                                                 loss_name)]


def _unit_masks(layer, z: np.ndarray, a: np.ndarray):
    """(on (n, units) bool, dead (units,), saturated (units,)) for one hidden layer.

    on: relu / leaky_relu: z > 0 (the identity side); step: z > θ (it fires); linear: always;
        smooth activations: |f'(z)| ≥ 0.01 (not saturated).
    dead: f'(z) == 0 on every input (a ReLU stuck at z ≤ 0; a leaky unit with α > 0 never dies).
        Step has f' ≡ 0 by design, so for step, dead means its output never changes on these
        inputs (always off or always on).
    saturated: |f'(z)| < 0.01 on ≥ 90% of inputs, for smooth activations only; False for the
        piecewise-linear family, step and linear, whose flat parts are "off", not saturated.
    """
    act = activations.get(layer.activation)
    p = act.resolve_param(layer.param)
    if layer.activation == "step":
        on = z > p
        return on, on.all(axis=0) | (~on).all(axis=0), np.zeros(z.shape[1], bool)
    slope = np.abs(act.derivative(z, a, p))
    dead = (slope == 0).all(axis=0)
    if layer.activation in ("relu", "leaky_relu"):
        return z > 0, dead, np.zeros(z.shape[1], bool)
    if layer.activation == "linear":
        return np.ones(z.shape, bool), dead, np.zeros(z.shape[1], bool)
    small = slope < SATURATION_SLOPE
    return ~small, dead, small.mean(axis=0) >= SATURATION_SHARE


def unit_stats(network, inputs, targets=None, loss_name=None) -> list[LayerStats]:
    """LayerStats per hidden layer on these inputs (see _unit_masks for the definitions).

    active_fraction (units,) = share of inputs on which the unit is "on"; grad_norm = ‖dL/dW‖
    of the layer on these inputs and targets (0.0 without targets). With no inputs, every
    fraction is 0 and no unit is dead or saturated.
    """
    inputs = np.asarray(inputs, dtype=network.dtype)
    trace = network.forward(inputs)
    norms = [0.0] * network.n_layers
    if targets is not None and len(inputs):
        grads = layer_grads(network, inputs, targets, loss_name, trace)
        norms = [float(np.linalg.norm(gw)) for gw, _ in grads]
    stats = []
    for i, layer in enumerate(network.spec.hidden):
        if len(inputs) == 0:
            none = np.zeros(layer.units, bool)
            stats.append(LayerStats(np.zeros(layer.units), none, none.copy(), norms[i]))
            continue
        on, dead, saturated = _unit_masks(layer, trace.zs[i], trace.acts[i + 1])
        stats.append(LayerStats(on.mean(axis=0), dead, saturated, norms[i]))
    return stats


# ------------------------------------------------------------------ hidden space
def hidden_representation(network, inputs, layer: int) -> np.ndarray:
    """Activations (n, units) of hidden layer `layer` (0-based) for network inputs (n, n_in)."""
    n_hidden = len(network.spec.hidden)
    if not 0 <= layer < n_hidden:
        raise ValueError(f"hidden layer index must be in 0..{n_hidden - 1}, got {layer}")
    a = np.asarray(inputs, dtype=network.dtype)
    for w, b, spec in zip(network.weights[: layer + 1], network.biases[: layer + 1],
                          network.spec.hidden[: layer + 1], strict=True):
        act = activations.get(spec.activation)
        a = act.value(a @ w.T + b, act.resolve_param(spec.param))
    return a


def hidden_projection(network, inputs, layer: int) -> tuple[np.ndarray, str]:
    """2-D view (n, 2) of a hidden layer and how it was made ("identity", "padded", "pca").

    1 unit: (h, 0); 2 units: as is; more: projection on the top-2 principal axes of the
    centred activations (the axes are fixed by the data, signs by the largest loading).
    """
    h = hidden_representation(network, inputs, layer).astype(np.float64)
    if h.shape[1] == 1:
        return np.column_stack([h[:, 0], np.zeros(len(h))]), "padded"
    if h.shape[1] == 2:
        return h, "identity"
    centred = h - h.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:2]  # (2, units)
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(axis=1)])
    return centred @ (axes * signs[:, None]).T, "pca"
