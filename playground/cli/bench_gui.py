"""GUI benchmark: the live window while training, measured offscreen.

A network (default 6×8 tanh; `layers`) trains on circle points (default 500; `points`) with
every main view updating, and with `views` the named insight views open as floating windows,
all visible at once ("all": every one; the inspector pinned at (0.5, 0.5)). Reported:
  fps             frames painted per second (target ≥ 30)
  p95_latency_ms  95th percentile lateness of a 10 ms GUI timer (target ≤ 50)
  training_share  training steps/s in the window ÷ Trainer.step steps/s headless, both measured
                  in this run, interleaved (see _measure) (target ≥ 0.8)
  bytes_per_frame median pickled size of a snapshot event crossing the pipe
  close_seconds   closing the window while it trains, until the training process is gone (≤ 1)
  window_cpu_*    the window process's CPU time while live (all its threads): in cores, per frame
  loop_time       the training process's wall time by part (training, snapshots, payloads,
                  sending) and step_speed, its Trainer.step speed ÷ headless: training_share ≈
                  training × step_speed
"""

from __future__ import annotations

import os
import time

import numpy as np

from playground.core.data import datasets
from playground.core.files.project import Project
from playground.core.files.view import ViewState
from playground.core.nn.spec import TrainConfig, parse_layers
from playground.core.nn.trainer import Trainer
from playground.live.snapshot import LOOP_PARTS

TARGETS = {"fps": 30.0, "p95_latency_ms": 50.0, "training_share": 0.8, "close_seconds": 1.0}
PROBE_MS = 10
SEGMENT_S = 1.0  # live training per segment (the speed drifts from second to second)
HEADLESS_PROBE_S = 0.4  # headless training between segments


DEFAULT_LAYERS = "8:tanh,8:tanh,8:tanh,8:tanh,8:tanh,8:tanh"
INSIGHT_VIEWS = ("hidden", "collapse", "inspector", "gradients", "equations", "regions")
PIN = (0.5, 0.5)


def bench_project(
    layers: str = DEFAULT_LAYERS, points: int = 500, views: tuple[str, ...] = ()
) -> Project:
    data = datasets.generate("circle", points, 0.0, 0, 2, 0.5)
    docks = tuple(n for n in views if n != "regions")  # regions: the plane's overlay
    view = ViewState(
        speed=0.0,
        views=docks,
        pinned=PIN if "inspector" in views else (),
        regions="regions" in views,
    )
    return Project(data, parse_layers(layers), TrainConfig(), name="bench", view=view)


def view_names(text: str | None) -> tuple[str, ...]:
    """ "all", "" or None, or comma-separated insight view names (ValueError naming a bad one)."""
    if not text:
        return ()
    if text.strip() == "all":
        return INSIGHT_VIEWS
    names = tuple(n.strip() for n in text.split(",") if n.strip())
    for n in names:
        if n not in INSIGHT_VIEWS:
            raise ValueError(f"unknown view {n!r}; choose from all, {', '.join(INSIGHT_VIEWS)}")
    return names


def headless_rate(project: Project, seconds: float) -> float:
    """Trainer.step steps per second, in chunks as the worker trains."""
    trainer = Trainer(project.spec(), project.data, project.config)
    trainer.step(200)  # warm up buffers
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        done += trainer.step(100)
    return done / (time.perf_counter() - t0)


def run(
    seconds: float = 10.0,
    layers: str = DEFAULT_LAYERS,
    points: int = 500,
    views: tuple[str, ...] = (),
) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from playground.ui.app import application
    from playground.ui.session import Session
    from playground.ui.window.main_window import MainWindow

    app = application()
    project = bench_project(layers, points, views)
    session = Session(project)
    try:
        window = MainWindow(session, interactive=False, remember=False)
        float_views(window, views)
        result = _measure(app, session, window, seconds, project)
        return {"layers": layers, "points": points, "views": list(views), **result}
    finally:
        session.shutdown()


