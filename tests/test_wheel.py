"""resources/ ships inside the wheel: build it, install it apart from the checkout, load a file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
        timeout=300,
    )
    return next(out.glob("activation_playground-*.whl"))


def test_wheel_contains_the_resources_under_the_package(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for path in (
        "playground/resources/data/iris.csv",
        "playground/resources/experiments/xor-tanh.json",
        "playground/resources/lessons/xor.json",
        "playground/resources/translations/playground_zh_CN.qm",
    ):
        assert path in names, path


def test_installed_wheel_finds_its_resources_away_from_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    code = (
        "from playground.core.files.resources import resource_path; "
        "p = resource_path('data', 'iris.csv'); print(p); "
        "assert p.read_text().startswith('sepal_length')"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert Path(out.stdout.strip()).is_relative_to(target)  # not the checkout's resources/
