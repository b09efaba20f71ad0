"""Styles of the network diagram: each link's colour and width class (with hysteresis), which
links a wide layer shows, and the resolution of the neuron thumbnails.

Link buckets: 0 = neutral (|w| < ZERO_WEIGHT: a weight of 0 has no sign and is drawn grey),
1 + c = negative of width class c, 1 + len(WIDTHS) + c = positive of width class c; −1 = not
shown (a wide layer draws only its strongest links).
"""

from __future__ import annotations

import math

import numpy as np

WIDTH_EDGES = (0.25, 0.75, 1.5)  # |w| class limits
WIDTHS = (0.7, 1.5, 2.6, 4.0)  # px per |w| class
N_BUCKETS = 1 + 2 * len(WIDTHS)
NEUTRAL = 0
HIDDEN = -1
HYSTERESIS = 0.15  # a link changes width class once |w| is 15 % past the class edge
SIGN_DEADBAND = 0.05  # and changes colour once |w| > this on the other side of 0
ZERO_WEIGHT = 1e-3  # |w| below this: neutral
ALL_LINKS = 256  # two columns with at most this many links show them all; wider ones show
LINKS_PER_UNIT = 2  # the strongest |w|, this many per unit of the wider column
THUMB_PX = (8, 48)  # thumbnail pixels per side: a multiple of 4 in this range


def bucket_rgb_width(bucket: int, negative, positive, neutral) -> tuple[tuple, float]:
    """(rgb, width px) of a bucket."""
    if bucket == NEUTRAL:
        return neutral, WIDTHS[0]
    k = len(WIDTHS)
    return (positive if bucket > k else negative), WIDTHS[(bucket - 1) % k]


def link_buckets(w: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """(n,) bucket per weight (see the module docstring).

    With the previous buckets, a link keeps its bucket while |w| stays within HYSTERESIS of
    that class's edges and its sign flip is within SIGN_DEADBAND: links that sit on an edge do
    not flicker, and the diagram redraws its links only when they visibly change. A neutral
    link turns signed once |w| ≥ ZERO_WEIGHT · (1 + HYSTERESIS).
    """
    k = len(WIDTHS)
    a = np.abs(w)
    fresh = np.where(a < ZERO_WEIGHT, NEUTRAL, 1 + (w > 0) * k + np.searchsorted(WIDTH_EDGES, a))
    if previous is None:
        return fresh
    cls = (np.maximum(previous, 1) - 1) % k
    lo = np.array((0.0, *WIDTH_EDGES))[cls] / (1 + HYSTERESIS)
    hi = np.array((*WIDTH_EDGES, np.inf))[cls] * (1 + HYSTERESIS)
    same_sign = ((w > 0) == (previous > k)) | (a <= SIGN_DEADBAND)
    keep_signed = (previous > NEUTRAL) & (a >= ZERO_WEIGHT) & (a >= lo) & (a < hi) & same_sign
    keep_neutral = (previous == NEUTRAL) & (a < ZERO_WEIGHT * (1 + HYSTERESIS))
    return np.where(keep_signed | keep_neutral, previous, fresh)


def link_limit(n_in: int, n_out: int) -> int:
    """How many links two columns of n_in and n_out units show."""
    n = n_in * n_out
    return n if n <= ALL_LINKS else min(n, LINKS_PER_UNIT * max(n_in, n_out))


def strongest(a: np.ndarray, shown: np.ndarray | None, limit: int) -> np.ndarray:
    """(n,) bool: the `limit` largest of |w| values a (n,); links shown before count
    (1 + HYSTERESIS) times as strong, so a link at the cut does not blink on and off."""
    if len(a) <= limit:
        return np.ones(len(a), bool)
    score = a * np.where(shown, 1.0 + HYSTERESIS, 1.0) if shown is not None else a
    keep = np.zeros(len(a), bool)
    keep[np.argpartition(-score, limit - 1)[:limit]] = True
    return keep


def thumb_px(tile_px: float, res: int) -> int:
    """Pixels per side of a thumbnail drawn tile_px screen pixels wide from a res-point map:
    about its screen size, no finer than the map, a multiple of 4 within THUMB_PX."""
    lo, hi = THUMB_PX
    want = min(float(tile_px), float(res), float(hi))
    return int(min(hi, max(lo, 4 * math.ceil(want / 4))))


def sample_index(res: int, t: int) -> np.ndarray:
    """(t,) nearest grid point of each of t thumbnail pixels across a res-point map."""
    return np.minimum(((np.arange(t) + 0.5) * res / t).astype(np.intp), res - 1)
