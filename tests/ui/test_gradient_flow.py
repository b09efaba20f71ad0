"""GradientFlowView draws the "gradients" payload: one curve per layer with the recorded norms,
one histogram row per hidden layer, a caption with the first/output ratio; its empty states; and
it keeps up with layers added and removed while training."""

from __future__ import annotations

import re

import numpy as np
import pytest
from view_runs import trainer_for

from playground.core.analysis import flow
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import GRAD_EVERY
from playground.live import insights
from playground.live.commands import InsightRequest
from playground.live.snapshot_builder import build_snapshot
from playground.ui.graphics import palette
from playground.ui.views.gradient_flow import (
    ROW_HEIGHT,
    GradientFlowView,
    decade_ticks,
    ratio_number,
)
from playground.ui.window.insights import NAMES, titles, view_classes

REQUEST = InsightRequest(views=frozenset({"gradients"}))


def _snapshot(trainer, run_id: int = 1):
    return build_snapshot(
        trainer, run_id, res=20, insights=insights.build(trainer, REQUEST, ["gradients"])
    )


@pytest.fixture
def view(qtbot):
    v = GradientFlowView()
    qtbot.addWidget(v)
    v.resize(900, 320)
    v.show()
    qtbot.waitExposed(v)
    return v


def _visible_curves(view):
    return [c for c in view.curves if c.isVisible()]


def test_one_curve_per_layer_with_the_recorded_norms(view):
    hidden = tuple(LayerSpec(6, "sigmoid") for _ in range(4))
    trainer = trainer_for("binary", hidden=hidden)
    trainer.step(30 * GRAD_EVERY)
    view.show_snapshot(_snapshot(trainer))
    recorded = trainer.grad_history.data()
    curves = _visible_curves(view)
    assert len(curves) == 5 == len(recorded.metrics)
    for layer, curve in enumerate(curves):
        np.testing.assert_array_equal(curve.xData, recorded.step)
        np.testing.assert_allclose(10**curve.yData, recorded.final[:, layer], rtol=1e-12)
    colours = [c.opts["pen"].color().getRgb()[:3] for c in curves]
    assert colours == palette.layer_rgb(5) and len(set(colours)) == 5
    assert "layer 1" in view.legend.text() and "output" in view.legend.text()


def test_the_caption_gives_the_first_to_output_ratio_of_the_recent_records(view):
    hidden = tuple(LayerSpec(8, "sigmoid") for _ in range(6))
    trainer = trainer_for("binary", hidden=hidden)
    trainer.step(600)
    view.show_snapshot(_snapshot(trainer))
    final = trainer.grad_history.data().final
    ratio = np.median(final[-flow.RECENT :, 0]) / np.median(final[-flow.RECENT :, -1])
    assert ratio < 1 / 20  # six sigmoid layers: vanishing
    shown = re.search(r"1/([\d,.]+) of the output", view.caption.text())
    assert shown is not None and "barely learn" in view.caption.text()
    assert float(shown.group(1).replace(",", "")) == pytest.approx(1 / ratio, rel=0.05)


def test_a_tanh_net_says_the_signal_reaches_the_first_layers(view):
    trainer = trainer_for("binary", hidden=(LayerSpec(8, "tanh"), LayerSpec(8, "tanh")))
    trainer.step(400)
    view.show_snapshot(_snapshot(trainer))
    final = trainer.grad_history.data().final
    ratio = np.median(final[-flow.RECENT :, 0]) / np.median(final[-flow.RECENT :, -1])
    assert 1 / 20 < ratio < 20
    shown = re.search(r"is ([\d.e+-]+) times", view.caption.text())
    assert float(shown.group(1)) == pytest.approx(ratio, rel=0.05)
    assert "reaches the first layers" in view.caption.text()


def test_histogram_rows_draw_the_payload_layer_1_at_the_top(view):
    hidden = (LayerSpec(5, "tanh"), LayerSpec(4, "relu"), LayerSpec(3, "sigmoid"))
    trainer = trainer_for("binary", hidden=hidden)
    trainer.step(100)
    snap = _snapshot(trainer)
    view.show_snapshot(snap)
    rows = snap.insights["gradients"].flow.layers
    drawn = [pair for pair in view.rows if pair[0].isVisible()]
    assert len(drawn) == 3
    for i, (row, (act_curve, grad_curve)) in enumerate(zip(rows, drawn, strict=True)):
        base = len(rows) - 1 - i
        for hist, curve in ((row.activations, act_curve), (row.gradients, grad_curve)):
            x, y = curve.getData()
            np.testing.assert_allclose(x, hist.edges)
            np.testing.assert_allclose(y, base + ROW_HEIGHT * hist.counts / hist.counts.max())
    ticks = view.grad_plot.getAxis("right")._tickLevels[0]
    assert [label for _, label in ticks] == [f"{r.gradient_rms:.1e}" for r in rows]
    assert (rows[0].activations.lo, rows[0].activations.hi) == (-1.0, 1.0)


