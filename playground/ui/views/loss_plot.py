"""LossPlot: train and test loss per epoch (snap.history), accuracy below for classification.

Two plots in one GraphicsLayoutWidget with linked x (epoch); the accuracy plot hides for
regression. The history keeps long runs in buckets (core.nn.history): the lines go through each
bucket's last epoch and a light band spans the least and greatest training loss of the bucket,
so no epoch range and no minimum is ever dropped. A vertical cursor line follows the mouse and a
label reads out that bucket. Only redraws when the history changes (key: run id, buckets, span,
last epoch and loss).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.nn.history import METRICS
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette, scale
from playground.ui.graphics.ranges import growing_range, steady_range

TRAIN_RGB, TEST_RGB = palette.BLUE, palette.ORANGE
EMPTY_EPOCHS = 10  # the epoch axis of a run with no records yet
ACC_MIN_H = 230  # px: below this the accuracy plot folds away (the status bar says it)


class LossPlot(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._key = None
        self._log = False
        self._classify: bool | None = None  # the task shown: classification or regression
        self._both: tuple | None = None  # (accuracy plot shown, tall) as arranged
        self._x_shown = self._y_shown = None  # the ranges set (see graphics.ranges)
        self._epochs = np.zeros(0)
        self._cols: dict[str, np.ndarray] = {}
        self._band = (np.zeros(0), np.zeros(0))  # least and greatest train loss per bucket
        self._build()

    def _build(self) -> None:
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        items.fast_view(self.graphics)
        self.loss = self.graphics.addPlot(
            row=0, col=0, axisItems=items.opaque_axes(True), enableMenu=False
        )
        self.acc = self.graphics.addPlot(
            row=1, col=0, axisItems=items.opaque_axes(True), enableMenu=False
        )
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)
        self.acc.setXLink(self.loss)
        for plot, ylabel in ((self.loss, self.tr("loss")), (self.acc, self.tr("accuracy"))):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(False, False)
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.setLabel("left", ylabel)
            items.style_axes(plot, 10)
            for name in ("left", "bottom"):  # major and one minor level: fewer lines to draw
                plot.getAxis(name).setStyle(maxTickLevel=1)
            plot.getAxis("left").setWidth(56)
        self.acc.setLabel("bottom", self.tr("epoch"))
        self.acc.setYRange(0, 1, padding=0.1)  # room for the "0" and "1" labels at the ends

        for plot in (self.loss, self.acc):  # ranges are set from the history in _redraw:
            plot.disableAutoRange()  # a deferred autorange would paint every update twice
        self.acc.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")], []])
        self._build_curves()
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(120, 120, 120, 160, width=1))
        self.cursor.setVisible(False)
        self.loss.addItem(self.cursor, ignoreBounds=True)
        self.readout = QLabel(" ")
        big = QFont()
        big.setPointSizeF(scale.pt(10.5))
        self.readout.setFont(big)
        self.readout.setWordWrap(True)  # two lines, fixed: the views below never move
        self.readout.setFixedHeight(2 * self.readout.fontMetrics().lineSpacing() + 4)
        self.graphics.scene().sigMouseMoved.connect(self._on_hover)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.readout)

    def _build_curves(self) -> None:
        legend = items.legend_above(self.loss, 2)
        dash = Qt.PenStyle.DashLine
        self.band_low = pg.PlotCurveItem()
        self.band_high = pg.PlotCurveItem()
        self.band = pg.FillBetweenItem(
            self.band_low, self.band_high, brush=pg.mkBrush(*palette.over_white(TRAIN_RGB, 60))
        )
        self.loss.addItem(self.band)
        self.train_loss = self.loss.plot(pen=pg.mkPen(*TRAIN_RGB, width=2.5))
        self.test_loss = self.loss.plot(pen=pg.mkPen(*TEST_RGB, width=2.5, style=dash))
        legend.addItem(self.train_loss, self.tr("train"))
        legend.addItem(self.test_loss, self.tr("test"))
        self.train_acc = self.acc.plot(pen=pg.mkPen(*TRAIN_RGB, width=2))
        self.test_acc = self.acc.plot(pen=pg.mkPen(*TEST_RGB, width=2, style=dash))
        self.legend = legend

    # ------------------------------------------------------------------ public API
    def show_snapshot(self, snap: Snapshot) -> None:
        h = snap.history
        last = (int(h.last[-1]), float(h.final[-1, 0])) if len(h) else None
        key = (snap.run_id, len(h), h.span, last, snap.data.task)  # by value: snapshots arrive
        # from the training process as new objects each time
        if key == self._key:
            return
        self._key = key
        self._epochs = h.last.astype(np.float64)
        self._cols = {k: h.column(k) for k in METRICS}
        self._band = (h.column("train_loss", "low"), h.column("train_loss", "high"))
        classify = snap.data.task != "regression"
        if classify != self._classify:  # a layout change: only when the task changes
            self._classify = classify
            self._arrange()
        self._redraw()

    def _arrange(self) -> None:
        """The accuracy plot under the loss when classifying and tall enough (ACC_MIN_H);
        otherwise the loss plot alone takes the room and names the epoch axis. Short: a
        one-line readout and fewer loss ticks."""
        tall = self.height() >= ACC_MIN_H * scale.factor()
        both = bool(self._classify) and tall
        if (both, tall) != self._both:
            self._both = (both, tall)
            self._show_accuracy(both)
            self.loss.setLabel("bottom", None if both else self.tr("epoch"))
            lines = 2 if tall else 1
            self.readout.setFixedHeight(lines * self.readout.fontMetrics().lineSpacing() + 4)
            self.loss.getAxis("left").setTickDensity(1.0 if tall else 0.5)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._classify is not None:
            self._arrange()

    def _show_accuracy(self, on: bool) -> None:
        """Show or collapse the accuracy plot (kept in the layout); the loss plot takes the room."""
        self.acc.setVisible(on)
        self.acc.setMaximumHeight(16777215 if on else 0)
        self.graphics.ci.layout.setRowStretchFactor(1, 1 if on else 0)

    def set_log_scale(self, on: bool) -> None:
        self._log = bool(on)
        self._y_shown = None
        self.loss.setLogMode(y=self._log)
        self._redraw()

    def log_scale(self) -> bool:
        return self._log

    def clear(self) -> None:
        """Forget the run shown: no curves, no readout, axes back to epochs 0..10."""
        self._key = None
        self._epochs = np.zeros(0)
        self._cols = {}
        self._band = (np.zeros(0), np.zeros(0))
        self.cursor.setVisible(False)
        self._x_shown = self._y_shown = None
        self.loss.setXRange(0, EMPTY_EPOCHS, padding=0.02)
        self.loss.setYRange(0, 1, padding=0.05)
        for c in (
            self.train_loss,
            self.test_loss,
            self.train_acc,
            self.test_acc,
            self.band_low,
            self.band_high,
        ):
            c.setData([], [])
        self.readout.setText(" ")

    def readout_text(self, epoch: float) -> str:
        """Values of the recorded epoch nearest to `epoch`."""
        if not len(self._epochs):
            return ""
        i = int(np.argmin(np.abs(self._epochs - epoch)))
        parts = [
            self.tr("epoch {e}").format(e=int(self._epochs[i])),
            self.tr("train loss {v:.4g}").format(v=self._cols["train_loss"][i]),
        ]
        test_loss = self._measured_near("test_loss", i)
        if test_loss is not None:
            parts.append(self.tr("test loss {v:.4g}").format(v=test_loss))
        if math.isfinite(self._cols["train_accuracy"][i]):
            parts.append(self.tr("train acc {v:.1%}").format(v=self._cols["train_accuracy"][i]))
        test_acc = self._measured_near("test_accuracy", i)
        if test_acc is not None:
            parts.append(self.tr("test acc {v:.1%}").format(v=test_acc))
        return " · ".join(parts)

    def _measured_near(self, key: str, i: int) -> float | None:
        """A test metric at record i, or at the nearest record that measured it."""
        col = self._cols[key]
        measured = np.flatnonzero(np.isfinite(col))
        if not len(measured):
            return None
        j = measured[np.argmin(np.abs(self._epochs[measured] - self._epochs[i]))]
        return float(col[j])

    # ------------------------------------------------------------------ drawing
    def _redraw(self) -> None:
        if not self._cols:
            return
        e = self._epochs
        for curve, key in ((self.train_loss, "train_loss"), (self.test_loss, "test_loss")):
            y = self._cols[key]
            if self._log:  # log axis: only positive losses
                y = np.where(y > 0, y, np.nan)
            curve.setData(*_measured(e, y, key == "test_loss"), connect="finite")
        for curve, y in zip((self.band_low, self.band_high), self._band, strict=True):
            if self._log:  # the band's curves are not plot items: map them to log10 here
                with np.errstate(divide="ignore", invalid="ignore"):
                    y = np.log10(np.where(y > 0, y, np.nan))
            curve.setData(e, y, connect="finite")
        self.train_acc.setData(e, self._cols["train_accuracy"], connect="finite")
        self.test_acc.setData(*_measured(e, self._cols["test_accuracy"], True), connect="finite")
        self._set_ranges()

    def _set_ranges(self) -> None:
        """x: first to last epoch; y: 0 (or the smallest log10 loss) to the largest loss."""
        e = self._epochs
        if not len(e):
            self.loss.setXRange(0, EMPTY_EPOCHS, padding=0.02)
            return
        x = growing_range(self._x_shown, float(e[0]), float(e[-1]))
        if x != self._x_shown:  # rarely: a range change re-lays out the axes
            self._x_shown = x
            self.loss.setXRange(*x, padding=0.02)
        y = np.concatenate([self._cols["train_loss"], self._cols["test_loss"], *self._band])
        y = y[np.isfinite(y) & (y > 0)] if self._log else y[np.isfinite(y)]
        if not y.size:
            return
        if self._log:
            lo, hi = float(np.log10(y.min())), float(np.log10(y.max()))
            span = steady_range(self._y_shown, lo, hi)
        else:
            span = (min(0.0, float(y.min())), max(float(y.max()), 1e-6))
        if span != self._y_shown:
            self._y_shown = span
            self.loss.setYRange(*span, padding=0.05)
        for plot in (self.loss, self.acc):  # apply the new ranges now, not during the paint
            plot.vb.prepareForPaint()  # (a transform change mid-paint queues a second paint)

    def _on_hover(self, scene_pos) -> None:
        vb = self.loss.getViewBox()
        inside = self.loss.sceneBoundingRect().contains(scene_pos) or (
            self.acc.isVisible() and self.acc.sceneBoundingRect().contains(scene_pos)
        )
        if not inside or not len(self._epochs):
            self.cursor.setVisible(False)
            return
        epoch = vb.mapSceneToView(scene_pos).x()
        i = int(np.argmin(np.abs(self._epochs - epoch)))
        self.cursor.setPos(self._epochs[i])
        self.cursor.setVisible(True)
        self.readout.setText(self.readout_text(epoch))


def _measured(x: np.ndarray, y: np.ndarray, skip_gaps: bool) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) to draw: for a test metric, only the epochs it was measured at (the trainer
    evaluates the test set when its budget allows: NaN elsewhere), joined by the line."""
    if not skip_gaps:
        return x, y
    keep = np.isfinite(y)
    return x[keep], y[keep]
