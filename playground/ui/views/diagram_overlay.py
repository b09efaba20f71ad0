"""What the network diagram draws over its neurons: column titles with each hidden layer's dead
and saturated counts, the marks of dead units (greyed, with a cross) and saturated ones
(outlined), and, while the inspector is pinned, each neuron's value a at the pinned input.

The two mark items are made once and updated only when the masks change (LayerStats arrive at
~10 Hz); the titles and value labels are made per network structure, and a label's text is set
only when its rounded value changes. Strings are in the NetworkDiagram context.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetricsF, QPainterPath

from playground.core.nn import activations
from playground.live.payloads import InspectorPayload
from playground.live.snapshot import Snapshot
from playground.ui.graphics import items, palette, scale
from playground.ui.i18n.core_strings import tr_core
from playground.ui.views.inspector import fits
from playground.ui.views.inspector_text import num, rgb_hex

DEAD_RGB = (110, 110, 110)
SATURATED_RGB = palette.VERMILLION
COUNTS_COLOR = rgb_hex(SATURATED_RGB)
LABEL_PT = 8.5
COUNTS_PT = 8.5
TITLE_PT, COMPACT_PT = 10.0, 8.5


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def font(size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def _crossed_square() -> QPainterPath:
    """A unit square with both diagonals (pyqtgraph symbols span −½..½)."""
    path = QPainterPath()
    path.addRect(-0.5, -0.5, 1.0, 1.0)
    for (x0, y0), (x1, y1) in (((-0.5, -0.5), (0.5, 0.5)), ((-0.5, 0.5), (0.5, -0.5))):
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
    return path


def pinned_forward(snap: Snapshot, pinned):
    """The inspector's ForwardPass at the pinned point, when the snapshot carries one for this
    network; else None."""
    payload = (snap.insights or {}).get("inspector")
    if not pinned or not isinstance(payload, InspectorPayload) or payload.point != tuple(pinned):
        return None
    return payload.forward if fits(payload, snap) else None


def column_title(snap: Snapshot, col: int, compact: bool = False) -> str:
    """A column's title lines: "Layer 3\n16 × ReLU", or short: "L3\n16\nReLU"."""
    if col == 0:
        return translate("NetworkDiagram", "Input")
    layers = snap.spec.layers
    act = tr_core(activations.get(layers[col - 1].activation).label)
    if col == len(layers):
        return translate("NetworkDiagram", "Output\n{act}").format(act=act)
    if compact:
        return translate("NetworkDiagram", "L{i}\n{n}\n{act}").format(
            i=col, n=layers[col - 1].units, act=act
        )
    return translate("NetworkDiagram", "Layer {i}\n{n} × {act}").format(
        i=col, n=layers[col - 1].units, act=act
    )


def title_font(compact: bool, col: int, n_cols: int) -> QFont:
    return font(scale.pt(COMPACT_PT if compact else TITLE_PT), bold=0 < col < n_cols - 1)


def title_widths(snap: Snapshot, compact: bool) -> list[float]:
    """Each column's title width in px: its longest line, and for hidden layers in the full
    form the longest counts line it can show ("dead 64 · sat 64")."""
    n_cols = len(snap.spec.sizes)
    widths = []
    counts = QFontMetricsF(font(scale.pt(COUNTS_PT), bold=True))
    for col in range(n_cols):
        metrics = QFontMetricsF(title_font(compact, col, n_cols))
        lines = column_title(snap, col, compact).split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines)
        if not compact and 0 < col < n_cols - 1:
            n = str(snap.spec.layers[col - 1].units)
            sample = (
                translate("NetworkDiagram", "dead %1").replace("%1", n)
                + " · "
                + (translate("NetworkDiagram", "sat %1").replace("%1", n))
            )
            width = max(width, counts.horizontalAdvance(sample))
        widths.append(width + 4)
    return widths


def counts_text(stats) -> str:
    """ "dead 2 · sat 1" for one hidden layer's LayerStats ("" when there are none)."""
    dead, saturated = int(np.sum(stats.dead)), int(np.sum(stats.saturated))
    parts = ([translate("NetworkDiagram", "dead %1").replace("%1", str(dead))] if dead else []) + (
        [translate("NetworkDiagram", "sat %1").replace("%1", str(saturated))] if saturated else []
    )
    return " · ".join(parts)