def float_views(window, views: tuple[str, ...]) -> None:
    """Each named insight view in its own floating window, side by side: all visible at once."""
    for k, name in enumerate(n for n in views if n != "regions"):
        dock = window.insights.docks[name]
        dock.setFloating(True)
        dock.resize(520, 380)
        dock.move(40 + 540 * (k % 3), 40 + 400 * (k // 3))
        dock.show()


class LatencyProbe:
    """A PROBE_MS GUI timer; how late each tick came is how long the GUI was busy."""

    def __init__(self):
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.lateness: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._last = 0

    def _tick(self) -> None:
        now = self._clock.nsecsElapsed()
        self.lateness.append(max(0.0, (now - self._last) / 1e6 - PROBE_MS))
        self._last = now

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start(PROBE_MS)

    def stop(self) -> None:
        self._timer.stop()

    def p95(self) -> float | None:
        return round(float(np.percentile(self.lateness, 95)), 1) if self.lateness else None


def _segment(app, session, window, seconds: float, probe: LatencyProbe) -> tuple:
    """(frames painted, seconds, training steps, the window process's CPU seconds, the training
    loop's time split {part: share of the segment's seconds}) of one live segment."""
    session.play()
    wait(app, 0.3)  # snapshots of the running state are flowing
    start, frames0 = session.latest_snapshot(), window.frames_painted
    probe.start()
    t0, cpu0 = time.perf_counter(), time.process_time()
    wait(app, seconds)
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    probe.stop()
    end = session.latest_snapshot()
    session.pause()
    session.sync()
    steps = end.step - start.step
    return window.frames_painted - frames0, elapsed, steps, cpu, loop_split(start, end, elapsed)


def loop_split(start, end, elapsed: float) -> dict:
    """{part: seconds the training loop spent on it ÷ elapsed} between two snapshots, and
    "step_rate": Trainer.step's own steps per second inside the loop."""
    a, b = start.loop_time, end.loop_time
    if a is None or b is None:
        return {}
    split = {p: (getattr(b, p) - getattr(a, p)) / elapsed for p in LOOP_PARTS}
    training = b.training - a.training
    split["step_rate"] = (b.steps - a.steps) / training if training > 0 else 0.0
    return split


def _measure(app, session, window, seconds: float, project: Project) -> dict:
    """Live segments of training with every view updating, each between two headless probes.

    This machine's speed drifts by ±20% from one second to the next, so the training share is
    the median over segments of (live steps/s) ÷ (mean of the headless probes around it).
    """
    window.resize(1600, 1000)
    window.show()
    session.sync()
    probe = LatencyProbe()
    segments = max(2, round(seconds / SEGMENT_S))
    shares, splits, frames, live_time, steps, cpu = [], [], 0, 0.0, 0, 0.0
    headless = headless_rate(project, HEADLESS_PROBE_S)
    for _ in range(segments):
        n_frames, elapsed, n_steps, n_cpu, split = _segment(
            app, session, window, seconds / segments, probe
        )
        frames, live_time, steps = frames + n_frames, live_time + elapsed, steps + n_steps
        cpu += n_cpu
        after = headless_rate(project, HEADLESS_PROBE_S)
        reference = (headless + after) / 2  # headless steps per second around this segment
        shares.append(n_steps / elapsed / reference)
        if split:
            split["step_speed"] = split.pop("step_rate") / reference
            splits.append(split)
        headless = after
    session.play()
    wait(app, 0.3)
    t0 = time.perf_counter()
    window.close()  # while training: the relay thread and the training process stop
    close_s = time.perf_counter() - t0
    result = {
        "seconds": round(live_time, 2),
        "fps": round(frames / live_time, 1),
        "p95_latency_ms": probe.p95(),
        "training_share": round(float(np.median(shares)), 3),
        "steps_per_s_gui": round(steps / live_time),
        "segment_shares": [round(x, 3) for x in shares],
        "window_cpu_cores": round(cpu / live_time, 2),  # of 2: what the window leaves training
        "window_cpu_ms_per_frame": round(1000 * cpu / max(frames, 1), 1),
        # the training process's wall time by part, and its Trainer.step speed ÷ headless:
        # training_share ≈ loop_time["training"] × loop_time["step_speed"]
        "loop_time": _medians(splits),
        "bytes_per_frame": frame_bytes(project),
        "close_seconds": round(close_s, 3),
    }
    result["meets_targets"] = meets_targets(result)
    return result


def meets_targets(result: dict) -> bool:
    return bool(
        result["fps"] >= TARGETS["fps"]
        and (result["p95_latency_ms"] or 0) <= TARGETS["p95_latency_ms"]
        and result["training_share"] >= TARGETS["training_share"]
        and result["close_seconds"] <= TARGETS["close_seconds"]
    )


def _medians(splits: list[dict]) -> dict:
    """{part: median over segments}."""
    return (
        {k: round(float(np.median([s[k] for s in splits])), 3) for k in splits[0]} if splits else {}
    )


def frame_bytes(project: Project, seconds: float = 1.0) -> int:
    """Median pickled size of the snapshot events a running loop sends (what crosses the pipe)."""
    import pickle

    from playground.live import commands as c
    from playground.live.loop import TrainingLoop

    events: list = []
    loop = TrainingLoop(c.Load(project.spec(), project.data, project.config, 1), events.append)
    loop.post(1, c.Run(True))
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        loop.iterate()
    sizes = sorted(
        len(pickle.dumps(e, pickle.HIGHEST_PROTOCOL))
        for e in events
        if isinstance(e, c.SnapshotReady)
    )
    return sizes[len(sizes) // 2]


def wait(app, seconds: float) -> None:
    """Run the event loop for `seconds`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
