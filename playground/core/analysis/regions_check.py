"""Certificates of an exact-regions result: checks against the network itself.

Each check returns a Certificate(name, passed, detail) whose detail holds the measured numbers:
    area            the polygons' areas are positive and sum to the rectangle's (1e-9 relative)
    convex          every polygon is convex and counter-clockwise
    one_polygon     random points each lie in exactly one polygon
    patterns        ... whose pattern is the forward pass's pattern at the point
    unique          no two polygons share a pattern (each activation region is convex, so a
                    repeated pattern means a needless cut)
    affine_maps     A·x + c of each polygon equals the output layer's z at its centroid (1e-9)
    boundary_sides  just either side of each boundary segment the network predicts its two classes
    boundary_cuts   two random points of one polygon have the same class exactly when the
                    segment between them crosses no boundary segment
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.core.analysis import affine, polygons
from playground.core.analysis.boundary import classes_of
from playground.core.analysis.regions import Regions

AREA_TOL = 1e-9
MAP_TOL = 1e-9


@dataclass(frozen=True)
class Certificate:
    name: str
    passed: bool
    detail: dict = field(default_factory=dict)


def certify(network, regions: Regions, probes: int = 2000, seed: int = 0) -> list[Certificate]:
    """Every certificate for an applicable, complete result."""
    if not regions.applicable or regions.too_many:
        raise ValueError("certificates need a complete result")
    net = network.copy(np.float64)
    rng = np.random.default_rng(seed)
    return [
        check_area(regions),
        check_convex(regions),
        *check_probes(net, regions, rng, probes),
        check_unique(regions),
        check_affine_maps(net, regions),
        check_boundary_sides(net, regions),
        check_boundary_cuts(net, regions, rng, probes),
    ]


def _scale(regions: Regions) -> float:
    x0, x1, y0, y1 = regions.extent
    return float(np.hypot(x1 - x0, y1 - y0))


def check_area(regions: Regions) -> Certificate:
    x0, x1, y0, y1 = regions.extent
    box = (x1 - x0) * (y1 - y0)
    areas = regions.areas()
    error = abs(float(areas.sum()) - box) / box
    return Certificate(
        "area",
        bool(error <= AREA_TOL and (areas > 0).all()),
        {"relative_error": error, "smallest": float(areas.min(initial=box))},
    )


def check_convex(regions: Regions) -> Certificate:
    V = regions.vertices
    edge = np.roll(V, -1, axis=1) - V
    turn = edge[..., 0] * np.roll(edge[..., 1], -1, axis=1) - edge[..., 1] * np.roll(
        edge[..., 0], -1, axis=1
    )  # (P, W) cross product of consecutive edges
    worst = float(turn.min(initial=0.0)) / _scale(regions) ** 2
    return Certificate("convex", worst >= -1e-9, {"worst_turn": worst})


def _random_points(regions: Regions, rng, m: int) -> np.ndarray:
    x0, x1, y0, y1 = regions.extent
    return np.column_stack([rng.uniform(x0, x1, m), rng.uniform(y0, y1, m)])


def check_probes(net, regions: Regions, rng, m: int) -> list[Certificate]:
    points = _random_points(regions, rng, m)
    counts, index = polygons.containing(regions.vertices, regions.vertex_counts, points)
    one = counts == 1
    expected = affine.piece_patterns(net, points[one])
    same = (regions.patterns[index[one]] == expected).all(axis=1)
    return [
        Certificate(
            "one_polygon",
            bool(one.all()),
            {
                "points": m,
                "in_none": int((counts == 0).sum()),
                "in_several": int((counts > 1).sum()),
            },
        ),
        Certificate(
            "patterns", bool(same.all()), {"points": int(one.sum()), "wrong": int((~same).sum())}
        ),
    ]


def check_unique(regions: Regions) -> Certificate:
    distinct = len(np.unique(regions.patterns, axis=0)) if regions.count else 0
    return Certificate(
        "unique", distinct == regions.count, {"polygons": regions.count, "patterns": distinct}
    )


def check_affine_maps(net, regions: Regions) -> Certificate:
    x = polygons.centroids(regions.vertices)
    z = net.forward_logits(x)  # (P, n_out)
    mapped = np.einsum("pod,pd->po", regions.A, x) + regions.c
    error = float((np.abs(mapped - z) / np.maximum(1.0, np.abs(z))).max(initial=0.0))
    return Certificate("affine_maps", error <= MAP_TOL, {"max_error": error})


def check_boundary_sides(net, regions: Regions) -> Certificate:
    segs = regions.boundary
    if len(segs) == 0:
        return Certificate("boundary_sides", True, {"segments": 0})
    d = segs[:, 1] - segs[:, 0]
    length = np.hypot(d[:, 0], d[:, 1])
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1) / length[:, None]
    step = np.minimum(1e-6 * _scale(regions), 0.01 * length)[:, None]
    mid = segs.mean(axis=1)
    sides = np.sort(
        np.stack(
            [
                classes_of(net, regions.decision, mid + step * normal),
                classes_of(net, regions.decision, mid - step * normal),
            ],
            1,
        ),
        1,
    )
    wrong = (sides != regions.boundary_classes).any(axis=1)
    return Certificate(
        "boundary_sides", not wrong.any(), {"segments": len(segs), "wrong": int(wrong.sum())}
    )


def check_boundary_cuts(net, regions: Regions, rng, m: int) -> Certificate:
    if regions.decision.kind == "none":
        return Certificate("boundary_cuts", len(regions.boundary) == 0, {"pairs": 0})
    poly = rng.integers(0, regions.count, m)
    p, q = (_inside(regions, poly, rng) for _ in range(2))
    crossings = _crossings(p, q, regions.boundary)
    same = classes_of(net, regions.decision, p) == classes_of(net, regions.decision, q)
    wrong = same != (crossings == 0)
    return Certificate(
        "boundary_cuts",
        not wrong.any(),
        {"pairs": m, "crossing": int((crossings > 0).sum()), "wrong": int(wrong.sum())},
    )


def _inside(regions: Regions, poly: np.ndarray, rng) -> np.ndarray:
    """A random point inside each polygon `poly` (m,): a random convex combination."""
    w = rng.exponential(size=(len(poly), regions.vertices.shape[1]))
    w *= polygons.valid_slots(regions.vertex_counts[poly], w.shape[1])
    w /= w.sum(axis=1, keepdims=True)
    return np.einsum("mw,mwd->md", w, regions.vertices[poly])


def _crossings(p, q, segs) -> np.ndarray:
    """(m,) how many boundary segments the segment p_i → q_i properly crosses."""
    counts = np.zeros(len(p), np.int64)
    if len(segs) == 0:
        return counts
    a, b = segs[:, 0], segs[:, 1]  # (S, 2)
    step = max(1, (1 << 22) // len(segs))
    for s in range(0, len(p), step):
        pp, qq = p[s : s + step, None], q[s : s + step, None]  # (k, 1, 2)
        d1 = _side(a, b, pp)
        d2 = _side(a, b, qq)
        d3 = _side(pp, qq, a)
        d4 = _side(pp, qq, b)
        counts[s : s + step] = ((d1 * d2 < 0) & (d3 * d4 < 0)).sum(axis=1)
    return counts


def _side(a, b, x):
    """Sign of the cross product (b − a) × (x − a), broadcast."""
    return np.sign(
        (b[..., 0] - a[..., 0]) * (x[..., 1] - a[..., 1])
        - (b[..., 1] - a[..., 1]) * (x[..., 0] - a[..., 0])
    )
