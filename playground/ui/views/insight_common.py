"""What every insight view shares: finding its payload in a snapshot, and the one-line empty
state that says why the view does not apply."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from playground.live.payloads import NotApplicable
from playground.live.snapshot import Snapshot
from playground.ui.graphics import scale
from playground.ui.i18n import messages, translator


class NotApplicableLabel(QLabel):
    """The view's empty state: one sentence, shown instead of the view's content."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: palette(dark); font-size: {scale.pt(12):.1f}pt; padding: 12px;")
        self.hide()


def payload_of(
    snap: Snapshot, name: str, empty: NotApplicableLabel, content, fits=None
) -> object | None:
    """The view's payload, with the content shown; or None with the empty state showing why
    (not computed yet, or not applicable to this network). `fits(payload)`: False for a payload
    kept from before an edit (the GUI keeps each view's last one), shown as not computed yet."""
    payload = (snap.insights or {}).get(name)
    if (
        fits is not None
        and payload is not None
        and not isinstance(payload, NotApplicable)
        and not fits(payload)
    ):
        payload = None
    if payload is None or isinstance(payload, NotApplicable):
        text = (
            messages.text(payload.code, payload.params)
            if payload is not None
            else QCoreApplication.translate("InsightViews", "Computing…")
        )
        if empty.text() != text:
            empty.setText(text)
        empty.show()
        for w in content:
            w.hide()
        return None
    empty.hide()
    for w in content:
        w.show()
    return payload


class DrawnOnce:
    """A view's memory of what it drew last: the GUI keeps each view's payload between the
    loop's refreshes (~10 Hz), so at 30 frames a second most frames bring the same one."""

    def __init__(self):
        self._key: tuple = ()

    def is_new(self, payload, snap: Snapshot) -> bool:
        """True (and remembered) unless this payload was drawn for the same data, network and
        language."""
        key = (payload, snap.data, snap.spec, translator.current())
        same = bool(self._key) and key[0] is self._key[0] and key[1] is self._key[1]
        if same and key[2:] == self._key[2:]:
            return False
        self._key = key
        return True
