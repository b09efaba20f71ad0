"""Autosave and recovery of unsaved work.

While the session has unsaved work, Autosaver writes its project — points, network, weights,
history, view: session.current_project() — to the recovery folder
(QStandardPaths.AppDataLocation/recovery) at most every SAVE_EVERY_S seconds, and BURST_S after
the last edit of a burst of point edits. Saving, opening another project and a clean exit
remove it.

One instance's files, id = "<pid>-<random hex>" (so windows and instances never share one):
    <id>.json        the project (save_project: atomic)
    <id>.meta.json   {"name", "path", "saved_at"}: what the recovery dialog says
    <id>.lock        a QLockFile held while the instance lives
A file whose lock can be taken belongs to an instance that is gone (a crash, kill -9): at the
next start RecoveryStore.orphans() finds it — holding its lock while it is offered, so a live
instance's file is never offered or deleted, and two instances never offer the same one — and
offer_recovery asks "Recover unsaved work": Recover restores it (unsaved), Discard deletes it,
Later keeps it for the next start.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QLockFile,
    QObject,
    QStandardPaths,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QMessageBox, QWidget

from playground.core.files.atomic import atomic_write, read_limited
from playground.core.files.project import Project, ProjectError, load_project, save_project
from playground.ui.i18n.core_strings import tr_core

translate = QCoreApplication.translate  # (context, literal): lupdate reads the calls
SAVE_EVERY_S = 30.0  # the most often unsaved work is written while it changes
BURST_S = 2.0  # quiet time that ends a burst of point edits
META_BYTES = 64 * 1024


def recovery_folder() -> Path:
    """AppDataLocation/recovery (the application's organization and name decide the folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


@dataclass(frozen=True, eq=False)
class Orphan:
    """A recovery file left by an instance that is gone; its lock is held while offered."""

    id: str
    project_file: Path
    name: str  # the project's name when it was autosaved
    path: str | None  # the project's own file, if it had one
    saved_at: float  # seconds since the epoch
    lock: QLockFile


class RecoveryStore:
    """The recovery folder's files (module docstring). OSError when the folder is unusable."""

    def __init__(self, folder=None):
        self.folder = Path(folder) if folder is not None else recovery_folder()
        self._locks: dict[str, QLockFile] = {}

    def files(self, id_: str) -> tuple[Path, Path, Path]:
        """(project, meta, lock) of an instance."""
        return (
            self.folder / f"{id_}.json",
            self.folder / f"{id_}.meta.json",
            self.folder / f"{id_}.lock",
        )

    def _lock(self, id_: str) -> QLockFile | None:
        lock = QLockFile(str(self.files(id_)[2]))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however old
        return lock if lock.tryLock(0) else None

    def claim(self) -> str:
        """A new instance id whose lock this instance holds until release."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        while True:
            id_ = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            lock = self._lock(id_)
            if lock is not None:
                self._locks[id_] = lock
                return id_

    def holds(self, id_: str) -> bool:
        """True while this store holds the lock of instance id_ (claimed, not released)."""
        return id_ in self._locks

    def write(self, id_: str, project: Project, name: str, path: str | None) -> Path:
        project_file, meta_file, _ = self.files(id_)
        save_project(project, project_file)
        meta = {"name": name, "path": path, "saved_at": time.time()}
        atomic_write(meta_file, lambda f: f.write(json.dumps(meta).encode("utf-8")))
        return project_file

    def remove(self, id_: str) -> None:
        """Delete an instance's recovery files (its lock stays as it is)."""
        for f in self.files(id_)[:2]:
            f.unlink(missing_ok=True)

    def release(self, id_: str, keep_files: bool = False) -> None:
        """This instance ends: its files go (unless keep_files: then a later start offers
        them) and its lock is given up."""
        if not keep_files:
            self.remove(id_)
        lock = self._locks.pop(id_, None)
        if lock is not None:
            lock.unlock()

    def orphans(self) -> list[Orphan]:
        """Recovery files of instances that are gone, newest first; their locks now held."""
        if not self.folder.is_dir():
            return []
        found = []
        for project_file in self.folder.glob("*.json"):
            id_ = project_file.name.removesuffix(".json")
            if id_.endswith(".meta") or self.holds(id_):
                continue
            lock = self._lock(id_)
            if lock is not None:
                found.append(self._orphan(id_, project_file, lock))
        return sorted(found, key=lambda o: -o.saved_at)

    def _orphan(self, id_: str, project_file: Path, lock: QLockFile) -> Orphan:
        meta_file = self.files(id_)[1]
        try:
            meta = json.loads(read_limited(meta_file, OSError, "recovery note", META_BYTES))
        except (OSError, ValueError):
            meta = {}
        meta = meta if isinstance(meta, dict) else {}
        name, path, saved = meta.get("name"), meta.get("path"), meta.get("saved_at")
        if not isinstance(saved, (int, float)):
            saved = project_file.stat().st_mtime
        return Orphan(
            id_,
            project_file,
            name if isinstance(name, str) else project_file.stem,
            path if isinstance(path, str) else None,
            float(saved),
            lock,
        )

    def load(self, orphan: Orphan) -> Project:
        """The orphan's project; ProjectError when the file is damaged."""
        return load_project(orphan.project_file)

    def discard(self, orphan: Orphan) -> None:
        self.remove(orphan.id)
        orphan.lock.unlock()

    def keep(self, orphan: Orphan) -> None:
        """Leave it for a later start."""
        orphan.lock.unlock()


class Autosaver(QObject):
    """Writes the session's unsaved work to its own recovery file (module docstring)."""

    saved = Signal(object)  # the recovery file just written (Path)

    def __init__(
        self,
        session,
        store: RecoveryStore | None = None,
        every_s: float = SAVE_EVERY_S,
        burst_s: float = BURST_S,
    ):
        super().__init__()
        self.session = session
        self.store = store if store is not None else RecoveryStore()
        self.id = self.store.claim()
        self._dirty = False
        self._failed = ""
        self._periodic = QTimer(self)
        self._periodic.setInterval(int(every_s * 1000))
        self._periodic.timeout.connect(self._tick)
        self._periodic.start()
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(int(burst_s * 1000))
        self._burst.timeout.connect(self.save_now)
        session.dataChanged.connect(self._points_edited)
        for signal in (
            session.specChanged,
            session.configChanged,
            session.snapshotReady,
            session.viewChanged,
            session.stopRulesChanged,
            session.insightsChanged,
            session.speedChanged,
            session.selectedLayerChanged,
            session.pathChanged,
        ):
            signal.connect(self._changed)
        session.modifiedChanged.connect(self._modified)

    @property
    def path(self) -> Path:
        """This instance's recovery file (it exists only while there is unsaved work)."""
        return self.store.files(self.id)[0]

    def _changed(self, *_args) -> None:
        self._dirty = True

    def _points_edited(self) -> None:
        self._dirty = True
        self._burst.start()  # restarted by each edit of a burst

    def _tick(self) -> None:
        if self._dirty:
            self.save_now()

    def _name(self) -> str:
        s = self.session
        p = s.project
        return (
            s.path.stem
            if s.path
            else (tr_core(p.title) or p.name or translate("Recovery", "Untitled"))
        )

    def save_now(self) -> bool:
        """Write the unsaved work now; False when there is none or it cannot be written."""
        if not self.session.modified:
            return False
        self._dirty = False
        path = self.session.path
        try:
            written = self.store.write(
                self.id,
                self.session.current_project(),
                self._name(),
                None if path is None else str(path.absolute()),
            )
        except (OSError, ProjectError) as exc:
            if str(exc) != self._failed:  # say it once, not every 30 s
                self._failed = str(exc)
                self.session.say(
                    translate("Recovery", "Autosave failed: %1").replace("%1", str(exc)), "warning"
                )
            return False
        self._failed = ""
        self.saved.emit(written)
        return True

    def _modified(self, on: bool) -> None:
        if not on:  # saved, or another project loaded: nothing left to recover
            self._burst.stop()
            self._dirty = False
            self.store.remove(self.id)

    def finish(self, clean: bool = True) -> None:
        """The instance ends: a clean exit removes the recovery file; otherwise it stays for
        the next start to offer. Idempotent."""
        self._periodic.stop()
        self._burst.stop()
        if self.store.holds(self.id):
            self.store.release(self.id, keep_files=not clean)


# ---------------------------------------------------------------------- at start-up
def saved_time(orphan: Orphan) -> str:
    when = QDateTime.fromSecsSinceEpoch(int(orphan.saved_at))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def recovery_box(parent: QWidget | None, orphan: Orphan) -> QMessageBox:
    """The question for one orphan; its buttons' objectNames are recover, discard, later."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Recovery", "Recover unsaved work"),
        translate(
            "Recovery",
            "Activation Playground did not close normally last time. Its unsaved work was kept:",
        ),
        parent=parent,
    )
    box.setInformativeText(
        translate("Recovery", "%1, autosaved %2")
        .replace("%1", orphan.name)
        .replace("%2", saved_time(orphan))
    )
    recover = box.addButton(translate("Recovery", "Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    later = box.addButton(translate("Recovery", "Later"), QMessageBox.ButtonRole.RejectRole)
    for button, name in ((recover, "recover"), (discard, "discard"), (later, "later")):
        button.setObjectName(name)
        button.setToolTip(
            {
                "recover": translate(
                    "Recovery", "Open the autosaved project (it is not saved yet)."
                ),
                "discard": translate("Recovery", "Delete the autosaved work."),
                "later": translate("Recovery", "Ask again at the next start."),
            }[name]
        )
    box.setDefaultButton(recover)
    box.setEscapeButton(later)
    return box


def ask(parent: QWidget | None, orphan: Orphan) -> str:
    """recover, discard or later."""
    box = recovery_box(parent, orphan)
    box.exec()
    clicked = box.clickedButton()
    return clicked.objectName() if clicked is not None else "later"


def offer_recovery(parent: QWidget | None, session, autosaver: Autosaver, answer=ask) -> bool:
    """Ask about each orphan, newest first, until one is recovered; True if one was.

    Recover loads it into the session marked unsaved, writes it to this instance's own
    recovery file, then deletes the orphan's; Discard deletes it; Later keeps it."""
    orphans = autosaver.store.orphans()
    recovered = False
    for orphan in orphans:
        choice = "later" if recovered else answer(parent, orphan)
        if choice == "recover":
            recovered = _recover(parent, session, autosaver, orphan)
        elif choice == "discard":
            autosaver.store.discard(orphan)
        else:
            autosaver.store.keep(orphan)
    return recovered


def _recover(parent, session, autosaver: Autosaver, orphan: Orphan) -> bool:
    try:
        project = autosaver.store.load(orphan)
    except ProjectError as exc:
        autosaver.store.keep(orphan)
        QMessageBox.warning(parent, translate("Recovery", "Cannot recover the work"), str(exc))
        return False
    own = Path(orphan.path) if orphan.path and Path(orphan.path).is_file() else None
    session.load_project(project, own)
    session.mark_unsaved()
    if autosaver.save_now():
        autosaver.store.discard(orphan)
    else:
        autosaver.store.keep(orphan)
    return True
