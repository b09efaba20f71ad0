"""File ▸ Export ▸ …, File ▸ Import points…, files dropped on the window, File ▸ Open recent."""

from __future__ import annotations

import runpy

import numpy as np
import pytest
from conftest import show_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from playground.core.data.csvio import read_points
from playground.core.export.common import prepare
from playground.core.files.project import save_project
from playground.ui.window import settings as app_settings
from playground.ui.window.file_actions import FileActions
from playground.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, make_session, no_qt_warnings):
    w = show_window(qtbot, make_session(), (1300, 850), remember=True)
    yield w
    w.close()
    app_settings.clear_recent()


class Files:
    """FileActions on a plain widget (no window to build): its status texts are kept."""

    def __init__(self, session, parent):
        self.shown: list[str] = []
        self.actions = FileActions(
            session,
            parent,
            interactive=False,
            remember=False,
            show_status=lambda text, level: self.shown.append(text),
        )
        self.session = session

    @property
    def last(self) -> str:
        return self.shown[-1]


@pytest.fixture
def files(qtbot, make_session, no_qt_warnings):
    parent = QWidget()
    qtbot.addWidget(parent)
    return Files(make_session(), parent)


def file_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")


def submenu(menu, text: str):
    return next(a.menu() for a in menu.actions() if a.text() == text)


# ---------------------------------------------------------------------- export
def test_export_menu_lists_code_weights_and_points(window):
    texts = [a.text() for a in submenu(file_menu(window), "E&xport").actions()]
    assert texts == [
        "&Keras code…",
        "&PyTorch code…",
        "&NumPy code…",
        "&Weights (.npz)…",
        "P&oints (.csv)…",
    ]


def test_exports_use_the_current_weights_of_the_session(files, tmp_path):
    s = files.session
    s.train_steps(200)
    live = s.current_project()
    assert live.run is not None and not np.array_equal(live.params[0][0], live.run.initial[0][0])
    exports = files.actions.exports
    [npz] = exports.export("npz", tmp_path / "w.npz")
    with np.load(npz, allow_pickle=False) as arrays:
        for i, (W, b) in enumerate(live.params):
            assert np.array_equal(arrays[f"W{i}"], W) and np.array_equal(arrays[f"b{i}"], b)
    [code] = exports.export("numpy", tmp_path / "net.py")
    predict = runpy.run_path(str(code))["predict"]
    X = np.random.default_rng(1).uniform(-6, 6, (50, 2))
    assert np.abs(predict(X) - prepare(live).app_predict(X)).max() <= 1e-9
    for fmt in ("keras", "pytorch"):
        [code] = exports.export(fmt, tmp_path / f"{fmt}.py")
        compile(code.read_text(), str(code), "exec")
    [csv] = exports.export("csv", tmp_path / "points.csv")
    back, data = read_points(csv, test_column="test"), s.project.data
    assert np.array_equal(back.X, data.X) and np.array_equal(back.y, data.y)
    assert np.array_equal(back.is_test, data.is_test)
    assert "Exported" in files.last


def test_an_export_that_cannot_be_written_names_the_file(files, tmp_path):
    missing = tmp_path / "nowhere" / "net.py"
    assert files.actions.exports.export("numpy", missing) == []
    assert str(missing) in files.last
    own = tmp_path / "mine.json"
    assert files.actions.save_as(own)
    assert files.actions.exports.export("npz", tmp_path / "mine.npz") == []
    assert "mine.npz" in files.last


