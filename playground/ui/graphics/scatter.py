"""Points coloured by class that move or change often, drawn cheaply.

pyqtgraph applies a list of brushes point by point (a Python loop over n), so setting 20,000
coloured points took ~150 ms — on every click and every mouse move of a drag. Here each class is
one scatter item with one style: moving the points sets positions only. Points with a colour of
their own (regression targets) keep a per-point list, built once per data set.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from playground.ui.graphics import palette
from playground.ui.graphics.items import PassiveScatter

HOLLOW_PEN_W = 2.2  # the ring of a hollow point (a test point)


class ClassScatter:
    """Up to MAX_CLASSES scatter items (one per class) plus one for per-point colours.

    Filled points: class-coloured brush, `pen` outline. Hollow points (`hollow`): white fill,
    class-coloured ring."""

    def __init__(self, plot, size: float, pen=None, hollow: bool = False, cached: bool = False):
        """`cached`: points that rarely move are kept as a pixmap (a map repainted under
        them every frame then costs a blit, not n symbols)."""
        self.hollow = hollow
        white = pg.mkBrush(255, 255, 255)
        self.items = [
            PassiveScatter(size=size, **self._style(palette.class_color(k), pen, white))
            for k in range(palette.MAX_CLASSES)
        ]
        self.valued = PassiveScatter(size=size, pen=pen, brush=white)
        for item in (*self.items, self.valued):
            plot.addItem(item)
            if cached:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._pen = pen
        self._source: object = None
        self._shape: tuple = ()
        self._groups: list[np.ndarray] = []  # per class: indices into the points shown
        self._styles: list | None = None  # per point, in valued mode

    def _style(self, colour, pen, white) -> dict:
        if self.hollow:
            return {"brush": white, "pen": pg.mkPen(colour, width=HOLLOW_PEN_W)}
        return {"brush": pg.mkBrush(colour), "pen": pen}

    def set_points(
        self, pos: np.ndarray, labels: np.ndarray, source: object, rgb: np.ndarray | None = None
    ) -> None:
        """pos (n, 2); labels (n,) class numbers, or `rgb` (n, 3): a colour per point;
        `source`: what labels and colours come from (regrouped when it is another)."""
        shape = (len(pos), rgb is None)
        if source is not self._source or shape != self._shape:
            self._source, self._shape = source, shape
            self._regroup(labels, rgb)
        if self._styles is not None:
            key = "pen" if self.hollow else "brush"
            self.valued.setData(pos=pos, **{key: self._styles})
            return
        for item, idx in zip(self.items, self._groups, strict=True):
            item.move_to(pos[idx])

    def _regroup(self, labels: np.ndarray, rgb: np.ndarray | None) -> None:
        empty = np.zeros((0, 2))
        if rgb is not None:
            if self.hollow:
                self._styles = [pg.mkPen(*c, width=HOLLOW_PEN_W) for c in palette.darken(rgb)]
            else:
                self._styles = [pg.mkBrush(*c) for c in rgb]
            self._groups = [np.zeros(0, np.int64)] * palette.MAX_CLASSES
            for item in self.items:
                item.setData(pos=empty)
            return
        self._styles = None
        self.valued.setData(pos=empty)
        classes = np.asarray(labels) % palette.MAX_CLASSES
        self._groups = [np.flatnonzero(classes == k) for k in range(palette.MAX_CLASSES)]

    def count(self) -> int:
        """Points drawn."""
        if self._styles is not None:
            return len(self.valued.data)
        return sum(len(item.data) for item in self.items)

    def drawn(self) -> tuple[np.ndarray, list]:
        """(positions (n, 2), colour per point: fill, or ring when hollow) in input order."""
        attr = "pen" if self.hollow else "brush"
        if self._styles is not None:
            x, y = self.valued.getData()
            return np.column_stack([x, y]), [s.color().getRgb() for s in self._styles]
        n = sum(len(idx) for idx in self._groups)
        pos, colours = np.full((n, 2), np.nan), [None] * n
        for item, idx in zip(self.items, self._groups, strict=True):
            if len(idx):
                x, y = item.getData()
                pos[idx] = np.column_stack([x, y])
            rgba = item.opts[attr].color().getRgb()
            for i in idx:
                colours[i] = rgba
        return pos, colours

    def set_visible(self, on: bool) -> None:
        for item in (*self.items, self.valued):
            item.setVisible(on)

    def clear(self) -> None:
        self._source = None
        for item in (*self.items, self.valued):
            item.setData(pos=np.zeros((0, 2)))
