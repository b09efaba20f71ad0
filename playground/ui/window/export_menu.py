"""File ▸ Export ▸ Keras code…, PyTorch code…, NumPy code…, Weights (.npz)…, Points (.csv)…:
core.export applied to the session's project with its current (live) weights."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from playground.core import export as exporter
from playground.core.errors import Invalid
from playground.ui.i18n import messages


class ExportActions(QObject):
    def __init__(self, files, parent: QObject):
        super().__init__(parent)
        self.files = files

    def entries(self) -> dict[str, tuple[str, str, str]]:
        """format → (menu text, file filter, suffix), in menu order."""
        python = self.tr("Python files (*.py)")
        return {
            "keras": (self.tr("&Keras code…"), python, ".py"),
            "pytorch": (self.tr("&PyTorch code…"), python, ".py"),
            "numpy": (self.tr("&NumPy code…"), python, ".py"),
            "npz": (self.tr("&Weights (.npz)…"), self.tr("NumPy archives (*.npz)"), ".npz"),
            "csv": (self.tr("P&oints (.csv)…"), self.tr("CSV files (*.csv)"), ".csv"),
        }

    def fill(self, menu: QMenu) -> None:
        menu.setToolTipsVisible(True)
        for fmt, (text, _, _) in self.entries().items():
            action = menu.addAction(text, lambda f=fmt: self.export(f))
            action.setToolTip(self._tip(fmt))
            action.setStatusTip(action.toolTip())

    def _tip(self, fmt: str) -> str:
        tips = {
            "keras": self.tr(
                "A Python file that builds this network in Keras 3 with its "
                "current weights and checks its predictions."
            ),
            "pytorch": self.tr(
                "A Python file with a torch.nn.Sequential model, its current "
                "weights and a training loop like the app's."
            ),
            "numpy": self.tr("A Python file with the forward pass in NumPy alone."),
            "npz": self.tr("The current weights W0, b0, W1, b1, … (W: outputs × inputs)."),
            "csv": self.tr("Coordinates, label and train/test split of every point."),
        }
        return tips[fmt]

    def _default_name(self, fmt: str) -> str:
        session = self.files.session
        project = session.path or Path((session.project.name or "project") + ".json")
        return exporter.default_output(project, fmt).name

    def export(self, fmt: str, path=None) -> list[Path]:
        """Export the project in `fmt` to path (asked when None); the written files, [] if
        cancelled or refused (the refusal shown, naming the file)."""
        _, filt, suffix = self.entries()[fmt]
        if path is None:
            path = self.files.ask_save_path(
                self.tr("Export"), filt, suffix, self._default_name(fmt)
            )
            if path is None:
                return []
        path = Path(path)
        session = self.files.session
        project = session.current_project()
        title = session.path.stem if session.path else project.name
        failed = self.tr("Cannot export %1").replace("%1", path.name)
        try:
            files = exporter.render(project, fmt, path, title=title or path.stem)
            self._check_targets(files)
            written = exporter.write(files)
        except Invalid as exc:
            self.files.show_error(failed, messages.invalid_text(exc))
            return []
        except OSError as exc:
            self.files.show_error(
                failed, self.tr("Cannot write %1.").replace("%1", str(path)) + "\n" + str(exc)
            )
            return []
        self.files.show_status(
            self.tr("Exported %1").replace("%1", ", ".join(map(str, written))), "info"
        )
        return written

    def _check_targets(self, files) -> None:
        """Never write over the open project or its weights file."""
        own = self.files.session.path
        if own is None:
            return
        keep = {own.resolve(), own.with_suffix(".npz").resolve()}
        for f in files:
            if f.path.resolve() in keep:
                raise OSError(
                    self.tr("%1 is the project's own file; choose another name.").replace(
                        "%1", str(f.path)
                    )
                )
