"""Regularizers on weights (never biases): penalty R(W) and its gradient, side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.registry import lookup


@dataclass(frozen=True)
class Regularizer:
    name: str
    label: str
    formula: str
    penalty: Callable[[np.ndarray], float]
    grad: Callable[[np.ndarray], np.ndarray]


_REGISTRY = {
    "none": Regularizer("none", "None", "R = 0", lambda w: 0.0, np.zeros_like),
    "l1": Regularizer("l1", "L1", "R = λ·Σ|w|", lambda w: float(np.abs(w).sum()), np.sign),
    "l2": Regularizer("l2", "L2", "R = λ·½Σw²", lambda w: float(0.5 * (w * w).sum()), lambda w: w),
}


def get(name: str) -> Regularizer:
    return lookup(_REGISTRY, name, "regularizer")


def names() -> list[str]:
    return list(_REGISTRY)
