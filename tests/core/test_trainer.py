"""Trainer: determinism, reset, batching and epochs, divergence, mid-run config changes."""

from dataclasses import replace

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer

HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(3, "relu"))


def _trainer(name="circle", n=46, hidden=HIDDEN, **config) -> Trainer:
    data = datasets.generate(name, n=n, seed=1)  # circle: 23 training points
    return Trainer(network_spec(data, hidden), data, TrainConfig(**config))


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_same_seed_gives_the_same_weights_after_n_steps(optimizer):
    a, b = _trainer(optimizer=optimizer, seed=5), _trainer(optimizer=optimizer, seed=5)
    a.step(37)
    b.step(20)
    b.step(17)  # split into chunks: same mini-batches, same result
    np.testing.assert_array_equal(a.network.theta, b.network.theta)
    c = _trainer(optimizer=optimizer, seed=6)
    c.step(37)
    assert not np.array_equal(a.network.theta, c.network.theta)


def test_reset_restores_initial_weights_and_replays_the_same_run():
    t = _trainer(optimizer="adam", learning_rate=0.01)
    initial = t.network.theta.copy()
    t.step(30)
    first_run = t.network.theta.copy()
    assert not np.array_equal(first_run, initial)
    t.reset()
    np.testing.assert_array_equal(t.network.theta, initial)
    assert (t.step_count, t.epoch, len(t.history)) == (0, 0, 0)
    t.step(30)
    np.testing.assert_array_equal(t.network.theta, first_run)


def test_last_batch_of_an_epoch_is_partial_and_every_point_is_used_once():
    t = _trainer(batch_size=10)
    seen = []
    forward = t.network.forward_train

    def recording(X1):
        seen.append(X1[:-1].T.copy())  # (m, n_inputs)
        return forward(X1)

    t.network.forward_train = recording
    assert t.steps_per_epoch == 3
    t.step(6)
    assert [len(b) for b in seen] == [10, 10, 3, 10, 10, 3]
    train = t.inputs[~t.data.is_test]
    for epoch in (seen[:3], seen[3:]):
        used = np.vstack(epoch)
        assert sorted(map(tuple, used)) == sorted(map(tuple, train))
    assert not np.array_equal(np.vstack(seen[:3]), np.vstack(seen[3:]))  # reshuffled


def test_epochs_count_when_their_last_batch_is_done():
    t = _trainer(batch_size=10)
    t.step(2)
    assert t.epoch == 0 and len(t.history) == 0
    t.step(1)
    assert t.epoch == 1 and list(t.history.data().last) == [1]
    t.train_epochs(2)
    assert t.step_count == 9 and t.epoch == 3
    assert list(t.history.data().last) == [1, 2, 3]
    assert t.evaluate().epoch == 3


def test_huge_learning_rate_diverges_with_finite_weights_and_a_clear_reason():
    t = _trainer("sine", n=100, hidden=(LayerSpec(8, "relu"),), learning_rate=1e3, dtype="float64")
    taken = t.step(500)
    assert t.diverged
    assert taken < 500
    assert np.isfinite(t.network.theta).all()
    assert "learning rate" in t.stop_reason.text()
    assert t.step(10) == 0  # stays stopped until reset
    t.reset()
    assert not t.diverged


def test_set_config_mid_run_keeps_the_weights_and_the_step_count():
    t = _trainer(learning_rate=0.03)
    t.step(12)
    theta = t.network.theta.copy()
    t.set_config(replace(t.config, learning_rate=0.3, optimizer="adam", batch_size=4))
    np.testing.assert_array_equal(t.network.theta, theta)
    assert t.step_count == 12
    t.step(1)
    assert t.step_count == 13
    assert not np.array_equal(t.network.theta, theta)


def test_training_lowers_the_loss():
    t = _trainer("gauss", n=200, hidden=(LayerSpec(3, "tanh"),), learning_rate=0.1)
    before = t.evaluate().train_loss
    t.train_epochs(5)
    after = t.evaluate()
    assert after.train_loss < 0.5 * before
    assert after.test_accuracy >= 0.95


def test_bad_config_is_refused_with_the_field_named():
    with pytest.raises(ValueError, match="learning_rate"):
        TrainConfig(learning_rate=-1.0)
    with pytest.raises(ValueError, match="batch_size"):
        TrainConfig(batch_size=0)


def test_a_refused_config_leaves_the_trainer_unchanged():
    from dataclasses import replace as _replace

    from playground.core.data import datasets
    from playground.core.nn.heads import network_spec
    from playground.core.nn.spec import LayerSpec, TrainConfig
    from playground.core.nn.trainer import Trainer

    data = datasets.generate("xor", 100)
    t = Trainer(network_spec(data, (LayerSpec(4),)), data, TrainConfig())
    before = (t.config, t.loss_name)
    with pytest.raises(ValueError):
        t.set_config(_replace(t.config, loss="ce", learning_rate=0.5))  # ce needs softmax
    assert (t.config, t.loss_name) == before


def test_new_features_apply_from_the_next_step():
    from dataclasses import replace as _replace

    from playground.core.data import datasets
    from playground.core.nn.heads import network_spec
    from playground.core.nn.spec import LayerSpec, TrainConfig
    from playground.core.nn.trainer import Trainer

    data = datasets.generate("xor", 100)
    t = Trainer(network_spec(data, (LayerSpec(4),)), data, TrainConfig())
    t.step(3)  # mid-epoch
    t.set_config(_replace(t.config, features=("x1sq", "x2sq")))
    t.step(1)
    assert (t._order_X1[:2] >= 0).all()  # squared inputs only: the old raw order is gone
