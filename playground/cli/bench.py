"""Engine benchmark: training throughput against PyTorch CPU (1 thread), grid evaluation time and
exact linear regions (bench_regions).

Both sides train the same net from the same initial weights on the same points, in the same
dtype (the trainer's default, float32, also torch's default), with the same work per step:
slice a mini-batch from an order reshuffled every epoch, forward, backward, SGD update.
Our side is a Trainer with record_history off (case T: on, with a test set, as `train` runs:
each epoch's loss and accuracy recorded, the test set evaluated when due); torch's side is a
Sequential of Linear + activations with BCEWithLogitsLoss / CrossEntropyLoss and optim.SGD.
Rates are the best of the timed runs; the ratio is the median over rounds in which ours and
torch's run alternately (about duration / 2 seconds each), so the machine's drift cancels.
The cases train as `train` does, recording each layer's gradient norm every GRAD_EVERY steps;
G measures what that recording costs on the smallest net (A), where a step is cheapest.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.cli import bench_regions
from playground.core.analysis.grid import grid_eval
from playground.core.data.features import transform
from playground.core.data.pointset import PLANE_EXTENT, PointSet
from playground.core.nn import activations
from playground.core.nn.history import History
from playground.core.nn.network import Network
from playground.core.nn.spec import LayerSpec, NetworkSpec, TrainConfig
from playground.core.nn.trainer import GRAD_EVERY, Trainer, grad_metrics

GRID_RES = 100
DEFAULT_DTYPE = TrainConfig().dtype  # what the app trains in
GRID_BUDGET_MS = 1.0


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    spec: NetworkSpec
    n_points: int
    batch_size: int
    target: float  # required ours/torch throughput ratio
    test_points: int = 0  # held-out points besides n_points (ours evaluates them; torch not)
    as_train: bool = False  # ours records every epoch's history as `train` does


def _hidden(units: int, layers: int, activation: str) -> tuple[LayerSpec, ...]:
    return tuple(LayerSpec(units, activation) for _ in range(layers))


_B_SPEC = NetworkSpec(2, _hidden(8, 6, "tanh"), 1, "sigmoid")

CASES = (
    Case(
        "A",
        "2-4-4-1 tanh, batch 10",
        NetworkSpec(2, _hidden(4, 2, "tanh"), 1, "sigmoid"),
        500,
        10,
        10.0,
    ),
    Case("B", "2-(8x6)-1 tanh, batch 10", _B_SPEC, 500, 10, 10.0),
    Case("C", "2-(8x6)-1 tanh, batch 500", _B_SPEC, 500, 500, 5.0),
    Case(
        "D",
        "2-64-64-3 relu softmax, batch 5000",
        NetworkSpec(2, _hidden(64, 2, "relu"), 3, "softmax"),
        5000,
        5000,
        1.0,
    ),
    Case(
        "T",
        "D as `train` runs it (+1250 test points)",
        NetworkSpec(2, _hidden(64, 2, "relu"), 3, "softmax"),
        5000,
        5000,
        1.5,
        test_points=1250,
        as_train=True,
    ),
)
GRID_CASE = CASES[1]  # E: the grid goes through B's network
GRAD_CASE = CASES[0]  # G: recording gradient norms, on A's network
GRAD_BUDGET = 0.02  # share of training time the recording may take


def bench_data(n: int, n_classes: int, seed: int = 0, n_test: int = 0) -> PointSet:
    """n training (+ n_test test) points on the plane: inside/outside a circle (2 classes) or
    angle sectors."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5.0, 5.0, (n + n_test, 2))
    is_test = np.arange(n + n_test) >= n
    if n_classes == 2:
        y = (np.hypot(X[:, 0], X[:, 1]) < 3.0).astype(np.int64)
        return PointSet(X, y, "binary", 2, name="bench", is_test=is_test)
    angle = np.arctan2(X[:, 1], X[:, 0]) + math.pi  # [0, 2π]
    y = np.minimum((angle / (2 * math.pi) * n_classes).astype(np.int64), n_classes - 1)
    return PointSet(X, y, "multiclass", n_classes, name="bench", is_test=is_test)


