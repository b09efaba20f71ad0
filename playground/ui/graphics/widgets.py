"""Small helpers for widgets."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSignalBlocker, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QToolTip


@contextmanager
def blocked(*objects: QObject) -> Iterator[None]:
    """Block the signals of objects while state is pushed in."""
    with ExitStack() as stack:
        for obj in objects:
            stack.enter_context(QSignalBlocker(obj))
        yield


class RangeSpinBox(QSpinBox):
    """A spin box that lets a number outside its range be typed, then says the allowed range
    where it was typed (a tooltip at the field) and keeps the last good value."""

    def validate(self, text: str, pos: int):
        state, text, pos = super().validate(text, pos)
        body = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if state == QValidator.State.Invalid and body.lstrip("-").isdigit():
            return QValidator.State.Intermediate, text, pos  # out of range: said on Enter
        return state, text, pos

    def fixup(self, text: str) -> str:
        body = text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()
        if body.lstrip("-").isdigit() and not self.minimum() <= int(body) <= self.maximum():
            self.say_range()
        return super().fixup(text)

    def say_range(self) -> None:
        text = (
            QCoreApplication.translate("RangeSpinBox", "Allowed: %1 to %2")
            .replace("%1", f"{self.minimum():,}")
            .replace("%2", f"{self.maximum():,}")
        )
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)


class Throttle(QObject):
    """Calls `deliver(value)` at most every `interval_ms` with the latest value pushed: at once
    when the last call is old enough, else once at the end of the interval (the last value
    always arrives)."""

    def __init__(
        self, interval_ms: int, deliver: Callable[[object], None], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._interval, self._deliver = interval_ms / 1000.0, deliver
        self._value, self._waiting, self._last = None, False, -1e9
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def push(self, value) -> None:
        self._value, self._waiting = value, True
        if self._timer.isActive():
            return
        wait = self._last + self._interval - time.perf_counter()
        if wait <= 0:
            self._fire()
        else:
            self._timer.start(max(1, int(1000 * wait)))

    def _fire(self) -> None:
        if self._waiting:
            self._waiting, self._last = False, time.perf_counter()
            self._deliver(self._value)
