"""What the command line reports about a trained network: a JSON-safe dict and readable text."""

from __future__ import annotations

import json
import math

import numpy as np

from playground.core.analysis import collapse, regions, units
from playground.core.analysis.grid import plane_extent
from playground.core.data.features import usable_features
from playground.core.nn.trainer import GRAD_EVERY, Trainer


def json_safe(value):
    """Plain JSON types; NaN and ±inf become None (JSON has no token for them)."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if isinstance(value, np.ndarray):
        return json_safe(value.tolist())
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value


def dumps(obj) -> str:
    return json.dumps(json_safe(obj), allow_nan=False, ensure_ascii=False)


def collapse_dict(network) -> dict:
    """The collapse check; when collapsible also the single equivalent W and b (before the head)."""
    result = collapse.collapse(network)
    d = {
        "collapsible": result.collapsible,
        "max_abs_diff": result.max_abs_diff,
        "runs": [list(r) for r in result.runs],
    }
    if result.collapsible and result.W is not None:
        d["W"] = np.round(result.W, 6).tolist()
        d["b"] = np.round(result.b, 6).tolist()
    return d


def regions_dict(trainer: Trainer) -> dict | None:
    """The exact count of linear regions over the data's plane; None where regions do not
    apply (a smooth hidden activation, inputs other than x1,x2, data that is not 2-D)."""
    net, data, features = trainer.network, trainer.data, trainer.config.features
    if regions.inapplicable(net, features, data.dim) is not None:
        return None
    extent = plane_extent(data)
    result = regions.linear_regions(net, extent, features, data.dim)
    return {
        "count": result.count,
        "extent": list(extent),
        "exact": True,
        "too_many": result.too_many,
    }


def grad_history_dict(trainer: Trainer) -> dict:
    """The recorded mini-batch ‖dL/dW‖ per layer (hidden..., output): every GRAD_EVERY steps,
    in buckets of `span` records; per bucket the step and value of its last record and the
    least and greatest value of its records."""
    h = trainer.grad_history.data()
    return {
        "every": GRAD_EVERY,
        "span": h.span,
        "steps": h.step.tolist(),
        "layers": [
            {
                "layer": i + 1,
                "activation": layer.activation,
                "norms": h.final[:, i].tolist(),
                "low": h.low[:, i].tolist(),
                "high": h.high[:, i].tolist(),
            }
            for i, layer in enumerate(trainer.spec.layers)
        ],
    }


def train_report(trainer: Trainer, steps: int, seconds: float) -> dict:
    """The `train --json` object for a trainer that just trained `steps` steps."""
    m = trainer.evaluate()
    train = ~trainer.data.is_test
    stats = units.unit_stats(
        trainer.network, trainer.inputs[train], trainer.targets[train], trainer.loss_name
    )
    data, spec, cfg = trainer.data, trainer.spec, trainer.config
    layers = [
        {
            "activation": layer.activation,
            "units": layer.units,
            "dead_fraction": s.dead_fraction,
            "saturated_fraction": s.saturated_fraction,
            "grad_norm": s.grad_norm,
        }
        for layer, s in zip(spec.hidden, stats, strict=True)
    ]
    classification = data.task != "regression"
    report = {
        "dataset": data.name,
        "task": data.task,
        "points": data.n,
        "train_points": int(train.sum()),
        "test_points": int((~train).sum()),
        "features": list(usable_features(cfg.features, data.dim)),  # what the network sees
        "sizes": spec.sizes,
        "output": spec.output,
        "loss": trainer.loss_name,
        "optimizer": cfg.optimizer,
        "learning_rate": cfg.learning_rate,
        "batch_size": cfg.batch_size,
        "seed": cfg.seed,
        "steps": steps,
        "epochs": steps // trainer.steps_per_epoch,
        "seconds": seconds,
        "steps_per_second": steps / seconds if seconds > 0 else None,
        "train_loss": m.train_loss,
        "test_loss": m.test_loss,
        "diverged": trainer.diverged,
        "message": trainer.stop_reason.text() if trainer.stop_reason else "",
        "layers": layers,
        "collapse": collapse_dict(trainer.network),
        "linear_regions": regions_dict(trainer),
        "grad_history": grad_history_dict(trainer),
    }
    if classification:
        report["train_accuracy"] = m.train_accuracy
        report["test_accuracy"] = m.test_accuracy
    return report


# ---------------------------------------------------------------------- text
def _num(v) -> str:
    return "-" if v is None or (isinstance(v, float) and not math.isfinite(v)) else f"{v:.4g}"


def _pct(v) -> str:
    return "-" if v is None else f"{100 * v:.1f}%"


def collapse_text(c: dict) -> str:
    if c["collapsible"]:
        text = (
            "collapse: every hidden activation is linear, so the whole network is ONE affine "
            f"map (max |difference| {_num(c['max_abs_diff'])})"
        )
        if "W" in c:
            text += f"\n  z = W·x + b with W = {c['W']} and b = {c['b']}"
        return text
    joined = [f"{a + 1}-{b + 1}" for a, b in c["runs"] if b > a]
    extra = f"; layers {', '.join(joined)} are joined linearly and merge" if joined else ""
    return f"collapse: not collapsible (non-linear activations between layers){extra}"


def grad_ratio_text(g: dict) -> str:
    """The latest recorded ‖dL/dW‖ of layer 1 over the output layer's ("" when there is none)."""
    if len(g["layers"]) < 2 or not g["steps"]:
        return ""
    first, last = g["layers"][0]["norms"][-1], g["layers"][-1]["norms"][-1]
    if not (math.isfinite(first) and math.isfinite(last) and last > 0):
        return ""
    return (
        f"gradient |dL/dW| layer 1 / output layer: {_num(first / last)} "
        f"({_num(first)} / {_num(last)}, mini-batch of step {g['steps'][-1]})"
    )


def train_text(r: dict) -> str:
    sizes = "-".join(str(s) for s in r["sizes"])
    lines = [
        f"data     {r['dataset']} ({r['task']}): {r['train_points']} train / "
        f"{r['test_points']} test points, features {','.join(r['features'])}",
        f"network  {sizes} -> {r['output']}, loss {r['loss']}, {r['optimizer']} "
        f"lr {r['learning_rate']:g}, batch {r['batch_size']}, seed {r['seed']}",
        f"trained  {r['steps']} steps ({r['epochs']} full epochs) in {r['seconds']:.2f} s",
        f"loss     train {_num(r['train_loss'])}   test {_num(r['test_loss'])}",
    ]
    if "train_accuracy" in r:
        lines.append(
            f"accuracy train {_pct(r['train_accuracy'])}   test {_pct(r['test_accuracy'])}"
        )
    for i, layer in enumerate(r["layers"], 1):
        lines.append(
            f"layer {i}  {layer['units']:>2} {layer['activation']:<10} "
            f"dead {_pct(layer['dead_fraction'])}  "
            f"saturated {_pct(layer['saturated_fraction'])}  "
            f"|dL/dW| {_num(layer['grad_norm'])}"
        )
    lines.append(collapse_text(r["collapse"]))
    grad = grad_ratio_text(r["grad_history"])
    if grad:
        lines.append(grad)
    if r["linear_regions"] is not None:
        x0, x1, y0, y1 = r["linear_regions"]["extent"]
        count = r["linear_regions"]["count"]
        lines.append(
            f"linear regions: {'too many to count' if count is None else count} "
            f"(exact, on [{x0:g}, {x1:g}] x [{y0:g}, {y1:g}])"
        )
    if r["diverged"]:
        lines.append(f"WARNING: {r['message']}")
    return "\n".join(lines)
