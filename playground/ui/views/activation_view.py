"""ActivationView: f(z) and f'(z) of one hidden layer over the live histogram of its z.

The histogram of the layer's z on the training points (LayerStats.z_counts over
[−z_range, z_range], computed in core) is scaled so its tallest bar reaches HIST_HEIGHT of the
curves' y span. Dead / saturated shares come from the same LayerStats.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.analysis.units import Z_MIN_RANGE
from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette, scale
from playground.ui.i18n.core_strings import tr_core

N_CURVE = 401
Y_CLIP = 3.0  # curves leave the plot above 3 / below −3: the shape near 0 matters
HIST_HEIGHT = 0.7
SHORT_H = 260  # px


class ActivationView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._act = ("tanh", None)
        self._z_range = Z_MIN_RANGE
        self._warn = None  # stats label in the warning colour
        self._drawn = None  # (activation, z range) the curves show
        self._short = False  # below SHORT_H: the formulas on one line
        self._build()
        self._draw_curves()

    def _build(self) -> None:
        self.plot = pg.PlotWidget(background="w", axisItems=items.opaque_axes(), enableMenu=False)
        self.plot.setMenuEnabled(False)
        items.fast_view(self.plot)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        item = self.plot.getPlotItem()
        items.style_axes(item, 10)
        item.setLabel("bottom", "z")
        item.setLabel("left", self.tr("value"))
        item.showGrid(x=True, y=True, alpha=0.15)
        self.legend = items.legend_above(item, 3)
        grey = palette.over_white((150, 150, 150), 90)  # opaque: the fast fill path
        self.hist = pg.PlotCurveItem(
            x=[0.0, 1.0],
            y=[0.0],
            stepMode="center",
            fillLevel=0.0,
            brush=pg.mkBrush(*grey),
            pen=pg.mkPen(*palette.over_white((130, 130, 130), 160)),
        )
        self.f_curve = pg.PlotCurveItem(pen=pg.mkPen(*palette.BLUE, width=3))
        self.df_curve = pg.PlotCurveItem(
            pen=pg.mkPen(*palette.VERMILLION, width=2.5, style=pg.QtCore.Qt.PenStyle.DashLine)
        )
        for c, name in (
            (self.hist, self.tr("z on training data")),
            (self.f_curve, "f(z)"),
            (self.df_curve, "f′(z)"),
        ):
            item.addItem(c)
            self.legend.addItem(c, name)
        self.title = QLabel()
        self.stats = QLabel()
        big = QFont()
        big.setPointSizeF(scale.pt(11))
        self.title.setFont(big)
        self.title.setWordWrap(True)
        self.stats.setFont(big)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.stats)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        short = self.height() < SHORT_H * scale.factor()
        if short != self._short:
            self._short = short
            if self._drawn is not None:  # curves shown (not the no-hidden-layer note)
                self._drawn = None
                self._draw_curves()

    # ------------------------------------------------------------------ public API
    def set_activation(self, name: str, param: float | None = None) -> None:
        """Redraw the curves at once for another activation (before the next snapshot)."""
        activations.get(name)
        self._act = (name, param)
        self._draw_curves()

    def show_snapshot(self, snap: Snapshot, layer: int) -> None:
        hidden = snap.spec.hidden
        if not hidden:
            _set_text(
                self.title,
                self.tr(
                    "No hidden layer: the network is a linear model followed by its output head."
                ),
            )
            _set_text(self.stats, "")
            self._drawn = None
            self.hist.setData([0.0, 1.0], [0.0])
            return
        layer = min(max(int(layer), 0), len(hidden) - 1)
        spec_layer = hidden[layer]
        if (spec_layer.activation, spec_layer.param) != self._act:
            self._act = (spec_layer.activation, spec_layer.param)
        stats = snap.layer_stats[layer]
        self._z_range = stats.z_range
        self._draw_curves()
        self._draw_hist(stats.z_counts)
        self._set_labels(snap, layer)

    # ------------------------------------------------------------------ drawing
    def _draw_curves(self) -> None:
        if self._drawn == (self._act, self._z_range):
            return
        self._drawn = (self._act, self._z_range)
        name, param = self._act
        act = activations.get(name)
        r = self._z_range
        zs = np.linspace(-r, r, N_CURVE)
        f, df = act(zs, param), act.grad(zs, param)
        self.f_curve.setData(zs, f)
        self.df_curve.setData(zs, df)
        both = np.concatenate([f, df])
        lo = max(min(float(both.min()), -0.1), -Y_CLIP)
        hi = min(max(float(both.max()), 1.1), Y_CLIP)
        pad = 0.05 * (hi - lo)
        self._y = (lo - pad, hi + pad)
        self.plot.setRange(xRange=(-r, r), yRange=self._y, padding=0.0)
        self.plot.getViewBox().prepareForPaint()  # apply now: a mid-paint change paints twice
        label = tr_core(act.label)
        if act.param_name is not None:
            label += f" ({act.param_name} = {act.resolve_param(param):g})"
        gap = " · " if self._short else "<br>"  # short: f and f′ on one line
        _set_text(
            self.title,
            f"<b>{label}</b>: {tr_core(act.formula)}{gap}{tr_core(act.derivative_formula)}",
        )

    def _draw_hist(self, counts: np.ndarray) -> None:
        r = self._z_range
        edges = np.linspace(-r, r, len(counts) + 1)
        lo, hi = self._y
        top = counts.max() if counts.size and counts.max() > 0 else 1
        heights = counts / top * HIST_HEIGHT * (hi - lo) + lo
        self.hist.setFillLevel(lo)
        self.hist.setData(edges, heights)

    def _set_labels(self, snap: Snapshot, layer: int) -> None:
        stats = snap.layer_stats[layer]
        n = stats.dead.size
        dead, sat = int(stats.dead.sum()), int(stats.saturated.sum())
        _set_text(
            self.stats,
            self.tr("Layer {i}: dead {d}/{n} ({dp:.0%}) · saturated {s}/{n} ({sp:.0%})").format(
                i=layer + 1, d=dead, n=n, dp=stats.dead_fraction, s=sat, sp=stats.saturated_fraction
            ),
        )
        warn = bool(dead or sat)
        if warn != self._warn:  # a palette change, not a style sheet: no re-polish per frame
            self._warn = warn
            pal = self.stats.palette()
            pal.setColor(
                QPalette.ColorRole.WindowText,
                palette.qcolor(palette.VERMILLION if warn else palette.INK),
            )
            self.stats.setPalette(pal)


def _set_text(label: QLabel, text: str) -> None:
    """setText only on change: a QLabel relayouts (rich text re-parses) on every setText."""
    if label.text() != text:
        label.setText(text)
