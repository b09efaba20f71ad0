"""InsightArea: the centre of the window — the plane and the network diagram — with the insight
views docked under them, as tabs by default and detachable (each is a QDockWidget of a nested
QMainWindow). A toolbar above the plane opens and closes them.

The views on screen are what the session subscribes to: the training loop computes only their
payloads. Each view draws one snapshot (show_snapshot) and sends its own requests.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSizePolicy, QToolBar, QWidget

NAMES = ("hidden", "collapse", "inspector", "gradients", "equations")  # docks, toolbar: this order
DOCK_SHARE, MIN_DOCK_H = 0.36, 220  # the docked views' share of the centre's height


def view_classes() -> tuple:
    """The views' classes in NAMES order, imported when first built (after the first paint)."""
    from playground.ui.views.collapse_view import CollapseView
    from playground.ui.views.equations_view import EquationsView
    from playground.ui.views.gradient_flow import GradientFlowView
    from playground.ui.views.hidden_space import HiddenSpaceView
    from playground.ui.views.inspector import ForwardInspector

    return HiddenSpaceView, CollapseView, ForwardInspector, GradientFlowView, EquationsView


def titles() -> dict[str, str]:
    """Each insight view's title in the installed language."""
    translate = QCoreApplication.translate
    return {
        "hidden": translate("InsightArea", "Hidden space"),
        "collapse": translate("InsightArea", "Linear collapse"),
        "gradients": translate("InsightArea", "Gradient flow"),
        "equations": translate("InsightArea", "Layer equations"),
        "inspector": translate("InsightArea", "Forward pass"),
    }


class InsightArea(QMainWindow):
    viewsBuilt = Signal()  # build_views() put the views in their docks
    """The centre (plane and diagram) with the insight views docked around it.

    `defer_views`: the views themselves are built by build_views() (the app calls it after the
    first paint, to start faster) unless the project opens one; docks and actions exist now.
    """

    def __init__(
        self, session, centre: QWidget, parent: QWidget | None = None, defer_views: bool = False
    ):
        super().__init__(parent)
        self.session = session
        self.setWindowFlags(Qt.WindowType.Widget)  # a widget inside the window, not a window
        self.setDockOptions(
            QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AnimatedDocks
        )
        self.setCentralWidget(centre)
        self.views: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self._shown: dict[str, bool] = {}
        self._fitted = False
        self.toolbar = QToolBar(self.tr("Insights"))
        self.toolbar.setObjectName("insight-toolbar")
        self.toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self._build_docks()
        if not defer_views or self.session.view.views:
            self.build_views()
        else:  # a project opened before then may open views
            session.projectReplaced.connect(
                lambda: self.build_views() if session.view.views else None
            )

    def _build_docks(self) -> None:
        names = titles()
        first = None
        for name in NAMES:
            dock = QDockWidget(names[name], self)
            dock.setObjectName(f"insight-{name}")
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            if first is not None:
                self.tabifyDockWidget(first, dock)
            first = first or dock
            action = dock.toggleViewAction()
            action.setToolTip(self.tr("Show or hide the %1 view").replace("%1", names[name]))
            self.toolbar.addAction(action)
            action.toggled.connect(self._opened)
            dock.visibilityChanged.connect(lambda on, n=name: self._visibility(n, on))
            dock.hide()
            self.docks[name] = dock

    def build_views(self) -> None:
        """Put each view into its dock and wire it to the session (once)."""
        if self.views:
            return
        for cls in view_classes():
            view = cls()
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.docks[cls.name].setWidget(view)
            self.views[cls.name] = view
        self._wire()
        self.viewsBuilt.emit()

    def _wire(self) -> None:
        s = self.session
        hidden = self.views["hidden"]
        hidden.optionsChanged.connect(lambda changes: s.set_hidden_view(**changes))
        collapse = self.views["collapse"]
        collapse.singleMapToggled.connect(s.set_single_map)
        self.views["equations"].batchChanged.connect(s.set_equations_batch)
        s.insightsChanged.connect(self.show_options)
        s.specChanged.connect(self.show_options)
        for signal in (s.dataChanged, s.configChanged):
            signal.connect(self.show_batch)
        s.viewChanged.connect(lambda: collapse.set_single_map(s.view.single_map))
        inspector = self.views["inspector"]
        inspector.pinRequested.connect(s.pin)
        s.insightsChanged.connect(lambda: inspector.set_pinned(s.view.pinned))
        inspector.set_pinned(s.view.pinned)
        s.projectReplaced.connect(self.open_saved)
        self.show_options()
        self.open_saved()

    def open_saved(self) -> None:
        """Open the views the project says are open."""
        opened = self.session.view.views
        for name, dock in self.docks.items():
            dock.setVisible(name in opened)
        if opened and opened[0] in self.docks:  # the first one named is the tab on top
            QTimer.singleShot(0, self.docks[opened[0]].raise_)
        self.views["collapse"].set_single_map(self.session.view.single_map)
        self.fit_docks()

    def fit_docks(self) -> None:
        """The docked views take DOCK_SHARE of the height; the plane and diagram the rest."""
        docked = [d for d in self.docks.values() if not d.isHidden() and not d.isFloating()]
        if docked:
            h = max(MIN_DOCK_H, int(DOCK_SHARE * self.height()))
            self.resizeDocks(docked, [h] * len(docked), Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:  # first layout at the window's size
        super().resizeEvent(event)
        if not self._fitted and self.height() > 300:
            self._fitted = True
            self.fit_docks()

    def open(self, name: str) -> None:
        self.build_views()
        dock = self.docks[name]
        dock.show()
        dock.raise_()

    def show_options(self) -> None:
        v, spec = self.session.view, self.session.project.spec()
        sizes = tuple(layer.units for layer in spec.hidden)
        self.views["hidden"].set_options(
            sizes, v.hidden_layer, v.hidden_units, v.hidden_pca, v.hidden_stage
        )
        self.show_batch()

    def show_batch(self) -> None:
        """The equations' m: the session's, or the batch size; at most the training points."""
        m, project = self.session.view.equations_m, self.session.project
        n_train = int((~project.data.is_test).sum())
        self.views["equations"].set_batch(m or project.config.batch_size, n_train, not m)

    def _opened(self) -> None:
        checked = [n for n, dock in self.docks.items() if dock.toggleViewAction().isChecked()]
        self.session.set_open_views(
            [n for n in self.session.view.views if n in checked]
            + [n for n in checked if n not in self.session.view.views]
        )

    def _visibility(self, name: str, on: bool) -> None:
        if on:
            self.build_views()
        self._shown[name] = on
        self.session.set_visible_views(self.visible_views())
        snap = self.session.latest_snapshot()
        if on and snap is not None:
            self.views[name].show_snapshot(snap)

    def visible_views(self) -> list[str]:
        return [n for n, shown in self._shown.items() if shown]

    def paint(self, snap) -> None:
        if not self.views:
            return
        for name in self.visible_views():
            self.views[name].show_snapshot(snap)
