"""The link to the training loop: the real child process and its relay thread start, train and
close; a killed training process is replaced and every control keeps working; the in-process
link behaves like the process one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from playground.live import commands as c
from playground.ui.training_link import InlineLink, ProcessLink
from tests.ui.conftest import make_project


def _load(p):
    return c.Load(p.spec(), p.data, p.config, run_id=1)


def test_process_link_trains_and_its_thread_joins_cleanly(qtbot):
    link = ProcessLink(_load(make_project()), res=8)
    snaps = []
    link.snapshotReady.connect(lambda snap, seq: snaps.append(snap))
    link.post(1, c.Run(True))
    qtbot.waitUntil(lambda: bool(snaps) and snaps[-1].step > 50, timeout=20000)
    assert snaps[-1].data is not None and snaps[-1].spec is not None  # hydrated
    assert link.close(3000) and link.thread.isFinished()
    assert not link.process.process.is_alive()


def test_inline_link_answers_commands_with_the_same_events(qtbot):
    link = InlineLink(_load(make_project()), res=8)
    snaps, failures = [], []
    link.snapshotReady.connect(lambda snap, seq: snaps.append((snap, seq)))
    link.failed.connect(lambda failure, command, seq: failures.append((failure, command, seq)))
    link.post(1, c.TrainSteps(20))
    link.post(2, c.SetData(make_project("spiral", classes=3).data))  # refused
    qtbot.waitUntil(lambda: bool(snaps) and snaps[-1][1] == 2, timeout=5000)
    assert snaps[-1][0].step == 20 and snaps[-1][0].spec is not None
    assert [(f.code, command, seq) for f, command, seq in failures] == [
        ("outputs_mismatch", "SetData", 2)
    ]
    link.close()


def test_killing_the_training_process_leaves_a_working_session(qtbot, make_session):
    s = make_session(inline=False)
    notices = []
    s.notice.connect(lambda text, level: notices.append((text, level)))
    s.play()
    qtbot.waitUntil(
        lambda: s.latest_snapshot() is not None and s.latest_snapshot().step > 100, timeout=20000
    )
    trained = s.latest_snapshot()
    os.kill(s.link.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: s.restarts == 1, timeout=10000)
    assert not s.running
    assert [level for _, level in notices].count("error") == 1
    assert "restarted" in notices[-1][0]
    s.play()  # the controls work again, from the weights it had reached
    qtbot.waitUntil(
        lambda: (
            s.latest_snapshot().run_id == s.run_id
            and s.latest_snapshot().step > 50
            and s.latest_snapshot().running
        ),
        timeout=20000,
    )
    assert s.running and s.restarts == 1
    s.pause()
    s.reset()
    qtbot.waitUntil(
        lambda: s.latest_snapshot().step == 0 and not s.latest_snapshot().running, timeout=10000
    )
    assert trained.step > 100


def test_closing_the_window_during_training_exits_cleanly_in_a_process(tmp_path):
    code = (
        "from playground.ui.app import application\n"
        "from playground.ui.window.main_window import MainWindow\n"
        "from playground.ui.session import Session\n"
        "from playground.cli.bench_gui import bench_project, wait\n"
        "app = application()\n"
        "w = MainWindow(Session(bench_project()), interactive=False, remember=False)\n"
        "w.show(); w.session.play(); wait(app, 1.0)\n"
        "assert w.session.latest_snapshot().running\n"
        "w.close()\n"
        "import multiprocessing; assert not multiprocessing.active_children()\n"
        "print('closed')\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=str(__import__("pathlib").Path.cwd()),
    )
    assert out.returncode == 0, out.stderr
    assert "QThread" not in out.stderr and "closed" in out.stdout
