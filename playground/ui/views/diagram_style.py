"""Styles of the network diagram: each link's sign and width class (with hysteresis), and
the resolution of the neuron thumbnails."""

from __future__ import annotations

import math

import numpy as np

WIDTH_EDGES = (0.25, 0.75, 1.5)  # |w| class limits
WIDTHS = (0.7, 1.5, 2.6, 4.0)  # px per |w| class
HYSTERESIS = 0.15  # a link changes width class once |w| is 15 % past the class edge
SIGN_DEADBAND = 0.05  # and changes colour once |w| > this on the other side of 0


def link_buckets(w: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """(n,) link item index per weight: sign · len(WIDTHS) + width class of |w|.

    With the previous buckets, a link keeps its bucket while |w| stays within HYSTERESIS of
    that class's edges and its sign flip is within SIGN_DEADBAND: links that sit on an edge do
    not flicker, and the diagram redraws its links only when they visibly change.
    """
    k = len(WIDTHS)
    a = np.abs(w)
    fresh = (w > 0) * k + np.searchsorted(WIDTH_EDGES, a)
    if previous is None:
        return fresh
    lo = np.array((0.0, *WIDTH_EDGES))[previous % k] / (1 + HYSTERESIS)
    hi = np.array((*WIDTH_EDGES, np.inf))[previous % k] * (1 + HYSTERESIS)
    same_sign = ((w > 0) == (previous >= k)) | (a <= SIGN_DEADBAND)
    return np.where((a >= lo) & (a < hi) & same_sign, previous, fresh)


def thumb_res(res: int, n_units: int) -> tuple[int, int]:
    """(stride, pixels per side) of a thumbnail: every stride-th grid point, ≤ cap pixels."""
    cap = 48 if n_units <= 16 else 24
    stride = max(1, math.ceil(res / cap))
    return stride, math.ceil(res / stride)
