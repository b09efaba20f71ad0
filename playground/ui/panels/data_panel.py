"""DataPanel: choose and generate a data set, see what the data is, and the point tools.

Holds only what it displays. set_state() pushes the session's data in without emitting: the
generator settings the points came from (or "Your own points", with the generator off), a line
saying what the points are, and PointTools. Choosing a data set or changing noise / points /
split / classes asks for new points at once (regenerateRequested with the same seed, like
TensorFlow Playground); "Regenerate" draws a new sample with the next seed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from playground.core import limits
from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.data.pointset import PointSet
from playground.ui.graphics.widgets import RangeSpinBox, blocked
from playground.ui.i18n.core_strings import tr_core
from playground.ui.panels.point_tools import PointTools

SPACING = 6


class DataPanel(QWidget):
    regenerateRequested = Signal(dict)  # name, n, noise, classes, test_fraction, seed
    showTestChanged = Signal(bool)
    discretizeChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._seed = 0
        self.tools = PointTools()
        # the tools' requests are the panel's: one place to connect
        self.classChanged = self.tools.classChanged
        self.eraserToggled = self.tools.eraserToggled
        self.clearRequested = self.tools.clearRequested
        self.undoRequested = self.tools.undoRequested
        self.redoRequested = self.tools.redoRequested
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(SPACING)
        box.addWidget(self._build_data())
        box.addWidget(self.tools)
        box.addStretch(1)
        spec = DatasetSpec()
        self.set_state(spec, spec.generate())

    # ------------------------------------------------------------------ construction
    def _build_data(self) -> QGroupBox:
        group = QGroupBox(self.tr("Data"))
        self._build_generator()
        self.show_test = QCheckBox(self.tr("Show test points"))
        self.show_test.setToolTip(self.tr("Draw the held-out test points (hollow)."))
        self.show_test.toggled.connect(self.showTestChanged.emit)
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(
            self.tr("Colour the background by the predicted class only, instead of by confidence.")
        )
        self.discretize.toggled.connect(self.discretizeChanged.emit)
        grid = QGridLayout(group)
        grid.setSpacing(SPACING)
        grid.addWidget(self.dataset_combo, 0, 0, 1, 3)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: palette(dark);")
        grid.addWidget(self.summary, 8, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Noise")), 1, 0)
        grid.addWidget(self.noise_slider, 1, 1)
        grid.addWidget(self.noise_label, 1, 2)
        for row, (text, widget) in enumerate(
            (
                (self.tr("Points"), self.points_spin),
                (self.tr("Test split"), self.split_spin),
                (self.tr("Classes"), self.classes_spin),
            ),
            2,
        ):
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
        self.dataset_combo.addItem(self.tr("Your own points"), None)
        self.dataset_combo.setItemData(
            0,
            self.tr("Points drawn or imported by you; choose a data set to generate new ones."),
            Qt.ToolTipRole,
        )
        for name in datasets.names():
            info = datasets.info(name)
            label = tr_core(info.label)
            self.dataset_combo.addItem(label, name)
            tip = f"<b>{label}</b><br>{tr_core(info.description)}<br><i>{tr_core(info.note)}</i>"
            self.dataset_combo.setItemData(self.dataset_combo.count() - 1, tip, Qt.ToolTipRole)
        self.dataset_combo.currentIndexChanged.connect(self._dataset_changed)
        self._build_noise()
        self._build_counts()

    def _build_noise(self) -> None:
        self.noise_slider = QSlider(Qt.Horizontal)
        self.noise_slider.setRange(0, 100)
        self.noise_slider.setPageStep(10)
        self.noise_slider.setToolTip(
            self.tr("How much the points are jittered away from the clean pattern (0–100 %).")
        )
        self.noise_label = QLabel()
        self.noise_label.setMinimumWidth(40)
        self.noise_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.noise_slider.valueChanged.connect(self._noise_moved)
        self.noise_slider.sliderReleased.connect(self._request)

    def _build_counts(self) -> None:
        """Points, test share and classes, and Regenerate."""
        self.points_spin = self._spin(
            10, limits.MAX_POINTS, self.tr("Number of points to generate (train + test).")
        )
        self.points_spin.setSingleStep(50)
        self.split_spin = self._spin(
            0,
            90,
            self.tr(
                "Share of the points held out for testing: the network never trains on them, so "
                "they show whether it generalizes."
            ),
        )
        self.split_spin.setSuffix(" %")
        self.split_spin.setSingleStep(10)
        self.classes_spin = self._spin(
            2,
            limits.MAX_CLASSES,
            self.tr(
                "Number of classes K (only for data sets that take one). K > 2 uses a softmax "
                "output with K units."
            ),
        )
        self.regen_button = QPushButton(
            self.style().standardIcon(QStyle.SP_BrowserReload), self.tr("Regenerate")
        )
        self.regen_button.setToolTip(self.tr("Draw a new random sample of this data set."))
        self.regen_button.clicked.connect(self._regenerate)

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = RangeSpinBox()
        spin.setRange(low, high)
        spin.setKeyboardTracking(False)  # typed numbers apply on Enter, arrows at once
        spin.setToolTip(tip)
        spin.valueChanged.connect(self._request)
        return spin

    # ------------------------------------------------------------------ state in
    def set_state(self, dataset: DatasetSpec | None, data: PointSet) -> None:
        """Show the data: the generator settings it came from (None: your own points, the
        generator controls off) and what it is; emits nothing."""
        widgets = (
            self.dataset_combo,
            self.noise_slider,
            self.points_spin,
            self.split_spin,
            self.classes_spin,
        )
        with blocked(*widgets):
            if dataset is None:
                self.dataset_combo.setCurrentIndex(0)  # "Your own points"
            else:
                self.dataset_combo.setCurrentIndex(self.dataset_combo.findData(dataset.name))
                self.noise_slider.setValue(round(100 * dataset.noise))
                self.points_spin.setValue(dataset.n)
                self.split_spin.setValue(round(100 * dataset.test_fraction))
                self._seed = dataset.seed
            self.classes_spin.setValue(max(2, data.n_classes))
        self._noise_moved(self.noise_slider.value(), emit=False)
        self._sync_enabled()
        self.summary.setText(self._summary(data))
        self.tools.set_state(data)

    def _summary(self, data: PointSet) -> str:
        test = int(data.is_test.sum())
        text = (
            self.tr("%1 points, %2 for testing")
            .replace("%1", f"{data.n:,}")
            .replace("%2", f"{test:,}")
        )
        if data.task == "regression":
            return text + " · " + self.tr("regression")
        return text + " · " + self.tr("%1 classes").replace("%1", str(data.n_classes))

    def set_current_class(self, k: int) -> None:
        self.tools.set_current_class(k)

    def set_undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.tools.set_undo_state(can_undo, can_redo)

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

    def _sync_enabled(self) -> None:
        name = self.dataset_combo.currentData()
        own = name is None  # your own points: nothing to generate from
        info = None if own else datasets.info(name)
        self.classes_spin.setEnabled(not own and info.multiclass)
        fixed = own or info.name == "iris"  # iris has its own 150 points without noise
        self.points_spin.setEnabled(not fixed)
        self.noise_slider.setEnabled(not fixed)
        self.split_spin.setEnabled(not own)
        self.regen_button.setEnabled(not own)

    # ------------------------------------------------------------------ edits out
    def _request(self) -> None:
        if self.noise_slider.isSliderDown():
            return  # regenerate when the slider is released, not on every pixel
        self.regenerateRequested.emit(self.settings())

    def _regenerate(self) -> None:
        self._seed += 1
        self.regenerateRequested.emit(self.settings())

    def _dataset_changed(self) -> None:
        self._sync_enabled()
        if self.dataset_combo.currentData() is not None:
            self._request()

    def _noise_moved(self, value: int, emit: bool = True) -> None:
        self.noise_label.setText(f"{value} %")
        if emit:
            self._request()
