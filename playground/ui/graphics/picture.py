"""Pictures of any widget — PNG at twice its size (for slides), SVG, the clipboard — and the
right-click menu that offers them on every view of the window.

    render(widget, ratio) -> QImage           (round(w·ratio) × round(h·ratio) px, DPR ratio)
    png_bytes(widget, ratio) / svg_bytes(widget, title) -> bytes
    save(widget, path, title)                 .png or .svg by the suffix, written atomically
    copy_image(widget, ratio)                 the PNG picture on the clipboard
    PictureMenu                               the right-click menu (an event filter)

A widget is painted with QWidget.render, so pyqtgraph scenes, text browsers and plain widgets
draw the same way; the SVG keeps lines and text as vectors (QSvgGenerator).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMenu, QTextEdit, QWidget

from playground.core.files.atomic import atomic_write

translate = QCoreApplication.translate  # (context, literal): lupdate reads the calls
SLIDE_RATIO = 2.0  # PNG pixels per widget pixel
SUFFIXES = (".png", ".svg")
_FLAGS = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren


def render(widget: QWidget, ratio: float = SLIDE_RATIO) -> QImage:
    """The widget painted on white at `ratio` device pixels per widget pixel."""
    size = widget.size()
    image = QImage(
        QSize(round(size.width() * ratio), round(size.height() * ratio)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        widget.render(painter, QPoint(0, 0), widget.rect(), _FLAGS)
    finally:
        painter.end()
    return image


def png_bytes(widget: QWidget, ratio: float = SLIDE_RATIO) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image = render(widget, ratio)
    image.setDevicePixelRatio(1.0)  # the file's pixel size is the image's
    if not image.save(buffer, "PNG"):
        raise OSError("the PNG encoder refused the picture")
    buffer.close()
    return bytes(data.data())


def svg_bytes(widget: QWidget, title: str = "") -> bytes:
    """The widget as SVG: width × height user units, lines and text as vectors."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRect(QPoint(0, 0), widget.size()))
    generator.setTitle(title)
    painter = QPainter(generator)
    try:
        widget.render(painter, QPoint(0, 0), widget.rect(), _FLAGS)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def save(widget: QWidget, path, title: str = "", ratio: float = SLIDE_RATIO) -> Path:
    """Write the widget's picture to path (.png at `ratio`, or .svg) atomically. ValueError for
    another suffix; OSError when the file cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValueError(suffix)
    data = png_bytes(widget, ratio) if suffix == ".png" else svg_bytes(widget, title)
    atomic_write(path, lambda f: f.write(data))
    return path


def copy_image(widget: QWidget, ratio: float = SLIDE_RATIO) -> QImage:
    """Put the widget's picture on the clipboard (and return it)."""
    image = render(widget, ratio)
    QGuiApplication.clipboard().setImage(image)
    return image


