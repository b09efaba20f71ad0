"""Layer equations against an actual pass: the shapes written equal those of a forward and
backward pass on the m-batch; the numbers shown are Network.backward's, satisfy the equations
they stand in, and match finite differences of the loss."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.analysis import equations
from playground.core.nn import activations, losses
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec

H = 1e-6
# (loss, head, outputs): every pair the app offers; bce over 3 outputs and mse need their scale
PAIRS = [
    ("bce", "sigmoid", 1),
    ("bce", "sigmoid", 3),
    ("ce", "softmax", 3),
    ("mse", "linear", 1),
    ("mse", "linear", 2),
    ("mse", "tanh", 2),
    ("mse", "sigmoid", 1),
]


def _targets(loss: str, m: int, k: int, rng) -> np.ndarray:
    if loss == "ce":
        return np.eye(k)[rng.integers(0, k, m)]
    if loss == "bce":
        return rng.integers(0, 2, (m, k)).astype(float)
    return rng.normal(size=(m, k))


def _net(hidden, n_in: int, k: int, head: str, seed: int = 0) -> Network:
    spec = NetworkSpec(n_in, tuple(LayerSpec(u, a, p) for u, a, p in hidden), k, head)
    net = Network(spec)
    net.theta[...] = np.random.default_rng(seed).normal(0.0, 0.8, net.theta.size)
    return net


def _batch(loss: str, m: int, n_in: int, k: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(m, n_in)), _targets(loss, m, k, rng)


def _terms(eq: equations.Equations) -> list[equations.Term]:
    found = [eq.inputs, eq.targets]
    for layer in eq.layers:
        for e in layer.forward + layer.backward:
            found.append(e.lhs)
            found += [t for t in e.rhs if isinstance(t, equations.Term)]
    return found


def _reference_shapes(net: Network, loss: str, X, Y) -> dict[str, tuple[int, int]]:
    """Every matrix name's shape in the column layout, from Network's own pass (row layout)."""
    trace = net.forward(X)
    z, a = trace.zs[-1], trace.acts[-1]
    grads = net.backward(trace, losses.get(loss).delta(z, a, Y, net.spec.output))
    shapes = {"A[0]": trace.acts[0].T.shape, "Y": Y.T.shape, f"dA[{net.n_layers}]": a.T.shape}
    for i, (w, (dw, db)) in enumerate(zip(net.weights, grads, strict=True)):
        l, z_t = i + 1, trace.zs[i].T.shape
        shapes.update(
            {
                f"W[{l}]": w.shape,
                f"W[{l}]ᵀ": w.T.shape,
                f"b[{l}]": (len(net.biases[i]), 1),
                f"Z[{l}]": z_t,
                f"A[{l}]": trace.acts[l].T.shape,
                f"A[{l}]ᵀ": trace.acts[l].shape,
                f"dZ[{l}]": z_t,
                f"g′[{l}](Z[{l}])": z_t,
                f"dW[{l}]": dw.shape,
                f"db[{l}]": (len(db), 1),
            }
        )
    shapes["A[0]ᵀ"] = trace.acts[0].shape
    return shapes


@pytest.mark.parametrize(("loss", "head", "k"), PAIRS)
@pytest.mark.parametrize("m", [1, 3, 10])
def test_every_shape_written_is_that_of_a_forward_and_backward_pass(loss, head, k, m):
    net = _net([(5, "tanh", None), (3, "relu", None)], 2, k, head)
    X, Y = _batch(loss, m, 2, k)
    eq = equations.layer_equations(net, loss, X, Y, 10, 50)
    assert eq.m == m and eq.shapes_match
    reference = _reference_shapes(net, loss, X, Y)
    terms = _terms(eq)
    assert {t.name for t in terms} <= set(reference)
    for t in terms:
        assert t.shape == reference[t.name], t.name
    assert [layer.units for layer in eq.layers] == [5, 3, k]
    assert eq.layers[0].forward[0].lhs.shape == (5, m)  # Z[1] (n_1 × m)


def test_a_wide_layer_gets_shapes_but_no_numbers():
    net = _net([(8, "tanh", None), (2, "tanh", None)], 2, 1, "sigmoid")
    X, Y = _batch("bce", 4, 2, 1)
    eq = equations.layer_equations(net, "bce", X, Y, 10, 50)
    wide, small, out = eq.layers
    assert not wide.numbers and small.numbers and out.numbers
    assert all(
        t.value is None
        for e in wide.forward + wide.backward
        for t in (e.lhs, *e.rhs)
        if isinstance(t, equations.Term)
    )
    z2 = small.forward[0]
    assert z2.lhs.value is not None and z2.rhs[2].value is None  # A[1] is 8 × 4: too big
    eq10 = equations.layer_equations(net, "bce", *_batch("bce", 10, 2, 1), 10, 50)
    assert not any(layer.numbers for layer in eq10.layers)  # m > 4: shapes only


def _values(layer: equations.LayerEquations) -> dict[str, np.ndarray]:
    out = {}
    for e in layer.forward + layer.backward:
        for t in (e.lhs, *e.rhs):
            if isinstance(t, equations.Term) and t.value is not None:
                out[t.name] = t.value
    return out


def _loss_of(net: Network, loss: str, X, Y) -> float:
    z = net.forward(X).zs[-1]
    return losses.get(loss).value(z, activations.get(net.spec.output)(z), Y)


@pytest.mark.parametrize(("loss", "head", "k"), [p for p in PAIRS if p[2] <= 3])
def test_the_numbers_are_network_backward_and_finite_differences_of_the_loss(loss, head, k):
    net = _net([(3, "tanh", None), (2, "leaky_relu", 0.2)], 2, k, head, seed=k)
    X, Y = _batch(loss, 4, 2, k, seed=k + 5)
    eq = equations.layer_equations(net, loss, X, Y, 10, 50)
    trace = net.forward(X)
    z, a = trace.zs[-1], trace.acts[-1]
    grads = net.backward(trace, losses.get(loss).delta(z, a, Y, head))
    for i, layer in enumerate(eq.layers):
        v = _values(layer)
        l = i + 1
        np.testing.assert_allclose(v[f"dW[{l}]"], grads[i][0], rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(v[f"db[{l}]"][:, 0], grads[i][1], rtol=1e-12, atol=1e-14)
        for name, block, col in (
            (f"dW[{l}]", net.weights[i], None),
            (f"db[{l}]", net.biases[i], 0),
        ):
            numeric = np.zeros(block.shape)
            for idx in np.ndindex(block.shape):
                keep = block[idx]
                block[idx] = keep + H
                up = _loss_of(net, loss, X, Y)
                block[idx] = keep - H
                down = _loss_of(net, loss, X, Y)
                block[idx] = keep
                numeric[idx] = (up - down) / (2 * H)
            shown = v[name] if col is None else v[name][:, col]
            np.testing.assert_allclose(shown, numeric, rtol=1e-5, atol=1e-7, err_msg=name)


def _g(layer, z):
    """g applied to Z (units, m): one sample per column (softmax normalizes each column)."""
    act = activations.get(layer.activation)
    return act.value(z.T, act.resolve_param(layer.param)).T


@pytest.mark.parametrize(("loss", "head", "k"), [p for p in PAIRS if p[2] <= 3])
def test_the_numbers_shown_satisfy_the_equations_they_stand_in(loss, head, k):
    net = _net([(2, "elu", 0.7), (3, "sigmoid", None)], 3, k, head, seed=2 * k)
    X, Y = _batch(loss, 3, 3, k, seed=k)
    eq = equations.layer_equations(net, loss, X, Y, 10, 50)
    m = eq.m
    np.testing.assert_array_equal(eq.inputs.value, X.T)  # A[0] = X, one sample per column
    np.testing.assert_array_equal(eq.targets.value, Y.T)
    values = [_values(layer) for layer in eq.layers]
    specs = net.spec.layers
    for i, v in enumerate(values):
        l = i + 1
        a_prev = eq.inputs.value if i == 0 else values[i - 1][f"A[{i}]"]
        np.testing.assert_allclose(v[f"Z[{l}]"], v[f"W[{l}]"] @ a_prev + v[f"b[{l}]"], rtol=1e-12)
        np.testing.assert_allclose(v[f"A[{l}]"], _g(specs[i], v[f"Z[{l}]"]), rtol=1e-12)
        np.testing.assert_allclose(v[f"dW[{l}]"], v[f"dZ[{l}]"] @ a_prev.T / m, rtol=1e-12)
        np.testing.assert_allclose(
            v[f"db[{l}]"], v[f"dZ[{l}]"].sum(axis=1, keepdims=True) / m, rtol=1e-12
        )
        if l < len(values):
            act = activations.get(specs[i].activation)
            slope = act.grad(v[f"Z[{l}]"], specs[i].param)
            expect = values[i + 1][f"W[{l + 1}]"].T @ values[i + 1][f"dZ[{l + 1}]"] * slope
            np.testing.assert_allclose(v[f"dZ[{l}]"], expect, rtol=1e-12)
            np.testing.assert_allclose(v[f"g′[{l}](Z[{l}])"], slope, rtol=1e-12)
    out, L = values[-1], len(values)
    dz_expected = _evaluate(eq.layers[-1].backward[0].rhs, out)
    if not eq.canonical:
        assert eq.layers[-1].backward[0].lhs.name == f"dA[{L}]"
        head_slope = activations.get(head).grad(out[f"Z[{L}]"])
        dz_expected = dz_expected * head_slope
    np.testing.assert_allclose(out[f"dZ[{L}]"], dz_expected, rtol=1e-10)


def _evaluate(rhs, values) -> np.ndarray:
    """The value of a formula in A[L] and Y written as tokens ("2·(", A, " − ", Y, ")")."""
    names = {}
    text = ""
    for t in rhs:
        if isinstance(t, equations.Term):
            names[f"v{len(names)}"] = values.get(t.name, t.value)
            text += f"v{len(names) - 1}"
        else:
            text += t
    text = text.replace("·", "*").replace("−", "-").replace("∘", "*")
    return eval(text, {}, names)


def test_output_delta_is_a_minus_y_for_the_pairs_that_cancel_and_general_otherwise():
    def dz(loss, head, k):
        net = _net([(2, "tanh", None)], 2, k, head)
        eq = equations.layer_equations(net, loss, *_batch(loss, 2, 2, k), 10, 50)
        return eq, "".join(
            t if isinstance(t, str) else t.name for t in eq.layers[-1].backward[0].rhs
        )

    assert dz("bce", "sigmoid", 1)[1] == "A[2] − Y"
    assert dz("ce", "softmax", 3)[1] == "A[2] − Y"
    assert dz("bce", "sigmoid", 3)[1] == "(1/3)·(A[2] − Y)"
    eq, text = dz("mse", "linear", 1)
    assert not eq.canonical and text == "2·(A[2] − Y)"
    assert (
        "".join(t if isinstance(t, str) else t.name for t in eq.layers[-1].backward[1].rhs)
        == "dA[2] ∘ g′[2](Z[2])"
    )
    assert dz("mse", "tanh", 2)[1] == "A[2] − Y"  # 2/k with k = 2


@pytest.mark.parametrize("loss_name", losses.names())
@pytest.mark.parametrize("k", [1, 3])
def test_each_loss_writes_the_per_sample_gradient_it_computes(loss_name, k):
    loss = losses.get(loss_name)
    rng = np.random.default_rng(k)
    m = 5
    A = rng.uniform(0.05, 0.95, (m, k))
    Y = _targets(loss_name, m, k, rng)
    text = loss.grad_a_formula(k).replace("·", "*").replace("−", "-").replace("∘", "*")
    written = eval(text, {}, {"A": A, "Y": Y})
    np.testing.assert_allclose(written, m * loss.grad_a(A, Y), rtol=1e-12)


def test_layers_name_their_activation_and_its_derivative_from_the_registry():
    net = _net([(2, "leaky_relu", 0.3), (2, "tanh", None)], 2, 1, "sigmoid")
    eq = equations.layer_equations(net, "bce", *_batch("bce", 2, 2, 1), 10, 50)
    leaky, tanh, out = eq.layers
    reg = activations.get("leaky_relu")
    assert (leaky.label, leaky.formula, leaky.derivative_formula) == (
        reg.label,
        reg.formula,
        reg.derivative_formula,
    )
    assert (leaky.param_name, leaky.param) == ("α", 0.3)
    assert tanh.derivative_formula == activations.get("tanh").derivative_formula
    assert tanh.param is None and out.activation == "sigmoid" and eq.head == "sigmoid"


def test_an_empty_batch_is_refused():
    net = _net([(2, "tanh", None)], 2, 1, "sigmoid")
    with pytest.raises(ValueError, match="m ≥ 1"):
        equations.layer_equations(net, "bce", np.zeros((0, 2)), np.zeros((0, 1)), 10, 0)
