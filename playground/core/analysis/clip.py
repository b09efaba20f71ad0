"""Batches of convex polygons, slot-major, cut by one affine function per polygon.

Layout: V (2, W, m) float64: V[0] the x and V[1] the y coordinates, slot j of polygon i at
V[:, j, i], counter-clockwise. Polygon i uses slots 0..n[i]−1; later slots repeat its last
vertex, so every slot pair (j, j+1 mod W) is an edge or has zero length and the closing edge is
(W−1, 0). Every operation runs along the long polygon axis (contiguous inner loops, no
per-polygon Python).

A cut evaluates g (W, m) = a·v + c at the vertices. A vertex with |g| ≤ tol lies on the line
g = 0 and belongs to both sides; an edge whose ends lie strictly on opposite sides gets the
intersection v_j + t·(v_{j+1} − v_j), t = g_j / (g_j − g_{j+1}). Keeping, in order, the vertices
not strictly below and the intersection points gives the part where g ≥ 0, still convex and
counter-clockwise: one Sutherland–Hodgman step for every polygon at once.
"""

from __future__ import annotations

import numpy as np

# A vertex is on the line g = 0 when |g| ≤ REL_TOL · (|a₀|·max|x| + |a₁|·max|y| + |c|): a
# relative error far above float64 rounding (1e-16), far below any cell one could see.
REL_TOL = 1e-9


def tolerance(a0, a1, c, reach: tuple[float, float]) -> np.ndarray:
    """|g| below which a vertex counts as on the line g = a0·x + a1·y + c (any shape)."""
    return REL_TOL * (np.abs(a0) * reach[0] + np.abs(a1) * reach[1] + np.abs(c))


def reach(extent) -> tuple[float, float]:
    """(max |x|, max |y|) over the rectangle (x0, x1, y0, y1): the scale of tolerance()."""
    x0, x1, y0, y1 = extent
    return max(abs(x0), abs(x1)), max(abs(y0), abs(y1))


def rectangle(extent) -> np.ndarray:
    """(2, 4, 1) counter-clockwise corners of (x0, x1, y0, y1)."""
    x0, x1, y0, y1 = (float(v) for v in extent)
    return np.array([[[x0], [x1], [x1], [x0]], [[y0], [y0], [y1], [y1]]])


def valid_slots(n: np.ndarray, width: int) -> np.ndarray:
    """(W, m) bool: slot j holds a vertex of its own (j < n)."""
    return np.arange(width)[:, None] < n


def vertex_means(V: np.ndarray, n: np.ndarray) -> np.ndarray:
    """(2, m) mean of each polygon's own vertices: a point inside a convex polygon."""
    return (V * valid_slots(n, V.shape[1])).sum(axis=1) / np.maximum(n, 1)


def split(V: np.ndarray, n: np.ndarray, g: np.ndarray, tol: np.ndarray):
    """(upper, n_upper, lower, n_lower): the parts where g ≥ 0 and g ≤ 0, each (2, W', m).

    V (2, W, m), n (m,), g (W, m), tol (m,). A side with no vertex strictly on it keeps only
    the vertices on the line (callers split polygons with vertices strictly on both sides).
    """
    m = g.shape[1]
    above, below = g > tol, g < -tol
    points, cross = _with_crossings(V, g, above, below)
    valid = valid_slots(n, g.shape[0])
    keep = np.empty((2 * g.shape[0], 2 * m), bool)  # upper polygons, then lower ones
    keep[0::2, :m] = valid & ~below
    keep[0::2, m:] = valid & ~above
    keep[1::2, :m] = cross
    keep[1::2, m:] = cross
    both, counts = _compact(points, keep)
    return both[:, :, :m], counts[:m], both[:, :, m:], counts[m:]


def clip_upper(V: np.ndarray, n: np.ndarray, g: np.ndarray, tol: np.ndarray):
    """(V', n'): the part of each polygon where g ≥ 0; n' = 0 where it has no area."""
    above, below = g > tol, g < -tol
    points, cross = _with_crossings(V, g, above, below)
    keep = np.empty((2 * g.shape[0], g.shape[1]), bool)
    keep[0::2] = valid_slots(n, g.shape[0]) & ~below
    keep[1::2] = cross
    V_out, n_out = _compact(points, keep)
    n_out[(n_out < 3) | (n == 0)] = 0  # nothing, only a point or an edge on the line
    return V_out, n_out


_NEXT: dict[int, np.ndarray] = {}


def _next_slot(width: int) -> np.ndarray:
    """[1, 2, …, W−1, 0]: the slot after each slot."""
    if width not in _NEXT:
        _NEXT[width] = np.roll(np.arange(width), -1)
    return _NEXT[width]


