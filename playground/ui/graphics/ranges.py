"""Plot ranges that change rarely while a view updates live.

A range change re-lays out the axis (pyqtgraph regenerates its ticks and labels: several ms per
axis), so a range that followed the data every frame cost more than the curves. These rules
return the range to show given the one shown and the data's [lo, hi]: the same one while it
still fits, a new one with room to grow when it does not.
"""

from __future__ import annotations

import math

Range = tuple[float, float]

GROW = 0.25  # a growing range gets this much of its span as room on the right
FILL = 0.5  # the data must cover at least this share of a shown range, else it shrinks
MARGIN = 0.08  # a steady range's margin on each side, as a share of the data's span


def growing_range(shown: Range | None, lo: float, hi: float) -> Range:
    """For a series that grows to the right (epochs, steps): the shown range while it starts at
    lo, holds hi and hi reaches past FILL of it; else [lo, hi + GROW·(hi − lo)]."""
    hi = max(hi, lo + 1.0)
    if shown is not None and shown[0] == lo and hi <= shown[1]:
        if hi - lo >= FILL * (shown[1] - lo):
            return shown
    return (lo, hi + GROW * (hi - lo))


def steady_range(shown: Range | None, lo: float, hi: float) -> Range:
    """For data that moves both ways (points in a hidden space): the shown range while it holds
    [lo, hi] and [lo, hi] spans at least FILL of it; else [lo, hi] with MARGIN on both sides."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return shown if shown is not None else (-1.0, 1.0)
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    if shown is not None and shown[0] <= lo and hi <= shown[1]:
        if hi - lo >= FILL * (shown[1] - shown[0]):
            return shown
    pad = MARGIN * (hi - lo)
    return (lo - pad, hi + pad)
