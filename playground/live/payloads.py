"""What the training process sends for each insight view: a frozen result of core.analysis, or
NotApplicable(code, params) when the view does not apply to this network (the UI says why in one
line). Built by live.insights in the training process; the window only reads them, so it needs
these types and not the analysis that fills them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playground.core.analysis import collapse, flow, forward
    from playground.core.lessons import checks
    from playground.core.nn.history import HistoryData


@dataclass(frozen=True)
class NotApplicable:
    code: str  # a core.errors.MESSAGES key
    params: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class CollapsePayload:
    report: collapse.CollapseReport
    single_map: object  # (res, res) the single map on the plane (collapse.single_map_on_grid)
    extent: tuple[float, float, float, float]


@dataclass(frozen=True, eq=False)
class GradientsPayload:
    norms: HistoryData  # recorded ‖dL/dW_l‖ per layer (metrics W1…WL), ≤ NORM_BUCKETS buckets
    recent: tuple[float, ...]  # per layer: flow.recent_norms of the whole recorded history
    flow: flow.GradientFlow  # histograms and full-batch norms on the training points now
    every: int  # steps between records


@dataclass(frozen=True, eq=False)
class InspectorPayload:
    point: tuple[float, float]  # the plane point asked for (InsightRequest.point)
    forward: forward.ForwardPass  # the network input there: (x,) for 1-D data, (x₁, x₂) for 2-D


@dataclass(frozen=True, eq=False)
class LessonPayload:
    spec: checks.CheckSpec  # the check judged (InsightRequest.lesson)
    result: checks.CheckResult


@dataclass(frozen=True, eq=False)
class RegionsPayload:
    regions: object  # core.analysis.regions.Regions over `extent` (too_many: arrays empty)
    seconds: float  # the computation's wall time
    limit: int  # the polygon cap it ran with
