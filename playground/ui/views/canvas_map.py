"""The plane's geometry and the decision map as an image: where points are drawn, the extent
that holds them, lookup-table indices or values from a snapshot's output map."""

from __future__ import annotations

import numpy as np

from playground.core.data.pointset import PLANE_EXTENT, PointSet
from playground.live.snapshot import Snapshot
from playground.ui.graphics import palette


def class_image(snap: Snapshot, out: np.ndarray, discretize: bool) -> np.ndarray:
    """CLASS_LUT indices (res, res) float32: winner class, confidence → intensity."""
    if snap.class_map is not None:  # multiclass: out = winning probability ∈ [1/K, 1]
        k = snap.data.n_classes
        cls = snap.class_map
        strength = (out - 1.0 / k) / (1.0 - 1.0 / k)
    else:  # binary: out = P(class 1)
        cls = (out > 0.5).astype(np.int8)
        strength = np.abs(out - 0.5) * 2.0
    if discretize:
        strength = np.full_like(out, 0.6)
    return palette.class_map_index(cls, strength)


def regression_image(snap: Snapshot, out: np.ndarray, discretize: bool):
    """(values (res, res) float32, levels ±max|target|, "regression"); discretized: the sign."""
    y = snap.data.y
    limit = float(np.abs(y).max()) if len(y) else 1.0
    limit = limit if limit > 0 else 1.0
    img = np.sign(out) * np.float32(0.6 * limit) if discretize else out
    return img.astype(np.float32, copy=False), (-limit, limit), "regression"


def plane_xy(data: PointSet) -> np.ndarray:
    """(n, 2) drawn positions: (x1, x2); (x, target) for 1-D data; first two features d > 2."""
    if data.dim == 1:
        return np.column_stack([data.X[:, 0], data.y.astype(np.float64)])
    return np.array(data.X[:, :2], dtype=np.float64)


def data_extent(data: PointSet) -> tuple[float, float, float, float]:
    if not data.n:
        return PLANE_EXTENT
    xy = plane_xy(data)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    pad = 0.08 * np.maximum(hi - lo, 1e-3)
    top = 0.12 * (hi[1] - lo[1]) if data.dim > 2 else 0.0  # room for the note
    return (lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1] + top)


def point_rgb(data: PointSet) -> np.ndarray | None:
    """(n, 3) a colour per point for regression targets (INK along a 1-D curve, diverging on
    the plane); None for classes (coloured by class)."""
    if data.task != "regression":
        return None
    if data.dim == 1:
        return np.tile(np.array(palette.INK), (data.n, 1))
    limit = float(np.abs(data.y).max()) if data.n else 1.0
    return palette.diverging_rgb(data.y, limit)
