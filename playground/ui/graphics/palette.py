"""Colour-blind-safe colours and fixed 256-entry lookup tables for the views.

Lookup tables are uint8 RGBA arrays (n, 4), n ≤ 256, built once at import. Images are drawn with
explicit levels (lo, hi); pyqtgraph maps value v to entry floor((v − lo) / (hi − lo) · n).

Class decision map (one table for every class count): entry k·CLASS_STEPS + s is class k at
confidence step s ∈ [0, CLASS_STEPS): s = 0 is white, the last step the class colour blended
MAP_STRENGTH of the way from white (the map stays light so the points on top stay readable).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

# Okabe & Ito (2008) "Color Universal Design": safe for deuteranopia, protanopia, tritanopia.
ORANGE = (230, 159, 0)
SKY_BLUE = (86, 180, 233)
GREEN = (0, 158, 115)
BLUE = (0, 114, 178)
VERMILLION = (213, 94, 0)
PURPLE = (204, 121, 167)
INK = (34, 34, 34)  # text and outlines: near-black reads better than pure black on a projector
NEUTRAL_RGB = (170, 170, 170)  # a weight of 0: neither sign

# Six classes: class 0 orange and class 1 blue, as in TensorFlow Playground, and Okabe–Ito's
# bluish green; then a dark red, a violet and a near-black chosen so that every pair stays
# apart under simulated deuteranopia and protanopia (Machado et al. 2009, severity 1): CIELAB
# ΔE ≥ 33 between the full colours (Okabe–Ito's own six: 18, the blue and the sky blue 26 in
# normal vision), ≥ 10 between the light map tints (tests/ui/test_palette.py).
DARK_RED = (180, 0, 0)
VIOLET = (120, 60, 230)
CHARCOAL = (40, 40, 40)
CLASS_RGB = (ORANGE, BLUE, GREEN, DARK_RED, VIOLET, CHARCOAL)
MAX_CLASSES = len(CLASS_RGB)
NEGATIVE_RGB, POSITIVE_RGB = ORANGE, BLUE  # signs of weights and of real values

CLASS_STEPS = 42  # confidence steps per class: 6 · 42 = 252 ≤ 256 entries
MAP_STRENGTH = 0.55  # how far the most confident map colour goes from white to the class colour
WHITE = np.array([255, 255, 255], np.float64)


def qcolor(rgb: tuple[int, int, int], alpha: int = 255) -> QColor:
    return QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]), int(alpha))


def class_color(k: int, alpha: int = 255) -> QColor:
    return qcolor(CLASS_RGB[k % MAX_CLASSES], alpha)


def _blend(rgb, t: np.ndarray) -> np.ndarray:
    """(len(t), 3) colours t of the way from white to rgb."""
    t = np.asarray(t, np.float64)[:, None]
    return WHITE * (1.0 - t) + np.asarray(rgb, np.float64) * t


def _rgba(rgb: np.ndarray) -> np.ndarray:
    lut = np.empty((len(rgb), 4), np.uint8)
    lut[:, :3] = np.clip(np.round(rgb), 0, 255)
    lut[:, 3] = 255
    return lut


def _class_lut() -> np.ndarray:
    steps = np.linspace(0.0, MAP_STRENGTH, CLASS_STEPS)
    return _rgba(np.vstack([_blend(rgb, steps) for rgb in CLASS_RGB]))


def _diverging_lut(strength: float, n: int = 256) -> np.ndarray:
    """Orange (low) → white (middle) → blue (high), `strength` of the way from white at the ends."""
    t = np.linspace(-1.0, 1.0, n)
    neg = _blend(NEGATIVE_RGB, np.clip(-t, 0, 1) * strength)
    pos = _blend(POSITIVE_RGB, np.clip(t, 0, 1) * strength)
    return _rgba(np.where(t[:, None] < 0, neg, pos))


CLASS_LUT = _class_lut()  # (252, 4) decision map of up to 6 classes
CLASS_LEVELS = (0.0, float(len(CLASS_LUT)))
DIVERGING_LUT = _diverging_lut(MAP_STRENGTH)  # (256, 4) decision map for regression
NEURON_LUT = _diverging_lut(1.0)  # (256, 4) full-strength map for neuron thumbnails
for _lut in (CLASS_LUT, DIVERGING_LUT, NEURON_LUT):
    _lut.setflags(write=False)


def class_ramp_lut(k: int, n: int = 256) -> np.ndarray:
    """(n, 4) white (low) → class k's colour (high): a class probability's map."""
    return _rgba(_blend(CLASS_RGB[k % MAX_CLASSES], np.linspace(0.0, 1.0, n)))


def class_map_index(cls: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """CLASS_LUT entry (+0.5, float32) for classes (…) int at strengths in [0, 1] (…)."""
    s = np.clip(strength, 0.0, 1.0) * (CLASS_STEPS - 1)
    out = cls.astype(np.float32) * CLASS_STEPS
    out += np.floor(s + 0.5).astype(np.float32)
    out += 0.5
    return out


def over_white(rgb, alpha: int) -> tuple[int, int, int]:
    """The opaque colour of rgb drawn with opacity alpha ∈ [0, 255] on white.

    Opaque pens and brushes take the raster engine's fast path (about 10× faster than blended
    strokes): views draw translucent-looking lines with these.
    """
    out = _blend(rgb, np.array([alpha / 255.0]))[0]
    return tuple(int(v) for v in np.clip(np.round(out), 0, 255))


def packed_argb(lut: np.ndarray) -> np.ndarray:
    """(n,) uint32 premultiplied ARGB words (0xAARRGGBB) of an RGBA uint8 table (n, 4)."""
    lut = np.asarray(lut, np.uint32)
    a = lut[:, 3]
    r, g, b = ((lut[:, i] * a + 127) // 255 for i in range(3))
    return (a << 24) | (r << 16) | (g << 8) | b


def lut_argb(values: np.ndarray, lo: float, hi: float, words: np.ndarray) -> np.ndarray:
    """(…) uint32 words of values (…) on [lo, hi]: entry floor((v − lo) / (hi − lo) · n), clipped
    to the table as pyqtgraph maps levels; NaN → 0 (transparent)."""
    n = len(words)
    v = np.asarray(values, np.float32)
    scaled = (v - np.float32(lo)) * np.float32(n / (hi - lo) if hi != lo else 0.0)
    idx = np.fmin(np.fmax(scaled, 0), n - 1).astype(np.intp)  # fmax: NaN → 0
    out = np.take(words, idx)
    out[np.isnan(v)] = 0
    return out


def darken(rgb: np.ndarray, amount: float = 0.35) -> np.ndarray:
    """(n, 3) colours moved `amount` of the way towards INK (keeps white rings visible)."""
    return np.asarray(rgb, np.float64) * (1 - amount) + np.asarray(INK, np.float64) * amount


def diverging_rgb(values: np.ndarray, limit: float) -> np.ndarray:
    """(n, 3) uint8 NEURON_LUT colours of values on the symmetric scale [−limit, limit]."""
    t = np.clip(np.asarray(values, np.float64) / max(limit, 1e-12), -1.0, 1.0)
    idx = np.round((t + 1.0) * 0.5 * (len(NEURON_LUT) - 1)).astype(np.int64)
    return NEURON_LUT[idx, :3]


# Viridis (van der Walt & Smith 2015): ordered and colour-blind-safe; anchors at t = 0, ⅛, … 1.
VIRIDIS = (
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 144, 140),
    (39, 173, 128),
    (92, 200, 98),
    (170, 220, 49),
    (253, 231, 37),
)
LAYER_SPAN = 0.78  # its light yellow end is left out: every line must show on white


def layer_rgb(n: int) -> list[tuple[int, int, int]]:
    """n ordered colours, layer 1 (dark purple) … the output layer (green), from viridis."""
    anchors = np.asarray(VIRIDIS, np.float64)  # (9, 3)
    t = np.linspace(0.0, LAYER_SPAN, n) if n > 1 else np.zeros(max(n, 0))
    at = np.linspace(0.0, 1.0, len(anchors))
    rgb = np.column_stack([np.interp(t, at, anchors[:, c]) for c in range(3)])
    return [tuple(int(v) for v in np.round(row)) for row in rgb]
