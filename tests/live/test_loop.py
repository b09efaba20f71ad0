"""TrainingLoop driven synchronously (iterate) with a fake clock: typed commands, pacing, stop
rules, divergence, failures that name their command, what each snapshot carries."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.files.project import Project
from playground.core.nn.network import Network, transfer_theta
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig
from playground.live import commands as c
from playground.live.loop import FRAME_S, THROTTLE_S, TrainingLoop
from playground.live.snapshot import Hydrator


def make_project(
    dataset: str = "xor",
    hidden=((4, "tanh"), (2, "tanh")),
    n: int = 200,
    classes: int = 2,
    **config,
) -> Project:
    data = datasets.generate(dataset, n, 0.0, 0, classes, 0.5)
    layers = tuple(LayerSpec(u, a) for u, a in hidden)
    return Project(data, layers, TrainConfig(**config), name=dataset)


class Clock:
    """A fake clock: time moves only when a test (or the loop's sleep) moves it."""

    def __init__(self):
        self.t = 100.0

    def __call__(self) -> float:
        return self.t

    def sleep(self, dt: float) -> None:
        self.t += dt


class Recorder:
    def __init__(self, project: Project | None = None, **kw):
        p = project or make_project(**kw)
        self.events: list = []
        self.clock = Clock()
        self.loop = TrainingLoop(
            c.Load(p.spec(), p.data, p.config, run_id=1),
            self.events.append,
            res=8,
            clock=self.clock,
            sleep=self.clock.sleep,
        )

    def of(self, kind) -> list:
        return [e for e in self.events if isinstance(e, kind)]

    @property
    def snaps(self) -> list:
        return [e.snapshot for e in self.of(c.SnapshotReady)]

    @property
    def stops(self) -> list:
        return [e.reason for e in self.of(c.Stopped)]

    def run_for(self, seconds: float, step: float = FRAME_S / 4) -> None:
        end = self.clock.t + seconds
        while self.clock.t < end:
            self.loop.iterate()
            self.clock.t += step

    def iterate_until_paused(self, limit: int = 500) -> None:
        for _ in range(limit):
            self.loop.iterate()
            self.clock.t += FRAME_S / 4
            if not self.loop.running:
                break


def test_transfer_keeps_layers_before_and_after_an_inserted_layer():
    old = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(3)), 1))
    old.theta[...] = np.arange(old.theta.size)
    new = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(5), LayerSpec(3)), 1))
    transfer_theta(old, new)
    assert np.array_equal(new.blocks[0], old.blocks[0])  # prefix by position
    assert np.array_equal(new.blocks[3], old.blocks[2])  # output layer aligned from the end
    assert not np.array_equal(new.blocks[2][:, :4], old.blocks[1][:, :4])  # (3,6) ≠ (3,5)


def test_commands_apply_between_chunks_and_snapshots_follow():
    r = Recorder()
    w = r.loop
    w.iterate()
    assert r.snaps[-1].step == 0 and not r.snaps[-1].running
    w.post(1, c.TrainEpoch())
    w.iterate()
    assert r.snaps[-1].step == w.trainer.steps_per_epoch
    w.post(2, c.Run(True))
    r.run_for(5 * FRAME_S)
    assert w.trainer.step_count > r.snaps[0].step and w.running
    w.post(3, c.Reset(2))
    w.iterate()
    assert (r.snaps[-1].run_id, r.snaps[-1].step, r.snaps[-1].running) == (2, 0, False)


def test_snapshots_while_running_leave_at_most_one_per_frame():
    r = Recorder()
    r.loop.post(1, c.Run(True))
    r.run_for(1.0)
    running = [s for s in r.snaps if s.running]
    assert 0.75 / FRAME_S <= len(running) <= 1.0 / FRAME_S + 2


