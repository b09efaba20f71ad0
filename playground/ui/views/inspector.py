"""ForwardInspector: one input of the plane followed through every layer, with its numbers.

Draws the "inspector" insight payload (live.payloads.InspectorPayload) for the point under the
pointer or the pinned one: per layer and unit the products input × weight, the bias as 1 × b,
their sum z, the activation and a = f(z) (inspector_text); off units grey; the output and the
predicted class. The Pin / Unpin button sends a request (pinRequested); the session's pinned
point comes back through set_pinned().

The rows are painted, not laid out as rich text: a new pass (every frame while training, or as
the pointer moves) formats and draws only the rows on screen (a QTextDocument of a 6 × 8
network took ~50 ms to lay out).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from playground.core.data.features import usable_features
from playground.live.snapshot import Snapshot
from playground.ui.graphics import palette
from playground.ui.views import inspector_text as texts
from playground.ui.views.insight_common import NotApplicableLabel, payload_of
from playground.ui.views.inspector_text import legend, num

FONT_PT = 13.0  # readable on a projector
MARGIN = 6  # px around the text
COLORS = {"plain": palette.INK, "title": palette.INK, "output": palette.INK, "off": texts.OFF_RGB}


def fits(payload, snap: Snapshot) -> bool:
    """The payload was computed for this network and these inputs (not a stale one kept from
    before an edit)."""
    fp = payload.forward
    return fp.sizes == tuple(snap.spec.sizes) and fp.features == usable_features(
        snap.features, snap.data.dim
    )


class ForwardInspector(QWidget):
    name = "inspector"
    pinRequested = Signal(object)  # (x, y) to pin there, or None to unpin

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._pinned: tuple = ()
        self._payload = None
        self._class_label = str
        self.where = QLabel()
        self.where.setWordWrap(True)
        font = QFont()
        font.setPointSizeF(11.5)
        self.where.setFont(font)
        self.pin_button = QPushButton(self.tr("Pin"))
        self.pin_button.clicked.connect(self._pin_clicked)
        self.header = QWidget()
        row = QHBoxLayout(self.header)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.where, 1)
        row.addWidget(self.pin_button)
        self.legend = QLabel(legend())
        self.legend.setWordWrap(True)
        self.rows = PassRows()
        self.text = QScrollArea()
        self.text.setWidget(self.rows)
        self.text.setStyleSheet("QScrollArea { background: white; }")
        self.empty = NotApplicableLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.empty)
        self._show_pin_state()

    # ------------------------------------------------------------------ state in
    @property
    def payload(self):
        """The forward-pass payload shown (None: none yet)."""
        return self._payload

    def set_pinned(self, point) -> None:
        """The session's pinned point (x, y), or () / None when the inspector follows the
        pointer."""
        self._pinned = tuple(point or ())
        self._show_pin_state()

    def _show_pin_state(self) -> None:
        self.pin_button.setText(self.tr("Unpin") if self._pinned else self.tr("Pin"))
        self.pin_button.setToolTip(
            self.tr("Follow the pointer again (or Shift+click the plane).")
            if self._pinned
            else self.tr("Keep this point while the pointer moves (or Shift+click the plane).")
        )
        self.pin_button.setEnabled(bool(self._pinned) or self._payload is not None)
        payload = self._payload
        if payload is None:
            self.where.setText("")
            return
        point = "(" + ", ".join(num(v) for v in payload.point[: len(payload.forward.x)]) + ")"
        if self._pinned and tuple(payload.point) == self._pinned:
            text = self.tr("Pinned at %1").replace("%1", point)
        else:
            text = self.tr("At the pointer: %1. Shift+click the plane to pin a point.").replace(
                "%1", point
            )
        verdict = texts.verdict(payload.forward, self._class_label)
        self.where.setText(f"<b>{html.escape(verdict)}</b> · {html.escape(text)}")

    def _pin_clicked(self) -> None:
        if self._pinned:
            self.pinRequested.emit(None)
        elif self._payload is not None:
            self.pinRequested.emit(tuple(self._payload.point))

    # ------------------------------------------------------------------ drawing
    def show_snapshot(self, snap: Snapshot) -> None:
        payload = payload_of(
            snap,
            self.name,
            self.empty,
            (self.header, self.legend, self.text),
            lambda p: fits(p, snap),
        )
        if payload is None:
            self._payload = None
            self._show_pin_state()
            return
        if payload is self._payload:
            return
        self._payload, self._class_label = payload, snap.data.class_label
        self._show_pin_state()
        self.rows.set_pass(
            payload.forward,
            snap.data.class_label,
            texts.input_names(payload.forward, snap.data.feature_names),
        )


class PassRows(QWidget):
    """The rows of one forward pass (inspector_text.row_keys), painted in a monospace font;
    only the rows inside the exposed rectangle are formatted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fonts = {}
        for style in COLORS:
            f = QFont("monospace")
            f.setStyleHint(QFont.StyleHint.TypeWriter)
            f.setPointSizeF(FONT_PT)
            f.setBold(style in ("title", "output"))
            self._fonts[style] = f
        metrics = QFontMetricsF(self._fonts["plain"])
        self._line, self._ascent = metrics.lineSpacing(), metrics.ascent()
        self._metrics = {style: QFontMetricsF(f) for style, f in self._fonts.items()}
        self._fp, self._keys, self._label, self._names = None, [], str, []
        self._structure = None

    def set_pass(self, fp, class_label, names: list[str]) -> None:
        structure = (fp.sizes, fp.task, tuple(names))
        self._fp, self._label, self._names = fp, class_label, names
        if structure != self._structure:  # new rows: size the widget to the longest one
            self._structure = structure
            self._keys = texts.row_keys(fp)
            width = max(self._metrics[r.style].horizontalAdvance(r.text) for r in self.lines())
            self.resize(
                int(width + 2 * MARGIN + 2 * self._line),
                int(len(self._keys) * self._line + 2 * MARGIN),
            )
        self.update()

    def lines(self) -> list[texts.Row]:
        """Every row of the current pass, as drawn."""
        return [texts.row(self._fp, key, self._label, self._names) for key in self._keys]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(255, 255, 255))
        if self._fp is None:
            return
        top, bottom = event.rect().top(), event.rect().bottom()
        first = max(0, int((top - MARGIN) // self._line))
        last = min(len(self._keys), int((bottom - MARGIN) // self._line) + 1)
        for i in range(first, last):
            row = texts.row(self._fp, self._keys[i], self._label, self._names)
            if not row.text:
                continue
            y = MARGIN + i * self._line + self._ascent
            painter.setFont(self._fonts[row.style])
            painter.setPen(QColor(*COLORS[row.style]))
            painter.drawText(QPointF(MARGIN, y), row.text)
            if row.swatch is not None:
                x = MARGIN + self._metrics[row.style].horizontalAdvance(row.text + " ")
                size = self._ascent * 0.8
                painter.fillRect(QRectF(x, y - size, size, size), QColor(*row.swatch))
        painter.end()
