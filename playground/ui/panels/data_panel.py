"""DataPanel: choose and generate a data set, and the tools for editing points by hand.

Holds only what it displays. set_state() pushes the session's data settings in without emitting.
Choosing a data set or changing noise / points / split / classes asks for new points at once
(regenerateRequested with the same seed, like TensorFlow Playground); "Regenerate" draws a new
sample with the next seed.

Point tools: for classification, buttons 1–K pick the class that a click adds (classChanged(k),
k = 0..K−1). For regression data there are no classes: two buttons −1 / +1 (orange / blue, the
colours of class 0 / 1) pick the target value of a clicked point; they emit classChanged(0) for
−1 and classChanged(1) for +1, the mapping Session.add_point uses (the plane data set's targets
lie in about ±1.2). For 1-D regression (sine) the click height is the value: buttons are off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import limits
from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.ui.graphics import palette
from playground.ui.i18n.core_strings import tr_core

SPACING = 6
REGRESSION_VALUES = (-1, 1)  # target value of a clicked regression point, by class id 0 / 1


def _text_color(rgb: tuple[int, int, int]) -> str:
    luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return "#222222" if luma > 150 else "#ffffff"


def swatch_style(rgb: tuple[int, int, int]) -> str:
    r, g, b = rgb
    return (f"QToolButton {{ background: rgb({r},{g},{b}); color: {_text_color(rgb)}; "
            "border: 1px solid #888; border-radius: 3px; font-weight: bold; min-width: 26px; "
            "min-height: 22px; }"
            "QToolButton:checked { border: 3px solid #222222; }"
            "QToolButton:disabled { background: #dddddd; color: #999999; }")


class DataPanel(QWidget):
    regenerateRequested = Signal(dict)  # name, n, noise, classes, test_fraction, seed
    showTestChanged = Signal(bool)
    discretizeChanged = Signal(bool)
    classChanged = Signal(int)  # class id 0..5; regression: 0 → value −1, 1 → value +1
    eraserToggled = Signal(bool)
    clearRequested = Signal()
    undoRequested = Signal()
    redoRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._seed = 0
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(SPACING)
        box.addWidget(self._build_data())
        box.addWidget(self._build_tools())
        box.addStretch(1)
        self.set_state(DatasetSpec(), "binary", 2)

    # ------------------------------------------------------------------ construction
    def _build_data(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data"))
        self._build_generator()
        self.show_test = QCheckBox(self.tr("Show test points"))
        self.show_test.setToolTip(self.tr("Draw the held-out test points (hollow)."))
        self.show_test.toggled.connect(self.showTestChanged.emit)
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(self.tr("Colour the background by the predicted class only, "
                                           "instead of by confidence."))
        self.discretize.toggled.connect(self.discretizeChanged.emit)
        grid = QGridLayout(group)
        grid.setSpacing(SPACING)
        grid.addWidget(self.dataset_combo, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Noise")), 1, 0)
        grid.addWidget(self.noise_slider, 1, 1)
        grid.addWidget(self.noise_label, 1, 2)
        for row, (text, widget) in enumerate(((self.tr("Points"), self.points_spin),
                                              (self.tr("Test split"), self.split_spin),
                                              (self.tr("Classes"), self.classes_spin)), 2):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(widget, row, 1, 1, 2)
        grid.addWidget(self.regen_button, 5, 0, 1, 3)
        grid.addWidget(self.show_test, 6, 0, 1, 3)
        grid.addWidget(self.discretize, 7, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return group

    def _build_generator(self) -> None:
        """The data set choice and its generator settings."""
        self.dataset_combo = QComboBox()
        for name in datasets.names():
            info = datasets.info(name)
            label = tr_core(info.label)
            self.dataset_combo.addItem(label, name)
            tip = f"<b>{label}</b><br>{tr_core(info.description)}<br><i>{tr_core(info.note)}</i>"
            self.dataset_combo.setItemData(self.dataset_combo.count() - 1, tip, Qt.ToolTipRole)
        self.dataset_combo.currentIndexChanged.connect(self._dataset_changed)
        self.noise_slider = QSlider(Qt.Horizontal)
        self.noise_slider.setRange(0, 100)
        self.noise_slider.setPageStep(10)
        self.noise_slider.setToolTip(self.tr("How much the points are jittered away from the "
                                             "clean pattern (0–100 %)."))
        self.noise_label = QLabel()
        self.noise_label.setMinimumWidth(40)
        self.noise_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.noise_slider.valueChanged.connect(self._noise_moved)
        self.noise_slider.sliderReleased.connect(self._request)
        self.points_spin = self._spin(10, limits.MAX_POINTS, self.tr(
            "Number of points to generate (train + test)."))
        self.points_spin.setSingleStep(50)
        self.split_spin = self._spin(0, 90, self.tr(
            "Share of the points held out for testing: the network never trains on them, so "
            "they show whether it generalizes."))
        self.split_spin.setSuffix(" %")
        self.split_spin.setSingleStep(10)
        self.classes_spin = self._spin(2, limits.MAX_CLASSES, self.tr(
            "Number of classes K (only for data sets that take one). K > 2 uses a softmax "
            "output with K units."))
        self.regen_button = QPushButton(self.style().standardIcon(QStyle.SP_BrowserReload),
                                        self.tr("Regenerate"))
        self.regen_button.setToolTip(self.tr("Draw a new random sample of this data set."))
        self.regen_button.clicked.connect(self._regenerate)

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)  # typed numbers apply on Enter, arrows at once
        spin.setToolTip(tip)
        spin.valueChanged.connect(self._request)
        return spin

    def _build_tools(self) -> QGroupBox:
        group = QGroupBox(self.tr("Edit points"))
        self.class_label = QLabel()
        self.class_group = QButtonGroup(self)
        self.class_buttons: list[QToolButton] = []
        swatches = QHBoxLayout()
        swatches.setSpacing(4)
        for k in range(palette.MAX_CLASSES):
            button = QToolButton()
            button.setCheckable(True)
            self.class_group.addButton(button, k)
            self.class_buttons.append(button)
            swatches.addWidget(button)
        swatches.addStretch(1)
        self.class_group.idClicked.connect(self._class_clicked)
        self.eraser = self._tool_button(self.tr("Eraser"), QStyle.SP_DialogDiscardButton, self.tr(
            "Eraser: click a point to remove it (right-click removes too)."))
        self.eraser.setCheckable(True)
        self.eraser.toggled.connect(self.eraserToggled.emit)
        self.clear_button = self._tool_button(self.tr("Clear"), QStyle.SP_TrashIcon,
                                              self.tr("Remove every point."))
        self.clear_button.clicked.connect(self.clearRequested.emit)
        self.undo_button = self._tool_button(self.tr("Undo"), QStyle.SP_ArrowBack,
                                             self.tr("Undo the last point edit (Ctrl+Z)."))
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.redo_button = self._tool_button(self.tr("Redo"), QStyle.SP_ArrowForward,
                                             self.tr("Redo (Ctrl+Shift+Z)."))
        self.redo_button.clicked.connect(self.redoRequested.emit)
        tools = QGridLayout()
        tools.setSpacing(4)
        for i, button in enumerate((self.eraser, self.clear_button,
                                    self.undo_button, self.redo_button)):
            tools.addWidget(button, i // 2, i % 2)
        layout = QVBoxLayout(group)
        layout.setSpacing(SPACING)
        layout.addWidget(self.class_label)
        layout.addLayout(swatches)
        layout.addLayout(tools)
        return group

    def _tool_button(self, text: str, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        return button

    # ------------------------------------------------------------------ state in
    def set_state(self, dataset: DatasetSpec | None, task: str, n_classes: int) -> None:
        """Show the data settings (None: hand-made points) and the task; emits nothing."""
        widgets = (self.dataset_combo, self.noise_slider, self.points_spin, self.split_spin,
                   self.classes_spin)
        for w in widgets:
            w.blockSignals(True)
        if dataset is not None:
            self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(dataset.name))
            self.noise_slider.setValue(round(100 * dataset.noise))
            self.points_spin.setValue(dataset.n)
            self.split_spin.setValue(round(100 * dataset.test_fraction))
            self.classes_spin.setValue(max(2, dataset.classes or 2))
            self._seed = dataset.seed
        for w in widgets:
            w.blockSignals(False)
        self._noise_moved(self.noise_slider.value(), emit=False)
        self._sync_classes_enabled()
        self._show_class_tools(task, n_classes)

    def set_current_class(self, k: int) -> None:
        """Check the selector button of class k (regression: 0 = −1, 1 = +1); emits nothing."""
        shown = [b for b in self.class_buttons if not b.isHidden()]
        shown[min(max(0, int(k)), len(shown) - 1)].setChecked(True)

    def set_undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.undo_button.setEnabled(can_undo)
        self.redo_button.setEnabled(can_redo)

    def set_view_options(self, show_test: bool, discretize: bool) -> None:
        for box, on in ((self.show_test, show_test), (self.discretize, discretize)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)

    def settings(self, seed: int | None = None) -> dict:
        """The generator settings the panel shows (the regenerateRequested payload)."""
        return {
            "name": self.dataset_combo.currentData(),
            "n": self.points_spin.value(),
            "noise": self.noise_slider.value() / 100.0,
            "classes": self.classes_spin.value() if self.classes_spin.isEnabled() else 2,
            "test_fraction": self.split_spin.value() / 100.0,
            "seed": self._seed if seed is None else seed,
        }

    def _sync_classes_enabled(self) -> None:
        info = datasets.info(self.dataset_combo.currentData())
        self.classes_spin.setEnabled(info.multiclass)
        fixed = info.name == "iris"  # iris has its own 150 points without noise
        self.points_spin.setEnabled(not fixed)
        self.noise_slider.setEnabled(not fixed)

    def _show_class_tools(self, task: str, n_classes: int) -> None:
        checked = self.class_group.checkedId()
        if task == "regression":
            self.class_label.setText(self.tr("Value of a clicked point"))
            for i, button in enumerate(self.class_buttons):
                value = REGRESSION_VALUES[i] if i < len(REGRESSION_VALUES) else None
                button.setVisible(value is not None)
                if value is not None:
                    rgb = palette.POSITIVE_RGB if value > 0 else palette.NEGATIVE_RGB
                    button.setToolTip(self.tr("Clicked points get the target value %1 (key %2).")
                                      .replace("%1", f"{value:+d}").replace("%2", str(i + 1)))
                    button.setText(f"{value:+d}".replace("-", "−"))
                    button.setStyleSheet(swatch_style(rgb))
            one_d = self.dataset_combo.currentData() == "sine"
            for button in self.class_buttons[:2]:
                button.setEnabled(not one_d)
            if one_d:
                self.class_label.setText(self.tr("1-D data: the click height is the value"))
        else:
            self.class_label.setText(self.tr("Class of a clicked point"))
            for k, button in enumerate(self.class_buttons):
                button.setVisible(k < n_classes)
                button.setEnabled(True)
                button.setText(str(k + 1))
                button.setStyleSheet(swatch_style(palette.CLASS_RGB[k]))
                button.setToolTip(self.tr("Clicked points join class %1 (key %1).")
                                  .replace("%1", str(k + 1)))
        visible = [b for b in self.class_buttons if not b.isHidden()]
        if checked < 0 or self.class_buttons[checked].isHidden():
            visible[0].setChecked(True)

    # ------------------------------------------------------------------ edits out
    def _request(self) -> None:
        if self.noise_slider.isSliderDown():
            return  # regenerate when the slider is released, not on every pixel
        self.regenerateRequested.emit(self.settings())

    def _regenerate(self) -> None:
        self._seed += 1
        self.regenerateRequested.emit(self.settings())

    def _dataset_changed(self) -> None:
        self._sync_classes_enabled()
        self._request()

    def _noise_moved(self, value: int, emit: bool = True) -> None:
        self.noise_label.setText(f"{value} %")
        if emit:
            self._request()

    def _class_clicked(self, k: int) -> None:
        self.classChanged.emit(k)
