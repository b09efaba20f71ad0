"""Pictures of views: PNG at 2×, SVG, clipboard, the right-click menu on every view, File ▸
Export view…"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from conftest import show_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QTextEdit

from playground.ui.graphics import picture
from playground.ui.window.view_pictures import VIEW_NAMES, view_titles

SVG = "{http://www.w3.org/2000/svg}"
DRAWING = {"path", "polyline", "polygon", "rect", "line", "image", "text", "circle", "ellipse"}


def open_window(qtbot, make_session):
    w = show_window(qtbot, make_session())
    w.session.train_steps(30)
    return w


@pytest.fixture
def window(qtbot, make_session, no_qt_warnings):
    w = open_window(qtbot, make_session)
    yield w
    w.close()


@pytest.fixture
def menu_window(qtbot, make_session):
    """For tests that pop a menu up: the offscreen platform logs that it cannot raise it or
    grab the keyboard for it (real platforms can), so Qt's log is not checked here."""
    w = open_window(qtbot, make_session)
    yield w
    w.close()


def colours(image: QImage, step: int = 3) -> int:
    """Distinct colours on a grid of every step-th pixel."""
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def drawing_elements(data: bytes) -> set[str]:
    root = ET.fromstring(data)
    assert root.tag == SVG + "svg"
    return {el.tag.removeprefix(SVG) for el in root.iter()} & DRAWING


def test_each_view_exports_a_png_at_twice_its_size_and_an_svg(window, tmp_path):
    for name in VIEW_NAMES:
        widget = window.pictures.bring_up(name)
        assert widget.isVisible(), name
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        assert window.pictures.save(name, png) and window.pictures.save(name, svg)
        assert str(svg) in window.statusBar().currentMessage()
        image = QImage(str(png))
        assert (image.width(), image.height()) == (2 * widget.width(), 2 * widget.height())
        assert colours(image) >= 3, name  # not blank: background, ink and a colour at least
        assert drawing_elements(svg.read_bytes()), name


def test_the_plane_picture_shows_the_decision_map_colours(window, tmp_path):
    """The PNG is the widget as drawn: its pixels match a grab of the plane (scaled)."""
    widget = window.pictures.bring_up("plane")
    image = picture.render(widget, 1.0).convertToFormat(QImage.Format.Format_RGB32)
    grab = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert (image.width(), image.height()) == (grab.width(), grab.height())
    a = np.array(
        [
            [image.pixel(x, y) for x in range(0, image.width(), 7)]
            for y in range(0, image.height(), 7)
        ]
    )
    b = np.array(
        [[grab.pixel(x, y) for x in range(0, grab.width(), 7)] for y in range(0, grab.height(), 7)]
    )
    assert (a == b).mean() > 0.9


def test_copy_image_puts_the_picture_on_the_clipboard(window):
    QGuiApplication.clipboard().clear()
    window.pictures.copy("loss")
    image = QGuiApplication.clipboard().image()
    widget = window.pictures.widget("loss")
    assert not image.isNull() and image.width() == 2 * widget.width()
    assert colours(image) >= 3


