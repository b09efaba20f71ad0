"""CollapseView: the single affine map a run of linear layers is, with its actual numbers.

Draws the "collapse" insight payload (live.payloads.CollapsePayload): for every run of layers
joined by linear activations, the formula with the layer numbers (W = W₃·W₂·W₁, b = …), W and b
rounded, and the largest |difference| between the stack and the single map on the training
points. When nothing collapses it says which layers bend. A check box asks the session to draw
the single map's boundary on the plane (DataCanvas), over the network's own.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.graphics.widgets import blocked
from playground.ui.i18n.core_strings import tr_core
from playground.ui.views.insight_common import DrawnOnce, NotApplicableLabel, payload_of

DECIMALS = 3


class CollapseView(QWidget):
    name = "collapse"
    singleMapToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        font = QFont()
        font.setPointSizeF(scale.pt(11.5))
        self.summary.setFont(font)
        self.numbers = QTextBrowser()
        self.numbers.setOpenLinks(False)
        big = QFont()
        big.setPointSizeF(scale.pt(11))
        self.numbers.setFont(big)
        self.overlay = QCheckBox(self.tr("Draw the single map's boundary on the plane"))
        self.overlay.setToolTip(
            self.tr(
                "A dashed line where the one collapsed map gives ½: it "
                "lies on the network's own boundary."
            )
        )
        self.overlay.toggled.connect(self.singleMapToggled.emit)
        self.empty = NotApplicableLabel()
        self._key = None
        self._drawn = DrawnOnce()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.numbers, 10)
        layout.addWidget(self.overlay)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def set_single_map(self, on: bool) -> None:
        with blocked(self.overlay):
            self.overlay.setChecked(on)

    def show_snapshot(self, snap: Snapshot) -> None:
        payload = payload_of(
            snap, self.name, self.empty, (self.summary, self.numbers, self.overlay)
        )
        if payload is None or not self._drawn.is_new(payload, snap):
            return
        report = payload.report
        self.overlay.setVisible(payload.single_map is not None)
        self.summary.setText(self._summary(snap, report))
        html = "".join(self._run_html(run, len(snap.spec.hidden)) for run in report.runs)
        self.numbers.setVisible(bool(html))
        key = (html, report.whole)
        if key != self._key:  # setHtml resets the scroll position: only on change
            self._key = key
            self.numbers.setHtml(html)

    def _summary(self, snap: Snapshot, report) -> str:
        if report.whole:
            return self.tr(
                "Every hidden activation is linear, so the whole network is ONE "
                "affine map z = W·x + b before its output head: however deep, it "
                "draws one straight boundary."
            )
        bends = ", ".join(
            f"{i + 1} ({tr_core(activations.get(snap.spec.hidden[i].activation).label)})"
            for i in report.bends
        )
        text = self.tr("Layers %1 bend the plane, so the network is not one linear map.").replace(
            "%1", bends
        )
        if report.runs:
            text += " " + self.tr("Layers joined by linear activations still merge:")
        return text

    def _run_html(self, run, n_hidden: int) -> str:
        last = str(run.last + 1)
        if run.last == n_hidden:
            last = self.tr("%1 (the output layer)").replace("%1", last)
        head = (
            self.tr("Layers %1 to %2 act as one map:")
            .replace("%1", str(run.first + 1))
            .replace("%2", last)
        )
        diff = self.tr("max |stack − single map| on the training points: %1").replace(
            "%1", f"{run.max_abs_diff:.2g}"
        )
        return (
            f"<p><b>{head}</b><br><tt>{run.formula_W}<br>{run.formula_b}</tt><br>{diff}</p>"
            f"<p><tt>W =</tt>{_matrix_html(run.W)}<tt>b =</tt>{_matrix_html(run.b[:, None])}"
            "</p>"
        )


def _matrix_html(m: np.ndarray) -> str:
    rows = "".join(
        "<tr>"
        + "".join(f"<td align='right'>&nbsp;{v:.{DECIMALS}f}&nbsp;</td>" for v in row)
        + "</tr>"
        for row in m
    )
    return f"<table style='font-family: monospace'>{rows}</table>"
