"""The splitting engine of exact regions: hidden layer by hidden layer, vectorized over polygons.

At the start of hidden layer l every polygon p (a "layer-start" polygon) carries the affine map
of the layer's pre-activation,
    z = x·A[p, 0] + y·A[p, 1] + c[p]        A (P0, 2, units), c (P0, units),
so each unit's kink z_u = κ is a straight line on p. A line can only cut the pieces of the
polygons it crosses at the layer's start, so every layer-start polygon lists its crossing
lines once. Then, round after round, every polygon with lines left tries its next few (a
window of B) and is cut by the first that crosses it (clip.split): one half stays in place, the
other is appended and inherits the parent and the place in the list. At the end of the layer
the pieces s, t of every unit come from a point inside each polygon, and the next layer's maps
compose for all polygons in cache-sized blocks:
    A' = (A ⊙ s)·Wᵀ,    c' = (c ⊙ s + t)·Wᵀ + b.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.analysis import clip

_MAP_BLOCK = 512  # polygons per block when composing maps (fresh megabytes page-fault)
_MAX_WINDOW = 16  # lines a polygon tries per round
_WINDOW_ELEMENTS = 1 << 13  # vertices × lines evaluated per round, about


@dataclass(frozen=True, eq=False)
class Partition:
    """V (2, W, P) slot-major polygons, n (P,), patterns (P, U) int8, A (P, 2, n_out), c."""

    V: np.ndarray
    n: np.ndarray
    patterns: np.ndarray
    A: np.ndarray
    c: np.ndarray


def partition(weights, biases, forms, extent, max_polygons: int) -> Partition | int:
    """Split `extent` by every hidden layer (float64 weights, piecewise forms); the number of
    polygons when there came to be more than max_polygons."""
    reach = clip.reach(extent)
    V, n = clip.rectangle(extent), np.array([4])
    A, c = weights[0].T[None], biases[0][None]  # (1, 2, units), (1, units)
    patterns = np.zeros((1, 0), np.int8)
    for layer, form in enumerate(forms):
        kinks = np.asarray(form.kinks, dtype=np.float64)
        parent = np.arange(V.shape[2])
        if kinks.size:
            cut = _cut_layer(V, n, A, c, kinks, reach, max_polygons)
            if isinstance(cut, int):
                return cut
            V, n, parent = cut
        A, c, pieces = _next_maps(V, n, A, c, parent, form, weights[layer + 1], biases[layer + 1])
        if kinks.size:
            patterns = np.hstack([patterns[parent], pieces])
    return Partition(V, n, patterns, A, c)


def _cut_layer(V, n, A, c, kinks, reach, max_polygons: int):
    """(V, n, parent) after cutting polygons V (2, W, P0), n by every line z_u = κ_j of one
    layer whose map is A (P0, 2, units), c (P0, units); the count past max_polygons."""
    P0 = c.shape[0]
    # cut functions g_f = z_u − κ_j, f = u·len(kinks) + j, packed (a0, a1, c, tol): (4, P0, F)
    a0, a1 = np.repeat(A[:, 0], len(kinks), axis=1), np.repeat(A[:, 1], len(kinks), axis=1)
    c0 = (c[:, :, None] - kinks).reshape(P0, -1)
    pack = np.stack([a0, a1, c0, clip.tolerance(a0, a1, c0, reach)])
    lines, counts = _crossing_lines(V, n, pack)
    buf = clip.PolygonBuffer(V, n, parent=np.arange(P0), next=np.zeros(P0, np.int64), end=counts)
    cuts = _Cuts(pack, np.pad(lines, ((0, 0), (0, _MAX_WINDOW))))
    while cuts.round(buf):
        if buf.size > max_polygons:
            return buf.size
    V, n = buf.geometry()
    return V, n, buf.attr("parent").copy()


def _crossing_lines(V: np.ndarray, n: np.ndarray, pack: np.ndarray):
    """(lines (P0, R), counts (P0,)): per polygon the cut functions with vertices strictly on
    both sides, in order (padded with 0); R = the largest count.

    A line can only cross polygon p if it passes within p's radius r_p of its vertex mean m_p,
    |g(m_p)| ≤ ‖a‖·r_p; only those pairs are tested at every vertex.
    """
    a0, a1, c0, tol = pack  # (P0, F) each
    mean = clip.vertex_means(V, n)  # (2, P0)
    radius = np.hypot(V[0] - mean[0], V[1] - mean[1]).max(axis=0)  # (P0,)
    at_mean = mean[0, :, None] * a0 + mean[1, :, None] * a1 + c0
    near = np.abs(at_mean) <= np.sqrt(a0 * a0 + a1 * a1) * radius[:, None] + tol
    poly, f = np.nonzero(near)
    G = V[0][:, poly] * a0[poly, f] + V[1][:, poly] * a1[poly, f] + c0[poly, f]  # (W, k)
    t = tol[poly, f]
    crosses = np.zeros(near.shape, bool)
    crosses[poly, f] = (G > t).any(axis=0) & (G < -t).any(axis=0)
    counts = crosses.sum(axis=1)
    lines = np.argsort(~crosses, axis=1, kind="stable")[:, : int(counts.max(initial=0))]
    return lines, counts


@dataclass(frozen=True, eq=False)
class _Cuts:
    """One layer's cut functions on its layer-start polygons, pack (4, P0, F) = (a0, a1, c,
    tol), and each polygon's crossing lines (P0, R + _MAX_WINDOW)."""

    pack: np.ndarray
    lines: np.ndarray

    def round(self, buf: clip.PolygonBuffer) -> bool:
        """Every polygon with lines left tries its next B and is cut by the first that crosses
        it; it moves past the lines it tried. False when no polygon has lines left."""
        nxt, end = buf.attr("next"), buf.attr("end")
        act = np.flatnonzero(nxt < end)
        if act.size == 0:
            return False
        width = buf.V.shape[1]
        B = int(np.clip(_WINDOW_ELEMENTS // (act.size * width), 1, _MAX_WINDOW))
        first = nxt[act]
        f = self.lines[buf.attrs["parent"][act], first + np.arange(B)[:, None]]  # (B, na)
        a0, a1, c0, tol = self.pack[:, buf.attrs["parent"][act], f]  # (B, na) each
        V = buf.V[:, :, act]  # (2, W, na)
        g = V[0][:, None] * a0 + V[1][:, None] * a1 + c0  # (W, B, na)
        crossing = (g > tol).any(axis=0) & (g < -tol).any(axis=0)
        crossing &= np.arange(B)[:, None] < end[act] - first  # (B, na)
        k = crossing.argmax(axis=0)
        cut = np.flatnonzero(crossing[k, np.arange(act.size)])
        nxt[act] = first + B
        nxt[act[cut]] = first[cut] + k[cut] + 1
        if cut.size:
            kk = k[cut]
            g_cut = np.ascontiguousarray(g[:, kk, cut])  # (W, m)
            halves = clip.split(V[:, :, cut], buf.n[act[cut]], g_cut, tol[kk, cut])
            buf.store_split(act[cut], *halves)
        return True


def _next_maps(V, n, A, c, parent, form, W_next, b_next):
    """(A' (P, 2, n_next), c' (P, n_next), pieces (P, units) int8) for polygons V, n of a
    hidden layer whose map is A (P0, 2, units), c (P0, units) on layer-start polygon `parent`.

    pieces: each unit's piece at a point inside the polygon, the number of kinks below z (so
    z = κ is in the lower piece); on it a_u = s·z_u + t.
    """
    kinks = np.asarray(form.kinks, dtype=np.float64)
    slopes, offsets = np.asarray(form.slopes), np.asarray(form.offsets)
    inner = clip.vertex_means(V, n)  # (2, P)
    P, units, n_next = V.shape[2], c.shape[1], W_next.shape[0]
    A_next, c_next = np.empty((P, 2, n_next)), np.empty((P, n_next))
    pieces = np.zeros((P, units), np.int8)
    for i in range(0, P, _MAP_BLOCK):
        e = min(P, i + _MAP_BLOCK)
        M, z = A[parent[i:e]], c[parent[i:e]]  # (m, 2, units), (m, units)
        if kinks.size:
            at = inner[0, i:e, None] * M[:, 0] + inner[1, i:e, None] * M[:, 1] + z
            for kink in kinks:
                pieces[i:e] += at > kink
        s, t = np.take(slopes, pieces[i:e]), np.take(offsets, pieces[i:e])
        M *= s[:, None, :]
        np.matmul(M.reshape(-1, units), W_next.T, out=A_next[i:e].reshape(-1, n_next))
        z *= s
        z += t
        np.matmul(z, W_next.T, out=c_next[i:e])
    c_next += b_next
    return A_next, c_next, pieces
