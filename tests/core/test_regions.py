"""Exact linear regions against the network they describe: certificates on random networks,
counts of hand-built ones, every degenerate case, the decision boundary."""

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.analysis import affine, regions
from playground.core.analysis.regions_check import certify
from playground.core.errors import Invalid
from playground.core.nn import initializers
from playground.core.nn.metrics import predict_classes
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec

BOX = (-1.0, 1.0, -1.0, 1.0)


def _network(hidden, n_out=1, head="sigmoid", seed=0, bias=0.5, dtype=np.float64):
    """He-initialized network; biases N(0, bias²) (bias 0: every line through the origin)."""
    layers = tuple(h if isinstance(h, LayerSpec) else LayerSpec(*h) for h in hidden)
    net = Network(NetworkSpec(2, layers, n_out, head), dtype)
    initializers.initialize(net, "he", seed)
    rng = np.random.default_rng(seed + 1)
    for b in net.biases:
        b[...] = rng.normal(0.0, bias, b.shape) if bias else 0.0
    return net


def _lines(W, b, head="sigmoid", activation="relu", param=None, out_w=None, out_b=0.0):
    """One hidden layer whose unit u has the line W[u]·x + b[u] = 0; output Σ out_w·a + out_b."""
    W = np.asarray(W, dtype=np.float64)
    net = Network(NetworkSpec(2, (LayerSpec(len(W), activation, param),), 1, head))
    net.weights[0][...] = W
    net.biases[0][...] = b
    net.weights[1][...] = np.ones(len(W)) if out_w is None else out_w
    net.biases[1][...] = out_b
    return net


def _general_lines(D, seed):
    """D lines whose pairwise crossings all lie within radius ~10 of the origin: directions
    spread over a half turn, offsets below 1."""
    rng = np.random.default_rng(seed)
    angle = (np.arange(D) + rng.uniform(0.1, 0.9, D)) * math.pi / D
    normal = np.column_stack([np.cos(angle), np.sin(angle)])
    return normal * rng.uniform(0.5, 2.0, (D, 1)), rng.uniform(-1.0, 1.0, D)


def _assert_certified(net, result, probes=600):
    failed = [(c.name, c.detail) for c in certify(net, result, probes=probes) if not c.passed]
    assert not failed, failed


# ------------------------------------------------------------------ certificates, random nets
ACTIVATIONS = [("relu", None), ("leaky_relu", 0.1), ("step", 0.3), ("linear", None)]
HEADS = [(1, "sigmoid"), (1, "tanh"), (1, "linear"), (3, "softmax")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    widths=st.lists(st.integers(1, 12), min_size=0, max_size=4),
    acts=st.lists(st.sampled_from(ACTIVATIONS), min_size=4, max_size=4),
    head=st.sampled_from(HEADS),
    seed=st.integers(0, 10_000),
    bias=st.sampled_from([0.0, 0.3, 1.0]),
)
def test_random_networks_pass_every_certificate(widths, acts, head, seed, bias):
    hidden = [(w, a, p) for w, (a, p) in zip(widths, acts)]
    net = _network(hidden, head[0], head[1], seed, bias)
    result = regions.linear_regions(net, (-2.0, 1.5, -1.0, 2.5))
    assert result.applicable and not result.too_many and result.count >= 1
    _assert_certified(net, result)


def test_the_certificates_catch_a_corrupted_result():
    net = _network([(8, "relu"), (8, "relu")], seed=2)
    good = regions.linear_regions(net, BOX)
    assert len(good.boundary) > 0

    def failing(**changes):
        result = dataclasses.replace(good, **changes)
        return {c.name for c in certify(net, result, probes=1000) if not c.passed}

    rest = slice(1, None)
    assert {"area", "one_polygon"} <= failing(
        vertices=good.vertices[rest],
        vertex_counts=good.vertex_counts[rest],
        patterns=good.patterns[rest],
        A=good.A[rest],
        c=good.c[rest],
    )
    flipped = good.patterns.copy()
    flipped[:, -1] ^= 1
    assert {"patterns", "unique"} >= failing(patterns=flipped) >= {"patterns"}
    assert failing(c=good.c + 1e-6) == {"affine_maps"}
    assert failing(vertices=good.vertices[:, ::-1]) >= {"area", "convex"}  # clockwise
    no_boundary = np.zeros((0, 2, 2)), np.zeros((0, 2), np.int64)
    assert failing(boundary=no_boundary[0], boundary_classes=no_boundary[1]) == {"boundary_cuts"}
    assert failing(boundary_classes=good.boundary_classes[:, ::-1]) == {"boundary_sides"}


