"""The training worker: a QObject in a QThread that relays between the GUI and the training process.

The live Trainer runs in a TrainingLoop in a child process (core/training_process.py explains
why). This worker's thread blocks on the event pipe (releasing the GIL), and turns each event
into a Qt signal delivered to the GUI thread. When several snapshots wait in the pipe, only the
newest is emitted, so nothing queues up. Commands go straight from the GUI thread to the pipe.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.core.snapshot_builder import DEFAULT_RES
from playground.core.training_loop import Load
from playground.core.training_process import TrainingProcess

__all__ = ["Load", "TrainingWorker", "WorkerThread"]

POLL_S = 0.05  # how often the relay checks its stop flag while no event arrives


class TrainingWorker(QObject):
    snapshotReady = Signal(object, int)  # Snapshot, seq of the last command it reflects
    stopped = Signal(str, int)  # why training paused itself, seq of the last command it saw
    failed = Signal(str, int)  # a command was refused (message), its seq

    def __init__(self, load: Load, res: int = DEFAULT_RES):
        super().__init__()
        self.process = TrainingProcess(load, res)
        self._stop = False

    def post(self, seq: int, name: str, payload=None) -> None:
        """Queue a command for the training loop (GUI thread)."""
        self.process.post(seq, name, payload)

    def stop(self) -> None:
        self._stop = True

    @Slot()
    def run(self) -> None:
        """Relay events until stop(): block on the pipe, emit signals, skip superseded snapshots."""
        while not self._stop:
            try:
                if not self.process.poll(POLL_S):
                    continue
                events = [self.process.receive()]
                while self.process.poll(0):
                    events.append(self.process.receive())
            except (EOFError, OSError):
                if not self._stop:
                    self.failed.emit("The training process ended unexpectedly.", 0)
                return
            self._deliver(events)

    def _deliver(self, events) -> None:
        last_snapshot = max((i for i, e in enumerate(events) if e[0] == "snapshot"), default=-1)
        for i, (kind, a, seq) in enumerate(events):
            if kind == "snapshot":
                if i == last_snapshot:
                    self.snapshotReady.emit(a, seq)
            elif kind == "stopped":
                self.stopped.emit(a, seq)
            else:
                self.failed.emit(a, seq)


class WorkerThread:
    """A TrainingWorker relaying in its own QThread; `close()` stops everything and joins."""

    def __init__(self, load: Load, res: int = DEFAULT_RES):
        self.worker = TrainingWorker(load, res)  # no parent: it moves to the thread
        self.thread = QThread()
        self.thread.setObjectName("training-relay")
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)

    def start(self) -> None:
        """Start relaying; connect to the worker's signals first so no snapshot is missed."""
        self.thread.start()

    def close(self, timeout_ms: int = 5000) -> bool:
        """Stop the relay (it notices within POLL_S), then the training process."""
        self.worker.stop()
        self.thread.quit()
        joined = self.thread.wait(timeout_ms)
        self.worker.process.close()
        return joined
