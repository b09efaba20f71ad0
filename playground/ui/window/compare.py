"""CompareWindow (View ▸ Compare): the same points trained side by side by two networks that
differ in one choice, each in its own Session (its own training process), one Play for both.

Side A is the main window's project, side B the same with one choice changed (the chooser) or a
project a caller passes (the lessons). Both start fair (core.files.compare.fair_start: A's points,
seed and view settings, step 0, the same initial weights where the shapes allow). Play, Step,
Reset and the speed (epochs per second) go to both sessions at once, and Lockstep keeps them at
the same epoch while they play (compare_pace). The main session is not touched.

One compare window per main session (`open_compare` raises the open one); closing it, or the
main window, shuts both sessions' processes down; a language or UI-scale change rebuilds its
widgets (`rebuild`) while both runs go on.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from playground.core.errors import Invalid
from playground.core.files import compare as cmp
from playground.core.files.project import Project
from playground.live.snapshot_builder import DEFAULT_RES
from playground.ui.graphics import scale
from playground.ui.i18n import messages
from playground.ui.session import Session
from playground.ui.training_link import InlineLink
from playground.ui.views.compare_side import CompareSide
from playground.ui.window.compare_chooser import CompareChooser, choice_name, value_text
from playground.ui.window.compare_controls import COMPARE_SPEEDS, CompareControls
from playground.ui.window.compare_pace import Lockstep
from playground.ui.window.shortcuts import TrainingKeys
from playground.ui.window.window_session import WindowSession

DEFAULT_SPEED = 20.0  # epochs per second when A's project says "max"
RES = DEFAULT_RES  # decision map pixels per side (tests draw coarser)
HEADLINE_PT = 13.0
PROBLEM_STYLE = "color: #B03A00;"  # dark vermillion: a refused value
SIDES = ("A", "B")

_open: dict[int, CompareWindow] = {}  # id(main session) → its compare window


def open_compare(
    main: Session,
    project_b: Project | None = None,
    label_a: str | None = None,
    label_b: str | None = None,
) -> CompareWindow:
    """Open (or raise) the compare window of `main`. A: main's current project; B: project_b,
    or the chooser's default. With project_b, an open window takes both sides anew."""
    key = id(main)
    window = _open.get(key)
    if window is None:
        window = CompareWindow(
            main.current_project(),
            project_b,
            label_a,
            label_b,
            inline=isinstance(main.link, InlineLink),
            res=RES,
        )
        _open[key] = window
        window.closed.connect(lambda: _open.pop(key, None))
    elif project_b is not None:
        window.set_sides(main.current_project(), project_b, label_a, label_b)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def window_for(main: Session) -> CompareWindow | None:
    """The open compare window of `main`, if there is one."""
    return _open.get(id(main))


def close_for(main: Session) -> None:
    """The main window closes: so does its compare window (both processes end)."""
    window = _open.pop(id(main), None)
    if window is not None:
        window.close()


def rebuild_for(main: Session) -> None:
    """The main window is built again (language, UI scale): so are the compare window's widgets."""
    window = _open.get(id(main))
    if window is not None:
        window.rebuild()


