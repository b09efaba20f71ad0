"""The neuron popup's texts: its title, the names of a unit's inputs, its incoming weights and
bias, and its formula a = f(Σ wᵢ·xᵢ + b) with the numbers. Strings are in the NeuronPopup
context.

Numbers are shown with three significant digits and a true minus sign (`wnum`). Inputs of the
first layer are named as the diagram names them (x₁, x₁², sin x₁, or the data's feature names);
inputs of layer l > 1 are the previous layer's outputs a⁽ˡ⁻¹⁾ⱼ.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from playground.core.nn import activations
from playground.live.snapshot import Snapshot
from playground.ui.i18n.core_strings import tr_core

MINUS = "−"
SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def wnum(v: float) -> str:
    """Three significant digits, a true minus sign, no −0."""
    text = f"{float(v):.3g}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", MINUS)


def is_output(snap: Snapshot, layer: int) -> bool:
    return layer == len(snap.spec.hidden)


def title(snap: Snapshot, layer: int, unit: int) -> str:
    """ "Layer 2, unit 5 · Tanh" or "Output, unit 1 · Sigmoid"."""
    act = activations.get(snap.spec.layers[layer].activation)
    where = (
        translate("NeuronPopup", "Output")
        if is_output(snap, layer)
        else translate("NeuronPopup", "Layer {i}").format(i=layer + 1)
    )
    return translate("NeuronPopup", "{where}, unit {u} · {act}").format(
        where=where, u=unit + 1, act=tr_core(act.label)
    )


def unit_symbol(layer: int, unit: int) -> str:
    """a⁽ˡ⁾ⱼ: the output of unit j of hidden layer l (both counted from 1)."""
    return f"a⁽{str(layer + 1).translate(SUP)}⁾{str(unit + 1).translate(SUB)}"


def source_names(snap: Snapshot, layer: int, input_names: list[str]) -> list[str]:
    """What each incoming weight of a unit of `layer` multiplies."""
    if layer == 0:
        return list(input_names)
    return [unit_symbol(layer - 1, j) for j in range(snap.spec.sizes[layer])]


def weight_rows(
    snap: Snapshot, layer: int, unit: int, input_names: list[str]
) -> list[tuple[str, str, str]]:
    """(symbol, value, what it multiplies) for every incoming weight, then the bias."""
    w = snap.weights[layer][unit]
    names = source_names(snap, layer, input_names)
    rows = [(f"w{str(i + 1).translate(SUB)}", wnum(w[i]), names[i]) for i in range(len(w))]
    rows.append(("b", wnum(snap.biases[layer][unit]), ""))
    return rows


def weighted_sum(snap: Snapshot, layer: int, unit: int, input_names: list[str]) -> str:
    """ "0.521·x₁ − 1.3·x₂ + 0.112": Σ wᵢ·xᵢ + b with the numbers."""
    names = source_names(snap, layer, input_names)
    terms = [f"{wnum(w)}·{name}" for w, name in zip(snap.weights[layer][unit], names, strict=True)]
    terms.append(wnum(snap.biases[layer][unit]))
    out = terms[0]
    for term in terms[1:]:
        out += f" {MINUS} {term[1:]}" if term.startswith(MINUS) else f" + {term}"
    return out


def formula(snap: Snapshot, layer: int, unit: int, input_names: list[str]) -> str:
    """The unit's formula, in general and with the numbers (plain text, one line each)."""
    spec_layer = snap.spec.layers[layer]
    act = activations.get(spec_layer.activation)
    label = tr_core(act.label)
    total = weighted_sum(snap, layer, unit, input_names)
    if spec_layer.activation == "softmax":
        k = str(unit + 1).translate(SUB)
        return f"a = {label}(z){k},  z{k} = Σ wᵢ·xᵢ + b\nz{k} = {total}"
    return f"a = f(Σ wᵢ·xᵢ + b)\na = {label}({total})"


def activation_line(snap: Snapshot, layer: int) -> str:
    """ "f: Tanh, f(z) = tanh(z)" (with the parameter, e.g. α = 0.1)."""
    spec_layer = snap.spec.layers[layer]
    act = activations.get(spec_layer.activation)
    text = f"{tr_core(act.label)}: {tr_core(act.formula)}"
    if act.param_name is not None:
        text += f"  ({act.param_name} = {act.resolve_param(spec_layer.param):g})"
    return text


def details_html(snap: Snapshot, layer: int, unit: int, input_names: list[str]) -> str:
    """The formula, the activation and a table of the incoming weights and the bias."""
    lines = [html.escape(line) for line in formula(snap, layer, unit, input_names).split("\n")]
    rows = "".join(
        f"<tr><td>{html.escape(sym)}</td><td align='right'>&nbsp;=&nbsp;{html.escape(val)}</td>"
        f"<td>&nbsp;&nbsp;<span style='color:#666'>{html.escape(name)}</span></td></tr>"
        for sym, val, name in weight_rows(snap, layer, unit, input_names)
    )
    heading = html.escape(translate("NeuronPopup", "Incoming weights and bias"))
    return (
        f"<p style='font-family:monospace'>{'<br>'.join(lines)}</p>"
        f"<p style='color:#444'>{html.escape(activation_line(snap, layer))}</p>"
        f"<p><b>{heading}</b></p><table cellspacing='0'>{rows}</table>"
    )
