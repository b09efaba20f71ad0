"""The lessons panel drives the window: Set it up changes the session, the check turns green
after training (judged in the training process), the answer shows once trained enough, compare
mode is asked for when the window has it, and a language switch shows the Chinese text."""

from __future__ import annotations

import pytest
from conftest import make_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from playground.core.lessons.content import lesson_names, load_lesson
from playground.core.lessons.setup import apply_setup
from playground.core.nn.spec import LayerSpec
from playground.ui.graphics import scale
from playground.ui.i18n import translator
from playground.ui.session import Session
from playground.ui.window.host import WindowHost
from playground.ui.window.main_window import MainWindow


@pytest.fixture(scope="module")
def host(qapp):
    """One window for the tests of this module (each sets up the lesson step it needs): a
    window costs a second or two to build on this machine."""
    session = Session(make_project(), res=16, inline=True)
    h = WindowHost(qapp, session, interactive=False, remember=False)
    h.window.resize(1400, 900)
    h.window.show()
    yield h
    translator.install(QApplication.instance(), "en")
    scale.set_factor(1.0)
    scale.apply_to(QApplication.instance())
    h.window.close()
    session.shutdown()


def _held(panel) -> bool:
    return bool(panel.check_frame.property("held"))


def test_help_lessons_opens_the_dock_and_file_lessons_lists_every_lesson(host):
    w = host.window
    dock = w.lessons.dock
    assert dock.isHidden()  # remember=False: not a first launch
    assert host.session.lesson_check is None  # nothing judged while hidden
    help_menu = w.menuBar().actions()[-1].menu()
    assert w.lessons.action in help_menu.actions()
    assert w.lessons.action.shortcut().toString() == "F1"
    w.lessons.action.trigger()
    assert dock.isVisible()
    file_menu = w.menuBar().actions()[0].menu()
    lessons = next(a.menu() for a in file_menu.actions() if a.text() == "&Lessons")
    lessons.aboutToShow.emit()  # filled when first opened
    titles = [a.text().split("  ", 1)[1] for a in lessons.actions()]
    assert titles == [load_lesson(n).title.en for n in lesson_names()]
    lessons.actions()[1].trigger()  # the second lesson, set up
    assert w.lessons.progress.name == lesson_names()[1] and w.lessons.panel.index == 0


