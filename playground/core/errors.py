"""Messages are data: core reports what went wrong as a code with parameters.

`Invalid` (a ValueError) names the field and carries a message code; `StopReason` says why
training paused itself; `Failure` reports a command that could not be applied. Their English
text comes from MESSAGES (for the command line); the UI translates the same templates by code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

# English templates, keyed by code; {name} fields are filled from the parameters.
MESSAGES: dict[str, str] = {
    # values
    "range": "must be {low}..{high}, got {value}",
    "positive": "must be a positive number up to {high}, got {value}",
    "integer": "must be a whole number, got {value}",
    "number": "must be a finite number, got {value}",
    "choice": "unknown {what} {value}; choose from {choices}",
    "no_param": "{activation} takes no parameter",
    "too_many_layers": "at most {high} hidden layers, got {value}",
    "no_features": "keep at least one input feature",
    "repeated_features": "features must not repeat",
    "softmax_outputs": "a softmax head needs at least 2 outputs",
    "head_loss": "loss {loss!r} needs an output head of {heads}, not {head!r}",
    "head_task": "output head {head!r} does not fit {outputs} output(s)",
    "inputs_mismatch": "the network takes {expected} inputs but the data give {value}",
    "outputs_mismatch": "the network has {expected} outputs, the task needs {value}",
    "classes_fixed": "data set {dataset!r} has a fixed number of classes ({value})",
    "binary_classes": "binary data has 2 classes, got {value}",
    "labels_range": "class labels must be 0 to {high}, got {value}",
    "shape": "expected shape {expected}, got {value}",
    "plane_only": "points can only be drawn on 1-D and 2-D data, not {dim}-D",
    # insight views that do not apply
    "no_hidden_layer": "This network has no hidden layer: it is one linear map followed by its "
    "output head.",
    "inspector_no_point": "Hover over the plane, or Shift+click it to pin a point: this view "
    "shows that input's numbers layer by layer.",
    "inspector_plane_only": "The forward pass follows a point of the plane, and this {dim}-D "
    "data has none to point at. On the command line, inspect PROJECT --at takes all {dim} "
    "coordinates.",
    # training stops
    "max_epochs": "Stopped after {epochs} epochs.",
    "target_loss": "Stopped: the training loss reached {loss:g}.",
    "diverged": "Training diverged at step {step}: {cause}. The learning rate ({learning_rate:g}) "
    "is probably too high — lower it and press Reset. The last sane weights were kept.",
    "no_training_points": "Paused: there are no training points. Add points, or put fewer in the "
    "test set.",
    # causes of divergence
    "weights_nonfinite": "the weights became infinite or NaN",
    "loss_nonfinite": "the loss became infinite or NaN",
    "loss_exploded": "the loss grew to {ratio:.3g} times its starting value",
    "weights_huge": "a weight grew beyond {limit:g}",
    # runtime failures
    "internal_error": "Training stopped by an internal error: {detail}",
    "process_died": "The training process ended unexpectedly; it was restarted with the current "
    "project and weights.",
}
CAUSE_KEY = "cause"  # a parameter holding another message code (translated on its own)
# the words a "choice" message puts in {what} (translated with the templates)
NOUNS = ("name", "activation", "hidden activation", "output head", "feature", "features")


def english(code: str, params: dict) -> str:
    """The English text of a message code with its parameters."""
    values = dict(params)
    if isinstance(values.get(CAUSE_KEY), str) and values[CAUSE_KEY] in MESSAGES:
        values[CAUSE_KEY] = english(values[CAUSE_KEY], values.get("cause_params", {}))
    return MESSAGES[code].format(**values)


class Invalid(ValueError):
    """A value the model of the world does not allow. field: the dotted path of the field."""

    def __init__(self, field: str, code: str, **params):
        self.field, self.code, self.params = field, code, params
        super().__init__(self.text())

    def text(self) -> str:
        body = english(self.code, self.params)
        return f"{self.field}: {body}" if self.field else body

    def prefixed(self, prefix: str) -> Invalid:
        """The same error under a parent field: ("training", "seed") → "training.seed"."""
        if not prefix:
            return self
        if not self.field:
            joined = prefix
        elif self.field.startswith("["):
            joined = prefix + self.field
        else:
            joined = f"{prefix}.{self.field}"
        return Invalid(joined, self.code, **self.params)

    @property
    def failure(self) -> Failure:
        return Failure(self.code, self.field, dict(self.params))


@dataclass(frozen=True)
class StopReason:
    """Why training paused itself: code (a MESSAGES key) and its parameters."""

    code: str
    params: dict = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return english(self.code, self.params)


@dataclass(frozen=True)
class Failure:
    """A request that failed: code (a MESSAGES key), the field or command, the parameters."""

    code: str
    field: str = ""
    params: dict = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        body = english(self.code, self.params)
        return f"{self.field}: {body}" if self.field else body
