"""The field table of project files: each section is a frozen dataclass (TrainConfig,
DatasetSpec, LayerSpec, ViewState) whose fields and annotations drive both directions.

`section_from_dict(cls, d, where)` checks every key's JSON type against the field's annotation,
builds cls (which validates its own values) and raises ProjectError naming the field;
`section_to_dict(obj)` writes the same keys. Unknown keys are errors, except where a section
collects them (ViewState.extra).
"""

from __future__ import annotations

import math
from dataclasses import MISSING, fields

import numpy as np

from playground.core.errors import Invalid

MAX_DEPTH = 32  # nesting of free-form JSON kept in a project (view extras)
_NUMBER = (int, float)


class ProjectError(Exception):
    """The one error for a project file that cannot be read; the message names the field."""


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v) -> bool:
    return isinstance(v, _NUMBER) and not isinstance(v, bool)


# annotation text → (JSON check, words for the error)
_KINDS = {
    "int": (_is_int, "an integer"),
    "float": (_is_number, "a number"),
    "str": (lambda v: isinstance(v, str), "a string"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "list": (lambda v: isinstance(v, list), "a list"),
    "dict": (lambda v: isinstance(v, dict), "an object"),
    "tuple[str, ...]": (
        lambda v: isinstance(v, list) and all(isinstance(s, str) for s in v),
        "a list of strings",
    ),
    "tuple[int, ...]": (
        lambda v: isinstance(v, list) and all(_is_int(x) for x in v),
        "a list of integers",
    ),
    "tuple[float, ...]": (
        lambda v: isinstance(v, list) and all(_is_number(x) for x in v),
        "a list of numbers",
    ),
}


def short(v) -> str:
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def kind_name(v) -> str:
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true or false",
        type(None): "null",
    }.get(type(v), "a number" if _is_number(v) else type(v).__name__)


def check_type(v, annotation: str, where: str):
    """v if its JSON type fits the annotation ("int", "float | None", "tuple[str, ...]" …)."""
    optional = annotation.endswith(" | None")
    base = annotation.removesuffix(" | None")
    if v is None and optional:
        return None
    check, words = _KINDS[base]
    if not check(v):
        raise ProjectError(
            f"{where}: must be {words}{' or null' if optional else ''}, got {short(v)}"
        )
    return tuple(v) if base.startswith("tuple") else v


def need(d: dict, key: str, annotation: str, where: str, default=MISSING):
    """d[key] checked against an annotation; missing → default or an error naming the key."""
    if key not in d:
        if default is MISSING:
            raise ProjectError(f"{where}{key}: missing")
        return default
    return check_type(d[key], annotation, where + key)


def section_from_dict(cls, d, where: str, collect: str | None = None):
    """cls built from the JSON object d; every problem raises ProjectError naming the field."""
    if not isinstance(d, dict):
        raise ProjectError(f"{where}: must be an object, got {kind_name(d)}")
    known = {f.name: f for f in fields(cls) if f.name != collect}
    values = {}
    for key, value in d.items():
        if key not in known:
            if collect is None:
                raise ProjectError(f"{where}.{key}: unknown setting")
            continue
        values[key] = check_type(value, known[key].type, f"{where}.{key}")
    if collect is not None:
        values[collect] = json_safe(
            {k: v for k, v in d.items() if k not in known}, f"{where}", depth_limit=MAX_DEPTH
        )
    try:
        return cls(**values)
    except Invalid as e:
        raise ProjectError(str(e.prefixed(where))) from None


def section_to_dict(obj, collect: str | None = None) -> dict:
    out = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        if f.name == collect:
            continue
        out[f.name] = list(v) if isinstance(v, tuple) else v
    if collect is not None:
        out.update(getattr(obj, collect))
    return out


def json_safe(v, where: str, depth_limit: int = MAX_DEPTH, _depth: int = 0):
    """v with tuples → lists, numpy values → Python, non-finite floats → null; nesting deeper
    than depth_limit is refused (it could not be saved again)."""
    if _depth > depth_limit:
        raise ProjectError(f"{where}: nested more than {depth_limit} levels deep")
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise ProjectError(f"{where}: key {k!r} is not a string")
            out[k] = json_safe(x, f"{where}.{k}", depth_limit, _depth + 1)
        return out
    if isinstance(v, (list, tuple, np.ndarray)):
        return [json_safe(x, f"{where}[{i}]", depth_limit, _depth + 1) for i, x in enumerate(v)]
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if v is None or isinstance(v, (str, int, bool)):
        return v
    raise ProjectError(f"{where}: {type(v).__name__} cannot be saved in a project file")
