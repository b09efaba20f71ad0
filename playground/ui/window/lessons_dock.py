"""LessonsDock: the lessons panel in a dock of the main window, wired to the session.

"Set it up" applies a step's setup, with those of the steps before it (content.setup_through),
to the live session (core.lessons.setup.apply_setup on the current project: a change to data,
network or training loads the new project, a change of views only changes the views and keeps
the run). The step's check goes to the training process with
the insight request; its result comes back as the "lesson" payload of a snapshot. A step with a
comparison opens compare mode (window.open_compare) when the window has it, else describes
side B. The place in the lessons, the answers and the steps that held live in the session, so a
rebuilt window (another language) carries on; with `remember` the place is also saved.

The dock and its action exist from the start; the panel, the lessons and their modules only once
the dock is first shown or asked for (`panel`): a start with the dock closed skips ~20 ms.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget

from playground.core.errors import Invalid
from playground.ui.i18n import messages, translator
from playground.ui.window import settings as app_settings

if TYPE_CHECKING:
    from playground.core.lessons import content
    from playground.ui.panels.lessons_panel import LessonsPanel

SHORTCUT = "F1"
WIDTH_SHARE, MIN_W, MAX_W = 0.22, 270, 400  # the dock's first width: a share of the window


@dataclass
class LessonProgress:
    """Where the learner is and what they did (kept by the session across window rebuilds)."""

    name: str = ""
    step: int = 0
    picks: dict = field(default_factory=dict)  # (lesson, step) → the chosen answer
    done: dict = field(default_factory=dict)  # lesson → steps whose check held
    owned: bool = False  # the project is one a step set up: replacing it asks nothing


def _trained(p) -> tuple:
    return p.data, p.hidden, p.output, p.config


class LessonsDock(QObject):
    def __init__(self, window, session, files, remember: bool = True):
        super().__init__(window)
        self.window, self.session, self.files, self.remember = window, session, files, remember
        self.lessons: list[content.Lesson] = []
        self._panel: LessonsPanel | None = None
        self._place: LessonProgress | None = None
        self.dock = QDockWidget(self.tr("Lessons"), window)
        self.dock.setObjectName("lessons-dock")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.action = self.dock.toggleViewAction()
        self.action.setText(self.tr("&Lessons"))
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setStatusTip(self.tr("Guided experiments that check themselves (F1)."))
        self._setting_up = False
        self._shown = False  # the dock on screen: only then is its check judged
        first = self._first_launch()
        self._fit_pending = first or not remember  # a remembered width is restored instead
        self.dock.visibilityChanged.connect(self._visibility)
        if first:
            self._ensure_panel()  # it opens with the window
        self.dock.setVisible(first)

    @property
    def panel(self) -> LessonsPanel:
        """The lessons panel, built (with the lessons) when first asked for."""
        return self._ensure_panel()

    @property
    def progress(self) -> LessonProgress:
        """Where the learner is (loaded with the panel)."""
        self._ensure_panel()
        return self._place

    def all_lessons(self) -> list[content.Lesson]:
        """The bundled lessons in teaching order (loaded with the panel)."""
        self._ensure_panel()
        return self.lessons

    def _ensure_panel(self) -> LessonsPanel:
        if self._panel is None:
            self._build_panel()
        return self._panel

    def _build_panel(self) -> None:
        from playground.core.lessons import content
        from playground.ui.panels.lessons_panel import LessonsPanel

        names = content.lesson_names()
        self.lessons = [content.load_lesson(name) for name in names]
        self._place = self._progress(names)
        self._panel = LessonsPanel(translator.current())
        self._panel.set_lessons(self.lessons)
        self.dock.setWidget(self._panel)
        self._wire()
        self.show_place(self.progress.name, self.progress.step)

    def _progress(self, names: list[str]) -> LessonProgress:
        """The session's (a rebuilt window carries on), else from the settings."""
        holder = getattr(self.session, "session", self.session)  # the WindowSession's session
        progress = holder.lesson_progress
        if progress is None:
            progress = LessonProgress(name=names[0] if names else "")
            if self.remember:
                name, _, step = str(app_settings.settings().value("lessons/place", "")).partition(
                    ":"
                )
                if name in names:
                    progress.name, progress.step = name, int(step) if step.isdigit() else 0
            holder.lesson_progress = progress
        return progress

    def _first_launch(self) -> bool:
        """Open on the first launch (remembered from then on by the window's saved state)."""
        if not self.remember:
            return False
        st = app_settings.settings()
        first = st.value("lessons/seen", None) is None
        st.setValue("lessons/seen", True)
        return first

    def _wire(self) -> None:
        p, s = self.panel, self.session
        p.lessonChosen.connect(lambda i: self.show_place(self.lessons[i].name, 0))
        p.stepChosen.connect(lambda i: self.show_place(self.progress.name, i))
        p.setupRequested.connect(self.set_up)
        p.answerChosen.connect(self._answered)
        s.snapshotReady.connect(self.paint)
        s.projectReplaced.connect(self._replaced)
        for signal in (s.specChanged, s.configChanged, s.projectReplaced):
            signal.connect(self._show_code)

    def _visibility(self, on: bool) -> None:
        if getattr(self.window, "_closed", False):
            return  # a window closing or rebuilt: the dock may be half destroyed; its heir rules
        if on:
            self._ensure_panel()  # built the first time it shows
        elif self._panel is None:
            return
        self._shown = on
        self._subscribe()
        if on and self._fit_pending:
            self._fit_pending = False
            QTimer.singleShot(0, self.fit_width)

    def fit_when_shown(self) -> None:
        """Take the dock's share of the window when it next shows (a width restored from a
        larger screen does not fit this one)."""
        self._fit_pending = True

    def fit_width(self) -> None:
        """The dock at its share of the window (a wider one, set by hand, stays while the
        centre has room); then the centre's room (MainWindow.give_centre_room)."""
        width = max(MIN_W, min(MAX_W, int(WIDTH_SHARE * self.window.width())))
        if self.dock.width() < width or self.window.centre_is_narrow():
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        QTimer.singleShot(0, self.window.give_centre_room)  # once the dock has its width

    # ------------------------------------------------------------------ place
    @property
    def lesson(self) -> content.Lesson | None:
        place = self.progress  # the lessons are loaded with it
        return next((x for x in self.lessons if x.name == place.name), None)

    def show_place(self, name: str, step: int) -> None:
        """Show step `step` of lesson `name` (clamped) and judge its check from now on."""
        from playground.ui.panels.lesson_text import setup_html

        panel = self.panel
        lesson = next((x for x in self.lessons if x.name == name), None)
        if lesson is None:
            return
        step = max(0, min(int(step), len(lesson.steps) - 1))
        self.progress.name, self.progress.step = name, step
        if self.remember:
            app_settings.settings().setValue("lessons/place", f"{name}:{step}")
        panel.show_step(lesson, step, self.progress.done.get(name, set()))
        current = lesson.steps[step]
        side_b = (current.compare or None) and setup_html(current.compare)
        panel.show_compare(side_b or "", False)
        self._show_code()
        self._show_answer()
        self._subscribe()

    def open_lesson(self, name: str, step: int = 0, set_up: bool = True) -> None:
        """Show the lessons at lesson `name`, step `step`, and apply that step's setup."""
        self.dock.show()
        self.dock.raise_()
        self._shown = True
        self.show_place(name, step)
        if set_up and self.panel.step is not None and self.panel.step.setup:
            self.set_up()

    def _subscribe(self) -> None:
        step = self.panel.step
        shown = step is not None and self._shown
        self.session.set_lesson_check(step.check if shown else None)

    # ------------------------------------------------------------------ set it up
    def set_up(self) -> None:
        from playground.core.lessons import content
        from playground.core.lessons.setup import apply_setup, compare_project

        step = self.panel.step
        if step is None or not step.setup:
            return
        if not self.progress.owned and not self.files.confirm_discard():
            return
        before = self.session.current_project()
        setup = content.setup_through(self.lesson, self.progress.step)
        try:
            after = apply_setup(before, setup)
            side_b = compare_project(before, setup)
        except Invalid as e:
            self.window.show_status(messages.invalid_text(e), "warning")
            return
        self._setting_up = True
        try:
            if _trained(after) != _trained(before):
                self.session.load_project(after)
            else:
                self._apply_view(after.view)
        finally:
            self._setting_up = False
        self.progress.owned = True
        self._compare(after, side_b, step)

    def _apply_view(self, view) -> None:
        """The view changes of a setup that leaves data, network and training alone."""
        s, old = self.session, self.session.view
        if view.views != old.views:
            s.set_open_views(view.views)
            self.window.insights.open_saved()
        if view.pinned != old.pinned:
            s.pin(view.pinned or None)
        if view.selected_layer != old.selected_layer:
            s.select_layer(view.selected_layer)
        if view.speed != old.speed:
            s.set_speed(view.speed)
        if view.equations_m != old.equations_m:
            s.set_equations_batch(view.equations_m)
        if view.single_map != old.single_map:
            s.set_single_map(view.single_map)
        if view.regions != old.regions:
            s.set_regions(view.regions)
        hidden = {k: getattr(view, k) for k in ("hidden_layer", "hidden_units", "hidden_stage")}
        if replace(old, **hidden) != old:
            s.set_hidden_view(**hidden)

    def _compare(self, side_a, side_b, step) -> None:
        from playground.core.lessons.setup import compare_labels
        from playground.ui.panels.lesson_text import setup_html

        if side_b is None:
            return
        opener = getattr(self.window, "open_compare", None)
        if opener is not None:
            opener(side_b, *compare_labels(side_a, side_b))
        self.panel.show_compare(setup_html(step.compare), opener is not None)

    def _replaced(self) -> None:
        if not self._setting_up:
            self.progress.owned = False  # the learner opened something of their own

    # ------------------------------------------------------------------ what the run shows
    def paint(self, snap) -> None:
        step = self.panel.step
        payload = (snap.insights or {}).get("lesson")
        if step is not None and payload is not None and payload.spec == step.check:
            self.panel.show_check(payload.result)
            if payload.result.held:
                done = self.progress.done.setdefault(self.progress.name, set())
                if self.progress.step not in done:
                    done.add(self.progress.step)
                    self.panel.show_done(done)
        self._show_answer(snap.epoch)

    def _answered(self, choice: int) -> None:
        self.progress.picks[(self.progress.name, self.progress.step)] = choice
        self._show_answer()

    def _show_answer(self, epoch: int | None = None) -> None:
        step = self.panel.step
        if step is None or step.question is None:
            return
        if epoch is None:
            snap = self.session.latest_snapshot()
            epoch = snap.epoch if snap is not None else 0
        pick = self.progress.picks.get((self.progress.name, self.progress.step))
        self.panel.show_answer(
            pick, pick is not None and epoch >= step.question.after_epochs, epoch
        )

    def _show_code(self) -> None:
        step = self.panel.step
        if step is None or step.show != "keras":
            return
        from playground.core.lessons.measures import keras_model_lines  # the export: when shown

        try:
            self.panel.show_code(keras_model_lines(self.session.project))
        except Invalid:
            self.panel.show_code([])
