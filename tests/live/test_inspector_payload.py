"""The "inspector" insight payload: the forward pass at the requested point, computed by the
loop when subscribed, again whenever the point moves, and on every snapshot while running."""

from __future__ import annotations

import numpy as np
from test_loop import FRAME_S, Recorder, make_project

from playground.core.data.features import transform
from playground.core.errors import MESSAGES, english
from playground.core.nn.trainer import Trainer
from playground.live import commands as c
from playground.live import insights
from playground.live.snapshot import Hydrator


def _trainer(dataset="xor", classes=2, hidden=((4, "tanh"), (2, "tanh")), features=("x1", "x2")):
    p = make_project(dataset, hidden, n=120, classes=classes, features=features)
    return Trainer(p.spec(), p.data, p.config)


def _request(point):
    return c.InsightRequest(frozenset({"inspector"}), point=point)


def test_without_a_point_the_inspector_says_how_to_choose_one():
    payload = insights.build(_trainer(), _request(None), ["inspector"])["inspector"]
    assert isinstance(payload, insights.NotApplicable) and payload.code in MESSAGES
    assert "Shift+click" in english(payload.code, payload.params)


def test_the_payload_is_the_forward_pass_of_the_point():
    t = _trainer()
    payload = insights.build(t, _request((1.5, -2.0)), ["inspector"])["inspector"]
    assert isinstance(payload, insights.InspectorPayload) and payload.point == (1.5, -2.0)
    fp = payload.forward
    assert fp.x == (1.5, -2.0) and fp.sizes == tuple(t.spec.sizes)
    trace = t.network.forward(transform(np.array([[1.5, -2.0]]), t.config.features))
    for layer, z, a in zip(fp.layers, trace.zs, trace.acts[1:], strict=True):
        np.testing.assert_allclose(layer.z, z[0], rtol=1e-6)
        np.testing.assert_allclose(layer.a, a[0], rtol=1e-6)


def test_one_dimensional_data_reads_x_only_and_wide_data_has_no_plane():
    sine = _trainer("sine", hidden=((3, "tanh"),), features=("x1",))
    fp = insights.build(sine, _request((0.5, 9.0)), ["inspector"])["inspector"].forward
    assert fp.x == (0.5,) and fp.value is not None
    iris = _trainer("iris", classes=3, hidden=((3, "relu"),))
    payload = insights.build(iris, _request((0.5, 0.5)), ["inspector"])["inspector"]
    assert payload.code == "inspector_plane_only" and payload.params == {"dim": 4}
    assert "4-D" in english(payload.code, payload.params)


def test_the_loop_recomputes_it_when_the_point_moves_and_at_its_rate_while_running():
    r = Recorder()
    r.loop.post(1, c.Subscribe(_request((1.0, 1.0))))
    r.loop.iterate()
    assert r.snaps[-1].insights["inspector"].point == (1.0, 1.0)
    r.loop.post(2, c.Subscribe(_request((-2.0, 0.5))))
    r.loop.iterate()
    assert r.snaps[-1].insights["inspector"].point == (-2.0, 0.5)
    r.loop.post(3, c.Run(True))
    r.run_for(1.0)
    running = [s for s in r.snaps if s.running]
    fresh = {id(s.insights["inspector"]) for s in running if "inspector" in (s.insights or {})}
    assert len(running) >= 20  # frames at ~30 Hz, the numbers at ~10 Hz
    every = insights.every("inspector")  # the first frame after `every` s refreshes it
    assert 1.0 / (every + FRAME_S) - 1 <= len(fresh) <= 1.0 / every + 1
    r.loop.post(4, c.Run(False))
    r.loop.iterate()
    hydrate = Hydrator()  # the GUI keeps the last payload of each view
    last = [hydrate(s) for s in r.snaps][-1]
    assert not last.running and last.step == r.loop.trainer.step_count > 0
    out = r.loop.trainer.network.forward(np.array([[-2.0, 0.5]])).output[0]
    np.testing.assert_allclose(last.insights["inspector"].forward.output, out, rtol=1e-6)


def test_unsubscribed_it_is_not_computed():
    r = Recorder()
    r.loop.post(1, c.Subscribe(c.InsightRequest(frozenset(), point=(1.0, 1.0))))
    r.loop.iterate()
    assert "inspector" not in (r.snaps[-1].insights or {})
