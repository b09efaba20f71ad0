"""Lookup shared by the name-keyed registries (activations, losses, optimizers, ...)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")


def lookup(table: Mapping[str, T], name: str, what: str, choices: Iterable[str] | None = None) -> T:
    """table[name], or a KeyError that names the allowed choices."""
    try:
        return table[name]
    except KeyError:
        allowed = ", ".join(table if choices is None else choices)
        raise KeyError(f"unknown {what} {name!r}; choose from {allowed}") from None
