"""The "equations" insight payload: m from the request or the batch size, on the first m
training points; the empty state without training points."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from playground.core.analysis.equations import Equations
from playground.core.data import datasets
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer
from playground.live import commands as c
from playground.live import insights
from playground.live.commands import InsightRequest
from playground.live.loop import TrainingLoop


def _trainer(batch: int = 10, data=None) -> Trainer:
    data = datasets.generate("xor", 60, 0.0, 0, 2, 0.5) if data is None else data
    spec = network_spec(data, (LayerSpec(3, "tanh"), LayerSpec(2, "relu")))
    return Trainer(spec, data, TrainConfig(batch_size=batch, dtype="float64"))


def _payload(trainer, batch=None):
    request = InsightRequest(frozenset({"equations"}), batch=batch)
    return insights.build(trainer, request, ["equations"])["equations"]


def test_m_is_the_batch_size_unless_the_request_names_one_and_never_above_the_training_set():
    t = _trainer(batch=10)
    eq = _payload(t)
    assert isinstance(eq, Equations) and (eq.m, eq.batch_size, eq.n_train) == (10, 10, 30)
    assert eq.layers[0].forward[0].lhs.shape == (3, 10)
    assert _payload(t, batch=3).m == 3
    assert _payload(t, batch=500).m == 30
    assert _payload(_trainer(batch=100)).m == 30


def test_the_batch_is_the_first_m_training_points_in_data_order():
    t = _trainer()
    eq = _payload(t, batch=4)
    first = np.flatnonzero(~t.data.is_test)[:4]
    np.testing.assert_array_equal(eq.inputs.value, t.inputs[first].T)
    np.testing.assert_array_equal(eq.targets.value, t.targets[first].T)
    assert eq.loss == t.loss_name and eq.shapes_match


def test_without_training_points_the_view_says_why():
    t = _trainer()
    data = t.data
    all_test = replace(data, is_test=np.ones(data.n, bool))
    result = _payload(_trainer(data=all_test))
    assert isinstance(result, insights.NotApplicable)
    assert result.code == "equations_no_points"


def test_the_loop_rebuilds_the_payload_when_the_configuration_changes():
    data = datasets.generate("xor", 60, 0.0, 0, 2, 0.5)
    spec = network_spec(data, (LayerSpec(3, "tanh"),))
    events = []
    loop = TrainingLoop(c.Load(spec, data, TrainConfig(), run_id=1), events.append, res=8)
    loop.post(1, c.Subscribe(InsightRequest(frozenset({"equations"}))))
    loop.iterate()
    loop.post(2, c.SetConfig(TrainConfig(batch_size=7)))  # paused: no step changes the key
    loop.iterate()
    payloads = [
        e.snapshot.insights.get("equations")
        for e in events
        if isinstance(e, c.SnapshotReady) and e.snapshot.insights
    ]
    assert [p.m for p in payloads] == [10, 7]


def test_shapes_only_payloads_are_reused_while_training_but_follow_every_change():
    t = _trainer(batch=10)
    first = _payload(t)
    t.step(5)
    assert _payload(t) is first  # m = 10 > SMALL: no numbers, nothing the weights change
    assert _payload(t, batch=12).m == 12
    small = _payload(t, batch=3)
    t.step(5)
    again = _payload(t, batch=3)
    assert again is not small  # numbers shown: every build is a fresh pass
    assert not np.array_equal(
        again.layers[0].forward[0].lhs.value, small.layers[0].forward[0].lhs.value
    )
    t.set_config(replace(t.config, batch_size=20))
    assert _payload(t).m == 20
    wider = Trainer(network_spec(t.data, (LayerSpec(5, "tanh"),)), t.data, t.config)
    assert _payload(wider).layers[0].units == 5