def test_no_training_points_show_the_reason_instead_of_the_plots(view):
    trainer = trainer_for("binary")
    data = trainer.data.with_split(0.0)
    empty = data.__class__(data.X[:0], data.y[:0], data.task, data.n_classes, name="empty")
    trainer.set_data(empty)
    view.show_snapshot(_snapshot(trainer))
    assert view.empty.isVisible() and not view.norm_widget.isVisible()
    assert "no training points" in view.empty.text()


def test_a_network_without_hidden_layers_shows_the_output_curve_only(view):
    trainer = trainer_for("binary", hidden=())
    trainer.step(5 * GRAD_EVERY)
    view.show_snapshot(_snapshot(trainer))
    assert len(_visible_curves(view)) == 1 and not view.hist_widget.isVisible()
    assert "no hidden layer" in view.caption.text()


def test_before_any_record_the_caption_says_what_will_be_recorded(view):
    view.show_snapshot(_snapshot(trainer_for("binary")))
    assert f"every {GRAD_EVERY} steps" in view.caption.text()
    assert all(c.yData is None or len(c.yData) == 0 for c in _visible_curves(view))


@pytest.mark.parametrize(
    ("x", "text"), [(5632.1, "5,600"), (4.26, "4.3"), (23.4, "23"), (2.5e7, "2.5e+07")]
)
def test_ratio_numbers_keep_two_significant_digits(x, text):
    assert ratio_number(x) == text


def test_the_log_axis_is_labelled_at_powers_of_ten(view):
    assert decade_ticks(-6, -2) == (
        (-2, "0.01"),
        (-3, "0.001"),
        (-4, "10⁻⁴"),
        (-5, "10⁻⁵"),
        (-6, "10⁻⁶"),
    )
    assert [k for k, _ in decade_ticks(-12, 0)] == list(range(0, -13, -2))
    trainer = trainer_for("binary", hidden=tuple(LayerSpec(6, "sigmoid") for _ in range(5)))
    trainer.step(20 * GRAD_EVERY)
    view.show_snapshot(_snapshot(trainer))
    logs = np.log10(trainer.grad_history.data().final)
    lo, hi = (
        view.norms.getAxis("left")._tickLevels[0][-1][0],
        view.norms.getAxis("left")._tickLevels[0][0][0],
    )
    assert (lo, hi) == (np.floor(logs.min()), np.ceil(logs.max()))


def test_the_window_offers_the_view_under_its_title(qtbot):
    assert GradientFlowView in view_classes() and titles()["gradients"] == "Gradient flow"
    assert [cls.name for cls in view_classes()] == list(NAMES)


def test_the_view_follows_layers_added_and_removed_while_training(qtbot, make_session):
    s = make_session(hidden=((4, "tanh"), (4, "tanh")))
    v = GradientFlowView()
    qtbot.addWidget(v)
    v.resize(800, 300)
    v.show()
    s.snapshotReady.connect(v.show_snapshot)
    s.set_visible_views({"gradients"})
    s.play()

    def shows(n_layers):
        p = v.drawn
        return (
            p is not None
            and len(p.norms.metrics) == n_layers
            and len(p.norms)
            and len(_visible_curves(v)) == n_layers
        )

    qtbot.waitUntil(lambda: shows(3), timeout=15000)
    s.set_hidden(s.project.hidden + (LayerSpec(3, "sigmoid"),))
    qtbot.waitUntil(lambda: shows(4) and sum(r[0].isVisible() for r in v.rows) == 3, timeout=15000)
    assert s.running
    s.set_hidden(s.project.hidden[:1])
    qtbot.waitUntil(lambda: shows(2) and sum(r[0].isVisible() for r in v.rows) == 1, timeout=15000)
    s.set_hidden((LayerSpec(7, "relu"),))  # same depth, new width and activation

    def seven_relu_units():
        row = v.drawn.flow.layers[0]
        return row.activation == "relu" and row.activations.counts.sum() == 7 * (
            v.drawn.flow.hist_points
        )

    qtbot.waitUntil(lambda: shows(2) and seven_relu_units(), timeout=15000)
    assert "ReLU" in " ".join(t for _, t in v.act_plot.getAxis("left")._tickLevels[0])
    s.pause()
    qtbot.waitUntil(lambda: not s.running, timeout=10000)
    assert not v.empty.isVisible()
