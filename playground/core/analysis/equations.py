"""Layer equations: the vectorized forward and backward pass in the notation of Andrew Ng's
course, with the shapes for a batch of m samples and, for small layers, the actual numbers.

Column layout (one sample per column), layers l = 1..L (L: the output layer, n_l units):
    A[0] = X                                  (n_0, m)
    Z[l] = W[l]·A[l−1] + b[l]                 (n_l, m) = (n_l, n_{l−1})·(n_{l−1}, m) + (n_l, 1)
    A[l] = g[l](Z[l])                         (n_l, m)
    dZ[L] = m·∂J/∂Z[L]: with the loss's own head A[L] − Y (bce over k outputs: (1/k)·(A[L] − Y)),
            otherwise dA[L] ∘ g′[L](Z[L]) with dA[L] = m·∂J/∂A[L]
    dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ               (n_l, n_{l−1}) = ∂J/∂W[l]
    db[l] = (1/m)·Σᵢ dZ[l]                    (n_l, 1), summed over the m columns
    dZ[l] = W[l+1]ᵀ·dZ[l+1] ∘ g′[l](Z[l])     (n_l, m) for l < L
J is the app's loss: the mean over the m samples (bce and mse: over the m·k outputs). dZ is per
sample (m·∂J/∂Z); training folds the 1/m into dZ[L] (losses.Loss.delta) and gets the same dW, db.

The pass runs on the first m training points in float64 (the algebra, not the training
precision); dW and db are Network.backward's. Every shape written in an equation is compared
with the array the pass computed (shapes_match).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from playground.core.nn import activations, losses

SMALL = 4  # numbers for layers of ≤ SMALL units when m ≤ SMALL: matrices of ≤ SMALL × SMALL


@dataclass(frozen=True, eq=False)
class Term:
    """One matrix of an equation. name: "W[2]", "A[1]ᵀ", "g′[1](Z[1])" ([l]: the layer)."""

    name: str
    shape: tuple[int, int]  # (rows, columns), column layout
    value: np.ndarray | None = None  # (rows, columns) float64 for small layers, else None


Token = Term | str  # a str is an operator or a bracket, written the same in every row


@dataclass(frozen=True, eq=False)
class Equation:
    lhs: Term
    rhs: tuple[Token, ...]


@dataclass(frozen=True, eq=False)
class LayerEquations:
    layer: int  # l = 1..L; L is the output layer
    units: int  # n_l
    activation: str  # g[l]: a name of the activation registry
    label: str  # the registry's label, formula f(z) and derivative f′(z)
    formula: str
    derivative_formula: str
    param_name: str | None  # "α" for leaky ReLU; None without a parameter
    param: float | None
    forward: tuple[Equation, ...]  # Z[l], A[l]
    backward: tuple[Equation, ...]  # (dA[L],) dZ[l], dW[l], db[l]
    numbers: bool  # a small layer: its terms carry values


@dataclass(frozen=True, eq=False)
class Equations:
    m: int  # samples in the batch: the first m training points
    batch_size: int  # the training configuration's mini-batch size
    n_train: int
    loss: str  # losses registry name; label and formula of J's per-sample term
    loss_label: str
    loss_formula: str
    head: str  # g[L]
    canonical: bool  # the head is the loss's own: g′[L] cancels, dZ[L] = c·(A[L] − Y)
    inputs: Term  # A[0] = X (n_0, m)
    targets: Term  # Y (k, m)
    layers: tuple[LayerEquations, ...]
    shapes_match: bool  # every shape written equals that of the pass on the m points
    regularization: str  # regularizers registry name; training adds reg_rate·R′(W) to dW
    reg_rate: float


@dataclass(frozen=True, eq=False)
class _Pass:
    """The batch's pass in the row layout of Network (one sample per row)."""

    weights: list[np.ndarray]  # W (n_l, n_{l−1}) per layer
    biases: list[np.ndarray]  # b (n_l,)
    zs: list[np.ndarray]  # Z[l]ᵀ (m, n_l)
    acts: list[np.ndarray]  # A[l]ᵀ (m, n_l), acts[0] = X
    dzs: list[np.ndarray]  # dZ[l]ᵀ (m, n_l) = m·∂J/∂Z[l]
    slopes: list[np.ndarray]  # g′[l](Z[l])ᵀ (m, n_l)
    grads: list[tuple[np.ndarray, np.ndarray]]  # (dW (n_l, n_{l−1}), db (n_l,)) Network.backward
    d_out: np.ndarray  # dA[L]ᵀ (m, k) = m·∂J/∂A[L]
    targets: np.ndarray  # Yᵀ (m, k)


