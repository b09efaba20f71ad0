"""GUI benchmark: the live window while training, measured offscreen.

A 6×8 tanh network trains on 500 circle points with every view updating. Reported:
  fps             frames painted per second (target ≥ 30)
  p95_latency_ms  95th percentile lateness of a 10 ms GUI timer (target ≤ 50)
  training_share  training steps/s in the window ÷ Trainer.step steps/s headless, both measured
                  in this run (target ≥ 0.7)
"""

from __future__ import annotations

import os
import time

import numpy as np

from playground.core import datasets
from playground.core.project import Project
from playground.core.spec import LayerSpec
from playground.core.trainer import TrainConfig, Trainer

TARGETS = {"fps": 30.0, "p95_latency_ms": 50.0, "training_share": 0.7}
PROBE_MS = 10


def bench_project() -> Project:
    data = datasets.generate("circle", 500, 0.0, 0, 2, 0.5)
    return Project(data, tuple(LayerSpec(8, "tanh") for _ in range(6)), TrainConfig(),
                   name="bench")


def headless_rate(project: Project, seconds: float) -> float:
    """Trainer.step steps per second, in chunks as the worker trains."""
    trainer = Trainer(project.spec(), project.data, project.config)
    trainer.step(200)  # warm up buffers
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        done += trainer.step(100)
    return done / (time.perf_counter() - t0)


def run(seconds: float = 10.0) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from playground.ui.app import application
    from playground.ui.main_window import MainWindow
    from playground.ui.session import Session

    app = application()
    project = bench_project()
    headless = headless_rate(project, min(3.0, max(0.5, seconds / 4)))
    session = Session(project)
    try:
        window = MainWindow(session, interactive=False, remember=False)
        result = _measure(app, session, window, seconds, headless)
    finally:
        session.shutdown()
    return result


def _measure(app, session, window, seconds: float, headless: float) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer

    window.resize(1600, 1000)
    window.show()
    session.sync()
    session.play()
    wait(app, 0.5)  # warm up: first frames build the views' items

    lateness: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    last = [0]

    def tick() -> None:
        now = clock.nsecsElapsed()
        lateness.append(max(0.0, (now - last[0]) / 1e6 - PROBE_MS))
        last[0] = now

    probe.timeout.connect(tick)
    start = session.latest_snapshot()
    frames0 = window.frames_painted
    clock.start()
    probe.start(PROBE_MS)
    t0 = time.perf_counter()
    wait(app, seconds)
    elapsed = time.perf_counter() - t0
    probe.stop()
    end = session.latest_snapshot()
    frames = window.frames_painted - frames0
    session.pause()
    window.close()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    gui_rate = (end.step - start.step) / elapsed
    result = {
        "seconds": round(elapsed, 2),
        "fps": round(frames / elapsed, 1),
        "p95_latency_ms": round(float(np.percentile(lateness, 95)), 1) if lateness else None,
        "training_share": round(gui_rate / headless, 3),
        "steps_per_s_gui": round(gui_rate),
        "steps_per_s_headless": round(headless),
    }
    result["meets_targets"] = bool(
        result["fps"] >= TARGETS["fps"]
        and (result["p95_latency_ms"] or 0) <= TARGETS["p95_latency_ms"]
        and result["training_share"] >= TARGETS["training_share"])
    return result


def wait(app, seconds: float) -> None:
    """Run the event loop for `seconds`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
