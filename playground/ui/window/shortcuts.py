"""The training keys (Space: play/pause, S: one epoch, R: reset) work from anywhere in the window:
also while a spin box or a drop-down list has the focus, where Qt would give the key to that
widget. Only a text field being typed in keeps its keys."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

KEYS = (Qt.Key.Key_Space, Qt.Key.Key_S, Qt.Key.Key_R)


def _is_text_field(widget: QWidget | None) -> bool:
    """A line edit that is not the editor of a number field or a drop-down list."""
    if not isinstance(widget, QLineEdit):
        return False
    parent = widget.parentWidget()
    return not isinstance(parent, (QAbstractSpinBox, QComboBox))


class TrainingKeys(QObject):
    def __init__(self, window: QWidget, actions: dict[int, QAction]):
        super().__init__(window)
        self._window = window
        self._actions = actions  # key → the action it triggers
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if event.key() not in self._actions or event.modifiers() not in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self._window or _is_text_field(focus):
            return False
        if isinstance(focus, (QAbstractSpinBox, QComboBox)) or isinstance(
            focus.parentWidget(), (QAbstractSpinBox, QComboBox)
        ):
            if event.type() == QEvent.Type.KeyPress:
                self._actions[event.key()].trigger()
            return True  # taken from the field: it is the window's key
        return False
