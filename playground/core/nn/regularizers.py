"""Regularizers on weights (never biases): penalty R(W) and its gradient, side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.registry import lookup


@dataclass(frozen=True)
class RegularizerExport:
    """keras: (class in keras.regularizers, factor): class(factor·λ) adds the app's λ·R(W) for a
    kernel (Keras' L2(c) adds c·Σw², the app's L2 λ·½Σw², so the factor is ½); None: nothing to
    add. expression: R(w) for one weight array w, with functions of the array namespace `xp`."""

    keras: tuple[str, float] | None
    expression: str


@dataclass(frozen=True)
class Regularizer:
    name: str
    label: str
    formula: str
    penalty: Callable[[np.ndarray], float]
    grad: Callable[[np.ndarray], np.ndarray]
    export: RegularizerExport


_REGISTRY = {
    "none": Regularizer(
        "none", "None", "R = 0", lambda w: 0.0, np.zeros_like, RegularizerExport(None, "0.0")
    ),
    "l1": Regularizer(
        "l1",
        "L1",
        "R = λ·Σ|w|",
        lambda w: float(np.abs(w).sum()),
        np.sign,
        RegularizerExport(("L1", 1.0), "xp.sum(xp.abs(w))"),
    ),
    "l2": Regularizer(
        "l2",
        "L2",
        "R = λ·½Σw²",
        lambda w: float(0.5 * (w * w).sum()),
        lambda w: w,
        RegularizerExport(("L2", 0.5), "0.5 * xp.sum(w * w)"),
    ),
}


def get(name: str) -> Regularizer:
    return lookup(_REGISTRY, name, "regularizer")


def names() -> list[str]:
    return list(_REGISTRY)