@np.errstate(all="ignore")
def _run(network, loss, X: np.ndarray, Y: np.ndarray) -> _Pass:
    net = network if network.dtype == np.float64 else network.copy(np.float64)
    trace = net.forward(X)
    z, a, m = trace.zs[-1], trace.acts[-1], len(X)
    dz_out = loss.delta(z, a, Y, net.spec.output)  # ∂J/∂Z[L]ᵀ (m, k)
    grads = net.backward(trace, dz_out)
    slopes = []
    for layer, z_l, a_l in zip(net.spec.layers, trace.zs, trace.acts[1:], strict=True):
        act = activations.get(layer.activation)
        slopes.append(act.derivative(z_l, a_l, act.resolve_param(layer.param)))
    dzs = [m * dz_out]
    for layer in range(net.n_layers - 1, 0, -1):  # dZ[l]ᵀ = (dZ[l+1]ᵀ·W[l+1]) ∘ g′[l](Z[l])ᵀ
        dzs.append((dzs[-1] @ net.weights[layer]) * slopes[layer - 1])
    return _Pass(
        [w.copy() for w in net.weights],
        [b.copy() for b in net.biases],
        trace.zs,
        trace.acts,
        dzs[::-1],
        slopes,
        grads,
        m * loss.grad_a(a, Y),
        Y,
    )


class _Terms:
    """Makes Terms, checking each written shape against its computed array."""

    def __init__(self):
        self.mismatched: list[str] = []

    def __call__(self, name: str, shape: tuple[int, int], array: np.ndarray, numbers: bool) -> Term:
        if array.shape != shape:
            self.mismatched.append(name)
        show = numbers and max(shape) <= SMALL
        return Term(name, shape, np.array(array, dtype=np.float64) if show else None)


def _tokens(formula: str, terms: dict[str, Term]) -> tuple[Token, ...]:
    """A formula in A and Y ("2·(A − Y)") as tokens: the letters become their Terms."""
    parts = re.split(r"\b([AY])\b", formula)
    return tuple(terms[p] if p in terms else p for p in parts if p)


def _forward(p: _Pass, i: int, m: int, term: _Terms, numbers: bool) -> tuple[Equation, ...]:
    l, (n, n_in) = i + 1, p.weights[i].shape
    z = term(f"Z[{l}]", (n, m), p.zs[i].T, numbers)
    return (
        Equation(
            z,
            (
                term(f"W[{l}]", (n, n_in), p.weights[i], numbers),
                "·",
                term(f"A[{l - 1}]", (n_in, m), p.acts[i].T, numbers),
                " + ",
                term(f"b[{l}]", (n, 1), p.biases[i][:, None], numbers),
            ),
        ),
        Equation(term(f"A[{l}]", (n, m), p.acts[i + 1].T, numbers), (f"g[{l}](", z, ")")),
    )


def _output_dz(
    p: _Pass, loss, canonical: bool, term: _Terms, numbers: bool
) -> tuple[Equation, ...]:
    """dZ[L], after dA[L] = m·∂J/∂A[L] unless the head is the loss's own."""
    L, (m, k) = len(p.weights), p.dzs[-1].shape
    dz = term(f"dZ[{L}]", (k, m), p.dzs[-1].T, numbers)
    given = {
        "A": term(f"A[{L}]", (k, m), p.acts[-1].T, numbers),
        "Y": term("Y", (k, m), p.targets.T, numbers),
    }
    if canonical:
        formula = losses.scaled(1, k if loss.mean_over_outputs else 1, "A − Y")
        return (Equation(dz, _tokens(formula, given)),)
    da = term(f"dA[{L}]", (k, m), p.d_out.T, numbers)
    slope = term(f"g′[{L}](Z[{L}])", (k, m), p.slopes[-1].T, numbers)
    return Equation(da, _tokens(loss.grad_a_formula(k), given)), Equation(dz, (da, " ∘ ", slope))


