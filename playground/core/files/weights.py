"""Weights in a project file: embedded as base64 float64, or in a sibling .npz (no pickles).

Embedded: {"encoding": "float64-le-base64", "layers": [{"W": {shape, data}, "b": {...}}, …]}.
File: {"file": "<stem>.npz"} holding arrays W0, b0, W1, b1, …
"""

from __future__ import annotations

import base64
import math
import zipfile
from pathlib import Path

import numpy as np

from playground.core.files.schema import ProjectError, kind_name

ENCODING = "float64-le-base64"
Params = tuple[tuple[np.ndarray, np.ndarray], ...]


def shapes(spec) -> list[tuple[tuple[int, int], tuple[int]]]:
    s = spec.sizes
    return [((s[i + 1], s[i]), (s[i + 1],)) for i in range(len(s) - 1)]


def encode_layers(params: Params) -> dict:
    return {"encoding": ENCODING, "layers": [{"W": _encode(w), "b": _encode(b)}
                                             for w, b in params]}


def _encode(a: np.ndarray) -> dict:
    data = np.ascontiguousarray(a, dtype="<f8").tobytes()
    return {"shape": list(a.shape), "data": base64.b64encode(data).decode("ascii")}


def params_from(w, loaded, spec, where: str = "weights") -> Params | None:
    """Check weights (embedded, or `loaded` from the npz) against the spec's layer shapes."""
    if w is None:
        return None
    if not isinstance(w, dict):
        raise ProjectError(f"{where}: must be an object, got {kind_name(w)}")
    if "file" in w:
        if loaded is None:
            raise ProjectError(f"{where}: stored in {w['file']!r}; open the project with "
                               "load_project so the .npz file is read")
        layers, label = loaded, f"{where} file"
    else:
        if w.get("encoding") != ENCODING:
            raise ProjectError(f"{where}.encoding: must be {ENCODING!r}, got "
                               f"{w.get('encoding')!r}"[:200])
        raw = w.get("layers")
        if not isinstance(raw, list):
            raise ProjectError(f"{where}.layers: must be a list, got {kind_name(raw)}")
        expected = shapes(spec)
        if len(raw) != len(expected):
            raise ProjectError(f"{where}.layers: the network has {len(expected)} layers, the "
                               f"weights {len(raw)}")
        layers = [(_decode(lay, "W", i, ws, where), _decode(lay, "b", i, bs, where))
                  for i, (lay, (ws, bs)) in enumerate(zip(raw, expected, strict=True))]
        label = f"{where}.layers"
    return check_layers(layers, spec, label)


def check_layers(layers, spec, where: str) -> Params:
    expected = shapes(spec)
    if len(layers) != len(expected):
        raise ProjectError(f"{where}: the network has {len(expected)} layers, the weights "
                           f"{len(layers)}")
    for i, ((W, b), (ws, bs)) in enumerate(zip(layers, expected, strict=True)):
        for key, a, shape in (("W", W, ws), ("b", b, bs)):
            if a.shape != shape:
                raise ProjectError(f"{where}[{i}].{key}: expected shape {shape}, got {a.shape}")
            if not np.isfinite(a).all():
                raise ProjectError(f"{where}[{i}].{key}: contains NaN or infinite values")
    return tuple((W, b) for W, b in layers)


def _decode(layer, key: str, i: int, expected: tuple, where: str) -> np.ndarray:
    """One array; its shape is checked against the network's before the data is decoded."""
    where = f"{where}.layers[{i}].{key}"
    if not isinstance(layer, dict) or not isinstance(layer.get(key), dict):
        raise ProjectError(f"{where}: missing (expected {{shape, data}})")
    shape, data = layer[key].get("shape"), layer[key].get("data")
    if not (isinstance(shape, list) and all(isinstance(s, int) and not isinstance(s, bool)
                                            and 0 <= s for s in shape)):
        raise ProjectError(f"{where}.shape: must be a list of sizes, got {shape!r}"[:200])
    if tuple(shape) != tuple(expected):
        raise ProjectError(f"{where}: expected shape {tuple(expected)}, got {tuple(shape)}")
    if not isinstance(data, str) or len(data) > 4 * math.ceil(8 * math.prod(shape) / 3) + 4:
        raise ProjectError(f"{where}.data: not valid base64 of {math.prod(shape)} numbers")
    try:
        raw = base64.b64decode(data, validate=True)
    except (TypeError, ValueError):
        raise ProjectError(f"{where}.data: not valid base64") from None
    if len(raw) != 8 * math.prod(shape):
        raise ProjectError(f"{where}.data: {len(raw)} bytes do not fit shape {tuple(shape)}")
    return np.frombuffer(raw, dtype="<f8").astype(np.float64).reshape(shape)


def load_npz(path: Path, name) -> list[tuple[np.ndarray, np.ndarray]]:
    """Named arrays W0, b0, … of the .npz next to a project (allow_pickle=False)."""
    if not isinstance(name, str) or not name.endswith(".npz") or Path(name).name != name:
        raise ProjectError(f"weights.file: must be a .npz file name in the project's folder, "
                           f"got {name!r}"[:200])
    npz = path.parent / name
    try:
        with open(npz, "rb") as f:  # we own f, so a failed load leaks no handle
            z = np.load(f, allow_pickle=False)
            if not isinstance(z, np.lib.npyio.NpzFile):
                raise ValueError("it holds a single array, not named arrays W0, b0, ...")
            with z:
                arrays = {k: z[k] for k in z.files}
    except FileNotFoundError:
        raise ProjectError(f"weights.file: {name} is missing (it must sit next to "
                           f"{path.name})") from None
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise ProjectError(f"weights.file: {name} is corrupt or not a plain .npz: {e}") from None
    layers = []
    for i in range(len(arrays) // 2):
        pair = arrays.get(f"W{i}"), arrays.get(f"b{i}")
        if any(a is None or a.dtype.kind not in "fi" for a in pair):
            raise ProjectError(f"weights.file: {name} needs float arrays W{i} and b{i}")
        layers.append(tuple(np.asarray(a, dtype=np.float64) for a in pair))
    if len(layers) * 2 != len(arrays):
        raise ProjectError(f"weights.file: {name} holds unexpected arrays {sorted(arrays)}")
    return layers
