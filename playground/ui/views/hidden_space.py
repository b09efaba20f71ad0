"""HiddenSpaceView: the training points and the input plane's grid, mapped into a hidden layer.

Draws the "hidden" insight payload (core.analysis.hidden.HiddenSpace): the points at two of
the layer's units (or its principal axes), the plane's grid lines bent by the layers up to it
(NaN-separated polylines in one curve item), and, when the output reads exactly these units,
its decision line. The controls send requests (layer, units, PCA, z or a); the view reflects the
session's choice through set_options().
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette
from playground.ui.graphics.ranges import steady_range
from playground.ui.graphics.scatter import ClassScatter
from playground.ui.graphics.widgets import blocked
from playground.ui.i18n.core_strings import tr_core
from playground.ui.views.insight_common import DrawnOnce, NotApplicableLabel, payload_of

LINE_RGB = palette.over_white((120, 120, 120), 110)


class HiddenSpaceView(QWidget):
    name = "hidden"
    optionsChanged = Signal(dict)  # hidden_layer / hidden_units / hidden_pca / hidden_stage

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._units = 2
        self._build_controls()
        self.plot = pg.PlotWidget(background="w", axisItems=items.opaque_axes())
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        items.fast_view(self.plot)
        items.style_axes(self.plot.getPlotItem(), 10)
        self.plot.getViewBox().setAspectLocked(True)  # a hidden space is geometry: 1:1
        self.lines = pg.PlotCurveItem(pen=pg.mkPen(*LINE_RGB, width=1), connect="finite")
        self.boundary = pg.PlotCurveItem(pen=pg.mkPen(*palette.INK, width=3))
        for item in (self.lines, self.boundary):
            self.plot.addItem(item)
        self.points = ClassScatter(self.plot, 7, pg.mkPen(*palette.INK, 150, width=0.8))
        self._shown: dict[str, object] = {}  # axis labels and ranges set (set only on change)
        self._drawn = DrawnOnce()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.empty = NotApplicableLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.controls)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty)

    def _build_controls(self) -> None:
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(self.tr("The hidden layer whose units are the axes."))
        self.unit_i, self.unit_j = QSpinBox(), QSpinBox()
        for spin in (self.unit_i, self.unit_j):
            spin.setPrefix("n")
            spin.setToolTip(self.tr("The unit of the layer on this axis."))
            spin.valueChanged.connect(self._units_edited)
        self.pca = QCheckBox(self.tr("PCA"))
        self.pca.setToolTip(
            self.tr(
                "Show the two directions along which the layer's values "
                "spread most (principal components) instead of two units."
            )
        )
        self.stage_z = QRadioButton(self.tr("z = W·a + b"))
        self.stage_a = QRadioButton(self.tr("a = f(z)"))
        self.stage_z.setToolTip(self.tr("Before the activation: only a linear map so far."))
        self.stage_a.setToolTip(self.tr("After the activation: where the bend happens."))
        group = QButtonGroup(self)
        for b in (self.stage_z, self.stage_a):
            group.addButton(b)
        self.layer_combo.currentIndexChanged.connect(
            lambda i: self.optionsChanged.emit({"hidden_layer": max(0, i)})
        )
        self.pca.toggled.connect(lambda on: self.optionsChanged.emit({"hidden_pca": on}))
        self.stage_a.toggled.connect(
            lambda on: self.optionsChanged.emit({"hidden_stage": "a" if on else "z"})
        )
        self.controls = QHBoxLayout()
        for w in (
            QLabel(self.tr("Layer")),
            self.layer_combo,
            self.unit_i,
            QLabel("×"),
            self.unit_j,
            self.pca,
            self.stage_z,
            self.stage_a,
        ):
            self.controls.addWidget(w)
        self.controls.addStretch(1)

    # ------------------------------------------------------------------ state in
    def set_options(
        self,
        hidden_sizes: tuple[int, ...],
        layer: int,
        units: tuple[int, ...],
        pca: bool,
        stage: str,
    ) -> None:
        """Show the session's choice for a network with these hidden layer sizes."""
        with blocked(
            self.layer_combo, self.unit_i, self.unit_j, self.pca, self.stage_a, self.stage_z
        ):
            self.layer_combo.clear()
            for i, n in enumerate(hidden_sizes):
                self.layer_combo.addItem(
                    self.tr("%1 (%2 units)").replace("%1", str(i + 1)).replace("%2", str(n))
                )
            layer = min(layer, max(len(hidden_sizes) - 1, 0))
            self.layer_combo.setCurrentIndex(layer)
            width = hidden_sizes[layer] if hidden_sizes else 1
            self._units = width
            i, j = units or (0, 1)
            for spin, value in ((self.unit_i, i), (self.unit_j, j)):
                spin.setRange(1, max(width, 1))
                spin.setValue(min(value, width - 1) + 1)
            self.pca.setChecked(pca)
            self.stage_a.setChecked(stage == "a")
            self.stage_z.setChecked(stage == "z")
        pair = width >= 2 and not pca
        for w in (self.unit_i, self.unit_j):
            w.setEnabled(pair)
        self.pca.setEnabled(width > 2)

    def _units_edited(self) -> None:
        i, j = self.unit_i.value() - 1, self.unit_j.value() - 1
        if i != j:
            self.optionsChanged.emit({"hidden_units": (i, j)})

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snap: Snapshot) -> None:
        space = payload_of(snap, self.name, self.empty, (self.plot, self.caption))
        if space is None or not self._drawn.is_new(space, snap):
            return
        train = ~snap.data.is_test
        y = snap.data.y[train]
        rgb = None
        if snap.data.task == "regression":
            rgb = palette.diverging_rgb(y, float(np.abs(y).max()) if len(y) else 1.0)
        self.points.set_points(space.points, y, snap.data, rgb)
        lines = space.lines
        if len(lines):
            gaps = np.full((len(lines), 1, 2), np.nan)
            flat = np.concatenate([lines, gaps], axis=1).reshape(-1, 2)
            self.lines.setData(flat[:, 0], flat[:, 1], connect="finite")
        else:
            self.lines.setData([], [])
        b = space.boundary
        self.boundary.setData(*(([], []) if b is None else (b[:, 0], b[:, 1])))
        self._set_labels(space.axes)
        self._set_ranges(space)
        self.caption.setText(self._caption(snap, space))

    def _set_labels(self, axes: tuple[str, str]) -> None:
        if self._shown.get("labels") != axes:
            self._shown["labels"] = axes
            self.plot.setLabel("bottom", axes[0])
            self.plot.setLabel("left", axes[1])

    def _set_ranges(self, space) -> None:
        """Ranges that hold the points and the grid lines, changed only when they leave them
        or fill too little of them (graphics.ranges.steady_range)."""
        parts = [space.points.reshape(-1, 2)]
        if len(space.lines):
            parts.append(np.asarray(space.lines).reshape(-1, 2))
        xy = np.concatenate(parts)
        xy = xy[np.isfinite(xy).all(axis=1)]
        if not len(xy):
            return
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        x = steady_range(self._shown.get("x"), float(lo[0]), float(hi[0]))
        y = steady_range(self._shown.get("y"), float(lo[1]), float(hi[1]))
        if (x, y) != (self._shown.get("x"), self._shown.get("y")):
            self._shown["x"], self._shown["y"] = x, y
            self.plot.getViewBox().setRange(xRange=x, yRange=y, padding=0.0)

    def _caption(self, snap: Snapshot, space) -> str:
        layer = snap.spec.hidden[space.layer]
        label = tr_core(activations.get(layer.activation).label)
        stage = (
            self.tr("before its activation (z)")
            if space.stage == "z"
            else self.tr("after %1").replace("%1", label)
        )
        text = (
            self.tr("Layer %1, %2: grey lines are the input plane's grid, mapped.")
            .replace("%1", str(space.layer + 1))
            .replace("%2", stage)
        )
        if space.boundary is not None:
            text += " " + self.tr(
                "The black line is where the output is ½: in this space one "
                "straight line separates the classes."
            )
        return text
