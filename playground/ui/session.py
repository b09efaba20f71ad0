"""Session: the one model the window reads (GUI thread). Owns the Project and the training worker.

Widgets call request methods; the session validates, updates the Project, tells the worker and
emits change signals. Snapshots from the worker are dropped unless their run id is current, and
are handed to the views from a single-shot frame timer, so at most one waits at a time.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from playground.core import datasets
from playground.core import project as projects
from playground.core.pointset import PointSet
from playground.core.project import DEFAULT_EXPERIMENT, Project, load_experiment
from playground.core.snapshot import Snapshot
from playground.core.snapshot_builder import DEFAULT_RES
from playground.core.spec import MAX_HIDDEN_LAYERS, LayerSpec
from playground.ui.core_strings import message_level, translate_message
from playground.ui.undo import UndoHistory
from playground.ui.worker import Load, WorkerThread

FRAME_MS = 25  # minimum gap between frames handed to the views
INFO, WARNING, ERROR = "info", "warning", "error"  # status levels (notice signal)


class Session(QObject):
    dataChanged = Signal()
    specChanged = Signal()
    configChanged = Signal()
    snapshotReady = Signal(object)
    runningChanged = Signal(bool)
    message = Signal(str)  # a status text in the installed language
    notice = Signal(str, str)  # the same text and its level: INFO, WARNING or ERROR
    selectedLayerChanged = Signal(int)
    undoStateChanged = Signal()
    modifiedChanged = Signal(bool)
    projectReplaced = Signal()  # a new project was loaded: every widget refreshes

    def __init__(self, project: Project | None = None, parent: QObject | None = None,
                 res: int = DEFAULT_RES):
        super().__init__(parent)
        self._project = project if project is not None else load_experiment(DEFAULT_EXPERIMENT)
        self._run_id, self._seq = 1, 0
        self._play_seq = 0  # seq of the last Play: a stop seen before it is stale
        self._saved_step = 0  # training step of the weights last saved or loaded
        self._running = False
        self._selected = 0
        self._class = 0
        self._speed = 0
        self._history: UndoHistory[tuple[PointSet, dict | None]] = UndoHistory()
        self._modified = False
        self._latest: Snapshot | None = None
        self._latest_seq = 0
        self._pending = False
        self._last_frame = 0.0
        self.frames = 0  # frames handed to the views (the GUI benchmark counts them)
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.timeout.connect(self._flush)
        self._thread: WorkerThread | None = WorkerThread(self._load(keep=False), res)
        worker = self._thread.worker
        worker.snapshotReady.connect(self._on_snapshot)
        worker.stopped.connect(self._on_stopped)
        worker.failed.connect(self._on_failed)
        self._thread.start()

    # ------------------------------------------------------------------ properties
    @property
    def project(self) -> Project:
        return self._project

    @property
    def running(self) -> bool:
        return self._running

    @property
    def selected_layer(self) -> int:
        return self._selected

    @property
    def current_class(self) -> int:
        return self._class

    @property
    def task(self) -> str:
        return self._project.data.task

    @property
    def modified(self) -> bool:
        return self._modified

    @property
    def speed(self) -> int:
        return self._speed

    def latest_snapshot(self) -> Snapshot | None:
        return self._latest

    def current_project(self) -> Project:
        """The project with the live weights of the latest snapshot (for saving)."""
        return projects.with_snapshot_weights(self._project, self._latest)

    # ------------------------------------------------------------------ worker plumbing
    def _post(self, name: str, payload=None) -> int:
        self._seq += 1
        if self._thread is not None:
            self._thread.worker.post(self._seq, name, payload)
        return self._seq

    def _load(self, keep: bool, params=None) -> Load:
        p = self._project
        return Load(p.spec(), p.data, p.config, self._run_id, params, keep)

    def _rebuild(self, keep: bool = True, params=None) -> None:
        self._run_id += 1
        self._post("load", self._load(keep, params))

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
        if not self._pending:
            return
        self._pending = False
        if self._latest.run_id != self._run_id:
            return  # a reset or structural edit came after it arrived
        self._last_frame = time.perf_counter()
        self.frames += 1
        if self._latest.step not in (0, self._saved_step):
            self._set_modified()  # trained weights are work too: closing asks to save them
        self.snapshotReady.emit(self._latest)

    def _say(self, text: str, level: str = INFO) -> None:
        self.message.emit(text)
        self.notice.emit(text, level)

    @Slot(str, int)
    def _on_stopped(self, reason: str, seq: int) -> None:
        if seq >= self._play_seq:  # no Play sent after the command the loop last applied
            self._set_running(False)
        if reason:  # empty after an internal error, which `failed` reported
            self._say(translate_message(reason), message_level(reason))

    @Slot(str, int)
    def _on_failed(self, text: str, _seq: int) -> None:
        self._say(translate_message(text), ERROR)

    def sync(self, timeout_s: float = 30.0) -> Snapshot | None:
        """Block (processing events) until a snapshot reflecting every command so far arrived."""
        target = self._post("snapshot")
        deadline = time.perf_counter() + timeout_s
        while self._latest_seq < target and time.perf_counter() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.001)
        self._flush()
        return self._latest

    def train_steps(self, n: int, timeout_s: float = 60.0) -> Snapshot | None:
        """Train n steps now (paused), wait for the result; used by --snapshot mode."""
        self.pause()
        self._post("steps", int(n))
        return self.sync(timeout_s)

    def shutdown(self) -> None:
        """Stop the worker thread and wait for it (idempotent)."""
        self._frame_timer.stop()
        if self._thread is not None:
            self._thread.close()
            self._thread = None

    # ------------------------------------------------------------------ project
    def _set_modified(self, on: bool = True) -> None:
        if on != self._modified:
            self._modified = on
            self.modifiedChanged.emit(on)

    def load_project(self, project: Project) -> None:
        """Replace the whole project (New / Open / experiment); weights come from the project."""
        self._set_running(False)
        self._project = project
        self._history.clear()
        self._selected = 0
        self._latest = None
        self._saved_step = 0
        self._rebuild(keep=False, params=project.params)
        self._set_modified(False)
        self.projectReplaced.emit()
        for sig in (self.dataChanged, self.specChanged, self.configChanged, self.undoStateChanged):
            sig.emit()
        self.selectedLayerChanged.emit(0)

    def mark_saved(self) -> None:
        self._saved_step = self._latest.step if self._latest is not None else 0
        self._set_modified(False)

    def set_view(self, **changes) -> None:
        self._project = replace(self._project, view={**self._project.view, **changes})

    # ------------------------------------------------------------------ network
    def _apply_structure(self, project: Project) -> bool:
        try:
            projects.check_structure(project)
        except (ValueError, KeyError) as exc:
            self._say(str(exc), WARNING)
            return False
        self._project = replace(project, params=None)
        self._rebuild(keep=True)
        self._set_modified()
        self.specChanged.emit()
        return True

    def set_hidden(self, hidden) -> None:
        hidden = tuple(hidden)
        if len(hidden) > MAX_HIDDEN_LAYERS or not all(isinstance(h, LayerSpec) for h in hidden):
            self._say(self.tr("At most %d hidden layers.") % MAX_HIDDEN_LAYERS, WARNING)
            return
        if hidden == self._project.hidden:
            return
        if self._apply_structure(replace(self._project, hidden=hidden)):
            self.select_layer(min(self._selected, len(hidden)))

    def set_output(self, head: str | None) -> None:
        if head != self._project.output:
            config = replace(self._project.config, loss=None)
            self._apply_structure(replace(self._project, output=head, config=config))

    def set_features(self, features) -> None:
        features = tuple(features)
        if not features:
            self._say(self.tr("Keep at least one input feature."), WARNING)
            return
        if features != self._project.config.features:
            config = replace(self._project.config, features=features)
            if self._apply_structure(replace(self._project, config=config)):
                self.configChanged.emit()

    def select_layer(self, i: int) -> None:
        i = max(0, min(int(i), len(self._project.hidden)))  # len(hidden) = the output layer
        if i != self._selected:
            self._selected = i
            self.selectedLayerChanged.emit(i)

    # ------------------------------------------------------------------ training config
    def set_config(self, **changes) -> None:
        old = self._project.config
        try:
            config = replace(old, **changes)
        except (ValueError, KeyError, TypeError) as exc:
            self._say(str(exc), WARNING)
            self.configChanged.emit()  # let the controls show the kept value again
            return
        if config == old:
            return
        self._project = replace(self._project, config=config)
        self._post("config", config)
        if (config.seed, config.initializer) != (old.seed, old.initializer):
            self._run_id += 1
            self._post("reinit", (config.seed, self._run_id))
            self._set_running(False)
        self._set_modified()
        self.configChanged.emit()

    def set_speed(self, steps_per_frame: int) -> None:
        self._speed = max(0, int(steps_per_frame))
        self._post("speed", self._speed)

    def set_stop_rules(self, max_epochs: int | None, target_loss: float | None) -> None:
        self._post("stop_rules", (max_epochs, target_loss))

    # ------------------------------------------------------------------ run control
    def _set_running(self, on: bool) -> None:
        if on != self._running:
            self._running = on
            self.runningChanged.emit(on)

    def play(self) -> None:
        self._play_seq = self._post("run", True)
        self._set_running(True)

    def pause(self) -> None:
        self._post("run", False)
        self._set_running(False)

    def toggle_play(self) -> None:
        self.pause() if self._running else self.play()

    def step_epoch(self) -> None:
        self._set_running(False)
        self._post("epoch")

    def reset(self) -> None:
        self._set_running(False)
        self._run_id += 1
        self._post("reset", self._run_id)
        self._say(self.tr("Reset to the initial weights."))

    def reinitialize(self, seed: int | None = None) -> None:
        seed = self._project.config.seed + 1 if seed is None else int(seed)
        self.set_config(seed=seed)
        self._say(self.tr("New initial weights (seed %d).") % seed)

    # ------------------------------------------------------------------ data (undoable)
    def set_current_class(self, k: int) -> None:
        self._class = max(0, min(int(k), datasets.MAX_CLASSES - 1))

    def _set_data(self, data: PointSet, dataset: dict | None) -> None:
        p = self._project
        self._history.record((p.data, p.dataset))
        self._replace_data(data, dataset)

    def _replace_data(self, data: PointSet, dataset: dict | None) -> None:
        old = self._project.data
        self._project = projects.with_fitting_overrides(
            replace(self._project, data=data, dataset=dataset, params=None))
        same = (old.task, old.n_outputs, old.dim) == (data.task, data.n_outputs, data.dim)
        if same:
            self._post("data", data)
        else:
            self._rebuild(keep=True)
            self.specChanged.emit()
        self._set_modified()
        self.dataChanged.emit()
        self.undoStateChanged.emit()

    def add_point(self, x: float, y: float, cls: int | None = None) -> None:
        data = self._project.data
        cls = self._class if cls is None else int(cls)
        if data.dim == 1:  # 1-D regression: the plane shows x against the target
            self._set_data(data.add_point([x], float(y)), None)
        elif data.dim != 2:
            self._say(self.tr("Points can only be drawn on 2-D data."), WARNING)
        elif data.task == "regression":
            self._set_data(data.add_point([x, y], 1.0 if cls else -1.0), None)
        else:
            cls = max(0, min(cls, datasets.MAX_CLASSES - 1))
            if cls >= data.n_classes:  # a new class: the task becomes multiclass
                data = replace(data, task="multiclass", n_classes=cls + 1)
            self._set_data(data.add_point([x, y], cls), None)

    def remove_point(self, index: int) -> None:
        if 0 <= index < self._project.data.n:
            self._set_data(self._project.data.remove_point(index), None)

    def move_point(self, index: int, x: float, y: float) -> None:
        data = self._project.data
        if 0 <= index < data.n and data.dim in (1, 2):
            if data.dim == 1:  # x moves the point, y is its target
                targets = data.y.copy()
                targets[index] = y
                moved = replace(data.move_point(index, [x]), y=targets)
            else:
                moved = data.move_point(index, [x, y])
            self._set_data(moved, None)  # the canvas sends one request per drag

    def clear_points(self) -> None:
        data = self._project.data
        if data.n:
            keep = np.zeros(data.n, bool)
            empty = replace(data, X=data.X[keep], y=data.y[keep], is_test=data.is_test[keep])
            self._set_data(empty, None)

    def set_dataset(self, name: str, n: int = 500, noise: float = 0.0, classes: int = 2,
                    test_fraction: float = 0.5, seed: int = 0) -> None:
        try:
            data = datasets.generate(name, n, noise, seed, classes, test_fraction)
        except (ValueError, KeyError) as exc:
            self._say(str(exc), WARNING)
            return
        settings = {"name": name, "n": n, "noise": noise, "seed": seed, "classes": classes,
                    "test_fraction": test_fraction}
        self._set_data(data, settings)

    def can_undo(self) -> bool:
        return self._history.can_undo()

    def can_redo(self) -> bool:
        return self._history.can_redo()

    def undo(self) -> None:
        state = self._history.undo((self._project.data, self._project.dataset))
        if state is not None:
            self._replace_data(*state)

    def redo(self) -> None:
        state = self._history.redo((self._project.data, self._project.dataset))
        if state is not None:
            self._replace_data(*state)
