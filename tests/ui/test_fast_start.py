"""A fast start: the window paints before the training process and the insight views exist."""

from __future__ import annotations

from conftest import make_project

from playground.cli import bench_startup
from playground.ui.session import Session
from playground.ui.window.main_window import MainWindow


def test_a_deferred_session_starts_training_when_asked_or_when_synced(qtbot):
    s = Session(make_project(), res=16, inline=True, deferred=True)
    try:
        assert s.link is None
        s.play()  # pressed before the start: remembered
        s.start_training()
        assert s.link is not None and s.running
        qtbot.waitUntil(
            lambda: s.latest_snapshot() is not None and s.latest_snapshot().step > 0, timeout=5000
        )
    finally:
        s.shutdown()
    s.start_training()  # never after a shutdown
    assert s.link is None


def test_sync_starts_a_deferred_session(qtbot):
    s = Session(make_project(), res=16, inline=True, deferred=True)
    try:
        assert s.sync() is not None and s.link is not None
    finally:
        s.shutdown()


def test_insight_views_are_built_after_the_first_paint_or_when_opened(qtbot, make_session):
    window = MainWindow(make_session(), interactive=False, remember=False, fast_start=True)
    qtbot.addWidget(window)
    assert window.insights.views == {} and len(window.insights.docks) == 5
    window.insights.open("hidden")
    assert set(window.insights.views) == set(window.insights.docks)
    other = MainWindow(make_session(), interactive=False, remember=False, fast_start=True)
    qtbot.addWidget(other)
    other.finish_start()
    assert set(other.insights.views) == set(other.insights.docks)


def test_the_startup_probe_reports_a_painted_window():
    seconds = bench_startup.time_to_paint()
    assert 0 < seconds < 30


def test_pyqtgraph_is_imported_with_lazy_qt_mirrors_that_resolve_to_pyside6():
    """A fresh interpreter: no Qt class is copied at import, each resolves when first asked."""
    import subprocess
    import sys

    code = (
        "import sys, types, PySide6.QtCore as C\n"
        "import playground.ui, pyqtgraph as pg\n"
        "mirror = sys.modules['pyqtgraph.Qt.QtCore']\n"
        "assert 'QPointF' not in vars(mirror), 'copied'\n"
        "assert pg.Qt.QtCore.QPointF is C.QPointF and pg.QtCore is mirror\n"
        "assert 'QPointF' in dir(C), 'PySide6 lists its names again'\n"
        "from pyqtgraph.Qt.QtWidgets import QApplication\n"
        "app = QApplication([]); w = pg.PlotWidget(); w.plot([1, 2, 3])\n"
        "print('ok')\n"
    )
    env_run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert env_run.stdout.strip() == "ok", env_run.stderr


def test_the_collector_is_back_on_after_any_command(capsys):
    import gc

    from playground.cli.main import main

    assert main(["list", "datasets"]) == 0
    assert gc.isenabled()


def test_import_times_count_only_the_imports_before_the_paint():
    report = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:      2000 |       2000 |   numpy.core\n"
        "import time:      1000 |       3000 | numpy\n"
        "import time:       500 |        500 | PySide6.QtCore\n"
        "painted\n"
        "import time:      9000 |       9000 | multiprocessing\n"
    )
    assert bench_startup.package_times(report) == {"numpy": 0.003, "PySide6": 0.0005}


def test_the_startup_bench_measures_compiled_modules(tmp_path, monkeypatch):
    """compile_package writes the bytecode an installed app has, whatever
    PYTHONDONTWRITEBYTECODE says."""
    import importlib.util
    from pathlib import Path

    import playground

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    bench_startup.compile_package()
    source = Path(playground.__file__).parent / "ui" / "graphics" / "feature_check.py"
    assert Path(importlib.util.cache_from_source(str(source))).is_file()
