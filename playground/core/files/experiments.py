"""The bundled experiments: project files in resources/experiments, opened by name."""

from __future__ import annotations

import json

from playground.core.files.project import Project, load_project
from playground.core.files.resources import resource_path

DEFAULT_EXPERIMENT = "xor-tanh"


def experiment_names() -> list[str]:
    return sorted(p.stem for p in resource_path("experiments").glob("*.json"))


def load_experiment(name: str) -> Project:
    if name not in experiment_names():
        raise KeyError(f"unknown experiment {name!r}; choose from {', '.join(experiment_names())}")
    return load_project(resource_path("experiments", f"{name}.json"))


def experiment_text(name: str, key: str) -> str:
    """The English "title" or "description" of a bundled experiment ("" if it has none),
    read without validating the whole project (menus list them)."""
    try:
        path = resource_path("experiments", f"{name}.json")
        return str(json.loads(path.read_text(encoding="utf-8")).get(key, ""))
    except (OSError, ValueError):
        return ""
