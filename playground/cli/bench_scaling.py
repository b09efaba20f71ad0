"""How cost grows: headless steps/s and the live window's fps against width, depth and points.

Each row changes one thing from the base (6 layers × 8 tanh units, 500 circle points, batch 10):
the width of every layer (8…64), the depth (1…10 layers of 8) or the points (500…100,000).
Headless: Trainer.step in chunks for `headless_s`; live: bench_gui.run for `live_s` with the
main views (no insight view), which also measures the training share.
"""

from __future__ import annotations

import time

from playground.cli import bench_gui
from playground.core.nn.trainer import Trainer

WIDTHS = (8, 16, 32, 64)
DEPTHS = (1, 2, 4, 10)
POINTS = (500, 5_000, 20_000, 100_000)
BASE_UNITS, BASE_DEPTH, BASE_POINTS = 8, 6, 500


def layers(units: int, depth: int) -> str:
    return ",".join([f"{units}:tanh"] * depth)


def cases() -> list[tuple[str, str, int]]:
    """(what varies, layers, points) per row."""
    rows = [(f"width {w}", layers(w, BASE_DEPTH), BASE_POINTS) for w in WIDTHS]
    rows += [(f"depth {d}", layers(BASE_UNITS, d), BASE_POINTS) for d in DEPTHS]
    rows += [(f"points {n:,}", layers(BASE_UNITS, BASE_DEPTH), n) for n in POINTS]
    return rows


def headless_steps(layer_text: str, points: int, seconds: float) -> float:
    project = bench_gui.bench_project(layer_text, points)
    trainer = Trainer(project.spec(), project.data, project.config)
    trainer.step(20)
    done, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        done += trainer.step(50)
    return done / (time.perf_counter() - t0)


def run(headless_s: float = 1.0, live_s: float = 4.0) -> dict:
    rows = []
    for what, layer_text, points in cases():
        live = bench_gui.run(seconds=live_s, layers=layer_text, points=points)
        rows.append(
            {
                "case": what,
                "layers": layer_text,
                "points": points,
                "steps_per_s": round(headless_steps(layer_text, points, headless_s)),
                "fps": live["fps"],
                "p95_latency_ms": live["p95_latency_ms"],
                "training_share": live["training_share"],
            }
        )
    return {"rows": rows}


def format_table(result: dict) -> str:
    head = f"{'case':<16}{'steps/s':>10}{'live fps':>10}{'p95 ms':>8}{'share':>7}"
    lines = [head, "-" * len(head)]
    for r in result["rows"]:
        lines.append(
            f"{r['case']:<16}{r['steps_per_s']:>10,}{r['fps']:>10.1f}"
            f"{r['p95_latency_ms'] or 0:>8.1f}{r['training_share']:>7.2f}"
        )
    return "\n".join(lines)
