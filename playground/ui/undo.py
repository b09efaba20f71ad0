"""UndoHistory: the undo / redo stacks of the session's point edits (no Qt).

A state is whatever the session stores per step (here (PointSet, dataset dict | None)); states
are immutable, so the stacks keep references, not copies.
"""

from __future__ import annotations

from typing import Generic, TypeVar

State = TypeVar("State")
UNDO_LIMIT = 200


class UndoHistory(Generic[State]):
    def __init__(self, limit: int = UNDO_LIMIT):
        self.limit = limit
        self._undo: list[State] = []
        self._redo: list[State] = []

    def record(self, before: State) -> None:
        """An edit is about to replace `before`: it becomes undoable, redo is forgotten."""
        self._undo.append(before)
        del self._undo[: -self.limit]
        self._redo.clear()

    def undo(self, current: State) -> State | None:
        """The state to go back to (current becomes redoable), or None if there is none."""
        return self._swap(self._undo, self._redo, current)

    def redo(self, current: State) -> State | None:
        return self._swap(self._redo, self._undo, current)

    @staticmethod
    def _swap(source: list[State], target: list[State], current: State) -> State | None:
        if not source:
            return None
        target.append(current)
        return source.pop()

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def clear(self) -> None:
        self._undo.clear()
        self._redo.clear()
