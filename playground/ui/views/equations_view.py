"""EquationsView: the vectorized forward and backward equations of the current network, with
the shapes for a batch of m samples and, for small layers, the actual numbers.

Draws the "equations" insight payload (core.analysis.equations.Equations) as rich text
(equations_html). The spin box asks the session for another m (batchChanged; 0: follow the
training batch size); the view reflects the session's choice through set_batch().
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.graphics.widgets import blocked
from playground.ui.views import equations_html
from playground.ui.views.insight_common import NotApplicableLabel, payload_of

POINT_SIZE = 14  # projector-readable


class EquationsView(QWidget):
    name = "equations"
    batchChanged = Signal(int)  # m asked for; 0 = the training batch size

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.m_spin = QSpinBox()
        self.m_spin.setPrefix("m = ")
        self.m_spin.setRange(1, 1)
        self.m_spin.setKeyboardTracking(False)  # typed numbers apply on Enter, not per digit
        self.m_spin.setToolTip(
            self.tr(
                "Samples in the batch the equations are written for: "
                "the first m training points, one per column."
            )
        )
        self.m_spin.valueChanged.connect(self.batchChanged.emit)
        self.follow = QPushButton(self.tr("Use the batch size"))
        self.follow.setToolTip(self.tr("Let m follow the training batch size."))
        self.follow.clicked.connect(lambda: self.batchChanged.emit(0))
        controls = QHBoxLayout()
        for w in (QLabel(self.tr("Batch")), self.m_spin, self.follow):
            controls.addWidget(w)
        controls.addStretch(1)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        font = QFont()
        font.setPointSizeF(scale.pt(POINT_SIZE))
        self.text.setFont(font)
        self.empty = NotApplicableLabel()
        self._payload = None
        self._html = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.empty)

    # ------------------------------------------------------------------ state in
    def set_batch(self, m: int, n_train: int, follows: bool) -> None:
        """Show the session's m (already capped to the n_train training points); follows: m is
        the training batch size."""
        with blocked(self.m_spin):
            self.m_spin.setRange(1, max(n_train, 1))
            self.m_spin.setValue(max(1, min(m, n_train)))
        self.m_spin.setEnabled(n_train > 0)
        self.follow.setEnabled(not follows)

    def show_snapshot(self, snap: Snapshot) -> None:
        payload = payload_of(snap, self.name, self.empty, (self.text,))
        if payload is None or payload is self._payload:
            return
        self._payload = payload
        html = equations_html.document(payload)
        if html == self._html:
            return
        self._html = html
        bars = (self.text.verticalScrollBar(), self.text.horizontalScrollBar())
        where = [bar.value() for bar in bars]
        self.text.setHtml(html)  # resets the scroll position: put it back
        for bar, value in zip(bars, where):
            bar.setValue(value)
