"""Autosave and recovery: unsaved work is written to the recovery folder, removed by a save or
a clean exit, and offered after a crash — including a real app process killed with SIGKILL."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from playground.core.files.experiments import load_experiment
from playground.core.files.project import load_project
from playground.ui import app as gui_app
from playground.ui.recovery import Autosaver, RecoveryStore, offer_recovery, recovery_box

DRIVER = Path(__file__).with_name("recovery_driver.py")


@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def autosaved(make_session, store):
    """A session on the inline loop with an autosaver that writes soon after a change."""
    savers = []

    def make(session=None, every_s=30.0, burst_s=0.05):
        saver = Autosaver(session or make_session(), store, every_s, burst_s)
        savers.append(saver)
        return saver

    yield make
    for saver in savers:
        saver.finish()


def same_points_and_weights(a, b) -> bool:
    return (
        np.array_equal(a.data.X, b.data.X)
        and np.array_equal(a.data.y, b.data.y)
        and np.array_equal(a.data.is_test, b.data.is_test)
        and len(a.params) == len(b.params)
        and all(np.array_equal(x, y) for p, q in zip(a.params, b.params) for x, y in zip(p, q))
    )


def test_a_burst_of_point_edits_is_autosaved_with_the_live_weights(qtbot, autosaved):
    saver = autosaved()
    s = saver.session
    s.train_steps(40)
    assert not saver.path.exists()  # training alone waits for the 30 s tick
    s.add_point(1.0, 2.0, 1)
    s.add_point(-1.0, 2.0, 0)
    qtbot.waitUntil(saver.path.exists, timeout=3000)
    saved = load_project(saver.path)
    assert same_points_and_weights(saved, s.current_project())
    assert saved.run.step == s.latest_snapshot().step and saved.view == s.project.view
    meta = json.loads(saver.store.files(saver.id)[1].read_text())
    assert meta["name"] == "xor" and meta["path"] is None


def test_unsaved_training_is_written_at_most_every_period(qtbot, autosaved):
    saver = autosaved(every_s=0.2)
    s = saver.session
    writes = []
    saver.saved.connect(writes.append)
    s.train_steps(30)
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
    qtbot.wait(500)  # nothing changed since: nothing more is written
    assert len(writes) == 1
    s.train_steps(30)
    qtbot.waitUntil(lambda: len(writes) == 2, timeout=3000)
    assert load_project(saver.path).run.step == s.latest_snapshot().step


def test_saving_or_a_clean_exit_removes_the_recovery_file(qtbot, autosaved, tmp_path):
    saver = autosaved()
    s = saver.session
    s.add_point(0.5, 0.5, 0)
    qtbot.waitUntil(saver.path.exists, timeout=3000)
    s.save_file(tmp_path / "mine.json")
    assert not saver.path.exists()
    s.add_point(0.7, 0.5, 0)
    qtbot.waitUntil(saver.path.exists, timeout=3000)
    lock = saver.store.files(saver.id)[2]
    assert lock.exists()
    saver.finish()
    assert not saver.path.exists() and not lock.exists()
    assert list(saver.store.folder.iterdir()) == []


def test_instances_never_share_or_see_each_others_live_files(qtbot, autosaved, store):
    a, b = autosaved(), autosaved()
    assert a.id != b.id and a.path != b.path
    for saver in (a, b):
        saver.session.add_point(1.0, 1.0, 0)
    qtbot.waitUntil(lambda: a.path.exists() and b.path.exists(), timeout=3000)
    assert RecoveryStore(store.folder).orphans() == []  # both alive: nothing to offer


def orphan_files(store, project, name="lost", path=None) -> str:
    """Recovery files as an instance that is gone leaves them (no lock held)."""
    id_ = "99999999-dead"
    store.folder.mkdir(parents=True, exist_ok=True)
    project_file, meta_file, _ = store.files(id_)
    from playground.core.files.project import save_project

    save_project(project, project_file)
    meta_file.write_text(json.dumps({"name": name, "path": path, "saved_at": 1.7e9}))
    return id_


def test_discard_deletes_and_later_keeps(qtbot, autosaved, store):
    saver = autosaved()
    id_ = orphan_files(store, saver.session.project)
    answers = iter(["later", "discard"])
    assert not offer_recovery(None, saver.session, saver, lambda parent, o: next(answers))
    assert store.files(id_)[0].exists()  # later: offered again next time
    assert not offer_recovery(None, saver.session, saver, lambda parent, o: next(answers))
    assert not store.files(id_)[0].exists() and not store.files(id_)[1].exists()
    assert store.orphans() == []


def test_the_dialog_names_the_project_and_the_time(qtbot, store, make_session):
    id_ = orphan_files(store, make_session().project, name="my spiral")
    [orphan] = store.orphans()
    assert orphan.id == id_
    box = recovery_box(None, orphan)
    assert box.windowTitle() == "Recover unsaved work"
    assert box.informativeText().startswith("my spiral, autosaved ")
    assert sorted(b.objectName() for b in box.buttons()) == ["discard", "later", "recover"]
    store.keep(orphan)
    box.deleteLater()


def click_when_shown(title: str, button: str, seen: list) -> None:
    """Click `button` (objectName) on the modal dialog titled `title` once it is shown."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.windowTitle() != title:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.informativeText())
        next(b for b in dialog.buttons() if b.objectName() == button).click()

    QTimer.singleShot(0, poll)


