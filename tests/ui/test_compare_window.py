"""View ▸ Compare: two networks on the same points, side by side, one Play for both."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.core.files import compare as cmp
from playground.core.files.project import Project
from playground.core.nn.spec import LayerSpec
from playground.ui.window import compare
from playground.ui.window.main_window import MainWindow
from tests.ui.conftest import make_project

XOR = {"dataset": "xor", "hidden": ((8, "tanh"), (4, "tanh")), "n": 500}


@pytest.fixture(autouse=True)
def coarse_planes(monkeypatch):
    """Decision maps of 24 × 24 pixels, as the main window's test sessions draw them."""
    monkeypatch.setattr(compare, "RES", 24)


@pytest.fixture
def main(qtbot, make_session, no_qt_warnings):
    """A main window on an inline session (the compare window's sessions are inline too)."""
    windows = []

    def build(project: Project | None = None, inline: bool = True) -> MainWindow:
        w = MainWindow(
            make_session(project or make_project(**XOR), inline=inline),
            interactive=False,
            remember=False,
        )
        qtbot.addWidget(w)
        w.resize(1300, 850)
        w.show()
        windows.append(w)
        return w

    yield build
    for w in windows:
        w.close()


def opened(qtbot, w: MainWindow, *args, **kw) -> compare.CompareWindow:
    """Open (or raise) w's compare window; once it is active its keys work."""
    w.open_compare(*args, **kw)
    cw = compare.window_for(w.session.session)
    assert cw is not None and cw.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is cw)
    return cw


def linear(p: Project) -> Project:
    return replace(p, hidden=tuple(LayerSpec(h.units, "linear") for h in p.hidden))


def ready(cw, epochs: int = 0) -> bool:
    snaps = [s.latest_snapshot() for s in cw.sessions]
    return all(s is not None and s.epoch >= epochs for s in snaps)


def settled(cw) -> bool:
    """Paused, and both sides' last snapshots paused at the same epoch."""
    snaps = [s.latest_snapshot() for s in cw.sessions]
    return (
        not cw.running
        and all(s is not None and not s.running for s in snaps)
        and snaps[0].epoch == snaps[1].epoch
    )


def test_open_compare_with_a_b_differing_in_activation_shows_two_planes(qtbot, main):
    w = main()
    cw = opened(qtbot, w, linear(w.session.project))
    qtbot.waitUntil(lambda: ready(cw))
    assert cw.headline.text() == "Activation: Tanh | Linear"
    assert [s.title.text() for s in cw.sides] == ["A · Tanh", "B · Linear"]
    assert [h.activation for h in cw.sessions[1].project.hidden] == ["linear", "linear"]
    for side, session in zip(cw.sides, cw.sessions, strict=True):
        assert side.canvas.isVisible() and side.loss_plot.isVisible()
        assert side.canvas.image.isVisible()  # the decision map is drawn
        assert side.canvas.read_only
        assert session.project.data is w.session.project.data  # the same points
    for side, session in zip(cw.sides, cw.sessions, strict=True):  # maps cover what is shown
        qtbot.waitUntil(
            lambda side=side, session=session: np.allclose(
                session.latest_snapshot().extent, side.canvas.visible_plane(), atol=1e-6
            )
        )
    assert not w.session.running  # the main run is not touched
    assert opened(qtbot, w) is cw  # raised, not opened twice


def test_view_compare_opens_with_linear_against_the_current_activation(qtbot, main):
    w = main()
    w.menus.compare.trigger()
    cw = compare.window_for(w.session.session)
    assert cw.chooser.choice_combo.currentData() == "activation"
    assert cw.chooser.value_combo.currentData() == "linear"
    assert cw.sessions[0].project.hidden == w.session.project.hidden
    assert [h.activation for h in cw.sessions[1].project.hidden] == ["linear", "linear"]


def test_play_trains_both_and_xor_separates_only_with_tanh(qtbot, main):
    w = main()
    cw = opened(qtbot, w, linear(w.session.project), "Tanh", "Linear")
    assert [s.title.text() for s in cw.sides] == ["A · Tanh", "B · Linear"]
    cw.set_speed(200)
    for s in cw.sessions:  # a linear boundary on XOR swings between 35% and 67%: look at
        s.set_stop_rules(20, None)  # the same epoch every run
    qtbot.keyClick(cw, Qt.Key.Key_Space)
    assert cw.running and all(s.running for s in cw.sessions)
    assert cw.controls.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: settled(cw), timeout=20000)  # both stop at 20 by themselves
    assert cw.controls.play_button.text() == "Play"
    tanh, lin = (s.latest_snapshot() for s in cw.sessions)
    assert tanh.epoch == lin.epoch == 20
    assert tanh.train_accuracy >= 0.9 and tanh.test_accuracy >= 0.9
    assert lin.train_accuracy <= 0.6 and lin.test_accuracy <= 0.6


