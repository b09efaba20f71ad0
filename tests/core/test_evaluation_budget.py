"""Epoch records: full batch reuses the epoch's forward pass; evaluations keep to their budget."""

import math
import time

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import LayerSpec, TrainConfig
from playground.core.nn.trainer import Trainer

HIDDEN = (LayerSpec(5, "tanh"),)


def _trainer(batch_size: int, n: int = 60, share=None) -> Trainer:
    data = datasets.generate("circle", n=n, seed=3)  # half of the points are test points
    t = Trainer(
        network_spec(data, HIDDEN),
        data,
        TrainConfig(batch_size=batch_size, learning_rate=0.3, seed=2, dtype="float64"),
    )
    t.eval_share = share
    return t


def _bce_and_accuracy(trainer: Trainer, test: bool) -> tuple[float, float]:
    """Binary cross-entropy and accuracy of the trainer's current weights, from its outputs."""
    mask = trainer.data.is_test if test else ~trainer.data.is_test
    p = trainer.outputs()[mask, 0]
    y = trainer.data.y[mask]
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return float(loss), float(np.mean((p > 0.5) == y))


def test_full_batch_records_the_loss_of_the_weights_its_epoch_started_from():
    t = _trainer(batch_size=10_000)
    expected = []
    for _ in range(4):
        expected.append((*_bce_and_accuracy(t, False), *_bce_and_accuracy(t, True)))
        t.train_epochs(1)
    after = (*_bce_and_accuracy(t, False), *_bce_and_accuracy(t, True))
    h = t.history.data()
    assert list(h.last) == [1, 2, 3, 4]
    np.testing.assert_allclose(h.final[:, 0], [e[0] for e in expected], rtol=1e-12)
    np.testing.assert_allclose(h.final[:, 2], [e[1] for e in expected], rtol=1e-12)
    # the test set is measured after the epoch's update (it took no part in it)
    np.testing.assert_allclose(h.final[:3, 1], [e[2] for e in expected[1:]], rtol=1e-12)
    assert h.final[3, 1] == pytest.approx(after[2], rel=1e-12)
    np.testing.assert_allclose(h.final[:3, 3], [e[3] for e in expected[1:]])


def test_small_batches_record_the_weights_at_the_epochs_end():
    t = _trainer(batch_size=7)
    t.train_epochs(2)
    loss, acc = _bce_and_accuracy(t, False)
    assert t.history.data().final[-1, 0] == pytest.approx(loss, rel=1e-12)
    assert t.history.data().final[-1, 2] == pytest.approx(acc)


def test_an_evaluation_costly_for_its_budget_is_skipped_and_the_last_one_shown():
    t = _trainer(batch_size=10_000, share=1e-12)  # any evaluation outlasts a year of training
    t.train_epochs(5)
    h = t.history.data()
    assert list(h.last) == [1, 2, 3, 4, 5]  # training metrics come free at full batch
    assert np.isfinite(h.final[:, 0]).all()
    assert np.isfinite(h.final[0, 1]) and np.isnan(h.final[1:, 1]).all()
    shown = t.latest_metrics()
    assert shown.epoch == 5 and shown.train_loss == pytest.approx(h.final[4, 0])
    assert shown.test_loss == pytest.approx(h.final[0, 1])  # the last measured one
    small = _trainer(batch_size=7, share=1e-12)
    small.train_epochs(5)
    assert list(small.history.data().last) == [1]  # smaller batches: nothing else recorded


def test_slowed_down_training_is_evaluated_every_epoch_under_the_default_budget():
    t = _trainer(batch_size=10_000, share=0.05)
    for _ in range(3):  # as in the window at a few epochs per second
        t.train_epochs(1)
        time.sleep(0.05)  # far more than 1/EVAL_SHARE × a 30-point evaluation
    assert np.isfinite(t.history.data().final[:, 1]).all()


def test_latest_metrics_are_fresh_after_the_data_changes():
    t = _trainer(batch_size=10_000)
    t.train_epochs(2)
    data = datasets.generate("circle", n=80, seed=9)
    t.set_data(data)
    m = t.latest_metrics()
    assert m.train_loss == pytest.approx(_bce_and_accuracy(t, False)[0], rel=1e-12)
    assert math.isfinite(m.test_loss)


def test_record_now_ends_the_curve_at_the_current_epoch():
    t = _trainer(batch_size=7, share=1e-12)
    t.train_epochs(4)
    assert list(t.history.data().last) == [1]
    t.record_now()
    h = t.history.data()
    assert list(h.last) == [1, 4]
    assert h.final[-1, 0] == pytest.approx(_bce_and_accuracy(t, False)[0], rel=1e-12)
    t.record_now()  # nothing new to record
    assert list(t.history.data().last) == [1, 4]


def test_one_slow_evaluation_does_not_starve_the_records():
    from playground.core.nn.metrics import smoothed_cost

    assert smoothed_cost(0.0, 1e-4) == 1e-4  # the first measurement is taken as it is
    assert smoothed_cost(1e-4, 10.0) <= 2 * 1e-4  # descheduled mid-evaluation: barely moves
    assert smoothed_cost(1e-4, 1e-4) == pytest.approx(1e-4)
