"""Pure edits of a project's points: each returns a new PointSet (the session applies it and the
undo history records the one it replaced)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from playground.core import limits, validate
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid

REGRESSION_VALUES = (-1.0, 1.0)  # target of a clicked 2-D regression point, by class id 0 / 1


def add_point(data: PointSet, x: float, y: float, cls: int) -> PointSet:
    """A point at plane position (x, y): of class cls (a class past the last one turns the
    task multiclass), with target y on 1-D data, or target ±1 (cls 0 / 1) on 2-D regression."""
    validate.integer(len(data.X) + 1, "points", 1, limits.MAX_POINTS)
    x, y = (validate.number(v, "x", -limits.MAX_COORDINATE, limits.MAX_COORDINATE) for v in (x, y))
    if data.dim == 1:
        return data.add_point([x], y)
    if data.dim != 2:
        raise Invalid("points", "plane_only", dim=data.dim)
    if data.task == "regression":
        return data.add_point([x, y], REGRESSION_VALUES[1 if cls else 0])
    cls = validate.integer(cls, "class", 0, limits.MAX_CLASSES - 1)
    if cls >= data.n_classes:  # named classes: the new ones are called by their number
        names = data.class_names + tuple(str(k + 1) for k in range(data.n_classes, cls + 1))
        data = replace(
            data,
            task="multiclass",
            n_classes=cls + 1,
            class_names=names if data.class_names else (),
        )
    return data.add_point([x, y], cls)


def remove_point(data: PointSet, index: int) -> PointSet:
    return data.remove_point(validate.integer(index, "point", 0, data.n - 1))


def move_point(data: PointSet, index: int, x: float, y: float) -> PointSet:
    """Point `index` to plane position (x, y) (1-D data: x moves it, y is its target)."""
    index = validate.integer(index, "point", 0, data.n - 1)
    if data.dim == 1:
        targets = data.y.copy()
        targets[index] = y
        return replace(data.move_point(index, [x]), y=targets)
    if data.dim != 2:
        raise Invalid("points", "plane_only", dim=data.dim)
    return data.move_point(index, [x, y])


def clear(data: PointSet) -> PointSet:
    keep = np.zeros(data.n, bool)
    return replace(data, X=data.X[keep], y=data.y[keep], is_test=data.is_test[keep])
