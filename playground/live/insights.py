"""Insight payloads: what each insight view draws, computed in the training process only for
the views that are visible (Subscribe), each at its own rate. Composition only: the maths is in
core.analysis.

Each builder returns one of live.payloads' types. "lesson" is not a view: it judges the
lessons panel's check (InsightRequest.lesson) on this trainer, with the code the headless
`lesson` command uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.core.analysis import collapse, equations, flow, forward, grid, hidden, regions
from playground.core.lessons import checks
from playground.core.nn import activations
from playground.core.nn.trainer import GRAD_EVERY, Trainer
from playground.live.commands import InsightRequest
from playground.live.payloads import (
    CollapsePayload,
    GradientsPayload,
    InspectorPayload,
    LessonPayload,
    NotApplicable,
    RegionsPayload,
)


@dataclass(frozen=True)
class Payload:
    build: Callable[[Trainer, InsightRequest], object]
    every_s: float  # while running, at most this often (0: every snapshot)
    share: float | None = None  # of the loop's time it may take (None: TrainingLoop.part_share)
    view: bool = True  # an insight view of the window (False: a payload another part reads)


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
    return hidden.hidden_space(
        trainer.network,
        _train_raw(trainer),
        trainer.config.features,
        _plane(trainer, request),
        layer,
        units,
        request.hidden_pca,
        request.hidden_stage,
    )


OVERLAY_RES = 120


def _plane(trainer: Trainer, request: InsightRequest) -> tuple[float, float, float, float]:
    """The plane the window shows (2-D data), else the data's default plane."""
    if request.extent is not None and trainer.data.dim == 2:
        return tuple(request.extent)
    return grid.plane_extent(trainer.data)


def _collapse(trainer: Trainer, request: InsightRequest):
    train = ~trainer.data.is_test
    report = collapse.collapse_report(trainer.network, trainer.inputs[train])
    extent = _plane(trainer, request)
    single = collapse.single_map_on_grid(
        report, trainer.config.features, extent, OVERLAY_RES, trainer.data.dim
    )
    return CollapsePayload(report, single, extent)


# Above SMALL samples the equations show shapes only, which the weights do not change: while
# training, the last payload for the same network, loss, configuration and m is reused instead
# of a pass over m points (up to the whole training set).
_shapes_only: dict[str, tuple] = {}


def _equations(trainer: Trainer, request: InsightRequest):
    n_train, cfg = trainer.n_train, trainer.config
    if not n_train:
        return NotApplicable("equations_no_points")
    m = min(request.batch or cfg.batch_size, n_train)
    key = (trainer.spec, trainer.loss_name, cfg, n_train, m)
    last = _shapes_only.get("equations")
    if m > equations.SMALL and last is not None and last[0] == key:
        return last[1]
    first = np.flatnonzero(~trainer.data.is_test)[:m]  # the first m training points
    payload = equations.layer_equations(
        trainer.network,
        trainer.loss_name,
        trainer.inputs[first],
        trainer.targets[first],
        cfg.batch_size,
        n_train,
        cfg.regularization,
        cfg.reg_rate,
    )
    _shapes_only["equations"] = (key, payload)
    return payload


NORM_BUCKETS = 400


def _gradients(trainer: Trainer, request: InsightRequest):
    if not trainer.n_train:
        return NotApplicable("gradients_no_points")
    train = ~trainer.data.is_test
    history = trainer.grad_history.data()
    return GradientsPayload(
        history.compact(NORM_BUCKETS),
        tuple(flow.recent_norms(history).tolist()),
        flow.gradient_flow(
            trainer.network, trainer.inputs[train], trainer.targets[train], trainer.loss_name
        ),
        GRAD_EVERY,
    )


def _inspector(trainer: Trainer, request: InsightRequest):
    if request.point is None:
        return NotApplicable("inspector_no_point")
    dim = trainer.data.dim
    if dim > 2:
        return NotApplicable("inspector_plane_only", {"dim": dim})
    point = tuple(float(v) for v in request.point)
    return InspectorPayload(
        point,
        forward.forward_pass(
            trainer.network, point[:dim], trainer.config.features, trainer.data.task
        ),
    )


def _lesson(trainer: Trainer, request: InsightRequest):
    if request.lesson is None:
        return None
    try:
        plane = _plane(trainer, request)  # the plane shown: the regions overlay counts it too
        return LessonPayload(request.lesson, checks.evaluate(trainer, request.lesson, plane))
    except Exception as e:  # a check must never stop training: it says why it did not apply
        failed = checks.CheckResult(False, {"applies": False, "reason": str(e)[:200]})
        return LessonPayload(request.lesson, failed)


LIVE_MAX_POLYGONS = 20_000  # more regions than this are not drawn live (regions_too_many)


def _regions(trainer: Trainer, request: InsightRequest):
    net, features, dim = trainer.network, trainer.config.features, trainer.data.dim
    reason = regions.inapplicable(net, features, dim)
    if reason is not None:
        return NotApplicable(f"regions_{reason.code}", _reason_params(reason))
    start = time.perf_counter()
    result = regions.linear_regions(
        net, _plane(trainer, request), features, dim, LIVE_MAX_POLYGONS, trainer.data.task
    )
    return RegionsPayload(result, time.perf_counter() - start, LIVE_MAX_POLYGONS)


def _reason_params(reason) -> dict:
    p = dict(reason.params)
    if reason.code == "smooth_activation":
        p["activation"] = activations.get(p["activation"]).label
    if reason.code == "features":
        p["extra"] = ", ".join(f for f in p["features"] if f not in regions.PLANE_FEATURES)
    return p


PAYLOADS: dict[str, Payload] = {
    # every_s: the first frame (~1/32 s apart) after every_s refreshes it: 0.09 → ≥ 10 Hz
    "hidden": Payload(_hidden, 0.09),  # ≥ 10 Hz: the points move smoothly enough to follow
    "collapse": Payload(_collapse, 0.09),
    "equations": Payload(_equations, 0.2),
    "gradients": Payload(_gradients, 0.15),
    "inspector": Payload(_inspector, 0.09),  # numbers at ~10 Hz can be read; a new point at once
    # the plane's overlay: ≥ 10 Hz when cheap; 6×8 ReLU (~13 ms) ~2 Hz
    "regions": Payload(_regions, 0.1, share=0.025),
    "lesson": Payload(_lesson, 0.25, view=False),
}
VIEWS = tuple(name for name, payload in PAYLOADS.items() if payload.view)


def every(name: str) -> float:
    return PAYLOADS[name].every_s if name in PAYLOADS else 0.0


def share(name: str) -> float | None:
    return PAYLOADS[name].share if name in PAYLOADS else None


def build(trainer: Trainer, request: InsightRequest, names) -> dict:
    """{view: payload} for the named views this module knows."""
    return {name: PAYLOADS[name].build(trainer, request) for name in names if name in PAYLOADS}