def _backward(p: _Pass, i: int, term: _Terms, numbers: bool) -> tuple[Equation, ...]:
    """dZ[l] for a hidden layer l = i + 1 (from layer l + 1), then dW[l] and db[l]."""
    l, (n, n_in), m = i + 1, p.weights[i].shape, len(p.acts[0])
    dz = term(f"dZ[{l}]", (n, m), p.dzs[i].T, numbers)
    eqs = []
    if i + 1 < len(p.weights):
        n_next = p.weights[i + 1].shape[0]
        eqs.append(
            Equation(
                dz,
                (
                    term(f"W[{l + 1}]ᵀ", (n, n_next), p.weights[i + 1].T, numbers),
                    "·",
                    term(f"dZ[{l + 1}]", (n_next, m), p.dzs[i + 1].T, numbers),
                    " ∘ ",
                    term(f"g′[{l}](Z[{l}])", (n, m), p.slopes[i].T, numbers),
                ),
            )
        )
    dw, db = p.grads[i]
    eqs.append(
        Equation(
            term(f"dW[{l}]", (n, n_in), dw, numbers),
            ("(1/m)·", dz, "·", term(f"A[{l - 1}]ᵀ", (m, n_in), p.acts[i], numbers)),
        )
    )
    eqs.append(Equation(term(f"db[{l}]", (n, 1), db[:, None], numbers), ("(1/m)·Σᵢ ", dz)))
    return tuple(eqs)


def _layer(p: _Pass, i: int, spec, loss, canonical: bool, term: _Terms) -> LayerEquations:
    """Layer l = i + 1: its g, forward and backward equations (dZ[L] first for the output)."""
    m = len(p.acts[0])
    numbers = spec.units <= SMALL and m <= SMALL
    act = activations.get(spec.activation)
    backward = _backward(p, i, term, numbers)
    if i == len(p.weights) - 1:
        backward = _output_dz(p, loss, canonical, term, numbers) + backward
    param = act.resolve_param(spec.param) if act.param_name else None
    return LayerEquations(
        i + 1,
        spec.units,
        act.name,
        act.label,
        act.formula,
        act.derivative_formula,
        act.param_name,
        param,
        _forward(p, i, m, term, numbers),
        backward,
        numbers,
    )


def layer_equations(
    network,
    loss_name: str,
    inputs: np.ndarray,
    targets: np.ndarray,
    batch_size: int,
    n_train: int,
    regularization: str = "none",
    reg_rate: float = 0.0,
) -> Equations:
    """The equations of `network` on a batch: network inputs (m, n_0) and targets (m, k) of
    m ≥ 1 training points (row-major, as the data holds them)."""
    X = np.asarray(inputs, dtype=np.float64)
    Y = np.asarray(targets, dtype=np.float64)
    m = len(X)
    if m < 1 or Y.shape != (m, network.spec.n_outputs):
        raise ValueError(
            f"need m ≥ 1 inputs and targets of shape (m, {network.spec.n_outputs}), "
            f"got {X.shape} and {Y.shape}"
        )
    loss = losses.get(loss_name)
    head = network.spec.output
    canonical = head == loss.canonical_head
    p = _run(network, loss, X, Y)
    term = _Terms()
    layers = tuple(
        _layer(p, i, spec, loss, canonical, term) for i, spec in enumerate(network.spec.layers)
    )
    small = m <= SMALL
    n_in, k = X.shape[1], Y.shape[1]
    return Equations(
        m,
        batch_size,
        n_train,
        loss.name,
        loss.label,
        loss.formula,
        head,
        canonical,
        term("A[0]", (n_in, m), p.acts[0].T, small),
        term("Y", (k, m), p.targets.T, small),
        layers,
        not term.mismatched,
        regularization,
        float(reg_rate),
    )
