"""The command line contract (DESIGN.md "Command line"), run in-process through main()."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

from playground.cli.main import build_parser, main
from playground.cli.train import Progress, build
from playground.core.data import datasets
from playground.core.files.experiments import experiment_names
from playground.core.files.project import load_project
from playground.core.nn import activations
from playground.core.nn.trainer import GRAD_EVERY, Trainer

REPO = Path(__file__).resolve().parents[2]


def _no_nan(token):
    raise AssertionError(f"JSON holds the non-standard token {token}")


def run_json(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1, "--json prints exactly one line"
    return json.loads(out, parse_constant=_no_nan)


# ---------------------------------------------------------------------- train
def test_train_json_has_the_contract_fields_with_their_types(capsys):
    r = run_json(capsys, "train", "--steps", "30", "--json")
    assert r["steps"] == 30 and r["epochs"] == 1  # 250 training points / batch 10 = 25 steps
    for key in ("train_loss", "test_loss", "train_accuracy", "test_accuracy"):
        assert isinstance(r[key], float), key
    assert 0 <= r["train_accuracy"] <= 1 and r["diverged"] is False
    assert [(h["activation"], h["units"]) for h in r["layers"]] == [("tanh", 4), ("tanh", 2)]
    for layer in r["layers"]:
        assert 0 <= layer["dead_fraction"] <= 1 and 0 <= layer["saturated_fraction"] <= 1
        assert layer["grad_norm"] > 0
    assert r["collapse"]["collapsible"] is False and r["collapse"]["max_abs_diff"] is None
    assert r["linear_regions"] is None  # tanh: not piecewise linear
    assert (r["dataset"], r["sizes"], r["loss"], r["optimizer"]) == (
        "circle",
        [2, 4, 2, 1],
        "bce",
        "sgd",
    )


def test_train_defaults_to_100_epochs_and_learns_the_circle(capsys):
    r = run_json(capsys, "train", "--layers", "8:tanh", "--lr", "0.3", "--json")
    assert r["epochs"] == 100 and r["steps"] == 100 * 25
    assert r["test_accuracy"] > 0.9


def test_train_is_deterministic_for_a_seed(capsys):
    a = run_json(capsys, "train", "--steps", "40", "--seed", "3", "--json")
    b = run_json(capsys, "train", "--steps", "40", "--seed", "3", "--json")
    c = run_json(capsys, "train", "--steps", "40", "--seed", "4", "--json")
    assert a["train_loss"] == b["train_loss"] != c["train_loss"]


def test_linear_network_collapses_and_has_one_region(capsys):
    r = run_json(capsys, "train", "--layers", "3:linear,3:linear", "--steps", "20", "--json")
    assert r["collapse"]["collapsible"] is True
    assert r["collapse"]["max_abs_diff"] < 1e-9
    assert r["linear_regions"]["count"] == 1


def test_collapsed_w_and_b_reproduce_the_saved_linear_network(tmp_path, capsys):
    out = tmp_path / "lin.json"
    main(
        [
            "train",
            "--dataset",
            "xor",
            "--layers",
            "4:linear,3:linear",
            "--steps",
            "50",
            "--save",
            str(out),
        ]
    )
    capsys.readouterr()
    c = run_json(capsys, "inspect", str(out), "--json")["collapse"]
    project = load_project(out)
    W, b = np.array(c["W"]), np.array(c["b"])
    x = np.random.default_rng(0).normal(size=(20, 2)) * 3
    net = Trainer(project.spec(), project.data, project.config, params=project.params).network
    z = net.copy(np.float64).forward(x).zs[-1]
    assert np.abs(x @ W.T + b - z).max() < 1e-4  # W, b are printed rounded to 6 decimals


def test_relu_network_counts_regions_and_multiclass_uses_softmax(capsys):
    r = run_json(
        capsys,
        "train",
        "--dataset",
        "blobs",
        "--classes",
        "4",
        "--layers",
        "6:relu",
        "--steps",
        "20",
        "--json",
    )
    assert r["task"] == "multiclass" and r["output"] == "softmax" and r["loss"] == "ce"
    assert r["sizes"] == [2, 6, 4]
    assert r["linear_regions"]["count"] > 1 and r["linear_regions"]["exact"] is True


def test_regression_reports_no_accuracy(capsys):
    r = run_json(
        capsys, "train", "--dataset", "sine", "--layers", "8:relu", "--steps", "20", "--json"
    )
    assert (r["output"], r["loss"]) == ("linear", "mse")
    assert "train_accuracy" not in r and isinstance(r["test_loss"], float)
    assert r["linear_regions"] is None  # 1-D data: exact regions are of the 2-D plane


def test_divergence_is_reported_as_valid_json(capsys):
    r = run_json(
        capsys,
        "train",
        "--dataset",
        "sine",
        "--layers",
        "16:relu,16:relu",
        "--lr",
        "50",
        "--steps",
        "300",
        "--json",
    )
    assert r["diverged"] is True and "learning rate" in r["message"]
    assert r["steps"] < 300


def test_human_summary_names_the_results(capsys):
    assert main(["train", "--steps", "10"]) == 0
    out = capsys.readouterr()
    assert "10 steps" in out.out and "accuracy" in out.out and "collapse" in out.out
    assert out.err == ""  # no progress bar when stderr is not a terminal


def test_progress_bar_draws_and_clears():
    class Term:
        text = ""

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    term = Term()
    bar = Progress(200, term)
    bar.start -= 1.0  # pretend training has run for a second
    bar.last -= 1.0
    bar.update(100)
    assert "50.0%" in term.text and "100/200" in term.text
    bar.close()
    assert term.text.endswith("\r")


# ---------------------------------------------------------------------- save / inspect / continue
@pytest.fixture
def saved(tmp_path, capsys) -> tuple[Path, dict]:
    path = tmp_path / "run.json"
    r = run_json(
        capsys, "train", "--layers", "5:relu,3:tanh", "--steps", "60", "--json", "--save", str(path)
    )
    return path, r


def test_save_writes_a_project_with_the_trained_weights(saved):
    path, r = saved
    project = load_project(path)
    assert project.params is not None and [h.units for h in project.hidden] == [5, 3]
    assert project.dataset.name == "circle" and r["saved"] == str(path)


def test_train_project_continues_from_its_weights(saved, capsys):
    path, r = saved
    again = run_json(capsys, "train", str(path), "--steps", "0", "--json")
    assert again["train_loss"] == pytest.approx(r["train_loss"], rel=1e-12)
    more = run_json(capsys, "train", str(path), "--steps", "50", "--lr", "0.1", "--json")
    assert more["learning_rate"] == 0.1 and more["sizes"] == [2, 5, 3, 1]
    assert more["train_loss"] != again["train_loss"]


def test_train_project_with_new_layers_starts_fresh_on_the_same_points(saved, capsys):
    path, _ = saved
    r = run_json(capsys, "train", str(path), "--layers", "2:linear", "--steps", "0", "--json")
    assert r["sizes"] == [2, 2, 1] and r["points"] == 500


def test_inspect_prints_shapes_counts_summary_and_collapse(saved, capsys):
    path, _ = saved
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(5, 2)" in out and "(3, 5)" in out and "(1, 3)" in out
    assert "total parameters: 37" in out  # 5·3 + 3·6 + 1·4
    assert "Total params: 37" in out and "dense_2 (Dense)" in out
    assert "collapse: not collapsible" in out


def test_inspect_json_layers_sum_to_the_total(saved, capsys):
    path, _ = saved
    d = run_json(capsys, "inspect", str(path), "--json")
    assert [layer["W"] for layer in d["layers"]] == [[5, 2], [3, 5], [1, 3]]
    assert sum(layer["params"] for layer in d["layers"]) == d["total_params"] == 37
    assert d["weights"] == "saved" and d["collapse"]["collapsible"] is False


def test_inspect_of_a_linear_experiment_reports_the_collapse(capsys):
    name = "xor-linear"
    assert name in experiment_names()
    from playground.core.files.resources import resource_path

    d = run_json(capsys, "inspect", str(resource_path("experiments", f"{name}.json")), "--json")
    assert d["collapse"]["collapsible"] is True and d["collapse"]["max_abs_diff"] < 1e-9


# ---------------------------------------------------------------------- list
def test_list_datasets_one_line_each(capsys):
    assert main(["list", "datasets"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == datasets.names()


def test_list_activations_shows_formula_and_derivative(capsys):
    assert main(["list", "activations"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(activations.all_activations())
    tanh = next(line for line in lines if line.startswith("tanh "))
    assert "f(z) = tanh(z)" in tanh and "f'(z) = 1 − tanh²(z)" in tanh


def test_list_experiments_one_line_each_then_the_lessons(capsys):
    from playground.core.lessons.content import lesson_names

    assert main(["list", "experiments"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == experiment_names() + lesson_names()


# ---------------------------------------------------------------------- bad arguments
BAD = [
    (["train", "--lr", "-1"], "--lr: must be a positive number (got -1)"),
    (["train", "--lr", "fast"], "--lr"),
    (["train", "--lr", "nan"], "--lr"),
    (["train", "--points", "0"], "--points"),
    (["train", "--points", "100001"], "--points"),
    (["train", "--noise", "2"], "--noise"),
    (["train", "--batch", "0"], "--batch"),
    (["train", "--steps", "-3"], "--steps"),
    (["train", "--steps", "5", "--epochs", "1"], "--epochs"),
    (["train", "--reg-rate", "-0.1"], "--reg-rate"),
    (["train", "--reg", "l2"], "--reg-rate"),
    (["train", "--dataset", "nope"], "--dataset: unknown data set 'nope'; choose from circle"),
    (["train", "--optimizer", "rmsprop"], "--optimizer: unknown optimizer 'rmsprop'"),
    (["train", "--init", "ones"], "--init"),
    (["train", "--output", "relu"], "--output"),
    (["train", "--output", "softmax"], "--output"),
    (["train", "--loss", "ce"], "--loss"),
    (["train", "--loss", "hinge"], "--loss"),
    (["train", "--layers", "4:foo"], "--layers: layer '4:foo': unknown activation 'foo'"),
    (["train", "--layers", "x:tanh"], "--layers"),
    (["train", "--layers", "500:tanh"], "--layers"),
    (["train", "--layers", "4:leaky_relu=nan"], "--layers: layer '4:leaky_relu=nan': parameter α"),
    (["train", "--layers", "4:relu=3"], "--layers: layer '4:relu=3': relu takes no parameter"),
    (["gui", "--snapshot", "/no/such/folder/x.png"], "--snapshot: folder not found"),
    (["train", "--features", "x1,zz"], "--features: unknown feature 'zz'"),
    (["train", "--classes", "3"], "--classes: data set 'circle' has a fixed number"),
    (["train", "--dataset", "blobs", "--classes", "9"], "--classes"),
    (["train", "--seed", "-1"], "--seed"),
    (["train", "--bogus"], "--bogus"),
    (["train", "missing.json"], "PROJECT: project file not found"),
    (["train", "--save", "/no/such/folder/out.json"], "--save"),
    (["inspect"], "PROJECT"),
    (["inspect", "missing.json"], "PROJECT"),
    (["list", "models"], "what: invalid choice"),
    (["gui", "--steps", "3"], "--steps"),
    (["gui", "--lang", "fr"], "--lang"),
    (["gui", "--experiment", "nope"], "--experiment"),
    (["gui", "missing.json"], "PROJECT"),
    (["nope"], "invalid choice"),
]


@pytest.mark.parametrize(("argv", "expected"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_argument_exits_2_with_one_line_naming_it(argv, expected, capsys):
    with pytest.raises(SystemExit) as exc:  # argparse-level errors exit from the parser
        sys.exit(main(argv))
    err = capsys.readouterr().err
    assert exc.value.code == 2
    assert err.count("\n") == 1 and err.startswith("activation-playground: error: ")
    assert expected in err and "Traceback" not in err


@pytest.mark.parametrize("content", ["{not json", '{"format_version": 99}', "[1, 2]"])
def test_unreadable_project_exits_2(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("activation-playground: error: PROJECT: ") and err.count("\n") == 1


# ---------------------------------------------------------------------- gui delegation
def test_gui_is_the_default_and_passes_its_options(monkeypatch, tmp_path):
    calls = []
    app = types.ModuleType("playground.ui.app")
    app.run_gui = lambda **kw: calls.append(kw) or 0
    monkeypatch.setitem(sys.modules, "playground.ui.app", app)
    assert main([]) == 0
    project = tmp_path / "p.json"
    project.write_text("{}", encoding="utf-8")
    argv = [
        "gui",
        str(project),
        "--lang",
        "zh_CN",
        "--snapshot",
        "o.png",
        "--steps",
        "5",
        "--view",
        "hidden,collapse",
        "--at",
        "1.5,-2",
        "--size",
        "1280x720",
        "--lesson",
        "xor:3",
    ]
    assert main(argv) == 0
    default = dict(views=(), at=None, size=(1600, 1000), export_view=None, lesson=None)
    assert calls == [
        dict(project=None, experiment=None, lang=None, snapshot=None, steps=0, **default),
        dict(
            project=str(project),
            experiment=None,
            lang="zh_CN",
            snapshot="o.png",
            steps=5,
            views=("hidden", "collapse"),
            at=(1.5, -2.0),
            size=(1280, 720),
            export_view=None,
            lesson=("xor", 2),
        ),
    ]


def test_gui_without_the_ui_module_fails_with_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "playground.ui.app", None)  # import raises ImportError
    assert main(["gui"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("activation-playground: error: the GUI is not available")
    assert err.count("\n") == 1


# ---------------------------------------------------------------------- entry point
def _python_m(*argv):
    return subprocess.run(
        [sys.executable, "-m", "playground", *argv],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_python_m_playground_trains_and_prints_json():
    proc = _python_m("train", "--steps", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["steps"] == 5


def test_python_m_playground_bad_argument_has_no_traceback():
    proc = _python_m("train", "--layers", "3:nonsense")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "--layers" in proc.stderr


# ---------------------------------------------------------------------- gradient history
def test_train_json_reports_the_recorded_gradient_norms_of_every_layer(capsys):
    r = run_json(capsys, "train", "--steps", "130", "--layers", "5:relu,3:sigmoid", "--json")
    g = r["grad_history"]
    assert g["every"] == GRAD_EVERY and g["span"] == 1
    assert g["steps"] == list(range(GRAD_EVERY, 131, GRAD_EVERY))
    assert [(x["layer"], x["activation"]) for x in g["layers"]] == [
        (1, "relu"),
        (2, "sigmoid"),
        (3, "sigmoid"),
    ]  # the output head is the last layer
    for layer in g["layers"]:
        assert len(layer["norms"]) == len(g["steps"]) and all(v > 0 for v in layer["norms"])
        assert layer["low"] == layer["high"] == layer["norms"]  # one record per bucket
    # the same run, built by the command's own parser and builder, recorded in-process
    argv = ["train", "--steps", "130", "--layers", "5:relu,3:sigmoid"]
    trainer = build(build_parser().parse_args(argv))[0]
    trainer.step(130)
    h = trainer.grad_history.data()
    for i, layer in enumerate(g["layers"]):
        np.testing.assert_allclose(layer["norms"], h.final[:, i], rtol=1e-6)


def test_train_text_prints_the_first_to_output_gradient_ratio(capsys):
    path = str(REPO / "resources" / "experiments" / "sigmoid-deep.json")
    r = run_json(capsys, "train", path, "--steps", "500", "--json")
    layers = r["grad_history"]["layers"]
    assert len(layers) == 7
    ratio = layers[0]["norms"][-1] / layers[-1]["norms"][-1]
    assert main(["train", path, "--steps", "500"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("gradient"))
    assert "layer 1 / output layer" in line and "step 500" in line
    assert float(line.split(": ")[1].split()[0]) == pytest.approx(ratio, rel=1e-3)
    assert ratio < 1 / 20  # six sigmoid layers: the first barely gets any gradient