def test_speed_limits_epochs_per_second():
    r = Recorder()
    r.loop.post(1, c.SetSpeed(2.0))  # 2 epochs/s of 10 steps each: 20 steps/s
    r.loop.post(2, c.Run(True))
    r.run_for(3.0)
    assert r.loop.trainer.steps_per_epoch == 10
    assert 55 <= r.loop.trainer.step_count <= 62
    assert 5 <= r.loop.trainer.epoch <= 6
    r.loop.post(3, c.SetSpeed(0.5))  # slower than one step per frame: steps trickle in
    before = r.loop.trainer.step_count
    r.run_for(2.0)
    assert 9 <= r.loop.trainer.step_count - before <= 11


def test_stop_rules_pause_with_a_reason():
    r = Recorder()
    r.loop.post(1, c.SetStopRules(3, None))
    r.loop.post(2, c.Run(True))
    r.iterate_until_paused()
    assert not r.loop.running and r.loop.trainer.step_count == 3 * r.loop.trainer.steps_per_epoch
    assert r.stops[-1].code == "max_epochs" and "3 epochs" in r.stops[-1].text()


def test_divergence_pauses_keeps_finite_weights_and_refuses_play():
    r = Recorder(hidden=((8, "relu"),), learning_rate=10.0)
    r.loop.post(1, c.Run(True))
    r.iterate_until_paused()
    assert not r.loop.running and "learning rate" in r.stops[-1].text()
    assert np.isfinite(r.loop.trainer.network.theta).all()
    r.loop.post(2, c.Run(True))
    r.loop.iterate()
    assert not r.loop.running and len(r.stops) == 2


def test_a_failing_command_is_answered_on_its_own_and_the_rest_still_apply():
    r = Recorder()
    spiral = make_project(dataset="spiral", classes=3)
    r.loop.post(1, c.SetData(spiral.data))  # 3 classes into a 1-output network: refused
    r.loop.post(2, c.SetSpeed(7))
    r.loop.post(3, c.Reinitialize(seed=5, run_id=9))
    r.loop.iterate()
    failed = r.of(c.Failed)
    assert len(failed) == 1 and failed[0].command == "SetData" and failed[0].seq == 1
    assert failed[0].failure.code == "outputs_mismatch"
    assert r.loop.speed == 7 and r.loop.run_id == 9 and r.loop.trainer.config.seed == 5
    assert r.snaps and r.loop.trainer.data.n_classes == 2


def test_an_unexpected_error_in_one_command_does_not_drop_the_next(monkeypatch):
    r = Recorder()

    def broken(seed):
        raise RuntimeError("boom")

    monkeypatch.setattr(r.loop.trainer, "reinitialize", broken)
    r.loop.post(1, c.Reinitialize(seed=5, run_id=2))
    r.loop.post(2, c.SetSpeed(3))
    r.loop.iterate()
    failed = r.of(c.Failed)
    assert failed[0].command == "Reinitialize" and failed[0].failure.code == "internal_error"
    assert "boom" in failed[0].failure.text() and r.loop.speed == 3


def test_statistics_and_history_refresh_about_ten_times_a_second_while_running():
    r = Recorder(hidden=((8, "relu"),))
    r.loop.post(1, c.Run(True))
    r.run_for(1.0)
    running = [s for s in r.snaps if s.running]
    with_stats = [s for s in running if s.layer_stats is not None]
    assert len(running) >= 25
    assert (
        1.0 / THROTTLE_S["layer_stats"] - 3
        <= len(with_stats)
        <= 1.0 / THROTTLE_S["layer_stats"] + 3
    )


def test_data_spec_and_config_travel_only_when_they_change():
    r = Recorder()
    r.loop.post(1, c.Run(True))
    r.run_for(0.5)
    first, *rest = r.snaps
    assert first.data is not None and first.spec is not None and first.config is not None
    assert all(s.data is None and s.spec is None and s.config is None for s in rest)
    config = replace(r.loop.trainer.config, learning_rate=0.1)
    r.loop.post(2, c.SetConfig(config))
    r.run_for(0.2)
    after = r.snaps[len(rest) + 1 :]
    assert after[0].config == config and after[0].data is None
    hydrate = Hydrator()
    full = [hydrate(s) for s in r.snaps]
    assert all(s.data is not None and s.spec is not None for s in full)
    assert full[-1].config == config and full[0].config.learning_rate == 0.03


