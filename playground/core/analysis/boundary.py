"""The exact decision boundary of a piecewise-linear network, polygon by polygon.

On polygon p the output layer's pre-activation is z = A_p·x + c_p. The predicted class is the
argmax of K label scores (ties go to the lowest class):
    level   one output: scores (τ, z), so class 1 where z > τ, τ the z at which the head's
            output is THRESHOLD, the app's rule for two classes (targets 0 and 1; sigmoid:
            τ = 0, tanh: τ = atanh ½ ≈ 0.549, linear: τ = ½);
    argmax  K ≥ 2 outputs: the scores are the logits (softmax and any increasing head keep
            their argmax);
    none    regression (the task says so), or a head that never reaches THRESHOLD.
On a polygon whose top score is not one class by a margin at every vertex, the cell of class i
is the polygon clipped by s_i − s_j ≥ 0 for every j ≠ i (convex). The boundary consists of the
cells' edges where the top two scores tie (for a network with a jump, such as a step unit: all
cell edges); an edge is kept when, a probe of PROBE·diagonal across it, the network predicts
another class, and is reported once, by the lower class's cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from playground.core.analysis import clip
from playground.core.nn import activations

PROBE = 1e-8  # probe distance across an edge, relative to the rectangle's diagonal
THRESHOLD = 0.5  # one output: class 1 where the head's output > ½ (Trainer's predict_classes)
_NO_SEGMENTS = (np.zeros((0, 2, 2)), np.zeros((0, 2), np.int64))


@dataclass(frozen=True)
class Decision:
    """How outputs become classes: kind "level" (class 1 where z_out > level), "argmax" or
    "none" (a single unbounded output: no classes)."""

    kind: str
    level: float | None = None


def decision_rule(network, task: str | None = None) -> Decision:
    """How the app turns this network's outputs into classes (task "regression": none)."""
    spec = network.spec
    if task == "regression":
        return Decision("none")
    if spec.n_outputs >= 2:
        return Decision("argmax")
    head_spec = spec.layers[-1]
    head = activations.get(head_spec.activation)
    level = _inverse(head, head.resolve_param(head_spec.param), THRESHOLD)
    return Decision("none") if level is None else Decision("level", level)


def _inverse(head, param: float, target: float) -> float | None:
    """z with head(z) = target for an increasing head, by bisection; None if not bracketed."""

    def f(z):
        return float(head.value(np.array([z]), param)[0])

    lo, hi = -1.0, 1.0
    while f(lo) >= target and lo > -1e6:
        lo *= 2.0
    while f(hi) <= target and hi < 1e6:
        hi *= 2.0
    if not f(lo) < target < f(hi):
        return None
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        value = f(mid)
        if value == target or mid in (lo, hi):
            return mid
        lo, hi = (mid, hi) if value < target else (lo, mid)
    return 0.5 * (lo + hi)


def classes_of(network, decision: Decision, points: np.ndarray) -> np.ndarray:
    """(m,) predicted class at each point (m, 2), by a float64 forward pass."""
    net = network if network.dtype == np.float64 else network.copy(np.float64)
    z = net.forward_logits(np.asarray(points, dtype=np.float64))
    if decision.kind == "level":
        return (z[:, 0] > decision.level).astype(np.int64)
    return z.argmax(axis=1)


def decision_boundary(network, decision: Decision, split, extent, continuous: bool = True):
    """(segments (S, 2, 2), classes (S, 2)) on a regions_split.Partition: polygons V (2, W, P),
    n with output maps L (3, P, n_out).

    continuous: the network has no jumps, so the class can only change where the top two
    scores tie; otherwise every cell edge is probed.
    """
    V, n, reach = split.V, split.n, clip.reach(extent)
    if decision.kind == "none" or V.shape[2] == 0:
        return _NO_SEGMENTS
    SL = _scores(decision, split.L)  # (3, P, K)
    S = _at_vertices(V, SL)  # (K, W, P)
    tol = 2 * clip.tolerance(SL[0], SL[1], SL[2], reach).max(axis=1)  # (P,)
    winner = S.argmax(axis=0)  # (W, P)
    settled = (winner == winner[0]).all(axis=0) & (_margin(S, winner) > tol).all(axis=0)
    mixed = np.flatnonzero(~settled)
    cells, counts, label, poly = _cells(
        np.take(V, mixed, axis=2), n[mixed], np.take(SL, mixed, axis=1), reach
    )
    if continuous:
        poly = mixed[poly]
        at = _ties(_at_vertices(cells, np.take(SL, poly, axis=1)), label, tol[poly])
    else:
        whole = np.flatnonzero(settled)
        width = max(cells.shape[1], V.shape[1])
        uncut = clip.pad_to(np.take(V, whole, axis=2), width)
        cells = np.concatenate([clip.pad_to(cells, width), uncut], axis=2)
        label = np.concatenate([label, winner[0, whole]])
        at = np.ones(cells.shape[1:], bool)
    ends, owner = _edges(cells, at)
    return _probe(network, decision, ends, label[owner], extent)


