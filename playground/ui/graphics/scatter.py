"""Points coloured by class that move every frame, drawn cheaply.

pyqtgraph applies a list of brushes point by point (a Python loop over n), so a view that moved
10,000 coloured points each frame spent most of its time there. Here each class is one scatter
item with one brush: moving the points sets positions only. Regression targets (one colour per
point) keep a per-point list, built once per data set.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.ui.graphics import palette
from playground.ui.graphics.items import PassiveScatter


class ClassScatter:
    """Up to MAX_CLASSES scatter items (one per class) plus one for per-point colours."""

    def __init__(self, plot, size: float, pen):
        self.items = [
            PassiveScatter(size=size, pen=pen, brush=pg.mkBrush(palette.class_color(k)))
            for k in range(palette.MAX_CLASSES)
        ]
        self.valued = PassiveScatter(size=size, pen=pen)
        for item in (*self.items, self.valued):
            plot.addItem(item)
        self._source: object = None
        self._shape: tuple = ()
        self._groups: list[np.ndarray] = []  # per class: indices into the points shown
        self._brushes: list | None = None

    def set_points(
        self, pos: np.ndarray, labels: np.ndarray, source: object, regression: bool = False
    ) -> None:
        """pos (n, 2); labels (n,): class numbers, or target values when `regression`;
        `source`: what the labels come from (the grouping is redone when it is another)."""
        shape = (len(labels), regression)
        if source is not self._source or shape != self._shape:
            self._source, self._shape = source, shape
            self._regroup(labels, regression)
        if regression:
            self.valued.setData(pos=pos, brush=self._brushes)
            return
        for item, idx in zip(self.items, self._groups, strict=True):
            item.setData(pos=pos[idx])

    def _regroup(self, labels: np.ndarray, regression: bool) -> None:
        empty = np.zeros((0, 2))
        if regression:
            limit = float(np.abs(labels).max()) if len(labels) else 1.0
            self._brushes = [pg.mkBrush(*c) for c in palette.diverging_rgb(labels, limit)]
            self._groups = [np.zeros(0, np.int64)] * palette.MAX_CLASSES
            for item in self.items:
                item.setData(pos=empty)
            return
        self._brushes = None
        self.valued.setData(pos=empty)
        classes = np.asarray(labels) % palette.MAX_CLASSES
        self._groups = [np.flatnonzero(classes == k) for k in range(palette.MAX_CLASSES)]

    def drawn(self) -> tuple[np.ndarray, list]:
        """(positions (n, 2), brush colour per point) as the items hold them, in input order."""
        if self._brushes is not None:
            x, y = self.valued.getData()
            return np.column_stack([x, y]), [b.color().getRgb() for b in self._brushes]
        n = sum(len(idx) for idx in self._groups)
        pos, colours = np.full((n, 2), np.nan), [None] * n
        for item, idx in zip(self.items, self._groups, strict=True):
            x, y = item.getData()
            pos[idx] = np.column_stack([x, y]) if len(idx) else pos[idx]
            rgba = item.opts["brush"].color().getRgb()
            for i in idx:
                colours[i] = rgba
        return pos, colours

    def clear(self) -> None:
        self._source = None
        for item in (*self.items, self.valued):
            item.setData(pos=np.zeros((0, 2)))
