"""PointSet: the data a network trains on, validated: finite bounded coordinates, labels in range.

X (n, d) raw coordinates; y (n,) int class ids (classification) or float targets (regression);
is_test (n,) bool marks the held-out points.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from playground.core import limits, validate
from playground.core.errors import Invalid

TASKS = ("binary", "multiclass", "regression")
PLANE_EXTENT = (-6.0, 6.0, -6.0, 6.0)  # x_min, x_max, y_min, y_max of the 2-D data sets


@dataclass(frozen=True, eq=False)
class PointSet:
    X: np.ndarray
    y: np.ndarray
    task: str = "binary"
    n_classes: int = 2  # 1 for regression
    is_test: np.ndarray = field(default=None)  # type: ignore[assignment]
    name: str = "custom"
    feature_names: tuple[str, ...] = ()  # names of raw input columns, e.g. iris measurements
    class_names: tuple[str, ...] = ()  # names of the classes (e.g. from a CSV); () = 1..K

    def __post_init__(self) -> None:
        validate.choice(self.task, TASKS, "task")
        X = _matrix(self.X)
        y = _labels(self.y, len(X), self.task, self.n_classes)
        is_test = np.zeros(len(X), bool) if self.is_test is None else np.asarray(self.is_test)
        if is_test.shape != (len(X),):
            raise Invalid("is_test", "shape", expected=(len(X),), value=is_test.shape)
        is_test = is_test.astype(bool)
        object.__setattr__(
            self, "feature_names", _names(self.feature_names, "feature_names", limits.MAX_INPUTS)
        )
        names = _names(self.class_names, "class_names", limits.MAX_CLASSES)
        if names and (self.task == "regression" or len(names) != self.n_classes):
            raise Invalid("class_names", "shape", expected=(self.n_classes,), value=(len(names),))
        object.__setattr__(self, "class_names", names)
        for k, v in (("X", X), ("y", y), ("is_test", is_test)):
            v.setflags(write=False)
            object.__setattr__(self, k, v)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, PointSet)
            and (self.task, self.n_classes, self.name, self.feature_names, self.class_names)
            == (other.task, other.n_classes, other.name, other.feature_names, other.class_names)
            and np.array_equal(self.X, other.X)
            and np.array_equal(self.y, other.y)
            and np.array_equal(self.is_test, other.is_test)
        )

    def class_label(self, k: int) -> str:
        """What the window calls class k: its name, or its number counted from 1."""
        return self.class_names[k] if self.class_names else str(k + 1)

    @property
    def n(self) -> int:
        return len(self.X)

    @property
    def dim(self) -> int:
        return self.X.shape[1]

    @property
    def n_outputs(self) -> int:
        return self.n_classes if self.task == "multiclass" else 1

    @property
    def train(self) -> tuple[np.ndarray, np.ndarray]:
        return self.X[~self.is_test], self.y[~self.is_test]

    @property
    def test(self) -> tuple[np.ndarray, np.ndarray]:
        return self.X[self.is_test], self.y[self.is_test]

    def targets(self, y: np.ndarray | None = None) -> np.ndarray:
        """Network targets (n, n_outputs): 0/1 column, one-hot rows, or real values."""
        y = self.y if y is None else y
        if self.task == "multiclass":
            return np.eye(self.n_classes)[y]
        return np.asarray(y, dtype=np.float64)[:, None]

    def with_split(self, test_fraction: float, seed: int = 0) -> PointSet:
        return replace(self, is_test=split_mask(self.n, test_fraction, seed))

    def add_point(self, x, label, test: bool = False) -> PointSet:
        X = np.vstack([self.X, np.asarray(x, dtype=np.float64).reshape(1, -1)])
        return replace(self, X=X, y=np.append(self.y, label), is_test=np.append(self.is_test, test))

    def remove_point(self, index: int) -> PointSet:
        keep = np.arange(self.n) != index
        return replace(self, X=self.X[keep], y=self.y[keep], is_test=self.is_test[keep])

    def move_point(self, index: int, x) -> PointSet:
        X = self.X.copy()
        X[index] = x
        return replace(self, X=X)


def _names(names, field: str, most: int) -> tuple[str, ...]:
    names = tuple(names)
    if len(names) > most or not all(isinstance(s, str) and 0 < len(s) <= 80 for s in names):
        raise Invalid(
            field,
            "shape",
            expected=f"at most {most} names of 1..80 characters",
            value=f"{len(names)} names",
        )
    return names


def _matrix(X) -> np.ndarray:
    """X as float64 (n, d), 1 ≤ d ≤ MAX_INPUTS, every |x| ≤ MAX_COORDINATE."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1:
        X = X[:, None]
    if X.ndim != 2 or not 1 <= X.shape[1] <= limits.MAX_INPUTS:
        raise Invalid("X", "shape", expected=f"(n, 1..{limits.MAX_INPUTS})", value=X.shape)
    validate.integer(len(X), "X", 0, limits.MAX_POINTS)
    _bounded(X, "X")
    return X


def _bounded(values: np.ndarray, field: str) -> None:
    bad = ~(np.abs(values) <= limits.MAX_COORDINATE)  # NaN fails too
    if bad.any():
        where = np.argwhere(bad)[0]
        raise Invalid(
            f"{field}[{', '.join(str(int(i)) for i in where)}]",
            "range",
            low=f"{-limits.MAX_COORDINATE:g}",
            high=f"{limits.MAX_COORDINATE:g}",
            value=f"{float(values[tuple(where)]):g}",
        )


def _labels(y, n: int, task: str, n_classes: int) -> np.ndarray:
    """Targets (n,) float64 for regression, class ids 0..K−1 int64 otherwise."""
    y = np.asarray(y)
    if y.shape != (n,):
        raise Invalid("y", "shape", expected=(n,), value=y.shape)
    if task == "regression":
        validate.integer(n_classes, "n_classes", 1, 1)
        y = y.astype(np.float64)
        _bounded(y, "y")
        return y
    if task == "binary" and n_classes != 2:
        raise Invalid("n_classes", "binary_classes", value=n_classes)
    validate.integer(n_classes, "n_classes", 2, limits.MAX_CLASSES)
    if y.dtype.kind == "f" and not np.all(y == np.round(y)):
        raise Invalid("y", "integer", value=float(y[y != np.round(y)][0]))
    if len(y) and (not np.all(np.isfinite(y)) or y.min() < 0 or y.max() >= n_classes):
        bad = y[~((y >= 0) & (y < n_classes))][0]
        raise Invalid("y", "labels_range", high=n_classes - 1, value=bad)
    return y.astype(np.int64)


def split_mask(n: int, test_fraction: float, seed: int = 0) -> np.ndarray:
    """is_test mask with round(n·test_fraction) test points chosen by seed."""
    validate.number(test_fraction, "test_fraction", 0.0, limits.MAX_TEST_FRACTION)
    rng = np.random.default_rng(seed)
    mask = np.zeros(n, bool)
    mask[rng.permutation(n)[: int(round(n * test_fraction))]] = True
    return mask
