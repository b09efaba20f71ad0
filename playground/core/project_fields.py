"""Field checks for project files: each raises ProjectError naming the field and the rule."""

from __future__ import annotations

import math

import numpy as np

from playground.core import activations, datasets, initializers, losses, optimizers, regularizers
from playground.core.pointset import FEATURES, TASKS, PointSet
from playground.core.spec import MAX_HIDDEN_LAYERS, MAX_UNITS, LayerSpec
from playground.core.trainer import TrainConfig

_MISSING = object()
_TYPE_NAMES = {str: "a string", int: "an integer", float: "a number", list: "a list",
               dict: "an object", bool: "true or false", type(None): "null"}


class ProjectError(Exception):
    """The one error for a project file that cannot be read; the message names the field."""


def need(d: dict, key: str, types, prefix: str, default=_MISSING):
    """d[key] checked against types (int excludes bool; float accepts int)."""
    if key not in d:
        if default is _MISSING:
            raise ProjectError(f"{prefix}{key}: missing")
        return default
    v = d[key]
    types = types if isinstance(types, tuple) else (types,)
    accepted = types + ((int,) if float in types else ())
    if not isinstance(v, accepted) or (isinstance(v, bool) and bool not in types):
        wanted = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)
        raise ProjectError(f"{prefix}{key}: must be {wanted}, got {_short(v)}")
    return v


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _choice(v, choices: list[str], where: str) -> None:
    if v not in choices:
        raise ProjectError(f"{where}: unknown name {v!r}; choose from {', '.join(choices)}")


def check_hidden(layers: list) -> tuple[LayerSpec, ...]:
    if len(layers) > MAX_HIDDEN_LAYERS:
        raise ProjectError(f"network.hidden: at most {MAX_HIDDEN_LAYERS} layers, "
                           f"got {len(layers)}")
    specs = []
    for i, layer in enumerate(layers):
        where = f"network.hidden[{i}]"
        if not isinstance(layer, dict):
            raise ProjectError(f"{where}: must be an object {{units, activation, param}}")
        units = need(layer, "units", int, where + ".")
        if not 1 <= units <= MAX_UNITS:
            raise ProjectError(f"{where}.units: must be an integer 1..{MAX_UNITS}, got {units}")
        act = need(layer, "activation", str, where + ".")
        _choice(act, activations.names(), f"{where}.activation")
        param = need(layer, "param", (float, type(None)), where + ".", None)
        if param is not None and not math.isfinite(param):
            raise ProjectError(f"{where}.param: must be a finite number")
        specs.append(LayerSpec(units, act, None if param is None else float(param)))
    return tuple(specs)


def check_config(d: dict) -> TrainConfig:
    """TrainConfig from the "training" object; absent fields take TrainConfig's defaults."""
    p = "training."
    for key, choices in (("optimizer", optimizers.names()), ("initializer", initializers.names()),
                         ("regularization", regularizers.names())):
        if key in d:
            _choice(need(d, key, str, p), choices, p + key)
    if need(d, "loss", (str, type(None)), p, None) is not None:
        _choice(d["loss"], losses.names(), p + "loss")
    if need(d, "learning_rate", float, p, 1.0) <= 0 or not math.isfinite(d.get("learning_rate", 1)):
        raise ProjectError(f"{p}learning_rate: must be a positive number")
    if need(d, "reg_rate", float, p, 0.0) < 0 or not math.isfinite(d.get("reg_rate", 0)):
        raise ProjectError(f"{p}reg_rate: must be a number ≥ 0")
    if need(d, "batch_size", int, p, 1) < 1:
        raise ProjectError(f"{p}batch_size: must be an integer ≥ 1")
    if need(d, "seed", int, p, 0) < 0:
        raise ProjectError(f"{p}seed: must be an integer ≥ 0")
    if "dtype" in d:
        _choice(need(d, "dtype", str, p), ["float64", "float32"], p + "dtype")
    feats = need(d, "features", list, p, None)
    if feats is not None:
        if not feats or len(set(map(str, feats))) != len(feats):
            raise ProjectError(f"{p}features: must list at least one feature, without repeats")
        for i, f in enumerate(feats):
            _choice(f, list(FEATURES), f"{p}features[{i}]")
    try:
        return TrainConfig.from_dict(d)
    except (ValueError, KeyError, TypeError) as e:
        raise ProjectError(f"training: {e}") from None


