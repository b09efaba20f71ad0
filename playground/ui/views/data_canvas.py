"""DataCanvas: the plane with the points and, under them, the network's decision map.

Passive view: it draws a PointSet and a Snapshot and turns mouse gestures into requests (add /
remove / moveRequested; Shift+click: pinRequested; Ctrl+click: regionRequested; the pointer:
hovered, at most HOVER_HZ times a second); the session decides what happens.
2-D data: decision map image (Snapshot.output_map, row i = y, column j = x) under the points.
The view is the user's: fit to the data (a new data set; Reset view), zoomed with the wheel, never
moved by a click; the visible rectangle goes out as planeChanged so the maps cover just that.
1-D data: points (x, target) and the network's curve (output_map (res,) over x).
d > 2 (iris): the first two (standardized) features as a scatter, with a note; no map.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.core.data.pointset import PLANE_EXTENT, PointSet
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette
from playground.ui.graphics.scatter import ClassScatter
from playground.ui.graphics.widgets import Throttle
from playground.ui.views.canvas_gestures import GestureViewBox
from playground.ui.views.canvas_map import (
    class_image,
    data_extent,
    plane_xy,
    point_rgb,
    regression_image,
)

PICK_RADIUS_PX = 14.0  # a press this close to a point grabs it
POINT_SIZE = 9.0
HOVER_HZ = 30  # hovered signals per second at most
PLANE_HZ = 8  # planeChanged signals per second at most
FIT_MARGIN = 0.06  # fit_to_data: room around the data, as a share of its span


class DataCanvas(QWidget):
    addRequested = Signal(float, float)
    removeRequested = Signal(int)
    moveRequested = Signal(int, float, float)
    hovered = Signal(float, float)  # the pointer's plane position (throttled)
    pinRequested = Signal(float, float)  # Shift+click: pin (or unpin) the inspector here
    regionRequested = Signal(float, float)  # Ctrl+click: select the linear region here
    planeChanged = Signal(object)  # (x0, x1, y0, y1): the plane rectangle shown (2-D data)
    read_only = False  # True: clicks and drags do nothing (the compare window only shows)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: PointSet | None = None
        self._show_test = True
        self._eraser = False
        self._drag_index: int | None = None
        self._xy = np.zeros((0, 2))  # drawn positions of all points (n, 2), plane coordinates
        self._visible = np.zeros(0, bool)  # (n,) drawn and pickable
        self._map_mode = ""  # "class" | "regression": which lookup table the image holds
        self._extent = PLANE_EXTENT
        self._hover = Throttle(1000 // HOVER_HZ, lambda p: self.hovered.emit(*p), self)
        self._plane = Throttle(1000 // PLANE_HZ, self.planeChanged.emit, self)
        self._build()
        self.view.sigRangeChanged.connect(self._range_changed)

    # ------------------------------------------------------------------ construction
    def _build(self) -> None:
        self.view = GestureViewBox(self._on_click, self._on_drag, self.zoomable)
        self.plot_widget = pg.PlotWidget(
            viewBox=self.view, background="w", axisItems=items.opaque_axes()
        )
        self.plot_widget.setMinimumSize(240, 240)
        items.fast_view(self.plot_widget)
        self.plot_item = self.plot_widget.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.view.setAspectLocked(True)
        items.style_axes(self.plot_item, 11)
        # room for the half of the top / right tick labels that sticks out past the plot
        self.plot_item.layout.setContentsMargins(2, 10, 18, 2)
        font = QFont()
        font.setPointSizeF(11)
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).label.setFont(font)
        self._build_layers()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self._set_extent(PLANE_EXTENT)

    def _build_layers(self) -> None:
        """Bottom to top: map image, single-map line, curve, points, note, markers."""
        self.image = items.FastImage(axisOrder="row-major")
        self.image.setZValue(-10)
        self.view.addItem(self.image)
        self.single_map = pg.PlotCurveItem(
            pen=pg.mkPen(*palette.INK, width=2.5, style=Qt.PenStyle.DashLine)
        )
        self.single_map.setZValue(-4)
        self.single_map.setVisible(False)
        self.view.addItem(self.single_map)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(palette.BLUE, width=3.5))
        self.curve.setZValue(-5)
        self.view.addItem(self.curve)
        self.train_points = ClassScatter(
            self.view, POINT_SIZE, pg.mkPen(*palette.INK, 170, width=1.0), cached=True
        )
        self.test_points = ClassScatter(self.view, POINT_SIZE, hollow=True, cached=True)
        self.note = pg.TextItem(
            color=palette.INK, anchor=(0.5, 0.0), fill=pg.mkBrush(255, 255, 255, 220)
        )
        self.note.setVisible(False)
        self.view.addItem(self.note, ignoreBounds=True)
        self._build_markers()
        # every move (the scene's sigMouseMoved drops those < 10 ms apart, maybe the last one)
        self.plot_widget.viewport().installEventFilter(self)
        for item in (
            self.image,
            self.curve,
            self.note,
            self.single_map,
            self.pin_marker,
            self.drag_marker,
            *self.train_points.items,
            *self.test_points.items,
        ):
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def _build_markers(self) -> None:
        self.pin_marker = items.PassiveScatter(pxMode=True)  # a ring and a cross at the pin
        self.pin_marker.setZValue(5)
        self.view.addItem(self.pin_marker, ignoreBounds=True)
        self.drag_marker = items.PassiveScatter(
            size=POINT_SIZE + 6, brush=None, pen=pg.mkPen(*palette.INK, width=2)
        )  # where a dragged point will land
        self.view.addItem(self.drag_marker, ignoreBounds=True)

    # ------------------------------------------------------------------ public API
    def zoomable(self) -> bool:
        return self._data is not None and self._data.dim == 2

    def fit_to_data(self) -> None:
        """Show the data's bounding box with FIT_MARGIN around it (the standard plane without
        two distinct points); the maps then cover what is shown."""
        data = self._data
        if data is None or data.dim != 2:
            return
        extent = PLANE_EXTENT
        if data.n >= 2:
            lo, hi = data.X[:, :2].min(axis=0), data.X[:, :2].max(axis=0)
            if (hi - lo).max() > 1e-6:
                pad = FIT_MARGIN * (hi - lo).max()
                extent = (lo[0] - pad, hi[0] + pad, lo[1] - pad, hi[1] + pad)
        self._extent = tuple(float(v) for v in extent)
        x0, x1, y0, y1 = self._extent
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)

    def visible_plane(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.view.viewRange()
        return (float(x0), float(x1), float(y0), float(y1))

    def _range_changed(self, *_args) -> None:
        if self.zoomable():
            self._plane.push(self.visible_plane())

    def set_eraser(self, on: bool) -> None:
        self._eraser = bool(on)
        self.plot_widget.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if on else Qt.CursorShape.CrossCursor
        )

    def set_points(self, data: PointSet, show_test: bool = True) -> None:
        """Draw the points: filled discs for training points, hollow rings for test points.
        The first 2-D data shown is fitted in view (later ones when fit_to_data is called)."""
        first = self._data is None or self._data.dim != data.dim
        self._data, self._show_test = data, bool(show_test)
        self._drag_index = None
        self._xy = plane_xy(data)
        self._visible = ~data.is_test | self._show_test
        self._masks = (~data.is_test, data.is_test & self._show_test)
        self._rgb = point_rgb(data)
        self._source = object()  # a new grouping of the points into styles
        self._redraw_points()
        self._set_note(data)
        self._set_axes(data)
        if data.dim != 2:
            self._set_extent(data_extent(data))
        elif first:
            self.fit_to_data()

    def show_snapshot(self, snap: Snapshot, discretize: bool = False) -> None:
        """Draw the snapshot's decision map (2-D) or curve (1-D); points follow snap.data."""
        if self._data is not snap.data and self._data != snap.data:  # equal copies arrive
            self.set_points(snap.data, self._show_test)  # from the training process
        dim = snap.data.dim
        if dim == 1:  # a little room past the curve's ends
            x0, x1, y0, y1 = snap.extent
            pad = 0.03 * (x1 - x0)
            self._set_extent((x0 - pad, x1 + pad, y0, y1))
        elif dim > 2:
            self._set_extent(data_extent(snap.data))
        if dim == 2 and snap.output_map is not None:
            self._draw_map(snap, discretize)
            self.curve.setVisible(False)
        elif dim == 1 and snap.output_map is not None:
            xs = np.linspace(snap.extent[0], snap.extent[1], len(snap.output_map))
            self.curve.setData(xs, snap.output_map)
            self.curve.setVisible(True)
            self.image.setVisible(False)
        else:
            self.image.setVisible(False)
            self.curve.setVisible(False)

    def show_single_map(self, single) -> None:
        """Draw the boundary of the collapsed single map: (map (res, res), extent) — z of one
        output (boundary at 0) or the winning output of several — or hide it (None)."""
        if single is None:
            self.single_map.setVisible(False)
            return
        values, (x0, x1, y0, y1) = single
        values = np.asarray(values)
        if values.dtype.kind == "f":
            curves = [(values.astype(np.float64), 0.0)]
        else:
            curves = [((values == k).astype(np.float64), 0.5) for k in np.unique(values)]
        res_y, res_x = values.shape
        xs, ys = [], []
        for data, level in curves:
            for path in pg.functions.isocurve(data.T, level, connected=True):
                p = np.asarray(path, np.float64)  # (m, 2) in (column j, row i) index units
                xs += [x0 + p[:, 0] * (x1 - x0) / (res_x - 1), [np.nan]]
                ys += [y0 + p[:, 1] * (y1 - y0) / (res_y - 1), [np.nan]]
        if xs:
            self.single_map.setData(np.concatenate(xs), np.concatenate(ys), connect="finite")
        self.single_map.setVisible(bool(xs))

    def set_pinned(self, point) -> None:
        """Mark the inspector's pinned plane point (x, y); () or None: no mark."""
        if not point:
            self.pin_marker.setData(pos=np.zeros((0, 2)))
            return
        pos = np.array([point, point], np.float64)
        self.pin_marker.setData(
            pos=pos,
            symbol=["o", "+"],
            size=[20, 11],
            brush=None,
            pen=[pg.mkPen(*palette.INK, width=3), pg.mkPen(*palette.INK, width=2)],
        )

    def map_to_widget(self, x: float, y: float) -> QPoint:
        """Pixel of plane point (x, y) in this widget's coordinates (use childAt to click it)."""
        scene = self.view.mapViewToScene(QPointF(x, y))
        vp = self.plot_widget.viewport()
        return vp.mapTo(self, self.plot_widget.mapFromScene(scene))

    # ------------------------------------------------------------------ drawing helpers
    def _set_note(self, data: PointSet) -> None:
        if data.dim > 2:
            names = data.feature_names[:2] or ("x₁", "x₂")
            self.note.setText(
                self.tr(
                    "{d}-D data: showing the first two standardized features ({a}, {b}).\n"
                    "The decision map is not available."
                ).format(d=data.dim, a=names[0], b=names[1])
            )
            self.note.setVisible(True)
        else:
            self.note.setVisible(False)

    def _set_axes(self, data: PointSet) -> None:
        """Axis titles; x and the target of 1-D data are different units: aspect unlocked."""
        if data.dim == 1:
            names = (self.tr("x"), self.tr("y (target)"))
        elif data.dim > 2 and data.feature_names:
            names = data.feature_names[:2]
        else:
            names = ("x₁", "x₂")
        self.plot_item.setLabel("bottom", names[0])
        self.plot_item.setLabel("left", names[1])
        self.view.setAspectLocked(data.dim != 1)

    def _set_extent(self, extent) -> None:
        extent = tuple(float(v) for v in extent)
        if extent == self._extent and self.view.viewRange()[0][0] == extent[0]:
            return
        self._extent = extent
        x0, x1, y0, y1 = extent
        self.view.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
        self.note.setPos((x0 + x1) / 2, y1)

    def _draw_map(self, snap: Snapshot, discretize: bool) -> None:
        out = np.asarray(snap.output_map, np.float32)  # (res, res), row i = y, column j = x
        task = snap.data.task
        if task == "regression":
            img, levels, mode = regression_image(snap, out, discretize)
        else:
            img, levels, mode = class_image(snap, out, discretize), palette.CLASS_LEVELS, "class"
        if mode != self._map_mode:
            self.image.setLookupTable(
                palette.CLASS_LUT if mode == "class" else palette.DIVERGING_LUT
            )
            self._map_mode = mode
        self.image.setImage(img, levels=levels, autoLevels=False)
        res_y, res_x = img.shape
        x0, x1, y0, y1 = snap.extent
        dx, dy = (x1 - x0) / max(res_x - 1, 1), (y1 - y0) / max(res_y - 1, 1)
        # pixel centres sit on the grid points: the image reaches half a cell past the extent
        self.image.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy))
        self.image.setVisible(True)

    # ------------------------------------------------------------------ mouse gestures
    def _editable(self) -> bool:
        return not self.read_only and self._data is not None and self._data.dim <= 2

    def _nearest(self, p: QPointF, radius_px: float | None) -> int | None:
        """Index of the visible point nearest to view point p (in screen pixels), or None."""
        if not self._visible.any():
            return None
        px = self.view.viewPixelSize()  # plane units per pixel (x, y)
        d = (self._xy - [p.x(), p.y()]) / [px[0], px[1]]
        dist = np.hypot(d[:, 0], d[:, 1])
        dist[~self._visible] = np.inf
        i = int(np.argmin(dist))
        if radius_px is not None and dist[i] > radius_px:
            return None
        return i

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.MouseMove and self._editable():
            scene_pos = self.plot_widget.mapToScene(event.position().toPoint())
            if self.view.sceneBoundingRect().contains(scene_pos):
                p = self.view.mapSceneToView(scene_pos)
                self._hover.push((float(p.x()), float(p.y())))
        return False  # the view still gets the event

    def _on_click(self, button, p: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        if not self._editable():
            return
        left = button == Qt.MouseButton.LeftButton
        if left and modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.pinRequested.emit(float(p.x()), float(p.y()))
        elif left and modifiers & Qt.KeyboardModifier.ControlModifier:
            self.regionRequested.emit(float(p.x()), float(p.y()))
        elif button == Qt.MouseButton.RightButton or (
            self._eraser and button == Qt.MouseButton.LeftButton
        ):
            i = self._nearest(p, 3 * PICK_RADIUS_PX)
            if i is not None:
                self.removeRequested.emit(i)
        elif button == Qt.MouseButton.LeftButton:
            self.addRequested.emit(float(p.x()), float(p.y()))

    def _on_drag(self, start: bool, finish: bool, down: QPointF, p: QPointF) -> None:
        if not self._editable():
            return
        if start:
            self._drag_index = None if self._eraser else self._nearest(down, PICK_RADIUS_PX)
        i = self._drag_index
        if i is None:
            return
        self.drag_marker.setData(pos=np.array([[p.x(), p.y()]]))  # O(1): the points stay
        if finish:  # the session's new data draws the point at its new place
            self._drag_index = None
            self.drag_marker.setData(pos=np.zeros((0, 2)))
            self.moveRequested.emit(i, float(p.x()), float(p.y()))

    def _redraw_points(self) -> None:
        y, rgb = self._data.y, self._rgb
        for points, mask in zip((self.train_points, self.test_points), self._masks, strict=True):
            points.set_points(
                self._xy[mask], y[mask], self._source, None if rgb is None else rgb[mask]
            )
