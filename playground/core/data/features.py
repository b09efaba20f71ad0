"""Input features: each maps raw 2-D points X (n, 2) to one network input column.

1-D data uses the x1 forms only; data with d > 2 columns passes its raw columns through.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from playground.core.errors import Invalid

FEATURES: dict[str, tuple[str, Callable[[np.ndarray], np.ndarray]]] = {
    "x1": ("x₁", lambda X: X[:, 0]),
    "x2": ("x₂", lambda X: X[:, 1]),
    "x1sq": ("x₁²", lambda X: X[:, 0] ** 2),
    "x2sq": ("x₂²", lambda X: X[:, 1] ** 2),
    "x1x2": ("x₁·x₂", lambda X: X[:, 0] * X[:, 1]),
    "sinx1": ("sin x₁", lambda X: np.sin(X[:, 0])),
    "sinx2": ("sin x₂", lambda X: np.sin(X[:, 1])),
}
# Each feature written as code on raw points X with the array namespace `xp` (for exported code);
# the same operations as FEATURES, so exported code computes the same numbers.
EXPRESSIONS: dict[str, str] = {
    "x1": "X[:, 0]",
    "x2": "X[:, 1]",
    "x1sq": "X[:, 0] ** 2",
    "x2sq": "X[:, 1] ** 2",
    "x1x2": "X[:, 0] * X[:, 1]",
    "sinx1": "xp.sin(X[:, 0])",
    "sinx2": "xp.sin(X[:, 1])",
}
FEATURES_1D = ("x1", "x1sq", "sinx1")
DEFAULT_FEATURES = ("x1", "x2")


def check_features(names, field: str = "features") -> tuple[str, ...]:
    """A non-empty tuple of known feature names without repeats."""
    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise Invalid(
            field, "choice", what="features", value=repr(names)[:60], choices=", ".join(FEATURES)
        )
    names = tuple(names)
    if not names:
        raise Invalid(field, "no_features")
    for i, name in enumerate(names):
        if not isinstance(name, str) or name not in FEATURES:
            raise Invalid(
                f"{field}[{i}]",
                "choice",
                what="feature",
                value=repr(name)[:60],
                choices=", ".join(FEATURES),
            )
    if len(set(names)) != len(names):
        raise Invalid(field, "repeated_features")
    return names


def parse_features(text: str) -> tuple[str, ...]:
    return check_features(tuple(part.strip() for part in text.split(",") if part.strip()))


def usable_features(features: tuple[str, ...], dim: int) -> tuple[str, ...]:
    """The features that apply to data of this dimension (raw columns when d > 2)."""
    if dim == 1:
        kept = tuple(f for f in features if f in FEATURES_1D)
        return kept or ("x1",)
    if dim == 2:
        return features
    return tuple(f"x{i + 1}" for i in range(dim))


def expressions(features: tuple[str, ...], dim: int) -> tuple[str, ...]:
    """Code for each network input, as `transform` computes it from raw X (n, dim)."""
    if dim > 2:
        return tuple(f"X[:, {i}]" for i in range(dim))
    return tuple(EXPRESSIONS[f] for f in usable_features(features, dim))


def transform(X: np.ndarray, features: tuple[str, ...]) -> np.ndarray:
    """Network inputs (n, len(features)) from raw points X (n, d); d > 2 passes X through."""
    X = np.asarray(X, dtype=np.float64)
    if X.shape[1] > 2:
        return X
    feats = usable_features(features, X.shape[1])
    if len(X) == 0:
        return np.zeros((0, len(feats)))
    return np.column_stack([FEATURES[f][1](X) for f in feats])
