"""The session's network and training-configuration edits (mixed into Session)."""

from __future__ import annotations

from dataclasses import replace

from playground.core.errors import Invalid
from playground.core.files.project import Project
from playground.live import commands as c


class NetworkMixin:
    """Mixed into Session (which provides _project, _post, _rebuild, _refuse, _run_id,
    _set_running, _set_modified, select_layer, selected_layer and the signals)."""

    # ------------------------------------------------------------------ network
    def _apply_structure(self, project: Project) -> bool:
        try:
            project.spec()
        except Invalid as exc:
            self._refuse(exc)
            return False
        self._project = replace(project, params=None, run=None)
        self._rebuild(keep=True)
        self._set_modified()
        self.specChanged.emit()
        return True

    def set_hidden(self, hidden) -> None:
        hidden = tuple(hidden)
        if hidden == self._project.hidden:
            return
        if self._apply_structure(replace(self._project, hidden=hidden)):
            self.select_layer(min(self.selected_layer, len(hidden)))

    def set_output(self, head: str | None) -> None:
        if head != self._project.output:
            config = replace(self._project.config, loss=None)
            self._apply_structure(replace(self._project, output=head, config=config))

    def set_features(self, features) -> None:
        try:
            config = replace(self._project.config, features=tuple(features))
        except Invalid as exc:
            self._refuse(exc)
            self.configChanged.emit()
            return
        if config != self._project.config:
            if self._apply_structure(replace(self._project, config=config)):
                self.configChanged.emit()

    # ------------------------------------------------------------------ training config
    def set_config(self, **changes) -> None:
        old = self._project.config
        try:
            config = replace(old, **changes)
            replace(self._project, config=config).spec()  # the loss still fits the head
        except Invalid as exc:
            self._refuse(exc)
            self.configChanged.emit()  # let the controls show the kept value again
            return
        if config == old:
            return
        self._project = replace(self._project, config=config)
        self._post(c.SetConfig(config))
        if (config.seed, config.initializer) != (old.seed, old.initializer):
            self._run_id += 1
            self._post(c.Reinitialize(config.seed, self._run_id))
            self._set_running(False)
        self._set_modified()
        self.configChanged.emit()
