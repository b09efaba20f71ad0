"""The linear-regions overlay on the plane: it appears, follows training, says why when it does
not apply, reads out a region's map and compares two; and it disappears again."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import make_project

from playground.core.nn.network import Network
from playground.ui.views.regions_text import affine_text, differing_units
from playground.ui.window.main_window import MainWindow

RELU = ((6, "relu"), (4, "relu"))


@pytest.fixture
def window(qtbot, make_session):
    w = MainWindow(make_session(make_project(hidden=RELU)), interactive=False, remember=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    return w


def _payload(w):
    return (w.session.latest_snapshot().insights or {}).get("regions")


def test_the_overlay_appears_updates_and_disappears(qtbot, window):
    s, overlay = window.session, window.regions
    assert not overlay.edges.isVisible()
    window.menus.regions.trigger()  # View ▸ Linear regions
    assert s.view.regions and overlay.button.isChecked()
    window.paint(s.sync())
    first = _payload(window).regions
    assert overlay.regions is first and overlay.edges.isVisible()
    assert overlay.count.text() == f"{first.count} linear regions"
    x, _ = overlay.edges.getData()
    assert np.isnan(x).sum() == first.count  # one closed outline per region
    window.paint(s.train_steps(200))
    assert overlay.regions is _payload(window).regions and overlay.regions is not first
    overlay.button.click()  # the canvas's own toggle
    assert not s.view.regions and not overlay.edges.isVisible()
    assert not overlay.count.isVisible()


def test_hover_reads_the_map_and_ctrl_click_compares_two_regions(qtbot, window):
    window.session.set_regions(True)
    snap = window.session.train_steps(100)
    window.paint(snap)
    r = window.regions.regions
    inside = r.interior_points()
    i, j = 0, int(np.argmax(np.abs(r.patterns - r.patterns[0]).sum(axis=1)))
    window.regions.hover(*inside[i])
    assert affine_text(r.A[i, 0], float(r.c[i, 0])) in window.regions.info.text()
    for k in (i, j):
        window.canvas.regionRequested.emit(*inside[k])
    assert window.regions.selected == [i, j]
    diff = differing_units(r, i, j)
    assert diff and ", ".join(diff) in window.regions.info.text()
    # independently: the units whose pre-activation changes sign between the two points
    net = Network(snap.spec)
    net.set_params(list(zip(snap.weights, snap.biases, strict=True)))
    zs = net.forward(inside[[i, j]]).zs[:-1]
    flips = [
        f"L{layer + 1} n{u + 1}"
        for layer, z in enumerate(zs)
        for u in range(z.shape[1])
        if (z[0, u] > 0) != (z[1, u] > 0)
    ]
    assert flips == diff
    # and the map of region i is the network's output pre-activation there
    np.testing.assert_allclose(
        r.A[i, 0] @ inside[i] + r.c[i, 0],
        net.forward_logits(inside[[i]])[0, 0],
        rtol=1e-4,
        atol=1e-4,
    )


def test_a_curved_network_says_why(qtbot, make_session):
    w = MainWindow(
        make_session(make_project(hidden=((4, "tanh"),))), interactive=False, remember=False
    )
    qtbot.addWidget(w)
    w.show()
    w.session.set_regions(True)
    w.paint(w.session.sync())
    assert "Tanh" in w.regions.count.text() and w.regions.regions is None
    assert w.regions.count.isVisible()


def _pixels(image) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return rows[:, : image.width(), :3].astype(int)


def _alike(a, b) -> bool:
    """The same picture up to antialiasing: a cached item is drawn at whole device pixels."""
    diff = np.abs(_pixels(a) - _pixels(b)).max(axis=2)
    return (diff > 0).mean() < 0.01 and (diff > 40).sum() <= 10


def _plot_image(window):
    view = window.canvas.plot_widget
    view.viewport().repaint()
    return view.grab().toImage()


def test_the_cached_overlay_looks_as_drawn_afresh_after_a_zoom_and_a_new_partition(qtbot, window):
    """The tint, edges and boundary are cached as device pixmaps (a new map under them does not
    redraw 3,000 polygons): after zooming and after new weights the picture is the one an
    uncached overlay draws."""
    from PySide6.QtWidgets import QGraphicsItem

    s, overlay = window.session, window.regions
    s.set_regions(True)
    window.paint(s.sync())
    items = (overlay.tint, overlay.edges, overlay.boundary)
    assert all(i.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache for i in items)

    def cached_and_fresh():
        cached = _plot_image(window)
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        fresh = _plot_image(window)
        for item in items:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return cached, fresh

    before = _plot_image(window)
    window.canvas.view.setRange(xRange=(-2, 3), yRange=(-1, 2), padding=0)
    qtbot.wait(50)
    cached, fresh = cached_and_fresh()
    assert _alike(cached, fresh) and not _alike(cached, before)
    window.paint(s.train_steps(300))
    qtbot.wait(50)
    cached, fresh = cached_and_fresh()
    assert _alike(cached, fresh)
