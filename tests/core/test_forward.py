"""core.analysis.forward: one input's numbers against an independent forward pass."""

import math

import numpy as np
import pytest

from playground.core.analysis import forward
from playground.core.nn import initializers
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec, parse_layers

# the oracle's own formulas (not the registry's)
FORMULAS = {
    "tanh": math.tanh,
    "relu": lambda z: max(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z)),
    "linear": lambda z: z,
    "leaky_relu": lambda z: z if z > 0 else 0.01 * z,
}


def _net(layers: str, n_in=2, n_out=1, head="sigmoid", seed=0):
    net = Network(NetworkSpec(n_in, parse_layers(layers), n_out, head))
    initializers.initialize(net, "he", seed)
    rng = np.random.default_rng(seed + 1)
    for b in net.biases:
        b[...] = rng.normal(0.0, 0.5, b.shape)
    return net


def _oracle(net, inputs):
    """[(z, a)] per layer by plain loops over units and inputs."""
    out, a = [], [float(v) for v in inputs]
    for W, b, layer in zip(net.weights, net.biases, net.spec.layers, strict=True):
        z = [sum(W[i, j] * a[j] for j in range(len(a))) + b[i] for i in range(len(b))]
        if layer.activation == "softmax":
            e = [math.exp(v - max(z)) for v in z]
            a = [v / sum(e) for v in e]
        else:
            a = [FORMULAS[layer.activation](v) for v in z]
        out.append((z, a))
    return out


