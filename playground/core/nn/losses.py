"""Losses, each as value and gradient side by side, averaged over the batch.

Targets Y have the output's shape (m, k): binary {0,1} in one column, one-hot for K classes,
real values for regression. `delta` returns dL/dZ of the output layer given its z and a = head(z).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.nn import activations
from playground.core.registry import lookup

_EPS = 1e-12


@dataclass(frozen=True)
class LossExport:
    """The same loss in Keras 3 and PyTorch (both average like the app: Keras over the last axis
    then the batch, PyTorch's mean reduction over every element or, for cross-entropy, the batch).

    keras: the name for model.compile(loss=…), on the head's output; torch: the class in torch.nn;
    torch_logits: it takes the output layer's z and applies the head itself (more stable).
    """

    keras: str
    torch: str
    torch_logits: bool


@dataclass(frozen=True)
class Loss:
    name: str
    label: str
    formula: str
    value: Callable[[np.ndarray, np.ndarray, np.ndarray], float]  # (z, a, Y) -> L
    grad_a: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (a, Y) -> dL/da
    # m·dL/da per sample, in A and Y for k outputs (the dA[L] of the layer equations)
    grad_a_formula: Callable[[int], str]
    heads: tuple[str, ...]  # output heads it pairs with
    canonical_head: str  # with this head dL/dz = (a - Y)/N
    export: LossExport
    mean_over_outputs: bool = False  # N = m·k (mean over every output) instead of m

    def delta(self, z: np.ndarray, a: np.ndarray, Y: np.ndarray, head: str) -> np.ndarray:
        if head == self.canonical_head:
            return (a - Y) * (1.0 / (a.size if self.mean_over_outputs else len(a)))
        act = activations.get(head)
        return self.grad_a(a, Y) * act.derivative(z, a, 0.0)


def scaled(num: int, den: int, text: str) -> str:
    """text times num/den: "A − Y", "2·(A − Y)", "(1/3)·(A − Y)"."""
    g = math.gcd(num, den)
    num, den = num // g, den // g
    if num == den:
        return text
    return f"{num if den == 1 else f'({num}/{den})'}·({text})"


def _bce(z, a, Y) -> float:
    # from logits: max(z,0) − z·y + log(1 + e^−|z|), stable for any z
    return float(np.mean(np.maximum(z, 0) - z * Y + np.log1p(np.exp(-np.abs(z)))))


def _ce(z, a, Y) -> float:
    # mean over samples of log Σ_j e^(z_j) − Σ_j y_j·z_j (Y's rows sum to 1), reduced along the
    # rows of z.T (k, m): the training pass computes z that way round, contiguous
    zt = z.T
    zmax = np.maximum.reduce(zt, axis=0)  # (m,)
    log_sum = np.log(np.add.reduce(np.exp(zt - zmax), axis=0)) + zmax
    return float((log_sum.sum() - np.vdot(Y.T, zt)) / z.shape[0])


def _mse(z, a, Y) -> float:
    return float(np.mean((a - Y) ** 2))


_REGISTRY = {
    "bce": Loss(
        "bce",
        "Binary cross-entropy",
        "L = −mean(y·ln a + (1−y)·ln(1−a))",
        _bce,
        lambda a, Y: (a - Y) / (np.clip(a * (1 - a), _EPS, None) * a.size),
        lambda k: scaled(1, k, "(A − Y) / (A∘(1 − A))"),
        ("sigmoid",),
        "sigmoid",
        LossExport("binary_crossentropy", "BCEWithLogitsLoss", True),
        mean_over_outputs=True,
    ),
    "ce": Loss(
        "ce",
        "Cross-entropy",
        "L = −mean(Σ_k y_k·ln a_k)",
        _ce,
        lambda a, Y: -Y / (np.clip(a, _EPS, None) * len(a)),
        lambda k: "−Y / A",
        ("softmax",),
        "softmax",
        LossExport("categorical_crossentropy", "CrossEntropyLoss", True),
    ),
    "mse": Loss(
        "mse",
        "Mean squared error",
        "L = mean((a − y)²)",
        _mse,
        lambda a, Y: 2.0 * (a - Y) / a.size,
        lambda k: scaled(2, k, "A − Y"),
        ("linear", "sigmoid", "tanh"),
        "",
        LossExport("mean_squared_error", "MSELoss", False),
    ),
}


def get(name: str) -> Loss:
    return lookup(_REGISTRY, name, "loss")


def names() -> list[str]:
    return list(_REGISTRY)
