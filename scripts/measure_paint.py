"""Per-frame GUI cost of the live window, single-threaded and reproducible.

Builds MainWindow on a paused Session (bench project: 500 circle points, 6×8 tanh), trains its own
Trainer to prepare N_SNAPS snapshots (res 200, running=True), then paints frame after frame:
    frame = MainWindow.paint(snap) + app.processEvents()
paced at FPS (the window's 10 Hz throttle of loss plot / activation view then behaves as live).
Reports median and p95 of the frame time and, per view, the mean time per frame (ms) in
show_snapshot (update_*) and in the view's GraphicsView.paintEvent (paint_*), and the mean
number of paint events per frame (count_*, a count, not ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/measure_paint.py [--frames 90] [--json]
        [--profile] [--items] [--png OUT.png]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import time
from collections import defaultdict

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_SNAPS = 12
FPS = 30.0


def _snapshots(project, run_id: int, n: int, res: int) -> list:
    from playground.core.nn.trainer import Trainer
    from playground.live.snapshot_builder import build_snapshot

    trainer = Trainer(project.spec(), project.data, project.config)
    snaps = []
    for _ in range(n):
        trainer.step(25)  # a couple of epochs' worth of batches: weights and maps move
        snaps.append(build_snapshot(trainer, run_id, res=res, running=True))
    return snaps


def _patch_paint(paint: dict, owner: dict) -> None:
    """Time every GraphicsView.paintEvent under its owner's name (patch before widgets exist:
    PySide binds the Python override when the instance is created)."""
    import pyqtgraph as pg

    original = pg.GraphicsView.paintEvent

    def paint_event(self, ev):
        t0 = time.perf_counter()
        original(self, ev)
        name = owner.get(id(self), "other")
        paint[name] += time.perf_counter() - t0
        paint["count_" + name] += 1

    pg.GraphicsView.paintEvent = paint_event


def _patch_items(paint: dict) -> None:
    """Time QGraphicsItem.paint per pyqtgraph item class (item_<Class>, ms per frame)."""
    import pyqtgraph as pg

    from playground.ui.graphics import palette

    classes = (
        pg.PlotCurveItem,
        pg.ScatterPlotItem,
        pg.TextItem,
        pg.ImageItem,
        palette.FastImage,
        pg.AxisItem,
        pg.LegendItem,
        pg.LabelItem,
        pg.InfiniteLine,
    )
    for cls in classes:
        original = cls.__dict__.get("paint")
        if original is None:
            continue

        def timed(self, *args, _original=original, _name=cls.__name__):
            t0 = time.perf_counter()
            _original(self, *args)
            paint["item_" + _name] += time.perf_counter() - t0

        cls.paint = timed


def _instrument(window, update: dict, owner: dict) -> None:
    """Time each view's show_snapshot; name each view's GraphicsView for the paint timer."""
    views = {
        "canvas": (window.canvas, window.canvas.plot_widget),
        "diagram": (window.diagram, window.diagram.graphics),
        "loss": (window.loss_plot, window.loss_plot.graphics),
        "activation": (window.activation_view, window.activation_view.plot),
    }
    owner.update({id(gv): name for name, (_v, gv) in views.items()})
    for name, (view, _gv) in views.items():
        show = view.show_snapshot

        def timed(*args, _show=show, _name=name, **kw):
            t0 = time.perf_counter()
            _show(*args, **kw)
            update[_name] += time.perf_counter() - t0

        view.show_snapshot = timed


def measure(
    frames: int = 90,
    res: int = 200,
    profile: bool = False,
    png: str | None = None,
    items: bool = False,
):
    from playground.cli.bench_gui import bench_project
    from playground.ui.app import application
    from playground.ui.session import Session
    from playground.ui.window.main_window import MainWindow

    app = application()
    update, paint, owner = defaultdict(float), defaultdict(float), {}
    _patch_paint(paint, owner)
    if items:
        _patch_items(paint)
    project = bench_project()
    session = Session(project)
    try:
        window = MainWindow(session, interactive=False, remember=False)
        window.resize(1600, 1000)
        window.show()
        snaps = _snapshots(project, session._run_id, N_SNAPS, res)
        for snap in snaps[:3]:  # warm up: the first frames build the views' items
            window.paint(snap)
            app.processEvents()
        _instrument(window, update, owner)
        rows, totals = [], []
        prof = cProfile.Profile() if profile else None
        period = 1.0 / FPS
        for i in range(frames):
            update.clear()
            paint.clear()
            start = time.perf_counter()
            if prof:
                prof.enable()
            window.paint(snaps[i % len(snaps)])
            app.processEvents()
            if prof:
                prof.disable()
            total = time.perf_counter() - start
            totals.append(total)
            rows.append(
                {
                    **{f"update_{k}": v for k, v in update.items()},
                    **{
                        (k if k.startswith(("count", "item")) else f"paint_{k}"): v
                        for k, v in paint.items()
                    },
                }
            )
            time.sleep(max(0.0, period - total))
        if png:
            window.grab().save(png)
        window.close()
    finally:
        session.shutdown()
    result = _summary(totals, rows, frames, res)
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    return result


def _summary(totals, rows, frames, res) -> dict:
    ms = 1000 * np.array(totals)
    keys = sorted({k for r in rows for k in r})
    per_view = {
        k: round(
            (1 if k.startswith("count") else 1000) * float(np.mean([r.get(k, 0.0) for r in rows])),
            2,
        )
        for k in keys
    }
    return {
        "frames": frames,
        "res": res,
        "frame_ms_median": round(float(np.median(ms)), 2),
        "frame_ms_p95": round(float(np.percentile(ms, 95)), 2),
        "frame_ms_mean": round(float(ms.mean()), 2),
        "mean_per_frame_by_view": per_view,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=90)
    parser.add_argument("--res", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--png", default=None, help="save the last frame as a PNG")
    parser.add_argument("--items", action="store_true", help="also time paint per item class")
    args = parser.parse_args()
    result = measure(args.frames, args.res, args.profile, args.png, args.items)
    if args.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k:<20} {v:7.2f} ms")
        else:
            print(f"{key:<20} {value}")


if __name__ == "__main__":
    main()
