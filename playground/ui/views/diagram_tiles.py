"""The neuron thumbnails of the network diagram: one image item per column.

2-D data: a column's maps are drawn as one premultiplied ARGB32 image (TileAtlas) of its grid of
t × t tiles with t/4-pixel transparent gaps, which lines up with diagram_layout's tiles (PITCH
= 1.25). The snapshot's uint8 codes index a 256-word colour table directly (no float image, no
levels): hidden units and regression or binary outputs use the diverging neuron table, the
outputs of a multiclass net a white → class colour ramp each.
t is about the tile's size on screen (diagram_style.thumb_px), so a 10 × 64 network resamples
small thumbnails. While training runs, about TILE_PIXELS thumbnail pixels are refreshed per
frame, in rotation over all units; a paused snapshot or a new network refreshes every tile.
1-D data: each unit's curve inside its tile, one curve item per column.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

from playground.live.snapshot import Snapshot
from playground.ui.graphics import palette
from playground.ui.views.diagram_layout import Layout, block_width, column_height
from playground.ui.views.diagram_style import sample_index, thumb_px

TILE_PIXELS = 60_000  # thumbnail pixels refreshed per frame while training runs
NEURON_WORDS = palette.packed_argb(palette.NEURON_LUT)  # (256,) uint32


class TileAtlas(pg.GraphicsObject):
    """rows × cols tiles of t × t px in one image; image row 0 is at the bottom (view y up)."""

    def __init__(self, rows: int, cols: int, t: int, rect: QRectF):
        super().__init__()
        self.rows, self.t, self.gap = rows, t, t // 4
        step = t + self.gap
        self.buffer = np.zeros((rows * step, cols * step), np.uint32)  # gaps stay 0: clear
        self._blocks = self.buffer.reshape(rows, step, cols, step)
        h, w = rows * step - self.gap, cols * step - self.gap
        self.qimage = QImage(
            self.buffer.data, w, h, 4 * cols * step, QImage.Format.Format_ARGB32_Premultiplied
        )
        self.rect = rect

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.update()

    def set_tiles(self, units: np.ndarray, argb: np.ndarray) -> None:
        """argb (k, t, t) words of units (k,); tile row 0 is the map's lowest y."""
        sub, row = np.divmod(units, self.rows)
        self._blocks[self.rows - 1 - row, : self.t, sub, : self.t] = argb
        self.update()

    def tile(self, unit: int) -> np.ndarray:
        """(t, t) words of one unit's tile, as drawn."""
        sub, row = divmod(unit, self.rows)
        return self._blocks[self.rows - 1 - row, : self.t, sub, : self.t]

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter, *args) -> None:
        painter.drawImage(self.rect, self.qimage)


def column_rect(layout: Layout, col: int, shift: float = 0.0) -> QRectF:
    """View rect of a column's tiles (tile edges)."""
    w, h = block_width(layout.cols[col]), column_height(layout.rows[col])
    return QRectF(layout.x[col] - w / 2, shift - h / 2, w, h)


def words_for(snap: Snapshot, layer: int, units: int) -> np.ndarray:
    """(units, 256) colour words per unit of a layer: class ramps for multiclass outputs."""
    if layer == len(snap.spec.hidden) and snap.data.task == "multiclass":
        return np.stack([palette.packed_argb(palette.class_ramp_lut(k)) for k in range(units)])
    return np.broadcast_to(NEURON_WORDS, (units, len(NEURON_WORDS)))


class Thumbnails:
    """The maps of every layer's units inside their tiles (2-D) or as curves (1-D)."""

    def __init__(self, add):
        self._add = add  # puts an item into the diagram's per-structure items
        self.atlases: list[TileAtlas] = []
        self.curves: list[pg.PlotCurveItem] = []
        self._words: list[np.ndarray] = []
        self._index = (np.zeros(0, np.intp), np.zeros(0, np.intp))
        self._cursor = 0

    def build(self, snap: Snapshot, layout: Layout, io_shift: float) -> None:
        self.atlases, self.curves, self._words, self._cursor = [], [], [], 0
        maps = snap.neuron_maps
        if maps is None:
            return
        for layer, codes in enumerate(maps):
            col = layer + 1
            if codes.ndim == 3:
                t = thumb_px(layout.scale, codes.shape[1])
                shift = io_shift if col == len(layout.sizes) - 1 else 0.0
                atlas = TileAtlas(
                    layout.rows[col], layout.cols[col], t, column_rect(layout, col, shift)
                )
                atlas.setZValue(1)
                self._add(atlas)
                self.atlases.append(atlas)
                self._words.append(words_for(snap, layer, codes.shape[0]))
                self._index = (sample_index(codes.shape[1], t), sample_index(codes.shape[2], t))
            else:
                curve = pg.PlotCurveItem(pen=pg.mkPen(*palette.BLUE, width=2), connect="finite")
                curve.setZValue(1)
                self._add(curve)
                self.curves.append(curve)

    def move_output(self, layout: Layout, io_shift: float) -> None:
        if self.atlases:
            self.atlases[-1].set_rect(column_rect(layout, len(layout.sizes) - 1, io_shift))

    def update(self, snap: Snapshot, centres: list[np.ndarray], everything: bool) -> None:
        """Draw the snapshot's maps: all tiles, or the next share of them in rotation."""
        maps = snap.neuron_maps
        if maps is None:
            return
        if self.atlases:
            self._update_tiles(maps, everything)
            return
        for layer, curve in enumerate(self.curves):
            lo, hi = snap.neuron_levels[layer]
            curve.setData(*curve_xy(centres[layer + 1], snap.neuron_values(layer), lo, hi))

    def _update_tiles(self, maps, everything: bool) -> None:
        sizes = [m.shape[0] for m in maps]
        total, t = sum(sizes), self.atlases[0].t
        share = total if everything else min(total, max(1, TILE_PIXELS // (t * t)))
        picked = (self._cursor + np.arange(share)) % total  # global unit numbers
        self._cursor = int((self._cursor + share) % total)
        starts = np.cumsum([0, *sizes])
        iy, ix = self._index
        for layer, codes in enumerate(maps):
            units = picked[(picked >= starts[layer]) & (picked < starts[layer + 1])]
            units = np.sort(units - starts[layer])
            if not len(units):
                continue
            sampled = codes[units][:, iy[:, None], ix[None, :]]  # (k, t, t) uint8
            words = self._words[layer]
            argb = words[units[:, None, None], sampled]  # (k, t, t) uint32
            self.atlases[layer].set_tiles(units, argb)


def curve_xy(centres: np.ndarray, maps: np.ndarray, lo: float, hi: float):
    """(x, y) of every unit's curve maps (n, res) inside its tile at centres (n, 2),
    NaN-separated."""
    n, res = maps.shape
    xs = centres[:, :1] - 0.5 + np.linspace(0.05, 0.95, res)[None, :]  # (n, res)
    ys = centres[:, 1:] + ((maps - lo) / (hi - lo) - 0.5) * 0.9
    x = np.hstack([xs, np.full((n, 1), np.nan)]).ravel()
    y = np.hstack([np.clip(ys, -1e6, 1e6), np.full((n, 1), np.nan)]).ravel()
    return x, y
