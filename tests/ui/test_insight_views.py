"""The insight area and its hidden-space and collapse views: what they draw equals the payload
(and the payload equals the network), they follow network edits while training, and they say
why when they do not apply."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from conftest import show_window

from playground.core.nn.spec import LayerSpec
from playground.live import insights
from playground.live.commands import InsightRequest
from playground.live.snapshot_builder import build_snapshot
from playground.ui.graphics import palette
from playground.ui.views.collapse_view import CollapseView
from playground.ui.views.hidden_space import HiddenSpaceView
from tests.ui.view_runs import trainer_for


def _snap(kind: str, names, hidden=None, **request):
    t = trainer_for(kind, hidden=hidden)
    t.train_epochs(3)
    req = InsightRequest(frozenset(names), **request)
    return build_snapshot(t, 1, res=20, insights=insights.build(t, req, names)), t


def test_hidden_space_view_draws_the_payload(qtbot):
    view = HiddenSpaceView()
    qtbot.addWidget(view)
    snap, t = _snap("binary", ["hidden"], hidden_layer=1)
    view.show_snapshot(snap)
    space = snap.insights["hidden"]
    pos, colours = view.points.drawn()
    np.testing.assert_allclose(pos, space.points)
    train = ~t.data.is_test
    expected = [pg.mkColor(palette.class_color(k)).getRgb() for k in t.data.y[train]]
    assert colours == expected
    np.testing.assert_allclose(
        space.points, t.network.forward(t.inputs[train]).acts[2], atol=1e-6
    )  # layer 2 has exactly 2 units: the whole layer
    assert space.boundary is not None and not view.empty.isVisibleTo(view)
    assert "Layer 2" in view.caption.text()


def test_hidden_space_view_says_why_without_a_hidden_layer(qtbot):
    view = HiddenSpaceView()
    qtbot.addWidget(view)
    snap, _ = _snap("binary", ["hidden"], hidden=())
    view.show_snapshot(snap)
    assert view.empty.isVisibleTo(view) and "no hidden layer" in view.empty.text()
    assert not view.plot.isVisibleTo(view)


def test_collapse_view_shows_the_single_maps_numbers(qtbot):
    view = CollapseView()
    qtbot.addWidget(view)
    snap, _ = _snap("plane", ["collapse"])
    view.show_snapshot(snap)
    run = snap.insights["collapse"].report.runs[0]
    text = view.numbers.toPlainText()
    assert "W = W₂·W₁" in text and f"{run.W[0, 0]:.3f}" in text and f"{run.b[0]:.3f}" in text
    assert "ONE affine map" in view.summary.text()
    bent, _ = _snap("binary", ["collapse"])
    view.show_snapshot(bent)
    assert "bend" in view.summary.text() and not view.numbers.isVisibleTo(view)


@pytest.fixture
def window(qtbot, make_session, no_qt_warnings):
    w = show_window(qtbot, make_session(hidden=((4, "linear"), (2, "linear"))), (1500, 950))
    yield w
    w.close()


def test_opening_a_view_subscribes_and_its_payload_arrives(qtbot, window):
    s = window.session
    assert s.visible_views == frozenset()
    window.insights.open("collapse")
    qtbot.waitUntil(lambda: "collapse" in s.visible_views)
    qtbot.waitUntil(lambda: "collapse" in (s.latest_snapshot().insights or {}), timeout=5000)
    assert s.view.views == ("collapse",)
    window.insights.docks["collapse"].close()
    qtbot.waitUntil(lambda: "collapse" not in s.visible_views)
    assert s.view.views == ()


def test_the_single_map_boundary_lies_on_the_plane(qtbot, window):
    s = window.session
    window.insights.open("collapse")
    window.insights.views["collapse"].overlay.setChecked(True)
    assert s.view.single_map
    s.train_steps(100)
    qtbot.waitUntil(lambda: window.canvas.single_map.isVisible(), timeout=5000)
    x, y = window.canvas.single_map.getData()
    assert len(x) > 10


def test_views_follow_network_edits_while_training(qtbot, window):
    s = window.session
    window.insights.open("hidden")
    s.play()
    qtbot.waitUntil(lambda: "hidden" in (s.latest_snapshot().insights or {}), timeout=5000)
    s.set_hidden((LayerSpec(3, "tanh"), LayerSpec(5, "relu"), LayerSpec(2, "tanh")))
    s.set_hidden_view(hidden_layer=2)
    qtbot.waitUntil(
        lambda: (
            s.latest_snapshot().spec.hidden[0].units == 3
            and s.latest_snapshot().insights["hidden"].layer == 2
        ),
        timeout=10000,
    )
    s.set_hidden(())
    qtbot.waitUntil(lambda: not s.latest_snapshot().spec.hidden, timeout=10000)
    qtbot.waitUntil(lambda: window.insights.views["hidden"].empty.isVisible(), timeout=5000)
    assert s.running


def test_steady_ranges_hold_moving_data_and_follow_it_out():
    from playground.ui.graphics.ranges import growing_range, steady_range

    shown = steady_range(None, 0.0, 10.0)
    assert shown[0] < 0.0 and shown[1] > 10.0
    assert steady_range(shown, 0.5, 9.5) is shown  # moved inside: the axes stay
    assert steady_range(shown, 0.0, 12.0)[1] > 12.0  # left it: follow
    assert steady_range(shown, 4.0, 5.0) != shown  # fills too little: shrink
    x = growing_range(None, 0.0, 8.0)
    assert x[1] >= 8.0 and growing_range(x, 0.0, x[1]) == x  # grows into its room
    assert growing_range(x, 0.0, x[1] + 1)[1] > x[1] + 1
    assert growing_range(x, 0.0, 1.0)[1] < x[1]  # a new run starts small
