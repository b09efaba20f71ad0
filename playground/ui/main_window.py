"""MainWindow: lays out the views and controls around one Session and wires them together.

left = DataPanel + NetworkBuilder; centre = DataCanvas above NetworkDiagram; right =
TrainingControls, LossPlot, ActivationView; a bottom dock holds later insight views. Widgets
send requests to the session; everything shown comes from the session and its snapshots.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.snapshot import Snapshot
from playground.ui.activation_view import ActivationView
from playground.ui.data_canvas import DataCanvas
from playground.ui.data_panel import DataPanel
from playground.ui.file_actions import FileActions, settings
from playground.ui.loss_plot import LossPlot
from playground.ui.menus import WindowMenus
from playground.ui.network_builder import NetworkBuilder
from playground.ui.network_diagram import NetworkDiagram
from playground.ui.plot_stack import PlotStack
from playground.ui.session import Session
from playground.ui.training_controls import TrainingControls

__all__ = ["MainWindow", "settings"]

SECONDARY_S = 0.1  # minimum gap between loss-plot / activation-view updates while running
RIGHT_W = 370  # initial width of the right column; the centre takes the rest
STATUS_MS = {"info": 8000, "warning": 15000, "error": 0}  # how long a status text stays; 0: sticky


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
        self.files = FileActions(self)
        self.menus = WindowMenus(self)
        self._connect()
        self._refresh_all()
        if remember:
            self._restore_settings()
        self.update_title()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.data_panel = DataPanel()
        self.builder = NetworkBuilder()
        self.canvas = DataCanvas()
        self.diagram = NetworkDiagram()
        self.controls = TrainingControls()
        self.loss_plot = LossPlot()
        self.activation_view = ActivationView()

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

        self.right = self._build_right()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (scroll, self.centre, self.right):
            self.splitter.addWidget(w)
            self.splitter.setCollapsible(self.splitter.indexOf(w), False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.resize(1500, 940)
        self._initial_sizes()

        self.insights = QTabWidget()
        self.insight_dock = QDockWidget(self.tr("Insights"), self)
        self.insight_dock.setObjectName("insights")
        self.insight_dock.setWidget(self.insights)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.insight_dock)
        self.insight_dock.hide()

        self.progress_label = QLabel()
        self.progress_label.setMinimumWidth(560)  # steady width: no relayout per frame
        self.statusBar().addPermanentWidget(self.progress_label)

    def _build_right(self) -> QSplitter:
        """Training controls (scrolling only if the window is very short) above the loss plot
        and activation view, stacked when tall, as tabs when short (PlotStack)."""
        controls = QScrollArea()
        controls.setWidget(self.controls)
        controls.setWidgetResizable(True)
        controls.setFrameShape(QScrollArea.Shape.NoFrame)
        controls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_scroll = controls
        self.plots = PlotStack([self.loss_plot, self.activation_view],
                               [self.tr("Loss"), self.tr("Activation")])
        right = QSplitter(Qt.Orientation.Vertical)
        for w in (controls, self.plots):
            right.addWidget(w)
            right.setCollapsible(right.indexOf(w), False)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        return right

    def _fit_controls(self) -> None:
        """Give the controls their height again (stop rules unfolded or folded), as far as the
        plots' minimum allows; the plots take the rest."""
        total = sum(self.right.sizes())
        room = total - self.plots.minimumSizeHint().height() - self.right.handleWidth()
        controls = max(0, min(self.controls.sizeHint().height(), room))
        self.right.setSizes([controls, total - controls])

    def _initial_sizes(self) -> None:
        """Left: its content width; right: RIGHT_W; centre: the rest. Controls: their height."""
        left = self.left_scroll.minimumWidth()
        right = max(RIGHT_W, self.controls.minimumSizeHint().width() + 8)
        self.splitter.setSizes([left, max(400, self.width() - left - right), right])
        controls = self.controls.sizeHint().height()
        self.right.setSizes([controls, max(self.plots.minimumSizeHint().height(),
                                           self.height() - controls)])

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
        s.notice.connect(self.show_status)
        s.selectedLayerChanged.connect(self._on_selected)
        s.undoStateChanged.connect(self._on_undo_state)
        s.modifiedChanged.connect(lambda _m: self.update_title())

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
        c.stop_toggle.toggled.connect(lambda _on: QTimer.singleShot(0, self._fit_controls))

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

    def _on_spec(self) -> None:
        p = self.session.project
        spec = p.spec()
        self.builder.set_state(p.hidden, p.output, p.data.task, spec.n_outputs,
                               p.config.initializer, p.config.seed, p.config.features, p.data.dim)
        self.builder.set_selected(self.session.selected_layer)
        self._show_activation()
        QTimer.singleShot(0, self._fit_left)  # after the panels' layouts took the new texts

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
        self.activation_view.set_activation(layer.activation, layer.param)
        snap = self.session.latest_snapshot()
        if snap is not None and snap.spec.layers == layers:
            self.activation_view.show_snapshot(snap, self.session.selected_layer)

    def show_status(self, text: str, level: str = "info") -> None:
        """Show a status text; an "error" stays until the next one, others fade (STATUS_MS)."""
        self.statusBar().showMessage(text, STATUS_MS.get(level, STATUS_MS["info"]))

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

    # ------------------------------------------------------------------ files (FileActions)
    def confirm_discard(self) -> bool:
        return self.files.confirm_discard()

    def new_project(self) -> None:
        self.files.new_project()

    def open_experiment(self, name: str) -> None:
        self.files.open_experiment(name)

    def open_project(self, path=None) -> bool:
        return self.files.open_project(path)

    def save(self) -> bool:
        return self.files.save()

    def save_as(self, path=None) -> bool:
        return self.files.save_as(path)

    def export_csv(self, path=None) -> bool:
        return self.files.export_csv(path)

    # ------------------------------------------------------------------ title, settings, close
    def update_title(self) -> None:
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

