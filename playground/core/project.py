"""Project files: data + network + training config + optional weights + view settings, as JSON.

File layout (format_version 1):
    {"format_version": 1, "name": str, "description": str,
     "dataset": {name, n, noise, seed, classes, test_fraction} | null  — generator settings
     "data": {task, n_classes, name, feature_names, X [[...]], y [...], is_test [0/1...]}
             (may be left out when "dataset" is given: the points are generated again)
     "network": {"hidden": [{units, activation, param}], "output": str | null},
     "training": TrainConfig fields, "view": {...},
     "weights": {"encoding": "float64-le-base64", "layers": [{"W": {shape, data}, "b": {...}}]}
              | {"file": "<stem>.npz"}  (arrays W0, b0, W1, b1, ...) | absent}
Loading validates every field and raises ProjectError naming it; nothing is executed or unpickled.
"""

from __future__ import annotations

import base64
import json
import math
import os
import tempfile
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from playground.core import activations, datasets, losses
from playground.core.pointset import PointSet
from playground.core.project_fields import (
    ProjectError,
    check_config,
    check_data,
    check_dataset,
    check_hidden,
    check_view,
    json_safe,
    need,
)
from playground.core.resources import resource_path
from playground.core.spec import LayerSpec, NetworkSpec
from playground.core.trainer import TrainConfig, build_spec, default_loss

__all__ = ["FORMAT_VERSION", "DEFAULT_EXPERIMENT", "Project", "ProjectError", "project_to_dict",
           "project_from_dict", "save_project", "load_project", "experiment_names",
           "load_experiment"]

FORMAT_VERSION = 1
DEFAULT_EXPERIMENT = "xor-tanh"
_ENCODING = "float64-le-base64"
Params = tuple[tuple[np.ndarray, np.ndarray], ...]


@dataclass(frozen=True, eq=False)
class Project:
    data: PointSet
    hidden: tuple[LayerSpec, ...]
    config: TrainConfig = field(default_factory=TrainConfig)
    output: str | None = None  # output-head override; None follows the task
    params: Params | None = None  # per layer (W (n_out, n_in), b (n_out,))
    view: dict = field(default_factory=dict)  # JSON-safe view settings
    name: str = ""
    description: str = ""
    dataset: dict | None = None  # generator settings the points came from, if any

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        object.__setattr__(self, "view", dict(self.view))
        if self.params is not None:
            params = tuple((_frozen(w), _frozen(b)) for w, b in self.params)
            object.__setattr__(self, "params", params)
            for i, ((w, b), shape) in enumerate(zip(params, _shapes(self.spec()), strict=False)):
                if (w.shape, b.shape) != shape:
                    raise ValueError(f"params layer {i + 1}: expected W {shape[0]} and b "
                                     f"{shape[1]}, got {w.shape} and {b.shape}")
            if len(params) != len(self.spec().layers):
                raise ValueError(f"params: expected {len(self.spec().layers)} layers, "
                                 f"got {len(params)}")

    def spec(self) -> NetworkSpec:
        return build_spec(self.data, self.hidden, self.config.features, self.output)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Project):
            return NotImplemented
        same = (self.data == other.data and self.data.feature_names == other.data.feature_names
                and (self.hidden, self.config, self.output, self.view, self.name,
                     self.description, self.dataset)
                == (other.hidden, other.config, other.output, other.view, other.name,
                    other.description, other.dataset))
        if not same or (self.params is None) != (other.params is None):
            return False
        return self.params is None or (len(self.params) == len(other.params) and all(
            np.array_equal(a, b) for p, q in zip(self.params, other.params, strict=True)
            for a, b in zip(p, q, strict=True)))

    __hash__ = None  # type: ignore[assignment]


def _frozen(a) -> np.ndarray:
    a = np.array(a, dtype=np.float64)
    a.setflags(write=False)
    return a


def _shapes(spec: NetworkSpec) -> list[tuple[tuple[int, int], tuple[int]]]:
    s = spec.sizes
    return [((s[i + 1], s[i]), (s[i + 1],)) for i in range(len(s) - 1)]


# ------------------------------------------------------------------ to / from dict
def project_to_dict(project: Project, embed_weights: bool = True, *,
                    embed_points: bool = True) -> dict:
    """A JSON-safe dict. embed_weights=False leaves weights out (the caller stores them);
    embed_points=False leaves the points out when `dataset` can regenerate them."""
    d: dict = {"format_version": FORMAT_VERSION, "name": project.name,
               "description": project.description, "dataset": project.dataset}
    if embed_points or project.dataset is None:
        p = project.data
        regression = p.task == "regression"
        d["data"] = {"task": p.task, "n_classes": p.n_classes, "name": p.name,
                     "feature_names": list(p.feature_names), "X": p.X.tolist(),
                     "y": p.y.tolist() if regression else [int(v) for v in p.y],
                     "is_test": [int(v) for v in p.is_test]}
    d["network"] = {"hidden": [{"units": h.units, "activation": h.activation, "param": h.param}
                               for h in project.hidden], "output": project.output}
    d["training"] = project.config.to_dict()
    d["view"] = project.view
    if embed_weights and project.params is not None:
        d["weights"] = {"encoding": _ENCODING, "layers": [
            {"W": _encode(w), "b": _encode(b)} for w, b in project.params]}
    return json_safe(d, "project")


