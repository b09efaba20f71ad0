"""Gradient flow: the recorded per-layer gradient norms of a run and the histograms of the
activations and back-propagated gradients, against independent computations."""

import math

import numpy as np
import pytest

from playground.core.analysis import flow
from playground.core.data import datasets
from playground.core.nn import activations, initializers, losses
from playground.core.nn.heads import network_spec
from playground.core.nn.history import History
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig, parse_layers
from playground.core.nn.trainer import GRAD_EVERY, Trainer

H = 1e-6


def _net(layers="3:tanh,4:sigmoid", n_in=2, n_out=1, head="sigmoid", seed=0):
    net = Network(NetworkSpec(n_in, parse_layers(layers), n_out, head), np.float64)
    initializers.initialize(net, "glorot", seed)
    rng = np.random.default_rng(seed + 7)
    for b in net.biases:
        b[...] = rng.normal(0.0, 0.5, b.shape)
    return net


def _data(n=9, n_in=2, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 1.5, (n, n_in))
    Y = rng.integers(0, 2, (n, 1)).astype(np.float64)
    return X, Y


def _manual_forward(net, X):
    """(zs, acts) with acts[0] = X, written out with the registry's values only."""
    zs, acts = [], [X]
    for w, b, layer in zip(net.weights, net.biases, net.spec.layers, strict=True):
        z = acts[-1] @ w.T + b
        zs.append(z)
        acts.append(activations.get(layer.activation)(z, layer.param))
    return zs, acts


def _point_loss(net, z_l, layer, y):
    """ℓ of one point given z of hidden layer `layer` (units,): the rest of the net, then bce."""
    a = activations.get(net.spec.hidden[layer].activation)(z_l[None])
    for w, b, spec in zip(
        net.weights[layer + 1 :], net.biases[layer + 1 :], net.spec.layers[layer + 1 :], strict=True
    ):
        z = a @ w.T + b
        a = activations.get(spec.activation)(z)
    return losses.get("bce").value(z, a, y[None])


# ------------------------------------------------------------------ deltas and per-point gradients
def test_deltas_times_n_are_each_points_own_gradient_by_finite_differences():
    net = _net()
    X, Y = _data()
    trace = net.forward(X)
    dzs = net.deltas(trace, losses.get("bce").delta(trace.zs[-1], trace.output, Y, "sigmoid"))
    zs, _ = _manual_forward(net, X)
    for layer in range(len(net.spec.hidden)):
        numeric = np.empty_like(zs[layer])
        for i, u in np.ndindex(numeric.shape):
            up, down = zs[layer][i].copy(), zs[layer][i].copy()
            up[u] += H
            down[u] -= H
            numeric[i, u] = (
                _point_loss(net, up, layer, Y[i]) - _point_loss(net, down, layer, Y[i])
            ) / (2 * H)
        np.testing.assert_allclose(len(X) * dzs[layer], numeric, rtol=1e-6, atol=1e-9)


def test_histograms_count_the_trace_on_the_documented_ranges():
    net = _net("5:tanh,4:sigmoid,3:relu")
    X, Y = _data(n=60, seed=3)
    result = flow.gradient_flow(net, X, Y, "bce")
    zs, acts = _manual_forward(net, X)
    # dℓ_i/dz by the chain rule written out: bce with a sigmoid head gives a − y at the output
    g = [None] * 4
    g[3] = acts[4] - Y
    derivs = [lambda a: 1 - a * a, lambda a: a * (1 - a), lambda a: (a > 0).astype(float)]
    for layer in (2, 1, 0):
        g[layer] = (g[layer + 1] @ net.weights[layer + 1]) * derivs[layer](acts[layer + 1])
    R = flow.nice_ceil(np.percentile(np.abs(np.concatenate([x.ravel() for x in g[:3]])), 99))
    r_relu = flow.nice_ceil(np.percentile(acts[3], 99))
    ranges = [(-1.0, 1.0), (0.0, 1.0), (0.0, r_relu)]
    assert [r.activation for r in result.layers] == ["tanh", "sigmoid", "relu"]
    for layer, row in enumerate(result.layers):
        lo, hi = ranges[layer]
        a_counts, _ = np.histogram(np.clip(acts[layer + 1], lo, hi), flow.BINS, (lo, hi))
        g_counts, _ = np.histogram(np.clip(g[layer], -R, R), flow.BINS, (-R, R))
        assert (row.activations.lo, row.activations.hi) == (lo, hi)
        assert (row.gradients.lo, row.gradients.hi) == (-R, R)
        np.testing.assert_array_equal(row.activations.counts, a_counts)
        np.testing.assert_array_equal(row.gradients.counts, g_counts)
        assert row.gradient_rms == pytest.approx(np.sqrt(np.mean(g[layer] ** 2)), rel=1e-12)
        assert row.activations.counts.sum() == X.shape[0] * net.spec.hidden[layer].units
    assert result.n_points == result.hist_points == 60


def test_full_batch_norms_match_finite_differences_of_the_mean_loss():
    net = _net("3:tanh,3:tanh")
    X, Y = _data(n=12, seed=5)
    bce = losses.get("bce")

    def mean_loss():
        zs, acts = _manual_forward(net, X)
        return bce.value(zs[-1], acts[-1], Y)

    numeric = []
    for w in net.weights:
        g = np.empty_like(w)
        for idx in np.ndindex(w.shape):
            keep = w[idx]
            w[idx] = keep + H
            up = mean_loss()
            w[idx] = keep - H
            down = mean_loss()
            w[idx] = keep
            g[idx] = (up - down) / (2 * H)
        numeric.append(float(np.linalg.norm(g)))
    result = flow.gradient_flow(net, X, Y, "bce")
    np.testing.assert_allclose(result.grad_norms, numeric, rtol=1e-6)


