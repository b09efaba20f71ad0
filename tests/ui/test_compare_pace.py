"""Lockstep: the side ahead waits for the other; one that stops by itself leaves the race; after
Pause the side behind trains the epochs it is behind."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from playground.ui.window.compare_pace import MAX_LEAD, Lockstep


@dataclass
class Snap:
    epoch: int
    running: bool = True
    diverged: bool = False


class FakeSession(QObject):
    """What Lockstep uses of a Session: play, pause, step_epoch, reset, running, snapshots."""

    snapshotReady = Signal(object)
    runningChanged = Signal(bool)

    def __init__(self):
        super().__init__()
        self.running, self.snap, self.calls = False, None, []
        self.stop_rules = (None, None)

    def latest_snapshot(self):
        return self.snap

    def _run(self, on: bool, call: str) -> None:
        self.calls.append(call)
        if on != self.running:
            self.running = on
            self.runningChanged.emit(on)

    def play(self):
        self._run(True, "play")

    def pause(self):
        self._run(False, "pause")

    def step_epoch(self):
        self._run(False, "step")

    def reset(self):
        self._run(False, "reset")

    def at(self, epoch: int, running: bool = True) -> None:
        self.snap = Snap(epoch, running)
        self.snapshotReady.emit(self.snap)

    def stops_by_itself(self) -> None:
        self.running = False
        self.runningChanged.emit(False)


def test_the_side_ahead_waits_until_the_other_catches_up(qtbot):
    a, b = FakeSession(), FakeSession()
    pace = Lockstep((a, b))
    pace.play()
    assert pace.playing and a.running and b.running
    b.at(3)
    a.at(3 + MAX_LEAD - 1)
    assert a.running  # within the lead
    a.at(3 + MAX_LEAD)
    assert not a.running and pace.playing and pace.holds == 1
    b.at(3 + MAX_LEAD - 1)
    assert not a.running
    b.at(3 + MAX_LEAD)
    assert a.running and b.running


def test_a_side_that_stops_by_itself_lets_the_other_play_alone(qtbot):
    a, b = FakeSession(), FakeSession()
    pace = Lockstep((a, b))
    pace.play()
    b.at(10)
    a.at(10 + MAX_LEAD)
    assert not a.running
    b.stops_by_itself()  # diverged
    assert a.running and pace.playing
    a.at(40)
    assert a.running  # nobody to wait for
    a.stops_by_itself()
    assert not pace.playing


def test_after_pause_the_side_behind_trains_the_epochs_it_is_behind(qtbot):
    a, b = FakeSession(), FakeSession()
    pace = Lockstep((a, b))
    pace.play()
    a.at(20)
    b.at(19)
    pace.pause()
    assert not pace.playing and not a.running and not b.running
    a.at(21, running=False)
    assert "step" not in b.calls  # b's paused snapshot is still to come
    b.at(18, running=False)
    assert b.calls.count("step") == 3 and "step" not in a.calls
    b.at(21, running=False)
    assert b.calls.count("step") == 3  # settled once


def test_step_and_reset_go_to_both(qtbot):
    a, b = FakeSession(), FakeSession()
    pace = Lockstep((a, b))
    pace.step_epoch()
    pace.reset()
    assert a.calls == b.calls == ["pause", "step", "pause", "reset"]


def test_a_held_side_that_reached_its_stop_rule_is_not_played_past_it(qtbot):
    a, b = FakeSession(), FakeSession()
    a.stop_rules = b.stop_rules = (20, None)
    pace = Lockstep((a, b))
    pace.play()
    b.at(17)
    a.at(19)
    assert not a.running  # held
    a.at(20, running=False)  # the loop reached the rule before the hold arrived
    b.at(20)
    assert a.calls.count("play") == 1  # not played again: Play would lift the rule
    b.at(20, running=False)
    b.stops_by_itself()
    assert not pace.playing
