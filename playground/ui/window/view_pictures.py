"""ViewPictures: every view of the window as a picture — the right-click menu on each view
(Export as PNG… / SVG…, Copy image), File ▸ Export view…, and `gui --export-view NAME --out
FILE` (export_headless). The drawing is graphics.picture's; this only knows the window's views
by name and asks for file names.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from playground.core.files.view import PICTURE_VIEWS
from playground.ui.graphics import picture
from playground.ui.window.insights import titles as insight_titles

VIEW_NAMES = PICTURE_VIEWS  # the names `gui --export-view` and the menus use, in menu order
_PLOT_STACK = ("loss", "activation")  # the right column's plots, in PlotStack order


def view_titles() -> dict[str, str]:
    """Each view's name as the window shows it, in the installed language."""
    translate = QCoreApplication.translate
    own = {
        "plane": translate("ViewPictures", "Plane"),
        "diagram": translate("ViewPictures", "Network diagram"),
        "loss": translate("ViewPictures", "Loss"),
        "activation": translate("ViewPictures", "Activation"),
    }
    return {name: own.get(name) or insight_titles()[name] for name in VIEW_NAMES}


class ViewPictures(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.menu = picture.PictureMenu(self, self.export_dialog_for, self.copy)
        for name in ("plane", "diagram", "loss", "activation"):
            used = window.canvas.removeRequested if name == "plane" else None
            self.menu.add(self.widget(name), name, used)
        if window.insights.views:
            self._add_insights()
        else:  # a fast start builds them after the first paint
            window.insights.viewsBuilt.connect(self._add_insights)

    def _add_insights(self) -> None:
        for name in VIEW_NAMES:
            if name in self.window.insights.views:
                self.menu.add(self.window.insights.views[name], name, None)

    def widget(self, name: str) -> QWidget:
        w = self.window
        own = {
            "plane": w.canvas,
            "diagram": w.diagram,
            "loss": w.loss_plot,
            "activation": w.activation_view,
        }
        if name not in own:
            w.insights.build_views()
        return own.get(name) or w.insights.views[name]

    def bring_up(self, name: str) -> QWidget:
        """Put the view on screen (open its dock, pick its tab) with the latest numbers."""
        w = self.window
        if name in w.insights.docks and not self.widget(name).isVisible():
            w.insights.open(name)
            QApplication.processEvents()
            w.session.sync()  # a snapshot with the payload of the view just subscribed
        if name in _PLOT_STACK and w.plots.is_tabbed():
            w.plots.tabs.setCurrentIndex(_PLOT_STACK.index(name))
        QApplication.processEvents()
        snap = w.session.latest_snapshot()
        if snap is not None:
            w.paint(snap)
        QApplication.processEvents()
        return self.widget(name)

    def save(self, name: str, path) -> bool:
        """Write view `name` to path (.png at 2×, or .svg); errors are shown, naming the file."""
        path = Path(path)
        title = view_titles()[name]
        if path.suffix.lower() not in picture.SUFFIXES:
            self.window.files.show_error(
                self.tr("Cannot export the picture"),
                self.tr("%1: choose a file name ending in .png or .svg.").replace("%1", str(path)),
            )
            return False
        try:
            picture.save(self.bring_up(name), path, title)
        except OSError as exc:
            self.window.files.show_error(
                self.tr("Cannot export the picture"),
                self.tr("Cannot write %1.").replace("%1", str(path)) + "\n" + str(exc),
            )
            return False
        self.window.show_status(self.tr("Saved %1").replace("%1", str(path)), "info")
        return True

    def copy(self, name: str) -> None:
        picture.copy_image(self.bring_up(name))
        self.window.show_status(
            self.tr("The %1 view is on the clipboard.").replace("%1", view_titles()[name]), "info"
        )

    def _default_name(self, name: str, suffix: str) -> str:
        s = self.window.session
        stem = s.path.stem if s.path else (s.project.name or "view")
        return f"{stem}_{name}{suffix}"

    def export_dialog_for(self, name: str, suffix: str) -> bool:
        """Ask for a file of this suffix (right-click ▸ Export as PNG… / SVG…), then save."""
        filt = (
            self.tr("PNG images (*.png)") if suffix == ".png" else self.tr("SVG drawings (*.svg)")
        )
        path = self.window.files.ask_save_path(
            self.tr("Export the %1 view").replace("%1", view_titles()[name]),
            filt,
            suffix,
            self._default_name(name, suffix),
        )
        return path is not None and self.save(name, path)

    def export_dialog(self) -> bool:
        """File ▸ Export view…: choose the view by name, then the file (.png or .svg)."""
        titles = view_titles()
        label, ok = QInputDialog.getItem(
            self.window,
            self.tr("Export view"),
            self.tr("View to export:"),
            list(titles.values()),
            0,
            False,
        )
        if not ok:
            return False
        name = next(n for n, t in titles.items() if t == label)
        filt = self.tr("PNG images (*.png);;SVG drawings (*.svg)")
        path = self.window.files.ask_save_path(
            self.tr("Export the %1 view").replace("%1", label),
            filt,
            ".png",
            self._default_name(name, ".png"),
        )
        return path is not None and self.save(name, path)


def export_headless(app, window, name: str, out: Path, steps: int, size: tuple[int, int]) -> int:
    """`gui --export-view NAME --out FILE`: train `steps` steps, write the view, close."""
    window.resize(*size)
    window.show()
    app.processEvents()
    session = window.session
    snap = session.train_steps(steps) if steps else session.sync()
    for _ in range(3):  # let layouts settle at the final size
        app.processEvents()
    if snap is not None:
        window.paint(snap)
    pictures = window.pictures
    try:
        picture.save(pictures.bring_up(name), out, view_titles()[name])
    except OSError as exc:
        print(f"activation-playground: error: {exc}", file=sys.stderr)
        return 1
    finally:
        window.close()
        app.processEvents()
    return 0
