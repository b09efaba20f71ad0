"""Lockstep: one Play for two sessions, and both at the same epoch while they play.

Both training loops get the same speed limit (epochs per second), so while both keep up they
advance together. One that cannot (a deeper network, a busy machine) or that started later
(its process was still starting) falls behind; then the one ahead is held — paused — as soon as
it leads by MAX_LEAD epochs, and let go when the other has caught up. Measured on this 2-core
machine: a 6-layer sigmoid net beside a linear one at 100 epochs/s drifted 24 epochs apart in
2 s without the hold. A side that stops by itself (divergence, a stop rule, no training points)
leaves the race: the other plays on alone; when neither plays, Play is off. Holding reacts to
snapshots, so at high speeds the one ahead overshoots by the epochs of a frame or two; on Pause
the side behind trains the epochs it is behind, so both stop at the same epoch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

MAX_LEAD = 2  # epochs one side may be ahead before it waits for the other


class Lockstep(QObject):
    runningChanged = Signal(bool)

    def __init__(self, sessions, parent: QObject | None = None):
        super().__init__(parent)
        self.sessions = tuple(sessions)
        self._playing = False
        self._held = [False] * len(self.sessions)  # paused by us, waiting for the other
        self._settling = False  # paused: the side behind is still to catch up
        self.holds = 0  # times a side was held (tests read it)
        for i, s in enumerate(self.sessions):
            s.snapshotReady.connect(lambda _snap, i=i: self._balance(i))
            s.runningChanged.connect(lambda on, i=i: self._on_running(i, on))

    @property
    def playing(self) -> bool:
        return self._playing

    def play(self) -> None:
        self._held = [False] * len(self.sessions)
        self._set_playing(True)
        for s in self.sessions:
            s.play()

    def pause(self) -> None:
        """Pause both; then the side behind trains the epochs it is behind (see _settle)."""
        self._held = [False] * len(self.sessions)
        self._settling = self._playing
        self._set_playing(False)
        for s in self.sessions:
            s.pause()

    def toggle(self) -> None:
        self.pause() if self._playing else self.play()

    def step_epoch(self) -> None:
        self.pause()
        self._settling = False
        for s in self.sessions:
            s.step_epoch()

    def reset(self) -> None:
        self.pause()
        self._settling = False
        for s in self.sessions:
            s.reset()

    def _set_playing(self, on: bool) -> None:
        if on != self._playing:
            self._playing = on
            self.runningChanged.emit(on)

    def _epoch(self, i: int) -> int | None:
        snap = self.sessions[i].latest_snapshot()
        return None if snap is None else snap.epoch

    def _settle(self) -> None:
        """After Pause, once both sides report paused snapshots: the side behind trains the
        epochs it is behind (one Step each), so both stop at the same epoch."""
        snaps = [s.latest_snapshot() for s in self.sessions]
        if any(snap is None or snap.running for snap in snaps):
            return
        self._settling = False
        ahead = max(snap.epoch for snap in snaps)
        for s, snap in zip(self.sessions, snaps, strict=True):
            for _ in range(0 if snap.diverged else ahead - snap.epoch):
                s.step_epoch()

    def _finished(self, i: int) -> bool:
        """Side i stopped for good: diverged, or at its stop rule's epoch (Play would carry it
        past the rule)."""
        snap = self.sessions[i].latest_snapshot()
        max_epochs = self.sessions[i].stop_rules[0]
        return (
            snap is not None
            and not snap.running
            and (snap.diverged or (max_epochs is not None and snap.epoch >= max_epochs))
        )

    def _balance(self, i: int) -> None:
        """Side i reported an epoch: hold it if it leads, let the other go if it caught up."""
        if self._settling:
            self._settle()
        if not self._playing or len(self.sessions) != 2:
            return
        j = 1 - i
        mine, other = self._epoch(i), self._epoch(j)
        if mine is None or other is None:
            return
        if self._held[j] and self._finished(j):  # it reached its stop rule while held
            self._held[j] = False
            self._set_playing(any(s.running for s in self.sessions))
        elif self._held[j] and mine >= other:
            self._held[j] = False
            self.sessions[j].play()
        if not self._held[i] and self.sessions[j].running and mine - other >= MAX_LEAD:
            self._held[i] = True
            self.holds += 1
            self.sessions[i].pause()

    def _on_running(self, i: int, on: bool) -> None:
        if on or not self._playing or self._held[i]:
            return
        for j, held in enumerate(self._held):  # side i left the race: nobody waits for it
            if held:
                self._held[j] = False
                if not self._finished(j):
                    self.sessions[j].play()
        if not any(s.running for s in self.sessions):
            self._set_playing(False)
