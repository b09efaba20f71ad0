"""History keeps every epoch range and the least loss in bounded memory, however long the run."""

from __future__ import annotations

import math

import numpy as np

from playground.core.nn.history import History, HistoryData, RunState


def test_a_short_run_is_kept_epoch_by_epoch():
    h = History(capacity=8)
    for e in range(1, 6):
        h.append(e, 10 * e, {"train_loss": 1.0 / e, "test_loss": None})
    d = h.data()
    assert list(d.last) == [1, 2, 3, 4, 5] and list(d.step) == [10, 20, 30, 40, 50]
    assert np.allclose(d.column("train_loss"), [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5])
    assert np.isnan(d.column("test_loss")).all()


def test_a_million_epochs_keep_the_first_epochs_and_the_least_loss():
    h = History()  # 2,048 buckets
    n = 1_000_000
    rng = np.random.default_rng(0)
    dip = 1234  # the least loss ever reached, early on
    losses = 1.0 + 0.01 * rng.random(n)
    losses[dip] = 0.001
    for e in range(n):
        h.append(e + 1, e + 1, {"train_loss": float(losses[e])})
    d = h.data()
    assert len(d) <= h.capacity
    assert d.first[0] == 1 and d.last[-1] == n  # every epoch range is still covered
    assert np.all(d.first[1:] == d.last[:-1] + 1)
    assert d.column("train_loss", "low").min() == 0.001
    bucket = np.searchsorted(d.last, dip + 1)
    assert d.first[bucket] <= dip + 1 <= d.last[bucket]
    assert d.column("train_loss", "low")[bucket] == 0.001
    assert d.column("train_loss", "high").max() == losses.max()
    assert d.column("train_loss")[-1] == losses[-1]  # "final" is the last epoch's value


def test_compact_merges_with_the_same_rule_and_history_round_trips():
    h = History(capacity=16)
    for e in range(1, 101):
        h.append(e, e, {"train_loss": math.sin(e), "test_accuracy": e / 100})
    d = h.data()
    small = d.compact(5)
    assert len(small) <= 5 and small.first[0] == 1 and small.last[-1] == 100
    assert small.column("train_loss", "low").min() == d.column("train_loss", "low").min()
    again = History.from_data(d, capacity=16)
    assert again.data() == d
    again.append(101, 101, {"train_loss": 0.0})
    assert again.data().last[-1] == 101


def test_run_state_equality_sees_the_initial_weights():
    d = HistoryData.empty()
    w = ((np.ones((2, 2)), np.zeros(2)),)
    assert RunState(w, 3, 1, d) == RunState(((np.ones((2, 2)), np.zeros(2)),), 3, 1, d)
    assert RunState(w, 3, 1, d) != RunState(None, 3, 1, d)
