"""FileActions: the dialogs around the session's file operations — New, Open, Save, Save As,
Export CSV, experiments — and the "unsaved changes" question. The session does the work and
owns the path; this only asks for names and shows errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from playground.core.data import csvio
from playground.core.data.pointset import PointSet
from playground.core.files.experiments import load_experiment
from playground.core.files.project import Project, ProjectError
from playground.core.nn.spec import LayerSpec
from playground.ui.window import settings as app_settings
from playground.ui.window.export_menu import ExportActions
from playground.ui.window.import_points import PointImport

DEFAULT_HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"))


class FileActions(QObject):
    def __init__(
        self,
        session,
        parent: QWidget,
        interactive: bool = True,
        remember: bool = True,
        show_status=None,
    ):
        super().__init__(parent)
        self.session = session
        self._parent = parent
        self.interactive = interactive  # False: never ask questions (snapshot and test modes)
        self.remember = remember  # False: neither read nor write QSettings
        self._show_status = show_status or (lambda text, level: None)
        self.exports = ExportActions(self, self)
        self.points = PointImport(self, parent)

    def import_points(self, path=None) -> bool:
        """File ▸ Import points…: a CSV file's points replace the data (undoable)."""
        return self.points.import_file(path)

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user agreed)."""
        if not self.interactive or not self.session.modified:
            return True
        answer = QMessageBox.question(
            self._parent,
            self.tr("Unsaved changes"),
            self.tr("This project has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if self.confirm_discard():
            data = PointSet(np.zeros((0, 2)), np.zeros(0, np.int64))
            self.session.load_project(Project(data, DEFAULT_HIDDEN, name=self.tr("Untitled")))

    def open_experiment(self, name: str) -> None:
        if self.confirm_discard():
            self.session.load_project(load_experiment(name))

    def _ask_path(
        self, save: bool, title: str, filt: str, suffix: str, name: str = ""
    ) -> Path | None:
        folder = app_settings.last_folder(str(Path.home())) if self.remember else ""
        if name:
            folder = str(Path(folder or ".") / name)
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = ask(self._parent, title, folder, filt)
        if not name:
            return None
        path = Path(name)
        if save and not path.suffix:
            path = path.with_suffix(suffix)
        if self.remember:
            app_settings.remember_folder(str(path.parent))
        return path

    def _error(self, title: str, text: str) -> None:
        self._show_status(text, "error")
        if self.interactive:
            QMessageBox.warning(self._parent, title, text)

    # the dialogs, for the window's other file helpers (exports, import, pictures)
    def ask_save_path(self, title: str, filt: str, suffix: str, name: str = "") -> Path | None:
        """A file to write (suffix added when none is typed), starting in the last folder."""
        return self._ask_path(True, title, filt, suffix, name)

    def ask_open_path(self, title: str, filt: str) -> Path | None:
        return self._ask_path(False, title, filt, "")

    def show_error(self, title: str, text: str) -> None:
        """The status bar, and a message box when interactive."""
        self._error(title, text)

    def show_status(self, text: str, level: str = "info") -> None:
        self._show_status(text, level)

    def _remember_file(self, path: Path) -> None:
        if self.remember:
            app_settings.add_recent(path)

    def open_project(self, path=None) -> bool:
        if not self.confirm_discard():
            return False
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(False, self.tr("Open project"), filt, "")
        if path is None:
            return False
        try:
            self.session.open_file(path)
        except ProjectError as exc:
            self._error(self.tr("Cannot open the project"), str(exc))
            return False
        self._remember_file(path)
        return True

    def save(self) -> bool:
        return self.save_as(self.session.path)

    def save_as(self, path=None) -> bool:
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(True, self.tr("Save project"), filt, ".json")
        if path is None:
            return False
        try:
            self.session.save_file(path)
        except (OSError, ProjectError) as exc:
            self._error(self.tr("Cannot save the project"), str(exc))
            return False
        self._show_status(self.tr("Saved %1").replace("%1", str(path)), "info")
        self._remember_file(path)
        return True

    def export_csv(self, path=None) -> bool:
        filt = self.tr("CSV files (*.csv)")
        path = Path(path) if path else self._ask_path(True, self.tr("Export points"), filt, ".csv")
        if path is None:
            return False
        try:
            csvio.to_csv(self.session.project.data, path, include_split=True)
        except OSError as exc:
            self._error(self.tr("Cannot export the points"), str(exc))
            return False
        return True
