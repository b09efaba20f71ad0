"""Gradient flow: how the training signal travels back through the layers (Glorot & Bengio 2010,
figures 6–7), and the per-layer gradient norms a run recorded.

For network inputs X (n, n_in) with targets Y, the loss is the mean L = (1/n)·Σ_i ℓ_i. Per hidden
layer l (0-based, row-major (n, units)):
    a_l = f(z_l)                      its activations;
    g_l = dℓ_i/dz_l = n · dL/dz_l      the gradient each point's own loss sends back to z_l.
Histograms have BINS equal linear bins:
    activations: over the activation's output range where it is bounded (sigmoid [0, 1], tanh
        [−1, 1]: saturation is mass in the end bins); an unbounded end sits at ±r, r = the 99th
        percentile of the layer's |a| rounded up to 1, 2 or 5 × 10^k;
    gradients: LINEAR on one symmetric range [−R, R] shared by every hidden layer, R = the 99th
        percentile of |g| over all of them, rounded up the same way, so widths compare across
        layers and vanishing shows as histograms narrowing toward the input.
Values beyond a range fall into its end bins; non-finite values are left out. Histograms use at
most HIST_POINTS training points (evenly spaced in order); the norms ‖dL/dW_l‖ use all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.core.analysis.binning import clipped_counts, percentile
from playground.core.nn import activations, heads, losses
from playground.core.nn.history import HistoryData

BINS = 41  # odd: one bin is centred on 0, where vanishing gradients pile up
HIST_POINTS = 500  # (n·units values per layer: a 64-unit layer still gives 32,000)
PERCENTILE = 99.0
RECENT = 10  # recent_norms: the median over this many of the last recorded buckets


@dataclass(frozen=True, eq=False)
class Histogram:
    lo: float
    hi: float
    counts: np.ndarray  # (BINS,) int64: bin k covers [lo + k·w, lo + (k+1)·w), w = (hi − lo)/BINS

    @property
    def edges(self) -> np.ndarray:
        return np.linspace(self.lo, self.hi, len(self.counts) + 1)


@dataclass(frozen=True, eq=False)
class LayerFlow:
    """One hidden layer on the training points."""

    activation: str  # its activation's registry name
    activations: Histogram  # a
    gradients: Histogram  # dℓ_i/dz
    gradient_rms: float  # sqrt(mean over points and units of (dℓ_i/dz)²)


@dataclass(frozen=True, eq=False)
class GradientFlow:
    layers: tuple[LayerFlow, ...]  # per hidden layer
    grad_norms: tuple[float, ...]  # ‖dL/dW_l‖ (Frobenius) per layer (hidden..., output)
    n_points: int  # training points the norms use
    hist_points: int  # of them, the ones the histograms count


def nice_ceil(x: float) -> float:
    """The smallest 1, 2 or 5 × 10^k ≥ x (1.0 for x ≤ 0 or non-finite)."""
    if not (x > 0 and math.isfinite(x)):
        return 1.0
    power = 10.0 ** math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * power >= x * (1 - 1e-12):
            return m * power
    return 10.0 * power


def histogram(values: np.ndarray, lo: float, hi: float) -> Histogram:
    """BINS counts of the finite values on [lo, hi]; values beyond it count in the end bins."""
    v = np.asarray(values, np.float64).ravel()
    v = v[np.isfinite(v)]
    return Histogram(float(lo), float(hi), clipped_counts(v, lo, hi, BINS))


def _robust_peak(values: np.ndarray) -> float:
    v = np.abs(np.asarray(values, np.float64).ravel())
    v = v[np.isfinite(v)]
    return percentile(v, PERCENTILE) if v.size else 0.0


def activation_range(activation: str, a: np.ndarray) -> tuple[float, float]:
    """(lo, hi): the activation's output range, an unbounded end at ±nice_ceil(99th pct of |a|)."""
    lo, hi = activations.get(activation).output_range
    if math.isfinite(lo) and math.isfinite(hi):
        return float(lo), float(hi)
    r = nice_ceil(_robust_peak(a))
    return (float(lo) if math.isfinite(lo) else -r), (float(hi) if math.isfinite(hi) else r)


def _loss_name(network, loss_name: str | None) -> str:
    return loss_name or heads.default_loss(network.spec.output, "binary")


@np.errstate(all="ignore")  # a diverging run's gradients may overflow: they show as inf
def gradient_flow(network, inputs, targets, loss_name: str | None = None) -> GradientFlow:
    """Histograms per hidden layer and full-batch norms per layer, for network inputs (n, n_in)
    and targets (n, n_outputs), computed in float64."""
    net = network if network.dtype == np.float64 else network.copy(np.float64)
    X = np.asarray(inputs, np.float64).reshape(-1, net.spec.n_inputs)
    n = len(X)
    Y = np.asarray(targets, np.float64).reshape(n, net.spec.n_outputs)
    trace = net.forward(X)
    if n:
        loss = losses.get(_loss_name(net, loss_name))
        dz_out = loss.delta(trace.zs[-1], trace.output, Y, net.spec.output)
    else:  # no loss without points: every gradient is 0
        dz_out = np.zeros((0, net.spec.n_outputs))
    dzs = net.deltas(trace, dz_out)  # dL/dz per layer (n, units)
    norms = tuple(float(np.linalg.norm(dz.T @ a)) for dz, a in zip(dzs, trace.acts, strict=False))
    rows = hist_rows(n)
    a_hidden = [trace.acts[i + 1][rows] for i in range(len(net.spec.hidden))]
    g_hidden = [n * dzs[i][rows] for i in range(len(net.spec.hidden))]  # dℓ_i/dz
    R = nice_ceil(max((_robust_peak(g) for g in g_hidden), default=0.0))
    layers = []
    for spec, a, g in zip(net.spec.hidden, a_hidden, g_hidden, strict=True):
        finite = g[np.isfinite(g)]
        rms = float(np.sqrt(np.mean(finite * finite))) if finite.size else math.nan
        layers.append(
            LayerFlow(
                spec.activation,
                histogram(a, *activation_range(spec.activation, a)),
                histogram(g, -R, R),
                rms,
            )
        )
    return GradientFlow(tuple(layers), norms, n, len(rows))


def hist_rows(n: int) -> np.ndarray:
    """Indices of the points the histograms count: all n, or every k-th so at most HIST_POINTS."""
    return np.arange(0, n, max(1, -(-n // HIST_POINTS)))


def recent_norms(history: HistoryData, k: int = RECENT) -> np.ndarray:
    """(n_metrics,) median of the last recorded value of the last k buckets (NaN if none)."""
    final = history.final[-k:]
    out = np.full(final.shape[1], math.nan)
    for j in range(final.shape[1]):
        col = final[:, j][np.isfinite(final[:, j])]
        if col.size:
            out[j] = float(np.median(col))
    return out
