"""pyqtgraph items and view settings the views share: opaque cached axes, a fast float image,
one-row legends above plots, scatter points that leave clicks to the view box, many small text
labels in one item."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from playground.ui.graphics import scale
from playground.ui.graphics.palette import INK, lut_argb, over_white, packed_argb, qcolor

LABEL_OVERHANG = 9  # px a tick label may reach past the end of its axis
MIN_LABEL_PX = 20  # px between the labels of a vertical axis at least


def _nice_at_least(x: float) -> float:
    """The smallest 1, 2 or 5 × 10^k that is ≥ x > 0."""
    p = 10.0 ** np.floor(np.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * p >= x * (1 - 1e-12):
            return float(m * p)
    return float(10 * p)


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

    def boundingRect(self):
        """pyqtgraph drops a tick label that leaves this rect; with a grid it has no margin,
        so the labels at the ends of the range vanished: allow LABEL_OVERHANG px along the axis."""
        m = LABEL_OVERHANG
        rect = super().boundingRect()
        if self.orientation in ("left", "right"):
            return rect.adjusted(0, -m, 0, m)
        return rect.adjusted(-m, 0, m, 0)

    def tickSpacing(self, minVal, maxVal, size):
        """pyqtgraph's levels, with vertical major ticks at least MIN_LABEL_PX apart (a short
        plot otherwise stacks its labels on top of each other)."""
        levels = super().tickSpacing(minVal, maxVal, size)
        dif = abs(maxVal - minVal)
        if self.orientation not in ("left", "right") or not levels or dif == 0 or size <= 0:
            return levels
        need = MIN_LABEL_PX * scale.factor() * dif / size  # the smallest readable spacing
        if levels[0][0] >= need:
            return levels
        return [(_nice_at_least(need), 0)]

    def generateDrawSpecs(self, p):
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


class CountAxis(OpaqueAxis):
    """An axis of whole numbers (epochs, steps): tick spacing never below 1."""

    def tickSpacing(self, minVal, maxVal, size):
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(max(spacing, 1.0), offset) for spacing, offset in levels]
        return list(dict.fromkeys(whole))


def opaque_axes(count_x: bool = False) -> dict:
    """axisItems for a PlotItem / PlotWidget: opaque cached left and bottom axes (the bottom
    one of whole numbers when count_x)."""
    return {
        "left": OpaqueAxis("left"),
        "bottom": CountAxis("bottom") if count_x else OpaqueAxis("bottom"),
    }


def style_axes(plot: pg.PlotItem, point_size: float) -> None:
    """INK axes and labels at point_size; no SI prefixes; axes (and grids) under the curves;
    a right margin so the last tick label and the curves' ends stay inside the widget."""
    plot.layout.setContentsMargins(2, 2, 12, 2)
    font = QFont()
    font.setPointSizeF(scale.pt(point_size))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setZValue(-200)  # the view box is at −100 and has no background
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
        axis.setTickFont(font)
        axis.enableAutoSIPrefix(False)


class PassiveScatter(pg.ScatterPlotItem):
    """Points that leave every click to the view box (pyqtgraph's scatter accepts clicks)."""

    def mouseClickEvent(self, ev):
        ev.ignore()

    def move_to(self, pos: np.ndarray) -> None:
        """The same points (one style) at new positions pos (n, 2). setData would look up each
        point's symbol again, a Python loop over n (57 ms for 10,000); a move writes x and y."""
        if len(pos) != len(self.data) or not len(pos):
            self.setData(pos=pos)
            return
        self.data["x"] = pos[:, 0]
        self.data["y"] = pos[:, 1]
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()


class FastImage(pg.ImageItem):
    """ImageItem for a float image (h, w) with explicit levels and an RGBA lookup table (n ≤ 256).

    Rendered to a premultiplied ARGB32 buffer (NaN → transparent) that the raster engine scales
    without a format conversion: about 5× cheaper to draw than pyqtgraph's Indexed8 image.
    The logical image, levels and table stay pyqtgraph's (image, levels, lut). An image coarser
    than SMOOTH_BELOW pixels a side (a wide network's map while it trains) is drawn with
    bilinear filtering instead of blocks.
    """

    SMOOTH_BELOW = 160

    def paint(self, p, *args):
        if self.image is not None and max(self.image.shape[:2]) < self.SMOOTH_BELOW:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        super().paint(p, *args)

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


