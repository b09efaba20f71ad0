"""Snapshot: a frozen, read-only picture of a training run for the views to draw.

The training worker builds one from its Trainer (all math here, in core) and sends it to the GUI;
views only read it. Arrays are float32, row-major, and read-only.

Grid maps: for 2-D data, the plane `extent` = (x_min, x_max, y_min, y_max) is sampled on a
res × res grid; map[i, j] is the value at y = ys[i], x = xs[j] (row i = y, column j = x).
For 1-D data (sine), maps are curves of shape (res,) over x; for d > 2 (iris) there are no maps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.core.pointset import PointSet
from playground.core.spec import NetworkSpec
from playground.core.trainer import TrainConfig


@dataclass(frozen=True)
class LayerStats:
    """Statistics of one layer's units on the training inputs."""

    active_fraction: np.ndarray  # (units,) share of inputs with f'(z) clearly non-zero
    dead: np.ndarray  # (units,) bool: f'(z) == 0 on every training input
    saturated: np.ndarray  # (units,) bool: |f'(z)| < 0.01 on ≥ 90% of inputs
    grad_norm: float  # ‖dL/dW‖ of this layer on the training set

    @property
    def dead_fraction(self) -> float:
        return float(self.dead.mean()) if self.dead.size else 0.0

    @property
    def saturated_fraction(self) -> float:
        return float(self.saturated.mean()) if self.saturated.size else 0.0


@dataclass(frozen=True, eq=False)
class Snapshot:
    run_id: int  # bumped by every reset / structural edit: older snapshots are dropped
    step: int
    epoch: int
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    history: tuple[dict, ...]  # per epoch: epoch, step, train_loss, test_loss, *_accuracy
    spec: NetworkSpec
    features: tuple[str, ...]
    data: PointSet
    weights: tuple[np.ndarray, ...]  # W (n_out, n_in) per layer (hidden..., output)
    biases: tuple[np.ndarray, ...]  # b (n_out,) per layer
    extent: tuple[float, float, float, float]
    # per layer (hidden..., output): (units, res, res) for 2-D data, (units, res) for 1-D, or None
    neuron_maps: tuple[np.ndarray, ...] | None
    # decision map: (res, res) class-1 probability (binary), winning-class confidence (multiclass)
    # or value (regression); `class_map` (res, res) int8 winner for multiclass, else None
    output_map: np.ndarray | None
    class_map: np.ndarray | None
    layer_z: tuple[np.ndarray, ...]  # per layer: z on the training inputs (n_train, units)
    layer_stats: tuple[LayerStats, ...]  # per hidden layer
    running: bool = False
    diverged: bool = False
    message: str = ""
    config: TrainConfig | None = None  # the hyperparameters the trainer is using
    extras: dict = field(default_factory=dict)  # room for later insight views
