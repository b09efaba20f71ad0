"""MainWindow: lays out the views and controls around one Session and wires them together.

left = DataPanel + NetworkBuilder; centre = DataCanvas above NetworkDiagram; right =
TrainingControls, LossPlot, ActivationView; a bottom dock holds later insight views. Widgets
send requests to the session; everything shown comes from the session and its snapshots.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core import datasets
from playground.core.pointset import PointSet
from playground.core.project import (
    Project,
    ProjectError,
    experiment_names,
    load_experiment,
    load_project,
    save_project,
)
from playground.core.snapshot import Snapshot
from playground.core.spec import LayerSpec
from playground.ui.data_canvas import DataCanvas
from playground.ui.data_panel import DataPanel
from playground.ui.network_builder import NetworkBuilder
from playground.ui.network_diagram import NetworkDiagram
from playground.ui.session import Session
from playground.ui.training_controls import TrainingControls

try:  # the views engineer's files; until they land the window shows an empty frame there
    from playground.ui.loss_plot import LossPlot
except ImportError:  # pragma: no cover - transitional
    LossPlot = None
try:
    from playground.ui.activation_view import ActivationView
except ImportError:  # pragma: no cover - transitional
    ActivationView = None

ORG, APP = "ActivationPlayground", "activation-playground"
SECONDARY_S = 0.1  # minimum gap between loss-plot / activation-view updates while running
DEFAULT_HIDDEN = (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"))


def settings() -> QSettings:
    """The app's settings store (INI in the user's config folder; tests redirect it)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


class _Blank(QWidget):
    """Stands in for a view that is not built yet."""

    def show_snapshot(self, *args) -> None:
        pass


