"""NetworkDiagram: inputs, every hidden neuron as a small output map, the output neuron(s), links.

Geometry (diagram_layout): view units with y up, a tile is 1 × 1; each column is a grid of tiles
(several sub-columns when the panel is short) centred on y = 0; the layout fits the panel and,
when tiles would fall below MIN_TILE_PX, keeps that size and the wheel scrolls. The column
titles hang in a white band pinned to the top of the view, so tiles never run under them; when
the view scrolls, the input and output columns follow the middle of the visible part.
Links (diagram_links): 9 curve items, the strongest links of wide layers only. Thumbnails
(diagram_tiles): one image per column, refreshed in rotation while training runs. Over them
(DiagramOverlay): dead and saturated units' marks, the counts in the titles, and each neuron's
value at the inspector's pinned input where a label fits.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QCursor, QFontMetricsF, QPainterPath
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette, scale
from playground.ui.views import diagram_layout as geometry
from playground.ui.views import diagram_tooltips as hover
from playground.ui.views.diagram_links import LinkLayer
from playground.ui.views.diagram_overlay import DiagramOverlay, font, pinned_forward, title_widths
from playground.ui.views.diagram_tiles import Thumbnails
from playground.ui.views.neuron_popup import NeuronPopup, input_names

NAME_PT = 10.0  # input names
LABEL_ROOM_PX = 44.0  # a column shows value labels when its links have this much room
INSIDE_LABEL_PX = 34.0  # or inside its tiles when they are this large


class NetworkDiagram(QWidget):
    neuronClicked = Signal(int, int)  # layer (index into snap.neuron_maps), unit
    layerClicked = Signal(int)  # hidden layer index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._key = None
        self._snap: Snapshot | None = None
        self._selected = -1
        self._pinned: tuple = ()  # the inspector's pinned plane point
        self.layout_: geometry.Layout | None = None
        self._io_shift = 0.0  # view units the input and output columns are moved up
        self._centres: list[np.ndarray] = []  # per column: (n, 2) tile centres
        self._build()

    @property
    def centres(self):
        """Scene centre of every node, per column (input, hidden layers, output)."""
        return self._centres

    @property
    def snapshot(self):
        """The snapshot drawn last (None before the first)."""
        return self._snap

    def _build(self) -> None:
        self.graphics = pg.GraphicsView(background="w")
        self.view = items.ScrollViewBox(self._on_click, step=2.5)
        self.graphics.setCentralItem(self.view)
        items.fast_view(self.graphics)
        self.graphics.setMouseTracking(True)
        self.graphics.scene().sigMouseMoved.connect(self._on_hover)
        self.view.sigRangeChanged.connect(self._on_range)
        self.highlight = pg.QtWidgets.QGraphicsRectItem()
        self.highlight.setBrush(pg.mkBrush(0, 114, 178, 28))
        self.highlight.setPen(pg.mkPen(None))
        self.highlight.setZValue(-30)
        self.view.addItem(self.highlight, ignoreBounds=True)
        self.band = pg.QtWidgets.QGraphicsRectItem()  # under the titles: tiles pass beneath
        self.band.setBrush(pg.mkBrush(255, 255, 255))
        self.band.setPen(pg.mkPen(None))
        self.band.setZValue(11)
        self.view.addItem(self.band, ignoreBounds=True)
        self.links = LinkLayer(self.view)
        self.frames = pg.QtWidgets.QGraphicsPathItem()  # every tile's outline: one path
        pen = pg.mkPen(150, 150, 150, width=1)
        pen.setCosmetic(True)
        self.frames.setPen(pen)
        self.frames.setZValue(2)
        self.view.addItem(self.frames)
        self.overlay = DiagramOverlay(self.view)
        self._column_items: list = []  # per-structure items (images, curves, labels)
        self.thumbs = Thumbnails(self._add)
        self._popup: NeuronPopup | None = None  # built when first opened (start-up time)
        self.caption = QLabel(self.graphics)  # "Strongest 192 of 4,096 links shown"
        self.caption.setStyleSheet("color: #666; background: rgba(255, 255, 255, 200);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

    # ------------------------------------------------------------------ public API
    @property
    def popup(self) -> NeuronPopup:
        """The one unit seen large (a click on a neuron opens it)."""
        if self._popup is None:
            self._popup = NeuronPopup(self)
        return self._popup

    def show_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        maps = snap.neuron_maps
        key = (
            tuple(snap.spec.sizes),
            snap.features,
            snap.data.dim,
            snap.data.task,
            None if maps is None else maps[0].shape[1:],
            tuple(layer.activation for layer in snap.spec.layers),
        )
        everything = not snap.running
        if key != self._key:
            self._rebuild(snap)
            self._key = key
            everything = True
        self.links.update(snap.weights)
        self.thumbs.update(snap, self._centres, everything)
        self.overlay.update(snap, pinned_forward(snap, self._pinned))
        self._show_caption()
        if self._popup is not None and self._popup.isVisible():
            self._popup.show_neuron(snap, *self._popup.neuron)

    def set_selected_layer(self, layer: int) -> None:
        """Shade hidden layer `layer` (the one the activation view shows); −1 for none."""
        self._selected = layer
        self._place_highlight()

    def set_pinned(self, point) -> None:
        """The inspector's pinned point (x, y): its values show on the neurons; () or None:
        none."""
        self._pinned = tuple(point or ())
        if self._snap is not None and self._key is not None:
            self.overlay.update(self._snap, pinned_forward(self._snap, self._pinned))

    def neuron_center(self, layer: int, unit: int) -> QPointF:
        """View position of a neuron; layer −1 is the inputs, 0.. index snap.neuron_maps."""
        x, y = self._centres[layer + 1][unit]
        return QPointF(float(x), float(y))

    def map_to_widget(self, p: QPointF):
        scene = self.view.mapViewToScene(p)
        return self.graphics.viewport().mapTo(self, self.graphics.mapFromScene(scene))

    def neuron_count(self) -> int:
        return len(self._hit_xy) if self._key is not None else 0

    # ------------------------------------------------------------------ structure
    def _add(self, item) -> None:
        self.view.addItem(item)
        self._column_items.append(item)

    def _rebuild(self, snap: Snapshot) -> None:
        for item in self._column_items:
            self.view.removeItem(item)
        self._column_items = []
        self._names = input_names(snap)
        self.layout_ = self._plan(snap)
        self._io_shift = 0.0
        self._name_items = []
        for name in self._names:
            text = pg.TextItem(name, color=palette.INK)
            text.setFont(font(scale.pt(NAME_PT), bold=True))
            text.setZValue(10)
            self._add(text)
            self._name_items.append(text)
        self.overlay.rebuild(snap, list(self.layout_.x), self.layout_.compact, self._add)
        self.thumbs.build(snap, self.layout_, 0.0)
        self._place()
        self._fit()

    def _plan(self, snap: Snapshot) -> geometry.Layout:
        names = QFontMetricsF(font(scale.pt(NAME_PT), bold=True))
        left_px = max(names.horizontalAdvance(n) for n in self._names) + 8
        right_px = self.overlay.label_width("−0.00") + 4  # the outputs' values, when pinned
        w, h = max(self.view.width(), 100.0), max(self.view.height(), 100.0)
        return geometry.plan(
            snap.spec.sizes,
            w,
            h,
            title_widths(snap, False),
            title_widths(snap, True),
            left_px,
            right_px,
            title_px=geometry.TITLE_PX * scale.factor(),
        )

    def _place(self) -> None:
        """Put every neuron, link, label and mark where the layout and the I/O shift say."""
        lay, last = self.layout_, len(self.layout_.sizes) - 1
        self._centres = [
            lay.centres(c, self._io_shift if c in (0, last) else 0.0) for c in range(last + 1)
        ]
        allxy = np.concatenate(self._centres)
        self._hit_xy = allxy
        self._hit_col = np.concatenate([np.full(len(c), i) for i, c in enumerate(self._centres)])
        self._hit_unit = np.concatenate([np.arange(len(c)) for c in self._centres])
        path = QPainterPath()
        for x, y in allxy - 0.5:
            path.addRect(float(x), float(y), 1.0, 1.0)
        self.frames.setPath(path)
        edges = [(x - lay.half_block(c), x + lay.half_block(c)) for c, x in enumerate(lay.x)]
        self.links.set_geometry(self._centres, edges, keep_buckets=True)
        self.thumbs.move_output(lay, self._io_shift)
        self._place_names()
        self.overlay.move(self._centres, self._label_sides())
        if self._snap is not None and self._key is not None:
            self.overlay.update(self._snap, pinned_forward(self._snap, self._pinned))
        self._place_highlight()

    def _place_names(self) -> None:
        """Input names inside their boxes when they fit, else right-aligned left of them."""
        metrics = QFontMetricsF(font(scale.pt(NAME_PT), bold=True))
        tile_px = self.layout_.scale
        inside = max(metrics.horizontalAdvance(n) for n in self._names) <= tile_px - 4
        for text, (x, y) in zip(self._name_items, self._centres[0], strict=True):
            text.setAnchor((0.5, 0.5) if inside else (1.0, 0.5))
            text.setPos(float(x) - (0.0 if inside else 0.5 + 3.0 / tile_px), float(y))

    def _label_sides(self) -> list[float | None]:
        """Per column, where the pinned values go: right of each neuron when the column has one
        sub-column and room there (the layout keeps room right of the outputs), inside the
        tiles when they are large enough, else nowhere (the tooltips still give them)."""
        lay = self.layout_
        edges = [(x - lay.half_block(c), x + lay.half_block(c)) for c, x in enumerate(lay.x)]
        room = [(edges[c + 1][0] - edges[c][1]) * lay.scale for c in range(len(edges) - 1)]
        last, out = len(edges) - 1, []
        for c in range(len(edges)):
            if lay.cols[c] == 1 and (c == last or room[c] >= LABEL_ROOM_PX):
                out.append(1.0)
            else:
                out.append(0.0 if lay.scale >= INSIDE_LABEL_PX else None)
        return out

    # ------------------------------------------------------------------ view range
    def _fit(self) -> None:
        """Fit the panel: the whole network centred, or its top when it needs scrolling."""
        if self.layout_ is None or self._snap is None:
            return
        if self._plan(self._snap) != self.layout_:  # the panel's size changed the layout
            self._key = None
            self.show_snapshot(self._snap)
            return
        lay = self.layout_
        top = lay.top
        body_bottom = -lay.half_height - geometry.BOTTOM_PX / lay.scale
        self.view.setLimits(
            xMin=min(0.0, lay.x[0] - 20),
            xMax=max(lay.view_w, lay.x[-1] + 20),
            yMin=min(top - lay.view_h, body_bottom),
            yMax=top,
            maxXRange=lay.view_w,
            maxYRange=lay.view_h,
        )
        self.view.setRange(QRectF(0.0, top - lay.view_h, lay.view_w, lay.view_h), padding=0.0)
        self._on_range()

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        self._fit()
        self._show_caption()

    def _on_range(self, *_args) -> None:
        """Pin the title band to the top; in a scrolling layout the inputs and outputs follow
        the middle of the visible part."""
        if self.layout_ is None:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        band = self.layout_.title_h * (y1 - y0) / self.layout_.view_h
        self.band.setRect(QRectF(x0, y1 - band, x1 - x0, band))
        self.overlay.place_titles(y1)
        if not self.layout_.scrolls:
            return
        lay, last = self.layout_, len(self.layout_.sizes) - 1
        io_half = geometry.column_height(max(lay.rows[0], lay.rows[last])) / 2
        limit = max(0.0, lay.half_height - io_half)
        shift = float(np.clip((y0 + y1 - band) / 2, -limit, limit))
        if abs(shift - self._io_shift) > 1e-6:
            self._io_shift = shift
            self._place()

    def _place_highlight(self) -> None:
        lay = self.layout_
        if lay is None or not 0 <= self._selected < len(lay.sizes) - 2:
            self.highlight.setVisible(False)
            return
        col = self._selected + 1
        half_w = lay.half_block(col) + 0.25
        half_h = geometry.column_height(lay.rows[col]) / 2 + 0.2
        self.highlight.setRect(QRectF(lay.x[col] - half_w, -half_h, 2 * half_w, 2 * half_h))
        self.highlight.setVisible(True)

    def _show_caption(self) -> None:
        shown, total = self.links.counts()
        if shown == total or self._snap is None:
            self.caption.hide()
            return
        self.caption.setText(
            self.tr("Strongest {shown} of {total} links shown").format(
                shown=f"{shown:,}", total=f"{total:,}"
            )
        )
        self.caption.adjustSize()
        self.caption.move(4, self.graphics.height() - self.caption.height() - 2)
        self.caption.show()

    # ------------------------------------------------------------------ hover and click
    def _neuron_at(self, p: QPointF) -> int | None:
        if self._key is None:
            return None
        d = np.abs(self._hit_xy - [p.x(), p.y()])
        inside = np.nonzero((d[:, 0] <= 0.5) & (d[:, 1] <= 0.5))[0]
        return int(inside[0]) if len(inside) else None

    def describe_at(self, p: QPointF) -> str:
        """Tooltip text for view point p: a neuron's bias or a link's weight, with the formula."""
        snap = self._snap
        if snap is None:
            return ""
        i = self._neuron_at(p)
        if i is not None:
            return hover.describe_neuron(
                snap,
                int(self._hit_col[i]),
                int(self._hit_unit[i]),
                self._names,
                pinned_forward(snap, self._pinned),
            )
        j = (
            None
            if self._key is None
            else self.links.link_at((p.x(), p.y()), self.view.viewPixelSize())
        )
        if j is not None:
            layer, out, inp = (int(v) for v in self.links.ids[j])
            return hover.describe_link(snap, layer, out, inp, self._names)
        return ""

    def _on_hover(self, scene_pos) -> None:
        if not self.view.sceneBoundingRect().contains(scene_pos):
            return
        p = self.view.mapSceneToView(scene_pos)
        under_titles = self.band.rect().contains(p)
        text = "" if under_titles else self.describe_at(p)
        if text:
            QToolTip.showText(QCursor.pos(), text, self.graphics)
        else:
            QToolTip.hideText()

    def _on_click(self, p: QPointF) -> None:
        if self.band.rect().contains(p):
            return
        i = self._neuron_at(p)
        if i is not None and self._hit_col[i] > 0:
            layer, unit = int(self._hit_col[i]) - 1, int(self._hit_unit[i])
            self.neuronClicked.emit(layer, unit)
            if self._snap is not None:
                self.popup.show_neuron(self._snap, layer, unit)
                centre = self.mapToGlobal(self.map_to_widget(self.neuron_center(layer, unit)))
                self.popup.show_near(centre, self, round(self.layout_.scale / 2))
            return
        col = None if self.layout_ is None else self.layout_.column_at(p.x())
        if col is not None and 1 <= col <= len(self.layout_.sizes) - 2:
            self.layerClicked.emit(col - 1)
