"""NeuronPopup: one neuron's output map, large, over the plane (opened from the network diagram).

2-D data: the map (res, res) as an image over snap.extent with the diverging neuron table;
1-D data: the unit's curve over x; d > 2: a note that no map exists. Updated live while open.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.nn import activations
from playground.live.snapshot import LEVELS, Snapshot
from playground.ui.graphics import items, palette
from playground.ui.i18n.core_strings import tr_core


class NeuronPopup(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Tool)
        self.neuron = (0, 0)  # (layer, unit)
        self.resize(380, 420)
        self.title = QLabel()
        font = QFont()
        font.setPointSizeF(12)
        font.setBold(True)
        self.title.setFont(font)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.getViewBox().setAspectLocked(True)
        items.fast_view(self.plot)
        self.image = items.FastImage(axisOrder="row-major")
        self.image.setLookupTable(palette.NEURON_LUT)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(*palette.BLUE, width=3))
        self.plot.addItem(self.image)
        self.plot.addItem(self.curve)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)

    def show_neuron(self, snap: Snapshot, layer: int, unit: int) -> None:
        self.neuron = (layer, unit)
        spec_layer = snap.spec.layers[layer]
        act = activations.get(spec_layer.activation)
        where = (self.tr("Output") if layer == len(snap.spec.hidden)
                 else self.tr("Layer {i}").format(i=layer + 1))
        self.title.setText(self.tr("{where}, unit {u} · {act}").format(
            where=where, u=unit + 1, act=tr_core(act.label)))
        self.setWindowTitle(self.title.text())
        maps = snap.neuron_maps
        if maps is None or unit >= maps[layer].shape[0]:
            self.image.setVisible(False)
            self.curve.setVisible(False)
            self.title.setText(self.title.text() + "\n" + self.tr("No map for data with d > 2."))
            return
        codes = maps[layer][unit]
        x0, x1, y0, y1 = snap.extent
        if codes.ndim == 2:
            self.plot.getViewBox().setAspectLocked(True)
            self.image.setImage(codes.astype(np.float32), levels=(0.0, float(LEVELS)),
                                autoLevels=False)
            self.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.0)
            self.image.setVisible(True)
            self.curve.setVisible(False)
        else:
            self.plot.getViewBox().setAspectLocked(False)
            m = snap.neuron_values(layer)[unit]
            self.curve.setData(np.linspace(x0, x1, len(m)), m)
            self.curve.setVisible(True)
            self.image.setVisible(False)
