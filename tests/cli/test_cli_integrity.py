"""The command line never misstates a run and refuses hostile input with one line (issue 8)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.cli.main import main
from playground.core.files.project import save_project

REPO = Path(__file__).resolve().parents[2]


def test_an_exploding_loss_is_flagged_as_divergence_without_warnings(capsys):
    assert (
        main(
            [
                "train",
                "--dataset",
                "xor",
                "--layers",
                "8:relu",
                "--lr",
                "1000",
                "--steps",
                "400",
                "--json",
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    r = json.loads(captured.out)
    assert r["diverged"] is True and "learning rate" in r["message"]
    assert r["train_loss"] is not None and r["train_loss"] < 1e6  # the last sane weights
    assert "Warning" not in captured.err and "overflow" not in captured.err


def test_numpy_overflow_warnings_never_reach_stderr_in_a_process(tmp_path):
    run = subprocess.run(
        [
            sys.executable,
            "-W",
            "default",
            "-m",
            "playground",
            "train",
            "--dataset",
            "circle",
            "--layers",
            "16:relu,16:relu",
            "--lr",
            "900",
            "--steps",
            "2000",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert "RuntimeWarning" not in run.stderr and json.loads(run.stdout)["diverged"]


def test_a_failed_save_still_prints_the_report_then_the_error(capsys, tmp_path):
    folder = tmp_path / "out.json"
    folder.mkdir()  # a folder where the file should go: the save fails
    assert main(["train", "--steps", "20", "--json", "--save", str(folder)]) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["steps"] == 20
    assert captured.err.startswith("activation-playground: error: --save:")
    assert captured.err.count("\n") == 1 and "not a regular file" in captured.err


@pytest.mark.parametrize("flag", ["--epochs", "--steps"])
def test_endless_runs_are_refused(capsys, flag):
    assert main(["train", flag, "111111111111111111111111111111"]) == 2
    err = capsys.readouterr().err
    assert f"{flag}: at most 1,000,000,000" in err and err.count("\n") == 1


def test_a_hostile_project_exits_2_with_one_line_in_every_command(capsys, tmp_path):
    from tests.core.test_hostile_files import project

    p = project()
    save_project(p, tmp_path / "p.json")
    d = json.loads((tmp_path / "p.json").read_text())
    d["training"]["seed"] = 2**31
    (tmp_path / "p.json").write_text(json.dumps(d))
    for argv in (
        ["train", str(tmp_path / "p.json")],
        ["inspect", str(tmp_path / "p.json")],
        ["gui", str(tmp_path / "p.json"), "--snapshot", str(tmp_path / "x.png")],
    ):
        assert main(argv) == 2, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "training.seed" in err and "Traceback" not in err


def test_inspect_opens_an_empty_project(capsys, tmp_path):
    from playground.core.data import datasets
    from playground.core.files.project import Project
    from playground.core.nn.spec import parse_layers

    data = datasets.generate("xor", 1).remove_point(0)
    save_project(Project(data, parse_layers("2:tanh")), tmp_path / "empty.json")
    assert main(["inspect", str(tmp_path / "empty.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["points"] == 0


def test_test_split_sets_the_held_out_share(capsys, tmp_path):
    r = json.loads(
        _run(
            capsys,
            "train",
            "--points",
            "200",
            "--test-split",
            "0.2",
            "--steps",
            "5",
            "--json",
            "--save",
            str(tmp_path / "p.json"),
        )
    )
    assert (r["train_points"], r["test_points"]) == (160, 40)
    again = json.loads(
        _run(
            capsys, "train", str(tmp_path / "p.json"), "--test-split", "0", "--steps", "5", "--json"
        )
    )
    assert (again["train_points"], again["test_points"]) == (200, 0)
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "--test-split", "0.95"])
    assert exit_info.value.code == 2
    assert "--test-split: must be a number from 0 to 0.9" in capsys.readouterr().err


def test_a_data_set_of_a_hundred_thousand_points_trains(capsys):
    r = json.loads(
        _run(
            capsys,
            "train",
            "--points",
            "100000",
            "--test-split",
            "0.9",
            "--layers",
            "4:relu",
            "--steps",
            "20",
            "--json",
        )
    )
    assert r["points"] == 100_000 and r["train_points"] == 10_000


def _run(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_train_saves_its_loss_curve_and_a_continued_run_extends_it(capsys, tmp_path):
    from playground.core.files.project import load_project as open_project

    out = tmp_path / "run.json"
    main(
        [
            "train",
            "--dataset",
            "xor",
            "--points",
            "80",
            "--epochs",
            "4",
            "--batch",
            "1000",
            "--save",
            str(out),
        ]
    )
    first = open_project(out).run
    assert first.step == 4 and first.epoch == 4 and list(first.history.last) == [1, 2, 3, 4]
    main(["train", str(out), "--epochs", "3", "--save", str(out)])
    run = open_project(out).run
    assert run.epoch == 7 and list(run.history.last) == [1, 2, 3, 4, 5, 6, 7]
    np.testing.assert_array_equal(run.history.final[:4], first.history.final)
    capsys.readouterr()


def test_a_negative_extent_is_a_value_and_a_closed_pipe_ends_quietly(tmp_path):
    out = tmp_path / "r.json"
    main(["train", "--dataset", "xor", "--layers", "4:relu", "--epochs", "2", "--save", str(out)])
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "playground.cli.main",
            "regions",
            str(out),
            "--extent",
            "-1,1,-1,1",
            "--json",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0 and json.loads(run.stdout)["extent"] == [-1, 1, -1, 1]
    piped = subprocess.run(
        f"{sys.executable} -m playground.cli.main list experiments | head -1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert piped.stdout.count("\n") == 1 and "Traceback" not in piped.stderr
