"""One input's numbers through every layer: what the forward-pass inspector shows.

For a raw input x (d,) the network inputs are a⁰ = features(x) (n_in,); then, for each layer
l = 0..L-1 (hidden layers, then the output layer) and unit i,

    z_i = Σ_j w_ij·a_j + 1·b_i        W (n_out, n_in), b (n_out,), a = the previous layer's
    a_i = f(z_i)                       output (n_in,)

The bias is the weight of a constant input 1. A unit is "off" when z falls in a piece of the
activation's piecewise-linear form whose slope and value are both 0 (a ReLU at z ≤ 0, a step
below its threshold): it passes 0 on, and no gradient back. Smooth activations are never off —
a sigmoid gives 0.69, not 1.

When a layer reads more than TOP_TERMS inputs, each unit keeps its TOP_TERMS largest terms by
|w_j·a_j| (largest first) and the rest as one sum. Pure numbers in float64; the UI formats them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.data.features import transform, usable_features
from playground.core.nn import activations
from playground.core.nn.metrics import predict_classes

TOP_TERMS = 8


@dataclass(frozen=True, eq=False)
class UnitPass:
    """One unit: z = Σ_j w_j·a_j + 1·b, then a = f(z)."""

    sources: np.ndarray  # (k,) int: j of each term shown (input order, or largest |term| first)
    inputs: np.ndarray  # (k,) a_j
    weights: np.ndarray  # (k,) w_j
    terms: np.ndarray  # (k,) w_j·a_j
    rest: float  # Σ of the n_rest terms not shown (0.0 when every term is shown)
    n_rest: int
    bias: float  # b, the weight of the constant input 1
    z: float
    a: float
    off: bool


@dataclass(frozen=True, eq=False)
class LayerPass:
    """One layer, its units' terms as arrays (k terms shown per unit: every input when
    n_in ≤ TOP_TERMS, else the TOP_TERMS largest |w_j·a_j|, largest first)."""

    index: int  # 0-based over hidden layers, then the output layer
    activation: str  # registry name
    label: str  # the activation's display label (registry)
    param: float | None  # the layer's activation parameter (None: the default)
    inputs: np.ndarray  # (n_in,) a of the layer below (the network inputs for layer 0)
    z: np.ndarray  # (units,)
    a: np.ndarray  # (units,)
    off: np.ndarray  # (units,) bool
    sources: np.ndarray  # (units, k) int: j of each term shown
    weights: np.ndarray  # (units, k) w_j of the terms shown
    terms: np.ndarray  # (units, k) w_j·a_j
    rest: np.ndarray  # (units,) Σ of the terms not shown
    bias: np.ndarray  # (units,)

    def unit(self, i: int) -> UnitPass:
        j = self.sources[i]
        return UnitPass(
            j,
            self.inputs[j],
            self.weights[i],
            self.terms[i],
            float(self.rest[i]),
            len(self.inputs) - len(j),
            float(self.bias[i]),
            float(self.z[i]),
            float(self.a[i]),
            bool(self.off[i]),
        )

    @property
    def units(self) -> tuple[UnitPass, ...]:
        return tuple(self.unit(i) for i in range(len(self.z)))


@dataclass(frozen=True, eq=False)
class ForwardPass:
    x: tuple[float, ...]  # the raw input (d,)
    features: tuple[str, ...]  # names of the network inputs (feature keys; x1..xd for d > 2)
    inputs: np.ndarray  # (n_in,) a⁰ = features(x)
    layers: tuple[LayerPass, ...]  # hidden layers, then the output layer
    task: str
    predicted: int | None  # the predicted class (binary: P(class 1) > ½; multiclass: argmax)
    value: float | None  # regression: the output value

    @property
    def output(self) -> np.ndarray:
        """(n_outputs,) the head's values: probabilities, or the regression value."""
        return self.layers[-1].a

    @property
    def sizes(self) -> tuple[int, ...]:
        """(n_inputs, units of each layer...): to match the network it was computed for."""
        return (len(self.inputs),) + tuple(len(layer.z) for layer in self.layers)


def off_mask(activation: str, param: float | None, z: np.ndarray) -> np.ndarray:
    """bool (shape of z): z lies in a flat piece with value 0 of the piecewise-linear form."""
    form = activations.get(activation).piecewise_form(param)
    z = np.asarray(z, np.float64)
    if form is None:
        return np.zeros(z.shape, bool)
    piece = form.piece(z)
    slope, offset = np.asarray(form.slopes)[piece], np.asarray(form.offsets)[piece]
    return (slope == 0) & (offset == 0)


def _terms(
    W: np.ndarray, a_in: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(sources, weights, terms, rest) of a layer's units: the terms w_ij·a_j shown, (units, k),
    and the sum of the others (units,)."""
    terms = W * a_in[None, :]  # (units, n_in): w_ij·a_j
    units, n_in = terms.shape
    if n_in <= TOP_TERMS:
        order = np.broadcast_to(np.arange(n_in), terms.shape).copy()
    else:  # largest |term| first; ties keep input order
        order = np.argsort(-np.abs(terms), axis=1, kind="stable")[:, :TOP_TERMS]
    hidden = np.ones(terms.shape, bool)
    np.put_along_axis(hidden, order, False, axis=1)
    rest = np.where(hidden, terms, 0.0).sum(axis=1)
    return (
        order,
        np.take_along_axis(W, order, axis=1),
        np.take_along_axis(terms, order, axis=1),
        rest,
    )


def forward_pass(network, x, features, task: str) -> ForwardPass:
    """The forward pass of one raw input x (d,) with every term, in float64."""
    x = np.asarray(x, np.float64).reshape(1, -1)
    names = usable_features(tuple(features), x.shape[1])
    inputs = transform(x, tuple(features))[0]  # (n_in,)
    if len(inputs) != network.spec.n_inputs:
        raise ValueError(
            f"features give {len(inputs)} inputs, the network takes {network.spec.n_inputs}"
        )
    layers, a_in = [], inputs
    for index, (W, b, spec) in enumerate(
        zip(network.weights, network.biases, network.spec.layers, strict=True)
    ):
        W, b = np.asarray(W, np.float64), np.asarray(b, np.float64)
        act = activations.get(spec.activation)
        z = W @ a_in + b  # (units,)
        a = act.value(z[None, :], act.resolve_param(spec.param))[0]  # softmax: over the units
        off = off_mask(spec.activation, spec.param, z)
        layers.append(
            LayerPass(
                index, spec.activation, act.label, spec.param, a_in, z, a, off, *_terms(W, a_in), b
            )
        )
        a_in = a
    output = layers[-1].a
    if task == "regression":
        predicted, value = None, float(output[0])
    else:
        predicted, value = int(predict_classes(output[None, :], task)[0]), None
    return ForwardPass(
        tuple(float(v) for v in x[0]), names, inputs, tuple(layers), task, predicted, value
    )
