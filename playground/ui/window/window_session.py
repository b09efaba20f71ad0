"""WindowSession: the session as one window sees it.

Every change signal of the session is re-emitted by this QObject, a child of the window, so
every connection the window's widgets make (lambdas included) dies with the window; requests
and properties go straight to the session. A window can then be rebuilt — another language —
while the session, its project and its training run on.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class WindowSession(QObject):
    dataChanged = Signal()
    specChanged = Signal()
    configChanged = Signal()
    snapshotReady = Signal(object)
    runningChanged = Signal(bool)
    message = Signal(str)
    notice = Signal(str, str)
    selectedLayerChanged = Signal(int)
    currentClassChanged = Signal(int)
    viewChanged = Signal()
    stopRulesChanged = Signal()
    speedChanged = Signal(float)
    undoStateChanged = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal()
    projectReplaced = Signal()
    dataReplaced = Signal()
    insightsChanged = Signal()

    SIGNALS = (
        "dataChanged",
        "specChanged",
        "configChanged",
        "snapshotReady",
        "runningChanged",
        "message",
        "notice",
        "selectedLayerChanged",
        "currentClassChanged",
        "viewChanged",
        "stopRulesChanged",
        "speedChanged",
        "undoStateChanged",
        "modifiedChanged",
        "pathChanged",
        "projectReplaced",
        "dataReplaced",
        "insightsChanged",
    )

    def __init__(self, session, parent: QObject):
        super().__init__(parent)
        self.session = session
        for name in self.SIGNALS:
            getattr(session, name).connect(getattr(self, name))

    def __getattr__(self, name: str):
        return getattr(self.session, name)
