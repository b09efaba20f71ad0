"""Data set registry: named generators that produce a PointSet from a DatasetSpec.

2-D sets live in PLANE_EXTENT = [-6, 6]². The xor, circle, gauss, spiral and plane generators
follow TensorFlow Playground's src/dataset.ts; its noise slider (0–50 %) maps to our
noise ∈ [0, 1] as tf_noise = noise / 2. Each generator is gen(n, noise, rng, k) -> (X, y, names)
with X (n, d), y (n,) int classes or float targets, names the raw column names (or ()).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

import numpy as np

from playground.core import limits, validate
from playground.core.data import generators as gen
from playground.core.data.pointset import PointSet, split_mask
from playground.core.errors import Invalid

Raw = tuple[np.ndarray, np.ndarray, tuple[str, ...]]
Generator = Callable[[int, float, np.random.Generator, int], Raw]


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    label: str
    task: str  # "binary" | "multiclass" | "regression" (task with the default classes)
    dim: int
    description: str
    multiclass: bool = False  # accepts classes K = 2..6
    note: str = ""  # one teaching sentence


# ------------------------------------------------------------------ registry
_REGISTRY: dict[str, tuple[DatasetInfo, Generator]] = {}


def _register(info: DatasetInfo, gen: Generator) -> None:
    _REGISTRY[info.name] = (info, gen)


_B, _M, _R = "binary", "multiclass", "regression"
for _info, _gen in (
    (
        DatasetInfo(
            "circle",
            "Circle",
            _B,
            2,
            "A disc of class 1 inside a ring of class 0.",
            note="A line cannot enclose a disc; two tanh units or x₁², x₂² features can.",
        ),
        gen.circle,
    ),
    (
        DatasetInfo(
            "xor",
            "XOR",
            _B,
            2,
            "Opposite quadrants share a class, with a margin.",
            note="The classic task no single layer can solve: it needs a hidden layer.",
        ),
        gen.xor,
    ),
    (
        DatasetInfo(
            "gauss",
            "Gaussian",
            _B,
            2,
            "Two Gaussian clouds.",
            note="Linearly separable: even a network without hidden layers solves it.",
        ),
        gen.gauss,
    ),
    (
        DatasetInfo(
            "spiral",
            "Spiral",
            _B,
            2,
            "Interleaved spiral arms, one per class.",
            multiclass=True,
            note="Needs many bends in the boundary: deep or wide non-linear nets.",
        ),
        gen.spiral,
    ),
    (
        DatasetInfo(
            "moons",
            "Two moons",
            _B,
            2,
            "Two interleaving half circles.",
            note="Curved boundary: a linear model gets most but never all points.",
        ),
        gen.moons,
    ),
    (
        DatasetInfo(
            "band",
            "Band",
            _B,
            2,
            "Class 1 in a strip between two parallel lines.",
            note="Two ReLUs make the two edges of the strip; one line is never enough.",
        ),
        gen.band,
    ),
    (
        DatasetInfo(
            "checkerboard",
            "Checkerboard",
            _B,
            2,
            "A 4×4 checkerboard of two classes.",
            note="Many regions: watch ReLU networks carve the plane into pieces.",
        ),
        gen.checkerboard,
    ),
    (
        DatasetInfo(
            "flower",
            "Flower",
            _B,
            2,
            "The 'planar' petals of Andrew Ng's course.",
            note="No straight line follows the petals; one hidden layer of 4 tanh units can.",
        ),
        gen.flower,
    ),
    (
        DatasetInfo(
            "blobs",
            "Blobs",
            _B,
            2,
            "K Gaussian blobs around a circle.",
            multiclass=True,
            note="Softmax draws K linear regions: no hidden layer needed.",
        ),
        gen.blobs,
    ),
    (
        DatasetInfo(
            "iris",
            "Iris",
            _M,
            4,
            "Fisher's iris: 4 measurements, 3 species.",
            note="Real data in 4-D; setosa is linearly separable, the other two overlap.",
        ),
        gen.iris,
    ),
    (
        DatasetInfo(
            "sine",
            "Sine (regression)",
            _R,
            1,
            "y = sin x on x ∈ [−6, 6].",
            note="A linear net fits a straight line; tanh or ReLU units bend it into a wave.",
        ),
        gen.sine,
    ),
    (
        DatasetInfo(
            "plane",
            "Plane (regression)",
            _R,
            2,
            "y is a linear function of x₁, x₂.",
            note="Linear layers are exactly enough here: non-linearity buys nothing.",
        ),
        gen.plane,
    ),
):
    _register(_info, _gen)


def names() -> list[str]:
    return list(_REGISTRY)


def info(name: str) -> DatasetInfo:
    try:
        return _REGISTRY[name][0]
    except KeyError:
        raise KeyError(f"unknown data set {name!r}; choose from {', '.join(names())}") from None


@dataclass(frozen=True)
class DatasetSpec:
    """Generator settings: the same spec always gives the same PointSet.

    classes: K for the multiclass-capable sets (blobs, spiral); elsewhere None or 2 mean the data
    set's own count. Iris ignores n and noise (150 fixed points).
    """

    name: str = "circle"
    n: int = 500
    noise: float = 0.0
    seed: int = 0
    classes: int | None = 2
    test_fraction: float = 0.5

    def __post_init__(self) -> None:
        d = info(validate.choice(self.name, names(), "name"))
        object.__setattr__(self, "n", validate.integer(self.n, "n", 1, limits.MAX_POINTS))
        object.__setattr__(self, "noise", validate.number(self.noise, "noise", 0.0, 1.0))
        object.__setattr__(self, "seed", validate.integer(self.seed, "seed", 0, limits.MAX_SEED))
        object.__setattr__(
            self,
            "test_fraction",
            validate.number(self.test_fraction, "test_fraction", 0.0, limits.MAX_TEST_FRACTION),
        )
        if self.classes is not None:
            k = validate.integer(self.classes, "classes", 2, limits.MAX_CLASSES)
            if not d.multiclass and k not in (2, natural_classes(d)):
                raise Invalid("classes", "classes_fixed", dataset=d.name, value=natural_classes(d))
            object.__setattr__(self, "classes", k)

    @property
    def n_classes(self) -> int:
        """K to generate: the given count for multiclass-capable sets, else the set's own."""
        d = info(self.name)
        return self.classes if d.multiclass and self.classes else natural_classes(d)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def generate(self) -> PointSet:
        d = info(self.name)
        k = self.n_classes
        rng = np.random.default_rng([self.seed, 7])
        X, y, feature_names = _REGISTRY[self.name][1](self.n, self.noise, rng, k)
        if self.name != "iris":  # mix the classes so no class is drawn on top of the others
            order = rng.permutation(len(X))
            X, y = X[order], y[order]
        task = _R if d.task == _R else (_M if k > 2 else _B)
        return PointSet(
            X,
            y,
            task,
            1 if task == _R else k,
            split_mask(len(X), self.test_fraction, self.seed),
            self.name,
            feature_names,
        )


def natural_classes(d: DatasetInfo) -> int:
    return 3 if d.name == "iris" else (1 if d.task == _R else 2)


def generate(
    name: str,
    n: int = 500,
    noise: float = 0.0,
    seed: int = 0,
    classes: int | None = 2,
    test_fraction: float = 0.5,
) -> PointSet:
    """Points of data set `name` (see DatasetSpec)."""
    return DatasetSpec(name, n, noise, seed, classes, test_fraction).generate()
