"""TrainingLoop driven synchronously (iterate): commands, pacing, stop rules, divergence."""

from __future__ import annotations

import time

import numpy as np

from playground.core import datasets
from playground.core.network import Network
from playground.core.project import Project
from playground.core.spec import LayerSpec, NetworkSpec
from playground.core.trainer import TrainConfig
from playground.core.training_loop import FRAME_S, Load, TrainingLoop, transfer_theta


def make_project(dataset: str = "xor", hidden=((4, "tanh"), (2, "tanh")), n: int = 200,
                 classes: int = 2, **config) -> Project:
    data = datasets.generate(dataset, n, 0.0, 0, classes, 0.5)
    layers = tuple(LayerSpec(u, a) for u, a in hidden)
    return Project(data, layers, TrainConfig(**config), name=dataset)


def make_worker(**kw):
    p = make_project(**kw)
    snaps, stops, errors = [], [], []
    sinks = {"snapshot": snaps, "stopped": stops, "failed": errors}
    loop = TrainingLoop(Load(p.spec(), p.data, p.config, run_id=1),
                        lambda kind, a, seq: sinks[kind].append(a), res=8)
    loop.errors = errors
    return loop, snaps, stops


def test_transfer_keeps_layers_before_and_after_an_inserted_layer():
    old = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(3)), 1))
    old.theta[...] = np.arange(old.theta.size)
    new = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(5), LayerSpec(3)), 1))
    transfer_theta(old, new)
    assert np.array_equal(new.blocks[0], old.blocks[0])  # prefix by position
    assert np.array_equal(new.blocks[3], old.blocks[2])  # output layer aligned from the end
    assert not np.array_equal(new.blocks[2][:, :4], old.blocks[1][:, :4])  # (3,6) ≠ (3,5)


def test_commands_apply_between_chunks_and_snapshots_follow():
    w, snaps, _ = make_worker()
    w.iterate()
    assert snaps[-1].step == 0 and not snaps[-1].running
    w.post(1, "epoch")
    w.iterate()
    assert snaps[-1].step == w.trainer.steps_per_epoch
    w.post(2, "run", True)
    for _ in range(5):
        w.iterate()
    assert w.trainer.step_count > snaps[0].step and w.running
    w.post(3, "reset", 2)
    w.iterate()
    assert (snaps[-1].run_id, snaps[-1].step, snaps[-1].running) == (2, 0, False)


def test_snapshots_while_running_are_paced_to_about_30_hz():
    w, snaps, _ = make_worker()
    w.post(1, "run", True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.5:
        w.iterate()
    assert len(snaps) <= 0.5 / FRAME_S + 2
    assert len(snaps) >= 5


def test_speed_limits_steps_per_frame():
    w, snaps, _ = make_worker()
    w.post(1, "speed", 2)
    w.post(2, "run", True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.3:
        w.iterate()
    frames = 0.3 / FRAME_S
    assert 0 < w.trainer.step_count <= 2 * (frames + 2)


def test_stop_rules_pause_with_a_reason():
    w, snaps, stops = make_worker()
    w.post(1, "stop_rules", (3, None))
    w.post(2, "run", True)
    for _ in range(50):
        w.iterate()
    assert not w.running and w.trainer.step_count == 3 * w.trainer.steps_per_epoch
    assert "3 epochs" in stops[-1]


def test_divergence_pauses_keeps_finite_weights_and_refuses_play():
    w, snaps, stops = make_worker(hidden=((8, "relu"),), learning_rate=10.0)
    w.post(1, "run", True)
    for _ in range(200):
        w.iterate()
        if not w.running:
            break
    assert not w.running and "learning rate" in stops[-1]
    assert np.isfinite(w.trainer.network.theta).all()
    w.post(2, "run", True)
    w.iterate()
    assert not w.running and len(stops) == 2


def test_bad_command_is_reported_not_fatal():
    w, snaps, _ = make_worker()
    errors = w.errors
    p = make_project(dataset="spiral", classes=3)
    w.post(1, "data", p.data)  # 3 classes into a 1-output network: refused
    w.iterate()
    assert errors and "outputs" in errors[0]
    assert snaps and w.trainer.data.n_classes == 2




def test_layer_statistics_refresh_about_ten_times_a_second_while_running():
    w, snaps, _ = make_worker(hidden=((8, "relu"),))
    w.post(1, "run", True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.6:
        w.iterate()
    running = [s for s in snaps if s.running]
    distinct = {id(s.layer_stats) for s in running}
    assert len(running) >= 8
    assert 2 <= len(distinct) < len(running)  # reused between refreshes, yet refreshed


def test_stop_after_n_epochs_counts_epochs_when_the_batch_size_changes():
    w, snaps, stops = make_worker()
    w.post(1, "stop_rules", (4, None))
    w.post(2, "epoch")
    w.post(3, "epoch")
    w.iterate()
    assert w.trainer.epoch == 2
    config = w.trainer.config.__class__(**{**w.trainer.config.__dict__, "batch_size": 1})
    w.post(4, "config", config)  # 10× more steps per epoch from here on
    w.post(5, "run", True)
    for _ in range(400):
        w.iterate()
        if not w.running:
            break
    assert not w.running and w.trainer.epoch == 4
    assert "4 epochs" in stops[-1]


def test_playing_with_no_training_points_pauses_with_advice():
    p = make_project()
    data = p.data.with_split(0.0)
    empty = data.__class__(data.X[:0], data.y[:0], data.task, data.n_classes, name="empty")
    snaps, stops = [], []
    sinks = {"snapshot": snaps, "stopped": stops, "failed": []}
    loop = TrainingLoop(Load(p.spec(), empty, p.config, run_id=1),
                        lambda kind, a, seq: sinks[kind].append(a), res=8)
    loop.post(1, "run", True)
    for _ in range(5):
        loop.iterate()
    assert not loop.running and "no training points" in stops[-1]
