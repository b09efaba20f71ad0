"""Colour-blind-safe colours (Okabe–Ito) and fixed 256-entry lookup tables for the views.

Lookup tables are uint8 RGBA arrays (n, 4), n ≤ 256, built once at import. Images are drawn with
explicit levels (lo, hi); pyqtgraph maps value v to entry floor((v − lo) / (hi − lo) · n).

Class decision map (one table for every class count): entry k·CLASS_STEPS + s is class k at
confidence step s ∈ [0, CLASS_STEPS): s = 0 is white, the last step the class colour blended
MAP_STRENGTH of the way from white (the map stays light so the points on top stay readable).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QImage, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

# Okabe & Ito (2008) "Color Universal Design": safe for deuteranopia, protanopia, tritanopia.
ORANGE = (230, 159, 0)
SKY_BLUE = (86, 180, 233)
GREEN = (0, 158, 115)
YELLOW = (240, 228, 66)
BLUE = (0, 114, 178)
VERMILLION = (213, 94, 0)
PURPLE = (204, 121, 167)
INK = (34, 34, 34)  # text and outlines: near-black reads better than pure black on a projector
GRID = (200, 200, 200)

# Class 0 orange and class 1 blue, as in TensorFlow Playground; then the strongest remaining hues.
CLASS_RGB = (ORANGE, BLUE, GREEN, PURPLE, VERMILLION, SKY_BLUE)
MAX_CLASSES = len(CLASS_RGB)
NEGATIVE_RGB, POSITIVE_RGB = ORANGE, BLUE  # signs of weights and of real values

CLASS_STEPS = 42  # confidence steps per class: 6 · 42 = 252 ≤ 256 entries
MAP_STRENGTH = 0.55  # how far the most confident map colour goes from white to the class colour
WHITE = np.array([255, 255, 255], np.float64)


def qcolor(rgb: tuple[int, int, int], alpha: int = 255) -> QColor:
    return QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]), int(alpha))


def class_color(k: int, alpha: int = 255) -> QColor:
    return qcolor(CLASS_RGB[k % MAX_CLASSES], alpha)


def _blend(rgb, t: np.ndarray) -> np.ndarray:
    """(len(t), 3) colours t of the way from white to rgb."""
    t = np.asarray(t, np.float64)[:, None]
    return WHITE * (1.0 - t) + np.asarray(rgb, np.float64) * t


def _rgba(rgb: np.ndarray) -> np.ndarray:
    lut = np.empty((len(rgb), 4), np.uint8)
    lut[:, :3] = np.clip(np.round(rgb), 0, 255)
    lut[:, 3] = 255
    return lut


def _class_lut() -> np.ndarray:
    steps = np.linspace(0.0, MAP_STRENGTH, CLASS_STEPS)
    return _rgba(np.vstack([_blend(rgb, steps) for rgb in CLASS_RGB]))


def _diverging_lut(strength: float, n: int = 256) -> np.ndarray:
    """Orange (low) → white (middle) → blue (high), `strength` of the way from white at the ends."""
    t = np.linspace(-1.0, 1.0, n)
    neg = _blend(NEGATIVE_RGB, np.clip(-t, 0, 1) * strength)
    pos = _blend(POSITIVE_RGB, np.clip(t, 0, 1) * strength)
    return _rgba(np.where(t[:, None] < 0, neg, pos))


CLASS_LUT = _class_lut()  # (252, 4) decision map of up to 6 classes
CLASS_LEVELS = (0.0, float(len(CLASS_LUT)))
DIVERGING_LUT = _diverging_lut(MAP_STRENGTH)  # (256, 4) decision map for regression
NEURON_LUT = _diverging_lut(1.0)  # (256, 4) full-strength map for neuron thumbnails
for _lut in (CLASS_LUT, DIVERGING_LUT, NEURON_LUT):
    _lut.setflags(write=False)


def class_map_index(cls: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """CLASS_LUT entry (+0.5, float32) for classes (…) int at strengths in [0, 1] (…)."""
    s = np.clip(strength, 0.0, 1.0) * (CLASS_STEPS - 1)
    out = cls.astype(np.float32) * CLASS_STEPS
    out += np.floor(s + 0.5).astype(np.float32)
    out += 0.5
    return out


def over_white(rgb, alpha: int) -> tuple[int, int, int]:
    """The opaque colour of rgb drawn with opacity alpha ∈ [0, 255] on white.

    Opaque pens and brushes take the raster engine's fast path (about 10× faster than blended
    strokes): views draw translucent-looking lines with these.
    """
    out = _blend(rgb, np.array([alpha / 255.0]))[0]
    return tuple(int(v) for v in np.clip(np.round(out), 0, 255))


def packed_argb(lut: np.ndarray) -> np.ndarray:
    """(n,) uint32 premultiplied ARGB words (0xAARRGGBB) of an RGBA uint8 table (n, 4)."""
    lut = np.asarray(lut, np.uint32)
    a = lut[:, 3]
    r, g, b = ((lut[:, i] * a + 127) // 255 for i in range(3))
    return (a << 24) | (r << 16) | (g << 8) | b


def lut_argb(values: np.ndarray, lo: float, hi: float, words: np.ndarray) -> np.ndarray:
    """(…) uint32 words of values (…) on [lo, hi]: entry floor((v − lo) / (hi − lo) · n), clipped
    to the table as pyqtgraph maps levels; NaN → 0 (transparent)."""
    n = len(words)
    v = np.asarray(values, np.float32)
    scaled = (v - np.float32(lo)) * np.float32(n / (hi - lo) if hi != lo else 0.0)
    idx = np.fmin(np.fmax(scaled, 0), n - 1).astype(np.intp)  # fmax: NaN → 0
    out = np.take(words, idx)
    out[np.isnan(v)] = 0
    return out


def darken(rgb: np.ndarray, amount: float = 0.35) -> np.ndarray:
    """(n, 3) colours moved `amount` of the way towards INK (keeps white rings visible)."""
    return np.asarray(rgb, np.float64) * (1 - amount) + np.asarray(INK, np.float64) * amount


def diverging_rgb(values: np.ndarray, limit: float) -> np.ndarray:
    """(n, 3) uint8 NEURON_LUT colours of values on the symmetric scale [−limit, limit]."""
    t = np.clip(np.asarray(values, np.float64) / max(limit, 1e-12), -1.0, 1.0)
    idx = np.round((t + 1.0) * 0.5 * (len(NEURON_LUT) - 1)).astype(np.int64)
    return NEURON_LUT[idx, :3]


LABEL_OVERHANG = 9  # px a tick label may reach past the end of its axis


class OpaqueAxis(pg.AxisItem):
    """An axis whose grid and tick lines are opaque (pre-blended on white), cached as a pixmap.

    pyqtgraph draws grid lines with a translucent pen across the whole plot: blended strokes are
    the slowest raster path, and they repaint whenever anything in the plot changes. Here the
    lines are opaque and sit under the view box (z below it), and the axis is re-rendered only
    when its ticks change.
    """

    def __init__(self, orientation: str, **kw):
        super().__init__(orientation, **kw)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self):  # noqa: N802
        """pyqtgraph drops a tick label that leaves this rect; with a grid it has no margin,
        so the labels at the ends of the range vanished: allow LABEL_OVERHANG px along the axis."""
        m = LABEL_OVERHANG
        rect = super().boundingRect()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -m, 0, m)
        return rect.adjusted(-m, 0, m, 0)

    def generateDrawSpecs(self, p):  # noqa: N802 (pyqtgraph naming)
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        pens = {}  # one pen per tick level: (rgba) -> opaque pen
        opaque = []
        for pen, p1, p2 in tick_specs:
            color = pen.color()
            key = color.rgba()
            if key not in pens:
                pens[key] = pen
                if color.alpha() < 255:
                    pens[key] = QPen(pen)
                    rgb = (color.red(), color.green(), color.blue())
                    pens[key].setColor(qcolor(over_white(rgb, color.alpha())))
            opaque.append((pens[key], p1, p2))
        return axis_spec, opaque, text_specs


def opaque_axes() -> dict:
    """axisItems for a PlotItem / PlotWidget: opaque cached left and bottom axes."""
    return {"left": OpaqueAxis("left"), "bottom": OpaqueAxis("bottom")}


def style_axes(plot: pg.PlotItem, point_size: float) -> None:
    """INK axes and labels at point_size; no SI prefixes; axes (and grids) under the curves;
    a right margin so the last tick label and the curves' ends stay inside the widget."""
    plot.layout.setContentsMargins(2, 2, 12, 2)
    font = QFont()
    font.setPointSizeF(point_size)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setZValue(-200)  # the view box is at −100 and has no background
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)


