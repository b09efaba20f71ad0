"""PySide6's check of every later import, answered from the module file's bytes: ~50 ms less at
start-up.

Once PySide6 is loaded, shiboken's import hook asks of each newly imported module whether its
source contains "PySide6" (shibokensupport.feature._mod_uses_pyside), so that
`from __feature__ import snake_case` applies only to modules that use PySide. It asks through
inspect.getsource, which decodes every file into lines and keeps them in linecache: ~0.12 ms for
each of the ~450 modules the window imports. Reading a .py file's bytes gives the same answer
(b"PySide6" is ASCII in every source encoding Python reads); any other module goes to the
original check.
"""

from __future__ import annotations

import sys
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"


def _reads_pyside(original):
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.original = original
    return uses_pyside


def install() -> bool:
    """Swap in the byte check (once) when this PySide6 has the check; True if it is in place."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    if not hasattr(original, "original"):
        feature._mod_uses_pyside = _reads_pyside(original)
    return True
