"""WindowHost: keeps the main window and builds it again in another language on request, with
the same geometry, while the session (project, training, undo) carries on untouched."""

from __future__ import annotations

from PySide6.QtCore import QObject

from playground.ui.i18n import translator
from playground.ui.window import settings as app_settings
from playground.ui.window.main_window import MainWindow


class WindowHost(QObject):
    def __init__(self, app, session, interactive: bool = True, remember: bool = True):
        super().__init__()
        self.app, self.session = app, session
        self.interactive, self.remember = interactive, remember
        self.window = self._build()

    def _build(self) -> MainWindow:
        window = MainWindow(self.session, self.interactive, self.remember)
        window.languageRequested.connect(self.switch_language)
        return window

    def switch_language(self, lang: str) -> None:
        """Install lang's translations and rebuild the window in it, in the same place."""
        if lang == translator.current():
            return
        translator.install(self.app, lang)
        if self.remember:
            app_settings.settings().setValue("view/lang", lang)
        old = self.window
        geometry, state = old.saveGeometry(), old.saveState()
        self.window = self._build()
        self.window.restoreGeometry(geometry)
        self.window.restoreState(state)
        old.close_for_rebuild()
        self.window.show()
        latest = self.session.latest_snapshot()
        if latest is not None:
            self.window.paint(latest)
