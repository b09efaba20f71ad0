"""What lesson checks look at: each measure reads a Trainer's current state and returns the
numbers (a dict) its check judges. Pure functions; nothing here changes the trainer.

Training and test points: accuracy and loss read the test points unless on = "train"; every
other measure reads the training points (what the network learns from).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from playground.core.analysis import affine, collapse, equations, flow, grid, hidden, regions, units
from playground.core.data.features import transform
from playground.core.export import render
from playground.core.files.project import Project
from playground.core.nn import activations
from playground.core.nn.metrics import predict_classes
from playground.core.nn.spec import LayerSpec
from playground.core.nn.trainer import Trainer

SLOPE_Z = np.linspace(-6.0, 6.0, 1201)  # where activation_slopes reads f′(z)


# ------------------------------------------------------------------ helpers
def train_points(trainer: Trainer) -> tuple[np.ndarray, np.ndarray]:
    """Network inputs (n, n_in) and targets (n, n_out) of the training points."""
    mask = ~trainer.data.is_test
    return trainer.inputs[mask], trainer.targets[mask]


def not_applicable(reason: str) -> dict:
    return {"applies": False, "reason": reason}


def metrics(trainer: Trainer, on: str) -> tuple[float | None, float | None]:
    """(loss, accuracy) of the current weights on the test (or training) points; no side
    effects (Trainer.evaluate would also judge divergence)."""
    mask = trainer.data.is_test if on == "test" else ~trainer.data.is_test
    out = trainer.head_output()
    return trainer.loss_on(mask, out), trainer.accuracy_on(mask, out)


def hidden_layer(trainer: Trainer, layer: int) -> LayerSpec | None:
    hidden_layers = trainer.spec.hidden
    return hidden_layers[layer] if layer < len(hidden_layers) else None


# ------------------------------------------------------------------ measures
def accuracy_value(trainer: Trainer, p: dict) -> dict:
    _, acc = metrics(trainer, p["on"])
    return not_applicable("no_accuracy") if acc is None else {"accuracy": acc}


def loss_value(trainer: Trainer, p: dict) -> dict:
    loss, _ = metrics(trainer, p["on"])
    return not_applicable("no_points") if loss is None else {"loss": loss}


def collapsed(trainer: Trainer, p: dict) -> dict:
    X, _ = train_points(trainer)
    report = collapse.collapse_report(trainer.network, X)
    diffs = [r.max_abs_diff for r in report.runs if math.isfinite(r.max_abs_diff)]
    z = trainer.network.forward_logits(X) if len(X) else np.zeros(1)
    return {
        "whole": report.whole,
        "bends": len(report.bends),
        "max_abs_diff": max(diffs, default=0.0) if report.whole else None,  # the whole map's
        "scale": float(np.max(np.abs(z))) if np.size(z) else 0.0,
    }


def hidden_line(trainer: Trainer, p: dict) -> dict:
    """Accuracy of the output unit's line w·h + b = 0 on the training points placed in the
    last hidden layer's space (the line the hidden-space view draws)."""
    spec = trainer.spec
    if not spec.hidden:
        return not_applicable("no_hidden_layer")
    if trainer.data.task != "binary":
        return not_applicable("binary_only")
    X, _ = train_points(trainer)
    last = len(spec.hidden) - 1
    h = hidden.layer_values(trainer.network, X, last, "a")  # (n, units)
    z = h @ trainer.network.weights[-1].astype(np.float64).T + trainer.network.biases[-1]
    head = activations.get(spec.output).value(z, 0.0)
    y = trainer.data.y[~trainer.data.is_test]
    accuracy = float(np.mean(predict_classes(head, "binary") == y)) if len(y) else None
    return {"units": spec.hidden[last].units, "line_accuracy": accuracy}


def graded(trainer: Trainer, p: dict) -> dict:
    """Share of the layer's outputs on the training points strictly between low and high."""
    layer = hidden_layer(trainer, p["layer"])
    if layer is None:
        return not_applicable("no_such_layer")
    X, _ = train_points(trainer)
    a = hidden.layer_values(trainer.network, X, p["layer"], "a")
    share = float(np.mean((a > p["low"]) & (a < p["high"]))) if a.size else None
    return {"activation": layer.activation, "graded_share": share}


def bias_change(trainer: Trainer, p: dict) -> dict:
    """Largest |b − b_initial| over every layer: biases learn like any weight (of input 1)."""
    now, first = trainer.network.get_params(), trainer.initial_params()
    change = max(float(np.max(np.abs(b - b0))) for (_, b), (_, b0) in zip(now, first))
    return {"bias_change": change, "max_bias": max(float(np.max(np.abs(b))) for _, b in now)}


def keras_model_lines(project: Project) -> list[str]:
    """The lines of the Keras export that build the model (Sequential … the last add)."""
    files = render(project, "keras", Path("lesson_keras.py"), title=project.name or "lesson")
    code = next(f for f in files if f.path.suffix == ".py").data.decode("utf-8").splitlines()
    start = code.index("model = keras.Sequential()")
    end = next(i for i in range(start, len(code)) if not code[i].strip())
    return code[start:end]


def project_of(trainer: Trainer) -> Project:
    """The trainer's network, data and weights as a Project (what an export writes)."""
    return Project(
        trainer.data,
        trainer.spec.hidden,
        trainer.config,
        trainer.spec.output,
        tuple(trainer.network.get_params()),
    )


