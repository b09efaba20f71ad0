"""core.analysis against the network it describes: collapse, stats, grids, regions, maps."""

import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.analysis import affine, collapse, grid, hidden, units
from playground.core.nn import initializers
from playground.core.nn.network import Network
from playground.core.nn.spec import NetworkSpec, parse_layers

XY = ("x1", "x2")
EXTENT = (-6.0, 6.0, -6.0, 6.0)


def _net(layers: str, n_in=2, n_out=1, head="sigmoid", init="he", seed=0, dtype=np.float64):
    net = Network(NetworkSpec(n_in, parse_layers(layers), n_out, head), dtype)
    initializers.initialize(net, init, seed)
    rng = np.random.default_rng(seed + 100)
    for b in net.biases:
        b[...] = rng.normal(0.0, 0.5, b.shape)
    return net


def _inputs(n=64, d=2, seed=0):
    return np.random.default_rng(seed).uniform(-6, 6, (n, d))


# ------------------------------------------------------------------ collapse
def test_linear_stack_collapses_to_the_product_of_its_weights():
    net = _net("5:linear,4:linear", head="softmax", n_out=3)
    result = collapse.collapse(net)
    assert result.collapsible and result.runs == [(0, 2)]
    (w1, b1), (w2, b2), (w3, b3) = net.get_params()
    np.testing.assert_allclose(result.W, w3 @ w2 @ w1)
    np.testing.assert_allclose(result.b, w3 @ w2 @ b1 + w3 @ b2 + b3)
    assert result.max_abs_diff <= 1e-9


def test_collapse_is_exact_for_a_float32_network_too():
    net = _net("6:linear,6:linear,6:linear", dtype=np.float32)
    assert collapse.collapse(net).max_abs_diff <= 1e-9


def test_non_linear_layers_split_the_runs_and_block_the_collapse():
    net = _net("3:linear,4:tanh,2:linear,2:linear,3:relu")
    result = collapse.collapse(net)
    assert not result.collapsible and result.W is None and np.isnan(result.max_abs_diff)
    assert result.runs == [(0, 1), (2, 4), (5, 5)]
    W, b = collapse.run_map(net, 2, 4)  # layers 2..4 act as one affine map on tanh outputs
    h = hidden.hidden_representation(net, _inputs(), 1)
    a = h
    for k in (2, 3, 4):
        a = a @ net.weights[k].T + net.biases[k]
    np.testing.assert_allclose(a, h @ W.T + b, atol=1e-12)
    with pytest.raises(ValueError, match="not joined by linear"):
        collapse.run_map(net, 0, 2)


def test_network_without_hidden_layers_is_one_collapsible_run():
    result = collapse.collapse(_net("none"))
    assert result.collapsible and result.runs == [(0, 0)] and result.max_abs_diff == 0.0


# ------------------------------------------------------------------ statistics and gradients
def test_unit_stats_find_dead_relus_and_saturated_sigmoids():
    net = _net("3:relu,2:sigmoid,2:leaky_relu=0.1")
    net.biases[0][0] = -1e3  # unit 0 of layer 0: z < 0 on every input → dead
    net.weights[1][:] = 0.0
    net.biases[1][:] = [0.0, 30.0]  # sigmoid units: z = 0 (slope ¼) and z = 30 (saturated)
    X = _inputs(200)
    Y = (X[:, :1] > 0).astype(float)
    stats = units.unit_stats(net, X, Y, "bce")
    assert len(stats) == 3
    assert stats[0].dead.tolist()[0] and stats[0].active_fraction[0] == 0.0
    assert not stats[0].dead[1:].any()
    assert stats[1].saturated[1] and not stats[1].saturated[0]
    assert not stats[2].dead.any()  # leaky units never die
    assert [s.grad_norm for s in stats] == pytest.approx(units.grad_norms(net, X, Y, "bce")[:3])
    assert all(s.grad_norm == 0.0 for s in units.unit_stats(net, X))


def test_step_units_are_dead_only_when_their_output_never_changes():
    net = _net("3:step")
    net.biases[0][:] = [50.0, -50.0, 0.0]
    net.weights[0][:2] = 0.01  # units 0 and 1 never switch; unit 2 does
    stats = units.unit_stats(net, _inputs(100))[0]
    assert stats.dead.tolist() == [True, True, False]
    assert stats.active_fraction[0] == 1.0 and stats.active_fraction[1] == 0.0
    assert not stats.saturated.any()


def test_grad_norms_are_frobenius_norms_of_the_weight_gradients():
    net = _net("4:tanh,3:elu", n_out=2, head="linear")
    X, Y = _inputs(30), np.random.default_rng(1).normal(size=(30, 2))
    norms = units.grad_norms(net, X, Y, "mse")
    grads = units.layer_grads(net, X, Y, "mse")
    assert len(norms) == 3
    assert norms == pytest.approx([np.sqrt((gw**2).sum()) for gw, _ in grads])


# ------------------------------------------------------------------ grids
def test_grid_is_row_major_with_rows_along_y():
    xs, ys, points = grid.grid((-1, 1, -2, 2), 5)
    assert points.shape == (25, 2)
    assert tuple(points[1]) == (xs[1], ys[0]) and tuple(points[5]) == (xs[0], ys[1])


