"""`inspect --at`: one input's forward pass as a JSON-safe dict and as text, and every run of
linear layers as one affine map (collapse_report). Layers are numbered from 1 as in `inspect`'s
layer table (the output layer is the last); units and inputs from 1."""

from __future__ import annotations

import numpy as np

from playground.core.analysis import collapse
from playground.core.analysis.forward import ForwardPass, UnitPass


def _unit_dict(u: UnitPass, names: list[str]) -> dict:
    terms = [
        {"input": names[j], "a": a, "w": w, "w*a": t}
        for j, a, w, t in zip(u.sources, u.inputs, u.weights, u.terms, strict=True)
    ]
    return {
        "z": u.z,
        "a": u.a,
        "off": u.off,
        "bias": u.bias,
        "terms": terms,
        "rest": u.rest,
        "n_rest": u.n_rest,
    }


def forward_dict(fp: ForwardPass, input_names: list[str], class_label) -> dict:
    """The forward pass: inputs, per layer every unit's z, a, off and terms, the output."""
    layers, names = [], list(input_names)
    for layer in fp.layers:
        layers.append(
            {
                "layer": layer.index + 1,
                "activation": layer.activation,
                "param": layer.param,
                "units": [_unit_dict(u, names) for u in layer.units],
            }
        )
        names = [f"{layer.index + 1}.{i + 1}" for i in range(len(layer.z))]
    d = {
        "x": list(fp.x),
        "inputs": dict(zip(input_names, fp.inputs.tolist(), strict=True)),
        "layers": layers,
        "output": fp.output.tolist(),
    }
    if fp.predicted is not None:
        d["predicted_class"] = fp.predicted  # 0-based
        d["predicted_label"] = class_label(fp.predicted)
    else:
        d["value"] = fp.value
    return d


def collapse_runs(network, X: np.ndarray) -> dict:
    """Every run of ≥ 2 layers joined by linear activations as one affine map, checked on the
    network inputs X (n, n_in); `bends`: the hidden layers that are not linear."""
    report = collapse.collapse_report(network, X)
    runs = [
        {
            "layers": [run.first + 1, run.last + 1],
            "W": np.round(run.W, 6).tolist(),
            "b": np.round(run.b, 6).tolist(),
            "formula_W": run.formula_W,
            "formula_b": run.formula_b,
            "max_abs_diff": run.max_abs_diff,
        }
        for run in report.runs
    ]
    return {"whole": report.whole, "bends": [i + 1 for i in report.bends], "runs": runs}


# ---------------------------------------------------------------------- text
def _n(v: float) -> str:
    return f"{v:.4f}" if abs(v) < 1e5 else f"{v:.4g}"


def _factor(v: float) -> str:
    return f"({_n(v)})" if v < 0 else _n(v)


def _sum_text(u: dict) -> str:
    """ "a×w + a×w + 1×b" (the bias as the weight of a constant input 1)."""
    parts = [f"{_factor(t['a'])}×{_factor(t['w'])}" for t in u["terms"]]
    parts.append(f"1×{_factor(u['bias'])}")
    return " + ".join(parts)


def forward_text(d: dict, spec) -> str:
    x = ", ".join(f"{v:g}" for v in d["x"])
    inputs = ", ".join(f"{k} = {_n(v)}" for k, v in d["inputs"].items())
    lines = [f"forward pass at x = ({x})", f"inputs   {inputs}"]
    for layer, spec_layer in zip(d["layers"], spec.layers, strict=True):
        where = "output" if layer["layer"] == len(spec.layers) else f"layer {layer['layer']}"
        act = spec_layer.label.split(":", 1)[1]
        lines.append(f"{where} ({len(layer['units'])} × {act}): z = Σ a·w + 1·b, a = f(z)")
        for i, u in enumerate(layer["units"], 1):
            off = "  off" if u["off"] else ""
            if not u["n_rest"]:
                lines.append(f"  {i:>3}  z = {_sum_text(u)} = {_n(u['z'])} → a = {_n(u['a'])}{off}")
            else:  # a wide layer: the numbers only
                lines.append(f"  {i:>3}  z = {_n(u['z'])}  a = {_n(u['a'])}{off}")
    if "predicted_class" in d:
        lines.append(
            f"predicted class {d['predicted_label']}  (output "
            f"{', '.join(_n(v) for v in d['output'])})"
        )
    else:
        lines.append(f"output value {_n(d['value'])}")
    return "\n".join(lines)


def runs_text(c: dict) -> str:
    lines = []
    for run in c["runs"]:
        first, last = run["layers"]
        lines.append(
            f"layers {first}-{last} act as one map: {run['formula_W']}, "
            f"{run['formula_b']} (max |difference| {run['max_abs_diff']:.2g})"
        )
    return "\n".join(lines)
