"""Render resources/icons/activation-playground.svg to the PNG/ICO/ICNS icons the packages use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py
writes resources/icons/hicolor/<N>x<N>/apps/activation-playground.png for N in SIZES, plus
activation-playground.ico (Windows) and activation-playground.icns (macOS). Output is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

NAME = "activation-playground"
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        raise SystemExit(f"invalid SVG: {ICONS / f'{NAME}.svg'}")
    for size in SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(out)):
            raise SystemExit(f"cannot write {out}")
    # Qt's ico/icns writers store one image; 256 px is the largest ICO allows.
    for suffix, size in (("ico", 256), ("icns", 512)):
        out = ICONS / f"{NAME}.{suffix}"
        if not render(renderer, size).save(str(out), suffix.upper()):
            raise SystemExit(f"cannot write {out} (Qt image plugin for {suffix} missing?)")
    print(f"icons written under {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
