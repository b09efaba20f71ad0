"""Export (core.export): the NumPy export reproduces Network.predict when run in its own
process, every generated file (Keras, PyTorch, NumPy) is ruff-clean and says what it reproduces,
the npz and csv formats hold the weights and points. Keras and PyTorch files are run by
`make test-export` (tests/export)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from export_cases import CASES, Case, app_predict, grid_for, run_predict

from playground import __version__
from playground.core import export
from playground.core.data.csvio import parse_points, to_csv
from playground.core.data.features import FEATURES
from playground.core.errors import Invalid
from playground.core.nn import activations

CODE_FORMATS = ("keras", "pytorch", "numpy")


# ------------------------------------------------------------------ the numpy export, run
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_numpy_export_run_in_a_subprocess_reproduces_the_app(case, tmp_path):
    project = case.project()
    out = tmp_path / f"{case.name}_numpy.py"
    written = export.export(project, "numpy", out)
    assert written[0] == out
    assert (len(written) == 2) == (project.spec().n_params > 2000)  # large: a .npz beside it
    X = grid_for(project)
    want = app_predict(project, X)
    got = run_predict(out, X)
    assert got.shape == want.shape
    scale = np.maximum(1.0, np.abs(want))
    assert np.max(np.abs(got - want) / scale) <= 1e-12
    assert np.max(np.abs(got.astype(np.float32) - want.astype(np.float32))) <= 1e-5


def test_running_the_numpy_file_checks_itself_against_the_app(tmp_path):
    out = tmp_path / "xor_numpy.py"
    export.export(CASES[0].project(), "numpy", out)
    result = subprocess.run(
        [sys.executable, str(out)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("largest difference from the app on 5 points: ")
    assert float(line.rsplit(" ", 1)[1]) <= 1e-12


def test_a_large_network_keeps_its_weights_in_a_npz_read_without_pickles(tmp_path):
    case = next(c for c in CASES if c.name == "large-net-npz")
    project = case.project()
    out = tmp_path / "big_numpy.py"
    code, npz = export.export(project, "numpy", out)
    assert npz == tmp_path / "big_numpy.npz"
    text = out.read_text()
    assert "allow_pickle=False" in text and len(text) < 20_000  # the weights are not inline
    with np.load(npz, allow_pickle=False) as f:
        for i, (W, b) in enumerate(project.params):
            assert np.array_equal(f[f"W{i}"], W) and np.array_equal(f[f"b{i}"], b)


# ------------------------------------------------------------------ every generated file
def _ruff() -> str:
    ruff = Path(sys.executable).with_name("ruff")
    found = str(ruff) if ruff.exists() else shutil.which("ruff")
    assert found, "ruff is part of the test extra"
    return found


RUFF_CASES = [
    c
    for c in CASES
    if c.name
    in (
        "moons-four-layers",
        "band-swish-step",
        "iris-4d",
        "large-net-npz",
        "blobs3-softmax",
        "plane-tanh-head",
    )
]


def test_generated_code_is_ruff_clean_in_every_format(tmp_path):
    settings = [
        {},
        {"optimizer": "adam", "regularization": "l2", "reg_rate": 0.001},
        {
            "optimizer": "momentum",
            "regularization": "l1",
            "reg_rate": 0.1,
            "initializer": "uniform",
        },
    ]
    for case in RUFF_CASES:
        for i, config in enumerate(settings):
            varied = Case(
                case.name,
                case.dataset,
                case.layers,
                case.features,
                case.output,
                case.loss,
                case.classes,
                {**case.config, **config},
                case.points,
            )
            for fmt in CODE_FORMATS:
                export.export(varied.project(), fmt, tmp_path / f"{case.name}_{i}_{fmt}.py")
    files = sorted(str(p) for p in tmp_path.glob("*.py"))
    assert len(files) == len(RUFF_CASES) * 3 * 3
    lint = subprocess.run(
        [_ruff(), "check", "--isolated", "--no-cache", "--select", "E,F,W,I,B,UP", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert lint.returncode == 0, lint.stdout[-3000:]
    fmt = subprocess.run(
        [_ruff(), "format", "--isolated", "--no-cache", "--check", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert fmt.returncode == 0, fmt.stdout[-3000:]


@pytest.mark.parametrize("fmt", CODE_FORMATS)
def test_the_header_states_what_the_file_reproduces(fmt, tmp_path):
    case = next(c for c in CASES if c.name == "moons-four-layers")
    text = export.render(case.project(), fmt, tmp_path / "m.py")[0].data.decode()
    head = " ".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    for part in (
        "moons-four-layers",
        f"Activation Playground {__version__}",
        "3 inputs → 5 Leaky ReLU (α = 0.1) → 5 ELU (α = 1.7) → 5 GELU → 5 Softplus → 1 Sigmoid",
        "x₁, x₂, x₁·x₂",
        "Task: binary",
        "Network.predict",
    ):
        assert part in head, part
    assert "def predict(X):" in text and "def features(X):" in text
    assert not any(word in text for word in ("http", "urllib", "requests", "download", "hub."))


def test_a_hostile_project_name_stays_in_its_comment(tmp_path):
    case = CASES[0]
    project = case.project()
    from dataclasses import replace

    project = replace(project, name='evil"""\n\\x = 1\x00\r\nimport os; os.remove("/")')
    out = tmp_path / "evil_numpy.py"
    export.export(project, "numpy", out)
    X = grid_for(project, 5)
    assert np.max(np.abs(run_predict(out, X) - app_predict(project, X))) <= 1e-12
    first = out.read_text().splitlines()[0]
    assert first.startswith("# evil") and "\x00" not in first


