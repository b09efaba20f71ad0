"""The network diagram's links: one segment per weight W[out, in], from the source tile's row at
the right edge of its column to the target tile's row at the left edge of the next column (a
column of several sub-columns sends and receives its links at its edges).

Drawn as N_BUCKETS curve items (neutral, 4 negative and 4 positive width classes, each one
connect="pairs" item), so a 10 × 64 network is still 9 draw calls. Between two wide columns only
the strongest links are drawn (`diagram_style.strongest`); a bucket's item is given new
data only when its members change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.ui.graphics import palette
from playground.ui.views import diagram_tooltips as hover
from playground.ui.views.diagram_style import (
    HIDDEN,
    N_BUCKETS,
    bucket_rgb_width,
    link_buckets,
    link_limit,
    strongest,
)

LINK_HIT_PX = 4.0


class LinkLayer:
    def __init__(self, view: pg.ViewBox):
        self.items = []
        for _ in range(N_BUCKETS):
            item = pg.PlotCurveItem()
            item.setZValue(-20)
            view.addItem(item)
            self.items.append(item)
        self.seg = np.zeros((0, 4))  # (n_links, 4): x0, y0, x1, y1 in W[out, in] ravel order
        self.ids = np.zeros((0, 3), int)  # (n_links, 3): layer, out, in
        self._starts = [0]  # first link of each layer
        self._bucket: np.ndarray | None = None  # per link: its bucket, HIDDEN if not drawn
        self._alpha = 230
        self._limits: list[int] = []

    # ------------------------------------------------------------------ geometry
    def set_geometry(
        self,
        centres: list[np.ndarray],
        edges: list[tuple[float, float]],
        keep_buckets: bool = False,
    ) -> None:
        """Segments between consecutive columns; centres[c] (n_c, 2) tile centres, edges[c]
        the column's left and right x."""
        seg, ids, starts = [], [], [0]
        for layer in range(len(centres) - 1):
            a, b = centres[layer], centres[layer + 1]
            out, inp = np.meshgrid(np.arange(len(b)), np.arange(len(a)), indexing="ij")
            out, inp = out.ravel(), inp.ravel()
            x0, x1 = edges[layer][1], edges[layer + 1][0]
            seg.append(
                np.column_stack(
                    [np.full(out.size, x0), a[inp, 1], np.full(out.size, x1), b[out, 1]]
                )
            )
            ids.append(np.column_stack([np.full(out.size, layer), out, inp]))
            starts.append(starts[-1] + out.size)
        self.seg = np.concatenate(seg) if seg else np.zeros((0, 4))
        self.ids = np.concatenate(ids) if ids else np.zeros((0, 3), int)
        if not keep_buckets or self._starts != starts:
            self._bucket = None
        self._starts = starts
        self._limits = [link_limit(len(a), len(b)) for a, b in zip(centres, centres[1:])]
        shown = sum(min(n, k) for n, k in zip(np.diff(starts), self._limits, strict=True))
        self._alpha = 230 if shown <= 120 else 170 if shown <= 800 else 110
        self._set_pens()
        if keep_buckets and self._bucket is not None:
            self._redraw(self._bucket, np.arange(N_BUCKETS))

    def _set_pens(self) -> None:
        """Opaque pens (pre-blended on white): lighter for denser networks."""
        for b, item in enumerate(self.items):
            rgb, width = bucket_rgb_width(
                b, palette.NEGATIVE_RGB, palette.POSITIVE_RGB, palette.NEUTRAL_RGB
            )
            alpha = min(255, self._alpha + 12 * width)
            item.setPen(pg.mkPen(*palette.over_white(rgb, alpha), width=width))

    # ------------------------------------------------------------------ per snapshot
    def update(self, weights) -> None:
        """Re-bucket the links by |w| and sign; draw the strongest of each wide layer."""
        w = np.concatenate([np.asarray(W, np.float64).ravel() for W in weights])
        w = np.nan_to_num(w, nan=0.0, posinf=1e3, neginf=-1e3)
        previous = self._bucket
        if previous is not None and len(previous) != len(w):
            previous = None
        drawn = np.empty(len(w), bool)
        for lo, hi, limit in zip(self._starts[:-1], self._starts[1:], self._limits, strict=True):
            before = None if previous is None else previous[lo:hi] != HIDDEN
            drawn[lo:hi] = strongest(np.abs(w[lo:hi]), before, limit)
        bucket = np.full(len(w), HIDDEN)
        bucket[drawn] = link_buckets(w[drawn], None if previous is None else previous[drawn])
        self._bucket = bucket
        if previous is None:
            changed = np.arange(N_BUCKETS)
        else:
            moved = previous != bucket
            changed = np.unique(np.concatenate([previous[moved], bucket[moved]]))
            changed = changed[changed != HIDDEN]
        self._redraw(bucket, changed)

    def _redraw(self, bucket: np.ndarray, changed) -> None:
        drawn = np.nonzero(bucket != HIDDEN)[0]
        order = drawn[np.argsort(bucket[drawn], kind="stable")]  # drawn links by bucket
        bounds = np.searchsorted(bucket[order], np.arange(N_BUCKETS + 1))
        for b in changed:
            seg = self.seg[order[bounds[b] : bounds[b + 1]]]
            self.items[b].setData(seg[:, [0, 2]].ravel(), seg[:, [1, 3]].ravel(), connect="pairs")

    # ------------------------------------------------------------------ queries
    def drawn_mask(self) -> np.ndarray:
        return np.zeros(0, bool) if self._bucket is None else self._bucket != HIDDEN

    def counts(self) -> tuple[int, int]:
        """(links drawn, links in the network)."""
        return int(self.drawn_mask().sum()), len(self.seg)

    def link_at(self, q, pixel_size) -> int | None:
        """Index of the drawn link within LINK_HIT_PX of view point q."""
        drawn = np.nonzero(self.drawn_mask())[0]
        if not len(drawn):
            return None
        i = hover.nearest_segment(self.seg[drawn], q, pixel_size, LINK_HIT_PX)
        return None if i is None else int(drawn[i])
