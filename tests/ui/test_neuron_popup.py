"""NeuronPopup: a neuron's full title, its map with named axes, colour scale and the data points,
its incoming weights and bias and its formula with the numbers (checked against the network's
weights and an independent forward pass), live updates, and where it opens."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from view_runs import snapshot_for, trainer_for

from playground.core.nn.spec import LayerSpec
from playground.live.snapshot_builder import build_snapshot
from playground.ui.graphics import palette
from playground.ui.views import neuron_popup_text as text
from playground.ui.views.neuron_popup import NeuronPopup, popup_position

HIDDEN = (LayerSpec(5, "tanh"), LayerSpec(4, "relu"))


@pytest.fixture
def popup(qtbot):
    p = NeuronPopup()
    qtbot.addWidget(p)
    return p


def _value(s: str) -> float:
    return float(s.replace("−", "-"))


def _rows(popup) -> list[tuple[str, float, str]]:
    """(symbol, value, what it multiplies) of the weights table, from the shown HTML."""
    cells = re.findall(
        r"<tr><td>(.*?)</td><td[^>]*>&nbsp;=&nbsp;(.*?)</td><td>&nbsp;&nbsp;"
        r"<span[^>]*>(.*?)</span></td></tr>",
        popup.details.text(),
    )
    return [(sym, _value(val), name) for sym, val, name in cells]


def _formula_terms(popup) -> tuple[str, list[tuple[float, str]], float]:
    """(function, [(weight, input name)], bias) from the numbers line "a = Tanh(…)"."""
    line = re.search(r"a = ([A-Z][\w ]*)\(([^<]*)\)</p>", popup.details.text())
    func, body = line.group(1), line.group(2).replace(" − ", " + −")
    terms = body.split(" + ")
    pairs = [(_value(t.split("·")[0]), t.split("·", 1)[1]) for t in terms[:-1]]
    return func, pairs, _value(terms[-1])


def _forward(snap, x: np.ndarray) -> list[np.ndarray]:
    """Every layer's activations a (n, units) for raw 2-D points x (features x1, x2)."""
    acts = {
        "tanh": np.tanh,
        "relu": lambda z: np.maximum(z, 0.0),
        "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
        "linear": lambda z: z,
    }
    a, out = x, []
    for W, b, layer in zip(snap.weights, snap.biases, snap.spec.layers, strict=True):
        a = acts[layer.activation](a @ np.asarray(W, float).T + np.asarray(b, float))
        out.append(a)
    return out


@pytest.mark.parametrize(("layer", "unit"), [(0, 2), (1, 3), (2, 0)])
def test_popup_shows_the_weights_and_bias_of_the_network(popup, layer, unit):
    snap = snapshot_for("binary", epochs=5, res=30, hidden=HIDDEN)
    popup.show_neuron(snap, layer, unit)
    rows = _rows(popup)
    W, b = snap.weights[layer][unit], snap.biases[layer][unit]
    assert len(rows) == len(W) + 1
    for i, (sym, value, name) in enumerate(rows[:-1]):
        assert sym == f"w{'₁₂₃₄₅₆₇₈₉'[i]}"
        assert value == pytest.approx(float(W[i]), rel=5e-3, abs=5e-4)
        assert name == (["x₁", "x₂"][i] if layer == 0 else f"a⁽{'¹²³'[layer - 1]}⁾{'₁₂₃₄₅'[i]}")
    assert rows[-1][0] == "b" and rows[-1][1] == pytest.approx(float(b), rel=5e-3, abs=5e-4)


def test_the_formula_with_its_numbers_computes_the_unit(popup):
    snap = snapshot_for("binary", epochs=5, res=30, hidden=HIDDEN)
    x = snap.data.X[:20].astype(float)
    acts = _forward(snap, x)
    for layer, unit in ((0, 1), (1, 2)):
        popup.show_neuron(snap, layer, unit)
        func, pairs, bias = _formula_terms(popup)
        assert func == {0: "Tanh", 1: "ReLU"}[layer]
        inputs = x if layer == 0 else acts[layer - 1]
        names = (
            ["x₁", "x₂"]
            if layer == 0
            else [text.unit_symbol(layer - 1, j) for j in range(inputs.shape[1])]
        )
        assert [name for _w, name in pairs] == names
        z = inputs @ np.array([w for w, _n in pairs]) + bias
        shown = np.tanh(z) if layer == 0 else np.maximum(z, 0.0)
        assert np.allclose(shown, acts[layer][:, unit], atol=0.02)  # 3-digit numbers
    assert "a = f(Σ wᵢ·xᵢ + b)" in popup.details.text()


