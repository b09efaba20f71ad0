"""GUI entry: run_gui opens the window, or renders it to a PNG after N training steps."""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from playground.core.files.experiments import DEFAULT_EXPERIMENT, load_experiment
from playground.core.files.project import ProjectError, load_project

SNAPSHOT_SIZE = (1600, 1000)
STARTUP_PROBE = "ACTIVATION_PLAYGROUND_STARTUP_PROBE"  # set: quit after the first paint
GC_FALLBACK_MS = 5000  # the garbage collector is back on by then, painted or not


def _headless_platform() -> None:
    """Snapshot mode needs no screen: render offscreen unless a platform was chosen."""
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def application(argv=None):
    """The QApplication (created once) with the app's names, which decide its data folder
    (QStandardPaths.AppDataLocation: autosaved work) also when the application existed."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or [sys.argv[0]]))
    app.setOrganizationName("ActivationPlayground")
    app.setApplicationName("activation-playground")
    app.setApplicationDisplayName("Activation Playground")
    return app


def _remembered_language(snapshot) -> str | None:
    """The language chosen in the View menu last time (not in snapshot mode)."""
    if snapshot:
        return None
    from playground.ui.window.settings import settings

    lang = settings().value("view/lang", None)
    return lang if lang in ("en", "zh_CN") else None


def _apply_remembered_scale(app, snapshot) -> None:
    from playground.ui.graphics import scale

    if not snapshot:
        from playground.ui.window.settings import settings

        value = settings().value("view/scale", 1.0)
        try:
            scale.set_factor(float(value))
        except (TypeError, ValueError):
            scale.set_factor(1.0)
    scale.apply_to(app)


class GuiRun:
    """One running window: the app, its session, the window host and the autosaver (None in
    headless modes). close() stops training; finish() first means a clean exit."""

    def __init__(self, app, session, host, autosave):
        self.app, self.session, self.host, self.autosave = app, session, host, autosave

    @property
    def window(self):
        return self.host.window

    def finish(self) -> None:
        """A clean exit: the recovery file goes."""
        if self.autosave is not None:
            self.autosave.finish(clean=True)

    def close(self) -> None:
        """Stop the training process; a recovery file not finished stays for the next start."""
        if self.autosave is not None:
            self.autosave.finish(clean=False)
        self.session.shutdown()


def start(
    loaded,
    path=None,
    lang: str | None = None,
    headless: bool = False,
    views: tuple[str, ...] = (),
    at: tuple[float, float] | None = None,
    lesson: tuple[str, int] | None = None,
) -> GuiRun:
    """The app, a session on `loaded` (a Project from `path`, if any) and its window; with
    `lesson` (name, step) the lessons panel there, its step set up (then views and at)."""
    app = application()
    from playground.ui.i18n import translator
    from playground.ui.session import Session
    from playground.ui.window.host import WindowHost

    translator.install(app, lang or _remembered_language(headless))
    _apply_remembered_scale(app, headless)
    # a window on screen first: the training process and the insight views start after its
    # first paint (headless: when first trained or synced)
    session = Session(loaded, path=Path(path) if path else None, deferred=True)
    if "regions" in views:  # the plane's overlay, not a dock
        session.set_regions(True)
        views = tuple(n for n in views if n != "regions")
    if views:
        session.set_open_views(views)
    if at is not None:
        session.pin(at)
    try:
        autosave = None if headless else _autosaver(session)
        host = WindowHost(
            app, session, interactive=not headless, remember=not headless, fast_start=not headless
        )
        if lesson is not None:  # the lesson's setup, then --view and --at on top of it
            host.window.lessons.open_lesson(*lesson)
            if views:
                session.set_open_views(views)
                host.window.insights.open_saved()
            if at is not None:
                session.pin(at)
    except BaseException:
        session.shutdown()
        raise
    return GuiRun(app, session, host, autosave)


def _autosaver(session):
    """The session's autosaver; None (and a warning) when the data folder is unusable."""
    from playground.ui.recovery import Autosaver

    try:
        return Autosaver(session)
    except OSError as exc:
        print(f"activation-playground: warning: no autosave: {exc}", file=sys.stderr)
        return None