def _scores(decision: Decision, L: np.ndarray) -> np.ndarray:
    """Label-score maps (3, P, K) from the output maps L (3, P, n_out): for a level, the
    constant score τ of class 0 beside z."""
    if decision.kind == "level":
        level = np.zeros(L.shape[:2] + (1,))
        level[2] = decision.level
        return np.concatenate([level, L], axis=2)
    return L


def _margin(S: np.ndarray, winner: np.ndarray) -> np.ndarray:
    """(W, P) top score minus the best other score; S (K, W, P), winner (W, P)."""
    second = np.full(winner.shape, -np.inf)
    for k, scores in enumerate(S):  # K ≤ a few classes: one contiguous pass each
        np.maximum(second, np.where(winner == k, -np.inf, scores), out=second)
    return np.take_along_axis(S, winner[None], axis=0)[0] - second


def _is(label: np.ndarray, K: int) -> np.ndarray:
    """(K, *label.shape) one-hot of label."""
    return np.arange(K).reshape((K,) + (1,) * label.ndim) == label


def _at_vertices(V: np.ndarray, SL: np.ndarray) -> np.ndarray:
    """(K, W, P) scores at every vertex of polygons V (2, W, P) with score maps SL (3, P, K)."""
    return V[0] * SL[0].T[:, None] + V[1] * SL[1].T[:, None] + SL[2].T[:, None]


def _cells(V, n, SL, reach):
    """Each class's cell in each polygon: (cells (2, W', C), counts, label (C,), poly (C,) index
    into the given polygons); cells without area or whose inside is another class dropped."""
    M, K = SL.shape[1:]
    poly, label = np.repeat(np.arange(M), K), np.tile(np.arange(K), M)
    cells, counts = np.repeat(V, K, axis=2), np.repeat(n, K)
    for r in range(K - 1):
        other = r + (r >= label)  # the r-th class other than the cell's own
        a0, a1, b = SL[:, poly, label] - SL[:, poly, other]  # (C,) each: s_own − s_other
        g = cells[0] * a0 + cells[1] * a1 + b
        cells, counts = clip.clip_upper(cells, counts, g, clip.tolerance(a0, a1, b, reach))
    inner = clip.vertex_means(cells, counts)  # (2, C)
    at = inner[0, :, None] * SL[0, poly] + inner[1, :, None] * SL[1, poly] + SL[2, poly]
    keep = np.flatnonzero((counts >= 3) & (at.argmax(axis=1) == label) & (_areas(cells) > 0))
    return np.take(cells, keep, axis=2), counts[keep], label[keep], poly[keep]


def _areas(V: np.ndarray) -> np.ndarray:
    """(m,) shoelace areas of polygons V (2, W, m), relative to each first vertex (no
    cancellation far from the origin); positive when counter-clockwise."""
    x, y = V - V[:, :1]
    return 0.5 * (x * np.roll(y, -1, axis=0) - np.roll(x, -1, axis=0) * y).sum(axis=0)


def _ties(S: np.ndarray, label: np.ndarray, tol: np.ndarray) -> np.ndarray:
    """(W, C) whether at each vertex the cell's class ties the best other class; S (K, W, C)."""
    own = _is(label, len(S))[:, None, :]  # (K, 1, C)
    mine = np.where(own, S, -np.inf).max(axis=0)
    return np.abs(mine - np.where(own, -np.inf, S).max(axis=0)) <= tol


def _edges(cells: np.ndarray, at: np.ndarray):
    """(ends (E, 2, 2), owner (E,)): edges j → j+1 of cells (2, W, C) with non-zero length
    whose two ends are marked in `at` (W, C)."""
    nxt = np.roll(np.arange(cells.shape[1]), -1)
    step = cells[:, nxt] - cells
    on = at & at[nxt] & (np.hypot(step[0], step[1]) > 0)
    slot, owner = np.nonzero(on)
    start = cells[:, slot, owner].T
    return np.stack([start, cells[:, nxt[slot], owner].T], axis=1), owner


def _probe(network, decision: Decision, ends, label, extent):
    """Keep the edges with another class just outside; (segments, (lower, upper) classes)."""
    if len(ends) == 0:
        return _NO_SEGMENTS
    x0, x1, y0, y1 = extent
    d = ends[:, 1] - ends[:, 0]
    outward = np.stack([d[:, 1], -d[:, 0]], axis=1) / np.hypot(d[:, 0], d[:, 1])[:, None]
    probes = ends.mean(axis=1) + PROBE * math.hypot(x1 - x0, y1 - y0) * outward
    inside = (
        (probes[:, 0] >= x0) & (probes[:, 0] <= x1) & (probes[:, 1] >= y0) & (probes[:, 1] <= y1)
    )
    across = classes_of(network, decision, probes)
    keep = inside & (label < across)
    return ends[keep], np.stack([label[keep], across[keep]], axis=1).astype(np.int64)
