"""The one task → output head → loss policy.

binary: sigmoid + binary cross-entropy; K classes: softmax + cross-entropy; regression: linear +
mean squared error. A chosen head or loss overrides the default when the pair is valid.
"""

from __future__ import annotations

from playground.core import validate
from playground.core.data.features import DEFAULT_FEATURES, usable_features
from playground.core.errors import Invalid
from playground.core.nn import activations, losses
from playground.core.nn.spec import LayerSpec, NetworkSpec

DEFAULT_HEAD = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}


def default_loss(head: str, task: str) -> str:
    """The loss that pairs with a head: softmax → ce, sigmoid on classes → bce, else mse."""
    if head == "softmax":
        return "ce"
    if head == "sigmoid" and task != "regression":
        return "bce"
    return "mse"


def resolve(
    task: str, n_outputs: int, head: str | None = None, loss: str | None = None
) -> tuple[str, str]:
    """(head, loss) for a task with n_outputs outputs; Invalid names "output" or "loss"."""
    head = validate.choice(head or DEFAULT_HEAD[task], activations.output_heads(), "output")
    if head == "softmax" and n_outputs < 2:
        raise Invalid("output", "softmax_outputs")
    loss = validate.choice(loss, losses.names(), "loss") if loss else default_loss(head, task)
    pairs = losses.get(loss).heads
    if head not in pairs:
        raise Invalid("loss", "head_loss", loss=loss, heads=", ".join(pairs), head=head)
    return head, loss


def valid_heads(n_outputs: int) -> list[str]:
    """Output heads that build a valid network for n_outputs outputs."""
    return [h for h in activations.output_heads() if h != "softmax" or n_outputs >= 2]


def network_spec(
    data,
    hidden: tuple[LayerSpec, ...],
    features=DEFAULT_FEATURES,
    output: str | None = None,
    loss: str | None = None,
) -> NetworkSpec:
    """The NetworkSpec for a PointSet: inputs from the usable features, head from the task."""
    head, _ = resolve(data.task, data.n_outputs, output, loss)
    n_inputs = len(usable_features(tuple(features), data.dim))
    return NetworkSpec(n_inputs, tuple(hidden), data.n_outputs, head)
