"""WindowHost: keeps the main window and builds it again — in another language, or at another
UI scale (presentation mode, Ctrl+= / Ctrl+−) — with the same geometry, while the session
(project, training, undo) carries on untouched."""

from __future__ import annotations

from PySide6.QtCore import QObject

from playground.ui.graphics import scale
from playground.ui.graphics.widgets import blocked
from playground.ui.i18n import translator
from playground.ui.window import settings as app_settings
from playground.ui.window.main_window import MainWindow


class WindowHost(QObject):
    def __init__(
        self,
        app,
        session,
        interactive: bool = True,
        remember: bool = True,
        fast_start: bool = False,
    ):
        super().__init__()
        self.app, self.session = app, session
        self.interactive, self.remember = interactive, remember
        self.window = self._build(fast_start)

    def _build(self, fast_start: bool = False) -> MainWindow:
        window = MainWindow(self.session, self.interactive, self.remember, fast_start=fast_start)
        window.languageRequested.connect(self.switch_language)
        window.scaleRequested.connect(self.set_scale)
        window.presentationRequested.connect(self.set_presentation)
        with blocked(window.menus.presentation):
            window.menus.presentation.setChecked(self._presenting)
        return window

    _presenting = False

    def set_scale(self, factor: float) -> None:
        """Every font and marker `factor` times its size (the window is built again)."""
        old = scale.factor()
        if scale.set_factor(factor) == old:
            return
        if self.remember:
            app_settings.settings().setValue("view/scale", scale.factor())
        self._rebuild()

    def set_presentation(self, on: bool) -> None:
        """Full screen with larger fonts and markers (F11), or back."""
        self._presenting = bool(on)
        scale.set_factor(scale.PRESENTATION if on else 1.0)
        self._rebuild()
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()

    def switch_language(self, lang: str) -> None:
        """Install lang's translations and rebuild the window in it, in the same place."""
        if lang == translator.current():
            return
        translator.install(self.app, lang)
        if self.remember:
            app_settings.settings().setValue("view/lang", lang)
        self._rebuild()

    def _rebuild(self) -> None:
        scale.apply_to(self.app)
        old = self.window
        geometry, state, flags = old.geometry(), old.saveState(), old.windowState()
        self.window = self._build()
        self.window.setGeometry(geometry)
        self.window.restoreState(state)
        old.close_for_rebuild()
        self.window.setWindowState(flags)
        self.window.show()
        latest = self.session.latest_snapshot()
        if latest is not None:
            self.window.paint(latest)
