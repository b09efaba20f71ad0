"""The training loop: owns the live Trainer, applies commands, trains in chunks, emits events.

Pure Python + numpy (no Qt), so it runs in a training process (process.py) or, in tests and the
in-process link, synchronously through `iterate()`. Commands (live.commands) arrive through a
lock-protected inbox (`post`) drained between chunks of steps. Snapshots leave at most every
FRAME_S seconds while running, each tagged with the run id of the command that built the
trainer (the GUI drops stale ones) and the seq of the last command applied.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import traceback
from collections.abc import Callable

import numpy as np

from playground.core.errors import Failure, Invalid, StopReason
from playground.core.nn.history import History
from playground.core.nn.trainer import Trainer
from playground.live import commands as c
from playground.live import insights
from playground.live.snapshot import LOOP_PARTS, LoopTime
from playground.live.snapshot_builder import DEFAULT_RES, build_snapshot, layer_statistics

Emit = Callable[[c.Event], None]

FRAME_S = 1.0 / 36  # minimum time between snapshots while running (~30 Hz with headroom)
# while running, per-layer statistics (histograms, dead/saturated units) and the loss history
# refresh at ~10 Hz: the views show them at that rate
THROTTLE_S = {"layer_stats": 0.1, "history": 0.1}
SNAPSHOT_SHARE = 0.15  # building snapshots may take at most this share of the loop's time
# while running, a part built on the side (statistics, each insight payload) refreshes at most
# every cost / share seconds: a slow one (a wide net on many points) refreshes less often. Its
# share is PART_SHARE, or SIDE_SHARE split evenly when many parts are subscribed (every view
# open: 6 parts, 0.5 % each), so that all of them together stay within SIDE_SHARE
PART_SHARE, SIDE_SHARE = 0.012, 0.03
CHUNK_S = 0.008  # target wall time of one chunk of training steps
IDLE_WAIT_S = 0.25  # wake-up period while paused


class TrainingLoop:
    def __init__(
        self,
        load: c.Load,
        emit: Emit,
        res: int = DEFAULT_RES,
        ready: Callable[[], bool] = lambda: True,
        clock: Callable[[], float] = time.perf_counter,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self._emit_event = emit
        self._clock, self._sleep = clock, sleep  # tests pass a fake clock
        self._ready = ready  # False while the last snapshot is still on its way: skip a frame
        self.res = res
        self._cond = threading.Condition()
        self._inbox: list[tuple[int, c.Command]] = []
        self._stop = False
        self._seq = 0  # seq of the last command applied
        self.running = False
        self.speed = 0.0  # epochs per second; 0 = as fast as possible
        self._allowance = 0.0  # steps the speed limit allows now (a token bucket)
        self._allowed_at = 0.0
        self.max_epochs: int | None = None
        self.target_loss: float | None = None
        self.request = c.InsightRequest()
        self._insights_at: dict[str, tuple] = {}  # view → (key it was built for, time)
        self._last_emit = 0.0
        self._emit_gap = FRAME_S  # grows for big networks whose snapshots are slow to build
        self._sent: dict = {}  # SHARED part → (the object last sent, when)
        self._cost: dict[str, float] = {}  # part → seconds its last build took
        self._rate = 1000.0  # steps per second, re-estimated after every chunk
        self._time = dict.fromkeys(LOOP_PARTS, 0.0)
        self._steps = 0
        self.trainer: Trainer | None = None
        self.run_id = load.run_id
        self._load(load)
        self._dirty = True

    # ------------------------------------------------------------------ any thread
    def post(self, seq: int, command: c.Command) -> None:
        """Queue a command (any thread); they apply in order."""
        with self._cond:
            self._inbox.append((seq, command))
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
                self._emit_event(
                    c.Failed(Failure("internal_error", "", {"detail": str(exc)}), "", self._seq)
                )
                self._emit_event(c.Stopped(None, self._seq))

    def iterate(self, wait: bool = False) -> None:
        with np.errstate(all="ignore"):  # overflow on the way to divergence is expected
            self._iterate(wait)

    def busy(self) -> bool:
        """Work is waiting: training, a snapshot due, or commands in the inbox."""
        return self.running or self._dirty or bool(self._inbox)

    def _iterate(self, wait: bool) -> None:
        with self._cond:
            if wait and not self._inbox and not self._stop and not self.busy():
                self._cond.wait(IDLE_WAIT_S)
            batch, self._inbox = self._inbox, []
        for seq, command in batch:
            self._seq = seq
            self._apply(command)
            self._dirty = True
        if self._stop:
            return
        if self.running:
            self._train_chunk()
        due = self.running and self._clock() - self._last_emit >= self._emit_gap
        if self._dirty or (due and self._ready()):
            self._emit()

    def _apply(self, command: c.Command) -> None:
        """One command; a failure is reported on its own and the next commands still apply."""
        name = type(command).__name__
        try:
            self._dispatch(command)
        except Invalid as e:
            self._emit_event(c.Failed(e.failure, name, self._seq))
        except Exception as e:
            traceback.print_exc()
            self._emit_event(
                c.Failed(Failure("internal_error", name, {"detail": str(e)}), name, self._seq)
            )

    def _dispatch(self, command: c.Command) -> None:
        match command:
            case c.Load():
                self._load(command)
            case c.SetData(data=data):
                self.trainer.set_data(data)
            case c.SetConfig(config=config):
                self.trainer.set_config(config)
            case c.Run(on=on):
                self._run(on)
            case c.TrainEpoch():
                self.running = False
                self.trainer.train_epochs(1)
                self._report_divergence()
            case c.TrainSteps(steps=steps):
                self.trainer.step(int(steps))
            case c.Reset(run_id=run_id):
                self.running = False
                self.trainer.reset()
                self.run_id = run_id
            case c.Reinitialize(seed=seed, run_id=run_id):
                self.running = False
                self.trainer.reinitialize(seed)
                self.run_id = run_id
            case c.SetSpeed(epochs_per_second=speed):
                self.speed = max(0.0, float(speed))
                self._allowance = 0.0
            case c.SetStopRules(max_epochs=max_epochs, target_loss=target):
                self.max_epochs = None if max_epochs is None else max(1, int(max_epochs))
                self.target_loss = None if target is None else float(target)
            case c.Subscribe(request=request):
                self.request = request
            case c.Sync():
                pass  # every command marks the state dirty, which sends a snapshot
            case _:
                raise TypeError(f"unknown command {command!r}")

    def _run(self, on: bool) -> None:
        trainer = self.trainer
        if on and trainer.diverged:
            self._report_divergence()
            return
        if on and self.max_epochs is not None and trainer.epoch >= self.max_epochs:
            self.max_epochs = None  # Play after a stop rule fired: keep going
        self.running = bool(on)

    def _report_divergence(self) -> None:
        if self.trainer.diverged:
            self._emit_event(c.Stopped(self.trainer.stop_reason, self._seq))

    def _speed_limit(self, n: int) -> int:
        """Steps allowed now under the speed limit (epochs per second × steps per epoch): a
        token bucket holding at most a frame's worth (or 2 steps); sleeps while it is empty."""
        now = self._clock()
        per_s = self.speed * self.trainer.steps_per_epoch
        elapsed = now - self._allowed_at if self._allowed_at else 0.0
        self._allowed_at = now
        self._allowance = min(self._allowance + elapsed * per_s, max(2.0, per_s * FRAME_S))
        if self._allowance < 1.0:  # wait for the next step, at most a frame
            self._sleep(min(FRAME_S, (1.0 - self._allowance) / per_s))
            return 0
        return min(n, int(self._allowance))

    def _train_chunk(self) -> None:
        n = max(1, int(self._rate * CHUNK_S))
        if self.speed > 0:
            n = self._speed_limit(n)
            if n <= 0:
                return
        trainer = self.trainer
        if self.max_epochs is not None:
            epochs_left = self.max_epochs - trainer.epoch
            if epochs_left <= 0:
                return self._pause(StopReason("max_epochs", {"epochs": self.max_epochs}))
            n = min(n, trainer.steps_to_epoch_end + (epochs_left - 1) * trainer.steps_per_epoch)
        t0 = self._clock()
        done = trainer.step(n)
        dt = self._clock() - t0
        self._allowance -= done
        self._time["training"] += dt
        self._steps += done
        if done and dt > 0:
            self._rate = 0.7 * self._rate + 0.3 * done / dt
        if trainer.diverged:
            self._pause(trainer.stop_reason)
        elif not done and not trainer.n_train:
            self._pause(StopReason("no_training_points"))

    def _pause(self, reason: StopReason) -> None:
        self.running = False
        self._dirty = True
        self._emit_event(c.Stopped(reason, self._seq))

    # ------------------------------------------------------------------ snapshots
    def _tokens(self) -> dict[str, tuple]:
        """What each SHARED part currently is; the last entry of a throttled part's token is
        its progress (a change there alone may wait), the others its identity."""
        t = self.trainer
        return {
            "data": (t.data,),
            "spec": (t.spec,),
            "config": (t.config,),
            "initial": (t.initial_theta,),
            "history": (t.history, t.history.span, len(t.history), t.epoch),
            "layer_stats": (t.data, t.spec, self.run_id, t.step_count),
        }

    def _include(self, now: float) -> set[str]:
        """The SHARED parts this snapshot carries: those that changed since they were last sent;
        while running, progress of the history and statistics at most every THROTTLE_S."""
        include = set()
        for name, token in self._tokens().items():
            last = self._sent.get(name)
            if last is not None and _same(last[0], token):
                continue
            progress_only = last is not None and _same(last[0][:-1], token[:-1])
            if (
                name in THROTTLE_S
                and progress_only
                and self.running
                and now - last[1] < self._interval(name, THROTTLE_S[name])
            ):
                continue
            include.add(name)
            self._sent[name] = (token, now)
        return include

    def _insights(self, now: float) -> dict:
        """Payloads of the subscribed views that are due: at their own rate while running, at
        once after any change of network, data, configuration, run or request."""
        t = self.trainer
        key = (t.spec, t.data, t.config, self.run_id, self.request, t.step_count)
        due = []
        for name in self.request.views:
            last = self._insights_at.get(name)
            fresh = last is not None and _same(last[0][:-1], key[:-1])
            if fresh and (
                last[0][-1] == key[-1]
                or (self.running and now - last[1] < self._interval(name, insights.every(name)))
            ):
                continue
            due.append(name)
            self._insights_at[name] = (key, now)
        built = {}
        for name in due:
            start = self._clock()
            built.update(insights.build(t, self.request, (name,)))
            self._cost[name] = self._clock() - start
        return built

    def _plane(self):
        """The plane rectangle the maps cover: the one the window shows (2-D data)."""
        return self.request.extent if self.trainer.data.dim == 2 else None

    def _interval(self, part: str, base: float) -> float:
        """Seconds between refreshes of a part while running: its base rate, or longer so that
        it takes at most its share of the time (part_share() unless the payload says)."""
        return max(base, self._cost.get(part, 0.0) / (insights.share(part) or self.part_share()))

    def part_share(self) -> float:
        """The share of the loop's time each side part may take: PART_SHARE, or less when the
        statistics and the subscribed payloads without their own share split SIDE_SHARE."""
        parts = 1 + sum(insights.share(name) is None for name in self.request.views)
        return min(PART_SHARE, SIDE_SHARE / parts)

    def _statistics(self):
        start = self._clock()
        stats = layer_statistics(self.trainer)
        self._cost["layer_stats"] = self._clock() - start
        return stats

    def _emit(self) -> None:
        self._dirty = False
        self._last_emit = start = self._clock()
        trainer = self.trainer
        if not self.running:
            trainer.record_now()  # at rest the loss curve ends at the current epoch
        include, insights = self._include(start), self._insights(start)
        stats = self._statistics() if "layer_stats" in include else None
        side = self._clock() - start  # parts with their own share (part_share)
        snap = build_snapshot(
            trainer,
            self.run_id,
            res=self.res,
            running=self.running,
            extent=self._plane(),
            statistics=stats,
            include=include,
            insights=insights,
        )
        stop = None
        if trainer.diverged and self.running:
            stop = trainer.stop_reason
        elif (
            self.running
            and self.target_loss is not None
            and snap.train_loss is not None
            and snap.train_loss <= self.target_loss
        ):
            stop = StopReason("target_loss", {"loss": self.target_loss})
        if stop is not None:
            self._pause(stop)
            self._dirty = False
            snap = build_snapshot(
                trainer,
                self.run_id,
                res=self.res,
                running=False,
                extent=self._plane(),
                statistics=stats,
                include=include,
                insights=insights,
            )  # replaces the first
        built = self._clock() - start - side
        self._emit_gap = max(FRAME_S, built / SNAPSHOT_SHARE)
        self._time["snapshots"] += built
        self._time["payloads"] += side
        sent = self._clock()
        snap = dataclasses.replace(snap, loop_time=LoopTime(steps=self._steps, **self._time))
        self._emit_event(c.SnapshotReady(snap, self._seq))
        self._time["sending"] += self._clock() - sent

    # ------------------------------------------------------------------ loading
    def _load(self, load: c.Load) -> None:
        old = self.trainer
        trainer = Trainer(load.spec, load.data, load.config, params=load.params)
        if load.params is None and load.keep and old is not None:
            trainer.continue_from(old)
        elif load.run is not None:
            trainer.restore_run(load.run)
        self.trainer = trainer
        self.run_id = load.run_id


def _same(a: tuple, b: tuple) -> bool:
    return len(a) == len(b) and all(
        x is y or (not isinstance(x, (History, np.ndarray)) and x == y) for x, y in zip(a, b)
    )
