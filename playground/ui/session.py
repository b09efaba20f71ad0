"""Session: the one model on the GUI thread. Owns every editable fact once — the Project (with
its view state: show test, discretize, stop rules, speed, selected layer, current class), the
file path, running, undo — and the link to the training loop.

Widgets call request methods; the session validates, updates the Project, tells the loop and
emits change signals; nothing reads state back out of widgets. Snapshots are dropped unless their
run id is current and handed to the views from a single-shot frame timer, so at most one waits.
If the training process dies, the session says so once and starts a new one from the current
project and the latest weights.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from playground.core.data.datasets import DatasetSpec
from playground.core.data.pointset import PointSet
from playground.core.errors import Failure, Invalid, StopReason
from playground.core.files import project as projects
from playground.core.files.experiments import DEFAULT_EXPERIMENT, load_experiment
from playground.core.files.project import Project, load_project, save_project
from playground.live import commands as c
from playground.live.snapshot import Snapshot
from playground.live.snapshot_builder import DEFAULT_RES
from playground.ui.i18n import messages
from playground.ui.i18n.messages import ERROR, INFO, WARNING
from playground.ui.session_data import DataMixin
from playground.ui.session_network import NetworkMixin
from playground.ui.session_view import ViewMixin
from playground.ui.training_link import InlineLink, ProcessLink, TrainingLink
from playground.ui.undo import UndoHistory

FRAME_MS = 25  # minimum gap between frames handed to the views


class Session(DataMixin, NetworkMixin, ViewMixin, QObject):
    dataChanged = Signal()
    specChanged = Signal()
    configChanged = Signal()
    snapshotReady = Signal(object)
    runningChanged = Signal(bool)
    message = Signal(str)  # a status text in the installed language
    notice = Signal(str, str)  # the same text and its level: INFO, WARNING or ERROR
    selectedLayerChanged = Signal(int)
    currentClassChanged = Signal(int)
    viewChanged = Signal()  # show test points, discretize
    stopRulesChanged = Signal()
    speedChanged = Signal(float)
    undoStateChanged = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    projectReplaced = Signal()  # a new project was loaded: every widget refreshes
    dataReplaced = Signal()  # new points from a data set or project (not an edit): views refit
    insightsChanged = Signal()  # open insight views or their options

    def __init__(
        self,
        project: Project | None = None,
        parent: QObject | None = None,
        res: int = DEFAULT_RES,
        inline: bool = False,
        path: Path | None = None,
        deferred: bool = False,
    ):
        super().__init__(parent)
        self._project = project if project is not None else load_experiment(DEFAULT_EXPERIMENT)
        self._path = None if path is None else Path(path)
        self._res, self._inline = res, inline
        self._run_id, self._seq = 1, 0
        self._play_seq = 0  # seq of the last Play: a stop seen before it is stale
        self._saved_step = _run_step(self._project)  # step of the weights last saved or loaded
        self._running = False
        self._history: UndoHistory[tuple[PointSet, DatasetSpec | None]] = UndoHistory()
        self._modified = False
        self._latest: Snapshot | None = None
        self._latest_seq = 0
        self._pending = False
        self._last_frame = 0.0
        self.frames = 0  # frames handed to the views (the GUI benchmark counts them)
        self.restarts = 0  # training processes started again after one died
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.timeout.connect(self._flush)
        self._link: TrainingLink | None = None
        self._hover: tuple = ()  # the plane point under the pointer (not saved)
        self._plane: tuple = ()  # (x0, x1, y0, y1) of the plane shown: the maps cover it
        self._visible_views: frozenset[str] = frozenset()  # insight views on screen
        self._lesson_check = None  # the lessons panel's check, judged in the training process
        self.lesson_progress = None  # the lessons dock's place and answers (across rebuilds)
        self._closed = False
        if not deferred:  # deferred: start_training() (the app calls it after the first paint)
            self.start_training()

    # ------------------------------------------------------------------ properties
    @property
    def project(self) -> Project:
        return self._project

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def running(self) -> bool:
        return self._running

    @property
    def run_id(self) -> int:
        return self._run_id

    @property
    def task(self) -> str:
        return self._project.data.task

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def link(self) -> TrainingLink | None:
        return self._link

    def latest_snapshot(self) -> Snapshot | None:
        return self._latest

    def current_project(self) -> Project:
        """The project with the live weights of the latest snapshot (for saving)."""
        snap = self._latest
        if snap is None or (snap.diverged and snap.train_loss is None):
            return self._project
        return projects.with_weights(
            self._project, snap.spec, snap.weights, snap.biases, snap.run_state()
        )

    # ------------------------------------------------------------------ the training link
    def start_training(self) -> None:
        """Start the training process (or loop) on the project as it is now, once."""
        if self._link is not None or self._closed:
            return
        self._start_link(
            self._load_command(keep=False, params=self._project.params, run=self._project.run)
        )
        if self._running:
            self._play_seq = self._post(c.Run(True))

    def _start_link(self, load: c.Load) -> None:
        link = (InlineLink if self._inline else ProcessLink)(load, self._res, self)
        link.snapshotReady.connect(self._on_snapshot)
        link.stopped.connect(self._on_stopped)
        link.failed.connect(self._on_failed)
        link.died.connect(self._on_died)
        self._link = link
        self._post(c.SetSpeed(self.speed))
        self._post(c.SetStopRules(*self.stop_rules))
        self._post(c.Subscribe(self.insight_request()))

    def _post(self, command: c.Command) -> int:
        self._seq += 1
        if self._link is not None:
            self._link.post(self._seq, command)
        return self._seq

    def _load_command(self, keep: bool, params=None, run=None) -> c.Load:
        p = self._project
        return c.Load(p.spec(), p.data, p.config, self._run_id, params, keep, run)

    def _rebuild(self, keep: bool = True, params=None, run=None) -> None:
        self._run_id += 1
        self._post(self._load_command(keep, params, run))

    @Slot(object, int)  # a decorated slot: PySide needs it for cross-thread signals
    def _on_snapshot(self, snap: Snapshot, seq: int) -> None:
        if snap.run_id != self._run_id:
            return  # built before a reset or a structural edit
        self._latest, self._latest_seq, self._pending = snap, seq, True
        if not self._frame_timer.isActive():
            wait = FRAME_MS - 1000.0 * (time.perf_counter() - self._last_frame)
            self._frame_timer.start(max(0, int(wait)))

    @Slot()
    def _flush(self) -> None:
        if not self._pending or self._latest is None:
            return
        self._pending = False
        if self._latest.run_id != self._run_id:
            return  # a reset or structural edit came after it arrived
        self._last_frame = time.perf_counter()
        self.frames += 1
        if self._latest.step not in (0, self._saved_step):
            self._set_modified()  # trained weights are work too: closing asks to save them
        self.snapshotReady.emit(self._latest)

    def say(self, text: str, level: str = INFO) -> None:
        self.message.emit(text)
        self.notice.emit(text, level)

    def _refuse(self, error: Invalid) -> None:
        self.say(messages.invalid_text(error), WARNING)

    @Slot(object, int)
    def _on_stopped(self, reason: StopReason | None, seq: int) -> None:
        if seq >= self._play_seq:  # no Play sent after the command the loop last applied
            self._set_running(False)
        if reason is not None:  # None after an internal error, which `failed` reported
            self.say(*messages.stop_text(reason))

    @Slot(object, str, int)
    def _on_failed(self, failure: Failure, _command: str, _seq: int) -> None:
        self.say(*messages.failure_text(failure))

    @Slot()
    def _on_died(self) -> None:
        """Start a new training process from the current project and the latest weights."""
        if self._link is None:
            return
        self._link.close()
        self.restarts += 1
        self._set_running(False)
        self._run_id += 1
        project = self.current_project()
        self._start_link(
            c.Load(
                project.spec(),
                project.data,
                project.config,
                self._run_id,
                project.params,
                keep=False,
                run=project.run,
            )
        )
        self.say(messages.text("process_died", {}), ERROR)

    def sync(self, timeout_s: float = 30.0) -> Snapshot | None:
        """Block (processing events) until a snapshot reflecting every command so far arrived."""
        self.start_training()
        target = self._post(c.Sync())
        deadline = time.perf_counter() + timeout_s
        while self._latest_seq < target and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
            if not self._inline:
                time.sleep(0.001)
        self._flush()
        return self._latest

    def train_steps(self, n: int, timeout_s: float = 60.0) -> Snapshot | None:
        """Train n steps now (paused), wait for the result; used by --snapshot mode."""
        self.start_training()
        self.pause()
        self._post(c.TrainSteps(int(n)))
        return self.sync(timeout_s)

    def shutdown(self) -> None:
        """Stop the training link and wait for it (idempotent); it never starts again."""
        self._closed = True
        self._frame_timer.stop()
        if self._link is not None:
            link, self._link = self._link, None
            link.close()

    # ------------------------------------------------------------------ project and files
    def _set_modified(self, on: bool = True) -> None:
        if on != self._modified:
            self._modified = on
            self.modifiedChanged.emit(on)

    def _set_path(self, path: Path | None) -> None:
        self._path = None if path is None else Path(path)
        self.pathChanged.emit()

    def load_project(self, project: Project, path: Path | None = None) -> None:
        """Replace the whole project (New / Open / experiment); weights come from the project."""
        self._set_running(False)
        self._project = project
        self._plane = ()  # the canvas reports the new data's plane once it has fitted it
        self._history.clear()
        self._latest, self._pending = None, False
        self._saved_step = _run_step(project)
        self._rebuild(keep=False, params=project.params, run=project.run)
        self._post(c.SetSpeed(self.speed))
        self._post(c.SetStopRules(*self.stop_rules))
        self._post(c.Subscribe(self.insight_request()))
        self._set_path(path)
        self._set_modified(False)
        self.projectReplaced.emit()
        for sig in (
            self.dataChanged,
            self.specChanged,
            self.configChanged,
            self.undoStateChanged,
            self.viewChanged,
            self.stopRulesChanged,
        ):
            sig.emit()
        self.dataReplaced.emit()
        self.speedChanged.emit(self.speed)
        self.insightsChanged.emit()
        self.selectedLayerChanged.emit(self.selected_layer)
        self.currentClassChanged.emit(self.current_class)

    def open_file(self, path) -> None:
        """Open a project file; ProjectError (naming the field) leaves this project as it was."""
        self.load_project(load_project(path), Path(path))

    def save_file(self, path) -> None:
        """Save the project with the live weights; OSError or ProjectError on failure."""
        save_project(self.current_project(), path)
        self._set_path(path)
        self.mark_saved()

    def mark_unsaved(self) -> None:
        """The project is in no file yet (e.g. recovered after a crash): closing asks to save."""
        self._set_modified(True)

    def mark_saved(self) -> None:
        self._saved_step = self._latest.step if self._latest is not None else 0
        self._set_modified(False)

    # ------------------------------------------------------------------ run control
    def _set_running(self, on: bool) -> None:
        if on != self._running:
            self._running = on
            self.runningChanged.emit(on)

    def play(self) -> None:
        self._play_seq = self._post(c.Run(True))
        self._set_running(True)

    def pause(self) -> None:
        self._post(c.Run(False))
        self._set_running(False)

    def toggle_play(self) -> None:
        self.pause() if self._running else self.play()

    def step_epoch(self) -> None:
        self.start_training()
        self._set_running(False)
        self._post(c.TrainEpoch())

    def reset(self) -> None:
        self._set_running(False)
        self._run_id += 1
        self._post(c.Reset(self._run_id))
        self.say(self.tr("Reset to the initial weights."))

    def reinitialize(self, seed: int | None = None) -> None:
        seed = self._project.config.seed + 1 if seed is None else int(seed)
        self.set_config(seed=seed)
        if self._project.config.seed == seed:
            self.say(self.tr("New initial weights (seed %1).").replace("%1", str(seed)))


def _run_step(project: Project) -> int:
    return project.run.step if project.run is not None else 0
