"""A TrainingLoop in a child process, driven through two pipes.

Why a process: training a small net is Python-bound and holds the GIL, and so does painting
pyqtgraph views; in one process the two thrash (measured here: 10 frames/s and ~10% of headless
training speed). A child process trains on the second core while the GUI paints on the first.

Protocol: the parent sends (seq, command) pairs (live.commands), or None to quit; the child
sends the events TrainingLoop emits. The child also quits when the parent's end closes.
Everything crossing is our own frozen dataclasses and numpy arrays.
"""

from __future__ import annotations

import multiprocessing
import struct
import threading

from playground.live.commands import Command, Load
from playground.live.loop import TrainingLoop
from playground.live.snapshot_builder import DEFAULT_RES


def serve(commands, events, load: Load, res: int = DEFAULT_RES) -> None:
    """Child entry: run the loop on this thread; commands come from a reader thread.

    Events are written from the loop's own thread: a sender thread would cost the trainer a GIL
    hand-off per pipe write (measured: a fifth of its speed). Periodic snapshots are skipped
    while the previous one is still unread, so at most one waits in the pipe.
    """

    def send(event) -> None:
        try:
            events.send(event)
        except (BrokenPipeError, EOFError, OSError):
            pass  # the parent is gone; the reader thread stops the loop

    _reuse_freed_memory()
    loop = TrainingLoop(load, send, res, ready=lambda: _unread_bytes(events) == 0)
    reader = threading.Thread(target=_read_commands, args=(commands, loop), daemon=True)
    reader.start()
    loop.run()


def _reuse_freed_memory() -> None:
    """glibc: keep freed blocks up to 32 MB in the heap instead of unmapping them. A snapshot's
    arrays and pickle (~0.3–1 MB, ~30 a second) then reuse warm pages rather than fault in
    fresh ones (measured: a snapshot ~0.3–0.5 ms cheaper). Elsewhere a no-op."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD
        libc.mallopt(-1, 128 << 20)  # M_TRIM_THRESHOLD
    except (OSError, AttributeError):
        pass


def _unread_bytes(conn) -> int:
    """Bytes written to the pipe and not yet read (Linux FIONREAD); 0 where unsupported."""
    try:
        import fcntl
        import termios

        return struct.unpack("i", fcntl.ioctl(conn.fileno(), termios.FIONREAD, b"\0" * 4))[0]
    except (ImportError, OSError):
        return 0


def _read_commands(conn, loop: TrainingLoop) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        if message is None:
            loop.stop()
            return
        seq, command = message
        loop.post(seq, command)


def _grow_pipe(conn, size: int = 1 << 20) -> None:
    """Let a whole snapshot (~1 MB) fit in the pipe, so the sender writes it in one go instead
    of 16 64-KB pieces, each a GIL hand-off in the training process. Linux only; else a no-op."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), size)
    except (ImportError, OSError):
        pass


class TrainingProcess:
    """Parent-side handle: start, post commands, receive events, close."""

    def __init__(self, load: Load, res: int = DEFAULT_RES):
        ctx = multiprocessing.get_context("spawn")  # fork is unsafe once Qt threads exist
        child_commands, self._commands = ctx.Pipe(duplex=False)  # (reader, writer)
        self.events, child_events = ctx.Pipe(duplex=False)
        _grow_pipe(self.events)
        self._lock = threading.Lock()
        self.process = ctx.Process(
            target=serve,
            args=(child_commands, child_events, load, res),
            name="training",
            daemon=True,
        )
        self.process.start()
        child_commands.close()
        child_events.close()

    def post(self, seq: int, command: Command) -> bool:
        """Send a command; False when the process is gone (the relay reports it)."""
        with self._lock:
            try:
                self._commands.send((seq, command))
                return True
            except (BrokenPipeError, OSError, ValueError):
                return False

    def poll(self, timeout: float) -> bool:
        return self.events.poll(timeout)

    def receive(self):
        return self.events.recv()

    def close(self, timeout: float = 2.0) -> None:
        with self._lock:
            try:
                self._commands.send(None)
            except (BrokenPipeError, OSError):
                pass
            self._commands.close()
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(1.0)
        self.events.close()
