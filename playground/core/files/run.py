"""The "run" section of a project file: where training had got to, so a reopened project shows
the same curves and Reset returns to the same initial weights.

    "run": {"step": int, "epoch": int, "initial": weights (core.files.weights) | null,
            "history": {"span": int, "first": [int], "last": [int], "step": [int],
                        "low": [[number | null] × 4], "high": […], "final": […]}}
"""

from __future__ import annotations

import math

import numpy as np

from playground.core import limits
from playground.core.files.schema import ProjectError, _is_int, _is_number, kind_name, need
from playground.core.files.weights import encode_layers, params_from
from playground.core.nn.history import CAPACITY, METRICS, HistoryData, RunState

_INTS, _VALUES = ("first", "last", "step"), ("low", "high", "final")


def run_to_dict(run: RunState) -> dict:
    h = run.history
    history = {
        "span": h.span,
        **{k: getattr(h, k).tolist() for k in _INTS},
        **{
            k: [[v if math.isfinite(v) else None for v in row] for row in getattr(h, k)]
            for k in _VALUES
        },
    }
    return {
        "step": run.step,
        "epoch": run.epoch,
        "history": history,
        "initial": None if run.initial is None else encode_layers(run.initial),
    }


def run_from_dict(d, spec, initial_loaded=None) -> RunState:
    """The run section checked against the network (initial weights' shapes)."""
    if not isinstance(d, dict):
        raise ProjectError(f"run: must be an object, got {kind_name(d)}")
    step = need(d, "step", "int", "run.")
    epoch = need(d, "epoch", "int", "run.")
    if not (0 <= step <= 2**62 and 0 <= epoch <= step):
        raise ProjectError(f"run: step {step} and epoch {epoch} must satisfy 0 ≤ epoch ≤ step")
    initial = params_from(d.get("initial"), initial_loaded, spec, "run.initial")
    return RunState(initial, step, epoch, _history(d.get("history"), step))


def _history(h, last_step: int) -> HistoryData:
    where = "run.history"
    if not isinstance(h, dict):
        raise ProjectError(f"{where}: must be an object, got {kind_name(h)}")
    span = need(h, "span", "int", f"{where}.")
    if not 1 <= span <= limits.MAX_STEPS:
        raise ProjectError(f"{where}.span: must be 1..{limits.MAX_STEPS}, got {span}")
    lists = {k: need(h, k, "list", f"{where}.") for k in _INTS + _VALUES}
    n = len(lists["last"])
    if n > CAPACITY or any(len(v) != n for v in lists.values()):
        raise ProjectError(f"{where}: every list must have the same length ≤ {CAPACITY}")
    ints = {k: _ints(lists[k], f"{where}.{k}", last_step) for k in _INTS}
    if np.any(ints["first"] > ints["last"]) or np.any(np.diff(ints["last"]) <= 0):
        raise ProjectError(f"{where}: epochs must increase from bucket to bucket")
    values = {k: _rows(lists[k], f"{where}.{k}") for k in _VALUES}
    return HistoryData(**ints, **values, span=span)


def _ints(values: list, where: str, most: int) -> np.ndarray:
    for i, v in enumerate(values):
        if not (_is_int(v) and 0 <= v <= most):
            raise ProjectError(f"{where}[{i}]: must be an integer 0..{most}, got {v!r}"[:160])
    return np.array(values, dtype=np.int64)


def _rows(rows: list, where: str) -> np.ndarray:
    width = len(METRICS)
    for i, row in enumerate(rows):
        ok = (
            isinstance(row, list)
            and len(row) == width
            and all(v is None or (_is_number(v) and math.isfinite(v)) for v in row)
        )
        if not ok:
            raise ProjectError(f"{where}[{i}]: must be {width} numbers or nulls")
    out = np.array([[math.nan if v is None else float(v) for v in row] for row in rows])
    return out.reshape(len(rows), width)
