"""Shared fixtures for the UI tests: a temporary QSettings location, sessions that always shut
their worker down, small projects, and a check that no Qt warning was logged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QtMsgType

from playground.core.data import datasets
from playground.core.files.project import Project
from playground.core.files.view import ViewState
from playground.core.nn.spec import LayerSpec, TrainConfig


@pytest.fixture(autouse=True, scope="session")
def temporary_settings(tmp_path_factory):
    """Point every QSettings (INI, user scope) at a temp folder so tests never touch the user's."""
    path = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    return path


def make_project(
    dataset: str = "xor",
    hidden=((4, "tanh"), (2, "tanh")),
    n: int = 200,
    classes: int = 2,
    **config,
) -> Project:
    data = datasets.generate(dataset, n, 0.0, 0, classes, 0.5)
    layers = tuple(LayerSpec(u, a) for u, a in hidden)
    return Project(
        data, layers, TrainConfig(**config), name=dataset, view=ViewState(speed=0.0)
    )  # tests train as fast as they can


@pytest.fixture
def make_session(qtbot):
    from playground.ui.session import Session

    sessions = []

    def make(project: Project | None = None, res: int = 24, inline: bool = True, **kw):
        """A session on an in-process training loop (inline=False: the real child process)."""
        s = Session(project if project is not None else make_project(**kw), res=res, inline=inline)
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.shutdown()


# The offscreen platform plugin (tests only) says this whenever a top-level window's size
# limits change; real platforms implement it. Everything else counts.
OFFSCREEN_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def qt_problems(records) -> list[str]:
    bad = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    return [r.message for r in records if r.type in bad and r.message not in OFFSCREEN_NOISE]


@pytest.fixture
def no_qt_warnings(qtlog):
    """Fails the test if Qt logged a warning (or worse) while it ran."""
    yield
    bad = qt_problems(qtlog.records)
    assert not bad, f"Qt warnings: {bad}"


def show_window(qtbot, session, size=(1400, 900), remember: bool = False):
    """A MainWindow on `session`, shown at `size` and exposed (remember: read the settings)."""
    from playground.ui.window.main_window import MainWindow

    w = MainWindow(session, interactive=False, remember=remember)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def window(qtbot, make_session, no_qt_warnings):
    """A shown 1400×900 window on a small XOR session that remembers no settings."""
    w = show_window(qtbot, make_session())
    yield w
    w.close()