def _encode(a: np.ndarray) -> dict:
    data = np.ascontiguousarray(a, dtype="<f8").tobytes()
    return {"shape": list(a.shape), "data": base64.b64encode(data).decode("ascii")}


def project_from_dict(d, weights=None) -> Project:
    """Validate d (a parsed project file) into a Project. weights: params read from the npz
    that d's "weights": {"file": ...} names. Raises ProjectError naming the bad field."""
    if not isinstance(d, dict):
        raise ProjectError(f"a project file must hold a JSON object, not {_kind(d)}")
    _check_version(d)
    name = need(d, "name", str, "", "")
    description = need(d, "description", str, "", "")
    dataset = check_dataset(d.get("dataset"))
    if d.get("data") is not None:
        data = check_data(d["data"])
    elif dataset is not None:
        try:
            data = datasets.generate(**dataset)
        except ValueError as e:
            raise ProjectError(f"dataset: {e}") from None
    else:
        raise ProjectError("data: missing (and no dataset settings to generate points from)")
    net = need(d, "network", dict, "")
    hidden = check_hidden(need(net, "hidden", list, "network."))
    output = need(net, "output", (str, type(None)), "network.", None)
    if output is not None and output not in activations.output_heads():
        raise ProjectError(f"network.output: unknown output head {output!r}; choose from "
                           f"{', '.join(activations.output_heads())}")
    config = check_config(need(d, "training", dict, "", {}))
    view = check_view(d.get("view", {}))
    try:
        spec = build_spec(data, hidden, config.features, output)
    except ValueError as e:
        raise ProjectError(f"network.output: {e}") from None
    _check_loss(config, spec, data.task)
    params = _params_from(d.get("weights"), weights, spec)
    return Project(data, hidden, config, output, params, view, name, description, dataset)


def _kind(v) -> str:
    return {dict: "an object", list: "a list", str: "a string"}.get(type(v), type(v).__name__)


def _check_version(d: dict) -> None:
    v = d.get("format_version")
    if v is None:
        raise ProjectError("format_version: missing — this is not an Activation Playground "
                           "project file")
    if isinstance(v, bool) or not isinstance(v, int):
        raise ProjectError(f"format_version: must be an integer, got {v!r}")
    if v != FORMAT_VERSION:
        raise ProjectError(f"unknown format_version {v} — this app reads version "
                           f"{FORMAT_VERSION}")


def _check_loss(config: TrainConfig, spec: NetworkSpec, task: str) -> None:
    from playground.core.losses import check_pair
    from playground.core.trainer import default_loss

    try:
        check_pair(config.loss or default_loss(spec, task), spec.output)
    except ValueError as e:
        raise ProjectError(f"training.loss: {e}") from None


def _params_from(w, loaded, spec: NetworkSpec) -> Params | None:
    """Check weights (embedded, or `loaded` from the npz) against the spec's layer shapes."""
    if w is None:
        return None
    if not isinstance(w, dict):
        raise ProjectError(f"weights: must be an object, got {_kind(w)}")
    if "file" in w:
        if loaded is None:
            raise ProjectError(f"weights: stored in {w['file']!r}; open the project with "
                               "load_project so the .npz file is read")
        layers, where = loaded, "weights file"
    else:
        if w.get("encoding") != _ENCODING:
            raise ProjectError(f"weights.encoding: must be {_ENCODING!r}, got "
                               f"{w.get('encoding')!r}")
        layers = [(_decode(lay, "W", i), _decode(lay, "b", i))
                  for i, lay in enumerate(need(w, "layers", list, "weights."))]
        where = "weights.layers"
    shapes = _shapes(spec)
    if len(layers) != len(shapes):
        raise ProjectError(f"{where}: the network has {len(shapes)} layers, the weights "
                           f"{len(layers)}")
    for i, ((W, b), (ws, bs)) in enumerate(zip(layers, shapes, strict=True)):
        for key, a, shape in (("W", W, ws), ("b", b, bs)):
            if a.shape != shape:
                raise ProjectError(f"{where}[{i}].{key}: expected shape {shape}, got {a.shape}")
            if not np.isfinite(a).all():
                raise ProjectError(f"{where}[{i}].{key}: contains NaN or infinite values")
    return tuple((W, b) for W, b in layers)


