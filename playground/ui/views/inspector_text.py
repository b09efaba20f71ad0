"""The forward-pass inspector's text: one input's numbers layer by layer, as rows of text.

Per unit two lines: the products "input × weight" with the bias as "1 × b" (the weight of a
constant input 1), then their values summed to z and passed through the activation:

    1.00×0.50 + 0.50×0.40 + 1×0.10
    = 0.50 + 0.20 + 0.10 = 0.80 → Sigmoid → 0.69

Units whose z lies in a flat zero piece (a ReLU at z ≤ 0) are grey and marked "off". Strings are
in the ForwardInspector context.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from playground.core.analysis.forward import ForwardPass, LayerPass, UnitPass
from playground.core.data.features import FEATURES
from playground.ui.graphics import palette
from playground.ui.i18n.core_strings import tr_core

OFF_RGB = (150, 150, 150)
MINUS = "−"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")


def num(v: float) -> str:
    """Two decimals (three significant digits from 10⁴ on), a true minus sign, no −0.00."""
    text = f"{v:.2f}" if abs(v) < 1e4 else f"{v:.3g}"
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text.replace("-", MINUS)


def _factor(v: float) -> str:
    return f"({num(v)})" if num(v).startswith(MINUS) else num(v)


def _joined(values: list[str]) -> str:
    """ "a + b − c": a term with a minus sign is subtracted."""
    out = values[0]
    for v in values[1:]:
        out += f" {MINUS} {v[1:]}" if v.startswith(MINUS) else f" + {v}"
    return out


def input_names(fp: ForwardPass, feature_names=()) -> list[str]:
    """Display names of the network inputs (x₁, x₁², …; raw columns by name for d > 2)."""
    if len(fp.x) > 2:
        return list(feature_names) or [f"x{i + 1}" for i in range(len(fp.x))]
    return [FEATURES[f][0] for f in fp.features]


def unit_lines(unit: UnitPass, label: str) -> tuple[str, str]:
    """(products, sums) of one unit, as plain text."""
    products = [
        f"{_factor(a)}×{_factor(w)}" for a, w in zip(unit.inputs, unit.weights, strict=True)
    ]
    sums = [num(t) for t in unit.terms]
    if unit.n_rest:
        products.append("…")
        sums.append(
            translate("ForwardInspector", "…(%1 more: %2)")
            .replace("%1", str(unit.n_rest))
            .replace("%2", num(unit.rest))
        )
    products.append(f"1×{_factor(unit.bias)}")
    sums.append(num(unit.bias))
    first = " + ".join(products)
    second = f"= {_joined(sums)} = {num(unit.z)} → {label} → {num(unit.a)}"
    return first, second


def rgb_hex(rgb) -> str:
    r, g, b = rgb
    return f"#{r:02x}{g:02x}{b:02x}"


@dataclass(frozen=True)
class Row:
    text: str
    style: str  # "plain", "title" (bold), "off" (grey) or "output" (bold)
    swatch: tuple[int, int, int] | None = None  # the predicted class's colour, after the text


def row_keys(fp: ForwardPass) -> list[tuple]:
    """The rows of a pass: ("input",), then per layer ("title", l), per unit ("products", l, u)
    and ("sums", l, u), ("gap",); last ("output",). They change only with the structure."""
    keys: list[tuple] = [("input",), ("gap",)]
    for l, layer in enumerate(fp.layers):
        keys.append(("title", l))
        for u in range(len(layer.z)):
            keys += [("products", l, u), ("sums", l, u)]
        keys.append(("gap",))
    return keys + [("output",)]


def row(fp: ForwardPass, key: tuple, class_label, names: list[str]) -> Row:
    """One row's text and style (formatted when drawn: only the rows on screen cost)."""
    kind = key[0]
    if kind == "gap":
        return Row("", "plain")
    if kind == "input":
        values = "   ".join(f"{n} = {num(v)}" for n, v in zip(names, fp.inputs, strict=True))
        return Row(translate("ForwardInspector", "Input:") + " " + values, "plain")
    if kind == "output":
        return _output_row(fp, class_label)
    layer = fp.layers[key[1]]
    if kind == "title":
        return Row(_layer_title(fp, layer), "title")
    unit = layer.unit(key[2])
    first, second = unit_lines(unit, tr_core(layer.label))
    style = "off" if unit.off else "plain"
    if kind == "products":
        return Row(f"n{key[2] + 1:<3} {first}", style)
    off = "  " + translate("ForwardInspector", "off") if unit.off else ""
    return Row(f"     {second}{off}", style)


def _layer_title(fp: ForwardPass, layer: LayerPass) -> str:
    units, act = str(len(layer.z)), tr_core(layer.label)
    if layer.index == len(fp.layers) - 1:
        return (
            translate("ForwardInspector", "Output layer · %1 × %2")
            .replace("%1", units)
            .replace("%2", act)
        )
    return (
        translate("ForwardInspector", "Layer %1 · %2 × %3")
        .replace("%1", str(layer.index + 1))
        .replace("%2", units)
        .replace("%3", act)
    )


def verdict(fp: ForwardPass, class_label) -> str:
    """The short result: "predicted class 2" or "output 0.42"."""
    if fp.predicted is None:
        return translate("ForwardInspector", "output %1").replace("%1", num(fp.value))
    return translate("ForwardInspector", "predicted class %1").replace(
        "%1", class_label(fp.predicted)
    )


def _output_row(fp: ForwardPass, class_label) -> Row:
    if fp.predicted is None:
        return Row(
            translate("ForwardInspector", "Output value: %1").replace("%1", num(fp.value)), "output"
        )
    k = fp.predicted
    swatch = palette.CLASS_RGB[k % palette.MAX_CLASSES]
    if fp.task == "binary":
        text = (
            translate("ForwardInspector", "P(class %1) = %2, so the predicted class is %3")
            .replace("%1", class_label(1))
            .replace("%2", num(float(fp.output[0])))
            .replace("%3", class_label(k))
        )
    else:
        text = (
            translate("ForwardInspector", "The largest output is %1: predicted class %2")
            .replace("%1", num(float(fp.output[k])))
            .replace("%2", class_label(k))
        )
    return Row(text, "output", swatch)


def legend() -> str:
    return translate(
        "ForwardInspector",
        "Each unit adds input × weight over its inputs, plus 1 × bias (the bias is the "
        "weight of a constant input 1): that sum z passes through the activation, "
        "a = f(z), to the next layer. Grey units are off: they pass 0 on.",
    )
