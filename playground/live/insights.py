"""Insight payloads: what each insight view draws, computed in the training process only for
the views that are visible (Subscribe), each at its own rate. Composition only: the maths is in
core.analysis.

A payload is a frozen result of core.analysis, or NotApplicable(code, params) when the view does
not apply to this network (the UI says why in one line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from playground.core.analysis import collapse, forward, grid, hidden
from playground.core.nn.trainer import Trainer
from playground.live.commands import InsightRequest


@dataclass(frozen=True)
class NotApplicable:
    code: str  # a core.errors.MESSAGES key
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Payload:
    build: Callable[[Trainer, InsightRequest], object]
    every_s: float  # while running, at most this often (0: every snapshot)


def _train_raw(trainer: Trainer):
    return trainer.data.X[~trainer.data.is_test]


def _hidden(trainer: Trainer, request: InsightRequest):
    spec = trainer.spec
    if not spec.hidden:
        return NotApplicable("no_hidden_layer")
    layer = min(request.hidden_layer, len(spec.hidden) - 1)
    units = request.hidden_units
    width = spec.hidden[layer].units
    if units is not None and not all(0 <= u < width for u in units):
        units = None
    return hidden.hidden_space(trainer.network, _train_raw(trainer), trainer.config.features,
                               grid.plane_extent(trainer.data), layer, units,
                               request.hidden_pca, request.hidden_stage)


@dataclass(frozen=True, eq=False)
class CollapsePayload:
    report: collapse.CollapseReport
    single_map: object  # (res, res) the single map on the plane (collapse.single_map_on_grid)
    extent: tuple[float, float, float, float]


OVERLAY_RES = 120


def _collapse(trainer: Trainer, request: InsightRequest):
    train = ~trainer.data.is_test
    report = collapse.collapse_report(trainer.network, trainer.inputs[train])
    extent = grid.plane_extent(trainer.data)
    single = collapse.single_map_on_grid(report, trainer.config.features, extent, OVERLAY_RES,
                                         trainer.data.dim)
    return CollapsePayload(report, single, extent)


@dataclass(frozen=True, eq=False)
class InspectorPayload:
    point: tuple[float, float]  # the plane point asked for (InsightRequest.point)
    forward: forward.ForwardPass  # the network input there: (x,) for 1-D data, (x₁, x₂) for 2-D


def _inspector(trainer: Trainer, request: InsightRequest):
    if request.point is None:
        return NotApplicable("inspector_no_point")
    dim = trainer.data.dim
    if dim > 2:
        return NotApplicable("inspector_plane_only", {"dim": dim})
    point = tuple(float(v) for v in request.point)
    return InspectorPayload(point, forward.forward_pass(
        trainer.network, point[:dim], trainer.config.features, trainer.data.task))


PAYLOADS: dict[str, Payload] = {
    "hidden": Payload(_hidden, 0.05),
    "collapse": Payload(_collapse, 0.1),
    "inspector": Payload(_inspector, 0.0),  # one input: cheap
}


def every(name: str) -> float:
    return PAYLOADS[name].every_s if name in PAYLOADS else 0.0


def build(trainer: Trainer, request: InsightRequest, names) -> dict:
    """{view: payload} for the named views this module knows."""
    return {name: PAYLOADS[name].build(trainer, request) for name in names if name in PAYLOADS}
