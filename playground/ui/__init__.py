"""The window: PySide6 + pyqtgraph; it only draws (see DESIGN.md)."""

from playground.ui.graphics.fast_pyqtgraph import import_pyqtgraph

import_pyqtgraph()
