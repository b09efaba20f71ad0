"""Import pyqtgraph without materializing every Qt class: about 120 ms less at start-up.

pyqtgraph.Qt mirrors PySide6's QtCore, QtGui and QtWidgets into its own empty modules by copying
every attribute (`_copy_attrs`); PySide6 creates its classes lazily, so that copy builds all ~700
of them. Here the mirrors are modules that look attributes up in PySide6 when first asked, and
PySide6's modules list no names while pyqtgraph imports, so nothing is copied. Applied only when
the mirrors are the empty modules this was measured on; otherwise pyqtgraph imports as usual.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

from playground.ui.graphics import feature_check

MIRRORS = ("QtCore", "QtGui", "QtWidgets")


def _mirrors_are_empty() -> bool:
    spec = importlib.util.find_spec("pyqtgraph")
    if spec is None or spec.origin is None:
        return False
    qt = Path(spec.origin).parent / "Qt"
    files = [qt / name / "__init__.py" for name in MIRRORS]
    return all(f.is_file() and f.stat().st_size == 0 for f in files)


def _mirror(name: str, source: types.ModuleType) -> types.ModuleType:
    module = types.ModuleType(f"pyqtgraph.Qt.{name}")
    module.__getattr__ = lambda attr: getattr(source, attr)  # PEP 562: only names not set here
    return module


def import_pyqtgraph() -> None:
    """Import pyqtgraph (once) with lazy Qt mirrors when that is known to be safe."""
    if "pyqtgraph" in sys.modules:
        return
    import PySide6.QtCore

    feature_check.install()  # before the ~450 imports that follow
    if not _mirrors_are_empty():
        return
    import PySide6.QtGui
    import PySide6.QtWidgets

    sources = {name: getattr(PySide6, name) for name in MIRRORS}
    for name, source in sources.items():
        sys.modules[f"pyqtgraph.Qt.{name}"] = _mirror(name, source)
        source.__dir__ = list  # dir(module) → []: _copy_attrs finds nothing to copy
    try:
        import pyqtgraph  # noqa: F401
    except BaseException:
        for name in MIRRORS:
            sys.modules.pop(f"pyqtgraph.Qt.{name}", None)
        raise
    finally:
        for source in sources.values():
            del source.__dir__
