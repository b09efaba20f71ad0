"""The window with hostile files and odd data: the open project stays, nothing crashes, no NaN
reaches the user, and a saved run comes back with its curves (issue 8)."""

from __future__ import annotations

import json
import os

import numpy as np

from playground.core.data.pointset import PointSet
from playground.core.files.project import Project, save_project
from playground.core.nn.spec import parse_layers


def test_hostile_files_leave_the_open_project_untouched(window, tmp_path):
    before = window.session.project
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert not window.open_project(fifo)
    assert "not a regular file" in window.statusBar().currentMessage()
    save_project(before, tmp_path / "far.json")
    d = json.loads((tmp_path / "far.json").read_text())
    d["data"]["X"][0] = [1e308, -1e308]
    (tmp_path / "far.json").write_text(json.dumps(d))
    assert not window.open_project(tmp_path / "far.json")
    assert "data.X[0, 0]" in window.statusBar().currentMessage()
    assert window.session.project is before


def test_points_at_the_coordinate_limit_draw_without_trouble(qtbot, window, tmp_path):
    X = np.array([[1e6, -1e6], [-1e6, 1e6], [0.5, 0.5], [3.0, -2.0]])
    p = Project(PointSet(X, [0, 1, 0, 1]), parse_layers("4:tanh"))
    save_project(p, tmp_path / "edge.json")
    assert window.open_project(tmp_path / "edge.json")
    snap = window.session.train_steps(20)
    window.paint(snap)
    qtbot.wait(50)
    assert np.isfinite(snap.output_map).all() and snap.extent[1] >= 1e6


def test_no_points_shows_a_dash_not_nan(qtbot, window):
    window.session.clear_points()
    snap = window.session.sync()
    window.paint(snap)
    assert snap.train_loss is None
    text = window.progress_label.text() + window.controls.progress_detail.text()
    assert "—" in text and "nan" not in text.lower()


def test_a_saved_run_reopens_with_its_curves_and_reset_returns_to_its_start(
    qtbot, window, tmp_path
):
    s = window.session
    first = s.sync()
    s.train_steps(300)
    trained = s.sync()
    assert len(trained.history) >= 5
    assert window.save_as(tmp_path / "run.json")
    window.new_project()
    assert window.open_project(tmp_path / "run.json")
    back = s.sync()
    assert (back.step, back.epoch) == (trained.step, trained.epoch) and not s.modified
    assert np.array_equal(back.history.last, trained.history.last)
    assert np.allclose(back.history.final, trained.history.final, equal_nan=True)
    x, _ = window.loss_plot.train_loss.getData()
    assert len(x) == len(trained.history)
    s.reset()
    reset = s.sync()
    assert reset.step == 0
    assert np.allclose(reset.weights[0], first.weights[0], atol=1e-6)
