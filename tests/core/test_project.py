import base64
import dataclasses
import json
import os
from pathlib import Path

import numpy as np
import pytest

from playground.core.data import datasets
from playground.core.data.datasets import DatasetSpec
from playground.core.files import atomic
from playground.core.files.experiments import DEFAULT_EXPERIMENT, experiment_names, load_experiment
from playground.core.files.project import (
    FORMAT_VERSION,
    Project,
    ProjectError,
    load_project,
    project_from_dict,
    project_to_dict,
    save_project,
)
from playground.core.files.view import ViewState
from playground.core.nn.heads import network_spec
from playground.core.nn.spec import TrainConfig, parse_layers
from playground.core.nn.trainer import Trainer


def make_project(trained: bool = True, **changes) -> Project:
    settings = {"name": "spiral", "n": 60, "noise": 0.2, "seed": 1, "classes": 3}
    data = datasets.generate(**settings)
    config = TrainConfig(
        optimizer="adam",
        learning_rate=0.01,
        features=("x1", "x2", "x1x2"),
        seed=5,
        initializer="he",
        regularization="l2",
        reg_rate=0.001,
    )
    p = Project(
        data,
        parse_layers("5:relu,3:leaky_relu=0.2"),
        config,
        name="demo",
        description="a test project",
        dataset=DatasetSpec(**settings),
        view=ViewState(show_test=True, selected_layer=1, extra={"zoom": [1.5, -2]}),
    )
    if trained:
        t = Trainer(p.spec(), p.data, p.config)
        t.step(30)
        p = dataclasses.replace(p, params=tuple(t.network.get_params()))
    return dataclasses.replace(p, **changes)


def test_spec_follows_the_task_or_the_override():
    p = make_project(trained=False)
    assert p.spec() == network_spec(p.data, p.hidden, p.config.features)
    assert p.spec().sizes == [3, 5, 3, 3] and p.spec().output == "softmax"
    assert dataclasses.replace(p, output="sigmoid").spec().output == "sigmoid"


def test_equality_sees_weights():
    p = make_project()
    w = [(W.copy(), b.copy()) for W, b in p.params]
    w[1][1][0] += 1e-12
    assert p == make_project()
    assert p != dataclasses.replace(p, params=tuple(w))
    assert p != dataclasses.replace(p, params=None)


def test_wrong_params_shape_is_refused_in_code():
    p = make_project()
    with pytest.raises(ValueError, match="layer 1"):
        dataclasses.replace(p, params=((np.zeros((2, 2)), np.zeros(2)),) + p.params[1:])


@pytest.mark.parametrize("weights", ["embedded", "npz"])
@pytest.mark.parametrize("trained", [True, False])
def test_round_trip(tmp_path, weights, trained):
    p = make_project(trained)
    path = tmp_path / "run.json"
    save_project(p, path, weights=weights)
    assert load_project(path) == p
    expected = {"run.json"} | ({"run.npz"} if weights == "npz" and trained else set())
    assert {f.name for f in tmp_path.iterdir()} == expected  # no temp files left behind


def test_regression_and_iris_round_trip(tmp_path):
    for name in ("sine", "iris"):
        data = datasets.generate(name)
        p = Project(data, parse_layers("3:tanh"), TrainConfig(), name=name)
        save_project(p, tmp_path / f"{name}.json")
        q = load_project(tmp_path / f"{name}.json")
        assert q == p and q.data.feature_names == data.feature_names


def test_points_can_be_left_to_the_generator():
    p = make_project()
    d = project_to_dict(p, embed_points=False)
    assert "data" not in d
    assert project_from_dict(d) == p


def test_non_finite_view_values_still_give_valid_json(tmp_path):
    extra = {"zoom": float("nan"), "pan": np.float32(np.inf), "k": np.int64(3)}
    p = make_project(view=ViewState(extra=extra))
    save_project(p, tmp_path / "v.json")
    text = (tmp_path / "v.json").read_text()
    assert "NaN" not in text and "Infinity" not in text
    assert load_project(tmp_path / "v.json").view.extra == {"zoom": None, "pan": None, "k": 3}


