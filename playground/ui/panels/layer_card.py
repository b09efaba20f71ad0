"""LayerCard: one hidden layer of the NetworkBuilder: units, activation (+ its parameter) and the
add / remove / move buttons. Core registry texts (labels, formulas, notes) show through tr_core."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.limits import MAX_HIDDEN_LAYERS, MAX_UNITS
from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec
from playground.ui.graphics.widgets import RangeSpinBox, blocked
from playground.ui.i18n.core_strings import tr_core

SPACING = 6


def activation_tooltip(name: str) -> str:
    """Label, f, f' and note of an activation, in the installed language."""
    act = activations.get(name)
    return (
        f"<b>{tr_core(act.label)}</b><br>{tr_core(act.formula)}<br>"
        f"{tr_core(act.derivative_formula)}<br><i>{tr_core(act.note)}</i>"
    )


class LayerCard(QFrame):
    """One hidden layer: units, activation (+ its parameter) and the add/remove/move buttons."""

    edited = Signal(int, object)  # index, new LayerSpec
    addAfter = Signal(int)
    removed = Signal(int)
    moved = Signal(int, int)  # index, direction (−1 up, +1 down)
    clicked = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.setObjectName("layerCard")
        self.setFrameShape(QFrame.StyledPanel)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.up = self._tool(
            "▲", self.tr("Move this layer up"), lambda: self.moved.emit(self.index, -1)
        )
        self.down = self._tool(
            "▼", self.tr("Move this layer down"), lambda: self.moved.emit(self.index, 1)
        )
        self.add = self._tool(
            "+", self.tr("Add a layer after this one"), lambda: self.addAfter.emit(self.index)
        )
        self.remove = self._tool(
            "✕", self.tr("Remove this layer"), lambda: self.removed.emit(self.index)
        )
        self.units = RangeSpinBox()
        self.units.setRange(1, MAX_UNITS)
        self.units.setKeyboardTracking(False)
        self.units.setSuffix(self.tr(" units"))
        self.units.setToolTip(self.tr("Number of neurons in this layer (1–64)."))
        self.activation = QComboBox()
        for i, name in enumerate(activations.names()):
            self.activation.addItem(tr_core(activations.get(name).label), name)
            self.activation.setItemData(i, activation_tooltip(name), Qt.ToolTipRole)
        self.param_label = QLabel()
        self.param = QDoubleSpinBox()
        self.param.setRange(-10.0, 10.0)
        self.param.setDecimals(3)
        self.param.setSingleStep(0.01)
        self.param.setKeyboardTracking(False)
        self._layout()
        for w in (
            self.units,
            self.units.lineEdit(),
            self.activation,
            self.param,
            self.param.lineEdit(),
        ):
            w.installEventFilter(self)  # a press anywhere on the card selects its layer
        self.units.valueChanged.connect(self._emit_edit)
        self.activation.currentIndexChanged.connect(self._activation_changed)
        self.param.valueChanged.connect(self._emit_edit)

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.title)
        top.addStretch(1)
        for button in (self.up, self.down, self.add, self.remove):
            top.addWidget(button)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.units)
        row.addWidget(self.activation, 1)
        self.param_row = QWidget()
        prow = QHBoxLayout(self.param_row)
        prow.setContentsMargins(0, 0, 0, 0)
        prow.addWidget(self.param_label)
        prow.addWidget(self.param, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(SPACING, 4, SPACING, SPACING)
        box.setSpacing(4)
        box.addLayout(top)
        box.addLayout(row)
        box.addWidget(self.param_row)

    def set_layer(self, index: int, layer: LayerSpec, count: int, selected: bool) -> None:
        """Show `layer` as hidden layer `index` of `count`, without emitting."""
        self.index = index
        self.title.setText(self.tr("Layer %1").replace("%1", str(index + 1)))
        with blocked(self.units, self.activation, self.param):
            self.units.setValue(layer.units)
            self.activation.setCurrentIndex(self.activation.findData(layer.activation))
            self.activation.setToolTip(activation_tooltip(layer.activation))
            self._show_param(layer.activation, layer.param)
        self.up.setEnabled(index > 0)
        self.down.setEnabled(index < count - 1)
        self.add.setEnabled(count < MAX_HIDDEN_LAYERS)
        self.set_selected(selected)

    def _show_param(self, name: str, param: float | None) -> None:
        act = activations.get(name)
        self.param_row.setVisible(act.param_name is not None)
        if act.param_name is not None:
            self.param_label.setText(act.param_name + " =")
            self.param.setValue(act.resolve_param(param))
            self.param.setToolTip(
                self.tr("Parameter %1 of %2 (default %3).")
                .replace("%1", act.param_name)
                .replace("%2", tr_core(act.label))
                .replace("%3", f"{act.param_default:g}")
            )

    def set_selected(self, selected: bool) -> None:
        if self.property("selected") == selected:
            return  # a style sheet set again restyles the whole card (~1 ms)
        self.setProperty("selected", selected)
        self.setStyleSheet(
            "#layerCard { border: 2px solid palette(highlight); border-radius: 4px; }"
            if selected
            else "#layerCard { border: 1px solid palette(mid); border-radius: 4px; }"
        )

    def layer(self) -> LayerSpec:
        name = self.activation.currentData()
        act = activations.get(name)
        param = self.param.value() if act.param_name is not None else None
        if param is not None and param == act.param_default:
            param = None
        return LayerSpec(self.units.value(), name, param)

    def _activation_changed(self) -> None:
        name = self.activation.currentData()
        self.activation.setToolTip(activation_tooltip(name))
        with blocked(self.param):
            self._show_param(name, None)  # a new activation starts from its default parameter
        self._emit_edit()

    def _emit_edit(self) -> None:
        self.edited.emit(self.index, self.layer())

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.MouseButtonPress:
            self.clicked.emit(self.index)
        return False

    def mousePressEvent(self, event) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)
