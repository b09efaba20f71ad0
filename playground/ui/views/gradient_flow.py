"""GradientFlowView: how much of the training signal reaches each layer.

Draws the "gradients" insight payload (live.payloads.GradientsPayload). Left: the recorded
‖dL/dW_l‖ of every layer's mini-batch gradient over the training steps, log y, one ordered colour
per layer (palette.layer_rgb: layer 1 … the output layer), through the last record of each
bucket; vanishing gradients show as curves fanned out by orders of magnitude. Right, one row per
hidden layer (layer 1 at the top), on the training points now (core.analysis.flow): the histogram
of its activations a (mass at the ends of a bounded range = saturation) and of the gradients dℓ/dz
it passes back, on one linear range shared by every row, with each row's rms at the right (a row
narrowing toward the top = vanishing). Each histogram is scaled to its own tallest bin. A caption
compares the first layer's recent gradient with the output layer's.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette
from playground.ui.graphics.ranges import growing_range
from playground.ui.i18n.core_strings import tr_core
from playground.ui.views.insight_common import NotApplicableLabel, payload_of

VANISHING = 20.0  # a first / output layer ratio beyond this, either way, is called out
ROW_HEIGHT = 0.8  # the tallest bin of a row, in rows
FILL_ALPHA = 90


def ratio_number(x: float) -> str:
    """x ≥ 1 to two significant digits: 3157 → "3,200", 4.26 → "4.3"."""
    x = float(f"{x:.2g}")
    return f"{x:,.0f}" if 10 <= x < 1e6 else f"{x:.2g}"


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def decade_ticks(lo: int, hi: int) -> tuple[tuple[int, str], ...]:
    """Ticks at the powers of ten 10^lo … 10^hi (log10 axis positions): 0.001 … 1000 written
    out, others as 10⁻⁵; every other decade when there are more than 8."""
    every = 1 if hi - lo <= 8 else 2
    return tuple(
        (k, f"{10.0**k:g}" if -3 <= k <= 3 else "10" + str(k).translate(_SUPERSCRIPT))
        for k in range(hi, lo - 1, -every)
    )


def _end_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Ticks at both ends of [lo, hi], and at 0 when it lies inside."""
    ticks = [(lo, f"{lo:g}"), (hi, f"{hi:g}")]
    return ticks + [(0.0, "0")] if lo < 0 < hi else ticks


def _plot(plot: pg.PlotItem) -> None:
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(False, False)
    items.style_axes(plot, 10)
    plot.disableAutoRange()