@pytest.fixture
def isolated_app(tmp_path, monkeypatch):
    """The app's data and settings folders inside tmp_path (as XDG_DATA_HOME / HOME give a
    process); the application's names restored afterwards."""
    env = {
        "XDG_DATA_HOME": tmp_path / "data",
        "XDG_CONFIG_HOME": tmp_path / "config",
        "HOME": tmp_path / "home",
    }
    for key, value in env.items():
        value.mkdir()
        monkeypatch.setenv(key, str(value))
    names = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    yield {**os.environ, **{k: str(v) for k, v in env.items()}, "QT_QPA_PLATFORM": "offscreen"}
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


def start_driver(tmp_path, env) -> tuple[subprocess.Popen, Path]:
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    ready, _, _ = select.select([proc.stdout], [], [], 120)
    if not ready:
        proc.kill()
        pytest.fail("the app process did not autosave within 120 s")
    line = proc.stdout.readline()
    return proc, Path(json.loads(line)["autosave"])


def test_after_kill_9_the_next_start_recovers_the_same_points_and_weights(
    qtbot, tmp_path, isolated_app
):
    proc, autosave = start_driver(tmp_path, isolated_app)
    try:
        gui_app.application()  # this process as the app: same names, same data folder
        assert autosave.is_relative_to(tmp_path / "data" / "ActivationPlayground")
        assert RecoveryStore().orphans() == []  # a live instance's file is not offered
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        proc.stdout.close()
    assert autosave.exists()
    expected = load_project(tmp_path / "expected.json")
    seen: list[str] = []
    click_when_shown("Recover unsaved work", "recover", seen)
    gui = gui_app.open_window(load_experiment("xor-tanh"))  # as `activation-playground` starts
    try:
        s = gui.session
        assert seen and seen[0].startswith("XOR with tanh layers, autosaved ")
        assert same_points_and_weights(s.project, expected)
        assert s.project.data.n == load_experiment("xor-tanh").data.n + 3
        s.sync()
        assert same_points_and_weights(s.current_project(), expected)  # in the trainer too
        assert s.project.run.step == expected.run.step
        assert s.modified and "*" in gui.window.windowTitle()
        assert not autosave.exists() and gui.autosave.path.exists()  # now this instance's
        assert same_points_and_weights(load_project(gui.autosave.path), expected)
    finally:
        gui.finish()
        gui.window.files.interactive = False
        gui.window.close()
        gui.close()
    assert not gui.autosave.path.exists()
    assert RecoveryStore().orphans() == []


def test_an_unusable_data_folder_means_no_autosave_not_a_failed_start(
    make_session, tmp_path, monkeypatch, capsys
):
    from playground.ui import recovery

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(recovery, "recovery_folder", lambda: blocker / "recovery")
    assert gui_app._autosaver(make_session()) is None
    assert "warning: no autosave" in capsys.readouterr().err


def test_closing_the_window_leaves_no_recovery_file(qtbot, isolated_app, monkeypatch):
    """run_gui as the app runs it: edit, wait for the autosave, close (discarding): nothing
    remains to be recovered."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    started, opened = [], gui_app.open_window

    def open_and_edit(*args, **kwargs):
        gui = opened(*args, **kwargs)
        started.append(gui)
        gui.session.add_point(1.0, 1.0, 0)

        def close_once_saved():
            if gui.autosave.path.exists():
                started.append(gui.autosave.path)
                gui.window.close()
            else:
                QTimer.singleShot(20, close_once_saved)

        QTimer.singleShot(0, close_once_saved)
        return gui

    monkeypatch.setattr(gui_app, "open_window", open_and_edit)
    assert gui_app.run_gui(experiment="xor-tanh") == 0
    gui, autosave = started
    assert not autosave.exists()
    assert list(gui.autosave.store.folder.iterdir()) == []
