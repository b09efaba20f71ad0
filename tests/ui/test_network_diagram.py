"""NetworkDiagram: every neuron, link and thumbnail of real snapshots; a legible layout at every
size the builder allows (no tile under a title, every node on screen or reachable by
scrolling); thinned links for wide layers; zero weights neutral; class colours on the outputs
of a multiclass net; thumbnails refreshed in rotation while training runs."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from view_runs import RUNS, snapshot_for, trainer_for

from playground.core.files.experiments import load_experiment
from playground.core.nn import activations
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import Trainer
from playground.live.snapshot_builder import build_snapshot
from playground.ui.graphics import palette
from playground.ui.views import diagram_layout as geometry
from playground.ui.views.diagram_style import NEUTRAL, WIDTH_EDGES, WIDTHS, link_buckets, link_limit
from playground.ui.views.network_diagram import NetworkDiagram

KINDS = ("binary", "three_class", "sine", "plane", "iris")
PANELS = {"1600x1000": (940, 430), "1280x720": (620, 310)}  # the diagram in the window
K = len(WIDTHS)


@pytest.fixture(scope="module")
def snaps():
    return {k: snapshot_for(k, epochs=4, res=40) for k in RUNS}


def _diagram(qtbot, w=640, h=420) -> NetworkDiagram:
    d = NetworkDiagram()
    qtbot.addWidget(d)
    d.resize(w, h)
    d.show()
    qtbot.waitExposed(d)
    return d


def _snap(width: int, depth: int, kind: str = "binary", activation: str = "tanh", res=8):
    hidden = tuple(LayerSpec(width, activation) for _ in range(depth))
    return snapshot_for(kind, epochs=0, res=res, hidden=hidden)


def _words(lut: np.ndarray) -> np.ndarray:
    """Premultiplied ARGB32 words of an opaque RGBA table (independent of the palette code)."""
    lut = lut.astype(np.uint32)
    return (lut[:, 3] << 24) | (lut[:, 0] << 16) | (lut[:, 1] << 8) | lut[:, 2]


def _drawn(d: NetworkDiagram, bucket: int) -> int:
    x, _y = d.links.items[bucket].getData()
    return 0 if x is None else len(x) // 2


# ------------------------------------------------------------------ contents
@pytest.mark.parametrize("kind", KINDS)
def test_diagram_draws_every_neuron_links_and_thumbnails(qtbot, snaps, kind):
    snap = snaps[kind]
    d = _diagram(qtbot)
    d.show_snapshot(snap)
    sizes = snap.spec.sizes
    assert d.neuron_count() == sum(sizes)
    w = np.concatenate([W.ravel() for W in snap.weights])
    assert sum(_drawn(d, b) for b in range(len(d.links.items))) == len(w)  # all: small net
    assert sum(_drawn(d, b) for b in range(1 + K, 1 + 2 * K)) == int((w >= 1e-3).sum())
    assert _drawn(d, NEUTRAL) == int((np.abs(w) < 1e-3).sum())
    if snap.data.dim == 2:
        assert len(d.thumbs.atlases) == len(sizes) - 1
        atlas = d.thumbs.atlases[0]
        codes = snap.neuron_maps[0]
        idx = np.minimum(
            ((np.arange(atlas.t) + 0.5) * codes.shape[1] / atlas.t).astype(int), codes.shape[1] - 1
        )
        for unit in range(sizes[1]):
            expected = _words(palette.NEURON_LUT)[codes[unit][np.ix_(idx, idx)]]
            assert np.array_equal(atlas.tile(unit), expected)
    elif snap.data.dim == 1:
        x, _y = d.thumbs.curves[0].getData()
        assert np.isfinite(x).sum() == sizes[1] * snap.neuron_maps[0].shape[1]
    else:
        assert d.thumbs.atlases == [] and d.thumbs.curves == []


def test_zero_weights_are_drawn_neutral_grey(qtbot):
    p = load_experiment("zero-init")
    t = Trainer(p.spec(), p.data, p.config, params=p.params)
    t.step(20)
    snap = build_snapshot(t, 1, res=16)
    w = np.concatenate([W.ravel() for W in snap.weights])
    assert np.all(w == 0.0)  # the lesson: nothing moves
    d = _diagram(qtbot)
    d.show_snapshot(snap)
    assert _drawn(d, NEUTRAL) == len(w)
    assert all(_drawn(d, b) == 0 for b in range(1, len(d.links.items)))
    grey = d.links.items[NEUTRAL].opts["pen"].color()
    assert grey.red() == grey.green() == grey.blue()  # neither orange nor blue


def test_link_buckets_neutral_sign_width_and_hysteresis():
    edge = WIDTH_EDGES[0]
    w = np.array([edge * 0.99, edge * 1.05, -0.01, 0.3, 0.0, -2e-4])
    first = link_buckets(w)
    assert first.tolist() == [1 + K + 0, 1 + K + 1, 1, 1 + K + 1, NEUTRAL, NEUTRAL]
    moved = np.array([edge * 1.05, edge * 0.99, 0.01, -0.3, 1.1e-3, 0.0])  # small moves
    again = link_buckets(moved, first)
    assert again[:3].tolist() == first[:3].tolist()  # within the band: unchanged
    assert again[3] == 1 + 1  # a sign change beyond the dead band shows at once
    assert again[4] == NEUTRAL  # 1.1e-3 is within the neutral band's hysteresis
    far = link_buckets(np.array([edge * 1.3, edge * 0.8, 0.2, -0.3, 0.01, 0.0]), first)
    assert far.tolist()[:5] == [1 + K + 1, 1 + K + 0, 1 + K + 0, 1 + 1, 1 + K + 0]


def test_hover_names_value_and_formula(qtbot, snaps):
    snap = snaps["binary"]
    d = _diagram(qtbot)
    d.show_snapshot(snap)
    text = d.describe_at(d.neuron_center(0, 1))
    assert f"{float(snap.biases[0][1]):.4g}" in text
    assert activations.get("tanh").formula in text
    # a point on the link input x₂ → layer 1 unit 3, between the two columns
    seg = d.links.seg[(d.links.ids == [0, 2, 1]).all(axis=1)][0]
    text = d.describe_at(QPointF((seg[0] + seg[2]) / 2, (seg[1] + seg[3]) / 2))
    assert f"{float(snap.weights[0][2, 1]):.4g}" in text and "x₂" in text
    assert d.describe_at(QPointF(-50.0, 50.0)) == ""


def test_clicking_a_neuron_emits_and_opens_its_popup(qtbot, snaps):
    snap = snaps["binary"]
    d = _diagram(qtbot)
    d.show_snapshot(snap)
    pt = d.map_to_widget(d.neuron_center(1, 0))
    child = d.childAt(pt)
    with qtbot.waitSignal(d.neuronClicked, timeout=1000) as blocker:
        qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=child.mapFrom(d, pt))
    assert blocker.args == [1, 0]
    assert d.popup.isVisible()
    assert np.array_equal(d.popup.image.image, snap.neuron_values(1)[0])
    d.popup.close()


# ------------------------------------------------------------------ layout at every size
def _tile_rects(d: NetworkDiagram) -> list[QRectF]:
    return [QRectF(x - 0.5, y - 0.5, 1.0, 1.0) for col in d.centres for x, y in col]


def _check_layout(d: NetworkDiagram, snap, scrolled: bool = False) -> None:
    """No tile under a title (scrolled: the opaque title band covers what passes under it);
    titles apart; every tile reachable; inputs and outputs and, when the layout fits, every
    tile on screen below the titles."""
    lay = d.layout_
    (x0, x1), (y0, y1) = d.view.viewRange()
    band = d.band.rect()
    tiles = _tile_rects(d)
    top = max(r.bottom() for r in tiles)  # QRectF.bottom() is the larger y: the top edge
    if scrolled:
        assert d.band.brush().color().alpha() == 255
        under = [
            d.frames,
            d.overlay.dead,
            d.overlay.saturated,
            d.overlay.labels,
            *d.thumbs.atlases,
            *d.links.items,
            *d.thumbs.curves,
        ]
        assert all(item.zValue() < d.band.zValue() for item in under)
        assert all(t.zValue() > d.band.zValue() for t in d.overlay.titles)
    else:
        assert top <= band.top() + 1e-6, "a tile reaches into the title band"
    rects = [t.mapRectToView(t.boundingRect()) for t in d.overlay.titles]
    for r in rects:
        assert r.top() >= band.top() - 1e-6 and r.bottom() <= band.bottom() + 1e-6
    rects.sort(key=lambda r: r.left())
    for a, b in zip(rects, rects[1:]):
        assert a.right() <= b.left() + 1e-6, "two titles overlap"
    limits = d.view.state["limits"]
    lo_x, hi_x = limits["xLimits"]
    lo_y, hi_y = limits["yLimits"]
    for r in tiles:  # reachable by scrolling
        assert lo_x <= r.left() and r.right() <= hi_x and lo_y <= r.top() and r.bottom() <= hi_y
    visible = QRectF(x0, y0, x1 - x0, band.top() - y0).adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
    ends = [d.centres[0], d.centres[-1]]
    on_screen = (
        tiles
        if not lay.scrolls
        else [QRectF(x - 0.5, y - 0.5, 1, 1) for col in ends for x, y in col]
    )
    for r in on_screen:
        assert visible.contains(r), "a node is off screen"
    for col, pts in enumerate(d.centres):  # tiles of a column do not overlap
        if len(pts) > 1:
            gaps = np.abs(pts[:, None, :] - pts[None, :, :]).max(axis=2)
            assert gaps[~np.eye(len(pts), dtype=bool)].min() >= geometry.PITCH - 1e-9, col
    assert d.neuron_count() == sum(snap.spec.sizes)


@pytest.mark.parametrize("panel", PANELS)
def test_every_allowed_size_is_laid_out_legibly(qtbot, panel):
    d = _diagram(qtbot, *PANELS[panel])
    for depth in (1, 2, 3, 6, 10):
        for width in (1, 3, 8, 16, 24, 40, 64):
            snap = _snap(width, depth)
            d.show_snapshot(snap)
            _check_layout(d, snap)
            if not d.layout_.scrolls:
                assert d.layout_.scale >= geometry.MIN_TILE_PX
    assert not d.layout_.scrolls  # 10 × 64 fits both window sizes


@pytest.mark.parametrize("kind", ["iris", "six_class"])
def test_four_inputs_and_six_outputs_stay_on_screen(qtbot, kind):
    d = _diagram(qtbot, *PANELS["1280x720"])
    for width, depth in ((64, 10), (16, 3), (8, 6)):
        if kind == "iris":
            snap = _snap(width, depth, "iris")
        else:
            hidden = tuple(LayerSpec(width, "relu") for _ in range(depth))
            snap = build_snapshot(_six_class_trainer(hidden), 1, res=8)
        d.show_snapshot(snap)
        _check_layout(d, snap)


def _six_class_trainer(hidden) -> Trainer:
    from playground.core.data import datasets
    from playground.core.nn.heads import network_spec
    from playground.core.nn.spec import TrainConfig

    data = datasets.generate("blobs", 120, 0.0, 0, 6, 0.5)
    return Trainer(network_spec(data, hidden, ("x1", "x2")), data, TrainConfig())


def test_a_short_panel_scrolls_with_titles_pinned_and_inputs_following(qtbot):
    d = _diagram(qtbot, 620, 200)
    snap = _snap(64, 10)
    d.show_snapshot(snap)
    assert d.layout_.scrolls and d.layout_.scale == geometry.MIN_TILE_PX
    _check_layout(d, snap)
    first_input = d.neuron_center(-1, 0).y()
    for _ in range(6):  # scroll down (the wheel's step)
        d.view.translateBy(y=-2.5)
        _check_layout(d, snap, scrolled=True)
    (_x0, _x1), (y0, y1) = d.view.viewRange()
    assert d.neuron_center(-1, 0).y() < first_input  # the inputs moved down with the view
    bottom = min(r.top() for r in _tile_rects(d))
    while d.view.viewRange()[1][0] > bottom:  # the last row can be reached
        before = d.view.viewRange()[1][0]
        d.view.translateBy(y=-2.5)
        if d.view.viewRange()[1][0] == before:
            break
    assert d.view.viewRange()[1][0] <= bottom + 1e-6


def test_wide_layers_show_their_strongest_links_and_say_so(qtbot):
    d = _diagram(qtbot, *PANELS["1600x1000"])
    snap = _snap(64, 3)
    d.show_snapshot(snap)
    sizes = snap.spec.sizes
    pairs = list(zip(sizes[:-1], sizes[1:], strict=True))
    shown = sum(link_limit(a, b) for a, b in pairs)
    total = sum(a * b for a, b in pairs)
    assert d.links.counts() == (shown, total)
    assert sum(_drawn(d, b) for b in range(len(d.links.items))) == shown
    assert d.caption.isVisible()
    assert d.caption.text() == f"Strongest {shown:,} of {total:,} links shown"
    mask = d.links.drawn_mask()
    w = np.abs(snap.weights[1].ravel())  # 64 × 64 hidden links: the 128 largest |w| are drawn
    start = sizes[0] * sizes[1]
    drawn = w[mask[start : start + w.size]]
    assert len(drawn) == link_limit(64, 64) and drawn.min() >= np.sort(w)[-len(drawn)]
    d.show_snapshot(_snap(4, 2))
    assert not d.caption.isVisible()


def test_multiclass_output_tiles_use_their_class_colours(qtbot):
    snap = build_snapshot(_six_class_trainer((LayerSpec(8, "tanh"),)), 1, res=16)
    d = _diagram(qtbot)
    d.show_snapshot(snap)
    out = d.thumbs.atlases[-1]
    codes = snap.neuron_maps[-1]
    idx = np.minimum(
        ((np.arange(out.t) + 0.5) * codes.shape[1] / out.t).astype(int), codes.shape[1] - 1
    )
    for k in range(6):
        expected = _words(palette.class_ramp_lut(k))[codes[k][np.ix_(idx, idx)]]
        assert np.array_equal(out.tile(k), expected)
        top = int(_words(palette.class_ramp_lut(k))[-1])
        r, g, b = (top >> 16) & 255, (top >> 8) & 255, top & 255
        assert (r, g, b) == palette.CLASS_RGB[k]


def test_thumbnails_refresh_in_rotation_while_running_and_all_when_paused(qtbot):
    trainer = trainer_for("binary", hidden=tuple(LayerSpec(64, "tanh") for _ in range(10)))
    d = _diagram(qtbot, *PANELS["1600x1000"])
    d.show_snapshot(build_snapshot(trainer, 1, res=200, running=True))
    trainer.step(50)
    running = build_snapshot(trainer, 1, res=200, running=True)

    def matching() -> int:
        count = 0
        for layer, atlas in enumerate(d.thumbs.atlases):
            codes = running.neuron_maps[layer]
            idx = np.minimum(
                ((np.arange(atlas.t) + 0.5) * codes.shape[1] / atlas.t).astype(int),
                codes.shape[1] - 1,
            )
            words = d.thumbs._words[layer][0]
            count += sum(
                np.array_equal(atlas.tile(u), words[codes[u][np.ix_(idx, idx)]])
                for u in range(codes.shape[0])
            )
        return count

    total = sum(running.spec.sizes[1:])
    d.show_snapshot(running)
    share = matching()
    assert 0 < share < total  # one frame refreshes a share
    for _ in range(total):
        d.show_snapshot(running)
        if matching() == total:
            break
    assert matching() == total  # the rotation reaches every tile
    trainer.step(50)
    running = build_snapshot(trainer, 1, res=200, running=False)  # paused: all at once
    d.show_snapshot(running)
    assert matching() == total


def test_a_10x64_frame_costs_a_few_ms(qtbot):
    trainer = trainer_for("binary", hidden=tuple(LayerSpec(64, "tanh") for _ in range(10)))
    snaps = []
    for _ in range(4):
        trainer.step(20)
        snaps.append(build_snapshot(trainer, 1, res=200, running=True))
    d = _diagram(qtbot, *PANELS["1600x1000"])
    d.show_snapshot(snaps[0])
    times = []
    for i in range(12):
        t0 = time.perf_counter()
        d.show_snapshot(snaps[i % 4])
        d.graphics.viewport().repaint()
        times.append(time.perf_counter() - t0)
    assert 1000 * np.median(times) < 30  # ~9 ms here; generous for a shared 2-core machine


@pytest.mark.parametrize(("width", "depth", "inside"), [(16, 3, True), (64, 10, False)])
def test_pinned_values_go_beside_or_inside_the_tiles_where_they_fit(qtbot, width, depth, inside):
    from playground.core.analysis.forward import forward_pass
    from playground.ui.views.inspector_text import num

    trainer = trainer_for("binary", hidden=tuple(LayerSpec(width, "relu") for _ in range(depth)))
    snap = build_snapshot(trainer, 1, res=16)
    fp = forward_pass(trainer.network, (1.5, -2.0), snap.features, snap.data.task)
    d = _diagram(qtbot, *PANELS["1600x1000"])
    d.show_snapshot(snap)
    d.overlay.update(snap, fp)
    texts = d.overlay.label_texts()
    values = [fp.inputs] + [layer.a for layer in fp.layers]
    assert texts[-1] == [num(v) for v in values[-1]]  # the prediction: always
    assert texts[0] in ([num(v) for v in fp.inputs], ["", ""])  # where the links leave room
    for col in range(1, depth + 1):
        assert texts[col] == ([num(v) for v in values[col]] if inside else [""] * width)
    pos = d.overlay.labels._pos
    first = sum(len(c) for c in d.centres[:1])  # layer 1's first unit
    if inside:
        assert np.allclose(pos[first], d.centres[1][0])  # centred in its tile
    assert d.overlay.labels.isVisible()
    d.overlay.update(snap, None)
    assert not d.overlay.labels.isVisible()


def test_presentation_scale_keeps_the_layout_legible(qtbot):
    from playground.ui.graphics import scale

    before = scale.factor()
    scale.set_factor(scale.PRESENTATION)
    try:
        d = _diagram(qtbot, *PANELS["1600x1000"])
        for width, depth in ((8, 6), (16, 3), (64, 10)):
            snap = _snap(width, depth)
            d.show_snapshot(snap)
            _check_layout(d, snap)
        assert d.layout_.title_px == pytest.approx(geometry.TITLE_PX * scale.PRESENTATION)
    finally:
        scale.set_factor(before)
