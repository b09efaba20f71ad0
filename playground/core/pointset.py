"""PointSet: the data a network trains on, and the input feature transforms.

X (n, d) raw coordinates; y (n,) int class ids (classification) or float targets (regression);
is_test (n,) bool marks the held-out points.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

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

    def __post_init__(self) -> None:
        X = np.asarray(self.X, dtype=np.float64)
        if X.ndim == 1:
            X = X[:, None]
        if X.ndim != 2:
            raise ValueError(f"X must be (n, d), got shape {X.shape}")
        y = np.asarray(self.y)
        y = y.astype(np.float64) if self.task == "regression" else y.astype(np.int64)
        if y.shape != (len(X),):
            raise ValueError(f"y must be ({len(X)},), got shape {y.shape}")
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, got {self.task!r}")
        if self.task == "binary" and self.n_classes != 2:
            raise ValueError(f"binary data has 2 classes, got n_classes={self.n_classes}")
        if self.task != "regression" and len(y) and (y.min() < 0 or y.max() >= self.n_classes):
            raise ValueError(f"class labels must be in 0..{self.n_classes - 1}")
        is_test = np.zeros(len(X), bool) if self.is_test is None else np.asarray(self.is_test, bool)
        if is_test.shape != (len(X),):
            raise ValueError(f"is_test must be ({len(X)},), got shape {is_test.shape}")
        for k, v in (("X", X), ("y", y), ("is_test", is_test)):
            v.setflags(write=False)
            object.__setattr__(self, k, v)

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, PointSet)
            and (self.task, self.n_classes, self.name) == (other.task, other.n_classes, other.name)
            and np.array_equal(self.X, other.X)
            and np.array_equal(self.y, other.y)
            and np.array_equal(self.is_test, other.is_test)
        )

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


def split_mask(n: int, test_fraction: float, seed: int = 0) -> np.ndarray:
    """is_test mask with round(n·test_fraction) test points chosen by seed."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f"test fraction must be in [0, 1), got {test_fraction}")
    rng = np.random.default_rng(seed)
    mask = np.zeros(n, bool)
    mask[rng.permutation(n)[: int(round(n * test_fraction))]] = True
    return mask


# ------------------------------------------------------------------ input features
# Each feature maps raw 2-D points X (n, 2) to one column; 1-D data uses the x1 forms only.
FEATURES: dict[str, tuple[str, callable]] = {
    "x1": ("x₁", lambda X: X[:, 0]),
    "x2": ("x₂", lambda X: X[:, 1]),
    "x1sq": ("x₁²", lambda X: X[:, 0] ** 2),
    "x2sq": ("x₂²", lambda X: X[:, 1] ** 2),
    "x1x2": ("x₁·x₂", lambda X: X[:, 0] * X[:, 1]),
    "sinx1": ("sin x₁", lambda X: np.sin(X[:, 0])),
    "sinx2": ("sin x₂", lambda X: np.sin(X[:, 1])),
}
FEATURES_1D = ("x1", "x1sq", "sinx1")
DEFAULT_FEATURES = ("x1", "x2")


def parse_features(text: str) -> tuple[str, ...]:
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    if not names:
        raise ValueError("at least one feature is needed")
    for name in names:
        if name not in FEATURES:
            raise ValueError(f"unknown feature {name!r}; choose from {', '.join(FEATURES)}")
    if len(set(names)) != len(names):
        raise ValueError("features must not repeat")
    return names


def usable_features(features: tuple[str, ...], dim: int) -> tuple[str, ...]:
    """The features that apply to data of this dimension (raw columns when d > 2)."""
    if dim == 1:
        kept = tuple(f for f in features if f in FEATURES_1D)
        return kept or ("x1",)
    if dim == 2:
        return features
    return tuple(f"x{i + 1}" for i in range(dim))


def transform(X: np.ndarray, features: tuple[str, ...]) -> np.ndarray:
    """Network inputs (n, len(features)) from raw points X (n, d); d > 2 passes X through."""
    X = np.asarray(X, dtype=np.float64)
    if X.shape[1] > 2:
        return X
    feats = usable_features(features, X.shape[1])
    return np.column_stack([FEATURES[f][1](X) for f in feats])
