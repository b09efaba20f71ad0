"""Safe file reads and atomic writes for everything the app saves or opens.

Writes go to a temporary file in the target's folder, then os.replace onto the target: a crash
or a full disk leaves the old file whole. A symlink is written through (its target is replaced,
the link stays); an existing file keeps its mode (new files follow the umask); anything that is
not a regular file is refused. Reads open regular files only and read at most MAX_FILE_BYTES.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from playground.core import limits


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path, write: Callable, error: type[Exception] = OSError) -> None:
    """write(f) (a binary file) into path atomically; error(...) names path when refused."""
    path = Path(path)
    target = Path(os.path.realpath(path))  # a symlink: replace what it points to
    try:
        st = os.stat(target)
    except FileNotFoundError:
        mode = _umask_mode()
    else:
        if not stat.S_ISREG(st.st_mode):
            raise error(f"cannot save over {path}: it is not a regular file")
        mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as e:  # named by the target, not the temporary file
        Path(tmp).unlink(missing_ok=True)
        raise error(f"cannot save {path}: {e.strerror or e}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_limited(
    path, error: type[Exception], what: str = "file", limit: int = limits.MAX_FILE_BYTES
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; error(message) otherwise, where
    the message calls the file `what` ("project file", "weights file", …)."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(f"{what} not found: {path}") from None
    except OSError as e:
        raise error(f"cannot open {path}: {e.strerror or e}") from None
    try:  # fstat before fdopen: fdopen refuses a folder with IsADirectoryError
        st = os.fstat(fd)
        regular = stat.S_ISREG(st.st_mode)
        if regular and st.st_size <= limit:
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read(limit + 1)
    except OSError as e:
        raise error(f"cannot read {path}: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if not regular:
        raise error(
            f"{path} is not a regular file (a device, pipe or folder), so it cannot be a {what}"
        )
    if st.st_size > limit:
        raise error(
            f"{path} is too large ({st.st_size / 2**20:.0f} MB; at most {limit / 2**20:.0f} MB)"
        )
    if len(data) > limit:
        raise error(f"{path} is too large (at most {limit / 2**20:.0f} MB)")
    return data
