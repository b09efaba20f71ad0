"""The window host: another language or UI scale rebuilds the window while training goes on."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from playground.ui.graphics import scale
from playground.ui.i18n import translator
from playground.ui.window.host import WindowHost


@pytest.fixture
def host(qtbot, make_session, temporary_settings):
    h = WindowHost(QApplication.instance(), make_session(), interactive=False, remember=False)
    h.window.resize(1300, 850)
    h.window.show()
    yield h
    translator.install(QApplication.instance(), "en")
    scale.set_factor(1.0)
    scale.apply_to(QApplication.instance())
    h.window.close()


def test_switching_language_rebuilds_the_window_and_training_goes_on(qtbot, host):
    s = host.session
    s.play()
    qtbot.waitUntil(
        lambda: s.latest_snapshot() is not None and s.latest_snapshot().step > 50, timeout=10000
    )
    old = host.window
    host.switch_language("zh_CN")
    assert host.window is not old and translator.current() == "zh_CN"
    assert host.window.menuBar().actions()[0].text() == "文件(&F)"
    assert s.running and (host.window.width(), host.window.height()) == (1300, 850)
    step = s.latest_snapshot().step
    qtbot.waitUntil(
        lambda: host.window.frames_painted > 3 and s.latest_snapshot().step > step, timeout=10000
    )  # the new window paints what the same run trains
    s.pause()


def test_zoom_and_presentation_scale_fonts(qtbot, host):
    base = host.window.controls.progress.styleSheet()
    host.set_scale(1.3)
    assert scale.factor() == pytest.approx(1.3)
    assert f"{13 * 1.3:.1f}pt" in host.window.controls.progress.styleSheet() != base
    host.set_presentation(True)
    assert scale.factor() == scale.PRESENTATION and host.window.menus.presentation.isChecked()
    host.set_presentation(False)
    assert scale.factor() == 1.0 and not host.window.isFullScreen()