class GradientFlowView(QWidget):
    name = "gradients"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._drawn = None  # the payload on screen
        self._layers = -1  # layers the curves and rows are set up for
        self._hidden: list[str] = []  # and the hidden layers' activations
        self._shown: dict = {}  # what each axis and range shows now: set only on change
        self.curves: list[pg.PlotCurveItem] = []
        self.rows: list[tuple[pg.PlotCurveItem, pg.PlotCurveItem]] = []
        self._build_norms()
        self._build_histograms()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.empty = NotApplicableLabel()
        norms = QVBoxLayout()
        norms.setSpacing(0)
        norms.addWidget(self.legend)
        norms.addWidget(self.norm_widget, 1)
        plots = QHBoxLayout()
        plots.addLayout(norms, 1)
        plots.addWidget(self.hist_widget, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(plots, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.empty)

    @property
    def drawn(self):
        """The gradients payload on screen (None: none yet)."""
        return self._drawn

    def _build_norms(self) -> None:
        self.norm_widget = pg.PlotWidget(background="w", axisItems=items.opaque_axes())
        items.fast_view(self.norm_widget)
        self.norms = self.norm_widget.getPlotItem()
        _plot(self.norms)
        self.norms.showGrid(x=True, y=True, alpha=0.15)
        self.norms.setLogMode(y=True)
        self.norms.setLabel("left", self.tr("‖dL/dW‖"))
        self.norms.setLabel("bottom", self.tr("training step"))
        self.norms.getAxis("left").setWidth(56)
        self._set(self.norms, "y", (-4, 0), padding=0.03)  # until the first record
        self._set(self.norms, "left", decade_ticks(-4, 0))
        self.legend = QLabel()  # one line of coloured swatches (up to 11 layers fit)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.legend.setWordWrap(True)

    def _build_histograms(self) -> None:
        self.hist_widget = pg.GraphicsLayoutWidget()
        self.hist_widget.setBackground("w")
        items.fast_view(self.hist_widget)
        self.act_plot = self.hist_widget.addPlot(row=0, col=0, axisItems=items.opaque_axes())
        self.grad_plot = self.hist_widget.addPlot(
            row=0,
            col=1,
            axisItems={"right": items.OpaqueAxis("right"), "bottom": items.OpaqueAxis("bottom")},
        )
        for plot, title in (
            (self.act_plot, self.tr("activation a")),
            (self.grad_plot, self.tr("gradient dℓ/dz")),
        ):
            _plot(plot)
            plot.setLabel("bottom", title)  # (a title would set the plot's minimum width)
        self.grad_plot.hideAxis("left")
        self.grad_plot.showAxis("right")
        items.style_axes(self.grad_plot, 10)  # the right axis too
        right = self.grad_plot.getAxis("right")
        right.setPen(pg.mkPen(palette.INK))
        right.setTextPen(pg.mkPen(palette.INK))
        right.setWidth(58)
        self.act_plot.getAxis("left").setWidth(74)

    # ------------------------------------------------------------------ layers
    def _set_layers(self, n: int, hidden: tuple[str, ...]) -> None:
        """Curves for n layers and histogram rows for the hidden ones, in the ordered colours."""
        colours = palette.layer_rgb(n)
        while len(self.curves) < n:
            self.curves.append(pg.PlotCurveItem())  # y: log10 ‖dL/dW‖ on the log axis
            self.norms.addItem(self.curves[-1])
        while len(self.rows) < len(hidden):
            self.rows.append((self._row_curve(self.act_plot), self._row_curve(self.grad_plot)))
        for i, curve in enumerate(self.curves):
            curve.setVisible(i < n)
            if i < n:
                curve.setPen(pg.mkPen(*colours[i], width=2))
            else:
                curve.setData([], [])
        labels = [str(i + 1) for i in range(n - 1)] + [self.tr("output")]
        if n > 1:
            labels[0] = self.tr("layer %1").replace("%1", "1")
        self.legend.setText(
            "&nbsp;&nbsp; ".join(
                f"<span style='color: rgb{colours[i]}'>━━</span>&nbsp;{label}"
                for i, label in enumerate(labels)
            )
        )
        for i, pair in enumerate(self.rows):
            for curve in pair:
                curve.setVisible(i < len(hidden))
                if i < len(hidden):
                    curve.setPen(pg.mkPen(*colours[i], width=1.5))
                    curve.setBrush(pg.mkBrush(*palette.over_white(colours[i], FILL_ALPHA)))
        names = [tr_core(activations.get(a).label) for a in hidden]
        ticks = tuple(
            (len(hidden) - 1 - i + ROW_HEIGHT / 2, f"{i + 1} {name}")
            for i, name in enumerate(names)
        )
        self._set(self.act_plot, "left", ticks)
        for plot in (self.act_plot, self.grad_plot):
            self._set(plot, "y", (-0.05, max(len(hidden), 1) - 1 + ROW_HEIGHT + 0.1))
        self._layers = n

    @staticmethod
    def _row_curve(plot: pg.PlotItem) -> pg.PlotCurveItem:
        curve = pg.PlotCurveItem()  # stepMode "center" with its first data
        plot.addItem(curve)
        return curve

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snap: Snapshot) -> None:
        payload = payload_of(
            snap,
            self.name,
            self.empty,
            (self.norm_widget, self.hist_widget, self.legend, self.caption),
        )
        if payload is None or payload is self._drawn:
            return
        self._drawn = payload
        layers = payload.flow.layers
        n = len(payload.norms.metrics)
        if n != self._layers or [r.activation for r in layers] != self._hidden:
            self._hidden = [r.activation for r in layers]
            self._set_layers(n, tuple(self._hidden))
        self._draw_norms(payload.norms)
        self.hist_widget.setVisible(bool(layers))
        if layers:
            self._draw_rows(layers)
        text = self.caption_text(payload)
        if text != self.caption.text():
            self.caption.setText(text)

    def _draw_norms(self, h) -> None:
        steps = h.step.astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.log10(np.where(h.final > 0, h.final, np.nan))  # (n, layers); ≤ 0 → NaN
        logs[~np.isfinite(logs)] = np.nan
        for layer, curve in enumerate(self.curves[: len(h.metrics)]):
            curve.setData(steps, logs[:, layer], connect="finite")
        if not len(steps):
            return
        x = growing_range(self._shown.get((id(self.norms), "x")), float(steps[0]), float(steps[-1]))
        self._set(self.norms, "x", x, padding=0.02)
        y = logs[np.isfinite(logs)]
        if y.size:  # whole decades: the range (and the axis) change only when a curve leaves it
            lo, hi = int(np.floor(y.min())), int(np.ceil(y.max()))
            hi = max(hi, lo + 1)
            self._set(self.norms, "y", (lo, hi), padding=0.03)
            self._set(self.norms, "left", decade_ticks(lo, hi))
        self.norms.vb.prepareForPaint()

    def _set(self, plot: pg.PlotItem, what: str, value, padding: float = 0.0) -> None:
        """A range ("x", "y") or an axis's ticks (an axis name), set only when it changes."""
        key = (id(plot), what)
        if self._shown.get(key) == value:
            return
        self._shown[key] = value
        if what == "x":
            plot.setXRange(*value, padding=padding)
        elif what == "y":
            plot.setYRange(*value, padding=padding)
        else:
            plot.getAxis(what).setTicks([list(value), []])

    def _draw_rows(self, layers) -> None:
        count = len(layers)
        for i, (row, (act_curve, grad_curve)) in enumerate(zip(layers, self.rows, strict=False)):
            base = count - 1 - i  # layer 1 at the top
            for hist, curve in ((row.activations, act_curve), (row.gradients, grad_curve)):
                peak = max(int(hist.counts.max()), 1)
                curve.setData(
                    hist.edges,
                    base + ROW_HEIGHT * hist.counts / peak,
                    stepMode="center",
                    fillLevel=base,
                )
        lo = min(r.activations.lo for r in layers)
        hi = max(r.activations.hi for r in layers)
        self._set(self.act_plot, "x", (lo, hi), padding=0.03)
        self._set(self.act_plot, "bottom", tuple(_end_ticks(lo, hi)))
        R = layers[0].gradients.hi
        self._set(self.grad_plot, "x", (-R, R), padding=0.03)
        self._set(self.grad_plot, "bottom", tuple(_end_ticks(-R, R)))
        rms = tuple(
            (count - 1 - i + ROW_HEIGHT / 2, f"{r.gradient_rms:.1e}") for i, r in enumerate(layers)
        )
        self._set(self.grad_plot, "right", rms)
        for plot in (self.act_plot, self.grad_plot):
            plot.vb.prepareForPaint()

    def caption_text(self, payload) -> str:
        recent = payload.recent
        if len(recent) < 2:
            return self.tr(
                "With no hidden layer the gradient has nothing to pass through: only "
                "the output layer learns."
            )
        first, last = recent[0], recent[-1]
        if not (math.isfinite(first) and math.isfinite(last) and last > 0):
            return self.tr(
                "No gradient recorded yet: while training, every %1 steps the norm "
                "‖dL/dW‖ of each layer's mini-batch gradient is recorded."
            ).replace("%1", str(payload.every))
        ratio = first / last
        if ratio < 1 / VANISHING:
            text = self.tr(
                "Layer 1's gradient is 1/%1 of the output layer's: the first layers "
                "barely learn (vanishing gradients)."
            ).replace("%1", ratio_number(1 / ratio) if ratio > 0 else "∞")
        elif ratio > VANISHING:
            text = self.tr(
                "Layer 1's gradient is %1 times the output layer's: it grows on its "
                "way back to the input."
            ).replace("%1", ratio_number(ratio))
        else:
            text = self.tr(
                "Layer 1's gradient is %1 times the output layer's: the error signal "
                "reaches the first layers."
            ).replace("%1", f"{ratio:.2g}")
        return (
            text
            + " "
            + self.tr(
                "Right, on the training points now: each hidden layer's "
                "activations (mass at the ends: saturated) and the gradients "
                "it passes back (narrower toward the top: vanishing; their "
                "rms at the right)."
            )
        )
