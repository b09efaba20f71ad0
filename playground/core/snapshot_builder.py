"""Build a frozen Snapshot of a Trainer for the views (pure numpy; runs in the training worker).

Cost per call for a 6×8 net on 500 points at res 100: one grid pass (res² pixels through every
layer, float32) plus one full-batch forward/backward on the training points for the statistics.
"""

from __future__ import annotations

import math

import numpy as np

from playground.core import analysis, analysis_grid
from playground.core.pointset import PLANE_EXTENT, PointSet
from playground.core.snapshot import LayerStats, Snapshot
from playground.core.trainer import Trainer

DEFAULT_RES = 200  # decision map: res × res pixels
NEURON_PIXELS = 240_000  # budget for all neuron maps of one snapshot together (≈ 1 MB)
MAX_NEURON_RES, MIN_NEURON_RES = 100, 16
HISTORY_POINTS = 800  # epoch records per snapshot (the loss plot's points)


def neuron_res(spec, res: int) -> int:
    """Resolution of the per-neuron maps: as fine as the pixel budget allows, ≤ 100 and ≤ res."""
    units = sum(layer.units for layer in spec.layers)
    fit = int(math.sqrt(NEURON_PIXELS / max(units, 1)))
    return min(res, MAX_NEURON_RES, max(MIN_NEURON_RES, fit))


def thin_history(history: list, limit: int = HISTORY_POINTS) -> tuple[dict, ...]:
    """At most `limit` evenly spread epoch records, always the first and the last: enough for a
    loss curve, and a snapshot's size stays bounded however long training runs."""
    n = len(history)
    if n <= limit:
        return tuple(history)
    picks = np.unique(np.linspace(0, n - 1, limit).round().astype(int))
    return tuple(history[i] for i in picks)


def plane_extent(data: PointSet) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max) the maps cover.

    2-D: the standard plane, grown symmetrically if points lie outside it. 1-D: x over the
    data with a 10% margin, y over the targets (the plane shows x against the target).
    """
    if data.dim == 2:
        reach = float(np.abs(data.X).max()) * 1.05 if data.n else 0.0
        half = max(PLANE_EXTENT[1], reach)
        return (-half, half, -half, half)
    if data.dim == 1 and data.n:
        x0, x1 = float(data.X.min()), float(data.X.max())
        y0, y1 = float(data.y.min()), float(data.y.max())
        mx, my = 0.1 * max(x1 - x0, 1e-3), 0.1 * max(y1 - y0, 1e-3)
        return (x0 - mx, x1 + mx, y0 - my, y1 + my)
    return PLANE_EXTENT


def _frozen(a: np.ndarray, dtype=np.float32) -> np.ndarray:
    out = np.array(a, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


def layer_statistics(trainer: Trainer) -> tuple[tuple[np.ndarray, ...], tuple[LayerStats, ...]]:
    """(z per layer on the training inputs (n_train, units), LayerStats per hidden layer)."""
    train = ~trainer.data.is_test
    inputs, targets = trainer.inputs[train], trainer.targets[train]
    trace = trainer.network.forward(inputs)
    stats = analysis.unit_stats(trainer.network, inputs, targets, trainer.loss_name)
    frozen = []
    for st in stats:
        norm = st.grad_norm if math.isfinite(st.grad_norm) else math.inf
        frozen.append(LayerStats(_frozen(st.active_fraction), _frozen(st.dead, bool),
                                 _frozen(st.saturated, bool), norm))
    return tuple(_frozen(z) for z in trace.zs), tuple(frozen)


def grid_maps(trainer: Trainer, extent, res: int):
    """(neuron_maps per layer, output_map, class_map) on the grid; all None for d > 2.

    The decision map is res × res (a curve of res points for 1-D data); the neuron maps use a
    coarser grid (neuron_res) so a snapshot of a wide network stays small.
    """
    dim = trainer.data.dim
    if dim > 2 or res < 2:
        return None, None, None
    net, features = trainer.network, trainer.config.features
    coarse = res if dim == 1 else neuron_res(net.spec, res)
    maps = analysis_grid.grid_eval(net, features, extent, coarse, dim)
    fine = maps[-1] if coarse == res else analysis_grid.output_eval(net, features, extent,
                                                                    res, dim)
    output_map, class_map = analysis_grid.decision_maps(fine, trainer.data.task)
    for m in maps:
        m.setflags(write=False)
    output_map = _frozen(output_map)
    if class_map is not None:
        class_map = _frozen(class_map, np.int8)
    return tuple(maps), output_map, class_map


def build_snapshot(trainer: Trainer, run_id: int, res: int = DEFAULT_RES, running: bool = False,
                   message: str = "", extent=None, statistics=None) -> Snapshot:
    """A read-only Snapshot of the trainer's current state.

    `statistics` = (layer_z, layer_stats) from an earlier snapshot of the same network and data
    may be passed to skip recomputing them (the live loop refreshes them at ~10 Hz).
    """
    metrics = trainer.evaluate()
    extent = tuple(float(v) for v in (extent or plane_extent(trainer.data)))
    neuron_maps, output_map, class_map = grid_maps(trainer, extent, res)
    layer_z, layer_stats = statistics or layer_statistics(trainer)
    net = trainer.network
    diverged = bool(trainer.diverged)
    if diverged and not message:
        message = trainer.divergence_reason
    return Snapshot(
        run_id=run_id,
        step=trainer.step_count,
        epoch=trainer.epoch,
        train_loss=float(metrics.train_loss),
        test_loss=metrics.test_loss,
        train_accuracy=metrics.train_accuracy,
        test_accuracy=metrics.test_accuracy,
        history=thin_history(trainer.history),
        spec=trainer.spec,
        features=tuple(trainer.config.features),
        data=trainer.data,
        weights=tuple(_frozen(w, net.dtype) for w in net.weights),
        biases=tuple(_frozen(b, net.dtype) for b in net.biases),
        extent=extent,
        neuron_maps=neuron_maps,
        output_map=output_map,
        class_map=class_map,
        layer_z=layer_z,
        layer_stats=layer_stats,
        running=running,
        diverged=diverged,
        message=message,
        config=trainer.config,
    )
