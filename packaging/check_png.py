"""Exit 0 if PATH is a real window snapshot: a PNG of at least MIN_KB with more than one colour.

python packaging/check_png.py PATH [MIN_KB]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402


def distinct_colours(image: QImage, limit: int = 16) -> int:
    # Sample a 64×64 lattice; enough to tell a painted window from a blank one.
    w, h = image.width(), image.height()
    seen = set()
    for j in range(64):
        for i in range(64):
            seen.add(image.pixel(i * (w - 1) // 63, j * (h - 1) // 63))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def main(argv: list[str]) -> int:
    path = Path(argv[1])
    min_kb = float(argv[2]) if len(argv) > 2 else 10.0
    if not path.is_file():
        print(f"FAIL {path}: no file", file=sys.stderr)
        return 1
    size_kb = path.stat().st_size / 1024
    image = QImage(str(path))
    if image.isNull() or image.width() < 200 or image.height() < 150:
        print(f"FAIL {path}: not a readable window-sized PNG", file=sys.stderr)
        return 1
    colours = distinct_colours(image)
    ok = size_kb >= min_kb and colours >= 8
    status = "ok" if ok else "FAIL"
    print(
        f"{status} {path}: {image.width()}x{image.height()}, {size_kb:.0f} KB, "
        f"{colours}{'+' if colours >= 16 else ''} colours sampled (need >= {min_kb:g} KB, >= 8)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