class PictureMenu(QObject):
    """Right-click anywhere inside a registered widget: Export as PNG…, Export as SVG…, Copy
    image (and a text view's own Copy / Select All; a pyqtgraph ViewBox's View All). Text
    fields and spin boxes inside a view keep their own menus.

    on_export(name, suffix) and on_copy(name) do the work; the widgets are named by `add`.
    A right-click that the view used itself (e.g. the plane removing a point: `used` fires
    during the click) shows no menu. The menu opens after the button is released, so the view
    sees the whole click first. `menu` is the last menu shown (tests trigger its actions).
    """

    def __init__(
        self,
        parent: QObject,
        on_export: Callable[[str, str], object],
        on_copy: Callable[[str], object],
    ):
        super().__init__(parent)
        self._on_export, self._on_copy = on_export, on_copy
        self._names: dict[QWidget, str] = {}
        self._pending: tuple[str, QPoint, QWidget] | None = None
        self.menu: QMenu | None = None

    def add(self, widget: QWidget, name: str, used=None) -> None:
        """Offer the menu on widget and everything inside it, now and later added."""
        self._names[widget] = name
        self._watch(widget)
        for child in widget.findChildren(QWidget):
            self._watch(child)
        _adopt_view_box_menus(widget)
        if used is not None:
            used.connect(self._cancel)

    def _watch(self, widget: QWidget) -> None:
        widget.removeEventFilter(self)
        widget.installEventFilter(self)

    def _owner(self, widget: QWidget | None) -> str | None:
        while widget is not None:
            if widget in self._names:
                return self._names[widget]
            widget = widget.parentWidget()
        return None

    def _cancel(self, *_args) -> None:
        self._pending = None

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded and event.child().isWidgetType():
            self._watch(event.child())
        elif kind == QEvent.Type.ContextMenu and isinstance(watched, QWidget):
            if isinstance(watched, (QLineEdit, QAbstractSpinBox)):
                return False  # a field keeps its own Undo / Cut / Copy / Paste menu
            name = self._owner(watched)
            if name is None:
                return False
            self._pending = (name, event.globalPos(), watched)
            held = QGuiApplication.mouseButtons() & Qt.MouseButton.RightButton
            if event.reason() != QContextMenuEvent.Reason.Mouse or not held:
                QTimer.singleShot(0, self._show_pending)
            return True
        elif (
            kind == QEvent.Type.MouseButtonRelease
            and self._pending is not None
            and event.button() == Qt.MouseButton.RightButton
        ):
            QTimer.singleShot(0, self._show_pending)  # after the view handled the click
        return False

    def _show_pending(self) -> None:
        if self._pending is None:
            return
        name, at, watched = self._pending
        self._pending = None
        self.show_menu(name, at, watched)

    def show_menu(self, name: str, at: QPoint, watched: QWidget | None = None) -> QMenu:
        """Build and pop up the menu for the view `name` at global position `at`."""
        menu = QMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(
            translate("Pictures", "Export as PNG…"), lambda: self._on_export(name, ".png")
        )
        menu.addAction(
            translate("Pictures", "Export as SVG…"), lambda: self._on_export(name, ".svg")
        )
        menu.addAction(translate("Pictures", "Copy image"), lambda: self._on_copy(name))
        _add_own_entries(menu, watched, at)
        self.menu = menu
        menu.popup(at)
        return menu


def _add_own_entries(menu: QMenu, watched: QWidget | None, at: QPoint) -> None:
    """A text view's standard entries (Copy, Select All); a ViewBox's View All."""
    parent = watched.parentWidget() if watched is not None else None
    edit = next((w for w in (watched, parent) if isinstance(w, QTextEdit)), None)
    if edit is not None:  # watched is the text view or its viewport
        standard = edit.createStandardContextMenu(edit.viewport().mapFromGlobal(at))
        standard.setParent(menu, standard.windowFlags())
        menu.addSeparator()
        for action in standard.actions():
            menu.addAction(action)
    for box in _adopted_boxes(watched):
        menu.addSeparator()
        menu.addAction(translate("Pictures", "View all"), box.autoRange)


def _graphics_views(widget: QWidget | None) -> list:
    import pyqtgraph as pg

    if widget is None:
        return []
    found = [widget] if isinstance(widget, pg.GraphicsView) else []
    return found + widget.findChildren(pg.GraphicsView)


def _adopt_view_box_menus(widget: QWidget) -> None:
    """A pyqtgraph ViewBox with its own right-click menu: the menu is turned off (ours shows
    instead) and the box marked, so ours offers its View All."""
    import pyqtgraph as pg

    for view in _graphics_views(widget):
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox) and item.menuEnabled():
                item.setMenuEnabled(False)
                item.setProperty("picture_view_all", True)


def _adopted_boxes(watched: QWidget | None) -> list:
    """The ViewBoxes whose menu we adopted, in the graphics view that got the right-click."""
    import pyqtgraph as pg

    widget = watched
    while widget is not None and not isinstance(widget, pg.GraphicsView):
        widget = widget.parentWidget()
    if widget is None:
        return []
    return [
        item
        for item in widget.scene().items()
        if isinstance(item, pg.ViewBox) and item.property("picture_view_all")
    ]