def make_trainer(case: Case, seed: int = 0, dtype: str = DEFAULT_DTYPE) -> Trainer:
    data = bench_data(case.n_points, max(2, case.spec.n_outputs), seed, case.test_points)
    config = TrainConfig(batch_size=case.batch_size, seed=seed, dtype=dtype)
    trainer = Trainer(case.spec, data, config)
    trainer.record_history = case.as_train
    return trainer


def calibrate(run: Callable[[int], object], duration: float) -> int:
    """Units n for which `run(n)` lasts about `duration` seconds (after a warm-up call)."""
    run(1)  # warm-up: buffers, caches
    n = 1
    while True:
        t0 = time.perf_counter()
        run(n)
        elapsed = time.perf_counter() - t0
        if elapsed >= duration / 8 or n >= 10_000_000:
            break
        n *= 4
    return max(1, round(n * duration / max(elapsed, 1e-9)))


def timed_rate(run: Callable[[int], object], n: int) -> float:
    t0 = time.perf_counter()
    run(n)
    return n / max(time.perf_counter() - t0, 1e-12)


def best_rate(run: Callable[[int], object], duration: float, repeats: int) -> float:
    """Best units/s of `run(n)` over `repeats` timed runs, n calibrated to last ~duration s."""
    n = calibrate(run, duration)
    return max(timed_rate(run, n) for _ in range(repeats))


