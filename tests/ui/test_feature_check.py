"""PySide6's per-import check answered from the module file's bytes gives PySide6's answers."""

from __future__ import annotations

import sys
from types import ModuleType

import playground.ui.window.main_window  # noqa: F401  (pyqtgraph's import installs the check)
from playground.ui.graphics import feature_check


def _check():
    return sys.modules[feature_check.FEATURE_MODULE]._mod_uses_pyside


def test_the_byte_check_is_installed_once():
    check = _check()
    assert hasattr(check, "original")
    assert feature_check.install() and _check() is check


def _outcome(check, module):
    try:
        return check(module)
    except Exception as e:  # e.g. a module whose __getattr__ raises: both must raise it
        return type(e)


def test_it_answers_as_pysides_own_check_for_every_loaded_module():
    check = _check()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    answers = {m.__name__: (_outcome(check, m), _outcome(check.original, m)) for m in modules}
    assert len(answers) > 300
    assert {name for name, (ours, theirs) in answers.items() if ours != theirs} == set()
    assert answers["playground.ui.window.main_window"] == (True, True)
    assert answers["numpy"] == (False, False)


def test_modules_without_a_source_file_go_to_the_original(tmp_path):
    check = _check()
    built = ModuleType("built_here")  # no __file__
    assert check(built) is check.original(built) is False
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # a file that is not there
    assert check(gone) == check.original(gone)


def test_without_pysides_check_nothing_is_installed(monkeypatch):
    monkeypatch.setitem(sys.modules, feature_check.FEATURE_MODULE, ModuleType("empty"))
    assert feature_check.install() is False


def test_pysides_support_modules_load_from_the_unpacked_files():
    """scripts/unpack_pyside_support.py (run by the Makefile after installing): shiboken6 then
    imports its support modules from files.dir, with bytecode, not from its embedded zip."""
    import importlib.util
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location(
        "unpack", root / "scripts" / "unpack_pyside_support.py"
    )
    unpack = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(unpack)
    assert unpack.main() == 0
    code = "import sys, PySide6.QtCore; print(sys.modules['shibokensupport'].__file__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = Path(out.stdout.strip())
    assert loaded.is_relative_to(unpack.files_dir())
    assert Path(importlib.util.cache_from_source(str(loaded))).is_file()