@pytest.mark.parametrize(
    "layers, features, head, n_out",
    [
        ("4:tanh,3:relu", ("x1", "x2"), "sigmoid", 1),
        ("12:leaky_relu,5:sigmoid", ("x1", "x2", "x1sq", "x2sq", "x1x2"), "softmax", 3),
        ("3:linear", ("x1", "x2", "sinx1"), "linear", 1),
    ],
)
def test_z_and_a_of_every_unit_equal_an_independent_forward_pass(layers, features, head, n_out):
    net = _net(layers, len(features), n_out, head)
    x = (1.3, -0.7)
    got = forward.forward_pass(net, x, features, "multiclass" if n_out > 1 else "binary")
    raw = {"x1": 1.3, "x2": -0.7, "x1sq": 1.69, "x2sq": 0.49, "x1x2": -0.91, "sinx1": math.sin(1.3)}
    np.testing.assert_allclose(got.inputs, [raw[f] for f in features], rtol=1e-12)
    expected = _oracle(net, got.inputs)
    assert len(got.layers) == len(expected)
    for layer, (z, a) in zip(got.layers, expected, strict=True):
        np.testing.assert_allclose(layer.z, z, rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(layer.a, a, rtol=1e-10, atol=1e-12)
        for unit, zi, ai in zip(layer.units, z, a, strict=True):
            assert unit.z == pytest.approx(zi, rel=1e-10, abs=1e-12)
            assert unit.a == pytest.approx(ai, rel=1e-10, abs=1e-12)
            # the terms shown, the rest and the bias add up to z
            assert unit.terms.sum() + unit.rest + unit.bias == pytest.approx(zi, abs=1e-10)
    np.testing.assert_allclose(got.output, net.forward(got.inputs[None]).output[0], rtol=1e-12)


def test_a_sigmoid_unit_receiving_half_a_fifth_and_a_tenth_says_0_8_then_0_69():
    net = Network(NetworkSpec(2, (LayerSpec(1, "sigmoid"),), 1, "sigmoid"))
    net.set_params(
        [(np.array([[0.5, 0.4]]), np.array([0.1])), (np.array([[1.0]]), np.array([0.0]))]
    )
    unit = forward.forward_pass(net, (1.0, 0.5), ("x1", "x2"), "binary").layers[0].units[0]
    np.testing.assert_allclose(unit.inputs, [1.0, 0.5])
    np.testing.assert_allclose(unit.weights, [0.5, 0.4])
    np.testing.assert_allclose(unit.terms, [0.5, 0.2])
    assert unit.bias == 0.1 and unit.rest == 0.0 and unit.n_rest == 0
    assert unit.z == pytest.approx(0.8)
    assert unit.a == pytest.approx(1 / (1 + math.exp(-0.8))) and round(unit.a, 2) == 0.69
    assert not unit.off  # a sigmoid is not ON/OFF: 0.69, not 1


def test_a_wide_layer_shows_its_eight_largest_terms_and_sums_the_rest():
    net = _net("20:relu,3:tanh")
    fp = forward.forward_pass(net, (2.0, -1.0), ("x1", "x2"), "binary")
    wide = fp.layers[1]  # reads 20 inputs
    a_in = fp.layers[0].a
    np.testing.assert_allclose(wide.inputs, a_in)
    for i, unit in enumerate(wide.units):
        terms = net.weights[1][i] * a_in
        assert len(unit.sources) == forward.TOP_TERMS and unit.n_rest == 20 - forward.TOP_TERMS
        magnitudes = np.abs(terms[unit.sources])
        assert np.all(np.diff(magnitudes) <= 0)  # largest first
        assert magnitudes.min() >= np.delete(np.abs(terms), unit.sources).max()
        np.testing.assert_allclose(unit.terms, terms[unit.sources])
        np.testing.assert_allclose(unit.weights, net.weights[1][i, unit.sources])
        assert unit.rest == pytest.approx(np.delete(terms, unit.sources).sum())
    narrow = fp.layers[0].units[0]  # reads 2 inputs: all, in input order
    assert list(narrow.sources) == [0, 1] and narrow.n_rest == 0


@pytest.mark.parametrize(
    "activation, param, zs, off",
    [
        ("relu", None, [-1.0, 0.0, 0.5], [True, True, False]),
        ("leaky_relu", 0.1, [-1.0, 0.5], [False, False]),  # a slope α: never off
        ("step", 0.5, [0.2, 0.9], [True, False]),  # 0 below θ; 1 above is flat but not off
        ("linear", None, [-3.0, 3.0], [False, False]),
        ("sigmoid", None, [-30.0, 0.0], [False, False]),  # smooth: never off
    ],
)
def test_off_means_a_flat_zero_piece_of_the_piecewise_form(activation, param, zs, off):
    assert list(forward.off_mask(activation, param, np.array(zs))) == off


def test_relu_units_below_zero_are_off_in_the_pass():
    net = _net("6:relu")
    fp = forward.forward_pass(net, (0.4, 2.5), ("x1", "x2"), "binary")
    layer = fp.layers[0]
    np.testing.assert_array_equal(layer.off, layer.z <= 0)
    assert [u.off for u in layer.units] == list(layer.z <= 0)
    assert np.all(layer.a[layer.off] == 0)


def test_predicted_class_and_value_follow_the_head():
    binary = forward.forward_pass(_net("3:tanh", seed=2), (1.0, 1.0), ("x1", "x2"), "binary")
    assert binary.predicted == int(binary.output[0] > 0.5) and binary.value is None
    net = _net("4:tanh", n_out=4, head="softmax")
    multi = forward.forward_pass(net, (-2.0, 0.5), ("x1", "x2"), "multiclass")
    assert multi.predicted == int(np.argmax(multi.output))
    assert multi.output.sum() == pytest.approx(1.0)
    reg = forward.forward_pass(
        _net("4:relu", n_in=1, head="linear"), (0.7,), ("x1", "x2"), "regression"
    )
    assert reg.predicted is None and reg.value == pytest.approx(reg.layers[-1].z[0])
    assert reg.features == ("x1",) and reg.x == (0.7,)


def test_raw_columns_pass_through_for_data_with_more_than_two_columns():
    net = _net("3:relu", n_in=4, n_out=3, head="softmax")
    fp = forward.forward_pass(net, (5.1, 3.5, 1.4, 0.2), ("x1", "x2"), "multiclass")
    assert fp.features == ("x1", "x2", "x3", "x4") and fp.sizes == (4, 3, 3)
    np.testing.assert_allclose(fp.inputs, [5.1, 3.5, 1.4, 0.2])


def test_inputs_that_do_not_fit_the_network_are_refused():
    with pytest.raises(ValueError, match="inputs"):
        forward.forward_pass(_net("3:relu"), (1.0, 2.0), ("x1", "x2", "x1sq"), "binary")
