"""Benchmark of exact linear regions against the grid-sampled count they replace.

Each case is a ReLU network at He initialization (`initializers.initialize(net, "he", seed)`:
biases 0, so every kink line passes through the origin) over [−1, 1]², and one with the same
weights and biases N(0, 0.1²), which puts the lines in general position (about 7,000 regions
for 2-64-64). A round runs the exact computation (`linear_regions`, decision boundary
included) BLOCK times back to back, then the 200×200 grid of `affine.activation_regions`.
ms: the median over rounds of each block's median wall time; cpu_ms the same in process time
(above ms: more than one thread; below: other work shared the core); first_ms the median of
the first run after the grid (on this machine up to 2x slower: the grid's megabytes leave
memory cold); time_ratio the median per round of grid / exact (the machine drifts ±20%);
missed the regions the grid did not see.
"""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass

import numpy as np

from playground.core.analysis import affine, regions
from playground.core.nn import initializers
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec

EXTENT = (-1.0, 1.0, -1.0, 1.0)
GRID_RES = 200
BLOCK = 5  # exact runs per round (the first after the grid's megabytes runs up to 2x slower)
FEATURES = ("x1", "x2")


@dataclass(frozen=True)
class RegionCase:
    name: str
    description: str
    hidden: tuple[int, ...]
    bias: float = 0.0  # standard deviation of the biases (0: He initialization as it is)
    target_ms: float | None = None


CASES = (
    RegionCase("R1", "2-8x6 relu, He", (8,) * 6, target_ms=5.0),
    RegionCase("R2", "2-32x4 relu, He", (32,) * 4),
    RegionCase("R3", "2-50-50 relu, He", (50, 50)),
    RegionCase("R4", "2-64-64 relu, He", (64, 64), target_ms=50.0),
    RegionCase("R5", "2-64-64 relu, He, biases N(0,0.1^2)", (64, 64), 0.1, target_ms=50.0),
)


def network(case: RegionCase, seed: int = 0) -> Network:
    spec = NetworkSpec(2, tuple(LayerSpec(units, "relu") for units in case.hidden), 1, "sigmoid")
    net = Network(spec)
    initializers.initialize(net, "he", seed)
    if case.bias:
        rng = np.random.default_rng(seed)
        for b in net.biases:
            b[...] = rng.normal(0.0, case.bias, b.shape)
    return net


def _timed(run) -> tuple[float, float, object]:
    """(wall s, process s, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def run_case(case: RegionCase, rounds: int) -> dict:
    """Per round: BLOCK exact runs back to back, then one grid run."""
    net = network(case)
    exact = regions.linear_regions(net, EXTENT)  # warm-up
    walls, cpus, firsts, ratios = [], [], [], []
    for _ in range(rounds):
        block = [_timed(lambda: regions.linear_regions(net, EXTENT)) for _ in range(BLOCK)]
        grid_wall, _, grid = _timed(
            lambda: affine.activation_regions(net, FEATURES, EXTENT, GRID_RES)
        )
        wall = statistics.median(w for w, _, _ in block)
        walls.append(wall)
        cpus.append(statistics.median(c for _, c, _ in block))
        firsts.append(block[0][0])
        ratios.append(grid_wall / wall)
        exact = block[-1][2]
    ms = 1000.0 * statistics.median(walls)
    passed = None if case.target_ms is None else ms <= case.target_ms
    return {
        "name": case.name,
        "description": case.description,
        "ms": ms,
        "cpu_ms": 1000.0 * statistics.median(cpus),
        "first_ms": 1000.0 * statistics.median(firsts),
        "regions": exact.count,
        "regions_per_s": exact.count / statistics.median(walls),
        "grid_regions": grid.count,
        "missed": exact.count - grid.count,
        "time_ratio": statistics.median(ratios),
        "target_ms": case.target_ms,
        "passed": passed,
    }


def run(rounds: int = 9) -> dict:
    """Every case; the load average before and after says how busy the machine was."""
    before = os.getloadavg()
    cases = [run_case(case, rounds) for case in CASES]
    verdicts = [c["passed"] for c in cases if c["passed"] is not None]
    return {
        "extent": list(EXTENT),
        "grid_res": GRID_RES,
        "rounds": rounds,
        "load_average": [before[0], os.getloadavg()[0]],
        "cases": cases,
        "passed": all(verdicts),
    }


def format_table(result: dict) -> str:
    head = (
        f"{'case':<5}{'exact regions':<38}{'ms':>8}{'cpu ms':>8}{'first ms':>9}{'regions':>9}"
        f"{'regions/s':>11}"
        f"{'grid':>7}{'missed':>8}{'grid/exact':>11}{'target':>9}  result"
    )
    lines = [head, "-" * len(head)]
    for c in result["cases"]:
        verdict = "n/a" if c["passed"] is None else "PASS" if c["passed"] else "FAIL"
        target = "" if c["target_ms"] is None else f"<={c['target_ms']:g}ms"
        lines.append(
            f"{c['name']:<5}{c['description']:<38}{c['ms']:>8.2f}{c['cpu_ms']:>8.2f}"
            f"{c['first_ms']:>9.2f}{c['regions']:>9,}"
            f"{c['regions_per_s']:>11,.0f}{c['grid_regions']:>7,}{c['missed']:>8,}"
            f"{c['time_ratio']:>10.1f}x{target:>9}  {verdict}"
        )
    load = result["load_average"]
    lines.append(
        f"ms: median over {result['rounds']} rounds of {BLOCK} exact runs each, a "
        f"{result['grid_res']}x{result['grid_res']} grid run between rounds, on [-1,1]^2 (cpu "
        f"ms: process time; first ms: the first run after the grid); grid/exact: median time "
        f"ratio; missed: regions the grid did not see; load average {load[0]:.2f} -> "
        f"{load[1]:.2f}"
    )
    return "\n".join(lines)
