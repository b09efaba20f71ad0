"""History: records of a run (per-epoch loss and accuracy, or any named metrics), bounded in
memory and honest.

Records are numbered by consecutive integers (epochs for the loss history; the trainer's gradient
norms use step // GRAD_EVERY) and go into at most `capacity` buckets. Bucket k covers records
first[k]..last[k] and keeps, per metric, the min, the max and the last value of its records (NaN
where a metric is absent). When the buckets are full, neighbours merge pairwise and new buckets
span twice as many records, so every range stays represented and no extreme is ever dropped.

Arrays: first, last, step (n,) int64; low, high, final (n, len(metrics)) float64.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

METRICS = ("train_loss", "test_loss", "train_accuracy", "test_accuracy")
CAPACITY = 2048


@dataclass(frozen=True, eq=False)
class HistoryData:
    """A frozen copy of a History (what snapshots and project files carry)."""

    first: np.ndarray
    last: np.ndarray
    step: np.ndarray
    low: np.ndarray
    high: np.ndarray
    final: np.ndarray
    span: int = 1  # records per full bucket
    metrics: tuple[str, ...] = METRICS  # the columns of low, high and final

    def __post_init__(self) -> None:
        object.__setattr__(self, "metrics", tuple(self.metrics))
        for name in ("first", "last", "step", "low", "high", "final"):
            a = np.array(
                getattr(self, name),
                dtype=np.int64 if name in ("first", "last", "step") else np.float64,
            )
            a.setflags(write=False)
            object.__setattr__(self, name, a)

    def __len__(self) -> int:
        return len(self.last)

    def __eq__(self, other) -> bool:
        if not isinstance(other, HistoryData):
            return NotImplemented
        return (
            self.span == other.span
            and self.metrics == other.metrics
            and all(
                np.array_equal(getattr(self, k), getattr(other, k), equal_nan=True)
                for k in ("first", "last", "step", "low", "high", "final")
            )
        )

    def column(self, metric: str, kind: str = "final") -> np.ndarray:
        """(n,) values of one metric: "final" (last record of each bucket), "low" or "high"."""
        return getattr(self, kind)[:, self.metrics.index(metric)]

    def compact(self, limit: int) -> HistoryData:
        """At most `limit` buckets: neighbours merged pairwise until it fits (same rule)."""
        data = self
        while len(data) > limit:
            data = _merged(data)
        return data

    def with_columns(self, metrics: tuple[str, ...], sources) -> HistoryData:
        """The same buckets with new columns: column j is the old column sources[j], or NaN
        (nothing recorded) where sources[j] is None."""
        picked = []
        for values in (self.low, self.high, self.final):
            out = np.full((len(self), len(metrics)), math.nan)
            for j, k in enumerate(sources):
                if k is not None:
                    out[:, j] = values[:, k]
            picked.append(out)
        return HistoryData(self.first, self.last, self.step, *picked, self.span, metrics)

    @staticmethod
    def empty(metrics: tuple[str, ...] = METRICS) -> HistoryData:
        z = np.zeros(0, np.int64)
        m = np.zeros((0, len(metrics)))
        return HistoryData(z, z, z, m, m, m, metrics=metrics)


def _merged(d: HistoryData) -> HistoryData:
    """Buckets (0, 1), (2, 3), … joined; an odd last bucket stays on its own."""
    n = len(d)
    a, b = slice(0, n - 1, 2), slice(1, n, 2)
    first = np.concatenate([d.first[a], d.first[n - 1 :]]) if n % 2 else d.first[a]

    def pair(x, join):
        joined = join(x[a], x[b])
        return np.concatenate([joined, x[n - 1 :]]) if n % 2 else joined

    final = pair(d.final, lambda p, q: np.where(np.isnan(q), p, q))
    return HistoryData(
        first,
        pair(d.last, lambda p, q: q),
        pair(d.step, lambda p, q: q),
        pair(d.low, np.fmin),
        pair(d.high, np.fmax),
        final,
        2 * d.span,
        d.metrics,
    )


class History:
    """Append-only, bounded records; hands out frozen HistoryData copies."""

    def __init__(self, capacity: int = CAPACITY, metrics: tuple[str, ...] = METRICS):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 2")
        self.capacity = capacity
        self.metrics = tuple(metrics)
        self._ints = np.zeros((capacity, 3), np.int64)  # first, last, step
        self._vals = np.zeros((3, capacity, len(self.metrics)))  # low, high, final
        self._n = 0
        self._span = 1
        self._fill = 0  # records in the last bucket
        self._open: list | None = None  # [low, high, final] of the last bucket, as lists

    def __len__(self) -> int:
        return self._n

    @property
    def span(self) -> int:
        return self._span

    def append(self, epoch: int, step: int, values: dict) -> None:
        """One record (record number `epoch`); values maps metric names to a number or None."""
        self.append_row(
            epoch,
            step,
            [math.nan if values.get(k) is None else float(values[k]) for k in self.metrics],
        )

    def append_row(self, epoch: int, step: int, v: list[float]) -> None:
        """One record given as a list of floats in the order of `metrics` (NaN: absent)."""
        if self._n and self._fill < self._span:  # into the open bucket (plain floats: fast)
            low, high, final = self._open
            for k, x in enumerate(v):
                if x == x:  # not NaN
                    low[k] = x if not low[k] <= x else low[k]
                    high[k] = x if not high[k] >= x else high[k]
                    final[k] = x
            self._ints[self._n - 1, 1:] = (epoch, step)
            self._fill += 1
            return
        self._close()
        if self._n == self.capacity:
            self._halve()
        self._ints[self._n] = (epoch, epoch, step)
        self._open = [list(v), list(v), list(v)]
        self._n += 1
        self._fill = 1

    def _close(self) -> None:
        """Write the open bucket's values into the arrays."""
        if self._open is not None:
            self._vals[:, self._n - 1] = self._open

    def _halve(self) -> None:
        merged = _merged(self.data())
        self._open = None
        n = len(merged)
        self._ints[:n] = np.column_stack([merged.first, merged.last, merged.step])
        self._vals[:, :n] = merged.low, merged.high, merged.final
        self._n, self._span = n, merged.span

    def data(self) -> HistoryData:
        self._close()
        n = self._n
        return HistoryData(
            self._ints[:n, 0],
            self._ints[:n, 1],
            self._ints[:n, 2],
            self._vals[0, :n],
            self._vals[1, :n],
            self._vals[2, :n],
            self._span,
            self.metrics,
        )

    @classmethod
    def from_data(cls, data: HistoryData, capacity: int = CAPACITY) -> History:
        history = cls(capacity, data.metrics)
        data = data.compact(capacity)
        n = len(data)
        history._ints[:n] = np.column_stack([data.first, data.last, data.step])
        history._vals[:, :n] = data.low, data.high, data.final
        history._n, history._span = n, data.span
        history._fill = int(data.last[-1] - data.first[-1] + 1) if n else 0
        if n:
            history._open = [list(data.low[-1]), list(data.high[-1]), list(data.final[-1])]
        return history

    def copy(self) -> History:
        return History.from_data(self.data(), self.capacity)


@dataclass(frozen=True, eq=False)
class RunState:
    """A run to continue: its initial weights (what Reset returns to), counters and history."""

    initial: tuple | None  # ((W, b), …) per layer, or None: the initializer's weights
    step: int
    epoch: int
    history: HistoryData

    def __eq__(self, other) -> bool:
        if not isinstance(other, RunState):
            return NotImplemented
        same_initial = (self.initial is None) == (other.initial is None) and (
            self.initial is None
            or all(
                np.array_equal(a, b)
                for p, q in zip(self.initial, other.initial, strict=True)
                for a, b in zip(p, q, strict=True)
            )
        )
        return (
            same_initial
            and (self.step, self.epoch) == (other.step, other.epoch)
            and self.history == other.history
        )