def test_after_playing_both_sides_report_the_same_epoch(qtbot, main):
    """Real training processes, the deep net beside a shallow one at 50 epochs per second."""
    deep = make_project(hidden=((8, "sigmoid"),) * 6, n=500)
    w = main(deep, inline=False)
    cw = opened(qtbot, w, cmp.with_choice(deep, "depth", 1))
    qtbot.waitUntil(lambda: ready(cw), timeout=20000)
    cw.set_speed(50)
    cw.play()
    qtbot.waitUntil(lambda: ready(cw, 40), timeout=30000)
    cw.pause()
    qtbot.waitUntil(lambda: settled(cw), timeout=10000)
    epochs = [s.latest_snapshot().epoch for s in cw.sessions]
    assert abs(epochs[0] - epochs[1]) <= 1 and min(epochs) >= 40


def test_step_reset_and_speed_act_on_both(qtbot, main):
    w = main()
    cw = opened(qtbot, w)
    combo = cw.controls.speed_combo
    combo.setCurrentIndex(combo.findData(10.0))  # the user picks 10 epochs per second
    assert cw.speed == 10.0 and [s.speed for s in cw.sessions] == [10.0, 10.0]
    assert combo.findData(0.0) == -1  # no "max": the sides would not keep in step
    for _ in range(3):
        qtbot.keyClick(cw, Qt.Key.Key_S)
    qtbot.waitUntil(
        lambda: all(
            s.latest_snapshot() is not None and s.latest_snapshot().epoch == 3 for s in cw.sessions
        )
    )
    qtbot.keyClick(cw, Qt.Key.Key_R)
    qtbot.waitUntil(
        lambda: all(
            s.latest_snapshot() is not None and s.latest_snapshot().step == 0 for s in cw.sessions
        )
    )


def test_the_chooser_rebuilds_b_and_both_start_over(qtbot, main):
    w = main()
    cw = opened(qtbot, w)
    cw.step_epoch()
    qtbot.waitUntil(lambda: ready(cw, 1))
    chooser = cw.chooser
    chooser.choice_combo.setCurrentIndex(1)
    chooser.choice_combo.activated.emit(1)  # the user picks "Learning rate"
    b = cw.sessions[1].project
    assert b.config.learning_rate == 3.0 and b.hidden == w.session.project.hidden
    assert cw.headline.text() == "Learning rate: 0.03 | 3"
    assert chooser.value_combo.isEditable() and chooser.value_combo.currentText() == "3"
    qtbot.waitUntil(
        lambda: all(
            s.latest_snapshot() is not None and s.latest_snapshot().epoch == 0 for s in cw.sessions
        )
    )
    chooser.value_combo.setEditText("0.3")
    chooser.value_combo.lineEdit().editingFinished.emit()
    assert cw.sessions[1].project.config.learning_rate == 0.3
    for index, check in (
        (2, lambda p: p.config.initializer == "zeros"),
        (3, lambda p: len(p.hidden) == 6),
        (0, lambda p: p.hidden[0].activation == "linear"),
    ):
        chooser.choice_combo.setCurrentIndex(index)
        chooser.choice_combo.activated.emit(index)
        assert check(cw.sessions[1].project) and cmp.differences(*cw.projects)
    assert [s.title.text() for s in cw.sides] == ["A · Tanh", "B · Linear"]
    assert cw.set_choice("depth", 0)
    assert chooser.choice_combo.currentData() == "depth" and chooser.value_combo.currentData() == 0
    assert cw.headline.text() == "Hidden layers: 2 | 0"
    assert [s.title.text() for s in cw.sides] == ["A · Hidden layers: 2", "B · Hidden layers: 0"]


