"""A TrainingLoop in a child process, driven through two pipes.

Why a process: training a small net is Python-bound and holds the GIL, and so does painting
pyqtgraph views; in one process the two thrash (measured here: 10 frames/s and ~10% of headless
training speed). A child process trains on the second core while the GUI paints on the first.

Protocol: the parent sends (seq, name, payload) commands, or None to quit; the child sends
(kind, a, b) events as TrainingLoop emits them. The child also quits when the parent's end
closes. Everything crossing is our own frozen dataclasses and numpy arrays.
"""

from __future__ import annotations

import multiprocessing
import threading

from playground.core.snapshot_builder import DEFAULT_RES
from playground.core.training_loop import Load, TrainingLoop


def serve(commands, events, load: Load, res: int = DEFAULT_RES) -> None:
    """Child entry: run the loop on this thread, commands come from a reader thread and events
    leave through a sender thread, so a slow reader on the GUI side never stalls training."""
    sender = _Sender(events)
    loop = TrainingLoop(load, sender.put, res, ready=sender.idle)
    reader = threading.Thread(target=_read_commands, args=(commands, loop), daemon=True)
    reader.start()
    loop.run()


class _Sender:
    """Sends events in order; of the snapshots waiting, only the newest is sent."""

    def __init__(self, conn):
        self._conn = conn
        self._cond = threading.Condition()
        self._events: list[tuple] = []
        self._snapshot: tuple | None = None
        self._sending = False
        threading.Thread(target=self._run, daemon=True).start()

    def put(self, kind: str, a, b) -> None:
        with self._cond:
            if kind == "snapshot":
                self._snapshot = (kind, a, b)
            else:
                self._events.append((kind, a, b))
            self._cond.notify()

    def idle(self) -> bool:
        """True when nothing waits to be sent (a new snapshot would leave at once)."""
        return self._snapshot is None and not self._sending

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._events and self._snapshot is None:
                    self._cond.wait()
                batch = self._events + ([self._snapshot] if self._snapshot else [])
                self._events, self._snapshot, self._sending = [], None, True
            try:
                for message in batch:
                    self._conn.send(message)
            except (BrokenPipeError, EOFError, OSError):
                return  # the parent is gone; the reader thread stops the loop
            finally:
                self._sending = False


def _read_commands(conn, loop: TrainingLoop) -> None:
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            message = None
        if message is None:
            loop.stop()
            return
        loop.post(*message)


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
        self.process = ctx.Process(target=serve, args=(child_commands, child_events, load, res),
                                   name="training", daemon=True)
        self.process.start()
        child_commands.close()
        child_events.close()

    def post(self, seq: int, name: str, payload=None) -> None:
        with self._lock:
            try:
                self._commands.send((seq, name, payload))
            except (BrokenPipeError, OSError):
                pass  # closed or crashed: the relay reports it

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
