"""Activation functions: one registry of records holding everything anyone switches on.

Each record keeps the value f(z) and the derivative f'(z) side by side, the in-place kernels the
fast paths use, the piecewise-linear form where one exists, how saturation is judged, display
texts and the export forms for Keras 3, PyTorch and NumPy. No other module compares names.

Every derivative takes (z, a) where a = f(z), so cheap forms such as tanh' = 1 − a² reuse the
forward pass. `value` and `derivative` are elementwise on any shape (softmax: over the last axis).
The in-place kernels work on column blocks (units, N): `into(z, out, p)` writes f(z) to out (out
may be z; softmax normalizes over axis 0) and `times_derivative(dz, z, a, p)` does dz ← dz ⊙ f'(z).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.nn import activation_kernels as kernels
from playground.core.registry import lookup

Value = Callable[[np.ndarray, float], np.ndarray]
Derivative = Callable[[np.ndarray, np.ndarray, float], np.ndarray]
Into = Callable[[np.ndarray, np.ndarray, float], object]
TimesDerivative = Callable[[np.ndarray, np.ndarray, np.ndarray, float], object]


@dataclass(frozen=True)
class Piecewise:
    """f(z) = slopes[k]·z + offsets[k] on piece k; piece k lies between kinks[k−1] and kinks[k].

    len(slopes) = len(offsets) = len(kinks) + 1. At a kink z = kinks[k] the lower piece k holds
    (a unit is "on", in its upper piece, when z > kink).
    """

    kinks: tuple[float, ...]
    slopes: tuple[float, ...]
    offsets: tuple[float, ...]

    def piece(self, z: np.ndarray) -> np.ndarray:
        """Index of the piece (int, shape of z) each z falls in."""
        return np.searchsorted(np.asarray(self.kinks), z, side="left")


PARAM = "{p}"  # in export forms: stands for the layer's parameter value


@dataclass(frozen=True)
class ExportForms:
    """How each target writes the activation.

    keras: a name for `Dense(activation=…)`, or (class in keras.layers, keyword arguments) for a
    separate layer; torch: (class in torch.nn, keyword arguments); None where the framework has
    no exact equivalent (the exporter writes `expression` out). A keyword value PARAM stands for
    the parameter. expression: f(z) in z and {p}, with functions of the array namespace `xp`.
    """

    keras: str | tuple[str, dict] | None
    torch: tuple[str, dict] | None
    expression: str


@dataclass(frozen=True)
class Activation:
    name: str
    label: str
    formula: str  # f(z)
    derivative_formula: str  # f'(z)
    value: Value
    derivative: Derivative  # f'(z) given z and a = f(z)
    output_range: tuple[float, float]
    export: ExportForms
    into: Into | None = None  # in-place kernel; None: out[...] = value(z, p)
    times_derivative: TimesDerivative | None = None  # None: dz *= derivative(z, a, p)
    piecewise: Callable[[float], Piecewise] | None = None  # given the parameter; None: smooth
    saturates: bool = False  # |f'(z)| → 0 at an end: a unit can be saturated
    param_name: str | None = None  # e.g. "α" for leaky ReLU
    param_default: float | None = None
    hidden: bool = True  # offered for hidden layers
    output_head: bool = False  # offered as an output head
    note: str = ""  # one teaching sentence for tooltips

    def __call__(self, z: np.ndarray, param: float | None = None) -> np.ndarray:
        return self.value(z, self.resolve_param(param))

    def grad(self, z: np.ndarray, param: float | None = None) -> np.ndarray:
        p = self.resolve_param(param)
        return self.derivative(z, self.value(z, p), p)

    def resolve_param(self, param: float | None) -> float:
        if param is not None:
            return float(param)
        return 0.0 if self.param_default is None else self.param_default

    def kernel_into(self, param: float | None) -> Callable[[np.ndarray, np.ndarray], object]:
        """out ← f(z) for a column block; the fast kernel where there is one."""
        p = self.resolve_param(param)
        if self.into is not None:
            return lambda z, out: self.into(z, out, p)

        def generic(z, out):
            out[...] = self.value(z, p)

        return generic

    def kernel_times_derivative(self, param: float | None):
        """(dz, z, a) ↦ dz ← dz ⊙ f'(z), in place."""
        p = self.resolve_param(param)
        if self.times_derivative is not None:
            return lambda dz, z, a: self.times_derivative(dz, z, a, p)

        def generic(dz, z, a):
            dz *= self.derivative(z, a, p)

        return generic

    def piecewise_form(self, param: float | None) -> Piecewise | None:
        return None if self.piecewise is None else self.piecewise(self.resolve_param(param))


