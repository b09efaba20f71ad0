"""The session's view state: show test points, discretize, stop rules, speed, selected layer and
current class. They live in Project.view (saved with the project); each setter replaces it,
tells the training loop where it cares, and emits the session's change signal."""

from __future__ import annotations

import math
from dataclasses import replace

from playground.core import limits
from playground.core.errors import Invalid
from playground.core.files.view import ViewState
from playground.live import commands as c

MIN_PLANE_SPAN = 1e-3  # the smallest plane width or height the maps are computed over


class ViewMixin:
    """Mixed into Session (which provides _project, _post, _refuse and the signals)."""

    @property
    def view(self) -> ViewState:
        return self._project.view

    @property
    def show_test(self) -> bool:
        return self._project.view.show_test

    @property
    def discretize(self) -> bool:
        return self._project.view.discretize

    @property
    def stop_rules(self) -> tuple[int | None, float | None]:
        return self._project.view.stop_rules

    @property
    def speed(self) -> float:
        """Epochs per second (0: as fast as possible)."""
        return self._project.view.speed

    @property
    def selected_layer(self) -> int:
        return self._project.view.selected_layer

    @property
    def current_class(self) -> int:
        return self._project.view.current_class

    def _set_view(self, **changes) -> bool:
        """Replace fields of the view state; False (and a warning) if a value is refused."""
        try:
            view = replace(self._project.view, **changes)
        except Invalid as exc:
            self._refuse(exc)
            return False
        if view == self._project.view:
            return False
        self._project = replace(self._project, view=view)
        return True

    def set_show_test(self, on: bool) -> None:
        if self._set_view(show_test=bool(on)):
            self.viewChanged.emit()

    def set_discretize(self, on: bool) -> None:
        if self._set_view(discretize=bool(on)):
            self.viewChanged.emit()

    def set_stop_rules(self, max_epochs: int | None, target_loss: float | None) -> None:
        if self._set_view(max_epochs=max_epochs, target_loss=target_loss):
            self._post(c.SetStopRules(max_epochs, target_loss))
            self.stopRulesChanged.emit()

    def set_speed(self, epochs_per_second: float) -> None:
        if self._set_view(speed=max(0.0, float(epochs_per_second))):
            self._post(c.SetSpeed(self.speed))
            self.speedChanged.emit(self.speed)

    def select_layer(self, i: int) -> None:
        """Select hidden layer i (len(hidden) = the output layer); clamped to the network."""
        i = max(0, min(int(i), len(self._project.hidden)))
        if self._set_view(selected_layer=i):
            self.selectedLayerChanged.emit(i)

    def drawable_classes(self) -> int:
        """How many choices a click has: the classes and one new class (at most 6), the two
        regression values on the plane, or none for 1-D data and data with d > 2."""
        data = self._project.data
        if data.dim != 2:
            return 0
        if data.task == "regression":
            return 2
        return min(data.n_classes + 1, limits.MAX_CLASSES)

    def set_current_class(self, k: int) -> None:
        k = max(0, min(int(k), max(self.drawable_classes(), 1) - 1))
        if self._set_view(current_class=k):
            self.currentClassChanged.emit(k)

    # ------------------------------------------------------------------ insight views
    def insight_request(self) -> c.InsightRequest:
        v = self._project.view
        point = v.pinned or self._hover
        # the plane overlay needs the collapse payload; the diagram's pinned values the inspector's
        views = (
            self._visible_views
            | ({"collapse"} if v.single_map else set())
            | ({"regions"} if v.regions else set())
            | ({"inspector"} if v.pinned else set())
            | ({"lesson"} if self._lesson_check is not None else set())
        )
        return c.InsightRequest(
            frozenset(views),
            v.hidden_layer,
            tuple(v.hidden_units) or None,
            v.hidden_pca,
            v.hidden_stage,
            tuple(point) or None,
            v.equations_m or None,
            self._plane or None,
            self._lesson_check,
        )

    def _subscribe(self) -> None:
        self._post(c.Subscribe(self.insight_request()))
        self.insightsChanged.emit()

    @property
    def visible_views(self) -> frozenset[str]:
        return self._visible_views

    def set_open_views(self, names) -> None:
        """The insight views that are open (saved with the project)."""
        self._set_view(views=tuple(dict.fromkeys(names)))

    def set_visible_views(self, names) -> None:
        """The insight views on screen: the training loop computes only their payloads."""
        names = frozenset(names)
        if names != self._visible_views:
            self._visible_views = names
            self._post(c.Subscribe(self.insight_request()))

    @property
    def lesson_check(self):
        return self._lesson_check

    def set_lesson_check(self, spec) -> None:
        """The lessons panel's check (a core.lessons.checks.CheckSpec, or None): the training
        process judges it on its trainer and sends the result as the "lesson" payload."""
        if spec != self._lesson_check:
            self._lesson_check = spec
            self._post(c.Subscribe(self.insight_request()))

    def set_hidden_view(self, **changes) -> None:
        """hidden_layer, hidden_units (two units or ()), hidden_pca, hidden_stage."""
        if self._set_view(**changes):
            self._subscribe()

    def hover(self, point: tuple[float, float] | None) -> None:
        """The point under the pointer (the inspector shows it unless one is pinned)."""
        point = () if point is None else (float(point[0]), float(point[1]))
        if point != self._hover:
            self._hover = point
            if not self._project.view.pinned and "inspector" in self._visible_views:
                self._post(c.Subscribe(self.insight_request()))

    @property
    def plane(self) -> tuple:
        """(x0, x1, y0, y1) the maps are computed over; () until the canvas says."""
        return self._plane

    def set_plane_extent(self, extent) -> None:
        """The plane rectangle (x0, x1, y0, y1) the canvas shows: maps are computed over it.
        Kept within ±MAX_COORDINATE and at least MIN_PLANE_SPAN wide (a zoom can't go past)."""
        x0, x1, y0, y1 = (float(v) for v in extent)
        if not all(math.isfinite(v) for v in (x0, x1, y0, y1)):
            return
        limit = limits.MAX_COORDINATE
        x0, x1, y0, y1 = (min(max(v, -limit), limit) for v in (x0, x1, y0, y1))
        if x1 - x0 < MIN_PLANE_SPAN or y1 - y0 < MIN_PLANE_SPAN:
            return
        if (x0, x1, y0, y1) != self._plane:
            self._plane = (x0, x1, y0, y1)
            self._post(c.Subscribe(self.insight_request()))

    def pin(self, point: tuple[float, float] | None) -> None:
        """Pin the inspector at a point of the plane (None: follow the pointer again)."""
        if self._set_view(pinned=() if point is None else (float(point[0]), float(point[1]))):
            self._subscribe()

    def set_equations_batch(self, m: int) -> None:
        """The layer equations' batch: the first m training points (0: the batch size)."""
        if self._set_view(equations_m=max(0, int(m))):
            self._subscribe()

    def toggle_pin(self, x: float, y: float) -> None:
        """Shift+click on the plane: pin the inspector there, or unpin it if it is pinned."""
        self.pin(None if self._project.view.pinned else (x, y))

    def set_regions(self, on: bool) -> None:
        """Draw (or hide) the exact linear regions on the plane."""
        if self._set_view(regions=bool(on)):
            self._post(c.Subscribe(self.insight_request()))
            self.viewChanged.emit()

    def set_single_map(self, on: bool) -> None:
        """Draw (or hide) the boundary of the collapsed single map on the plane."""
        if self._set_view(single_map=bool(on)):
            self._post(c.Subscribe(self.insight_request()))
            self.viewChanged.emit()