def test_nonfinite_weights_are_refused_naming_the_weights(tmp_path):
    project = CASES[0].project()
    from dataclasses import replace

    (W, b), *rest = project.params
    W = W.copy()
    W[0, 0] = np.nan
    with pytest.raises(Invalid) as e:
        export.render(replace(project, params=((W, b), *rest)), "numpy", tmp_path / "x.py")
    assert e.value.field == "weights"


# ------------------------------------------------------------------ npz and csv
def test_npz_export_holds_every_layer_in_full_precision(tmp_path):
    project = CASES[3].project()
    (path,) = export.export(project, "npz", tmp_path / "w.npz")
    with np.load(path, allow_pickle=False) as f:
        assert sorted(f.files) == sorted(f"{k}{i}" for i in range(5) for k in "Wb")
        for i, (W, b) in enumerate(project.params):
            assert f[f"W{i}"].dtype == np.float64
            assert np.array_equal(f[f"W{i}"], W) and np.array_equal(f[f"b{i}"], b)


def test_csv_export_is_the_points_with_their_split(tmp_path):
    project = CASES[6].project()
    (path,) = export.export(project, "csv", tmp_path / "p.csv")
    assert path.read_text() == to_csv(project.data, include_split=True)
    back = parse_points(path.read_text())
    assert np.array_equal(back.X, project.data.X) and np.array_equal(back.y, project.data.y)
    assert np.array_equal(back.is_test, project.data.is_test)


def test_default_output_sits_beside_the_project_named_after_its_stem(tmp_path):
    assert export.default_output(tmp_path / "xor.json", "keras") == tmp_path / "xor_keras.py"
    assert export.default_output(tmp_path / "xor.json", "npz") == tmp_path / "xor_weights.npz"
    assert export.default_output("a/b.c.json", "csv") == Path("a/b.c_points.csv")
    with pytest.raises(Invalid) as e:
        export.default_output("x.json", "onnx")
    assert e.value.field == "format"


def test_the_export_cases_cover_every_activation_head_depth_and_input_kind():
    projects = [c.project() for c in CASES]
    specs = [p.spec() for p in projects]
    hidden = {layer.activation for s in specs for layer in s.hidden}
    assert hidden == set(activations.names())
    assert {s.output for s in specs} == set(activations.output_heads())
    assert {len(s.hidden) for s in specs} >= {0, 1, 2, 4}
    assert {p.data.dim for p in projects} >= {1, 2, 4}
    assert {f for p in projects for f in p.config.features} == set(FEATURES)
    assert {s.n_outputs for s in specs if s.output == "softmax"} >= {3, 6}
    params = {(layer.activation, layer.param) for s in specs for layer in s.hidden}
    assert {("leaky_relu", 0.1), ("elu", 1.7)} <= params
    assert any(not c.saved_weights for c in CASES) and any(s.n_params > 2000 for s in specs)


def _generated_functions(code: str, *names: str) -> dict:
    """The named top-level functions of generated code, defined with numpy as np."""
    tree = ast.parse(code)
    keep = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    namespace = {"np": np}
    exec(compile(ast.Module(keep, []), "<generated>", "exec"), namespace)
    return {name: namespace[name] for name in names}


@pytest.mark.parametrize("name", ["iris-4d", "sine-regression-1d", "spiral6-softmax"])
def test_load_points_and_targets_read_the_csv_export_back(name, tmp_path):
    project = next(c for c in CASES if c.name == name).project()
    (csv_path,) = export.export(project, "csv", tmp_path / "points.csv")
    for fmt in ("keras", "pytorch"):
        code = export.render(project, fmt, tmp_path / "m.py")[0].data.decode()
        f = _generated_functions(code, "load_points", "targets")
        X, y, is_test = f["load_points"](csv_path)
        assert np.array_equal(X, project.data.X) and np.array_equal(is_test, project.data.is_test)
        assert np.array_equal(f["targets"](y), project.data.targets())
