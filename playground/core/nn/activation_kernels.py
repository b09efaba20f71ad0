"""Elementwise activation kernels on numpy arrays: values, derivatives and in-place forms.

`value(z, p)` and `derivative(z, a, p)` work on any shape; `into(z, out, p)` writes f(z) to out
and `times_derivative(dz, z, a, p)` does dz ← dz ⊙ f'(z) on column blocks (units, N).
"""

from __future__ import annotations

import math

import numpy as np


def sigmoid(z: np.ndarray, _p: float = 0.0) -> np.ndarray:
    # 1/(1+e^-z) written as ½(1+tanh(z/2)): no overflow for large |z|.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def sigmoid_into(z, out, _p):
    np.multiply(z, 0.5, out=out)
    np.tanh(out, out=out)
    out += 1.0
    out *= 0.5


def softplus(z, _p):
    return np.logaddexp(0.0, z)


GELU_C = math.sqrt(2.0 / math.pi)


def gelu(z, _p):
    return 0.5 * z * (1.0 + np.tanh(GELU_C * (z + 0.044715 * z**3)))


def gelu_grad(z, _a, _p):
    inner = GELU_C * (z + 0.044715 * z**3)
    t = np.tanh(inner)
    return 0.5 * (1.0 + t) + 0.5 * z * (1.0 - t * t) * GELU_C * (1.0 + 3 * 0.044715 * z * z)


def elu(z, alpha):
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0.0)))


def elu_grad(z, a, alpha):
    return np.where(z > 0, 1.0, a + alpha)  # a + α = α·e^z for z ≤ 0


def swish(z, _p):
    return z * sigmoid(z)


def swish_grad(z, a, _p):
    s = sigmoid(z)
    return s + a * (1.0 - s)  # σ + zσ(1-σ)


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of (batch, K) scores."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_into(z, out, _p):
    """Softmax over the units of a column block (K, N)."""
    np.subtract(z, z.max(axis=0, keepdims=True), out=out)
    np.exp(out, out=out)
    out /= out.sum(axis=0, keepdims=True)


def tanh_times_derivative(dz, z, a, _p):
    dz *= 1.0 - a * a


def relu_times_derivative(dz, z, a, _p):
    np.multiply(dz, z > 0, out=dz)  # f' = 1 for z > 0, else 0


def copy_into(z, out, _p):
    if out is not z:
        np.copyto(out, z)


def identity_times_derivative(dz, z, a, _p):
    return dz