def check_dataset(d) -> dict | None:
    """Generator settings {name, n, noise, seed, classes, test_fraction}; keys may be omitted."""
    if d is None:
        return None
    if not isinstance(d, dict):
        raise ProjectError("dataset: must be an object {name, n, noise, seed, classes, ...}")
    p = "dataset."
    _choice(need(d, "name", str, p), datasets.names(), p + "name")
    n = need(d, "n", int, p, 1)
    if not 1 <= n <= datasets.MAX_POINTS:
        raise ProjectError(f"dataset.n: must be an integer 1..{datasets.MAX_POINTS}, got {n}")
    need(d, "noise", float, p, 0.0)
    need(d, "seed", int, p, 0)
    need(d, "classes", (int, type(None)), p, None)
    need(d, "test_fraction", float, p, 0.0)
    extra = set(d) - {"name", "n", "noise", "seed", "classes", "test_fraction"}
    if extra:
        raise ProjectError(f"dataset.{sorted(extra)[0]}: unknown setting")
    try:
        datasets.generate(**{**d, "n": 1})  # checks the other values cheaply
    except ValueError as e:
        raise ProjectError(f"dataset: {e}") from None
    return dict(d)


def check_data(d) -> PointSet:
    """The PointSet in a project's "data" object."""
    if not isinstance(d, dict):
        raise ProjectError(f"data: must be an object, got {type(d).__name__}")
    task = need(d, "task", str, "data.")
    if task not in TASKS:
        raise ProjectError(f"data.task: must be one of {', '.join(TASKS)}, got {task!r}")
    n_classes = need(d, "n_classes", int, "data.")
    if not (n_classes == 1 if task == "regression" else 2 <= n_classes <= datasets.MAX_CLASSES):
        raise ProjectError(f"data.n_classes: {n_classes} does not fit task {task!r}")
    X = _number_matrix(need(d, "X", list, "data."), "data.X")
    n = len(X)
    y = _number_list(need(d, "y", list, "data."), "data.y", n, task != "regression")
    is_test = _number_list(need(d, "is_test", list, "data."), "data.is_test", n, True)
    if not np.isin(is_test, (0, 1)).all():
        raise ProjectError("data.is_test: must hold 0/1 (or true/false) values")
    names = need(d, "feature_names", list, "data.", [])
    if not all(isinstance(s, str) for s in names):
        raise ProjectError("data.feature_names: must be a list of strings")
    try:
        return PointSet(X.reshape(n, -1), y, task, n_classes, is_test.astype(bool),
                        need(d, "name", str, "data.", "custom"), tuple(names))
    except ValueError as e:
        raise ProjectError(f"data: {e}") from None


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _number_matrix(rows: list, where: str) -> np.ndarray:
    if not rows:
        return np.zeros((0, 2))
    width = len(rows[0]) if isinstance(rows[0], list) else -1
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width or width < 1:
            raise ProjectError(f"{where}[{i}]: must be a list of {max(width, 1)} numbers")
        if not all(_is_number(v) and math.isfinite(v) for v in row):
            raise ProjectError(f"{where}[{i}]: must hold finite numbers, got {row!r}"[:160])
    return np.array(rows, dtype=np.float64)


def _number_list(values: list, where: str, n: int, integer: bool) -> np.ndarray:
    if len(values) != n:
        raise ProjectError(f"{where}: expected {n} values (one per point), got {len(values)}")
    kinds = (int, bool) if integer and where.endswith("is_test") else (int,)
    for i, v in enumerate(values):
        ok = isinstance(v, kinds) if integer else _is_number(v) and math.isfinite(v)
        if not ok:
            kind = "an integer" if integer else "a finite number"
            raise ProjectError(f"{where}[{i}]: must be {kind}, got {_short(v)}")
    return np.array(values, dtype=np.int64 if integer else np.float64)


def check_view(v) -> dict:
    if not isinstance(v, dict):
        raise ProjectError("view: must be an object")
    return dict(v)


def json_safe(v, where: str):
    """v with tuples → lists, numpy values → Python, non-finite floats → null."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise ProjectError(f"{where}: key {k!r} is not a string")
            out[k] = json_safe(x, f"{where}.{k}")
        return out
    if isinstance(v, (list, tuple, np.ndarray)):
        return [json_safe(x, f"{where}[{i}]") for i, x in enumerate(v)]
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if v is None or isinstance(v, (str, int, bool)):
        return v
    raise ProjectError(f"{where}: {type(v).__name__} cannot be saved in a project file")
