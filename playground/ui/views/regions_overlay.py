"""RegionsOverlay: the exact linear regions on the data canvas (View ▸ Linear regions).

Draws a RegionsPayload over the decision map: each convex polygon tinted by its activation
pattern (a subtle colour per pattern; up to TINT_MAX polygons), the edges thin, the exact
decision boundary as a crisp line, and the count in the corner. Hovering a region shows which
units are on and its map z = a₁·x₁ + a₂·x₂ + c; Ctrl+click selects up to two regions, whose
maps are then compared with the units whose state differs. Not applicable (a curved
activation, other input features, d > 2): one line says why. Too many regions to draw live:
the last partition stays and the note says so.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPicture, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QLabel, QToolButton

from playground.live.payloads import NotApplicable, RegionsPayload
from playground.ui.graphics import palette
from playground.ui.i18n import messages
from playground.ui.views.regions_text import compare_text, region_text

TINT_MAX = 3000  # more polygons than this: edges only (filling each costs GUI time)
TINTS = (
    (230, 159, 0),
    (86, 180, 233),
    (0, 158, 115),
    (240, 228, 66),
    (0, 114, 178),
    (213, 94, 0),
    (204, 121, 167),
    (120, 120, 120),
)
TINT_ALPHA = 30
MARGIN_PX = 8


def count_text(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("RegionsOverlay", "1 linear region: one linear map")
    return QCoreApplication.translate("RegionsOverlay", "%1 linear regions").replace(
        "%1", f"{count:,}"
    )


def tint_index(patterns: np.ndarray) -> np.ndarray:
    """(P,) colour index per pattern row: neighbours differ in one unit, so mostly in colour."""
    if patterns.shape[1] == 0:
        return np.zeros(len(patterns), np.int64)
    weights = np.random.default_rng(7).integers(1, 1 << 20, patterns.shape[1])
    return (patterns.astype(np.int64) @ weights) % len(TINTS)


def edge_path(vertices: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of every polygon's closed outline, NaN between polygons (one curve item)."""
    p, w = vertices.shape[:2]
    if p == 0:
        return np.zeros(0), np.zeros(0)
    ring = np.concatenate([vertices, vertices[:, :1], np.full((p, 1, 2), np.nan)], axis=1)
    keep = np.arange(w + 2)[None, :] <= counts[:, None]  # the vertices, then the first again
    keep[:, -1] = True  # the NaN gap
    xy = ring[keep]
    return xy[:, 0], xy[:, 1]


class _Polygons(QGraphicsObject):
    """Filled polygons from a QPicture recorded once per partition (plane coordinates)."""

    def __init__(self):
        super().__init__()
        self._picture = QPicture()
        self._rect = QRectF()

    def set_polygons(self, polygons: list[np.ndarray], colours: list[QColor], rect) -> None:
        self.prepareGeometryChange()
        self._picture = QPicture()
        painter = QPainter(self._picture)
        painter.setPen(Qt.PenStyle.NoPen)
        for poly, colour in zip(polygons, colours, strict=True):
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in poly]))
        painter.end()
        x0, x1, y0, y1 = rect
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, *_args) -> None:
        self._picture.play(painter)