def test_title_axes_colour_scale_and_points(popup):
    snap = snapshot_for("three_class", epochs=5, res=30, hidden=HIDDEN)
    popup.show_neuron(snap, 1, 3)
    assert popup.title.text() == "Layer 2, unit 4 · ReLU"
    assert popup.title.wordWrap()
    plot = popup.plot.getPlotItem()
    assert plot.getAxis("bottom").labelText == "x₁" and plot.getAxis("left").labelText == "x₂"
    assert popup.bar.values == pytest.approx(snap.neuron_levels[1])
    assert np.array_equal(popup.image.image, snap.neuron_values(1)[3])
    assert popup.image.levels == pytest.approx(snap.neuron_levels[1])
    x, y = popup.points.getData()
    assert np.allclose(x, snap.data.X[:, 0]) and np.allclose(y, snap.data.X[:, 1])
    brushes = popup.points.data["brush"]
    for k in (0, 5, 40):
        rgb = brushes[k].color().getRgb()[:3]
        want = (255, 255, 255) if snap.data.is_test[k] else palette.CLASS_RGB[snap.data.y[k]]
        assert rgb == tuple(want)


def test_a_multiclass_output_uses_its_class_colour_scale(popup):
    snap = snapshot_for("three_class", epochs=5, res=30, hidden=HIDDEN)
    popup.show_neuron(snap, 2, 2)
    assert popup.title.text() == "Output, unit 3 · Softmax"
    assert np.array_equal(popup.image.lut, palette.class_ramp_lut(2))
    assert "z₃ = " in popup.details.text()


def test_the_popup_follows_training(popup):
    trainer = trainer_for("binary", hidden=HIDDEN)
    before = build_snapshot(trainer, 1, res=30)
    popup.show_neuron(before, 0, 0)
    first = _rows(popup)
    trainer.train_epochs(10)
    after = build_snapshot(trainer, 1, res=30)
    popup.show_neuron(after, 0, 0)
    rows = _rows(popup)
    assert rows != first
    assert rows[0][1] == pytest.approx(float(after.weights[0][0, 0]), rel=5e-3, abs=5e-4)


def test_one_dimensional_and_four_dimensional_data(popup):
    sine = snapshot_for("sine", epochs=3, res=40)
    popup.show_neuron(sine, 0, 2)
    x, y = popup.points.getData()
    xs = np.linspace(sine.extent[0], sine.extent[1], sine.neuron_maps[0].shape[1])
    assert np.allclose(y, np.interp(sine.data.X[:, 0], xs, sine.neuron_values(0)[2]))
    assert popup.plot.getPlotItem().getAxis("left").labelText == "a"
    iris = snapshot_for("iris", epochs=3, res=40)
    popup.show_neuron(iris, 0, 1)
    assert popup.plot.isHidden() and not popup.note.isHidden()
    names = [name for _s, _v, name in _rows(popup)[:-1]]
    assert names == [n.replace("_", " ") for n in iris.data.feature_names]


# ------------------------------------------------------------------ placement
SCREEN = QRect(0, 0, 1600, 1000)
POPUP = QSize(420, 640)


def test_opens_right_of_the_neuron_when_there_is_room():
    p = popup_position(QPoint(800, 700), 20, POPUP, SCREEN, left_limit=300)
    assert p.x() >= 800 + 20 and p.y() + POPUP.height() <= 1000 and p.y() >= 0


def test_opens_left_of_the_neuron_at_the_right_edge_but_not_over_the_left_panel():
    p = popup_position(QPoint(1400, 300), 20, POPUP, SCREEN, left_limit=300)
    assert p.x() + POPUP.width() <= 1400 - 20 and p.x() >= 300


def test_on_a_small_screen_it_still_keeps_clear_of_the_neuron():
    small = QRect(0, 0, 800, 600)
    # no room right of the neuron, none left of it right of the panel: over the panel instead
    p = popup_position(QPoint(500, 300), 20, POPUP, small, left_limit=300)
    assert p.x() + POPUP.width() <= 500 - 20 and p.x() >= 0
    # room on neither side: above or below it, on screen
    wide = QSize(700, 250)
    p = popup_position(QPoint(400, 300), 20, wide, small, left_limit=300)
    box = QRect(p, wide)
    assert small.contains(box) and not box.intersects(QRect(380, 280, 40, 40))


def test_clicking_a_neuron_in_the_window_opens_the_popup_beside_it(qtbot, make_session):
    from playground.ui.window.main_window import MainWindow

    w = MainWindow(
        make_session(hidden=((8, "tanh"), (6, "tanh"))), interactive=False, remember=False
    )
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()  # offscreen: 800 × 600
    w.setGeometry(screen)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.diagram.snapshot is not None)
    d = w.diagram
    for layer, unit in ((0, 0), (1, 5)):
        pt = d.map_to_widget(d.neuron_center(layer, unit))
        child = d.childAt(pt)
        qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=child.mapFrom(d, pt))
        qtbot.waitUntil(d.popup.isVisible)
        box = d.popup.frameGeometry()
        neuron = d.mapToGlobal(pt)
        half = round(d.layout_.scale / 2)
        assert not box.intersects(QRect(neuron.x() - half, neuron.y() - half, 2 * half, 2 * half))
        assert screen.contains(box)
        assert d.popup.title.text().startswith(f"Layer {layer + 1}, unit {unit + 1} · ")
        d.popup.close()
    w.close()
