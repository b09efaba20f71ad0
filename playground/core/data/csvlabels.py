"""A CSV label column → the task, class ids and class names. Nothing is guessed silently:

- task "regression": every label is a number, the target.
- task None (detect): the labels are all numbers or all names (a mix is refused):
  - names → classes sorted by name (ignoring case first), each called by its text;
  - whole numbers ("2" or "2.0") with 2..MAX_CLASSES values → classes in ascending order, each
    called by its integer; exactly 1..K → unnamed classes (the window numbers them 1..K);
  - whole numbers with more values → refused: classes or regression must be chosen;
  - any number with a fraction → regression; a single value → refused.
- task "classes": whole numbers → classes as above; otherwise every label is a name.
2 classes make a binary task, 3..MAX_CLASSES a multiclass one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.core.data.csvread import MAX_NAME, CsvError, cell_number, parse_number
from playground.core.limits import MAX_CLASSES

TASKS = ("classes", "regression")  # what a caller may choose; None detects


@dataclass(frozen=True)
class Labels:
    y: np.ndarray  # (n,) int64 class ids 0..K−1, or float64 targets
    task: str  # a PointSet task: binary, multiclass or regression
    n_classes: int  # 1 for regression
    class_names: tuple[str, ...]  # () = numbered 1..K


def interpret(
    texts: list[str], rows: Sequence[int], column: str, task: str | None, decimal_comma: bool
) -> Labels:
    """texts: the stripped, non-empty label cells; rows: their row numbers."""
    if task == "regression":
        return _targets(texts, rows, column, decimal_comma)
    is_number = [parse_number(t, decimal_comma) is not None for t in texts]
    if task is None:
        _same_kind(texts, rows, column, is_number)
    if all(is_number):
        numbers = [cell_number(t, r, column, decimal_comma) for t, r in zip(texts, rows)]
        if all(v.is_integer() for v in numbers):
            return _integer_classes(numbers, texts, rows, column, task)
        if task is None:
            return Labels(np.array(numbers, np.float64), "regression", 1, ())
    return _named_classes(texts, rows, column)


def _targets(texts, rows, column: str, decimal_comma: bool) -> Labels:
    y = np.fromiter(
        (cell_number(t, r, column, decimal_comma) for t, r in zip(texts, rows)),
        np.float64,
        len(texts),
    )
    return Labels(y, "regression", 1, ())


def _same_kind(texts, rows, column: str, is_number: list[bool]) -> None:
    for i, kind in enumerate(is_number):
        if kind != is_number[0]:
            raise CsvError(
                "csv_mixed_labels",
                rows[i],
                column,
                value=texts[i],
                first=texts[0],
                first_row=rows[0],
            )


def _integer_classes(numbers: list[float], texts, rows, column: str, task: str | None) -> Labels:
    distinct = sorted(set(numbers))
    if len(distinct) > MAX_CLASSES:
        if task is None:
            raise CsvError("csv_choose_task", 0, column, value=len(distinct), high=MAX_CLASSES)
        _too_many_classes(numbers, texts, rows, column)
    ids = np.searchsorted(np.array(distinct), np.array(numbers))
    return _classes(ids, tuple(str(int(v)) for v in distinct), column)


def _named_classes(texts: list[str], rows, column: str) -> Labels:
    found: dict[str, int] = {}
    for text, row in zip(texts, rows):
        if text not in found:
            if len(text) > MAX_NAME:
                raise CsvError("csv_long_name", row, column, high=MAX_NAME)
            if len(found) == MAX_CLASSES:
                _too_many_classes(texts, texts, rows, column)
            found[text] = len(found)
    names = tuple(sorted(found, key=lambda s: (s.casefold(), s)))
    index = {name: k for k, name in enumerate(names)}
    ids = np.fromiter((index[t] for t in texts), np.int64, len(texts))
    return _classes(ids, names, column)


def _too_many_classes(keys: list, texts: list[str], rows, column: str) -> None:
    """Raise at the row whose label is the (MAX_CLASSES + 1)-th different key."""
    seen: set = set()
    for key, text, row in zip(keys, texts, rows):
        seen.add(key)
        if len(seen) > MAX_CLASSES:
            raise CsvError("csv_too_many_classes", row, column, value=text, high=MAX_CLASSES)


def _classes(ids: np.ndarray, names: tuple[str, ...], column: str) -> Labels:
    if len(names) < 2:
        raise CsvError("csv_one_class", 0, column, value=names[0], high=MAX_CLASSES)
    numbered = tuple(str(k + 1) for k in range(len(names)))
    task = "binary" if len(names) == 2 else "multiclass"
    return Labels(ids.astype(np.int64), task, len(names), () if names == numbered else names)