def keras_layers(trainer: Trainer, p: dict) -> dict:
    lines = keras_model_lines(project_of(trainer))
    inputs = [line for line in lines if "keras.Input(shape=" in line]
    return {
        "input_shapes": len(inputs),
        "inputs": trainer.spec.n_inputs,
        "dense_layers": sum("layers.Dense(" in line for line in lines),
        "layers": len(trainer.spec.layers),
        "shape_written": inputs[0].split("shape=")[1].split(")")[0] + ")" if inputs else None,
    }


def batch_shapes(trainer: Trainer, p: dict) -> dict:
    """The layer equations for the training batch: m = min(batch size, training points)."""
    X, Y = train_points(trainer)
    cfg = trainer.config
    m = min(cfg.batch_size, len(X))
    if not m:
        return not_applicable("no_points")
    eq = equations.layer_equations(
        trainer.network,
        trainer.loss_name,
        X[:m],
        Y[:m],
        cfg.batch_size,
        len(X),
        cfg.regularization,
        cfg.reg_rate,
    )
    shapes = [list(layer.forward[0].lhs.shape) for layer in eq.layers]
    right = all(s == [layer.units, m] for s, layer in zip(shapes, eq.layers))
    return {
        "m": m,
        "batch": cfg.batch_size,
        "shapes_match": eq.shapes_match and right,
        "z_shapes": shapes,
    }


def slopes(trainer: Trainer, p: dict) -> dict:
    """f′(z) of the layer's activation on z ∈ [−6, 6], and the share of its units' z on the
    training points where |f′(z)| < units.SATURATION_SLOPE (flat: saturated or off)."""
    layer = hidden_layer(trainer, p["layer"])
    if layer is None:
        return not_applicable("no_such_layer")
    act = activations.get(layer.activation)
    param = act.resolve_param(layer.param)
    slope = act.derivative(SLOPE_Z, act.value(SLOPE_Z, param), param)
    X, _ = train_points(trainer)
    z = hidden.layer_values(trainer.network, X, p["layer"], "z")
    flat = np.abs(act.derivative(z, act.value(z, param), param)) < units.SATURATION_SLOPE
    return {
        "activation": layer.activation,
        "max_slope": float(np.max(slope)),
        "min_slope": float(np.min(slope)),
        "flat_share": float(np.mean(flat)) if flat.size else None,
    }


def unit_spread(trainer: Trainer, p: dict) -> dict:
    """Largest difference between two units of one hidden layer (incoming W rows and b)."""
    if not trainer.spec.hidden:
        return not_applicable("no_hidden_layer")
    net = trainer.network
    spread, peak = 0.0, 0.0
    for w, b in zip(net.weights[:-1], net.biases[:-1]):
        spread = max(spread, float(np.max(np.abs(w - w[:1]))), float(np.max(np.abs(b - b[0]))))
        peak = max(peak, float(np.max(np.abs(w))))
    return {"max_spread": spread, "max_weight": peak}


def grad_ratio(trainer: Trainer, p: dict) -> dict:
    """‖dL/dW₁‖ / ‖dL/dW_L‖ of the recorded mini-batch gradients (the median of the last
    records per layer, as the gradient-flow view says it)."""
    recent = flow.recent_norms(trainer.grad_history.data())
    first, last = float(recent[0]), float(recent[-1])
    ratio = first / last if math.isfinite(first) and last > 0 else None
    return {"ratio": ratio, "first": first, "last": last}


def dead_units(trainer: Trainer, p: dict) -> dict:
    if not trainer.spec.hidden:
        return not_applicable("no_hidden_layer")
    X, _ = train_points(trainer)
    stats = units.unit_stats(trainer.network, X)
    dead = np.concatenate([s.dead for s in stats])
    return {"dead_share": float(dead.mean()), "dead": int(dead.sum()), "units": int(dead.size)}


def region_count(trainer: Trainer, p: dict) -> dict:
    """The exact linear regions of the network over the plane a window shows (p["plane"]), or
    the data's plane (grid.plane_extent); None when there are more than regions.MAX_POLYGONS."""
    if trainer.data.dim != 2:
        return not_applicable("plane_only")
    found = regions.linear_regions(
        trainer.network,
        p.get("plane") or grid.plane_extent(trainer.data),
        trainer.config.features,
        trainer.data.dim,
        task=trainer.data.task,
    )
    if not found.applicable:
        return not_applicable(found.inapplicable.code)
    return {"regions": found.count}


def _local_map(trainer: Trainer, point) -> list[float]:
    """[A₁₁, A₁₂, …, c₁, …]: the pre-head map z_out = A·x + c of the point's region."""
    x = transform(np.asarray([point], np.float64), trainer.config.features)[0]
    A, c = affine.local_affine_map(trainer.network, x)
    return [*A.ravel().tolist(), *c.tolist()]


def two_maps(trainer: Trainer, p: dict) -> dict:
    """The affine maps of the regions of points a and b (piecewise-linear networks only)."""
    if trainer.data.dim != 2 or not affine.is_piecewise_affine(trainer.network):
        return not_applicable("piecewise_linear_only")
    map_a, map_b = _local_map(trainer, p["a"]), _local_map(trainer, p["b"])
    scale = 1.0 + max(abs(v) for v in map_a + map_b)
    gap = max(abs(u - v) for u, v in zip(map_a, map_b))
    return {"map_a": map_a, "map_b": map_b, "differ": gap > 1e-9 * scale}
