"""A dense Sequential network in numpy, vectorized over a batch.

Convention (row-major): a batch is A (m, n_in), one sample per row.
    Z = A · Wᵀ + b        W (n_out, n_in), b (n_out,), Z (m, n_out)
    A' = f(Z)
Each layer's parameters live in one block P = [W | b] of shape (n_out, n_in + 1), so with the
batch augmented by a column of ones, Z = [A 1] · Pᵀ and dL/dP = dZᵀ · [A 1] — one matmul each.
All blocks are views into one flat buffer `theta` (and `grad`), which optimizers update at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.nn import activations
from playground.core.nn.spec import NetworkSpec


@dataclass(frozen=True)
class Trace:
    """Every layer's pre-activation z and output a for one batch.

    zs[l] (m, units_l) for l = 0..L-1; acts[0] is the input X (m, n_inputs), acts[l+1] = f(zs[l]).
    """

    zs: list[np.ndarray]
    acts: list[np.ndarray]

    @property
    def output(self) -> np.ndarray:
        return self.acts[-1]


LARGE_BATCH = 256  # from this batch size on, the fast path reuses its Z buffers


class Network:
    def __init__(self, spec: NetworkSpec, dtype=np.float64):
        self.spec = spec
        self.dtype = np.dtype(dtype)
        sizes = spec.sizes
        self.shapes = [(sizes[i + 1], sizes[i] + 1) for i in range(len(sizes) - 1)]
        self.theta = np.zeros(spec.n_params, dtype=self.dtype)
        self.grad = np.zeros_like(self.theta)
        self.blocks = self._views(self.theta)  # [W | b] per layer
        self.grad_blocks = self._views(self.grad)
        self.weights = [p[:, :-1] for p in self.blocks]  # W (n_out, n_in)
        self.biases = [p[:, -1] for p in self.blocks]  # b (n_out,)
        # 1 where theta holds a weight, 0 where it holds a bias (regularizers touch weights only)
        self.weight_mask = np.ones_like(self.theta)
        for m in self._views(self.weight_mask):
            m[:, -1] = 0.0
        self._acts = [activations.get(layer.activation) for layer in spec.layers]
        self._params = [a.resolve_param(layer.param) for a, layer in zip(self._acts, spec.layers)]
        hidden = list(zip(self._acts, spec.hidden))
        self._value_into = [act.kernel_into(layer.param) for act, layer in hidden]
        self._derivative = [act.kernel_times_derivative(layer.param) for act, layer in hidden]
        self._weights_t = [w.T for w in self.weights]  # views: follow theta
        self._backward_plan = [
            (self.grad_blocks[layer], self._weights_t[layer], self._derivative[layer - 1])
            for layer in range(self.n_layers - 1, 0, -1)
        ]
        self._block_starts = np.cumsum([0] + [r * c for r, c in self.shapes[:-1]])
        self._norm_buffer = np.empty(self.theta.size, np.float64)
        self._weight_mask64 = self.weight_mask.astype(np.float64)
        self._buffers: dict[int, list[np.ndarray]] = {}
        self._no_buffers = (None,) * self.n_layers

    def _views(self, flat: np.ndarray) -> list[np.ndarray]:
        views, start = [], 0
        for rows, cols in self.shapes:
            views.append(flat[start : start + rows * cols].reshape(rows, cols))
            start += rows * cols
        return views

    @property
    def n_layers(self) -> int:
        return len(self.shapes)

    # ----------------------------------------------------------------- parameters
    def get_params(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(w.copy(), b.copy()) for w, b in zip(self.weights, self.biases)]

    def set_params(self, params) -> None:
        for i, (w, b) in enumerate(params):
            w, b = np.asarray(w), np.asarray(b)
            if w.shape != self.weights[i].shape or b.shape != self.biases[i].shape:
                raise ValueError(
                    f"layer {i + 1}: expected W {self.weights[i].shape} and b "
                    f"{self.biases[i].shape}, got {w.shape} and {b.shape}"
                )
            self.weights[i][...] = w
            self.biases[i][...] = b

    def copy(self, dtype=None) -> Network:
        net = Network(self.spec, self.dtype if dtype is None else dtype)
        net.theta[...] = self.theta
        return net

    # ----------------------------------------------------------------- forward / backward
    def forward(self, X: np.ndarray) -> Trace:
        """Allocating forward pass keeping every layer (for analysis and views)."""
        a = np.asarray(X, dtype=self.dtype)
        zs, acts = [], [a]
        for w, b, act, p in zip(self.weights, self.biases, self._acts, self._params):
            z = a @ w.T + b  # (m, n_out)
            a = act.value(z, p)
            zs.append(z)
            acts.append(a)
        return Trace(zs, acts)

    def forward_logits(self, X: np.ndarray) -> np.ndarray:
        """The output layer's z (m, n_outputs) for X (m, n_in), keeping no other layer."""
        a = np.asarray(X, dtype=self.dtype)
        for w, b, act, p in zip(self.weights[:-1], self.biases[:-1], self._acts, self._params):
            a = act.value(a @ w.T + b, p)
        return a @ self.weights[-1].T + self.biases[-1]

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.forward(X).output

    def backward(self, trace: Trace, dz_out: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Gradients [(dL/dW, dL/db)] per layer, given dL/dZ of the output layer (m, n_out)."""
        return [
            (dz.T @ a_prev, dz.sum(axis=0))
            for dz, a_prev in zip(self.deltas(trace, dz_out), trace.acts, strict=False)
        ]

    def deltas(self, trace: Trace, dz_out: np.ndarray) -> list[np.ndarray]:
        """dL/dZ (m, units_l) of every layer l = 0..L-1, given that of the output layer:
        dL/dZ_{l-1} = (dL/dZ_l · W_l) ⊙ f'(Z_{l-1})."""
        dzs = [dz_out]
        for layer in range(self.n_layers - 1, 0, -1):
            da = dzs[-1] @ self.weights[layer]  # dL/dA of the layer below (m, n_in)
            act, p = self._acts[layer - 1], self._params[layer - 1]
            dzs.append(da * act.derivative(trace.zs[layer - 1], trace.acts[layer], p))
        return dzs[::-1]

    def weight_grad_norms(self) -> list[float]:
        """‖dL/dW_l‖ (Frobenius, weights only, in float64) per layer of the gradient in self.grad
        (what the last backward_train left there)."""
        sq = np.multiply(self.grad, self.grad, out=self._norm_buffer)  # g² (n_params,) float64
        sq *= self._weight_mask64
        return np.sqrt(np.add.reduceat(sq, self._block_starts)).tolist()

    # ----------------------------------------------------------------- fast training path
    # Column layout (one sample per column, as in Z = W·A + b over m columns): each hidden
    # layer's output lives in a buffer A1 = [A; 1] of shape (units + 1, m) whose last row is 1,
    # so Z = P·A1, dL/dP = dZ·A1ᵀ and every activation writes contiguous rows.
    def _batch_buffers(self, m: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Per hidden layer for batch size m: (A1 (units + 1, m), its rows A, and A1ᵀ) — the
        views are made once, not every step."""
        bufs = self._buffers.get(m)
        if bufs is None:
            bufs = []
            for rows, _cols in self.shapes[:-1]:
                buf = np.empty((rows + 1, m), dtype=self.dtype)
                buf[-1] = 1.0
                bufs.append((buf, buf[:-1], buf.T))
            self._buffers[m] = bufs
        return bufs

    def _z_buffers(self, m: int) -> list[np.ndarray | None]:
        """Reused Z (n_out, m) per layer for large batches (fresh megabytes every step cost
        page faults); None for small ones, where a new array is cheaper than out= checks."""
        if m < LARGE_BATCH:
            return self._no_buffers
        key = -m
        bufs = self._buffers.get(key)
        if bufs is None:
            bufs = [np.empty((rows, m), dtype=self.dtype) for rows, _ in self.shapes]
            self._buffers[key] = bufs
        return bufs

    def forward_train(self, X1: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Forward pass on an augmented batch X1 = [X; 1] of shape (n_in + 1, m).

        Returns (zs, acts1): zs[l] (units_l, m); acts1[l] (units + 1, m) is layer l's input.
        The output layer's head is applied by the caller (the loss pairs with it). For large
        batches the arrays are reused by the next call.
        """
        m, dot = X1.shape[1], np.dot
        bufs, zbufs = self._batch_buffers(m), self._z_buffers(m)
        acts1, zs = [X1], []
        a1 = X1
        for block, (a1_next, a_rows, _), value_into, zbuf in zip(
            self.blocks, bufs, self._value_into, zbufs
        ):
            z = dot(block, a1, out=zbuf)  # (n_out, m)
            value_into(z, a_rows)
            zs.append(z)
            acts1.append(a1_next)
            a1 = a1_next
        zs.append(dot(self.blocks[-1], a1, out=zbufs[-1]))  # output layer, before its head
        return zs, acts1

    def backward_train(self, zs, acts1, dz_out: np.ndarray) -> np.ndarray:
        """Fill self.grad with dL/dθ given dL/dZ of the output layer (n_out, m); returns it."""
        dot, dz = np.dot, dz_out
        views = self._batch_buffers(dz.shape[1])[::-1]  # acts1[1:] are these buffers
        # from the output layer down to the first hidden layer: (grad block, Wᵀ, f') per layer
        for (grad, w_t, times_derivative), (_, a_rows, a1_t), z in zip(
            self._backward_plan, views, zs[-2::-1]
        ):
            dot(dz, a1_t, out=grad)  # [dW | db] = dZ·A1ᵀ
            dz_prev = dot(w_t, dz)  # dL/dA (n_in, m)
            times_derivative(dz_prev, z, a_rows)  # dL/dZ of the layer below
            dz = dz_prev
        dot(dz, acts1[0].T, out=self.grad_blocks[0])
        return self.grad


def transfer_theta(old: Network, new: Network) -> dict[int, int]:
    """Copy [W | b] blocks from old to new: matching prefix by position, then matching suffix.

    Inserting or removing a hidden layer shifts the layers after it; aligning from both ends keeps
    the weights of every layer whose shape did not change. Returns {new layer: old layer} of the
    blocks copied.
    """
    done = {}
    for i, (a, b) in enumerate(zip(old.blocks, new.blocks, strict=False)):
        if a.shape != b.shape:
            break
        b[...] = a
        done[i] = i
    for k in range(1, min(len(old.blocks), len(new.blocks)) + 1):
        i = len(new.blocks) - k
        a, b = old.blocks[-k], new.blocks[i]
        if i in done or a.shape != b.shape:
            break
        b[...] = a
        done[i] = len(old.blocks) - k
    return done
