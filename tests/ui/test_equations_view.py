"""EquationsView: builds, writes the shapes and numbers of the payload it is given (checked
against Network's own pass), follows m and network edits through the session, and says why
when there are no training points."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from view_runs import trainer_for

from playground.core.nn import losses
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import Trainer
from playground.live import insights
from playground.live.commands import InsightRequest
from playground.live.snapshot_builder import build_snapshot
from playground.ui.views.equations_html import number
from playground.ui.views.equations_view import EquationsView


def _snapshot(trainer, batch=None):
    request = InsightRequest(frozenset({"equations"}), batch=batch)
    return build_snapshot(
        trainer, 1, res=20, insights=insights.build(trainer, request, ["equations"])
    )


@pytest.fixture
def view(qtbot):
    v = EquationsView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _plain(v: EquationsView) -> str:
    return v.text.toPlainText().replace("\xa0", " ")


def test_writes_m_the_shapes_and_each_layers_g(view):
    t = trainer_for("binary")  # 2 inputs, 4 tanh, 2 tanh, 1 sigmoid; batch size 10
    t.train_epochs(1)
    view.show_snapshot(_snapshot(t))
    text = _plain(view)
    assert not view.empty.isVisible() and view.text.isVisible()
    assert "m = 10" in text
    assert "Z[1] = W[1]·A[0] + b[1]" in text
    assert "(4 × 10) = (4 × 2)·(2 × 10) + (4 × 1)" in text
    assert "(2 × 10) = (2 × 4)·(4 × 10) + (2 × 1)" in text
    assert "dZ[1] = W[2]T·dZ[2] ∘ g′[1](Z[1])" in text
    assert "(4 × 2) = (1/m)·(4 × 10)·(10 × 2)" in text
    assert "dZ[3] = A[3] − Y" in text
    assert "g[1] = Tanh" in text and "g′[1](z) = 1 − tanh²(z)" in text
    assert "g[3] = Sigmoid" in text
    assert "✓" in text


def test_small_layers_show_the_numbers_of_network_backward(view):
    t = trainer_for("binary")
    t.train_epochs(1)
    view.show_snapshot(_snapshot(t, batch=3))
    text = _plain(view)
    assert "m = 3" in text
    train = np.flatnonzero(~t.data.is_test)[:3]
    net = t.network.copy(np.float64)
    X, Y = t.inputs[train].astype(np.float64), t.targets[train].astype(np.float64)
    trace = net.forward(X)
    z, a = trace.zs[-1], trace.acts[-1]
    grads = net.backward(trace, losses.get(t.loss_name).delta(z, a, Y, "sigmoid"))
    shown = [
        number(v)
        for v in np.concatenate(
            [
                trace.zs[0].ravel(),
                trace.acts[2].ravel(),
                grads[0][0].ravel(),
                grads[2][0].ravel(),
                grads[1][1],
                (a - Y).ravel(),
                X.ravel(),
            ]
        )
    ]
    missing = [s for s in shown if s not in text]
    assert not missing


def test_survives_adding_and_removing_layers_and_wide_layers_lose_their_numbers(view):
    for hidden in (
        (LayerSpec(3, "relu"),),
        (LayerSpec(3, "relu"), LayerSpec(8, "elu"), LayerSpec(2, "tanh")),
        (),
    ):
        t = trainer_for("binary", hidden=hidden)
        view.show_snapshot(_snapshot(t, batch=2))
        text = _plain(view)
        L = len(hidden) + 1
        assert f"Layer {L} (output)" in text and f"Layer {L + 1} " not in text
        assert "✓" in text
    assert "dZ[1] = A[1] − Y" in text  # no hidden layer: the output layer is layer 1


def test_without_training_points_the_empty_state_says_why(view):
    t = trainer_for("binary")
    empty = Trainer(t.spec, replace(t.data, is_test=np.ones(t.data.n, bool)), t.config)
    view.show_snapshot(_snapshot(empty))
    assert view.empty.isVisible() and not view.text.isVisible()
    assert "training points" in view.empty.text()
    view.show_snapshot(_snapshot(t))
    assert not view.empty.isVisible() and "m = 10" in _plain(view)


def _shown(qtbot, window, needle: str) -> EquationsView:
    view = window.insights.views["equations"]
    window.session.sync()
    qtbot.waitUntil(lambda: needle in _plain(view), timeout=5000)
    return view


def test_the_spin_box_asks_the_session_for_m_and_layer_edits_follow(qtbot, window):
    s = window.session
    window.insights.open("equations")
    view = _shown(qtbot, window, "m = 10")
    assert view.m_spin.value() == 10 and not view.follow.isEnabled()
    view.m_spin.setValue(3)
    assert s.view.equations_m == 3 and s.insight_request().batch == 3
    _shown(qtbot, window, "m = 3")
    assert view.follow.isEnabled()
    s.set_hidden((*s.project.hidden, LayerSpec(3, "relu")))
    _shown(qtbot, window, "Layer 4 (output)")
    s.set_hidden(s.project.hidden[:1])
    _shown(qtbot, window, "Layer 2 (output)")
    assert "Layer 3" not in _plain(view)
    view.follow.click()
    assert s.view.equations_m == 0 and s.insight_request().batch is None
    _shown(qtbot, window, "m = 10")
    assert view.m_spin.value() == 10
    s.set_config(batch_size=7)
    assert view.m_spin.value() == 7
    _shown(qtbot, window, "m = 7")


def test_a_head_that_is_not_its_losss_own_writes_da_and_its_slope(view):
    t = trainer_for("sine", hidden=(LayerSpec(3, "tanh"),))  # linear head, mse
    t.set_config(replace(t.config, regularization="l2", reg_rate=0.01))
    view.show_snapshot(_snapshot(t, batch=2))
    text = _plain(view)
    assert "dA[2] = 2·(A[2] − Y)" in text and "dZ[2] = dA[2] ∘ g′[2](Z[2])" in text
    assert "the head's slope scales the error" in text
    assert "L2 regularization gradient (λ = 0.01)" in text
    train = np.flatnonzero(~t.data.is_test)[:2]
    a = t.network.copy(np.float64).predict(t.inputs[train].astype(np.float64))
    da = 2 * (a - t.targets[train])  # m·∂J/∂A for mean((a − y)²) over m points, 1 output
    assert all(number(v) in text for v in da.ravel())


def test_new_numbers_keep_the_place_the_reader_scrolled_to(view):
    t = trainer_for("binary")
    view.show_snapshot(_snapshot(t, batch=3))
    bar = view.text.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    before = (bar.value(), _plain(view))
    t.step(20)
    view.show_snapshot(_snapshot(t, batch=3))
    assert _plain(view) != before[1] and bar.value() == before[0]
