"""The "gradients" insight payload: what it carries, how often it comes while training, what it
says without training points, and how it follows a structural edit."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from playground.core.analysis import flow
from playground.core.errors import MESSAGES
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import GRAD_EVERY
from playground.live import commands as c
from playground.live import insights
from tests.live.test_loop import Recorder, make_project

GRADIENTS = c.InsightRequest(views=frozenset({"gradients"}))


def _payloads(r: Recorder) -> list:
    return [s.insights["gradients"] for s in r.snaps if s.insights and "gradients" in s.insights]


def test_the_payload_is_the_recorded_history_and_the_flow_on_the_training_points():
    r = Recorder(hidden=((5, "tanh"), (3, "sigmoid")))
    r.loop.post(1, c.Subscribe(GRADIENTS))
    r.loop.post(2, c.TrainSteps(7 * GRAD_EVERY + 5))
    r.loop.iterate()
    payload = _payloads(r)[-1]
    t = r.loop.trainer
    assert isinstance(payload, insights.GradientsPayload) and payload.every == GRAD_EVERY
    assert payload.norms == t.grad_history.data()  # 7 buckets: nothing compacted
    assert list(payload.norms.step) == [GRAD_EVERY * k for k in range(1, 8)]
    np.testing.assert_array_equal(payload.recent, flow.recent_norms(t.grad_history.data()))
    train = ~t.data.is_test
    expected = flow.gradient_flow(t.network, t.inputs[train], t.targets[train], t.loss_name)
    np.testing.assert_allclose(payload.flow.grad_norms, expected.grad_norms, rtol=1e-12)
    for got, want in zip(payload.flow.layers, expected.layers, strict=True):
        np.testing.assert_array_equal(got.gradients.counts, want.gradients.counts)
        np.testing.assert_array_equal(got.activations.counts, want.activations.counts)
    assert payload.flow.n_points == int(train.sum())


def test_while_training_the_payload_comes_at_least_five_times_a_second():
    r = Recorder(hidden=((8, "tanh"),))
    r.loop.post(1, c.Subscribe(GRADIENTS))
    r.loop.post(2, c.Run(True))
    r.run_for(2.0)
    steps = [p.norms.step[-1] for p in _payloads(r) if len(p.norms)]
    assert 2 * 5 <= len(_payloads(r)) <= 2 / insights.PAYLOADS["gradients"].every_s + 3
    assert steps == sorted(steps) and steps[-1] > steps[0]  # the curves grow


def test_without_training_points_the_view_says_why():
    p = make_project()
    data = p.data.with_split(0.0)
    empty = data.__class__(data.X[:0], data.y[:0], data.task, data.n_classes, name="empty")
    r = Recorder(replace(p, data=empty))
    r.loop.post(1, c.Subscribe(GRADIENTS))
    r.loop.iterate()
    payload = _payloads(r)[-1]
    assert isinstance(payload, insights.NotApplicable)
    assert payload.code == "gradients_no_points" and payload.code in MESSAGES


def test_an_inserted_layer_starts_empty_and_the_kept_layers_keep_their_curves():
    p = make_project(hidden=((4, "tanh"), (3, "tanh")))
    r = Recorder(p)
    r.loop.post(1, c.Subscribe(GRADIENTS))
    r.loop.post(2, c.TrainSteps(3 * GRAD_EVERY))
    r.loop.iterate()
    before = _payloads(r)[-1].norms
    hidden = (LayerSpec(4, "tanh"), LayerSpec(6, "relu"), LayerSpec(3, "tanh"))
    r.loop.post(3, c.Load(replace(p, hidden=hidden).spec(), p.data, p.config, run_id=2))
    r.loop.post(4, c.TrainSteps(GRAD_EVERY))
    r.loop.iterate()
    after = _payloads(r)[-1].norms
    assert after.metrics == ("W1", "W2", "W3", "W4") and len(after) == 4
    np.testing.assert_array_equal(after.final[:3, 0], before.final[:, 0])  # layer 1: same W
    assert np.isnan(after.final[:3, 1:3]).all()  # the new layer and the re-shaped one
    np.testing.assert_array_equal(after.final[:3, 3], before.final[:, 2])  # the output layer
    assert np.isfinite(after.final[3]).all()