def _with_crossings(V, g, above, below):
    """(points (2, 2W, m) = v_0, x_0, v_1, x_1, …; cross (W, m)): x_j is where edge j → j+1
    crosses g = 0, meaningful where cross[j] (its ends lie strictly on opposite sides)."""
    width, m = g.shape
    nxt = _next_slot(width)
    cross = (above & below[nxt]) | (below & above[nxt])
    t = np.divide(g, g - g[nxt], out=np.zeros_like(g), where=cross)
    points = np.empty((2, 2 * width, m))
    x = points[:, 1::2]
    np.subtract(V[:, nxt], V, out=x)
    x *= t
    x += V
    points[:, 0::2] = V
    return points, cross


def _compact(points: np.ndarray, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The kept slots of each polygon, in order, padded by repeating the last: (V', n).

    points (2, K, m), keep (K, q) with q a multiple of m (column i keeps from polygon i mod m)
    → V' (2, W', q), W' the largest count.
    """
    m, q = points.shape[2], keep.shape[1]
    col, row = keep.T.nonzero()  # by polygon, then slot: each polygon's kept slots in order
    counts = np.bincount(col, minlength=q)
    width = max(int(counts.max(initial=0)), 1)
    first = np.cumsum(counts) - counts  # (q,) where each polygon's entries start
    out = np.empty((2, width, q))
    out[:, np.arange(col.size) - first[col], col] = points[:, row, col % m if q != m else col]
    last = out[:, np.maximum(counts, 1) - 1, np.arange(q)]  # (2, q)
    return np.where(np.arange(width)[:, None] < counts, out, last[:, None, :]), counts


def pad_to(V: np.ndarray, width: int) -> np.ndarray:
    """V (2, W, m) widened to (2, width, m) by repeating the last slot."""
    extra = width - V.shape[1]
    if extra <= 0:
        return V
    return np.concatenate([V, np.repeat(V[:, -1:], extra, axis=1)], axis=1)


def to_rows(V: np.ndarray, n: np.ndarray) -> np.ndarray:
    """(m, W', 2) vertex rows (the results' layout), trimmed to the widest polygon."""
    width = int(n.max(initial=1))
    return np.ascontiguousarray(V[:, :width].transpose(2, 1, 0))


class PolygonBuffer:
    """A growing batch of polygons: V (2, W, P), n (P,) and per-polygon rows (`attrs`, name →
    (P, ...) array) that a polygon cut off another copies from it."""

    def __init__(self, V: np.ndarray, n: np.ndarray, **attrs: np.ndarray):
        self.size = V.shape[2]
        capacity = max(64, 2 * self.size)
        self.V = np.empty((2, V.shape[1], capacity))
        self.V[:, :, : self.size] = V
        self.n = np.zeros(capacity, np.int64)
        self.n[: self.size] = n
        self.attrs = {}
        for name, values in attrs.items():
            self.attrs[name] = np.zeros((capacity,) + values.shape[1:], values.dtype)
            self.attrs[name][: self.size] = values

    def store_split(self, rows: np.ndarray, upper, n_upper, lower, n_lower) -> None:
        """Polygons `rows` become `upper`; `lower` (2, W', m) are appended, copying attrs."""
        width = max(upper.shape[1], lower.shape[1], self.V.shape[1])
        if width > self.V.shape[1]:
            self.V = pad_to(self.V, width)
        start, end = self.size, self.size + len(rows)
        if end > self.V.shape[2]:
            self._grow(2 * end)
        self.V[:, :, rows] = pad_to(upper, width)
        self.n[rows] = n_upper
        self.V[:, :, start:end] = pad_to(lower, width)
        self.n[start:end] = n_lower
        for values in self.attrs.values():
            values[start:end] = values[rows]
        self.size = end

    def _grow(self, capacity: int) -> None:
        def grown(old: np.ndarray, axis: int = 0) -> np.ndarray:
            shape = list(old.shape)
            shape[axis] = capacity
            new = np.zeros(shape, old.dtype)
            kept = [slice(None)] * old.ndim
            kept[axis] = slice(0, self.size)
            new[tuple(kept)] = old[tuple(kept)]
            return new

        self.V, self.n = grown(self.V, axis=2), grown(self.n)
        self.attrs = {name: grown(values) for name, values in self.attrs.items()}

    def geometry(self) -> tuple[np.ndarray, np.ndarray]:
        """(V (2, W, P), n (P,)) of the polygons so far, trimmed to the widest polygon."""
        P = self.size
        width = int(self.n[:P].max(initial=1))
        return self.V[:, :width, :P].copy(), self.n[:P].copy()

    def attr(self, name: str) -> np.ndarray:
        return self.attrs[name][: self.size]
