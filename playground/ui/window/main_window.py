"""MainWindow: lays out the views and controls around one Session and wires them together.

left = DataPanel + NetworkBuilder; centre = DataCanvas above NetworkDiagram; right =
TrainingControls, LossPlot, ActivationView. Widgets send requests to the session; everything
shown comes from the session's state and its snapshots.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.core.files.project import Project
from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.i18n.core_strings import tr_core
from playground.ui.panels.data_panel import DataPanel
from playground.ui.panels.network_builder import NetworkBuilder
from playground.ui.panels.training_controls import TrainingControls
from playground.ui.session import Session
from playground.ui.views.activation_view import ActivationView
from playground.ui.views.data_canvas import DataCanvas
from playground.ui.views.loss_plot import LossPlot
from playground.ui.views.network_diagram import NetworkDiagram
from playground.ui.views.regions_overlay import RegionsOverlay
from playground.ui.window import settings as app_settings
from playground.ui.window.file_actions import FileActions
from playground.ui.window.import_points import FileDrops
from playground.ui.window.insights import InsightArea
from playground.ui.window.lessons_dock import LessonsDock
from playground.ui.window.menus import WindowMenus
from playground.ui.window.plot_stack import PlotStack
from playground.ui.window.shortcuts import TrainingKeys
from playground.ui.window.view_pictures import ViewPictures
from playground.ui.window.window_session import WindowSession
from playground.ui.window.wiring import connect_panels, progress_text

SECONDARY_S = 0.1  # minimum gap between loss-plot / activation-view updates while running
RIGHT_W = 370  # initial width of the right column; the centre takes the rest
CENTRE_MIN_W = 480  # a dock that leaves the centre less narrows the right column first
DIAGRAM_MIN_H = 150  # px: the network diagram stays readable under docked insight views
COMPACT_BELOW_H = 860  # window height below which the training controls take less room
STATUS_MS = {"info": 8000, "warning": 15000, "error": 0}  # how long a status text stays; 0: sticky


class MainWindow(QMainWindow):
    languageRequested = Signal(str)  # the window host rebuilds the window in that language
    scaleRequested = Signal(float)  # … at that UI scale
    presentationRequested = Signal(bool)  # … full screen and larger, or back

    def __init__(
        self,
        session: Session,
        interactive: bool = True,
        remember: bool = True,
        parent: QWidget | None = None,
        fast_start: bool = False,
    ):
        super().__init__(parent)
        self._fast_start = fast_start  # insight views built by finish_start()
        self.session = WindowSession(session, self)  # connections die with this window
        self.remember = remember  # False: neither read nor write QSettings
        self.frames_painted = 0
        self._closed = False
        self._secondary_at = 0.0
        self._build()
        self.files = FileActions(session, self, interactive, remember, self.show_status)
        self.pictures = ViewPictures(self)  # right-click ▸ Export as PNG / SVG, Copy image
        self.drops = FileDrops(self, self.files, self.files.points)
        self.lessons = LessonsDock(self, self.session, self.files, remember)
        self.menus = WindowMenus(
            self,
            self.session,
            self.files,
            self.loss_plot.set_log_scale,
            self.insights.toolbar.actions(),
            self.lessons,
        )
        self.menus.languageChosen.connect(self.languageRequested.emit)
        self.menus.scaleChosen.connect(self.scaleRequested.emit)
        self.menus.presentation.toggled.connect(self.presentationRequested.emit)
        connect_panels(self)
        self.keys = TrainingKeys(
            self,
            {
                Qt.Key.Key_Space: self.menus.play,
                Qt.Key.Key_S: self.menus.step,
                Qt.Key.Key_R: self.menus.reset,
            },
        )
        self._connect()
        self._refresh_all()
        if remember:
            app_settings.restore_window(self)
        if app_settings.fit_to_screen(self):  # sizes remembered from a larger screen go
            self._initial_sizes()
            self.lessons.fit_when_shown()
        self.update_title()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.data_panel = DataPanel()
        self.builder = NetworkBuilder()
        self.canvas = DataCanvas()
        self.regions = RegionsOverlay(self.canvas)
        self.diagram = NetworkDiagram()
        self.controls = TrainingControls()
        self.loss_plot = LossPlot()
        self.activation_view = ActivationView()
        self.left_scroll = self._build_left()
        self.centre = QSplitter(Qt.Orientation.Vertical)
        self.centre.addWidget(self.canvas)
        self.centre.addWidget(self.diagram)
        self.centre.setStretchFactor(0, 1)
        self.centre.setStretchFactor(1, 1)
        self.diagram.setMinimumHeight(int(DIAGRAM_MIN_H * scale.factor()))  # docks never crush it
        self.centre.setSizes([520, 480])
        self.insights = InsightArea(self.session, self.centre, defer_views=self._fast_start)
        self.right = self._build_right()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for w in (self.left_scroll, self.insights, self.right):
            self.splitter.addWidget(w)
            self.splitter.setCollapsible(self.splitter.indexOf(w), False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.resize(1500, 940)
        self._initial_sizes()
        self.progress_label = QLabel()
        self.progress_label.setMinimumWidth(560)  # steady width: no relayout per frame
        self.statusBar().addPermanentWidget(self.progress_label)

    def _build_left(self) -> QScrollArea:
        self.left = QWidget()
        col = QVBoxLayout(self.left)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.data_panel)
        col.addWidget(self.builder)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # always there, so the content never reflows (and buttons never move) when it appears
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.left_scroll = scroll
        self._fit_left()
        return scroll

    def _build_right(self) -> QSplitter:
        """Training controls (scrolling only if the window is very short) above the loss plot
        and activation view, stacked when tall, as tabs when short (PlotStack)."""
        controls = QScrollArea()
        controls.setWidget(self.controls)
        controls.setWidgetResizable(True)
        controls.setFrameShape(QScrollArea.Shape.NoFrame)
        controls.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_scroll = controls
        self.plots = PlotStack(
            [self.loss_plot, self.activation_view], [self.tr("Loss"), self.tr("Activation")]
        )
        right = QSplitter(Qt.Orientation.Vertical)
        for w in (controls, self.plots):
            right.addWidget(w)
            right.setCollapsible(right.indexOf(w), False)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        return right

    def fit_controls(self) -> None:
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
        self.right.setSizes(
            [controls, max(self.plots.minimumSizeHint().height(), self.height() - controls)]
        )

    def resizeEvent(self, event) -> None:
        compact = event.size().height() < COMPACT_BELOW_H * scale.factor()
        if compact != self.controls.is_compact():
            self.controls.set_compact(compact)
            QTimer.singleShot(0, self.fit_controls)
        super().resizeEvent(event)
        if hasattr(self, "lessons") and self.lessons.dock.isVisible():
            QTimer.singleShot(0, self.lessons.fit_width)  # a narrower window: a narrower dock

    def centre_is_narrow(self) -> bool:
        return self.splitter.sizes()[1] < CENTRE_MIN_W

    def right_column_need(self) -> int:
        """The right column's narrowest: its controls (and their scroll bar, shown when the
        window is short), or the plots under them if wider."""
        bar = self.controls_scroll.verticalScrollBar().sizeHint().width()
        controls = self.controls.minimumSizeHint().width() + bar + 8
        return max(controls, self.right.minimumSizeHint().width())

    def give_centre_room(self) -> None:
        """When a side dock leaves the centre under CENTRE_MIN_W, the right column gives up
        width down to what its controls need; the centre takes it."""
        left, centre, right = self.splitter.sizes()
        spare = right - self.right_column_need()
        give = min(max(0, CENTRE_MIN_W - centre), max(0, spare))
        if give:
            self.splitter.setSizes([left, centre + give, right - give])

    def snap_left(self) -> None:
        """The left column at its content's width now (restored sizes come from another
        language or scale); the centre takes the difference, the right column keeps its."""
        self._fit_left()
        left, centre, right = self.splitter.sizes()
        need = self.left_scroll.minimumWidth()
        self.splitter.setSizes([need, max(0, centre + left - need), right])

    def fit_left(self) -> None:
        """Keep the left column wide enough for its content (it scrolls only vertically)."""
        QTimer.singleShot(0, self._fit_left)  # after the panels' layouts took the new texts

    def _fit_left(self) -> None:
        bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        need = max(self.left.minimumSizeHint().width(), self.left.sizeHint().width())
        self.left_scroll.setMinimumWidth(need + bar + 4)

    def finish_start(self) -> None:
        """What a fast start left for after the first paint: the insight views."""
        self.insights.build_views()

    # ------------------------------------------------------------------ session → window
    def _connect(self) -> None:
        s = self.session
        s.snapshotReady.connect(self.paint)
        s.notice.connect(self.show_status)
        s.modifiedChanged.connect(lambda _m: self.update_title())
        s.pathChanged.connect(self.update_title)
        s.projectReplaced.connect(self.update_title)
        s.projectReplaced.connect(self.loss_plot.clear)
        s.viewChanged.connect(self._on_view)
        s.selectedLayerChanged.connect(lambda _i: self.show_activation())
        s.specChanged.connect(self.show_activation)

    def _refresh_all(self) -> None:
        self.show_activation()
        self._on_view()

    def _on_view(self) -> None:
        snap = self.session.latest_snapshot()
        if snap is not None:
            self.canvas.show_snapshot(snap, self.session.discretize)

    def show_activation(self) -> None:
        layers = self.session.project.spec().layers
        layer = layers[min(self.session.selected_layer, len(layers) - 1)]
        self.activation_view.set_activation(layer.activation, layer.param)
        snap = self.session.latest_snapshot()
        if snap is not None and snap.spec.layers == layers:
            self.activation_view.show_snapshot(snap, self.session.selected_layer)

    def show_status(self, text: str, level: str = "info") -> None:
        """Show a status text; an "error" stays until the next one, others fade (STATUS_MS)."""
        self.statusBar().showMessage(text, STATUS_MS.get(level, STATUS_MS["info"]))

    def paint(self, snap: Snapshot) -> None:
        """Show one snapshot (called at most once per frame by the session).

        The data canvas, diagram and counters update every frame; while training runs, the loss
        plot and activation view update at most every SECONDARY_S (a curve moving at 10 Hz
        reads as smooth, and it leaves the frame budget to the maps). A paused snapshot
        updates everything.
        """
        self.frames_painted += 1
        self.canvas.show_snapshot(snap, self.session.discretize)
        self.canvas.show_single_map(_single_map(snap) if self.session.view.single_map else None)
        if self.session.view.regions:
            self.regions.show_payload((snap.insights or {}).get("regions"))
        self.diagram.show_snapshot(snap)
        self.insights.paint(snap)
        now = time.perf_counter()
        if not snap.running or now - self._secondary_at >= SECONDARY_S:
            self._secondary_at = now
            self.loss_plot.show_snapshot(snap)
            layer = min(self.session.selected_layer, len(snap.spec.layers) - 1)
            self.activation_view.show_snapshot(snap, layer)
        self.controls.set_progress(snap.step, snap.epoch, snap.train_loss)
        self.progress_label.setText(progress_text(self, snap))

    # ------------------------------------------------------------------ files (FileActions)
    def new_project(self) -> None:
        self.files.new_project()

    def open_project(self, path=None) -> bool:
        return self.files.open_project(path)

    def save_as(self, path=None) -> bool:
        return self.files.save_as(path)

    def export_csv(self, path=None) -> bool:
        return self.files.export_csv(path)

    def open_compare(
        self,
        project_b: Project | None = None,
        label_a: str | None = None,
        label_b: str | None = None,
    ) -> None:
        """Open (or raise) View ▸ Compare: side A = this session's current project, started
        again from its initial weights (the main run is not touched); side B = project_b on
        A's points and seed, or with None the chooser's default (every hidden layer linear)."""
        _compare_mode().open_compare(self.session.session, project_b, label_a, label_b)

    # ------------------------------------------------------------------ title and close
    def update_title(self) -> None:
        s = self.session
        p = s.project
        name = s.path.stem if s.path else (tr_core(p.title) or p.name or self.tr("Untitled"))
        star = "*" if s.modified else ""
        app = self.tr("Activation Playground")
        QApplication.instance().setApplicationDisplayName(app)
        self.setWindowTitle(f"{name}{star} — {app}")

    def close_for_rebuild(self) -> None:
        """Close this window for its replacement: the session goes on."""
        self._closed = True
        _compare_mode().rebuild_for(self.session.session)
        self.close()
        self.deleteLater()

    def closeEvent(self, event) -> None:
        if not self._closed and not self.files.confirm_discard():
            event.ignore()
            return
        if not self._closed:
            self._closed = True
            if self.remember:
                app_settings.save_window(self)
            _compare_mode().close_for(self.session.session)
            self.session.shutdown()
        event.accept()


def _compare_mode():
    """View ▸ Compare's module, imported when first needed (not before the first paint)."""
    from playground.ui.window import compare

    return compare


def _single_map(snap: Snapshot):
    """The collapse payload's single map on the plane (with its extent), if there is one."""
    payload = (snap.insights or {}).get("collapse")
    single = getattr(payload, "single_map", None)
    return None if single is None else (single, payload.extent)
