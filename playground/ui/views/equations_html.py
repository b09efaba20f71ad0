"""Rich text of the layer equations (core.analysis.equations.Equations): [l] as a superscript,
each equation with its shapes beside it, and for small layers the equation once more with the
actual matrices in place of the names. Qt rich text: tables for layout, no CSS boxes."""

from __future__ import annotations

import html
import re

import numpy as np
from PySide6.QtCore import QCoreApplication

from playground.core.analysis.equations import Equation, Equations, LayerEquations, Term
from playground.core.nn import regularizers
from playground.ui.i18n.core_strings import tr_core

SHAPE_COLOUR = "#6a6a6a"
NOTE_COLOUR = "#444444"
_LAYER = re.compile(r"\[(\w+)\](ᵀ?)")


def rich(text: str) -> str:
    """Plain equation text as rich text: "Z[2]" → Z<sup>[2]</sup>."""
    return _LAYER.sub(_sup, html.escape(text, quote=False))


def _sup(match: re.Match) -> str:
    """[l] and a transpose after it as one superscript: W<sup>[2]T</sup>."""
    return f"<sup>[{match[1]}]{'T' if match[2] else ''}</sup>"


def shape_text(shape: tuple[int, int], bare: bool = False) -> str:
    text = f"{shape[0]} × {shape[1]}"
    return text if bare else f"({text})"


def _bare(rhs, i: int) -> bool:
    """A term alone inside brackets ("g[1](" Z ")") is written without its own brackets."""
    before, after = rhs[i - 1] if i else "", rhs[i + 1] if i + 1 < len(rhs) else ""
    return (
        isinstance(before, str)
        and before.endswith("(")
        and isinstance(after, str)
        and after.startswith(")")
    )


def symbols(eq: Equation) -> str:
    parts = [t if isinstance(t, str) else t.name for t in eq.rhs]
    return rich(f"{eq.lhs.name} = {''.join(parts)}")


def shapes(eq: Equation) -> str:
    """ "(4 × 10) = (4 × 8)·(8 × 10) + (4 × 1)"."""
    parts = [
        t if isinstance(t, str) else shape_text(t.shape, _bare(eq.rhs, i))
        for i, t in enumerate(eq.rhs)
    ]
    return rich(f"{shape_text(eq.lhs.shape)} = {''.join(parts)}")


def number(v: float) -> str:
    text = f"{v:.3f}" if abs(v) < 1000 else f"{v:.3g}"
    return text.replace("-", "−")


def matrix(value: np.ndarray) -> list[str]:
    """A bracketed matrix as lines of equal width: ⎡ ⎢ ⎣ beside the rows ([ ] for one)."""
    rows = len(value)
    cells = [[number(v) for v in row] for row in value]
    widths = [max(len(row[j]) for row in cells) for j in range(value.shape[1])]
    left = ["["] if rows == 1 else ["⎡"] + ["⎢"] * (rows - 2) + ["⎣"]
    right = ["]"] if rows == 1 else ["⎤"] + ["⎥"] * (rows - 2) + ["⎦"]
    return [
        f"{left[r]} " + " ".join(c.rjust(w) for c, w in zip(cells[r], widths)) + f" {right[r]}"
        for r in range(rows)
    ]


def side_by_side(blocks: list[list[str]]) -> list[str]:
    """Blocks of lines joined left to right, each centred on the tallest."""
    height = max(len(b) for b in blocks)
    out = [""] * height
    for block in blocks:
        width, top = max(len(line) for line in block), (height - len(block)) // 2
        for r in range(height):
            line = block[r - top] if 0 <= r - top < len(block) else ""
            out[r] += line.ljust(width)
    return [line.rstrip() for line in out]


def numbers(eq: Equation) -> str:
    """The equation with the matrices that carry values in place of their names, as
    monospaced lines (a QTextDocument lays out <pre> far faster than nested tables)."""
    blocks = [matrix(eq.lhs.value), [" = "]]
    for t in eq.rhs:
        if isinstance(t, Term):
            blocks.append(matrix(t.value) if t.value is not None else [t.name])
        else:
            blocks.append([t])
    return _pre(side_by_side(blocks))


def _pre(lines: list[str]) -> str:
    return f"<pre style='margin:2px 0px'>{html.escape(chr(10).join(lines))}</pre>"


def _label(text: str) -> str:
    return f"<i style='color:{SHAPE_COLOUR}'>{html.escape(text)}</i>&nbsp;&nbsp;"


def _equation_table(label: str, eqs: tuple[Equation, ...]) -> str:
    """Rows of a table: each equation with its shapes aligned beside it."""
    return "".join(
        f"<tr><td>{_label(label) if i == 0 else ''}</td><td>{symbols(eq)}</td>"
        f"<td style='color:{SHAPE_COLOUR}'>&nbsp;&nbsp;&nbsp;{shapes(eq)}</td></tr>"
        for i, eq in enumerate(eqs)
    )


def _equation_lines(label: str, eqs: tuple[Equation, ...]) -> str:
    """Each equation, its shapes and its numbers below it (paragraphs: a table of <pre>
    blocks would take the text layout ~3× as long, and the numbers change 5 times a second)."""
    out = []
    for i, eq in enumerate(eqs):
        name = _label(label) if i == 0 else ""
        out.append(
            f"<p style='margin:0px'>{name}{symbols(eq)}&nbsp;&nbsp;&nbsp;"
            f"<span style='color:{SHAPE_COLOUR}'>{shapes(eq)}</span></p>"
        )
        if eq.lhs.value is not None:
            out.append(numbers(eq))
    return "".join(out)


