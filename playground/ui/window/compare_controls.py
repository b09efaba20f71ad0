"""CompareControls: Play / Pause, Step and Reset for both sides, and their shared speed.

Holds only what it shows: set_running() and set_speed() push state in without emitting; a
click or a pick emits one request. The compare window owns the keys (Space, S, R).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from playground.ui.graphics.widgets import blocked
from playground.ui.panels.training_controls import SPEEDS

COMPARE_SPEEDS = tuple(s for s in SPEEDS if s > 0)  # no "max": each side would run its own pace


class CompareControls(QWidget):
    playToggled = Signal()
    stepRequested = Signal()
    resetRequested = Signal()
    speedChanged = Signal(float)  # epochs per second

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        icon = self.style().standardIcon
        self.play_button = QPushButton()
        self.play_button.setToolTip(self.tr("Start or pause training on both sides. (Space)"))
        self.play_button.clicked.connect(self.playToggled.emit)
        self.step_button = QPushButton(icon(QStyle.SP_MediaSkipForward), self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train one epoch on both sides. (S)"))
        self.step_button.clicked.connect(self.stepRequested.emit)
        self.reset_button = QPushButton(icon(QStyle.SP_MediaSkipBackward), self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Both sides back to their initial weights. (R)"))
        self.reset_button.clicked.connect(self.resetRequested.emit)
        self.speed_combo = QComboBox()
        for s in COMPARE_SPEEDS:
            self.speed_combo.addItem(f"{s:g}", float(s))
        self.speed_combo.setToolTip(
            self.tr("Epochs trained per second, the same on both sides so they stay in step.")
        )
        self.speed_combo.currentIndexChanged.connect(
            lambda: self.speedChanged.emit(self.speed_combo.currentData())
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.play_button, self.step_button, self.reset_button):
            w.setMinimumHeight(30)
            row.addWidget(w)
        row.addSpacing(12)
        row.addWidget(QLabel(self.tr("Epochs / second")))
        row.addWidget(self.speed_combo)
        row.addStretch(1)
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        icon = QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))

    def set_speed(self, epochs_per_second: float) -> None:
        """Show the offered speed nearest to the one in use."""
        nearest = min(
            range(len(COMPARE_SPEEDS)), key=lambda k: abs(COMPARE_SPEEDS[k] - epochs_per_second)
        )
        with blocked(self.speed_combo):
            self.speed_combo.setCurrentIndex(nearest)
