"""Find resources/ from a source checkout, an installed wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # .../playground


@cache
def resources_dir() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:  # PyInstaller: datas are collected under <bundle>/resources
        candidates.append(Path(bundle) / "resources")
    candidates += [
        _PACKAGE_DIR / "resources",  # installed wheel: force-included as playground/resources
        _PACKAGE_DIR.parent / "resources",  # source checkout or editable install
    ]
    for path in candidates:
        if (path / "data").is_dir():
            return path
    raise FileNotFoundError(
        "cannot find the resources folder; looked in " + ", ".join(str(p) for p in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of resources/<parts...>; raises FileNotFoundError naming the file if it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path
