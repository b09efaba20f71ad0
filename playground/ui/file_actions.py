"""FileActions: the window's file operations — New, Open, Save, Save As, Export CSV, experiments
and the "unsaved changes" question. The window's `path` is the project's file (None: unsaved)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.core import datasets
from playground.core.pointset import PointSet
from playground.core.project import (
    Project,
    ProjectError,
    load_experiment,
    load_project,
    save_project,
)
from playground.core.resources import resource_path
from playground.core.spec import LayerSpec

ORG, APP = "ActivationPlayground", "activation-playground"
DEFAULT_HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"))


def settings() -> QSettings:
    """The app's settings store (INI in the user's config folder; tests redirect it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def experiment_description(name: str) -> str:
    """The English description of a bundled experiment ("" if it has none)."""
    path = resource_path("experiments") / f"{name}.json"
    try:
        return str(json.loads(path.read_text(encoding="utf-8")).get("description", ""))
    except (OSError, ValueError):
        return ""


class FileActions(QObject):
    """File operations of `window` (a MainWindow: session, path, interactive, remember,
    show_status(text, level), update_title())."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    @property
    def session(self):
        return self.window.session

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user agreed)."""
        if not self.window.interactive or not self.session.modified:
            return True
        answer = QMessageBox.question(
            self.window, self.tr("Unsaved changes"),
            self.tr("This project has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _replace(self, project, path: Path | None) -> None:
        self.window.path = path
        self.session.load_project(project)
        self.window.update_title()

    def new_project(self) -> None:
        if self.confirm_discard():
            data = PointSet(np.zeros((0, 2)), np.zeros(0, np.int64))
            self._replace(Project(data, DEFAULT_HIDDEN, name=self.tr("Untitled")), None)

    def open_experiment(self, name: str) -> None:
        if self.confirm_discard():
            self._replace(load_experiment(name), None)

    def _ask_path(self, save: bool, title: str, filt: str, suffix: str) -> Path | None:
        remember = self.window.remember
        folder = settings().value("files/last_dir", str(Path.home())) if remember else ""
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = ask(self.window, title, str(folder), filt)
        if not name:
            return None
        path = Path(name)
        if save and not path.suffix:
            path = path.with_suffix(suffix)
        if remember:
            settings().setValue("files/last_dir", str(path.parent))
        return path

    def _error(self, title: str, text: str) -> None:
        self.window.show_status(text, "error")
        if self.window.interactive:
            QMessageBox.warning(self.window, title, text)

    def open_project(self, path=None) -> bool:
        if not self.confirm_discard():
            return False
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(False, self.tr("Open project"), filt, "")
        if path is None:
            return False
        try:
            project = load_project(path)
        except ProjectError as exc:
            self._error(self.tr("Cannot open the project"), str(exc))
            return False
        self._replace(project, path)
        return True

    def save(self) -> bool:
        path = self.window.path
        return self.save_as(path) if path else self.save_as()

    def save_as(self, path=None) -> bool:
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(True, self.tr("Save project"), filt, ".json")
        if path is None:
            return False
        try:
            save_project(self.session.current_project(), path)
        except (OSError, ProjectError) as exc:
            self._error(self.tr("Cannot save the project"), str(exc))
            return False
        self.window.path = path
        self.session.mark_saved()
        self.window.update_title()
        self.window.show_status(self.tr("Saved %1").replace("%1", str(path)), "info")
        return True

    def export_csv(self, path=None) -> bool:
        filt = self.tr("CSV files (*.csv)")
        path = Path(path) if path else self._ask_path(True, self.tr("Export points"), filt, ".csv")
        if path is None:
            return False
        try:
            datasets.to_csv(self.session.project.data, path, include_split=True)
        except OSError as exc:
            self._error(self.tr("Cannot export the points"), str(exc))
            return False
        return True
