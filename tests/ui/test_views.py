"""ActivationView and LossPlot draw real snapshots of every task and react; the views' cost per
frame (the network diagram alone: tests/ui/test_network_diagram.py)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPainter
from view_runs import RUNS, snapshot_for, trainer_for

from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec
from playground.live.snapshot_builder import build_snapshot
from playground.ui.views.activation_view import ActivationView
from playground.ui.views.data_canvas import DataCanvas
from playground.ui.views.loss_plot import LossPlot
from playground.ui.views.network_diagram import NetworkDiagram

KINDS = ("binary", "three_class", "sine", "plane", "iris")


@pytest.fixture(scope="module")
def snaps():
    return {k: snapshot_for(k, epochs=4, res=40) for k in RUNS}


def _widget(qtbot, cls, w=640, h=420):
    widget = cls()
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ------------------------------------------------------------------ activation view
def _curve_at(curve, z):
    x, y = curve.getData()
    return float(np.interp(z, x, y))


def test_activation_view_dead_share_changes_when_units_die(qtbot):
    view = _widget(qtbot, ActivationView, 420, 340)
    trainer = trainer_for("three_class", hidden=(LayerSpec(6, "relu"),))
    healthy = build_snapshot(trainer, 1, res=20)
    view.show_snapshot(healthy, 0)
    assert healthy.layer_stats[0].dead.sum() == 0
    assert "dead 0/6" in view.stats.text()
    trainer.network.biases[0][:3] = -1e3  # z < 0 on every input: three dead ReLUs
    dead = build_snapshot(trainer, 1, res=20)
    view.show_snapshot(dead, 0)
    assert "dead 3/6 (50%)" in view.stats.text()
    x, heights = view.hist.getData()
    assert len(x) == len(heights) + 1 and heights.max() > heights.min()


def test_activation_view_redraws_curves_when_activation_changes(qtbot, snaps):
    view = _widget(qtbot, ActivationView, 420, 340)
    view.show_snapshot(snaps["binary"], 1)
    assert _curve_at(view.f_curve, 1.0) == pytest.approx(np.tanh(1.0), abs=1e-3)
    view.set_activation("sigmoid")
    assert _curve_at(view.f_curve, 0.0) == pytest.approx(0.5, abs=1e-3)
    assert _curve_at(view.df_curve, 0.0) == pytest.approx(0.25, abs=1e-3)
    view.set_activation("leaky_relu", 0.2)
    assert _curve_at(view.f_curve, -2.0) == pytest.approx(-0.4, abs=1e-2)
    assert "0.2" in view.title.text()


@pytest.mark.parametrize("kind", KINDS)
def test_activation_view_accepts_every_task(qtbot, snaps, kind):
    view = _widget(qtbot, ActivationView, 420, 340)
    snap = snaps[kind]
    view.show_snapshot(snap, 0)
    assert activations.get(snap.spec.hidden[0].activation).label in view.title.text()
    assert f"/{snap.spec.hidden[0].units}" in view.stats.text()


# ------------------------------------------------------------------ loss plot
def test_loss_plot_curves_log_toggle_and_readout(qtbot):
    plot = _widget(qtbot, LossPlot, 420, 340)
    snap = snapshot_for("binary", epochs=6, res=10)
    plot.show_snapshot(snap)
    x, y = plot.train_loss.getData()
    losses = snap.history.column("train_loss")
    assert np.array_equal(x, np.arange(1, 7)) and np.allclose(y, losses)
    assert plot.acc.isVisible()
    plot.set_log_scale(True)
    assert plot.loss.getAxis("left").logMode
    assert np.allclose(plot.train_loss.getData()[1], np.log10(losses))
    plot.set_log_scale(False)
    assert np.allclose(plot.train_loss.getData()[1], losses)
    text = plot.readout_text(3.2)
    assert "epoch 3" in text and f"{losses[2]:.4g}" in text and "acc" in text
    plot.clear()
    assert len(plot.train_loss.getData()[0] or []) == 0


def test_loss_plot_legend_above_and_accuracy_labels_at_both_ends(qtbot, snaps):
    plot = _widget(qtbot, LossPlot, 380, 260)  # a small panel, as in the window
    plot.show_snapshot(snaps["binary"])
    qtbot.wait(10)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)  # kept alive while painted on
    painter = QPainter(image)
    texts = [spec[2] for spec in plot.acc.getAxis("left").generateDrawSpecs(painter)[2]]
    painter.end()
    assert texts == ["0", "0.5", "1"]
    legend = plot.legend.sceneBoundingRect()
    assert legend.bottom() <= plot.loss.vb.sceneBoundingRect().top() + 1  # never over curves
    assert len(plot.legend.items) == 2 and legend.height() < 30  # one row


def test_loss_plot_regression_hides_accuracy(qtbot, snaps):
    plot = _widget(qtbot, LossPlot, 420, 340)
    plot.show_snapshot(snaps["sine"])
    assert not plot.acc.isVisible()
    assert "acc" not in plot.readout_text(1)
    plot.show_snapshot(snaps["iris"])
    assert plot.acc.isVisible()


# ------------------------------------------------------------------ performance
def test_show_snapshot_takes_a_few_ms_for_6x8_net_and_200_grid(qtbot):
    trainer = trainer_for("big")
    trainer.train_epochs(1)
    first = build_snapshot(trainer, 1, res=200)
    trainer.train_epochs(1)
    snaps = [first, build_snapshot(trainer, 1, res=200)]  # same points, new epoch: all redraw
    canvas, diagram = _widget(qtbot, DataCanvas, 600, 600), _widget(qtbot, NetworkDiagram)
    act, loss = _widget(qtbot, ActivationView), _widget(qtbot, LossPlot)
    views = {
        "canvas": (canvas, lambda s: canvas.show_snapshot(s)),
        "diagram": (diagram, lambda s: diagram.show_snapshot(s)),
        "activation": (act, lambda s: act.show_snapshot(s, 2)),
        "loss": (loss, lambda s: loss.show_snapshot(s)),
    }
    update, paint = {}, {}
    for name, (widget, show) in views.items():
        show(snaps[0])
        widget.repaint()
        u, p = [], []
        for i in range(8):
            t0 = time.perf_counter()
            show(snaps[i % 2])
            t1 = time.perf_counter()
            widget.grab()  # synchronous paint of the new frame
            p.append(time.perf_counter() - t1)
            u.append(t1 - t0)
        update[name], paint[name] = 1000 * np.median(u), 1000 * np.median(p)
    print(
        "median ms show_snapshot:",
        {k: round(v, 2) for k, v in update.items()},
        "paint:",
        {k: round(v, 2) for k, v in paint.items()},
    )
    assert canvas.image.image.shape == (200, 200)
    assert sum(update.values()) < 40  # a few ms each; generous for a shared 2-core machine


def test_a_short_vertical_axis_spaces_its_labels_readably(qtbot):
    from playground.ui.graphics.items import MIN_LABEL_PX, OpaqueAxis, _nice_at_least

    axis = OpaqueAxis("left")
    major = axis.tickSpacing(0.0, 1.0, 60.0)[0][0]  # a 60 px tall loss axis
    assert major * 60.0 >= MIN_LABEL_PX and major in (0.5, 1.0)
    assert axis.tickSpacing(0.0, 1.0, 400.0)[0][0] == pytest.approx(0.2)  # tall: unchanged
    assert [_nice_at_least(x) for x in (0.3, 2.0, 0.07)] == [0.5, 2.0, 0.1]
