"""`inspect PROJECT --at X1,X2`: one input's forward pass, checked against the saved weights;
`inspect --json` carries every run of linear layers as one map."""

from __future__ import annotations

import math
import sys
import types

import numpy as np
import pytest
from test_cli import run_json

from playground.cli.main import main
from playground.core.files.project import load_project
from playground.core.files.resources import resource_path


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("inspect") / "run.json"
    assert (
        main(
            [
                "train",
                "--layers",
                "5:relu,3:tanh",
                "--features",
                "x1,x2,x1sq",
                "--steps",
                "80",
                "--save",
                str(path),
                "--json",
            ]
        )
        == 0
    )
    return str(path)


def _params(path):
    return [(np.asarray(w, float), np.asarray(b, float)) for w, b in load_project(path).params]


def test_forward_json_equals_the_saved_network_by_hand(saved, capsys):
    capsys.readouterr()
    d = run_json(capsys, "inspect", saved, "--at", "1.5,-2", "--json")["forward"]
    assert d["x"] == [1.5, -2.0] and d["inputs"] == {"x1": 1.5, "x2": -2.0, "x1sq": 2.25}
    a = np.array([1.5, -2.0, 2.25])
    acts = [lambda z: np.maximum(z, 0), np.tanh, lambda z: 1 / (1 + np.exp(-z))]
    for layer, (W, b), f in zip(d["layers"], _params(saved), acts, strict=True):
        z = W @ a + b
        a = f(z)
        assert [u["z"] for u in layer["units"]] == pytest.approx(z, rel=1e-9, abs=1e-12)
        assert [u["a"] for u in layer["units"]] == pytest.approx(a, rel=1e-9, abs=1e-12)
        for i, unit in enumerate(layer["units"]):
            assert [t["w"] for t in unit["terms"]] == pytest.approx(W[i])
            assert unit["bias"] == pytest.approx(b[i])
            total = sum(t["w*a"] for t in unit["terms"]) + unit["bias"] + unit["rest"]
            assert total == pytest.approx(unit["z"], abs=1e-12)
    relu = d["layers"][0]["units"]
    assert [u["off"] for u in relu] == [u["z"] <= 0 for u in relu]
    assert d["output"] == pytest.approx(a)
    assert d["predicted_class"] == int(a[0] > 0.5)
    assert d["predicted_label"] == str(d["predicted_class"] + 1)


def test_forward_text_shows_each_sum_with_the_bias_as_one_times_b(saved, capsys):
    capsys.readouterr()
    assert main(["inspect", saved, "--at", "1.5,-2"]) == 0
    out = capsys.readouterr().out
    assert "forward pass at x = (1.5, -2)" in out
    assert "inputs   x1 = 1.5000, x2 = -2.0000, x1sq = 2.2500" in out
    W, b = _params(saved)[0]
    z = W[0] @ [1.5, -2.0, 2.25] + b[0]
    bias = f"({b[0]:.4f})" if b[0] < 0 else f"{b[0]:.4f}"
    line = next(s for s in out.splitlines() if s.startswith("    1  z = 1.5000×"))
    assert f"1×{bias} = {z:.4f} → a = {max(z, 0):.4f}" in line
    assert "output (1 × sigmoid)" in out and "predicted class" in out


def test_a_linear_run_between_bends_is_reported_as_one_map(tmp_path, capsys):
    path = tmp_path / "mixed.json"
    assert (
        main(
            [
                "train",
                "--layers",
                "5:relu,4:linear,3:linear",
                "--steps",
                "40",
                "--save",
                str(path),
                "--json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    d = run_json(capsys, "inspect", str(path), "--json")
    runs = d["collapse_runs"]
    assert runs["whole"] is False and runs["bends"] == [1] and len(runs["runs"]) == 1
    run = runs["runs"][0]
    assert run["layers"] == [2, 4]  # layers 2, 3 and the output layer
    (_, _), (w2, b2), (w3, b3), (w4, b4) = _params(path)
    np.testing.assert_allclose(run["W"], w4 @ w3 @ w2, atol=1e-6)
    np.testing.assert_allclose(run["b"], w4 @ w3 @ b2 + w4 @ b3 + b4, atol=1e-6)
    assert run["max_abs_diff"] < 1e-9 and run["formula_W"] == "W = W₄·W₃·W₂"
    assert "forward" not in d
    assert main(["inspect", str(path)]) == 0
    assert "layers 2-4 act as one map: W = W₄·W₃·W₂" in capsys.readouterr().out


def test_one_dimensional_data_takes_one_number_and_reports_the_value(capsys):
    path = str(resource_path("experiments", "sine-regression.json"))
    d = run_json(capsys, "inspect", path, "--at", "0.5", "--json")["forward"]
    assert d["x"] == [0.5] and "predicted_class" not in d
    assert d["value"] == pytest.approx(d["output"][0]) and math.isfinite(d["value"])


def test_data_with_four_columns_takes_four_numbers(tmp_path, capsys):
    path = tmp_path / "iris.json"
    assert (
        main(
            [
                "train",
                "--dataset",
                "iris",
                "--layers",
                "4:relu",
                "--steps",
                "10",
                "--save",
                str(path),
                "--json",
            ]
        )
        == 0
    )
    capsys.readouterr()
    d = run_json(capsys, "inspect", str(path), "--at", "5.1,3.5,1.4,0.2", "--json")["forward"]
    assert len(d["inputs"]) == 4 and len(d["output"]) == 3
    z = np.array([u["z"] for u in d["layers"][-1]["units"]])
    assert d["output"] == pytest.approx(np.exp(z) / np.exp(z).sum())  # softmax over the units
    assert d["predicted_class"] == int(np.argmax(d["output"]))


@pytest.mark.parametrize(
    "at, expected",
    [
        ("1,2,3", "--at: must be 2 numbers X1,X2 (got 1,2,3)"),
        ("1", "--at: must be 2 numbers X1,X2"),
        ("a,b", "--at: must be 2 numbers"),
        ("nan,1", "--at: each coordinate must be within"),
        ("1e9,0", "--at: each coordinate must be within"),
    ],
)
def test_a_bad_point_exits_2_naming_at(saved, capsys, at, expected):
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        sys.exit(main(["inspect", saved, "--at", at]))
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and expected in err


def test_a_point_may_start_with_a_minus_sign(saved, capsys, monkeypatch):
    capsys.readouterr()
    d = run_json(capsys, "inspect", saved, "--at", "-1.5,-2", "--json")["forward"]
    assert d["x"] == [-1.5, -2.0]
    calls = []
    app = types.ModuleType("playground.ui.app")
    app.run_gui = lambda **kw: calls.append(kw) or 0
    monkeypatch.setitem(sys.modules, "playground.ui.app", app)
    assert main(["gui", "--at", "-.5,3"]) == 0 and calls[0]["at"] == (-0.5, 3.0)
