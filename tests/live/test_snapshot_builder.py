"""build_snapshot: shapes, read-only arrays, decision maps per task, no-map cases."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.analysis.grid import plane_extent
from playground.core.data import datasets
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer
from playground.live.snapshot import LEVELS
from playground.live.snapshot_builder import build_snapshot

HIDDEN = (LayerSpec(5, "tanh"), LayerSpec(3, "relu"))


def trainer_for(name: str, classes: int | None = 2, hidden=HIDDEN):
    data = datasets.generate(name, 120, 0.0, 0, classes, 0.5)
    spec = network_spec(data, hidden)
    return Trainer(spec, data, TrainConfig())


def test_binary_snapshot_holds_every_layer_on_the_grid_read_only():
    t = trainer_for("xor")
    t.step(30)
    snap = build_snapshot(t, run_id=4, res=20, running=True)
    assert (snap.run_id, snap.step, snap.running) == (4, 30, True)
    assert [m.shape for m in snap.neuron_maps] == [(5, 20, 20), (3, 20, 20), (1, 20, 20)]
    assert all(m.dtype == np.uint8 for m in snap.neuron_maps)
    assert snap.neuron_levels[0] == (-1.0, 1.0) and snap.neuron_levels[2] == (0.0, 1.0)
    assert snap.output_map.shape == (20, 20) and snap.class_map is None
    assert 0.0 <= snap.output_map.min() and snap.output_map.max() <= 1.0
    assert len(snap.layer_stats) == 2 and snap.layer_stats[0].active_fraction.shape == (5,)
    assert snap.layer_stats[0].z_counts.sum() == 60 * 5  # every z of the 60 training points
    for a in (*snap.neuron_maps, snap.output_map, *snap.weights):
        assert not a.flags.writeable
    t.step(30)  # the snapshot is a copy: training on does not change it
    assert snap.step == 30 and not np.array_equal(snap.weights[0], t.network.weights[0])


def test_output_map_matches_the_network_at_a_grid_point():
    t = trainer_for("circle")
    snap = build_snapshot(t, 0, res=11)
    x0, x1, y0, y1 = snap.extent
    i, j = 3, 7  # row i = y, column j = x
    point = np.array([[x0 + j * (x1 - x0) / 10, y0 + i * (y1 - y0) / 10]])
    assert snap.output_map[i, j] == pytest.approx(t.outputs(point)[0, 0], abs=1e-4)
    # the neuron codes stand for the output to within one colour step
    lo, hi = snap.neuron_levels[-1]
    assert snap.neuron_values(-1)[0, i, j] == pytest.approx(
        t.outputs(point)[0, 0], abs=(hi - lo) / LEVELS
    )


def test_multiclass_has_a_winner_map_and_regression_1d_has_curves():
    snap = build_snapshot(trainer_for("spiral", classes=3), 0, res=16)
    assert snap.class_map.shape == (16, 16) and snap.class_map.dtype == np.int8
    assert set(np.unique(snap.class_map)) <= {0, 1, 2}
    sine = build_snapshot(trainer_for("sine"), 0, res=16)
    assert sine.neuron_maps[-1].shape == (1, 16) and sine.output_map.shape == (16,)
    x0, x1, y0, y1 = sine.extent
    assert x0 < sine.data.X.min() and x1 > sine.data.X.max() and y0 < -0.9 and y1 > 0.9


def test_iris_has_no_maps_and_empty_data_still_builds():
    iris = build_snapshot(trainer_for("iris", classes=None), 0, res=16)
    assert iris.neuron_maps is None and iris.output_map is None
    t = trainer_for("xor")
    empty = t.data.remove_point(0)
    for _ in range(empty.n):
        empty = empty.remove_point(0)
    t.set_data(empty)
    snap = build_snapshot(t, 0, res=8)
    assert snap.train_loss is None and snap.layer_stats[0].z_counts.sum() == 0
    assert plane_extent(empty) == (-6.0, 6.0, -6.0, 6.0)


def test_neuron_maps_cover_the_square_in_a_wide_plane_and_the_decision_map_all_of_it():
    from playground.core.analysis.grid import grid_eval, output_eval

    t = trainer_for("xor")
    t.step(30)
    plane = (-12.0, 12.0, -6.0, 6.0)  # a wide canvas
    snap = build_snapshot(t, run_id=1, res=20, extent=plane)
    assert snap.extent == plane and snap.neuron_extent == (-6.0, 6.0, -6.0, 6.0)
    expected = grid_eval(t.network, t.config.features, snap.neuron_extent, 20)
    lo, hi = snap.neuron_levels[0]
    step = (hi - lo) / LEVELS
    np.testing.assert_allclose(snap.neuron_values(0), expected[0], atol=step)  # quantized
    out = output_eval(t.network, t.config.features, plane, 20)[0]
    np.testing.assert_allclose(snap.output_map, out, atol=1e-6)


def test_quantize_clips_to_the_codes_and_maps_nan_and_infinities_to_the_ends():
    from playground.live.snapshot import quantize

    v = np.array([np.nan, -np.inf, np.inf, -1.0, 0.0, 0.5, 0.999, 2.0], np.float32)
    codes = quantize(v, 0.0, 1.0)
    assert codes.dtype == np.uint8 and not codes.flags.writeable
    assert codes.tolist() == [0, 0, 255, 0, 0, 128, 255, 255]
    assert quantize(v, 1.0, 1.0).tolist() == [0] * 8  # a constant map: every code 0


def test_the_running_decision_map_keeps_full_resolution_for_small_nets_and_a_budget_for_big():
    from playground.core.nn.spec import parse_layers
    from playground.live.snapshot_builder import (
        ACTIVATION_MACS,
        MIN_RUNNING_RES,
        RUNNING_MACS,
        running_res,
    )

    data = datasets.generate("circle", 50, 0.0, 0, 2, 0.5)

    def spec(layers: str):
        return network_spec(data, parse_layers(layers))

    assert running_res(spec("8:tanh,8:tanh"), 200) == 200
    assert running_res(spec(",".join(["64:tanh"] * 10)), 200) == MIN_RUNNING_RES
    for layers in ("8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh", "32:tanh,32:tanh,32:tanh,32:tanh"):
        s = spec(layers)
        res = running_res(s, 200)
        sizes = s.sizes
        per_pixel = sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + ACTIVATION_MACS * sum(
            sizes[1:]
        )
        assert MIN_RUNNING_RES <= res < 200 and res * res * per_pixel <= RUNNING_MACS
        assert (res + 1) ** 2 * per_pixel > RUNNING_MACS  # as fine as the budget allows
