"""NeuronPopup: one neuron, large, next to where it was clicked in the network diagram.

2-D data: the unit's output a over the plane (float32 values (res, res) over the snapshot's
neuron_extent, the
layer's levels, the neuron colour table or a class's ramp for a multiclass output) with the
data points on it, axes named after the plane's coordinates and a colour bar with values.
1-D data: the unit's curve a(x) with the data points on it. d > 2: a note that no map exists.
Below: the formula a = f(Σ wᵢ·xᵢ + b) with the numbers and the incoming weights and bias
(neuron_popup_text). Updated live while open; placed beside the neuron, on screen, right of
the diagram's left edge when it fits (so it does not cover the window's left panel).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from playground.core.data.features import FEATURES, usable_features
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette, scale
from playground.ui.views import neuron_popup_text as text

GAP_PX = 14  # between the neuron and the popup
SIZE = (420, 640)
NO_MAP_HEIGHT = 330  # d > 2: the texts only
MIN_WIDTH = 300  # narrower to fit beside a neuron on a small screen, down to this


def _colormap(lut: np.ndarray) -> pg.ColorMap:
    return pg.ColorMap(np.linspace(0.0, 1.0, len(lut)), lut)


class NeuronPopup(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Tool)
        self.neuron = (0, 0)  # (layer, unit)
        self.resize(*(int(v * scale.factor()) for v in SIZE))
        self.title = QLabel()
        self.title.setWordWrap(True)
        font = QFont()
        font.setPointSizeF(scale.pt(12))
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._build_plot()
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.plot, 3)
        layout.addWidget(scroll, 2)
        self._data = None  # the PointSet the points show
        self._lut_key = None

    def _build_plot(self) -> None:
        self.plot = pg.PlotWidget(background="w", axisItems=items.opaque_axes())
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        items.fast_view(self.plot)
        items.style_axes(self.plot.getPlotItem(), 9)
        self.image = items.FastImage(axisOrder="row-major")
        self.image.setLookupTable(palette.NEURON_LUT)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(*palette.BLUE, width=3))
        self.points = items.PassiveScatter(size=6 * scale.factor(), pxMode=True)
        self.points.setZValue(5)
        for item in (self.image, self.curve, self.points):
            self.plot.addItem(item)
        self.bar = pg.ColorBarItem(
            values=(0.0, 1.0),
            colorMap=_colormap(palette.NEURON_LUT),
            interactive=False,
            width=14,
            colorMapMenu=False,
        )
        self.bar.axis.setTextPen(pg.mkPen(palette.INK))
        self.plot.getPlotItem().layout.addItem(self.bar, 2, 5)
        self.plot.getPlotItem().layout.setContentsMargins(2, 10, 10, 2)  # the bar's end labels

    # ------------------------------------------------------------------ contents
    def show_neuron(self, snap: Snapshot, layer: int, unit: int) -> None:
        self.neuron = (layer, unit)
        self.title.setText(text.title(snap, layer, unit))
        self.setWindowTitle(self.title.text())
        names = input_names(snap)
        self.details.setText(text.details_html(snap, layer, unit, names))
        maps = snap.neuron_maps
        if maps is None or unit >= maps[layer].shape[0]:
            if not self.plot.isHidden():
                self.resize(self.width(), int(NO_MAP_HEIGHT * scale.factor()))
            self.plot.setVisible(False)
            self.note.setText(
                self.tr(
                    "No map for data with more than two inputs: the "
                    "weights below show what the unit computes."
                )
            )
            self.note.setVisible(True)
            return
        self.note.setVisible(False)
        if self.plot.isHidden():
            self.resize(self.width(), int(SIZE[1] * scale.factor()))
        self.plot.setVisible(True)
        values = snap.neuron_values(layer)[unit]
        lo, hi = snap.neuron_levels[layer]
        if values.ndim == 2:
            self._show_map(snap, layer, unit, values, (lo, hi))
        else:
            self._show_curve(snap, values)

    def _show_map(self, snap: Snapshot, layer: int, unit: int, values, levels) -> None:
        x0, x1, y0, y1 = snap.neuron_extent or snap.extent
        ramp = layer == len(snap.spec.hidden) and snap.data.task == "multiclass"
        lut_key = unit if ramp else None
        if lut_key != self._lut_key:
            self._lut_key = lut_key
            lut = palette.class_ramp_lut(unit) if ramp else palette.NEURON_LUT
            self.image.setLookupTable(lut)
            self.bar.setColorMap(_colormap(lut))
        self.plot.getViewBox().setAspectLocked(True)
        self.image.setImage(values, levels=levels, autoLevels=False)
        self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self.bar.setLevels(levels)
        self.bar.setVisible(True)
        self.image.setVisible(True)
        self.curve.setVisible(False)
        names = plane_axes(snap)
        self.plot.setLabel("bottom", names[0])
        self.plot.setLabel("left", names[1])
        if snap.data is not self._data:
            self._data = snap.data
            self._set_points(snap.data, snap.data.X[:, 0], snap.data.X[:, 1])

    def _show_curve(self, snap: Snapshot, values) -> None:
        x0, x1, _y0, _y1 = snap.extent
        xs = np.linspace(x0, x1, len(values))
        self.plot.getViewBox().setAspectLocked(False)
        self.curve.setData(xs, values)
        self.curve.setVisible(True)
        self.image.setVisible(False)
        self.bar.setVisible(False)
        self.plot.setLabel("bottom", plane_axes(snap)[0])
        self.plot.setLabel("left", "a")
        self.plot.enableAutoRange()
        x = snap.data.X[:, 0]
        self._data = None  # the points move with the curve
        self._set_points(snap.data, x, np.interp(x, xs, values))

    def _set_points(self, data, x, y) -> None:
        """The data points: filled training points, hollow test points, class colours."""
        if data.task == "regression":
            rgb = np.tile(np.array(palette.INK), (len(x), 1))
        else:
            rgb = np.array(palette.CLASS_RGB)[np.asarray(data.y, int) % palette.MAX_CLASSES]
        pens = [pg.mkPen(*palette.darken(c[None])[0].astype(int), width=1) for c in rgb]
        brushes = [
            pg.mkBrush(255, 255, 255) if test else pg.mkBrush(*c)
            for c, test in zip(rgb, data.is_test, strict=True)
        ]
        self.points.setData(x=x, y=y, pen=pens, brush=brushes)

    # ------------------------------------------------------------------ placement
    def show_near(self, centre: QPoint, owner: QWidget, half: int = 0) -> None:
        """Show beside the neuron at global `centre` (`half` px from its middle to its edge):
        right of it, else left of it, on the screen and right of owner's left edge when
        possible."""
        screen = QGuiApplication.screenAt(centre) or QGuiApplication.primaryScreen()
        area, left_limit = screen.availableGeometry(), owner.mapToGlobal(QPoint(0, 0)).x()
        self.show()  # the window frame is known once shown; move() places the frame
        frame = self.frameGeometry().size() - self.size()
        self.resize(fitting_size(centre, half, self.size() + frame, area) - frame)
        self.move(popup_position(centre, half, self.size() + frame, area, left_limit))
        self.raise_()


def fitting_size(centre: QPoint, half: int, size, screen: QRect) -> QSize:
    """The popup's size on this screen: no taller than it, and narrow enough (down to
    MIN_WIDTH) to fit beside the neuron."""
    room = max(
        screen.right() + 1 - (centre.x() + half + GAP_PX),
        centre.x() - half - GAP_PX - screen.left(),
    )
    w = size.width() if size.width() <= room else max(min(room, size.width()), MIN_WIDTH)
    return QSize(min(w, screen.width()), min(size.height(), screen.height()))


def popup_position(centre: QPoint, half: int, size, screen: QRect, left_limit: int) -> QPoint:
    """Top-left corner for a popup of `size` beside a neuron at `centre` (half its side:
    `half`): right of it, else left of it, right of left_limit; else left of it over what is
    left of left_limit; else above or below it; always on the screen."""
    w, h = size.width(), size.height()

    def clamp(x: int, y: int) -> QPoint:
        x = min(max(x, screen.left()), screen.right() + 1 - w)
        y = min(max(y, screen.top()), screen.bottom() + 1 - h)
        return QPoint(max(x, screen.left()), max(y, screen.top()))

    y = centre.y() - h // 2
    right, left = centre.x() + half + GAP_PX, centre.x() - half - GAP_PX - w
    for x, floor in ((right, left_limit), (left, left_limit), (left, screen.left())):
        if x >= max(floor, screen.left()) and x + w <= screen.right() + 1:
            return clamp(x, y)
    x = centre.x() - w // 2
    below, above = centre.y() + half + GAP_PX, centre.y() - half - GAP_PX - h
    for y in (below, above):
        if y >= screen.top() and y + h <= screen.bottom() + 1:
            return clamp(x, y)
    return clamp(right, centre.y() - h // 2)


def input_names(snap: Snapshot) -> list[str]:
    """The network's inputs as the diagram names them."""
    if snap.data.dim > 2:
        names = snap.data.feature_names or tuple(f"x{i + 1}" for i in range(snap.data.dim))
        return [n.replace("_", " ") for n in names]
    return [FEATURES[f][0] for f in usable_features(snap.features, snap.data.dim)]


def plane_axes(snap: Snapshot) -> list[str]:
    """Names of the plane's axes: the data's feature names, else x₁ and x₂."""
    names = [n.replace("_", " ") for n in snap.data.feature_names or ()]
    return (names + ["x₁", "x₂"][len(names) :])[:2]
