"""The training loop: owns the live Trainer, applies commands, trains in chunks, emits Snapshots.

Pure Python + numpy (no Qt), so it runs in a training process (training_process.py) or, in
tests, synchronously through `iterate()`. Commands arrive through a lock-protected inbox (`post`)
drained between chunks of steps. Snapshots leave at most every FRAME_S seconds while running,
each tagged with the run id of the command that built the trainer (the GUI drops stale ones) and
the seq of the last command applied. Events go out through `emit(kind, a, b)`:
("snapshot", Snapshot, seq), ("stopped", reason, seq), ("failed", message, seq).
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.network import Network
from playground.core.pointset import PointSet
from playground.core.snapshot_builder import DEFAULT_RES, build_snapshot
from playground.core.spec import NetworkSpec
from playground.core.trainer import TrainConfig, Trainer

Emit = Callable[[str, object, int], None]

FRAME_S = 1.0 / 36  # minimum time between snapshots while running (~30 Hz with headroom)
NO_TRAINING_POINTS = ("Paused: there are no training points. Add points, or put fewer in the "
                      "test set.")
STATS_S = 0.1  # per-layer statistics (histograms, dead/saturated units) refresh at ~10 Hz
SNAPSHOT_SHARE = 0.25  # building snapshots may take at most this share of the loop's time
CHUNK_S = 0.008  # target wall time of one chunk of training steps
IDLE_WAIT_S = 0.25  # wake-up period while paused


@dataclass(frozen=True)
class Load:
    """Build a new Trainer; `keep` transfers weights from the current one where shapes allow."""

    spec: NetworkSpec
    data: PointSet
    config: TrainConfig
    run_id: int
    params: tuple | None = None
    keep: bool = True


def transfer_theta(old: Network, new: Network) -> None:
    """Copy [W | b] blocks from old to new: matching prefix by position, then matching suffix.

    Inserting or removing a hidden layer shifts the layers after it; aligning from both ends keeps
    the weights of every layer whose shape did not change.
    """
    done = set()
    for i, (a, b) in enumerate(zip(old.blocks, new.blocks, strict=False)):
        if a.shape != b.shape:
            break
        b[...] = a
        done.add(i)
    for k in range(1, min(len(old.blocks), len(new.blocks)) + 1):
        i = len(new.blocks) - k
        a, b = old.blocks[-k], new.blocks[i]
        if i in done or a.shape != b.shape:
            break
        b[...] = a


class TrainingLoop:
    def __init__(self, load: Load, emit: Emit, res: int = DEFAULT_RES,
                 ready: Callable[[], bool] = lambda: True):
        self._emit_event = emit
        self._ready = ready  # False while the last snapshot is still on its way: skip a frame
        self.res = res
        self._cond = threading.Condition()
        self._inbox: list[tuple[int, str, object]] = []
        self._stop = False
        self._seq = 0  # seq of the last command applied
        self.running = False
        self.speed = 0  # steps per frame; 0 = as fast as possible
        self.max_epochs: int | None = None
        self.target_loss: float | None = None
        self._frame_steps = 0
        self._frame_start = 0.0
        self._last_emit = 0.0
        self._emit_gap = FRAME_S  # grows for big networks whose snapshots are slow to build
        self._statistics = None  # (time, run id, spec, data, (layer_z, layer_stats))
        self._rate = 1000.0  # steps per second, re-estimated after every chunk
        self.trainer: Trainer | None = None
        self.run_id = load.run_id
        self._load(load)
        self._dirty = True

    # ------------------------------------------------------------------ any thread
    def post(self, seq: int, name: str, payload=None) -> None:
        """Queue a command (any thread). Later commands of the same kind do not replace earlier."""
        with self._cond:
            self._inbox.append((seq, name, payload))
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()

    # ------------------------------------------------------------------ the loop's thread
    def run(self) -> None:
        """The loop: drain commands, train one chunk, maybe send a snapshot. Ends on stop()."""
        while not self._stop:
            try:
                self.iterate(wait=True)
            except Exception as exc:  # keep the thread alive: pause and report
                traceback.print_exc()
                self.running = False
                message = f"Training stopped by an internal error: {exc}"
                self._emit_event("failed", message, self._seq)
                self._emit_event("stopped", "", self._seq)

    def iterate(self, wait: bool = False) -> None:
        with np.errstate(all="ignore"):  # overflow on the way to divergence is expected
            self._iterate(wait)

    def _iterate(self, wait: bool) -> None:
        with self._cond:
            if wait and not self._inbox and not self._stop and not self._busy():
                self._cond.wait(IDLE_WAIT_S)
            commands, self._inbox = self._inbox, []
        for seq, name, payload in commands:
            self._seq = seq
            try:
                getattr(self, "_cmd_" + name)(payload)
            except (ValueError, KeyError) as exc:
                self._emit_event("failed", str(exc), seq)
            self._dirty = True
        if self._stop:
            return
        if self.running:
            self._train_chunk()
        due = self.running and time.perf_counter() - self._last_emit >= self._emit_gap
        if self._dirty or (due and self._ready()):
            self._emit()

    def _busy(self) -> bool:
        return self.running or self._dirty

    def _train_chunk(self) -> None:
        now = time.perf_counter()
        if now - self._frame_start >= FRAME_S:
            self._frame_start, self._frame_steps = now, 0
        n = max(1, int(self._rate * CHUNK_S))
        if self.speed > 0:
            n = min(n, self.speed - self._frame_steps)
            if n <= 0:  # this frame's quota is used: sleep to the next frame
                time.sleep(max(0.0, self._frame_start + FRAME_S - now))
                return
        trainer = self.trainer
        if self.max_epochs is not None:
            epochs_left = self.max_epochs - trainer.epoch
            if epochs_left <= 0:
                return self._pause(f"Stopped after {self.max_epochs} epochs.")
            n = min(n, trainer.steps_to_epoch_end + (epochs_left - 1) * trainer.steps_per_epoch)
        t0 = time.perf_counter()
        done = trainer.step(n)
        dt = time.perf_counter() - t0
        self._frame_steps += done
        if done and dt > 0:
            self._rate = 0.7 * self._rate + 0.3 * done / dt
        if trainer.diverged:
            self._pause(trainer.divergence_reason)
        elif not done and not trainer.n_train:
            self._pause(NO_TRAINING_POINTS)

    def _pause(self, reason: str) -> None:
        self.running = False
        self._dirty = True
        self._emit_event("stopped", reason, self._seq)

    def _recent_statistics(self, now: float):
        """Last snapshot's per-layer statistics while running and younger than STATS_S, if
        they describe the same network and data (the views show them at ~10 Hz)."""
        if not self.running or self._statistics is None:
            return None
        when, run_id, spec, data, stats = self._statistics
        trainer = self.trainer
        fresh = now - when < STATS_S and run_id == self.run_id
        return stats if fresh and spec == trainer.spec and data is trainer.data else None

    def _emit(self) -> None:
        self._dirty = False
        self._last_emit = start = time.perf_counter()
        trainer = self.trainer
        cached = self._recent_statistics(start)
        snap = build_snapshot(trainer, self.run_id, res=self.res, running=self.running,
                              statistics=cached)
        if cached is None:
            self._statistics = (start, self.run_id, trainer.spec, trainer.data,
                                (snap.layer_z, snap.layer_stats))
        if trainer.diverged and self.running:
            self._pause(trainer.divergence_reason)
            snap = build_snapshot(trainer, self.run_id, res=self.res, running=False)
        elif (self.running and self.target_loss is not None
              and snap.train_loss <= self.target_loss):
            self._pause(f"Stopped: the training loss reached {self.target_loss:g}.")
            snap = build_snapshot(trainer, self.run_id, res=self.res, running=False)
        built = time.perf_counter() - start
        self._emit_gap = max(FRAME_S, built / SNAPSHOT_SHARE)
        self._emit_event("snapshot", snap, self._seq)

    # ------------------------------------------------------------------ commands
    def _load(self, load: Load) -> None:
        old = self.trainer
        params = None if load.params is None else [(np.asarray(w), np.asarray(b))
                                                   for w, b in load.params]
        trainer = Trainer(load.spec, load.data, load.config, params=params)
        if params is None and load.keep and old is not None:
            fresh = trainer.initial_theta.copy()
            transfer_theta(old.network, trainer.network)
            trainer = Trainer(load.spec, load.data, load.config,
                              params=trainer.network.get_params())
            trainer.initial_theta = fresh  # Reset still means the seed's initial weights
            trainer.step_count, trainer.epoch = old.step_count, old.epoch
            trainer.history = list(old.history)
        self.trainer = trainer
        self.run_id = load.run_id

    def _cmd_load(self, load: Load) -> None:
        self._load(load)

    def _cmd_data(self, data: PointSet) -> None:
        self.trainer.set_data(data)

    def _cmd_config(self, config: TrainConfig) -> None:
        self.trainer.set_config(config)

    def _cmd_run(self, on: bool) -> None:
        trainer = self.trainer
        if on and trainer.diverged:
            self._emit_event("stopped", trainer.divergence_reason, self._seq)
            return
        if on and self.max_epochs is not None and trainer.epoch >= self.max_epochs:
            self.max_epochs = None  # Play after a stop rule fired: keep going
        self.running = bool(on)

    def _cmd_epoch(self, _payload) -> None:
        self.running = False
        self.trainer.train_epochs(1)
        if self.trainer.diverged:
            self._emit_event("stopped", self.trainer.divergence_reason, self._seq)

    def _cmd_steps(self, n: int) -> None:
        self.trainer.step(int(n))

    def _cmd_reset(self, run_id: int) -> None:
        self.running = False
        self.trainer.reset()
        self.run_id = run_id

    def _cmd_reinit(self, payload: tuple[int, int]) -> None:
        seed, run_id = payload
        self.running = False
        self.trainer.reinitialize(seed)
        self.run_id = run_id

    def _cmd_speed(self, steps_per_frame: int) -> None:
        self.speed = max(0, int(steps_per_frame))

    def _cmd_stop_rules(self, rules: tuple[int | None, float | None]) -> None:
        max_epochs, target = rules
        self.max_epochs = None if max_epochs is None else max(1, int(max_epochs))
        ok = target is not None and math.isfinite(target)
        self.target_loss = float(target) if ok else None

    def _cmd_snapshot(self, _payload) -> None:
        pass  # every command marks the state dirty, which sends a snapshot


