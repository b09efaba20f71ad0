"""Checks the types use in __post_init__: each returns the clean value or raises Invalid."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from playground.core.errors import Invalid


def integer(value, field: str, low: int, high: int) -> int:
    """An int (not bool) in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise Invalid(field, "integer", value=_short(value))
    if not low <= value <= high:
        raise Invalid(field, "range", low=str(low), high=str(high), value=int(value))
    return int(value)


def number(value, field: str, low: float, high: float, positive: bool = False) -> float:
    """A finite float in [low, high] (in (0, high] when positive)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise Invalid(field, "number", value=_short(value))
    value = float(value)
    if not math.isfinite(value):
        raise Invalid(field, "number", value=value)
    if positive and not 0 < value <= high:
        raise Invalid(field, "positive", high=f"{high:g}", value=f"{value:g}")
    if not low <= value <= high:
        raise Invalid(field, "range", low=f"{low:g}", high=f"{high:g}", value=f"{value:g}")
    return value


def choice(value, choices: Iterable[str], field: str, what: str = "name") -> str:
    choices = list(choices)
    if not isinstance(value, str) or value not in choices:
        raise Invalid(field, "choice", what=what, value=_short(value), choices=", ".join(choices))
    return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