def open_window(
    loaded,
    path=None,
    lang: str | None = None,
    views: tuple[str, ...] = (),
    at: tuple[float, float] | None = None,
    lesson: tuple[str, int] | None = None,
) -> GuiRun:
    """Start up as `activation-playground` does: the window on screen, then the offer to
    recover the work of an instance that did not close normally."""
    from PySide6.QtCore import QTimer

    from playground.ui.recovery import offer_recovery

    gui = start(loaded, path, lang, False, views, at, lesson)
    after_first_paint(gui.window, lambda: _finish_start(gui.app, gui.window, gui.session))
    QTimer.singleShot(GC_FALLBACK_MS, gc.enable)  # a window that never paints still collects
    gui.window.show()
    if gui.autosave is not None:
        offer_recovery(gui.window, gui.session, gui.autosave)
    return gui


def run_gui(
    project=None,
    experiment: str | None = None,
    lang: str | None = None,
    snapshot: str | None = None,
    steps: int = 0,
    size: tuple[int, int] = SNAPSHOT_SIZE,
    views: tuple[str, ...] = (),
    at: tuple[float, float] | None = None,
    export_view: tuple[str, str] | None = None,
    lesson: tuple[str, int] | None = None,
) -> int:
    """Open the window (or, with snapshot, render it at `size` to a PNG and exit; with
    export_view (name, out), write that view as PNG or SVG and exit)."""
    headless = bool(snapshot or export_view)
    if headless:
        _headless_platform()
    try:
        loaded = (
            load_project(project) if project else load_experiment(experiment or DEFAULT_EXPERIMENT)
        )
    except (ProjectError, KeyError) as exc:
        print(f"activation-playground: error: {exc}", file=sys.stderr)
        return 2
    if export_view:
        from playground.live.insights import PAYLOADS

        if export_view[0] in PAYLOADS:  # an insight view: its dock opens with the window
            views = (*views, export_view[0])
    if not headless:
        gui = open_window(loaded, project, lang, views, at, lesson)
        try:  # the training process and its relay thread stop however the window ends
            code = gui.app.exec()
            if code == 0:  # the window was closed (not: the display server went away)
                gui.finish()
            return code
        finally:
            gui.close()
    gui = start(loaded, project, lang, True, views, at, lesson)
    try:
        if export_view:
            from playground.ui.window.view_pictures import export_headless

            return export_headless(
                gui.app, gui.window, export_view[0], Path(export_view[1]), steps, size
            )
        return render_snapshot(gui.app, gui.window, Path(snapshot), steps, size)
    finally:
        gui.close()


def _finish_start(app, window, session) -> None:
    probe = bool(os.environ.get(STARTUP_PROBE))
    if probe:  # `bench --startup`: the first paint has happened; the rest of the start follows
        print("painted", flush=True)
        print("painted", file=sys.stderr, flush=True)  # after the imports -X importtime lists
    gc.enable()  # off while starting (cli.main); what start-up built stays out of collections
    gc.freeze()
    session.start_training()
    window.finish_start()
    if probe:
        app.quit()


def after_first_paint(window, then) -> None:
    """Call `then` once, right after the window's first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)  # after this paint has reached the screen
            return False

    window.installEventFilter(FirstPaint(window))


def _plane_settled(app, window, timeout_s: float = 2.0) -> bool:
    """Process events until the session knows the plane the canvas shows (2-D data)."""
    if not window.canvas.zoomable():
        return False
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if window.session.plane == window.canvas.visible_plane():
            return True
        app.processEvents()
        time.sleep(0.01)
    return False


def render_snapshot(
    app, window, out: Path, steps: int, size: tuple[int, int] = SNAPSHOT_SIZE
) -> int:
    """Train `steps` steps, show the result in every view, save the window as PNG."""
    window.resize(*size)
    window.show()
    app.processEvents()
    session = window.session
    snap = session.train_steps(steps) if steps else session.sync()
    for _ in range(3):  # let layouts settle at the final size, then paint the last frame
        app.processEvents()
    if _plane_settled(app, window):  # the maps now cover the plane as laid out
        snap = session.sync()
    if snap is not None:
        window.paint(snap)
    app.processEvents()
    ok = window.grab().save(str(out), "PNG")
    window.close()
    app.processEvents()
    if not ok:
        print(f"activation-playground: error: cannot write {out}", file=sys.stderr)
        return 1
    return 0
