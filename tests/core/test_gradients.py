"""Analytic gradients vs central finite differences: losses, whole networks, regularizers."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from playground.core.data import datasets
from playground.core.nn import activations, heads, losses, regularizers
from playground.core.nn.heads import network_spec
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig
from playground.core.nn.trainer import Trainer

H = 1e-6
# (loss, head, n_outputs) pairs the app offers
PAIRS = [
    ("bce", "sigmoid", 1),
    ("bce", "sigmoid", 3),
    ("ce", "softmax", 3),
    ("ce", "softmax", 2),
    ("mse", "linear", 1),
    ("mse", "linear", 2),
    ("mse", "sigmoid", 1),
    ("mse", "tanh", 2),
]
SMOOTH = ["linear", "sigmoid", "tanh", "elu", "gelu", "softplus", "swish"]
KINKED = ["relu", "leaky_relu", "step"]  # checked away from their kinks
KINK_MARGIN = 1e-4


def _targets(loss: str, m: int, k: int, rng) -> np.ndarray:
    if loss == "ce":
        return np.eye(k)[rng.integers(0, k, m)]
    if loss == "bce":
        return rng.integers(0, 2, (m, k)).astype(float)
    return rng.normal(size=(m, k))


def _loss_value(loss, head, z, Y) -> float:
    return loss.value(z, activations.get(head)(z), Y)


@pytest.mark.parametrize(("loss_name", "head", "k"), PAIRS)
def test_loss_gradient_dl_dz_matches_finite_differences(loss_name, head, k):
    rng = np.random.default_rng(k)
    loss = losses.get(loss_name)
    z = rng.normal(size=(7, k)) * 2
    Y = _targets(loss_name, 7, k, rng)
    analytic = loss.delta(z, activations.get(head)(z), Y, head)
    numeric = np.empty_like(z)
    for idx in np.ndindex(z.shape):
        zp, zm = z.copy(), z.copy()
        zp[idx] += H
        zm[idx] -= H
        numeric[idx] = (_loss_value(loss, head, zp, Y) - _loss_value(loss, head, zm, Y)) / (2 * H)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_losses_refuse_heads_they_do_not_pair_with():
    with pytest.raises(ValueError, match="needs an output head"):
        heads.resolve("binary", 1, "sigmoid", "ce")


# ------------------------------------------------------------------ whole networks
@st.composite
def networks(draw):
    act = st.sampled_from(SMOOTH + KINKED)
    hidden = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(act)
        param = None
        if name == "leaky_relu":
            param = draw(st.sampled_from([None, 0.1, 0.3]))
        elif name == "elu":
            param = draw(st.sampled_from([None, 0.5, 2.0]))
        hidden.append(LayerSpec(draw(st.integers(1, 4)), name, param))
    loss, head, k = draw(st.sampled_from(PAIRS))
    spec = NetworkSpec(draw(st.integers(1, 3)), tuple(hidden), k, head)
    return spec, loss, draw(st.integers(1, 6)), draw(st.integers(0, 2**32 - 1))


def _build(spec, m, seed, loss_name):
    rng = np.random.default_rng(seed)
    net = Network(spec, np.float64)
    net.theta[...] = rng.normal(0.0, 0.8, net.theta.size)
    X = rng.normal(0.0, 1.5, (m, spec.n_inputs))
    return net, X, _targets(loss_name, m, spec.n_outputs, rng)


def _away_from_kinks(net, X) -> bool:
    zs = net.forward(X).zs
    for z, layer in zip(zs, net.spec.hidden, strict=False):
        if layer.activation in ("relu", "leaky_relu", "elu", "step"):
            kink = layer.param if layer.activation == "step" and layer.param else 0.0
            if np.min(np.abs(z - kink)) < KINK_MARGIN:
                return False
    return True


def _numeric_grad(net, X, Y, loss, head) -> np.ndarray:
    def value():
        return _loss_value(loss, head, net.forward(X).zs[-1], Y)

    g = np.empty_like(net.theta)
    for i in range(net.theta.size):
        keep = net.theta[i]
        net.theta[i] = keep + H
        up = value()
        net.theta[i] = keep - H
        down = value()
        net.theta[i] = keep
        g[i] = (up - down) / (2 * H)
    return g


def _flat(grads) -> np.ndarray:
    return np.concatenate([np.hstack([gw, gb[:, None]]).ravel() for gw, gb in grads])


@settings(max_examples=200, deadline=None)
@given(case=networks())
def test_network_gradients_match_finite_differences(case):
    spec, loss_name, m, seed = case
    net, X, Y = _build(spec, m, seed, loss_name)
    assume(_away_from_kinks(net, X))
    loss, head = losses.get(loss_name), spec.output
    numeric = _numeric_grad(net, X, Y, loss, head)

    trace = net.forward(X)
    z = trace.zs[-1]
    slow = _flat(net.backward(trace, loss.delta(z, trace.output, Y, head)))
    np.testing.assert_allclose(slow, numeric, rtol=1e-5, atol=1e-8)

    X1 = np.vstack([X.T, np.ones((1, m))])  # column layout [X; 1] (n_in + 1, m)
    zs, acts1 = net.forward_train(X1)
    zt = zs[-1].T
    fast = net.backward_train(zs, acts1, loss.delta(zt, activations.get(head)(zt), Y, head).T)
    np.testing.assert_allclose(fast, numeric, rtol=1e-5, atol=1e-8)


# ------------------------------------------------------------------ regularization via Trainer
@pytest.mark.parametrize("reg", ["l1", "l2"])
def test_regularization_gradient_adds_rate_times_penalty_gradient_on_weights(reg):
    data = datasets.generate("circle", n=40, seed=3)
    spec = network_spec(data, (LayerSpec(5, "tanh"), LayerSpec(3, "relu")))
    rate, lr = 0.05, 0.1
    config = TrainConfig(
        learning_rate=lr,
        batch_size=1000,
        regularization=reg,
        reg_rate=rate,
        dtype="float64",
        initializer="he",
    )
    trainer = Trainer(spec, data, config)
    net = trainer.network
    theta0 = net.theta.copy()
    train = ~data.is_test
    trace = net.forward(trainer.inputs[train])
    loss = losses.get(trainer.loss_name)
    data_grad = _flat(
        net.backward(
            trace, loss.delta(trace.zs[-1], trace.output, trainer.targets[train], spec.output)
        )
    )
    # numeric gradient of rate · R(weights only)
    r = regularizers.get(reg)
    mask = net.weight_mask
    pen_grad = np.empty_like(theta0)
    for i in range(theta0.size):
        t = theta0.copy()
        t[i] += H
        up = rate * r.penalty(t * mask)
        t[i] -= 2 * H
        pen_grad[i] = (up - rate * r.penalty(t * mask)) / (2 * H)
    assert np.all(pen_grad[mask == 0] == 0)  # biases are never regularized

    trainer.step(1)  # one full-batch SGD step
    expected = theta0 - lr * (data_grad + pen_grad)
    np.testing.assert_allclose(net.theta, expected, rtol=1e-7, atol=1e-9)