def test_nan_weights_are_not_saved(tmp_path):
    p = make_project()
    W, b = p.params[0]
    bad = dataclasses.replace(p, params=((np.full_like(W, np.nan), b),) + p.params[1:])
    with pytest.raises(ProjectError, match="NaN"):
        save_project(bad, tmp_path / "x.json")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "keep.json"
    save_project(make_project(trained=False), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        save_project(make_project(), path, weights="npz")
    assert path.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["keep.json"]


# ------------------------------------------------------------------ corrupt files
def saved(tmp_path, weights="embedded") -> tuple:
    path = tmp_path / "p.json"
    save_project(make_project(), path, weights=weights)
    return path, json.loads(path.read_text())


def write(path, d) -> None:
    path.write_text(json.dumps(d))


def expect_error(path, *words):
    with pytest.raises(ProjectError) as info:
        load_project(path)
    for word in words:
        assert word in str(info.value)


def test_missing_file(tmp_path):
    expect_error(tmp_path / "none.json", "not found", "none.json")


def test_a_folder_fifo_or_device_is_not_a_project_file(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo, Path(os.devnull)):
        expect_error(path, "is not a regular file", "project file")


def test_truncated_file(tmp_path):
    path, _ = saved(tmp_path)
    text = path.read_text()
    path.write_text(text[: len(text) // 2])
    expect_error(path, "truncated")


def test_malformed_json(tmp_path):
    path, _ = saved(tmp_path)
    path.write_text(path.read_text().replace(":", "=", 3))
    expect_error(path, "malformed JSON", "line")


@pytest.mark.parametrize(
    "text, word",
    [
        ("[1, 2]", "JSON object"),
        ('{"a": NaN}', "NaN"),
        ("{}", "format_version: missing"),
        ('{"format_version": "1"}', "must be an integer"),
    ],
)
def test_not_a_project(tmp_path, text, word):
    (tmp_path / "p.json").write_text(text)
    expect_error(tmp_path / "p.json", word)


def test_unknown_version(tmp_path):
    path, d = saved(tmp_path)
    write(path, {**d, "format_version": 7})
    expect_error(path, "unknown format_version 7", f"reads version {FORMAT_VERSION}")


@pytest.mark.parametrize(
    "edit, words",
    [
        (
            lambda d: d["network"]["hidden"][1].update(activation="swishy"),
            ["network.hidden[1].activation", "swishy", "relu"],
        ),
        (lambda d: d["network"]["hidden"][1].update(units=0), ["network.hidden[1].units", "1..64"]),
        (lambda d: d["network"]["hidden"][0].update(units="5"), ["network.hidden[0].units"]),
        (lambda d: d["network"].pop("hidden"), ["network.hidden: missing"]),
        (lambda d: d["network"].update(output="cube"), ["network.output", "cube"]),
        (lambda d: d["training"].update(optimizer="rmsprop"), ["training.optimizer", "adam"]),
        (lambda d: d["training"].update(learning_rate=-1), ["training.learning_rate"]),
        (lambda d: d["training"].update(features=["x1", "x9"]), ["training.features[1]"]),
        (lambda d: d["training"].update(loss="mse"), ["training.loss", "softmax"]),
        (lambda d: d["data"].update(task="ranking"), ["data.task"]),
        (lambda d: d["data"]["X"][3].append(1.0), ["data.X[3]"]),
        (lambda d: d["data"]["y"].pop(), ["data.y", "expected 60"]),
        (lambda d: d["data"]["y"].__setitem__(0, 9), ["data", "class labels"]),
        (lambda d: d.update(dataset={"name": "nope"}), ["dataset.name", "xor"]),
        (lambda d: d.update(view=[1]), ["view: must be an object"]),
        (lambda d: d["weights"].update(encoding="hex"), ["weights.encoding"]),
        (lambda d: d["weights"]["layers"].pop(), ["3 layers", "weights 2"]),
    ],
)
def test_bad_fields_are_named(tmp_path, edit, words):
    path, d = saved(tmp_path)
    edit(d)
    write(path, d)
    expect_error(path, *words)


def _embed(a: np.ndarray) -> dict:
    return {"shape": list(a.shape), "data": base64.b64encode(a.astype("<f8").tobytes()).decode()}


def test_embedded_weights_wrong_shape_or_nan(tmp_path):
    path, d = saved(tmp_path)
    d["weights"]["layers"][0]["W"] = _embed(np.zeros((4, 3)))
    write(path, d)
    expect_error(path, "weights.layers[0].W", "expected shape (5, 3)", "(4, 3)")
    W = np.ones((5, 3))
    W[2, 1] = np.nan
    d["weights"]["layers"][0]["W"] = _embed(W)
    write(path, d)
    expect_error(path, "weights.layers[0].W", "NaN")
    d["weights"]["layers"][0]["W"]["data"] = "not base64!"
    write(path, d)
    expect_error(path, "weights.layers[0].W.data", "base64")


def test_npz_missing(tmp_path):
    path, _ = saved(tmp_path, "npz")
    (tmp_path / "p.npz").unlink()
    expect_error(path, "weights.file", "p.npz is missing")


def test_npz_wrong_shape_and_nan(tmp_path):
    path, _ = saved(tmp_path, "npz")
    arrays = dict(np.load(tmp_path / "p.npz"))
    np.savez(tmp_path / "p.npz", **{**arrays, "b2": np.zeros(4)})
    expect_error(path, "weights file[2].b", "expected shape (3,)")
    np.savez(tmp_path / "p.npz", **{**arrays, "W1": np.full((3, 5), np.inf)})
    expect_error(path, "weights file[1].W", "NaN or infinite")


def test_npz_with_an_object_array_is_refused(tmp_path):
    path, _ = saved(tmp_path, "npz")
    arrays = dict(np.load(tmp_path / "p.npz"))
    arrays["W0"] = np.array([{"evil": 1}] * 15, dtype=object).reshape(5, 3)
    np.savez(tmp_path / "p.npz", **arrays)  # pickled inside; we must never unpickle it
    expect_error(path, "weights.file", "p.npz")


def test_npz_corrupt_or_outside_the_folder(tmp_path):
    path, d = saved(tmp_path, "npz")
    (tmp_path / "p.npz").write_bytes(b"PK\x03\x04 not really a zip")
    expect_error(path, "weights.file", "corrupt")
    write(path, {**d, "weights": {"file": "../other/p.npz"}})
    expect_error(path, "weights.file", "project's folder")


def test_file_weights_need_load_project(tmp_path):
    _, d = saved(tmp_path, "npz")
    with pytest.raises(ProjectError, match="load_project"):
        project_from_dict(d)


# ------------------------------------------------------------------ experiments
def test_experiment_catalogue():
    required = {
        "xor-tanh",
        "xor-linear",
        "band-relu",
        "spiral-3class",
        "sine-regression",
        "dead-relu",
        "sigmoid-deep",
        "zero-init",
    }
    assert required <= set(experiment_names())
    assert DEFAULT_EXPERIMENT == "xor-tanh"
    with pytest.raises(KeyError, match="xor-tanh"):
        load_experiment("nope")


@pytest.mark.parametrize("name", experiment_names())
def test_experiment_loads_with_a_description(name):
    p = load_experiment(name)
    assert p.name == name and p.description.endswith(".") and p.params is None
    assert p.dataset is not None and p.data.name == p.dataset.name


def trained(name: str, steps: int) -> tuple[Trainer, object]:
    p = load_experiment(name)
    t = Trainer(p.spec(), p.data, p.config)
    t.step(steps)
    assert not t.diverged
    return t, t.evaluate()


def test_xor_tanh_learns_and_xor_linear_cannot():
    assert trained("xor-tanh", 1000)[1].test_accuracy >= 0.95
    assert trained("xor-linear", 1000)[1].test_accuracy <= 0.75


def test_band_relu_and_spiral_learn():
    assert trained("band-relu", 1000)[1].test_accuracy >= 0.95
    assert trained("spiral-3class", 4000)[1].test_accuracy >= 0.85


def test_sine_regression_fits():
    t, m = trained("sine-regression", 2000)
    assert m.train_loss < 0.05 and m.train_accuracy is None


def test_dead_relu_kills_units():
    t, m = trained("dead-relu", 500)
    a = t.network.forward(t.inputs).acts[2]  # second hidden layer (n, 8)
    assert (a.max(axis=0) <= 0).mean() >= 0.5
    assert m.test_accuracy < 0.7


def test_sigmoid_deep_gradients_vanish():
    t, m = trained("sigmoid-deep", 500)
    train = ~t.data.is_test
    trace = t.network.forward(t.inputs[train])
    from playground.core.nn import losses

    dz = losses.get(t.loss_name).delta(trace.zs[-1], trace.output, t.targets[train], "sigmoid")
    norms = [np.linalg.norm(gw) for gw, _ in t.network.backward(trace, dz)]
    assert norms[0] < norms[-1] / 20
    assert m.train_loss > 0.6


def test_zero_init_keeps_units_identical():
    t, m = trained("zero-init", 500)
    W = t.network.get_params()[0][0]
    assert np.allclose(W, W[0]) and m.train_loss > 0.65


def test_npz_holding_a_bare_array_is_refused(tmp_path):
    path, _ = saved(tmp_path, "npz")
    with open(tmp_path / "p.npz", "wb") as f:
        np.save(f, np.zeros(3))
    expect_error(path, "weights.file", "single array")


def test_the_equations_batch_is_saved_and_checked():
    p = make_project(trained=False, view=ViewState(equations_m=7))
    assert project_from_dict(project_to_dict(p)).view.equations_m == 7
    assert ViewState().equations_m == 0  # 0: the training batch size
    for bad in (-1, 2.5, "3", 10**7):
        with pytest.raises(ValueError, match="equations_m"):
            ViewState(equations_m=bad)