@pytest.mark.parametrize(
    "text, says",
    [
        ("abc", "Learning rate: must be a finite number, got 'abc'"),
        ("5000", "Learning rate: must be a positive number up to 1000, got 5000"),
        ("0", "Learning rate: must be a positive number up to 1000, got 0"),
    ],
)
def test_a_bad_learning_rate_is_refused_with_the_range(qtbot, main, text, says):
    w = main()
    cw = opened(qtbot, w)
    cw.set_choice("learning_rate", 1.0)
    cw.chooser.value_combo.setEditText(text)
    cw.chooser.value_combo.lineEdit().editingFinished.emit()
    assert cw.problem.isVisible() and cw.problem.text() == says
    assert cw.sessions[1].project.config.learning_rate == 1.0  # B as it was
    assert cw.chooser.value_combo.currentText() == "1"
    assert cw.set_choice("learning_rate", 0.1) and not cw.problem.isVisible()


def test_bad_choices_and_a_b_that_does_not_fit_say_why(qtbot, main):
    w = main()
    cw = opened(qtbot, w)
    assert not cw.set_choice("activation", "softmax")
    assert "unknown hidden activation 'softmax'" in cw.problem.text()
    assert not cw.set_choice("depth", 11)
    assert cw.problem.text() == "Hidden layers: must be 0..10, got 11"
    misfit = replace(w.session.project, output="softmax")
    w.open_compare(misfit)
    assert cw.problem.text().startswith("Output head: ")
    assert [h.activation for h in cw.sessions[1].project.hidden] == ["linear", "linear"]


def test_both_start_from_the_main_run_s_initial_weights(qtbot, main):
    w = main()
    s = w.session
    s.train_steps(30)
    main_snap = s.latest_snapshot()
    assert main_snap.step == 30
    cw = opened(qtbot, w, linear(s.current_project()))
    qtbot.waitUntil(lambda: ready(cw))
    for session in cw.sessions:
        snap = session.latest_snapshot()
        assert snap.step == 0 and len(snap.history) == 0
        for (w0, b0), w_, b_ in zip(main_snap.initial, snap.weights, snap.biases, strict=True):
            assert np.array_equal(w0, w_) and np.array_equal(b0, b_)
    assert s.latest_snapshot().step == 30  # the main run is where it was


def test_clicks_on_the_compare_planes_add_no_points(qtbot, main):
    w = main()
    cw = opened(qtbot, w)
    qtbot.waitUntil(lambda: ready(cw))
    n = w.session.project.data.n
    canvas = cw.sides[1].canvas
    pt = canvas.map_to_widget(2.0, -3.0)
    child = canvas.childAt(pt)
    qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=child.mapFrom(canvas, pt))
    qtbot.mouseClick(child, Qt.MouseButton.RightButton, pos=child.mapFrom(canvas, pt))
    assert [s.project.data.n for s in (w.session, *cw.sessions)] == [n, n, n]


def caption_numbers(text: str) -> dict[str, float]:
    """The caption's numbers: epoch, loss, test loss, train and test accuracy (fractions)."""
    m = re.fullmatch(
        r"epoch ([\d,]+)  ·  loss ([\d.]+)  ·  test loss ([\d.]+)\n"
        r"accuracy \(train / test\) ([\d.]+)% / ([\d.]+)%",
        text,
    )
    assert m, text
    e, loss, test_loss, acc, test_acc = m.groups()
    return {
        "epoch": int(e.replace(",", "")),
        "loss": float(loss),
        "test_loss": float(test_loss),
        "acc": float(acc) / 100,
        "test_acc": float(test_acc) / 100,
    }


def evaluate(snap, data, activation) -> dict[str, float]:
    """Loss (binary cross-entropy) and accuracy of the snapshot's weights, by hand."""
    a = data.X.astype(np.float64)  # (n, 2): features x1, x2
    layers = list(zip(snap.weights, snap.biases, strict=True))
    for W, b in layers[:-1]:
        z = a @ np.asarray(W, np.float64).T + np.asarray(b, np.float64)
        a = np.tanh(z) if activation == "tanh" else z
    W, b = layers[-1]
    z = (a @ np.asarray(W, np.float64).T + np.asarray(b, np.float64))[:, 0]  # (n,) logits
    p = 1.0 / (1.0 + np.exp(-z))
    y = data.y.astype(np.float64)
    bce = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    right = (p > 0.5) == (y == 1)
    test = data.is_test
    return {
        "loss": bce[~test].mean(),
        "test_loss": bce[test].mean(),
        "acc": right[~test].mean(),
        "test_acc": right[test].mean(),
    }


