"""NetworkBuilder: edit the hidden layers, output head, initializer, seed and input features.

Holds only what it displays. set_state() pushes the session's state in (no signals re-emitted);
every user edit emits the full new value at once (hiddenChanged gets the whole LayerSpec tuple).
Spin boxes use keyboardTracking=False: arrows and the wheel emit at once, typed numbers on Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.features import FEATURES, FEATURES_1D
from playground.core.limits import MAX_HIDDEN_LAYERS
from playground.core.nn import activations, heads, initializers, losses
from playground.core.nn.spec import LayerSpec
from playground.ui.graphics.widgets import RangeSpinBox, blocked
from playground.ui.i18n.core_strings import tr_core
from playground.ui.panels.layer_card import SPACING, LayerCard, activation_tooltip

SEED_MAX = 2**31 - 1
FEATURE_STYLE = """
QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 3px;
              background: palette(button); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }
QToolButton:disabled { color: palette(mid); }
QToolButton:checked:disabled { background: palette(midlight); color: palette(dark); }
"""


class NetworkBuilder(QWidget):
    hiddenChanged = Signal(object)  # tuple[LayerSpec, ...]
    outputChanged = Signal(object)  # str | None (None = follow the task)
    initializerChanged = Signal(str)
    seedChanged = Signal(int)
    featuresChanged = Signal(object)  # tuple[str, ...]
    layerSelected = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._hidden: tuple[LayerSpec, ...] = ()
        self._selected = -1
        self._cards: list[LayerCard] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(SPACING)
        box.addWidget(self._build_features())
        box.addWidget(self._build_layers(), 1)
        box.addWidget(self._build_output())
        box.addWidget(self._build_weights())
        self.set_state(
            (LayerSpec(4, "tanh"), LayerSpec(2, "tanh")),
            None,
            "binary",
            1,
            "glorot",
            0,
            ("x1", "x2"),
            2,
        )

    # ------------------------------------------------------------------ construction
    def _build_layers(self) -> QGroupBox:
        group = QGroupBox(self.tr("Hidden layers"))
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(SPACING)
        self.cards_box.setContentsMargins(0, 0, 0, 0)
        self.add_first = QPushButton(self.tr("Add layer"))
        self.add_first.setToolTip(
            self.tr("Add a hidden layer. With none, the network is linear in its input features.")
        )
        self.add_first.clicked.connect(lambda: self._insert(0))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(dark);")
        layout = QVBoxLayout(group)  # the cards take the height they need: the column scrolls
        layout.setSpacing(4)
        layout.addWidget(self.add_first)
        layout.addLayout(self.cards_box)
        layout.addWidget(self.count_label)
        return group

    def _build_output(self) -> QGroupBox:
        group = QGroupBox(self.tr("Output layer"))
        self.head_label = QLabel()
        self.head_label.setWordWrap(True)
        self.head_combo = QComboBox()
        self.head_combo.setToolTip(
            self.tr(
                "The output head and loss follow the task: two classes → sigmoid + binary "
                "cross-entropy, K classes → softmax + cross-entropy, regression → linear + squared "
                "error. Choose another head to see what goes wrong."
            )
        )
        self.head_combo.currentIndexChanged.connect(
            lambda: self.outputChanged.emit(self.head_combo.currentData())
        )
        form = QFormLayout(group)
        form.setSpacing(SPACING)
        form.addRow(self.head_label)
        form.addRow(self.tr("Head"), self.head_combo)
        return group

    def _build_weights(self) -> QGroupBox:
        group = QGroupBox(self.tr("Initial weights"))
        self.init_combo = QComboBox()
        for i, name in enumerate(initializers.names()):
            init = initializers.get(name)
            self.init_combo.addItem(tr_core(init.label), name)
            self.init_combo.setItemData(i, tr_core(init.formula), Qt.ToolTipRole)
        self.init_combo.currentIndexChanged.connect(self._initializer_changed)
        self.seed_spin = RangeSpinBox()
        self.seed_spin.setRange(0, SEED_MAX)
        self.seed_spin.setKeyboardTracking(False)
        self.seed_spin.setToolTip(
            self.tr(
                "Random seed of the initial weights and batch order: "
                "the same seed gives the same run."
            )
        )
        self.seed_spin.valueChanged.connect(self.seedChanged.emit)
        form = QFormLayout(group)
        form.setSpacing(SPACING)
        form.addRow(self.tr("Initializer"), self.init_combo)
        form.addRow(self.tr("Seed"), self.seed_spin)
        return group

    def _build_features(self) -> QGroupBox:
        group = QGroupBox(self.tr("Input features"))
        tips = {
            "x1": self.tr("x₁: the horizontal coordinate of each point."),
            "x2": self.tr("x₂: the vertical coordinate of each point."),
            "x1sq": self.tr("x₁²: the square of x₁ — a bowl along x₁."),
            "x2sq": self.tr("x₂²: the square of x₂ — a bowl along x₂."),
            "x1x2": self.tr("x₁·x₂: the product — positive in two opposite quadrants."),
            "sinx1": self.tr("sin x₁: a wave along x₁."),
            "sinx2": self.tr("sin x₂: a wave along x₂."),
        }
        self.feature_group = QButtonGroup(self)
        self.feature_group.setExclusive(False)
        self.feature_buttons: dict[str, QToolButton] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for i, (name, (label, _fn)) in enumerate(FEATURES.items()):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setToolTip(tips[name])
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            self.feature_group.addButton(button)
            self.feature_buttons[name] = button
            grid.addWidget(button, i // 4, i % 4)
        self.feature_group.buttonToggled.connect(self._feature_toggled)
        self.feature_note = QLabel()
        self.feature_note.setWordWrap(True)
        self.feature_note.setStyleSheet("color: palette(dark);")
        group.setStyleSheet(FEATURE_STYLE)
        layout = QVBoxLayout(group)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.feature_note)
        return group

    # ------------------------------------------------------------------ state in
    @property
    def cards(self) -> list[LayerCard]:
        """The hidden layers' cards, in order (read-only use)."""
        return list(self._cards)

    def set_state(
        self,
        hidden,
        output: str | None,
        task: str,
        n_outputs: int,
        initializer: str,
        seed: int,
        features: tuple,
        dim: int,
    ) -> None:
        """Show the session's state; emits nothing."""
        self._show_hidden(tuple(hidden))
        self._show_output(output, task, n_outputs)
        with blocked(self.init_combo, self.seed_spin):
            self.init_combo.setCurrentIndex(self.init_combo.findData(initializer))
            self.init_combo.setToolTip(tr_core(initializers.get(initializer).formula))
            self.seed_spin.setValue(int(seed))
        self._show_features(tuple(features), dim)

    def set_selected(self, index: int) -> None:
        """Highlight card `index` (−1: none), without emitting."""
        self._selected = index
        for card in self._cards:
            card.set_selected(card.index == index)

    def hidden(self) -> tuple[LayerSpec, ...]:
        return self._hidden

    def _show_hidden(self, hidden: tuple[LayerSpec, ...]) -> None:
        self._hidden = hidden
        while len(self._cards) > len(hidden):  # reuse cards so an edited spin box keeps focus
            card = self._cards.pop()
            self.cards_box.removeWidget(card)
            card.setParent(None)
            card.deleteLater()
        while len(self._cards) < len(hidden):
            card = LayerCard(len(self._cards))
            card.edited.connect(self._card_edited)
            card.addAfter.connect(lambda i: self._insert(i + 1))
            card.removed.connect(self._remove)
            card.moved.connect(self._move)
            card.clicked.connect(self._card_clicked)
            self.cards_box.addWidget(card)
            self._cards.append(card)
        for i, (card, layer) in enumerate(zip(self._cards, hidden, strict=True)):
            card.set_layer(i, layer, len(hidden), i == self._selected)
        self.add_first.setVisible(not hidden)
        self.count_label.setText(
            self.tr("%1 of %2 hidden layers")
            .replace("%1", str(len(hidden)))
            .replace("%2", str(MAX_HIDDEN_LAYERS))
        )

    def _show_output(self, output: str | None, task: str, n_outputs: int) -> None:
        auto = heads.DEFAULT_HEAD[task]
        head = output or auto
        loss = heads.default_loss(head, task)
        head_act, loss_fn = activations.get(head), losses.get(loss)
        self.head_label.setText(
            self.tr("%1 → %2 output(s)\nLoss: %3")
            .replace("%1", tr_core(head_act.label))
            .replace("%2", str(n_outputs))
            .replace("%3", tr_core(loss_fn.label))
        )
        self.head_label.setToolTip(f"{tr_core(head_act.formula)}<br>{tr_core(loss_fn.formula)}")
        combo = self.head_combo
        with blocked(combo):
            combo.clear()
            combo.addItem(
                self.tr("auto (%1)").replace("%1", tr_core(activations.get(auto).label)), None
            )
            for name in heads.valid_heads(n_outputs):
                combo.addItem(tr_core(activations.get(name).label), name)
                combo.setItemData(combo.count() - 1, activation_tooltip(name), Qt.ToolTipRole)
            combo.setCurrentIndex(max(0, combo.findData(output)) if output else 0)

    def _show_features(self, features: tuple[str, ...], dim: int) -> None:
        with blocked(self.feature_group):
            for name, button in self.feature_buttons.items():
                button.setChecked(name in features)
                button.setEnabled(dim == 2 or (dim == 1 and name in FEATURES_1D))
        if dim == 2:
            note = ""
        elif dim == 1:
            note = self.tr("1-D data: only the x₁ features apply.")
        else:
            note = self.tr(
                "%1-D data: the raw columns feed the network; features apply to 2-D data only."
            ).replace("%1", str(dim))
        self.feature_note.setText(note)
        self.feature_note.setVisible(bool(note))

    # ------------------------------------------------------------------ edits out
    def _commit(self, hidden: tuple[LayerSpec, ...], selected: int | None = None) -> None:
        """Show and emit an edited layer tuple; a selection that moved with it is re-emitted."""
        moved = selected is not None and selected != self._selected
        if moved:
            self._selected = selected
        self._show_hidden(hidden)
        self.hiddenChanged.emit(hidden)
        if moved and selected >= 0:
            self.layerSelected.emit(selected)

    def _insert(self, index: int) -> None:
        if len(self._hidden) >= MAX_HIDDEN_LAYERS:
            return
        template = self._hidden[index - 1] if index > 0 else LayerSpec(4, "tanh")
        self._commit(
            self._hidden[:index] + (template,) + self._hidden[index:],
            self._selected + (0 <= index <= self._selected),
        )

    def _remove(self, index: int) -> None:
        selected = self._selected - (self._selected > index)
        self._commit(
            self._hidden[:index] + self._hidden[index + 1 :], min(selected, len(self._hidden) - 2)
        )

    def _move(self, index: int, direction: int) -> None:
        j = index + direction
        if not 0 <= j < len(self._hidden):
            return
        layers = list(self._hidden)
        layers[index], layers[j] = layers[j], layers[index]
        selected = {index: j, j: index}.get(self._selected, self._selected)
        self._commit(tuple(layers), selected)

    def _card_edited(self, index: int, layer: LayerSpec) -> None:
        self._commit(self._hidden[:index] + (layer,) + self._hidden[index + 1 :])

    def _card_clicked(self, index: int) -> None:
        self.set_selected(index)
        self.layerSelected.emit(index)

    def _initializer_changed(self) -> None:
        name = self.init_combo.currentData()
        self.init_combo.setToolTip(tr_core(initializers.get(name).formula))
        self.initializerChanged.emit(name)

    def _feature_toggled(self, button: QToolButton, checked: bool) -> None:
        chosen = tuple(n for n, b in self.feature_buttons.items() if b.isChecked())
        if not chosen:  # at least one feature must stay on
            with blocked(self.feature_group):  # the group, not the button, emits toggles
                button.setChecked(True)
            self.feature_note.setText(self.tr("At least one input feature must stay on."))
            self.feature_note.setVisible(True)
            return
        self.featuresChanged.emit(chosen)
