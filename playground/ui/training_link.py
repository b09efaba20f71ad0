"""The link between the session and the training loop: commands out, events in as Qt signals.

ProcessLink: the loop runs in a child process (live/process.py says why). A relay QObject in its
own QThread blocks on the event pipe (releasing the GIL), fills in the parts each snapshot left
out (live.snapshot.Hydrator, for every snapshot, in order) and emits signals to the GUI thread;
when several snapshots wait in the pipe only the newest is emitted. If the process ends without
being asked, `died` is emitted once.

InlineLink: the same loop in this process, advanced by a GUI-thread timer while it has work. It
keeps tests synchronous and deterministic (no child process); the app uses ProcessLink.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from playground.live import commands as c
from playground.live.snapshot import Hydrator
from playground.live.snapshot_builder import DEFAULT_RES

if TYPE_CHECKING:
    from playground.live.process import TrainingProcess

POLL_S = 0.05  # how often the relay checks its stop flag while no event arrives


class TrainingLink(QObject):
    snapshotReady = Signal(object, int)  # Snapshot, seq of the last command it reflects
    stopped = Signal(object, int)  # StopReason (None after an internal error), seq
    failed = Signal(object, str, int)  # Failure, the command's class name, its seq
    died = Signal()  # the training process ended without being asked

    def post(self, seq: int, command: c.Command) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _deliver(self, events: list) -> None:
        """Emit events in order; of the snapshots only the newest (all are hydrated already)."""
        last = max((i for i, e in enumerate(events) if isinstance(e, c.SnapshotReady)), default=-1)
        for i, event in enumerate(events):
            match event:
                case c.SnapshotReady(snapshot=snap, seq=seq) if i == last:
                    self.snapshotReady.emit(snap, seq)
                case c.Stopped(reason=reason, seq=seq):
                    self.stopped.emit(reason, seq)
                case c.Failed(failure=failure, command=command, seq=seq):
                    self.failed.emit(failure, command, seq)


class _Relay(QObject):
    """Lives in the relay thread: blocks on the pipe, hydrates, hands batches to the link."""

    batch = Signal(object)  # list of events
    ended = Signal()

    def __init__(self, process: TrainingProcess):
        super().__init__()
        self.process = process
        self.hydrate = Hydrator()
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    @Slot()
    def run(self) -> None:
        while not self._stop:
            try:
                if not self.process.poll(POLL_S):
                    continue
                events = [self.process.receive()]
                while self.process.poll(0):
                    events.append(self.process.receive())
            except (EOFError, OSError):
                if not self._stop:
                    self.ended.emit()
                return
            self.batch.emit([_hydrated(e, self.hydrate) for e in events])


def _hydrated(event, hydrate: Hydrator):
    if isinstance(event, c.SnapshotReady):
        return c.SnapshotReady(hydrate(event.snapshot), event.seq)
    return event


class ProcessLink(TrainingLink):
    def __init__(self, load: c.Load, res: int = DEFAULT_RES, parent: QObject | None = None):
        super().__init__(parent)
        from playground.live.process import TrainingProcess  # multiprocessing: after the paint

        self.process = TrainingProcess(load, res)
        self._relay = _Relay(self.process)  # no parent: it moves to the thread
        self.thread = QThread()
        self.thread.setObjectName("training-relay")
        self._relay.moveToThread(self.thread)
        self.thread.started.connect(self._relay.run)
        self._relay.batch.connect(self._deliver)
        self._relay.ended.connect(self._on_ended)
        self._closed = False
        self.thread.start()

    def post(self, seq: int, command: c.Command) -> None:
        self.process.post(seq, command)

    @property
    def pid(self) -> int | None:
        return self.process.process.pid

    def _on_ended(self) -> None:
        if not self._closed:
            self.died.emit()

    def close(self, timeout_ms: int = 5000) -> bool:
        """Stop the relay (it notices within POLL_S), then the training process."""
        self._closed = True
        self._relay.stop()
        self.thread.quit()
        joined = self.thread.wait(timeout_ms)
        self.process.close()
        return joined


class InlineLink(TrainingLink):
    def __init__(self, load: c.Load, res: int = DEFAULT_RES, parent: QObject | None = None):
        super().__init__(parent)
        from playground.live.loop import TrainingLoop  # the window's own process runs only this

        self._pending: list = []
        self._hydrate = Hydrator()
        self.loop = TrainingLoop(load, self._pending.append, res)
        self._timer = QTimer(self)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self.pump)
        self._timer.start()

    def post(self, seq: int, command: c.Command) -> None:
        self.loop.post(seq, command)
        if not self._timer.isActive():
            self._timer.start()

    @Slot()
    def pump(self) -> None:
        """Apply waiting commands, train one chunk, deliver what the loop emitted."""
        self.loop.iterate()
        events = [_hydrated(e, self._hydrate) for e in self._pending]
        self._pending.clear()
        if events:
            self._deliver(events)
        if not self.loop.busy():
            self._timer.stop()

    def close(self) -> bool:
        self._timer.stop()
        self.loop.stop()
        return True
