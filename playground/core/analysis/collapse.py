"""Linear collapse: layers joined by linear activations are one affine map.

Layers l = 0..L-1 run over hidden layers then the output layer (row-major: inputs X (n, n_in),
W (n_out, n_in)); "pre-head" is the output layer's z, before its head (sigmoid/softmax/...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.core.analysis.grid import grid_inputs
from playground.core.nn import activations

_PROBE_SEED, _PROBE_N, _PROBE_SCALE = 0, 256, 3.0


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
        if not _is_identity(hidden[layer]):
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
    if not all(_is_identity(hidden[k]) for k in range(first, last)):
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


def _is_identity(layer) -> bool:
    """True when the layer's activation is f(z) = z (one piece, slope 1, offset 0)."""
    form = activations.get(layer.activation).piecewise_form(layer.param)
    return form is not None and form.slopes == (1.0,) and form.offsets == (0.0,)


_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _w(k: int) -> str:
    return f"W{str(k + 1).translate(_SUB)}"


def _b(k: int) -> str:
    return f"b{str(k + 1).translate(_SUB)}"


def run_formulas(first: int, last: int) -> tuple[str, str]:
    """("W = W₃·W₂·W₁", "b = W₃·W₂·b₁ + W₃·b₂ + b₃") for layers first..last (0-based)."""
    weights = "·".join(_w(k) for k in range(last, first - 1, -1))
    terms = []
    for k in range(first, last + 1):
        chain = "·".join(_w(j) for j in range(last, k, -1))
        terms.append(f"{chain}·{_b(k)}" if chain else _b(k))
    return f"W = {weights}", f"b = {' + '.join(terms)}"


@dataclass(frozen=True, eq=False)
class CollapsedRun:
    """Layers first..last (0-based; last may be the output layer) acting as one affine map."""

    first: int
    last: int
    W: np.ndarray  # (n_out of last, n_in of first) float64
    b: np.ndarray  # (n_out of last,)
    formula_W: str
    formula_b: str
    max_abs_diff: float  # max |stack − single map| on the inputs given (NaN without inputs)


@dataclass(frozen=True, eq=False)
class CollapseReport:
    runs: tuple[CollapsedRun, ...]  # every run of ≥ 2 layers joined by linear activations
    whole: bool  # the whole network (up to its head) is one affine map
    bends: tuple[int, ...]  # hidden layers whose activation is not linear (0-based)


def collapse_report(network, X: np.ndarray) -> CollapseReport:
    """Every run of linear layers as one map, checked on network inputs X (n, n_in) in float64:
    each run's input is what the layers before it give for X."""
    net64 = network if network.dtype == np.float64 else network.copy(np.float64)
    trace = net64.forward(np.asarray(X, dtype=np.float64))
    runs = []
    for first, last in linear_runs(network):
        if last == first:
            continue
        W, b = run_map(network, first, last)
        a_in, z_out = trace.acts[first], trace.zs[last]  # (n, n_in), (n, n_out)
        diff = float(np.max(np.abs(z_out - (a_in @ W.T + b)))) if len(a_in) else math.nan
        runs.append(CollapsedRun(first, last, W, b, *run_formulas(first, last), diff))
    bends = tuple(i for i, layer in enumerate(network.spec.hidden) if not _is_identity(layer))
    whole = not bends
    if whole and not runs:  # no hidden layer: the network is one affine map already
        W, b = run_map(network, 0, 0)
        runs.append(CollapsedRun(0, 0, W, b, *run_formulas(0, 0), 0.0))
    return CollapseReport(tuple(runs), whole, bends)


def single_map_on_grid(
    report: CollapseReport, features, extent, res: int, dim: int = 2
) -> np.ndarray | None:
    """The whole network's single affine map on the res × res plane grid (row i = y):
    (res, res) z of the one output, or (res, res) int the winning output of several; None when
    the network does not collapse or the data is not 2-D."""
    if not report.whole or dim != 2:
        return None
    W, b = report.runs[0].W, report.runs[0].b
    inputs = grid_inputs(features, extent, res).astype(np.float64)  # (n_in, res²)
    z = W @ inputs + b[:, None]  # (n_out, res²)
    if len(z) == 1:
        return z[0].reshape(res, res)
    return z.argmax(axis=0).reshape(res, res)
