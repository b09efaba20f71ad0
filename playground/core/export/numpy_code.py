"""`--format numpy`: the network as a dependency-free forward pass (numpy only).

The file computes Z = A·Wᵀ + b and A' = f(Z) layer by layer on row-major batches (n, units),
exactly as the app's Network.predict does in float64; weights inline for small networks, in a
.npz beside the file for large ones.
"""

from __future__ import annotations

from pathlib import Path

from playground.core.export.common import (
    ExportFile,
    Subject,
    activation_functions,
    check_code,
    features_code,
    function_name,
    header,
    main_code,
    npz_arrays,
    npz_bytes,
    sibling_npz,
    weights_code,
)


def render(s: Subject, out: Path) -> list[ExportFile]:
    """The code file (and the .npz of its weights for a large network)."""
    npz = None if s.inline else sibling_npz(out)
    names, functions = activation_functions(s, "np", lambda act: True)
    lines = header(s, "NumPy (no other dependency)")
    lines += ["", *(["from pathlib import Path", ""] if npz else []), "import numpy as np", ""]
    lines += weights_code(s, npz) + [""] + check_code(s) + ["", ""] + features_code(s)
    lines += functions + ["", ""] + predict_code(s, names) + ["", ""] + main_code()
    files = [ExportFile(out, ("\n".join(lines) + "\n").encode("utf-8"))]
    if npz is not None:
        files.append(ExportFile(npz, npz_bytes(npz_arrays(s))))
    return files


def predict_code(s: Subject, names: dict) -> list[str]:
    """def predict(X): features, then f(A·Wᵀ + b) for every layer, the head last."""
    sizes = s.spec.sizes
    lines = [
        "def predict(X):",
        f'    """The app\'s Network.predict: outputs (n, {sizes[-1]}) for raw points X '
        f'(n, {s.data.dim})."""',
        f"    a = features(X)  # (n, {sizes[0]})",
    ]
    last = len(s.spec.layers) - 1
    for i, layer in enumerate(s.spec.layers):
        target = "return" if i == last else "a ="
        lines.append(
            f"    {target} {function_name(names, layer)}(a @ W{i}.T + b{i})  # (n, {sizes[i + 1]})"
        )
    return lines