def test_set_it_up_changes_the_session_and_the_check_turns_green_after_training(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("xor", 2, set_up=False)  # "One tanh layer"
    panel = w.lessons.panel
    assert panel.title.text() == "One tanh layer" and not _held(panel)
    assert s.lesson_check == load_lesson("xor").steps[2].check
    qtbot.mouseClick(panel.setup_button, Qt.MouseButton.LeftButton)
    assert s.project.hidden == (LayerSpec(8, "tanh"),)
    s.train_steps(60 * 25)  # 60 epochs of 25 steps
    qtbot.waitUntil(lambda: _held(panel), timeout=10000)
    assert "now 100%" in panel.goal.text() or "now 9" in panel.goal.text()
    assert panel.check_mark.text() == "✓" and "✓" in panel.step_combo.currentText()
    assert 2 in w.lessons.progress.done["xor"]


def test_a_wrong_network_keeps_the_check_grey(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("xor", 2)
    s.set_hidden((LayerSpec(8, "linear"),))  # the learner deviates
    epoch = s.train_steps(60 * 25).epoch
    assert epoch >= 60
    qtbot.waitUntil(lambda: f"at epoch {epoch}" in w.lessons.panel.goal.text(), timeout=10000)
    assert not _held(w.lessons.panel)


def test_a_setup_of_views_only_keeps_the_run_and_pins_the_inspector(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("bias", 0)
    assert s.project.view.views == ("inspector",) and w.insights.docks["inspector"].isVisible()
    s.train_steps(100)
    step = s.sync().step
    w.lessons.open_lesson("bias", 1)  # pin at the origin: nothing else changes
    assert s.view.pinned == (0.0, 0.0) and s.sync().step == step


def test_the_answer_is_revealed_once_trained_enough(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("xor", 0)
    panel = w.lessons.panel
    assert "Pick an answer" in panel.answer.text()
    panel.choice_group.button(1).click()
    assert "after 200 epochs" in panel.answer.text()
    s.train_steps(200 * 25)
    qtbot.waitUntil(lambda: "Right." in panel.answer.text(), timeout=15000)
    assert "W·x + b" in panel.answer.text()


def test_keras_code_of_the_current_network_is_shown(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("input-size", 1)
    code = w.lessons.panel.code.toPlainText()
    assert w.lessons.panel.code.isVisible()
    assert "keras.Input(shape=(4,))" in code and code.count("layers.Dense(") == 3
    s.set_hidden((LayerSpec(5, "relu"),))
    code = w.lessons.panel.code.toPlainText()
    assert "layers.Dense(5" in code and code.count("layers.Dense(") == 2


def test_a_compare_step_opens_compare_mode_when_the_window_has_it(qtbot, host, monkeypatch):
    w, s = host.window, host.session
    calls = []
    monkeypatch.setattr(
        w, "open_compare", lambda b, la, lb: calls.append((b, la, lb)), raising=False
    )
    w.lessons.open_lesson("xor", 0)
    before = s.current_project()
    w.lessons.open_lesson("xor", 2)
    ((b, label_a, label_b),) = calls
    step = load_lesson("xor").steps[2]
    assert b == apply_setup(apply_setup(before, step.setup), step.compare)
    assert (label_a, label_b) == ("8:tanh", "8:linear")
    assert "Compare mode, side B:" in w.lessons.panel.compare_text.text()


def test_without_compare_mode_side_b_is_described(qtbot, host, monkeypatch):
    monkeypatch.setattr(host.window, "open_compare", None)  # a window without compare mode
    host.window.lessons.open_lesson("dying-relu", 2)
    text = host.window.lessons.panel.compare_text.text()
    assert "For comparison, try side B too:" in text and "8:leaky_relu=0.01" in text


def test_a_compare_step_opens_the_compare_window_with_the_lesson_s_side_b(qtbot, host):
    from playground.ui.window import compare

    w, s = host.window, host.session
    w.lessons.open_lesson("dying-relu", 2)
    cw = compare.window_for(s)
    assert cw is not None and cw.isVisible()
    try:
        a, b = (side.project for side in cw.sessions)
        assert a.hidden == s.project.hidden and a.data is s.project.data
        assert [h.label for h in b.hidden] == ["8:leaky_relu=0.01", "8:leaky_relu=0.01"]
        assert cw.sides[1].title.text().startswith("B · 8:leaky_relu=0.01")
        assert "Compare mode, side B:" in w.lessons.panel.compare_text.text()
    finally:
        cw.close()
    assert compare.window_for(s) is None


def test_the_regions_lesson_turns_the_linear_regions_overlay_on(qtbot, host):
    w, s = host.window, host.session
    w.lessons.open_lesson("linear-regions", 0)
    assert s.view.regions and w.menus.regions.isChecked()
    assert "Linear regions on the plane: <b>on</b>" in w.lessons.panel.setup_text.text()


def test_switching_language_shows_the_chinese_text_at_the_same_step(qtbot, host):  # the last
    host.window.lessons.open_lesson("vanishing-gradients", 1, set_up=False)
    host.window.lessons.panel.choice_group  # noqa: B018 - built
    host.switch_language("zh_CN")
    lessons = host.window.lessons
    step = load_lesson("vanishing-gradients").steps[1]
    assert lessons.panel.lang == "zh_CN" and lessons.progress.step == 1
    assert lessons.panel.title.text() == step.title.zh_CN == "同一个网络换成 tanh"
    assert "梯度流" in lessons.panel.text.text()
    assert lessons.panel.lesson_combo.currentText().endswith("深层 sigmoid 网络中的梯度消失")


def test_first_launch_opens_the_lessons_and_then_remembers(qtbot, make_session, temporary_settings):
    from playground.ui.window import settings as app_settings

    st = app_settings.settings()
    st.remove("lessons/seen")
    w = MainWindow(make_session(), interactive=False, remember=True, fast_start=True)
    qtbot.addWidget(w)
    assert not w.lessons.dock.isHidden()
    w.lessons.open_lesson("bias", 1, set_up=False)
    w.close()
    again = MainWindow(make_session(), interactive=False, remember=True, fast_start=True)
    qtbot.addWidget(again)
    assert again.lessons.progress.name == "bias" and again.lessons.progress.step == 1
    assert again.lessons.dock.isHidden() is False  # saved as open with the window's state


def test_at_1280_the_lessons_dock_takes_its_width_from_the_right_column_first(qtbot, host):
    w = host.window
    w.resize(1280, 720)
    qtbot.wait(100)
    w.lessons.dock.show()
    w.lessons.fit_width()
    right_need = w.right_column_need()
    qtbot.waitUntil(
        lambda: w.splitter.sizes()[1] >= 480 or w.splitter.sizes()[2] <= right_need, timeout=3000
    )
    left, centre, right = w.splitter.sizes()
    assert right <= right_need or centre >= 480  # the centre got all the right could give
    w.lessons.dock.hide()
    w.resize(1400, 900)
