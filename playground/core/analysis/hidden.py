"""Hidden space: where a hidden layer puts each input (the coordinates the next layer sees)."""

from __future__ import annotations

import numpy as np

from playground.core.nn import activations


def hidden_representation(network, inputs, layer: int) -> np.ndarray:
    """Activations (n, units) of hidden layer `layer` (0-based) for network inputs (n, n_in)."""
    n_hidden = len(network.spec.hidden)
    if not 0 <= layer < n_hidden:
        raise ValueError(f"hidden layer index must be in 0..{n_hidden - 1}, got {layer}")
    a = np.asarray(inputs, dtype=network.dtype)
    for w, b, spec in zip(network.weights[: layer + 1], network.biases[: layer + 1],
                          network.spec.hidden[: layer + 1], strict=True):
        act = activations.get(spec.activation)
        a = act.value(a @ w.T + b, act.resolve_param(spec.param))
    return a


def hidden_projection(network, inputs, layer: int) -> tuple[np.ndarray, str]:
    """2-D view (n, 2) of a hidden layer and how it was made ("identity", "padded", "pca").

    1 unit: (h, 0); 2 units: as is; more: projection on the top-2 principal axes of the
    centred activations (the axes are fixed by the data, signs by the largest loading).
    """
    h = hidden_representation(network, inputs, layer).astype(np.float64)
    if h.shape[1] == 1:
        return np.column_stack([h[:, 0], np.zeros(len(h))]), "padded"
    if h.shape[1] == 2:
        return h, "identity"
    centred = h - h.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:2]  # (2, units)
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(axis=1)])
    return centred @ (axes * signs[:, None]).T, "pca"
