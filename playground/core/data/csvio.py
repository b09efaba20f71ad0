"""Points as CSV and back: a header, feature columns, a label column, an optional test column."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

from playground.core import limits
from playground.core.data.pointset import PointSet, split_mask
from playground.core.files.atomic import atomic_write

_B, _M, _R = "binary", "multiclass", "regression"
MAX_POINTS, MAX_CLASSES = limits.MAX_POINTS, limits.MAX_CLASSES


def to_csv(points: PointSet, path: str | Path | None = None, include_split: bool = False) -> str:
    """Points as CSV text (header x1,...,xd,label[,test]); also written to `path` if given."""
    names = list(points.feature_names) or [f"x{i + 1}" for i in range(points.dim)]
    cols = names + ["label"] + (["test"] * include_split)
    lines = [",".join(cols)]
    regression = points.task == _R
    for x, label, test in zip(points.X, points.y, points.is_test, strict=True):
        row = [repr(float(v)) for v in x]
        row.append(repr(float(label)) if regression else str(int(label)))
        if include_split:
            row.append(str(int(test)))
        lines.append(",".join(row))
    text = "\n".join(lines) + "\n"
    if path is not None:
        atomic_write(path, lambda f: f.write(text.encode("utf-8")))
    return text


def from_csv(source, task: str | None = None, name: str = "custom",
             test_fraction: float = 0.0, seed: int = 0) -> PointSet:
    """Read points from a CSV path or open text file: a header, feature columns, then `label`.

    An optional last column `test` (0/1) keeps a saved split; otherwise test_fraction splits.
    task None infers it: integer labels ≥ 0 → binary/multiclass, anything else → regression.
    Raises ValueError naming the line for every problem.
    """
    if hasattr(source, "read"):
        text = source.read()
    else:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise ValueError(f"cannot read {source}: {e}") from None
    rows = [(i + 1, r) for i, r in enumerate(csv.reader(io.StringIO(text))) if any(r)]
    if not rows:
        raise ValueError("the CSV file is empty: expected a header x1,x2,...,label")
    header = [h.strip() for h in rows[0][1]]
    has_split = header[-1].lower() == "test"
    n_feat = len(header) - 1 - has_split
    if n_feat < 1 or header[n_feat].lower() != "label":
        raise ValueError(f"line {rows[0][0]}: header must be x1,...,xd,label[,test], "
                         f"got {','.join(rows[0][1])}")
    if len(rows) - 1 > MAX_POINTS:
        raise ValueError(f"too many points ({len(rows) - 1}); at most {MAX_POINTS}")
    X, labels, tests = [], [], []
    for line, row in rows[1:]:
        if len(row) != len(header):
            raise ValueError(f"line {line}: expected {len(header)} values, got {len(row)}")
        vals = [_csv_number(v, line, header[i]) for i, v in enumerate(row)]
        X.append(vals[:n_feat])
        labels.append(vals[n_feat])
        if has_split:
            if vals[-1] not in (0.0, 1.0):
                raise ValueError(f"line {line}: test must be 0 or 1, got {row[-1].strip()!r}")
            tests.append(bool(vals[-1]))
    if not X:
        raise ValueError("the CSV file has a header but no points")
    y = np.array(labels)
    task = task or _infer_task(y)
    if task not in (_B, _M, _R):
        raise ValueError(f"task must be binary, multiclass or regression, got {task!r}")
    if task != _R:
        bad = np.flatnonzero((y != np.round(y)) | (y < 0))
        if bad.size:
            line = rows[1 + bad[0]][0]
            raise ValueError(f"line {line}: class label must be an integer ≥ 0, got {y[bad[0]]:g}")
    n_classes = 1 if task == _R else max(2, int(y.max()) + 1)
    if task == _B and n_classes > 2:
        raise ValueError(f"binary labels must be 0 or 1, got labels up to {n_classes - 1}")
    if task != _R and n_classes > MAX_CLASSES:
        raise ValueError(f"labels go up to {n_classes - 1}; at most {MAX_CLASSES} classes")
    is_test = np.array(tests) if has_split else split_mask(len(X), test_fraction, seed)
    names_ = tuple(header[:n_feat])
    default = tuple(f"x{i + 1}" for i in range(n_feat))
    return PointSet(np.array(X), y, task, n_classes, is_test, name,
                    () if names_ == default else names_)


def _csv_number(text: str, line: int, column: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise ValueError(f"line {line}: {column} {text.strip()!r} is not a number") from None
    if not math.isfinite(v):
        raise ValueError(f"line {line}: {column} must be finite, got {text.strip()!r}")
    return v


def _infer_task(y: np.ndarray) -> str:
    if np.all(y == np.round(y)) and y.min() >= 0 and y.max() < MAX_CLASSES:
        return _M if y.max() >= 2 else _B
    return _R
