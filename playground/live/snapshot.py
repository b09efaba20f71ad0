"""Snapshot: a frozen, read-only picture of a training run for the views to draw.

Built in the training process (snapshot_builder) and sent to the GUI. To keep frames small, the
slow-changing parts travel only when they change: `data`, `spec`, `config`, `history` and
`layer_stats` are None when they equal those of the previous snapshot of the same loop, and the
receiving side fills them in (`Hydrator`) before anyone reads the snapshot.

Grid maps: for 2-D data, the plane `extent` = (x_min, x_max, y_min, y_max) is sampled on a
res × res grid; map[i, j] is the value at y = ys[i], x = xs[j] (row i = y, column j = x).
For 1-D data (sine), maps are curves of shape (res,) over x; for d > 2 (iris) there are none.
Neuron maps are quantized: code (uint8) k stands for lo + (k + ½)·(hi − lo)/256 with (lo, hi)
= neuron_levels[layer], so a 256-entry colour table shows them without loss.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from playground.core.analysis.units import LayerStats
from playground.core.data.pointset import PointSet
from playground.core.errors import StopReason
from playground.core.nn.history import HistoryData, RunState
from playground.core.nn.spec import NetworkSpec, TrainConfig

# sent only when they change
SHARED = ("data", "spec", "config", "initial", "history", "layer_stats")
LEVELS = 256


LOOP_PARTS = ("training", "snapshots", "payloads", "sending")  # LoopTime's seconds fields


@dataclass(frozen=True)
class LoopTime:
    """Seconds the training loop spent since it started, up to the previous snapshot's send:
    what `bench --gui` splits a live run's time into."""

    training: float = 0.0  # in Trainer.step
    steps: int = 0  # the steps those took
    snapshots: float = 0.0  # building snapshots (maps, metrics)
    payloads: float = 0.0  # statistics and insight payloads
    sending: float = 0.0  # handing snapshots to the pipe (pickling, writing)


@dataclass(frozen=True, eq=False)
class Snapshot:
    run_id: int  # bumped by every reset / structural edit: older snapshots are dropped
    step: int
    epoch: int
    train_loss: float | None  # None without training points
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    weights: tuple[np.ndarray, ...]  # W (n_out, n_in) per layer (hidden..., output)
    biases: tuple[np.ndarray, ...]  # b (n_out,) per layer
    extent: tuple[float, float, float, float]
    # per layer (hidden..., output): uint8 codes (units, res, res) for 2-D data, (units, res)
    # for 1-D, or None; neuron_levels[layer] = (lo, hi) of the codes
    neuron_maps: tuple[np.ndarray, ...] | None
    neuron_levels: tuple[tuple[float, float], ...] | None
    # decision map: (res, res) class-1 probability (binary), winning-class confidence (multiclass)
    # or value (regression); `class_map` (res, res) int8 winner for multiclass, else None
    output_map: np.ndarray | None
    class_map: np.ndarray | None
    running: bool = False
    stop: StopReason | None = None  # set while the run is stopped by divergence
    data: PointSet | None = None
    spec: NetworkSpec | None = None
    config: TrainConfig | None = None
    initial: tuple | None = None  # ((W, b), …) initial weights: what Reset returns to
    history: HistoryData | None = None
    layer_stats: tuple[LayerStats, ...] | None = None  # per hidden layer
    insights: dict | None = None  # view name → payload, for the subscribed views
    # the square the 2-D neuron maps cover (centred in `extent`, its shorter side): square
    # thumbnails keep the plane's angles; None: `extent`
    neuron_extent: tuple[float, float, float, float] | None = None
    loop_time: LoopTime | None = None  # set by the live loop

    @property
    def diverged(self) -> bool:
        return self.stop is not None

    @property
    def features(self) -> tuple[str, ...]:
        return self.config.features

    def run_state(self) -> RunState:
        return RunState(self.initial, self.step, self.epoch, self.history)

    def neuron_values(self, layer: int) -> np.ndarray:
        """The float32 values the codes of one layer stand for."""
        lo, hi = self.neuron_levels[layer]
        codes = self.neuron_maps[layer].astype(np.float32)
        return np.float32(lo) + (codes + np.float32(0.5)) * np.float32((hi - lo) / LEVELS)


def quantize(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """uint8 codes of values on [lo, hi] (clipped; NaN → 0), a new read-only array."""
    scale = LEVELS / (hi - lo) if hi > lo else 0.0
    with np.errstate(invalid="ignore", over="ignore"):  # ∞·0 and ∞ − ∞ become NaN → 0
        codes = np.subtract(values, np.float32(lo), dtype=np.float32)
        codes *= np.float32(scale)
    np.fmax(codes, 0.0, out=codes)  # fmax(NaN, 0) = 0, and −∞ → 0
    np.minimum(codes, LEVELS - 1, out=codes)
    out = codes.astype(np.uint8)
    out.setflags(write=False)
    return out


class Hydrator:
    """Fills the parts a snapshot left out with the last ones received (receiving side); the
    insight payloads a snapshot did not recompute are the last ones of those views."""

    def __init__(self) -> None:
        self._last: dict = {}
        self._insights: dict = {}

    def __call__(self, snap: Snapshot) -> Snapshot:
        missing = {}
        for name in SHARED:
            value = getattr(snap, name)
            if value is None:
                missing[name] = self._last.get(name)
            else:
                self._last[name] = value
        self._insights.update(snap.insights or {})
        return replace(snap, insights=dict(self._insights), **missing)
