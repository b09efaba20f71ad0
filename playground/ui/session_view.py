"""The session's view state: show test points, discretize, stop rules, speed, selected layer and
current class. They live in Project.view (saved with the project); each setter replaces it,
tells the training loop where it cares, and emits the session's change signal."""

from __future__ import annotations

from dataclasses import replace

from playground.core import limits
from playground.core.errors import Invalid
from playground.core.files.view import ViewState
from playground.live import commands as c


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
    def speed(self) -> int:
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

    def set_speed(self, steps_per_frame: int) -> None:
        if self._set_view(speed=max(0, int(steps_per_frame))):
            self._post(c.SetSpeed(self.speed))
            self.speedChanged.emit(self.speed)

    def select_layer(self, i: int) -> None:
        """Select hidden layer i (len(hidden) = the output layer); clamped to the network."""
        i = max(0, min(int(i), len(self._project.hidden)))
        if self._set_view(selected_layer=i):
            self.selectedLayerChanged.emit(i)

    def set_current_class(self, k: int) -> None:
        k = max(0, min(int(k), limits.MAX_CLASSES - 1))
        if self._set_view(current_class=k):
            self.currentClassChanged.emit(k)
