"""Exact linear regions of a piecewise-linear network on a rectangle of the input plane.

A hidden activation with a piecewise-linear form (the registry's `piecewise_form`) acts on
piece k as a = s_k·z + t_k. Where every unit stays in one piece the network is one affine map,
so the rectangle splits into convex polygons, each with its pattern of pieces and its map
z_out = A·x + c of the output layer's pre-activation (the splitting: regions_split; the
decision boundary on top of it: boundary; the certificates: regions_check).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from playground.core import limits
from playground.core.analysis import clip, polygons
from playground.core.analysis.boundary import Decision, decision_boundary, decision_rule
from playground.core.analysis.regions_split import partition
from playground.core.data.features import usable_features
from playground.core.errors import Invalid
from playground.core.nn import activations

MAX_POLYGONS = 100_000  # stop (too_many) beyond this many polygons
PLANE_FEATURES = ("x1", "x2")


@dataclass(frozen=True)
class Inapplicable:
    """Why exact regions do not apply. code: "dimension" (params: dim), "features" (features,
    inputs) or "smooth_activation" (layer: 1-based hidden layer, activation)."""

    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Regions:
    """The partition of `extent` into P convex polygons (arrays read-only).

    vertices (P, W, 2) counter-clockwise, polygon i is vertices[i, :vertex_counts[i]] (later
    slots repeat its last vertex); patterns (P, U) int8: the piece of every hidden unit with
    kinks, layer by layer (`units` names the (layer, unit) of each column; 0/1 for one kink);
    A (P, n_out, 2), c (P, n_out): z_out = A·x + c on the polygon. boundary (S, 2, 2): the
    decision boundary's segments, boundary_classes (S, 2): the class on either side, lower
    first. When too_many, the polygon arrays are empty and `reached` says how many polygons
    there were when splitting stopped; when `inapplicable` is set, everything is empty.
    """

    extent: tuple[float, float, float, float]
    vertices: np.ndarray
    vertex_counts: np.ndarray
    patterns: np.ndarray
    A: np.ndarray
    c: np.ndarray
    boundary: np.ndarray
    boundary_classes: np.ndarray
    decision: Decision
    units: tuple[tuple[int, int], ...] = ()
    too_many: bool = False
    reached: int = 0
    inapplicable: Inapplicable | None = None

    @property
    def applicable(self) -> bool:
        return self.inapplicable is None

    @property
    def count(self) -> int | None:
        """Number of regions; None when not applicable or when splitting stopped."""
        return None if self.inapplicable or self.too_many else len(self.vertex_counts)

    def polygon(self, i: int) -> np.ndarray:
        """(n_i, 2) vertices of polygon i, counter-clockwise."""
        return self.vertices[i, : self.vertex_counts[i]]

    def areas(self) -> np.ndarray:
        return polygons.areas(self.vertices)

    def distinct_vertices(self) -> int:
        """Vertices of the partition, each counted once (the polygons' corners merged when they
        agree to 1e-9 of the rectangle's diagonal)."""
        x0, x1, y0, y1 = self.extent
        step = 1e-9 * math.hypot(x1 - x0, y1 - y0)
        own = polygons.valid_slots(self.vertex_counts, self.vertices.shape[1])
        return len(np.unique(np.round(self.vertices[own] / step), axis=0))

    def locate(self, points) -> np.ndarray:
        """(m,) the polygon containing each point (m, 2); −1 outside the rectangle."""
        return polygons.containing(
            self.vertices, self.vertex_counts, np.asarray(points, dtype=np.float64).reshape(-1, 2)
        )[1]

    def interior_points(self) -> np.ndarray:
        """(P, 2) one point inside each polygon (its vertex mean)."""
        return polygons.vertex_means(self.vertices, self.vertex_counts)


def inapplicable(network, features=PLANE_FEATURES, dim: int = 2) -> Inapplicable | None:
    """Why exact regions do not apply to this network on data of `dim` columns, or None."""
    if dim != 2:
        return Inapplicable("dimension", {"dim": int(dim)})
    used = tuple(usable_features(tuple(features), dim))
    if used != PLANE_FEATURES or network.spec.n_inputs != 2:
        return Inapplicable("features", {"features": list(used), "inputs": network.spec.n_inputs})
    for i, layer in enumerate(network.spec.hidden):
        if activations.get(layer.activation).piecewise_form(layer.param) is None:
            return Inapplicable(
                "smooth_activation", {"layer": i + 1, "activation": layer.activation}
            )
    return None


def check_extent(extent) -> tuple[float, float, float, float]:
    """(x0, x1, y0, y1) as floats; Invalid for a wrong length, a non-finite or huge value or an
    empty rectangle (x0 < x1 and y0 < y1 are needed)."""
    values = tuple(extent)
    if len(values) != 4:
        raise Invalid("extent", "shape", expected="(x0, x1, y0, y1)", value=len(values))
    out = []
    for i, v in enumerate(values):
        try:
            v = float(v)
        except (TypeError, ValueError):
            raise Invalid(f"extent[{i}]", "number", value=repr(v)[:40]) from None
        if not math.isfinite(v):
            raise Invalid(f"extent[{i}]", "number", value=v)
        if abs(v) > limits.MAX_COORDINATE:
            raise Invalid(
                f"extent[{i}]",
                "range",
                low=f"{-limits.MAX_COORDINATE:g}",
                high=f"{limits.MAX_COORDINATE:g}",
                value=f"{v:g}",
            )
        out.append(v)
    x0, x1, y0, y1 = out
    for name, size in (("width", x1 - x0), ("height", y1 - y0)):
        if not size > 0:
            raise Invalid(f"extent.{name}", "positive", high=2 * limits.MAX_COORDINATE, value=size)
    return x0, x1, y0, y1


def linear_regions(
    network,
    extent,
    features=PLANE_FEATURES,
    dim: int = 2,
    max_polygons: int = MAX_POLYGONS,
    task: str | None = None,
) -> Regions:
    """The exact linear regions of `network` on `extent` = (x0, x1, y0, y1).

    features / dim: what the network's inputs are (regions need exactly x1, x2 of 2-D data);
    task: the data's ("regression": no decision boundary). Computes in float64 whatever the
    network's dtype. Raises Invalid for a bad extent only.
    """
    extent = check_extent(extent)
    reason = inapplicable(network, features, dim)
    if reason is not None:
        return _empty(extent, network.spec.n_outputs, Decision("none"), reason=reason)
    weights = [w.astype(np.float64) for w in network.weights]
    biases = [b.astype(np.float64) for b in network.biases]
    forms = [
        activations.get(layer.activation).piecewise_form(layer.param)
        for layer in network.spec.hidden
    ]
    decision = decision_rule(network, task)
    split = partition(weights, biases, forms, extent, max_polygons)
    if isinstance(split, int):
        return _empty(extent, network.spec.n_outputs, decision, reached=split)
    continuous = all(_continuous(form) for form in forms)
    segments, classes = decision_boundary(network, decision, split, extent, continuous)
    units = tuple(
        (layer, u)
        for layer, (form, spec) in enumerate(zip(forms, network.spec.hidden))
        if form.kinks
        for u in range(spec.units)
    )
    A = np.ascontiguousarray(split.L[:2].transpose(1, 2, 0))  # (P, n_out, 2)
    vertices = clip.to_rows(split.V, split.n)
    result = Regions(extent, vertices, split.n.astype(np.int32), split.patterns, A, split.L[2],
                     segments, classes, decision, units)  # fmt: skip
    return _frozen(result)


def _continuous(form) -> bool:
    """Whether the pieces meet at every kink: s_k·κ + t_k = s_{k+1}·κ + t_{k+1}."""
    return all(
        math.isclose(
            form.slopes[k] * kink + form.offsets[k],
            form.slopes[k + 1] * kink + form.offsets[k + 1],
            abs_tol=1e-12,
        )
        for k, kink in enumerate(form.kinks)
    )


def _empty(
    extent, n_out: int, decision: Decision, reason: Inapplicable | None = None, reached: int = 0
) -> Regions:
    return _frozen(
        Regions(
            extent,
            np.zeros((0, 1, 2)),
            np.zeros(0, np.int32),
            np.zeros((0, 0), np.int8),
            np.zeros((0, n_out, 2)),
            np.zeros((0, n_out)),
            np.zeros((0, 2, 2)),
            np.zeros((0, 2), np.int64),
            decision,
            too_many=reached > 0,
            reached=reached,
            inapplicable=reason,
        )
    )


def _frozen(result: Regions) -> Regions:
    for name in ("vertices", "vertex_counts", "patterns", "A", "c", "boundary", "boundary_classes"):
        getattr(result, name).flags.writeable = False
    return result
