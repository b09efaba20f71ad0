"""The app's settings store (QSettings, INI in the user's config folder; tests redirect it):
window geometry and the preferences a new window starts from."""

from __future__ import annotations

from PySide6.QtCore import QSettings

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