def legend_above(plot: pg.PlotItem, columns: int, size: float = 10.0) -> pg.LegendItem:
    """A one-row legend in the plot's (empty) title row, right-aligned: it never covers data."""
    plot.layout.setRowFixedHeight(0, LEGEND_ROW_PX * scale.factor())
    legend = pg.LegendItem(
        colCount=columns,
        labelTextSize=f"{scale.pt(size):.1f}pt",
        labelTextColor=INK,
        frame=False,
        horSpacing=12,
    )
    legend.layout.setContentsMargins(0, 0, 0, 0)
    legend.setParentItem(plot)
    legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 0))
    return legend


def fast_view(view: QGraphicsView) -> None:
    """Repaint the bounding rect of what changed: a (default) minimal region of many rects
    makes every draw clip against a complex region, about 2× slower for images and links."""
    view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    view.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)


class ScrollViewBox(pg.ViewBox):
    """Left click calls on_click(view point); the wheel scrolls by `step` view units,
    Ctrl+wheel zooms."""

    def __init__(self, on_click, step: float = 2.6):
        super().__init__(lockAspect=True, enableMenu=False)
        self._on_click = on_click
        self._step = step

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._on_click(self.mapSceneToView(ev.scenePos()))
        else:
            super().mouseClickEvent(ev)

    def wheelEvent(self, ev, axis=None):
        """Wheel scrolls up/down; Ctrl + wheel zooms."""
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(ev, axis)
            return
        ev.accept()
        self.translateBy(y=ev.delta() / 120 * self._step)


class PixelLabels(pg.GraphicsObject):
    """Short texts at view positions, drawn at screen size (the view's scale does not stretch
    them) on a white fill, vertically centred: one item and one paint call for many labels (a
    TextItem per label lays out a text document on every change). side[i] = +1: the text starts
    at its position; −1: it ends there; 0: it is centred on it."""

    PAD = 2.0  # px of fill left and right of a text

    def __init__(self, font: QFont):
        super().__init__()
        self._font, self._metrics = font, QFontMetricsF(font)
        self._pos = np.zeros((0, 2))
        self._side = np.zeros(0)
        self.texts: list[str] = []  # what is drawn ("" draws nothing)
        self._colors: list[QColor] = []
        self._widths: list[float] = []
        self._box = QRectF()

    def set_labels(
        self, pos: np.ndarray, side: np.ndarray, texts: list[str], colors: list[QColor]
    ) -> None:
        """Positions (n, 2) in view units, sides (n,), texts and pens' colours."""
        self.prepareGeometryChange()
        self._pos, self._side = np.asarray(pos, np.float64), np.asarray(side, np.float64)
        self.texts, self._colors = list(texts), list(colors)
        self._widths = [self._metrics.horizontalAdvance(t) if t else 0.0 for t in texts]
        if len(self._pos):
            (x0, y0), (x1, y1) = self._pos.min(axis=0), self._pos.max(axis=0)
            self._box = QRectF(x0, y0, x1 - x0, y1 - y0)
        else:
            self._box = QRectF()
        self.update()

    def text_width(self, text: str) -> float:
        return self._metrics.horizontalAdvance(text)

    def boundingRect(self) -> QRectF:
        if not any(self.texts):
            return QRectF()
        px, py = abs(self.pixelWidth()), abs(self.pixelHeight())  # view units per pixel
        w = (max(self._widths) + 2 * self.PAD) * px
        h = self._metrics.height() * py
        return self._box.adjusted(-w, -h, w, h)

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        self.prepareGeometryChange()  # the pixel-sized margins changed in view units

    def paint(self, painter, *args) -> None:
        to_device = painter.transform()
        painter.resetTransform()
        painter.setFont(self._font)
        h = self._metrics.height()
        fill = QColor(255, 255, 255, 225)
        for (x, y), side, text, width, color in zip(
            self._pos, self._side, self.texts, self._widths, self._colors, strict=True
        ):
            if not text:
                continue
            q = to_device.map(QPointF(x, y))
            left = q.x() - (width / 2 + self.PAD) * (1 - side)  # side 0: centred on q
            rect = QRectF(left, q.y() - h / 2, width + 2 * self.PAD, h)
            painter.fillRect(rect, fill)
            painter.setPen(color)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