class CompareWindow(QMainWindow):
    closed = Signal()

    def __init__(
        self,
        project_a: Project,
        project_b: Project | None = None,
        label_a: str | None = None,
        label_b: str | None = None,
        inline: bool = False,
        res: int = DEFAULT_RES,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._closed = False
        speed = project_a.view.speed or DEFAULT_SPEED
        self._speed = min(COMPARE_SPEEDS, key=lambda s: abs(s - speed))
        a0, b0, problem = self._prepare(project_a, project_b)
        self._labels = (label_a, label_b) if problem is None else (None, None)
        self._projects = (a0, b0)
        self._choice = cmp.default_choice(a0)  # the chooser's choice
        self.sessions = tuple(
            Session(p, self, res=res, inline=inline) for p in self._with_speed(a0, b0)
        )
        self.pace = Lockstep(self.sessions, self)
        self.pace.runningChanged.connect(lambda _on: self._show_running())
        self._actions()
        self.rebuild()
        if problem is not None:
            self.show_problem(problem)
        room = self.screen().availableGeometry()
        self.resize(min(1400, room.width() * 9 // 10), min(900, room.height() * 9 // 10))

    # ------------------------------------------------------------------ sides
    def _prepare(self, a: Project, b: Project | None):
        """(A at its start, B at its start, the message if the given B was refused)."""
        problem = None
        if b is not None:
            try:
                return (*cmp.fair_start(a, b), None)
            except Invalid as exc:
                problem = messages.invalid_text(exc)
        choice = cmp.default_choice(a)
        return (
            *cmp.fair_start(a, cmp.with_choice(a, choice, cmp.default_value(a, choice))),
            problem,
        )

    def _with_speed(self, *projects: Project) -> tuple[Project, ...]:
        # no inspector pin or collapse overlay: the loops compute no insight payloads
        return tuple(
            _view(p, speed=self._speed, pinned=(), single_map=False, views=()) for p in projects
        )

    def set_sides(
        self,
        project_a: Project,
        project_b: Project,
        label_a: str | None = None,
        label_b: str | None = None,
    ) -> bool:
        """Both sides anew; False (and the reason shown) if B does not fit A's points."""
        try:
            a0, b0 = cmp.fair_start(project_a, project_b)
        except Invalid as exc:
            self.show_problem(messages.invalid_text(exc))
            return False
        self._labels = (label_a, label_b)
        self._load(a0, b0)
        return True

    def set_choice(self, choice: str, value) -> bool:
        """B = A with one choice changed (checked as the network builder checks it); both start
        over. False, with the reason shown, for a bad value; B stays as it was."""
        a = self._projects[0]
        try:
            b = cmp.with_choice(a, choice, value)
            a0, b0 = cmp.fair_start(a, b)
        except Invalid as exc:
            self.show_problem(messages.invalid_text(exc))
            self._show_state()
            return False
        if cmp.differences(a0, b0) == cmp.differences(*self._projects) and (
            self._labels == (None, None)
        ):
            self.show_problem("")
            return True  # the value shown already (an editable field reports it twice)
        self._labels = (None, None)
        self._choice = choice
        self._load(a0, b0)
        return True

    def _load(self, a0: Project, b0: Project) -> None:
        self.pause()
        self._projects = (a0, b0)
        for session, project in zip(self.sessions, self._with_speed(a0, b0), strict=True):
            session.load_project(project)
        self.show_problem("")
        self._show_state()

    @property
    def projects(self) -> tuple[Project, Project]:
        """A and B as they started (A's weights: its initial ones)."""
        return self._projects

    # ------------------------------------------------------------------ run control
    @property
    def running(self) -> bool:
        return self.pace.playing

    def play(self) -> None:
        self.pace.play()

    def pause(self) -> None:
        self.pace.pause()

    def toggle_play(self) -> None:
        self.pace.toggle()

    def step_epoch(self) -> None:
        self.pace.step_epoch()

    def reset(self) -> None:
        self.pace.reset()

    def set_speed(self, epochs_per_second: float) -> None:
        """The same epochs per second on both sides."""
        self._speed = float(epochs_per_second)
        for s in self.sessions:
            s.set_speed(self._speed)
        self.controls.set_speed(self._speed)

    @property
    def speed(self) -> float:
        return self._speed

    # ------------------------------------------------------------------ widgets
    def _actions(self) -> None:
        """Space, S, R and Ctrl+W (built once: they have no text to translate)."""
        keys = {}
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_play),
            (Qt.Key.Key_S, self.step_epoch),
            (Qt.Key.Key_R, self.reset),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            self.addAction(action)
            keys[key] = action
        close = QAction(self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        self.addAction(close)
        self.keys = TrainingKeys(self, keys)

    def rebuild(self) -> None:
        """(Re)build every widget in the installed language and UI scale; runs go on."""
        central = QWidget()
        self.chooser = CompareChooser()
        self.chooser.choiceRequested.connect(self.set_choice)
        self.sides = (CompareSide(), CompareSide())
        self._proxies = tuple(WindowSession(s, central) for s in self.sessions)
        col = QVBoxLayout(central)
        col.setContentsMargins(8, 6, 8, 4)
        col.addLayout(self._top_row())
        self.controls = CompareControls()
        self.controls.playToggled.connect(self.toggle_play)
        self.controls.stepRequested.connect(self.step_epoch)
        self.controls.resetRequested.connect(self.reset)
        self.controls.speedChanged.connect(self.set_speed)
        self.controls.set_speed(self._speed)
        col.addWidget(self.controls)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        col.addWidget(self.problem)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        for side in self.sides:
            self.split.addWidget(side)
            self.split.setCollapsible(self.split.indexOf(side), False)
        col.addWidget(self.split, 1)
        self.setCentralWidget(central)  # the old one, its proxies and connections go
        self.setWindowTitle(self.tr("Compare — Activation Playground"))
        for proxy, side, name in zip(self._proxies, self.sides, SIDES, strict=True):
            self._connect(proxy, side, name)
        self._show_state()
        self._show_running()

    def _top_row(self) -> QHBoxLayout:
        self.headline = QLabel()
        font = QFont()
        font.setPointSizeF(scale.pt(HEADLINE_PT))
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.headline, 1)
        row.addWidget(self.chooser)
        return row

    def _connect(self, proxy: WindowSession, side: CompareSide, name: str) -> None:
        def on_replaced() -> None:
            side.clear()
            side.set_points(proxy.project.data, proxy.show_test)

        on_replaced()
        proxy.projectReplaced.connect(on_replaced)
        side.canvas.planeChanged.connect(proxy.set_plane_extent)  # maps cover what is shown
        proxy.snapshotReady.connect(lambda snap: side.show_snapshot(snap, proxy.discretize))
        proxy.notice.connect(
            lambda text, _level: self.statusBar().showMessage(f"{name}: {text}", 15000)
        )
        snap = proxy.latest_snapshot()
        if snap is not None:
            side.show_snapshot(snap, proxy.discretize)

    def _show_running(self) -> None:
        self.controls.set_running(self.running)

    def _show_state(self) -> None:
        """Headline, side titles and chooser from the two projects."""
        a, b = self._projects
        diffs = cmp.differences(a, b)
        self.headline.setText(
            "   ·   ".join(
                f"{choice_name(c)}: {value_text(c, va)} | {value_text(c, vb)}"
                for c, va, vb in diffs
            )
            or self.tr("Both sides are the same network")
        )
        differing = [c for c, _va, _vb in diffs]
        if self._choice not in differing:  # the one picked last, while it still differs
            self._choice = differing[0] if differing else self._choice
        choice = self._choice
        for side, name, label, project in zip(self.sides, SIDES, self._labels, (a, b), strict=True):
            value = value_text(choice, cmp.value_of(project, choice))
            auto = value if choice == "activation" else f"{choice_name(choice)}: {value}"
            side.set_title(f"{name} · {label or auto}")
        self.chooser.set_state(a, choice, cmp.value_of(b, choice))

    def show_problem(self, text: str) -> None:
        """Say why a value was refused (empty: hide the line)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # ------------------------------------------------------------------ close
    def closeEvent(self, event) -> None:
        if not self._closed:
            self._closed = True
            for s in self.sessions:
                s.shutdown()
            self.closed.emit()
        event.accept()


def _view(project: Project, **changes) -> Project:
    return replace(project, view=replace(project.view, **changes))
