"""Commands to the training loop and the events it answers with: frozen dataclasses.

A command travels as (seq, command); every event carries the seq of the last command applied
before it. Commands are dispatched with `match` in TrainingLoop; one that fails is answered by
its own Failed event and the commands after it still apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.data.pointset import PointSet
from playground.core.errors import Failure, StopReason
from playground.core.lessons.checks import CheckSpec
from playground.core.nn.history import RunState
from playground.core.nn.spec import NetworkSpec, TrainConfig


@dataclass(frozen=True)
class Load:
    """Build a new Trainer; `keep` carries the current run over where the shapes allow."""

    spec: NetworkSpec
    data: PointSet
    config: TrainConfig
    run_id: int
    params: tuple | None = None  # weights to start from ((W, b) per layer)
    keep: bool = True
    run: RunState | None = None  # with params: the saved run they belong to


@dataclass(frozen=True)
class SetData:
    data: PointSet


@dataclass(frozen=True)
class SetConfig:
    config: TrainConfig


@dataclass(frozen=True)
class Run:
    on: bool


@dataclass(frozen=True)
class TrainEpoch:
    """One epoch, then paused."""


@dataclass(frozen=True)
class TrainSteps:
    steps: int


@dataclass(frozen=True)
class Reset:
    run_id: int


@dataclass(frozen=True)
class Reinitialize:
    seed: int
    run_id: int


@dataclass(frozen=True)
class SetSpeed:
    epochs_per_second: float  # 0 = as fast as possible


@dataclass(frozen=True)
class SetStopRules:
    max_epochs: int | None
    target_loss: float | None


@dataclass(frozen=True)
class InsightRequest:
    """What the visible insight views need: the loop computes only their payloads."""

    views: frozenset[str] = frozenset()
    hidden_layer: int = 0  # hidden space: which hidden layer (0-based)
    hidden_units: tuple[int, int] | None = None  # two units to show; None: the first two
    hidden_pca: bool = False  # show the top two principal axes instead
    hidden_stage: str = "a"  # "z" (before the activation) or "a" (after)
    point: tuple[float, float] | None = None  # the inspector's input (plane coordinates)
    batch: int | None = None  # the equations' m; None: the training batch size
    extent: tuple[float, float, float, float] | None = None  # plane shown (2-D); None: default
    lesson: CheckSpec | None = None  # the lessons panel's live check (core.lessons.checks)


@dataclass(frozen=True)
class Subscribe:
    request: InsightRequest


@dataclass(frozen=True)
class Sync:
    """Ask for a snapshot (every command does; this one does nothing else)."""


Command = (
    Load
    | SetData
    | SetConfig
    | Run
    | TrainEpoch
    | TrainSteps
    | Reset
    | Reinitialize
    | SetSpeed
    | SetStopRules
    | Subscribe
    | Sync
)


@dataclass(frozen=True)
class SnapshotReady:
    snapshot: object  # live.snapshot.Snapshot
    seq: int


@dataclass(frozen=True)
class Stopped:
    reason: StopReason | None  # None: after an internal error, which Failed reported
    seq: int


@dataclass(frozen=True)
class Failed:
    failure: Failure
    command: str  # the command's class name
    seq: int


Event = SnapshotReady | Stopped | Failed
