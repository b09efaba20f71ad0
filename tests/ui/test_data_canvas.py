"""DataCanvas: mouse gestures become requests in plane coordinates; maps and points are drawn."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu
from view_runs import snapshot_for

from playground.core.data.pointset import PointSet
from playground.ui.graphics import palette
from playground.ui.views.data_canvas import DataCanvas

LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton


@pytest.fixture
def canvas(qtbot):
    c = DataCanvas()
    qtbot.addWidget(c)
    c.resize(500, 500)
    c.show()
    qtbot.waitExposed(c)
    return c


def _target(canvas, x, y):
    """(child widget that receives the click, position in it) for plane point (x, y)."""
    pt = canvas.map_to_widget(x, y)
    child = canvas.childAt(pt)
    assert child is not None
    return child, child.mapFrom(canvas, pt)


def _click(qtbot, canvas, x, y, button=LEFT):
    child, pos = _target(canvas, x, y)
    qtbot.mouseClick(child, button, pos=pos)


def _mouse(widget, kind, pos: QPoint, button, buttons):
    ev = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, ev)


def _drag(canvas, a, b):
    child, p0 = _target(canvas, *a)
    _, p1 = _target(canvas, *b)
    _mouse(child, QEvent.Type.MouseButtonPress, p0, LEFT, LEFT)
    for t in np.linspace(0.2, 1.0, 5):
        p = QPoint(round(p0.x() + t * (p1.x() - p0.x())), round(p0.y() + t * (p1.y() - p0.y())))
        _mouse(child, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT)
    _mouse(child, QEvent.Type.MouseButtonRelease, p1, LEFT, Qt.MouseButton.NoButton)


def _points():
    X = np.array([[-3.0, -3.0], [2.0, 1.0], [4.0, -4.0], [0.0, 4.0]])
    return PointSet(X, np.array([0, 1, 0, 1]), is_test=np.array([False, False, True, True]))


def test_left_click_emits_add_at_plane_coordinates(qtbot, canvas):
    canvas.set_points(_points(), show_test=True)
    tol = 2 * 12.0 / 500  # two pixels of a 12-unit plane drawn in ~500 px
    for x, y in [(1.5, -2.25), (-3.2, 4.2), (0.0, 0.0)]:  # inside the fitted view
        with qtbot.waitSignal(canvas.addRequested, timeout=1000) as blocker:
            _click(qtbot, canvas, x, y)
        gx, gy = blocker.args
        assert abs(gx - x) < tol and abs(gy - y) < tol


def test_right_click_removes_nearest_point(qtbot, canvas):
    canvas.set_points(_points(), show_test=True)
    with qtbot.waitSignal(canvas.removeRequested, timeout=1000) as blocker:
        _click(qtbot, canvas, 2.2, 1.1, RIGHT)
    assert blocker.args == [1]
    with qtbot.waitSignal(canvas.removeRequested, timeout=1000) as blocker:
        _click(qtbot, canvas, 3.9, -4.2, RIGHT)  # a test point (shown)
    assert blocker.args == [2]


def test_hidden_test_points_cannot_be_removed_and_eraser_removes(qtbot, canvas):
    canvas.set_points(_points(), show_test=False)
    with qtbot.assertNotEmitted(canvas.removeRequested):
        _click(qtbot, canvas, 4.0, -4.0, RIGHT)  # only a hidden test point is near
    canvas.set_eraser(True)
    with qtbot.assertNotEmitted(canvas.addRequested):
        with qtbot.waitSignal(canvas.removeRequested, timeout=1000) as blocker:
            _click(qtbot, canvas, -3.1, -2.9)
    assert blocker.args == [0]


def test_drag_moves_point_without_panning(qtbot, canvas):
    canvas.set_points(_points(), show_test=True)
    before = canvas.view.viewRange()
    with qtbot.assertNotEmitted(canvas.addRequested):
        with qtbot.waitSignal(canvas.moveRequested, timeout=1000) as blocker:
            _drag(canvas, (2.0, 1.0), (-1.0, 3.0))
    i, x, y = blocker.args
    assert i == 1 and abs(x + 1.0) < 0.1 and abs(y - 3.0) < 0.1
    assert canvas.view.viewRange() == before
    # dragging empty space neither moves anything nor pans
    with qtbot.assertNotEmitted(canvas.moveRequested):
        _drag(canvas, (-3.2, 0.0), (-2.0, 2.0))
    assert canvas.view.viewRange() == before


def test_binary_map_fills_plane_with_class_colours(qtbot, canvas):
    snap = snapshot_for("binary", epochs=30, res=80, lr=0.3)
    canvas.set_points(snap.data, show_test=True)
    canvas.show_snapshot(snap, discretize=False)
    img = canvas.image.image
    assert img.shape == (80, 80) and img.dtype == np.float32
    assert canvas.image.levels.tolist() == list(palette.CLASS_LEVELS)
    cls = (img // palette.CLASS_STEPS).astype(int)
    p1 = snap.output_map > 0.5
    assert np.array_equal(cls == 1, p1) and p1.any() and (~p1).any()
    # the circle data set: class 1 in the middle of the plane
    assert cls[40, 40] == 1 and cls[0, 0] == 0
    canvas.show_snapshot(snap, discretize=True)
    steps = np.unique(canvas.image.image % palette.CLASS_STEPS)
    assert len(steps) == 1  # hard regions: one intensity everywhere


def test_multiclass_regression_and_iris(qtbot, canvas):
    snap = snapshot_for("three_class", epochs=5)
    canvas.show_snapshot(snap)
    cls = (canvas.image.image // palette.CLASS_STEPS).astype(int)
    assert np.array_equal(cls, snap.class_map) and canvas.image.isVisible()
    assert canvas.train_points.count() + canvas.test_points.count() == snap.data.n

    snap = snapshot_for("plane")
    canvas.show_snapshot(snap)
    lo, hi = canvas.image.levels
    assert lo == -hi and hi == pytest.approx(np.abs(snap.data.y).max())
    assert np.array_equal(canvas.image.image, snap.output_map)

    snap = snapshot_for("sine", res=50)
    canvas.show_snapshot(snap)
    xs, ys = canvas.curve.getData()
    assert not canvas.image.isVisible() and canvas.curve.isVisible()
    assert len(xs) == 50 and np.allclose(ys, snap.output_map)
    assert xs[0] == pytest.approx(snap.extent[0])

    snap = snapshot_for("iris")
    canvas.set_points(snap.data, show_test=False)
    canvas.show_snapshot(snap)
    assert not canvas.image.isVisible() and canvas.note.isVisible()
    assert "not available" in canvas.note.toPlainText()
    pos, _ = canvas.train_points.drawn()
    assert np.allclose(pos, snap.data.train[0][:, :2])
    with qtbot.assertNotEmitted(canvas.addRequested):
        _click(qtbot, canvas, 0.0, 0.0)


def test_the_view_fits_the_data_and_stays_while_clicking_near_its_edge(qtbot, canvas):
    data = _points()
    canvas.set_points(data, show_test=True)
    (x0, x1), (y0, y1) = canvas.view.viewRange()
    lo, hi = data.X.min(axis=0), data.X.max(axis=0)
    assert x0 < lo[0] and x1 > hi[0] and y0 < lo[1] and y1 > hi[1]
    span = (hi - lo).max()
    assert min(lo[0] - x0, lo[1] - y0, x1 - hi[0], y1 - hi[1]) <= 0.1 * span  # a small margin
    before = canvas.view.viewRange()
    edge = PointSet(np.vstack([data.X, [[hi[0] + 0.05 * span, 0.0]]]), np.r_[data.y, 1])
    canvas.set_points(edge, show_test=True)  # a point clicked near the edge: no rescale
    assert canvas.view.viewRange() == before


def test_wheel_zoom_and_reset_view_report_the_plane_shown(qtbot, canvas):
    canvas.set_points(_points(), show_test=True)
    fitted = canvas.visible_plane()
    with qtbot.waitSignal(canvas.planeChanged, timeout=2000) as blocker:
        canvas.view.scaleBy((0.5, 0.5))
    zoomed = blocker.args[0]
    assert zoomed == pytest.approx(canvas.visible_plane())
    assert zoomed[1] - zoomed[0] == pytest.approx(0.5 * (fitted[1] - fitted[0]), rel=1e-2)
    canvas.fit_to_data()
    assert canvas.visible_plane() == pytest.approx(fitted, rel=1e-2)


def test_the_decision_map_covers_the_whole_plane_shown(qtbot, make_session):
    """The session sends the canvas's visible rectangle; the snapshot's map covers exactly it."""
    from playground.ui.window.main_window import MainWindow

    session = make_session()
    window = MainWindow(session, interactive=False, remember=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)

    def covered() -> bool:  # the layout settles first (each resize moves the plane)
        shown = window.canvas.visible_plane()
        return session.plane == pytest.approx(shown) and session.sync().extent == pytest.approx(
            shown
        )

    qtbot.waitUntil(covered, timeout=5000)
    window.canvas.view.scaleBy((0.5, 0.5))
    qtbot.waitUntil(covered, timeout=5000)
    assert session.sync().extent == pytest.approx(window.canvas.visible_plane())


def test_view_menu_resets_the_plane_view(qtbot, make_session):
    from playground.ui.window.main_window import MainWindow

    window = MainWindow(make_session(), interactive=False, remember=False)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    fitted = window.canvas.visible_plane()
    window.canvas.view.scaleBy((0.25, 0.25))
    assert window.canvas.visible_plane() != pytest.approx(fitted, rel=1e-2)
    actions = [a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    reset = next(a for a in actions if a.shortcut().toString() == "Home")
    reset.trigger()
    assert window.canvas.visible_plane() == pytest.approx(fitted, rel=1e-2)
