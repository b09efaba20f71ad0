"""Unit statistics of hidden layers (active share, dead, saturated) and gradient norms.

Layers l = 0..L-1 run over hidden layers then the output layer; inputs are network inputs
(features already applied, see features.transform), row-major (n, n_inputs).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.analysis.binning import clipped_counts, percentile
from playground.core.nn import activations, heads, losses

SATURATION_SLOPE = 0.01  # |f'(z)| below this counts as saturated / off
SATURATION_SHARE = 0.9  # a unit is saturated when that holds on ≥ 90% of inputs
Z_BINS = 60
Z_MIN_RANGE, Z_MAX_RANGE = 4.0, 30.0  # the histogram of z spans ±r, r in this range


@dataclass(frozen=True)
class LayerStats:
    """Statistics of one layer's units on the training inputs."""

    active_fraction: np.ndarray  # (units,) share of inputs on which the unit is "on"
    dead: np.ndarray  # (units,) bool: f'(z) == 0 on every training input
    saturated: np.ndarray  # (units,) bool: |f'(z)| < 0.01 on ≥ 90% of inputs
    grad_norm: float  # ‖dL/dW‖ of this layer on the training set
    z_range: float = Z_MIN_RANGE  # the z histogram covers [−z_range, z_range]
    z_counts: np.ndarray | None = None  # (Z_BINS,) counts of z over all units and inputs

    @property
    def dead_fraction(self) -> float:
        return float(self.dead.mean()) if self.dead.size else 0.0

    @property
    def saturated_fraction(self) -> float:
        return float(self.saturated.mean()) if self.saturated.size else 0.0


def _loss_name(network, loss_name: str | None) -> str:
    if loss_name is not None:
        return loss_name
    return heads.default_loss(network.spec.output, "binary")  # sigmoid: bce, softmax: ce


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
    return [float(np.linalg.norm(gw)) for gw, _ in layer_grads(network, inputs, targets, loss_name)]


def z_histogram(z: np.ndarray) -> tuple[float, np.ndarray]:
    """(r, counts (Z_BINS,)): z of a layer (n, units) binned on [−r, r]; r = the 99th
    percentile of |z| rounded up, within [Z_MIN_RANGE, Z_MAX_RANGE]; outliers fall in the end
    bins, non-finite values are left out."""
    z = np.asarray(z, np.float64).ravel()
    z = z[np.isfinite(z)]
    peak = percentile(np.abs(z), 99) if z.size else 0.0
    r = min(max(Z_MIN_RANGE, float(np.ceil(peak))), Z_MAX_RANGE)
    return r, clipped_counts(z, -r, r, Z_BINS)


def _unit_masks(layer, z: np.ndarray, a: np.ndarray):
    """(on (n, units) bool, dead (units,), saturated (units,)) for one hidden layer.

    Piecewise-linear activations (the registry's piecewise form: relu, leaky_relu, step,
    linear): on = z in the top piece (z > the last kink; always for linear); dead = every input
    in one piece whose slope is 0 (a ReLU stuck at z ≤ 0; a step whose output never changes; a
    leaky unit with α > 0 never dies); never saturated (flat parts are "off").
    Smooth activations: on = |f'(z)| ≥ 0.01; dead = f'(z) == 0 on every input; saturated =
    |f'(z)| < 0.01 on ≥ 90% of inputs, for activations whose slope vanishes at an end.
    """
    act = activations.get(layer.activation)
    none = np.zeros(z.shape[1], bool)
    form = act.piecewise_form(layer.param)
    if form is not None:
        piece = form.piece(z)  # (n, units)
        flat = np.asarray(form.slopes)[piece[0]] == 0
        dead = (piece == piece[:1]).all(axis=0) & flat
        return piece == len(form.kinks), dead, none
    slope = np.abs(act.derivative(z, a, act.resolve_param(layer.param)))
    small = slope < SATURATION_SLOPE
    saturated = small.mean(axis=0) >= SATURATION_SHARE if act.saturates else none
    return ~small, (slope == 0).all(axis=0), saturated


@np.errstate(all="ignore")  # a diverging run's statistics may overflow: they show as inf
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
        z_range, counts = z_histogram(trace.zs[i])
        if len(inputs) == 0:
            none = np.zeros(layer.units, bool)
            stats.append(
                LayerStats(np.zeros(layer.units), none, none.copy(), norms[i], z_range, counts)
            )
            continue
        on, dead, saturated = _unit_masks(layer, trace.zs[i], trace.acts[i + 1])
        stats.append(LayerStats(on.mean(axis=0), dead, saturated, norms[i], z_range, counts))
    return stats
