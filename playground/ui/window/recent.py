"""File ▸ Open recent: the last projects opened or saved (settings.recent_files), rebuilt each
time the menu opens; files that no longer exist are dropped from the list then."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from playground.ui.window import settings as app_settings


class RecentMenu(QObject):
    def __init__(self, menu: QMenu, files):
        super().__init__(menu)
        self.menu, self.files = menu, files
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self.rebuild)

    def existing(self) -> list[str]:
        """The stored list without missing files (the pruned list is stored again)."""
        stored = app_settings.recent_files()
        kept = [p for p in stored if Path(p).is_file()]
        if kept != stored:
            app_settings.set_recent(kept)
        return kept

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self.existing() if self.files.remember else []
        for i, path in enumerate(paths):
            action = self.menu.addAction(f"&{i + 1} " + Path(path).name.replace("&", "&&"))
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.files.open_project(p))
        if not paths:
            self.menu.addAction(self.tr("No recent projects")).setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction(self.tr("&Clear list"), self.clear)
        clear.setEnabled(bool(paths))

    def clear(self) -> None:
        app_settings.clear_recent()
        self.rebuild()
