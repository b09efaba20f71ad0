"""The app's settings store (QSettings, INI in the user's config folder; tests redirect it):
window geometry and the preferences a new window starts from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication

ORG, APP = "ActivationPlayground", "activation-playground"


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def restore_window(window) -> None:
    """Geometry, splitters, and the session's remembered preferences."""
    st = settings()
    if st.value("window/geometry") is not None:
        window.restoreGeometry(st.value("window/geometry"))
        window.restoreState(st.value("window/state"))
        for name in ("splitter", "centre", "right"):
            getattr(window, name).restoreState(st.value(f"window/{name}"))
        window.snap_left()  # the left column's width is its content's, in this language
    session = window.session
    session.set_show_test(st.value("view/show_test", True, type=bool))
    session.set_discretize(st.value("view/discretize", False, type=bool))
    speed = st.value("train/epochs_per_second", None)
    if speed is not None:
        session.set_speed(float(speed))


NOMINAL_SCREENS = ("offscreen", "minimal")  # platforms whose screen size means nothing
FRAME_ROOM = (16, 48)  # width, height left for the window manager's frame and title bar


def fit_to_screen(window) -> bool:
    """The window's first size (1500 × 940, or one restored from a larger screen) made to fit
    the screen it opens on, frame included, at its top-left corner; a fitting size stays.
    True if it had to shrink."""
    if QGuiApplication.platformName() in NOMINAL_SCREENS or window.screen() is None:
        return False
    room = window.screen().availableGeometry()
    width = min(window.width(), room.width() - FRAME_ROOM[0])
    height = min(window.height(), room.height() - FRAME_ROOM[1])
    if (width, height) == (window.width(), window.height()):
        return False
    window.resize(width, height)
    window.move(room.topLeft())
    return True


def save_window(window) -> None:
    st = settings()
    st.setValue("window/geometry", window.saveGeometry())
    st.setValue("window/state", window.saveState())
    for name in ("splitter", "centre", "right"):
        st.setValue(f"window/{name}", getattr(window, name).saveState())
    session = window.session
    st.setValue("view/show_test", session.show_test)
    st.setValue("view/discretize", session.discretize)
    st.setValue("train/epochs_per_second", session.speed)
    st.sync()


def last_folder(default: str) -> str:
    return str(settings().value("files/last_dir", default))


def remember_folder(folder: str) -> None:
    settings().setValue("files/last_dir", folder)


# ---------------------------------------------------------------------- recent projects
MAX_RECENT = 8


def recent_files() -> list[str]:
    """The last MAX_RECENT projects opened or saved, newest first (as stored; may be missing)."""
    value = settings().value("files/recent", [])
    if isinstance(value, str):  # an INI list of one reads back as a string
        value = [value]
    return [str(v) for v in (value or []) if str(v)][:MAX_RECENT]


def set_recent(paths: list[str]) -> None:
    st = settings()
    st.setValue("files/recent", list(paths)[:MAX_RECENT])
    st.sync()


def add_recent(path) -> None:
    """path moves to the top of the list (absolute, once)."""
    path = str(Path(path).absolute())
    set_recent([path] + [p for p in recent_files() if p != path])


def clear_recent() -> None:
    set_recent([])
