"""Lesson checks: named, pure functions of a Trainer's current state (weights, data, history,
config) → (held, measured). They judge what is there now, not how it got there, so a learner
may take another way to the same state.

A check spec is {"check": NAME, param: value, ...}. Every check also takes after_epochs and
after_steps: it cannot hold before the run has trained that long. `measured` holds the numbers
looked at (JSON-safe; None where there is no value), always with "epoch" and "step", and
"applies": false with a "reason" when the check does not apply to this network or data.

What each check looks at is in core.lessons.measures, imported when a check is first judged
(reading and validating lessons does not need it: the window builds its lessons panel before its
first paint).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.core import limits, validate
from playground.core.errors import Invalid

if TYPE_CHECKING:
    from playground.core.nn.trainer import Trainer

IDENTICAL_TOL = 1e-6  # units_identical: max |W_u − W_1| and |b_u − b_1|, relative to 1 + max|W|
COLLAPSE_TOL = 1e-9  # collapse_single_map: max |stack − single map| relative to 1 + max |z|


@dataclass(frozen=True)
class CheckSpec:
    """A check and its parameters, hashable and picklable (it travels to the training process
    inside an InsightRequest)."""

    name: str
    params: tuple[tuple[str, object], ...] = ()

    def param(self, key: str, default=None):
        return dict(self.params).get(key, default)

    def as_dict(self) -> dict:
        return {
            "check": self.name,
            **{k: list(v) if isinstance(v, tuple) else v for k, v in self.params},
        }


@dataclass(frozen=True)
class CheckResult:
    held: bool
    measured: dict


@dataclass(frozen=True)
class Check:
    measure: str | Callable[[Trainer, dict], dict]  # a function of core.lessons.measures, by name
    held: Callable[[dict, dict], bool]  # (measured, params) → held
    params: dict  # name → (kind, default); kind in KINDS; default REQUIRED: must be given
    measures: tuple[str, ...]  # the keys of `measured` besides epoch and step


REQUIRED = object()
KINDS = {
    "fraction": lambda v, f: validate.number(v, f, 0.0, 1.0),
    "number": lambda v, f: validate.number(v, f, 0.0, 1e12),
    "count": lambda v, f: validate.integer(v, f, 0, limits.MAX_STEPS),
    "layer": lambda v, f: validate.integer(v, f, 0, limits.MAX_HIDDEN_LAYERS - 1),
    "points": lambda v, f: validate.choice(v, ("test", "train"), f),
    "point": lambda v, f: _point(v, f),
}


def _point(value, field: str) -> tuple[float, float]:
    """[x1, x2]: a point of the plane."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise Invalid(field, "shape", expected=(2,), value=repr(value)[:40])
    return tuple(
        validate.number(v, field, -limits.MAX_COORDINATE, limits.MAX_COORDINATE) for v in value
    )


GATE = {"after_epochs": ("count", 0), "after_steps": ("count", 0)}


# ------------------------------------------------------------------ the registry
Held = Callable[[dict, dict], bool]  # (measured, params) → held


def _at_most(key: str) -> Held:
    return lambda got, p: got.get(key) is not None and got[key] <= p["value"]


def _at_least(key: str) -> Held:
    return lambda got, p: got.get(key) is not None and got[key] >= p["value"]


def _slopes_held(got: dict, p: dict) -> bool:
    bounds = (
        ("max_at_most", "max_slope", np.less_equal),
        ("max_at_least", "max_slope", np.greater_equal),
        ("min_at_most", "min_slope", np.less_equal),
        ("min_at_least", "min_slope", np.greater_equal),
    )
    return all(p[b] is None or op(got[key], p[b]) for b, key, op in bounds)


def _one_map(got: dict, p: dict) -> bool:
    return bool(got["whole"]) and got["max_abs_diff"] <= COLLAPSE_TOL * (1 + got["scale"])


def _input_once(got: dict, p: dict) -> bool:
    return (
        got["input_shapes"] == 1
        and got["dense_layers"] == got["layers"]
        and p["inputs"] in (None, got["inputs"])
    )


def _shapes_for_m(got: dict, p: dict) -> bool:
    return got["shapes_match"] and got["m"] == p["m"]


def _identical(got: dict, p: dict) -> bool:
    return got["max_spread"] <= IDENTICAL_TOL * (1 + got["max_weight"])


def _pair(name: str, measure, key: str, params: dict, keys: tuple) -> dict[str, Check]:
    """NAME_at_most and NAME_at_least: the measured `key` against the parameter "value"."""
    return {
        f"{name}_at_most": Check(measure, _at_most(key), params, keys),
        f"{name}_at_least": Check(measure, _at_least(key), params, keys),
    }


