"""Per-frame cost of the network diagram alone, and of the whole live window on a big network.

Diagram alone (`measure_diagram`): a NetworkDiagram of the panel's size at 1600×1000 (940×430
px) shows N_SNAPS snapshots of a training tanh network (500 circle points, snapshots built as
the live loop builds them, running=True) frame after frame. Per frame it times
  update  NetworkDiagram.show_snapshot (items' data: links, thumbnails, marks)
  paint   one synchronous repaint of the diagram's viewport
and reports the median and p95 of each and of their sum, in ms of wall time and of the GUI
thread's CPU time (*_cpu_ms: steadier on a machine shared with other work).

Whole window (`measure_window`): the live benchmark of playground.cli.bench_gui (frames painted
per second, p95 lateness of a 10 ms GUI timer, training share) on a project of the given
layers, with the window at 1600×1000.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/measure_diagram.py
        [--layers 6x8,3x16,10x64] [--frames 60] [--size 940x430] [--window] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_SNAPS = 8
PANEL = (940, 430)  # the diagram's size in the window at 1600×1000


def _project(depth: int, width: int, activation: str = "tanh"):
    from playground.core.data import datasets
    from playground.core.files.project import Project
    from playground.core.files.view import ViewState
    from playground.core.nn.spec import LayerSpec, TrainConfig

    data = datasets.generate("circle", 500, 0.0, 0, 2, 0.5)
    hidden = tuple(LayerSpec(width, activation) for _ in range(depth))
    return Project(data, hidden, TrainConfig(), name=f"{depth}x{width}", view=ViewState(speed=0.0))


def _snapshots(project, n: int) -> list:
    from playground.core.nn.trainer import Trainer
    from playground.live.snapshot_builder import DEFAULT_RES, build_snapshot

    trainer = Trainer(project.spec(), project.data, project.config)
    out = []
    for _ in range(n):
        trainer.step(25)
        out.append(build_snapshot(trainer, 1, res=DEFAULT_RES, running=True))
    return out


def _stats(ms: list[float]) -> dict:
    a = np.asarray(ms)
    return {"median": round(float(np.median(a)), 2), "p95": round(float(np.percentile(a, 95)), 2)}


def measure_diagram(depth: int, width: int, frames: int = 60, size=PANEL) -> dict:
    """Median and p95 (ms) of the diagram's update, paint and both, per frame."""
    from playground.ui.app import application
    from playground.ui.views.network_diagram import NetworkDiagram

    app = application()
    snaps = _snapshots(_project(depth, width), N_SNAPS)
    diagram = NetworkDiagram()
    diagram.resize(*size)
    diagram.show()
    for snap in snaps[:3]:  # the first frame builds the items
        diagram.show_snapshot(snap)
        app.processEvents()
    viewport = diagram.graphics.viewport()
    wall = {"update": [], "paint": [], "frame": []}
    cpu = {"update": [], "paint": [], "frame": []}
    for i in range(frames):
        t0, c0 = time.perf_counter(), time.thread_time()
        diagram.show_snapshot(snaps[i % len(snaps)])
        t1, c1 = time.perf_counter(), time.thread_time()
        viewport.repaint()
        t2, c2 = time.perf_counter(), time.thread_time()
        for out, (a, b, c) in ((wall, (t0, t1, t2)), (cpu, (c0, c1, c2))):
            out["update"].append(1000 * (b - a))
            out["paint"].append(1000 * (c - b))
            out["frame"].append(1000 * (c - a))
    diagram.close()
    app.processEvents()
    return {
        "layers": f"{depth}x{width}",
        "frames": frames,
        "size": f"{size[0]}x{size[1]}",
        **{f"{k}_ms": _stats(v) for k, v in wall.items()},
        **{f"{k}_cpu_ms": _stats(v) for k, v in cpu.items()},
    }


def measure_window(depth: int, width: int, seconds: float = 8.0) -> dict:
    """bench --gui's live measurement (fps, p95 latency, training share) on depth × width tanh."""
    from playground.cli import bench_gui
    from playground.ui.app import application
    from playground.ui.session import Session
    from playground.ui.window.main_window import MainWindow

    app = application()
    project = _project(depth, width)
    session = Session(project)
    try:
        window = MainWindow(session, interactive=False, remember=False)
        result = bench_gui._measure(app, session, window, seconds, project)
    finally:
        session.shutdown()
    return {"layers": f"{depth}x{width}", **result}


def _sizes(text: str) -> list[tuple[int, int]]:
    return [tuple(int(v) for v in item.split("x")) for item in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", default="6x8,3x16,10x64", help="DEPTHxWIDTH[,…]")
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--size", default=f"{PANEL[0]}x{PANEL[1]}", help="diagram size WxH")
    parser.add_argument(
        "--window", action="store_true", help="also run the live window benchmark on each network"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    size = _sizes(args.size)[0]
    results = []
    for depth, width in _sizes(args.layers):
        results.append(measure_diagram(depth, width, args.frames, size))
        if args.window:
            results.append({"window": measure_window(depth, width)})
    if args.json:
        print(json.dumps(results))
        return
    for row in results:
        print(row)


if __name__ == "__main__":
    main()
