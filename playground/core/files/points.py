"""The "data" section of a project file: the points, checked before any array is built."""

from __future__ import annotations

import math

import numpy as np

from playground.core import limits
from playground.core.data.pointset import TASKS, PointSet
from playground.core.errors import Invalid
from playground.core.files.schema import ProjectError, _is_number, kind_name, need, short


def points_to_dict(p: PointSet) -> dict:
    regression = p.task == "regression"
    return {
        "task": p.task,
        "n_classes": p.n_classes,
        "name": p.name,
        "feature_names": list(p.feature_names),
        "class_names": list(p.class_names),
        "X": p.X.tolist(),
        "y": p.y.tolist() if regression else [int(v) for v in p.y],
        "is_test": [int(v) for v in p.is_test],
    }


def points_from_dict(d) -> PointSet:
    """The PointSet in a project's "data" object."""
    if not isinstance(d, dict):
        raise ProjectError(f"data: must be an object, got {kind_name(d)}")
    task = need(d, "task", "str", "data.")
    if task not in TASKS:
        raise ProjectError(f"data.task: must be one of {', '.join(TASKS)}, got {task!r}")
    n_classes = need(d, "n_classes", "int", "data.")
    rows = _list(d, "X")
    if len(rows) > limits.MAX_POINTS:
        raise ProjectError(f"data.X: {len(rows)} points; at most {limits.MAX_POINTS}")
    X = _number_matrix(rows, "data.X")
    n = len(X)
    y = _number_list(_list(d, "y"), "data.y", n, task != "regression")
    is_test = _number_list(_list(d, "is_test"), "data.is_test", n, True)
    if not np.isin(is_test, (0, 1)).all():
        raise ProjectError("data.is_test: must hold 0/1 (or true/false) values")
    names = d.get("feature_names", [])
    if not isinstance(names, list) or not all(isinstance(s, str) and len(s) <= 80 for s in names):
        raise ProjectError("data.feature_names: must be a list of short strings")
    if len(names) > limits.MAX_INPUTS:
        raise ProjectError(f"data.feature_names: at most {limits.MAX_INPUTS} names")
    classes = d.get("class_names", [])
    if not isinstance(classes, list) or len(classes) > limits.MAX_CLASSES:
        raise ProjectError(
            f"data.class_names: must be a list of at most {limits.MAX_CLASSES} names"
        )
    try:
        return PointSet(
            X,
            y,
            task,
            n_classes,
            is_test.astype(bool),
            need(d, "name", "str", "data.", "custom")[:80],
            tuple(names),
            tuple(classes),
        )
    except Invalid as e:
        raise ProjectError(str(e.prefixed("data"))) from None


def _list(d: dict, key: str) -> list:
    if key not in d:
        raise ProjectError(f"data.{key}: missing")
    if not isinstance(d[key], list):
        raise ProjectError(f"data.{key}: must be a list, got {kind_name(d[key])}")
    return d[key]


def _number_matrix(rows: list, where: str) -> np.ndarray:
    """(n, d) float64 from a list of equal-length lists of finite numbers; (0, 2) if empty."""
    if not rows:
        return np.zeros((0, 2))
    width = len(rows[0]) if isinstance(rows[0], list) else -1
    if not 1 <= width <= limits.MAX_INPUTS:
        raise ProjectError(f"{where}[0]: must be a list of 1 to {limits.MAX_INPUTS} numbers")
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != width:
            raise ProjectError(f"{where}[{i}]: must be a list of {width} numbers")
        if not all(_is_number(v) and _finite(v) for v in row):
            raise ProjectError(f"{where}[{i}]: must hold finite numbers, got {short(row)}")
    return np.array(rows, dtype=np.float64)


def _finite(v) -> bool:
    try:
        return math.isfinite(v)
    except OverflowError:  # an int too large for a float
        return False


def _number_list(values: list, where: str, n: int, integer: bool) -> np.ndarray:
    if len(values) != n:
        raise ProjectError(f"{where}: expected {n} values (one per point), got {len(values)}")
    for i, v in enumerate(values):
        if integer:
            ok = (
                isinstance(v, int)
                and -(2**62) < v < 2**62
                and (not isinstance(v, bool) or where.endswith("is_test"))
            )
        else:
            ok = _is_number(v) and _finite(v)
        if not ok:
            kind = "an integer" if integer else "a finite number"
            raise ProjectError(f"{where}[{i}]: must be {kind}, got {short(v)}")
    return np.array(values, dtype=np.int64 if integer else np.float64)
