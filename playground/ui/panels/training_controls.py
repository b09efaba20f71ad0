"""TrainingControls: run buttons, optimizer settings, speed, progress and stop rules.

Holds only what it displays. set_config/set_running/set_progress push state in without emitting;
every user edit emits one request (configEdited gets {key: value} for the one changed setting).
The window owns the keyboard shortcuts; the tooltips name them (Space, S, R).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import limits
from playground.core.nn import optimizers, regularizers
from playground.core.nn.spec import TrainConfig
from playground.ui.graphics import scale
from playground.ui.graphics.widgets import RangeSpinBox
from playground.ui.panels.rate_combo import RateCombo, registry_combo

SPACING = 6
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
SPEEDS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 0)  # epochs per second; 0 = no limit
MAX_BATCH = 500  # the spin box's top; larger batches come from files and the command line


class TrainingControls(QWidget):
    playToggled = Signal()
    stepRequested = Signal()
    resetRequested = Signal()
    reinitRequested = Signal()
    configEdited = Signal(dict)  # {key: value}; keys: learning_rate optimizer batch_size
    #                              regularization reg_rate
    speedChanged = Signal(float)  # epochs per second; 0 = as fast as possible
    stopRulesChanged = Signal(object)  # (max_epochs | None, target_loss | None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._running = False
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(SPACING)
        box.addWidget(self._build_run())
        box.addWidget(self._build_settings())
        box.addWidget(self._build_stop_header())
        box.addWidget(self._build_stop())
        box.addStretch(1)
        self.set_config(TrainConfig())
        self.set_running(False)
        self.set_progress(0, 0, None)
        self.set_speed(5.0)
        self.set_stop_rules_shown(False)

    # ------------------------------------------------------------------ construction
    def _button(self, text: str, icon: QStyle.StandardPixmap, tip: str, signal) -> QPushButton:
        button = QPushButton(self.style().standardIcon(icon), text)
        button.setToolTip(tip)
        button.clicked.connect(signal.emit)
        return button

    def _build_run(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training"))
        self.play_button = self._button("", QStyle.SP_MediaPlay, "", self.playToggled)
        self.play_button.setMinimumHeight(34)
        self.step_button = self._button(
            self.tr("Step"),
            QStyle.SP_MediaSkipForward,
            self.tr("Train one epoch: one pass over every training point, in mini-batches. (S)"),
            self.stepRequested,
        )
        self.reset_button = self._button(
            self.tr("Reset"),
            QStyle.SP_MediaSkipBackward,
            self.tr(
                "Back to step 0 with the same initial weights, so a change can be compared "
                "fairly. (R)"
            ),
            self.resetRequested,
        )
        self.reinit_button = self._button(
            self.tr("New weights"),
            QStyle.SP_BrowserReload,
            self.tr("Re-initialize: draw new initial weights from a new seed and start again."),
            self.reinitRequested,
        )
        self.progress = QLabel()
        self.progress.setStyleSheet(f"font-size: {scale.pt(13):.1f}pt; font-weight: bold;")
        self.progress_detail = QLabel()
        self._progress_at: tuple = (0, 0, None)  # step, epoch, train loss shown
        self._run_grid = QGridLayout(group)
        self._run_grid.setSpacing(SPACING)
        self.step_button.setMinimumHeight(34)
        self._compact: bool | None = None
        self.set_compact(False)
        return group

    def is_compact(self) -> bool:
        return bool(self._compact)

    def set_compact(self, on: bool) -> None:
        """Compact (a short window): the four buttons in one row, the epoch beside the step and
        loss; else two rows of buttons above them (the same widgets, moved)."""
        if on == self._compact:
            return
        self._compact = on
        grid = self._run_grid
        buttons = (self.play_button, self.step_button, self.reset_button, self.reinit_button)
        for button, text in (
            (self.reset_button, self.tr("Reset")),
            (self.reinit_button, self.tr("New weights")),
        ):
            button.setText("" if on else text)  # compact: the icon (the tooltip says it)
            button.setMinimumHeight(self.play_button.minimumHeight() if on else 0)
        if on:
            for i, button in enumerate(buttons):
                grid.addWidget(button, 0, i)
            grid.addWidget(self.progress, 1, 0, 1, 2)
            grid.addWidget(self.progress_detail, 1, 2, 1, 2)
        else:
            for i, button in enumerate(buttons):
                grid.addWidget(button, i // 2, i % 2)
            grid.addWidget(self.progress, 2, 0, 1, 2)
            grid.addWidget(self.progress_detail, 3, 0, 1, 2)
        for col in range(4):
            grid.setColumnStretch(col, (3 if col < 2 else 1) if on else int(col < 2))
        self.set_progress(*self._progress_at)

    def _build_settings(self) -> QGroupBox:
        group = QGroupBox(self.tr("Optimizer"))
        self.lr_combo = RateCombo(LEARNING_RATES, allow_zero=False, high=limits.MAX_LEARNING_RATE)
        self.lr_combo.setToolTip(
            self.tr(
                "Learning rate η: the size of each step down the gradient. Too small and the loss "
                "barely moves; too large and it jumps around or explodes to NaN. Type any value in "
                "(0, %1]."
            ).replace("%1", f"{limits.MAX_LEARNING_RATE:g}")
        )
        self.lr_combo.rateChosen.connect(lambda v: self.configEdited.emit({"learning_rate": v}))
        self.opt_combo = registry_combo(optimizers, "note")
        self.opt_combo.setToolTip(
            self.tr(
                "How the gradient becomes a step: plain SGD, SGD with momentum (a running sum of "
                "gradients), or Adam (a per-weight step size)."
            )
        )
        self.opt_combo.currentIndexChanged.connect(
            lambda: self.configEdited.emit({"optimizer": self.opt_combo.currentData()})
        )
        self.batch_spin = RangeSpinBox()
        self.batch_spin.setRange(1, MAX_BATCH)
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.setToolTip(
            self.tr(
                "Points per gradient step. Small batches give noisy but many steps per epoch; a "
                "large batch gives one smooth step."
            )
        )
        self.batch_spin.valueChanged.connect(
            lambda v: self.configEdited.emit({"batch_size": int(v)})
        )
        self.reg_combo = registry_combo(regularizers, "formula")
        self.reg_combo.setToolTip(
            self.tr(
                "Penalty on large weights: L1 pushes weights to exactly zero, L2 shrinks them all."
            )
        )
        self.reg_combo.currentIndexChanged.connect(self._regularization_changed)
        self.reg_rate = RateCombo(REG_RATES, allow_zero=True, high=limits.MAX_REG_RATE)
        self.reg_rate.setToolTip(
            self.tr("Regularization rate λ: how strongly the penalty counts against the loss.")
        )
        self.reg_rate.rateChosen.connect(lambda v: self.configEdited.emit({"reg_rate": v}))
        self._build_speed()
        self._lay_out_settings(group)
        return group

    def _build_speed(self) -> None:
        self.speed_combo = QComboBox()
        for n in SPEEDS:
            self.speed_combo.addItem(f"{n:g}" if n else self.tr("max"), float(n))
        self.speed_combo.setToolTip(
            self.tr(
                "Epochs trained per second: slow lets you watch the boundary move step by step; "
                "max trains as fast as the computer can."
            )
        )
        self.speed_combo.currentIndexChanged.connect(
            lambda: self.speedChanged.emit(float(self.speed_combo.currentData()))
        )

    def _lay_out_settings(self, group: QGroupBox) -> None:
        grid = QGridLayout(group)
        grid.setSpacing(SPACING)
        rows = (
            (self.tr("Learning rate"), self.lr_combo),
            (self.tr("Optimizer"), self.opt_combo),
            (self.tr("Batch size"), self.batch_spin),
        )
        for r, (text, widget) in enumerate(rows):
            grid.addWidget(QLabel(text), r, 0)
            grid.addWidget(widget, r, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Regularization")), 3, 0)
        grid.addWidget(self.reg_combo, 3, 1)
        grid.addWidget(self.reg_rate, 3, 2)
        grid.addWidget(QLabel(self.tr("Epochs / second")), 4, 0)
        grid.addWidget(self.speed_combo, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def _build_stop_header(self) -> QToolButton:
        """A disclosure button: the stop rules fold away (they are rarely changed)."""
        self.stop_toggle = QToolButton()
        self.stop_toggle.setCheckable(True)
        self.stop_toggle.setAutoRaise(True)
        self.stop_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.stop_toggle.setToolTip(
            self.tr("Show or hide the rules that pause training by themselves.")
        )
        self.stop_toggle.toggled.connect(self.set_stop_rules_shown)
        return self.stop_toggle

    def set_stop_rules_shown(self, shown: bool) -> None:
        """Unfold (True) or fold the stop rules; the header says whether a rule is on."""
        self.stop_toggle.blockSignals(True)
        self.stop_toggle.setChecked(shown)
        self.stop_toggle.blockSignals(False)
        self.stop_group.setVisible(shown)
        self.stop_toggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)
        on = any(rule is not None for rule in self.stop_rules())
        self.stop_toggle.setText(
            self.tr("Stop rules (on)") if on and not shown else self.tr("Stop rules")
        )

    def _build_stop(self) -> QFrame:
        group = self.stop_group = QFrame()
        # each rule is one sentence around its number: "Stop at train loss ≤ %1" (English) or
        # "当训练损失 ≤ %1 时停止": the text before %1 labels the check box, the rest follows
        epochs_text = self.tr("Stop after epoch %1").split("%1")
        loss_text = self.tr("Stop at train loss ≤ %1").split("%1")
        self.stop_epochs_check = QCheckBox(epochs_text[0].strip())
        self.stop_epochs = RangeSpinBox()
        self.stop_epochs.setRange(1, 100_000)
        self.stop_epochs.setValue(500)
        self.stop_epochs.setKeyboardTracking(False)
        self.stop_loss_check = QCheckBox(loss_text[0].strip())
        self.stop_loss = QDoubleSpinBox()
        self.stop_loss.setDecimals(4)
        self.stop_loss.setRange(0.0, 100.0)
        self.stop_loss.setSingleStep(0.001)
        self.stop_loss.setValue(0.01)
        self.stop_loss.setKeyboardTracking(False)
        for w in (self.stop_epochs_check, self.stop_epochs):
            w.setToolTip(self.tr("Pause training when this epoch is reached."))
        for w in (self.stop_loss_check, self.stop_loss):
            w.setToolTip(self.tr("Pause training once the training loss falls to this value."))
        for w in (self.stop_epochs_check, self.stop_loss_check):
            w.toggled.connect(self._stop_rules_edited)
        self.stop_epochs.valueChanged.connect(self._stop_rules_edited)
        self.stop_loss.valueChanged.connect(self._stop_rules_edited)
        grid = QGridLayout(group)
        grid.setSpacing(SPACING)
        grid.setContentsMargins(SPACING, 0, 0, 0)
        grid.addWidget(self.stop_epochs_check, 0, 0)
        grid.addWidget(self.stop_epochs, 0, 1)
        grid.addWidget(QLabel(epochs_text[-1].strip() if len(epochs_text) > 1 else ""), 0, 2)
        grid.addWidget(self.stop_loss_check, 1, 0)
        grid.addWidget(self.stop_loss, 1, 1)
        grid.addWidget(QLabel(loss_text[-1].strip() if len(loss_text) > 1 else ""), 1, 2)
        grid.setColumnStretch(1, 1)
        self._sync_stop_enabled()
        group.setVisible(False)
        return group

    # ------------------------------------------------------------------ state in
    def set_config(self, config: TrainConfig) -> None:
        """Show config; emits nothing."""
        self.lr_combo.set_value(config.learning_rate)
        self.reg_rate.set_value(config.reg_rate)
        for combo, name in (
            (self.opt_combo, config.optimizer),
            (self.reg_combo, config.regularization),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(name))
            combo.blockSignals(False)
        self.reg_rate.setEnabled(config.regularization != "none")
        self.batch_spin.blockSignals(True)
        self.batch_spin.setValue(min(config.batch_size, MAX_BATCH))
        self.batch_spin.blockSignals(False)

    def set_running(self, running: bool) -> None:
        self._running = bool(running)
        icon = QStyle.SP_MediaPause if running else QStyle.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        self.play_button.setText(self.tr("Pause") if running else self.tr("Play"))
        self.play_button.setToolTip(
            self.tr("Pause training (Space)") if running else self.tr("Start training (Space)")
        )
        self.step_button.setEnabled(not running)

    def is_running(self) -> bool:
        return self._running

    def set_progress(self, step: int, epoch: int, train_loss: float | None) -> None:
        self._progress_at = (step, epoch, train_loss)
        loss = "—" if train_loss is None else f"{train_loss:.4f}"
        self.progress.setText(self.tr("Epoch %1").replace("%1", f"{epoch:,}"))
        detail = self.tr("step %1 · train loss %2").replace("%1", f"{step:,}").replace("%2", loss)
        # compact: beside the epoch in a narrow column, two lines (never wider as steps grow)
        self.progress_detail.setText(detail.replace(" · ", "\n") if self._compact else detail)

    def set_speed(self, epochs_per_second: float) -> None:
        """Show the nearest offered speed; emits nothing."""
        if epochs_per_second <= 0:
            i = SPEEDS.index(0)
        else:
            i = min(
                range(len(SPEEDS) - 1), key=lambda k: abs(math.log(SPEEDS[k] / epochs_per_second))
            )
        self.speed_combo.blockSignals(True)
        self.speed_combo.setCurrentIndex(i)
        self.speed_combo.blockSignals(False)

    def set_stop_rules(self, max_epochs: int | None, target_loss: float | None) -> None:
        """Show the stop rules (None = off); emits nothing."""
        widgets = (self.stop_epochs_check, self.stop_epochs, self.stop_loss_check, self.stop_loss)
        for w in widgets:
            w.blockSignals(True)
        self.stop_epochs_check.setChecked(max_epochs is not None)
        if max_epochs is not None:
            self.stop_epochs.setValue(int(max_epochs))
        self.stop_loss_check.setChecked(target_loss is not None)
        if target_loss is not None:
            self.stop_loss.setValue(float(target_loss))
        for w in widgets:
            w.blockSignals(False)
        self._sync_stop_enabled()
        if max_epochs is not None or target_loss is not None:
            self.set_stop_rules_shown(True)  # an active rule is never hidden

    def stop_rules(self) -> tuple[int | None, float | None]:
        return (
            self.stop_epochs.value() if self.stop_epochs_check.isChecked() else None,
            self.stop_loss.value() if self.stop_loss_check.isChecked() else None,
        )

    # ------------------------------------------------------------------ edits out
    def _regularization_changed(self) -> None:
        name = self.reg_combo.currentData()
        self.reg_rate.setEnabled(name != "none")
        self.configEdited.emit({"regularization": name})

    def _sync_stop_enabled(self) -> None:
        self.stop_epochs.setEnabled(self.stop_epochs_check.isChecked())
        self.stop_loss.setEnabled(self.stop_loss_check.isChecked())

    def _stop_rules_edited(self) -> None:
        self._sync_stop_enabled()
        self.stopRulesChanged.emit(self.stop_rules())