_FRACTION = {"value": ("fraction", REQUIRED)}
_NUMBER = {"value": ("number", REQUIRED)}
_COUNT = {"value": ("count", REQUIRED)}
_ON = {"on": ("points", "test")}
_GRADED = {"layer": ("layer", 0), "low": ("fraction", 0.05), "high": ("fraction", 0.95)}
_BOUNDS = {
    b: ("number", None) for b in ("max_at_most", "max_at_least", "min_at_most", "min_at_least")
}
_LINE = ("units", "line_accuracy")
CHECKS: dict[str, Check] = {
    **_pair("accuracy", "accuracy_value", "accuracy", _FRACTION | _ON, ("accuracy",)),
    **_pair("loss", "loss_value", "loss", _NUMBER | _ON, ("loss",)),
    "collapse_single_map": Check(
        "collapsed", _one_map, {}, ("whole", "bends", "max_abs_diff", "scale")
    ),
    "hidden_separable": Check("hidden_line", _at_least("line_accuracy"), _FRACTION, _LINE),
    "hidden_tangled": Check("hidden_line", _at_most("line_accuracy"), _FRACTION, _LINE),
    **_pair(
        "graded_share",
        "graded",
        "graded_share",
        _FRACTION | _GRADED,
        ("activation", "graded_share"),
    ),
    "biases_learned": Check(
        "bias_change", _at_least("bias_change"), _NUMBER, ("bias_change", "max_bias")
    ),
    "keras_input_once": Check(
        "keras_layers",
        _input_once,
        {"inputs": ("count", None)},
        ("input_shapes", "inputs", "dense_layers", "layers", "shape_written"),
    ),
    "batch_shapes": Check(
        "batch_shapes",
        _shapes_for_m,
        {"m": ("count", REQUIRED)},
        ("m", "batch", "shapes_match", "z_shapes"),
    ),
    "activation_slopes": Check(
        "slopes",
        _slopes_held,
        {"layer": ("layer", 0)} | _BOUNDS,
        ("activation", "max_slope", "min_slope", "flat_share"),
    ),
    "units_identical": Check("unit_spread", _identical, {}, ("max_spread", "max_weight")),
    **_pair("grad_ratio", "grad_ratio", "ratio", _NUMBER, ("ratio", "first", "last")),
    **_pair("dead_share", "dead_units", "dead_share", _FRACTION, ("dead_share", "dead", "units")),
    **_pair("regions", "region_count", "regions", _COUNT, ("regions",)),
    "maps_differ": Check(
        "two_maps",
        lambda got, p: bool(got["differ"]),
        {"a": ("point", REQUIRED), "b": ("point", REQUIRED)},
        ("map_a", "map_b", "differ"),
    ),
}


# ------------------------------------------------------------------ specs and evaluation
def _param_table(name: str) -> dict:
    return CHECKS[name].params | GATE


def check_spec(d) -> CheckSpec:
    """A CheckSpec from {"check": NAME, param: value}; Invalid names the field ("check",
    "check.value")."""
    if not isinstance(d, dict):
        raise Invalid(
            "check", "kind", expected='an object {"check": NAME, …}', value=type(d).__name__
        )
    name = validate.choice(d.get("check"), CHECKS, "check", "name")
    table = _param_table(name)
    params = []
    for key, value in d.items():
        if key == "check":
            continue
        if key not in table:
            raise Invalid(
                f"check.{key}", "choice", what="key", value=repr(key), choices=", ".join(table)
            )
        params.append((key, KINDS[table[key][0]](value, f"check.{key}")))
    missing = [k for k, (_, default) in table.items() if default is REQUIRED and k not in d]
    if missing:
        raise Invalid(f"check.{missing[0]}", "missing", expected=f"the {name} check's {missing[0]}")
    return CheckSpec(name, tuple(params))


def placeholder_names(spec: CheckSpec) -> set[str]:
    """What a goal text may show: the measured numbers and the check's parameters."""
    return set(CHECKS[spec.name].measures) | set(_param_table(spec.name)) | {"epoch", "step"}


def parameters(spec: CheckSpec) -> dict:
    """Every parameter of the check: the spec's, and the defaults of those it leaves out."""
    table = _param_table(spec.name)
    return {k: None if v is REQUIRED else v for k, (_, v) in table.items()} | dict(spec.params)


def evaluate(trainer: Trainer, spec: CheckSpec, plane=None) -> CheckResult:
    """Judge the trainer's current state. plane: (x0, x1, y0, y1) of the plane a window shows
    (what checks of the plane, such as the regions count, look at; default: the data's)."""
    check = CHECKS[spec.name]
    measure = check.measure
    if isinstance(measure, str):
        measure = getattr(importlib.import_module("playground.core.lessons.measures"), measure)
    params = parameters(spec) | {"plane": plane}
    measured: dict = {"epoch": trainer.epoch, "step": trainer.step_count}
    with np.errstate(all="ignore"):
        measured.update(measure(trainer, params))
    trained = (
        trainer.epoch >= params["after_epochs"] and trainer.step_count >= params["after_steps"]
    )
    held = trained and measured.get("applies", True) and bool(check.held(measured, params))
    return CheckResult(bool(held), json_safe(measured))


def json_safe(value):
    """Python numbers, lists and None for NaN or infinity."""
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value