def _decode(layer, key: str, i: int) -> np.ndarray:
    where = f"weights.layers[{i}].{key}"
    if not isinstance(layer, dict) or not isinstance(layer.get(key), dict):
        raise ProjectError(f"{where}: missing (expected {{shape, data}})")
    shape, data = layer[key].get("shape"), layer[key].get("data")
    if not (isinstance(shape, list) and all(isinstance(s, int) and s >= 0 for s in shape)):
        raise ProjectError(f"{where}.shape: must be a list of sizes, got {shape!r}")
    try:
        raw = base64.b64decode(data, validate=True)
    except (TypeError, ValueError):
        raise ProjectError(f"{where}.data: not valid base64") from None
    if len(raw) != 8 * math.prod(shape):
        raise ProjectError(f"{where}.data: {len(raw)} bytes do not fit shape {tuple(shape)}")
    return np.frombuffer(raw, dtype="<f8").astype(np.float64).reshape(shape)


# ------------------------------------------------------------------ files
def save_project(project: Project, path, weights: str = "embedded") -> None:
    """Write project JSON atomically; weights "embedded" (base64) or "npz" (sibling <stem>.npz)."""
    if weights not in ("embedded", "npz"):
        raise ValueError(f"weights must be 'embedded' or 'npz', got {weights!r}")
    path = Path(path)
    for i, (W, b) in enumerate(project.params or ()):
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise ProjectError(f"params layer {i + 1}: NaN or infinite weights cannot be saved")
    use_npz = weights == "npz" and project.params is not None
    d = project_to_dict(project, embed_weights=not use_npz)
    if use_npz:
        npz = path.with_suffix(".npz")
        arrays = {f"{k}{i}": a for i, (W, b) in enumerate(project.params)
                  for k, a in (("W", W), ("b", b))}
        _atomic_write(npz, lambda f: np.savez(f, **arrays))
        d["weights"] = {"file": npz.name}
    text = json.dumps(d, indent=1, allow_nan=False, ensure_ascii=False)
    _atomic_write(path, lambda f: f.write(text.encode("utf-8")))


def _atomic_write(path: Path, write) -> None:
    """write(f) into a temp file in path's folder, then os.replace onto path."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_project(path) -> Project:
    """Read and validate a project file (and its npz, if any). Raises ProjectError."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ProjectError(f"project file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ProjectError(f"cannot read {path}: {e}") from None
    d = _parse_json(text, path)
    w = d.get("weights") if isinstance(d, dict) else None
    loaded = None
    if isinstance(w, dict) and "file" in w and isinstance(d.get("format_version"), int):
        _check_version(d)
        loaded = _load_npz(path, w["file"])
    return project_from_dict(d, loaded)


def _reject_constant(name: str):
    raise ValueError(f"{name} is not allowed in JSON")


def _parse_json(text: str, path: Path):
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        if e.pos >= len(text.rstrip()):
            raise ProjectError(f"{path.name}: the file is truncated (the JSON ends early at line "
                               f"{e.lineno}) — it may not have finished saving") from None
        raise ProjectError(f"{path.name}: malformed JSON at line {e.lineno} column {e.colno}: "
                           f"{e.msg}") from None
    except (ValueError, RecursionError) as e:
        raise ProjectError(f"{path.name}: malformed JSON: {e}") from None


def _load_npz(path: Path, name) -> list[tuple[np.ndarray, np.ndarray]]:
    if not isinstance(name, str) or not name.endswith(".npz") or Path(name).name != name:
        raise ProjectError(f"weights.file: must be a .npz file name in the project's folder, "
                           f"got {name!r}")
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


# ------------------------------------------------------------------ built-in experiments
def experiment_names() -> list[str]:
    return sorted(p.stem for p in resource_path("experiments").glob("*.json"))


def load_experiment(name: str) -> Project:
    if name not in experiment_names():
        raise KeyError(f"unknown experiment {name!r}; choose from {', '.join(experiment_names())}")
    return load_project(resource_path("experiments", f"{name}.json"))


def check_structure(project: Project) -> None:
    """Raise ValueError (or KeyError) if the network, output head and loss do not fit the data."""
    spec = project.spec()
    losses.check_pair(project.config.loss or default_loss(spec, project.data.task), spec.output)


def with_fitting_overrides(project: Project) -> Project:
    """The project with its output-head and loss overrides dropped where they no longer fit its
    data (e.g. a softmax head chosen on iris, then a 2-class set): they follow the task again."""
    for candidate in (project, replace(project, config=replace(project.config, loss=None))):
        try:
            check_structure(candidate)
            return candidate
        except (ValueError, KeyError):
            pass
    return replace(project, output=None, config=replace(project.config, loss=None))


def with_snapshot_weights(project: Project, snap) -> Project:
    """The project carrying a Snapshot's weights, when they belong to its network and are
    finite; else the project unchanged."""
    if snap is None or snap.spec != project.spec() or (
            snap.diverged and not np.isfinite(snap.train_loss)):
        return project
    params = tuple((np.asarray(w, np.float64), np.asarray(b, np.float64))
                   for w, b in zip(snap.weights, snap.biases, strict=True))
    return replace(project, params=params)
