"""PointTools: what a click on the plane adds, and the eraser / clear / undo / redo buttons.

Classification: buttons for classes 1..K (named when the data names them) and one for a new
class K+1 (while K < 6); classChanged(k) with k = 0..K. Regression on the plane: −1 / +1 pick the
target of a clicked point (classChanged(0) / (1), the mapping core.data.edits uses). 1-D data:
the click height is the value, so there is nothing to choose. Data with more than two inputs
cannot be drawn on. set_state() and set_current_class() emit nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core import limits
from playground.core.data.edits import REGRESSION_VALUES
from playground.core.data.pointset import PointSet
from playground.ui.graphics import palette
from playground.ui.graphics.widgets import blocked

SPACING = 6


def _text_color(rgb: tuple[int, int, int]) -> str:
    luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]
    return "#222222" if luma > 150 else "#ffffff"


def swatch_style(rgb: tuple[int, int, int], dashed: bool = False) -> str:
    r, g, b = rgb
    border = "2px dashed #555" if dashed else "1px solid #888"
    return (
        f"QToolButton {{ background: rgb({r},{g},{b}); color: {_text_color(rgb)}; "
        f"border: {border}; border-radius: 3px; font-weight: bold; min-width: 26px; "
        "min-height: 22px; padding: 0 4px; }"
        "QToolButton:checked { border: 3px solid #222222; }"
        "QToolButton:disabled { background: #dddddd; color: #999999; }"
    )


class PointTools(QGroupBox):
    classChanged = Signal(int)  # class id 0..K (K = a new class); regression: 0 → −1, 1 → +1
    eraserToggled = Signal(bool)
    clearRequested = Signal()
    undoRequested = Signal()
    redoRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Edit points"), parent)
        self.class_label = QLabel()
        self.class_label.setWordWrap(True)
        self.class_group = QButtonGroup(self)
        self.class_buttons: list[QToolButton] = []
        swatches = QHBoxLayout()
        swatches.setSpacing(4)
        for k in range(limits.MAX_CLASSES):
            button = QToolButton()
            button.setCheckable(True)
            self.class_group.addButton(button, k)
            self.class_buttons.append(button)
            swatches.addWidget(button)
        swatches.addStretch(1)
        self.class_group.idClicked.connect(self.classChanged.emit)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.class_label)
        layout.addLayout(swatches)
        layout.addLayout(self._build_buttons())

    def _build_buttons(self) -> QGridLayout:
        self.eraser = self._tool_button(
            self.tr("Eraser"),
            QStyle.SP_DialogDiscardButton,
            self.tr("Eraser: click a point to remove it (right-click removes too)."),
        )
        self.eraser.setCheckable(True)
        self.eraser.toggled.connect(self.eraserToggled.emit)
        self.clear_button = self._tool_button(
            self.tr("Clear"), QStyle.SP_TrashIcon, self.tr("Remove every point.")
        )
        self.clear_button.clicked.connect(self.clearRequested.emit)
        self.undo_button = self._tool_button(
            self.tr("Undo"), QStyle.SP_ArrowBack, self.tr("Undo the last point edit (Ctrl+Z).")
        )
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.redo_button = self._tool_button(
            self.tr("Redo"), QStyle.SP_ArrowForward, self.tr("Redo (Ctrl+Shift+Z).")
        )
        self.redo_button.clicked.connect(self.redoRequested.emit)
        tools = QGridLayout()
        tools.setSpacing(4)
        for i, button in enumerate(
            (self.eraser, self.clear_button, self.undo_button, self.redo_button)
        ):
            tools.addWidget(button, i // 2, i % 2)
        return tools

    def _tool_button(self, text: str, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        return button

    # ------------------------------------------------------------------ state in
    def set_state(self, data: PointSet) -> None:
        """Show the choices a click has on this data."""
        if data.dim == 1:
            self._show_buttons(0)
            self.class_label.setText(
                self.tr(
                    "1-D data: a click adds a point at (x, value); the click height is the value."
                )
            )
        elif data.dim > 2:
            self._show_buttons(0)
            self.class_label.setText(
                self.tr("%1-D data cannot be drawn on the plane.").replace("%1", str(data.dim))
            )
        elif data.task == "regression":
            self._show_regression()
        else:
            self._show_classes(data)

    def _show_buttons(self, count: int) -> None:
        for k, button in enumerate(self.class_buttons):
            button.setVisible(k < count)

    def _show_regression(self) -> None:
        self.class_label.setText(self.tr("Value of a clicked point"))
        self._show_buttons(len(REGRESSION_VALUES))
        for i, value in enumerate(REGRESSION_VALUES):
            button = self.class_buttons[i]
            rgb = palette.POSITIVE_RGB if value > 0 else palette.NEGATIVE_RGB
            button.setToolTip(
                self.tr("Clicked points get the target value %1 (key %2).")
                .replace("%1", f"{value:+g}")
                .replace("%2", str(i + 1))
            )
            button.setText(f"{value:+g}".replace("-", "−"))
            button.setStyleSheet(swatch_style(rgb))

    def _show_classes(self, data: PointSet) -> None:
        k_max = data.n_classes
        self.class_label.setText(self.tr("Class of a clicked point"))
        self._show_buttons(min(k_max + 1, limits.MAX_CLASSES))
        for k in range(min(k_max + 1, limits.MAX_CLASSES)):
            button = self.class_buttons[k]
            new = k == k_max
            button.setText(f"+{k + 1}" if new else data.class_label(k))
            button.setStyleSheet(swatch_style(palette.CLASS_RGB[k], dashed=new))
            button.setToolTip(
                self.tr("A new class %1: clicked points start it (key %1).").replace(
                    "%1", str(k + 1)
                )
                if new
                else self.tr("Clicked points join class %1 (key %2).")
                .replace("%1", data.class_label(k))
                .replace("%2", str(k + 1))
            )

    def set_current_class(self, k: int) -> None:
        """Check the button of class k (regression: 0 = −1, 1 = +1); emits nothing."""
        shown = [b for b in self.class_buttons if not b.isHidden()]
        if shown:
            with blocked(self.class_group):
                shown[min(max(0, int(k)), len(shown) - 1)].setChecked(True)

    def set_undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.undo_button.setEnabled(can_undo)
        self.redo_button.setEnabled(can_redo)
