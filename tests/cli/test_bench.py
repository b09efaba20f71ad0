"""The benchmark: same work on both sides, sane timing, the JSON and table it prints."""

from __future__ import annotations

import json
import sys
import time

import numpy as np
import pytest

from playground.cli import bench
from playground.cli.main import main


def test_best_rate_measures_a_known_rate():
    def run(n):  # 2 ms per unit: 500 units/s at best
        time.sleep(0.002 * n)

    rate = bench.best_rate(run, duration=0.05, repeats=2)
    assert 250 < rate <= 500


def test_paired_rates_compare_alternating_runs():
    def fast(n):  # 1 ms per unit
        time.sleep(0.001 * n)

    def slow(n):  # 3 ms per unit
        time.sleep(0.003 * n)

    ours, theirs, ratio = bench.paired_rates(fast, slow, duration=0.03, rounds=3)
    assert 1.5 < ratio < 4.5 and ours > theirs


def test_torch_side_takes_the_same_step_from_the_same_weights():
    torch = pytest.importorskip("torch")
    for case in (bench.CASES[2], bench.CASES[3]):  # full batch: independent of the shuffle
        trainer = bench.make_trainer(case, dtype="float64")  # exact parity needs float64
        run = bench.torch_runner(torch, trainer)
        logits = run.model(torch.from_numpy(trainer.inputs)).detach().numpy()
        np.testing.assert_allclose(
            logits, trainer.network.forward(trainer.inputs).zs[-1], rtol=0, atol=1e-12
        )
        run(1)
        trainer.step(1)
        theirs = np.concatenate(
            [
                torch.cat([lin.weight, lin.bias[:, None]], dim=1).detach().numpy().ravel()
                for lin in run.model
                if isinstance(lin, torch.nn.Linear)
            ]
        )
        assert not np.array_equal(theirs, trainer.initial_theta)
        np.testing.assert_allclose(trainer.network.theta, theirs, rtol=0, atol=1e-12)


def test_bench_data_has_the_requested_classes():
    for k in (2, 3):
        data = bench.bench_data(300, k)
        assert data.n == 300 and set(np.unique(data.y)) == set(range(k))
        assert not data.is_test.any()  # every point trains


@pytest.fixture(scope="module")
def quick_json():
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["bench", "--quick", "--json"]) == 0
    return json.loads(out.getvalue(), parse_constant=lambda t: pytest.fail(f"token {t}"))


def test_bench_json_has_every_case_and_the_grid(quick_json):
    r = quick_json
    assert [c["name"] for c in r["cases"]] == ["A", "B", "C", "D", "T"]
    assert [c["target_ratio"] for c in r["cases"]] == [10.0, 10.0, 5.0, 1.0, 1.5]
    for c in r["cases"]:
        assert c["ours_steps_per_s"] > 0
        if r["torch"] is not None:
            assert c["torch_steps_per_s"] > 0
            assert c["ratio"] > 0  # the median of alternating rounds (see paired_rates)
            assert c["passed"] == (c["ratio"] >= c["target_ratio"])
    g = r["grid"]
    assert g["name"] == "E" and g["ms"] > 0 and g["passed"] == (g["ms"] <= g["budget_ms"])
    assert isinstance(r["passed"], bool) and r["torch_threads"] == 1


def test_bench_table_shows_a_verdict_per_target(quick_json):
    table = bench.format_table(quick_json).splitlines()
    rows = {line.split()[0]: line for line in table[2:8]}
    assert list(rows) == ["A", "B", "C", "D", "T", "E"]
    assert all(line.rstrip().endswith(("PASS", "FAIL", "n/a")) for line in rows.values())


def test_bench_json_has_the_exact_regions_section(quick_json):
    r = quick_json["regions"]
    assert [c["name"] for c in r["cases"]] == ["R1", "R2", "R3", "R4", "R5"]
    assert [c["target_ms"] for c in r["cases"]] == [5.0, None, None, 50.0, 50.0]
    for c in r["cases"]:
        assert min(c["ms"], c["cpu_ms"], c["first_ms"], c["time_ratio"]) > 0
        assert c["regions"] >= c["grid_regions"] >= 1  # the grid sees a subset of the regions
        assert c["missed"] == c["regions"] - c["grid_regions"]
        assert c["regions_per_s"] == pytest.approx(1000 * c["regions"] / c["ms"])
        expected = None if c["target_ms"] is None else c["ms"] <= c["target_ms"]
        assert c["passed"] == expected
    assert r["passed"] == all(c["passed"] for c in r["cases"] if c["passed"] is not None)
    assert r["cases"][4]["regions"] > r["cases"][3]["regions"]  # biases: general position


