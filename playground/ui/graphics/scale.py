"""The UI scale: one factor for every font and marker the app sizes itself (presentation mode,
Ctrl+= / Ctrl+−). Widgets read it when the window is built; the window host rebuilds the
window when it changes."""

from __future__ import annotations

from PySide6.QtGui import QFont

MIN_FACTOR, MAX_FACTOR, STEP = 0.8, 2.0, 1.15
PRESENTATION = 1.4  # presentation mode: fonts and markers this much larger
_factor = [1.0]
_base_font: list[QFont] = []


def factor() -> float:
    return _factor[0]


def set_factor(value: float) -> float:
    """Clamp and set the factor; returns the one in use."""
    _factor[0] = min(MAX_FACTOR, max(MIN_FACTOR, float(value)))
    return _factor[0]


def pt(size: float) -> float:
    """A point size at the current scale."""
    return size * _factor[0]


def apply_to(app) -> None:
    """The application's font at the current scale (every Qt widget follows it)."""
    if not _base_font:
        _base_font.append(QFont(app.font()))
    font = QFont(_base_font[0])
    base = _base_font[0].pointSizeF()
    if base > 0:
        font.setPointSizeF(base * _factor[0])
    app.setFont(font)
