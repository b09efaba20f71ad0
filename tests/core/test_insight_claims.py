"""Hidden space and linear collapse against independent computations, and the claims they show:
a linear layer keeps the plane's grid straight, tanh makes XOR separable by one line in hidden
space, a stack of linear layers is the product of its matrices — also in the middle of a net."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.analysis import collapse, hidden
from playground.core.data import datasets
from playground.core.nn import initializers
from playground.core.nn.heads import network_spec
from playground.core.nn.network import Network
from playground.core.nn.spec import NetworkSpec, TrainConfig, parse_layers
from playground.core.nn.trainer import Trainer

XY = ("x1", "x2")
EXTENT = (-6.0, 6.0, -6.0, 6.0)


def _net(layers: str, seed: int = 0, n_out: int = 1, head: str = "sigmoid") -> Network:
    net = Network(NetworkSpec(2, parse_layers(layers), n_out, head), np.float64)
    initializers.initialize(net, "he", seed)
    for b in net.biases:
        b[...] = np.random.default_rng(seed).normal(0, 0.5, b.shape)
    return net


def test_hidden_coordinates_are_the_forward_pass_at_that_layer():
    net = _net("5:tanh,3:relu,2:sigmoid")
    X = np.random.default_rng(1).uniform(-6, 6, (30, 2))
    trace = net.forward(X)
    for layer in range(3):
        for stage, values in (("z", trace.zs[layer]), ("a", trace.acts[layer + 1])):
            space = hidden.hidden_space(net, X, XY, EXTENT, layer, (0, 1), stage=stage)
            np.testing.assert_allclose(space.points, values[:, :2], atol=1e-12)
    pair = hidden.hidden_space(net, X, XY, EXTENT, 0, (3, 1))
    np.testing.assert_allclose(pair.points, trace.acts[1][:, [3, 1]], atol=1e-12)
    assert pair.axes == ("n4", "n2")


def _collinear(line: np.ndarray) -> float:
    """Largest distance of a polyline's points from the line through its end points."""
    p, q = line[0], line[-1]
    d = (q - p) / np.linalg.norm(q - p)
    rel = line - p
    return float(np.max(np.abs(rel[:, 0] * d[1] - rel[:, 1] * d[0])))


def test_a_linear_layer_keeps_the_grid_straight_and_tanh_bends_it():
    straight = hidden.hidden_space(_net("4:linear,3:linear"), np.zeros((0, 2)), XY, EXTENT, 1)
    assert max(_collinear(line) for line in straight.lines) < 1e-9
    bent = hidden.hidden_space(_net("4:tanh"), np.zeros((0, 2)), XY, EXTENT, 0)
    assert max(_collinear(line) for line in bent.lines) > 0.05


def test_after_tanh_one_straight_line_separates_xor_in_hidden_space():
    data = datasets.generate("xor", 300, 0.0, 0, 2, 0.0)
    hidden_layers = parse_layers("8:tanh,2:tanh")
    t = Trainer(network_spec(data, hidden_layers), data, TrainConfig(learning_rate=0.1))
    t.train_epochs(60)
    assert t.evaluate().train_accuracy >= 0.97
    space = hidden.hidden_space(t.network, data.X, XY, EXTENT, 1)
    assert space.boundary is not None
    p, q = space.boundary
    normal = np.array([q[1] - p[1], p[0] - q[0]])
    side = (space.points - p) @ normal > 0
    agree = np.mean(side == (data.y == 1))
    assert max(agree, 1 - agree) >= 0.97  # one line in hidden space splits the classes
    w, b = t.network.weights[-1][0], t.network.biases[-1][0]
    on_line = space.boundary @ w + b
    np.testing.assert_allclose(on_line, 0.0, atol=1e-9)  # it is where z_out = 0, p = ½


def test_no_decision_line_where_the_output_reads_more_than_the_shown_units():
    net = _net("4:tanh,3:tanh")
    X = np.random.default_rng(0).uniform(-6, 6, (20, 2))
    assert hidden.hidden_space(net, X, XY, EXTENT, 1, (0, 1)).boundary is None
    assert hidden.hidden_space(net, X, XY, EXTENT, 1, pca=True).boundary is None


@pytest.mark.parametrize(
    "layers, runs",
    [
        ("5:linear,4:linear", [(0, 2)]),
        ("3:tanh,4:linear,4:linear,2:relu", [(1, 3)]),
        ("3:relu,4:linear,2:linear", [(1, 3)]),
    ],
)
def test_every_run_of_linear_layers_is_the_product_of_its_matrices(layers, runs):
    net = _net(layers, n_out=3, head="softmax")
    X = np.random.default_rng(2).uniform(-6, 6, (50, 2))
    report = collapse.collapse_report(net, X)
    assert [(r.first, r.last) for r in report.runs] == runs
    trace = net.forward(X)
    for run in report.runs:
        W, b = net.weights[run.first], net.biases[run.first]
        for k in range(run.first + 1, run.last + 1):
            W, b = net.weights[k] @ W, net.weights[k] @ b + net.biases[k]
        np.testing.assert_allclose(run.W, W, atol=1e-12)
        np.testing.assert_allclose(run.b, b, atol=1e-12)
        single = trace.acts[run.first] @ run.W.T + run.b
        np.testing.assert_allclose(single, trace.zs[run.last], atol=1e-9)
        assert run.max_abs_diff <= 1e-9
    assert report.whole == (runs == [(0, 2)])


def test_formulas_name_the_actual_layers_and_bends_are_listed():
    report = collapse.collapse_report(_net("3:tanh,4:linear,4:linear,2:relu"), np.zeros((1, 2)))
    (run,) = report.runs
    assert run.formula_W == "W = W₄·W₃·W₂"
    assert run.formula_b == "b = W₄·W₃·b₂ + W₄·b₃ + b₄"
    assert report.bends == (0, 3) and not report.whole


def test_the_single_map_on_the_plane_draws_the_networks_own_boundary():
    data = datasets.generate("gauss", 200, 0.0, 0, 2, 0.0)
    t = Trainer(network_spec(data, parse_layers("4:linear,3:linear")), data, TrainConfig())
    t.train_epochs(5)
    report = collapse.collapse_report(t.network, t.inputs)
    z = collapse.single_map_on_grid(report, XY, EXTENT, 40)
    from playground.core.analysis.grid import grid_points

    net_z = t.network.copy(np.float64).forward_logits(grid_points(EXTENT, 40))[:, 0]
    np.testing.assert_allclose(z.ravel(), net_z, atol=1e-4)  # float32 training weights
