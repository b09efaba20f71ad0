"""PlotStack: the loss plot and the activation view in the right column.

Tall enough for both (each ≥ TALL_EACH px): one above the other in a splitter. Shorter (such as a
1280×800 window): tabs, so the one shown keeps a readable height instead of both shrinking to a
strip. Switching only shows or hides the views (no re-parenting); the tab bar's index picks one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLayout, QSplitter, QTabBar, QVBoxLayout, QWidget

TALL_EACH = 160  # px per view below which the views share the room as tabs
MIN_VIEW_H = 160  # px: the smallest height a view is ever given


class PlotStack(QWidget):
    currentChanged = Signal(int)  # tabs mode: index of the view now shown

    def __init__(self, views: list[QWidget], titles: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.views = list(views)
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        for title in titles:
            self.tabs.addTab(title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        for view in self.views:
            view.setMinimumHeight(MIN_VIEW_H)
            self.splitter.addWidget(view)
            self.splitter.setCollapsible(self.splitter.indexOf(view), False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # minimumSizeHint rules
        box.addWidget(self.tabs)
        box.addWidget(self.splitter, 1)
        self._tabbed: bool | None = None
        self._arrange(tabbed=False)

    def is_tabbed(self) -> bool:
        return bool(self._tabbed)

    def is_shown(self, view: QWidget) -> bool:
        """True if `view` is on screen in the current arrangement."""
        return not self._tabbed or self.views.index(view) == self.tabs.currentIndex()

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setHeight(self.tabs.sizeHint().height() + MIN_VIEW_H)
        return hint

    def _arrange(self, tabbed: bool) -> None:
        if tabbed == self._tabbed:
            return
        self._tabbed = tabbed
        self.tabs.setVisible(tabbed)
        current = self.tabs.currentIndex()
        for i, view in enumerate(self.views):
            view.setVisible(not tabbed or i == current)
        if not tabbed:
            self.splitter.setSizes([1] * len(self.views))  # equal shares

    def _tab_changed(self, index: int) -> None:
        if self._tabbed:
            for i, view in enumerate(self.views):
                view.setVisible(i == index)
            self.currentChanged.emit(index)

    def resizeEvent(self, event) -> None:
        self._arrange(event.size().height() < TALL_EACH * len(self.views))
        super().resizeEvent(event)
