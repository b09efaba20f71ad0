"""Small input widgets of the training controls: an editable combo of rates that says the allowed
range where a bad value was typed, and a combo of a core registry's entries."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QComboBox, QToolTip

from playground.core import limits
from playground.ui.i18n.core_strings import tr_core

INVALID_STYLE = "QComboBox { border: 2px solid #D55E00; }"  # vermillion


def parse_rate(text: str, allow_zero: bool, high: float = limits.MAX_LEARNING_RATE) -> float | None:
    """A rate typed by the user, or None if it is not a finite number in range."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    low_ok = value >= 0 if allow_zero else value > 0
    return value if math.isfinite(value) and low_ok and value <= high else None


def registry_combo(registry, tip_field: str) -> QComboBox:
    """A combo of a core registry's entries: translated labels, data = names, item tooltips."""
    combo = QComboBox()
    for name in registry.names():
        entry = registry.get(name)
        combo.addItem(tr_core(entry.label), name)
        combo.setItemData(combo.count() - 1, tr_core(getattr(entry, tip_field)), Qt.ToolTipRole)
    return combo


class RateCombo(QComboBox):
    """Editable combo of preset rates; a typed value is accepted on Enter / focus loss."""

    rateChosen = Signal(float)

    def __init__(self, presets: tuple[float, ...], allow_zero: bool, high: float, parent=None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self._allow_zero, self._high = allow_zero, high
        self._value = presets[0]
        for v in presets:
            self.addItem(f"{v:g}", v)
        self.activated.connect(lambda _i: self._commit(self.currentText()))
        self.lineEdit().editingFinished.connect(lambda: self._commit(self.currentText()))
        self.lineEdit().textEdited.connect(lambda _t: self.setStyleSheet(""))

    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show value without emitting (a rejected entry stays flagged until the next edit)."""
        self._value = float(value)
        self.blockSignals(True)
        i = self.findData(float(value))
        if i >= 0:
            self.setCurrentIndex(i)
        self.setEditText(f"{value:g}")
        self.blockSignals(False)

    def _commit(self, text: str) -> None:
        value = parse_rate(text, self._allow_zero, self._high)
        if value is None:  # rejected: show the last good value, flag the field, say the range
            self.set_value(self._value)
            self.setStyleSheet(INVALID_STYLE)
            low = "0" if self._allow_zero else self.tr("more than 0")
            QToolTip.showText(
                self.mapToGlobal(QPoint(0, self.height())),
                self.tr("Allowed: %1 to %2").replace("%1", low).replace("%2", f"{self._high:g}"),
                self,
            )
            return
        if value != self._value:
            self.setStyleSheet("")
            self._value = value
            self.rateChosen.emit(value)