def test_many_points_are_subsampled_for_the_histograms_only():
    net = _net("4:tanh")
    X, Y = _data(n=2 * flow.HIST_POINTS + 1, seed=2)
    result = flow.gradient_flow(net, X, Y, "bce")
    rows = np.arange(0, len(X), 3)
    assert result.hist_points == len(rows) <= flow.HIST_POINTS and result.n_points == len(X)
    _, acts = _manual_forward(net, X[rows])
    counts, _ = np.histogram(acts[1], flow.BINS, (-1.0, 1.0))
    np.testing.assert_array_equal(result.layers[0].activations.counts, counts)


def test_no_points_give_empty_histograms_and_zero_norms():
    net = _net()
    result = flow.gradient_flow(net, np.zeros((0, 2)), np.zeros((0, 1)), "bce")
    assert result.grad_norms == (0.0, 0.0, 0.0) and result.n_points == 0
    assert all(r.activations.counts.sum() == r.gradients.counts.sum() == 0 for r in result.layers)


@pytest.mark.parametrize(
    ("x", "expected"),
    [(0.03, 0.05), (0.13, 0.2), (1.0, 1.0), (7.0, 10.0), (2e-7, 2e-7), (0.0, 1.0), (math.inf, 1.0)],
)
def test_nice_ceil_rounds_up_to_1_2_or_5(x, expected):
    assert flow.nice_ceil(x) == pytest.approx(expected, rel=1e-12)


# ------------------------------------------------------------------ the recorded norms of a run
HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(3, "sigmoid"))


def _trainer(hidden=HIDDEN, **config) -> Trainer:
    data = datasets.generate("circle", n=60, seed=1)  # 30 training points
    config = {"dtype": "float64", "batch_size": 7, **config}
    return Trainer(network_spec(data, hidden), data, TrainConfig(**config))


def test_recorded_norms_equal_the_replayed_mini_batch_gradients():
    t = _trainer(regularization="l2", reg_rate=0.1)  # recorded: the data loss's gradient only
    seen = []
    forward = t.network.forward_train

    def capture(X1):  # the batch and the weights the step starts from
        seen.append((X1[:-1].T.copy(), t.network.theta.copy()))
        return forward(X1)

    t.network.forward_train = capture
    t.step(5 * GRAD_EVERY + 3)
    train = ~t.data.is_test
    target = {tuple(x): y for x, y in zip(t.inputs[train], t.targets[train], strict=True)}
    h = t.grad_history.data()
    assert list(h.step) == [GRAD_EVERY * k for k in range(1, 6)]
    assert list(h.first) == list(h.last) == [1, 2, 3, 4, 5]
    loss = losses.get(t.loss_name)
    for k, step in enumerate(h.step):
        X, theta = seen[step - 1]
        Y = np.array([target[tuple(x)] for x in X])
        net = Network(t.spec, np.float64)
        net.theta[...] = theta
        trace = net.forward(X)
        grads = net.backward(trace, loss.delta(trace.zs[-1], trace.output, Y, t.spec.output))
        expected = [np.linalg.norm(gw) for gw, _ in grads]
        np.testing.assert_allclose(h.final[k], expected, rtol=1e-10)
    assert h.metrics == ("W1", "W2", "W3")


def test_recording_can_be_off_and_reset_clears_it():
    t = _trainer()
    t.record_grads = False
    t.step(3 * GRAD_EVERY)
    assert len(t.grad_history) == 0
    t.record_grads = True
    t.step(GRAD_EVERY)
    assert list(t.grad_history.data().step) == [4 * GRAD_EVERY]
    t.reset()
    assert len(t.grad_history) == 0
    t.step(GRAD_EVERY)
    t.reinitialize(3)
    assert len(t.grad_history) == 0


def test_a_continued_run_keeps_the_norms_of_the_layers_it_keeps():
    old = _trainer(hidden=(LayerSpec(4, "tanh"), LayerSpec(3, "tanh")))
    old.step(4 * GRAD_EVERY)
    before = old.grad_history.data()
    # a layer inserted in front: old layer 1 now reads 5 inputs (re-shaped), old layer 2 and the
    # output layer keep their shapes as new layers 3 and 4 (transfer_theta aligns both ends)
    new = Trainer(
        network_spec(old.data, (LayerSpec(5, "relu"), LayerSpec(4, "tanh"), LayerSpec(3, "tanh"))),
        old.data,
        old.config,
    )
    new.continue_from(old)
    after = new.grad_history.data()
    assert after.metrics == ("W1", "W2", "W3", "W4") and list(after.step) == list(before.step)
    assert np.isnan(after.final[:, :2]).all()  # new or re-shaped layers: nothing recorded
    np.testing.assert_array_equal(after.final[:, 2:], before.final[:, 1:])
    np.testing.assert_array_equal(after.low[:, 2:], before.low[:, 1:])
    new.step(GRAD_EVERY)
    assert new.grad_history.data().step[-1] == 5 * GRAD_EVERY
    assert np.isfinite(new.grad_history.data().final[-1]).all()


def test_recent_norms_are_the_median_of_the_last_records():
    h = History(metrics=("W1", "W2"))
    for k in range(1, 16):
        h.append_row(k, k * GRAD_EVERY, [float(k), math.nan if k < 14 else 2.0 * k])
    recent = flow.recent_norms(h.data())
    assert recent[0] == np.median(np.arange(6, 16)) and recent[1] == np.median([28.0, 30.0])
    assert np.isnan(flow.recent_norms(History(metrics=("W1",)).data())).all()