def test_caption_numbers_equal_an_independent_evaluation_of_each_side(qtbot, main):
    w = main()
    cw = opened(qtbot, w)
    for _ in range(4):
        cw.step_epoch()
    qtbot.waitUntil(
        lambda: all(
            s.latest_snapshot() is not None and s.latest_snapshot().epoch == 4 for s in cw.sessions
        )
    )
    for session in cw.sessions:
        session.sync()
    for side, session, act in zip(cw.sides, cw.sessions, ("tanh", "linear"), strict=True):
        snap = session.latest_snapshot()
        shown = caption_numbers(side.caption.text())
        truth = evaluate(snap, session.project.data, act)
        assert shown["epoch"] == 4
        for key in ("loss", "test_loss"):
            assert shown[key] == pytest.approx(truth[key], abs=6e-5)
        for key in ("acc", "test_acc"):
            assert shown[key] == pytest.approx(truth[key], abs=6e-4)


def pids(cw) -> list:
    return [s.link.process.process for s in cw.sessions]


def test_closing_the_window_ends_both_training_processes(qtbot, main):
    w = main(inline=False)
    cw = opened(qtbot, w)
    procs = pids(cw)
    assert all(p.is_alive() for p in procs)
    cw.play()
    qtbot.waitUntil(lambda: ready(cw, 2), timeout=20000)
    cw.close()
    assert all(not p.is_alive() and p.exitcode is not None for p in procs)
    assert compare.window_for(w.session.session) is None
    assert w.session.link.process.process.is_alive()  # the main one goes on


def test_closing_the_main_window_closes_the_compare_window(qtbot, main):
    w = main(inline=False)
    cw = opened(qtbot, w)
    procs = pids(cw)
    w.close()
    assert not cw.isVisible()
    assert all(not p.is_alive() for p in procs)


def test_language_and_scale_rebuild_the_compare_window_while_both_train(qtbot, make_session):
    from playground.ui.graphics import scale
    from playground.ui.i18n import translator
    from playground.ui.window.host import WindowHost

    app = QApplication.instance()
    host = WindowHost(app, make_session(make_project(**XOR)), interactive=False, remember=False)
    try:
        host.window.show()
        cw = opened(qtbot, host.window)
        cw.set_speed(50)
        cw.play()
        qtbot.waitUntil(lambda: ready(cw, 2), timeout=10000)
        old_sides, size = cw.sides, cw.headline.font().pointSizeF()
        host.switch_language("zh_CN")
        assert compare.window_for(host.session) is cw and cw.isVisible()
        assert cw.sides is not old_sides and cw.running
        assert [s.title.text() for s in cw.sides] == ["A · Tanh", "B · 线性"]  # core labels
        epochs = [s.latest_snapshot().epoch for s in cw.sessions]
        qtbot.waitUntil(lambda: ready(cw, max(epochs) + 2), timeout=10000)  # new views, same runs
        host.set_scale(1.3)
        assert cw.headline.font().pointSizeF() == pytest.approx(size * 1.3)
        cw.pause()
        host.window.close()
        assert not cw.isVisible() and compare.window_for(host.session) is None
    finally:
        translator.install(app, "en")
        scale.set_factor(1.0)
        scale.apply_to(app)
        host.window.close()


@pytest.mark.parametrize("size, beside", [((1280, 720), True), ((1600, 1000), False)])
def test_the_window_fits_1280x720_and_1600x1000(qtbot, main, size, beside):
    w = main()
    cw = opened(qtbot, w)
    cw.resize(*size)
    qtbot.waitUntil(lambda: (cw.width(), cw.height()) == size)
    qtbot.wait(50)
    assert cw.minimumSizeHint().width() <= 1280 and cw.minimumSizeHint().height() <= 720
    for side in cw.sides:
        assert side.is_side_by_side() == beside  # short: the loss plot beside the plane
        assert side.canvas.width() >= 240 and side.canvas.height() >= 240
        assert side.loss_plot.height() >= 150 and side.loss_plot.width() >= 200
        assert side.caption.geometry().bottom() < side.split.geometry().top()
    right = cw.chooser.mapTo(cw, cw.chooser.rect().bottomRight())
    assert right.x() <= size[0] and cw.controls.play_button.isVisible()
    assert cw.sides[0].canvas.height() == cw.sides[1].canvas.height()