def test_a_wide_relu_network_passes_every_certificate():
    for bias in (0.0, 0.5):
        net = _network([(64, "relu"), (64, "relu")], bias=bias)
        _assert_certified(net, regions.linear_regions(net, BOX), probes=2000)


def test_every_pattern_the_grid_sees_is_a_polygon_and_the_grid_misses_some():
    net = _network([(32, "relu")] * 3, seed=3)
    exact = regions.linear_regions(net, BOX)
    sampled = affine.activation_regions(net, ("x1", "x2"), BOX, 200)
    polygon_patterns = {p.tobytes() for p in exact.patterns}
    assert {p.tobytes() for p in sampled.patterns} <= polygon_patterns
    assert exact.count > sampled.count


# ------------------------------------------------------------------ known counts
@settings(max_examples=25, deadline=None)
@given(D=st.integers(1, 14), seed=st.integers(0, 10_000))
def test_lines_in_general_position_make_1_plus_d_plus_d_choose_2_regions(D, seed):
    W, b = _general_lines(D, seed)
    for activation, param in (("relu", None), ("leaky_relu", 0.2), ("step", 0.0)):
        net = _lines(W, b, activation=activation, param=param)
        result = regions.linear_regions(net, (-100.0, 100.0, -100.0, 100.0))
        assert result.count == 1 + D + D * (D - 1) // 2


def test_leaky_relu_splits_the_plane_like_relu_with_the_same_weights():
    W, b = _general_lines(9, 4)
    relu = regions.linear_regions(_lines(W, b), BOX)
    leaky = regions.linear_regions(_lines(W, b, activation="leaky_relu", param=0.1), BOX)
    assert relu.count == leaky.count
    order = np.lexsort(relu.patterns.T), np.lexsort(leaky.patterns.T)
    np.testing.assert_array_equal(relu.patterns[order[0]], leaky.patterns[order[1]])
    np.testing.assert_allclose(relu.areas()[order[0]], leaky.areas()[order[1]], rtol=1e-12)


def test_linear_layers_make_one_region_with_the_collapsed_map():
    net = _network([(5, "linear"), (3, "linear")], n_out=2, head="softmax")
    result = regions.linear_regions(net, BOX)
    assert result.count == 1 and result.patterns.shape == (1, 0) and result.units == ()
    (w1, b1), (w2, b2), (w3, b3) = net.get_params()
    np.testing.assert_allclose(result.A[0], w3 @ w2 @ w1, atol=1e-12)
    np.testing.assert_allclose(result.c[0], w3 @ (w2 @ b1 + b2) + b3, atol=1e-12)


def test_no_hidden_layer_is_one_region_mapped_by_the_output_layer():
    net = _network([], n_out=3, head="softmax")
    result = regions.linear_regions(net, BOX)
    assert result.count == 1
    np.testing.assert_allclose(result.A[0], net.weights[0])
    np.testing.assert_allclose(result.polygon(0), [[-1, -1], [1, -1], [1, 1], [-1, 1]])


def test_lines_through_the_origin_cut_it_into_two_sectors_each():
    angles = np.linspace(0.1, math.pi - 0.1, 7)
    W = np.column_stack([np.cos(angles), np.sin(angles)])
    result = regions.linear_regions(_lines(W, np.zeros(7)), BOX)
    assert result.count == 14
    assert result.distinct_vertices() == 1 + 14 + 4  # the origin, a point per ray, the corners


