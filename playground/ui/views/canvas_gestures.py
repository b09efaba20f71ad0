"""GestureViewBox: a ViewBox that never pans; clicks and drags go to callbacks, the wheel zooms."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt

ZOOM_STEP = 0.85  # one wheel notch scales the view by this (in) or its inverse (out)


class GestureViewBox(pg.ViewBox):
    """on_click(button, plane point, modifiers); on_drag(start, finish, down point, point) for the
    left button; the wheel zooms about the pointer while zoomable() is true."""

    def __init__(self, on_click: Callable, on_drag: Callable, zoomable: Callable[[], bool]):
        super().__init__(enableMenu=False)
        self._on_click = on_click
        self._on_drag = on_drag
        self._zoomable = zoomable
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev):
        ev.accept()
        self._on_click(ev.button(), self.mapSceneToView(ev.scenePos()), ev.modifiers())

    def mouseDragEvent(self, ev, axis=None):
        ev.accept()
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        self._on_drag(
            ev.isStart(),
            ev.isFinish(),
            self.mapSceneToView(ev.buttonDownScenePos()),
            self.mapSceneToView(ev.scenePos()),
        )

    def wheelEvent(self, ev, axis=None):
        if not self._zoomable():
            ev.ignore()
            return
        ev.accept()
        factor = ZOOM_STEP ** (ev.delta() / 120.0)
        self.scaleBy((factor, factor), center=self.mapSceneToView(ev.scenePos()))
