"""Points as CSV and back.

Reading (read_points for a file, parse_points for text) accepts:
- UTF-8 with or without a BOM; cells separated by ',', ';' or tab (sniffed); with ';' or tab a
  decimal comma is a number ("1,5" = 1.5; no thousands separators), with ',' it cannot be.
- An optional header row (csvread's rule: a cell `label`, no number at all, or a word above a
  number); rows and columns in errors count as a spreadsheet does (the header is row 1).
- Numeric feature columns (1..MAX_INPUTS; the plane shows the first two), one label column
  (`label_column` by header name or 1-based number; else the first named label, class, y or
  target; else the last column) and an optional train/test column (`test_column`; else one named
  test, split or is_test) holding 0/1, false/true or train/test. Without it, test_fraction of
  the points are chosen for testing by seed.
- Labels: see csvlabels (names sorted, whole numbers ascending, fractions → regression; `task`
  "classes" or "regression" decides what detection refuses to guess).
- At most MAX_POINTS data rows: reading stops at the first row past the limit.
Every refusal is a CsvError (a ValueError) naming the row and column: "row 17, column x2: 'abc'
is not a number".

Writing (to_csv): comma-separated UTF-8 without BOM, a header of the feature names (or x1..xd),
`label` and optionally `test`; one row per point: coordinates and regression targets as repr
(exact), classes as the window calls them (PointSet.class_label), test 1 or 0. Cells holding
',', '"' or a line break are quoted; if names put ';' or tab in every row, the header is quoted
too so that ',' is the only separator that fits. Reading it back gives the same PointSet when
that set is one a CSV can hold: every class has a point, binary ⇔ 2 classes, class names as the
reader orders and names them (sorted names; or whole numbers ascending), regression targets not
all whole numbers (else pass task="regression"), names without surrounding spaces, feature
names unique and none a label or test column name (names equal to the defaults x1..xd, 1..K
read back as ()).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.core import limits, validate
from playground.core.data.csvlabels import TASKS, interpret
from playground.core.data.csvread import (
    LABEL_NAMES,
    TEST_NAMES,
    CsvError,
    Table,
    decode,
    find_column,
    named_column,
    open_table,
    row_numbers,
    sniff,
    split_value,
)
from playground.core.data.pointset import PointSet, split_mask
from playground.core.files.atomic import atomic_write, read_limited

__all__ = ["TASKS", "CsvError", "parse_points", "read_points", "to_csv"]
_SPECIAL = re.compile(r'[,"\r\n]')  # a cell holding one of these is quoted


def read_points(
    path: str | Path,
    label_column: str | int | None = None,
    task: str | None = None,
    test_column: str | int | None = None,
    *,
    header: bool | None = None,
    test_fraction: float = 0.0,
    seed: int = 0,
    name: str | None = None,
) -> PointSet:
    """The points of a CSV file (module docstring); name defaults to the file's stem.
    Raises CsvError, also for a missing, unreadable or oversized file or one that is not a
    regular file (a folder, a pipe, a device)."""
    data = read_limited(path, _file_error, "CSV file", limits.MAX_FILE_BYTES)
    return parse_points(
        decode(data),
        label_column,
        task,
        test_column,
        header=header,
        test_fraction=test_fraction,
        seed=seed,
        name=name or Path(path).stem or "custom",
    )


def parse_points(
    text: str,
    label_column: str | int | None = None,
    task: str | None = None,
    test_column: str | int | None = None,
    *,
    header: bool | None = None,
    test_fraction: float = 0.0,
    seed: int = 0,
    name: str = "custom",
) -> PointSet:
    """The points of CSV text; as read_points. header None detects it; False/True say so."""
    if task is not None:
        validate.choice(task, TASKS, "task")
    table = open_table(text.removeprefix("\ufeff"), header)
    layout = _layout(table, label_column, test_column)
    cells = _read_rows(table, layout)
    labels = interpret(
        cells.labels, cells.rows, table.column(layout.label), task, table.decimal_comma
    )
    n = len(cells.labels)
    is_test = cells.is_test if layout.test is not None else split_mask(n, test_fraction, seed)
    names = tuple(table.column(j) for j in layout.features) if table.names else ()
    if names == tuple(f"x{i + 1}" for i in range(len(names))):
        names = ()
    return PointSet(
        cells.X, labels.y, labels.task, labels.n_classes, is_test, name, names, labels.class_names
    )


def to_csv(points: PointSet, path: str | Path | None = None, include_split: bool = False) -> str:
    """The points as CSV text (module docstring); also written atomically to path if given
    (OSError when that fails)."""
    features = list(points.feature_names) or [f"x{i + 1}" for i in range(points.dim)]
    header = features + ["label"] + ["test"] * include_split
    body = "".join(_rows(points, include_split))
    text = _line(header) + body
    if sniff(text) != ",":  # names with ';' or tab in every row: a quoted header rules them out
        text = _line(header, always=True) + body
    if path is not None:
        atomic_write(path, lambda f: f.write(text.encode("utf-8")))
    return text


def _quote(cell: str, always: bool = False) -> str:
    if always or _SPECIAL.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _line(cells: list[str], always: bool = False) -> str:
    return ",".join(_quote(cell, always) for cell in cells) + "\n"


def _rows(points: PointSet, include_split: bool) -> Iterator[str]:
    """One line per point: x as repr (exact), the label as the window shows it, test 1/0."""
    labels = [_quote(points.class_label(k)) for k in range(points.n_classes)]
    regression = points.task == "regression"
    split = (",0", ",1") if include_split else ("", "")
    for x, label, test in zip(points.X.tolist(), points.y.tolist(), points.is_test.tolist()):
        target = repr(float(label)) if regression else labels[label]
        yield ",".join(map(repr, x)) + "," + target + split[test] + "\n"


def _file_error(message: str) -> CsvError:
    return CsvError("csv_file", detail=message)


@dataclass(frozen=True)
class _Layout:
    label: int  # 0-based column indices
    test: int | None
    features: tuple[int, ...]


def _layout(table: Table, label_column, test_column) -> _Layout:
    label = None if label_column is None else find_column(table, label_column)
    if test_column is None:
        test = named_column(table, TEST_NAMES, skip=label)
    else:
        test = find_column(table, test_column)
    if label is None:
        label = named_column(table, LABEL_NAMES, skip=test)
    if label is None:
        label = max(j for j in range(table.width) if j != test)
    if label == test:
        raise CsvError("csv_same_column", 0, table.column(label))
    features = tuple(j for j in range(table.width) if j not in (label, test))
    if not features:
        raise CsvError("csv_no_features")
    if len(features) > limits.MAX_INPUTS:
        raise CsvError("csv_too_many_features", value=len(features), high=limits.MAX_INPUTS)
    return _Layout(label, test, features)


@dataclass(frozen=True)
class _Cells:
    X: np.ndarray  # (n, d) float64 features
    labels: list[str]  # (n,) stripped label cells, none empty
    rows: array  # (n,) the row number of each point
    is_test: np.ndarray  # (n,) bool; all False without a test column


def _read_rows(table: Table, layout: _Layout) -> _Cells:
    """Every data row: ragged rows, bad numbers, empty labels and rows past MAX_POINTS refused."""
    values, rows, tests, labels = array("d"), array("q"), bytearray(), []
    columns = [(j, table.column(j)) for j in layout.features]
    label_name = table.column(layout.label)
    for row, cells in table.rows:
        if len(cells) != table.width:
            raise CsvError("csv_ragged", row, value=len(cells), expected=table.width)
        if len(rows) == limits.MAX_POINTS:
            raise CsvError("csv_too_many_rows", row, high=limits.MAX_POINTS)
        values.extend(row_numbers(cells, columns, row, table.decimal_comma))
        label = cells[layout.label].strip()
        if not label:
            raise CsvError("csv_empty_cell", row, label_name)
        labels.append(label)
        rows.append(row)
        if layout.test is not None:
            tests.append(split_value(cells[layout.test], row, table.column(layout.test)))
    X = np.frombuffer(values, np.float64).reshape(len(rows), len(columns)).copy()
    is_test = (
        np.frombuffer(bytes(tests), np.uint8).astype(bool) if tests else np.zeros(len(rows), bool)
    )
    return _Cells(X, labels, rows, is_test)