class MainWindow(QMainWindow):
    def __init__(self, session: Session, interactive: bool = True,
                 remember: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.interactive = interactive  # False: never ask questions (snapshot and test modes)
        self.remember = remember  # False: neither read nor write QSettings
        self.path: Path | None = None
        self.show_test = True
        self.discretize = False
        self.frames_painted = 0
        self._closed = False
        self._secondary_at = 0.0
        self._build()
        self.menus = self._build_menus()
        self._connect()
        self._refresh_all()
        if remember:
            self._restore_settings()
        self._update_title()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.data_panel = DataPanel()
        self.builder = NetworkBuilder()
        self.canvas = DataCanvas()
        self.diagram = NetworkDiagram()
        self.controls = TrainingControls()
        self.loss_plot = LossPlot() if LossPlot else _Blank()
        self.activation_view = ActivationView() if ActivationView else _Blank()

        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.data_panel)
        col.addWidget(self.builder)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.left_scroll, self.left = scroll, left
        self._fit_left()

        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.canvas)
        self.centre.addWidget(self.diagram)
        self.centre.setStretchFactor(0, 1)
        self.centre.setStretchFactor(1, 1)
        self.centre.setSizes([520, 480])

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.controls)
        self.right.addWidget(self.loss_plot)
        self.right.addWidget(self.activation_view)
        self.right.setStretchFactor(1, 1)
        self.right.setStretchFactor(2, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (scroll, self.centre, self.right):
            self.splitter.addWidget(w)
            self.splitter.setCollapsible(self.splitter.indexOf(w), False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.insights = QTabWidget()
        self.insight_dock = QDockWidget(self.tr("Insights"), self)
        self.insight_dock.setObjectName("insights")
        self.insight_dock.setWidget(self.insights)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.insight_dock)
        self.insight_dock.hide()

        self.progress_label = QLabel()
        self.progress_label.setMinimumWidth(560)  # steady width: no relayout per frame
        self.statusBar().addPermanentWidget(self.progress_label)
        self.resize(1500, 940)

    def _fit_left(self) -> None:
        """Keep the left column wide enough for its content (it scrolls only vertically)."""
        bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        need = max(self.left.minimumSizeHint().width(), self.left.sizeHint().width())
        self.left_scroll.setMinimumWidth(need + bar + 4)

    def add_insight_view(self, widget: QWidget, title: str) -> None:
        """Room for later views (hidden space, gradient flow, collapse, regions)."""
        self.insights.addTab(widget, title)

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        s = self.session
        s.dataChanged.connect(self._on_data)
        s.specChanged.connect(self._on_spec)
        s.configChanged.connect(self._on_config)
        s.snapshotReady.connect(self.paint)
        s.runningChanged.connect(self.controls.set_running)
        s.runningChanged.connect(lambda on: self.menus.play.setChecked(on))
        s.message.connect(self._on_message)
        s.selectedLayerChanged.connect(self._on_selected)
        s.undoStateChanged.connect(self._on_undo_state)
        s.modifiedChanged.connect(lambda _m: self._update_title())

        self.canvas.addRequested.connect(lambda x, y: s.add_point(x, y))
        self.canvas.removeRequested.connect(s.remove_point)
        self.canvas.moveRequested.connect(s.move_point)
        self.diagram.layerClicked.connect(s.select_layer)
        self.diagram.neuronClicked.connect(lambda layer, _unit: s.select_layer(layer))

        d = self.data_panel
        d.regenerateRequested.connect(lambda kw: s.set_dataset(**kw))
        d.showTestChanged.connect(self.set_show_test)
        d.discretizeChanged.connect(self.set_discretize)
        d.classChanged.connect(self.set_current_class)
        d.eraserToggled.connect(self.canvas.set_eraser)
        d.clearRequested.connect(s.clear_points)
        d.undoRequested.connect(s.undo)
        d.redoRequested.connect(s.redo)

        b = self.builder
        b.hiddenChanged.connect(s.set_hidden)
        b.outputChanged.connect(s.set_output)
        b.initializerChanged.connect(lambda name: s.set_config(initializer=name))
        b.seedChanged.connect(lambda seed: s.set_config(seed=seed))
        b.featuresChanged.connect(s.set_features)
        b.layerSelected.connect(s.select_layer)

        c = self.controls
        c.playToggled.connect(s.toggle_play)
        c.stepRequested.connect(s.step_epoch)
        c.resetRequested.connect(s.reset)
        c.reinitRequested.connect(s.reinitialize)
        c.configEdited.connect(lambda changes: s.set_config(**changes))
        c.speedChanged.connect(s.set_speed)
        c.stopRulesChanged.connect(lambda rules: s.set_stop_rules(*rules))

    # ------------------------------------------------------------------ session → widgets
    def _refresh_all(self) -> None:
        self._on_data()
        self._on_config()
        self._on_undo_state()
        self._on_selected(self.session.selected_layer)
        self.controls.set_running(self.session.running)
        self.controls.set_speed(self.session.speed)

    def _on_data(self) -> None:
        p = self.session.project
        self.canvas.set_points(p.data, self.show_test)
        self.data_panel.set_state(p.dataset, p.data.task, p.data.n_classes)
        self.data_panel.set_current_class(self.session.current_class)
        self._on_spec()
        QTimer.singleShot(0, self._fit_left)  # after the panels' layouts took the new texts

    def _on_spec(self) -> None:
        p = self.session.project
        spec = p.spec()
        self.builder.set_state(p.hidden, p.output, p.data.task, spec.n_outputs,
                               p.config.initializer, p.config.seed, p.config.features, p.data.dim)
        self.builder.set_selected(self.session.selected_layer)
        self._show_activation()

    def _on_config(self) -> None:
        self.controls.set_config(self.session.project.config)
        self._on_spec()

    def _on_undo_state(self) -> None:
        s = self.session
        self.data_panel.set_undo_state(s.can_undo(), s.can_redo())
        self.menus.undo.setEnabled(s.can_undo())
        self.menus.redo.setEnabled(s.can_redo())

    def _on_selected(self, i: int) -> None:
        self.builder.set_selected(i)
        self.diagram.set_selected_layer(i)
        self._show_activation()

    def _show_activation(self) -> None:
        layers = self.session.project.spec().layers
        layer = layers[min(self.session.selected_layer, len(layers) - 1)]
        if hasattr(self.activation_view, "set_activation"):
            self.activation_view.set_activation(layer.activation, layer.param)
        snap = self.session.latest_snapshot()
        if snap is not None and snap.spec.layers == layers:
            self.activation_view.show_snapshot(snap, self.session.selected_layer)

    def _on_message(self, text: str) -> None:
        sticky = "diverged" in text or "error" in text
        self.statusBar().showMessage(text, 0 if sticky else 8000)

    def set_show_test(self, on: bool) -> None:
        self.show_test = bool(on)
        self.canvas.set_points(self.session.project.data, self.show_test)
        self.menus.show_test.setChecked(self.show_test)
        self.data_panel.set_view_options(self.show_test, self.discretize)

    def set_discretize(self, on: bool) -> None:
        self.discretize = bool(on)
        self.menus.discretize.setChecked(self.discretize)
        self.data_panel.set_view_options(self.show_test, self.discretize)
        snap = self.session.latest_snapshot()
        if snap is not None:
            self.canvas.show_snapshot(snap, self.discretize)

    def set_current_class(self, k: int) -> None:
        self.session.set_current_class(k)
        self.canvas.set_current_class(self.session.current_class)
        self.data_panel.set_current_class(self.session.current_class)

    def paint(self, snap: Snapshot) -> None:
        """Show one snapshot (called at most once per frame by the session).

        The data canvas, diagram and counters update every frame; while training runs, the loss
        plot and activation view update at most every SECONDARY_S (a curve moving at 10 Hz
        reads as smooth, and it leaves the frame budget to the maps). A paused snapshot
        updates everything.
        """
        self.frames_painted += 1
        self.canvas.show_snapshot(snap, self.discretize)
        self.diagram.show_snapshot(snap)
        now = time.perf_counter()
        if not snap.running or now - self._secondary_at >= SECONDARY_S:
            self._secondary_at = now
            self.loss_plot.show_snapshot(snap)
            layer = min(self.session.selected_layer, len(snap.spec.layers) - 1)
            self.activation_view.show_snapshot(snap, layer)
        self.controls.set_progress(snap.step, snap.epoch, snap.train_loss)
        self.progress_label.setText(self._progress_text(snap))

    def _progress_text(self, snap: Snapshot) -> str:
        parts = [self.tr("epoch %1").replace("%1", f"{snap.epoch:,}"),
                 self.tr("loss %1").replace("%1", f"{snap.train_loss:.4f}")]
        if snap.test_loss is not None:
            parts.append(self.tr("test loss %1").replace("%1", f"{snap.test_loss:.4f}"))
        if snap.train_accuracy is not None:
            acc = f"{100 * snap.train_accuracy:.0f}%"
            if snap.test_accuracy is not None:
                acc += f" / {100 * snap.test_accuracy:.0f}%"
            parts.append(self.tr("accuracy (train / test) %1").replace("%1", acc))
        return "   ·   ".join(parts)

    # ------------------------------------------------------------------ menus and actions
    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> SimpleNamespace:
        s, bar, m = self.session, self.menuBar(), SimpleNamespace()
        self.menus = m
        f = bar.addMenu(self.tr("&File"))
        self._action(f, self.tr("&New"), self.new_project, QKeySequence.StandardKey.New,
                     self.tr("Start from an empty plane: draw your own points."))
        self._action(f, self.tr("&Open…"), lambda: self.open_project(),
                     QKeySequence.StandardKey.Open, self.tr("Open a saved project (.json)."))
        self._action(f, self.tr("&Save"), lambda: self.save(), QKeySequence.StandardKey.Save,
                     self.tr("Save points, network, settings and the current weights."))
        self._action(f, self.tr("Save &As…"), lambda: self.save_as(), "Ctrl+Shift+S")
        experiments = f.addMenu(self.tr("Open &experiment"))
        for name in experiment_names():
            self._action(experiments, name, lambda _=False, n=name: self.open_experiment(n))
        f.addSeparator()
        self._action(f, self.tr("Export points as &CSV…"), lambda: self.export_csv(),
                     tip=self.tr("x, y, label and train/test split of every point."))
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        e = bar.addMenu(self.tr("&Edit"))
        m.undo = self._action(e, self.tr("&Undo"), s.undo, QKeySequence.StandardKey.Undo,
                              self.tr("Undo the last change to the points."))
        m.redo = self._action(e, self.tr("&Redo"), s.redo, "Ctrl+Shift+Z")
        self._action(e, self.tr("&Clear points"), s.clear_points,
                     tip=self.tr("Remove every point (undoable)."))

        t = bar.addMenu(self.tr("&Train"))
        m.play = self._action(t, self.tr("&Play / Pause"), lambda _on: s.toggle_play(),
                              "Space", self.tr("Start or pause training."), checkable=True)
        m.play.toggled.disconnect()
        m.play.triggered.connect(lambda _on: s.toggle_play())
        self._action(t, self.tr("&Step one epoch"), s.step_epoch, "S",
                     self.tr("One pass over the training points, then pause."))
        self._action(t, self.tr("&Reset"), s.reset, "R",
                     self.tr("Back to the same initial weights: replay the same run."))
        self._action(t, self.tr("Re-&initialize"), lambda: s.reinitialize(), "Shift+R",
                     self.tr("New random initial weights (the next seed)."))

        v = bar.addMenu(self.tr("&View"))
        m.show_test = self._action(v, self.tr("Show &test points"), self.set_show_test,
                                   tip=self.tr("Test points are held out: the network never "
                                               "trains on them."), checkable=True)
        m.discretize = self._action(v, self.tr("&Discretize output"), self.set_discretize,
                                    tip=self.tr("Colour by the predicted class only."),
                                    checkable=True)
        if hasattr(self.loss_plot, "set_log_scale"):
            self._action(v, self.tr("&Log-scale loss"), self.loss_plot.set_log_scale,
                         checkable=True)
        v.addAction(self.insight_dock.toggleViewAction())
        v.addSeparator()
        for k in range(6):
            self._action(v, self.tr("Draw class %1").replace("%1", str(k + 1)),
                         lambda _=False, k=k: self.set_current_class(k), str(k + 1))

        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("Why &non-linear activations?"), self.show_why)
        self._action(h, self.tr("&About"), self.show_about)
        m.show_test.setChecked(True)
        return m

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current project (saved, or the user agreed)."""
        if not self.interactive or not self.session.modified:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This project has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _replace(self, project, path: Path | None) -> None:
        self.path = path
        self.session.load_project(project)
        self._update_title()

    def new_project(self) -> None:
        if self.confirm_discard():
            data = PointSet(np.zeros((0, 2)), np.zeros(0, np.int64))
            self._replace(Project(data, DEFAULT_HIDDEN, name=self.tr("Untitled")), None)

    def open_experiment(self, name: str) -> None:
        if self.confirm_discard():
            self._replace(load_experiment(name), None)

    def _ask_path(self, save: bool, title: str, filt: str, suffix: str) -> Path | None:
        folder = settings().value("files/last_dir", str(Path.home())) if self.remember else ""
        ask = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        name, _ = ask(self, title, str(folder), filt)
        if not name:
            return None
        path = Path(name)
        if save and not path.suffix:
            path = path.with_suffix(suffix)
        if self.remember:
            settings().setValue("files/last_dir", str(path.parent))
        return path

    def _error(self, title: str, text: str) -> None:
        self._on_message(text)
        if self.interactive:
            QMessageBox.warning(self, title, text)

    def open_project(self, path=None) -> bool:
        if not self.confirm_discard():
            return False
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(False, self.tr("Open project"), filt, "")
        if path is None:
            return False
        try:
            project = load_project(path)
        except ProjectError as exc:
            self._error(self.tr("Cannot open the project"), str(exc))
            return False
        self._replace(project, path)
        return True

    def save(self) -> bool:
        return self.save_as(self.path) if self.path else self.save_as()

    def save_as(self, path=None) -> bool:
        filt = self.tr("Projects (*.json)")
        path = Path(path) if path else self._ask_path(True, self.tr("Save project"), filt, ".json")
        if path is None:
            return False
        try:
            save_project(self.session.current_project(), path)
        except (OSError, ProjectError) as exc:
            self._error(self.tr("Cannot save the project"), str(exc))
            return False
        self.path = path
        self.session.mark_saved()
        self._update_title()
        self._on_message(self.tr("Saved %1").replace("%1", str(path)))
        return True

    def export_csv(self, path=None) -> bool:
        filt = self.tr("CSV files (*.csv)")
        path = Path(path) if path else self._ask_path(True, self.tr("Export points"), filt, ".csv")
        if path is None:
            return False
        try:
            datasets.to_csv(self.session.project.data, path, include_split=True)
        except OSError as exc:
            self._error(self.tr("Cannot export the points"), str(exc))
            return False
        return True

    def show_why(self) -> None:
        QMessageBox.information(self, self.tr("Why non-linear activations?"), self.tr(
            "Each layer computes z = W·a + b. Without a bend between layers, two layers give "
            "W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): again a single linear map, so a deep "
            "stack of linear layers can only draw a straight boundary.\n\n"
            "An activation such as tanh or ReLU bends each unit's output. Combining bent "
            "pieces lets the network draw curved boundaries — try XOR with linear layers, "
            "then switch one layer to tanh while it trains."))

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Activation Playground"), self.tr(
            "Activation Playground: build, train and watch a small neural network on your own "
            "2-D points, and see why it needs non-linear activations."))

    # ------------------------------------------------------------------ title, settings, close
    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.session.project.name or self.tr("Untitled"))
        star = "*" if self.session.modified else ""
        self.setWindowTitle(f"{name}{star} — Activation Playground")

    def _restore_settings(self) -> None:
        st = settings()
        if st.value("window/geometry") is not None:
            self.restoreGeometry(st.value("window/geometry"))
            self.restoreState(st.value("window/state"))
            self.splitter.restoreState(st.value("window/splitter"))
            self.centre.restoreState(st.value("window/centre"))
            self.right.restoreState(st.value("window/right"))
        self.set_show_test(st.value("view/show_test", True, type=bool))
        self.set_discretize(st.value("view/discretize", False, type=bool))
        speed = st.value("train/speed", 0, type=int)
        self.session.set_speed(speed)
        self.controls.set_speed(speed)

    def save_settings(self) -> None:
        st = settings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())
        st.setValue("window/splitter", self.splitter.saveState())
        st.setValue("window/centre", self.centre.saveState())
        st.setValue("window/right", self.right.saveState())
        st.setValue("view/show_test", self.show_test)
        st.setValue("view/discretize", self.discretize)
        st.setValue("train/speed", self.session.speed)
        st.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self._closed and not self.confirm_discard():
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            if self.remember:
                self.save_settings()
            self.session.shutdown()
        event.accept()

