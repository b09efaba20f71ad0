"""The "regions" insight payload: the exact partition over the plane the window shows."""

from __future__ import annotations

import numpy as np

from playground.core.analysis import regions
from playground.core.nn.spec import LayerSpec
from playground.live import insights
from playground.live.commands import InsightRequest
from tests.ui.view_runs import trainer_for

RELU = (LayerSpec(6, "relu"), LayerSpec(4, "relu"))


def test_the_payload_is_the_exact_partition_of_the_requested_plane():
    t = trainer_for("binary", hidden=RELU)
    t.train_epochs(2)
    plane = (-3.0, 5.0, -2.0, 2.0)
    payload = insights.build(t, InsightRequest(frozenset({"regions"}), extent=plane), ["regions"])[
        "regions"
    ]
    assert isinstance(payload, insights.RegionsPayload) and payload.seconds >= 0
    result = payload.regions
    assert result.extent == plane and result.count > 1
    expected = regions.linear_regions(t.network, plane, task=t.data.task)
    assert result.count == expected.count
    np.testing.assert_allclose(result.areas().sum(), 8.0 * 4.0, rtol=1e-9)
    # each polygon's map reproduces the network's output pre-activation at its inside point
    inside = result.interior_points()
    z = t.network.forward_logits(inside)
    np.testing.assert_allclose(
        np.einsum("pkd,pd->pk", result.A, inside) + result.c, z, rtol=1e-4, atol=1e-4
    )


def test_a_curved_activation_says_why_in_one_line():
    t = trainer_for("binary", hidden=(LayerSpec(4, "relu"), LayerSpec(3, "tanh")))
    payload = insights.build(t, InsightRequest(frozenset({"regions"})), ["regions"])["regions"]
    assert isinstance(payload, insights.NotApplicable)
    assert payload.code == "regions_smooth_activation"
    assert payload.params["layer"] == 2 and payload.params["activation"] == "Tanh"


def test_too_many_regions_are_reported_not_drawn(monkeypatch):
    monkeypatch.setattr(insights, "LIVE_MAX_POLYGONS", 3)
    t = trainer_for("binary", hidden=RELU)
    payload = insights.build(t, InsightRequest(frozenset({"regions"})), ["regions"])["regions"]
    assert payload.regions.too_many and payload.limit == 3