def send_context_menu(widget, pos=None) -> None:
    pos = pos or QPoint(widget.width() // 2, widget.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def menu_texts(window) -> list[str]:
    menu = window.pictures.menu.menu
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_right_click_on_any_view_offers_png_svg_and_copy(qtbot, menu_window):
    window = menu_window
    for name in VIEW_NAMES:
        widget = window.pictures.bring_up(name)
        deepest = widget.childAt(widget.width() // 2, widget.height() // 2) or widget
        window.pictures.menu.menu = None
        send_context_menu(deepest)
        qtbot.waitUntil(lambda: window.pictures.menu.menu is not None)
        assert menu_texts(window)[:3] == ["Export as PNG…", "Export as SVG…", "Copy image"]
        window.pictures.menu.menu.close()


def test_a_text_view_keeps_its_own_copy_and_select_all(qtbot, menu_window):
    window = menu_window
    widget = window.pictures.bring_up("equations")
    text = widget.findChild(QTextEdit)
    send_context_menu(text.viewport())
    qtbot.waitUntil(lambda: window.pictures.menu.menu is not None)
    texts = [t.replace("&", "") for t in menu_texts(window)]
    assert texts[:3] == ["Export as PNG…", "Export as SVG…", "Copy image"]
    assert any(t.startswith("Select All") for t in texts)
    window.pictures.menu.menu.close()


def test_menu_entries_export_and_copy(qtbot, menu_window, tmp_path, monkeypatch):
    window = menu_window
    monkeypatch.setattr(
        window.files,
        "ask_save_path",
        lambda title, filt, suffix, name="": tmp_path / f"menu{suffix}",
    )
    window.pictures.menu.show_menu("diagram", QPoint(10, 10))
    png, svg, copy = window.pictures.menu.menu.actions()[:3]
    png.trigger()
    svg.trigger()
    QGuiApplication.clipboard().clear()
    copy.trigger()
    window.pictures.menu.menu.close()
    assert QImage(str(tmp_path / "menu.png")).width() == 2 * window.diagram.width()
    assert drawing_elements((tmp_path / "menu.svg").read_bytes())
    assert not QGuiApplication.clipboard().image().isNull()


def test_a_real_right_click_on_empty_plane_shows_the_menu_and_on_a_point_removes_it(
    qtbot, menu_window
):
    window = menu_window
    s, canvas = window.session, window.canvas
    s.clear_points()
    s.add_point(2.0, 2.0, 0)
    menus = window.pictures.menu
    for x, y, removes in ((-3.0, -3.0, False), (2.0, 2.0, True)):
        menus.menu = None
        # through the window system, as a real click: press, context-menu event, release
        pt = canvas.mapTo(window, canvas.map_to_widget(x, y))
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, pos=pt)
        qtbot.wait(50)
        if removes:
            assert s.project.data.n == 0 and menus.menu is None
        else:
            assert s.project.data.n == 1 and menus.menu is not None
            assert menu_texts(window)[0] == "Export as PNG…"
            menus.menu.close()


def test_pyqtgraph_view_box_menus_are_replaced_by_ours_with_view_all(qtbot, menu_window):
    window = menu_window
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    plot.getPlotItem().setMenuEnabled(True)
    window.layout()  # any parent: the menu belongs to the registered widget
    window.pictures.menu.add(plot, "extra")
    box = plot.getPlotItem().getViewBox()
    assert not box.menuEnabled()
    window.pictures.menu.show_menu("extra", QPoint(0, 0), plot.viewport())
    assert "View all" in menu_texts(window)
    window.pictures.menu.menu.close()
    plot.deleteLater()


def test_export_view_asks_the_view_then_the_file(qtbot, window, tmp_path, monkeypatch):
    titles = view_titles()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (titles["hidden"], True))
    monkeypatch.setattr(
        window.files, "ask_save_path", lambda title, filt, suffix, name="": tmp_path / "hidden.svg"
    )
    assert window.pictures.export_dialog()
    assert window.insights.docks["hidden"].isVisible()
    assert drawing_elements((tmp_path / "hidden.svg").read_bytes())


def test_an_unwritable_picture_is_an_error_naming_the_file(window, tmp_path):
    missing = tmp_path / "no" / "such" / "plane.png"
    assert not window.pictures.save("plane", missing)
    assert str(missing) in window.statusBar().currentMessage()  # (and a message box)
    assert not window.pictures.save("plane", tmp_path / "plane.jpg")
    shown = window.statusBar().currentMessage()
    assert "plane.jpg" in shown and ".svg" in shown


def test_fields_inside_a_view_keep_their_own_menu(qtbot, menu_window):
    from PySide6.QtWidgets import QAbstractSpinBox

    window = menu_window
    spin = window.pictures.bring_up("hidden").findChild(QAbstractSpinBox)
    pos = QPoint(5, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos, spin.mapToGlobal(pos))
    # not consumed: the spin box's own menu (Undo, Copy, Paste, Step up…) opens instead
    assert window.pictures.menu.eventFilter(spin, event) is False
    assert window.pictures.menu.eventFilter(window.canvas.plot_widget.viewport(), event)
    qtbot.waitUntil(lambda: window.pictures.menu.menu is not None)
    window.pictures.menu.menu.close()
