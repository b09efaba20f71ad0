"""The session's points: undoable edits (add, remove, move, clear, a generated data set). Each
edit is a pure function of core.data.edits; the undo history records the points it replaced."""

from __future__ import annotations

from dataclasses import replace

from playground.core.data import edits
from playground.core.data.datasets import DatasetSpec
from playground.core.data.pointset import PointSet
from playground.core.errors import Invalid
from playground.core.files import project as projects
from playground.live import commands as c


class DataMixin:
    """Mixed into Session (which provides _project, _history, _post, _rebuild, _refuse,
    _set_modified and the signals)."""

    def _edit_points(self, edit, *args) -> None:
        try:
            data = edit(self._project.data, *args)
        except Invalid as exc:
            self._refuse(exc)
            return
        self._set_data(data, None)

    def _set_data(self, data: PointSet, dataset: DatasetSpec | None) -> None:
        p = self._project
        self._history.record((p.data, p.dataset))
        self._replace_data(data, dataset)

    def _replace_data(self, data: PointSet, dataset: DatasetSpec | None) -> None:
        old = self._project.data
        self._project = projects.with_fitting_overrides(
            replace(self._project, data=data, dataset=dataset, params=None, run=None)
        )
        if (old.task, old.n_outputs, old.dim) == (data.task, data.n_outputs, data.dim):
            self._post(c.SetData(data))
        else:
            self._rebuild(keep=True)
            self.specChanged.emit()
        if self.current_class >= max(data.n_classes, 2):
            self.set_current_class(0)
        self._set_modified()
        self.dataChanged.emit()
        self.undoStateChanged.emit()

    def add_point(self, x: float, y: float, cls: int | None = None) -> None:
        self._edit_points(edits.add_point, x, y, self.current_class if cls is None else cls)

    def remove_point(self, index: int) -> None:
        self._edit_points(edits.remove_point, index)

    def move_point(self, index: int, x: float, y: float) -> None:
        self._edit_points(edits.move_point, index, x, y)  # the canvas sends one per drag

    def clear_points(self) -> None:
        if self._project.data.n:
            self._edit_points(edits.clear)

    def set_dataset(
        self,
        name: str,
        n: int = 500,
        noise: float = 0.0,
        classes: int = 2,
        test_fraction: float = 0.5,
        seed: int = 0,
    ) -> None:
        try:
            spec = DatasetSpec(name, n, noise, seed, classes, test_fraction)
        except Invalid as exc:
            self._refuse(exc)
            return
        before = self._project.dataset
        self._plane = ()  # until the canvas has fitted the new points
        self._set_data(spec.generate(), spec)
        self._post(c.Subscribe(self.insight_request()))
        self.dataReplaced.emit()
        if self._path is None and (before is None or before.name != name):
            # another data set: an experiment's name and text no longer describe it
            self._project = replace(self._project, name="", description="", title="")
            self.pathChanged.emit()

    def import_points(self, data: PointSet) -> None:
        """Make imported points (a CSV file's) the data, undoably; the network's inputs and
        outputs follow them. An experiment's name and text no longer describe them."""
        self._set_data(data, None)
        if self._path is None:
            self._project = replace(self._project, name="", description="", title="")
            self.pathChanged.emit()

    def can_undo(self) -> bool:
        return self._history.can_undo()

    def can_redo(self) -> bool:
        return self._history.can_redo()

    def undo(self) -> None:
        state = self._history.undo((self._project.data, self._project.dataset))
        if state is not None:
            self._replace_data(*state)

    def redo(self) -> None:
        state = self._history.redo((self._project.data, self._project.dataset))
        if state is not None:
            self._replace_data(*state)