def test_grid_eval_matches_the_network_at_every_pixel_and_layer():
    net = _net("8:tanh,6:relu,5:swish", n_in=3, n_out=3, head="softmax")
    res = 17
    maps = grid.grid_eval(net, ("x1", "x2", "x1x2"), EXTENT, res)
    _, _, points = grid.grid(EXTENT, res)
    trace = net.forward(np.column_stack([points, points[:, 0] * points[:, 1]]))
    assert [m.shape for m in maps] == [(8, res, res), (6, res, res), (5, res, res), (3, res, res)]
    for m, a in zip(maps, trace.acts[1:], strict=True):
        assert m.dtype == np.float32
        np.testing.assert_allclose(m.reshape(len(m), -1), a.T, rtol=1e-4, atol=1e-4)


def test_grid_eval_on_one_dimensional_data_gives_curves():
    net = _net("5:sigmoid", n_in=1, head="linear")
    maps = grid.grid_eval(net, XY, (-6, 6, -1, 1), 50, dim=1)
    assert [m.shape for m in maps] == [(5, 50), (1, 50)]
    expected = net.forward(np.linspace(-6, 6, 50)[:, None]).output[:, 0]
    np.testing.assert_allclose(maps[-1][0], expected, atol=1e-5)


def test_grid_eval_of_a_100_by_100_grid_through_six_tanh_layers_is_fast():
    # Budget 1 ms (measured ≈0.33 ms); the test allows slack for a shared 2-core machine.
    net = _net(",".join(["8:tanh"] * 6))
    grid.grid_eval(net, XY, EXTENT, 100)
    times = []
    for _ in range(30):
        start = time.perf_counter()
        grid.grid_eval(net, XY, EXTENT, 100)
        times.append(time.perf_counter() - start)
    assert min(times) < 3e-3


def test_decision_maps_pick_probability_or_winner():
    probs = np.random.default_rng(0).dirichlet(np.ones(3), (4, 4)).transpose(2, 0, 1)
    conf, winner = grid.decision_maps(probs, "multiclass")
    assert winner.dtype == np.int8 and np.array_equal(winner, probs.argmax(axis=0))
    np.testing.assert_array_equal(conf, probs.max(axis=0))
    single, none = grid.decision_maps(probs[:1], "binary")
    assert none is None and single.shape == (4, 4)


# ------------------------------------------------------------------ regions and local maps
@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    layers=st.sampled_from(
        ["6:relu", "5:relu,4:relu", "4:leaky_relu=0.2,3:linear,3:relu", "3:step,4:relu", "none"]
    ),
)
def test_local_affine_map_reproduces_the_network_inside_the_region(seed, layers):
    net = _net(layers, n_out=2, head="softmax", seed=seed)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-6, 6, 2)
    A, c = affine.local_affine_map(net, x)
    assert A.shape == (2, 2) and c.shape == (2,)
    region = affine.region_patterns(net, x[None]).patterns[0]
    for step in (0.0, 1e-3, 1e-2):  # nearby points in the same region obey the same map
        x2 = x + step * rng.normal(size=2)
        if np.array_equal(affine.region_patterns(net, x2[None]).patterns[0], region):
            np.testing.assert_allclose(net.forward(x2[None]).zs[-1][0], A @ x2 + c, atol=1e-9)


def test_local_affine_map_refuses_smooth_activations():
    with pytest.raises(ValueError, match="not piecewise linear"):
        affine.local_affine_map(_net("3:tanh"), np.zeros(2))


def test_regions_of_relu_nets_linear_nets_and_tanh_nets():
    relu = affine.activation_regions(_net("6:relu,4:relu"), XY, EXTENT, 60)
    assert relu.count > 1 and relu.labels.shape == (60, 60) and relu.labels.dtype == np.int32
    assert relu.patterns.shape == (relu.count, 10)
    assert set(np.unique(relu.labels)) == set(range(relu.count))
    linear = affine.activation_regions(_net("6:linear,3:linear"), XY, EXTENT, 60)
    assert linear.count == 1 and not linear.labels.any()
    smooth = affine.activation_regions(_net("6:relu,3:tanh"), XY, EXTENT, 60)
    assert smooth.count is None and not smooth.applicable


def test_one_relu_layer_has_at_most_the_line_arrangement_bound_of_regions():
    # k lines cut the plane into at most 1 + k + k(k−1)/2 pieces
    for k in (1, 2, 3, 5):
        result = affine.activation_regions(_net(f"{k}:relu", seed=k), XY, EXTENT, 80)
        assert 1 <= result.count <= 1 + k + k * (k - 1) // 2


# ------------------------------------------------------------------ hidden space
def test_hidden_representation_is_the_layer_activation_and_projection_is_2d():
    net = _net("5:tanh,3:relu,1:sigmoid")
    X = _inputs(40)
    trace = net.forward(X)
    for layer in range(3):
        np.testing.assert_allclose(
            hidden.hidden_representation(net, X, layer), trace.acts[layer + 1]
        )
    with pytest.raises(ValueError, match="hidden layer index"):
        hidden.hidden_representation(net, X, 3)
    space = hidden.hidden_space(net, X, XY, EXTENT, 0, pca=True)
    proj = space.points
    assert proj.shape == (40, 2) and space.pca and space.axes == ("PC1", "PC2")
    centred = trace.acts[1] - trace.acts[1].mean(axis=0)  # PCA keeps the top-2 variance
    top2 = np.sort(np.linalg.svd(centred, compute_uv=False))[-2:] ** 2
    np.testing.assert_allclose(np.sort((proj**2).sum(axis=0)), top2)
    padded = hidden.hidden_space(net, X, XY, EXTENT, 2)
    assert padded.units == (0,) and np.all(padded.points[:, 1] == 0)