def test_stop_after_n_epochs_counts_epochs_when_the_batch_size_changes():
    r = Recorder()
    r.loop.post(1, c.SetStopRules(4, None))
    r.loop.post(2, c.TrainEpoch())
    r.loop.post(3, c.TrainEpoch())
    r.loop.iterate()
    assert r.loop.trainer.epoch == 2
    config = replace(r.loop.trainer.config, batch_size=1)
    r.loop.post(4, c.SetConfig(config))  # 10× more steps per epoch from here on
    r.loop.post(5, c.Run(True))
    r.iterate_until_paused(2000)
    assert not r.loop.running and r.loop.trainer.epoch == 4
    assert "4 epochs" in r.stops[-1].text()


def test_playing_with_no_training_points_pauses_with_advice():
    p = make_project()
    data = p.data.with_split(0.0)
    empty = data.__class__(data.X[:0], data.y[:0], data.task, data.n_classes, name="empty")
    r = Recorder(replace(p, data=empty))
    r.loop.post(1, c.Run(True))
    for _ in range(5):
        r.loop.iterate()
    assert not r.loop.running and r.stops[-1].code == "no_training_points"
    assert "no training points" in r.stops[-1].text()


def test_a_snapshot_rebuilt_by_a_stop_rule_still_carries_what_changed():
    r = Recorder()
    r.loop.iterate()
    other = make_project(hidden=((3, "relu"),))
    r.loop.post(1, c.Load(other.spec(), other.data, other.config, run_id=2))
    r.loop.post(2, c.SetStopRules(None, 100.0))  # any loss stops it at once
    r.loop.post(3, c.Run(True))
    r.run_for(0.2)
    hydrate = Hydrator()
    full = [hydrate(s) for s in r.snaps]
    last = [s for s in full if s.run_id == 2]
    assert last and all(s.spec == other.spec() for s in last)
    assert r.stops[-1].code == "target_loss"


def test_snapshots_carry_the_loops_time_split_for_the_benchmark():
    r = Recorder()
    real, chunks, at_emit = r.loop.trainer.step, [], []

    def step(n: int) -> int:  # a step takes 0.1 ms of the fake clock
        r.clock.t += 1e-4 * n
        chunks.append(n)
        return real(n)

    def emit(event) -> None:
        at_emit.append(len(chunks))
        r.events.append(event)

    r.loop.trainer.step, r.loop._emit_event = step, emit
    r.loop.post(1, c.Run(True))
    r.run_for(0.3)
    times = [s.loop_time for s in r.snaps]
    assert len(times) > 5 and None not in times
    assert [t.steps for t in times] == [s.step for s in r.snaps]  # every step came in a chunk
    assert [t.training for t in times] == pytest.approx([1e-4 * sum(chunks[:k]) for k in at_emit])
    assert all(t.snapshots >= 0 and t.payloads >= 0 and t.sending >= 0 for t in times)


def test_side_parts_split_the_side_share_when_many_are_subscribed(monkeypatch):
    """Each slow part may take PART_SHARE of the loop's time; with every view open the
    statistics and the payloads together stay within SIDE_SHARE."""
    from playground.live import loop as loop_module

    r = Recorder()
    assert r.loop.part_share() == loop_module.PART_SHARE
    views = frozenset({"hidden", "collapse", "inspector", "gradients", "equations", "regions"})
    r.loop.post(1, c.Subscribe(c.InsightRequest(views)))
    r.loop.post(2, c.Run(True))
    r.loop.iterate()
    parts = 1 + 5  # the statistics and the views without a share of their own (not regions)
    assert r.loop.part_share() == pytest.approx(loop_module.SIDE_SHARE / parts)
    r.loop._cost["gradients"] = 0.010  # a 10 ms payload refreshes every 10 ms / 0.5 % = 2 s
    assert r.loop._interval("gradients", 0.15) == pytest.approx(0.010 / r.loop.part_share())
    assert parts * r.loop.part_share() <= loop_module.SIDE_SHARE + 1e-12
