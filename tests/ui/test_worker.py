"""TrainingWorker driven synchronously (iterate) and in its thread: commands, pacing, stops."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np

from playground.core.network import Network
from playground.core.spec import LayerSpec, NetworkSpec
from playground.ui.worker import FRAME_S, Load, TrainingWorker, WorkerThread, transfer_theta
from tests.ui.conftest import make_project


def make_worker(**kw):
    p = make_project(**kw)
    worker = TrainingWorker(Load(p.spec(), p.data, p.config, run_id=1), res=8)
    snaps, stops = [], []
    worker.snapshotReady.connect(lambda snap, seq: snaps.append(snap))
    worker.stopped.connect(lambda reason, seq: stops.append(reason))
    return worker, snaps, stops


def test_transfer_keeps_layers_before_and_after_an_inserted_layer():
    old = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(3)), 1))
    old.theta[...] = np.arange(old.theta.size)
    new = Network(NetworkSpec(2, (LayerSpec(4), LayerSpec(5), LayerSpec(3)), 1))
    transfer_theta(old, new)
    assert np.array_equal(new.blocks[0], old.blocks[0])  # prefix by position
    assert np.array_equal(new.blocks[3], old.blocks[2])  # output layer aligned from the end
    assert not np.array_equal(new.blocks[2][:, :4], old.blocks[1][:, :4])  # (3,6) ≠ (3,5)


def test_commands_apply_between_chunks_and_snapshots_follow():
    w, snaps, _ = make_worker()
    w.iterate()
    assert snaps[-1].step == 0 and not snaps[-1].running
    w.post(1, "epoch")
    w.iterate()
    assert snaps[-1].step == w.trainer.steps_per_epoch
    w.post(2, "run", True)
    for _ in range(5):
        w.iterate()
    assert w.trainer.step_count > snaps[0].step and w.running
    w.post(3, "reset", 2)
    w.iterate()
    assert (snaps[-1].run_id, snaps[-1].step, snaps[-1].running) == (2, 0, False)


def test_snapshots_while_running_are_paced_to_about_30_hz():
    w, snaps, _ = make_worker()
    w.post(1, "run", True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.5:
        w.iterate()
    assert len(snaps) <= 0.5 / FRAME_S + 2
    assert len(snaps) >= 5


def test_speed_limits_steps_per_frame():
    w, snaps, _ = make_worker()
    w.post(1, "speed", 2)
    w.post(2, "run", True)
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.3:
        w.iterate()
    frames = 0.3 / FRAME_S
    assert 0 < w.trainer.step_count <= 2 * (frames + 2)


def test_stop_rules_pause_with_a_reason():
    w, snaps, stops = make_worker()
    w.post(1, "stop_rules", (3, None))
    w.post(2, "run", True)
    for _ in range(50):
        w.iterate()
    assert not w.running and w.trainer.step_count == 3 * w.trainer.steps_per_epoch
    assert "3 epochs" in stops[-1]


def test_divergence_pauses_keeps_finite_weights_and_refuses_play():
    w, snaps, stops = make_worker(hidden=((8, "relu"),), learning_rate=10.0)
    w.post(1, "run", True)
    for _ in range(200):
        w.iterate()
        if not w.running:
            break
    assert not w.running and "learning rate" in stops[-1]
    assert np.isfinite(w.trainer.network.theta).all()
    w.post(2, "run", True)
    w.iterate()
    assert not w.running and len(stops) == 2


def test_bad_command_is_reported_not_fatal():
    w, snaps, _ = make_worker()
    errors = []
    w.failed.connect(lambda text, seq: errors.append(text))
    p = make_project(dataset="spiral", classes=3)
    w.post(1, "data", p.data)  # 3 classes into a 1-output network: refused
    w.iterate()
    assert errors and "outputs" in errors[0]
    assert snaps and w.trainer.data.n_classes == 2


def test_thread_stops_and_joins_cleanly(qtbot):
    p = make_project()
    wt = WorkerThread(Load(p.spec(), p.data, p.config, run_id=1), res=8)
    wt.start()
    wt.worker.post(1, "run", True)
    qtbot.wait(100)
    assert wt.close(3000) and wt.thread.isFinished()


def test_closing_the_window_during_training_exits_cleanly_in_a_process(tmp_path):
    code = (
        "from playground.ui.app import application\n"
        "from playground.ui.main_window import MainWindow\n"
        "from playground.ui.session import Session\n"
        "from playground.ui.bench_gui import bench_project, wait\n"
        "app = application()\n"
        "w = MainWindow(Session(bench_project()), interactive=False, remember=False)\n"
        "w.show(); w.session.play(); wait(app, 0.5)\n"
        "w.close()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env=env, cwd=str(__import__("pathlib").Path.cwd()))
    assert out.returncode == 0, out.stderr
    assert "QThread" not in out.stderr
