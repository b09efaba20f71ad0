"""CompareSide: one side of the compare window — a title, the plane (a read-only DataCanvas), the
LossPlot and a caption with the epoch, train / test loss and accuracy.

Passive view like the ones it holds: the window sets the title and hands it snapshots. The plane
shows, never edits: clicks and drags on it do nothing (DataCanvas.read_only).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from playground.core.data.pointset import PointSet
from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.views.data_canvas import DataCanvas
from playground.ui.views.loss_plot import LossPlot

TITLE_PT, CAPTION_PT = 12.5, 10.5


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
        self.title = QLabel()
        font = QFont()
        font.setPointSizeF(scale.pt(TITLE_PT))
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.canvas = DataCanvas()
        self.canvas.read_only = True
        self.loss_plot = LossPlot()
        self.caption = QLabel(" \n ")
        small = QFont()
        small.setPointSizeF(scale.pt(CAPTION_PT))
        self.caption.setFont(small)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # two lines, fixed: the plane and the plot never move when the text changes
        self.caption.setFixedHeight(2 * self.caption.fontMetrics().lineSpacing() + 6)
        self.split = QSplitter(Qt.Orientation.Vertical)
        for w in (self.canvas, self.loss_plot):
            self.split.addWidget(w)
            self.split.setCollapsible(self.split.indexOf(w), False)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.loss_plot.setMinimumHeight(150)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.title)
        box.addWidget(self.split, 1)
        box.addWidget(self.caption)

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
