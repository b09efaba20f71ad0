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


def test_any_metric_names_keep_min_max_and_last_through_merges():
    h = History(capacity=4, metrics=("W1", "W2"))
    values = [(3.0, 1.0), (1.0, 5.0), (2.0, None), (8.0, 2.0), (4.0, 4.0), (6.0, 0.5)]
    for k, (a, b) in enumerate(values, 1):
        h.append(k, 10 * k, {"W1": a, "W2": b})
    d = h.data()
    assert d.metrics == ("W1", "W2") and d.span == 2 and len(d) == 3
    assert list(d.first) == [1, 3, 5] and list(d.last) == [2, 4, 6] and list(d.step) == [20, 40, 60]
    assert list(d.column("W1", "low")) == [1.0, 2.0, 4.0]
    assert list(d.column("W1", "high")) == [3.0, 8.0, 6.0]
    assert list(d.column("W2")) == [5.0, 2.0, 0.5]  # the last value recorded in each bucket
    again = History.from_data(d, capacity=4)
    assert again.data() == d and again.metrics == ("W1", "W2")
    assert d != HistoryData(d.first, d.last, d.step, d.low, d.high, d.final, d.span, ("W1", "W3"))


def test_with_columns_moves_columns_and_leaves_new_ones_empty():
    h = History(capacity=8, metrics=("a", "b"))
    for k in range(1, 4):
        h.append_row(k, k, [float(k), 10.0 * k])
    d = h.data().with_columns(("x", "y", "z"), [1, None, 0])
    assert d.metrics == ("x", "y", "z") and list(d.step) == [1, 2, 3]
    assert list(d.column("x")) == [10.0, 20.0, 30.0] and list(d.column("z")) == [1.0, 2.0, 3.0]
    assert np.isnan(d.column("y", "low")).all() and np.isnan(d.column("y", "high")).all()
    assert HistoryData.empty(("x",)).final.shape == (0, 1)
