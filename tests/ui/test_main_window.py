"""MainWindow: clicks reach the session, shortcuts, live edits, files, settings, snapshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import show_window
from PySide6.QtCore import QSettings, Qt

from playground.core.files.project import load_project
from playground.core.nn.spec import LayerSpec
from playground.ui.window.main_window import MainWindow
from playground.ui.window.settings import settings


@pytest.fixture
def window(qtbot, make_session, no_qt_warnings):
    w = show_window(qtbot, make_session(), remember=True)
    yield w
    w.close()


def trained(session, steps: int) -> bool:
    """True once a snapshot past `steps` arrived (the first may still be on its way)."""
    snap = session.latest_snapshot()
    return snap is not None and snap.step > steps


def click_plane(qtbot, canvas, x, y, button=Qt.MouseButton.LeftButton):
    pt = canvas.map_to_widget(x, y)
    child = canvas.childAt(pt)
    qtbot.mouseClick(child, button, pos=child.mapFrom(canvas, pt))


def test_clicking_the_canvas_adds_points_of_the_chosen_class_and_undo(qtbot, window):
    s = window.session
    n = s.project.data.n
    qtbot.keyClick(window, Qt.Key.Key_2)  # class shortcut: 1-based
    click_plane(qtbot, window.canvas, 2.0, -3.0)
    data = s.project.data
    assert data.n == n + 1 and data.y[-1] == 1
    assert data.X[-1] == pytest.approx([2.0, -3.0], abs=0.15)
    assert window.menus.undo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert s.project.data.n == n and window.menus.redo.isEnabled()


def test_space_plays_and_the_views_follow_the_snapshots(qtbot, window):
    s = window.session
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert s.running and window.controls.is_running()
    qtbot.waitUntil(lambda: window.frames_painted > 5 and trained(s, 100))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not s.running
    qtbot.keyClick(window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: window.progress_label.text().startswith("epoch 0 "))
    assert s.latest_snapshot().step == 0


def test_changing_an_activation_while_training_updates_the_diagram(qtbot, window):
    s = window.session
    s.play()
    qtbot.waitUntil(lambda: trained(s, 100))
    window.builder.hiddenChanged.emit((LayerSpec(4, "relu"), LayerSpec(2, "tanh")))
    qtbot.waitUntil(
        lambda: (
            window.diagram.snapshot is not None
            and window.diagram.snapshot.spec.hidden[0].activation == "relu"
        ),
        timeout=5000,
    )
    assert s.running
    step = s.latest_snapshot().step
    qtbot.waitUntil(lambda: trained(s, step + 100))


def test_save_open_round_trip_keeps_points_network_and_weights(qtbot, window, tmp_path):
    s = window.session
    s.add_point(1.0, 1.0, 1)
    s.set_hidden((LayerSpec(3, "relu"),))
    s.train_steps(50)
    assert s.modified and window.windowTitle().startswith("xor*")
    path = tmp_path / "mine.json"
    assert window.save_as(path) and not s.modified
    saved = load_project(path)
    assert saved.data == s.project.data and saved.hidden == (LayerSpec(3, "relu"),)
    snap = s.latest_snapshot()
    assert saved.params[0][0] == pytest.approx(snap.weights[0], abs=1e-6)
    window.new_project()
    assert s.project.data.n == 0
    assert window.open_project(path) and s.project.data == saved.data
    reopened = s.sync()
    assert reopened.weights[0] == pytest.approx(snap.weights[0], abs=1e-6)
    assert window.export_csv(tmp_path / "points.csv")
    assert (tmp_path / "points.csv").read_text().count("\n") >= saved.data.n


def test_open_reports_a_bad_file_without_losing_the_project(window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 99}')
    before = window.session.project
    assert not window.open_project(bad)
    assert window.session.project is before
    assert "format_version" in window.statusBar().currentMessage()


def test_geometry_and_view_settings_are_remembered(qtbot, make_session, temporary_settings):
    w = MainWindow(make_session(), interactive=False)
    qtbot.addWidget(w)
    w.resize(734, 576)  # inside the offscreen screen (restore clamps to it)
    w.session.set_show_test(False)
    w.close()
    assert Path(settings().fileName()).is_relative_to(temporary_settings)
    w2 = MainWindow(make_session(), interactive=False)
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (734, 576) and not w2.session.show_test
    w2.close()
    settings().clear()


def test_unsaved_changes_are_asked_about_only_when_interactive(qtbot, make_session, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = MainWindow(make_session(), interactive=True, remember=False)
    qtbot.addWidget(w)
    w.session.add_point(0.0, 0.0)
    asked = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
    w.new_project()
    assert asked and w.session.project.data.n > 0  # cancelled: nothing lost
    answer = QMessageBox.StandardButton.Discard
    w.close()
    assert len(asked) == 2


@pytest.mark.parametrize(
    "args",
    [["--steps", "300"], ["--experiment", "spiral-3class", "--steps", "200"], ["--lang", "zh_CN"]],
)
def test_snapshot_mode_renders_a_png_and_exits_0(tmp_path, args):
    out = tmp_path / "window.png"
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    run = subprocess.run(
        [sys.executable, "-m", "playground", "gui", "--snapshot", str(out), *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        cwd=str(Path.cwd()),
    )
    assert run.returncode == 0, run.stderr
    assert "QThread" not in run.stderr and "Traceback" not in run.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 20_000
    assert not list(tmp_path.rglob("*.conf")) and not list(tmp_path.rglob("*.ini"))


def test_settings_are_redirected_in_tests(temporary_settings):
    st = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "x", "y")
    assert Path(st.fileName()).is_relative_to(temporary_settings)


def test_status_level_not_wording_decides_how_long_a_message_stays(window, monkeypatch):
    shown = []
    monkeypatch.setattr(window.statusBar(), "showMessage", lambda text, ms: shown.append(ms))
    s = window.session
    s.notice.emit("训练在第 3 步发散", "error")
    s.notice.emit("training diverged (only a word)", "info")
    window.show_status("a warning", "warning")
    assert shown == [0, 8000, 15000]


@pytest.mark.parametrize(
    ("size", "compact"), [((1280, 720), True), ((1280, 800), True), ((1600, 1000), False)]
)
def test_both_plots_stay_on_screen_and_the_controls_fit(qtbot, make_session, size, compact):
    from playground.ui.window.plot_stack import MIN_VIEW_H

    w = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)
    assert not w.plots.is_tabbed()  # no view lost to a tab
    assert w.loss_plot.isVisible() and w.activation_view.isVisible()
    assert min(w.loss_plot.height(), w.activation_view.height()) >= MIN_VIEW_H
    assert w.controls.is_compact() == compact
    assert w.controls_scroll.viewport().height() >= w.controls.sizeHint().height()
    assert w.controls_scroll.viewport().width() >= w.controls.minimumSizeHint().width()
    assert w.canvas.width() >= 500 and w.left_scroll.width() >= w.left.minimumSizeHint().width()
    if compact:  # one row of buttons; the icon-only ones say what they do
        buttons = (
            w.controls.play_button,
            w.controls.step_button,
            w.controls.reset_button,
            w.controls.reinit_button,
        )
        assert len({b.y() for b in buttons}) == 1
        assert all(b.toolTip() for b in buttons[2:]) and not w.controls.reset_button.text()
    w.close()


def test_training_keys_work_while_a_number_field_has_the_focus(qtbot, window):
    s = window.session
    spin = window.controls.batch_spin
    spin.setFocus()
    qtbot.waitUntil(lambda: spin.hasFocus() or spin.lineEdit().hasFocus())
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Space)
    assert s.running and spin.value() == 10
    qtbot.keyClick(spin.lineEdit(), Qt.Key.Key_Space)
    assert not s.running
    combo = window.controls.opt_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_S)  # one epoch, not a jump to "SGD"
    qtbot.waitUntil(lambda: trained(s, 0))
    assert combo.currentData() == "sgd" and not combo.view().isVisible()


def test_the_left_column_fits_this_language_not_the_remembered_width(qtbot, make_session):
    from playground.ui.window import settings as app_settings

    first = MainWindow(make_session(), interactive=False, remember=True)
    qtbot.addWidget(first)
    first.resize(1600, 1000)
    first.show()
    qtbot.waitExposed(first)
    left, centre, right = first.splitter.sizes()
    first.splitter.setSizes([left + 160, centre - 160, right])  # as a wider (Chinese) session
    app_settings.save_window(first)
    first.close()
    second = MainWindow(make_session(), interactive=False, remember=True)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.splitter.sizes()[0] == second.left_scroll.minimumWidth()
    second.close()


def test_the_first_window_fits_a_small_screen(qtbot, make_session, monkeypatch):
    """1500 × 940 (or a size restored from a larger screen) on a smaller screen: the window
    shrinks to the screen's free area, frame included; on the offscreen platform nothing moves."""
    from PySide6.QtGui import QGuiApplication

    from playground.ui.window import settings as app_settings

    plain = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(plain)
    assert (plain.width(), plain.height()) == (1500, 940)  # offscreen: a nominal screen
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    w = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(w)
    room = w.screen().availableGeometry()  # 800 × 800 on the offscreen platform
    frame_w, frame_h = app_settings.FRAME_ROOM
    assert (w.width(), w.height()) == (room.width() - frame_w, room.height() - frame_h)
    assert w.pos() == room.topLeft()
    w.resize(500, 400)
    app_settings.fit_to_screen(w)
    assert (w.width(), w.height()) == (500, 400)  # a size that fits stays