class FastImage(pg.ImageItem):
    """ImageItem for a float image (h, w) with explicit levels and an RGBA lookup table (n ≤ 256).

    Rendered to a premultiplied ARGB32 buffer (NaN → transparent) that the raster engine scales
    without a format conversion: about 5× cheaper to draw than pyqtgraph's Indexed8 image.
    The logical image, levels and table stay pyqtgraph's (image, levels, lut).
    """

    def render(self):
        self._unrenderable = True
        if self.image is None or self.image.size == 0 or self.lut is None or self.levels is None:
            return
        lo, hi = (float(v) for v in np.ravel(self.levels)[:2])
        if id(self.lut) != getattr(self, "_words_of", None):
            self._words, self._words_of = packed_argb(self.lut), id(self.lut)
        argb = lut_argb(self.image, lo, hi, self._words)  # (h, w) uint32
        h, w = argb.shape
        self._argb = argb  # the QImage borrows this buffer
        self.qimage = QImage(argb.data, w, h, 4 * w, QImage.Format.Format_ARGB32_Premultiplied)
        self._renderRequired = False
        self._unrenderable = False


LEGEND_ROW_PX = 24  # height of the one-row legend above a plot (a 10 pt label row)


def legend_above(plot: pg.PlotItem, columns: int, size: str = "10pt") -> pg.LegendItem:
    """A one-row legend in the plot's (empty) title row, right-aligned: it never covers data."""
    plot.layout.setRowFixedHeight(0, LEGEND_ROW_PX)
    legend = pg.LegendItem(colCount=columns, labelTextSize=size, labelTextColor=INK,
                           frame=False, horSpacing=12)
    legend.layout.setContentsMargins(0, 0, 0, 0)
    legend.setParentItem(plot)
    legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 0))
    return legend


def fast_view(view: QGraphicsView) -> None:
    """Repaint the bounding rect of what changed: a (default) minimal region of many rects
    makes every draw clip against a complex region, about 2× slower for images and links."""
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