class RegionsOverlay(QObject):
    toggled = Signal(bool)  # the canvas's Regions button

    def __init__(self, canvas):
        super().__init__(canvas)
        self.canvas = canvas
        self.regions = None  # the partition drawn (core.analysis.regions.Regions)
        self.selected: list[int] = []  # Ctrl+clicked polygons (at most two)
        self._on = False
        self._hover_text = ""
        view = canvas.view
        self.tint = _Polygons()
        self.edges = pg.PlotCurveItem(pen=pg.mkPen(*palette.INK, 120, width=1), connect="finite")
        self.boundary = pg.PlotCurveItem(pen=pg.mkPen(*palette.INK, width=3), connect="finite")
        self.outline = pg.PlotCurveItem(
            pen=pg.mkPen(*palette.VERMILLION, width=3), connect="finite"
        )
        for z, item in ((-3, self.tint), (-2, self.edges), (-1, self.boundary), (4, self.outline)):
            item.setZValue(z)
            # drawn again only for a new partition or zoom, not each time the map under it
            # changes (3,000 filled polygons: ~25 ms a paint)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            view.addItem(item, ignoreBounds=True)
        self._build_widgets(canvas.plot_widget)
        self.set_enabled(False)

    def _build_widgets(self, host) -> None:
        self.button = QToolButton(host)
        self.button.setCheckable(True)
        self.button.setText(QCoreApplication.translate("RegionsOverlay", "Regions"))
        self.button.setToolTip(
            QCoreApplication.translate(
                "RegionsOverlay",
                "Cut the plane into its linear regions: on each piece the network "
                "is one linear map (Ctrl+L). Hover a piece to read its map; Ctrl+click two pieces "
                "to compare them.",
            )
        )
        self.button.toggled.connect(self.toggled.emit)
        self.count = QLabel(host)
        self.info = QLabel(host)
        for label in (self.count, self.info):
            label.setStyleSheet(
                "background: rgba(255,255,255,225); padding: 3px 6px;border: 1px solid #999;"
            )
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.info.setWordWrap(True)
        host.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        host = self.canvas.plot_widget
        self.button.adjustSize()
        self.button.move(host.width() - self.button.width() - MARGIN_PX - 14, MARGIN_PX)
        self.count.adjustSize()
        self.count.move(70, MARGIN_PX)
        width = max(200, host.width() - 140)
        self.info.setFixedWidth(width)
        self.info.adjustSize()
        self.info.move(70, host.height() - self.info.height() - 48)

    # ------------------------------------------------------------------ state
    def set_enabled(self, on: bool) -> None:
        self._on = bool(on)
        if self.button.isChecked() != self._on:
            self.button.blockSignals(True)
            self.button.setChecked(self._on)
            self.button.blockSignals(False)
        for item in (self.tint, self.edges, self.boundary, self.outline):
            item.setVisible(self._on)
        self.count.setVisible(self._on and bool(self.count.text()))
        self._show_info()

    def show_payload(self, payload) -> None:
        """The latest "regions" payload (None: not computed yet)."""
        if not self._on or payload is None:
            return
        if isinstance(payload, NotApplicable):
            self._clear()
            self._set_count(messages.text(payload.code, payload.params))
            return
        if not isinstance(payload, RegionsPayload):
            return
        result = payload.regions
        if result.too_many:  # keep drawing the last partition
            self._set_count(messages.text("regions_too_many", {"limit": f"{payload.limit:,}"}))
            return
        if result is not self.regions:
            self._draw(result)
        self._set_count(count_text(result.count))

    def _draw(self, result) -> None:
        if self.regions is None or self.regions.patterns.shape != result.patterns.shape:
            self.selected = []
        self.regions = result
        x, y = edge_path(result.vertices, result.vertex_counts)
        self.edges.setData(x, y, connect="finite")
        seg = result.boundary
        if len(seg):
            gaps = np.full((len(seg), 1, 2), np.nan)
            flat = np.concatenate([seg, gaps], axis=1).reshape(-1, 2)
            self.boundary.setData(flat[:, 0], flat[:, 1], connect="finite")
        else:
            self.boundary.setData([], [])
        if result.count <= TINT_MAX:
            index = tint_index(result.patterns)
            colours = [QColor(*TINTS[k], TINT_ALPHA) for k in range(len(TINTS))]
            polygons = [result.polygon(i) for i in range(result.count)]
            self.tint.set_polygons(polygons, [colours[k] for k in index], result.extent)
        else:
            self.tint.set_polygons([], [], result.extent)
        self._draw_selection()
        self._show_info()

    def _clear(self) -> None:
        self.regions, self.selected = None, []
        for item in (self.edges, self.boundary, self.outline):
            item.setData([], [])
        self.tint.set_polygons([], [], (0.0, 0.0, 0.0, 0.0))
        self._hover_text = ""
        self._show_info()

    def _set_count(self, text: str) -> None:
        if self.count.text() != text:
            self.count.setText(text)
            self._place()
        self.count.setVisible(self._on)

    # ------------------------------------------------------------------ hover and compare
    def _locate(self, x: float, y: float) -> int | None:
        if self.regions is None or not self.regions.count:
            return None
        i = int(self.regions.locate(np.array([[x, y]]))[0])
        return None if i < 0 else i

    def hover(self, x: float, y: float) -> None:
        if not self._on:
            return
        i = self._locate(x, y)
        self._hover_text = "" if i is None else region_text(self.regions, i)
        self._show_info()

    def select(self, x: float, y: float) -> None:
        """Ctrl+click: select the region here (a third click starts a new pair)."""
        i = self._locate(x, y)
        if not self._on or i is None:
            return
        if i in self.selected:
            self.selected.remove(i)
        else:
            self.selected = [*self.selected, i] if len(self.selected) < 2 else [i]
        self._draw_selection()
        self._show_info()

    def _draw_selection(self) -> None:
        if self.regions is None or not self.selected:
            self.outline.setData([], [])
            return
        idx = np.array(self.selected)
        x, y = edge_path(self.regions.vertices[idx], self.regions.vertex_counts[idx])
        self.outline.setData(x, y, connect="finite")

    def info_text(self) -> str:
        if self.regions is not None and len(self.selected) == 2:
            return compare_text(self.regions, *self.selected)
        if self.regions is not None and len(self.selected) == 1 and not self._hover_text:
            return region_text(self.regions, self.selected[0])
        return self._hover_text

    def _show_info(self) -> None:
        text = self.info_text() if self._on else ""
        if self.info.text() != text:
            self.info.setText(text)
            self._place()
        self.info.setVisible(bool(text))
