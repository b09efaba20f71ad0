"""Lesson checks: each measured number equals an independent computation on the same trainer,
the gates (after_epochs, after_steps) hold a check back, and bad specs name the field."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.errors import Invalid
from playground.core.lessons import checks
from playground.core.lessons.measures import keras_model_lines, project_of
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import TrainConfig, parse_layers
from playground.core.nn.trainer import Trainer


def _trainer(name="xor", layers="4:tanh,3:tanh", steps=0, n=160, **config) -> Trainer:
    data = datasets.generate(name, n=n, seed=1)
    t = Trainer(
        network_spec(data, parse_layers(layers), config.get("features", ("x1", "x2"))),
        data,
        TrainConfig(**config),
    )
    t.step(steps)
    return t


def _judge(trainer, d: dict) -> checks.CheckResult:
    return checks.evaluate(trainer, checks.check_spec(d))


def _forward(trainer, X):
    """Hidden activations and the output of the network, written out with numpy."""
    a, acts = X.astype(np.float64), []
    net = trainer.network
    for w, b, layer in zip(net.weights[:-1], net.biases[:-1], trainer.spec.hidden):
        z = a @ w.T.astype(np.float64) + b
        a = {
            "tanh": np.tanh,
            "relu": lambda v: np.maximum(v, 0),
            "linear": lambda v: v,
            "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
        }[layer.activation](z)
        acts.append((z, a))
    out = a @ net.weights[-1].T.astype(np.float64) + net.biases[-1]
    return acts, out


def test_accuracy_and_loss_are_those_of_the_test_points():
    t = _trainer(steps=300)
    test = t.data.is_test
    _, z = _forward(t, t.inputs[test])
    p = 1 / (1 + np.exp(-z[:, 0]))
    y = t.data.y[test]
    got = _judge(t, {"check": "accuracy_at_least", "value": 0.5}).measured
    assert got["accuracy"] == pytest.approx(np.mean((p > 0.5) == y))
    bce = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert _judge(t, {"check": "loss_at_most", "value": 9.0}).measured["loss"] == pytest.approx(
        bce, rel=1e-4
    )
    train = _judge(t, {"check": "accuracy_at_least", "value": 0.5, "on": "train"}).measured
    _, z = _forward(t, t.inputs[~test])
    assert train["accuracy"] == pytest.approx(np.mean((z[:, 0] > 0) == t.data.y[~test]))


def test_thresholds_and_gates():
    t = _trainer(steps=40)  # 160 points, 80 for training, batch 10: 5 epochs
    acc = _judge(t, {"check": "accuracy_at_least", "value": 0.0}).measured["accuracy"]
    assert _judge(t, {"check": "accuracy_at_least", "value": acc}).held
    assert not _judge(t, {"check": "accuracy_at_most", "value": max(0.0, acc - 0.01)}).held
    assert _judge(t, {"check": "accuracy_at_least", "value": 0.0, "after_epochs": 5}).held
    late = _judge(t, {"check": "accuracy_at_least", "value": 0.0, "after_epochs": 6})
    assert not late.held and late.measured["epoch"] == 5
    assert not _judge(t, {"check": "accuracy_at_least", "value": 0.0, "after_steps": 41}).held


def test_collapse_single_map_holds_for_linear_layers_only():
    linear = _judge(
        _trainer(layers="4:linear,3:linear", steps=50), {"check": "collapse_single_map"}
    )
    assert linear.held and linear.measured["whole"] and linear.measured["max_abs_diff"] < 1e-12
    bent = _judge(_trainer(layers="4:linear,3:tanh", steps=50), {"check": "collapse_single_map"})
    assert not bent.held and bent.measured["bends"] == 1


def test_hidden_line_accuracy_is_the_output_line_in_the_last_hidden_layer():
    t = _trainer(name="band", layers="2:tanh", steps=400, optimizer="adam", learning_rate=0.1)
    train = ~t.data.is_test
    acts, _ = _forward(t, t.inputs[train])
    h = acts[-1][1]
    w, b = t.network.weights[-1][0].astype(np.float64), float(t.network.biases[-1][0])
    expected = np.mean((h @ w + b > 0) == t.data.y[train])
    got = _judge(t, {"check": "hidden_separable", "value": 0.5}).measured
    assert got["units"] == 2 and got["line_accuracy"] == pytest.approx(expected)


def test_graded_share_counts_outputs_strictly_between_low_and_high():
    t = _trainer(layers="5:sigmoid", steps=100)
    acts, _ = _forward(t, t.inputs[~t.data.is_test])
    a = acts[0][1]
    got = _judge(t, {"check": "graded_share_at_least", "value": 0.0}).measured["graded_share"]
    assert got == pytest.approx(np.mean((a > 0.05) & (a < 0.95)))
    step = _judge(_trainer(layers="5:step"), {"check": "graded_share_at_most", "value": 0.0})
    assert step.held and step.measured["graded_share"] == 0.0


def test_bias_change_is_measured_from_the_initial_biases():
    t = _trainer(name="circle", steps=300)
    start = [b for _, b in t.initial_params()]
    assert all(np.all(b == 0) for b in start)  # the app starts every bias at 0
    change = max(float(np.max(np.abs(b - b0))) for (_, b), b0 in zip(t.network.get_params(), start))
    got = _judge(t, {"check": "biases_learned", "value": 0.01}).measured
    assert got["bias_change"] == pytest.approx(change) and change > 0


def test_keras_input_shape_is_written_once():
    t = _trainer(layers="6:tanh,3:relu", features=("x1", "x2", "x1sq"))
    lines = keras_model_lines(project_of(t))
    assert sum("keras.Input(shape=(3,))" in line for line in lines) == 1
    got = _judge(t, {"check": "keras_input_once", "inputs": 3})
    assert got.held and got.measured["dense_layers"] == 3 == got.measured["layers"]
    assert got.measured["shape_written"] == "(3,)"
    assert not _judge(t, {"check": "keras_input_once", "inputs": 2}).held


def test_batch_shapes_follow_the_batch_size():
    t = _trainer(batch_size=7)
    got = _judge(t, {"check": "batch_shapes", "m": 7})
    assert got.held and got.measured["z_shapes"] == [[4, 7], [3, 7], [1, 7]]
    assert not _judge(t, {"check": "batch_shapes", "m": 8}).held
    big = _trainer(batch_size=500)  # more than the 80 training points: m = 80
    assert _judge(big, {"check": "batch_shapes", "m": 80}).measured["m"] == 80


def test_activation_slopes_are_the_analytic_derivatives():
    sig = _judge(
        _trainer(layers="3:sigmoid"), {"check": "activation_slopes", "max_at_most": 0.2501}
    )
    assert sig.held and sig.measured["max_slope"] == pytest.approx(0.25)
    s6 = 1 / (1 + np.exp(-6.0))
    assert sig.measured["min_slope"] == pytest.approx(s6 * (1 - s6))
    leaky = _judge(
        _trainer(layers="3:leaky_relu=0.2"), {"check": "activation_slopes", "min_at_least": 0.1}
    )
    assert leaky.held and leaky.measured["min_slope"] == pytest.approx(0.2)
    relu = _judge(_trainer(layers="3:relu"), {"check": "activation_slopes", "min_at_least": 0.1})
    assert not relu.held and relu.measured["min_slope"] == 0.0


def test_units_identical_only_from_equal_starting_weights():
    zeros = _trainer(
        name="circle",
        layers="4:sigmoid,3:sigmoid",
        steps=200,
        initializer="zeros",
        optimizer="adam",
    )
    got = _judge(zeros, {"check": "units_identical"})
    assert got.held and got.measured["max_weight"] > 0.1
    for w in zeros.network.weights[:-1]:
        assert np.ptp(w, axis=0).max() == got.measured["max_spread"] == 0.0
    assert not _judge(_trainer(layers="4:sigmoid"), {"check": "units_identical"}).held


def test_grad_ratio_is_the_median_of_the_last_recorded_norms():
    t = _trainer(layers="4:sigmoid,4:sigmoid,4:sigmoid", steps=300)
    final = t.grad_history.data().final[-10:]  # (records, layers)
    expected = np.median(final[:, 0]) / np.median(final[:, -1])
    got = _judge(t, {"check": "grad_ratio_at_most", "value": 1.0}).measured
    assert got["ratio"] == pytest.approx(expected)
    none = _judge(_trainer(steps=0), {"check": "grad_ratio_at_most", "value": 1.0})
    assert not none.held and none.measured["ratio"] is None  # nothing recorded yet


def test_dead_share_counts_units_off_on_every_training_point():
    t = _trainer(name="circle", layers="8:relu,8:relu", steps=200, learning_rate=3.0)
    acts, _ = _forward(t, t.inputs[~t.data.is_test])
    dead = np.concatenate([(z <= 0).all(axis=0) for z, _ in acts])
    got = _judge(t, {"check": "dead_share_at_least", "value": 0.0}).measured
    assert got["dead"] == int(dead.sum()) and got["units"] == 16
    assert got["dead_share"] == pytest.approx(dead.mean())


def test_a_check_that_does_not_apply_says_so_and_does_not_hold():
    t = _trainer(layers="none")
    got = _judge(t, {"check": "dead_share_at_most", "value": 1.0})
    assert not got.held and got.measured["applies"] is False


@pytest.mark.parametrize(
    ("spec", "field"),
    [
        ({"check": "accuracy_above"}, "check"),
        ({"check": "accuracy_at_most"}, "check.value"),
        ({"check": "accuracy_at_most", "value": 1.5}, "check.value"),
        ({"check": "accuracy_at_most", "value": 0.5, "after_epochs": -1}, "check.after_epochs"),
        ({"check": "accuracy_at_most", "value": 0.5, "on": "both"}, "check.on"),
        ({"check": "units_identical", "value": 0.5}, "check.value"),
        ([1, 2], "check"),
    ],
)
def test_a_bad_check_spec_names_the_field(spec, field):
    with pytest.raises(Invalid) as e:
        checks.check_spec(spec)
    assert e.value.field == field


def test_measured_numbers_are_json_safe():
    got = _judge(_trainer(), {"check": "grad_ratio_at_most", "value": 1.0}).measured
    assert got["first"] is None and isinstance(got["epoch"], int)


def test_region_count_is_the_exact_count_and_a_grid_never_sees_more():
    from playground.core.analysis import affine, grid, regions

    t = _trainer(layers="6:relu", steps=200)
    extent = grid.plane_extent(t.data)
    got = _judge(t, {"check": "regions_at_least", "value": 2}).measured
    exact = regions.linear_regions(t.network, extent, t.config.features, 2).count
    seen = affine.activation_regions(t.network, t.config.features, extent, 300).count
    assert got["regions"] == exact and 2 <= seen <= exact <= 1 + 6 + 15  # 1 + D + D(D − 1)/2
    tanh = _judge(_trainer(layers="6:tanh"), {"check": "regions_at_least", "value": 1})
    assert not tanh.held and tanh.measured["applies"] is False
    linear = _judge(_trainer(layers="6:linear"), {"check": "regions_at_most", "value": 1})
    assert linear.held and linear.measured["regions"] == 1


def test_two_maps_are_the_local_affine_maps_by_finite_differences():
    t = _trainer(name="band", layers="8:relu", steps=400)
    a, b = (0.0, 0.0), (5.0, 5.0)
    got = _judge(t, {"check": "maps_differ", "a": list(a), "b": list(b)}).measured

    def numeric(point, h=1e-4):
        x = np.array(point, np.float64)
        net = t.network.copy(np.float64)
        z = lambda v: net.forward(v[None]).zs[-1][0, 0]  # noqa: E731 - pre-head output
        grad = [(z(x + h * e) - z(x - h * e)) / (2 * h) for e in np.eye(2)]
        return [*grad, z(x) - float(np.dot(grad, x))]

    np.testing.assert_allclose(got["map_a"], numeric(a), atol=1e-6)
    np.testing.assert_allclose(got["map_b"], numeric(b), atol=1e-6)
    assert got["differ"] is True
    same = _judge(
        _trainer(name="band", layers="8:linear", steps=50),
        {"check": "maps_differ", "a": list(a), "b": list(b)},
    )
    assert not same.held and same.measured["map_a"] == same.measured["map_b"]
