"""`train --data FILE.csv [--label COLUMN] [--task classes|regression]`: training on a CSV's points,
and every CSV problem as one line naming --data (or --label) with the row and column."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.cli.main import main
from playground.core.data.csvio import read_points, to_csv
from playground.core.data.pointset import PointSet
from playground.core.files.project import load_project

IRIS = Path(__file__).resolve().parents[2] / "resources" / "data" / "iris.csv"


def run_json(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def fails(capsys, *argv) -> str:
    """The one error line of a command that must exit 2."""
    with pytest.raises(SystemExit) as exc:
        sys.exit(main(list(argv)))
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("activation-playground: error: ")
    return err.removeprefix("activation-playground: error: ").rstrip("\n")


def write(tmp_path, text: str, name: str = "points.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_train_on_iris_uses_its_four_features_and_three_named_classes(capsys):
    r = run_json(
        capsys,
        "train",
        "--data",
        str(IRIS),
        "--layers",
        "8:tanh",
        "--optimizer",
        "adam",
        "--lr",
        "0.03",
        "--json",
    )
    assert (r["dataset"], r["task"], r["points"]) == ("iris", "multiclass", 150)
    assert r["sizes"] == [4, 8, 3] and r["output"] == "softmax"
    assert (r["train_points"], r["test_points"]) == (75, 75)  # no test column: half, by seed
    assert r["test_accuracy"] > 0.9


def test_without_a_test_column_the_seed_chooses_the_split(tmp_path, capsys):
    runs = [
        run_json(capsys, "train", "--data", str(IRIS), "--steps", "0", "--seed", seed, "--json")
        for seed in ("1", "1", "2")
    ]
    assert runs[0]["test_loss"] == runs[1]["test_loss"] != runs[2]["test_loss"]


def test_the_files_own_test_column_is_the_split(tmp_path, capsys):
    rng = np.random.default_rng(0)
    is_test = np.arange(40) < 10
    points = PointSet(rng.normal(size=(40, 2)), rng.integers(0, 2, 40), "binary", 2, is_test)
    path = tmp_path / "split.csv"
    to_csv(points, path, include_split=True)
    r = run_json(capsys, "train", "--data", str(path), "--steps", "5", "--json")
    assert (r["train_points"], r["test_points"]) == (30, 10) and r["dataset"] == "split"


@pytest.mark.parametrize("label", ["kind", "1"])
def test_label_names_or_numbers_the_label_column(tmp_path, capsys, label):
    path = write(
        tmp_path,
        "kind,a,b\n" + "".join(f"{'yes' if i % 3 else 'no'},{i},{-i}\n" for i in range(12)),
    )
    r = run_json(capsys, "train", "--data", path, "--label", label, "--steps", "3", "--json")
    assert (r["task"], r["sizes"][0], r["points"]) == ("binary", 2, 12)


def test_task_regression_reads_whole_numbers_as_targets(tmp_path, capsys):
    path = write(tmp_path, "x,label\n" + "".join(f"{i},{i}\n" for i in range(10)))
    assert fails(capsys, "train", "--data", path) == (
        "--data: column label: 10 different whole numbers: too many for classes (at most 6); "
        "choose regression to predict them as numbers (--task regression)"
    )
    r = run_json(capsys, "train", "--data", path, "--task", "regression", "--steps", "3", "--json")
    assert r["task"] == "regression" and r["output"] == "linear"


def test_save_keeps_the_csv_points_and_continues_from_them(tmp_path, capsys):
    out = tmp_path / "run.json"
    run_json(capsys, "train", "--data", str(IRIS), "--steps", "20", "--save", str(out), "--json")
    project = load_project(out)
    iris = read_points(IRIS)
    assert project.dataset is None and np.array_equal(project.data.X, iris.X)
    assert project.data.class_names == iris.class_names
    again = run_json(capsys, "train", str(out), "--steps", "0", "--json")
    assert again["points"] == 150 and again["sizes"][0] == 4


def test_a_project_takes_new_points_from_data(tmp_path, capsys):
    out = tmp_path / "circle.json"
    run_json(capsys, "train", "--steps", "5", "--save", str(out), "--json")
    r = run_json(capsys, "train", str(out), "--data", str(IRIS), "--steps", "0", "--json")
    assert r["dataset"] == "iris" and r["sizes"][0] == 4


CSV_ERRORS = [
    ("x1,x2,label\n1,2,0\n3,abc,1\n", [], "--data: row 3, column x2: 'abc' is not a number"),
    ("x1,x2,label\n1,2,0\n3,4\n", [], "--data: row 3: has 2 cells, but the first row has 3"),
    ("", [], "--data: the file is empty: expected rows of numbers and a label, e.g. x1,x2,label"),
    (
        "x,label\n1,1\n2,0\n3,O\n",
        [],
        "--data: row 4, column label: the labels mix numbers and "
        "names ('O' here, '1' in row 2); choose classes to read every label as a class name "
        "(--task classes)",
    ),
    (
        "x,label\n1,a\n2,b\n",
        ["--label", "kind"],
        "--label: no column is called 'kind'; the columns are x, label",
    ),
    (
        "x,label\n1,a\n2,b\n",
        ["--label", "7"],
        "--label: there is no column 7; the columns are numbered 1 to 2",
    ),
]


@pytest.mark.parametrize(
    ("text", "flags", "message"), CSV_ERRORS, ids=[m for _, _, m in CSV_ERRORS]
)
def test_csv_problems_exit_2_with_one_line(tmp_path, capsys, text, flags, message):
    assert fails(capsys, "train", "--data", write(tmp_path, text), *flags) == message


def test_a_file_that_cannot_be_read_exits_2(tmp_path, capsys):
    assert fails(capsys, "train", "--data", str(tmp_path)).startswith(
        f"--data: {tmp_path} is not a regular file"
    )
    assert (
        fails(capsys, "train", "--data", str(tmp_path / "none.csv"))
        == f"--data: CSV file not found: {tmp_path / 'none.csv'}"
    )
    binary = tmp_path / "points.xlsx"
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    assert fails(capsys, "train", "--data", str(binary)).startswith(
        "--data: the file is not text but binary data"
    )


@pytest.mark.parametrize(
    "flags", [["--dataset", "xor"], ["--points", "40"], ["--noise", "0.1"], ["--classes", "3"]]
)
def test_data_excludes_the_generator_flags(capsys, flags):
    assert (
        fails(capsys, "train", "--data", str(IRIS), *flags)
        == f"--data: not allowed with {flags[0]} (the file holds the points)"
    )


@pytest.mark.parametrize("flags", [["--label", "y"], ["--task", "classes"]])
def test_label_and_task_need_data(capsys, flags):
    assert fails(capsys, "train", *flags) == f"{flags[0]}: applies to --data FILE.csv only"


def test_task_takes_classes_or_regression(capsys):
    assert fails(capsys, "train", "--data", str(IRIS), "--task", "binary").startswith(
        "--task: unknown task 'binary'; choose from classes, regression"
    )
