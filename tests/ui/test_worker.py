"""The worker relay in its QThread with the training process: start, train, close, exit."""

from __future__ import annotations

import subprocess
import sys

from playground.ui.worker import Load, WorkerThread
from tests.ui.conftest import make_project


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
        "w.show(); w.session.play(); wait(app, 1.0)\n"
        "assert w.session.latest_snapshot().running\n"
        "import time; t0 = time.perf_counter(); w.close()\n"
        "print('closed in', time.perf_counter() - t0)\n"
        "import multiprocessing; assert not multiprocessing.active_children()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, env=env, cwd=str(__import__("pathlib").Path.cwd()))
    assert out.returncode == 0, out.stderr
    assert "QThread" not in out.stderr
    seconds = float(out.stdout.split("closed in")[1])
    assert seconds < 1.0  # the relay thread and the training process are both gone
