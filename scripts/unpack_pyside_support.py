"""Unpack PySide6's support modules next to shiboken6 and compile them: ~20 ms off every start.

shiboken6 keeps its Python support modules (the signature loader, the __feature__ switch) in a
zip embedded in its library and compiles them from source on every import of PySide6. With
SBK_EMBED=0 (PySide6's own switch) it writes them to shiboken6/files.dir once and from then on
imports them from there, as ordinary modules with cached bytecode. Deleting files.dir, or
SBK_EMBED=1, goes back to the embedded copy. Run by the Makefile after installing.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path


def files_dir() -> Path:
    import shiboken6

    return Path(shiboken6.__file__).resolve().parent / "files.dir"


def main() -> int:
    env = dict(os.environ, SBK_EMBED="0")
    subprocess.run([sys.executable, "-c", "import shiboken6"], env=env, check=True)
    target = files_dir()
    if not target.is_dir():  # not writable, or a PySide6 without the switch: nothing lost
        print(f"PySide6 support modules stay embedded ({target} not written)")
        return 0
    compileall.compile_dir(target, quiet=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