_REGISTRY: dict[str, Activation] = {}


def _register(act: Activation) -> None:
    _REGISTRY[act.name] = act


_register(
    Activation(
        "linear",
        "Linear",
        "f(z) = z",
        "f'(z) = 1",
        lambda z, p: z,
        lambda z, a, p: np.ones_like(z),
        (-math.inf, math.inf),
        ExportForms("linear", ("Identity", {}), "z"),
        into=kernels.copy_into,
        times_derivative=kernels.identity_times_derivative,
        piecewise=lambda p: Piecewise((), (1.0,), (0.0,)),
        output_head=True,
        note="No bend at all: a stack of linear layers is still one linear map.",
    )
)
_register(
    Activation(
        "sigmoid",
        "Sigmoid",
        "f(z) = 1 / (1 + e^(−z))",
        "f'(z) = f(z)·(1 − f(z))",
        kernels.sigmoid,
        lambda z, a, p: a * (1.0 - a),
        (0.0, 1.0),
        ExportForms("sigmoid", ("Sigmoid", {}), "0.5 * (1 + xp.tanh(0.5 * z))"),
        into=kernels.sigmoid_into,
        saturates=True,
        output_head=True,
        note="Squashes to (0, 1); the slope is at most 0.25 and vanishes for large |z|.",
    )
)
_register(
    Activation(
        "tanh",
        "Tanh",
        "f(z) = tanh(z)",
        "f'(z) = 1 − tanh²(z)",
        lambda z, p: np.tanh(z),
        lambda z, a, p: 1.0 - a * a,
        (-1.0, 1.0),
        ExportForms("tanh", ("Tanh", {}), "xp.tanh(z)"),
        into=lambda z, out, p: np.tanh(z, out=out),
        times_derivative=kernels.tanh_times_derivative,
        saturates=True,
        output_head=True,
        note="Zero-centred S-curve; saturates (slope → 0) for large |z|.",
    )
)
_register(
    Activation(
        "relu",
        "ReLU",
        "f(z) = max(0, z)",
        "f'(z) = 1 if z > 0 else 0",
        lambda z, p: np.maximum(z, 0.0),
        lambda z, a, p: (z > 0).astype(z.dtype),
        (0.0, math.inf),
        ExportForms("relu", ("ReLU", {}), "xp.maximum(z, 0.0)"),
        into=lambda z, out, p: np.maximum(z, 0.0, out=out),
        times_derivative=kernels.relu_times_derivative,
        piecewise=lambda p: Piecewise((0.0,), (0.0, 1.0), (0.0, 0.0)),
        note="Cheap and non-saturating for z > 0, but a unit with z ≤ 0 on every input is dead.",
    )
)
_register(
    Activation(
        "leaky_relu",
        "Leaky ReLU",
        "f(z) = z if z > 0 else α·z",
        "f'(z) = 1 if z > 0 else α",
        lambda z, p: np.where(z > 0, z, p * z),
        lambda z, a, p: np.where(z > 0, 1.0, p).astype(z.dtype),
        (-math.inf, math.inf),
        ExportForms(
            ("LeakyReLU", {"negative_slope": PARAM}),
            ("LeakyReLU", {"negative_slope": PARAM}),
            "xp.where(z > 0, z, {p} * z)",
        ),
        piecewise=lambda p: Piecewise((0.0,), (p, 1.0), (0.0, 0.0)),
        param_name="α",
        param_default=0.01,
        note="Like ReLU with a small slope α for z ≤ 0, so the unit never dies.",
    )
)
_register(
    Activation(
        "elu",
        "ELU",
        "f(z) = z if z > 0 else α·(e^z − 1)",
        "f'(z) = 1 if z > 0 else f(z) + α",
        kernels.elu,
        kernels.elu_grad,
        (-math.inf, math.inf),
        ExportForms(
            ("ELU", {"alpha": PARAM}),
            ("ELU", {"alpha": PARAM}),
            "xp.where(z > 0, z, {p} * (xp.exp(xp.minimum(z, 0.0)) - 1))",
        ),
        saturates=True,
        param_name="α",
        param_default=1.0,
        note="Smooth for z ≤ 0, approaching −α; keeps a gradient where ReLU has none.",
    )
)
_register(
    Activation(
        "gelu",
        "GELU",
        "f(z) = ½z·(1 + tanh(√(2/π)·(z + 0.044715z³)))",
        "f'(z) = d/dz of that",
        kernels.gelu,
        kernels.gelu_grad,
        (-0.17, math.inf),
        ExportForms(
            None,
            ("GELU", {"approximate": "tanh"}),
            f"0.5 * z * (1 + xp.tanh({kernels.GELU_C!r} * (z + 0.044715 * z * z * z)))",
        ),
        saturates=True,
        note="A smooth ReLU used in transformers; slightly negative just below zero.",
    )
)
_register(
    Activation(
        "softplus",
        "Softplus",
        "f(z) = ln(1 + e^z)",
        "f'(z) = σ(z)",
        kernels.softplus,
        lambda z, a, p: kernels.sigmoid(z),
        (0.0, math.inf),
        ExportForms(
            "softplus",
            ("Softplus", {"threshold": 40}),
            "xp.maximum(z, 0.0) + xp.log(1 + xp.exp(-xp.abs(z)))",
        ),
        saturates=True,
        note="A smooth ReLU whose derivative is the sigmoid.",
    )
)
_register(
    Activation(
        "swish",
        "Swish (SiLU)",
        "f(z) = z·σ(z)",
        "f'(z) = σ(z) + f(z)·(1 − σ(z))",
        kernels.swish,
        kernels.swish_grad,
        (-0.28, math.inf),
        ExportForms("silu", ("SiLU", {}), "z * 0.5 * (1 + xp.tanh(0.5 * z))"),
        saturates=True,
        note="z·σ(z): smooth, non-monotonic near zero.",
    )
)
_register(
    Activation(
        "step",
        "Step",
        "f(z) = 1 if z > θ else 0",
        "f'(z) = 0 (almost everywhere)",
        lambda z, p: (z > p).astype(z.dtype),
        lambda z, a, p: np.zeros_like(z),
        (0.0, 1.0),
        ExportForms(None, None, "xp.where(z > {p}, 1.0, 0.0)"),
        piecewise=lambda p: Piecewise((p,), (0.0, 0.0), (0.0, 1.0)),
        param_name="θ",
        param_default=0.0,
        note="The on/off neuron: its derivative is 0, so gradient descent cannot train it.",
    )
)
_register(
    Activation(
        "softmax",
        "Softmax",
        "f(z)_k = e^(z_k) / Σ_j e^(z_j)",
        "∂f_k/∂z_j = f_k·(δ_kj − f_j)",
        lambda z, p: kernels.softmax(z),
        lambda z, a, p: a * (1.0 - a),
        (0.0, 1.0),
        ExportForms(
            "softmax",
            ("Softmax", {"dim": -1}),
            "xp.exp(z - xp.max(z, axis=-1, keepdims=True)) / "
            "xp.sum(xp.exp(z - xp.max(z, axis=-1, keepdims=True)), axis=-1, keepdims=True)",
        ),
        into=kernels.softmax_into,
        hidden=False,
        output_head=True,
        note="Turns K scores into K probabilities; paired with cross-entropy.",
    )
)


def get(name: str) -> Activation:
    return lookup(_REGISTRY, name, "activation", names())


def names(hidden: bool = True) -> list[str]:
    return [a.name for a in _REGISTRY.values() if (a.hidden if hidden else a.output_head)]


def output_heads() -> list[str]:
    return names(hidden=False)


def all_activations() -> list[Activation]:
    return list(_REGISTRY.values())