def test_he_initialized_relu_layers_make_sectors_of_the_origin():
    net = _network([(8, "relu")] * 6, bias=0.0)
    result = regions.linear_regions(net, BOX)
    on_origin = np.isclose(np.abs(result.vertices).sum(axis=2), 0.0, atol=1e-12).any(axis=1)
    assert on_origin.all()  # zero biases: every region is a sector with its apex at the origin
    _assert_certified(net, result)


def test_a_repeated_unit_cuts_once():
    W, b = [[1.0, 2.0], [1.0, 2.0], [2.0, 4.0]], [0.3, 0.3, 0.6]  # three times the same line
    result = regions.linear_regions(_lines(W, b), BOX)
    assert result.count == 2
    assert sorted(map(tuple, result.patterns)) == [(0, 0, 0), (1, 1, 1)]


def test_dead_constant_and_missing_units_do_not_cut():
    W = [[1.0, 0.0], [0.0, 0.0], [0.0, 0.0], [1.0, 1.0], [0.0, 1.0]]
    b = [0.0, 0.0, 1.0, -5.0, 3.0]  # a cut; z ≡ 0; z ≡ 1; a line beyond the box; z > 0 on it
    result = regions.linear_regions(_lines(W, b), BOX)
    assert result.count == 2
    np.testing.assert_array_equal(result.patterns[:, 1:], [[0, 1, 0, 1], [0, 1, 0, 1]])
    np.testing.assert_allclose(np.sort(result.areas()), [2.0, 2.0])


def test_a_line_through_two_corners_and_regions_meeting_at_a_point():
    diagonal = regions.linear_regions(_lines([[1.0, -1.0]], [0.0]), BOX)
    assert diagonal.count == 2 and (diagonal.vertex_counts == 3).all()
    cross = regions.linear_regions(_lines([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0]), BOX)
    assert cross.count == 4 and (cross.vertex_counts == 4).all()
    quadrant = cross.locate([[0.5, 0.5], [-0.5, -0.5]])
    shared = {tuple(v) for v in cross.polygon(quadrant[0])} & {
        tuple(v) for v in cross.polygon(quadrant[1])
    }
    assert shared == {(0.0, 0.0)}  # opposite quadrants touch at the origin only


def test_a_step_unit_cuts_at_its_threshold():
    result = regions.linear_regions(_lines([[1.0, 0.0]], [0.0], activation="step", param=0.25), BOX)
    assert result.count == 2
    left = result.locate([[-0.5, 0.0]])[0]
    np.testing.assert_allclose(result.areas()[left], 1.25 * 2)
    np.testing.assert_allclose(result.polygon(left)[:, 0].max(), 0.25)


def test_too_many_regions_stop_at_the_cap():
    net = _network([(64, "relu"), (64, "relu")], bias=0.5)
    result = regions.linear_regions(net, BOX, max_polygons=200)
    assert result.too_many and result.count is None and result.reached > 200
    assert result.vertices.shape[0] == 0 and len(result.boundary) == 0


def test_a_float32_network_gives_the_float64_result():
    net = _network([(16, "relu"), (8, "relu")], dtype=np.float32)
    single = regions.linear_regions(net, BOX)
    double = regions.linear_regions(net.copy(np.float64), BOX)
    assert single.count == double.count
    np.testing.assert_array_equal(single.vertices, double.vertices)


def test_results_are_read_only():
    result = regions.linear_regions(_network([(4, "relu")]), BOX)
    for array in (result.vertices, result.patterns, result.A, result.c, result.boundary):
        with pytest.raises(ValueError):
            array[...] = 0


