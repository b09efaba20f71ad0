"""NetworkDiagram: inputs, every hidden neuron as a small output map, the output neuron(s), links.

Scene layout (view units, y up): column c (0 = inputs, 1..L = hidden layers, L+1 = output) sits
at x = c·pitch (COLUMN_PITCH or wider to fill the panel); unit k of n is a T × T square (T = 1)
centred at y = ((n−1)/2 − k)·PITCH.
Links W[out, in] of layer l join column l to column l+1; they are drawn as 8 curve items
(2 signs × 4 width classes, connect="pairs"), so a 10 × 64 network is still 8 draw calls.
Thumbnails: one image per column, the units' maps stacked with transparent (NaN) gaps.
Over them (DiagramOverlay): dead and saturated units' marks, the counts in the column titles,
and each neuron's value at the inspector's pinned input.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from playground.core.data.features import FEATURES, usable_features
from playground.live.snapshot import LEVELS, Snapshot
from playground.ui.graphics import items, palette
from playground.ui.views import diagram_tooltips as hover
from playground.ui.views.diagram_overlay import DiagramOverlay, font, pinned_forward
from playground.ui.views.diagram_style import WIDTHS, link_buckets, thumb_res
from playground.ui.views.neuron_popup import NeuronPopup

T = 1.0  # neuron side
PITCH = 1.3  # vertical distance between units
COLUMN_PITCH = 3.4  # least view units between columns
MAX_COLUMN_PITCH = 6.0
LINK_HIT_PX = 4.0
MIN_VISIBLE_UNITS = 7  # the view always spans at least this many pitches: caps thumbnail size
TITLE_PX = 44.0  # room above the tallest column for two lines of title
BOTTOM_ROOM = 0.6  # view units below the lowest unit (the layer highlight reaches 0.2)
MIN_THUMB_PX = 18.0  # the fit shrinks thumbnails down to this; below it the diagram scrolls


class NetworkDiagram(QWidget):
    neuronClicked = Signal(int, int)  # layer (index into snap.neuron_maps), unit
    layerClicked = Signal(int)  # hidden layer index

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._key = None
        self._snap: Snapshot | None = None
        self._selected = -1
        self._pinned: tuple = ()  # the inspector's pinned plane point
        self._pitch = COLUMN_PITCH  # view units between columns: widens to use a wide panel
        self._build()

    def _build(self) -> None:
        self.graphics = pg.GraphicsView(background="w")
        self.view = items.ScrollViewBox(self._on_click, step=2 * PITCH)
        self.graphics.setCentralItem(self.view)
        items.fast_view(self.graphics)
        self.view.sigResized.connect(self._fit)
        self.graphics.setMouseTracking(True)
        self.graphics.scene().sigMouseMoved.connect(self._on_hover)
        self.highlight = pg.QtWidgets.QGraphicsRectItem()
        self.highlight.setBrush(pg.mkBrush(0, 114, 178, 28))
        self.highlight.setPen(pg.mkPen(None))
        self.highlight.setZValue(-30)
        self.view.addItem(self.highlight, ignoreBounds=True)
        self.link_items = []
        for sign_rgb in (palette.NEGATIVE_RGB, palette.POSITIVE_RGB):
            for width in WIDTHS:
                item = pg.PlotCurveItem(pen=pg.mkPen(*sign_rgb, 255, width=width))
                item.setZValue(-20)
                self.view.addItem(item)
                self.link_items.append(item)
        self.frames = items.PassiveScatter(pxMode=False, symbol="s", size=T)
        self.frames.setZValue(2)
        self.view.addItem(self.frames)
        self.overlay = DiagramOverlay(self.view, T)
        self._column_items: list = []  # per-structure items (images, curves, labels)
        self.popup = NeuronPopup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

    # ------------------------------------------------------------------ public API
    def show_snapshot(self, snap: Snapshot) -> None:
        self._snap = snap
        maps = snap.neuron_maps
        key = (tuple(snap.spec.sizes), snap.features, snap.data.dim,
               None if maps is None else maps[0].shape[1:],
               tuple(layer.activation for layer in snap.spec.layers))
        if key != self._key:
            self._rebuild(snap)
            self._key = key
        self._draw_links(snap)
        self._draw_maps(snap)
        self.overlay.update(snap, pinned_forward(snap, self._pinned))
        if self.popup.isVisible():
            self.popup.show_neuron(snap, *self.popup.neuron)

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
        return QPointF(self._col_x(layer + 1), self._unit_y(self._sizes[layer + 1], unit))

    def map_to_widget(self, p: QPointF):
        scene = self.view.mapViewToScene(p)
        return self.graphics.viewport().mapTo(self, self.graphics.mapFromScene(scene))

    def neuron_count(self) -> int:
        return len(self.frames.data)

    # ------------------------------------------------------------------ geometry
    def _col_x(self, col: int) -> float:
        return col * self._pitch

    @staticmethod
    def _unit_y(n: int, k):
        return ((n - 1) / 2 - np.asarray(k)) * PITCH

    def _rebuild(self, snap: Snapshot) -> None:
        for item in self._column_items:
            self.view.removeItem(item)
        self._column_items = []
        self._sizes = list(snap.spec.sizes)  # [inputs, hidden..., outputs]
        inside = max(len(n) for n in self._input_names(snap)) <= 5  # names fit in the box
        self._left_room = 1.3 * T if inside else 4.2 * T
        self._pitch = self._layout()[1]
        cols = [np.full(n, c) for c, n in enumerate(self._sizes)]
        units = [np.arange(n) for n in self._sizes]
        self._hit_col = np.concatenate(cols)
        self._hit_unit = np.concatenate(units)
        self._hit_xy = np.column_stack([
            [self._col_x(c) for c in self._hit_col],
            np.concatenate([self._unit_y(n, u) for n, u in zip(self._sizes, units, strict=True)]),
        ])
        self.frames.setData(pos=self._hit_xy, pen=pg.mkPen(150, 150, 150, 255, width=1),
                            brush=None)
        self._build_links()
        self._build_labels(snap)
        self._build_map_items(snap)
        self._fit()
        self._place_highlight()

    def _build_links(self) -> None:
        """Segment end points (n_links,) in W[out, in] ravel order, layer by layer."""
        x0, y0, x1, y1, ids = [], [], [], [], []
        for layer in range(len(self._sizes) - 1):
            n_in, n_out = self._sizes[layer], self._sizes[layer + 1]
            out, inp = np.meshgrid(np.arange(n_out), np.arange(n_in), indexing="ij")
            out, inp = out.ravel(), inp.ravel()
            x0.append(np.full(out.size, self._col_x(layer) + T / 2))
            x1.append(np.full(out.size, self._col_x(layer + 1) - T / 2))
            y0.append(self._unit_y(n_in, inp))
            y1.append(self._unit_y(n_out, out))
            ids.append(np.column_stack([np.full(out.size, layer), out, inp]))
        self._seg = np.column_stack([np.concatenate(a) for a in (x0, y0, x1, y1)])  # (n, 4)
        self._seg_ids = np.concatenate(ids)  # (n, 3): layer, out, in
        n = len(self._seg)
        self._link_alpha = 230 if n <= 120 else 160 if n <= 800 else 90 if n <= 4000 else 25
        self._bucket = None  # per link: its item in link_items (None: redraw every bucket)
        self._set_link_pens()

    def _add(self, item, ignore_bounds: bool = False) -> None:
        self.view.addItem(item, ignoreBounds=ignore_bounds)
        self._column_items.append(item)

    def _build_labels(self, snap: Snapshot) -> None:
        n_layers = len(self._sizes)
        names = self._input_names(snap)
        inside = self._left_room < 2 * T  # short names in the box, long ones left of it
        for k, name in enumerate(names):
            text = pg.TextItem(name, color=palette.INK, anchor=(0.5, 0.5) if inside else (1, 0.5))
            text.setFont(font(11, bold=True))
            text.setPos(self._col_x(0) - (0 if inside else T / 2 + 0.1),
                        float(self._unit_y(len(names), k)))
            text.setZValue(10)
            self._add(text)
        top = float(self._unit_y(max(self._sizes), 0)) + T / 2 + 0.15
        centres = [self._hit_xy[self._hit_col == col] for col in range(n_layers)]
        self.overlay.rebuild(snap, centres, [self._col_x(c) for c in range(n_layers)], top,
                             self._add)

    def _input_names(self, snap: Snapshot) -> list[str]:
        if snap.data.dim > 2:
            names = snap.data.feature_names or tuple(f"x{i + 1}" for i in range(snap.data.dim))
            return [n.replace("_", " ") for n in names]
        return [FEATURES[f][0] for f in usable_features(snap.features, snap.data.dim)]

    def _build_map_items(self, snap: Snapshot) -> None:
        """One ImageItem (2-D data) or one curve (1-D data) per neuron column."""
        self._images, self._curves, self._atlas = [], [], []
        if snap.neuron_maps is None:
            return
        for layer, maps in enumerate(snap.neuron_maps):
            col, n = layer + 1, maps.shape[0]
            if snap.data.dim == 2:
                stride, t = thumb_res(maps.shape[1], n)
                gap = max(1, round(t * (PITCH - T) / T))
                # tiles (n, t + gap, t), unit n−1 first (row 0 is at the bottom); the gap rows
                # stay NaN (transparent); the image is the first n(t + gap) − gap rows
                tiles = np.full((n, t + gap, t), np.nan, np.float32)
                image = items.FastImage(axisOrder="row-major")
                image.setLookupTable(palette.NEURON_LUT)
                bottom = float(self._unit_y(n, n - 1)) - T / 2
                height = n * (t + gap) - gap
                rect = QRectF(self._col_x(col) - T / 2, bottom, T, T * height / t)
                self._add(image)
                self._images.append(image)
                self._atlas.append((tiles, stride, height, rect))
            else:
                curve = pg.PlotCurveItem(pen=pg.mkPen(*palette.BLUE, width=2),
                                         connect="finite")
                curve.setZValue(1)
                self._add(curve)
                self._curves.append(curve)

    def _layout(self) -> tuple[float, float]:
        """(px per view unit, column pitch) for the current panel size.

        The scale fits the whole network (height first) while thumbnails stay ≥ MIN_THUMB_PX;
        then the columns spread over the spare width (up to MAX_COLUMN_PITCH) so titles and
        links have room.
        """
        w_px, h_px = max(self.view.width(), 100.0), max(self.view.height(), 100.0)
        n_cols = len(self._sizes)
        body = (max(self._sizes) - 1) * PITCH + T + BOTTOM_ROOM  # view units below the titles
        width = (n_cols - 1) * COLUMN_PITCH + 1.3 * T + self._left_room
        fit = min(w_px / width, (h_px - TITLE_PX) / max(body, MIN_VISIBLE_UNITS * PITCH))
        scale = max(fit, MIN_THUMB_PX / T)
        spare = w_px / scale - 1.3 * T - self._left_room
        pitch = min(max(spare / max(n_cols - 1, 1), COLUMN_PITCH), MAX_COLUMN_PITCH)
        return scale, pitch

    def _fit(self) -> None:
        """Show the whole network centred, or its top when it needs scrolling (wheel)."""
        if not hasattr(self, "_sizes"):
            return
        scale, pitch = self._layout()
        if abs(pitch - self._pitch) > 0.05 and self._snap is not None:
            self._key = None  # the columns move: rebuild the geometry (this fits again)
            self.show_snapshot(self._snap)
            return
        w_px, h_px = max(self.view.width(), 100.0), max(self.view.height(), 100.0)
        half = (max(self._sizes) - 1) / 2 * PITCH + T / 2  # tallest column: y ∈ [−half, half]
        width = self._col_x(len(self._sizes) - 1) + 1.3 * T + self._left_room
        view_w, view_h = w_px / scale, h_px / scale
        content = 2 * half + BOTTOM_ROOM + TITLE_PX / scale  # titles keep their pixel height
        top = half + TITLE_PX / scale + max(0.0, (view_h - content) / 2)
        left = -self._left_room - max(0.0, (view_w - width) / 2)
        self.view.setRange(QRectF(left, top - view_h, view_w, view_h), padding=0.0)

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        self._fit()

    def _place_highlight(self) -> None:
        if not hasattr(self, "_sizes") or not 0 <= self._selected < len(self._sizes) - 2:
            self.highlight.setVisible(False)
            return
        col = self._selected + 1
        half = (self._sizes[col] - 1) / 2 * PITCH + T / 2 + 0.2
        self.highlight.setRect(QRectF(self._col_x(col) - 0.75 * T, -half, 1.5 * T, 2 * half))
        self.highlight.setVisible(True)

    # ------------------------------------------------------------------ per snapshot
    def _draw_links(self, snap: Snapshot) -> None:
        """Re-bucket the links by sign and |w|; only buckets whose members changed are redrawn."""
        w = np.concatenate([np.asarray(W, np.float64).ravel() for W in snap.weights])
        w = np.nan_to_num(w, nan=0.0, posinf=1e3, neginf=-1e3)
        previous = self._bucket
        if previous is not None and len(previous) != len(w):
            previous = None
        bucket = link_buckets(w, previous)  # (n_links,) index into link_items
        self._bucket = bucket
        if previous is not None:
            changed = np.unique(np.concatenate([previous[previous != bucket],
                                                bucket[previous != bucket]]))
        else:
            changed = np.arange(len(self.link_items))
        order = np.argsort(bucket, kind="stable")
        bounds = np.searchsorted(bucket[order], np.arange(len(self.link_items) + 1))
        for b in changed:
            seg = self._seg[order[bounds[b]:bounds[b + 1]]]
            self.link_items[b].setData(seg[:, [0, 2]].ravel(), seg[:, [1, 3]].ravel(),
                                       connect="pairs")

    def _set_link_pens(self) -> None:
        """Opaque pens (pre-blended on white): lighter for denser networks."""
        for b, item in enumerate(self.link_items):
            alpha = min(255, self._link_alpha + 25 * (b % len(WIDTHS)))
            rgb = palette.POSITIVE_RGB if b >= len(WIDTHS) else palette.NEGATIVE_RGB
            item.setPen(pg.mkPen(*palette.over_white(rgb, alpha), width=WIDTHS[b % len(WIDTHS)]))

    def _draw_maps(self, snap: Snapshot) -> None:
        if snap.neuron_maps is None:
            return
        for layer, codes in enumerate(snap.neuron_maps):
            if snap.data.dim == 2:
                tiles, stride, height, rect = self._atlas[layer]
                t = tiles.shape[2]
                tiles[:, :t] = codes[::-1, ::stride, ::stride]  # (n, t, t), unit 0 last: on top
                image = self._images[layer]
                first = image.image is None
                image.setImage(tiles.reshape(-1, t)[:height], levels=(0.0, float(LEVELS)),
                               autoLevels=False)
                if first:  # after the first setImage: the rect needs the image size
                    image.setRect(rect)
            else:
                lo, hi = snap.neuron_levels[layer]
                values = snap.neuron_values(layer)
                self._curves[layer].setData(*self._curve_xy(layer + 1, values, lo, hi))

    def _curve_xy(self, col: int, maps: np.ndarray, lo: float, hi: float):
        """(x, y) of every unit's curve inside its square, NaN-separated."""
        n, res = maps.shape
        xs = self._col_x(col) - T / 2 + np.linspace(0.05, 0.95, res) * T
        ys = self._unit_y(n, np.arange(n))[:, None] + ((maps - lo) / (hi - lo) - 0.5) * 0.9 * T
        x = np.hstack([np.tile(xs, (n, 1)), np.full((n, 1), np.nan)]).ravel()
        y = np.hstack([np.clip(ys, -1e6, 1e6), np.full((n, 1), np.nan)]).ravel()
        return x, y

    # ------------------------------------------------------------------ hover and click
    def _neuron_at(self, p: QPointF) -> int | None:
        if self._key is None:
            return None
        d = np.abs(self._hit_xy - [p.x(), p.y()])
        inside = np.nonzero((d[:, 0] <= T / 2) & (d[:, 1] <= T / 2))[0]
        return int(inside[0]) if len(inside) else None

    def _link_at(self, p: QPointF) -> int | None:
        if self._key is None or not len(self._seg):
            return None
        pixel = self.view.viewPixelSize()
        return hover.nearest_segment(self._seg, (p.x(), p.y()), pixel, LINK_HIT_PX)

    def describe_at(self, p: QPointF) -> str:
        """Tooltip text for view point p: a neuron's bias or a link's weight, with the formula."""
        snap = self._snap
        if snap is None:
            return ""
        i = self._neuron_at(p)
        if i is not None:
            return self._describe_neuron(snap, int(self._hit_col[i]), int(self._hit_unit[i]))
        j = self._link_at(p)
        if j is not None:
            layer, out, inp = (int(v) for v in self._seg_ids[j])
            return self._describe_link(snap, layer, out, inp)
        return ""

    def _describe_neuron(self, snap: Snapshot, col: int, unit: int) -> str:
        return hover.describe_neuron(snap, col, unit, self._input_names(snap),
                                     pinned_forward(snap, self._pinned))

    def _describe_link(self, snap: Snapshot, layer: int, out: int, inp: int) -> str:
        return hover.describe_link(snap, layer, out, inp, self._input_names(snap))

    def _on_hover(self, scene_pos) -> None:
        if not self.view.sceneBoundingRect().contains(scene_pos):
            return
        text = self.describe_at(self.view.mapSceneToView(scene_pos))
        if text:
            QToolTip.showText(QCursor.pos(), text, self.graphics)
        else:
            QToolTip.hideText()

    def _on_click(self, p: QPointF) -> None:
        i = self._neuron_at(p)
        if i is not None and self._hit_col[i] > 0:
            layer, unit = int(self._hit_col[i]) - 1, int(self._hit_unit[i])
            self.neuronClicked.emit(layer, unit)
            if self._snap is not None:
                self.popup.show_neuron(self._snap, layer, unit)
                self.popup.show()
                self.popup.raise_()
            return
        if self._key is None:
            return
        col = int(round(p.x() / self._pitch))
        if 1 <= col <= len(self._sizes) - 2 and abs(p.x() - self._col_x(col)) <= T:
            self.layerClicked.emit(col - 1)