# ---------------------------------------------------------------------- import
def write(tmp_path, text: str, name: str = "points.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


THREE_D = "a,b,c,label\n" + "".join(
    f"{i % 5},{(i * 7) % 3},{i % 2},{['cat', 'dog', 'eel'][i % 3]}\n" for i in range(30)
)


def test_import_replaces_the_points_undoably_and_the_network_follows(files, tmp_path):
    s = files.session
    before, spec = s.project.data, s.project.spec()
    path = write(tmp_path, THREE_D)
    assert files.actions.import_points(path)
    data = s.project.data
    assert data.X.tolist() == read_points(path).X.tolist()
    assert data.class_names == ("cat", "dog", "eel") and data.feature_names == ("a", "b", "c")
    new = s.project.spec()
    assert (new.n_inputs, new.n_outputs, new.output) == (3, 3, "softmax")
    assert "Imported 30 points" in files.last
    assert s.can_undo()
    s.undo()  # imports are undone like every edit of the points
    assert s.project.data == before and s.project.spec() == spec
    s.redo()
    assert s.project.data == data


def test_a_bad_cell_is_reported_by_row_and_column_and_nothing_changes(files, tmp_path):
    s = files.session
    before = s.project
    path = write(tmp_path, "x1,x2,label\n1,2,0\n3,abc,1\n")
    assert not files.actions.import_points(path)
    assert s.project is before and not s.can_undo()
    assert files.last == "Row 3, column x2: 'abc' is not a number"


def test_too_many_whole_numbers_ask_classes_or_regression(files, tmp_path, monkeypatch):
    s = files.session
    path = write(tmp_path, "x,y,label\n" + "".join(f"{i},{-i},{i % 7}\n" for i in range(21)))
    asked = []
    answer = None
    monkeypatch.setattr(
        files.actions.points, "ask_task", lambda reason: asked.append(reason) or answer
    )
    before = s.project
    assert not files.actions.import_points(path)  # cancelled
    assert s.project is before
    assert "7 different whole numbers" in asked[0]
    answer = "regression"
    assert files.actions.import_points(path)
    assert s.project.data.task == "regression" and s.project.spec().output == "linear"
    answer = "classes"  # 7 classes: refused, naming the row of the seventh
    assert not files.actions.import_points(path)
    assert files.last.startswith("Row 8, column label: '6'")


def test_an_unnamed_label_column_is_asked_for(files, tmp_path, monkeypatch):
    s = files.session
    path = write(tmp_path, "p,q,r\n" + "".join(f"{i % 2},{i},{i * 0.5}\n" for i in range(12)))
    asked = []
    monkeypatch.setattr(
        files.actions.points,
        "ask_label",
        lambda columns, default: asked.append((columns, default)) or 0,
    )
    assert files.actions.import_points(path)
    assert asked == [(["p", "q", "r"], 2)]
    assert s.project.data.task == "binary" and s.project.data.dim == 2
    assert s.project.data.feature_names == ("q", "r")


def click_when_shown(qtbot, act):
    """Run act(dialog) on the next modal dialog as soon as it is shown."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            act(dialog)

    QTimer.singleShot(0, poll)


def test_the_real_questions(qtbot, files):
    points = files.actions.points
    click_when_shown(
        qtbot, lambda d: next(b for b in d.buttons() if b.text() == "Regression").click()
    )
    assert points.ask_task("why") == "regression"

    def pick(dialog):
        assert isinstance(dialog, QInputDialog) and dialog.comboBoxItems() == ["a", "b"]
        dialog.setTextValue("a")
        dialog.accept()

    click_when_shown(qtbot, pick)
    assert points.ask_label(["a", "b"], 1) == 0
    click_when_shown(qtbot, lambda d: d.reject())
    assert points.ask_label(["a", "b"], 1) is None
    click_when_shown(qtbot, lambda d: d.button(QMessageBox.StandardButton.Cancel).click())
    assert points.ask_task("why") is None


# ---------------------------------------------------------------------- drag and drop
def drop(target, path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(target.width() / 2, target.height() / 2)
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        pos.toPoint(), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(pos, action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def test_dropping_a_csv_on_the_plane_imports_it_and_a_project_opens(qtbot, window, tmp_path):
    s = window.session
    csv = write(tmp_path, THREE_D)
    viewport = window.canvas.plot_widget.viewport()
    assert drop(viewport, csv)
    qtbot.waitUntil(lambda: s.project.data.dim == 3)
    other = s.project
    save_project(other, tmp_path / "dropped.json")
    s.undo()
    assert drop(window, tmp_path / "dropped.json")
    qtbot.waitUntil(lambda: s.path == tmp_path / "dropped.json")
    assert s.project.data == other.data
    assert not drop(window, write(tmp_path, "x", "notes.md"))


# ---------------------------------------------------------------------- open recent
def test_open_recent_keeps_the_last_eight_prunes_missing_and_clears(qtbot, window, tmp_path):
    app_settings.clear_recent()
    paths = []
    for i in range(10):
        paths.append(tmp_path / f"p{i}.json")
        assert window.save_as(paths[-1])
    paths[8].unlink()
    menu = submenu(file_menu(window), "Open &recent")
    window.menus.recent.rebuild()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:7] == [f"&{k + 1} p{i}.json" for k, i in enumerate((9, 7, 6, 5, 4, 3, 2))]
    assert texts[7:] == ["&Clear list"]
    assert str(paths[8]) not in app_settings.recent_files()  # pruned from the stored list too
    window.new_project()
    next(a for a in menu.actions() if a.text() == "&2 p7.json").trigger()
    assert window.session.path == paths[7]
    next(a for a in menu.actions() if a.text() == "&Clear list").trigger()
    assert app_settings.recent_files() == []
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["No recent projects", "&Clear list"]
    assert not any(a.isEnabled() for a in menu.actions() if not a.isSeparator())


def test_a_window_that_does_not_remember_keeps_no_list(qtbot, make_session, tmp_path):
    app_settings.clear_recent()
    w = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(w)
    assert w.save_as(tmp_path / "x.json")
    assert app_settings.recent_files() == []
    w.close()
