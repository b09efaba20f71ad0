"""CompareChooser: which choice side B changes (activation of every hidden layer, learning rate,
initializer, depth) and B's value. Holds only what it shows: set_state() pushes the window's
state in without emitting; a user's pick emits choiceRequested(choice, value) once. A typed
learning rate that is not a number travels as its text, so the check that refuses it (core)
names the field and the allowed range."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from playground.core import limits
from playground.core.files.compare import CHOICES, default_value
from playground.core.nn import activations, initializers
from playground.ui.graphics.widgets import blocked
from playground.ui.i18n.core_strings import tr_core
from playground.ui.panels.training_controls import LEARNING_RATES


def choice_name(choice: str) -> str:
    """The short name of a choice, as the top row says it ("Activation: …")."""
    translate = QCoreApplication.translate
    return {
        "activation": translate("CompareChooser", "Activation"),
        "learning_rate": translate("CompareChooser", "Learning rate"),
        "initializer": translate("CompareChooser", "Initializer"),
        "depth": translate("CompareChooser", "Hidden layers"),
    }[choice]


def value_text(choice: str, value) -> str:
    """A value as people read it: translated activation and initializer labels, numbers."""
    if choice == "activation":
        names = [n for n in str(value).split(", ") if n]
        return ", ".join(tr_core(activations.get(n).label) for n in names) or "—"
    if choice == "initializer":
        return tr_core(initializers.get(value).label)
    if choice == "learning_rate":
        return f"{value:g}"
    return str(value)


class CompareChooser(QWidget):
    choiceRequested = Signal(str, object)  # choice, B's value

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._choice = "activation"
        self._project = None  # side A's project: the defaults follow it
        self.choice_combo = QComboBox()
        for choice, text in zip(
            CHOICES,
            (
                self.tr("Activation of every hidden layer"),
                self.tr("Learning rate"),
                self.tr("Initializer"),
                self.tr("Depth (hidden layers)"),
            ),
            strict=True,
        ):
            self.choice_combo.addItem(text, choice)
        self.choice_combo.setToolTip(
            self.tr("The one choice in which network B differs from network A.")
        )
        self.choice_combo.activated.connect(self._choice_picked)
        self.value_combo = QComboBox()
        self.value_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.value_combo.setMinimumContentsLength(8)
        self.value_combo.setToolTip(
            self.tr("B's value; B is built again and both sides start over.")
        )
        self.value_combo.activated.connect(lambda _i: self._value_picked())
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("B differs in")))
        box.addWidget(self.choice_combo)
        box.addWidget(QLabel(self.tr("B:")))
        box.addWidget(self.value_combo)

    def set_state(self, project_a, choice: str, value_b) -> None:
        """Show `choice` with B's value (A's project: the defaults a new pick starts from)."""
        self._project, self._choice = project_a, choice
        with blocked(self.choice_combo, self.value_combo):
            self.choice_combo.setCurrentIndex(CHOICES.index(choice))
            self._fill_values(choice)
            i = self.value_combo.findData(value_b)
            if i < 0 and choice == "learning_rate":
                self.value_combo.addItem(f"{value_b:g}", float(value_b))
                i = self.value_combo.count() - 1
            self.value_combo.setCurrentIndex(i)

    def _fill_values(self, choice: str) -> None:
        combo = self.value_combo
        if combo.isEditable():
            combo.lineEdit().editingFinished.disconnect()
        combo.clear()
        combo.setEditable(choice == "learning_rate")
        if choice == "activation":
            for name in activations.names():
                combo.addItem(tr_core(activations.get(name).label), name)
        elif choice == "learning_rate":
            for rate in LEARNING_RATES:
                combo.addItem(f"{rate:g}", float(rate))
            combo.lineEdit().editingFinished.connect(self._value_picked)
        elif choice == "initializer":
            for name in initializers.names():
                combo.addItem(tr_core(initializers.get(name).label), name)
        else:
            for depth in range(limits.MAX_HIDDEN_LAYERS + 1):
                combo.addItem(str(depth), depth)

    def _choice_picked(self, index: int) -> None:
        choice = CHOICES[index]
        if choice == self._choice or self._project is None:
            return
        self.choiceRequested.emit(choice, default_value(self._project, choice))

    def _value_picked(self) -> None:
        combo = self.value_combo
        value = combo.currentData()
        if combo.isEditable():  # learning rate: what is in the field, typed or picked
            text = combo.currentText().strip()
            try:
                value = float(text.replace(",", "."))
            except ValueError:
                value = text
        self.choiceRequested.emit(self._choice, value)
