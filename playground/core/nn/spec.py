"""Frozen, self-validating descriptions: LayerSpec, NetworkSpec (a Sequential network) and
TrainConfig (how it trains). Each checks its own limits (core.limits) in __post_init__ and raises
Invalid naming the field; callers never re-check, boundaries only prefix the field path.

Only the first layer knows the input size (Keras style); every other layer's input is the
previous layer's units.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from playground.core import limits, validate
from playground.core.data.features import DEFAULT_FEATURES, check_features
from playground.core.errors import Invalid
from playground.core.nn import activations, initializers, losses, optimizers, regularizers


@dataclass(frozen=True)
class LayerSpec:
    units: int
    activation: str = "tanh"
    param: float | None = None  # leaky α, elu α, step θ; None = the activation's default

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "units", validate.integer(self.units, "units", 1, limits.MAX_UNITS)
        )
        every = [a.name for a in activations.all_activations()]
        act = activations.get(validate.choice(self.activation, every, "activation", "activation"))
        if self.param is not None:
            if act.param_name is None:
                raise Invalid("param", "no_param", activation=self.activation)
            object.__setattr__(
                self,
                "param",
                validate.number(self.param, "param", -limits.MAX_PARAM, limits.MAX_PARAM),
            )

    @property
    def label(self) -> str:
        text = f"{self.units}:{self.activation}"
        return text if self.param is None else f"{text}={self.param:g}"


@dataclass(frozen=True)
class NetworkSpec:
    n_inputs: int
    hidden: tuple[LayerSpec, ...] = field(default_factory=tuple)
    n_outputs: int = 1
    output: str = "sigmoid"

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        validate.integer(self.n_inputs, "n_inputs", 1, limits.MAX_INPUTS)
        validate.integer(self.n_outputs, "n_outputs", 1, limits.MAX_CLASSES)
        if len(self.hidden) > limits.MAX_HIDDEN_LAYERS:
            raise Invalid(
                "hidden", "too_many_layers", high=limits.MAX_HIDDEN_LAYERS, value=len(self.hidden)
            )
        for i, layer in enumerate(self.hidden):
            if not isinstance(layer, LayerSpec):
                raise Invalid(f"hidden[{i}]", "choice", value=repr(layer)[:60], choices="LayerSpec")
            validate.choice(
                layer.activation,
                activations.names(),
                f"hidden[{i}].activation",
                "hidden activation",
            )
        validate.choice(self.output, activations.output_heads(), "output", "output head")
        if self.output == "softmax" and self.n_outputs < 2:
            raise Invalid("output", "softmax_outputs")

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


@dataclass(frozen=True)
class TrainConfig:
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    batch_size: int = 10
    regularization: str = "none"
    reg_rate: float = 0.0
    initializer: str = "glorot"
    seed: int = 0
    loss: str | None = None  # None: follows the output head (heads.resolve)
    features: tuple[str, ...] = DEFAULT_FEATURES
    # Training runs in float32 (3× faster tanh, like PyTorch's default). Analyses that need
    # exactness (collapse max |diff|, finite differences) copy the network to float64.
    dtype: str = "float32"

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        validate.choice(self.optimizer, optimizers.names(), "optimizer")
        validate.choice(self.regularization, regularizers.names(), "regularization")
        validate.choice(self.initializer, initializers.names(), "initializer")
        if self.loss is not None:
            validate.choice(self.loss, losses.names(), "loss")
        set_(
            self,
            "learning_rate",
            validate.number(
                self.learning_rate, "learning_rate", 0.0, limits.MAX_LEARNING_RATE, positive=True
            ),
        )
        set_(
            self, "batch_size", validate.integer(self.batch_size, "batch_size", 1, limits.MAX_BATCH)
        )
        set_(self, "reg_rate", validate.number(self.reg_rate, "reg_rate", 0.0, limits.MAX_REG_RATE))
        set_(self, "seed", validate.integer(self.seed, "seed", 0, limits.MAX_SEED))
        set_(self, "features", check_features(self.features, "features"))
        validate.choice(self.dtype, ("float32", "float64"), "dtype")

    def to_dict(self) -> dict:
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> TrainConfig:
        known = {f.name: d[f.name] for f in fields(cls) if f.name in d}
        if isinstance(known.get("features"), list):
            known["features"] = tuple(known["features"])
        return cls(**known)


def parse_layers(text: str) -> tuple[LayerSpec, ...]:
    """Parse "8:relu,8:leaky_relu=0.1,4:tanh" into LayerSpecs. Raises Invalid naming the part."""
    text = text.strip()
    if not text or text.lower() == "none":
        return ()
    layers = []
    for part in text.split(","):
        part = part.strip()
        units_text, _, act_text = part.partition(":")
        name, _, param_text = (act_text.strip() or "tanh").partition("=")
        try:
            units = int(units_text)
            param = float(param_text) if param_text else None
        except ValueError:
            raise Invalid(
                f"layer {part!r}",
                "number",
                value=repr(param_text if units_text.strip().lstrip("-").isdigit() else units_text),
            ) from None
        try:
            layers.append(LayerSpec(units, name.strip(), param))
        except Invalid as e:  # "layer '4:foo': unknown activation 'foo'; choose from …"
            raise Invalid(_layer_field(part, name.strip(), e), e.code, **e.params) from None
    if len(layers) > limits.MAX_HIDDEN_LAYERS:
        raise Invalid("layers", "too_many_layers", high=limits.MAX_HIDDEN_LAYERS, value=len(layers))
    return tuple(layers)


def _layer_field(part: str, name: str, e: Invalid) -> str:
    """ "layer '4:relu'", with the part of it that is wrong where the message needs it."""
    where = f"layer {part!r}"
    if e.field == "units":
        return f"{where}: units"
    if e.field == "param" and e.code != "no_param":
        return f"{where}: parameter {activations.get(name).param_name}"
    return where
