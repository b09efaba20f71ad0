"""What the regions overlay says about one region (its units and affine map) or two (compared).

Units are named as in the diagram and inspector: layer l (1-based), unit n (1-based). A unit is
"on" in a region when its pre-activation is past its kink (piece ≥ 1: ReLU's z > 0, a step's
z above θ, Leaky ReLU's steep side). Maps are the output layer's pre-activation z = A·x + c.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

SUBSCRIPTS = "₁₂₃₄₅₆"
MAX_OUTPUTS_SHOWN = 3


def _num(v: float) -> str:
    return f"{v:.3g}"


def affine_text(a: np.ndarray, c: float, name: str = "z") -> str:
    """ "z = 0.42·x₁ − 1.3·x₂ + 0.07" for a (2,), c."""
    parts = [f"{_num(a[0])}·x₁"]
    parts.append(f"{'−' if a[1] < 0 else '+'} {_num(abs(a[1]))}·x₂")
    parts.append(f"{'−' if c < 0 else '+'} {_num(abs(c))}")
    return f"{name} = " + " ".join(parts).replace("-", "−")


def maps_text(regions, i: int) -> str:
    """The region's map, one line per output (at most MAX_OUTPUTS_SHOWN)."""
    A, c = regions.A[i], regions.c[i]
    if len(c) == 1:
        return affine_text(A[0], float(c[0]))
    lines = [
        affine_text(A[k], float(c[k]), f"z{SUBSCRIPTS[k]}")
        for k in range(min(len(c), MAX_OUTPUTS_SHOWN))
    ]
    if len(c) > MAX_OUTPUTS_SHOWN:
        lines.append("…")
    return "\n".join(lines)


def units_on(regions, i: int) -> str:
    """ "L1: n1 n3 · L2: n2" — the units on in region i, per layer ("none" for a layer)."""
    layers: dict[int, list[str]] = {}
    for (layer, unit), piece in zip(regions.units, regions.patterns[i], strict=True):
        names = layers.setdefault(int(layer), [])
        if piece >= 1:
            names.append(f"n{unit + 1}")
    none = QCoreApplication.translate("RegionsOverlay", "none")
    return " · ".join(
        f"L{layer + 1}: {' '.join(names) or none}" for layer, names in sorted(layers.items())
    )


def region_text(regions, i: int) -> str:
    head = QCoreApplication.translate("RegionsOverlay", "Region %1 of %2 · units on: %3")
    head = head.replace("%1", str(i + 1)).replace("%2", str(regions.count))
    return f"{head.replace('%3', units_on(regions, i))}\n{maps_text(regions, i)}"


def differing_units(regions, i: int, j: int) -> list[str]:
    """ "L1 n3" for each unit whose piece differs between regions i and j."""
    pi, pj = regions.patterns[i], regions.patterns[j]
    return [
        f"L{layer + 1} n{unit + 1}"
        for (layer, unit), a, b in zip(regions.units, pi, pj, strict=True)
        if a != b
    ]


def compare_text(regions, i: int, j: int) -> str:
    a = QCoreApplication.translate("RegionsOverlay", "A (region %1): ").replace("%1", str(i + 1))
    b = QCoreApplication.translate("RegionsOverlay", "B (region %1): ").replace("%1", str(j + 1))
    why = QCoreApplication.translate(
        "RegionsOverlay",
        "They differ in %1: other units are on, so the network is another "
        "linear map there. One map alone could not bend the boundary.",
    )
    why = why.replace("%1", ", ".join(differing_units(regions, i, j)))
    return f"{a}{maps_text(regions, i)}\n{b}{maps_text(regions, j)}\n{why}"
