"""CompareSide: one side of the compare window — a title and a caption with the epoch, train /
test loss and accuracy above the plane (a read-only DataCanvas) and the LossPlot.

Passive view like the ones it holds: the window sets the title and hands it snapshots. The plane
shows, never edits: clicks and drags on it do nothing (DataCanvas.read_only).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from playground.core.data.pointset import PointSet
from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.views.data_canvas import DataCanvas
from playground.ui.views.loss_plot import LossPlot

TITLE_PT, CAPTION_PT = 12.5, 10.5
PLANE_SHARE = (0.6, 0.62)  # the plane's share of the height (above) or of the width (beside)
AXES_PX = 45  # what the plane's axes and margins take of its widget's width and height


def caption_text(snap: Snapshot) -> str:
    """Two lines: "epoch N · loss L · test loss T" and "accuracy (train / test) a% / b%"
    (losses to 4 decimals, accuracies to 0.1%; "—" where there is no value)."""
    translate = QCoreApplication.translate  # the status bar's texts: translated already

    def num(v) -> str:
        return "—" if v is None else f"{v:.4f}"

    first = [
        translate("MainWindow", "epoch %1").replace("%1", f"{snap.epoch:,}"),
        translate("MainWindow", "loss %1").replace("%1", num(snap.train_loss)),
    ]
    if snap.test_loss is not None:
        first.append(translate("MainWindow", "test loss %1").replace("%1", num(snap.test_loss)))
    lines = ["  ·  ".join(first)]
    if snap.train_accuracy is not None:
        acc = f"{100 * snap.train_accuracy:.1f}%"
        if snap.test_accuracy is not None:
            acc += f" / {100 * snap.test_accuracy:.1f}%"
        lines.append(translate("MainWindow", "accuracy (train / test) %1").replace("%1", acc))
    return "\n".join(lines)


class CompareSide(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = DataCanvas()
        self.canvas.read_only = True
        self.loss_plot = LossPlot()
        self.loss_plot.setMinimumHeight(150)
        self.split = QSplitter(Qt.Orientation.Vertical)
        for w in (self.canvas, self.loss_plot):
            self.split.addWidget(w)
            self.split.setCollapsible(self.split.indexOf(w), False)
        self.split.installEventFilter(self)  # its size picks the arrangement (_arrange)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self._header())
        box.addWidget(self.split, 1)

    def _header(self) -> QWidget:
        """The title (left) and the two-line caption (right) in a strip of fixed height, the
        same on both sides whatever the fonts draw (CJK glyphs are taller)."""
        self.title = QLabel()
        font = QFont()
        font.setPointSizeF(scale.pt(TITLE_PT))
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.caption = QLabel(" \n ")
        small = QFont()
        small.setPointSizeF(scale.pt(CAPTION_PT))
        self.caption.setFont(small)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QWidget()
        row = QHBoxLayout(header)
        row.setContentsMargins(2, 0, 2, 0)
        row.addWidget(self.title, 1)
        row.addWidget(self.caption)
        lines = max(
            2 * self.title.fontMetrics().lineSpacing(), 2 * self.caption.fontMetrics().lineSpacing()
        )
        header.setFixedHeight(int(lines * 1.15) + 6)  # the plane and plot never move
        return header

    def eventFilter(self, watched, event) -> bool:
        if watched is self.split and event.type() == QEvent.Type.Resize:
            self._arrange(event.size().width(), event.size().height())
        return False

    def _arrange(self, w: int, h: int) -> None:
        """Plane above the loss plot, or beside it when that draws the (square) plane at least as
        large — a short, wide side such as half of 1280×720 — and gives the plot the height."""
        above_px = min(w, PLANE_SHARE[0] * h) - AXES_PX  # the square plane's side, in pixels
        beside_px = min(PLANE_SHARE[1] * w, h) - AXES_PX
        beside = beside_px >= above_px
        orientation = Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical
        if orientation != self.split.orientation():
            self.split.setOrientation(orientation)
            total = w if beside else h
            plane = int(PLANE_SHARE[int(beside)] * total)
            self.split.setSizes([plane, total - plane])

    def is_side_by_side(self) -> bool:
        return self.split.orientation() == Qt.Orientation.Horizontal

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def set_points(self, data: PointSet, show_test: bool = True) -> None:
        self.canvas.set_points(data, show_test)

    def clear(self) -> None:
        """A new run: no curves, no numbers until its first snapshot."""
        self.loss_plot.clear()
        self.caption.setText(" \n ")

    def show_snapshot(self, snap: Snapshot, discretize: bool = False) -> None:
        self.canvas.show_snapshot(snap, discretize)
        self.loss_plot.show_snapshot(snap)
        self.caption.setText(caption_text(snap))