def activation_line(layer: LayerEquations) -> str:
    """ "g[1] = Tanh:  g[1](z) = tanh(z),  g′[1](z) = 1 − tanh²(z)" (the registry's words)."""
    l = layer.layer
    g, g_prime = f"g[{l}]", f"g′[{l}]"
    derivative = tr_core(layer.derivative_formula).replace("f'(z)", f"{g_prime}(z)")
    text = (
        f"{g} = {tr_core(layer.label)}:  {tr_core(layer.formula).replace('f(z)', f'{g}(z)')}"
        f",  {derivative.replace('f(z)', f'{g}(z)')}"
    )
    if layer.param_name is not None:
        text += f",  {layer.param_name} = {layer.param:g}"
    return rich(text)


def layer_block(layer: LayerEquations, last: bool) -> str:
    kind = (
        QCoreApplication.translate("EquationsView", "Layer %1 (output)")
        if last
        else QCoreApplication.translate("EquationsView", "Layer %1 (hidden)")
    )
    title = html.escape(kind.replace("%1", str(layer.layer)))
    size = rich(f"n[{layer.layer}] = {layer.units}")
    forward = QCoreApplication.translate("EquationsView", "forward")
    backward = QCoreApplication.translate("EquationsView", "backward")
    if layer.numbers:
        body = _equation_lines(forward, layer.forward) + _equation_lines(backward, layer.backward)
    else:
        rows = _equation_table(forward, layer.forward) + _equation_table(backward, layer.backward)
        body = f"<table cellspacing='1' style='white-space:nowrap'>{rows}</table>"
    return (
        f"<p style='margin-top:12px'><b>{title}, &nbsp;{size}</b>&nbsp;&nbsp;&nbsp;"
        f"{activation_line(layer)}</p>{body}"
    )


def header(eq: Equations) -> str:
    """m and the batch; X and Y's shapes."""
    batch = QCoreApplication.translate(
        "EquationsView", "the first %1 training points, one per column (batch size %2)"
    )
    batch = batch.replace("%1", str(eq.m)).replace("%2", str(eq.batch_size))
    lines = [f"<b>m = {eq.m}</b>: {html.escape(batch)}"]
    if eq.inputs.value is None:
        lines.append(
            rich(f"A[0] = X {shape_text(eq.inputs.shape)},   Y {shape_text(eq.targets.shape)}")
        )
    return "<br>".join(lines)


def data_numbers(eq: Equations) -> str:
    """A[0] = X and Y with their numbers (small batches only)."""
    if eq.inputs.value is None or eq.targets.value is None:
        return ""
    x_shape, y_shape = shape_text(eq.inputs.shape), shape_text(eq.targets.shape)
    return _pre(
        side_by_side(
            [
                [f"A[0] = X {x_shape} = "],
                matrix(eq.inputs.value),
                [f"    Y {y_shape} = "],
                matrix(eq.targets.value),
            ]
        )
    )


def _output_note(eq: Equations) -> str:
    """How dZ[L] comes about: the head's g′ cancels against its own loss, or it scales dA."""
    if eq.canonical:
        text = QCoreApplication.translate(
            "EquationsView",
            "With a %1 output and %2, g′[%3] cancels against the loss: dZ[%3] needs "
            "no slope of the head.",
        )
    else:
        text = QCoreApplication.translate(
            "EquationsView",
            "With a %1 output and %2, dZ[%3] = dA[%3] ∘ g′[%3](Z[%3]): the head's slope "
            "scales the error.",
        )
    return (
        text.replace("%1", tr_core(eq.layers[-1].label))
        .replace("%2", tr_core(eq.loss_label))
        .replace("%3", str(len(eq.layers)))
    )


def _check_note(eq: Equations) -> str:
    if eq.shapes_match:
        return "✓ " + QCoreApplication.translate(
            "EquationsView",
            "Every shape matches an actual forward and backward pass on these m points.",
        )
    return "✗ " + QCoreApplication.translate(
        "EquationsView", "Some shapes differ from the pass on these m points."
    )


def notes(eq: Equations) -> str:
    """The loss, the scaling, how dZ[L] comes about, the regularization and the shape check."""
    loss = QCoreApplication.translate("EquationsView", "Loss J: %1, %2 over the m samples.")
    lines = [
        loss.replace("%1", tr_core(eq.loss_label)).replace("%2", eq.loss_formula),
        QCoreApplication.translate(
            "EquationsView",
            "Here dZ is per sample (m·∂J/∂Z); the 1/m goes into dW and db. Training folds the "
            "1/m into dZ[L] instead: the same dW and db.",
        ),
        _output_note(eq),
    ]
    if eq.reg_rate > 0 and eq.regularization != "none":
        label = tr_core(regularizers.get(eq.regularization).label)
        reg = QCoreApplication.translate(
            "EquationsView",
            "Training then adds the %1 regularization gradient (λ = %2) to each dW.",
        )
        lines.append(reg.replace("%1", label).replace("%2", f"{eq.reg_rate:g}"))
    lines.append(_check_note(eq))
    return "<br>".join(rich(line) for line in lines)


def document(eq: Equations) -> str:
    n = len(eq.layers)
    blocks = "".join(layer_block(layer, i == n - 1) for i, layer in enumerate(eq.layers))
    return (
        f"<p>{header(eq)}</p>{data_numbers(eq)}{blocks}"
        f"<p style='color:{NOTE_COLOUR}; font-size:small'>{notes(eq)}</p>"
    )
