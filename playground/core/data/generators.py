"""The data set generators: gen(n, noise, rng, k) -> (X, y, names), X (n, d), y (n,) int classes
or float targets, names the raw column names (or ()). 2-D sets live in PLANE_EXTENT = [-6, 6]²;
xor, circle, gauss, spiral and plane follow TensorFlow Playground's src/dataset.ts (its noise
slider 0–50 % is our noise ∈ [0, 1] as tf_noise = noise / 2). datasets.py registers them.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from functools import cache

import numpy as np

from playground.core.files.resources import resource_path

Raw = tuple[np.ndarray, np.ndarray, tuple[str, ...]]


def _counts(n: int, k: int) -> list[int]:
    """n points shared as evenly as possible over k classes."""
    return [n // k + (i < n % k) for i in range(k)]


def _labels(counts: list[int]) -> np.ndarray:
    return np.repeat(np.arange(len(counts)), counts)


# ------------------------------------------------------------------ classification, 2-D
def xor(n, noise, rng, k) -> Raw:
    # Quadrants ++/−− are class 1. |x|,|y| ∈ [0.5, 5.5]: a 1-unit margin around the axes
    # (TF uses 0.3). Noise shifts the point used for labelling by U(±5)·tf_noise, as in TF.
    pad = 0.5
    c0, c1 = _counts(n, 2)
    mag = rng.uniform(pad, 5 + pad, (n, 2))
    sx = rng.choice([-1.0, 1.0], n)
    sy = np.concatenate([-sx[:c0], sx[c0:]])  # class 0: opposite signs
    X = mag * np.column_stack([sx, sy])
    probe = X + rng.uniform(-5, 5, (n, 2)) * noise / 2
    return X, (probe[:, 0] * probe[:, 1] >= 0).astype(np.int64), ()


def circle(n, noise, rng, k) -> Raw:
    # Class 1: r ∈ U(0, 2.5) inside; class 0: r ∈ U(3.5, 5) ring. Label = |p + jitter| < 2.5.
    radius = 5.0
    c0, c1 = _counts(n, 2)
    r = np.concatenate([rng.uniform(0.7 * radius, radius, c0), rng.uniform(0, 0.5 * radius, c1)])
    angle = rng.uniform(0, 2 * math.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    probe = X + rng.uniform(-radius, radius, (n, 2)) * noise / 2
    return X, (np.hypot(probe[:, 0], probe[:, 1]) < 0.5 * radius).astype(np.int64), ()


def gauss(n, noise, rng, k) -> Raw:
    # Two Gaussians at (−2,−2) (class 0) and (2,2) (class 1); variance 0.5 → 4 as noise 0 → 1.
    counts = _counts(n, 2)
    y = _labels(counts)
    centers = np.where(y[:, None] == 1, 2.0, -2.0)
    return centers + rng.normal(0, math.sqrt(0.5 + 3.5 * noise), (n, 2)), y, ()


def spiral(n, noise, rng, k) -> Raw:
    # K arms: r = 5·i/m, t = 1.75·2π·i/m + 2πc/K, jitter U(±1)·tf_noise on each coordinate.
    parts = []
    for c, m in enumerate(_counts(n, k)):
        s = np.arange(m) / max(m, 1)
        r, t = 5 * s, 1.75 * 2 * math.pi * s + 2 * math.pi * c / k
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]))
    X = np.vstack(parts) + rng.uniform(-1, 1, (n, 2)) * noise / 2
    return X, _labels(_counts(n, k)), ()


def moons(n, noise, rng, k) -> Raw:
    # scikit-learn's two moons, centred and scaled ×3.5: x ∈ [−5.25, 5.25], y ∈ [−2.6, 2.6].
    c0, c1 = _counts(n, 2)
    t0, t1 = rng.uniform(0, math.pi, c0), rng.uniform(0, math.pi, c1)
    outer = np.column_stack([np.cos(t0), np.sin(t0)])
    inner = np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)])
    X = np.vstack([outer, inner]) - [0.5, 0.25]
    X = X + rng.normal(0, 0.4 * noise, X.shape)  # sd 0.4 moon units at noise 1
    return 3.5 * X, _labels([c0, c1]), ()


def _uniform_where(rng, count: int, keep: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """count points uniform on [−6, 6]² that satisfy keep(P) -> (m,) bool (rejection)."""
    found, total = [], 0
    while total < count:
        P = rng.uniform(-6, 6, (max(4 * (count - total), 64), 2))
        P = P[keep(P)]
        found.append(P)
        total += len(P)
    return np.vstack(found)[:count] if found else np.zeros((0, 2))


_BAND_NORMAL = np.array([math.sin(math.radians(30)), math.cos(math.radians(30))])


def band(n, noise, rng, k) -> Raw:
    # Class 1: |u·p| < 1.2 (a tilted strip between two parallel lines), class 0: |u·p| > 1.8.
    # Class 0 lies on both sides, so no single line separates the classes.
    c0, c1 = _counts(n, 2)
    inside = _uniform_where(rng, c1, lambda P: np.abs(P @ _BAND_NORMAL) < 1.2)
    outside = _uniform_where(rng, c0, lambda P: np.abs(P @ _BAND_NORMAL) > 1.8)
    X = np.vstack([outside, inside])
    return X + rng.normal(0, noise, X.shape), _labels([c0, c1]), ()


def checkerboard(n, noise, rng, k) -> Raw:
    # 4×4 cells of side 3; class = (column + row) mod 2; points keep 0.25 from cell edges.
    cells = [(i, j) for i in range(4) for j in range(4)]
    parts = []
    for c, m in enumerate(_counts(n, 2)):
        mine = np.array([cell for cell in cells if sum(cell) % 2 == c])
        corner = mine[rng.integers(0, len(mine), m)] * 3.0 - 6.0
        parts.append(corner + rng.uniform(0.25, 2.75, (m, 2)))
    X = np.vstack(parts)
    return X + rng.normal(0, 0.75 * noise, X.shape), _labels(_counts(n, 2)), ()


def flower(n, noise, rng, k) -> Raw:
    # Andrew Ng's "planar" petals: r = 4·sin 4t, class j takes t ∈ [3.12j, 3.12(j+1)], ×1.4.
    # Gaussian jitter sd 0.4·noise on t and r (noise 0.5 gives the course's 0.2).
    parts = []
    for j, m in enumerate(_counts(n, 2)):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, m) + rng.normal(0, 0.4 * noise, m)
        r = 4 * np.sin(4 * t) + rng.normal(0, 0.4 * noise, m)
        parts.append(1.4 * np.column_stack([r * np.sin(t), r * np.cos(t)]))
    return np.vstack(parts), _labels(_counts(n, 2)), ()


def blobs(n, noise, rng, k) -> Raw:
    # K Gaussian blobs (sd 0.5 → 2) centred on a circle of radius 3.5.
    y = _labels(_counts(n, k))
    angle = 2 * math.pi * y / k + math.pi / 4
    centers = 3.5 * np.column_stack([np.cos(angle), np.sin(angle)])
    return centers + rng.normal(0, 0.5 + 1.5 * noise, (n, 2)), y, ()


# ------------------------------------------------------------------ iris and regression
@cache
def _iris_table() -> Raw:
    """Standardized iris measurements (150, 4), species ids in order of appearance."""
    with open(resource_path("data", "iris.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    X = np.array([[float(v) for v in r[:4]] for r in body])
    species = list(dict.fromkeys(r[4] for r in body))
    y = np.array([species.index(r[4]) for r in body], dtype=np.int64)
    X = (X - X.mean(axis=0)) / X.std(axis=0)  # each column: mean 0, sd 1
    return X, y, tuple(header[:4])


def iris(n, noise, rng, k) -> Raw:
    return _iris_table()


def sine(n, noise, rng, k) -> Raw:
    # y = sin x + N(0, (0.5·noise)²), x ∈ U(−6, 6); X (n, 1).
    x = rng.uniform(-6, 6, n)
    return x[:, None], np.sin(x) + rng.normal(0, 0.5 * noise, n), ()


def plane(n, noise, rng, k) -> Raw:
    # TF's regress-plane: y = (x1 + x2) / 10 ∈ [−1.2, 1.2], labels read at p + U(±6)·tf_noise.
    X = rng.uniform(-6, 6, (n, 2))
    probe = X + rng.uniform(-6, 6, (n, 2)) * noise / 2
    return X, probe.sum(axis=1) / 10, ()
