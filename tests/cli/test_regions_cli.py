"""`activation-playground regions PROJECT`: the JSON and text it prints, --svg, --check, and the
one-line exit-2 errors for networks and rectangles it cannot take."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from playground.cli import regions as regions_cli
from playground.cli.main import main
from playground.core.analysis import regions
from playground.core.analysis.grid import plane_extent
from playground.core.analysis.regions_check import Certificate
from playground.core.files.project import load_project, save_project
from playground.core.nn import initializers
from playground.core.nn.network import Network


def run_json(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1, "--json prints exactly one line"
    return json.loads(out, parse_constant=lambda token: pytest.fail(f"token {token}"))


def _train(tmp_path, capsys, name, *argv) -> Path:
    path = tmp_path / f"{name}.json"
    assert main(["train", *argv, "--steps", "40", "--json", "--save", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.fixture
def relu_project(tmp_path, capsys) -> Path:
    return _train(tmp_path, capsys, "relu", "--layers", "8:relu,6:relu")


def _network(path) -> Network:
    project = load_project(path)
    net = Network(project.spec())
    net.set_params(project.params)
    return net


# ---------------------------------------------------------------------- output
def test_json_reports_the_exact_count_on_the_projects_plane(relu_project, capsys):
    d = run_json(capsys, "regions", str(relu_project), "--json")
    project = load_project(relu_project)
    expected = regions.linear_regions(_network(relu_project), plane_extent(project.data))
    assert d["count"] == expected.count > 1 and d["extent"] == list(plane_extent(project.data))
    assert d["boundary_segments"] == len(expected.boundary)
    assert d["vertices"] == expected.distinct_vertices() and d["vertices"] > d["count"] // 2
    assert 0 < d["seconds"] < 10 and d["weights"] == "saved" and d["too_many"] is False
    assert (d["decision"], d["level"]) == ("level", 0.0)
    assert "polygons" not in d


def test_polygons_list_vertices_pattern_and_map_per_region(relu_project, capsys):
    d = run_json(
        capsys, "regions", str(relu_project), "--json", "--polygons", "--extent=-2,3,-1,1"
    )  # "=": argparse takes "-2,…" for an option otherwise
    assert d["extent"] == [-2, 3, -1, 1] and len(d["polygons"]) == d["count"]
    net = _network(relu_project)
    for polygon in d["polygons"]:
        assert len(polygon["pattern"]) == 8 + 6 and set(polygon["pattern"]) <= {"0", "1"}
        corners = np.array(polygon["vertices"])
        inside = corners.mean(axis=0)
        z = net.forward_logits(inside[None])[0]
        np.testing.assert_allclose(np.array(polygon["A"]) @ inside + polygon["c"], z, atol=1e-9)
    assert sum(_area(p["vertices"]) for p in d["polygons"]) == pytest.approx(5 * 2, rel=1e-9)


def _area(corners) -> float:
    x, y = np.array(corners).T
    return 0.5 * float(x @ np.roll(y, -1) - np.roll(x, -1) @ y)  # > 0: counter-clockwise


def test_text_summary_names_count_weights_and_boundary(relu_project, capsys):
    assert main(["regions", str(relu_project)]) == 0
    out = capsys.readouterr().out
    assert "linear regions on x in [-6, 6], y in [-6, 6] (saved weights)" in out
    assert "decision boundary:" in out and "class 1 where z > 0" in out


def test_a_project_without_weights_uses_and_names_the_initial_ones(relu_project, capsys):
    project = load_project(relu_project)
    bare = relu_project.with_name("bare.json")
    save_project(type(project)(project.data, project.hidden, project.config), bare)
    d = run_json(capsys, "regions", str(bare), "--json")
    assert d["weights"] == "initial (glorot, seed 0)"
    net = Network(project.spec())
    initializers.initialize(net, "glorot", 0)
    assert d["count"] == regions.linear_regions(net, plane_extent(project.data)).count


def test_svg_draws_every_polygon_and_the_boundary(relu_project, tmp_path, capsys):
    out = tmp_path / "regions.svg"
    d = run_json(capsys, "regions", str(relu_project), "--json", "--svg", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<svg") and text.rstrip().endswith("</svg>")
    assert text.count("<polygon ") == d["count"]
    boundary = text[text.index('<path d="') :].split('"')[1]
    assert boundary.count("M") == d["boundary_segments"] > 0
    assert not list(tmp_path.glob(".regions.svg.*"))  # no temporary file left


def test_check_runs_every_certificate(relu_project, capsys):
    d = run_json(capsys, "regions", str(relu_project), "--json", "--check")
    names = [c["name"] for c in d["checks"]]
    assert names == [
        "area",
        "convex",
        "one_polygon",
        "patterns",
        "unique",
        "affine_maps",
        "boundary_sides",
        "boundary_cuts",
    ]
    assert all(c["passed"] for c in d["checks"])
    assert main(["regions", str(relu_project), "--check"]) == 0
    assert "check patterns       ok" in capsys.readouterr().out


def test_a_failed_check_exits_1_and_names_it(relu_project, capsys, monkeypatch):
    bad = [Certificate("area", True), Certificate("patterns", False, {"wrong": 3})]
    monkeypatch.setattr(regions_cli, "certify", lambda net, result: bad)
    assert main(["regions", str(relu_project), "--check"]) == 1
    captured = capsys.readouterr()
    assert "check patterns       FAILED" in captured.out
    assert (
        captured.err.strip() == "activation-playground: error: check failed: patterns {'wrong': 3}"
    )


def test_too_many_regions_are_reported_not_waited_for(relu_project, capsys, monkeypatch):
    monkeypatch.setattr(regions, "MAX_POLYGONS", 5)
    d = run_json(capsys, "regions", str(relu_project), "--json")
    assert d["count"] is None and d["too_many"] is True and d["reached"] > 5
    assert main(["regions", str(relu_project)]) == 0
    assert "more than 5 regions" in capsys.readouterr().out
    assert main(["regions", str(relu_project), "--check"]) == 1
    assert "check failed: complete" in capsys.readouterr().err


def test_train_json_reports_the_same_exact_count(tmp_path, capsys):
    path = tmp_path / "t.json"
    r = run_json(
        capsys,
        "train",
        "--layers",
        "6:relu,4:leaky_relu",
        "--steps",
        "30",
        "--json",
        "--save",
        str(path),
    )
    d = run_json(capsys, "regions", str(path), "--json")
    assert r["linear_regions"] == {
        "count": d["count"],
        "extent": d["extent"],
        "exact": True,
        "too_many": False,
    }


# ---------------------------------------------------------------------- refusals
def _exit_2(capsys, argv, expected):
    with pytest.raises(SystemExit) as exc:
        sys.exit(main(argv))
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1
    assert err.startswith("activation-playground: error: ") and expected in err, err


@pytest.mark.parametrize(
    ("extent", "expected"),
    [
        ("1,2,3", "--extent: expected four numbers X0,X1,Y0,Y1, got '1,2,3'"),
        ("a,b,c,d", "--extent: expected four numbers"),
        ("1,1,0,2", "--extent: extent.width: must be a positive number"),
        ("0,1,3,2", "--extent: extent.height"),
        ("0,inf,0,1", "--extent: extent[1]: must be a finite number"),
        ("0,1e9,0,1", "--extent: extent[1]: must be -1e+06..1e+06"),
    ],
)
def test_a_bad_extent_exits_2_naming_it(relu_project, capsys, extent, expected):
    _exit_2(capsys, ["regions", str(relu_project), "--extent", extent], expected)


def test_networks_without_exact_regions_exit_2_saying_why(tmp_path, capsys):
    tanh = _train(tmp_path, capsys, "tanh", "--layers", "4:relu,3:tanh")
    _exit_2(
        capsys,
        ["regions", str(tanh)],
        "PROJECT: hidden layer 2 uses tanh, which is not "
        "piecewise linear; exact regions need linear, relu, leaky_relu, step",
    )
    squares = _train(tmp_path, capsys, "sq", "--layers", "4:relu", "--features", "x1,x2,x1sq")
    _exit_2(
        capsys,
        ["regions", str(squares)],
        "PROJECT: exact regions need the inputs x1,x2; the network sees x1,x2,x1sq",
    )
    line = _train(tmp_path, capsys, "sine", "--dataset", "sine", "--layers", "4:relu")
    _exit_2(capsys, ["regions", str(line)], "PROJECT: exact regions need 2-D data")


def test_other_bad_arguments_exit_2(relu_project, capsys):
    _exit_2(capsys, ["regions", str(relu_project), "--polygons"], "--polygons: only used with")
    _exit_2(
        capsys,
        ["regions", str(relu_project), "--svg", "/no/such/dir/x.svg"],
        "--svg: folder not found",
    )
    _exit_2(capsys, ["regions", "missing.json"], "PROJECT: ")
    _exit_2(capsys, ["regions"], "PROJECT")
