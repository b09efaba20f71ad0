"""The six class colours stay apart for viewers with red-green colour blindness.

Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation
of Color Vision Deficiency", severity 1.0 matrices, applied to linear RGB. Distance: CIE76 ΔE
in CIELAB (D65), computed here from the sRGB formulas, independently of the palette module.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from playground.core import limits
from playground.ui.graphics import palette

NORMAL = np.eye(3)
PROTANOPIA = np.array(
    [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ]
)
DEUTERANOPIA = np.array(
    [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ]
)
VISIONS = {"normal": NORMAL, "deuteranopia": DEUTERANOPIA, "protanopia": PROTANOPIA}
FULL_DE = 30.0  # least ΔE between two class colours (Okabe–Ito's six reach 17.9)
TINT_DE = 10.0  # least ΔE between two classes' strongest map tints (Okabe–Ito: 8.0)


def _linear(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear: np.ndarray) -> np.ndarray:
    to_xyz = np.array(
        [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
    )
    xyz = linear @ to_xyz.T / np.array([0.95047, 1.0, 1.08883])
    d = 6 / 29
    f = np.where(xyz > d**3, np.cbrt(xyz), xyz / (3 * d * d) + 4 / 29)
    return np.stack(
        [116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1
    )


def _seen(rgb, matrix) -> np.ndarray:
    """CIELAB colours (n, 3) of sRGB colours (n, 3) as a viewer with `matrix` sees them."""
    return _lab(np.clip(_linear(rgb) @ matrix.T, 0.0, 1.0))


def _closest_pair(rgb, matrix) -> tuple[float, int, int]:
    lab = _seen(rgb, matrix)
    pairs = [
        (float(np.linalg.norm(lab[i] - lab[j])), i, j)
        for i, j in itertools.combinations(range(len(lab)), 2)
    ]
    return min(pairs)


def _tints(rgb) -> np.ndarray:
    """The most confident class-map colour of each class: MAP_STRENGTH of the way from white."""
    t = palette.MAP_STRENGTH
    return 255.0 * (1 - t) + np.asarray(rgb, float) * t


def test_there_is_a_colour_for_every_class_and_the_first_two_are_orange_and_blue():
    assert len(palette.CLASS_RGB) == limits.MAX_CLASSES == 6
    assert len(set(palette.CLASS_RGB)) == 6
    assert palette.CLASS_RGB[:2] == (palette.NEGATIVE_RGB, palette.POSITIVE_RGB)


@pytest.mark.parametrize("vision", VISIONS)
def test_class_colours_are_far_apart_for_every_viewer(vision):
    distance, i, j = _closest_pair(palette.CLASS_RGB, VISIONS[vision])
    assert distance >= FULL_DE, f"classes {i + 1} and {j + 1}: ΔE {distance:.1f}"


@pytest.mark.parametrize("vision", VISIONS)
def test_class_map_tints_are_apart_for_every_viewer(vision):
    distance, i, j = _closest_pair(_tints(palette.CLASS_RGB), VISIONS[vision])
    assert distance >= TINT_DE, f"classes {i + 1} and {j + 1}: ΔE {distance:.1f}"


def test_the_thresholds_reject_okabe_ito_s_six_which_confuse_blue_and_sky_blue():
    """The check has teeth: the palette before (Okabe–Ito's first six) fails it."""
    before = [
        palette.ORANGE,
        palette.BLUE,
        palette.GREEN,
        palette.PURPLE,
        palette.VERMILLION,
        palette.SKY_BLUE,
    ]
    assert _closest_pair(before, DEUTERANOPIA)[0] < FULL_DE
    assert _closest_pair(_tints(before), DEUTERANOPIA)[0] < TINT_DE


def test_simulation_matrices_keep_white_white_and_grey_grey():
    for matrix in (DEUTERANOPIA, PROTANOPIA):
        assert np.allclose(matrix.sum(axis=1), 1.0, atol=1e-3)
    lab = _seen([[255, 255, 255], [128, 128, 128]], DEUTERANOPIA)
    assert np.allclose(lab[:, 1:], 0.0, atol=0.5)


def test_the_class_map_and_the_ramps_use_the_class_colours():
    lut = palette.CLASS_LUT
    for k, rgb in enumerate(palette.CLASS_RGB):
        last = lut[(k + 1) * palette.CLASS_STEPS - 1, :3].astype(float)
        assert np.allclose(last, _tints([rgb])[0], atol=1.0)
        ramp = palette.class_ramp_lut(k)
        assert tuple(ramp[0, :3]) == (255, 255, 255) and tuple(ramp[-1, :3]) == rgb
