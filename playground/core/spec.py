"""NetworkSpec: a frozen, serializable description of a Sequential network.

Only the first layer knows the input size (Keras style); every other layer's input is the
previous layer's units.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from playground.core import activations

MAX_HIDDEN_LAYERS = 10
MAX_UNITS = 64


@dataclass(frozen=True)
class LayerSpec:
    units: int
    activation: str = "tanh"
    param: float | None = None  # leaky α, elu α, step θ; None = the activation's default

    def __post_init__(self) -> None:
        if not isinstance(self.units, int) or isinstance(self.units, bool) or self.units < 1:
            raise ValueError(f"units must be a positive integer, got {self.units!r}")
        activations.get(self.activation)  # raises KeyError naming the choices

    @property
    def label(self) -> str:
        act = activations.get(self.activation)
        text = f"{self.units}:{self.activation}"
        return text if self.param is None or act.param_name is None else f"{text}={self.param:g}"


@dataclass(frozen=True)
class NetworkSpec:
    n_inputs: int
    hidden: tuple[LayerSpec, ...] = field(default_factory=tuple)
    n_outputs: int = 1
    output: str = "sigmoid"

    def __post_init__(self) -> None:
        if self.n_inputs < 1:
            raise ValueError(f"n_inputs must be ≥ 1, got {self.n_inputs}")
        if self.n_outputs < 1:
            raise ValueError(f"n_outputs must be ≥ 1, got {self.n_outputs}")
        object.__setattr__(self, "hidden", tuple(self.hidden))
        if self.output not in activations.output_heads():
            raise ValueError(
                f"output head must be one of {', '.join(activations.output_heads())}, "
                f"got {self.output!r}"
            )
        if self.output == "softmax" and self.n_outputs < 2:
            raise ValueError("a softmax head needs at least 2 outputs")

    @property
    def layers(self) -> tuple[LayerSpec, ...]:
        """Hidden layers followed by the output layer."""
        return self.hidden + (LayerSpec(self.n_outputs, self.output),)

    @property
    def sizes(self) -> list[int]:
        """[n_inputs, units of each hidden layer..., n_outputs]."""
        return [self.n_inputs] + [layer.units for layer in self.layers]

    @property
    def n_params(self) -> int:
        s = self.sizes
        return sum(s[i + 1] * (s[i] + 1) for i in range(len(s) - 1))

    def to_dict(self) -> dict:
        return {
            "n_inputs": self.n_inputs,
            "hidden": [
                {"units": h.units, "activation": h.activation, "param": h.param}
                for h in self.hidden
            ],
            "n_outputs": self.n_outputs,
            "output": self.output,
        }

    @classmethod
    def from_dict(cls, d: dict) -> NetworkSpec:
        hidden = tuple(
            LayerSpec(int(h["units"]), str(h["activation"]), _opt_float(h.get("param")))
            for h in d.get("hidden", [])
        )
        return cls(int(d["n_inputs"]), hidden, int(d["n_outputs"]), str(d["output"]))


def _opt_float(v) -> float | None:
    return None if v is None else float(v)


def parse_layers(text: str) -> tuple[LayerSpec, ...]:
    """Parse "8:relu,8:leaky_relu=0.1,4:tanh" into LayerSpecs. Raises ValueError naming the part."""
    text = text.strip()
    if not text or text.lower() == "none":
        return ()
    layers = []
    for part in text.split(","):
        part = part.strip()
        units_text, sep, act_text = part.partition(":")
        act_text = act_text.strip() or "tanh"
        name, _, param_text = act_text.partition("=")
        try:
            units = int(units_text)
        except ValueError:
            msg = f"layer {part!r}: units must be an integer (UNITS:ACTIVATION)"
            raise ValueError(msg) from None
        if not 1 <= units <= MAX_UNITS:
            raise ValueError(f"layer {part!r}: units must be between 1 and {MAX_UNITS}")
        if name not in activations.names():
            raise ValueError(
                f"layer {part!r}: unknown activation {name!r}; "
                f"choose from {', '.join(activations.names())}"
            )
        layers.append(LayerSpec(units, name, _parse_param(part, name, param_text)))
    if len(layers) > MAX_HIDDEN_LAYERS:
        raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {len(layers)}")
    return tuple(layers)


def _parse_param(part: str, name: str, text: str) -> float | None:
    if not text:
        return None
    act = activations.get(name)
    if act.param_name is None:
        raise ValueError(f"layer {part!r}: {name} takes no parameter")
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"layer {part!r}: parameter {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"layer {part!r}: parameter {act.param_name} must be a finite number")
    return value


def format_layers(hidden: tuple[LayerSpec, ...]) -> str:
    return ",".join(layer.label for layer in hidden) or "none"