# ------------------------------------------------------------------ decision boundary
@pytest.mark.parametrize(
    ("head", "tau"), [("sigmoid", 0.0), ("tanh", math.atanh(0.5)), ("linear", 0.5)]
)
def test_one_output_is_class_1_where_the_head_passes_one_half(head, tau):
    """The app's rule (Trainer.predict_classes: output > ½) for every head."""
    net = _lines([[1.0, 0.0]], [0.0], head=head, out_b=-0.2)  # z_out = relu(x) − 0.2
    result = regions.linear_regions(net, BOX)
    assert result.decision.kind == "level" and result.decision.level == pytest.approx(tau)
    x = 0.2 + tau
    np.testing.assert_allclose(result.boundary, [[[x, -1.0], [x, 1.0]]], atol=1e-9)
    assert result.boundary_classes.tolist() == [[0, 1]]
    sides = np.array([[x - 1e-6, 0.0], [x + 1e-6, 0.0]])
    assert predict_classes(net.predict(sides), "binary").tolist() == [0, 1]


def test_regression_has_no_boundary():
    net = _lines([[1.0, 0.0]], [0.0], head="linear", out_b=-0.5)
    result = regions.linear_regions(net, BOX, task="regression")
    assert result.decision.kind == "none" and len(result.boundary) == 0


def test_softmax_boundary_is_where_the_top_two_logits_tie():
    net = Network(NetworkSpec(2, (), 3, "softmax"))
    angles = np.array([0.0, 2.0, 4.0]) * math.pi / 3
    net.weights[0][...] = np.column_stack([np.cos(angles), np.sin(angles)])
    result = regions.linear_regions(net, BOX)
    assert len(result.boundary) == 3  # three rays from the origin, one per pair of classes
    starts = result.boundary.reshape(-1, 2)
    assert np.isclose(np.abs(starts).sum(axis=1), 0.0, atol=1e-12).sum() == 3
    assert sorted(map(tuple, result.boundary_classes)) == [(0, 1), (0, 2), (1, 2)]
    _assert_certified(net, result)


def test_a_boundary_along_a_region_edge_is_found_once():
    # z_out = relu(x): exactly 0 (class 0) on x ≤ 0, positive beyond: the edge x = 0 is it
    result = regions.linear_regions(_lines([[1.0, 0.0]], [0.0]), BOX)
    np.testing.assert_allclose(result.boundary, [[[0.0, -1.0], [0.0, 1.0]]], atol=1e-12)
    step = regions.linear_regions(
        _lines([[1.0, 0.0]], [0.0], activation="step", out_w=[-1.0], out_b=0.5), BOX
    )
    np.testing.assert_allclose(np.sort(step.boundary[:, :, 1], axis=1), [[-1.0, 1.0]])
    assert step.boundary_classes.tolist() == [[0, 1]]


# ------------------------------------------------------------------ not applicable, bad input
def test_smooth_activations_features_and_dimension_are_reported_as_codes():
    tanh = _network([(4, "relu"), (3, "tanh")])
    result = regions.linear_regions(tanh, BOX)
    assert result.count is None and result.inapplicable == regions.Inapplicable(
        "smooth_activation", {"layer": 2, "activation": "tanh"}
    )
    three = Network(NetworkSpec(3, (LayerSpec(4, "relu"),), 1, "sigmoid"))
    assert regions.inapplicable(three, ("x1", "x2", "x1sq")).code == "features"
    assert regions.inapplicable(_network([(4, "relu")]), ("x2", "x1")).code == "features"
    assert regions.inapplicable(_network([(4, "relu")]), ("x1",), dim=1).code == "dimension"
    assert regions.inapplicable(_network([(4, "relu")])) is None


@pytest.mark.parametrize(
    ("extent", "field"),
    [
        ((0.0, 0.0, -1.0, 1.0), "extent.width"),
        ((-1.0, 1.0, 2.0, 1.0), "extent.height"),
        ((0.0, math.nan, 0.0, 1.0), "extent[1]"),
        ((0.0, 1.0, 0.0), "extent"),
        ((0.0, 1e9, 0.0, 1.0), "extent[1]"),
    ],
)
def test_a_degenerate_or_malformed_rectangle_is_invalid(extent, field):
    with pytest.raises(Invalid) as e:
        regions.linear_regions(_network([(3, "relu")]), extent)
    assert e.value.field == field
