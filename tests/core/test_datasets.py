import math

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.data.pointset import PLANE_EXTENT

PLANE_SETS = [n for n in datasets.names() if datasets.info(n).dim == 2]
CLASSIFIERS = [n for n in datasets.names() if datasets.info(n).task != "regression"]


def best_linear_accuracy(X: np.ndarray, y: np.ndarray, angles: int = 360) -> float:
    """Highest accuracy of any line w·x > c, over a fan of directions and every threshold."""
    best = 0.0
    for theta in np.linspace(0, np.pi, angles, endpoint=False):
        s = X @ np.array([np.cos(theta), np.sin(theta)])
        ys = y[np.argsort(s)]
        # predict 1 above the cut: correct = zeros below + ones above, for every cut position
        zeros_below = np.concatenate([[0], np.cumsum(ys == 0)])
        ones_above = np.concatenate([[0], np.cumsum((ys == 1)[::-1])])[::-1]
        acc = (zeros_below + ones_above) / len(y)
        best = max(best, acc.max(), (1 - acc).max())
    return float(best)


def test_contract_names_are_registered():
    for name in (
        "xor",
        "circle",
        "gauss",
        "spiral",
        "moons",
        "band",
        "checkerboard",
        "flower",
        "blobs",
        "iris",
        "sine",
        "plane",
    ):
        assert name in datasets.names()
    assert {n for n in datasets.names() if datasets.info(n).multiclass} == {"blobs", "spiral"}


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match="xor"):
        datasets.generate("nope")


@pytest.mark.parametrize("name", datasets.names())
def test_generate_matches_info_and_is_deterministic(name):
    d = datasets.info(name)
    a = datasets.generate(name, n=200, noise=0.2, seed=3)
    b = datasets.generate(name, n=200, noise=0.2, seed=3)
    c = datasets.generate(name, n=200, noise=0.2, seed=4)
    assert a == b
    assert not np.array_equal(a.X, c.X) or name == "iris"
    assert a.name == name and a.task == d.task and a.dim == d.dim
    assert a.n == (150 if name == "iris" else 200)
    assert np.isfinite(a.X).all() and np.isfinite(a.y).all()
    assert d.note and d.description and d.label


@pytest.mark.parametrize("name", [n for n in PLANE_SETS if n != "gauss"])
def test_clean_points_lie_in_the_plane_extent(name):
    X = datasets.generate(name, n=1000).X
    x0, x1, y0, y1 = PLANE_EXTENT
    assert X[:, 0].min() >= x0 and X[:, 0].max() <= x1
    assert X[:, 1].min() >= y0 and X[:, 1].max() <= y1


@pytest.mark.parametrize("name", [n for n in CLASSIFIERS if n != "iris"])
def test_clean_classes_are_balanced(name):
    counts = np.bincount(datasets.generate(name, n=301).y)
    assert counts.max() - counts.min() <= 1


@pytest.mark.parametrize("name", ["blobs", "spiral"])
@pytest.mark.parametrize("k", [2, 3, 6])
def test_class_count_k(name, k):
    p = datasets.generate(name, n=300, classes=k)
    assert p.n_classes == k and p.n_outputs == (1 if k == 2 else k)
    assert p.task == ("binary" if k == 2 else "multiclass")
    assert np.bincount(p.y, minlength=k).tolist() == [300 // k] * k


def test_noise_moves_points_or_labels():
    for name in ("xor", "circle", "spiral", "band", "moons", "sine", "plane"):
        clean, noisy = datasets.generate(name), datasets.generate(name, noise=0.8)
        assert not (np.array_equal(clean.X, noisy.X) and np.array_equal(clean.y, noisy.y)), name


@pytest.mark.parametrize("name", ["xor", "band", "circle", "checkerboard", "flower"])
def test_non_linear_sets_defeat_every_line(name):
    p = datasets.generate(name)
    assert best_linear_accuracy(p.X, p.y) < 0.8


def test_line_scanner_finds_separable_gauss():
    p = datasets.generate("gauss")
    assert best_linear_accuracy(p.X, p.y) > 0.99


def test_xor_and_band_have_a_margin():
    X, y = datasets.generate("xor", n=2000).X, datasets.generate("xor", n=2000).y
    assert np.abs(X).min() >= 0.5
    assert np.all((X[:, 0] * X[:, 1] > 0) == (y == 1))
    band = datasets.generate("band", n=2000)
    s = np.abs(band.X @ np.array([math.sin(math.radians(30)), math.cos(math.radians(30))]))
    assert s[band.y == 1].max() < 1.2 and s[band.y == 0].min() > 1.8


def test_split_fraction():
    for f in (0.0, 0.2, 0.5, 0.9):
        p = datasets.generate("circle", n=200, test_fraction=f)
        assert p.is_test.sum() == round(200 * f)


def test_iris():
    p = datasets.generate("iris", n=7, noise=0.9)
    assert p.X.shape == (150, 4) and p.task == "multiclass" and p.n_classes == 3
    assert np.bincount(p.y).tolist() == [50, 50, 50]
    assert np.allclose(p.X.mean(axis=0), 0) and np.allclose(p.X.std(axis=0), 1)
    assert p.feature_names == ("sepal_length", "sepal_width", "petal_length", "petal_width")
    assert datasets.generate("iris", classes=3) == datasets.generate("iris")


def test_regression_sets():
    s = datasets.generate("sine", n=400)
    assert s.X.shape == (400, 1) and s.task == "regression" and s.n_classes == 1
    assert np.abs(s.X).max() <= 6 and np.allclose(s.y, np.sin(s.X[:, 0]))
    p = datasets.generate("plane", n=400)
    assert p.task == "regression" and np.allclose(p.y, p.X.sum(axis=1) / 10)
    assert np.abs(p.y).max() <= 1.2


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"n": 0}, "n"),
        ({"n": 100_001}, "n"),
        ({"n": 2.5}, "n"),
        ({"noise": -0.1}, "noise"),
        ({"noise": 1.5}, "noise"),
        ({"noise": float("nan")}, "noise"),
        ({"seed": -1}, "seed"),
        ({"test_fraction": 1.0}, "test_fraction"),
        ({"test_fraction": -0.1}, "test_fraction"),
        ({"classes": 3}, "classes"),
    ],
)
def test_bad_arguments_name_the_parameter(kwargs, word):
    with pytest.raises(ValueError, match=word):
        datasets.generate("xor", **kwargs)


def test_class_count_limits():
    with pytest.raises(ValueError, match="classes"):
        datasets.generate("blobs", classes=7)
    with pytest.raises(ValueError, match="classes"):
        datasets.generate("spiral", classes=1)


def test_binary_point_sets_have_exactly_two_classes():
    import numpy as np

    from playground.core.data.pointset import PointSet

    with pytest.raises(ValueError, match="2 classes"):
        PointSet(np.zeros((3, 2)), [0, 1, 2], "binary", 3)
