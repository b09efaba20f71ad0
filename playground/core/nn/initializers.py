"""Weight initializers: (n_out, n_in, rng) -> W (n_out, n_in). Biases always start at 0."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.registry import lookup

Init = Callable[[int, int, np.random.Generator], np.ndarray]


@dataclass(frozen=True)
class InitializerExport:
    """The same distribution in Keras 3 and PyTorch: keras (class in keras.initializers,
    keyword arguments) for a kernel (n_in, n_out); torch (function in torch.nn.init, keyword
    arguments) for a weight (n_out, n_in). Both use fan_in = n_in, fan_out = n_out."""

    keras: tuple[str, dict]
    torch: tuple[str, dict]


@dataclass(frozen=True)
class Initializer:
    name: str
    label: str
    formula: str
    sample: Init
    export: InitializerExport


def _glorot(n_out, n_in, rng):
    limit = np.sqrt(6.0 / (n_in + n_out))
    return rng.uniform(-limit, limit, (n_out, n_in))


_REGISTRY = {
    i.name: i
    for i in (
        Initializer(
            "zeros",
            "Zeros",
            "W = 0 (every unit stays identical)",
            lambda o, i, rng: np.zeros((o, i)),
            InitializerExport(("Zeros", {}), ("zeros_", {})),
        ),
        Initializer(
            "normal",
            "Small normal",
            "W ~ N(0, 0.01²)",
            lambda o, i, rng: rng.normal(0.0, 0.01, (o, i)),
            InitializerExport(
                ("RandomNormal", {"mean": 0.0, "stddev": 0.01}),
                ("normal_", {"mean": 0.0, "std": 0.01}),
            ),
        ),
        Initializer(
            "glorot",
            "Glorot uniform",
            "W ~ U(±√(6/(n_in+n_out)))",
            _glorot,
            InitializerExport(("GlorotUniform", {}), ("xavier_uniform_", {})),
        ),
        # Keras' HeNormal is truncated: VarianceScaling with an untruncated normal is N(0, 2/n_in)
        Initializer(
            "he",
            "He normal",
            "W ~ N(0, 2/n_in)",
            lambda o, i, rng: rng.normal(0.0, np.sqrt(2.0 / i), (o, i)),
            InitializerExport(
                (
                    "VarianceScaling",
                    {"scale": 2.0, "mode": "fan_in", "distribution": "untruncated_normal"},
                ),
                ("kaiming_normal_", {"mode": "fan_in", "nonlinearity": "relu"}),
            ),
        ),
        Initializer(
            "uniform",
            "Uniform ±0.5",
            "W ~ U(−0.5, 0.5)",
            lambda o, i, rng: rng.uniform(-0.5, 0.5, (o, i)),
            InitializerExport(
                ("RandomUniform", {"minval": -0.5, "maxval": 0.5}),
                ("uniform_", {"a": -0.5, "b": 0.5}),
            ),
        ),
    )
}


def get(name: str) -> Initializer:
    return lookup(_REGISTRY, name, "initializer")


def names() -> list[str]:
    return list(_REGISTRY)


def initialize(network, name: str, seed: int) -> None:
    """Fill a Network's weights with `name` drawn from seed; biases = 0."""
    rng = np.random.default_rng(seed)
    init = get(name)
    for w, b in zip(network.weights, network.biases):
        n_out, n_in = w.shape
        w[...] = init.sample(n_out, n_in, rng)
        b[...] = 0.0