def test_bench_table_shows_the_exact_regions_rows(quick_json):
    table = bench.format_table(quick_json).splitlines()
    rows = [line for line in table if line[:2] in ("R1", "R2", "R3", "R4", "R5")]
    assert [row.split()[0] for row in rows] == ["R1", "R2", "R3", "R4", "R5"]
    assert all(row.rstrip().endswith(("PASS", "FAIL", "n/a")) for row in rows)
    assert any("grid/exact" in line for line in table)


def test_bench_without_torch_skips_the_ratios(monkeypatch):
    monkeypatch.setattr(bench, "CASES", bench.CASES[:1])
    r = bench.run(duration=0.005, repeats=1, use_torch=False)
    assert r["torch"] is None and r["cases"][0]["ratio"] is None
    assert r["cases"][0]["passed"] is None
    assert "n/a" in bench.format_table(r) and "ratios skipped" in bench.format_table(r)


def test_bench_gui_delegates_to_the_ui_benchmark(monkeypatch, capsys):
    from playground.cli import bench_gui

    calls = []
    monkeypatch.setattr(bench_gui, "run", lambda **kw: calls.append(kw) or {"fps": 60.0})
    assert main(["bench", "--gui", "--json", "--seconds", "2"]) == 0
    assert calls == [
        {"seconds": 2.0, "layers": bench_gui.DEFAULT_LAYERS, "points": 500, "views": ()}
    ]
    assert json.loads(capsys.readouterr().out) == {"fps": 60.0}
    assert (
        main(
            ["bench", "--gui", "--layers", "64:tanh,64:relu", "--points", "20000", "--views", "all"]
        )
        == 0
    )
    assert calls[-1]["layers"] == "64:tanh,64:relu" and calls[-1]["points"] == 20000
    assert calls[-1]["views"] == bench_gui.INSIGHT_VIEWS
    assert main(["bench", "--gui", "--views", "hidden,equations"]) == 0
    assert calls[-1]["views"] == ("hidden", "equations")


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--layers", "64:nope"], ["--layers", "nope"]),
        (["--points", "100001"], ["--points", "100,000"]),
        (["--views", "hidden,maps"], ["--views", "maps", "equations"]),
    ],
)
def test_bench_gui_options_are_checked(monkeypatch, capsys, flags, words):
    from playground.cli import bench_gui

    monkeypatch.setattr(bench_gui, "run", lambda **kw: pytest.fail("ran with a bad option"))
    assert main(["bench", "--gui", *flags]) == 2
    err = capsys.readouterr().err
    assert all(w in err for w in words), err


def test_bench_gui_missing_fails_with_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "playground.cli.bench_gui", None)
    assert main(["bench", "--gui"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GUI benchmark is not available" in err


def test_bench_reports_what_recording_gradient_norms_costs(quick_json):
    from playground.core.nn.trainer import GRAD_EVERY

    g = quick_json["grad_recording"]
    assert g["name"] == "G" and str(GRAD_EVERY) in g["description"]
    assert g["with_steps_per_s"] > 0 and g["without_steps_per_s"] > 0 and g["ratio"] > 0
    assert g["record_us"] > 0 and g["budget_share"] == 0.02
    # the share is one record's time over GRAD_EVERY steps without recording
    steps_s = GRAD_EVERY / g["without_steps_per_s"]
    assert g["share"] == pytest.approx(g["record_us"] * 1e-6 / steps_s, rel=1e-9)
    assert g["passed"] == (g["share"] <= g["budget_share"])
    table = bench.format_table(quick_json)
    assert "G    |dL/dW| recorded every" in table and f"of {GRAD_EVERY} steps" in table


def test_bench_scaling_rows_vary_one_thing_each(monkeypatch):
    from playground.cli import bench_gui, bench_scaling

    seen = []

    def fake_live(seconds, layers, points):
        seen.append((layers, points))
        return {"fps": 30.0, "p95_latency_ms": 5.0, "training_share": 0.9}

    monkeypatch.setattr(bench_gui, "run", fake_live)
    result = bench_scaling.run(headless_s=0.01, live_s=0.01)
    rows = result["rows"]
    assert len(rows) == 12 and all(r["steps_per_s"] > 0 for r in rows)
    assert [r["points"] for r in rows[-4:]] == list(bench_scaling.POINTS)
    assert rows[3]["layers"] == ",".join(["64:tanh"] * 6)
    assert rows[7]["layers"] == ",".join(["8:tanh"] * 10)
    table = bench_scaling.format_table(result)
    assert "width 64" in table and "points 100,000" in table
