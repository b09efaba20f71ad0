"""The network diagram under the pointer: which link is hit, and what the tooltip says (a
neuron's bias or a link's weight with the layer's formula). Strings are in the NetworkDiagram
context."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.core.analysis.units import SATURATION_SHARE, SATURATION_SLOPE
from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.i18n.core_strings import tr_core


def nearest_segment(seg: np.ndarray, q, pixel_size, max_px: float) -> int | None:
    """Index of the segment (rows x0, y0, x1, y1 in view units) nearest to q, if within max_px
    screen pixels; pixel_size = (view units per pixel in x, in y)."""
    a, b = seg[:, :2], seg[:, 2:]
    ab = b - a
    q = np.asarray(q, dtype=float)
    t = np.clip(((q - a) * ab).sum(1) / np.maximum((ab * ab).sum(1), 1e-12), 0, 1)
    d = (a + t[:, None] * ab - q) / np.asarray(pixel_size, dtype=float)
    dist = np.hypot(d[:, 0], d[:, 1])
    i = int(np.argmin(dist))
    return i if dist[i] <= max_px else None


def layer_name(snap: Snapshot, layer: int) -> str:
    if layer == len(snap.spec.hidden):
        return QCoreApplication.translate("NetworkDiagram", "output")
    return QCoreApplication.translate("NetworkDiagram", "layer {i}").format(i=layer + 1)


def formula(snap: Snapshot, layer: int) -> str:
    spec_layer = snap.spec.layers[layer]
    act = activations.get(spec_layer.activation)
    text = f"{tr_core(act.label)}: {tr_core(act.formula)}"
    if act.param_name is not None:
        text += f"  ({act.param_name} = {act.resolve_param(spec_layer.param):g})"
    return text


def describe_neuron(
    snap: Snapshot, col: int, unit: int, input_names: list[str], forward=None
) -> str:
    """A neuron's tooltip; `forward`: the inspector's ForwardPass at the pinned input."""
    if col == 0:
        text = QCoreApplication.translate("NetworkDiagram", "Input {name}").format(
            name=input_names[unit]
        )
        if forward is not None:
            text += "\n" + QCoreApplication.translate(
                "NetworkDiagram", "at the pinned point: {name} = {a:.4g}"
            ).format(name=input_names[unit], a=float(forward.inputs[unit]))
        return text
    layer = col - 1
    bias = float(snap.biases[layer][unit])
    text = QCoreApplication.translate(
        "NetworkDiagram", "{where}, unit {u}\nbias b = {b:.4g}\n{formula}\nClick to enlarge"
    ).format(
        where=layer_name(snap, layer).capitalize(), u=unit + 1, b=bias, formula=formula(snap, layer)
    )
    extra = []  # before the last line ("Click to enlarge")
    stats = snap.layer_stats
    if stats is not None and layer < len(stats) and unit < len(stats[layer].active_fraction):
        extra.append(_activity(stats[layer], unit))
    if forward is not None:
        extra.append(
            QCoreApplication.translate(
                "NetworkDiagram", "at the pinned point: z = {z:.4g}, a = {a:.4g}"
            ).format(z=float(forward.layers[layer].z[unit]), a=float(forward.layers[layer].a[unit]))
        )
    head, _, last = text.rpartition("\n")
    return "\n".join([head, *extra, last])


def _activity(stats, unit: int) -> str:
    """ "active on 63% of training inputs", and whether the unit is dead or saturated."""
    share = 100.0 * float(stats.active_fraction[unit])
    text = QCoreApplication.translate("NetworkDiagram", "active on {p}% of training inputs").format(
        p=f"{share:.0f}"
    )
    if stats.dead[unit]:
        text += "\n" + QCoreApplication.translate(
            "NetworkDiagram", "dead: its slope is 0 on every training input, so it cannot learn"
        )
    elif stats.saturated[unit]:
        text += "\n" + QCoreApplication.translate(
            "NetworkDiagram",
            "saturated: its slope is below {slope:g} on {p}% or more of the training inputs",
        ).format(slope=SATURATION_SLOPE, p=f"{100 * SATURATION_SHARE:.0f}")
    return text


def describe_link(snap: Snapshot, layer: int, out: int, inp: int, input_names: list[str]) -> str:
    w = float(snap.weights[layer][out, inp])
    source = (
        input_names[inp]
        if layer == 0
        else QCoreApplication.translate("NetworkDiagram", "{where} unit {u}").format(
            where=layer_name(snap, layer - 1), u=inp + 1
        )
    )
    target = QCoreApplication.translate("NetworkDiagram", "{where} unit {u}").format(
        where=layer_name(snap, layer), u=out + 1
    )
    return QCoreApplication.translate(
        "NetworkDiagram", "weight w = {w:.4g}\n{a} → {b}\n{formula}"
    ).format(w=w, a=source, b=target, formula=formula(snap, layer))
