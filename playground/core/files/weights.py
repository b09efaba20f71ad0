"""Weights in a project file: embedded as base64 float64, or in a sibling .npz (no pickles).

Embedded: {"encoding": "float64-le-base64", "layers": [{"W": {shape, data}, "b": {...}}, …]}.
File: {"file": "<stem>.npz"} holding arrays W0, b0, W1, b1, …
"""

from __future__ import annotations

import base64
import io
import math
import zipfile
from pathlib import Path

import numpy as np

from playground.core import limits
from playground.core.files.atomic import read_limited
from playground.core.files.schema import ProjectError, kind_name

ENCODING = "float64-le-base64"
Params = tuple[tuple[np.ndarray, np.ndarray], ...]


def shapes(spec) -> list[tuple[tuple[int, int], tuple[int]]]:
    s = spec.sizes
    return [((s[i + 1], s[i]), (s[i + 1],)) for i in range(len(s) - 1)]


def encode_layers(params: Params) -> dict:
    return {"encoding": ENCODING, "layers": [{"W": _encode(w), "b": _encode(b)} for w, b in params]}


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
            raise ProjectError(
                f"{where}: stored in {w['file']!r}; open the project with "
                "load_project so the .npz file is read"
            )
        layers, label = loaded, f"{where} file"
    else:
        if w.get("encoding") != ENCODING:
            raise ProjectError(
                f"{where}.encoding: must be {ENCODING!r}, got {w.get('encoding')!r}"[:200]
            )
        raw = w.get("layers")
        if not isinstance(raw, list):
            raise ProjectError(f"{where}.layers: must be a list, got {kind_name(raw)}")
        expected = shapes(spec)
        if len(raw) != len(expected):
            raise ProjectError(
                f"{where}.layers: the network has {len(expected)} layers, the weights {len(raw)}"
            )
        layers = [
            (_decode(lay, "W", i, ws, where), _decode(lay, "b", i, bs, where))
            for i, (lay, (ws, bs)) in enumerate(zip(raw, expected, strict=True))
        ]
        label = f"{where}.layers"
    return check_layers(layers, spec, label)


def check_layers(layers, spec, where: str) -> Params:
    expected = shapes(spec)
    if len(layers) != len(expected):
        raise ProjectError(
            f"{where}: the network has {len(expected)} layers, the weights {len(layers)}"
        )
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
    if not (
        isinstance(shape, list)
        and all(isinstance(s, int) and not isinstance(s, bool) and 0 <= s for s in shape)
    ):
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


def npz_arrays(params: Params, initial: Params | None = None) -> dict[str, np.ndarray]:
    """The arrays of a weights .npz: W0, b0, … and, for a saved run, IW0, Ib0, …"""
    arrays = {f"{k}{i}": a for i, (W, b) in enumerate(params) for k, a in (("W", W), ("b", b))}
    for i, (W, b) in enumerate(initial or ()):
        arrays[f"IW{i}"], arrays[f"Ib{i}"] = W, b
    return arrays


def load_npz(path: Path, name, expected) -> tuple[list, list | None]:
    """(weights, initial weights or None) from the .npz next to a project.

    Every member's name, dtype and shape is read from its header and checked against the
    network's `expected` layer shapes before any data is read (a zip bomb or a header that
    claims 2⁴⁰ numbers costs nothing); no pickles (allow_pickle=False).
    """
    if not isinstance(name, str) or not name.endswith(".npz") or Path(name).name != name:
        raise ProjectError(
            f"weights.file: must be a .npz file name in the project's folder, got {name!r}"[:200]
        )
    npz = path.parent / name
    if not npz.exists():
        raise ProjectError(f"weights.file: {name} is missing (it must sit next to {path.name})")
    try:
        raw = read_limited(npz, ProjectError, "weights file", limits.MAX_PROJECT_BYTES)
    except ProjectError as e:
        raise ProjectError(f"weights.file: {e}") from None
    if raw.startswith(b"\x93NUMPY"):
        raise ProjectError(f"weights.file: {name} holds a single array, not named arrays W0, b0, …")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            members = _members(z, name, expected)
            arrays = {
                key: _read_member(z, info, key, shape, name)
                for key, (info, shape) in members.items()
            }
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as e:
        raise ProjectError(
            f"weights.file: {name} is corrupt or not a plain .npz archive of "
            f"weight arrays ({type(e).__name__})"
        ) from None
    n = len(expected)
    weights = [(arrays[f"W{i}"], arrays[f"b{i}"]) for i in range(n)]
    initial = [(arrays[f"IW{i}"], arrays[f"Ib{i}"]) for i in range(n)] if "IW0" in arrays else None
    return weights, initial


def _members(z: zipfile.ZipFile, name: str, expected) -> dict:
    """key → (ZipInfo, expected shape) for W0, b0, … (and IW0, Ib0, … if present)."""
    infos = {info.filename.removesuffix(".npy"): info for info in z.infolist()}
    want = {
        f"{k}{i}": shape
        for i, (ws, bs) in enumerate(expected)
        for k, shape in (("W", ws), ("b", bs))
    }
    if any(k.startswith("I") for k in infos):
        want.update({f"I{k}": shape for k, shape in want.items()})
    if set(infos) != set(want):
        found = sorted(infos)[:12]
        raise ProjectError(
            f"weights.file: {name} must hold arrays {', '.join(sorted(want))}, "
            f"found {', '.join(found) or 'none'}"[:300]
        )
    return {k: (infos[k], want[k]) for k in want}


def _read_member(
    z: zipfile.ZipFile, info: zipfile.ZipInfo, key: str, shape: tuple, name: str
) -> np.ndarray:
    """One array; key "W2" is reported as "weights file[2].W" ("IW2": "…initial[2].W")."""
    initial = key.startswith("I")
    kind, i = key.lstrip("I")[0], key.lstrip("I")[1:]
    where = f"weights file{' initial' if initial else ''}[{i}].{kind}"
    if info.file_size > 8 * math.prod(shape) + 4096:  # more bytes than the array can need
        raise ProjectError(f"{where}: {info.file_size} bytes for shape {shape}")
    with z.open(info) as f:
        fmt = np.lib.format
        version = fmt.read_magic(f)
        read_header = fmt.read_array_header_1_0 if version == (1, 0) else fmt.read_array_header_2_0
        header = read_header(f)  # (shape, fortran order, dtype)
        if tuple(header[0]) != tuple(shape):
            raise ProjectError(f"{where}: expected shape {shape}, got {tuple(header[0])}")
        if header[2].kind != "f" or header[2].itemsize not in (4, 8):
            raise ProjectError(
                f"weights.file: {name} needs float arrays W{i} and b{i}; {where} holds {header[2]}"
            )
        f.seek(0)
        a = np.lib.format.read_array(f, allow_pickle=False)
    a = np.asarray(a, dtype=np.float64)
    if not np.isfinite(a).all():
        raise ProjectError(f"{where}: contains NaN or infinite values")
    return a
