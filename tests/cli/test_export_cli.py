"""`activation-playground export PROJECT --format … [-o OUT]` (DESIGN.md "Command line")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from export_cases import CASES, app_predict, grid_for, run_predict

from playground.cli.main import main
from playground.core.files.project import save_project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def project_file(tmp_path) -> Path:
    path = tmp_path / "xor.json"
    save_project(CASES[0].project(), path)
    return path


def _error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err


def test_export_numpy_end_to_end_from_the_command_line(project_file, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "playground", "export", str(project_file), "--format", "numpy"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "xor_numpy.py"
    assert result.stdout.strip() == str(out)
    project = CASES[0].project()
    X = grid_for(project)
    assert np.max(np.abs(run_predict(out, X) - app_predict(project, X))) <= 1e-12


@pytest.mark.parametrize(
    "fmt, suffix",
    [
        ("keras", "_keras.py"),
        ("pytorch", "_pytorch.py"),
        ("npz", "_weights.npz"),
        ("csv", "_points.csv"),
    ],
)
def test_each_format_goes_beside_the_project_by_default(fmt, suffix, project_file, capsys):
    assert main(["export", str(project_file), "--format", fmt]) == 0
    out = project_file.with_name("xor" + suffix)
    assert capsys.readouterr().out.strip() == str(out)
    assert out.stat().st_size > 0


def test_dash_prints_a_text_format(project_file, tmp_path, capsys):
    assert main(["export", str(project_file), "--format", "pytorch", "-o", "-"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# xor-tanh: exported from Activation Playground")
    assert "model.load_state_dict(state)" in text
    assert not list(tmp_path.glob("*.py"))  # nothing written


def test_output_names_the_file(project_file, tmp_path, capsys):
    out = tmp_path / "sub" / "model.py"
    out.parent.mkdir()
    assert main(["export", str(project_file), "--format", "keras", "-o", str(out)]) == 0
    assert "keras.Sequential()" in out.read_text()


@pytest.mark.parametrize(
    "argv, names",
    [
        (["--format", "onnx"], "--format"),
        ([], "--format"),
        (["--format", "npz", "-o", "-"], "-o"),
        (["--format", "numpy", "-o", "{tmp}/missing/x.py"], "-o"),
        (["--format", "csv", "-o", "{project}"], "-o"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_naming_the_argument(
    argv, names, project_file, tmp_path, capsys
):
    argv = [a.format(tmp=tmp_path, project=project_file) for a in argv]
    before = project_file.read_bytes()
    assert _status(["export", str(project_file), *argv]) == 2
    assert names in _error_line(capsys)
    assert project_file.read_bytes() == before


def _status(argv: list[str]) -> int:
    """main()'s exit status, whether it returns it or argparse exits."""
    try:
        return main(argv)
    except SystemExit as e:
        return e.code


def test_a_missing_or_broken_project_exits_2_naming_project(tmp_path, capsys):
    assert main(["export", str(tmp_path / "none.json"), "--format", "numpy"]) == 2
    assert "PROJECT" in _error_line(capsys)
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["export", str(bad), "--format", "numpy"]) == 2
    assert "PROJECT" in _error_line(capsys)


def test_a_large_network_cannot_go_to_stdout(tmp_path, capsys):
    path = tmp_path / "big.json"
    save_project(next(c for c in CASES if c.name == "large-net-npz").project(), path)
    assert main(["export", str(path), "--format", "numpy", "-o", "-"]) == 2
    assert "-o" in _error_line(capsys) and capsys.readouterr().out == ""
    assert main(["export", str(path), "--format", "numpy"]) == 0
    assert sorted(p.name for p in tmp_path.glob("big_numpy.*")) == ["big_numpy.npz", "big_numpy.py"]