class DiagramOverlay:
    def __init__(self, view: pg.ViewBox):
        self.view = view
        self.dead = items.PassiveScatter(
            pxMode=False,
            symbol=_crossed_square(),
            size=1.0,
            pen=pg.mkPen(*DEAD_RGB, width=2),
            brush=pg.mkBrush(235, 235, 235, 200),
        )
        self.saturated = items.PassiveScatter(
            pxMode=False, symbol="s", size=1.12, pen=pg.mkPen(*SATURATED_RGB, width=3), brush=None
        )
        for z, item in enumerate((self.dead, self.saturated)):
            item.setZValue(3 + z)
            view.addItem(item)
        self.labels = items.PixelLabels(font(scale.pt(LABEL_PT), bold=True))  # neuron values
        self.labels.setZValue(8)
        view.addItem(self.labels, ignoreBounds=True)
        self.titles: list[pg.TextItem] = []
        self._centres: list[np.ndarray] = []
        self._labelled: list[bool] = []
        self._marks_key = None
        self._counts: list[str] = []
        self._compact = False
        self._shown: tuple = ()  # (texts, offs) the labels show

    def rebuild(self, snap: Snapshot, title_x: list[float], compact: bool, add) -> None:
        """New titles for a new structure, centred on title_x; `add` puts an item into the
        diagram's per-structure items."""
        self._compact = compact
        n_cols = len(title_x)
        self.titles, self._counts = [], [None] * n_cols
        for col, x in enumerate(title_x):
            text = pg.TextItem(color=palette.INK, anchor=(0.5, 0.0))
            text.setFont(title_font(compact, col, n_cols))
            text.setPos(x, 0.0)
            text.setZValue(12)
            add(text)
            self.titles.append(text)
            self._set_counts(snap, col, "")

    def label_width(self, text: str) -> float:
        """px a value label of `text` takes (with its white fill)."""
        return self.labels.text_width(text) + 2 * self.labels.PAD

    def place_titles(self, top: float) -> None:
        """Titles hang from view y `top` (the top of the visible range)."""
        for text in self.titles:
            if text.pos().y() != top:
                text.setPos(text.pos().x(), top)

    def move(self, centres: list[np.ndarray], label_sides: list[float | None]) -> None:
        """Tile centres (n_c, 2) per column; label_sides[c]: where column c's value labels go,
        +1 right of each neuron, −1 left of it, 0 inside the tile, None: no labels."""
        self._centres = centres
        self._labelled = [side is not None for side in label_sides]
        self._marks_key = None
        sides = [np.full(len(pts), side or 0.0) for pts, side in zip(centres, label_sides)]
        self._label_side = np.concatenate(sides)
        self._label_pos = np.concatenate(centres) + np.column_stack(
            [0.55 * self._label_side, np.zeros(len(self._label_side))]
        )
        self._shown = ()

    def update(self, snap: Snapshot, forward=None) -> None:
        """Marks and header counts from snap.layer_stats; value labels from a ForwardPass of
        this network (None: hidden); columns that are not labelled show none."""
        self._marks(snap)
        n = len(self._label_side)
        if forward is None:
            self._show_values([""] * n, [False] * n)
            return
        values = [forward.inputs] + [layer.a for layer in forward.layers]
        offs = [np.zeros(len(forward.inputs), bool)] + [layer.off for layer in forward.layers]
        if sum(len(v) for v in values) != n:
            return
        texts = [
            num(float(v)) if self._labelled[col] else ""
            for col, column in enumerate(values)
            for v in column
        ]
        self._show_values(texts, list(np.concatenate(offs)))

    def _show_values(self, texts: list[str], offs: list[bool]) -> None:
        if (texts, offs) == self._shown:
            return  # the rounded values did not change
        self._shown = (texts, offs)
        ink, grey = pg.mkColor(*palette.INK), pg.mkColor(*DEAD_RGB)
        self.labels.set_labels(
            self._label_pos, self._label_side, texts, [grey if off else ink for off in offs]
        )
        self.labels.setVisible(any(texts))  # an empty item is not painted at all

    def label_texts(self) -> list[list[str]]:
        """What the value labels show per column (inputs first) and unit; "" where none."""
        texts, out, start = self.labels.texts, [], 0
        for pts in self._centres:
            out.append(texts[start : start + len(pts)])
            start += len(pts)
        return out

    def _marks(self, snap: Snapshot) -> None:
        stats = snap.layer_stats
        if stats is None or len(stats) != len(self._centres) - 2:
            stats = ()
        key = tuple((s.dead.tobytes(), s.saturated.tobytes()) for s in stats)
        if key == self._marks_key:
            return
        self._marks_key = key
        dead, saturated = [np.zeros((0, 2))], [np.zeros((0, 2))]
        for col in range(1, len(self._centres) - 1):
            pts, s = self._centres[col], stats[col - 1] if stats else None
            if s is None or len(s.dead) != len(pts):  # statistics of an earlier network
                self._set_counts(snap, col, "")
                continue
            dead.append(pts[np.asarray(s.dead, bool)])
            saturated.append(pts[np.asarray(s.saturated, bool)])
            self._set_counts(snap, col, counts_text(s))
        self.dead.setData(pos=np.concatenate(dead))
        self.saturated.setData(pos=np.concatenate(saturated))

    def _set_counts(self, snap: Snapshot, col: int, counts: str) -> None:
        """The title, and in the full form the counts as a line of small print below it."""
        if counts == self._counts[col]:
            return
        self._counts[col] = counts
        lines = [html.escape(line) for line in column_title(snap, col, self._compact).split("\n")]
        if counts and not self._compact:
            lines.append(
                f"<span style='color:{COUNTS_COLOR}; font-size:{scale.pt(COUNTS_PT)}pt'>"
                f"{html.escape(counts)}</span>"
            )
        title = self.titles[col]
        title.setHtml(f"<div align='center'>{'<br>'.join(lines)}</div>")
        title.setTextWidth(-1)  # centring needs a fixed width: the longest line's
        title.setTextWidth(title.textItem.document().idealWidth())
