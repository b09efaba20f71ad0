"""Optimizers that update the flat parameter buffer θ in place from its gradient g."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.registry import lookup


class Optimizer:
    name = ""

    def __init__(self, size: int, dtype=np.float64):
        self.size = size
        self.dtype = dtype

    def step(self, theta: np.ndarray, grad: np.ndarray, lr: float) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    name = "sgd"

    def step(self, theta, grad, lr):
        theta -= lr * grad  # θ ← θ − η·g


class Momentum(Optimizer):
    name = "momentum"
    beta = 0.9

    def __init__(self, size, dtype=np.float64):
        super().__init__(size, dtype)
        self.velocity = np.zeros(size, dtype)

    def step(self, theta, grad, lr):
        v = self.velocity
        v *= self.beta  # v ← β·v + g ;  θ ← θ − η·v
        v += grad
        theta -= lr * v


class Adam(Optimizer):
    name = "adam"
    beta1, beta2, eps = 0.9, 0.999, 1e-8

    def __init__(self, size, dtype=np.float64):
        super().__init__(size, dtype)
        self.m = np.zeros(size, dtype)
        self.v = np.zeros(size, dtype)
        self.t = 0

    def step(self, theta, grad, lr):
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m *= b1  # m ← β1·m + (1−β1)·g
        self.m += (1 - b1) * grad
        self.v *= b2  # v ← β2·v + (1−β2)·g²
        self.v += (1 - b2) * grad * grad
        # θ ← θ − η·m̂/(√v̂ + ε) with bias corrections folded into the step size
        step = lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        theta -= step * self.m / (np.sqrt(self.v) + self.eps)


@dataclass(frozen=True)
class OptimizerExport:
    """The same update rule in Keras 3 and PyTorch: (class, keyword arguments besides the
    learning rate) in keras.optimizers and torch.optim.

    torch_eps_per_step: (ε, β2) when PyTorch adds ε to the bias-corrected √v̂ = √(v/(1 − β2ᵗ))
    where the app (and Keras) add it to √v; eps = ε/√(1 − β2ᵗ) before step t makes them equal.
    """

    keras: tuple[str, dict]
    torch: tuple[str, dict]
    torch_eps_per_step: tuple[float, float] | None = None


@dataclass(frozen=True)
class OptimizerInfo:
    name: str
    label: str
    cls: type
    note: str
    export: OptimizerExport


_REGISTRY = {
    "sgd": OptimizerInfo(
        "sgd", "SGD", SGD, "θ ← θ − η·∇L", OptimizerExport(("SGD", {}), ("SGD", {}))
    ),
    # Keras: v ← β·v − η·g, θ ← θ + v; PyTorch (dampening 0): v ← β·v + g, θ ← θ − η·v
    "momentum": OptimizerInfo(
        "momentum",
        "Momentum",
        Momentum,
        "v ← 0.9·v + ∇L;  θ ← θ − η·v",
        OptimizerExport(("SGD", {"momentum": Momentum.beta}), ("SGD", {"momentum": Momentum.beta})),
    ),
    "adam": OptimizerInfo(
        "adam",
        "Adam",
        Adam,
        "per-parameter steps from running ∇L and ∇L² means",
        OptimizerExport(
            ("Adam", {"beta_1": Adam.beta1, "beta_2": Adam.beta2, "epsilon": Adam.eps}),
            ("Adam", {"betas": (Adam.beta1, Adam.beta2), "eps": Adam.eps}),
            torch_eps_per_step=(Adam.eps, Adam.beta2),
        ),
    ),
}


def create(name: str, size: int, dtype=np.float64) -> Optimizer:
    return get(name).cls(size, dtype)


def get(name: str) -> OptimizerInfo:
    return lookup(_REGISTRY, name, "optimizer")


def names() -> list[str]:
    return list(_REGISTRY)
