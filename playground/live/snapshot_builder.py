"""Build a frozen Snapshot of a Trainer for the views (runs in the training process).

Cost per call for a 6×8 net on 500 points at res 100: one grid pass (res² pixels through every
layer, float32) plus, when the statistics are due, one full-batch forward/backward on the
training points. No maths of its own: it composes core.analysis.
"""

from __future__ import annotations

import math

import numpy as np

from playground.core.analysis import grid, units
from playground.core.nn.trainer import Trainer
from playground.live.snapshot import SHARED, Snapshot, quantize

DEFAULT_RES = 200  # decision map: res × res pixels
NEURON_PIXELS = 120_000  # all neuron maps of one snapshot together (tiles are ≤ ~50 px on screen)
MAX_NEURON_RES, MIN_NEURON_RES = 100, 16
# while running, the decision map's pass through the network takes at most about this many
# multiply-adds (≈ 0.6 ms here; a unit's activation counts as ACTIVATION_MACS): a wide, deep net
# gets a coarser map (drawn smooth), the full one once it rests. 6×8 tanh: 109², 4×32: 42²;
# a snapshot at ~32 Hz then takes ~5 % of the training process's time
RUNNING_MACS = 7e6
ACTIVATION_MACS = 5  # tanh on float32 costs about 5 multiply-adds of a float32 matmul here
MIN_RUNNING_RES = 20  # 10×64: 400 pixels (1.2 ms), drawn smooth
HISTORY_POINTS = 512  # history buckets per snapshot (the loss plot's points)


def neuron_res(spec, res: int) -> int:
    """Resolution of the per-neuron maps: as fine as the pixel budget allows, ≤ 100 and ≤ res."""
    n_units = sum(layer.units for layer in spec.layers)
    fit = int(math.sqrt(NEURON_PIXELS / max(n_units, 1)))
    return min(res, MAX_NEURON_RES, max(MIN_NEURON_RES, fit))


def running_res(spec, res: int) -> int:
    """Decision-map resolution while training: res, or coarser so that res² pixels through
    the network (Σ n_in·n_out + ACTIVATION_MACS·Σ n_out each) stay within RUNNING_MACS."""
    sizes = spec.sizes
    macs = sum(a * b for a, b in zip(sizes[:-1], sizes[1:], strict=False))
    macs += ACTIVATION_MACS * sum(sizes[1:])
    fit = int(math.sqrt(RUNNING_MACS / max(macs, 1)))
    return max(min(res, MIN_RUNNING_RES), min(res, fit))


def _frozen(a: np.ndarray, dtype=np.float32) -> np.ndarray:
    out = np.array(a, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


def layer_statistics(trainer: Trainer) -> tuple[units.LayerStats, ...]:
    """LayerStats per hidden layer on the training points (grad norms non-finite → inf)."""
    train = ~trainer.data.is_test
    stats = units.unit_stats(
        trainer.network, trainer.inputs[train], trainer.targets[train], trainer.loss_name
    )
    return tuple(
        units.LayerStats(
            _frozen(st.active_fraction),
            _frozen(st.dead, bool),
            _frozen(st.saturated, bool),
            st.grad_norm if math.isfinite(st.grad_norm) else math.inf,
            st.z_range,
            _frozen(st.z_counts, np.int64),
        )
        for st in stats
    )


def square_within(extent) -> tuple[float, float, float, float]:
    """The square centred in extent (x0, x1, y0, y1) whose side is its shorter side."""
    x0, x1, y0, y1 = extent
    half = min(x1 - x0, y1 - y0) / 2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (cx - half, cx + half, cy - half, cy + half)


def grid_maps(trainer: Trainer, extent, res: int):
    """(neuron codes per layer, their levels, output_map, class_map); all None for d > 2.

    The decision map is res × res over extent (a curve of res points for 1-D data); the 2-D
    neuron maps cover square_within(extent) on a coarser grid (neuron_res) so a snapshot of a
    wide network stays small.
    """
    dim = trainer.data.dim
    if dim > 2 or res < 2:
        return None, None, None, None
    net, features = trainer.network, trainer.config.features
    coarse = res if dim == 1 else neuron_res(net.spec, res)
    square = extent if dim == 1 else square_within(extent)
    maps = grid.grid_eval(net, features, square, coarse, dim)
    same = coarse == res and square == tuple(extent)
    fine = maps[-1] if same else grid.output_eval(net, features, extent, res, dim)
    output_map, class_map = grid.decision_maps(fine, trainer.data.task)
    levels = tuple(
        grid.map_levels(layer, m) for layer, m in zip(net.spec.layers, maps, strict=True)
    )
    codes = tuple(quantize(m, lo, hi) for m, (lo, hi) in zip(maps, levels, strict=True))
    output_map = _frozen(output_map)
    if class_map is not None:
        class_map = _frozen(class_map, np.int8)
    return codes, levels, output_map, class_map


def build_snapshot(
    trainer: Trainer,
    run_id: int,
    res: int = DEFAULT_RES,
    running: bool = False,
    extent=None,
    statistics=None,
    include=SHARED,
    insights=None,
) -> Snapshot:
    """A read-only Snapshot of the trainer's current state.

    `statistics`: LayerStats from an earlier snapshot of the same network and data, to skip
    recomputing them (the live loop refreshes them at ~10 Hz). `include`: which SHARED parts to
    carry (the others are left None for the receiver to fill in).
    """
    metrics = trainer.latest_metrics() if running else trainer.evaluate()
    extent = tuple(float(v) for v in (extent or grid.plane_extent(trainer.data)))
    if running and trainer.data.dim == 2:
        res = running_res(trainer.spec, res)
    codes, levels, output_map, class_map = grid_maps(trainer, extent, res)
    net = trainer.network
    return Snapshot(
        run_id=run_id,
        step=trainer.step_count,
        epoch=trainer.epoch,
        train_loss=metrics.train_loss,
        test_loss=metrics.test_loss,
        train_accuracy=metrics.train_accuracy,
        test_accuracy=metrics.test_accuracy,
        weights=tuple(_frozen(w, net.dtype) for w in net.weights),
        biases=tuple(_frozen(b, net.dtype) for b in net.biases),
        extent=extent,
        neuron_maps=codes,
        neuron_levels=levels,
        output_map=output_map,
        class_map=class_map,
        running=running,
        stop=trainer.stop_reason,
        insights=insights,
        neuron_extent=square_within(extent) if trainer.data.dim == 2 else None,
        **_shared_parts(trainer, include, statistics),
    )


def _shared_parts(trainer: Trainer, include, statistics) -> dict:
    """The SHARED parts named in `include`, the others None (computed only when included)."""
    parts = {
        "data": lambda: trainer.data,
        "spec": lambda: trainer.spec,
        "config": lambda: trainer.config,
        "initial": trainer.initial_params,
        "history": lambda: trainer.history.data().compact(HISTORY_POINTS),
        "layer_stats": lambda: statistics or layer_statistics(trainer),
    }
    return {name: (part() if name in include else None) for name, part in parts.items()}
