"""Convex polygons in the results' layout: V (P, W, 2) counter-clockwise vertex rows, polygon i
using V[i, :n[i]] with later slots repeating its last vertex (zero-length edges)."""

from __future__ import annotations

import numpy as np


def valid_slots(n: np.ndarray, width: int) -> np.ndarray:
    """(P, W) bool: slot j holds a vertex of its own (j < n)."""
    return np.arange(width) < n[:, None]


def areas(V: np.ndarray) -> np.ndarray:
    """(m,) shoelace areas (positive for counter-clockwise); padding adds nothing."""
    x, y = V[..., 0], V[..., 1]
    return 0.5 * (x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1)


def centroids(V: np.ndarray) -> np.ndarray:
    """(m, 2) area centroids (inside each polygon; vertex mean for zero area)."""
    x, y = V[..., 0], V[..., 1]
    x1, y1 = np.roll(x, -1, axis=1), np.roll(y, -1, axis=1)
    cross = x * y1 - x1 * y  # (m, W)
    area2 = cross.sum(axis=1)
    cx = ((x + x1) * cross).sum(axis=1)
    cy = ((y + y1) * cross).sum(axis=1)
    mean = V.mean(axis=1)
    safe = np.abs(area2) > 0
    out = mean.copy()
    out[safe, 0] = cx[safe] / (3.0 * area2[safe])
    out[safe, 1] = cy[safe] / (3.0 * area2[safe])
    return out


def vertex_means(V: np.ndarray, n: np.ndarray) -> np.ndarray:
    """(m, 2) mean of each polygon's own vertices: inside a convex polygon, cheap."""
    own = valid_slots(n, V.shape[1])[..., None]
    return (V * own).sum(axis=1) / np.maximum(n, 1)[:, None]


def containing(V: np.ndarray, n: np.ndarray, points: np.ndarray, slack: float = 0.0):
    """(counts (m,), index (m,)): how many polygons contain each point (m, 2) and one of them
    (−1 if none). A point within `slack` of a polygon's edge line counts as inside it."""
    lo, hi = V.min(axis=1) - slack, V.max(axis=1) + slack  # (P, 2) boxes; padding repeats
    counts = np.zeros(len(points), np.int64)
    index = np.full(len(points), -1, np.int64)
    step = max(1, (1 << 22) // max(len(V), 1))
    for s in range(0, len(points), step):
        x = points[s : s + step]
        pi, pp = np.nonzero(((x[:, None] >= lo) & (x[:, None] <= hi)).all(axis=2))
        edge = np.roll(V[pp], -1, axis=1) - V[pp]  # (k, W, 2)
        rel = x[pi, None] - V[pp]
        cross = edge[..., 0] * rel[..., 1] - edge[..., 1] * rel[..., 0]  # > 0: left of edge
        length = np.hypot(edge[..., 0], edge[..., 1])
        inside = (cross >= -slack * length).all(axis=1)
        np.add.at(counts, s + pi[inside], 1)
        index[s + pi[inside]] = pp[inside]
    return counts, index
