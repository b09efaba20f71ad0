"""Convex polygons in the results' layout: V (P, W, 2) counter-clockwise vertex rows, polygon i
using V[i, :n[i]] with later slots repeating its last vertex (zero-length edges)."""

from __future__ import annotations

import numpy as np


def valid_slots(n: np.ndarray, width: int) -> np.ndarray:
    """(P, W) bool: slot j holds a vertex of its own (j < n)."""
    return np.arange(width) < n[:, None]


def areas(V: np.ndarray) -> np.ndarray:
    """(m,) shoelace areas (positive for counter-clockwise; padding adds nothing), relative to
    each polygon's first vertex so that coordinates far from the origin do not cancel."""
    x, y = (V - V[:, :1]).transpose(2, 0, 1)
    return 0.5 * (x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y).sum(axis=1)


def centroids(V: np.ndarray) -> np.ndarray:
    """(m, 2) area centroids (vertex mean for zero area). Computed relative to each polygon's
    first vertex: far from the origin, absolute coordinates cancel catastrophically."""
    origin = V[:, :1]
    x, y = (V - origin).transpose(2, 0, 1)
    x1, y1 = np.roll(x, -1, axis=1), np.roll(y, -1, axis=1)
    cross = x * y1 - x1 * y  # (m, W)
    area2 = cross.sum(axis=1)
    out = V.mean(axis=1)
    safe = np.abs(area2) > 0
    out[safe, 0] = ((x + x1) * cross).sum(axis=1)[safe] / (3.0 * area2[safe])
    out[safe, 1] = ((y + y1) * cross).sum(axis=1)[safe] / (3.0 * area2[safe])
    out[safe] += origin[safe, 0]
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
