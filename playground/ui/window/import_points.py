"""File ▸ Import points… and files dropped on the window.

PointImport reads a CSV with core's reader (csvio) and hands the points to the session, which
replaces the data (undoable) and fits the network's inputs and outputs to them. What the file
leaves open is asked, not guessed: which column is the label when none is named label, class,
y or target; classes or regression when the labels are whole numbers of too many values (or mix
numbers and names). A refusal names the row and the column; the project stays as it was.

FileDrops accepts a .csv (imported) or a .json project (opened) dropped anywhere on the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from playground.core import limits
from playground.core.data import csvio
from playground.core.data.csvread import (
    LABEL_NAMES,
    TEST_NAMES,
    CsvError,
    decode,
    named_column,
    open_table,
)
from playground.core.files.atomic import read_limited
from playground.ui.i18n import messages

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
ASK_TASK = ("csv_choose_task", "csv_mixed_labels")  # refusals a choice of task can settle
DEFAULT_TEST_FRACTION = 0.5  # without a test column, as the built-in data sets


def _file_error(message: str) -> CsvError:
    return CsvError("csv_file", detail=message)


class PointImport(QObject):
    """ask_label(columns, default) -> index | None and ask_task(reason) -> task | None are the
    questions (dialogs; tests replace them)."""

    def __init__(self, files, parent: QWidget):
        super().__init__(parent)
        self.files, self._parent = files, parent

    def error_text(self, error: CsvError) -> str:
        """The refusal in the installed language, starting with its row and column."""
        body = messages.text(error.code, error.params)
        if error.row and error.column:
            return (
                self.tr("Row %1, column %2: %3")
                .replace("%1", str(error.row))
                .replace("%2", error.column)
                .replace("%3", body)
            )
        if error.row:
            return self.tr("Row %1: %2").replace("%1", str(error.row)).replace("%2", body)
        if error.column:
            return self.tr("Column %1: %2").replace("%1", error.column).replace("%2", body)
        return body

    def import_file(self, path=None) -> bool:
        """Read a CSV file and make its points the data; False if refused or cancelled."""
        if path is None:
            filt = self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)")
            path = self.files.ask_open_path(self.tr("Import points"), filt)
            if path is None:
                return False
        path = Path(path)
        try:
            data = self._read(path)
        except CsvError as exc:
            self.files.show_error(
                self.tr("Cannot import %1").replace("%1", path.name), self.error_text(exc)
            )
            return False
        if data is None:
            return False
        self.files.session.import_points(data)
        self.files.show_status(
            self.tr("Imported %1 points from %2")
            .replace("%1", str(data.n))
            .replace("%2", path.name),
            "info",
        )
        return True

    def _read(self, path: Path):
        """The PointSet of the file, None if a question was cancelled; CsvError if refused."""
        text = decode(read_limited(path, _file_error, "CSV file", limits.MAX_FILE_BYTES))
        label = self._label_column(text)
        if label is False:
            return None
        dataset = self.files.session.project.dataset
        fraction = dataset.test_fraction if dataset is not None else DEFAULT_TEST_FRACTION
        seed = self.files.session.project.config.seed
        task = None
        while True:
            try:
                return csvio.parse_points(
                    text, label, task, test_fraction=fraction, seed=seed, name=path.stem or "custom"
                )
            except CsvError as exc:
                if task is not None or exc.code not in ASK_TASK:
                    raise
                task = self.ask_task(self.error_text(exc))
                if task is None:
                    return None

    def _label_column(self, text: str):
        """The label column's 1-based number when the user had to choose it; None when the file
        names it (or has only one candidate); False when the question was cancelled."""
        table = open_table(text.removeprefix("\ufeff"))
        test = named_column(table, TEST_NAMES, skip=None)
        if named_column(table, LABEL_NAMES, skip=test) is not None:
            return None
        candidates = [j for j in range(table.width) if j != test]
        if len(candidates) < 2:
            return None
        names = [self._column_title(table, j) for j in candidates]
        chosen = self.ask_label(names, len(names) - 1)
        return False if chosen is None else candidates[chosen] + 1

    def _column_title(self, table, j: int) -> str:
        if table.names:
            return table.names[j]
        return self.tr("column %1").replace("%1", str(j + 1))

    # ------------------------------------------------------------------ the questions
    def ask_label(self, columns: list[str], default: int) -> int | None:
        label, ok = QInputDialog.getItem(
            self._parent,
            self.tr("Which column is the label?"),
            self.tr(
                "No column is called label, class, y or target.\n"
                "Choose the column the network should predict:"
            ),
            columns,
            default,
            False,
        )
        return columns.index(label) if ok else None

    def ask_task(self, reason: str) -> str | None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Classes or regression?"),
            reason + "\n\n" + self.tr("How should the labels be read?"),
            parent=self._parent,
        )
        classes = box.addButton(self.tr("Classes"), QMessageBox.ButtonRole.AcceptRole)
        regression = box.addButton(self.tr("Regression"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return {classes: "classes", regression: "regression"}.get(box.clickedButton())


class FileDrops(QObject):
    """Drop a .csv (import its points) or a .json project (open it) anywhere on the window."""

    def __init__(self, window, files, points: PointImport):
        super().__init__(window)
        self.files, self.points = files, points
        window.setAcceptDrops(True)
        for widget in [window, *window.findChildren(QWidget)]:
            if widget is window or widget.acceptDrops():
                widget.installEventFilter(self)

    @staticmethod
    def dropped_file(mime) -> Path | None:
        """The one local .csv / .json file a drag carries, else None."""
        urls = mime.urls() if mime.hasUrls() else []
        if len(urls) != 1 or not urls[0].isLocalFile():
            return None
        path = Path(urls[0].toLocalFile())
        return path if path.suffix.lower() in (*CSV_SUFFIXES, ".json") else None

    def eventFilter(self, _watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.dropped_file(event.mimeData()) is None:
                return False
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop:
            path = self.dropped_file(event.mimeData())
            if path is None:
                return False
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open(path))  # questions after the drop ends
            return True
        return False

    def open(self, path: Path) -> bool:
        if path.suffix.lower() == ".json":
            return self.files.open_project(path)
        return self.points.import_file(path)
