"""ForwardInspector: the forward pass of one point as text, every number checked against an
independent forward pass; empty states; pin requests; stale payloads after network edits."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from view_runs import trainer_for

from playground.core.data.features import transform
from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec
from playground.live import commands as c
from playground.live import insights
from playground.live.snapshot_builder import build_snapshot
from playground.ui.graphics import palette
from playground.ui.i18n import messages
from playground.ui.views.inspector import COLORS, ForwardInspector
from playground.ui.views.inspector_text import OFF_RGB, num


def snap_at(trainer, point, run_id=1):
    request = c.InsightRequest(frozenset({"inspector"}), point=point)
    return build_snapshot(
        trainer, run_id, res=20, insights=insights.build(trainer, request, ["inspector"])
    )


@pytest.fixture
def view(qtbot):
    v = ForwardInspector()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _lines(view) -> list[str]:
    """The rows drawn, stripped, without the empty ones."""
    return [r.text.strip() for r in view.rows.lines() if r.text.strip()]


def _grey_sums(view) -> list[bool]:
    """Per unit, whether its line of sums is drawn in the off colour."""
    return [
        COLORS[r.style] == OFF_RGB for r in view.rows.lines() if r.text.strip().startswith("= ")
    ]


def test_a_sigmoid_unit_receiving_half_a_fifth_and_a_tenth_reads_0_8_then_0_69(view):
    t = trainer_for("binary", hidden=(LayerSpec(1, "sigmoid"),))
    t.network.set_params(
        [(np.array([[0.5, 0.4]]), np.array([0.1])), (np.array([[2.0]]), np.array([-1.0]))]
    )
    view.show_snapshot(snap_at(t, (1.0, 0.5)))
    lines = _lines(view)
    i = lines.index("Layer 1 · 1 × Sigmoid")
    assert lines[i + 1 : i + 3] == [
        "n1   1.00×0.50 + 0.50×0.40 + 1×0.10",
        "= 0.50 + 0.20 + 0.10 = 0.80 → Sigmoid → 0.69",
    ]
    # the next layer reads 0.69 (2·σ(0.8) − 1 = 0.38: a sigmoid is not ON/OFF)
    a = 1 / (1 + math.exp(-0.8))
    assert f"n1   {num(a)}×2.00 + 1×(−1.00)" in lines
    assert view.where.text().endswith(
        " · At the pointer: (1.00, 0.50). Shift+click the plane to pin a point."
    )


def _paren(v: float) -> str:
    return f"({num(v)})" if num(v).startswith("−") else num(v)


def _units(lines: list[str]) -> list[tuple[float, float, bool]]:
    """(z, a, off) of every unit in reading order, from the lines "= … = z → f → a [off]"."""
    out = []
    for line in lines:
        m = re.fullmatch(r"= .* = (\S+) → .+ → (\S+)(\s+off)?", line)
        if m:
            out.append((float(m[1].replace("−", "-")), float(m[2].replace("−", "-")), bool(m[3])))
    return out


@pytest.mark.parametrize(
    "hidden",
    [
        (LayerSpec(4, "tanh"), LayerSpec(3, "relu")),
        (LayerSpec(20, "relu"), LayerSpec(2, "sigmoid")),
    ],
)
def test_every_z_and_a_shown_equals_an_independent_forward_pass(view, hidden):
    t = trainer_for("binary", hidden=hidden)
    t.train_epochs(2)
    point = (1.7, -0.4)
    view.show_snapshot(snap_at(t, point))
    net = t.network.copy(np.float64)
    trace = net.forward(transform(np.array([point]), t.config.features))
    expected = [
        (z, a, z <= 0 and layer.activation == "relu")
        for layer, zs, acts in zip(t.spec.layers, trace.zs, trace.acts[1:], strict=True)
        for z, a in zip(zs[0], acts[0], strict=True)
    ]
    shown = _units(_lines(view))
    assert len(shown) == len(expected) == sum(t.spec.sizes[1:])
    for (z, a, off), (ez, ea, eoff) in zip(shown, expected, strict=True):
        assert z == pytest.approx(ez, abs=0.0051) and a == pytest.approx(ea, abs=0.0051)
        assert off == eoff
    assert _grey_sums(view) == [off for _, _, off in expected]
    lines = _lines(view)
    for l, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        if W.shape[1] > 8:
            continue  # a wide layer's top terms: test_a_wide_layer_…
        a_in = trace.acts[l][0]
        for i in range(len(b)):  # every product and every term, from the oracle's numbers
            products = [f"{_paren(a)}×{_paren(w)}" for a, w in zip(a_in, W[i], strict=True)]
            assert f"n{i + 1:<3} " + " + ".join([*products, f"1×{_paren(b[i])}"]) in lines
            terms = [num(v) for v in [*(W[i] * a_in), b[i]]]
            sums = terms[0] + "".join(
                f" − {v[1:]}" if v[0] == "−" else f" + {v}" for v in terms[1:]
            )
            assert any(line.startswith(f"= {sums} = ") for line in lines), sums
    p = float(trace.output[0, 0])
    label = t.data.class_label(int(p > 0.5))
    assert f"P(class 2) = {num(p)}, so the predicted class is {label}" in _lines(view)
    assert view.rows.lines()[-1].swatch == palette.CLASS_RGB[int(p > 0.5)]
    assert view.where.text().startswith(f"<b>predicted class {label}</b> · At the pointer")


def test_a_wide_layer_shows_eight_terms_and_the_rest_summed(view):
    t = trainer_for("binary", hidden=(LayerSpec(20, "tanh"), LayerSpec(2, "tanh")))
    view.show_snapshot(snap_at(t, (2.0, 1.0)))
    a = np.tanh(t.network.weights[0] @ [2.0, 1.0] + t.network.biases[0])
    terms = t.network.weights[1][0] * a
    top = np.argsort(-np.abs(terms), kind="stable")[:8]
    rest = np.delete(terms, top).sum()
    lines = _lines(view)
    i = lines.index("Layer 2 · 2 × Tanh")
    assert lines[i + 1].count("×") == 8 + 1 and "+ … +" in lines[i + 1]  # 8 terms, …, 1×b
    assert f"…(12 more: {num(rest)})" in lines[i + 2]


def test_off_units_are_grey(view):
    t = trainer_for("binary", hidden=(LayerSpec(6, "relu"),))
    t.network.biases[0][:4] = -50.0  # z < 0 here: four ReLUs off, two on
    t.network.biases[0][4:] = 50.0
    view.show_snapshot(snap_at(t, (0.5, 0.5)))
    assert _grey_sums(view) == [True] * 4 + [False] * 2 + [False]  # 6 units, then the output
    assert [off for _, _, off in _units(_lines(view))] == [True] * 4 + [False] * 3


def test_without_a_point_it_says_how_to_choose_one(view):
    view.show_snapshot(snap_at(trainer_for("binary"), None))
    assert view.empty.isVisible() and not view.text.isVisible()
    assert view.empty.text() == messages.text("inspector_no_point", {})
    assert "Shift+click" in view.empty.text()


def test_data_with_more_than_two_columns_says_why_it_does_not_apply(view):
    view.show_snapshot(snap_at(trainer_for("iris"), (0.0, 0.0)))
    assert view.empty.isVisible() and "4-D" in view.empty.text()


def test_one_dimensional_data_shows_the_value(view):
    t = trainer_for("sine")
    view.show_snapshot(snap_at(t, (0.5, 3.0)))
    out = float(t.network.forward(transform(np.array([[0.5]]), ("x1",))).output[0, 0])
    assert f"Output value: {num(out)}" in _lines(view)
    assert view.where.text() == (
        f"<b>output {num(out)}</b> · At the pointer: (0.50). Shift+click the plane to pin a point."
    )


def test_the_pin_button_asks_to_pin_the_point_shown_then_to_unpin(view):
    with_point = snap_at(trainer_for("binary"), (1.5, -2.0))
    view.show_snapshot(with_point)
    asked = []
    view.pinRequested.connect(asked.append)
    assert view.pin_button.text() == "Pin"
    view.pin_button.click()
    view.set_pinned((1.5, -2.0))
    assert view.pin_button.text() == "Unpin"
    assert view.where.text().endswith(" · Pinned at (1.50, −2.00)")
    view.pin_button.click()
    assert asked == [(1.5, -2.0), None]


def test_network_edits_show_the_new_pass_and_never_a_stale_one(view):
    old = snap_at(trainer_for("binary"), (1.0, 1.0))
    view.show_snapshot(old)
    for hidden in [
        (LayerSpec(4, "tanh"), LayerSpec(2, "tanh"), LayerSpec(3, "relu")),  # add
        (LayerSpec(5, "tanh"),),  # remove one, change units
        (LayerSpec(5, "relu"),),
    ]:  # same sizes, another activation
        t = trainer_for("binary", hidden=hidden)
        fresh = snap_at(t, (1.0, 1.0))
        stale = build_snapshot(t, 1, res=20, insights=old.insights)  # kept from before the edit
        if stale.spec.sizes != old.spec.sizes:
            view.show_snapshot(stale)
            assert view.empty.isVisible() and view.empty.text() == "Computing…"
        view.show_snapshot(fresh)
        assert not view.empty.isVisible()
        assert len(_units(_lines(view))) == sum(t.spec.sizes[1:])
        first = t.spec.hidden[0]
        assert f"Layer 1 · {first.units} × {activations.get(first.activation).label}" in _lines(
            view
        )
        old = fresh


def _colors(widget) -> set[tuple[int, int, int]]:
    image = widget.grab().toImage()
    return {
        image.pixelColor(x, y).getRgb()[:3]
        for x in range(0, image.width(), 1)
        for y in range(0, image.height(), 2)
    }


def test_the_rows_are_painted_off_units_grey_and_the_class_swatch(view):
    t = trainer_for("binary", hidden=(LayerSpec(2, "relu"),))
    t.network.biases[0][:] = (-50.0, 50.0)  # one unit off, one on
    snap = snap_at(t, (0.5, 0.5))
    view.show_snapshot(snap)
    colors = _colors(view.rows)
    k = snap.insights["inspector"].forward.predicted
    assert palette.CLASS_RGB[k] in colors  # the swatch after the prediction
    assert OFF_RGB in colors and palette.INK in colors  # grey and ink text
