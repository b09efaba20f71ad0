"""The splitting engine of exact regions: hidden layer by hidden layer, vectorized over polygons.

At the start of hidden layer l every polygon p (a "layer-start" polygon) carries the affine map
of the layer's pre-activation as three rows L (3, P0, units),
    z = x·L[0, p] + y·L[1, p] + L[2, p],
so each unit's kink z_u = κ is a straight line on p. A line can only cut the pieces of the
polygons it crosses at the layer's start, so every layer-start polygon lists its crossing
lines once. Then, round after round, every polygon with lines left tries its next few (a
window of B) and is cut by the first that crosses it (clip.split): one half stays in place, the
other is appended and inherits the parent and the place in the list. At the end of the layer
the pieces (s, t) of every unit come from a point inside each polygon, and the next layer's
maps compose for all polygons in cache-sized blocks of one matrix product each:
    L'[0:2] = (L[0:2] ⊙ s)·Wᵀ,    L'[2] = (L[2] ⊙ s + t)·Wᵀ + b.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.analysis import clip

_MAP_BLOCK = 512  # polygons per block when composing maps (cache-sized)
_MAX_WINDOW = 16  # lines a polygon tries per round
_WINDOW_ELEMENTS = 1 << 15  # vertices × lines evaluated per round, about
_LIST_ELEMENTS = 1 << 16  # polygons × lines per block when listing crossing lines
_UNLISTED = 1 << 10  # polygons × lines below which rounds test every line, unlisted
_ANY = np.logical_or.reduce  # ndarray.any without its Python wrapper (hot loop)


@dataclass(frozen=True, eq=False)
class Partition:
    """V (2, W, P) slot-major polygons, n (P,), patterns (P, U) int8 and the output layer's
    maps L (3, P, n_out): z_out = x·L[0] + y·L[1] + L[2]."""

    V: np.ndarray
    n: np.ndarray
    patterns: np.ndarray
    L: np.ndarray


def partition(weights, biases, forms, extent, max_polygons: int) -> Partition | int:
    """Split `extent` by every hidden layer (float64 weights, piecewise forms); the number of
    polygons when there came to be more than max_polygons."""
    reach = clip.reach(extent)
    V, n = clip.rectangle(extent), np.array([4])
    L = np.concatenate([weights[0].T, biases[0][None]])[:, None, :]  # (3, 1, units)
    patterns = np.zeros((1, 0), np.int8)
    for layer, form in enumerate(forms):
        parent = np.arange(V.shape[2])
        if form.kinks:
            cut = _cut_layer(V, n, L, np.asarray(form.kinks, np.float64), reach, max_polygons)
            if isinstance(cut, int):
                return cut
            V, n, parent = cut
        L, pieces = _next_maps(V, n, L, parent, form, weights[layer + 1], biases[layer + 1])
        if form.kinks:
            patterns = np.hstack([patterns[parent], pieces])
    return Partition(V, n, patterns, L)


def _cut_layer(V, n, L, kinks, reach, max_polygons: int):
    """(V, n, parent) after cutting polygons V (2, W, P0), n by every line z_u = κ_j of one
    layer whose maps are L (3, P0, units); the count past max_polygons."""
    cuts = _Cuts(L, kinks, reach)
    P0, F = V.shape[2], L.shape[2] * len(kinks)
    if F <= _MAX_WINDOW and P0 * F <= _UNLISTED:  # one window tries every line anyway
        lines, counts = np.tile(np.arange(F), (P0, 1)), np.full(P0, F)
    else:
        lines, counts = cuts.crossing_lines(V, n)
    buf = clip.PolygonBuffer(V, n, parent=np.arange(P0), next=np.zeros(P0, np.int64), end=counts)
    cuts.lines = np.concatenate([lines, np.zeros((P0, _MAX_WINDOW), lines.dtype)], axis=1)
    while cuts.round(buf):
        if buf.size > max_polygons:
            return buf.size
    V, n = buf.geometry()
    order = np.argsort(buf.attr("parent"), kind="stable")  # siblings together: cache-friendly
    return np.take(V, order, axis=2), n[order], buf.attr("parent")[order]


class _Cuts:
    """One layer's cut functions g_f = z_u − κ_j (f = u·K + j for K kinks) on its layer-start
    polygons, whose maps are L (3, P0, units), and each polygon's crossing lines."""

    def __init__(self, L: np.ndarray, kinks: np.ndarray, reach):
        self.L, self.kinks = L, kinks
        self.rows = L.reshape(3, -1)  # (3, P0·units): unit u of polygon p at p·units + u
        K = len(kinks)
        c0 = (L[2][..., None] - kinks).reshape(-1)  # (P0·F,) with f = u·K + j
        a0, a1 = (L[0], L[1]) if K == 1 else (np.repeat(L[0], K), np.repeat(L[1], K))
        self.tol = clip.tolerance(a0.reshape(-1), a1.reshape(-1), c0, reach)  # (P0·F,)
        self.lines = np.zeros((L.shape[1], 0), np.int64)  # (P0, R + _MAX_WINDOW)

    def coefficients(self, parent: np.ndarray, f: np.ndarray):
        """(a0, a1, c, tol) of function f on layer-start polygon parent (broadcast shapes)."""
        K, units = len(self.kinks), self.L.shape[2]
        unit, kink = (f, self.kinks[0]) if K == 1 else (f // K, self.kinks[f % K])
        a0, a1, c0 = self.rows.take(parent * units + unit, axis=1)
        return a0, a1, c0 - kink, self.tol.take(parent * (units * K) + f)

    def crossing_lines(self, V: np.ndarray, n: np.ndarray):
        """(lines (P0, R), counts (P0,)): per polygon the functions with vertices strictly on
        both sides, in order (padded with 0); R = the largest count."""
        P0, F = V.shape[2], self.L.shape[2] * len(self.kinks)
        crosses = np.zeros((P0, F), bool)
        step = max(1, _LIST_ELEMENTS // F)
        for s in range(0, P0, step):
            e = min(P0, s + step)
            parent = np.arange(s, e)[:, None]
            ends = np.take(V, parent[:, 0], axis=2)
            crosses[s:e] = _crossing(ends, n[s:e], *self.coefficients(parent, np.arange(F)))
        counts = crosses.sum(axis=1)
        lines = np.argsort(~crosses, axis=1, kind="stable")[:, : int(counts.max(initial=0))]
        return lines, counts

    def round(self, buf: clip.PolygonBuffer) -> bool:
        """Every polygon with lines left tries its next B and is cut by the first that crosses
        it; it (and its halves) move on to the next line that crossed it or past the window.
        False when no polygon has lines left."""
        nxt, end = buf.attr("next"), buf.attr("end")
        act = (nxt < end).nonzero()[0]
        if act.size == 0:
            return False
        B = max(1, min(_MAX_WINDOW, _WINDOW_ELEMENTS // (act.size * buf.V.shape[1])))
        window = np.arange(B)[:, None]
        first, parent = nxt[act], buf.attrs["parent"][act]
        a0, a1, c0, tol = self.coefficients(parent, self.lines[parent, first + window])
        V = buf.V.take(act, axis=2)  # (2, W, na), contiguous
        g = V[0][:, None] * a0 + V[1][:, None] * a1 + c0  # (W, B, na)
        crossing = _ANY(g > tol, axis=0) & _ANY(g < -tol, axis=0)  # (B, na)
        crossing &= window < end[act] - first
        k = crossing.argmax(axis=0)  # (na,) the line that cuts, where one does
        cut = _ANY(crossing, axis=0).nonzero()[0]
        # lines of the window that miss a polygon miss its halves too: both halves go on from
        # the next crossing line after k, or past the window
        later = crossing & (window > k)
        nxt[act] = first + np.where(_ANY(later, axis=0), later.argmax(axis=0), B)
        if cut.size:
            kk, rows = k[cut], act[cut]
            g_cut = np.ascontiguousarray(g[:, kk, cut])  # (W, m)
            halves = clip.split(V.take(cut, axis=2), buf.n[rows], g_cut, tol[kk, cut])
            buf.store_split(rows, *halves)
        return True


def _crossing(V, n, a0, a1, c0, tol) -> np.ndarray:
    """(m, F) whether line f, g = a0·x + a1·y + c0 (each (m, F)), has vertices of polygon
    V (2, W, m) strictly on both sides. A line can only cross polygon p if it passes within
    p's radius r_p of its vertex mean m_p, |g(m_p)| ≤ ‖a‖·r_p; only those pairs are tested at
    every vertex."""
    mean = clip.vertex_means(V, n)  # (2, m)
    radius = np.sqrt((V[0] - mean[0]) ** 2 + (V[1] - mean[1]) ** 2).max(axis=0)  # (m,)
    at_mean = mean[0, :, None] * a0 + mean[1, :, None] * a1 + c0
    near = np.abs(at_mean) <= np.sqrt(a0 * a0 + a1 * a1) * radius[:, None] + tol
    poly, f = np.nonzero(near)
    G = V[0].take(poly, axis=1) * a0[poly, f] + V[1].take(poly, axis=1) * a1[poly, f]
    G += c0[poly, f]  # (W, pairs)
    t = tol[poly, f]
    crosses = np.zeros(near.shape, bool)
    crosses[poly, f] = _ANY(G > t, axis=0) & _ANY(G < -t, axis=0)
    return crosses


def _next_maps(V, n, L, parent, form, W_next, b_next):
    """(L' (3, P, n_next), pieces (P, units) int8) for polygons V, n of a hidden layer whose
    maps are L (3, P0, units) on layer-start polygon `parent`.

    pieces: each unit's piece at a point inside the polygon, the number of kinks below z (so
    z = κ is in the lower piece); on piece k, a_u = s_k·z_u + t_k.
    """
    kinks = np.asarray(form.kinks, np.float64)
    slopes, offsets = np.asarray(form.slopes), np.asarray(form.offsets)
    inner = clip.vertex_means(V, n)  # (2, P)
    P, units, n_next = V.shape[2], L.shape[2], W_next.shape[0]
    L_next = np.empty((3, P, n_next))
    pieces = np.zeros((P, units), np.int8)
    for i in range(0, P, _MAP_BLOCK):
        e = min(P, i + _MAP_BLOCK)
        M = np.take(L, parent[i:e], axis=1)  # (3, m, units)
        s, t = np.full(M.shape[1:], slopes[0]), np.full(M.shape[1:], offsets[0])
        if kinks.size:
            z = inner[0, i:e, None] * M[0] + inner[1, i:e, None] * M[1] + M[2]
            for j, kink in enumerate(kinks):
                above = z > kink
                pieces[i:e] += above
                s += above * (slopes[j + 1] - slopes[j])
                t += above * (offsets[j + 1] - offsets[j])
        M *= s
        M[2] += t
        L_next[:, i:e] = (M.reshape(-1, units) @ W_next.T).reshape(3, e - i, n_next)
    L_next[2] += b_next
    return L_next, pieces
