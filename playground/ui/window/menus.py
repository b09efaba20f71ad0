"""WindowMenus: the main window's menu bar, its actions and shortcuts, and the Help dialogs.

Actions send requests to the session (or FileActions); the checkable ones follow the session's
change signals, so a change made anywhere shows in the menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox

from playground.core.files.experiments import experiment_names, experiment_text
from playground.ui.graphics import scale
from playground.ui.i18n import translator
from playground.ui.i18n.core_strings import tr_core
from playground.ui.window.recent import RecentMenu


class WindowMenus(QObject):
    languageChosen = Signal(str)
    scaleChosen = Signal(float)

    """Builds the menu bar of `window`; `undo`, `redo`, `play`, `show_test`, `discretize` and
    `log_scale` are its actions."""

    def __init__(
        self, window: QMainWindow, session, files, set_log_scale, insight_actions=(), lessons=None
    ):
        super().__init__(window)
        self._window, self.session, self.files = window, session, files
        self._lessons = lessons  # the LessonsDock: File ▸ Lessons, Help ▸ Lessons
        bar = window.menuBar()
        self._file(bar.addMenu(self.tr("&File")))
        self._edit(bar.addMenu(self.tr("&Edit")))
        self._train(bar.addMenu(self.tr("&Train")))
        view = bar.addMenu(self.tr("&View"))
        self._view(view, set_log_scale)
        insights = view.addMenu(self.tr("&Insights"))
        for action in insight_actions:
            insights.addAction(action)
        self._languages(view.addMenu(self.tr("&Language")))
        self._zoom(view)
        h = bar.addMenu(self.tr("&Help"))
        if lessons is not None:
            h.addAction(lessons.action)
        self._action(h, self.tr("Why &non-linear activations?"), self.show_why)
        self._action(h, self.tr("&About"), self.show_about)
        self._connect()

    def _action(
        self, menu, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _file(self, f) -> None:
        files = self.files
        self._action(
            f,
            self.tr("&New"),
            files.new_project,
            QKeySequence.StandardKey.New,
            self.tr("Start from an empty plane: draw your own points."),
        )
        self._action(
            f,
            self.tr("&Open…"),
            lambda: files.open_project(),
            QKeySequence.StandardKey.Open,
            self.tr("Open a saved project (.json)."),
        )
        self.recent = RecentMenu(f.addMenu(self.tr("Open &recent")), files)
        self._action(
            f,
            self.tr("&Save"),
            lambda: files.save(),
            QKeySequence.StandardKey.Save,
            self.tr("Save points, network, settings and the current weights."),
        )
        self._action(f, self.tr("Save &As…"), lambda: files.save_as(), "Ctrl+Shift+S")
        self._experiment_menu(f.addMenu(self.tr("Open &experiment")))
        self._lesson_menu(f.addMenu(self.tr("&Lessons")))
        f.addSeparator()
        self._action(
            f,
            self.tr("&Import points…"),
            lambda: files.import_points(),
            tip=self.tr(
                "Replace the points with those of a CSV file (undoable); "
                "you can also drop the file on the window."
            ),
        )
        files.exports.fill(f.addMenu(self.tr("E&xport")))
        self._action(
            f,
            self.tr("Export &view…"),
            lambda: self._window.pictures.export_dialog(),
            tip=self.tr("A picture (PNG or SVG) of one view; right-click a view for the same."),
        )
        f.addSeparator()
        self._action(f, self.tr("&Quit"), self._window.close, QKeySequence.StandardKey.Quit)

    def _experiment_menu(self, menu) -> None:
        menu.setToolTipsVisible(True)
        for name in experiment_names():
            self._action(
                menu,
                tr_core(experiment_text(name, "title")) or name,
                lambda _=False, n=name: self.files.open_experiment(n),
                tip=tr_core(experiment_text(name, "description")),
            )

    def _lesson_menu(self, menu) -> None:
        """Every lesson by its title in the window's language; one opens at its first step.
        Filled when first opened: the lessons are read then, not at start-up."""
        menu.setToolTipsVisible(True)
        if self._lessons is not None:
            menu.aboutToShow.connect(lambda: menu.isEmpty() and self._fill_lessons(menu))

    def _fill_lessons(self, menu) -> None:
        dock = self._lessons
        for i, lesson in enumerate(dock.all_lessons()):
            lang = translator.current()
            self._action(
                menu,
                f"&{i + 1}  {lesson.title.get(lang)}"
                if i < 9
                else f"{i + 1}  {lesson.title.get(lang)}",
                lambda _=False, n=lesson.name: dock.open_lesson(n),
                tip=lesson.summary.get(lang),
            )

    def _edit(self, e) -> None:
        s = self.session
        self.undo = self._action(
            e,
            self.tr("&Undo"),
            s.undo,
            QKeySequence.StandardKey.Undo,
            self.tr("Undo the last change to the points."),
        )
        self.redo = self._action(e, self.tr("&Redo"), s.redo, "Ctrl+Shift+Z")
        self._action(
            e,
            self.tr("&Clear points"),
            s.clear_points,
            tip=self.tr("Remove every point (undoable)."),
        )

    def _train(self, t) -> None:
        s = self.session
        self.play = self._action(
            t,
            self.tr("&Play / Pause"),
            lambda _on: s.toggle_play(),
            "Space",
            self.tr("Start or pause training."),
            checkable=True,
        )
        self.step = self._action(
            t,
            self.tr("&Step one epoch"),
            s.step_epoch,
            "S",
            self.tr("One pass over the training points, then pause."),
        )
        self.reset = self._action(
            t,
            self.tr("&Reset"),
            s.reset,
            "R",
            self.tr("Back to the same initial weights: replay the same run."),
        )
        self._action(
            t,
            self.tr("Re-&initialize"),
            lambda: s.reinitialize(),
            "Shift+R",
            self.tr("New random initial weights (the next seed)."),
        )

    def _view(self, v, set_log_scale) -> None:
        s = self.session
        self.show_test = self._action(
            v,
            self.tr("Show &test points"),
            s.set_show_test,
            tip=self.tr("Test points are held out: the network never trains on them."),
            checkable=True,
        )
        self.discretize = self._action(
            v,
            self.tr("&Discretize output"),
            s.set_discretize,
            tip=self.tr("Colour by the predicted class only."),
            checkable=True,
        )
        self.log_scale = self._action(v, self.tr("&Log-scale loss"), set_log_scale, checkable=True)
        self.regions = self._action(
            v,
            self.tr("Linear &regions"),
            s.set_regions,
            "Ctrl+L",
            self.tr(
                "Cut the plane into the pieces where the network is one linear map (ReLU, "
                "Leaky ReLU, Step, Linear)."
            ),
            checkable=True,
        )
        self._action(
            v,
            self.tr("&Reset plane view"),
            lambda: self._window.canvas.fit_to_data(),
            "Home",
            self.tr(
                "Fit the plane to the points again (the mouse wheel zooms "
                "in and out around the pointer)."
            ),
        )
        self.compare = self._action(
            v,
            self.tr("&Compare…"),
            lambda: self._window.open_compare(),
            tip=self.tr(
                "Train the same points side by side with a "
                "second network that differs in one choice."
            ),
        )
        self._draw_classes(v)

    def _draw_classes(self, v) -> None:
        v.addSeparator()
        self.draw_class = [
            self._action(
                v,
                self.tr("Draw class %1").replace("%1", str(k + 1)),
                lambda _=False, k=k: self.session.set_current_class(k),
                str(k + 1),
            )
            for k in range(6)
        ]

    def _zoom(self, v) -> None:
        v.addSeparator()
        self.presentation = self._action(
            v,
            self.tr("&Presentation mode"),
            lambda _on: None,
            "F11",
            self.tr("Full screen with larger fonts and points, for a projector."),
            checkable=True,
        )
        self.presentation.triggered.disconnect()
        f = scale.factor()
        zoom_in = self._action(
            v,
            self.tr("Zoom &in"),
            lambda: self.scaleChosen.emit(f * scale.STEP),
            tip=self.tr("Larger fonts and points."),
        )
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._action(
            v,
            self.tr("Zoom &out"),
            lambda: self.scaleChosen.emit(f / scale.STEP),
            QKeySequence.StandardKey.ZoomOut,
            self.tr("Smaller fonts and points."),
        )
        self._action(v, self.tr("&Actual size"), lambda: self.scaleChosen.emit(1.0), "Ctrl+0")

    def _languages(self, menu) -> None:
        group = QActionGroup(self)
        for lang in translator.LANGUAGES:
            action = self._action(
                menu,
                translator.NATIVE_NAMES[lang],
                lambda _=False, lang=lang: self.languageChosen.emit(lang),
                tip=self.tr("Switch the interface language (training goes on)."),
                checkable=True,
            )
            action.setChecked(lang == translator.current())
            group.addAction(action)

    def _connect(self) -> None:
        s = self.session
        s.runningChanged.connect(self.play.setChecked)
        s.viewChanged.connect(self._show_view)
        s.undoStateChanged.connect(self._show_undo)
        s.projectReplaced.connect(self._show_undo)
        s.dataChanged.connect(self._show_classes)
        self._show_view()
        self._show_undo()
        self._show_classes()

    def _show_classes(self) -> None:
        """Only the classes a click can add are offered (and one new class)."""
        n = self.session.drawable_classes()
        for k, action in enumerate(self.draw_class):
            action.setEnabled(k < n)

    def _show_view(self) -> None:
        self.show_test.setChecked(self.session.show_test)
        self.discretize.setChecked(self.session.discretize)
        self.regions.setChecked(self.session.view.regions)

    def _show_undo(self) -> None:
        self.undo.setEnabled(self.session.can_undo())
        self.redo.setEnabled(self.session.can_redo())

    def show_why(self) -> None:
        QMessageBox.information(
            self._window,
            self.tr("Why non-linear activations?"),
            self.tr(
                "Each layer computes z = W·a + b. Without a bend between layers, two layers give "
                "W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂): again a single linear map, so a deep "
                "stack of linear layers can only draw a straight boundary.\n\n"
                "An activation such as tanh or ReLU bends each unit's output. Combining bent "
                "pieces lets the network draw curved boundaries — try XOR with linear layers, "
                "then switch one layer to tanh while it trains."
            ),
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self._window,
            self.tr("About Activation Playground"),
            self.tr(
                "Activation Playground: build, train and watch a small neural network on your own "
                "2-D points, and see why it needs non-linear activations."
            ),
        )