def paired_rates(
    ours: Callable[[int], object], theirs: Callable[[int], object], duration: float, rounds: int
) -> tuple[float, float, float]:
    """(best ours/s, best theirs/s, median of per-round ratios), the two timed alternately.

    This machine's speed drifts by ±20% within seconds; alternating short runs and taking the
    median ratio of neighbours keeps that drift out of the comparison.
    """
    n_ours, n_theirs = calibrate(ours, duration), calibrate(theirs, duration)
    pairs = [(timed_rate(ours, n_ours), timed_rate(theirs, n_theirs)) for _ in range(rounds)]
    ratios = sorted(a / b for a, b in pairs)
    return max(a for a, _ in pairs), max(b for _, b in pairs), ratios[len(ratios) // 2]


def _ours_runner(trainer: Trainer) -> Callable[[int], object]:
    def run(steps: int) -> None:
        if trainer.step(steps) < steps:  # diverged: start over from the same weights
            trainer.reset()

    return run


# ---------------------------------------------------------------------- torch side
def import_torch():
    try:
        import torch
    except ImportError:
        return None
    return torch


def torch_model(torch, network: Network):
    """A torch Sequential with the network's layers and weights; the output head is left off
    (the loss takes logits), in the network's dtype."""
    nn = torch.nn
    dtype = getattr(torch, network.dtype.name)
    layers = []
    hidden = network.spec.hidden
    for i, (w, b) in enumerate(zip(network.weights, network.biases, strict=True)):
        lin = nn.Linear(w.shape[1], w.shape[0], dtype=dtype)
        with torch.no_grad():
            lin.weight.copy_(torch.from_numpy(np.array(w)))  # (n_out, n_in) in both
            lin.bias.copy_(torch.from_numpy(np.array(b)))
        layers.append(lin)
        if i < len(hidden):
            act = activations.get(hidden[i].activation)
            if act.export.torch is None:
                raise ValueError(f"no torch module for {act.name!r}")
            name, kwargs = act.export.torch
            p = act.resolve_param(hidden[i].param)
            layers.append(
                getattr(nn, name)(
                    **{k: p if v == activations.PARAM else v for k, v in kwargs.items()}
                )
            )
    return nn.Sequential(*layers)


def torch_runner(torch, trainer: Trainer, seed: int = 0) -> Callable[[int], object]:
    """run(steps) for torch on the trainer's training points from its initial weights."""
    net = trainer.network.copy()
    net.theta[...] = trainer.initial_theta
    model = torch_model(torch, net)
    data = trainer.data
    dtype = net.dtype
    X = torch.from_numpy(transform(data.train[0], trainer.config.features).astype(dtype))
    if data.task == "multiclass":
        Y = torch.from_numpy(data.train[1])
        loss_fn = torch.nn.CrossEntropyLoss()
    else:
        Y = torch.from_numpy(data.train[1].astype(dtype)[:, None])
        loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.SGD(model.parameters(), lr=trainer.config.learning_rate)
    gen = torch.Generator().manual_seed(seed)
    n, bs = len(X), trainer.config.batch_size
    state = {"pos": n, "X": X, "Y": Y}

    def run(steps: int) -> None:
        pos, Xo, Yo = state["pos"], state["X"], state["Y"]
        for _ in range(steps):
            if pos >= n:  # reshuffle each epoch; a full batch's gradient ignores the order
                pos = 0
                if bs < n:
                    order = torch.randperm(n, generator=gen)
                    Xo, Yo = X[order], Y[order]
            xb, yb = Xo[pos : pos + bs], Yo[pos : pos + bs]
            pos += bs
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        state.update(pos=pos, X=Xo, Y=Yo)

    run.model = model  # for checks: the torch net being trained
    return run


# ---------------------------------------------------------------------- grid
def grid_runner(
    network: Network, features=("x1", "x2"), extent=PLANE_EXTENT, res: int = GRID_RES
) -> Callable[[int], object]:
    """run(n) evaluates the res×res grid n times, keeping every layer's output."""

    def run(n: int) -> None:
        for _ in range(n):
            grid_eval(network, features, extent, res)

    return run


# ---------------------------------------------------------------------- run
def run_case(case: Case, torch, duration: float, repeats: int, dtype: str = DEFAULT_DTYPE) -> dict:
    trainer = make_trainer(case, dtype=dtype)
    row = {
        "name": case.name,
        "description": case.description,
        "ours_steps_per_s": None,
        "torch_steps_per_s": None,
        "ratio": None,
        "target_ratio": case.target,
        "passed": None,
    }
    if torch is None:
        row["ours_steps_per_s"] = best_rate(_ours_runner(trainer), duration, repeats)
        return row
    rounds = max(7, 2 * repeats + 1)  # odd: the median is one measured pair
    ours, theirs, ratio = paired_rates(
        _ours_runner(trainer), torch_runner(torch, trainer), duration / 2, rounds
    )
    row.update(
        ours_steps_per_s=ours, torch_steps_per_s=theirs, ratio=ratio, passed=ratio >= case.target
    )
    return row


def run_grid(duration: float, repeats: int, dtype: str = DEFAULT_DTYPE) -> dict:
    trainer = make_trainer(GRID_CASE, dtype=dtype)
    per_s = best_rate(grid_runner(trainer.network), duration, repeats)
    ms = 1000.0 / per_s
    return {
        "name": "E",
        "description": f"{GRID_RES}x{GRID_RES} grid through B, every layer",
        "ms": ms,
        "budget_ms": GRID_BUDGET_MS,
        "passed": ms <= GRID_BUDGET_MS,
    }


def _record_runner(network: Network) -> Callable[[int], object]:
    """run(n) records the network's per-layer ‖dL/dW‖ n times, as the Trainer does."""

    def run(n: int) -> None:
        history = History(metrics=grad_metrics(network.n_layers))
        for k in range(1, n + 1):
            history.append_row(k, k * GRAD_EVERY, network.weight_grad_norms())

    return run


def run_grad_recording(duration: float, repeats: int, dtype: str = DEFAULT_DTYPE) -> dict:
    """Steps/s of case A with and without recording (alternating rounds, median ratio), and
    the share one record takes of GRAD_EVERY steps, each timed on its own (best of repeats):
    the verdict uses the share, which the machine's drift does not blur."""
    on, off = make_trainer(GRAD_CASE, dtype=dtype), make_trainer(GRAD_CASE, dtype=dtype)
    off.record_grads = False
    on.step(1)  # a gradient to take the norms of
    rounds = max(7, 2 * repeats + 1)
    with_rate, without_rate, ratio = paired_rates(
        _ours_runner(on), _ours_runner(off), duration / 2, rounds
    )
    record_s = 1.0 / best_rate(_record_runner(on.network), duration, repeats)
    share = record_s * without_rate / GRAD_EVERY
    return {
        "name": "G",
        "description": f"|dL/dW| recorded every {GRAD_EVERY} steps, A",
        "with_steps_per_s": with_rate,
        "without_steps_per_s": without_rate,
        "ratio": ratio,
        "record_us": 1e6 * record_s,
        "share": share,
        "budget_share": GRAD_BUDGET,
        "passed": share <= GRAD_BUDGET,
    }


def run(
    duration: float = 0.5, repeats: int = 3, use_torch: bool = True, dtype: str = DEFAULT_DTYPE
) -> dict:
    """All cases. Result: {"torch": version or None, "cases": [...], "grid": {...},
    "grad_recording": {...}, "regions": {...} (bench_regions), ...}."""
    torch = import_torch() if use_torch else None
    if torch is not None:
        torch.set_num_threads(1)
    cases = [run_case(case, torch, duration, repeats, dtype) for case in CASES]
    grid = run_grid(duration, repeats, dtype)
    grads = run_grad_recording(duration, repeats, dtype)
    exact = bench_regions.run(rounds=1 if repeats <= 1 else 3 * repeats)
    verdicts = [c["passed"] for c in cases if c["passed"] is not None]
    verdicts += [grid["passed"], grads["passed"], exact["passed"]]
    return {
        "torch": None if torch is None else torch.__version__,
        "torch_threads": 1,
        "dtype": dtype,
        "duration_s": duration,
        "repeats": repeats,
        "cases": cases,
        "grid": grid,
        "grad_recording": grads,
        "regions": exact,
        "passed": all(verdicts),
    }


def _fmt(v: float | None, unit: str = "") -> str:
    return "-" if v is None else f"{v:,.0f}{unit}" if v >= 100 else f"{v:.2f}{unit}"


def format_table(result: dict) -> str:
    head = (
        f"{'case':<5}{'config':<38}{'ours/s':>10}{'torch/s':>10}{'ratio':>8}{'target':>8}  result"
    )
    lines = [head, "-" * len(head)]
    for c in result["cases"]:
        verdict = "n/a" if c["passed"] is None else "PASS" if c["passed"] else "FAIL"
        ratio = "-" if c["ratio"] is None else f"{c['ratio']:.1f}x"
        lines.append(
            f"{c['name']:<5}{c['description']:<38}{_fmt(c['ours_steps_per_s']):>10}"
            f"{_fmt(c['torch_steps_per_s']):>10}{ratio:>8}{c['target_ratio']:>7g}x  "
            f"{verdict}"
        )
    g = result["grid"]
    lines.append(
        f"{g['name']:<5}{g['description']:<38}{g['ms']:>9.3f}ms{'':>18}"
        f"{'<=' + format(g['budget_ms'], 'g') + 'ms':>8}  "
        f"{'PASS' if g['passed'] else 'FAIL'}"
    )
    r = result["grad_recording"]
    lines.append(
        f"{r['name']:<5}{r['description']:<38}{_fmt(r['with_steps_per_s']):>10}"
        f"{_fmt(r['without_steps_per_s']):>10}{r['ratio']:>7.3f}x"
        f"{'<=' + format(r['budget_share'], '.0%'):>8}  "
        f"{'PASS' if r['passed'] else 'FAIL'}"
    )
    lines.append(
        f"{'':<5}G: steps/s with and without recording; one record takes "
        f"{r['record_us']:.1f} us = {r['share']:.2%} of {GRAD_EVERY} steps"
    )
    torch_note = (
        f"PyTorch {result['torch']} CPU, {result['torch_threads']} thread"
        if result["torch"]
        else "PyTorch not installed: ratios skipped"
    )
    lines.append(
        f"steps/s: best run; ratio: median of alternating ours/torch rounds; "
        f"{result['dtype']}; {torch_note}"
    )
    if "regions" in result:
        lines += ["", bench_regions.format_table(result["regions"])]
    return "\n".join(lines)
