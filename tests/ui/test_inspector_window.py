"""The inspector in the window: hovering the plane feeds it, Shift+click pins it (a mark on the
plane, values on the diagram's neurons), and the diagram marks dead and saturated units."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from test_inspector_view import snap_at
from view_runs import trainer_for

from playground.core.files.experiments import load_experiment
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import Trainer
from playground.live.snapshot_builder import build_snapshot
from playground.ui.views.diagram_overlay import counts_text
from playground.ui.views.inspector_text import num
from playground.ui.views.network_diagram import NetworkDiagram

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _on_plane(canvas, x, y):
    pt = canvas.map_to_widget(x, y)
    child = canvas.childAt(pt)
    return child, child.mapFrom(canvas, pt)


def _payload(window):
    return window.session.latest_snapshot().insights.get("inspector")


def _labels(diagram) -> list[list[str]]:
    """The value label of every neuron per column ("" where none)."""
    return diagram.overlay.label_texts()


def _values(forward) -> list[list[str]]:
    return [
        [num(v) for v in values]
        for values in [forward.inputs] + [layer.a for layer in forward.layers]
    ]


def test_hovering_the_plane_updates_the_inspector(qtbot, window):
    window.insights.open("inspector")
    view = window.insights.views["inspector"]
    qtbot.waitUntil(lambda: "inspector" in window.session.visible_views)
    qtbot.wait(300)  # the dock took its room: the plane has its final size and range
    for x, y in ((2.0, -3.0), (-1.0, 4.0)):
        child, pos = _on_plane(window.canvas, x, y)
        qtbot.mouseMove(child, pos)
        qtbot.waitUntil(
            lambda x=x, y=y: (
                view.payload is not None and np.allclose(view.payload.point, (x, y), atol=0.15)
            )
        )
        assert " · At the pointer: (" in view.where.text()
    assert window.session.view.pinned == ()


def test_shift_click_pins_marks_the_plane_and_labels_the_diagram(qtbot, window):
    s, canvas, diagram = window.session, window.canvas, window.diagram
    window.insights.open("inspector")
    view = window.insights.views["inspector"]
    n = s.project.data.n
    child, pos = _on_plane(canvas, 1.0, 1.0)
    qtbot.mouseClick(child, Qt.MouseButton.LeftButton, SHIFT, pos)
    assert s.view.pinned == pytest.approx((1.0, 1.0), abs=0.15)
    assert s.project.data.n == n  # a Shift+click adds no point
    marker = canvas.pin_marker.getData()
    assert np.allclose(marker[0], s.view.pinned[0]) and np.allclose(marker[1], s.view.pinned[1])
    qtbot.waitUntil(lambda: any(any(col) for col in _labels(diagram)))
    payload = _payload(window)
    assert payload.point == s.view.pinned
    assert _labels(diagram) == _values(payload.forward)
    qtbot.waitUntil(lambda: " · Pinned at (" in view.where.text())
    assert view.pin_button.text() == "Unpin"
    child, pos = _on_plane(canvas, -4.0, -4.0)  # hovering elsewhere keeps the pinned input
    qtbot.mouseMove(child, pos)
    qtbot.wait(100)
    assert _payload(window).point == s.view.pinned
    qtbot.mouseClick(child, Qt.MouseButton.LeftButton, SHIFT, pos)  # Shift+click again: unpin
    assert s.view.pinned == () and len(canvas.pin_marker.getData()[0]) == 0
    assert not any(any(col) for col in _labels(diagram))
    assert view.pin_button.text() == "Pin"


def test_the_diagram_shows_pinned_values_with_the_inspector_closed_and_unpin_button(qtbot, window):
    s = window.session
    s.pin((-2.0, 2.5))
    qtbot.waitUntil(lambda: any(any(col) for col in _labels(window.diagram)))
    assert _labels(window.diagram) == _values(_payload(window).forward)
    s.play()  # the values follow training
    qtbot.waitUntil(lambda: s.latest_snapshot().step > 200, timeout=15000)
    s.pause()
    qtbot.waitUntil(lambda: not s.latest_snapshot().running)
    window.paint(s.latest_snapshot())
    assert _labels(window.diagram) == _values(_payload(window).forward)
    window.insights.open("inspector")
    view = window.insights.views["inspector"]
    qtbot.waitUntil(lambda: view.payload is not None)
    view.pin_button.click()
    assert s.view.pinned == ()


def test_pinned_values_survive_network_edits(qtbot, window):
    s = window.session
    s.pin((1.5, -1.0))
    for hidden in [
        (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"), LayerSpec(3, "relu")),
        (LayerSpec(6, "relu"),),
    ]:
        s.set_hidden(hidden)
        qtbot.waitUntil(
            lambda h=hidden: (
                window.diagram.snapshot is not None and window.diagram.snapshot.spec.hidden == h
            )
        )
        qtbot.waitUntil(lambda: any(any(col) for col in _labels(window.diagram)))
        assert _labels(window.diagram) == _values(_payload(window).forward)


# ------------------------------------------------------------------ the diagram alone
@pytest.fixture
def diagram(qtbot):
    d = NetworkDiagram()
    qtbot.addWidget(d)
    d.resize(900, 560)
    d.show()
    qtbot.waitExposed(d)
    return d


def _marked(item) -> set[tuple[float, float]]:
    x, y = item.getData()
    return {(round(float(a), 6), round(float(b), 6)) for a, b in zip(x, y, strict=True)}


def _centres(diagram, layer: int, mask) -> set[tuple[float, float]]:
    out = set()
    for unit in np.nonzero(mask)[0]:
        p = diagram.neuron_center(layer, int(unit))
        out.add((round(p.x(), 6), round(p.y(), 6)))
    return out


def _check_marks(diagram, snap) -> None:
    dead, saturated = set(), set()
    for layer, stats in enumerate(snap.layer_stats):
        dead |= _centres(diagram, layer, stats.dead)
        saturated |= _centres(diagram, layer, stats.saturated)
        title = diagram.overlay.titles[layer + 1].textItem.toPlainText()
        counts = counts_text(stats)  # "dead 2 · sat 1": the title's third line
        assert not diagram.layout_.compact and title.split("\n")[2:] == ([counts] if counts else [])
        for unit, share in enumerate(stats.active_fraction):
            tip = diagram.describe_at(diagram.neuron_center(layer, unit))
            assert f"active on {100 * share:.0f}% of training inputs" in tip
    assert _marked(diagram.overlay.dead) == dead
    assert _marked(diagram.overlay.saturated) == saturated


def _experiment(name: str, steps: int) -> Trainer:
    p = load_experiment(name)
    t = Trainer(p.spec(), p.data, p.config, params=p.params)
    t.step(steps)
    return t


def test_dead_relu_units_are_crossed_and_counted(diagram):
    t = _experiment("dead-relu", 300)
    snap = build_snapshot(t, 1, res=20)
    assert sum(int(s.dead.sum()) for s in snap.layer_stats) > 0  # the lesson's point
    diagram.show_snapshot(snap)
    _check_marks(diagram, snap)
    assert "dead" in diagram.overlay.titles[1].textItem.toPlainText()
    unit = int(np.argmax(snap.layer_stats[0].dead))
    tip = diagram.describe_at(diagram.neuron_center(0, unit))
    assert "active on 0% of training inputs" in tip and "dead:" in tip


def test_saturated_sigmoid_units_are_outlined_and_counted(diagram):
    t = _experiment("sigmoid-deep", 300)
    healthy = build_snapshot(t, 1, res=20)
    diagram.show_snapshot(healthy)
    _check_marks(diagram, healthy)  # none saturated here
    t.network.weights[0][...] *= 40.0  # |z| ≫ 5 on most inputs: the first layer saturates
    saturated = build_snapshot(t, 1, res=20)
    assert saturated.layer_stats[0].saturated.sum() > 0
    diagram.show_snapshot(saturated)
    _check_marks(diagram, saturated)
    assert "sat " in diagram.overlay.titles[1].textItem.toPlainText()
    diagram.show_snapshot(healthy)  # and they go away again
    assert not _marked(diagram.overlay.saturated)


def test_labels_follow_the_pinned_payload_and_ignore_a_stale_one(diagram):
    t = trainer_for("binary")
    snap = snap_at(t, (1.0, 2.0))
    diagram.show_snapshot(snap)
    assert not any(any(col) for col in _labels(diagram))  # not pinned: no labels
    diagram.set_pinned((1.0, 2.0))
    assert _labels(diagram) == _values(snap.insights["inspector"].forward)
    wider = trainer_for("binary", hidden=(LayerSpec(5, "relu"),))
    stale = build_snapshot(wider, 1, res=20, insights=snap.insights)
    diagram.show_snapshot(stale)
    assert not any(any(col) for col in _labels(diagram))
    diagram.set_pinned((3.0, 3.0))  # a payload for another point is not shown either
    diagram.show_snapshot(snap_at(wider, (1.0, 2.0)))
    assert not any(any(col) for col in _labels(diagram))


def test_the_value_labels_are_painted(diagram):
    snap = snap_at(trainer_for("binary"), (1.0, 2.0))
    diagram.show_snapshot(snap)
    before = diagram.graphics.grab().toImage()
    diagram.set_pinned((1.0, 2.0))
    after = diagram.graphics.grab().toImage()
    assert before != after
    diagram.set_pinned(None)
    assert diagram.graphics.grab().toImage() == before


# ------------------------------------------------------------------ the plane's gestures
@pytest.fixture
def canvas(qtbot):
    from playground.ui.views.data_canvas import DataCanvas

    c = DataCanvas()
    qtbot.addWidget(c)
    c.resize(500, 500)
    c.show()
    qtbot.waitExposed(c)
    c.set_points(trainer_for("binary").data)
    return c


def test_shift_click_asks_to_pin_and_a_plain_click_still_adds(qtbot, canvas):
    pins, adds = [], []
    canvas.pinRequested.connect(lambda x, y: pins.append((x, y)))
    canvas.addRequested.connect(lambda x, y: adds.append((x, y)))
    child, pos = _on_plane(canvas, 2.0, -1.0)
    qtbot.mouseClick(child, Qt.MouseButton.LeftButton, SHIFT, pos)
    assert pins == [pytest.approx((2.0, -1.0), abs=0.1)] and adds == []
    qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=pos)
    assert len(pins) == 1 and adds == [pytest.approx((2.0, -1.0), abs=0.1)]


def test_hover_reports_at_most_thirty_times_a_second_and_the_last_position(qtbot, canvas):
    from playground.ui.views.data_canvas import HOVER_HZ

    got = []
    canvas.hovered.connect(lambda x, y: got.append((x, y)))
    targets = [(-4.0 + 0.5 * i, 1.0) for i in range(12)]
    for x, y in targets:  # a quick sweep: 12 moves within a few milliseconds
        child, pos = _on_plane(canvas, x, y)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(pos),
            QPointF(child.mapToGlobal(pos)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(child, move)
    assert len(got) == 1  # the first at once, the rest wait for the interval
    qtbot.wait(3 * 1000 // HOVER_HZ)
    assert len(got) == 2 and got[-1] == pytest.approx(targets[-1], abs=0.1)
